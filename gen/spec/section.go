package spec

import (
	"github.com/dataforseo-go/dataforseo/gen/jsonval"
)

// What the examples of a section show, for the pages of the section that
// have none (rules N3 and N4 in doc.go).

// sectionIndex is what the examples of one API section show, for pages
// of the section that have none.
type sectionIndex struct {
	// siblings[x] are the fields some example object holds beside x.
	siblings map[string]map[string]bool
	// shapes[x] are the fields named x whose values an example shows.
	shapes map[string][]shapeDonor
}

type shapeDonor struct {
	ep *endpoint
	n  *node
}

// indexSections collects, per section, the example objects of every
// endpoint: which fields appear side by side, and what same-named fields
// hold.
func (b *builder) indexSections(eps []*endpoint) {
	b.sections = map[string]*sectionIndex{}
	for _, ep := range eps {
		ix := b.sections[ep.section]
		if ix == nil {
			ix = &sectionIndex{siblings: map[string]map[string]bool{}, shapes: map[string][]shapeDonor{}}
			b.sections[ep.section] = ix
		}
		var walk func(n *node)
		walk = func(n *node) {
			var shown []string
			for _, c := range n.children {
				if c.ex.seen > 0 {
					shown = append(shown, c.name)
				}
				if c.ex.seen > c.ex.kinds[jsonval.Null] {
					ix.shapes[c.name] = append(ix.shapes[c.name], shapeDonor{ep, c})
				}
				walk(c)
			}
			if n.objects == 0 || isMapOfEntries(n) {
				return
			}
			for _, x := range shown {
				set := ix.siblings[x]
				if set == nil {
					set = map[string]bool{}
					ix.siblings[x] = set
				}
				for _, y := range shown {
					if y != x {
						set[y] = true
					}
				}
			}
		}
		walk(ep.resp)
	}
}

// knownShape is what the section's examples show of the fields named
// like n with n's table type, in other endpoints: the fields an object
// (or an array's elements) holds, or leaf when it holds none (a scalar,
// a map, an array of scalars). ok is false without such an example.
func (b *builder) knownShape(ep *endpoint, n *node, typ string) (fields []string, leaf bool, from *endpoint, ok bool) {
	ix := b.sections[ep.section]
	if ix == nil {
		return nil, false, nil, false
	}
	// Same name and type; a donor under a parent of the same name first
	// (refinement_chips.items, not a result's items); the envelope's
	// containers only for the envelope's.
	var donors, near []shapeDonor
	for _, d := range ix.shapes[n.name] {
		if d.ep == ep || len(d.n.rows) == 0 || d.n.rows[0].typ != typ || envelopeContainer(d.n) != envelopeContainer(n) {
			continue
		}
		donors = append(donors, d)
		if n.parent != nil && d.n.parent != nil && d.n.parent.name == n.parent.name {
			near = append(near, d)
		}
	}
	if len(near) > 0 {
		donors = near
	}
	if len(donors) == 0 {
		return nil, false, nil, false
	}
	d := donors[0] // the first in path order
	objects := d.n.ex.kinds[jsonval.Object] > 0 || d.n.ex.elemKind[jsonval.Object] > 0
	documented := false
	for _, c := range d.n.children {
		if len(c.rows) > 0 {
			documented = true
		}
	}
	if !objects || !documented {
		return nil, true, d.ep, true // a scalar, an array of scalars, or a map: its keys are data
	}
	for _, c := range d.n.children {
		fields = append(fields, c.name)
	}
	return fields, false, d.ep, true
}

func (ix *sectionIndex) siblingsOf(name string) map[string]bool {
	if ix == nil {
		return nil
	}
	return ix.siblings[name]
}

// shownBeside returns a field of c, placed by this table, that the
// section's examples show beside the row's field.
func shownBeside(c *node, sib map[string]bool, taken func(*node) bool) string {
	for _, f := range c.children {
		if sib[f.name] && taken(f) {
			return f.name
		}
	}
	return ""
}
