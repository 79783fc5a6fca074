package spec_test

import (
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/gen/page"
	"github.com/dataforseo-go/dataforseo/gen/spec"
	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// tabPage writes a tab-separated page: the request rows, the response
// rows (indentation as leading spaces) and the example.
func tabPage(t *testing.T, name string, request, response []string, example string) *page.Page {
	t.Helper()
	var b strings.Builder
	b.WriteString("POST https://api.dataforseo.com/v3/widgets/live\n")
	if example != "" {
		b.WriteString("The above command returns JSON structured like this:\n" + example + "\n")
	}
	b.WriteString("Description of the fields for setting a task:\nField name\tType\tDescription\n")
	for _, r := range request {
		b.WriteString(r + "\n")
	}
	b.WriteString("Description of the fields in the results array:\nField name\tType\tDescription\n")
	for _, r := range response {
		b.WriteString(r + "\n")
	}
	p, err := page.Parse(name, []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

var envelopeRows = []string{"tasks\tarray\tarray of tasks", "    result\tarray\tarray of results", "        items\tarray\titems"}

const example = `{"tasks":[{"id":"1","data":{"api":"widgets","function":"live","target":"a.com","echoed":true},
"result":[{"items":[{"rank":1,"lost_date":null,"tld":{"com":3},"first_seen":"2019-11-15 12:57:46 +00:00","extra":"x"}]}]}]}`

func build(t *testing.T, pages ...*page.Page) (*openapi3.T, *spec.Report) {
	t.Helper()
	doc, report, err := spec.Build(pages)
	if err != nil {
		t.Fatal(err)
	}
	// What the builder makes must be valid once written and read back.
	y, err := spec.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := openapi3.NewLoader().LoadFromData(y)
	if err != nil {
		t.Fatal(err)
	}
	if err := loaded.Validate(t.Context()); err != nil {
		t.Fatalf("invalid spec: %v\n%s", err, y)
	}
	return loaded, report
}

func item(doc *openapi3.T) *openapi3.Schema { return doc.Components.Schemas["WidgetsItem"].Value }

func TestRules(t *testing.T) {
	p := tabPage(t, "a.txt",
		[]string{"target\tstring\tthe target\nrequired field", "limit\tinteger\thow many\noptional field\ndefault value: 10\nmaximum value: 100"},
		append(envelopeRows,
			"            rank\tstring\tthe rank",                     // E2: the example says integer
			"            lost_date\tstring\twhen it was lost",        // E6: null in the example
			"            tld\tobject\tcounts per top-level domain",   // E4: a map
			"            first seen\tstring\twhen it was first seen", // P2: the example's name
			"            table_only\tinteger\tnot in the example",    // E7
		), example)
	doc, report := build(t, p)
	it := item(doc)
	if !it.Properties["rank"].Value.Type.Is("integer") {
		t.Error("E2: the example's integer did not win over the table's string")
	}
	if ld := it.Properties["lost_date"].Value; !ld.Nullable {
		t.Error("E6: null in the example is not nullable")
	}
	if tld := it.Properties["tld"].Value; tld.AdditionalProperties.Schema == nil || !tld.AdditionalProperties.Schema.Value.Type.Is("integer") {
		t.Error("E4: tld is not a map of integer")
	}
	if fs := it.Properties["first_seen"]; fs == nil || fs.Value.Format != contract.DateTimeFormat {
		t.Error("P2/E3: first_seen missing or not a date-time")
	}
	if it.Properties["table_only"] == nil || it.Properties["extra"] == nil {
		t.Error("E7: a table-only or example-only field is missing")
	}
	data := doc.Components.Schemas["WidgetsLiveData"].Value
	if len(data.AllOf) != 2 || data.AllOf[1].Value.Properties["echoed"] == nil {
		t.Error("S2: the echo-only key is not in Data")
	}
	req := doc.Components.Schemas["WidgetsLiveRequest"].Value
	if req.Required[0] != "target" || req.Properties["limit"].Value.Default != 10.0 || *req.Properties["limit"].Value.Max != 100 {
		t.Errorf("request constraints: %+v", req)
	}
	for kind, n := range map[string]int{"type": 1, "name": 1, "map": 1, "table-only": 1, "example-only": 2} {
		if got := report.Count("POST", "/v3/widgets/live", kind); got != n {
			t.Errorf("report: %d %q entries, want %d\n%s", got, kind, n, report.Markdown())
		}
	}
}

// M2-M4: two pages of one endpoint, a flattened one and an indented one.
func TestMergeRules(t *testing.T) {
	flat := `POST https://api.dataforseo.com/v3/widgets/live
Description of the fields for setting a task:
Field name | Type | Description |
---|---|---|
limit |
integer | how many optional field default value: 5 |
mode |
string | the mode optional field possible values: a, b |
Description of the fields in the results array:
Field name | Type | Description |
---|---|---|
tasks |
array | array of tasks |
result |
array | array of results |
items |
array | items |
rank |
integer | the rank |
`
	pf, err := page.Parse("flat.txt", []byte("The above command returns JSON structured like this:\n"+example+"\n"+flat))
	if err != nil {
		t.Fatal(err)
	}
	pt := tabPage(t, "tab.txt",
		[]string{"limit\tinteger\thow many\noptional field\ndefault value: 10\nmaximum value: 100", "mode\tstring\tthe mode\noptional field\npossible values: a, b, c"},
		append(envelopeRows, "            rank\tinteger\tthe rank\nhigher is better"), example)
	doc, report := build(t, pf, pt)
	lim := doc.Components.Schemas["WidgetsLiveRequest"].Value.Properties["limit"].Value
	if lim.Default != 10.0 {
		t.Errorf("M3: default %v, want the indented page's 10", lim.Default)
	}
	if lim.Max == nil || *lim.Max != 100 {
		t.Error("M2: the maximum only the tab page states is lost")
	}
	if mode := doc.Components.Schemas["WidgetsLiveRequest"].Value.Properties["mode"].Value; len(mode.Enum) != 3 {
		t.Errorf("M5: enum %v, want the longer list", mode.Enum)
	}
	if d := item(doc).Properties["rank"].Value.Description; d != "the rank\nhigher is better" {
		t.Errorf("M4: description %q", d)
	}
	md := report.Markdown()
	for _, want := range []string{`default "10" on tab.txt, "5" on flat.txt: "10" kept`, "maximum \"100\" is stated on tab.txt, missing on flat.txt"} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q:\n%s", want, md)
		}
	}
}

func TestDuplicateField(t *testing.T) {
	p := tabPage(t, "dup.txt", []string{"limit\tinteger\tone", "limit\tinteger\ttwo"}, envelopeRows, example)
	_, _, err := spec.Build([]*page.Page{p})
	if err == nil || !strings.Contains(err.Error(), "dup.txt: request table, row 2") || !strings.Contains(err.Error(), "duplicate field") {
		t.Fatalf("err = %v", err)
	}
}
