package sdk

import "strings"

// Response is the body of every DataForSEO response: an envelope around one
// task per task of the request. D is the type of a task's data (the request
// echoed), R the type of its results. The generated code declares one per
// operation, e.g.
//
//	type ReferringDomainsLiveResponse = sdk.Response[ReferringDomainsLiveData, ReferringDomainsResult]
//
// A decoded response re-encodes to equal JSON: null stays null.
type Response[D, R any] struct {
	Version       string       `json:"version"`        // the API's version, e.g. "0.1.20240422"
	StatusCode    int          `json:"status_code"`    // the general status code: 20000 when the request was processed
	StatusMessage string       `json:"status_message"` // the message of StatusCode
	Time          string       `json:"time"`           // the execution time, e.g. "0.1566 sec."
	Cost          float64      `json:"cost"`           // the cost of all tasks, USD
	TasksCount    int          `json:"tasks_count"`    // the number of tasks
	TasksError    int          `json:"tasks_error"`    // the number of tasks that failed
	Tasks         []Task[D, R] `json:"tasks"`          // one per task of the request
}

// Task is one task of a Response: its status, cost, the request data it
// echoes, and its results.
type Task[D, R any] struct {
	ID            string   `json:"id"`             // the task's id (a UUID)
	StatusCode    int      `json:"status_code"`    // the task's status code: 20000 when it succeeded
	StatusMessage string   `json:"status_message"` // the message of StatusCode
	Time          string   `json:"time"`           // the execution time, e.g. "0.0989 sec."
	Cost          float64  `json:"cost"`           // the cost of the task, USD
	ResultCount   int      `json:"result_count"`   // the number of results
	Path          []string `json:"path"`           // the endpoint's path, split: ["v3", "backlinks", ...]
	Data          D        `json:"data"`           // the task as it was set, with the API and function
	Result        []R      `json:"result"`         // the results; nil when the task failed
}

// IsOK reports whether code is a success status code (20000 "Ok.",
// 20100 "Task Created.").
func IsOK(code int) bool { return code >= 20000 && code < 30000 }

// OK reports whether the task succeeded.
func (t *Task[D, R]) OK() bool { return t != nil && IsOK(t.StatusCode) }

// Err returns the task's error as an *Error, or nil when it succeeded.
func (t *Task[D, R]) Err() error {
	if t == nil || IsOK(t.StatusCode) {
		return nil
	}
	return &Error{HTTPStatus: 200, Code: t.StatusCode, Message: t.StatusMessage, TaskID: t.ID, Path: taskPath(t.Path)}
}

// Results returns the results of the tasks that succeeded, in order. It
// returns nil for a nil Response or one without successful results.
func (r *Response[D, R]) Results() []R {
	if r == nil || !IsOK(r.StatusCode) {
		return nil
	}
	n := 0
	for i := range r.Tasks {
		if r.Tasks[i].OK() {
			n += len(r.Tasks[i].Result)
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]R, 0, n)
	for i := range r.Tasks {
		if r.Tasks[i].OK() {
			out = append(out, r.Tasks[i].Result...)
		}
	}
	return out
}

// FirstResult returns the first result of the first task that succeeded
// with a result, for the common one-task, one-result call.
func (r *Response[D, R]) FirstResult() (R, bool) {
	if r != nil && IsOK(r.StatusCode) {
		for i := range r.Tasks {
			if r.Tasks[i].OK() && len(r.Tasks[i].Result) > 0 {
				return r.Tasks[i].Result[0], true
			}
		}
	}
	var zero R
	return zero, false
}

// Err returns the errors r's status codes report: an *Error when the
// envelope failed, a *TaskErrors when some tasks failed, nil otherwise.
// Client calls return the same errors; Err is for responses decoded by other
// means.
func (r *Response[D, R]) Err() error {
	if r == nil {
		return nil
	}
	path := ""
	if len(r.Tasks) > 0 {
		path = taskPath(r.Tasks[0].Path)
	}
	st := wireStatus{code: r.StatusCode, message: r.StatusMessage}
	for i := range r.Tasks {
		t := &r.Tasks[i]
		st.tasks = append(st.tasks, taskStatus{id: t.ID, code: t.StatusCode, message: t.StatusMessage})
	}
	return statusError(st, 200, path)
}

// taskPath turns a task's path ["v3", "backlinks", ...] into
// "/v3/backlinks/...".
func taskPath(p []string) string {
	if len(p) == 0 {
		return ""
	}
	return "/" + strings.Join(p, "/")
}
