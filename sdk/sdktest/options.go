package sdktest

import (
	"net/http"
	"time"
)

// The credentials a Server accepts unless WithCredentials says otherwise.
const (
	DefaultLogin    = "sdktest@example.com"
	DefaultPassword = "sdktest-password"
)

// Fault is how a Server departs from answering with the documented example.
// The zero Fault answers normally.
type Fault struct {
	// HTTPStatus answers with this HTTP status (0: 200) and an error
	// envelope (status_code from StatusCode, or one matching the HTTP
	// status).
	HTTPStatus int
	// RetryAfter sets the Retry-After header, in whole seconds (rounded up).
	RetryAfter time.Duration
	// StatusCode answers with an envelope failing with this status_code
	// (e.g. 40100, 40202) and no tasks (0: 20000).
	StatusCode int
	// TaskStatusCodes fails the tasks of the answer: tasks[i] gets
	// status_code TaskStatusCodes[i], no result and no cost; 0 (or a list
	// shorter than the tasks) leaves a task as documented.
	TaskStatusCodes []int
	// Delay waits before answering (or until the request is cancelled).
	Delay time.Duration
	// Malformed cuts the body in half, so it is not JSON.
	Malformed bool
}

// Option configures a Server.
type Option func(*config)

type config struct {
	login, password string
	every           Fault   // applied to every request the script does not cover
	script          []Fault // applied to the first requests, in order
	handlers        map[string]http.Handler
	readyAfter      func(QueuedTask) int // queue.go
	taskFailure     func(QueuedTask) int
}

func defaultConfig() config {
	return config{login: DefaultLogin, password: DefaultPassword}
}

// WithCredentials sets the login and password the server accepts (default
// DefaultLogin, DefaultPassword).
func WithCredentials(login, password string) Option {
	return func(c *config) { c.login, c.password = login, password }
}

// WithFault applies f to every request (those WithFaults scripts excepted).
// It replaces what WithStatusCode, WithTaskStatusCodes, WithHTTPStatus,
// WithDelay and WithMalformedBody set before it.
func WithFault(f Fault) Option {
	return func(c *config) { c.every = f }
}

// WithFaults scripts the first requests the server receives, on any path:
// the n-th gets faults[n-1]. Later requests get the WithFault fault. Several
// WithFaults and WithTooManyRequests options append to the script in order.
func WithFaults(faults ...Fault) Option {
	return func(c *config) { c.script = append(c.script, faults...) }
}

// WithStatusCode makes every answer an envelope failing with status_code
// code, e.g. 40100 (inside HTTP 200, as the API does).
func WithStatusCode(code int) Option {
	return func(c *config) { c.every.StatusCode = code }
}

// WithTaskStatusCodes fails tasks of every answer: tasks[i] gets status_code
// codes[i] (0 leaves it as documented).
func WithTaskStatusCodes(codes ...int) Option {
	return func(c *config) { c.every.TaskStatusCodes = codes }
}

// WithHTTPStatus answers every request with HTTP status and an error
// envelope.
func WithHTTPStatus(status int) Option {
	return func(c *config) { c.every.HTTPStatus = status }
}

// WithDelay delays every answer by d (an injected latency).
func WithDelay(d time.Duration) Option {
	return func(c *config) { c.every.Delay = d }
}

// WithMalformedBody answers every request with a body that is not JSON.
func WithMalformedBody() Option {
	return func(c *config) { c.every.Malformed = true }
}

// WithTooManyRequests answers the first n requests (after those scripted
// before it) with HTTP 429, status_code 40202 and a Retry-After header of
// retryAfter (rounded up to whole seconds).
func WithTooManyRequests(n int, retryAfter time.Duration) Option {
	return func(c *config) {
		for range n {
			c.script = append(c.script, Fault{HTTPStatus: http.StatusTooManyRequests, StatusCode: 40202, RetryAfter: retryAfter})
		}
	}
}

// WithHandler answers the requests for path with h instead of the
// documented example; they are still counted and their credentials
// checked.
func WithHandler(path string, h http.Handler) Option {
	return func(c *config) {
		if c.handlers == nil {
			c.handlers = map[string]http.Handler{}
		}
		c.handlers[path] = h
	}
}
