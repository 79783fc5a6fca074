package spec

import (
	"fmt"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
)

// borrowShapes fills in what the examples never show of a field (rule E5):
// an object or array whose every example value is null, or that no example
// has, takes the values seen for the field of the same name, and the same
// table type, in another endpoint of the same API section. DataForSEO
// reuses field names with one meaning across a section
// (referring_links_attributes is the same map everywhere), so this is
// evidence, where "free-form object" would be a guess. Each borrow is
// reported.
func (b *builder) borrowShapes(eps []*endpoint) {
	type donor struct {
		ep *endpoint
		n  *node
	}
	donors := map[string][]donor{} // section/type/name
	var collect func(ep *endpoint, n *node)
	collect = func(ep *endpoint, n *node) {
		for _, c := range n.children {
			if shapeKnown(c) && len(c.rows) > 0 {
				key := ep.section + "/" + c.rows[0].typ + "/" + c.name
				donors[key] = append(donors[key], donor{ep, c})
			}
			collect(ep, c)
		}
		for _, v := range n.variants {
			collect(ep, v)
		}
	}
	for _, ep := range eps {
		collect(ep, ep.resp)
	}
	var fill func(ep *endpoint, n *node)
	fill = func(ep *endpoint, n *node) {
		for _, v := range n.variants {
			fill(ep, v) // the kinds' fields too (V5)
		}
		for _, c := range n.children {
			fill(ep, c)
			if len(c.rows) == 0 || shapeKnown(c) || len(c.children) > 0 || envelopeContainer(c) || envelopeLeaf(c) {
				continue // the envelope's parts hold what each endpoint's own pages say
			}
			typ := c.rows[0].typ
			if typ != "object" && typ != "array" {
				continue
			}
			for _, d := range donors[ep.section+"/"+typ+"/"+c.name] {
				if d.ep == ep {
					continue
				}
				c.ex.mapLike, c.ex.elemKind, c.ex.elemFrac, c.ex.elemStrs = d.n.ex.mapLike, d.n.ex.elemKind, d.n.ex.elemFrac, d.n.ex.elemStrs
				b.report.add(ep, nil, responseSide.part, c.path(), "borrowed",
					fmt.Sprintf("no example shows what this %s holds; %s %s has the same field: its shape is used", typ, d.ep.method, d.ep.path))
				break
			}
		}
	}
	for _, ep := range eps {
		fill(ep, ep.resp)
	}
}

// shapeKnown reports whether the examples show what an object or array
// field holds.
func shapeKnown(n *node) bool {
	if n.ex.mapLike != nil && n.ex.mapLike.seen > 0 {
		return true
	}
	return n.ex.elems > 0 && n.ex.elems > n.ex.elemKind[jsonval.Null]
}
