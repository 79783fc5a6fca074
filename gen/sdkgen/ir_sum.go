package sdkgen

import (
	"fmt"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"
)

// Sum is a polymorphic element type: the elements of an array whose
// items the spec writes as a oneOf of object components, one per kind,
// with a discriminator (rules V4-V6 of gen/spec). In Go it is an
// interface implemented by one struct per kind, and by Unknown for an
// element of a kind the SDK does not know; a type switch tells them
// apart.
type Sum struct {
	Name      string // the interface: "Item"
	Component string // the spec's component
	Doc       string
	Property  string    // the discriminator's wire name: "type"
	Unknown   string    // the struct of an unknown kind: "UnknownItem"
	Kinds     []SumKind // in wire name order
}

// SumKind is one kind of a Sum: its wire name and its struct.
type SumKind struct {
	Value  string
	Struct *Struct
}

// KindMethod is the method of every kind of a sum that returns the
// kind's wire name; a kind's field of that name is spelled otherwise.
const KindMethod = "Kind"

// isSum tells a schema the spec writes for a polymorphic element.
func isSum(s *openapi3.Schema) bool {
	return s != nil && len(s.OneOf) > 0 && s.Discriminator != nil && len(s.Discriminator.Mapping) > 0
}

// sumFor makes the Sum of a oneOf component: its interface and Unknown
// names from the component's (a rule of names only, as for any type),
// and a struct per kind of its discriminator's mapping.
func (sb *sectionBuilder) sumFor(comp string) *Sum {
	if s := sb.sums[comp]; s != nil {
		return s
	}
	schema := sb.schema(comp)
	sum := &Sum{Name: sb.types.Name(sb.goName(comp), comp), Component: comp, Doc: schema.Description,
		Property: schema.Discriminator.PropertyName}
	sum.Unknown = sb.types.Name("Unknown"+sum.Name, comp+"\x00unknown")
	sb.sums[comp] = sum
	sb.Sums = append(sb.Sums, sum)
	kinds := make([]string, 0, len(schema.Discriminator.Mapping))
	for k := range schema.Discriminator.Mapping {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		st := sb.kindStruct(component(schema.Discriminator.Mapping[k].Ref), fmt.Sprintf("the %q kind of %s", k, sum.Name))
		if !slices.Contains(st.Sums, sum) {
			st.Sums = append(st.Sums, sum)
		}
		sum.Kinds = append(sum.Kinds, SumKind{Value: k, Struct: st})
	}
	return sum
}

// kindStruct makes the struct of a kind's component: a response struct
// whose field names leave room for the kind's methods.
func (sb *sectionBuilder) kindStruct(comp, role string) *Struct {
	if s := sb.structs[comp]; s != nil {
		return s
	}
	schema := sb.schema(comp)
	s := &Struct{Name: sb.types.Name(sb.goName(comp), comp), Doc: schema.Description, Role: role, Component: comp}
	sb.structs[comp] = s
	sb.Structs = append(sb.Structs, s)
	sb.fields(s, schema, false, KindMethod, "UnmarshalJSON")
	return s
}

// sumFields are the fields of a struct that hold polymorphic elements:
// an element (its type is the Sum) or a slice of them.
func sumFields(st *Struct) []*Field {
	var out []*Field
	for _, f := range st.Fields {
		if sumOfField(f) != nil {
			out = append(out, f)
		}
	}
	return out
}

// sumOfField is the Sum a field holds, nil for none: an element, a
// slice of them, or an Opt of such a slice.
func sumOfField(f *Field) *Sum {
	t := f.Type
	if t.Kind == OptK {
		t = t.Elem
	}
	switch {
	case t.Kind == SumK && f.Type.Kind != OptK:
		return t.Sum
	case t.Kind == Slice && t.Elem.Kind == SumK:
		return t.Elem.Sum
	}
	return nil
}

// kindValue is the wire name of a kind struct.
func kindValue(st *Struct) string {
	for _, sum := range st.Sums {
		for _, k := range sum.Kinds {
			if k.Struct == st {
				return k.Value
			}
		}
	}
	return ""
}

// checkSums refuses a Sum the emitters cannot write: a field of a
// polymorphic type other than an element or a slice of them (a map of
// them, a slice of slices).
func checkSums(s *Section) error {
	var bad func(t *GoType, top bool) bool
	bad = func(t *GoType, top bool) bool {
		switch {
		case t == nil:
			return false
		case t.Kind == SumK:
			return !top
		case t.Kind == Slice && t.Elem.Kind == SumK:
			return !top
		}
		return bad(t.Elem, false)
	}
	for _, st := range s.Structs {
		for _, f := range st.Fields {
			t := f.Type
			if t.Kind == OptK && t.Elem.Kind == Slice {
				t = t.Elem // an Opt of a slice of them: three states
			}
			if bad(t, true) {
				return fmt.Errorf("%s.%s: a polymorphic element type is supported as a field or a slice's element, not inside a %v", st.Name, f.Name, f.Type.Kind)
			}
		}
	}
	return nil
}
