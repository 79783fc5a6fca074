package page

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// multi is a consolidated file of four pages: an overview, an endpoint
// without example, an errors appendix and a page of another format (tab
// text) than the file.
const multi = `# Widgets API Documentation
*Consolidated from docs.example.com*

---

### Overview
*Source: [https://docs.dataforseo.com/v3/widgets/overview/](https://docs.dataforseo.com/v3/widgets/overview/)*
### Widgets API: Overview

Widgets API gives you [widgets](https://example.com) for any *domain*.

- [Live](https://docs.dataforseo.com/v3/widgets/live/) returns widgets.

##### Methods

You can send up to 2000 API calls per minute.

---

### Widgets Live
*Source: [https://docs.dataforseo.com/v3/widgets/live/](https://docs.dataforseo.com/v3/widgets/live/)*
#### Widgets Live

This endpoint will provide you with widgets.

POSThttps://api.dataforseo.com/v3/widgets/live

**Description of the fields for setting a task:**

| Field name | Type | Description |
| --- | --- | --- |
| ` + "`target`" + ` | string | *target domain*<br>**required field** |

**Description of the fields in the results array:**

| Field name | Type | Description |
| --- | --- | --- |
| **` + "`tasks`" + `** | array | *array of tasks* |
| ` + "`rank`" + ` | integer | *rank*, see [this](https://docs.dataforseo.com/v3/widgets/rank/) |

> The above command returns JSON structured like this:

---

### Errors
*Source: https://docs.dataforseo.com/v3/widgets/errors/*

| Code | Message |
| --- | --- |
| 40000 | You can set only one task at a time. |
| 40001 | This id is used by another client. |
| 50000 | Internal error. |
`

func TestParseFileSplits(t *testing.T) {
	pages, errs := ParseFile("widgets.md", []byte(multi))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	type summary struct {
		Source, Heading, URL, Title string
		Kind                        Kind
		Method, Path                string
	}
	var got []summary
	for _, p := range pages {
		got = append(got, summary{p.Source, p.Heading, p.URL, p.Title, p.Kind, p.Method, p.Path})
	}
	want := []summary{
		{"widgets.md#overview", "Overview", "https://docs.dataforseo.com/v3/widgets/overview/", "Overview", OverviewPage, "", ""},
		{"widgets.md#widgets-live", "Widgets Live", "https://docs.dataforseo.com/v3/widgets/live/", "Widgets Live", EndpointPage, "POST", "/v3/widgets/live"},
		{"widgets.md#errors", "Errors", "https://docs.dataforseo.com/v3/widgets/errors/", "Errors", ErrorsPage, "", ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("pages (-want +got):\n%s", diff)
	}
	wantProse := []string{
		"# Overview", "# Widgets API: Overview",
		"Widgets API gives you widgets for any domain.",
		"- Live returns widgets.",
		"# Methods",
		"You can send up to 2000 API calls per minute.",
	}
	if diff := cmp.Diff(wantProse, pages[0].Prose); diff != "" {
		t.Errorf("overview prose (-want +got):\n%s", diff)
	}
	live := pages[1]
	if live.Response == nil || live.Response.Rows[0].Line != 38 || !live.Response.Rows[0].Marked || live.Response.Rows[1].Marked {
		t.Errorf("response rows: %+v (line numbers are the file's; bold marks containers)", live.Response)
	}
	if diff := cmp.Diff([]string{"https://docs.dataforseo.com/v3/widgets/rank/"}, live.Response.Rows[1].Links); diff != "" {
		t.Errorf("links: %s", diff)
	}
	if len(live.Notes) != 1 || !strings.Contains(live.Notes[0].Reason, "no JSON follows") || live.Notes[0].Line != 41 {
		t.Errorf("the empty example sentence: %+v", live.Notes)
	}
	wantCodes := []Code{{40000, "You can set only one task at a time.", 50}, {40001, "This id is used by another client.", 51}, {50000, "Internal error.", 52}}
	if diff := cmp.Diff(wantCodes, pages[2].Codes); diff != "" {
		t.Errorf("codes (-want +got):\n%s", diff)
	}
}

// TestParseFileBadPage: one bad page does not stop the others; its error
// names the file, the page's heading, the part and the line.
func TestParseFileBadPage(t *testing.T) {
	bad := strings.Replace(multi, "| `target` | string |", "| `target` | strng |", 1)
	bad = strings.Replace(bad, "### Errors", "### Notes\n*Source: https://docs.dataforseo.com/v3/widgets/notes/*\n\nJust prose.\n\n### Errors", 1)
	pages, errs := ParseFile("widgets.md", []byte(bad))
	if len(pages) != 3 {
		t.Errorf("%d pages read, want 3 (overview, widgets live, errors)", len(pages))
	}
	if len(errs) != 1 {
		t.Fatalf("errors: %v", errs)
	}
	var pe *Error
	if !errors.As(errs[0], &pe) || pe.File != "widgets.md" || pe.Page != "Notes" {
		t.Fatalf("error %v does not name the file and the page", errs[0])
	}
	want := `widgets.md: page "Notes": page: no field table and no JSON response example: the page describes no field`
	if errs[0].Error() != want {
		t.Errorf("error:\n got %s\nwant %s", errs[0], want)
	}
}

func TestParseFileOnePage(t *testing.T) {
	one := "### Widgets Live\n*Source: https://docs.dataforseo.com/v3/widgets/live/*\n" + multi[strings.Index(multi, "This endpoint"):strings.Index(multi, "---\n\n### Errors")]
	pages, errs := ParseFile("one.md", []byte(one))
	if len(errs) > 0 || len(pages) != 1 {
		t.Fatalf("%d pages, %v", len(pages), errs)
	}
	if p := pages[0]; p.Source != "one.md" || p.Heading != "" || p.URL != "https://docs.dataforseo.com/v3/widgets/live/" {
		t.Errorf("a file of one page is read as one: %q %q %q", p.Source, p.Heading, p.URL)
	}
}

func TestExampleRepairedAndLeftOut(t *testing.T) {
	page := func(example string) string {
		return "POST https://api.dataforseo.com/v3/widgets/live\n\n" +
			"Description of the fields in the results array:\n\nField name\tType\tDescription\ntasks\tarray\tarray of tasks\n\n" +
			"The above command returns JSON structured like this:\n" + example + "\n"
	}
	p, err := Parse("a.txt", []byte(page("{\n  \"version\": \"0.1\"\n  \"tasks\": [],\n}")))
	if err != nil {
		t.Fatal(err)
	}
	want := []Note{
		{Kind: Repaired, Part: PartResponseExample, Where: "example 1 (line 9)", Line: 10,
			Reason: "invalid JSON repaired: a missing comma between two members inserted at line 10"},
		{Kind: Repaired, Part: PartResponseExample, Where: "example 1 (line 9)", Line: 11,
			Reason: "invalid JSON repaired: a trailing comma before } removed at line 11"},
	}
	if diff := cmp.Diff(want, p.Notes); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
	if len(p.ResponseExamples) != 1 || p.ResponseExamples[0].Value.Get("tasks") == nil {
		t.Errorf("the repaired example is not kept: %+v", p.ResponseExamples)
	}

	p, err = Parse("b.txt", []byte(page("{\n  \"version\": \"0.1\",\n  {\"tasks\": []}\n}")))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.ResponseExamples) != 0 || len(p.Notes) != 1 || p.Notes[0].Kind != LeftOut || p.Notes[0].Line != 9 {
		t.Errorf("an example with no single repair is left out and noted: %+v %+v", p.ResponseExamples, p.Notes)
	}
}

func TestFiltersTable(t *testing.T) {
	text := "GEThttps://api.dataforseo.com/v3/widgets/available_filters\n\n" +
		"| Field name | Type | Description |\n| --- | --- | --- |\n" +
		"| `version` | string | *the version* |\n| `status_code` | integer | *status* |\n| **`tasks`** | array | *tasks* |\n\n" +
		"**Description of the available filters:**\n\n" +
		"| Field name | Type | Description |\n| --- | --- | --- |\n" +
		"| `filters` | array | *array of results filtering parameters* |\n" +
		"| **filters available for the [live](https://docs.dataforseo.com/v3/widgets/live) endpoint:** | | |\n" +
		"| `rank` | num | *rank*<br>the following operators are supported: `<`, `>` |\n" +
		"| `domain` | str | *domain* |\n| `$key.first_seen` | time | *first seen* |\n"
	p, err := Parse("f.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != EndpointPage || p.Method != "GET" || p.Path != "/v3/widgets/available_filters" || p.Response == nil {
		t.Fatalf("the filters page is also the GET endpoint: %+v", p)
	}
	if p.Filters == nil || len(p.Filters.Rows) != 5 {
		t.Fatalf("filters table: %+v", p.Filters)
	}
	h := p.Filters.Rows[1]
	if h.Heading == "" || len(h.Links) != 1 || h.Links[0] != "https://docs.dataforseo.com/v3/widgets/live" {
		t.Errorf("the heading row keeps its link: %+v", h)
	}
	if r := p.Filters.Rows[2]; r.Name != "rank" || r.Type != "num" || r.Description != "rank\nthe following operators are supported: <, >" {
		t.Errorf("filter row: %+v", r)
	}
}

// FuzzSplit: whatever the file, ParseFile does not panic, every error is
// a *page.Error naming the file, and every page read is named after the
// file.
func FuzzSplit(f *testing.F) {
	f.Add([]byte(multi))
	f.Add([]byte("### A\n*Source: https://x/a/*\n### B\n*Source: https://x/b/*\n"))
	f.Add([]byte("### A\n*Source: [u](u)*\n| Field name | Type | Description |\n| `a` | string | x |\n### B\n*Source: u*\n```\n{}\n```"))
	f.Fuzz(func(t *testing.T, data []byte) {
		pages, errs := ParseFile("fuzz.md", data)
		for _, err := range errs {
			var pe *Error
			if !errors.As(err, &pe) || pe.File != "fuzz.md" || pe.Reason == "" {
				t.Fatalf("error does not name the file and a reason: %v", err)
			}
		}
		for _, p := range pages {
			if p.File != "fuzz.md" || !strings.HasPrefix(p.Source, "fuzz.md") {
				t.Fatalf("page %q of file %q", p.Source, p.File)
			}
		}
	})
}
