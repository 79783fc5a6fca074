package golden

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/backlinks"
	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
)

// problems flattens an error into "field: reason" lines, one per
// *sdk.ValidationError.
func problems(err error) []string {
	var out []string
	var walk func(error)
	walk = func(err error) {
		if joined, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range joined.Unwrap() {
				walk(e)
			}
			return
		}
		var ve *sdk.ValidationError
		if errors.As(err, &ve) {
			out = append(out, ve.Field+": "+ve.Reason)
		} else if err != nil {
			out = append(out, "not a validation error: "+err.Error())
		}
	}
	walk(err)
	return out
}

// TestValidateEachProblemOnce is issue 10.8: the generated Validate
// reports each problem once (9 filter conditions and 4 sorting rules were
// reported twice), refuses null where the docs allow none, negative
// counts, and blank required strings and list elements.
func TestValidateEachProblemOnce(t *testing.T) {
	nine := make([]sdk.Filter, 9)
	for i := range nine {
		nine[i] = sdk.F("backlinks", ">", i)
	}
	tests := []struct {
		name string
		task backlinks.ReferringDomainsLiveRequest
		want []string
	}{
		{"nine filter conditions", backlinks.ReferringDomainsLiveRequest{Target: "a.com", Filters: sdk.And(nine...)},
			[]string{"filters: has 9 conditions, at most 8 are allowed"}},
		{"four sorting rules", backlinks.ReferringDomainsLiveRequest{Target: "a.com",
			OrderBy: sdk.OrderBy{sdk.Desc("a"), sdk.Desc("b"), sdk.Desc("c"), sdk.Desc("d")}},
			[]string{"order_by: has 4 sorting rules, at most 3 are allowed"}},
		{"blank target", backlinks.ReferringDomainsLiveRequest{Target: " \t"}, []string{"target: required: must not be empty or blank"}},
		{"null limit", backlinks.ReferringDomainsLiveRequest{Target: "a.com", Limit: sdk.Null[int64]()}, []string{"limit: must not be null"}},
		{"negative limit and offset", backlinks.ReferringDomainsLiveRequest{Target: "a.com", Limit: sdk.Int(-1), Offset: sdk.Int(-5),
			InternalListLimit: sdk.Int(-2)},
			[]string{"limit: must be at least 0", "offset: must be at least 0", "internal_list_limit: must be at least 0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, problems(tt.task.Validate())); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
	bulk := backlinks.BulkReferringDomainsLiveRequest{Targets: []string{"a.com", "", "  "}}
	want := []string{"targets[1]: must not be empty or blank", "targets[2]: must not be empty or blank"}
	if diff := cmp.Diff(want, problems(bulk.Validate())); diff != "" {
		t.Errorf("blank targets (-want +got):\n%s", diff)
	}
}

// TestFilterTimes: a time.Time in a filter is sent in the API's format,
// not RFC 3339.
func TestFilterTimes(t *testing.T) {
	at := time.Date(2024, 3, 1, 10, 4, 5, 0, time.FixedZone("", 2*3600))
	task := backlinks.ReferringDomainsLiveRequest{Target: "a.com", Filters: sdk.Or(
		sdk.F("first_seen", ">", at), sdk.F("first_seen", "in", []time.Time{at, at.UTC()}), sdk.F("lost_date", "<", &at))}
	b, err := jsonMarshal(task)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"target":"a.com","filters":[["first_seen",">","2024-03-01 10:04:05 +02:00"],"or",` +
		`["first_seen","in",["2024-03-01 10:04:05 +02:00","2024-03-01 08:04:05 +00:00"]],"or",` +
		`["lost_date","<","2024-03-01 10:04:05 +02:00"]]}`
	if b != want {
		t.Errorf("encoded\n%s\nwant\n%s", b, want)
	}
	if err := task.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
}

// TestInvalidCostsNothing: a task the API would refuse is never sent.
func TestInvalidCostsNothing(t *testing.T) {
	srv := sdktest.NewServer(t)
	bl := backlinks.New(srv.Client())
	ctx := context.Background()
	for _, task := range []backlinks.ReferringDomainsLiveRequest{
		{Target: ""}, {Target: "a.com", Limit: sdk.Int(-1)}, {Target: "a.com", Offset: sdk.Null[int64]()},
	} {
		if _, err := bl.ReferringDomainsLive(ctx, task); !errors.Is(err, sdk.ErrInvalidRequest) {
			t.Errorf("%+v: %v, want an invalid request", task, err)
		}
	}
	many := make([]backlinks.ReferringDomainsLiveRequest, 101)
	for i := range many {
		many[i] = backlinks.ReferringDomainsLiveRequest{Target: "a.com"}
	}
	if _, err := bl.ReferringDomainsLiveBatch(ctx, many); !errors.Is(err, sdk.ErrInvalidRequest) {
		t.Errorf("101 tasks: %v", err)
	}
	if _, err := bl.ReferringDomainsLiveBatch(ctx, nil); !errors.Is(err, sdk.ErrInvalidRequest) {
		t.Errorf("no tasks: %v", err)
	}
	if srv.Count("") != 0 {
		t.Errorf("%d invalid calls were sent", srv.Count(""))
	}
}

// TestSingleAndBatch: one task is the short path; a batch sends several
// in one request, answered in order.
func TestSingleAndBatch(t *testing.T) {
	srv := sdktest.NewServer(t)
	bl := backlinks.New(srv.Client())
	ctx := context.Background()
	resp, err := bl.ReferringDomainsLive(ctx, backlinks.ReferringDomainsLiveRequest{Target: "one.com"})
	if err != nil || len(resp.Tasks) != 1 || resp.Tasks[0].Data.Target != "one.com" {
		t.Fatalf("single: %v, %+v", err, resp)
	}
	targets := []string{"a.com", "b.com", "c.com"}
	var tasks []backlinks.ReferringDomainsLiveRequest
	for _, tg := range targets {
		tasks = append(tasks, backlinks.ReferringDomainsLiveRequest{Target: tg})
	}
	resp, err = bl.ReferringDomainsLiveBatch(ctx, tasks)
	if err != nil || len(resp.Tasks) != 3 {
		t.Fatalf("batch: %v, %d tasks", err, len(resp.Tasks))
	}
	for i, task := range resp.Tasks {
		if task.Data.Target != targets[i] {
			t.Errorf("task %d echoes %q, want %q", i, task.Data.Target, targets[i])
		}
	}
	if srv.Count("") != 2 {
		t.Errorf("%d requests, want 2", srv.Count(""))
	}
}

// TestServiceNil is issue 10.11: a service on a nil client says so.
func TestServiceNil(t *testing.T) {
	func() {
		defer func() {
			if r := recover(); !strings.Contains(fmt.Sprint(r), "backlinks.New: the *sdk.Client is nil") {
				t.Errorf("backlinks.New(nil) panicked with %v", r)
			}
		}()
		backlinks.New(nil)
	}()
	var svc *backlinks.Service
	if _, err := svc.ReferringDomainsLive(context.Background(), backlinks.ReferringDomainsLiveRequest{Target: "a.com"}); err == nil ||
		!strings.Contains(err.Error(), "the *sdk.Client is nil") {
		t.Errorf("a nil *Service: %v", err)
	}
}

// TestAllStopsOnStall is issue 10.4: a server that ignores offset and
// claims a large total_count made an ...All iterator fetch hundreds of
// charged pages of the same items. It stops at the second page now.
func TestAllStopsOnStall(t *testing.T) {
	var example []byte
	srv := sdktest.NewServer(t, sdktest.WithHandler("/v3/backlinks/referring_domains/live", http.HandlerFunc(
		func(w http.ResponseWriter, r *http.Request) {
			// The documented example, whatever the offset, with a huge total.
			w.Write([]byte(strings.Replace(string(example), `"total_count":131`, `"total_count":1000000`, 1)))
		})))
	example = srv.Example("/v3/backlinks/referring_domains/live")
	if !strings.Contains(string(example), `"total_count":131`) {
		t.Fatalf("the example has no total_count of 131: %.200s", example)
	}
	bl := backlinks.New(srv.Client())
	var items int
	var last error
	for _, err := range bl.ReferringDomainsLiveAll(context.Background(), backlinks.ReferringDomainsLiveRequest{Target: "a.com"}) {
		if err != nil {
			last = err
			break
		}
		items++
	}
	if !errors.Is(last, sdk.ErrPaginationStalled) || srv.Count("") != 2 {
		t.Errorf("%d items in %d pages, error %v; want a stall after 2 pages", items, srv.Count(""), last)
	}
}

// TestAllPageCapAndBudget: WithMaxPages caps the pages of an iterator, and
// a WithBudget given to it caps all its pages together.
func TestAllPageCapAndBudget(t *testing.T) {
	srv := sdktest.NewServer(t)
	bl := backlinks.New(srv.Client())
	ctx := context.Background()
	task := backlinks.ReferringDomainsLiveRequest{Target: "a.com", Limit: sdk.Int(10)}
	items, err := sdk.Collect(bl.ReferringDomainsLiveAll(ctx, task, sdk.WithMaxPages(3)))
	if err != nil || len(items) != 30 || srv.Count("") != 3 {
		t.Errorf("3 pages of 10: %d items in %d calls, %v", len(items), srv.Count(""), err)
	}
	// Each page costs the example's 0.02015: a budget of 0.05 lets two through.
	before := srv.Count("")
	items, err = sdk.Collect(bl.ReferringDomainsLiveAll(ctx, task, sdk.WithBudget(0.05)))
	var be *sdk.BudgetError
	if !errors.As(err, &be) || be.Scope != "call" || len(items) != 20 || srv.Count("")-before != 2 {
		t.Errorf("a budget over the pages: %d items in %d calls, %v", len(items), srv.Count("")-before, err)
	}
}
