package sdk

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// The classes of errors, for errors.Is. An *Error matches the class of its
// status code (see the status-code table in statuscodes_gen.go, generated
// from spec/status-codes.tsv), or of its HTTP status when the body has no
// failing status code.
var (
	// ErrAuthentication: the login or password is wrong (40100, HTTP 401).
	ErrAuthentication = errors.New("dataforseo: authentication failed")
	// ErrPayment: the account balance is too low (40200, HTTP 402).
	ErrPayment = errors.New("dataforseo: payment required")
	// ErrAccountBlocked: the account is blocked for suspicious activity (40201).
	ErrAccountBlocked = errors.New("dataforseo: account blocked")
	// ErrRateLimit: too many calls per minute (40202, HTTP 429).
	ErrRateLimit = errors.New("dataforseo: rate limit exceeded")
	// ErrAccountLimit: a limit set in the account's API settings was reached:
	// the cost limit (40203) or a duplicate-task limit (40205, 40206).
	ErrAccountLimit = errors.New("dataforseo: account limit exceeded")
	// ErrAccessDenied: the plan does not include this API, or the IP is not
	// whitelisted (40204, 40207, HTTP 403).
	ErrAccessDenied = errors.New("dataforseo: access denied")
	// ErrInvalidRequest: the request breaks a rule (400xx, 405xx, HTTP 400);
	// client-side *ValidationError values match it too.
	ErrInvalidRequest = errors.New("dataforseo: invalid request")
	// ErrNotFound: the path, task or data does not exist or has expired
	// (404xx, HTTP 404).
	ErrNotFound = errors.New("dataforseo: not found")
	// ErrNoResults: the task found no results (40102).
	ErrNoResults = errors.New("dataforseo: no results")
	// ErrTaskPending: the task is not done yet (40601, 40602).
	ErrTaskPending = errors.New("dataforseo: task pending")
	// ErrServer: the API or a service behind it failed (5xxxx, 40101, 40103,
	// HTTP 5xx, a 2xx response without a readable status).
	ErrServer = errors.New("dataforseo: server error")
	// ErrBudgetExceeded: the client's budget (WithBudget) is spent; no
	// request was sent. The error is a *BudgetError.
	ErrBudgetExceeded = errors.New("dataforseo: budget exceeded")
)

// Error is a failed call, envelope or task: whatever failed, the HTTP status,
// the API's status code and message, the task and the endpoint. It matches
// its class (ErrAuthentication, ErrRateLimit, ...) with errors.Is, and
// unwraps to the underlying transport or decoding error, if any.
type Error struct {
	// HTTPStatus is the HTTP status of the response, 0 when none arrived.
	HTTPStatus int
	// Code is the status_code of the envelope or the task, 0 when the body
	// had none.
	Code int
	// Message is the status_message, or a description of the failure.
	Message string
	// TaskID is the id of the failed task, "" for an envelope- or HTTP-level
	// failure.
	TaskID string
	// Path is the endpoint, e.g. "/v3/backlinks/referring_domains/live".
	Path string
	// Header holds the response headers of an HTTP- or envelope-level
	// failure (nil for a task's failure or when no response arrived).
	Header http.Header
	// Body is the start of the response body (at most 2 KiB) of an HTTP-
	// or envelope-level failure: the HTML of a gateway's 502, say.
	Body []byte
	// Err is the underlying transport or decoding error, if any.
	Err error

	// maybeCharged: the request was sent and no answer with a readable
	// cost came back (see MaybeCharged).
	maybeCharged bool
}

// MaybeCharged reports whether the failed call may have been run (and
// charged) by the API all the same: the request was written and what came
// back, if anything, has no readable cost (a broken connection after the
// request was sent, a gateway's 502 or 504, a body cut short). Such a call
// is never retried. For a task_post, the tasks may exist: RunTasks looks
// for them in tasks_ready by their tags.
func (e *Error) MaybeCharged() bool { return e != nil && e.maybeCharged }

// Error describes the failure, e.g. "dataforseo: /v3/backlinks/referring_domains/live:
// task 0929...: status 40501: Invalid Field.".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("dataforseo: ")
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	if e.TaskID != "" {
		b.WriteString("task ")
		b.WriteString(e.TaskID)
		b.WriteString(": ")
	}
	switch {
	case e.Code != 0:
		b.WriteString("status ")
		b.WriteString(strconv.Itoa(e.Code))
		if e.HTTPStatus != 0 && e.HTTPStatus != 200 {
			b.WriteString(" (HTTP " + strconv.Itoa(e.HTTPStatus) + ")")
		}
		b.WriteString(": ")
	case e.HTTPStatus != 0:
		b.WriteString("HTTP " + strconv.Itoa(e.HTTPStatus) + ": ")
	}
	msg := e.Message
	if msg == "" && e.Code != 0 {
		msg = StatusText(e.Code)
	}
	b.WriteString(msg)
	if e.Err != nil {
		if msg != "" {
			b.WriteString(": ")
		}
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying transport or decoding error, if any.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether target is e's class.
func (e *Error) Is(target error) bool {
	c := e.Class()
	return c != nil && c == target
}

// Class returns the class of e (ErrAuthentication, ErrRateLimit, ...), or nil
// for a failure without one, such as a connection error.
func (e *Error) Class() error {
	if c := classOfCode(e.Code); c != nil {
		return c
	}
	return classOfHTTP(e.HTTPStatus)
}

// TaskErrors is returned by a call in which some tasks failed: the response
// is decoded, the successful tasks' results are usable, and Errors holds one
// *Error per failed task. errors.Is and errors.As see each of them.
type TaskErrors struct {
	// Tasks is the number of tasks in the response.
	Tasks int
	// Errors holds the failed tasks, in order.
	Errors []*Error
}

// Error names how many tasks failed and the first failure.
func (e *TaskErrors) Error() string {
	if len(e.Errors) == 0 {
		return "dataforseo: no task failed"
	}
	s := fmt.Sprintf("dataforseo: %d of %d tasks failed: %s", len(e.Errors), e.Tasks,
		strings.TrimPrefix(e.Errors[0].Error(), "dataforseo: "))
	if len(e.Errors) > 1 {
		s += fmt.Sprintf(" (and %d more)", len(e.Errors)-1)
	}
	return s
}

// Unwrap returns the task errors, for errors.Is and errors.As.
func (e *TaskErrors) Unwrap() []error {
	errs := make([]error, len(e.Errors))
	for i, te := range e.Errors {
		errs[i] = te
	}
	return errs
}

// BudgetError is returned, before any request is sent, by a call that a
// budget (WithBudget) cannot admit; see Client for the rule. It matches
// ErrBudgetExceeded with errors.Is.
type BudgetError struct {
	Scope    string  // "client" (WithBudget given to NewClient) or "call"
	Budget   float64 // the budget, USD
	Spent    float64 // what the budget counted when the call was refused, USD
	Estimate float64 // the call's estimated cost, USD (0: none known)
	Unknown  int     // calls whose cost could not be read, which block the budget
	Reason   string  // why the call was refused
}

// Error names the budget, the spending and the reason.
func (e *BudgetError) Error() string {
	scope := e.Scope
	if scope == "" {
		scope = "client"
	}
	s := fmt.Sprintf("dataforseo: budget exceeded: %s budget %.4f USD, counted %.4f USD", scope, e.Budget, e.Spent)
	if e.Estimate > 0 {
		s += fmt.Sprintf(", this call estimated at %.4f USD", e.Estimate)
	}
	if e.Reason != "" {
		s += ": " + e.Reason
	}
	return s + "; no request sent"
}

// Is reports whether target is ErrBudgetExceeded.
func (e *BudgetError) Is(target error) bool { return target == ErrBudgetExceeded }

// maxMessage bounds the status messages an *Error keeps from the server.
const maxMessage = 512

// wireStatus is the statuses of a response: the envelope's and its tasks'.
type wireStatus struct {
	code    int
	message string
	tasks   []taskStatus
}

type taskStatus struct {
	id      string
	code    int
	message string
}

// statusError builds the error the status codes of a response report: nil
// when the envelope and every task succeeded.
func statusError(st wireStatus, httpStatus int, path string) error {
	code, msg := st.code, truncate(st.message, maxMessage)
	if httpStatus/100 != 2 || !IsOK(code) {
		if msg == "" && code == 0 {
			msg = http.StatusText(httpStatus)
			if httpStatus/100 == 2 {
				msg = "the response has no status_code"
			}
		}
		return &Error{HTTPStatus: httpStatus, Code: code, Message: msg, Path: path}
	}
	var failed []*Error
	for _, t := range st.tasks {
		if !IsOK(t.code) {
			failed = append(failed, &Error{HTTPStatus: httpStatus, Code: t.code, Message: truncate(t.message, maxMessage),
				TaskID: truncate(t.id, 64), Path: path})
		}
	}
	if failed == nil {
		return nil
	}
	return &TaskErrors{Tasks: len(st.tasks), Errors: failed}
}
