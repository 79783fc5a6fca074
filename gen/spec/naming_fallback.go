package spec

import (
	"maps"
	"slices"
	"strings"
)

// The last resorts of rule T7: what tells apart shapes that their
// ancestors' names do not.

// functions are the names of the roots (T4) above g, without their part
// ("SerpGoogleOrganicAdvanced"), in string order.
func (d *dedupe) functions(g *shareGroup) []string {
	seen := map[*shareGroup]bool{g: true}
	out := map[string]bool{}
	queue := []*shareGroup{g}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, p := range d.parents(cur) {
			switch {
			case p.g == nil || seen[p.g]:
			case p.g.role != roleNested:
				out[strings.TrimSuffix(p.g.name, p.g.members[0].part)] = true
			default:
				seen[p.g] = true
				queue = append(queue, p.g)
			}
		}
	}
	return slices.Sorted(maps.Keys(out))
}

// colliding lists the names held twice or taken.
func colliding(names []string, taken map[string]bool) []int {
	count := map[string]int{}
	for _, n := range names {
		count[n]++
	}
	var out []int
	for i, n := range names {
		if count[n] > 1 || taken[n] {
			out = append(out, i)
		}
	}
	return out
}

// ownField is the first field, in g's docs' order, that none of the other
// groups at the indices has.
func (d *dedupe) ownField(g *shareGroup, gs []*shareGroup, at []int) string {
	s := d.schema(g.members[0].name)
	fields := strings.Split(orderKey(s), ",")
	for _, p := range slices.Sorted(maps.Keys(s.Properties)) {
		if !slices.Contains(fields, p) {
			fields = append(fields, p)
		}
	}
	for _, p := range fields {
		if p == "" || s.Properties[p] == nil {
			continue
		}
		mine := true
		for _, i := range at {
			if gs[i] != g && d.schema(gs[i].members[0].name).Properties[p] != nil {
				mine = false
			}
		}
		if mine {
			return p
		}
	}
	return ""
}

// unique reports whether names are distinct and none is taken.
func unique(names []string, taken map[string]bool) bool {
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] || taken[n] {
			return false
		}
		seen[n] = true
	}
	return true
}

// deepShape is a component's shape with every reference written out, so
// that it names the shape whatever else the document holds (T7's last
// resort: a suffix from it).
func (d *dedupe) deepShape(name string, depth int) string {
	c := d.comps[name]
	if c == nil || depth > 24 {
		return "?"
	}
	parts := strings.Split(c.base, `"@"`)
	var b strings.Builder
	for i, p := range parts {
		b.WriteString(p)
		if i < len(parts)-1 && i < len(c.refs) {
			b.WriteString(d.deepShape(c.refs[i], depth+1))
		}
	}
	return b.String()
}
