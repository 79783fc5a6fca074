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

// serpRows are the envelope of a flattened SERP response table, up to the
// result's items.
var serpRows = []string{
	"| `version` | string | *version* |",
	"| `status_code` | integer | *status* |",
	"| **`tasks`** | array | *tasks* |",
	"| `id` | string | *task id* |",
	"| `path` | array | *URL path* |",
	"| `data` | object | *the request* |",
	"| **`result`** | array | *results* |",
	"| `keyword` | string | *keyword* |",
	"| `type` | string | *search engine type in a POST array* |",
	"| **`items`** | array | *elements of search results found in SERP* |",
}

// kinds lists a oneOf component's kinds, by the discriminator's mapping,
// and checks that the mapping and the oneOf agree.
func kinds(t *testing.T, doc *openapi3.T, comp string) []string {
	t.Helper()
	s := doc.Components.Schemas[comp]
	if s == nil {
		t.Fatalf("no component %s", comp)
	}
	d := s.Value.Discriminator
	if d == nil || d.PropertyName != contract.Discriminator {
		t.Fatalf("%s has no discriminator on %q: %+v", comp, contract.Discriminator, s.Value)
	}
	var out []string
	for k, m := range d.Mapping {
		if !slices.ContainsFunc(s.Value.OneOf, func(r *openapi3.SchemaRef) bool { return r.Ref == m.Ref }) {
			t.Errorf("%s: the mapping's %s (%s) is not in its oneOf", comp, k, m.Ref)
		}
		out = append(out, k)
	}
	if len(out) != len(s.Value.OneOf) {
		t.Errorf("%s: %d kinds mapped, %d in oneOf", comp, len(out), len(s.Value.OneOf))
	}
	slices.Sort(out)
	return out
}

// itemsRef is the component an operation's result's items refer to.
func itemsRef(t *testing.T, doc *openapi3.T, result string) string {
	t.Helper()
	s := doc.Components.Schemas[result]
	if s == nil {
		t.Fatalf("no component %s", result)
	}
	items := s.Value.Properties["items"]
	if items == nil || items.Value.Items == nil {
		t.Fatalf("%s has no items array", result)
	}
	return strings.TrimPrefix(items.Value.Items.Ref, "#/components/schemas/")
}

// TestVariantsWithoutExample: a flattened table with group headings and
// no example (rules V1-V6): one component per kind, nested kinds too, the
// result's items a oneOf of them; the rows of each kind are its own.
func TestVariantsWithoutExample(t *testing.T) {
	rows := append(slices.Clone(serpRows),
		"| **[‘organic’ element in SERP](https://docs.dataforseo.com/v3/widgets/live/advanced/#)** |  |  |  |",
		"| `type` | string | *type of element = **‘organic’*** |",
		"| `rank\\_group` | integer | *group rank* |",
		"| `title` | string | *title of the result* |",
		"| `links` | array | *sitelinks* |",
		"| `type` | string | *type of element = ‘ **link\\_element**‘* |",
		"| `title` | string | *title of the link* |",
		"| `url` | string | *URL of the link* |",
		"| `price` | object | *pricing details* |", // N3: the examples show link_element without it, organic with it: links closes
		"| **[‘knowledge\\_graph’ element in SERP](#)** |  |  |  |",
		"| `type` | string | *type of element = **‘knowledge\\_graph’*** |",
		"| `title` | string | *title* |",
		"| `items` | array | *additional items* |",
		"| `type` | string | *type of element = ‘ **knowledge\\_graph\\_images\\_item**‘* |",
		"| `rank\\_group` | integer | *rank* |",
		"| `items` | array | *images* |",
		"| `type` | string | *type of element = ‘ **knowledge\\_graph\\_images\\_element**‘* |",
		"| `url` | string | *image URL* |",
		"| `type` | string | *type of element = ‘ **knowledge\\_graph\\_list\\_item**‘* |", // V3: shares 3 words with knowledge_graph_images_item
		"| `data\\_attrid` | string | *attribute* |",
		"| **[‘Local Pack’ SERP element](#)** |  |  |  |", // a heading worded otherwise, its kind from the next row
		"| `type` | string | *type of element = **‘local\\_pack’*** |",
		"| `phone` | string | *phone* |",
		"| `title` | string | *title of the place* |",
	)
	pages := parseFile(t, "widgets.md", mdPage(t, "Widgets", "/v3/widgets/live/advanced", []string{"| `keyword` | string | *keyword*<br>**required field** |"}, rows))
	// Another endpoint of the section, with an example: its kinds are the
	// same components (V5), its elements' fields join theirs.
	other := tabPage(t, "other.txt", []string{"keyword\tstring\tthe keyword"},
		[]string{"tasks\tarray\ttasks", "    result\tarray\tresults", "        items\tarray\titems", "            type\tstring\ttype of element"},
		`{"tasks":[{"id":"x","result":[{"items":[
			{"type":"organic","rank_group":1,"rank_absolute":3,"title":"a","links":[{"type":"link_element","title":"l","url":"u"}],"price":{"current":1.5}},
			{"type":"local_pack","rank_group":2,"title":"b","phone":"+1"}]}]}]}`)
	other.Path = "/v3/widgets/live/regular"
	doc, report := build(t, append(pages, other)...)

	for _, result := range []string{"WidgetsAdvancedResult", "WidgetsRegularResult"} { // named by function and variant (T4)
		if got := itemsRef(t, doc, result); got != "WidgetsItem" {
			t.Errorf("%s's items are %q, want the section's WidgetsItem (V6)", result, got)
		}
	}
	if diff := cmp.Diff([]string{"knowledge_graph", "local_pack", "organic"}, kinds(t, doc, "WidgetsItem")); diff != "" {
		t.Errorf("the result's items' kinds (-want +got):\n%s", diff)
	}
	for comp, want := range map[string][]string{
		"WidgetsOrganicItem":              {"links[]", "links[].title", "links[].type", "links[].url", "price{}", "rank_absolute", "rank_group", "title", "type"},
		"WidgetsLocalPackItem":            {"phone", "rank_group", "title", "type"},
		"WidgetsKnowledgeGraphItem":       {"items", "title", "type"},
		"WidgetsKnowledgeGraphImagesItem": {"items[]", "items[].type", "items[].url", "rank_group", "type"},
		"WidgetsKnowledgeGraphListItem":   {"data_attrid", "type"},
	} {
		if diff := cmp.Diff(want, fieldPaths(doc, comp)); diff != "" {
			t.Errorf("%s's fields (-want +got):\n%s", comp, diff)
		}
	}
	// Nested polymorphism: the knowledge graph's items.
	kg := doc.Components.Schemas["WidgetsKnowledgeGraphItem"].Value.Properties["items"].Value
	nested := strings.TrimPrefix(kg.Items.Ref, "#/components/schemas/")
	if diff := cmp.Diff([]string{"knowledge_graph_images_item", "knowledge_graph_list_item"}, kinds(t, doc, nested)); diff != "" {
		t.Errorf("the knowledge graph's items (%s) kinds (-want +got):\n%s", nested, diff)
	}
	// V5: the discriminator is always sent; the other fields as R2 says.
	if req := doc.Components.Schemas["WidgetsKnowledgeGraphItem"].Value.Required; !slices.Equal(req, []string{"type"}) {
		t.Errorf("WidgetsKnowledgeGraphItem (no example) requires %v, want only its type", req)
	}
	md := report.Markdown()
	for _, say := range []string{
		`names the kind "knowledge_graph_list_item": no example shows it; its name shares 3 words at its ends with "knowledge_graph_images_item"`,
		"V4: its elements are of 3 kinds (organic, knowledge_graph, local_pack): one of WidgetsItem",
		"V5: documented by POST /v3/widgets/live/advanced, POST /v3/widgets/live/regular: one component, WidgetsOrganicItem",
		"## Element kinds of widgets",
	} {
		if !strings.Contains(md, say) {
			t.Errorf("the report does not say %q", say)
		}
	}
}

// TestVariantsDisagreeingExamples: two kinds whose examples disagree on a
// field's shape (one's items are strings, the other's objects) are two
// schemas, and the example is kept (before, the union of their fields
// rejected it). A field a kind's examples only show as null takes the
// section's type of that name (V7).
func TestVariantsDisagreeingExamples(t *testing.T) {
	p := tabPage(t, "images.txt", []string{"keyword\tstring\tthe keyword"},
		[]string{"tasks\tarray\ttasks", "    result\tarray\tresults", "        items\tarray\titems", "            type\tstring\ttype"},
		`{"tasks":[{"id":"x","result":[{"items":[
			{"type":"carousel","title":"c","items":[{"type":"carousel_element","title":"t","subtitle":null}]},
			{"type":"related_searches","items":["a","b"]},
			{"type":"images_search","title":"i","subtitle":"s"}]}]}]}`)
	doc, report := build(t, p)
	op := doc.Paths.Value("/v3/widgets/live").Post
	if n := len(op.Responses.Status(200).Value.Content.Get("application/json").Examples); n != 1 {
		t.Fatalf("%d response examples kept, want 1:\n%s", n, report.Markdown())
	}
	items := func(comp string) *openapi3.Schema {
		return doc.Components.Schemas[comp].Value.Properties["items"].Value.Items.Value
	}
	if s := items("WidgetsRelatedSearchesItem"); !s.Type.Is("string") {
		t.Errorf("related_searches' items are %v, want strings", s.Type)
	}
	if got := fieldPaths(doc, "WidgetsCarouselItem"); !slices.Contains(got, "items[].subtitle") {
		t.Errorf("carousel's fields: %v", got)
	}
	sub := items("WidgetsCarouselItem").Properties["subtitle"].Value
	if !sub.Type.Is("string") || !sub.Nullable {
		t.Errorf("V7: carousel's items[].subtitle is %v (nullable %v), want a nullable string as images_search's subtitle", sub.Type, sub.Nullable)
	}
	if !strings.Contains(report.Markdown(), "V7: no row types it") {
		t.Error("V7 is not reported")
	}
}

// TestVariantsNestedTable: a table that keeps its nesting lists the kinds
// of an array under it, one after the other: their rows are the kinds'
// own, not a duplicate field (P4 is for one kind).
func TestVariantsNestedTable(t *testing.T) {
	p := tabPage(t, "nested.txt", []string{"keyword\tstring\tthe keyword"},
		[]string{
			"tasks\tarray\ttasks",
			"    result\tarray\tresults",
			"        items\tarray\titems",
			"            type\tstring\ttype of element = ‘organic’",
			"            title\tstring\ttitle",
			"            type\tstring\ttype of element = ‘paid’",
			"            title\tstring\tad title",
			"            price\tfloat\tprice",
		}, "")
	doc, report := build(t, p)
	if diff := cmp.Diff([]string{"organic", "paid"}, kinds(t, doc, itemsRef(t, doc, "WidgetsResult"))); diff != "" {
		t.Errorf("kinds (-want +got):\n%s\n%s", diff, report.Markdown())
	}
	if diff := cmp.Diff([]string{"price", "title", "type"}, fieldPaths(doc, "WidgetsPaidItem")); diff != "" {
		t.Errorf("paid's fields (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"title", "type"}, fieldPaths(doc, "WidgetsOrganicItem")); diff != "" {
		t.Errorf("organic's fields (-want +got):\n%s", diff)
	}
}

// TestVariantsOneKind: an array of one kind is an object like any other,
// and a kind the table spells without the examples' underscores is the
// examples' kind (V2).
func TestVariantsOneKind(t *testing.T) {
	p := tabPage(t, "one.txt", []string{"keyword\tstring\tthe keyword"},
		[]string{"tasks\tarray\ttasks", "    result\tarray\tresults", "        items\tarray\titems",
			"            type\tstring\ttype of element = ‘pagesummary’", "            rank\tinteger\trank"},
		`{"tasks":[{"id":"x","result":[{"items":[{"type":"page_summary","rank":1}]}]}]}`)
	doc, report := build(t, p)
	if got := itemsRef(t, doc, "WidgetsResult"); got != "WidgetsItem" {
		t.Errorf("the items of one kind are %s, want the plain WidgetsItem (T4)", got)
	}
	for name, s := range doc.Components.Schemas {
		if s.Value.Discriminator != nil {
			t.Errorf("%s is polymorphic", name)
		}
	}
	if !strings.Contains(report.Markdown(), `names the kind "pagesummary", the examples "page_summary"`) {
		t.Errorf("the kind's spelling is not reported:\n%s", report.Markdown())
	}
}

var _ = page.Markdown // the pages above are read by the page package's readers
