package spec

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
	"github.com/dataforseo-go/dataforseo/gen/page"
	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// Polymorphic arrays (rules V1-V6 in doc.go). A SERP result's items hold
// elements of many kinds ("organic", "paid", "people_also_ask"), each
// with its own fields; the elements' "type" (contract.Discriminator) says
// which. Beside the union of every element's fields (the array node's
// children, which the placing rules read), an array node keeps one
// variant node per kind: the fields the elements of that kind have, from
// the examples (an element's kind is its "type") and from the tables (a
// group heading, "‘organic’ element in SERP", and the rows that name a
// kind, "type of element = ‘organic’", start the rows of a kind). The
// schema of an array with two kinds or more is a oneOf of one component
// per kind (sums.go).

// kindName is the spelling of a kind's wire name: lower-case words
// joined by "_".
var kindName = regexp.MustCompile(`^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$`)

// kindOfValue is the kind an example element names, "" when its
// discriminator is missing or is not a kind's name.
func kindOfValue(e *jsonval.Value) string {
	t := e.Get(contract.Discriminator)
	if t == nil || t.Kind != jsonval.String || !kindName.MatchString(t.Str) {
		return ""
	}
	return t.Str
}

// kindProse is the description of a row that names its element's kind:
// "type of element = ‘organic’", "type of the element = ‘message’",
// "type of component = ‘ai_overview_expanded_component’".
var kindProse = regexp.MustCompile(`(?i)^\s*type of (?:the )?(?:element|component|item)\s*=\s*(.+)$`)

// kindOfRow is the kind a table row names (rule V2), "" for any other
// row: the discriminator, a string, whose description's first line is
// kindProse.
func kindOfRow(pr placedRow) string {
	if normalName(pr.row.Name) != contract.Discriminator || pr.typ != "string" {
		return ""
	}
	first, _, _ := strings.Cut(pr.desc, "\n")
	m := kindProse.FindStringSubmatch(first)
	if m == nil {
		return ""
	}
	return kindWord(m[1])
}

// kindWord reads the kind a description or a heading quotes: the first
// run of letters, digits, underscores and spaces after any quote marks.
// A space beside an underscore is a slip of the docs ("‘ twitter
// _element‘"), any other one a word break ("‘commercial units’").
func kindWord(s string) string {
	s = strings.TrimLeft(s, " \t‘’'\"“”`*")
	if end := strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == ' ')
	}); end >= 0 {
		s = s[:end]
	}
	s = strings.ToLower(strings.TrimSpace(s))
	for strings.Contains(s, " _") || strings.Contains(s, "_ ") {
		s = strings.ReplaceAll(strings.ReplaceAll(s, " _", "_"), "_ ", "_")
	}
	s = strings.Join(strings.Fields(s), "_")
	if !kindName.MatchString(s) {
		return ""
	}
	return s
}

// headingKind is the kind a group heading names until a row names it
// (rule V2): its quoted words, "‘Google Images’ SERP element" is
// "google_images"; "" when it quotes nothing.
func headingKind(h string) string {
	i := strings.IndexAny(h, "‘'\"“")
	if i < 0 {
		return ""
	}
	return kindWord(h[i:])
}

// kindPath writes the path of a variant node as its array's path with
// the kind in place of "[]": tasks[].result[].items[type=organic].
func kindPath(n *node) string {
	p := ""
	if n.parent != nil {
		p = strings.TrimSuffix(n.parent.path(), "[]")
	}
	return p + "[" + contract.Discriminator + "=" + n.kind + "]"
}

// variant returns the node of the elements of kind k of the array n,
// made when it is the first.
func (n *node) variant(k string) *node {
	for _, v := range n.variants {
		if v.kind == k {
			return v
		}
	}
	v := &node{name: n.name, parent: n, kind: k}
	n.variants = append(n.variants, v)
	return v
}

// isArrayNode tells a node the examples or its first row make an array.
func isArrayNode(n *node) bool {
	return n.ex.kinds[jsonval.Array] > 0 || levelType(n) == "array"
}

// kindState is what one table has said of the element kinds so far:
// which kind each array's rows describe now. place keeps one per table.
type kindState struct {
	current     map[*node]string   // by union array node: the kind its rows describe now
	provisional map[*node]bool     // the current kind is a heading's words, no row named it yet
	seen        map[*node][]string // by union array node: the kinds this table gave it, in order
	labels      map[*node]string   // the heading each variant node was started by
	headed      *node              // the array the group headings start the kinds of (N10)
	label       string             // the last heading's text
	forget      func(under *node)  // P5 per kind: the fields under the array are candidates again
}

func newKindState(forget func(*node)) *kindState {
	return &kindState{current: map[*node]string{}, provisional: map[*node]bool{}, seen: map[*node][]string{},
		labels: map[*node]string{}, forget: forget}
}

// heading is rule V2 for a group heading: it starts a kind of the array
// the headings list the kinds of; until a row names the kind, the
// heading's quoted words do.
func (ks *kindState) heading(a *node, text string) {
	if a == nil || !isArrayNode(a) {
		return
	}
	ks.headed, ks.label = a, text
	k := headingKind(text)
	if k == "" {
		k = fmt.Sprintf("heading_%d", len(ks.seen[a])+1) // no words to name it: a name of its place, replaced by the kind row
	}
	ks.start(a, k)
	ks.provisional[a] = true
}

// start makes k the kind the rows of array a describe. It reports
// whether the kind changed. A kind a heading named provisionally is
// renamed when the kind row names it (its variant node too).
func (ks *kindState) start(a *node, k string) bool {
	old := ks.current[a]
	if old == k {
		ks.provisional[a] = false
		return false
	}
	if ks.provisional[a] {
		ks.provisional[a] = false
		if i := slices.Index(ks.seen[a], old); i >= 0 && !slices.Contains(ks.seen[a], k) {
			ks.seen[a][i] = k
		} else if i >= 0 {
			ks.seen[a] = slices.Delete(ks.seen[a], i, i+1)
		}
		for _, v := range a.variants {
			if v.kind == old && !slices.ContainsFunc(a.variants, func(w *node) bool { return w.kind == k }) {
				v.kind = k
			}
		}
		ks.current[a] = k
		return true
	}
	ks.current[a] = k
	if !slices.Contains(ks.seen[a], k) {
		ks.seen[a] = append(ks.seen[a], k)
	}
	if a == ks.headed {
		ks.labels[a] = ks.label
	}
	// The arrays inside the elements of the kind before are not inside
	// this one's: their kinds end.
	for c := range ks.current {
		if c != a && under(c, a) {
			delete(ks.current, c)
			delete(ks.provisional, c)
			delete(ks.seen, c)
		}
	}
	ks.forget(a)
	return true
}

// arrayOf is rule V3: the array whose kind a kind row of a flattened
// table names, and why when the table's order alone does not say it. nil
// when the row names no array's kind (the kind of an object: a link's
// "link_element"), or the kind the array's rows already describe.
func (ks *kindState) arrayOf(b *builder, ep *endpoint, k string, fs *flatState) (*node, string) {
	switch {
	case fs.prevOpened && fs.prev == nil && ks.headed != nil && slices.Contains(fs.open, ks.headed):
		return ks.headed, "" // the row after a group heading
	case fs.prevOpened && fs.prev != nil:
		if isArrayNode(fs.prev) {
			return fs.prev, "" // the first field of an array: its first kind
		}
		return nil, ""
	}
	// Right after an array row nothing opened: its elements are objects of
	// this kind, unless the examples show that array holding values.
	if fs.prev != nil && isArrayNode(fs.prev) && ks.empty(fs.prev) && !holdsValues(fs.prev) {
		if _, leaf, _, ok := b.knownShape(ep, fs.prev, "array"); !ok || !leaf {
			return fs.prev, fmt.Sprintf("right after %s, which nothing opened: its elements are of this kind", describe(fs.prev))
		}
	}
	// The arrays whose rows describe a kind now (the kinds of the arrays
	// inside an element end with it), the open ones first, innermost first.
	var cands []*node
	for c := range ks.current {
		if ks.current[c] == k {
			return nil, ""
		}
		cands = append(cands, c)
	}
	if len(cands) == 0 {
		return nil, ""
	}
	depth := func(n *node) int {
		d := 0
		for ; n != nil; n = n.parent {
			d++
		}
		return d
	}
	slices.SortFunc(cands, func(x, y *node) int {
		ox, oy := slices.Contains(fs.open, x), slices.Contains(fs.open, y)
		switch {
		case ox != oy && ox:
			return -1
		case ox != oy:
			return 1
		}
		return cmp.Or(depth(y)-depth(x), cmp.Compare(x.path(), y.path()))
	})
	sib := b.kindSiblings(ep.section)
	for _, c := range cands {
		for _, s := range ks.seen[c] {
			if sib[k][s] {
				return c, fmt.Sprintf("the section's examples show %q beside %q in one array: another kind of %s", k, s, describe(c))
			}
		}
	}
	var best *node
	var bestKind string
	score := minAffinity - 1
	for _, c := range cands {
		for _, s := range ks.seen[c] {
			if n := affinity(k, s); n > score {
				best, bestKind, score = c, s, n
			}
		}
	}
	if best != nil {
		return best, fmt.Sprintf("no example shows it; its name shares %d words at its ends with %q: another kind of %s", score, bestKind, describe(best))
	}
	return cands[0], fmt.Sprintf("no example shows it and its name shares no word with an open array's kinds: another kind of the innermost, %s (not confirmed by an example)", describe(cands[0]))
}

// holdsValues tells an array the examples (its own or, by E5, another
// endpoint's) show holding values that are not objects.
func holdsValues(n *node) bool {
	return n.ex.elems > n.ex.elemKind[jsonval.Object]+n.ex.elemKind[jsonval.Null]
}

// minAffinity is how many words a kind's name must share with another's
// to be taken for another kind of its array (V3): one ("element") is
// what most kinds share.
const minAffinity = 2

// affinity counts the words two kind names share at their start and at
// their end: "knowledge_graph_list_item" and "knowledge_graph_images_item"
// share three.
func affinity(a, b string) int {
	x, y := strings.Split(a, "_"), strings.Split(b, "_")
	n := min(len(x), len(y))
	pre := 0
	for pre < n && x[pre] == y[pre] {
		pre++
	}
	suf := 0
	for suf < n-pre && x[len(x)-1-suf] == y[len(y)-1-suf] {
		suf++
	}
	return pre + suf
}

// mirror puts a row placed on the union node n on the variant nodes too:
// below each array whose rows describe a kind, in that kind's node. It
// returns the node the row went on there, nil when no array above n has
// a kind.
func (ks *kindState) mirror(n *node) *node {
	var chain []*node
	for c := n; c != nil; c = c.parent {
		chain = append(chain, c)
	}
	slices.Reverse(chain)
	cur, switched := chain[0], false
	for i := 1; i < len(chain); i++ {
		if k := ks.current[chain[i-1]]; k != "" {
			v := cur.variant(k)
			if v.heading == "" {
				v.heading = ks.labels[chain[i-1]]
			}
			cur, switched = v, true
		}
		c := chain[i]
		next := cur.child(c.name)
		if next == nil {
			next = &node{name: c.name, parent: cur, fromTable: true}
			cur.children = append(cur.children, next)
		}
		cur = next
	}
	if !switched {
		return nil
	}
	return cur
}

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
