package sdk_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dataforseo-go/dataforseo/sdk"
)

// taggedTask is a task with a tag field, as the generated task_post
// requests have.
type taggedTask struct {
	Keyword string
	Tag     sdk.Opt[string]
}

// lossyQueue is a fake task flow whose posts may create the tasks and
// then lose the answer: created[i] says whether the tasks of post i reach
// the queue, answer[i] whether their answer comes back (else lost, with
// the MaybeCharged error).
type lossyQueue struct {
	mu      sync.Mutex
	created map[int]bool
	lost    map[int]error // post i fails with this error after creating (or not) its tasks
	posts   int
	tasks   map[string]taggedTask // by id, created and not collected
	seen    []taggedTask          // every task posted, as it was sent
}

func (q *lossyQueue) flow() sdk.TaskFlow[taggedTask, string] {
	return sdk.TaskFlow[taggedTask, string]{
		Post: func(ctx context.Context, tasks []taggedTask, _ ...sdk.CallOption) ([]sdk.PostedTask, error) {
			q.mu.Lock()
			defer q.mu.Unlock()
			n := q.posts
			q.posts++
			var out []sdk.PostedTask
			for i, t := range tasks {
				q.seen = append(q.seen, t)
				id := fmt.Sprintf("id-%d-%d", n, i)
				if err := q.lost[n]; err == nil || q.created[n] {
					q.tasks[id] = t
				}
				out = append(out, sdk.PostedTask{Index: i, ID: id, Cost: 0.0006})
			}
			if err := q.lost[n]; err != nil {
				return nil, err
			}
			return out, nil
		},
		Ready: func(ctx context.Context, _ ...sdk.CallOption) ([]sdk.ReadyTask, error) {
			q.mu.Lock()
			defer q.mu.Unlock()
			var out []sdk.ReadyTask
			for id, t := range q.tasks {
				out = append(out, sdk.ReadyTask{ID: id, Tag: t.Tag.Value()})
			}
			out = append(out, sdk.ReadyTask{ID: "someone-else", Tag: "dfs-go:another-walk:0"})
			return out, nil
		},
		Get: func(ctx context.Context, id string, _ ...sdk.CallOption) (string, error) {
			q.mu.Lock()
			defer q.mu.Unlock()
			t, ok := q.tasks[id]
			if !ok {
				return "", &sdk.Error{Code: 40404, Message: "Task Not Found."}
			}
			delete(q.tasks, id)
			return "RESULT " + t.Keyword, nil
		},
		Tag: func(t *taggedTask) *sdk.Opt[string] { return &t.Tag },
	}
}

func newLossyQueue() *lossyQueue {
	return &lossyQueue{created: map[int]bool{}, lost: map[int]error{}, tasks: map[string]taggedTask{}}
}

func taggedTasks(n int) []taggedTask {
	tasks := make([]taggedTask, n)
	for i := range tasks {
		tasks[i].Keyword = fmt.Sprint("k", i)
	}
	return tasks
}

func runTagged(t *testing.T, q *lossyQueue, tasks []taggedTask) (map[int]string, error) {
	t.Helper()
	got := map[int]string{}
	var final error
	for r, err := range sdk.RunTasks(context.Background(), q.flow(), tasks) {
		if err != nil {
			final = err
			continue
		}
		if r.Err != nil {
			got[r.Index] = "error: " + r.Err.Error()
			continue
		}
		got[r.Index] = r.Result
	}
	return got, final
}

// TestRunTasksFindsLostPosts: the second post of 150 tasks reaches the API
// and its answer is lost (a 502 after the API ran it): its 50 tasks are
// found in tasks_ready by the walk's tags and collected, and the walk ends
// without an error; the tasks given are not changed; another walk's task is left
// alone.
func TestRunTasksFindsLostPosts(t *testing.T) {
	fakeFlowClock(t)
	q := newLossyQueue()
	q.lost[1], q.created[1] = sdk.MaybeChargedError("/v3/x/task_post"), true
	tasks := taggedTasks(150)
	tasks[7].Tag = sdk.String("mine")
	got, final := runTagged(t, q, tasks)
	if final != nil {
		t.Fatalf("final error %v: every task was found and collected", final)
	}
	if len(got) != 150 {
		t.Fatalf("%d results, want 150", len(got))
	}
	for i := range 150 {
		if want := fmt.Sprint("RESULT k", i); got[i] != want {
			t.Errorf("task %d: %q, want %q", i, got[i], want)
		}
	}
	for i, task := range tasks {
		if want := i == 7; task.Tag.IsSet() != want {
			t.Errorf("the caller's task %d was changed: tag %v", i, task.Tag)
		}
	}
	tags := map[string]bool{}
	for i, s := range q.seen {
		tag, ok := s.Tag.Get()
		switch {
		case i == 7 && tag != "mine":
			t.Errorf("task 7 was posted with tag %q, want the caller's %q", tag, "mine")
		case i != 7 && (!ok || !strings.HasPrefix(tag, "dfs-go:") || tags[tag]):
			t.Errorf("task %d was posted with tag %q: want a tag of the walk's own, unique", i, tag)
		}
		tags[tag] = true
	}
}

// TestRunTasksLostPostNotFound: a post that failed after it may have
// reached the API and whose tasks never show: the walk collects the other
// tasks, waits FlowUnconfirmedWait, and reports the lost post's tasks
// (with their tags) and the tasks after it (never posted).
func TestRunTasksLostPostNotFound(t *testing.T) {
	fc := fakeFlowClock(t)
	start := fc.Now()
	q := newLossyQueue()
	q.lost[1] = sdk.MaybeChargedError("/v3/x/task_post")
	tasks := taggedTasks(250)
	tasks[120].Tag = sdk.String("mine")
	got, final := runTagged(t, q, tasks)
	var pe *sdk.PendingError
	if !errors.As(final, &pe) {
		t.Fatalf("final error %v: want a *PendingError", final)
	}
	if len(got) != 100 || len(pe.IDs) != 0 {
		t.Errorf("%d results and %d pending: want the first post's 100 collected", len(got), len(pe.IDs))
	}
	if len(pe.Unconfirmed) != 100 || pe.Unconfirmed[0].Index != 100 || pe.Unconfirmed[99].Index != 199 {
		t.Fatalf("unconfirmed %v: want tasks 100 to 199", pe.Unconfirmed)
	}
	if u := pe.Unconfirmed[20]; u.Tag != "mine" {
		t.Errorf("unconfirmed task 120 has tag %q, want the caller's", u.Tag)
	}
	if u := pe.Unconfirmed[0]; !strings.HasPrefix(u.Tag, "dfs-go:") {
		t.Errorf("unconfirmed task 100 has tag %q, want the walk's", u.Tag)
	}
	if want := indexes(200, 250); !cmp.Equal(pe.NotPosted, want) {
		t.Errorf("not posted %v, want %v", pe.NotPosted, want)
	}
	if waited := fc.Now().Sub(start); waited < sdk.FlowUnconfirmedWait || waited > sdk.FlowUnconfirmedWait+2*sdk.FlowMaxPoll {
		t.Errorf("waited %v for the lost tasks, want about %v", waited, sdk.FlowUnconfirmedWait)
	}
	for _, s := range []string{"100 tasks whose post may have reached the API", "50 tasks not posted", "Bad Gateway"} {
		if !strings.Contains(final.Error(), s) {
			t.Errorf("final error %q does not say %q", final, s)
		}
	}
}

// TestRunTasksRefusedPostNotAwaited: a post the API cannot have run (the
// budget refused it, or an answer with a readable status) ends the walk at
// once; its tasks and the later ones are not posted.
func TestRunTasksRefusedPostNotAwaited(t *testing.T) {
	fc := fakeFlowClock(t)
	start := fc.Now()
	q := newLossyQueue()
	q.lost[1] = &sdk.Error{HTTPStatus: 200, Code: 40200, Message: "Payment Required."}
	_, final := runTagged(t, q, taggedTasks(150))
	var pe *sdk.PendingError
	if !errors.As(final, &pe) || len(pe.Unconfirmed) != 0 || !cmp.Equal(pe.NotPosted, indexes(100, 150)) || len(pe.IDs) != 100 {
		t.Fatalf("final error %v: want the first post's 100 pending and tasks 100 to 149 not posted", final)
	}
	if fc.Now() != start {
		t.Errorf("the walk waited %v: a refused post has nothing to wait for", fc.Now().Sub(start))
	}
}

func indexes(from, to int) []int {
	var out []int
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}
