package spec

import (
	"slices"

	"github.com/dataforseo-go/dataforseo/gen/page"
)

// fieldOrder returns the names of n's fields in the docs' order (rule D1):
// the order of the rows on the most trusted page (M3) that lists any of
// them; fields that page does not list follow, in the node's order (the
// example's, then other pages' tables). In a request the required fields
// come first, each group in that order.
func (b *builder) fieldOrder(n *node, required []string, request bool) []string {
	var rows []placedRow
	for _, c := range n.children {
		rows = append(rows, c.rows...)
	}
	var ref *page.Page
	if len(rows) > 0 {
		ref = preferred(rows)[0].page
	}
	pos := func(c *node) int {
		for _, r := range c.rows {
			if r.page == ref {
				return r.row.Pos
			}
		}
		return 1 << 30 // after the listed ones, in node order (a stable sort)
	}
	children := slices.Clone(n.children)
	slices.SortStableFunc(children, func(x, y *node) int {
		if request {
			rx, ry := slices.Contains(required, x.name), slices.Contains(required, y.name)
			if rx != ry {
				if rx {
					return -1
				}
				return 1
			}
		}
		return pos(x) - pos(y)
	})
	names := make([]string, len(children))
	for i, c := range children {
		names[i] = c.name
	}
	return names
}
