package sdk_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/dataforseo-go/dataforseo/sdk"
)

// queue is a fake task flow: tasks are strings, results their upper-case
// form; script says which ids become ready at each poll.
type queue struct {
	mu      sync.Mutex
	posted  []string   // ids, in order
	script  [][]string // ids that become ready at poll i (by task text)
	polls   int
	ready   map[string]bool
	fail    map[string]error // Get fails with this for a task text
	postErr map[int]error    // Post of batch i fails
	batches int
	gets    int
	getErr  map[string][]error // errors Get returns first, in order
	extra   []string           // ids of other callers, always ready
}

func (q *queue) flow() sdk.TaskFlow[string, string] {
	return sdk.TaskFlow[string, string]{
		Post: func(ctx context.Context, tasks []string, _ ...sdk.CallOption) ([]sdk.PostedTask, error) {
			q.mu.Lock()
			defer q.mu.Unlock()
			n := q.batches
			q.batches++
			if err := q.postErr[n]; err != nil {
				return nil, err
			}
			var out []sdk.PostedTask
			for i, t := range tasks {
				if t == "refused" {
					out = append(out, sdk.PostedTask{Index: i, Err: &sdk.Error{Code: 40501, Message: "Invalid Field."}})
					continue
				}
				q.posted = append(q.posted, t)
				out = append(out, sdk.PostedTask{Index: i, ID: "id-" + t, Cost: 0.0006})
			}
			return out, nil
		},
		Ready: func(ctx context.Context, _ ...sdk.CallOption) ([]sdk.ReadyTask, error) {
			q.mu.Lock()
			defer q.mu.Unlock()
			if q.polls < len(q.script) {
				for _, t := range q.script[q.polls] {
					q.ready["id-"+t] = true
				}
			}
			q.polls++
			ids := slices.Clone(q.extra)
			for id := range q.ready {
				ids = append(ids, id)
			}
			slices.Sort(ids)
			var out []sdk.ReadyTask
			for _, id := range ids {
				out = append(out, sdk.ReadyTask{ID: id})
			}
			return out, nil
		},
		Get: func(ctx context.Context, id string, _ ...sdk.CallOption) (string, error) {
			q.mu.Lock()
			defer q.mu.Unlock()
			q.gets++
			if !q.ready[id] {
				return "", &sdk.Error{Code: 40404, Message: "Task Not Found."}
			}
			t := id[len("id-"):]
			if errs := q.getErr[t]; len(errs) > 0 {
				q.getErr[t] = errs[1:]
				return "", errs[0]
			}
			delete(q.ready, id) // collected: no longer listed
			if err := q.fail[t]; err != nil {
				return "", err
			}
			return fmt.Sprint("RESULT ", t), nil
		},
	}
}

func newQueue(script ...[]string) *queue {
	return &queue{script: script, ready: map[string]bool{}, fail: map[string]error{}, postErr: map[int]error{}, getErr: map[string][]error{}}
}

// fakeFlowClock makes RunTasks's waits instant and records them.
func fakeFlowClock(t *testing.T) *fakeClock {
	fc := &fakeClock{now: time.Date(2024, 4, 22, 12, 0, 0, 0, time.UTC)}
	t.Cleanup(sdk.SetFlowClock(fc.Now, fc.Sleep))
	return fc
}

type outcome struct {
	Index  int
	ID     string
	Result string
	Err    string
}

func collect(seq func(func(sdk.TaskResult[string], error) bool)) ([]outcome, error) {
	var out []outcome
	var final error
	for r, err := range seq {
		if err != nil {
			final = err
			continue
		}
		o := outcome{Index: r.Index, ID: r.ID, Result: r.Result}
		if r.Err != nil {
			o.Err = r.Err.Error()
		}
		out = append(out, o)
	}
	return out, final
}

func TestRunTasksOutOfOrder(t *testing.T) {
	clock := fakeFlowClock(t)
	q := newQueue(nil, []string{"c"}, nil, nil, []string{"a", "b"})
	q.extra = []string{"someone-else"} // another caller's task: not collected
	q.fail["b"] = &sdk.Error{Code: 40102, Message: "No Search Results."}
	got, err := collect(sdk.RunTasks(context.Background(), q.flow(), []string{"a", "refused", "b", "c"}))
	if err != nil {
		t.Fatal(err)
	}
	want := []outcome{
		{Index: 1, Err: "dataforseo: status 40501: Invalid Field."},
		{Index: 3, ID: "id-c", Result: "RESULT c"},
		{Index: 0, ID: "id-a", Result: "RESULT a"},
		{Index: 2, ID: "id-b", Err: "dataforseo: status 40102: No Search Results."},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("outcomes (-want +got):\n%s", diff)
	}
	// Nothing ready at the first poll: the wait doubles; back to the first
	// wait after something was ready.
	f := sdk.FlowFirstPoll
	if diff := cmp.Diff([]time.Duration{f, 2 * f, f, 2 * f, 4 * f}, clock.Waits()); diff != "" {
		t.Errorf("waits (-want +got):\n%s", diff)
	}
}

func TestRunTasksBatches(t *testing.T) {
	fakeFlowClock(t)
	tasks := make([]string, 250)
	for i := range tasks {
		tasks[i] = fmt.Sprint(i)
	}
	q := newQueue(tasks)
	got, err := collect(sdk.RunTasks(context.Background(), q.flow(), tasks))
	if err != nil || len(got) != 250 || q.batches != 3 {
		t.Fatalf("%d outcomes in %d posts, %v; want 250 in 3", len(got), q.batches, err)
	}
	seen := map[int]bool{}
	for _, o := range got {
		if o.Result != "RESULT "+tasks[o.Index] || seen[o.Index] {
			t.Errorf("task %d: %+v", o.Index, o)
		}
		seen[o.Index] = true
	}
}

// TestRunTasksStops: a context that ends while waiting, or a budget that
// refuses the second batch, ends the walk with the posted tasks' ids.
func TestRunTasksStops(t *testing.T) {
	t.Run("context cancelled mid-wait", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		polls := 0
		t.Cleanup(sdk.SetFlowClock(time.Now, func(ctx context.Context, d time.Duration) error {
			if polls++; polls == 3 {
				cancel()
			}
			return ctx.Err()
		}))
		q := newQueue([]string{"a"}) // b is never ready
		got, err := collect(sdk.RunTasks(ctx, q.flow(), []string{"a", "b"}))
		var pe *sdk.PendingError
		if !errors.As(err, &pe) || !errors.Is(err, context.Canceled) || !slices.Equal(pe.IDs, []string{"id-b"}) {
			t.Errorf("error %v, want the pending id-b and context.Canceled", err)
		}
		if len(got) != 1 || got[0].ID != "id-a" {
			t.Errorf("outcomes %+v, want a's", got)
		}
	})
	t.Run("budget reached mid-batch", func(t *testing.T) {
		fakeFlowClock(t)
		tasks := make([]string, 150)
		for i := range tasks {
			tasks[i] = fmt.Sprint(i)
		}
		q := newQueue()
		q.postErr[1] = &sdk.BudgetError{Scope: "call", Budget: 0.06, Spent: 0.06, Reason: "the budget is spent"}
		_, err := collect(sdk.RunTasks(context.Background(), q.flow(), tasks))
		var pe *sdk.PendingError
		if !errors.As(err, &pe) || !errors.Is(err, sdk.ErrBudgetExceeded) || len(pe.IDs) != 100 || pe.IDs[0] != "id-0" {
			t.Errorf("error %v, want the 100 posted ids and the budget", err)
		}
	})
	t.Run("loop breaks", func(t *testing.T) {
		fakeFlowClock(t)
		q := newQueue([]string{"a", "b", "c"})
		n := 0
		for range sdk.RunTasks(context.Background(), q.flow(), []string{"a", "b", "c"}) {
			n++
			break
		}
		if n != 1 || q.gets != 1 {
			t.Errorf("%d yields and %d gets after a break, want 1 and 1", n, q.gets)
		}
	})
}

// TestRunTasksFreeRetries: task_get and tasks_ready cost nothing, so a
// failure without an answer of the API is asked again at the next poll.
func TestRunTasksFreeRetries(t *testing.T) {
	fakeFlowClock(t)
	q := newQueue([]string{"a", "b"})
	timeout := &sdk.Error{Message: "request failed", Err: context.DeadlineExceeded}
	q.getErr["a"] = []error{timeout, &sdk.Error{HTTPStatus: 500, Code: 50000, Message: "Internal Error."}}
	q.getErr["b"] = []error{timeout, timeout, timeout}
	got, err := collect(sdk.RunTasks(context.Background(), q.flow(), []string{"a", "b"}))
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(got, func(x, y outcome) int { return x.Index - y.Index })
	if len(got) != 2 || got[0].Result != "RESULT a" || got[1].Err == "" {
		t.Errorf("outcomes %+v: want a's result after two failures, b's third failure", got)
	}
}
