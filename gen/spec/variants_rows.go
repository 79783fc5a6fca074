package spec

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
	"github.com/dataforseo-go/dataforseo/gen/page"
)

// Polymorphic arrays, continued (variants.go): the kinds the examples and
// the tables show, and where a table's rows open and close a kind.

// kindSiblings is, for the section, which kinds the examples show in one
// array with which: kindSiblings(s)[a][b] when some array holds both.
func (b *builder) kindSiblings(section string) map[string]map[string]bool {
	return b.kindIndex[section]
}

// indexKinds collects, per section, the kinds the examples show side by
// side in one array (rule V3), and the fields they show each kind with.
func (b *builder) indexKinds(eps []*endpoint) {
	b.kindIndex = map[string]map[string]map[string]bool{}
	b.kindFields = map[string]map[string][]string{}
	b.kindNodes = map[string]map[string][]*node{}
	for _, ep := range eps {
		fields := b.kindFields[ep.section]
		if fields == nil {
			fields = map[string][]string{}
			b.kindFields[ep.section] = fields
			b.kindNodes[ep.section] = map[string][]*node{}
		}
		nodes := b.kindNodes[ep.section]
		ix := b.kindIndex[ep.section]
		if ix == nil {
			ix = map[string]map[string]bool{}
			b.kindIndex[ep.section] = ix
		}
		var walk func(n *node)
		walk = func(n *node) {
			var shown []string
			for _, v := range n.variants {
				if v.objects > 0 {
					shown = append(shown, v.kind)
					nodes[v.kind] = append(nodes[v.kind], v)
					for _, c := range v.children {
						if c.ex.seen > 0 && !slices.Contains(fields[v.kind], c.name) {
							fields[v.kind] = append(fields[v.kind], c.name)
						}
					}
				}
				walk(v)
			}
			for _, x := range shown {
				for _, y := range shown {
					if x != y {
						if ix[x] == nil {
							ix[x] = map[string]bool{}
						}
						ix[x][y] = true
					}
				}
			}
			for _, c := range n.children {
				walk(c)
			}
		}
		walk(ep.resp)
	}
}

// under reports whether a is n or one of its ancestors.
func under(n, a *node) bool {
	for c := n; c != nil; c = c.parent {
		if c == a {
			return true
		}
	}
	return false
}

// kindRow is rules V2 and V3 for a row that names its element's kind: it
// starts that kind of the array it belongs to, and returns the context
// the row is placed from. In a table that keeps its nesting the array is
// the row's parent; in a flattened one, arrayOf says.
func (b *builder) kindRow(ep *endpoint, pg *page.Page, part page.Part, ks *kindState, fs *flatState, k string, row page.Row, context, indentParent *node, flat bool) *node {
	if w := b.exampleKind(ep, k); w != k {
		b.report.add(ep, pg, part, "", "name", fmt.Sprintf("V2: %s names the kind %q, the examples %q: the examples' spelling is used", row.Where(), k, w))
		k = w
	}
	if !flat {
		if indentParent != nil && indentParent.parent != nil && isArrayNode(indentParent) {
			ks.start(indentParent, k)
		}
		return context
	}
	a, why := ks.arrayOf(b, ep, k, fs)
	if a == nil || !ks.start(a, k) {
		return context
	}
	if why != "" {
		b.report.add(ep, pg, part, a.path(), "variant", fmt.Sprintf("V3: %s names the kind %q: %s", row.Where(), k, why))
	}
	fs.reopen(a)
	fs.prevOpened, fs.prev, fs.prevLevel = true, nil, nil // the row is the kind's first field
	return a
}

// empty reports whether the array n has no fields yet in the kinds its
// rows describe (the union may have other kinds').
func (ks *kindState) empty(n *node) bool {
	m := ks.find(n)
	return m == nil || len(m.children) == 0 && len(m.variants) == 0
}

// hidden reports whether n is a field of another kind than the one the
// rows of an array above it describe now (V2): the kind's own node has no
// such field yet.
func (ks *kindState) hidden(n *node) bool { return len(ks.current) > 0 && ks.find(n) == nil }

// find is n's node in the trees of the kinds the rows describe now, nil
// when a kind's node has no such field; n itself above every kind.
func (ks *kindState) find(n *node) *node {
	var chain []*node
	for c := n; c != nil; c = c.parent {
		chain = append(chain, c)
	}
	slices.Reverse(chain)
	cur := chain[0]
	for i := 1; i < len(chain); i++ {
		if k := ks.current[chain[i-1]]; k != "" {
			j := slices.IndexFunc(cur.variants, func(v *node) bool { return v.kind == k })
			if j < 0 {
				return nil
			}
			cur = cur.variants[j]
		}
		if cur = cur.child(chain[i].name); cur == nil {
			return nil
		}
	}
	return cur
}

// headingForm is a group heading's words around the kind it quotes:
// "‘organic’ element in SERP" and "‘paid’ element in SERP" have one form.
func headingForm(h string) string {
	i := strings.IndexAny(h, "‘'\"“")
	if i < 0 {
		return h
	}
	j := strings.IndexAny(h[i+1:], "’'\"”")
	if j < 0 {
		return h[:i]
	}
	return h[:i] + "‘’" + strings.TrimSuffix(h[i+1+j+1:], "<br>")
}

// shapeIn is rule N3's evidence for an open container of a flattened
// table, kind by kind (V2): for an array whose rows describe a kind, the
// fields the section's examples show elements of that kind with (no
// evidence when no example shows the kind: the array's other kinds say
// nothing of it); for any other container, knownShape.
func (b *builder) shapeIn(ep *endpoint, fs *flatState, n *node) (fields []string, leaf bool, from *endpoint, ok bool) {
	if fs.kinds != nil {
		if k := fs.kinds.current[n]; k != "" {
			f := b.kindFields[ep.section][k]
			return f, false, ep, len(f) > 0
		}
	}
	return b.knownShape(ep, n, levelType(n))
}

// closesKind is rule N3 for an array whose rows describe a kind the
// examples show without the row's field: it closes, unless the element
// around it is of a kind no example shows (then the table documents
// fields the examples of the inner kind lack, on a page of its own: the
// row stays).
func (b *builder) closesKind(ep *endpoint, fs *flatState, a *node, name string) bool {
	for c := a.parent; c != nil; c = c.parent {
		if k := fs.kinds.current[c]; k != "" {
			return len(b.kindFields[ep.section][k]) > 0
		}
	}
	return true
}

// isHeaded reports whether a is the array the group headings start the
// kinds of: no nesting rule closes it.
func (ks *kindState) isHeaded(a *node) bool { return ks != nil && a == ks.headed }

// floor is the outermost open array whose rows describe a kind: the rows
// of a kind do not leave it by the nesting rules' guesses (V2). nil when
// none is open.
func (ks *kindState) floor(fs *flatState) *node {
	if ks == nil {
		return nil
	}
	for _, c := range fs.open {
		if ks.current[c] != "" {
			return c
		}
	}
	return nil
}

// innermost is the innermost open array whose rows describe a kind: the
// nesting rules' guesses from the section's examples (N4) do not close
// it, they do not know the kind (V2). nil when none is open.
func (ks *kindState) innermost(fs *flatState) *node {
	if ks == nil {
		return nil
	}
	for i := len(fs.open) - 1; i >= 0; i-- {
		if ks.current[fs.open[i]] != "" {
			return fs.open[i]
		}
	}
	return nil
}

// opensKind is rule N5 for a container row of a kind (V2): the rows
// after it are not its fields when the section's examples show that field
// of that kind holding values (related_searches' items are strings,
// carousel's are objects). m is the row's node in its kind's tree; ok is
// false without such an example, or when it shows objects.
func (b *builder) opensKind(ep *endpoint, m *node, pr placedRow) (opens bool, why string, ok bool) {
	if m == nil || pr.typ != "object" && pr.typ != "array" {
		return false, "", false
	}
	var rel []string
	v := m
	for ; v != nil && v.kind == ""; v = v.parent {
		rel = append(rel, v.name)
	}
	if v == nil {
		return false, "", false
	}
	slices.Reverse(rel)
	for _, d := range b.kindNodes[ep.section][v.kind] {
		for _, name := range rel {
			if d = d.child(name); d == nil {
				break
			}
		}
		if d == nil || d.ex.seen == d.ex.kinds[jsonval.Null] || d.ex.kinds[jsonval.Object] > 0 || d.ex.elemKind[jsonval.Object] > 0 {
			continue // objects: the rules of the tables decide
		}
		return false, fmt.Sprintf("the section's examples show the %q element's %s holding values, not fields: the rows after it are not its own", v.kind, strings.Join(rel, ".")), true
	}
	return false, "", false
}

// exampleKind is the spelling the section's examples give a kind a table
// names: the table's lost underscores ("backlinkspagesummary" is
// "backlinks_page_summary", as P2 for field names).
func (b *builder) exampleKind(ep *endpoint, k string) string {
	if _, ok := b.kindNodes[ep.section][k]; ok {
		return k
	}
	flat := strings.ReplaceAll(k, "_", "")
	var found []string
	for w := range b.kindNodes[ep.section] {
		if strings.ReplaceAll(w, "_", "") == flat {
			found = append(found, w)
		}
	}
	if len(found) != 1 {
		return k
	}
	return found[0]
}
