package spec_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dataforseo-go/dataforseo/gen/spec"
	"github.com/dataforseo-go/dataforseo/spec/contract"
)

const filtersPage = `### Filters
*Source: [https://docs.dataforseo.com/v3/widgets/filters/](https://docs.dataforseo.com/v3/widgets/filters/)*
#### Filters available for the Widgets API

GEThttps://api.dataforseo.com/v3/widgets/available_filters

| Field name | Type | Description |
| --- | --- | --- |
| ` + "`status_code`" + ` | integer | *status* |
| **` + "`tasks`" + `** | array | *tasks* |
| **` + "`result`" + `** | array | *the filters, by endpoint* |

**Description of the available filters:**

| Field name | Type | Description |
| --- | --- | --- |
| ` + "`filters`" + ` | array | *array of results filtering parameters* |
| ` + "`filter_operator`" + ` | str | *operator*<br>• if **` + "`num`" + `**: ` + "`<`, `>`, `=`" + `<br>• if **` + "`str`" + `**: ` + "`=`, `like`" + `<br>• if **` + "`time`" + `**: ` + "`<`, `>`" + `time should be specified as ... |
| **filters available for the [live](https://docs.dataforseo.com/v3/widgets/live/) endpoint:** | | |
| ` + "`rank`" + ` | num | *rank* |
| ` + "`domain`" + ` | str | *domain*<br>the following operators are supported: ` + "`=`, `like`, `match`" + ` |
| ` + "`seen`" + ` | time | *first seen*<br>the following operators are supported: ` + "`<`, `<=`" + ` |
| ` + "`$key.rank`" + ` | num | *rank of a target* |
| ` + "`rank`" + ` | num | *rank, again*<br>the following operators are supported: ` + "`=`" + ` |
| **filters available for the [gone](https://docs.dataforseo.com/v3/widgets/gone/) endpoint:** | | |
| ` + "`x`" + ` | num | *x* |

---

`

// TestFiltersAppendix: the appendix's fields land on each endpoint's
// filters (F3, F4), a filter field whose description links another
// endpoint takes that one's (F5), and every choice is reported.
func TestFiltersAppendix(t *testing.T) {
	live := mdPage(t, "Live", "/v3/widgets/live",
		[]string{
			"| `target` | string | *target* |",
			"| `filters` | array | *array of results filtering parameters*<br>**8 filters maximum** |",
		},
		[]string{"| **`tasks`** | array | *tasks* |", "| **`result`** | array | *results* |", "| `rank` | integer | *rank* |"})
	other := mdPage(t, "Other", "/v3/widgets/other/live",
		[]string{
			"| `target` | string | *target* |",
			"| `live_filters` | array | *filter the items*<br>you can filter them by all fields available in the response of [this endpoint](https://docs.dataforseo.com/v3/widgets/live) |",
			"| `filters` | array | *array of results filtering parameters* |",
		},
		[]string{"| **`tasks`** | array | *tasks* |", "| **`result`** | array | *results* |", "| `total` | integer | *total* |"})
	doc, report := build(t, parseFile(t, "widgets.md", filtersPage+live+other)...)
	fields := func(comp, prop string) []spec.FilterField {
		t.Helper()
		p := doc.Components.Schemas[comp].Value.Properties[prop].Value
		raw, ok := p.Extensions[contract.ExtFilterFields]
		if !ok {
			return nil
		}
		b, _ := json.Marshal(raw)
		var out []spec.FilterField
		if err := json.Unmarshal(b, &out); err != nil {
			t.Fatal(err)
		}
		if of := p.Extensions[contract.ExtFilterFieldsOf]; of != "POST /v3/widgets/live" {
			t.Errorf("%s.%s: %s %v", comp, prop, contract.ExtFilterFieldsOf, of)
		}
		return out
	}
	want := []spec.FilterField{
		{Name: "rank", Type: "num", Operators: []string{"<", ">", "="}, Description: "rank"},
		{Name: "domain", Type: "str", Operators: []string{"=", "like", "match"}, Description: "domain"},
		{Name: "seen", Type: "time", Operators: []string{"<", "<="}, Description: "first seen"},
		{Name: "$key.rank", Type: "num", Operators: []string{"<", ">", "="}, Description: "rank of a target"},
	}
	if diff := cmp.Diff(want, fields("WidgetsLiveRequest", "filters")); diff != "" {
		t.Errorf("live filters (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, fields("WidgetsOtherLiveRequest", "live_filters")); diff != "" {
		t.Errorf("F5: live_filters (-want +got):\n%s", diff)
	}
	if got := fields("WidgetsOtherLiveRequest", "filters"); got != nil {
		t.Errorf("the appendix lists no field for other/live, yet: %v", got)
	}
	md := report.Markdown()
	for _, say := range []string{
		"its own list has <=, which filter_operator does not give type time: its own list is kept",
		"lists it again, with type num and operators [=]: the first (num, [< > =]) kept",
		"links https://docs.dataforseo.com/v3/widgets/gone/, which no page documents: its fields are left out",
		"F5: its description links POST /v3/widgets/live as the endpoint whose fields it filters by: the 4 filter fields",
		"the filters appendix lists no fields for it: the SDK checks the filter grammar, not its field names",
	} {
		if !strings.Contains(md, say) {
			t.Errorf("the report does not say %q", say)
		}
	}
	if doc.Paths.Value("/v3/widgets/available_filters").Get == nil {
		t.Error("the filters page's GET endpoint did not build")
	}
}

// TestOverview: a section's overview page is its tag's description
// without the page's own titles (O1).
func TestOverview(t *testing.T) {
	overview := "### Overview\n*Source: [https://docs.dataforseo.com/v3/widgets/overview/](https://docs.dataforseo.com/v3/widgets/overview/)*\n" +
		"### Widgets API: Overview\n\nWidgets API gives you [widgets](https://x).\n\n- [Live](https://docs.dataforseo.com/v3/widgets/live/) returns widgets.\n" +
		"- [Other](https://docs.dataforseo.com/v3/widgets/other/) returns others.\n\n##### Methods\n\nUp to 2000 calls a minute.\n\n---\n\n"
	live := mdPage(t, "Live", "/v3/widgets/live", []string{"| `target` | string | *target* |"},
		[]string{"| **`tasks`** | array | *tasks* |", "| **`result`** | array | *results* |", "| `rank` | integer | *rank* |"})
	doc, _ := build(t, parseFile(t, "widgets.md", overview+live)...)
	if len(doc.Tags) != 1 || doc.Tags[0].Name != "widgets" {
		t.Fatalf("tags: %+v", doc.Tags)
	}
	want := "Widgets API gives you widgets.\n\n- Live returns widgets.\n- Other returns others.\n\n## Methods\n\nUp to 2000 calls a minute."
	if got := doc.Tags[0].Description; got != want {
		t.Errorf("description:\n got %q\nwant %q", got, want)
	}
}
