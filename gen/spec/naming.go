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

// useWant is the name one use asks for (T5): the field's name, singular
// for an element of an array or a value of a map, in CamelCase; a member
// of a discriminated oneOf puts its discriminator value in front
// ("organic" in items: OrganicItem), once when the kind ends with the
// field's name. At the top level of a component (the
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
		kind := contract.Camel(u.keys[0])
		if strings.HasSuffix(kind, field) {
			return kind // people_also_ask_expanded_element in expanded_element: not ...ElementExpandedElement
		}
		return kind + field
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

// nestedWant picks the name the uses ask for (T5): the one whose field
// comes first in the docs' order of its parent ("monday" before
// "tuesday"), then the first in string order. It does not count the
// uses, so that more uses of the same fields change nothing.
func (d *dedupe) nestedWant(uses []use, depth int) string {
	best, bestPos := "", 0
	for _, u := range uses {
		w := d.useWant(u, depth)
		if w == "" {
			continue
		}
		p := slices.Index(strings.Split(orderKey(d.schema(u.from)), ","), u.field)
		if p < 0 {
			p = 1 << 20
		}
		if best == "" || p < bestPos || p == bestPos && w < best {
			best, bestPos = w, p
		}
	}
	return best
}

// want is what a group is called without its section (T4, T5): a root
// by its part ("Result", "Item") when it qualifies another, a component
// kept as built by its operation suffix ("Task").
func (d *dedupe) want(g *shareGroup) string {
	if g.role != roleNested {
		return g.members[0].part
	}
	w := d.nestedWant(d.usesOf(g.members[0]), 0)
	if w == "" {
		w = "Object"
	}
	return w
}

// parent is one place a group is used from: another group or a
// component kept as built.
type parent struct {
	g    *shareGroup
	kept string
}

func (d *dedupe) parents(g *shareGroup) []parent {
	seen := map[string]bool{}
	var out []parent
	for _, m := range g.members {
		for _, u := range m.uses {
			if seen[u.from] {
				continue
			}
			seen[u.from] = true
			if pg := d.of[u.from]; pg != nil {
				if pg != g && !slices.ContainsFunc(out, func(p parent) bool { return p.g == pg }) {
					out = append(out, parent{g: pg})
				}
			} else {
				out = append(out, parent{kept: u.from})
			}
		}
	}
	return out
}

func (d *dedupe) parentWant(p parent) string {
	if p.g != nil {
		return d.want(p.g)
	}
	for _, suf := range []string{contract.SuffixTask, contract.SuffixData, contract.SuffixRequest, contract.SuffixResponse} {
		if strings.HasSuffix(p.kept, suf) {
			return suf
		}
	}
	return p.kept
}

// chain is the names of k ancestors of g, outermost first (T6): at each
// step the parent whose name comes first in string order; a root or a
// kept component ends it. done says it ended before k.
func (d *dedupe) chain(g *shareGroup, k int) (prefix string, done bool) {
	cur := g
	for range k {
		ps := d.parents(cur)
		if len(ps) == 0 {
			return prefix, true
		}
		best := ps[0]
		for _, p := range ps[1:] {
			if w, bw := d.parentWant(p), d.parentWant(best); w < bw || w == bw && p.g != nil && best.g != nil && p.g.members[0].name < best.g.members[0].name {
				best = p
			}
		}
		prefix = d.parentWant(best) + prefix
		if best.g == nil || best.g.role != roleNested {
			return prefix, true
		}
		cur = best.g
	}
	return prefix, false
}

// decideNames names every group (T4-T7).
func (d *dedupe) decideNames() {
	taken := map[string]bool{}
	for _, n := range d.names {
		if d.comps[n].role == roleKept {
			taken[n] = true
		}
	}
	// T4: the roots first.
	roots := map[string][]*shareGroup{}
	for _, g := range d.groups {
		if g.role != roleNested {
			roots[g.members[0].want] = append(roots[g.members[0].want], g)
		}
	}
	for _, w := range slices.Sorted(maps.Keys(roots)) {
		gs := roots[w]
		for _, g := range gs {
			switch {
			case len(gs) == 1 && !taken[w]:
				g.name, g.rule = w, ruleFunction
			case g.role == roleStep && g.members[0].qualify != "":
				// A step's results of several shapes: by the function
				// (the first in string order of the shape's).
				quals := map[string]bool{}
				for _, m := range g.members {
					quals[m.qualify] = true
				}
				g.name, g.rule = slices.Sorted(maps.Keys(quals))[0], ruleStepQual
			default:
				// live and task_get whose results do not merge (T4), an
				// operation of no flow that wants a taken name: the
				// operation's own names.
				g.name, g.rule = g.members[0].name, ruleFallback
			}
		}
	}
	for _, g := range d.groups {
		if g.role != roleNested {
			taken[g.name] = true
		}
	}
	// T5: a name one shape alone wants and that says something is its.
	family := map[string][]*shareGroup{}
	for _, g := range d.groups {
		if g.role == roleNested {
			w := d.want(g)
			family[w] = append(family[w], g)
		}
	}
	for _, w := range slices.Sorted(maps.Keys(family)) {
		gs := family[w]
		if n := contract.Camel(gs[0].section) + w; !contract.Generic(w) && !taken[n] {
			if g := d.widest(gs); g != nil {
				g.name, g.rule = n, ruleBare
				taken[n] = true
			}
		}
	}
	// T6: the others, qualified by their ancestors' names, as few as make
	// the family's names unique; then by the function (T7); then by the
	// shape itself.
	for _, w := range slices.Sorted(maps.Keys(family)) {
		gs := slices.DeleteFunc(slices.Clone(family[w]), func(g *shareGroup) bool { return g.name != "" })
		if len(gs) == 0 {
			continue
		}
		section := contract.Camel(gs[0].section)
		var names []string
		for k := 1; ; k++ {
			names = names[:0]
			all := true
			for _, g := range gs {
				prefix, done := d.chain(g, k)
				names = append(names, section+prefix+w)
				all = all && done
			}
			if unique(names, taken) {
				break
			}
			if all || k > 12 {
				// T7: the shapes still named alike: the nullable one by
				// that, then by a field only it has, then by its function
				// (a shape of one function), then by a hash of the shape.
				clash := colliding(names, taken)
				nullable := 0
				for _, i := range clash {
					if d.schema(gs[i].members[0].name).Nullable {
						nullable++
					}
				}
				if nullable > 0 && nullable < len(clash) {
					for _, i := range clash {
						if d.schema(gs[i].members[0].name).Nullable {
							names[i] = section + "Nullable" + strings.TrimPrefix(names[i], section)
							gs[i].rule = ruleFallback
						}
					}
				}
				clash = colliding(names, taken)
				for _, i := range clash {
					if p := d.ownField(gs[i], gs, clash); p != "" {
						names[i] += "With" + contract.Camel(p)
						gs[i].rule = ruleFallback
					}
				}
				for _, i := range colliding(names, taken) {
					// Only a shape of one function is named by it: with
					// several, which one names it would change as
					// functions are added.
					if fns := d.functions(gs[i]); len(fns) == 1 {
						names[i] = fns[0] + strings.TrimPrefix(names[i], section)
						gs[i].rule = ruleFallback
					}
				}
				for _, i := range colliding(names, taken) {
					sum := sha256.Sum256([]byte(d.deepShape(gs[i].members[0].name, 0)))
					names[i] += "X" + hex.EncodeToString(sum[:3])
					gs[i].rule = ruleFallback
				}
				break
			}
		}
		for i, g := range gs {
			if g.rule == "" {
				g.rule = ruleQualified
			}
			g.name = names[i]
			taken[g.name] = true
		}
	}
	slices.SortFunc(d.groups, func(x, y *shareGroup) int { return cmp.Compare(x.members[0].name, y.members[0].name) })
}

// widest is, of the shapes that want one name, the one used in the most
// contexts, then by the most functions (T6): a context is a parent's name
// and the field, so that a page copied to another function changes
// nothing, and its functions count only where the contexts tie. nil on a
// tie of both.
func (d *dedupe) widest(gs []*shareGroup) *shareGroup {
	var best *shareGroup
	most, tie := [2]int{-1, -1}, false
	for _, g := range gs {
		ctx := map[string]bool{}
		for _, m := range g.members {
			for _, u := range m.uses {
				p := parent{kept: u.from}
				if pg := d.of[u.from]; pg != nil {
					p = parent{g: pg}
				}
				ctx[d.parentWant(p)+"."+u.field] = true
			}
		}
		n := [2]int{len(ctx), g.weight()}
		switch {
		case n[0] > most[0] || n[0] == most[0] && n[1] > most[1]:
			best, most, tie = g, n, false
		case n == most:
			tie = true
		}
	}
	if tie {
		return nil
	}
	return best
}
