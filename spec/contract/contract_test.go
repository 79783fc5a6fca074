package contract

import "testing"

func TestFlowOf(t *testing.T) {
	tests := []struct {
		path, function string
		step           Step
		variant        string
		ok             bool
	}{
		{"/v3/serp/google/organic/task_post", "/v3/serp/google/organic", StepPost, "", true},
		{"/v3/serp/google/organic/tasks_ready", "/v3/serp/google/organic", StepReady, "", true},
		{"/v3/serp/google/organic/tasks_fixed", "/v3/serp/google/organic", StepFixed, "", true},
		{"/v3/serp/google/organic/task_get/advanced/{id}", "/v3/serp/google/organic", StepGet, "advanced", true},
		{"/v3/serp/google/organic/task_get/html/{id}", "/v3/serp/google/organic", StepGet, "html", true},
		{"/v3/serp/google/dataset_info/task_get/{id}", "/v3/serp/google/dataset_info", StepGet, "", true},
		{"/v3/serp/google/organic/live/advanced", "/v3/serp/google/organic", StepLive, "advanced", true},
		{"/v3/backlinks/referring_domains/live", "/v3/backlinks/referring_domains", StepLive, "", true},
		{"/v3/serp/google/locations", "", "", "", false},
		{"/v3/serp/id_list", "", "", "", false},
		{"/v3/live", "", "", "", false},
		{"/v3/serp/google/organic/task_post/extra", "", "", "", false},
	}
	for _, tt := range tests {
		f, s, v, ok := FlowOf(tt.path)
		if f != tt.function || s != tt.step || v != tt.variant || ok != tt.ok {
			t.Errorf("FlowOf(%q) = %q, %q, %q, %v; want %q, %q, %q, %v", tt.path, f, s, v, ok, tt.function, tt.step, tt.variant, tt.ok)
		}
	}
}

func TestOperationName(t *testing.T) {
	for path, want := range map[string][2]string{
		"/v3/backlinks/referring_domains/live":          {"BacklinksReferringDomainsLive", "backlinks"},
		"/v3/serp/google/organic/task_get/regular/{id}": {"SerpGoogleOrganicTaskGetRegular", "serp"},
		"/v3/serp/id_list":                              {"SerpIdList", "serp"},
	} {
		if name, section := OperationName(path); name != want[0] || section != want[1] {
			t.Errorf("OperationName(%q) = %q, %q; want %q, %q", path, name, section, want[0], want[1])
		}
	}
}

func TestKindComponent(t *testing.T) {
	for kind, want := range map[string]string{
		"organic":                   "SerpOrganicItem",
		"people_also_ask":           "SerpPeopleAlsoAskItem",
		"people_also_ask_element":   "SerpPeopleAlsoAskElement",
		"knowledge_graph_list_item": "SerpKnowledgeGraphListItem",
		"ai_overview_reference":     "SerpAiOverviewReferenceItem",
	} {
		if got := KindComponent("serp", kind); got != want {
			t.Errorf("KindComponent(serp, %q) = %q; want %q", kind, got, want)
		}
	}
}
