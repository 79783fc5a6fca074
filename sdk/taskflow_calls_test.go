package sdk_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/dataforseo-go/dataforseo/sdk"
)

func TestWithPollInterval(t *testing.T) {
	clock := fakeFlowClock(t)
	q := newQueue(nil, nil, []string{"a"})
	ms := time.Millisecond
	if _, err := collect(sdk.RunTasks(context.Background(), q.flow(), []string{"a"}, sdk.WithPollInterval(ms, 3*ms))); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]time.Duration{ms, 2 * ms, 3 * ms}, clock.Waits()); diff != "" {
		t.Errorf("waits (-want +got):\n%s", diff)
	}
	for _, bad := range [][2]time.Duration{{0, ms}, {-ms, ms}, {2 * ms, ms}} {
		q := newQueue()
		_, err := collect(sdk.RunTasks(context.Background(), q.flow(), []string{"a"}, sdk.WithPollInterval(bad[0], bad[1])))
		if err == nil || !strings.Contains(err.Error(), "WithPollInterval") || q.batches != 0 {
			t.Errorf("WithPollInterval(%v, %v): %v after %d posts; want an error and no post", bad[0], bad[1], err, q.batches)
		}
	}
}

func TestRunTasksValidatesFirst(t *testing.T) {
	fakeFlowClock(t)
	q := newQueue([]string{"a"})
	flow := q.flow()
	refused := &sdk.ValidationError{Field: "[150].keyword", Reason: "required"}
	flow.Validate = func(tasks []string) error {
		if len(tasks) != 200 {
			t.Errorf("Validate got %d tasks, want all 200", len(tasks))
		}
		return refused
	}
	got, err := collect(sdk.RunTasks(context.Background(), flow, make([]string, 200)))
	if err != refused || len(got) != 0 || q.batches != 0 {
		t.Errorf("%v, %d outcomes, %d posts; want the validation error before any post", err, len(got), q.batches)
	}
}

type data struct{}
type result struct{ N int }

func TestTaskGetResult(t *testing.T) {
	ok := &sdk.Response[data, result]{StatusCode: 20000, Tasks: []sdk.Task[data, result]{{ID: "t1", StatusCode: 20000, Result: []result{{N: 7}}}}}
	if r, err := sdk.TaskGetResult(ok, nil); err != nil || r.N != 7 {
		t.Errorf("a result: %+v, %v", r, err)
	}
	decodeErr := &sdk.DecodeError{Problems: []sdk.DecodeProblem{{Path: "tasks[0].result[0].n", Wire: `"x"`, Reason: "want int"}}}
	if r, err := sdk.TaskGetResult(ok, decodeErr); err != decodeErr || r.N != 7 {
		t.Errorf("a result with a decode error: %+v, %v", r, err)
	}
	empty := &sdk.Response[data, result]{StatusCode: 20000, Tasks: []sdk.Task[data, result]{{ID: "t2", StatusCode: 20000}}}
	if _, err := sdk.TaskGetResult(empty, nil); !errors.Is(err, sdk.ErrNoResults) || !strings.Contains(err.Error(), "t2") {
		t.Errorf("no result: %v, want ErrNoResults naming the task", err)
	}
	failed := &sdk.Error{Code: 40102, Message: "No Search Results.", TaskID: "t3"}
	if _, err := sdk.TaskGetResult(empty, &sdk.TaskErrors{Tasks: 1, Errors: []*sdk.Error{failed}}); err != failed {
		t.Errorf("a failed task: %v, want its *Error", err)
	}
	if _, err := sdk.TaskGetResult[data, result](nil, context.Canceled); err != context.Canceled {
		t.Errorf("no response: %v", err)
	}
}

type flowTask struct {
	Keyword  string
	Postback string
}

func (t *flowTask) Validate() error {
	if t.Keyword == "" {
		return &sdk.ValidationError{Field: "keyword", Reason: "required"}
	}
	return nil
}

func TestValidateFlowTasks(t *testing.T) {
	tasks := []flowTask{{Keyword: "a"}, {}, {Keyword: "c", Postback: "https://example.com"}}
	postback := func(t *flowTask) bool { return t.Postback != "" }
	on, _ := sdk.NewClient(sdk.WithCredentials("l", "p"))
	off, _ := sdk.NewClient(sdk.WithCredentials("l", "p"), sdk.WithValidation(false))
	for _, tt := range []struct {
		name   string
		c      *sdk.Client
		fields []string
	}{
		{"validating", on, []string{"[1].keyword", "[2].postback_url"}},
		{"WithValidation(false)", off, []string{"[2].postback_url"}},
	} {
		var fields []string
		var walk func(error)
		walk = func(err error) {
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				for _, e := range j.Unwrap() {
					walk(e)
				}
				return
			}
			var ve *sdk.ValidationError
			if errors.As(err, &ve) {
				fields = append(fields, ve.Field)
			}
		}
		walk(sdk.ValidateFlowTasks(tt.c, tasks, postback))
		if diff := cmp.Diff(tt.fields, fields); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
	if err := sdk.ValidateFlowTasks(on, tasks[:1], nil); err != nil {
		t.Errorf("a valid task: %v", err)
	}
	if err := sdk.ValidateFlowTasks[flowTask](nil, tasks, nil); err == nil {
		t.Error("a nil client: no error")
	}
}
