package spec

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
	"github.com/dataforseo-go/dataforseo/spec/contract"

	"github.com/dataforseo-go/dataforseo/gen/page"
	"github.com/dataforseo-go/dataforseo/gen/prose"
)

// tableTypes maps the types the tables write to the ones the builder knows.
var tableTypes = map[string]string{
	"string": "string", "integer": "integer", "int": "integer", "float": "float",
	"number": "float", "double": "float", "boolean": "boolean", "bool": "boolean",
	"array": "array", "object": "object",
}

// place puts every row of a table on its node of the tree under root.
//
// The example decides where a field is; the table's nesting is a hint. A
// row goes, in this order of preference:
//  1. under the parent its indentation gives, if the example has it there;
//  2. under the container the table opened last (the previous array or
//     object row), or the nearest of that container's parents that has it;
//  3. wherever else the example has a field of that name;
//  4. nowhere in the example: under the parent the indentation gives, or,
//     in a flattened table, under the container opened last.
//
// A name matches exactly or after normalisation ("referring ips" is
// "referring_ips"); the example's spelling wins. Every step other than 1
// (or 2 in a flattened table) is reported.
func (b *builder) place(ep *endpoint, pg *page.Page, t *page.Table, part page.Part, root *node) error {
	// A frame is a container row the indentation can put rows under; jump
	// is how far it is indented below its own parent (0: unknown).
	type frame struct {
		n            *node
		indent, jump int
	}
	stack := []frame{{root, -1, 0}}
	context := root
	placed := map[*node]page.Row{}
	request := part == page.PartRequestTable
	fs := &flatState{open: []*node{root}, unconfirmed: map[*node][]string{}}
	if t.Flat {
		b.report.add(ep, pg, part, "", "nesting", fmt.Sprintf("the table is flattened (%s): where its %d rows go comes from the examples, and from rules N1-N10 where none places them", pg.Format, len(t.Rows)))
	}
	remaining := map[string]int{} // rows still to come, by normalised name
	fs.markedAhead = map[string]int{}
	for _, row := range t.Rows {
		remaining[normalName(row.Name)]++
		if row.Marked {
			fs.markedAhead[normalName(row.Name)]++
		}
	}
	ks := newKindState(func(a *node) { // V2: each kind describes its own fields
		for n := range placed {
			if n != a && under(n, a) {
				delete(placed, n)
			}
		}
	})
	fs.kinds = ks
	for _, row := range t.Rows {
		remaining[normalName(row.Name)]--
		if row.Marked {
			fs.markedAhead[normalName(row.Name)]--
		}
		if row.Heading != "" {
			if !t.Flat {
				b.report.add(ep, pg, part, "", "note", fmt.Sprintf("group heading %q (%s) carries no field; its fields are placed by the example", row.Heading, row.Where()))
				continue
			}
			fs.heading(context, row.Heading)
			context = fs.inner()
			ks.heading(fs.headingLevel, row.Heading)
			b.report.add(ep, pg, part, describe(fs.headingLevel), "variant", fmt.Sprintf("N10, V2: group heading %q (%s) starts another element kind of %s", row.Heading, row.Where(), describe(fs.headingLevel)))
			continue
		}
		pr, err := newPlacedRow(pg, part, row)
		if err != nil {
			return err
		}
		if pr.row.Name != row.Name {
			b.report.add(ep, pg, part, "", "name", fmt.Sprintf("%s: name cell %q read as %q", row.Where(), row.Name, pr.row.Name))
			row = pr.row
		}
		if pr.typ != tableTypes[row.Type] {
			b.report.add(ep, pg, part, "", "type", fmt.Sprintf("%s: type cell %q read as %s", row.Where(), row.Type, pr.typ))
		}
		var indentParent *node
		if !t.Flat {
			for len(stack) > 1 && stack[len(stack)-1].indent >= row.Indent {
				stack = stack[:len(stack)-1]
			}
			indentParent = stack[len(stack)-1].n
		}
		if k := kindOfRow(pr); k != "" && !request {
			context = b.kindRow(ep, pg, part, ks, fs, k, row, context, indentParent, t.Flat)
		}
		taken := func(n *node) bool { _, ok := placed[n]; return ok }
		later := remaining[normalName(row.Name)] > 0
		// V2: beyond the row's context, a field of another kind of an
		// array is not a candidate.
		seek := func(n *node) bool { return taken(n) || ks.hidden(n) }
		n, level, how := locate(row.Name, indentParent, context, root, seek, later)
		if t.Flat && n != nil && taken(n) && level == context {
			if c := nestedAfterContainer(fs, level); c != nil {
				b.report.add(ep, pg, part, c.path(), "nesting", fmt.Sprintf("no example places it: %s already has a field %q: the container row before it, %s, holds this one", describe(level), n.name, c.name))
				n, level, how = nil, c, ""
				fs.open = append(fs.open, c)
			}
		}
		created := false
		switch {
		case n == nil && level != nil:
			// rule N6 above chose the level
			n = &node{name: normalName(row.Name), parent: level, fromTable: true}
			level.children = append(level.children, n)
			created = true
		case n == nil:
			level = indentParent
			if level == nil {
				var why string
				level, why = b.flatLevel(ep, fs, pr, request, taken)
				switch {
				case why != "":
					b.report.add(ep, pg, part, strings.TrimPrefix(level.path()+"."+normalName(row.Name), "."), "nesting", "no example places it: "+why)
				case !confirmed(level) && !envelopeKnown(level, normalName(row.Name), request):
					if fs.unconfirmed[level] == nil {
						fs.order = append(fs.order, level)
					}
					fs.unconfirmed[level] = append(fs.unconfirmed[level], normalName(row.Name))
				}
			}
			if c := level.lookup(row.Name); c != nil {
				n = c // a second row on a field: P4 below decides
				break
			}
			n = &node{name: normalName(row.Name), parent: level, fromTable: true}
			level.children = append(level.children, n)
			created = true
			if n.name != row.Name {
				b.report.add(ep, pg, part, n.path(), "name", fmt.Sprintf("table name %q is not a wire name and no example has it; written as %q", row.Name, n.name))
			}
		case how != "":
			b.report.add(ep, pg, part, n.path(), "nesting", how)
		}
		if n.name != row.Name && !n.fromTable {
			b.report.add(ep, pg, part, n.path(), "name", fmt.Sprintf("table writes %q, the example %q: the example's name is used", row.Name, n.name))
		}
		jump := 0
		if top := stack[len(stack)-1]; !t.Flat && top.n != root {
			jump = row.Indent - top.indent
			// A row indented further below its parent than the parent is
			// below its own is inconsistent: say where it went.
			if top.jump > 0 && jump > top.jump && level == indentParent {
				b.report.add(ep, pg, part, n.path(), "nesting", fmt.Sprintf("indented %d below %s where its siblings' parents step %d; the example puts it under %s", jump, describe(top.n), top.jump, describe(level)))
			}
		}
		if prev, dup := placed[n]; dup {
			// P4: in a table that keeps its nesting, two rows on one field
			// is an error. A flattened table lists the element types of a
			// polymorphic array one after the other ("type of element =
			// 'ai_overview_element'", then 'ai_overview_video_element'):
			// their fields are one union, and the row joins the field.
			if !t.Flat {
				return pg.Errorf(part, row.Where(), "duplicate field: %s already describes %s", prev.Where(), describe(n))
			}
			b.report.add(ep, pg, part, n.path(), "variant", fmt.Sprintf("%s describes it again (%s did first): another element type of a polymorphic array; its fields are merged", row.Where(), prev.Where()))
		}
		placed[n] = row
		n.rows = append(n.rows, pr)
		m := ks.mirror(n)
		if m != nil {
			m.rows = append(m.rows, pr) // V2: the row is its kind's too
		}
		b.takeProseExample(ep, pg, part, n, pr)
		context = level
		if !t.Flat {
			if canHold(n, pr.typ) {
				context = n
				stack = append(stack, frame{n, row.Indent, jump})
			}
			continue
		}
		// A flattened table: the containers open are the row's level and
		// its parents, and the row itself when it opens one.
		fs.reopen(level)
		opens, why := false, ""
		if o, w, ok := b.opensKind(ep, m, pr); ok {
			opens, why = o, w // V2: what the section's examples show of the kind's field
		} else if created || !confirmed(n) && n.ex.seen == 0 {
			opens, why = b.opens(ep, n, pr, request)
		} else {
			opens = canHold(n, pr.typ)
		}
		if opens {
			fs.open = append(fs.open, n)
			context = n
		}
		if why != "" && !confirmed(n) {
			b.report.add(ep, pg, part, n.path(), "nesting", why)
		}
		fs.prevOpened, fs.prev, fs.prevLevel = opens, n, level
	}
	b.reportUnconfirmed(ep, pg, part, fs)
	return nil
}

// locate finds the node a row describes; level is the node it was found
// under, how says why it is not where the table put it ("" when it is).
// Beyond the indentation parent, fields another row of the same table
// already describes are not candidates: a flattened table that names
// search_volume twice means two fields (P4 still catches two rows on one
// field under one parent). And when the context's contents are unknown
// to the examples and a later row has the same name, that later row is
// the one for the ancestor's field: each field is described once.
func locate(name string, indentParent, context, root *node, taken func(*node) bool, later bool) (n, level *node, how string) {
	if indentParent != nil {
		if c := indentParent.lookup(name); c != nil {
			return c, indentParent, ""
		}
	}
	opaque := indentParent == nil && context.parent != nil &&
		context.ex.kinds[jsonval.Object] == 0 && context.ex.elemKind[jsonval.Object] == 0
	for c := context; c != nil; c = c.parent {
		if c != context && opaque && later {
			break
		}
		if f := c.lookup(name); f != nil && (!taken(f) || c == context) {
			if indentParent != nil {
				return f, c, fmt.Sprintf("the table nests it under %s, the example under %s: the example wins", describe(indentParent), describe(c))
			}
			return f, c, ""
		}
	}
	// A container whose contents no example shows (the table opened it, or
	// the examples only have null for it) keeps the rows its ancestors do
	// not have: searching the whole example would move them into an
	// unrelated object.
	if opaque {
		return nil, nil, ""
	}
	if f := find(root, name, taken); f != nil {
		where := "the table's context"
		if indentParent != nil {
			where = describe(indentParent)
		}
		return f, f.parent, fmt.Sprintf("not under %s in the example; placed where the example has it", where)
	}
	return nil, nil, ""
}

// find is the first node named name that no row has taken yet, depth
// first in example order.
func find(n *node, name string, taken func(*node) bool) *node {
	for _, c := range n.children {
		if normalName(c.name) == normalName(name) && !taken(c) {
			return c
		}
		if f := find(c, name, taken); f != nil {
			return f
		}
	}
	return nil
}

func describe(n *node) string {
	if n.parent == nil {
		return "the top level"
	}
	return n.path()
}

func newPlacedRow(pg *page.Page, part page.Part, row page.Row) (placedRow, error) {
	if !validName(row.Name) {
		// Left-over markup around the name ("code>title") is a slip too.
		if s := strings.TrimSpace(markupRemnant.ReplaceAllString(row.Name, "")); validName(s) {
			row.Name = s
		}
	}
	if row.Name == "" || !validName(row.Name) {
		return placedRow{}, pg.Errorf(part, row.Where(), "%q is not a field name", row.Name)
	}
	typ, ok := tableTypes[row.Type]
	if !ok {
		// Left-over markup after the type ("string/td>") is a capture's
		// slip, not another type.
		if m := leadingType.FindStringSubmatch(row.Type); m != nil {
			typ, ok = tableTypes[m[1]], true
		}
	}
	if !ok {
		return placedRow{}, pg.Errorf(part, row.Where(), "unknown type %q (the tables use string, integer, float, boolean, array, object)", row.Type)
	}
	desc := prose.Reflow(row.Description)
	return placedRow{page: pg, row: row, typ: typ, desc: desc, fact: prose.Read(desc)}, nil
}

func validName(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == ' ' || r == '-' || r == '.' || r == '$') {
			return false
		}
	}
	return strings.TrimSpace(s) != ""
}

// canHold reports whether rows after a container row can be its fields:
// the example shows objects in it, or, without example, the table says it
// is an object. An array the example shows holding strings cannot.
func canHold(n *node, typ string) bool {
	switch {
	case envelopeLeaf(n):
		return false
	case n.ex.kinds[jsonval.Object] > 0, n.ex.elemKind[jsonval.Object] > 0, len(n.children) > 0:
		return true
	case n.ex.seen > n.ex.kinds[jsonval.Null]:
		return false // the example shows values that are not objects
	}
	return typ == "object" || typ == "array"
}

var leadingType = regexp.MustCompile(`^(string|integer|float|boolean|array|object|number)\b[^a-z]`)

var markupRemnant = regexp.MustCompile(`</?[a-z]+>|^/?[a-z]+>|</?[a-z]*$`)

// envelopeLeaf tells the envelope's own fields (rule S1), whose shape the
// builder knows without an example: a flattened table's next rows are
// never theirs ("path" is followed by "data", its sibling).
func envelopeLeaf(n *node) bool {
	switch {
	case n.parent == nil:
		return false
	case n.parent.parent == nil:
		return slices.Contains(contract.ResponseEnvelopeFields, n.name)
	case n.parent.name == "tasks" && n.parent.parent.parent == nil:
		return slices.Contains(contract.TaskEnvelopeFields, n.name) || n.name == "data"
	}
	return false
}
