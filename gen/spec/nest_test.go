package spec_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/google/go-cmp/cmp"

	"github.com/dataforseo-go/dataforseo/gen/page"
	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// mdPage is one page of a consolidated markdown file: flattened tables,
// containers in bold, no example.
func mdPage(t *testing.T, heading, path string, request, response []string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("### " + heading + "\n*Source: [https://docs.dataforseo.com" + path + "/](https://docs.dataforseo.com" + path + "/)*\n")
	b.WriteString("#### " + heading + "\n\nThis endpoint will provide you with widgets.\n\nPOSThttps://api.dataforseo.com" + path + "\n\n")
	b.WriteString("**Description of the fields for setting a task:**\n\n| Field name | Type | Description |\n| --- | --- | --- |\n")
	for _, r := range request {
		b.WriteString(r + "\n")
	}
	b.WriteString("\n**Description of the fields in the results array:**\n\n| Field name | Type | Description |\n| --- | --- | --- |\n")
	for _, r := range response {
		b.WriteString(r + "\n")
	}
	b.WriteString("\n> The above command returns JSON structured like this:\n\n---\n\n")
	return b.String()
}

func parseFile(t *testing.T, name, text string) []*page.Page {
	t.Helper()
	pages, errs := page.ParseFile(name, []byte(text))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return pages
}

// fieldPaths lists the fields of a component, deeper ones as a.b, arrays
// as a[], maps as a{}, following references.
func fieldPaths(doc *openapi3.T, comp string) []string {
	var out []string
	var walk func(s *openapi3.Schema, prefix string, depth int)
	walk = func(s *openapi3.Schema, prefix string, depth int) {
		if depth > 8 {
			return
		}
		for _, a := range s.AllOf {
			walk(a.Value, prefix, depth+1)
		}
		for name, p := range s.Properties {
			v := p.Value
			path := prefix + name
			switch {
			case v.Type.Is("array") && v.Items != nil && v.Items.Value.Type.Is("object"):
				out = append(out, path+"[]")
				walk(v.Items.Value, path+"[].", depth+1)
			case v.Type.Is("object") && v.AdditionalProperties.Schema != nil:
				out = append(out, path+"{}")
				if ap := v.AdditionalProperties.Schema.Value; ap.Type.Is("object") || ap.Type.Is("array") {
					if ap.Type.Is("array") {
						ap = ap.Items.Value
					}
					walk(ap, path+"{}.", depth+1)
				}
			case v.Type.Is("object"):
				out = append(out, path)
				walk(v, path+".", depth+1)
			default:
				out = append(out, path)
			}
		}
	}
	walk(doc.Components.Schemas[comp].Value, "", 0)
	slices.Sort(out)
	return out
}

// TestNestingWithoutExample: a page of flattened tables and no example is
// nested by rules N1-N10, with the examples of another endpoint of the
// section as evidence; every placement the rules make is reported.
func TestNestingWithoutExample(t *testing.T) {
	file := mdPage(t, "Widgets", "/v3/widgets/live",
		[]string{
			"| `target` | string | *target*<br>**required field** |",
			"| `custom_mode` | object | *grouping*<br>optional field |",
			"| `order_by` | array | *results sorting rules*<br>example:<br>`[\"page_info.rank,desc\"]` |",
		},
		[]string{
			"| `version` | string | *version* |",
			"| `status_code` | integer | *status* |",
			"| **`tasks`** | array | *tasks* |",
			"| `id` | string | *task id* |",
			"| `status_code` | integer | *task status* |", // N1: the task's, not a second top-level one
			"| `path` | array | *URL path* |",
			"| `data` | object | *the request* |", // the envelope: not a container of what follows
			"| **`result`** | array | *results* |",
			"| `target` | string | *target* |",
			"| `rank` | integer | *rank* |",
			"| `info` | object | *about the target* |", // opens: nothing says otherwise (N8)
			"| `server` | string | *server* |",
			"| `cms` | string | *content management system* |",
			"| `broken_links` | integer | *broken links* |",                        // N4: the other endpoint shows it beside rank
			"| `custom_mode` | object | *custom mode specified in a POST array* |", // N5: the echo, no level
			"| `total_count` | integer | *total* |",
			"| `seen` | integer | *when*<br>in the UTC format: “yyyy-mm-dd hh-mm-ss +00:00” |", // E9: a date-time
			"| `counts` | object | *link count per each type* |",                               // N5: a map of counts
			"| `meta` | object | *meta* |",                                                     // N3: the other endpoint shows its fields
			"| `title` | string | *title* |",
			"| `lang` | string | *language* |",
			"| `**items**` | array | *items* |", // N1: the result's items
			"| `type` | string | *type* |",
			"| `hops` | array | *the path* |",  // an array: no level, until...
			"| `type` | string | *hop type* |", // N6: ...a second type: the array's
			"| `url` | string | *hop url* |",
			"| **`group`** | object | *per target* |",
			"| **`1`** | object | *the first target* |", // N7: an example key: group is a map
			"| `value` | integer | *value* |",
			"| **`summary`** | object | *summary* |", // N2: beside the marked 1, so beside the map
			"| `count` | integer | *count* |",
			"| `page_info` | object | *page data* |", // N9: the sorting example names page_info.rank
			"| `rank` | integer | *page rank* |",
		})
	other := tabPage(t, "other.txt", []string{"target\tstring\tthe target"},
		[]string{"tasks\tarray\ttasks", "    result\tarray\tresults", "        rank\tinteger\trank", "        broken_links\tinteger\tlinks",
			"        meta\tobject\tmeta", "            title\tstring\ttitle", "        counts\tobject\tcounts"},
		`{"tasks":[{"id":"x","result":[{"rank":1,"broken_links":2,"meta":{"title":"t"},"counts":{"a":1}}]}]}`)
	other.Path = "/v3/widgets/other/live"
	pages := append(parseFile(t, "widgets.md", file), other)
	doc, report := build(t, pages...)
	want := []string{
		"broken_links", "count" + "s{}", "custom_mode{}",
		"info", "info.cms", "info.server",
		"items[]", "items[].group{}", "items[].group{}.value",
		"items[].hops[]", "items[].hops[].type", "items[].hops[].url",
		"items[].page_info", "items[].page_info.rank",
		"items[].summary", "items[].summary.count", "items[].type",
		"lang", "meta", "meta.title", "rank", "seen", "target", "total_count",
	}
	if diff := cmp.Diff(want, fieldPaths(doc, "WidgetsResult")); diff != "" {
		t.Errorf("result fields (-want +got):\n%s", diff)
	}
	counts := doc.Components.Schemas["WidgetsResult"].Value.Properties["counts"].Value
	if ap := counts.AdditionalProperties.Schema; ap == nil || !ap.Value.Type.Is("integer") {
		t.Errorf("N5: counts (a count per each type) is not a map of integer: %+v", counts)
	}
	if seen := doc.Components.Schemas["WidgetsResult"].Value.Properties["seen"].Value; seen.Format != contract.DateTimeFormat {
		t.Errorf("E9: seen is %v %q, want a %s string", seen.Type, seen.Format, contract.DateTimeFormat)
	}
	task := fieldPaths(doc, "WidgetsLiveTask")
	if slices.Contains(task, "data.result[]") || !slices.Contains(task, "result[]") {
		t.Errorf("task fields: %v", task)
	}
	md := report.Markdown()
	for _, say := range []string{
		"nesting not confirmed by an example: 2 rows placed under tasks[].result[].info because the table opened it last (server, cms)",
		"the section's examples show it beside \"rank\"",
		"POST /v3/widgets/other/live shows the fields of meta without it",
		"tasks[].result[].items[] already has a field \"type\": the container row before it, hops, holds this one",
		"a container marked in bold, after the fields of containers the table does not mark: in tasks[].result[].items[]",
		"a container marked in bold after the fields of tasks[].result[].items[].group.1, also marked: beside it",
		"N7: its field \"1\" is an example key",
		"the page's filter or sorting example \"page_info.rank\" names it",
		"no page of this endpoint has a response example",
	} {
		if !strings.Contains(md, say) {
			t.Errorf("the report does not say %q", say)
		}
	}
}
