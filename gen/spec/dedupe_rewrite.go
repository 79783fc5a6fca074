package spec

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// merge makes each group's component (T8): the schema of one member, the
// representative, with at each place the description most members'
// ... (see bestDoc); the docs' field order the most members have.
func (d *dedupe) merge() {
	for _, g := range d.groups {
		if len(g.members) < 2 {
			continue
		}
		orders := map[string]int{}
		for _, m := range g.members {
			orders[orderKey(d.schema(m.name))]++
		}
		best := ""
		for _, o := range slices.Sorted(maps.Keys(orders)) {
			if best == "" && o != "" || orders[o] > orders[best] {
				best = o
			}
		}
		rep := g.members[0]
		for _, m := range g.members {
			if orderKey(d.schema(m.name)) == best {
				rep = m
				break
			}
		}
		merged := clone(d.schema(rep.name))
		var others []*openapi3.Schema
		for _, m := range g.members {
			if m != rep {
				others = append(others, d.schema(m.name))
			}
		}
		g.differ = mergeDocs(merged, others)
		g.pooled = poolEvidence(merged, others)
		g.rep = rep.name
		g.merged = merged
	}
}

func (d *dedupe) schema(name string) *openapi3.Schema { return d.doc.Components.Schemas[name].Value }

func orderKey(s *openapi3.Schema) string {
	switch o := s.Extensions[contract.ExtOrder].(type) {
	case []string:
		return strings.Join(o, ",")
	case []any:
		parts := make([]string, len(o))
		for i, x := range o {
			parts[i] = fmt.Sprint(x)
		}
		return strings.Join(parts, ",")
	}
	return ""
}

// clone copies a schema deeply (through its JSON: references stay references).
func clone(s *openapi3.Schema) *openapi3.Schema {
	j, err := json.Marshal(s)
	if err != nil {
		panic(err) // a schema the builder made always marshals
	}
	c := &openapi3.Schema{}
	if err := json.Unmarshal(j, c); err != nil {
		panic(err)
	}
	return c
}

// bestDoc picks one of the descriptions of one place (T8): the one with
// the most lines, then the longest, then the first in string order
// (rule M4's, made total). It reports whether they differed.
func bestDoc(descs []string) (string, bool) {
	best := ""
	differ := false
	for i, s := range descs {
		if i > 0 && s != descs[0] {
			differ = true
		}
		lb, ls := strings.Count(best, "\n"), strings.Count(s, "\n")
		if ls > lb || ls == lb && (len(s) > len(best) || len(s) == len(best) && s < best) {
			best = s
		}
	}
	return best, differ
}

// mergeDocs gives dst, at each place, the best description of dst and the
// others (schemas of the same shape) and returns at how many places they
// differed.
func mergeDocs(dst *openapi3.Schema, others []*openapi3.Schema) int {
	descs := []string{dst.Description}
	for _, o := range others {
		descs = append(descs, o.Description)
	}
	n := 0
	var differ bool
	if dst.Description, differ = bestDoc(descs); differ {
		n++
	}
	alongside(dst, others, func(d *openapi3.Schema, os []*openapi3.Schema) { n += mergeDocs(d, os) })
	return n
}

// poolEvidence makes dst, at each place, nullable where any of dst and
// the others is, and its properties required where all require them
// (T1); it returns at how many places they differed.
func poolEvidence(dst *openapi3.Schema, others []*openapi3.Schema) int {
	n := 0
	nullable, required := dst.Nullable, dst.Required
	for _, o := range others {
		nullable = nullable || o.Nullable
		required = slices.DeleteFunc(slices.Clone(required), func(p string) bool { return !slices.Contains(o.Required, p) })
	}
	for _, o := range others {
		if o.Nullable != nullable || len(o.Required) != len(required) {
			n++
			break
		}
	}
	if dst.Nullable != nullable || len(dst.Required) != len(required) {
		n = 1
	}
	dst.Nullable = nullable
	dst.Required = required
	if len(dst.Required) == 0 {
		dst.Required = nil
	}
	alongside(dst, others, func(d *openapi3.Schema, os []*openapi3.Schema) { n += poolEvidence(d, os) })
	return n
}

// alongside calls f with each inline subschema of dst (its properties in
// name order, items, additionalProperties, allOf, oneOf, anyOf) and the
// others' inline subschemas at the same place.
func alongside(dst *openapi3.Schema, others []*openapi3.Schema, f func(dst *openapi3.Schema, others []*openapi3.Schema)) {
	sub := func(pick func(*openapi3.Schema) *openapi3.SchemaRef) {
		at := pick(dst)
		if at == nil || at.Ref != "" || at.Value == nil {
			return
		}
		var os []*openapi3.Schema
		for _, o := range others {
			if x := pick(o); x != nil && x.Ref == "" && x.Value != nil {
				os = append(os, x.Value)
			}
		}
		f(at.Value, os)
	}
	for _, p := range slices.Sorted(maps.Keys(dst.Properties)) {
		sub(func(s *openapi3.Schema) *openapi3.SchemaRef { return s.Properties[p] })
	}
	sub(func(s *openapi3.Schema) *openapi3.SchemaRef { return s.Items })
	sub(func(s *openapi3.Schema) *openapi3.SchemaRef { return s.AdditionalProperties.Schema })
	for i := range dst.AllOf {
		sub(func(s *openapi3.Schema) *openapi3.SchemaRef { return at(s.AllOf, i) })
	}
	for i := range dst.OneOf {
		sub(func(s *openapi3.Schema) *openapi3.SchemaRef { return at(s.OneOf, i) })
	}
	for i := range dst.AnyOf {
		sub(func(s *openapi3.Schema) *openapi3.SchemaRef { return at(s.AnyOf, i) })
	}
}

func at(list openapi3.SchemaRefs, i int) *openapi3.SchemaRef {
	if i < len(list) {
		return list[i]
	}
	return nil
}

// rewrite puts the groups' components in place of their members and
// points every reference at them: $ref anywhere in the document and the
// values of discriminator mappings.
func (d *dedupe) rewrite() {
	renamed := map[string]string{}
	schemas := d.doc.Components.Schemas
	out := openapi3.Schemas{}
	for _, n := range d.names {
		if d.of[n] == nil {
			out[n] = schemas[n]
		}
	}
	for _, g := range d.groups {
		s := g.merged
		if s == nil {
			s = schemas[g.members[0].name].Value
		}
		out[g.name] = &openapi3.SchemaRef{Value: s}
		for _, m := range g.members {
			if m.name != g.name {
				renamed[m.name] = g.name
			}
		}
	}
	d.doc.Components.Schemas = out
	redirect(d.doc, renamed)
}

// SharedType is one component the pass made or renamed, for the report.
type SharedType struct {
	Section string
	Name    string   // the component
	Rule    string   // the naming rule that gave the name (T4-T7)
	Members []string // the components it replaces, by their names before the pass
	Kinds   []string // the discriminator values it is the member for
	Kept    string   // the member whose descriptions and field order are the base
	Differ  int      // places where the members' descriptions differed
	Pooled  int      // places where the members' required or nullable differed
}

// FlowMerge is what T4 did with the results of one function's live and
// task_get, where the pages give them shapes that differ.
type FlowMerge struct {
	Function string   // "/v3/serp/google/organic advanced"
	Absorbed []string // "SerpGoogleX into SerpGoogleY", sorted
	Notes    []string // what differed, how it was resolved
	Apart    string   // why they stay apart, "" when they merged
}

func (d *dedupe) flows() []FlowMerge {
	var out []FlowMerge
	for _, u := range d.unions {
		if u.err == nil && len(u.notes) == 0 {
			continue // one shape: the shared types list it
		}
		fn, variant, _ := strings.Cut(strings.TrimPrefix(u.key, "F "), " ")
		if variant != "" {
			fn += " (" + variant + ")"
		}
		fm := FlowMerge{Function: fn, Notes: u.notes}
		for _, b := range slices.Sorted(maps.Keys(u.absorbed)) {
			fm.Absorbed = append(fm.Absorbed, b+" into "+u.absorbed[b])
		}
		if u.err != nil {
			fm.Apart = u.err.Error()
		}
		out = append(out, fm)
	}
	return out
}

func (d *dedupe) report() []SharedType {
	var out []SharedType
	for _, g := range d.groups {
		if len(g.members) == 1 && g.members[0].name == g.name && !d.absorbedAny(g.name) {
			continue
		}
		st := SharedType{Section: g.section, Name: g.name, Rule: g.rule, Kinds: g.kinds, Kept: g.rep, Differ: g.differ, Pooled: g.pooled}
		for _, m := range g.members {
			st.Members = append(st.Members, m.name)
			for _, u := range d.unions {
				for b, a := range u.absorbed {
					if a == m.name {
						st.Members = append(st.Members, b)
					}
				}
			}
		}
		slices.Sort(st.Members)
		out = append(out, st)
	}
	slices.SortFunc(out, func(x, y SharedType) int {
		return cmp.Or(cmp.Compare(x.Section, y.Section), cmp.Compare(x.Name, y.Name))
	})
	return out
}

func (d *dedupe) absorbedAny(name string) bool {
	for _, u := range d.unions {
		for _, a := range u.absorbed {
			if a == name {
				return true
			}
		}
	}
	return false
}

// sharedMarkdown lists the shared types.
func (r *Report) sharedMarkdown(b *strings.Builder) {
	if len(r.Flows) > 0 {
		b.WriteString("\n## Live and task_get\n\nThe results of a function's live and task_get whose pages give them shapes that differ (rule T4).\n")
		for _, f := range r.Flows {
			fmt.Fprintf(b, "\n### %s\n\n", f.Function)
			if f.Apart != "" {
				fmt.Fprintf(b, "- they stay apart, each with its operation's names: %s\n", f.Apart)
				continue
			}
			for _, n := range f.Notes {
				fmt.Fprintf(b, "- %s\n", n)
			}
			fmt.Fprintf(b, "- merged: %s\n", strings.Join(f.Absorbed, ", "))
		}
	}
	if len(r.Shared) == 0 {
		return
	}
	b.WriteString("\n## Shared types\n\nComponents of one shape in a section are one component, named for what it is (rules T1-T8);\n")
	b.WriteString("each line gives the component, the rule that named it and the components it replaces.\n")
	section := "\x00"
	for _, st := range r.Shared {
		if st.Section != section {
			section = st.Section
			fmt.Fprintf(b, "\n### %s\n\n", section)
		}
		fmt.Fprintf(b, "- `%s` (%s", st.Name, st.Rule)
		if len(st.Kinds) > 0 {
			fmt.Fprintf(b, ", kind %s", strings.Join(st.Kinds, ", "))
		}
		fmt.Fprintf(b, "): %s", strings.Join(st.Members, ", "))
		if st.Pooled > 0 {
			fmt.Fprintf(b, "; required or nullable differ at %d places: required where all require, nullable where any is (T1)", st.Pooled)
		}
		if st.Differ > 0 {
			fmt.Fprintf(b, "; the descriptions differ at %d places: the longest kept (T8), field order of %s", st.Differ, st.Kept)
		}
		b.WriteString("\n")
	}
}
