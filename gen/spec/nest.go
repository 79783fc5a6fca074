package spec

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
	"github.com/dataforseo-go/dataforseo/gen/page"
	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// Nesting without an example (rules N1-N10 in doc.go). A flattened table
// (markdown, the pipe dump) lists the fields of every level one after the
// other; where no example of the endpoint shows a field, these rules say
// which open container it belongs to, in this order of evidence: the
// envelope's known shape, the containers the table marks in bold, the
// shapes of same-named objects in the section's other endpoints, the
// fields the section's examples show side by side, and only then the
// container the table opened last, reported as not confirmed.

// confirmed reports whether an example shows the contents of n.
func confirmed(n *node) bool { return n.objects > 0 }

// mapProse is a description saying an object holds a value per key:
// "referring link count per each", "the number of ... per country",
// "contains social media tags and their content".
var mapProse = regexp.MustCompile(`(?i)\bper each\b|\bcount per\b|\bcontains [a-z ]+ and their\b`)

// mapCountProse is one saying the values are counts.
var mapCountProse = regexp.MustCompile(`(?i)\bcount per\b|\b(count|number)s?\b[^.;\n]*\bper each\b`)

// echoProse is a response field described as the value of the request
// field of the same name: "custom mode specified in a POST array".
var echoProse = regexp.MustCompile(`(?i)\b(in|from) (a|the) POST (array|request)\b|\bspecified in (a|the) POST\b`)

// numericName tells a table row that names one entry of a map by an
// example key ("1", the first target of an intersection).
func numericName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// isMapOfEntries tells an object whose documented children are all
// example keys (rule N7): its named fields live beside it, not in it.
func isMapOfEntries(n *node) bool {
	if len(n.children) == 0 {
		return false
	}
	for _, c := range n.children {
		if !numericName(c.name) {
			return false
		}
	}
	return true
}

// envelopeContainer tells the containers whose place the envelope fixes:
// tasks, a task's result, and the result's items.
func envelopeContainer(n *node) bool {
	switch {
	case n.parent == nil:
		return true
	case n.name == "tasks" && n.parent.parent == nil:
		return true
	case n.name == "result" && n.parent.name == "tasks" && n.parent.parent != nil && n.parent.parent.parent == nil:
		return true
	}
	return n.name == "items" && envelopeContainer(n.parent) && n.parent.name == "result"
}

// opens decides whether a container row that no example shows opens a
// level: whether the rows after it can be its fields (rules N4-N7).
func (b *builder) opens(ep *endpoint, n *node, pr placedRow, request bool) (bool, string) {
	typ := pr.typ
	if typ != "object" && typ != "array" || envelopeLeaf(n) {
		return false, ""
	}
	if !request && envelopeContainer(n) {
		return true, ""
	}
	if fields, leaf, from, ok := b.knownShape(ep, n, typ); ok {
		if leaf {
			return false, fmt.Sprintf("%s %s shows what this %s holds, and it has no fields: the rows after it are not its own", from.method, from.path, typ)
		}
		return true, fmt.Sprintf("%s %s shows its fields (%s)", from.method, from.path, strings.Join(firstN(fields, 6), ", "))
	}
	switch {
	case pr.row.Marked:
		return true, ""
	case request:
		return false, "" // request tables are one level; nested request fields are described in prose
	case typ == "array":
		return false, "" // an array nothing marks as holding objects holds values (E3)
	case mapProse.MatchString(pr.desc):
		return false, ""
	case echoProse.MatchString(pr.desc) && ep.req.lookup(n.name) != nil:
		return false, ""
	}
	return true, ""
}

func firstN(ss []string, n int) []string {
	if len(ss) > n {
		return append(slices.Clone(ss[:n]), "...")
	}
	return ss
}

// flatState is what a flattened table has opened so far.
type flatState struct {
	open       []*node // the open containers, the top level first
	prevOpened bool    // the previous row opened a container
	prev       *node   // the previous row's node
	prevLevel  *node   // where it went
	// unconfirmed gathers, per container, the rows placed in it only
	// because the table opened it last (rule N8), reported once.
	unconfirmed  map[*node][]string
	order        []*node
	headingLevel *node  // the array whose element types the group headings start (N10)
	headingForm  string // the words of its first heading around the kind it quotes
	// markedAhead counts the rows still to come that the table marks in
	// bold, by name.
	markedAhead map[string]int
	kinds       *kindState // the kinds the table's rows describe (V2)
}

func (fs *flatState) inner() *node { return fs.open[len(fs.open)-1] }

// heading is rule N10: a group heading ("‘organic’ element in SERP")
// starts the fields of another element type of the array the first
// heading's fields went in: the containers opened since close.
//
// A heading worded like the first one ("‘paid’ element in SERP" after
// "‘organic’ element in SERP") starts another element type of that
// array even when the rows before it went elsewhere (V2).
func (fs *flatState) heading(context *node, text string) {
	switch {
	case fs.headingLevel != nil && (slices.Contains(fs.open, fs.headingLevel) || headingForm(text) == fs.headingForm):
		fs.reopen(fs.headingLevel)
	default:
		fs.headingLevel, fs.headingForm = context, headingForm(text)
		fs.reopen(context)
	}
	fs.prevOpened, fs.prev, fs.prevLevel = true, nil, nil
}

// reopen makes level the innermost open container: its ancestors stay
// open, deeper containers close.
func (fs *flatState) reopen(level *node) {
	var chain []*node
	for c := level; c != nil; c = c.parent {
		chain = append(chain, c)
	}
	slices.Reverse(chain)
	fs.open = chain
}

// flatLevel chooses the container of a row of a flattened table that no
// example places: it returns the level and why, "" when the row simply
// follows the container the table opened last and an example confirms it.
func (b *builder) flatLevel(ep *endpoint, fs *flatState, pr placedRow, request bool, taken func(*node) bool) (*node, string) {
	inner := fs.inner()
	if confirmed(inner) {
		return inner, ""
	}
	name := normalName(pr.row.Name)
	has := func(c *node) bool {
		f := c.lookup(name)
		return f != nil && taken(f)
	}
	root := fs.open[0]
	// N1: the envelope's shape.
	if !request {
		if (slices.Contains(contract.ResponseEnvelopeFields, name) || name == "tasks") && !has(root) && inner != root {
			return root, "the response envelope's field"
		}
		if len(fs.open) > 1 && fs.open[1].name == "tasks" {
			tasks := fs.open[1]
			if (slices.Contains(contract.TaskEnvelopeFields, name) || name == "data" || name == "result") && !has(tasks) && inner != tasks {
				return tasks, "the task envelope's field"
			}
		}
	}
	// The first row after a container is its first field, and a field
	// the section's examples show in a same-named container is that
	// container's (N3).
	if fs.prevOpened {
		return inner, ""
	}
	if inner.parent != nil && !envelopeContainer(inner) {
		if fields, _, _, ok := b.shapeIn(ep, fs, inner); ok && slices.Contains(fields, name) {
			return inner, ""
		}
	}
	if !request && name == "items" && len(fs.open) > 2 && fs.open[1].name == "tasks" && fs.open[2].name == "result" && !has(fs.open[2]) && inner != fs.open[2] &&
		(pr.row.Marked || fs.markedAhead[name] == 0) { // the table marks the envelope's items when it marks a row of that name
		return fs.open[2], "a result's items (the envelope's shape: tasks, result, items)"
	}
	// N2: a container marked in bold after the fields of another marked
	// container is that one's sibling; with none open, it belongs to the
	// envelope's innermost container, closing the unmarked ones.
	if pr.row.Marked && (pr.typ == "object" || pr.typ == "array") {
		for i := len(fs.open) - 1; i > 0; i-- {
			m := fs.open[i]
			if envelopeContainer(m) {
				if m != inner {
					return m, fmt.Sprintf("a container marked in bold, after the fields of containers the table does not mark: in %s", describe(m))
				}
				break
			}
			if !markedHere(m, fs) {
				continue
			}
			level := m.parent
			for isMapOfEntries(level) && level.parent != nil {
				level = level.parent
			}
			return level, fmt.Sprintf("a container marked in bold after the fields of %s, also marked: beside it", describe(m))
		}
	}
	level, why := inner, ""
	// N9: a container the page's filter and sorting examples name at the
	// head of a field path ("page_summary.backlinks,desc") is a field of
	// the items, which filters and sorting rules apply to.
	if items := openItems(fs); items != nil && items != inner && (pr.typ == "object" || pr.typ == "array") && !request && !has(items) {
		if ex := b.itemPaths(ep)[name]; ex != "" {
			return items, fmt.Sprintf("the page's filter or sorting example %q names it at the head of a field path of the items", ex)
		}
	}
	// N3: the fields the section's same-named object holds.
	for level.parent != nil && !confirmed(level) && !envelopeContainer(level) && !fs.kinds.isHeaded(level) {
		fields, _, from, ok := b.shapeIn(ep, fs, level)
		if !ok || slices.Contains(fields, name) || fs.kinds.current[level] != "" && !b.closesKind(ep, fs, level, name) {
			break
		}
		why = fmt.Sprintf("%s %s shows the fields of %s without it: placed beside", from.method, from.path, level.name)
		level = level.parent
	}
	// N4: the section's examples show the field beside the container the
	// table opened last: that container closes. Else the deepest open
	// level holding a field the examples show beside it, once the
	// container opened last has two fields of its own (a young
	// container's second row is no evidence against it).
	{
		sib, floor := b.sections[ep.section].siblingsOf(name), fs.kinds.innermost(fs)
		for level.parent != nil && !envelopeContainer(level) && !confirmed(level) && sib[level.name] && !has(level.parent) && fs.kinds.current[level] == "" &&
			!b.sections[ep.section].shownInside(level, name) {
			why = strings.TrimPrefix(why+"; ", "; ") + fmt.Sprintf("the section's examples show it beside %s itself: %s closes", level.name, describe(level))
			level = level.parent
		}
		if why == "" && len(sib) > 0 && placedIn(inner, taken) >= 2 {
			for i := len(fs.open) - 1; i > 0; i-- {
				c := fs.open[i]
				if c.name == "tasks" && c.parent.parent == nil || floor != nil && c != floor && under(floor, c) {
					break
				}
				if has(c) {
					continue
				}
				if by := shownBeside(c, sib, taken); by != "" {
					if c != inner {
						level, why = c, fmt.Sprintf("the section's examples show it beside %q, which is in %s: %s closes", by, describe(c), describe(inner))
					}
					break
				}
			}
		}
	}
	// N6: a field the level or a level around it already has, right
	// after a container row that nothing opened: that container holds it.
	if fs.prev != nil && fs.prevLevel == level && len(fs.prev.children) == 0 &&
		(levelType(fs.prev) == "object" || levelType(fs.prev) == "array") {
		for _, c := range fs.open {
			if has(c) {
				return fs.prev, fmt.Sprintf("%s already has a field %q: the container row before it, %s, holds this one", describe(c), name, fs.prev.name)
			}
		}
	}
	// N7: a map's keys are data; its named fields' place is beside it.
	for isMapOfEntries(level) && !numericName(name) && level.parent != nil {
		level, why = level.parent, fmt.Sprintf("%s is a map (its entry is documented as an example key): beside it", describe(level))
	}
	return level, why
}

// placedIn counts the fields of c this table placed.
func placedIn(c *node, taken func(*node) bool) int {
	n := 0
	for _, f := range c.children {
		if taken(f) {
			n++
		}
	}
	return n
}

// nestedAfterContainer is rule N6 for a row whose name the container the
// table opened last already has: right after a container row nothing
// opened, the row is that container's field, not a second one here.
func nestedAfterContainer(fs *flatState, level *node) *node {
	if fs.prev != nil && fs.prevLevel == level && len(fs.prev.children) == 0 && !confirmed(level) &&
		(levelType(fs.prev) == "object" || levelType(fs.prev) == "array") {
		return fs.prev
	}
	return nil
}

// markedHere reports whether this table wrote container m in bold.
func markedHere(m *node, fs *flatState) bool {
	for _, r := range m.rows {
		if r.row.Marked {
			return true
		}
	}
	return false
}

func levelType(n *node) string {
	if len(n.rows) > 0 {
		return n.rows[0].typ
	}
	return ""
}

// reportUnconfirmed writes rule N8's entries: one per container, naming
// the rows placed in it only by the table's order.
func (b *builder) reportUnconfirmed(ep *endpoint, pg *page.Page, part page.Part, fs *flatState) {
	for _, c := range fs.order {
		names := fs.unconfirmed[c]
		b.report.add(ep, pg, part, c.path(), "nesting", fmt.Sprintf("nesting not confirmed by an example: %d rows placed under %s because the table opened it last (%s)",
			len(names), describe(c), strings.Join(firstN(names, 8), ", ")))
	}
}

// openItems is the result's items when they are open.
func openItems(fs *flatState) *node {
	for _, c := range fs.open {
		if c.name == "items" && envelopeContainer(c) {
			return c
		}
	}
	return nil
}

// fieldPath is a dotted field path in quotes, as the filter and sorting
// examples write them: "page_summary.backlinks,desc".
var fieldPath = regexp.MustCompile(`"([a-z_][a-z0-9_]*)\.[a-z_$][a-z0-9_.$]*`)

// itemPaths are the heads of the field paths the request table's
// descriptions use in examples, each with the example that names it; a
// head another path names deeper ("keyword_data.keyword_info.cpc") is
// not a field of the items.
func (b *builder) itemPaths(ep *endpoint) map[string]string {
	out := map[string]string{}
	deeper := map[string]bool{}
	for _, c := range ep.req.children {
		for _, r := range c.rows {
			for _, m := range fieldPath.FindAllStringSubmatch(r.desc, -1) {
				path := strings.TrimPrefix(m[0], "\"")
				if out[m[1]] == "" {
					out[m[1]] = path
				}
				for _, seg := range strings.Split(path, ".")[1:] {
					deeper[seg] = true
				}
			}
		}
	}
	for h := range deeper {
		delete(out, h)
	}
	return out
}

// envelopeKnown reports whether the envelope's shape itself puts a field
// named name in level: the request's task level, the response's top
// level, a task, a result's items.
func envelopeKnown(level *node, name string, request bool) bool {
	switch {
	case level.parent == nil:
		return request || slices.Contains(contract.ResponseEnvelopeFields, name) || name == "tasks"
	case level.name == "tasks" && level.parent.parent == nil:
		return slices.Contains(contract.TaskEnvelopeFields, name) || name == "data" || name == "result"
	}
	return name == "items" && envelopeContainer(level) && level.name == "result"
}

// shownInside reports whether the section's examples show a field named
// name inside a container of the same name and table type as level: then
// that they also show it beside one is no evidence against it (N4:
// refinement_chips holds items, and sits beside the result's items).
func (ix *sectionIndex) shownInside(level *node, name string) bool {
	if ix == nil {
		return false
	}
	shown := func(n *node) string { // the table's type, else the examples'
		switch {
		case levelType(n) != "":
			return levelType(n)
		case n.ex.kinds[jsonval.Array] > 0:
			return "array"
		case n.ex.kinds[jsonval.Object] > 0:
			return "object"
		}
		return ""
	}
	for _, d := range ix.shapes[level.name] {
		if shown(d.n) != shown(level) {
			continue
		}
		if c := d.n.child(name); c != nil && c.ex.seen > c.ex.kinds[jsonval.Null] {
			return true
		}
	}
	return false
}
