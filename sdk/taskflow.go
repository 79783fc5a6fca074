package sdk

import (
	"context"
	"errors"
	"fmt"
	"iter"
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
	// Ready returns the ids of the tasks that are done (of every caller of
	// the account: RunTasks keeps its own).
	Ready func(ctx context.Context, opts ...CallOption) ([]string, error)
	// Get returns the result of a done task.
	Get func(ctx context.Context, id string, opts ...CallOption) (R, error)
	// Validate, when not nil, checks all the tasks before any is posted:
	// its error ends the walk before anything is sent (or paid for).
	Validate func(tasks []T) error
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
type PendingError struct {
	IDs []string // the posted tasks whose results were not collected, in task order
	Err error    // why the walk stopped
}

// Error names how many tasks are pending and why.
func (e *PendingError) Error() string {
	return fmt.Sprintf("dataforseo: %d posted tasks not collected (get them by id later): %v", len(e.IDs), e.Err)
}

// Unwrap returns why the walk stopped.
func (e *PendingError) Unwrap() error { return e.Err }

// The polling of RunTasks: the first wait for tasks_ready, and its cap;
// the wait doubles while no task of the walk is ready.
const (
	FlowFirstPoll = 2 * time.Second
	FlowMaxPoll   = 30 * time.Second
)

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
	order   []string              // the posted ids, in task order
	// failures counts the failed attempts to get a ready task (or, under
	// "", to list the ready ones) that a free call may retry.
	failures map[string]int
	clock    clock
	poll     polling
	stopped  bool // the loop broke
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
	if len(w.pending) > 0 {
		var ids []string
		for _, id := range w.order {
			if _, ok := w.pending[id]; ok {
				ids = append(ids, id)
			}
		}
		err = &PendingError{IDs: ids, Err: err}
	}
	w.yield(TaskResult[R]{}, err)
}

func (w *walk[T, R]) run(tasks []T) {
	for start := 0; start < len(tasks); start += MaxTasks {
		batch := tasks[start:min(start+MaxTasks, len(tasks))]
		posted, err := w.flow.Post(w.ctx, batch, w.opts...)
		if err != nil && len(posted) == 0 {
			w.fail(fmt.Errorf("posting tasks %d to %d: %w", start, start+len(batch)-1, err))
			return
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
			w.order = append(w.order, p.ID)
		}
	}
	wait := w.poll.first
	for len(w.pending) > 0 {
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
		ours := slices.DeleteFunc(slices.Clone(ready), func(id string) bool { _, ok := w.pending[id]; return !ok })
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

// ReadyIDs reads the ids of a tasks_ready response's results, for a
// TaskFlow's Ready: every result's id of every task that succeeded. id
// returns the id of one result.
func ReadyIDs[D, R any](resp *Response[D, R], id func(R) string) []string {
	var ids []string
	for _, r := range resp.Results() {
		if s := strings.TrimSpace(id(r)); s != "" {
			ids = append(ids, s)
		}
	}
	return ids
}
