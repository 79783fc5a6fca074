package sdk

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"time"
)

// Call is one call to an endpoint, as the generated methods describe it to
// Client.Do.
type Call struct {
	// Method is http.MethodPost or http.MethodGet.
	Method string
	// Endpoint is the path template, e.g. "/v3/backlinks/referring_domains/live"
	// or "/v3/serp/google/organic/task_get/advanced/{id}". The client keeps
	// its cost estimates per endpoint.
	Endpoint string
	// Path is the path with its parameters filled in; "" means Endpoint.
	Path string
	// Tasks is the request body of a POST: a slice (or array) of 1 to
	// MaxTasks tasks, or a json.RawMessage holding a JSON array of them. A
	// GET has none.
	Tasks any
	// Free says that the docs give the endpoint's cost as 0 (tasks_ready,
	// task_get, locations, ...; the generated methods set it from the
	// documented answers). Under a budget, a free call is sent even when
	// the budget is spent or blocked by a cost that could not be read:
	// collecting paid-for results costs nothing. Until an answer of the
	// endpoint has confirmed that it costs nothing, one such call at a time
	// is in flight; an answer with a cost is counted as any other, and the
	// endpoint is no longer taken as free.
	Free bool
}

// callConfig is the configuration of one call: the client's settings
// overridden by the call's options.
type callConfig struct {
	settings
	budget   float64 // 0: none
	raw      *RawResponse
	maxPages int
	scope    *budget // a budget shared by the pages of an iterator
	poll     polling // WithPollInterval, for RunTasks
	errs     []error
}

func (c *callConfig) fail(format string, args ...any) {
	c.errs = append(c.errs, fmt.Errorf("dataforseo: "+format, args...))
}

// callConfigOf applies opts over the client's settings.
func (c *Client) callConfigOf(opts []CallOption) (*callConfig, error) {
	cc := &callConfig{settings: c.settings} // WithHeader copies the header before adding to it
	for _, o := range opts {
		if o != nil {
			o.applyCall(cc)
		}
	}
	if len(cc.errs) > 0 {
		return nil, errors.Join(cc.errs...)
	}
	return cc, nil
}

var (
	errNilClient  = errors.New("dataforseo: the *sdk.Client is nil: create it with sdk.NewClient")
	errNilContext = errors.New("dataforseo: the context is nil: pass context.Background() or a request's context")
)

// Post sends tasks, JSON-encoded, to the endpoint path (e.g.
// "/v3/backlinks/referring_domains/live") and decodes the response into out,
// normally a *Response[D, R] (any other pointer works; nil discards the
// body). tasks is a slice of 1 to MaxTasks tasks, usually generated request
// structs, each validated first (see WithValidation). See Client for
// retries, budgets and errors: out holds the decoded response also when the
// error is a *TaskErrors or a *DecodeError.
func (c *Client) Post(ctx context.Context, path string, tasks any, out any, opts ...CallOption) error {
	return c.Do(ctx, Call{Method: http.MethodPost, Endpoint: path, Tasks: tasks}, out, opts...)
}

// Get calls the endpoint path with GET (e.g. "/v3/appendix/user_data") and
// decodes the response into out, like Post.
func (c *Client) Get(ctx context.Context, path string, out any, opts ...CallOption) error {
	return c.Do(ctx, Call{Method: http.MethodGet, Endpoint: path}, out, opts...)
}

// Do runs one call: it checks and encodes the tasks, waits for the rate,
// concurrency and budget limits, sends the request (again, for failures
// that cannot have been charged), and decodes the response into out. See
// Post.
func (c *Client) Do(ctx context.Context, call Call, out any, opts ...CallOption) error {
	if c == nil {
		return errNilClient
	}
	if ctx == nil {
		return errNilContext
	}
	if call.Path == "" {
		call.Path = call.Endpoint
	}
	if err := checkCall(call, out); err != nil {
		return err
	}
	cc, err := c.callConfigOf(opts)
	if err != nil {
		return err
	}
	body, n, err := c.encodeTasks(call)
	if err != nil {
		return err
	}
	if cc.scope == nil && cc.budget > 0 {
		cc.scope = &budget{scope: "call", limit: cc.budget}
	}
	return c.run(ctx, call, body, n, out, cc)
}

func checkCall(call Call, out any) error {
	switch {
	case call.Method != http.MethodPost && call.Method != http.MethodGet:
		return fmt.Errorf("dataforseo: the method %q is neither POST nor GET", call.Method)
	case !strings.HasPrefix(call.Path, "/") || !strings.HasPrefix(call.Endpoint, "/"):
		return fmt.Errorf("dataforseo: the path %q does not start with /", call.Path)
	case call.Method == http.MethodGet && call.Tasks != nil:
		return fmt.Errorf("dataforseo: GET %s takes no tasks", call.Path)
	}
	if out != nil {
		if v := reflect.ValueOf(out); v.Kind() != reflect.Pointer || v.IsNil() {
			return fmt.Errorf("dataforseo: out must be a non-nil pointer, not %T", out)
		}
	}
	return nil
}

// encodeTasks checks the body of a POST (1 to MaxTasks tasks, each valid)
// and encodes it; it returns the number of tasks (1 for a GET, which the
// budget counts as one task).
func (c *Client) encodeTasks(call Call) ([]byte, int, error) {
	if call.Method == http.MethodGet {
		return nil, 1, nil
	}
	if raw, ok := call.Tasks.(json.RawMessage); ok {
		var tasks []json.RawMessage
		if err := json.Unmarshal(raw, &tasks); err != nil {
			return nil, 0, &ValidationError{Reason: "the request body must be a JSON array of tasks: " + err.Error()}
		}
		if err := checkTaskCount(len(tasks)); err != nil {
			return nil, 0, err
		}
		return raw, len(tasks), nil
	}
	rv := reflect.ValueOf(call.Tasks)
	if k := rv.Kind(); k != reflect.Slice && k != reflect.Array {
		return nil, 0, &ValidationError{Reason: fmt.Sprintf("the tasks are a %T; the request body is a JSON array of tasks: pass a slice, e.g. []T{task}", call.Tasks)}
	}
	if err := checkTaskCount(rv.Len()); err != nil {
		return nil, 0, err
	}
	if c.validate {
		if err := validateTasks(rv); err != nil {
			return nil, 0, err
		}
	}
	var buf bytes.Buffer
	if err := encodeNoEscape(&buf, call.Tasks); err != nil {
		return nil, 0, &Error{Path: call.Path, Message: "encoding the tasks", Err: err}
	}
	return buf.Bytes(), rv.Len(), nil
}

func checkTaskCount(n int) error {
	switch {
	case n == 0:
		return &ValidationError{Reason: "no tasks: a POST needs at least one (the API answers 40502)"}
	case n > MaxTasks:
		return &ValidationError{Reason: fmt.Sprintf("%d tasks: at most %d fit in one call (the API answers 40006 for the rest)", n, MaxTasks)}
	}
	return nil
}

// outcome is the result of one attempt.
type outcome struct {
	err        error
	retry      bool   // the request cannot have been charged
	retryAfter string // the server's Retry-After header, if any
}

// run runs the attempts of one call.
func (c *Client) run(ctx context.Context, call Call, body []byte, n int, out any, cc *callConfig) error {
	for attempt := 0; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return &Error{Path: call.Path, Message: "call not started", Err: err}
		}
		o := c.attempt(ctx, call, body, n, out, cc, attempt)
		if !o.retry {
			return o.err
		}
		if attempt >= cc.maxRetries {
			if cc.maxRetries == 0 {
				return o.err
			}
			return fmt.Errorf("%w (gave up after %d retries)", o.err, cc.maxRetries)
		}
		wait, why := c.retryWait(ctx, attempt, o.retryAfter)
		if why != "" {
			return fmt.Errorf("%w (not retried: %s)", o.err, why)
		}
		c.debug(ctx, "dataforseo retry", "path", call.Path, "attempt", attempt+1, "wait", wait, "error", o.err.Error())
		if err := c.clock.sleep(ctx, wait); err != nil {
			return fmt.Errorf("%w (gave up waiting to retry: %w)", o.err, err)
		}
	}
}

// retryWait returns the wait before retry number attempt, or why the call
// gives up instead: a Retry-After that cannot be read, asks for more than
// maxRetryAfter, or for more than the context has left.
func (c *Client) retryWait(ctx context.Context, attempt int, retryAfter string) (time.Duration, string) {
	wait := backoff(attempt, c.backoff, c.maxBackoff)
	if retryAfter != "" {
		d, err := parseRetryAfter(retryAfter, c.clock.now())
		switch {
		case err != nil:
			return 0, err.Error()
		case d > maxRetryAfter:
			return 0, fmt.Sprintf("the server asks to wait %v (Retry-After: %s), more than the %v the client waits", d, truncate(retryAfter, 40), maxRetryAfter)
		}
		wait = max(wait, d)
	}
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait { // deadlines are on the wall clock
		return 0, fmt.Sprintf("the wait of %v before retrying ends after the context's deadline", wait.Round(time.Millisecond))
	}
	return wait, ""
}

// debug logs at debug level, building the attributes only when wanted.
func (c *Client) debug(ctx context.Context, msg string, args ...any) {
	if c.log != nil && c.log.Enabled(ctx, levelDebug) {
		c.log.DebugContext(ctx, msg, args...)
	}
}
