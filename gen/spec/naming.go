package spec

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"slices"
	"strings"

	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// The names of the shared types (rules T5-T7 in doc.go). A name depends on
// the shapes of the section and where they are used, never on the order of
// the pages or of the build.

// The naming rules, as the report names them.
const (
	ruleBare      = "T5"  // the field's name
	ruleQualified = "T6"  // qualified by the parent, another shape wanting the name
	ruleFunction  = "T4"  // a function's result or item
	ruleFallback  = "T7"  // the old, per-operation name
	ruleStepQual  = "T6s" // a step's result qualified by the function
)

// generic are names that say nothing alone: a component that wants one is
// always qualified by its parent (T6), and so does not take the name of
// an operation's roots or of the SDK's own types.
var generic = map[string]bool{
	contract.SuffixItem: true, contract.SuffixResult: true, contract.SuffixData: true, contract.SuffixTask: true,
	contract.SuffixRequest: true, contract.SuffixResponse: true, "Items": true, "Option": true, "Options": true,
	"Info": true, "Element": true, "Value": true, "Type": true, "Service": true, "Client": true, "Error": true,
}

// useWant is the name one use asks for (T5): the field's name, singular
// for an element of an array or a value of a map, in CamelCase; a member
// of a discriminated oneOf puts its discriminator value in front
// ("organic" in items: OrganicItem). At the top level of a component (the
// members of a component that is itself a oneOf), the field is the one
// the component is used at.
func (d *dedupe) useWant(u use, depth int) string {
	field := ""
	switch {
	case u.field != "" && u.many:
		field = contract.Camel(singular(u.field))
	case u.field != "":
		field = contract.Camel(u.field)
	case depth < 8:
		field = d.fieldWant(u.from, depth+1)
	}
	if u.member && len(u.keys) > 0 {
		return contract.Camel(u.keys[0]) + field
	}
	return field
}

// fieldWant is what a component is called by the fields that hold it.
func (d *dedupe) fieldWant(name string, depth int) string {
	c := d.comps[name]
	if c == nil {
		return ""
	}
	if c.part != "" {
		return c.part
	}
	return d.nestedWant(d.usesOf(c), depth)
}

func (d *dedupe) usesOf(c *comp) []use {
	if g := d.of[c.name]; g != nil {
		var us []use
		for _, m := range g.members {
			us = append(us, m.uses...)
		}
		return us
	}
	return c.uses
}

// nestedWant picks the name the uses ask for (T5): the one most of them
// ask for; on a tie, the one whose field comes first in the docs' order
// of its parent ("monday" before "tuesday"), then the first in string
// order.
func (d *dedupe) nestedWant(uses []use, depth int) string {
	count := map[string]int{}
	pos := map[string]int{}
	for _, u := range uses {
		w := d.useWant(u, depth)
		if w == "" {
			continue
		}
		count[w]++
		p := slices.Index(strings.Split(orderKey(d.schema(u.from)), ","), u.field)
		if p < 0 {
			p = 1 << 20
		}
		if q, ok := pos[w]; !ok || p < q {
			pos[w] = p
		}
	}
	best := ""
	for _, w := range slices.Sorted(maps.Keys(count)) {
		if best == "" || count[w] > count[best] || count[w] == count[best] && pos[w] < pos[best] {
			best = w
		}
	}
	return best
}

// decideNames names every group: the roots of functions first (T4), then
// the field names (T5), qualified where two shapes want one (T6).
func (d *dedupe) decideNames() {
	taken := map[string]bool{}
	for _, n := range d.names {
		if d.comps[n].role == roleKept {
			taken[n] = true
		}
	}
	wants := map[*shareGroup]string{}
	by := map[string][]*shareGroup{}
	for _, g := range d.groups {
		var w string
		switch g.role {
		case roleFunc, roleStep:
			w = g.members[0].want
		default:
			w = d.nestedWant(d.usesOf(g.members[0]), 0)
			if w == "" {
				w = "Object"
			}
			w = contract.Camel(g.section) + w
		}
		wants[g] = w
		by[w] = append(by[w], g)
	}
	prefixLen := func(g *shareGroup) int { return len(contract.Camel(g.section)) }
	// T6: of the shapes that want one name, the one most functions use
	// holds it; a root before any nested shape; on a tie, none does.
	winner := map[string]*shareGroup{}
	for _, w := range slices.Sorted(maps.Keys(by)) {
		gs := by[w]
		if taken[w] {
			continue
		}
		var roots []*shareGroup
		for _, g := range gs {
			if g.role != roleNested {
				roots = append(roots, g)
			}
		}
		switch {
		case len(roots) > 0:
			gs = roots
		case generic[w[prefixLen(gs[0]):]]:
			continue
		}
		if g := d.majority(gs); g != nil && !(g.role == roleFunc && len(gs) > 1) {
			winner[w] = g
		}
	}
	contested := func(g *shareGroup) bool { return winner[wants[g]] != g }
	final := map[*shareGroup]string{}
	var name func(g *shareGroup, depth int) string
	name = func(g *shareGroup, depth int) string {
		if n, ok := final[g]; ok {
			return n
		}
		w := wants[g]
		switch {
		case !contested(g):
			g.rule = ruleBare
			if g.role != roleNested {
				g.rule = ruleFunction
			}
		case g.role == roleFunc:
			// live and task_get of one function whose results differ
			// and do not merge (T4): each keeps its operation's name.
			g.rule, w = ruleFallback, g.members[0].name
		case g.role == roleStep:
			quals := map[string]bool{}
			for _, m := range g.members {
				quals[m.qualify] = true
			}
			g.rule, w = ruleStepQual, slices.Sorted(maps.Keys(quals))[0]
			if w == "" {
				g.rule, w = ruleFallback, g.members[0].name
			}
		default:
			g.rule = ruleQualified
			// The parent most functions use, then the first in string order.
			parents := map[string]int{}
			if depth < 16 {
				final[g] = g.members[0].name // a cycle of references qualifies by the old name
				for _, m := range g.members {
					for _, u := range m.uses {
						if pg := d.of[u.from]; pg != nil {
							parents[name(pg, depth+1)] = pg.weight()
						} else {
							parents[u.from] = len(d.comps[u.from].funcs)
						}
					}
				}
				delete(final, g)
			}
			if len(parents) == 0 {
				g.rule, w = ruleFallback, g.members[0].name
			} else {
				best := ""
				for _, p := range slices.Sorted(maps.Keys(parents)) {
					if best == "" || parents[p] > parents[best] {
						best = p
					}
				}
				w = best + w[prefixLen(g):]
			}
		}
		final[g] = w
		return w
	}
	for _, g := range d.groups {
		g.name = name(g, 0)
	}
	// Two groups with one name (a qualified name equal to another's) or a
	// kept name: the old names, then a suffix from the shape itself.
	count := map[string]int{}
	for _, g := range d.groups {
		count[g.name]++
	}
	for _, g := range d.groups {
		if count[g.name] > 1 || taken[g.name] {
			g.rule, g.name = ruleFallback, g.members[0].name
		}
	}
	seen := map[string]bool{}
	for n := range taken {
		seen[n] = true
	}
	slices.SortFunc(d.groups, func(x, y *shareGroup) int { return cmp.Compare(x.members[0].name, y.members[0].name) })
	for _, g := range d.groups {
		if seen[g.name] {
			sum := sha256.Sum256([]byte(g.key + g.members[0].base))
			g.name += "X" + hex.EncodeToString(sum[:3])
		}
		seen[g.name] = true
	}
}

// majority is the group most functions use, nil on a tie.
func (d *dedupe) majority(gs []*shareGroup) *shareGroup {
	var best *shareGroup
	tie := false
	for _, g := range gs {
		switch w, bw := g.weight(), best.weight(); {
		case best == nil || w > bw:
			best, tie = g, false
		case w == bw:
			tie = true
		}
	}
	if tie {
		return nil
	}
	return best
}

// weight counts the functions whose responses reach a group.
func (g *shareGroup) weight() int {
	if g == nil {
		return -1
	}
	fns := map[string]bool{}
	for _, m := range g.members {
		for f := range m.funcs {
			fns[f] = true
		}
	}
	return len(fns)
}
