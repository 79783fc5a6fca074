package serp_test

import (
	"context"
	"testing"

	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
	"github.com/dataforseo-go/dataforseo/sdk/serp"
)

// TestGetEndpoints: the GET endpoints are typed, their path parameters
// filled in and escaped.
func TestGetEndpoints(t *testing.T) {
	srv := sdktest.NewServer(t)
	svc := serp.New(srv.Client())
	ctx := context.Background()

	all, err := svc.GoogleLocations(ctx)
	if r, _ := all.FirstResult(); err != nil || r.LocationCode != 2840 || r.CountryIsoCode != "US" {
		t.Errorf("GoogleLocations: %+v, %v", r, err)
	}
	us, err := svc.GoogleLocationsByCountry(ctx, "us")
	if err != nil || len(us.Results()) == 0 {
		t.Errorf("GoogleLocationsByCountry: %d results, %v", len(us.Results()), err)
	}
	calls := srv.Calls()
	if got := calls[len(calls)-1]; got.Method != "GET" || got.Path != "/v3/serp/google/locations/us" {
		t.Errorf("sent %s %s", got.Method, got.Path)
	}
	if _, err := svc.GoogleLocationsByCountry(ctx, "a/b"); err != nil {
		t.Errorf("a parameter with a slash, escaped: %v", err)
	}
	ready, err := svc.GoogleOrganicTasksReady(ctx)
	if err != nil || ready.Tasks[0].Data.Function != "tasks_ready" || ready.Results() != nil {
		t.Errorf("GoogleOrganicTasksReady with nothing posted: %+v, %v", ready, err)
	}
	models, err := svc.GoogleJobsLocations(ctx)
	if err != nil || len(models.Results()) == 0 {
		t.Errorf("GoogleJobsLocations: %v", err)
	}
}
