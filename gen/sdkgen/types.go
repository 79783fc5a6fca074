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
			return &GoType{Kind: Named, Name: e.Name, Enum: e}
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
// and set of values in a package; a field name whose values differ from
// an earlier one's is prefixed with the struct that holds it.
func (sb *sectionBuilder) enum(field, owner string, v *openapi3.Schema) *Enum {
	values := make([]string, 0, len(v.Enum))
	for _, x := range v.Enum {
		if s, ok := x.(string); ok {
			values = append(values, s)
		}
	}
	key := field + "=" + strings.Join(values, "|")
	if e := sb.enums[key]; e != nil {
		return e
	}
	name := goname.Exported(field)
	if prev, ok := sb.byName[name]; ok && !slices.Equal(prev, values) {
		name = owner + name
	}
	sb.byName[name] = values
	e := &Enum{Name: sb.types.Name(name, key), Doc: firstLine(v.Description)}
	for _, val := range values {
		e.Values = append(e.Values, EnumValue{Name: sb.types.Name(e.Name+goname.Exported(val), key+"/"+val), Value: val})
	}
	sb.enums[key] = e
	sb.Enums = append(sb.Enums, e)
	return e
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
