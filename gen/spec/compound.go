package spec

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// isFilter tells a filter field: named "filters" or "..._filters", or
// described as conditions joined by a logical operator.
func isFilter(n *node, m merged) bool {
	return n.name == "filters" || strings.HasSuffix(n.name, "_filters") ||
		strings.Contains(strings.ToLower(m.desc), "logical operator")
}

// isOrderBy tells a sorting field: "order_by", or described as sorting rules.
func isOrderBy(n *node, m merged) bool {
	return n.name == "order_by" || strings.Contains(strings.ToLower(m.desc), "sorting rules")
}

func (b *builder) arraySchema(ep *endpoint, n *node, m merged, comp string, sd side, note noteFunc) *openapi3.Schema {
	if sd.request && isFilter(n, m) {
		s := filterField(m)
		b.filterExtension(ep, n, s)
		return s
	}
	s := openapi3.NewArraySchema()
	if sd.request && m.f.MaxCount != nil {
		s.MaxItems = ptr(uint64(*m.f.MaxCount))
	}
	if sd.request && isOrderBy(n, m) {
		s.Items = ref(contract.OrderByRule)
		return s
	}
	if sum := b.sumSchema(ep, n, comp); sum != nil {
		s.Items = sum // V4: a polymorphic array
		return s
	}
	if e := elementNode(n); len(e.children) > 0 || n.ex.elemKind[jsonval.Object] > 0 {
		s.Items = b.component(ep, e, comp, sd, "")
		return s
	}
	var kinds []jsonval.Kind
	for k := jsonval.Bool; k <= jsonval.Array; k++ {
		if n.ex.elemKind[k] > 0 {
			kinds = append(kinds, k)
		}
	}
	var item *openapi3.Schema
	switch {
	case len(kinds) == 0 && len(m.f.Enum) > 0:
		item = b.stringSchema(nil, merged{f: m.f}, note)
	case len(kinds) == 0:
		item = openapi3.NewStringSchema()
		note("type", "no example shows an element: elements assumed to be strings")
	case len(kinds) > 1:
		item = &openapi3.Schema{}
		note("type", "the examples mix element types (%v): elements left untyped", kinds)
	case kinds[0] == jsonval.String:
		item = b.stringSchema(n.ex.elemStrs, merged{f: m.f}, note)
		item.Default = nil
	case kinds[0] == jsonval.Array:
		item = openapi3.NewArraySchema()
		item.Items = &openapi3.SchemaRef{Value: &openapi3.Schema{}}
		note("type", "an array of arrays: inner elements left untyped")
	default:
		item = &openapi3.Schema{Type: &openapi3.Types{typeName(wireType(kinds[0], n.ex.elemFrac))}}
		if item.Type.Is(openapi3.TypeInteger) {
			item.Format = "int64"
		} else if item.Type.Is(openapi3.TypeNumber) {
			item.Format = "double"
		}
	}
	if n.ex.elemKind[jsonval.Null] > 0 {
		item.Nullable = true
	}
	s.Items = &openapi3.SchemaRef{Value: item}
	return s
}

func typeName(t string) string {
	switch t {
	case "float":
		return openapi3.TypeNumber
	case "integer":
		return openapi3.TypeInteger
	}
	return t
}

// filterField is a filter field: a condition or a group (rule F1), with
// the documented maximum number of conditions.
func filterField(m merged) *openapi3.Schema {
	s := &openapi3.Schema{
		Description: m.desc,
		AnyOf:       openapi3.SchemaRefs{ref(contract.FilterCondition), ref(contract.FilterGroup)},
	}
	if m.f.MaxCount != nil {
		n := *m.f.MaxCount
		s.Extensions = map[string]any{contract.ExtMaxConditions: n}
		// n conditions joined by n-1 operators in one group.
		s.MaxItems = ptr(uint64(2*n - 1))
	}
	return s
}

// objectSchema is the inline schema of an object field that is not a
// component: a map when the table documents no field of it (rule E4), a
// free-form object when nothing shows what it holds. It returns nil when
// the object has documented fields and so is a component.
func (b *builder) objectSchema(ep *endpoint, n *node, m merged, comp string, sd side, note noteFunc) *openapi3.Schema {
	if isMapOfEntries(n) {
		// N7: the table documents one entry by an example key ("1", the
		// first target): a map of what that entry holds.
		entry := n.children[0]
		for _, c := range n.children {
			if len(c.rows) > 0 {
				entry = c
				break
			}
		}
		note("map", "N7: its field %q is an example key: a map, each value as %q is documented", entry.name, entry.name)
		return &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeObject},
			AdditionalProperties: openapi3.AdditionalProperties{Schema: b.fieldSchema(ep, entry, comp, sd)}}
	}
	for _, c := range n.children {
		if len(c.rows) > 0 {
			return nil
		}
	}
	ml := n.ex.mapLike
	if (ml == nil || ml.seen == 0) && mapCountProse.MatchString(m.desc) {
		note("map", "N5: no documented fields, no example keys, and its description gives a count per key: a map of integer")
		return &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeObject},
			AdditionalProperties: openapi3.AdditionalProperties{Schema: &openapi3.SchemaRef{Value: openapi3.NewInt64Schema()}}}
	}
	if ml == nil || ml.seen == 0 {
		if mapProse.MatchString(m.desc) {
			note("map", "N5: no documented fields, no example keys; its description gives a value per key: a map of values no example types")
		} else {
			note("map", "an object with no documented fields and no example keys: a free-form object")
		}
		return &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeObject},
			AdditionalProperties: openapi3.AdditionalProperties{Schema: &openapi3.SchemaRef{Value: &openapi3.Schema{}}}}
	}
	vk := ml.nonNullKinds()
	if len(vk) != 1 || vk[0] == jsonval.Object || vk[0] == jsonval.Array {
		note("undocumented", "an object with no documented fields whose example values differ in type: its fields are taken from the example")
		return nil
	}
	val := &openapi3.Schema{Type: &openapi3.Types{typeName(wireType(vk[0], ml.fraction))}}
	switch {
	case val.Type.Is(openapi3.TypeInteger):
		val.Format = "int64"
	case val.Type.Is(openapi3.TypeNumber):
		val.Format = "double"
	}
	if ml.kinds[jsonval.Null] > 0 {
		val.Nullable = true
	}
	keys := make([]string, 0, len(n.children))
	for _, c := range n.children {
		keys = append(keys, fmt.Sprintf("%q", c.name))
	}
	if len(keys) > 6 {
		keys = append(keys[:6], "...")
	}
	if len(keys) == 0 {
		note("map", "no documented fields; the values are %ss: a map of %s", wireType(vk[0], ml.fraction), wireType(vk[0], ml.fraction))
	} else {
		note("map", "no documented fields; the example's keys (%s) are data: a map of %s", strings.Join(keys, ", "), wireType(vk[0], ml.fraction))
	}
	return &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeObject},
		AdditionalProperties: openapi3.AdditionalProperties{Schema: &openapi3.SchemaRef{Value: val}}}
}

// component makes the object component name from n's fields, and
// returns a reference to it. desc overrides the node's description.
func (b *builder) component(ep *endpoint, n *node, name string, sd side, desc string) *openapi3.SchemaRef {
	name = b.names.Name(name, componentOwner(ep, n, sd))
	if _, done := b.doc.Components.Schemas[name]; done {
		return ref(name)
	}
	s := openapi3.NewObjectSchema()
	s.Properties = openapi3.Schemas{}
	b.doc.Components.Schemas[name] = &openapi3.SchemaRef{Value: s}
	if desc == "" {
		desc = b.mergeRows(ep, n, sd.part).desc
	}
	s.Description = desc
	for _, c := range n.children {
		s.Properties[c.name] = b.fieldSchema(ep, c, b.childComponent(ep, name, c), sd)
		// R2: a response field every example object has is required: it is
		// always sent. One some leave out, or only the table has, is not.
		if !sd.request && n.objects > 0 && c.ex.seen == n.objects {
			s.Required = append(s.Required, c.name)
		} else if !sd.request && n.docObjects > 0 && c.docs.seen == n.docObjects && len(n.rec) > 0 {
			b.wireRequired(ep, n, c)
		}
		if sd.request && b.mergeRows(ep, c, sd.part).f.Required {
			// R1: an example that leaves a "required" field out shows it
			// is not always required (the docs' url-instead-of-keyword).
			if n.objects > 0 && c.ex.seen < n.objects {
				b.report.add(ep, nil, sd.part, c.path(), "required",
					fmt.Sprintf("the table says required, but %d of %d example tasks leave it out: optional", n.objects-c.ex.seen, n.objects))
				continue
			}
			s.Required = append(s.Required, c.name)
		}
	}
	slices.Sort(s.Required)
	if len(n.children) > 1 {
		s.Extensions = map[string]any{contract.ExtOrder: b.fieldOrder(n, s.Required, sd.request)}
	}
	return ref(name)
}

// componentOwner is who a component name belongs to in the names pool.
func componentOwner(ep *endpoint, n *node, sd side) string {
	return ep.method + " " + ep.path + " " + string(sd.part) + " " + n.path()
}

// childComponent names the component of a field of component parent:
// the result's items are the operation's "Item"; other arrays name one
// element ("...Option" for "options"), objects keep the field's name.
func (b *builder) childComponent(ep *endpoint, parent string, c *node) string {
	if c.name == "items" && c.parent.name == "result" && c.parent.parent != nil &&
		c.parent.parent.name == "tasks" && c.parent.parent.parent == ep.resp {
		return ep.op + "Item"
	}
	if c.ex.kinds[jsonval.Array] > 0 || len(c.rows) > 0 && c.rows[0].typ == "array" {
		return parent + contract.Camel(singular(c.name))
	}
	return parent + contract.Camel(c.name)
}

// orderByRule is one sorting rule: "field,asc" or "field,desc".
var orderByRule = regexp.MustCompile(`^[A-Za-z0-9_.]+,(asc|desc)$`)

// sharedComponents are the schemas every operation uses: the filter
// grammar (rule F1) and the sorting rule (F2).
func sharedComponents() openapi3.Schemas {
	scalar := openapi3.SchemaRefs{
		{Value: openapi3.NewStringSchema()},
		{Value: floatSchema()},
		{Value: openapi3.NewBoolSchema()},
	}
	value := append(slices.Clone(scalar), &openapi3.SchemaRef{Value: &openapi3.Schema{
		Type:  &openapi3.Types{openapi3.TypeArray},
		Items: &openapi3.SchemaRef{Value: &openapi3.Schema{AnyOf: scalar}},
	}})
	cond := openapi3.NewArraySchema()
	cond.Description = "one filter condition: [field, operator, value], e.g. [\"backlinks\", \">\", 100];\n" +
		"the value is a string, number or boolean, or an array of them for \"in\" and \"not_in\", or null"
	cond.MinItems, cond.MaxItems = 3, ptr(uint64(3))
	cond.Items = &openapi3.SchemaRef{Value: &openapi3.Schema{AnyOf: value, Nullable: true}}
	group := openapi3.NewArraySchema()
	group.Description = "filters joined by logical operators: [filter, \"and\"|\"or\", filter, ...]; groups nest;\n" +
		"a single filter may stand alone in a group: [[\"keyword_info.search_volume\", \">\", 10]]"
	group.MinItems = 1
	group.Items = &openapi3.SchemaRef{Value: &openapi3.Schema{AnyOf: openapi3.SchemaRefs{
		ref(contract.Filter),
		{Value: openapi3.NewStringSchema().WithEnum("and", "or")},
	}}}
	filter := &openapi3.Schema{
		Description: "a filter: one condition, or conditions joined by \"and\"/\"or\", nested",
		AnyOf:       openapi3.SchemaRefs{ref(contract.FilterCondition), ref(contract.FilterGroup)},
	}
	rule := openapi3.NewStringSchema()
	rule.Description = "a sorting rule: a field name and a direction joined by a comma, e.g. \"rank,desc\""
	rule.Pattern = orderByRule.String()
	return openapi3.Schemas{
		contract.FilterCondition: {Value: cond},
		contract.FilterGroup:     {Value: group},
		contract.Filter:          {Value: filter},
		contract.OrderByRule:     {Value: rule},
	}
}
