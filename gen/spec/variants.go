package spec

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
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
