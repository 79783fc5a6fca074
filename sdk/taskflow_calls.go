package sdk

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"time"
)

// The pieces the generated task-flow helpers are built from: the polling
// option, the validation of a walk's tasks, and the reading of a task_get
// response.

// polling is how RunTasks waits for tasks_ready: the first wait, and the
// cap of its doubling.
type polling struct{ first, max time.Duration }

// WithPollInterval sets how RunTasks (and the generated ...Run methods)
// poll tasks_ready: first is the first wait (default FlowFirstPoll), which
// doubles up to max (default FlowMaxPoll) while none of the walk's tasks
// is ready. first must be above 0 and max at least first. Each poll is one
// free call under the client's rate limit. Tests against sdktest use a few
// milliseconds; tasks of a low priority may wait longer. Other calls
// ignore it.
func WithPollInterval(first, max time.Duration) CallOption {
	return callOption(func(c *callConfig) {
		if first <= 0 || max < first {
			c.fail("WithPollInterval(%v, %v): the first wait must be above 0 and the cap at least the first wait", first, max)
			return
		}
		c.poll = polling{first: first, max: max}
	})
}

// ValidateFlowTasks validates the tasks of a walk before any is posted,
// for a TaskFlow's Validate: each task's Validate, as a call of c would
// (naming the task by its index, "[3].keyword: ..."; none when c has
// WithValidation(false)), and postback, when not nil, must be false for
// each task: tasks_ready does not list a task whose result the API sends
// to its postback_url, so a walk would wait for it in vain. Such tasks are
// posted with the task_post method and collected by the callback.
func ValidateFlowTasks[T any](c *Client, tasks []T, postback func(*T) bool) error {
	if c == nil {
		return errNilClient
	}
	var errs []error
	if c.validate {
		errs = append(errs, validateTasks(reflect.ValueOf(tasks)))
	}
	if postback != nil {
		for i := range tasks {
			if postback(&tasks[i]) {
				errs = append(errs, &ValidationError{Field: "[" + strconv.Itoa(i) + "].postback_url",
					Reason: "tasks_ready does not list a task whose result goes to its postback_url: post it with task_post, or leave postback_url out (pingback_url is fine)"})
			}
		}
	}
	return errors.Join(errs...)
}

// TaskGetResult reads a task_get response, for a TaskFlow's Get: the
// first result of its task, with err (the task's *Error when it failed, a
// *DecodeError beside a result that did not fit everywhere). A task that
// succeeded without a result is an error matching ErrNoResults, so that no
// walk yields an empty result as if it were one.
func TaskGetResult[D, R any](resp *Response[D, R], err error) (R, error) {
	var te *TaskErrors
	if errors.As(err, &te) && te.Tasks == 1 && len(te.Errors) == 1 && err == error(te) {
		err = te.Errors[0] // the one task's failure, not "1 of 1 tasks failed"
	}
	r, ok := resp.FirstResult()
	if !ok && err == nil {
		id := ""
		if resp != nil && len(resp.Tasks) > 0 {
			id = resp.Tasks[0].ID
		}
		return r, fmt.Errorf("dataforseo: task %s succeeded without a result: %w", id, ErrNoResults)
	}
	return r, err
}
