package sdkgen

import (
	"fmt"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/gen/goname"
	"github.com/dataforseo-go/dataforseo/spec/contract"
)

var (
	goString  = &GoType{Kind: Scalar, Name: "string"}
	goInt64   = &GoType{Kind: Scalar, Name: "int64"}
	goFloat64 = &GoType{Kind: Scalar, Name: "float64"}
	goBool    = &GoType{Kind: Scalar, Name: "bool"}
	goTime    = &GoType{Kind: Time, Name: "Time"}
	goAny     = &GoType{Kind: Any, Name: "any"}
	goFilter  = &GoType{Kind: Filter, Name: "Filter"}
	goOrderBy = &GoType{Kind: OrderBy, Name: "OrderBy"}
)

// goType maps a schema to Go. field is the wire name of the field the
// schema types (it names enums), owner the struct that holds it (it
// names an enum whose name another enum has).
func (sb *sectionBuilder) goType(ref *openapi3.SchemaRef, field string, request bool, owner string) *GoType {
	if ref == nil {
		return goAny
	}
	if ref.Ref != "" {
		switch comp := component(ref.Ref); comp {
		case contract.Filter, contract.FilterCondition, contract.FilterGroup:
			return goFilter
		case contract.OrderByRule:
			return goString
		default:
			if isSum(sb.schema(comp)) {
				sum := sb.sumFor(comp)
				return &GoType{Kind: SumK, Name: sum.Name, Sum: sum}
			}
			role := fmt.Sprintf("the type of %s.%s", owner, goname.Exported(field))
			return &GoType{Kind: StructK, Name: sb.structFor(comp, request, role).Name}
		}
	}
	v := ref.Value
	for _, a := range v.AnyOf {
		if c := component(a.Ref); c == contract.FilterCondition || c == contract.FilterGroup {
			return goFilter
		}
	}
	switch {
	case v.Type.Is(openapi3.TypeString):
		switch {
		case v.Format == contract.DateTimeFormat:
			return goTime
		case len(v.Enum) > 0:
			e := sb.enum(field, owner, v)
			t := &GoType{Kind: Named, Enum: e}
			e.types = append(e.types, t)
			return t
		}
		return goString
	case v.Type.Is(openapi3.TypeInteger):
		return goInt64
	case v.Type.Is(openapi3.TypeNumber):
		return goFloat64
	case v.Type.Is(openapi3.TypeBoolean):
		return goBool
	case v.Type.Is(openapi3.TypeArray):
		if v.Items != nil && component(v.Items.Ref) == contract.OrderByRule {
			return goOrderBy
		}
		elem := sb.goType(v.Items, field, request, owner)
		if v.Items != nil && v.Items.Value != nil && v.Items.Value.Nullable && (elem.Kind == Scalar || elem.Kind == Named || elem.Kind == Time) {
			elem = &GoType{Kind: OptK, Elem: elem}
		}
		return &GoType{Kind: Slice, Elem: elem}
	case v.Type.Is(openapi3.TypeObject):
		if ap := v.AdditionalProperties.Schema; ap != nil {
			return &GoType{Kind: Map, Elem: sb.goType(ap, field, request, owner)}
		}
		return &GoType{Kind: Map, Elem: goAny}
	}
	return goAny
}

// enum returns the enum type of a string field: one type per field name
// and list of values in a package. Its name is decided once the whole
// package is built (nameEnums), so that it does not depend on the order
// the fields are met in.
func (sb *sectionBuilder) enum(field, owner string, v *openapi3.Schema) *Enum {
	values := make([]string, 0, len(v.Enum))
	for _, x := range v.Enum {
		if s, ok := x.(string); ok {
			values = append(values, s)
		}
	}
	key := field + "=" + strings.Join(values, "|")
	e := sb.enums[key]
	if e == nil {
		e = &Enum{field: field, key: key}
		for _, val := range values {
			e.Values = append(e.Values, EnumValue{Value: val})
		}
		sb.enums[key] = e
		sb.Enums = append(sb.Enums, e)
	}
	if !slices.ContainsFunc(e.owners, func(o enumOwner) bool { return o.name == owner }) {
		e.owners = append(e.owners, enumOwner{owner, firstLine(v.Description)})
	}
	return e
}

// enumOwner is a struct with a field of an enum type, and the field's doc.
type enumOwner struct{ name, doc string }

// nameEnums names the package's enums by a rule of their own, order
// independent: an enum is named for its field ("backlinks_status_type"
// is BacklinksStatusType) when no other list of values has a field of
// that name, or when its list is the one most structs have (on a tie,
// none is); otherwise, when the name is a struct's, and when it says
// nothing alone (contract.Generic: "type"), it is qualified by the first
// of its structs in string order (SpellType). A name still taken goes to the enums in the
// order of their field and values, numbered. A constant is the enum's
// name and the value's, unique in the package in the same order.
func (sb *sectionBuilder) nameEnums(structs map[string]bool) {
	byField := map[string][]*Enum{}
	for _, e := range sb.Enums {
		slices.SortFunc(e.owners, func(x, y enumOwner) int { return strings.Compare(x.name, y.name) })
		byField[e.field] = append(byField[e.field], e)
	}
	bare := map[*Enum]bool{}
	for _, es := range byField {
		var best *Enum
		tie := false
		for _, e := range es {
			switch {
			case best == nil || len(e.owners) > len(best.owners):
				best, tie = e, false
			case len(e.owners) == len(best.owners):
				tie = true
			}
		}
		if !tie {
			bare[best] = true
		}
	}
	sorted := slices.Clone(sb.Enums)
	slices.SortFunc(sorted, func(x, y *Enum) int { return strings.Compare(x.key, y.key) })
	for _, e := range sorted {
		name := goname.Exported(e.field)
		if !bare[e] || structs[name] || contract.Generic(name) {
			name = e.owners[0].name + name
		}
		e.Name = sb.types.Name(name, "enum "+e.key)
		e.Doc = e.owners[0].doc
		for _, t := range e.types {
			t.Name = e.Name
		}
	}
	for _, e := range sorted {
		for i := range e.Values {
			e.Values[i].Name = sb.types.Name(e.Name+goname.Exported(e.Values[i].Value), "enum "+e.key+"/"+e.Values[i].Value)
		}
	}
}

// joinRoles says what a struct is from every place that uses it, in an
// order that does not depend on the order they were met in: "the type of
// A.B, C.D and 3 other fields".
func joinRoles(role string, roles []string) string {
	const typeOf = "the type of "
	var fields []string
	for _, r := range roles {
		f, ok := strings.CutPrefix(r, typeOf)
		if !ok {
			return role // a request's or a data's own role
		}
		fields = append(fields, f)
	}
	slices.Sort(fields)
	fields = slices.Compact(fields)
	switch n := len(fields); {
	case n == 0:
		return role
	case n == 1:
		return typeOf + fields[0]
	case n <= 3:
		return typeOf + strings.Join(fields[:n-1], ", ") + " and " + fields[n-1]
	default:
		return fmt.Sprintf("%s%s and %d other fields", typeOf, strings.Join(fields[:2], ", "), n-2)
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
