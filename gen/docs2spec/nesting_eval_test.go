package docs2spec_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
	"github.com/dataforseo-go/dataforseo/gen/page"
	"github.com/dataforseo-go/dataforseo/gen/spec"
)

// TestNestingWithoutExamples measures rules N1-N10 where the answer is
// known: each corpus page that has a response example is built once with
// it and once without (its endpoint's other pages left out, the section's
// other endpoints kept with their examples), and the result fields of the
// two are compared. It is slow (a build per page), so it runs only with
// DFS_NESTING_EVAL=1, and fails when fewer than the floor of the fields
// land where the example puts them.
func TestNestingWithoutExamples(t *testing.T) {
	if os.Getenv("DFS_NESTING_EVAL") == "" {
		t.Skip("set DFS_NESTING_EVAL=1 to measure")
	}
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*"))
	if len(files) == 0 {
		t.Skip("no corpus")
	}
	var all []*page.Page
	for _, f := range files {
		data, _ := os.ReadFile(f)
		ps, _ := page.ParseFile(filepath.Base(f), data)
		all = append(all, ps...)
	}
	totalRef, totalSame, totalGot := 0, 0, 0
	for _, p := range all {
		if len(p.ResponseExamples) == 0 || p.Response == nil || !p.Response.Flat {
			continue
		}
		section := strings.Split(strings.TrimPrefix(p.Path, "/v3/"), "/")[0]
		var with, without []*page.Page
		for _, q := range all {
			if !strings.HasPrefix(q.Path, "/v3/"+section+"/") {
				continue
			}
			if q.Path == p.Path && q.Method == p.Method {
				if q == p {
					with = append(with, q)
					stripped := *q
					stripped.ResponseExamples, stripped.RequestExamples = nil, nil
					without = append(without, &stripped)
				}
				continue
			}
			with, without = append(with, q), append(without, q)
		}
		// The kinds of the section's polymorphic arrays come from every
		// page: only those the page's example shows measure the page.
		shown := exampleKinds(p)
		ref := onlyKinds(resultPaths(t, with, p), shown)
		got := onlyKinds(resultPaths(t, without, p), shown)
		if ref == nil || got == nil || len(ref) == 0 {
			continue
		}
		same := 0
		for _, r := range ref {
			if slices.Contains(got, r) {
				same++
			}
		}
		totalRef, totalSame, totalGot = totalRef+len(ref), totalSame+same, totalGot+len(got)
		t.Logf("%-60s %3d/%3d fields where the example puts them (%d built)", p.Source, same, len(ref), len(got))
	}
	if totalRef == 0 {
		t.Fatal("nothing measured")
	}
	recall := float64(totalSame) / float64(totalRef)
	t.Logf("all: %d of %d fields (%.1f%%) where the example puts them; %d built", totalSame, totalRef, 100*recall, totalGot)
	if recall < 0.70 {
		t.Errorf("only %.1f%% of the fields where the examples put them", 100*recall)
	}
}

// resultPaths builds pages and lists the fields of p's tasks' result.
func resultPaths(t *testing.T, pages []*page.Page, p *page.Page) []string {
	doc, _, err := spec.Build(pages)
	if doc == nil {
		t.Logf("%s: %v", p.Source, err)
		return nil
	}
	item := doc.Paths.Value(p.Path)
	if item == nil || item.GetOperation(p.Method) == nil {
		t.Logf("%s: no operation: %v", p.Source, err)
		return []string{}
	}
	op := item.GetOperation(p.Method)
	resp := op.Responses.Status(200).Value.Content.Get("application/json").Schema
	var out []string
	var walk func(s *openapi3.SchemaRef, prefix string, depth int)
	walk = func(ref *openapi3.SchemaRef, prefix string, depth int) {
		if ref == nil || depth > 12 {
			return
		}
		s := ref.Value
		if ref.Ref != "" {
			s = doc.Components.Schemas[strings.TrimPrefix(ref.Ref, "#/components/schemas/")].Value
		}
		for _, a := range s.AllOf {
			walk(a, prefix, depth+1)
		}
		if d := s.Discriminator; d != nil {
			// A polymorphic element (rules V4-V6): each kind's fields.
			for k, m := range d.Mapping {
				walk(&openapi3.SchemaRef{Ref: m.Ref}, prefix+"<"+k+">", depth+1)
			}
		}
		if s.Items != nil {
			walk(s.Items, prefix+"[]", depth+1)
		}
		if s.AdditionalProperties.Schema != nil {
			walk(s.AdditionalProperties.Schema, prefix+"{}", depth+1)
		}
		for name, c := range s.Properties {
			out = append(out, prefix+"."+name)
			walk(c, prefix+"."+name, depth+1)
		}
	}
	walk(resp, "", 0)
	var result []string
	for _, o := range out {
		if strings.HasPrefix(o, ".tasks[].result[].") {
			result = append(result, o)
		}
	}
	slices.Sort(result)
	return slices.Compact(result)
}

// exampleKinds are the kinds (the "type" of an object in an array) the
// page's response examples show.
func exampleKinds(p *page.Page) map[string]bool {
	kinds := map[string]bool{}
	var walk func(v *jsonval.Value, inArray bool)
	walk = func(v *jsonval.Value, inArray bool) {
		switch v.Kind {
		case jsonval.Array:
			for _, e := range v.Arr {
				walk(e, true)
			}
		case jsonval.Object:
			if t := v.Get("type"); inArray && t != nil && t.Kind == jsonval.String {
				kinds[t.Str] = true
			}
			for _, m := range v.Obj {
				walk(m.Val, false)
			}
		}
	}
	for _, ex := range p.ResponseExamples {
		walk(ex.Value, false)
	}
	return kinds
}

// onlyKinds keeps the paths whose every kind ("<organic>") is shown.
func onlyKinds(paths []string, shown map[string]bool) []string {
	if paths == nil {
		return nil
	}
	out := []string{}
	for _, p := range paths {
		keep := true
		for rest := p; keep; {
			i := strings.Index(rest, "<")
			if i < 0 {
				break
			}
			j := strings.Index(rest[i:], ">")
			keep = shown[rest[i+1:i+j]]
			rest = rest[i+j:]
		}
		if keep {
			out = append(out, p)
		}
	}
	return out
}
