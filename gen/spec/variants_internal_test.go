package spec

import "testing"

// TestKindNames: the kinds the docs' rows and headings write, slips
// included, and the words two kinds share (rules V2, V3).
func TestKindNames(t *testing.T) {
	for in, want := range map[string]string{
		"‘organic’":                           "organic",
		"‘ images_element‘":                   "images_element",
		"‘ twitter _element‘":                 "twitter_element",
		"‘‘stocks_box’’":                      "stocks_box",
		"‘knowledge_graph_ai_overview_item‘‘": "knowledge_graph_ai_overview_item",
		"‘carousel’ carousel of keywords":     "carousel",
		"‘commercial units’":                  "commercial_units",
		"‘Organic’":                           "organic",
		"‘’":                                  "",
		"‘x-y’":                               "x",
	} {
		if got := kindWord(in); got != want {
			t.Errorf("kindWord(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"‘organic’ element in SERP":         "organic",
		"‘Google Images’ SERP element":      "google_images",
		"‘ai_overview’ element in SERP<br>": "ai_overview",
		"Results":                           "",
	} {
		if got := headingKind(in); got != want {
			t.Errorf("headingKind(%q) = %q, want %q", in, got, want)
		}
	}
	if headingForm("‘organic’ element in SERP") != headingForm("‘paid’ element in SERP<br>") ||
		headingForm("‘organic’ element in SERP") == headingForm("‘Carousel’ SERP element") {
		t.Error("headingForm does not tell the headings' wording apart")
	}
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"knowledge_graph_list_item", "knowledge_graph_images_item", 3},
		{"knowledge_graph_list_item", "knowledge_graph_images_element", 2},
		{"ai_overview_video_element", "ai_overview_element", 3},
		{"ai_overview_video_element", "ai_overview_reference", 2},
		{"organic", "paid", 0},
		{"a_b", "a_b", 2},
	} {
		if got := affinity(c.a, c.b); got != c.want {
			t.Errorf("affinity(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// TestKindRow: only the discriminator's row that names a kind starts one.
func TestKindRow(t *testing.T) {
	for _, c := range []struct {
		name, typ, desc, want string
	}{
		{"type", "string", "type of element = ‘organic’", "organic"},
		{"type", "string", "type of the element = ‘message’\nthe message", "message"},
		{"type", "string", "type of component = ‘ ai_overview_expanded_component‘", "ai_overview_expanded_component"},
		{"type", "string", "search engine type in a POST array", ""},
		{"type", "string", "type of autocorrection\npossible values: did_you_mean", ""},
		{"kind", "string", "type of element = ‘organic’", ""},
		{"type", "array", "type of element = ‘organic’", ""},
	} {
		pr := placedRow{typ: c.typ, desc: c.desc}
		pr.row.Name = c.name
		if got := kindOfRow(pr); got != c.want {
			t.Errorf("kindOfRow(%s %s %q) = %q, want %q", c.name, c.typ, c.desc, got, c.want)
		}
	}
}
