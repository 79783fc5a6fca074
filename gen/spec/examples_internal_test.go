package spec

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/google/go-cmp/cmp"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
	"github.com/dataforseo-go/dataforseo/gen/page"
)

// The examples are checked on the document in memory (rule X1). These
// tests hold the check to what a reader of the written spec finds: the
// same misfits, with the same reasons, as validating against the spec
// marshalled and loaded back with kin-openapi, which is how it was done
// before (and what every consumer does).

// verdict is a misfit as the tests compare them.
type verdict struct{ Endpoint, Part, Name, Recorded, Reason string }

func verdicts(ms []misfit) []verdict {
	var out []verdict
	for _, m := range ms {
		out = append(out, verdict{m.ep.method + " " + m.ep.path, string(m.part), m.name, m.recorded, m.reason})
	}
	return out
}

// loadedVerdicts validates the examples against doc written as JSON and
// loaded back.
func loadedVerdicts(doc *openapi3.T, eps []*endpoint) ([]verdict, error) {
	j, err := doc.MarshalJSON()
	if err != nil {
		return nil, err
	}
	loaded, err := openapi3.NewLoader().LoadFromData(j)
	if err != nil {
		return nil, err
	}
	var out []verdict
	check := func(ep *endpoint, part page.Part, mt *openapi3.MediaType) {
		for _, name := range slices.Sorted(maps.Keys(mt.Examples)) {
			if err := mt.Schema.Value.VisitJSON(mt.Examples[name].Value.Value); err != nil {
				out = append(out, verdict{ep.method + " " + ep.path, string(part), name, "", firstLine(err)})
			}
		}
	}
	for _, ep := range eps {
		op := loaded.Paths.Value(ep.path).GetOperation(ep.method)
		if op.RequestBody != nil {
			check(ep, page.PartRequestExample, op.RequestBody.Value.Content.Get("application/json"))
		}
		media := op.Responses.Status(200).Value.Content.Get("application/json")
		check(ep, page.PartResponseExample, media)
		for _, r := range ep.recorded {
			if err := media.Schema.Value.VisitJSON(r.Body.Any()); err != nil {
				out = append(out, verdict{ep.method + " " + ep.path, "", "", r.Source, firstLine(err)})
			}
		}
	}
	return out, nil
}

// compareWithLoaded checks the document's examples both ways and fails
// on any difference; it also fails when the check in memory changed the
// document. It returns the verdicts.
func compareWithLoaded(t *testing.T, doc *openapi3.T, eps []*endpoint) ([]verdict, error) {
	t.Helper()
	before, err := doc.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	ms, memErr := misfits(doc, eps)
	after, _ := doc.MarshalJSON()
	if !bytes.Equal(before, after) {
		t.Error("checking the examples changed the document")
	}
	want, loadErr := loadedVerdicts(doc, eps)
	if (memErr == nil) != (loadErr == nil) {
		t.Fatalf("in memory: error %v; loaded back: error %v", memErr, loadErr)
	}
	if memErr != nil {
		return nil, memErr
	}
	got := verdicts(ms)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("misfits in memory differ from those of the spec loaded back (-loaded +memory):\n%s", d)
	}
	return got, nil
}

// TestMisfitsOfTheRepositoryPages: on the repository's pages the check in
// memory finds what the loaded spec shows, and it finds something (the
// pages have request examples that contradict their tables).
func TestMisfitsOfTheRepositoryPages(t *testing.T) {
	dir := "../../spec/pages"
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var pages []*page.Page
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		ps, _ := page.ParseFile(e.Name(), data)
		pages = append(pages, ps...)
	}
	b := newBuilder()
	eps, err := b.operations(pages, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := compareWithLoaded(t, b.doc, eps)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 {
		t.Error("no misfit found on pages known to have some")
	}
}

// widgetPage is a tab-separated page of one endpoint whose curl samples
// send bodies.
func widgetPage(t *testing.T, bodies ...string) *page.Page {
	t.Helper()
	text := "POST https://api.dataforseo.com/v3/widgets/live\n"
	for _, body := range bodies {
		text += "curl --data-raw '" + body + "'\n"
	}
	text +=
		"The above command returns JSON structured like this:\n" +
			`{"status_code":20000,"tasks":[{"id":"1","path":["v3","widgets","live"],"result":[{"items":[{"rank":1,"name":"a"}]}]}]}` + "\n" +
			"Description of the fields for setting a task:\nField name\tType\tDescription\n" +
			"target\tstring\tthe target\nrequired field\n" +
			"limit\tinteger\thow many\noptional field\n" +
			"Description of the fields in the results array:\nField name\tType\tDescription\n" +
			"tasks\tarray\tarray of tasks\n    result\tarray\tarray of results\n        items\tarray\titems\n" +
			"            rank\tinteger\tthe rank\n            name\tstring\tthe name\n"
	p, err := page.Parse("widgets.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func parsed(t *testing.T, s string) *jsonval.Value {
	t.Helper()
	v, err := jsonval.Parse([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestMisfits: what the check rejects, and what it lets through, checked
// both in memory and on the spec loaded back.
func TestMisfits(t *testing.T) {
	const fits = `[{"target":"a.com","limit":5}]`
	responseOf := func(doc *openapi3.T) *openapi3.MediaType {
		return doc.Paths.Value("/v3/widgets/live").Post.Responses.Status(200).Value.Content.Get("application/json")
	}
	for _, tc := range []struct {
		name   string
		bodies []string
		mutate func(t *testing.T, doc *openapi3.T, eps []*endpoint)
		want   []string // "part name: reason" of each misfit, reasons abridged to what they contain
		err    string   // the check fails: the document would not load
	}{
		{name: "fits", bodies: []string{fits}},
		// One sample types the request with the table; the other one
		// contradicts them.
		{name: "number as a string", bodies: []string{fits, `[{"target":"b.com","limit":"ten"}]`},
			want: []string{`request example widgets-curl-2: /0/limit`}},
		// An example without a field makes it optional (rule R1): one
		// that lost it after the build is a misfit.
		{name: "required field left out", bodies: []string{fits},
			mutate: func(t *testing.T, doc *openapi3.T, _ []*endpoint) {
				for _, ex := range doc.Paths.Value("/v3/widgets/live").Post.RequestBody.Value.Content.Get("application/json").Examples {
					ex.Value.Value = parsed(t, `[{"limit":6}]`)
				}
			},
			want: []string{`request example widgets-curl-1: property "target" is missing`}},
		{name: "undeclared type in a response", bodies: []string{fits},
			mutate: func(t *testing.T, doc *openapi3.T, _ []*endpoint) {
				for _, ex := range responseOf(doc).Examples {
					ex.Value.Value = parsed(t, `{"status_code":20000,"tasks":[{"id":"1","result":[{"items":[{"rank":"first","name":"a"}]}]}]}`)
				}
			},
			want: []string{`response example widgets-1: /result/0/items/0/rank`}},
		{name: "recorded response that does not fit", bodies: []string{fits},
			mutate: func(t *testing.T, _ *openapi3.T, eps []*endpoint) {
				eps[0].recorded = append(eps[0].recorded, Recorded{Source: "responses/w.json",
					Body: parsed(t, `{"status_code":20000,"tasks":[{"id":"2","result":[{"items":[{"rank":1,"name":7}]}]}]}`)})
			},
			want: []string{`responses/w.json: /result/0/items/0/name`}},
		{name: "ref to no component", bodies: []string{fits},
			mutate: func(t *testing.T, doc *openapi3.T, _ []*endpoint) {
				ref := responseOf(doc).Schema.Ref
				if ref == "" {
					t.Fatal("the response schema is not a $ref")
				}
				delete(doc.Components.Schemas, strings.TrimPrefix(ref, "#/components/schemas/"))
			},
			err: "names no component"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newBuilder()
			eps, err := b.operations([]*page.Page{widgetPage(t, tc.bodies...)}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if tc.mutate != nil {
				tc.mutate(t, b.doc, eps)
			}
			got, err := compareWithLoaded(t, b.doc, eps)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one that says %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("misfits %+v, want %d: %q", got, len(tc.want), tc.want)
			}
			for i, v := range got {
				where, reason, _ := strings.Cut(tc.want[i], ": ")
				gotWhere := fmt.Sprintf("%s %s", v.Part, v.Name)
				if v.Recorded != "" {
					gotWhere = v.Recorded
				}
				if gotWhere != where || !strings.Contains(v.Reason, reason) {
					t.Errorf("misfit %d is %s: %s, want %s: ...%s...", i, gotWhere, v.Reason, where, reason)
				}
			}
		})
	}
}
