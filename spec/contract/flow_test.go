package contract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestStepPathRoundTrips(t *testing.T) {
	for _, tt := range []struct {
		step    Step
		variant string
		want    string
	}{
		{StepPost, "", "/v3/serp/google/organic/task_post"},
		{StepReady, "", "/v3/serp/google/organic/tasks_ready"},
		{StepGet, "advanced", "/v3/serp/google/organic/task_get/advanced/{id}"},
		{StepGet, "", "/v3/serp/google/organic/task_get/{id}"},
		{StepLive, "html", "/v3/serp/google/organic/live/html"},
	} {
		p := StepPath("/v3/serp/google/organic", tt.step, tt.variant)
		if p != tt.want {
			t.Errorf("StepPath(%s, %q) = %q, want %q", tt.step, tt.variant, p, tt.want)
		}
		f, s, v, ok := FlowOf(p)
		if f != "/v3/serp/google/organic" || s != tt.step || v != tt.variant || !ok {
			t.Errorf("FlowOf(%q) = %q, %q, %q, %v", p, f, s, v, ok)
		}
	}
}

func TestFlows(t *testing.T) {
	paths := []string{
		// organic: two variants with a task_get, html only live.
		"/v3/serp/google/organic/task_post",
		"/v3/serp/google/organic/tasks_ready",
		"/v3/serp/google/organic/tasks_fixed",
		"/v3/serp/google/organic/task_get/regular/{id}",
		"/v3/serp/google/organic/task_get/advanced/{id}",
		"/v3/serp/google/organic/live/html",
		// news: no task_post documented: no flow.
		"/v3/serp/google/news/tasks_ready",
		"/v3/serp/google/news/task_get/html/{id}",
		// autocomplete: no tasks_ready, no task_get.
		"/v3/serp/google/autocomplete/task_post",
		// a flow without variants.
		"/v3/keywords_data/google_ads/search_volume/task_post",
		"/v3/keywords_data/google_ads/search_volume/tasks_ready",
		"/v3/keywords_data/google_ads/search_volume/task_get/{id}",
		// a task_get whose parameter is not the task id is no step of a flow.
		"/v3/serp/google/maps/task_post",
		"/v3/serp/google/maps/tasks_ready",
		"/v3/serp/google/maps/task_get/advanced/{task}",
		"/v3/serp/google/locations",
	}
	want := []Flow{
		{Function: "/v3/keywords_data/google_ads/search_volume", Variant: "",
			Post:  "/v3/keywords_data/google_ads/search_volume/task_post",
			Ready: "/v3/keywords_data/google_ads/search_volume/tasks_ready",
			Get:   "/v3/keywords_data/google_ads/search_volume/task_get/{id}"},
		{Function: "/v3/serp/google/organic", Variant: "advanced",
			Post: "/v3/serp/google/organic/task_post", Ready: "/v3/serp/google/organic/tasks_ready",
			Get: "/v3/serp/google/organic/task_get/advanced/{id}"},
		{Function: "/v3/serp/google/organic", Variant: "regular",
			Post: "/v3/serp/google/organic/task_post", Ready: "/v3/serp/google/organic/tasks_ready",
			Get: "/v3/serp/google/organic/task_get/regular/{id}"},
	}
	if diff := cmp.Diff(want, Flows(paths)); diff != "" {
		t.Errorf("Flows (-want +got):\n%s", diff)
	}
}
