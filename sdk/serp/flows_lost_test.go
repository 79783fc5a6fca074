package serp_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
	"github.com/dataforseo-go/dataforseo/sdk/serp"
)

// TestGoogleOrganicRunLostPost: the mock queues the posted tasks and then
// sends a body cut in half (the answer with the ids and the cost is lost
// on the way). The call is not retried; the walk finds the tasks in
// tasks_ready by the tags it gave them and yields every result, once.
func TestGoogleOrganicRunLostPost(t *testing.T) {
	srv := sdktest.NewServer(t, sdktest.WithFaults(sdktest.Fault{Malformed: true}))
	client := srv.Client()
	svc := serp.New(client)
	var keywords []string
	for r, err := range svc.GoogleOrganicRunRegular(context.Background(), organicTasks("a", "b", "c"), fastPolls) {
		if err != nil {
			t.Fatal(err)
		}
		if r.Err != nil {
			t.Fatalf("task %d: %v", r.Index, r.Err)
		}
		if r.Result.Keyword.Value() != []string{"a", "b", "c"}[r.Index] || r.Cost != 0 {
			t.Errorf("task %d: keyword %q, cost %v", r.Index, r.Result.Keyword.Value(), r.Cost)
		}
		keywords = append(keywords, r.Result.Keyword.Value())
	}
	slices.Sort(keywords)
	if !slices.Equal(keywords, []string{"a", "b", "c"}) {
		t.Errorf("results for %v, want a, b and c once each", keywords)
	}
	if n := srv.Count("/v3/serp/google/organic/task_post"); n != 1 {
		t.Errorf("%d posts: a post that may have been charged is never sent again", n)
	}
	if n := client.UnknownCosts(); n != 1 {
		t.Errorf("UnknownCosts() = %d, want the lost post's 1", n)
	}
	for _, q := range srv.Queue() {
		if !q.Collected {
			t.Errorf("task %s (%v) not collected", q.ID, q.Task["keyword"])
		}
	}
}

// TestGoogleOrganicRunLostPostUnderBudget: the same under a budget. The
// lost post's cost is unknown, which blocks the budget for paid calls;
// tasks_ready and task_get cost nothing by the docs (sdk.Call.Free), so
// the walk still finds and collects the tasks.
func TestGoogleOrganicRunLostPostUnderBudget(t *testing.T) {
	srv := sdktest.NewServer(t, sdktest.WithFaults(sdktest.Fault{Malformed: true}))
	client := srv.Client(sdk.WithBudget(1))
	svc := serp.New(client)
	n := 0
	for r, err := range svc.GoogleOrganicRunRegular(context.Background(), organicTasks("a", "b"), fastPolls, sdk.WithBudget(1)) {
		if err != nil || r.Err != nil {
			t.Fatalf("walk: %v, task %d: %v", err, r.Index, r.Err)
		}
		n++
	}
	if n != 2 {
		t.Errorf("%d results, want 2", n)
	}
	if _, err := svc.GoogleOrganicTaskPost(context.Background(), organicTask("c")); !errors.Is(err, sdk.ErrBudgetExceeded) {
		t.Errorf("a paid call after the unknown cost: %v, want ErrBudgetExceeded", err)
	}
}
