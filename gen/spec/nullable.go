package spec

import (
	"github.com/dataforseo-go/dataforseo/gen/jsonval"
)

// nullWitness is where a field of a section was seen to be nullable.
type nullWitness struct {
	path  string // the endpoint
	field string // the field's path there
}

// sectionNullables finds, per section, the response fields of a scalar
// type that are nullable somewhere (an example writes null, or the prose
// says so): rule E10 makes the same field, of the same type, nullable in
// every endpoint of the section, so that one field has one Go type.
func (b *builder) sectionNullables(eps []*endpoint) {
	b.nullables = map[string]nullWitness{}
	for _, ep := range eps {
		var walk func(n *node, depth int)
		walk = func(n *node, depth int) {
			for _, c := range n.children {
				walk(c, depth+1)
			}
			if depth < 2 || len(n.children) > 0 {
				return // the envelopes' own fields, and objects
			}
			m := b.mergeRows(ep, n, responseSide.part)
			if !(n.ex.kinds[jsonval.Null] > 0 || m.f.Nullable) {
				return
			}
			key := nullableKey(ep, n, b.resolveType(n, m, func(string, string, ...any) {}))
			if _, ok := b.nullables[key]; !ok {
				b.nullables[key] = nullWitness{path: ep.method + " " + ep.path, field: n.path()}
			}
		}
		walk(ep.resp, 0)
	}
}

func nullableKey(ep *endpoint, n *node, typ string) string {
	return ep.section + "\x00" + n.name + "\x00" + typ
}

// nullableElsewhere returns where the same field of the section is
// nullable, for a response field that is not nullable here (rule E10).
func (b *builder) nullableElsewhere(ep *endpoint, n *node, typ string, sd side) (nullWitness, bool) {
	if sd.request || typ == "" || typ == "object" || typ == "array" || len(n.children) > 0 {
		return nullWitness{}, false
	}
	w, ok := b.nullables[nullableKey(ep, n, typ)]
	return w, ok
}
