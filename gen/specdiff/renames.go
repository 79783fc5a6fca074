package specdiff

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/gen/sdkgen"
)

// Rename is a component, or a Go enum type, whose name changed: the same
// places of the operations' bodies name another one. oasdiff resolves
// references and sees nothing (or the fields of one type removed and of
// another added); a Go user sees a type name go away.
type Rename struct {
	Kind     string   // "renamed", "merged" (several into one), "split" (one into several)
	From, To []string // components (or "enum Foo" for an enum), sorted
	GoFrom   []string // "serp.GoogleOrganicLiveAdvancedResultSpell"
	GoTo     []string
	Where    string // one place the change shows: "POST /v3/serp/.../live/advanced response tasks[].result[].spell"
}

// sites maps the places of every operation's bodies ("POST /v3/x
// response tasks[].result[].spell") to the component a reference there
// names, and the places of string enums to their Go enum type.
type sites struct {
	comp map[string]string
	enum map[string]string
}

func collectSites(doc *openapi3.T, enums map[string]string) sites {
	s := sites{comp: map[string]string{}, enum: map[string]string{}}
	for _, path := range slices.Sorted(maps.Keys(doc.Paths.Map())) {
		item := doc.Paths.Value(path)
		for _, method := range slices.Sorted(maps.Keys(item.Operations())) {
			op := item.GetOperation(method)
			if b := body(op, false); b != nil {
				s.walk(b, method+" "+path+" request ", "", "", enums, map[string]bool{})
			}
			if b := body(op, true); b != nil {
				s.walk(b, method+" "+path+" response ", "", "", enums, map[string]bool{})
			}
		}
	}
	return s
}

func (s sites) walk(sr *openapi3.SchemaRef, prefix, at, comp string, enums map[string]string, stack map[string]bool) {
	if sr == nil {
		return
	}
	if sr.Ref != "" {
		name := strings.TrimPrefix(sr.Ref, "#/components/schemas/")
		if stack[name] || len(stack) > 24 {
			return
		}
		s.comp[prefix+at] = name
		stack[name] = true
		defer delete(stack, name)
		comp = name
	}
	v := sr.Value
	if v == nil {
		return
	}
	for _, p := range slices.Sorted(maps.Keys(v.Properties)) {
		child := join(at, p)
		if e := enums[comp+"."+p]; e != "" {
			s.enum[prefix+child] = e
		}
		s.walk(v.Properties[p], prefix, child, comp, enums, stack)
	}
	s.walk(v.Items, prefix, at+"[]", comp, enums, stack)
	s.walk(v.AdditionalProperties.Schema, prefix, at+"{}", comp, enums, stack)
	for _, part := range v.AllOf {
		s.walk(part, prefix, at, comp, enums, stack)
	}
	for i, list := range []openapi3.SchemaRefs{v.OneOf, v.AnyOf} {
		for j, m := range list {
			key := fmt.Sprintf("%s[%d]", []string{"oneOf", "anyOf"}[i], j)
			if v.Discriminator != nil {
				for k, mr := range v.Discriminator.Mapping {
					if mr.Ref == m.Ref && m.Ref != "" {
						key = "(" + k + ")"
					}
				}
			}
			s.walk(m, prefix, at+key, comp, enums, stack)
		}
	}
}

func join(at, p string) string {
	if at == "" {
		return p
	}
	return at + "." + p
}

// renames pairs the components base has and head does not with what head
// names at the same places, and the Go enum types likewise.
func renames(base, head *openapi3.T, names *goNames) []Rename {
	bt, be := goTypes(names.sections[base])
	ht, he := goTypes(names.sections[head])
	bs, hs := collectSites(base, be), collectSites(head, he)
	out := pair(bs.comp, hs.comp, func(c string) bool { return head.Components.Schemas[c] == nil },
		func(c string) bool { return base.Components.Schemas[c] == nil }, bt, ht, "")
	goEnums := func(m map[string]string) map[string]bool {
		set := map[string]bool{}
		for _, e := range m {
			set[e] = true
		}
		return set
	}
	bset, hset := goEnums(bs.enum), goEnums(hs.enum)
	out = append(out, pair(bs.enum, hs.enum, func(e string) bool { return !hset[e] }, func(e string) bool { return !bset[e] },
		nil, nil, "enum ")...)
	slices.SortFunc(out, func(x, y Rename) int { return cmp.Compare(strings.Join(x.From, ","), strings.Join(y.From, ",")) })
	return out
}

// pair groups the names gone from base with the names head has at their
// places: one for one is a rename, several into one a merge, one into
// several a split.
func pair(base, head map[string]string, gone, added func(string) bool, bGo, hGo map[string]string, label string) []Rename {
	to := map[string]map[string]bool{}   // gone base name -> head names at its places
	from := map[string]map[string]bool{} // head name -> base names at its places
	where := map[string]string{}
	for _, site := range slices.Sorted(maps.Keys(base)) {
		b := base[site]
		h, ok := head[site]
		if !ok || b == h || !gone(b) {
			continue
		}
		if to[b] == nil {
			to[b] = map[string]bool{}
			where[b] = site
		}
		to[b][h] = true
		if from[h] == nil {
			from[h] = map[string]bool{}
		}
		from[h][b] = true
	}
	var out []Rename
	done := map[string]bool{}
	for _, b := range slices.Sorted(maps.Keys(to)) {
		if done[b] {
			continue
		}
		targets := slices.Sorted(maps.Keys(to[b]))
		r := Rename{Where: where[b]}
		switch {
		case len(targets) > 1:
			r.Kind, r.From, r.To = "split", []string{b}, targets
			done[b] = true
		default:
			h := targets[0]
			sources := slices.Sorted(maps.Keys(from[h]))
			r.From, r.To = sources, []string{h}
			for _, s := range sources {
				done[s] = true
			}
			r.Kind = "renamed"
			if len(sources) > 1 || !added(h) {
				r.Kind = "merged"
			}
		}
		for _, n := range r.From {
			r.GoFrom = append(r.GoFrom, goOf(bGo, n))
		}
		for _, n := range r.To {
			r.GoTo = append(r.GoTo, goOf(hGo, n))
		}
		for i := range r.From {
			r.From[i] = label + r.From[i]
		}
		for i := range r.To {
			r.To[i] = label + r.To[i]
		}
		out = append(out, r)
	}
	return out
}

func goOf(m map[string]string, name string) string {
	if m == nil {
		return name // an enum: the name is the Go name
	}
	return m[name]
}

// goTypes names, as sdkgen does, the Go type of every component and the
// Go enum type of every enum field ("Component.field").
func goTypes(sections []*sdkgen.Section) (types, enums map[string]string) {
	types, enums = map[string]string{}, map[string]string{}
	for _, s := range sections {
		for _, st := range s.Structs {
			types[st.Component] = s.Package + "." + st.Name
			for _, f := range st.Fields {
				e := f.Base.Enum
				if e == nil && f.Base.Elem != nil {
					e = f.Base.Elem.Enum
				}
				if e != nil {
					enums[st.Component+"."+f.JSON] = s.Package + "." + e.Name
				}
			}
		}
	}
	return types, enums
}
