package sdk

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
	"time"
)

// A task flow is the cheaper way to run SERP and Labs tasks: post them
// (task_post), ask which are done (tasks_ready), and get each result
// (task_get/{id}). The generated packages describe each function's flow
// with a TaskFlow, and RunTasks runs it.

// PostedTask is one task as task_post answered it.
type PostedTask struct {
	Index int     // the task's position in the tasks given to RunTasks
	ID    string  // the id to get its result with
	Cost  float64 // what posting it cost, USD
	Err   error   // the task's *Error when the API refused it; ID is "" then
}

// TaskFlow is how RunTasks posts tasks of type T, learns which are ready,
// and gets a ready one's result R. The generated code writes one per
// function and variant ("organic advanced"), each around a client call.
type TaskFlow[T, R any] struct {
	// Post posts 1 to MaxTasks tasks and returns one PostedTask per task, in
	// order (Index relative to tasks).
	Post func(ctx context.Context, tasks []T, opts ...CallOption) ([]PostedTask, error)
	// Ready returns the tasks that are done (of every caller of the
	// account: RunTasks keeps its own).
	Ready func(ctx context.Context, opts ...CallOption) ([]ReadyTask, error)
	// Get returns the result of a done task.
	Get func(ctx context.Context, id string, opts ...CallOption) (R, error)
	// Validate, when not nil, checks all the tasks before any is posted:
	// its error ends the walk before anything is sent (or paid for).
	Validate func(tasks []T) error
	// Tag, when not nil, returns a task's tag field. RunTasks gives each
	// task without a tag one unique to the walk (on a copy: the caller's
	// tasks are left as they are), so that tasks whose post failed after
	// it may have reached the API are found in tasks_ready by their tag.
	Tag func(task *T) *Opt[string]
}

// ReadyTask is one finished task as tasks_ready lists it.
type ReadyTask struct {
	ID  string // the id to get its result with
	Tag string // the task's tag, "" when it has none
}

// TaskResult is one task's outcome in RunTasks.
type TaskResult[R any] struct {
	Index  int     // the task's position in the tasks given to RunTasks
	ID     string  // its id ("" when posting it failed)
	Cost   float64 // what posting it cost, USD
	Result R       // the result, when Err is nil (or a *DecodeError)
	Err    error   // the task's failure: when posting it, or getting its result
}

// PendingError ends a RunTasks walk that stopped (the context ended, a
// budget or a call failed) while posted tasks were not collected: they
// were paid for, and their results stay available by id (task_get) for
// the time the API keeps them.
//
// A post that failed after it may have reached the API (an *Error whose
// MaybeCharged is true) may have created its tasks: RunTasks waits for
// them in tasks_ready, by their tags, while the walk's other tasks run and
// for FlowUnconfirmedWait after the failure; the ones not found then are
// in Unconfirmed with their tags.
type PendingError struct {
	IDs []string // the posted tasks whose results were not collected, in task order
	// Unconfirmed are the tasks of a failed post that may have been
	// created (and charged) but were not found in tasks_ready, in task
	// order: if the API created one, tasks_ready lists it with its Tag.
	Unconfirmed []UnconfirmedTask
	// NotPosted are the indexes of the tasks never sent, in order.
	NotPosted []int
	Err       error // why the walk stopped
}

// UnconfirmedTask is a task whose post may have reached the API.
type UnconfirmedTask struct {
	Index int    // the task's position in the tasks given to RunTasks
	Tag   string // its tag ("" when it had none and the flow sets no tags)
}

// Error names how many tasks are pending, unconfirmed and not posted, and
// why.
func (e *PendingError) Error() string {
	var parts []string
	if n := len(e.IDs); n > 0 || len(e.Unconfirmed)+len(e.NotPosted) == 0 {
		parts = append(parts, fmt.Sprintf("%d posted tasks not collected (get them by id later)", n))
	}
	if n := len(e.Unconfirmed); n > 0 {
		parts = append(parts, fmt.Sprintf("%d tasks whose post may have reached the API not found in tasks_ready (look for their tags later)", n))
	}
	if n := len(e.NotPosted); n > 0 {
		parts = append(parts, fmt.Sprintf("%d tasks not posted", n))
	}
	return fmt.Sprintf("dataforseo: %s: %v", strings.Join(parts, ", "), e.Err)
}

// Unwrap returns why the walk stopped.
func (e *PendingError) Unwrap() error { return e.Err }

// The polling of RunTasks: the first wait for tasks_ready, and its cap;
// the wait doubles while no task of the walk is ready.
const (
	FlowFirstPoll = 2 * time.Second
	FlowMaxPoll   = 30 * time.Second
)

// FlowUnconfirmedWait is how long RunTasks waits, after a post that may
// have reached the API failed, for its tasks to show in tasks_ready (see
// PendingError). The context ends the wait sooner.
const FlowUnconfirmedWait = 10 * time.Minute

// flowClock is the clock RunTasks waits on; tests replace it.
var flowClock = realClock

// RunTasks posts tasks through flow (in requests of up to MaxTasks), then
// polls flow.Ready with backoff (FlowFirstPoll doubling up to FlowMaxPoll
// while nothing of the walk is ready, back to FlowFirstPoll when something
// was) and gets each task's result as it becomes ready, yielding it in the
// order the tasks finish. Every call goes through the client, under its
// rate, concurrency and budget limits; opts apply to every call, a
// WithBudget among them is one budget for the whole walk, and a
// WithPollInterval among them replaces FlowFirstPoll and FlowMaxPoll.
//
// A task that the API refuses when posting, or whose result is an error,
// is yielded with its Err; the walk goes on. The walk ends when every task
// was yielded, when the loop breaks, or with a final error: a *PendingError
// holding the ids of the posted tasks not collected yet (the context ended,
// a budget refused a call, tasks_ready or a post failed), so that nothing
// paid for is lost. Callers that prefer callbacks set the tasks'
// postback_url or pingback_url and do not need RunTasks.
//
// When the flow has a Tag, every task without a tag is posted with one of
// the walk's own ("dfs-go:" and a random text), which the results echo in
// their data: a post that failed after it may have reached the API (a
// broken connection, a gateway's 502) may have created its tasks, and the
// walk finds them in tasks_ready by these tags and yields their results
// (with Cost 0: the post's answer, and its cost, was lost; the client
// counts it among its UnknownCosts). When all are found the walk ends
// without an error; the tasks of such a post not found within
// FlowUnconfirmedWait, and the tasks after it (never posted), are in the
// final *PendingError.
func RunTasks[T, R any](ctx context.Context, flow TaskFlow[T, R], tasks []T, opts ...CallOption) iter.Seq2[TaskResult[R], error] {
	return func(yield func(TaskResult[R], error) bool) {
		opts, poll, err := flowOptions(opts)
		if err == nil && flow.Validate != nil {
			err = flow.Validate(tasks)
		}
		if err != nil {
			yield(TaskResult[R]{}, err)
			return
		}
		w := &walk[T, R]{ctx: ctx, flow: flow, opts: opts, yield: yield, pending: map[string]PostedTask{},
			failures: map[string]int{}, clock: flowClock, poll: poll}
		w.run(tasks)
	}
}

// flowOptions turns a WithBudget among opts into one budget for all the
// calls they go to, and reads the polling of a WithPollInterval.
func flowOptions(opts []CallOption) ([]CallOption, polling, error) {
	cc := &callConfig{}
	for _, o := range opts {
		if o != nil {
			o.applyCall(cc)
		}
	}
	if len(cc.errs) > 0 {
		return nil, polling{}, errors.Join(cc.errs...)
	}
	if cc.budget > 0 && cc.scope == nil {
		shared := &budget{scope: "call", limit: cc.budget}
		opts = append(opts[:len(opts):len(opts)], callOption(func(c *callConfig) { c.scope = shared }))
	}
	poll := polling{first: FlowFirstPoll, max: FlowMaxPoll}
	if cc.poll.first > 0 {
		poll = cc.poll
	}
	return opts, poll, nil
}

type walk[T, R any] struct {
	ctx     context.Context
	flow    TaskFlow[T, R]
	opts    []CallOption
	yield   func(TaskResult[R], error) bool
	pending map[string]PostedTask // posted, not yet collected
	// failures counts the failed attempts to get a ready task (or, under
	// "", to list the ready ones) that a free call may retry.
	failures map[string]int
	clock    clock
	poll     polling
	stopped  bool // the loop broke
	// unconfirmed maps the tag of each task of a failed post that may
	// have reached the API to the task's index (taskflow_recover.go).
	unconfirmed map[string]int
	untagged    []UnconfirmedTask // such tasks without a tag of the walk's own
	postErr     error             // the failed post
	giveUpAt    time.Time         // when the walk stops waiting for unconfirmed tasks
	notPosted   []int
	ownTags     map[int]string // the tags the walk gave, by task index
}

func (w *walk[T, R]) emit(r TaskResult[R]) bool {
	if !w.stopped && !w.yield(r, nil) {
		w.stopped = true
	}
	return !w.stopped
}

// fail ends the walk with err, wrapped in a *PendingError when tasks are
// still pending.
func (w *walk[T, R]) fail(err error) {
	if w.stopped {
		return
	}
	if len(w.pending)+len(w.unconfirmed)+len(w.untagged)+len(w.notPosted) > 0 {
		pe := &PendingError{NotPosted: w.notPosted, Err: err}
		pe.IDs = slices.SortedFunc(maps.Keys(w.pending), func(a, b string) int { return w.pending[a].Index - w.pending[b].Index })
		pe.Unconfirmed = w.unconfirmedTasks()
		err = pe
	}
	w.yield(TaskResult[R]{}, err)
}

func (w *walk[T, R]) run(tasks []T) {
	tasks = w.tagTasks(tasks)
	for start := 0; start < len(tasks); start += MaxTasks {
		batch := tasks[start:min(start+MaxTasks, len(tasks))]
		posted, err := w.flow.Post(w.ctx, batch, w.opts...)
		if err != nil && len(posted) == 0 {
			err = fmt.Errorf("posting tasks %d to %d: %w", start, start+len(batch)-1, err)
			w.notPosted = indexes(start+len(batch), len(tasks))
			if !w.unconfirm(tasks, start, len(batch), err) {
				w.notPosted = append(indexes(start, start+len(batch)), w.notPosted...)
				w.fail(err)
				return
			}
			break // the tasks may exist: collect what can be, then report
		}
		for _, p := range posted {
			p.Index += start
			if p.ID == "" || p.Err != nil {
				if !w.emit(TaskResult[R]{Index: p.Index, ID: p.ID, Cost: p.Cost, Err: cmpOr(p.Err, errors.New("dataforseo: task_post returned no id"))}) {
					return
				}
				continue
			}
			w.pending[p.ID] = p
		}
	}
	wait := w.poll.first
	for len(w.pending) > 0 || w.awaitingUnconfirmed() {
		if err := w.clock.sleep(w.ctx, wait); err != nil {
			w.fail(err)
			return
		}
		ready, err := w.flow.Ready(w.ctx, w.opts...)
		if err != nil {
			if w.retryable(err, "") {
				continue // listing is free: asked again at the next poll
			}
			w.fail(fmt.Errorf("tasks_ready: %w", err))
			return
		}
		w.failures[""] = 0
		ours := w.ours(ready)
		if len(ours) == 0 {
			wait = min(wait*2, w.poll.max)
			continue
		}
		wait = w.poll.first
		for _, id := range slices.Compact(ours) {
			if !w.collect(id) {
				return
			}
		}
	}
	if w.postErr != nil && len(w.unconfirmed)+len(w.untagged)+len(w.notPosted) > 0 {
		w.fail(w.postErr) // reports the unconfirmed and unposted tasks
	}
}

// collect gets one ready task's result and yields it; false ends the walk.
func (w *walk[T, R]) collect(id string) bool {
	p := w.pending[id]
	res, err := w.flow.Get(w.ctx, id, w.opts...)
	switch {
	case err != nil && (isBudget(err) || w.ctx.Err() != nil):
		w.fail(err) // not collected: it stays pending
		return false
	case errors.Is(err, ErrTaskPending):
		return true // listed before its result: asked again at the next poll
	case err != nil && w.retryable(err, id):
		return true // getting a result is free: asked again at the next poll
	}
	delete(w.pending, id)
	return w.emit(TaskResult[R]{Index: p.Index, ID: id, Cost: p.Cost, Result: res, Err: err})
}

// maxFreeRetries is how often a walk asks again for what failed without an
// answer of the API (a timeout, a 5xx): listing and getting cost nothing.
const maxFreeRetries = 3

// retryable reports whether a failed free call (tasks_ready, task_get of
// key) may be made again: the API did not answer, or answered with a
// server error (5xxxx),
// and it has failed fewer than maxFreeRetries times in a row.
func (w *walk[T, R]) retryable(err error, key string) bool {
	var e *Error
	if isBudget(err) || !errors.As(err, &e) || (e.Code != 0 && e.Code < 50000) {
		return false
	}
	w.failures[key]++
	return w.failures[key] < maxFreeRetries
}

func isBudget(err error) bool {
	var be *BudgetError
	return errors.As(err, &be)
}

func cmpOr(err, def error) error {
	if err != nil {
		return err
	}
	return def
}

// PostedTasks reads the tasks of a task_post response, for a TaskFlow's
// Post: one PostedTask per task, in order, each with its *Error when it
// failed.
func PostedTasks[D, R any](resp *Response[D, R]) []PostedTask {
	if resp == nil {
		return nil
	}
	out := make([]PostedTask, len(resp.Tasks))
	for i := range resp.Tasks {
		t := &resp.Tasks[i]
		out[i] = PostedTask{Index: i, ID: t.ID, Cost: t.Cost, Err: t.Err()}
		if out[i].Err != nil {
			out[i].ID = ""
		}
	}
	return out
}

// ReadyTasks reads the tasks of a tasks_ready response's results, for a
// TaskFlow's Ready: every result of every task that succeeded, with an id.
// task returns the id and tag of one result.
func ReadyTasks[D, R any](resp *Response[D, R], task func(R) ReadyTask) []ReadyTask {
	var out []ReadyTask
	for _, r := range resp.Results() {
		t := task(r)
		if t.ID = strings.TrimSpace(t.ID); t.ID != "" {
			out = append(out, t)
		}
	}
	return out
}
