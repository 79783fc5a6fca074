package spec_test

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/google/go-cmp/cmp"

	"github.com/dataforseo-go/dataforseo/gen/page"
	"github.com/dataforseo-go/dataforseo/gen/spec"
)

// widgetPage writes a tab-separated page of one endpoint: a request
// table (POST only), the response rows and the example.
func widgetPage(t *testing.T, source, method, path string, response []string, example string) *page.Page {
	t.Helper()
	var b strings.Builder
	b.WriteString(method + " https://api.dataforseo.com" + path + "\n")
	b.WriteString("The above command returns JSON structured like this:\n" + example + "\n")
	if method == "POST" {
		b.WriteString("Description of the fields for setting a task:\nField name\tType\tDescription\ntarget\tstring\tthe target\nrequired field\n")
	}
	b.WriteString("Description of the fields in the results array:\nField name\tType\tDescription\n")
	for _, r := range append([]string{"tasks\tarray\tarray of tasks", "    result\tarray\tarray of results"}, response...) {
		b.WriteString(r + "\n")
	}
	p, err := page.Parse(source, []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func taskJSON(result string) string {
	return `{"tasks":[{"id":"1","data":{"api":"widgets","function":"live","target":"a.com"},"result":[` + result + `]}]}`
}

// sharedPages are four endpoints of one section: alpha's live and
// task_get (task_get's items have one field more), beta (alpha's shapes,
// with another description and a field its example leaves out), gamma
// (a rating whose value is a string).
func sharedPages(t *testing.T, sources [4]string) []*page.Page {
	t.Helper()
	rows := func(ratingDesc, valueType string, extra ...string) []string {
		return append([]string{
			"        spell\tobject\tautocorrection",
			"            keyword\tstring\tcorrected keyword",
			"        items\tarray\titems",
			"            rank\tinteger\trank",
			"            rating\tobject\t" + ratingDesc,
			"                value\t" + valueType + "\tthe value",
			"                votes_count\tinteger\tvotes",
		}, extra...)
	}
	return []*page.Page{
		widgetPage(t, sources[0], "POST", "/v3/widgets/alpha/live", rows("the rating", "float"),
			taskJSON(`{"spell":{"keyword":"k"},"items":[{"rank":1,"rating":{"value":4.5,"votes_count":10}}]}`)),
		widgetPage(t, sources[1], "GET", "/v3/widgets/alpha/task_get/{id}", rows("the rating", "float", "            extra\tstring\tonly task_get has it"),
			taskJSON(`{"spell":{"keyword":"k"},"items":[{"rank":1,"extra":"x","rating":{"value":4.5,"votes_count":10}}]}`)),
		widgetPage(t, sources[2], "POST", "/v3/widgets/beta/live", rows("the rating\nof the element", "float"),
			taskJSON(`{"spell":{"keyword":"k"},"items":[{"rank":1,"rating":{"value":4.5}}]}`)),
		widgetPage(t, sources[3], "POST", "/v3/widgets/gamma/live", rows("the rating", "string"),
			taskJSON(`{"spell":{"keyword":"k"},"items":[{"rank":1,"rating":{"value":"4.5","votes_count":10}}]}`)),
	}
}

// resultOf names the component of an operation's result and of its items.
func resultOf(t *testing.T, doc *openapi3.T, method, path string) (result, item string) {
	t.Helper()
	resp := doc.Paths.Value(path).GetOperation(method).Responses.Status(200).Value.Content.Get("application/json").Schema.Value
	task := resp.AllOf[1].Value.Properties["tasks"].Value.Items.Value
	r := task.AllOf[1].Value.Properties["result"].Value.Items
	return strings.TrimPrefix(r.Ref, "#/components/schemas/"),
		strings.TrimPrefix(r.Value.Properties["items"].Value.Items.Ref, "#/components/schemas/")
}

// TestSharedTypes: rules T1-T8 on small pages.
func TestSharedTypes(t *testing.T) {
	doc, report := build(t, sharedPages(t, [4]string{"a.txt", "b.txt", "c.txt", "d.txt"})...)
	s := doc.Components.Schemas
	// T4: alpha's live and task_get share their result and items, named
	// by the function; the task_get's field joins, not required.
	for _, op := range []struct{ method, path string }{{"POST", "/v3/widgets/alpha/live"}, {"GET", "/v3/widgets/alpha/task_get/{id}"}} {
		if r, it := resultOf(t, doc, op.method, op.path); r != "WidgetsAlphaResult" || it != "WidgetsAlphaItem" {
			t.Errorf("%s %s: result %s, items %s", op.method, op.path, r, it)
		}
	}
	if it := s["WidgetsAlphaItem"].Value; it.Properties["extra"] == nil || slices.Contains(it.Required, "extra") {
		t.Errorf("T4: alpha's items: %v, required %v", slices.Sorted(maps.Keys(it.Properties)), it.Required)
	}
	if r, _ := resultOf(t, doc, "POST", "/v3/widgets/beta/live"); r != "WidgetsBetaResult" {
		t.Errorf("T4: beta's result is %s: a function's result is its own", r)
	}
	// T1, T5: one spell for every function.
	for _, r := range []string{"WidgetsAlphaResult", "WidgetsBetaResult", "WidgetsGammaResult"} {
		if ref := s[r].Value.Properties["spell"].Ref; ref != "#/components/schemas/WidgetsSpell" {
			t.Errorf("T5: %s.spell is %s", r, ref)
		}
	}
	// T6: two ratings; alpha's and beta's, used by two functions, hold the
	// name; gamma's is qualified by its parent.
	for comp, rating := range map[string]string{"WidgetsAlphaItem": "WidgetsRating", "WidgetsBetaItem": "WidgetsRating", "WidgetsGammaItem": "WidgetsItemRating"} {
		if ref := s[comp].Value.Properties["rating"].Ref; ref != "#/components/schemas/"+rating {
			t.Errorf("T6: %s.rating is %s, want %s", comp, ref, rating)
		}
	}
	rating := s["WidgetsRating"].Value
	// T1: beta's example leaves votes_count out: pooled, not required.
	if !slices.Equal(rating.Required, []string{"value"}) {
		t.Errorf("T1: WidgetsRating required %v, want [value]", rating.Required)
	}
	// T8: the description with the most lines.
	if rating.Description != "the rating\nof the element" {
		t.Errorf("T8: description %q", rating.Description)
	}
	// T3: requests stay the operation's, though alike.
	for _, r := range []string{"WidgetsAlphaLiveRequest", "WidgetsBetaLiveRequest", "WidgetsGammaLiveRequest"} {
		if s[r] == nil {
			t.Errorf("T3: no %s", r)
		}
	}
	for name := range s {
		if strings.Contains(name, "Live") && !strings.HasSuffix(name, "Request") && !strings.HasSuffix(name, "Response") &&
			!strings.HasSuffix(name, "Task") && !strings.HasSuffix(name, "Data") {
			t.Errorf("a per-operation name is left: %s", name)
		}
	}
	md := report.Markdown()
	for _, say := range []string{
		"## Shared types", "`WidgetsRating` (T5): WidgetsAlphaLiveItemRating, WidgetsAlphaTaskGetItemRating, WidgetsBetaLiveItemRating",
		"required or nullable differ at 1 places", "`WidgetsItemRating` (T6): WidgetsGammaLiveItemRating",
		"## Live and task_get", "### /v3/widgets/alpha\n", "`items[].extra`: only task_get has it: added, not required",
	} {
		if !strings.Contains(md, say) {
			t.Errorf("the report does not say %q:\n%s", say, md[strings.Index(md, "## Live"):])
		}
	}
}

// TestSharedTypesOrderIndependent: the names do not depend on the order
// of the pages (their file names sort them).
func TestSharedTypesOrderIndependent(t *testing.T) {
	names := func(sources [4]string) []string {
		doc, _ := build(t, sharedPages(t, sources)...)
		var out []string
		for _, n := range slices.Sorted(maps.Keys(doc.Components.Schemas)) {
			s := doc.Components.Schemas[n].Value
			out = append(out, n+" "+strings.Join(slices.Sorted(maps.Keys(s.Properties)), ","))
		}
		return out
	}
	first := names([4]string{"a.txt", "b.txt", "c.txt", "d.txt"})
	if diff := cmp.Diff(first, names([4]string{"z.txt", "y.txt", "x.txt", "w.txt"})); diff != "" {
		t.Errorf("the names depend on the pages' order (-first +reversed):\n%s", diff)
	}
}

// TestSharedTypesValid: what the pass makes loads and validates, and
// every reference names a component.
func TestSharedTypesValid(t *testing.T) {
	doc, _, err := spec.Build(sharedPages(t, [4]string{"a.txt", "b.txt", "c.txt", "d.txt"}))
	if err != nil {
		t.Fatal(err)
	}
	y, err := spec.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := openapi3.NewLoader().LoadFromData(y)
	if err != nil {
		t.Fatal(err)
	}
	if err := loaded.Validate(t.Context()); err != nil {
		t.Fatal(err)
	}
}
