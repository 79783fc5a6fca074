package specdiff

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oasdiff/oasdiff/checker"

	"github.com/dataforseo-go/dataforseo/gen/sdkgen"
)

// goNames knows, for both specs, the Go name of every field of every
// component, as sdkgen names them.
type goNames struct {
	docs     []*openapi3.T                // head first, then base
	fields   map[string]map[string]string // component -> wire name -> "pkg.Type.Field"
	sections map[*openapi3.T][]*sdkgen.Section
}

func newGoNames(base, head *openapi3.T) *goNames {
	g := &goNames{docs: []*openapi3.T{head, base}, fields: map[string]map[string]string{}, sections: map[*openapi3.T][]*sdkgen.Section{}}
	for _, doc := range []*openapi3.T{base, head} {
		sections, err := sdkgen.Build(doc)
		if err != nil {
			continue // a spec the generator refuses still gets a diff, without Go names
		}
		g.sections[doc] = sections
		for _, s := range sections {
			for _, st := range s.Structs {
				m := g.fields[st.Component]
				if m == nil {
					m = map[string]string{}
					g.fields[st.Component] = m
				}
				for _, f := range st.Fields {
					m[f.JSON] = s.Package + "." + st.Name + "." + f.Name
				}
			}
		}
	}
	return g
}

// locate finds the field a change is about: its readable path (prefixed
// "request" or "response"), its Go field, and the raw path as oasdiff
// wrote it.
func (g *goNames) locate(c checker.Change) (field, goField, raw string) {
	response := strings.Contains(c.GetId(), "response")
	for _, a := range c.GetArgs() {
		s, ok := a.(string)
		if !ok || s == "" {
			continue
		}
		for _, doc := range g.docs {
			op := operation(doc, c.GetOperation(), c.GetPath())
			if op == nil {
				continue
			}
			root := body(op, response)
			if root == nil {
				continue
			}
			w := &walk{}
			segs := splitPath(s)
			// Some checks write the path from the task, not the body, or
			// only the property's name: find it where it is.
			if w.follow(root, segs, "") || w.follow(root.Value.Items, segs, "") ||
				len(segs) == 1 && w.search(root, segs[0], "", 0) {
				side := "request "
				if response {
					side = "response "
				}
				return side + w.path(), g.fields[w.comp][w.prop], s
			}
		}
	}
	return "", "", ""
}

func operation(doc *openapi3.T, method, path string) *openapi3.Operation {
	item := doc.Paths.Value(path)
	if item == nil {
		return nil
	}
	return item.GetOperation(method)
}

func body(op *openapi3.Operation, response bool) *openapi3.SchemaRef {
	var content openapi3.Content
	switch {
	case response && op.Responses.Status(200) != nil:
		content = op.Responses.Status(200).Value.Content
	case !response && op.RequestBody != nil:
		content = op.RequestBody.Value.Content
	}
	if mt := content.Get("application/json"); mt != nil {
		return mt.Schema
	}
	return nil
}

// walk follows an oasdiff schema path through the spec, remembering the
// component and property of the last field on the way.
type walk struct {
	parts      []string
	comp, prop string
}

func (w *walk) path() string {
	s := strings.ReplaceAll(strings.Join(w.parts, "."), ".[]", "[]")
	return strings.TrimPrefix(strings.TrimPrefix(s, "[]"), ".")
}

func (w *walk) follow(ref *openapi3.SchemaRef, segs []string, comp string) bool {
	if ref == nil || ref.Value == nil {
		return false
	}
	if ref.Ref != "" {
		comp = strings.TrimPrefix(ref.Ref, "#/components/schemas/")
	}
	if len(segs) == 0 {
		return true
	}
	s, seg, rest := ref.Value, segs[0], segs[1:]
	if list, i, ok := combinator(s, seg); ok {
		return i >= 0 && i < len(list) && w.follow(list[i], rest, comp)
	}
	save := *w
	if seg == "items" && s.Items != nil {
		w.parts = append(w.parts, "[]")
		if w.follow(s.Items, rest, comp) {
			return true
		}
		*w = save
	}
	if p := s.Properties[seg]; p != nil {
		w.parts = append(w.parts, seg)
		w.comp, w.prop = comp, seg
		if w.follow(p, rest, comp) {
			return true
		}
		*w = save
	}
	return false
}

// search finds the first property called name, depth first.
func (w *walk) search(ref *openapi3.SchemaRef, name, comp string, depth int) bool {
	if ref == nil || ref.Value == nil || depth > 12 {
		return false
	}
	if ref.Ref != "" {
		comp = strings.TrimPrefix(ref.Ref, "#/components/schemas/")
	}
	save := *w
	s := ref.Value
	if s.Properties[name] != nil {
		w.parts = append(w.parts, name)
		w.comp, w.prop = comp, name
		return true
	}
	for _, sub := range append(slices.Clone(s.AllOf), s.AnyOf...) {
		if w.search(sub, name, comp, depth+1) {
			return true
		}
	}
	if s.Items != nil {
		w.parts = append(w.parts, "[]")
		if w.search(s.Items, name, comp, depth+1) {
			return true
		}
		*w = save
	}
	props := make([]string, 0, len(s.Properties))
	for p := range s.Properties {
		props = append(props, p)
	}
	slices.Sort(props)
	for _, p := range props {
		w.parts = append(w.parts, p)
		if w.search(s.Properties[p], name, comp, depth+1) {
			return true
		}
		*w = save
	}
	return false
}

// splitPath splits an oasdiff schema path at the "/" outside brackets
// ("allOf[#/components/schemas/X]" is one segment).
func splitPath(s string) []string {
	var segs []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			depth--
		case '/':
			if depth == 0 {
				segs = append(segs, s[start:i])
				start = i + 1
			}
		}
	}
	return append(segs, s[start:])
}

// combinator reads "allOf[subschema #2]" and "allOf[#/components/schemas/X]".
func combinator(s *openapi3.Schema, seg string) (openapi3.SchemaRefs, int, bool) {
	var list openapi3.SchemaRefs
	var inner string
	switch {
	case strings.HasPrefix(seg, "allOf[") && strings.HasSuffix(seg, "]"):
		list, inner = s.AllOf, seg[6:len(seg)-1]
	case strings.HasPrefix(seg, "anyOf[") && strings.HasSuffix(seg, "]"):
		list, inner = s.AnyOf, seg[6:len(seg)-1]
	case strings.HasPrefix(seg, "oneOf[") && strings.HasSuffix(seg, "]"):
		list, inner = s.OneOf, seg[6:len(seg)-1]
	default:
		return nil, 0, false
	}
	if n, ok := strings.CutPrefix(inner, "subschema #"); ok {
		i, err := strconv.Atoi(n)
		if err != nil {
			return list, -1, true
		}
		return list, i - 1, true
	}
	for i, r := range list {
		if r.Ref == inner {
			return list, i, true
		}
	}
	return list, -1, true
}

// Markdown renders the report for a pull request.
func (r *Report) Markdown(base, head string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Spec diff\n\n%s → %s: %d changes, %d breaking for SDK users.\n", base, head, len(r.Changes)+len(r.Renames), r.Breaking())
	if len(r.Renames) > 0 {
		b.WriteString("\n## Renamed types\n\nThe same places of the bodies name another type: **BREAKING** for code that names the Go type.\n\n")
		for _, rn := range r.Renames {
			fmt.Fprintf(&b, "- %s `%s` → `%s`", rn.Kind, strings.Join(rn.From, "`, `"), strings.Join(rn.To, "`, `"))
			if gf, gt := strings.Join(rn.GoFrom, ", "), strings.Join(rn.GoTo, ", "); gf != "" && gt != "" && gf+gt != strings.Join(rn.From, ", ")+strings.Join(rn.To, ", ") {
				fmt.Fprintf(&b, " (Go: `%s` → `%s`)", gf, gt)
			}
			fmt.Fprintf(&b, ", e.g. at %s\n", rn.Where)
		}
	}
	var ep string
	for _, c := range r.Changes {
		if k := c.Method + " " + c.Path; k != ep {
			ep = k
			if k == " " {
				k = "Components"
			}
			fmt.Fprintf(&b, "\n## %s\n\n", k)
		}
		mark := "not breaking"
		if c.Breaking {
			mark = "**BREAKING**"
		}
		what := c.Field
		if what == "" {
			what = "operation"
		}
		fmt.Fprintf(&b, "- %s `%s`", mark, what)
		if c.GoField != "" {
			fmt.Fprintf(&b, " (Go: `%s`)", c.GoField)
		}
		fmt.Fprintf(&b, ": %s\n", strings.Join(c.Texts, "; "))
	}
	if len(r.Changes)+len(r.Renames) == 0 {
		b.WriteString("\nNo change.\n")
	}
	return b.String()
}
