package spec

import (
	"fmt"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// The schemas of polymorphic arrays (rules V4-V6 in doc.go): an array
// whose elements are of two kinds or more is a oneOf of one component per
// kind, with a discriminator on the elements' type. A kind is one
// component per section, its fields merged from every operation that
// documents it.

// polymorphism is what the builder knows of the polymorphic arrays once
// every table is placed.
type polymorphism struct {
	sections map[string]*sectionKinds
}

// sectionKinds are the element kinds of one section.
type sectionKinds struct {
	ep    *endpoint           // the pseudo-endpoint the kinds report under
	root  *node               // the parent of the merged kind nodes
	kinds map[string]*node    // by kind: its fields, merged from every operation (V5)
	from  map[string][]string // by kind: the operations that document it
	items []string            // the kinds of the result's items of every operation, sorted (V6)
	// polyItems are the kinds of the result's items of the operations
	// whose result's items are polymorphic.
	polyItems map[string]bool
	comps     map[string]string // by kind: its component, reserved
	item      string            // the component of a result's items, reserved
	// types are the section's types of each field name, and where one
	// field has it (V7), once asked.
	types map[string]map[string]string
}

// minKinds is how many kinds make an array polymorphic (V4): one kind is
// an object like any other.
const minKinds = 2

// isSum tells an array node whose elements are of two kinds or more.
func isSum(n *node) bool { return len(n.variants) >= minKinds && isArrayNode(n) }

// isSum is V4 and V6 for an endpoint's array: its elements are of two
// kinds or more; or it is a result's items of one kind that another
// operation's polymorphic result items have (one kind, one type).
func (p *polymorphism) isSum(ep *endpoint, n *node) bool {
	if isSum(n) {
		return true
	}
	sk := p.sections[ep.section]
	return sk != nil && len(n.variants) == 1 && isArrayNode(n) && n == resultItems(ep) && sk.polyItems[n.variants[0].kind]
}

// resultItems is the endpoint's result's items, nil when it has none.
func resultItems(ep *endpoint) *node {
	if t := ep.resp.child(contract.Tasks); t != nil {
		if r := t.child(contract.Result); r != nil {
			return r.child(contract.Items)
		}
	}
	return nil
}

// collectSums finds, in every endpoint's response, the polymorphic
// arrays, and merges the kinds they hold per section (V5). Below such an
// array only its kinds are read: the union of their fields is not what
// the schema writes. Then the kinds' component names are reserved, in
// name order, before any operation's: they depend on the kind's name
// only (contract.KindComponent).
func (b *builder) collectSums(eps []*endpoint) {
	p := &polymorphism{sections: map[string]*sectionKinds{}}
	b.poly = p
	for _, ep := range eps {
		if items := resultItems(ep); items != nil && isSum(items) {
			sk := p.section(ep.section)
			for _, v := range items.variants {
				sk.polyItems[v.kind] = true
			}
		}
	}
	for _, ep := range eps {
		sk := p.section(ep.section)
		var walk func(n *node, inSum bool)
		walk = func(n *node, inSum bool) {
			for _, c := range n.children {
				if c.name == contract.Data && c.parent.name == contract.Tasks && c.parent.parent == ep.resp {
					continue // the echo of the request: its schema is the request's
				}
				sum := p.isSum(ep, c)
				if !(sum || inSum && len(c.variants) > 0) {
					walk(c, inSum)
					continue
				}
				if sum && c.name == contract.Items && envelopeContainer(c) {
					for _, v := range c.variants {
						if !slices.Contains(sk.items, v.kind) {
							sk.items = append(sk.items, v.kind)
						}
					}
				}
				for _, v := range c.variants {
					sk.add(ep, v)
					walk(v, true)
				}
			}
		}
		walk(ep.resp, false)
	}
	names := make([]string, 0, len(p.sections))
	for s := range p.sections {
		names = append(names, s)
	}
	slices.Sort(names)
	for _, s := range names {
		sk := p.sections[s]
		slices.Sort(sk.items)
		kinds := make([]string, 0, len(sk.kinds))
		for k := range sk.kinds {
			kinds = append(kinds, k)
		}
		slices.Sort(kinds)
		for _, k := range kinds {
			sk.comps[k] = b.names.Name(contract.KindComponent(s, k), componentOwner(sk.ep, sk.kinds[k], responseSide))
		}
		if len(sk.items) > 0 {
			sk.item = b.names.Name(contract.Camel(s)+contract.SuffixItem, "items of "+s)
		}
	}
}

func (p *polymorphism) section(s string) *sectionKinds {
	sk := p.sections[s]
	if sk == nil {
		root := &node{}
		root.ex.kinds = map[jsonval.Kind]int{jsonval.Array: 1}
		sk = &sectionKinds{
			ep:        &endpoint{path: s, op: contract.Camel(s), section: s},
			root:      root,
			kinds:     map[string]*node{},
			from:      map[string][]string{},
			comps:     map[string]string{},
			polyItems: map[string]bool{},
		}
		p.sections[s] = sk
	}
	return sk
}

// add merges what an operation documents of a kind into the section's.
func (sk *sectionKinds) add(ep *endpoint, v *node) {
	m := sk.kinds[v.kind]
	if m == nil {
		m = &node{parent: sk.root, kind: v.kind, fromTable: true}
		sk.kinds[v.kind] = m
	}
	mergeInto(m, v)
	if op := ep.method + " " + ep.path; !slices.Contains(sk.from[v.kind], op) {
		sk.from[v.kind] = append(sk.from[v.kind], op)
	}
}

// mergeInto adds what src says to dst: its rows (rules M1-M5 settle
// them), what its examples show, its fields and kinds, recursively.
func mergeInto(dst, src *node) {
	dst.rows = append(dst.rows, src.rows...)
	dst.ex.merge(&src.ex)
	dst.docs.merge(&src.docs)
	dst.objects += src.objects
	dst.docObjects += src.docObjects
	dst.fromTable = dst.fromTable && src.fromTable
	if dst.heading == "" {
		dst.heading = src.heading
	}
	for f, s := range src.rec {
		if dst.rec == nil {
			dst.rec = map[string]*exampleStats{}
		}
		if dst.rec[f] == nil {
			dst.rec[f] = &exampleStats{}
		}
		dst.rec[f].merge(s)
	}
	for _, c := range src.children {
		d := dst.child(c.name)
		if d == nil {
			d = &node{name: c.name, parent: dst, fromTable: true}
			dst.children = append(dst.children, d)
		}
		mergeInto(d, c)
	}
	for _, v := range src.variants {
		w := dst.variant(v.kind)
		if len(w.rows) == 0 && len(w.children) == 0 && w.objects == 0 {
			w.fromTable = true
		}
		mergeInto(w, v)
	}
}

// sumSchema is the element schema of a polymorphic array (V4): a
// reference to the oneOf of its kinds, named comp; a result's items are
// one component for the whole section (V6). nil when n is not
// polymorphic.
func (b *builder) sumSchema(ep *endpoint, n *node, comp string) *openapi3.SchemaRef {
	if b.poly == nil || ep.req == n || under(n, ep.req) || !(isSum(n) || ep.resp != nil && b.poly.isSum(ep, n)) {
		return nil // requests have no kinds
	}
	sk := b.poly.sections[ep.section]
	var kinds []string
	for _, v := range n.variants {
		kinds = append(kinds, v.kind)
	}
	slices.Sort(kinds)
	name := b.names.Name(comp, componentOwner(ep, n, responseSide)+" kinds")
	what := "an element of " + n.name
	if n.name == contract.Items && envelopeContainer(n) && sk.item != "" {
		name, kinds, what = sk.item, sk.items, "an element of a result's items"
	}
	if isSum(n) {
		b.report.add(ep, nil, responseSide.part, n.path(), "variant", fmt.Sprintf("V4: its elements are of %d kinds (%s): one of %s, as their %q says",
			len(n.variants), strings.Join(firstN(kindsOf(n), 8), ", "), name, contract.Discriminator))
	} else {
		b.report.add(ep, nil, responseSide.part, n.path(), "variant", fmt.Sprintf("V6: its elements are of one kind, %q, which other operations' polymorphic result items have: one of %s too",
			n.variants[0].kind, name))
	}
	if _, done := b.doc.Components.Schemas[name]; done {
		return ref(name)
	}
	s := &openapi3.Schema{
		Description: fmt.Sprintf("%s: one of %d kinds, which its %q names", what, len(kinds), contract.Discriminator),
		Discriminator: &openapi3.Discriminator{PropertyName: contract.Discriminator,
			Mapping: map[string]openapi3.MappingRef{}},
	}
	b.doc.Components.Schemas[name] = &openapi3.SchemaRef{Value: s}
	for _, k := range kinds {
		r := b.kindSchema(sk, k)
		s.OneOf = append(s.OneOf, r)
		s.Discriminator.Mapping[k] = openapi3.MappingRef{Ref: r.Ref}
	}
	return ref(name)
}

func kindsOf(n *node) []string {
	ks := make([]string, len(n.variants))
	for i, v := range n.variants {
		ks[i] = v.kind
	}
	return ks
}

// kindSchema writes the component of one kind of the section (V5), and
// returns a reference to it. Its discriminator is always sent.
func (b *builder) kindSchema(sk *sectionKinds, k string) *openapi3.SchemaRef {
	name := sk.comps[k]
	if _, done := b.doc.Components.Schemas[name]; done {
		return ref(name)
	}
	n := sk.kinds[k]
	desc := fmt.Sprintf("the %q element", k)
	if n.heading != "" {
		desc += " (" + strings.TrimSpace(strings.TrimSuffix(n.heading, "<br>")) + ")"
	}
	if t := n.child(contract.Discriminator); t != nil {
		if _, more, ok := strings.Cut(b.mergeRows(sk.ep, t, responseSide.part).desc, "\n"); ok && strings.TrimSpace(more) != "" {
			desc += ": " + more
		}
	}
	b.report.add(sk.ep, nil, responseSide.part, n.path(), "variant", fmt.Sprintf("V5: documented by %s: one component, %s; where they disagree on a field, rules M1-M5 and E2 decide (below)",
		strings.Join(sk.from[k], ", "), name))
	r := b.component(sk.ep, n, name, responseSide, desc)
	s := b.doc.Components.Schemas[name].Value
	if s.Properties[contract.Discriminator] == nil {
		s.Properties[contract.Discriminator] = &openapi3.SchemaRef{Value: openapi3.NewStringSchema()}
	}
	if !slices.Contains(s.Required, contract.Discriminator) {
		s.Required = append(s.Required, contract.Discriminator)
		slices.Sort(s.Required)
	}
	return r
}

// kindFieldType is rule V7: a field of a kind that no row types and the
// examples show only as null takes the type the section's fields of that
// name have elsewhere, when they all have one (splitting a union by kind
// leaves such a field without the rows of the other kinds). "" when n is
// not a kind's field or the section's fields disagree.
func (b *builder) kindFieldType(ep *endpoint, n *node, note noteFunc) string {
	sk := b.poly.sectionOf(ep)
	if sk == nil || !under(n, sk.root) || len(n.children) > 0 {
		return ""
	}
	if sk.types == nil {
		sk.types = map[string]map[string]string{}
		for _, e := range b.eps {
			if e.section != sk.ep.section {
				continue
			}
			var walk func(c *node)
			walk = func(c *node) {
				for _, f := range c.children {
					walk(f)
					if len(f.children) > 0 {
						continue
					}
					t := levelType(f)
					if t == "" {
						if kinds := f.ex.nonNullKinds(); len(kinds) == 1 {
							t = wireType(kinds[0], f.ex.fraction)
						}
					}
					if t == "" {
						continue
					}
					if sk.types[f.name] == nil {
						sk.types[f.name] = map[string]string{}
					}
					if _, ok := sk.types[f.name][t]; !ok {
						sk.types[f.name][t] = e.method + " " + e.path + " " + f.path()
					}
				}
			}
			walk(e.resp)
		}
	}
	ts := sk.types[n.name]
	if len(ts) != 1 {
		return ""
	}
	for t, w := range ts {
		note("type", "V7: no row types it and the examples only show null; the section's other %q fields are %ss (%s): %s", n.name, t, w, t)
		return t
	}
	return ""
}

// sectionOf is the kinds of the endpoint's section; nil when none.
func (p *polymorphism) sectionOf(ep *endpoint) *sectionKinds {
	if p == nil {
		return nil
	}
	return p.sections[ep.section]
}

// elementNode is the node of the elements of an array of one kind inside
// a kind (V5): its kind's, which has the rows the table gave that kind
// (the union of an array in a kind's tree has only its examples'). Any
// other array's elements are the array's own node.
func elementNode(n *node) *node {
	if len(n.variants) != 1 {
		return n
	}
	for c := n.parent; c != nil; c = c.parent {
		if c.kind != "" {
			return n.variants[0]
		}
	}
	return n
}
