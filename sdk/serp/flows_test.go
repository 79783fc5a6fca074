package serp_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
	"github.com/dataforseo-go/dataforseo/sdk/serp"
)

// fastPolls makes RunTasks poll the mock every few milliseconds.
var fastPolls = sdk.WithPollInterval(time.Millisecond, 4*time.Millisecond)

func organicTask(keyword string) serp.GoogleOrganicTaskPostRequest {
	return serp.GoogleOrganicTaskPostRequest{Keyword: sdk.String(keyword), LanguageCode: sdk.String("en"), LocationCode: sdk.Int(2840)}
}

func organicTasks(keywords ...string) []serp.GoogleOrganicTaskPostRequest {
	var tasks []serp.GoogleOrganicTaskPostRequest
	for _, k := range keywords {
		tasks = append(tasks, organicTask(k))
	}
	return tasks
}

// readyAt makes the mock finish each task at the poll its keyword names.
func readyAt(polls map[string]int) sdktest.Option {
	return sdktest.WithReadyAfterFunc(func(q sdktest.QueuedTask) int {
		if n, ok := polls[q.Task["keyword"].(string)]; ok {
			return n
		}
		return 1
	})
}

type outcome struct {
	Index   int
	Keyword string // the result's, echoed by the mock from the task
	Err     string
}

func TestGoogleOrganicRunOutOfOrder(t *testing.T) {
	srv := sdktest.NewServer(t, readyAt(map[string]int{"a": 3, "b": 1, "c": 2}),
		sdktest.WithTaskFailure(func(q sdktest.QueuedTask) int {
			if q.Task["keyword"] == "nothing" {
				return 40102
			}
			return 0
		}))
	svc := serp.New(srv.Client())
	var got []outcome
	ids := map[string]bool{}
	for r, err := range svc.GoogleOrganicRunRegular(context.Background(), organicTasks("a", "b", "c", "nothing"), fastPolls) {
		if err != nil {
			t.Fatal(err)
		}
		o := outcome{Index: r.Index, Keyword: r.Result.Keyword.Value()}
		if r.Err != nil {
			o.Err = r.Err.Error()
			if !errors.Is(r.Err, sdk.ErrNoResults) {
				t.Errorf("task %d: %v is not ErrNoResults", r.Index, r.Err)
			}
		}
		if r.ID == "" || ids[r.ID] || r.Cost != 0.0015 {
			t.Errorf("task %d: id %q (seen %v), cost %v", r.Index, r.ID, ids[r.ID], r.Cost)
		}
		ids[r.ID] = true
		if r.Err == nil && len(r.Result.Items) == 0 {
			t.Errorf("task %d: no items", r.Index)
		}
		got = append(got, o)
	}
	// "nothing" and "b" are ready at the first poll (in posting order), c at the second, a at the third.
	want := []outcome{
		{Index: 1, Keyword: "b"},
		{Index: 3, Err: fmt.Sprintf("dataforseo: /v3/serp/google/organic/task_get/regular/%s: task %[1]s: status 40102: No Search Results.", idOf(srv, "nothing"))},
		{Index: 2, Keyword: "c"},
		{Index: 0, Keyword: "a"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("outcomes (-want +got):\n%s", diff)
	}
	for _, q := range srv.Queue() {
		if !q.Collected {
			t.Errorf("task %s (%v) not collected", q.ID, q.Task["keyword"])
		}
	}
	if n := srv.Count("/v3/serp/google/organic/task_post"); n != 1 {
		t.Errorf("%d posts, want 1", n)
	}
}

// idOf is the id the mock gave the task of keyword.
func idOf(srv *sdktest.Server, keyword string) string {
	for _, q := range srv.Queue() {
		if q.Task["keyword"] == keyword {
			return q.ID
		}
	}
	return ""
}

// TestGoogleOrganicRunContextCancelled: the context ends while the walk
// waits for a task that never finishes: the walk ends with a
// *sdk.PendingError holding its id.
func TestGoogleOrganicRunContextCancelled(t *testing.T) {
	srv := sdktest.NewServer(t, readyAt(map[string]int{"never": 1 << 30}))
	svc := serp.New(srv.Client())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var done []string
	var final error
	for r, err := range svc.GoogleOrganicRunRegular(ctx, organicTasks("soon", "never"), fastPolls) {
		if err != nil {
			final = err
			continue
		}
		done = append(done, r.Result.Keyword.Value())
		cancel() // stop waiting for the rest
	}
	var pe *sdk.PendingError
	if !errors.As(final, &pe) || !errors.Is(final, context.Canceled) || !slices.Equal(pe.IDs, []string{idOf(srv, "never")}) {
		t.Errorf("final error %v, want a *sdk.PendingError with the never-ready task and context.Canceled", final)
	}
	if !slices.Equal(done, []string{"soon"}) {
		t.Errorf("results %v, want soon's", done)
	}
}

// TestGoogleOrganicRunBudget: a budget that the first request of 100
// tasks nearly spends refuses the second: the walk ends with the 100
// posted ids, none of the rest is sent.
func TestGoogleOrganicRunBudget(t *testing.T) {
	srv := sdktest.NewServer(t, sdktest.WithReadyAfter(1<<30))
	svc := serp.New(srv.Client())
	keywords := make([]string, 150)
	for i := range keywords {
		keywords[i] = fmt.Sprint("k", i)
	}
	var final error
	n := 0
	for _, err := range svc.GoogleOrganicRunRegular(context.Background(), organicTasks(keywords...), fastPolls, sdk.WithBudget(0.2)) {
		if err != nil {
			final = err
			continue
		}
		n++
	}
	var pe *sdk.PendingError
	if !errors.As(final, &pe) || !errors.Is(final, sdk.ErrBudgetExceeded) || len(pe.IDs) != 100 || pe.IDs[0] != idOf(srv, "k0") {
		t.Fatalf("final error %v, want a *sdk.PendingError with the 100 posted ids and the budget", final)
	}
	if n != 0 || len(srv.Queue()) != 100 || srv.Count("/v3/serp/google/organic/task_post") != 1 {
		t.Errorf("%d results, %d tasks queued, %d posts; want 0, 100, 1", n, len(srv.Queue()), srv.Count("/v3/serp/google/organic/task_post"))
	}
}

// TestGoogleOrganicRunValidates: an invalid task, or one whose result
// would go to a postback_url, refuses the walk before anything is sent.
func TestGoogleOrganicRunValidates(t *testing.T) {
	srv := sdktest.NewServer(t)
	svc := serp.New(srv.Client())
	tooLong := organicTask(string(make([]byte, 701)))
	callback := organicTask("b")
	callback.PostbackURL = sdk.String("https://example.com/postback")
	pingback := organicTask("c")
	pingback.PingbackURL = sdk.String("https://example.com/pingback") // fine: tasks_ready lists it
	for r, err := range svc.GoogleOrganicRunRegular(context.Background(), []serp.GoogleOrganicTaskPostRequest{organicTask("a"), tooLong, callback, pingback}, fastPolls) {
		var ve *sdk.ValidationError
		if !errors.As(err, &ve) || !errors.Is(err, sdk.ErrInvalidRequest) {
			t.Errorf("yield %+v, %v; want a validation error", r, err)
		}
		for _, field := range []string{"[1].keyword", "[2].postback_url"} {
			if !containsField(err, field) {
				t.Errorf("%v does not name %s", err, field)
			}
		}
		if containsField(err, "[3].pingback_url") {
			t.Errorf("%v refuses a pingback_url", err)
		}
	}
	if n := srv.Count(""); n != 0 {
		t.Errorf("%d requests sent, want none", n)
	}
}

func containsField(err error, field string) bool {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return slices.ContainsFunc(j.Unwrap(), func(e error) bool { return containsField(e, field) })
	}
	var ve *sdk.ValidationError
	return errors.As(err, &ve) && ve.Field == field
}

// TestGoogleOrganicFlowSteps: the flow's steps are the service's methods,
// typed: the ids posted, listed when ready, and each got by its id.
func TestGoogleOrganicFlowSteps(t *testing.T) {
	srv := sdktest.NewServer(t, sdktest.WithReadyAfter(1))
	svc := serp.New(srv.Client())
	flow := svc.GoogleOrganicFlowAdvanced()
	ctx := context.Background()
	posted, err := flow.Post(ctx, organicTasks("x", "y"))
	if err != nil || len(posted) != 2 || posted[0].ID == "" || posted[1].Index != 1 || posted[0].Cost != 0.0015 {
		t.Fatalf("Post: %+v, %v", posted, err)
	}
	ready, err := flow.Ready(ctx)
	if err != nil || !slices.Equal(ready, []sdk.ReadyTask{{ID: posted[0].ID}, {ID: posted[1].ID}}) {
		t.Fatalf("Ready: %v, %v; want %s and %s", ready, err, posted[0].ID, posted[1].ID)
	}
	if _, err := flow.Get(ctx, "01234567-0000-0000-0000-000000000000"); !errors.Is(err, sdk.ErrNotFound) {
		t.Errorf("Get of an unknown id: %v, want ErrNotFound (40401)", err)
	}
	// The advanced variant's page has no response example: the mock
	// answers a value of the documented schema, one item per kind.
	res, err := flow.Get(ctx, posted[0].ID)
	if err != nil || len(res.Items) == 0 {
		t.Errorf("Get of a ready task: %d items, %v", len(res.Items), err)
	}
}

// TestGoogleOrganicRunConcurrent: two walks share a client and the
// account's tasks_ready, which lists both walks' tasks; each collects its
// own, all of them, once.
func TestGoogleOrganicRunConcurrent(t *testing.T) {
	srv := sdktest.NewServer(t, sdktest.WithReadyAfterFunc(func(q sdktest.QueuedTask) int { return 1 + q.Index%4 }))
	svc := serp.New(srv.Client())
	var wg sync.WaitGroup
	got := make([]map[string]int, 2) // keyword -> index, per walk
	errs := make([]error, 2)
	for w := range 2 {
		keywords := make([]string, 30)
		for i := range keywords {
			keywords[i] = fmt.Sprintf("walk%d-%d", w, i)
		}
		got[w] = map[string]int{}
		wg.Go(func() {
			for r, err := range svc.GoogleOrganicRunRegular(context.Background(), organicTasks(keywords...), fastPolls) {
				if err != nil {
					errs[w] = err
					return
				}
				if r.Err != nil {
					errs[w] = r.Err
					return
				}
				got[w][r.Result.Keyword.Value()] = r.Index
			}
		})
	}
	wg.Wait()
	for w := range 2 {
		if errs[w] != nil {
			t.Fatalf("walk %d: %v", w, errs[w])
		}
		if len(got[w]) != 30 {
			t.Errorf("walk %d: %d results, want 30", w, len(got[w]))
		}
		for k, i := range got[w] {
			if k != fmt.Sprintf("walk%d-%d", w, i) {
				t.Errorf("walk %d: result %q at index %d", w, k, i)
			}
		}
	}
	for _, q := range srv.Queue() {
		if !q.Collected {
			t.Errorf("task %v not collected", q.Task["keyword"])
		}
	}
}

// TestRunOnNilService: a nil *Service says so, without a panic.
func TestRunOnNilService(t *testing.T) {
	var svc *serp.Service
	n := 0
	for _, err := range svc.GoogleOrganicRunRegular(context.Background(), organicTasks("a"), fastPolls) {
		n++
		if err == nil || !strings.Contains(err.Error(), "the *sdk.Client is nil") {
			t.Errorf("a nil *Service: %v", err)
		}
	}
	if n != 1 {
		t.Errorf("%d yields, want 1", n)
	}
}

// TestGoogleOrganicRunServerError: a task whose result fails with a
// server error is asked for again (getting it is free), then yielded with
// its error; the others are not held up.
func TestGoogleOrganicRunServerError(t *testing.T) {
	srv := sdktest.NewServer(t, sdktest.WithReadyAfter(1), sdktest.WithTaskFailure(func(q sdktest.QueuedTask) int {
		if q.Task["keyword"] == "broken" {
			return 50000
		}
		return 0
	}))
	svc := serp.New(srv.Client())
	var outcomes []string
	for r, err := range svc.GoogleOrganicRunRegular(context.Background(), organicTasks("broken", "fine"), fastPolls) {
		if err != nil {
			t.Fatal(err)
		}
		var apiErr *sdk.Error
		switch {
		case r.Err == nil:
			outcomes = append(outcomes, r.Result.Keyword.Value())
		case errors.As(r.Err, &apiErr) && apiErr.Code == 50000:
			outcomes = append(outcomes, "50000")
		default:
			t.Errorf("task %d: %v", r.Index, r.Err)
		}
	}
	if diff := cmp.Diff([]string{"fine", "50000"}, outcomes); diff != "" {
		t.Errorf("outcomes (-want +got):\n%s", diff)
	}
	if n := srv.Count("/v3/serp/google/organic/task_get/regular/" + idOf(srv, "broken")); n != 3 {
		t.Errorf("the broken task was asked for %d times, want 3", n)
	}
}
