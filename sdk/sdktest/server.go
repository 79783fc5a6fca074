// Package sdktest is a mock DataForSEO API for tests: a server on loopback
// that answers every operation of the OpenAPI spec with its documented
// example, checks Basic authentication, validates request bodies against
// the spec, can inject failures (API error codes, HTTP statuses, delays,
// 429s with Retry-After, malformed bodies), and records what it received.
//
// The answer fits the request: one task per request task, echoing it,
// pages cut by limit and offset, and for a bulk task (targets) one item per
// target. The task flows keep a queue (see QueuedTask): a task posted to
// task_post gets a fresh id, tasks_ready lists it from its ReadyAfter-th
// poll on until task_get collects it, and task_get answers its result
// (the documented example with its id and echo), its failure, 40602 while
// it is not ready, or 40401 for an id the server never gave out. Whatever a request holds, the server answers it, with the API's
// error codes, never panicking, hanging or allocating without bound: a task
// whose limit or offset is not an integer from 0 to its documented maximum,
// whose filters hold more conditions than the docs allow, or whose values
// nest too deeply to validate in bounded time fails with 40501, and a body
// over 8 MiB gets HTTP 413. Should it panic all the same (or a WithHandler
// handler panic), it answers HTTP 500 and fails the test.
//
//	srv := sdktest.NewServer(t, sdktest.WithTaskStatusCodes(0, 40501))
//	client := srv.Client()
//	err := client.Post(ctx, "/v3/backlinks/referring_domains/live", tasks, &resp)
//	if srv.Count("") != 1 { ... }
package sdktest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime/debug"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dataforseo-go/dataforseo/sdk"
)

// Server is a mock DataForSEO API on loopback.
type Server struct {
	// URL is the server's base URL, e.g. "http://127.0.0.1:34567".
	URL string

	srv     *httptest.Server
	t       testing.TB
	cfg     config
	catalog *catalog
	taskSeq atomic.Int64
	queue   *queue

	mu    sync.Mutex
	calls []Call
}

// Call is a request the server received.
type Call struct {
	Method    string    // the HTTP method
	Path      string    // the URL path, e.g. "/v3/backlinks/referring_domains/live"
	At        time.Time // when it arrived
	Body      []byte    // the request body (its first 8 MiB: the server reads no more)
	UserAgent string    // the User-Agent header (the other headers, credentials among them, are not kept)
}

// NewServer starts a server and closes it when the test ends. t may be nil
// (in an Example, say): then the caller closes it, and a failure to start
// panics.
func NewServer(t testing.TB, opts ...Option) *Server {
	if t != nil {
		t.Helper()
	}
	cat, err := loadCatalog()
	if err != nil {
		fatal(t, err)
	}
	s := &Server{t: t, cfg: defaultConfig(), catalog: cat}
	for _, o := range opts {
		if o != nil {
			o(&s.cfg)
		}
	}
	s.queue = newQueue(&s.cfg)
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL
	if t != nil {
		t.Cleanup(s.Close)
	}
	return s
}

func fatal(t testing.TB, err error) {
	if t == nil {
		panic(err)
	}
	t.Helper()
	t.Fatal(err)
}

// Close shuts the server down, waiting for the requests in progress.
func (s *Server) Close() { s.srv.Close() }

// Credentials returns the login and password the server accepts.
func (s *Server) Credentials() (login, password string) { return s.cfg.login, s.cfg.password }

// Client returns an *sdk.Client pointed at the server with its credentials.
// Unlike sdk.NewClient's defaults, it has no rate limit and retries after
// 1-10ms, so tests run fast; opts come after these and can change them.
func (s *Server) Client(opts ...sdk.Option) *sdk.Client {
	base := []sdk.Option{
		sdk.WithBaseURL(s.URL),
		sdk.WithCredentials(s.cfg.login, s.cfg.password),
		sdk.WithoutRateLimit(),
		sdk.WithBackoff(time.Millisecond, 10*time.Millisecond),
	}
	c, err := sdk.NewClient(append(base, opts...)...)
	if err != nil {
		fatal(s.t, err)
	}
	return c
}

// Calls returns the requests the server received, in order of arrival.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	calls := slices.Clone(s.calls)
	s.mu.Unlock()
	slices.SortStableFunc(calls, func(a, b Call) int { return a.At.Compare(b.At) })
	return calls
}

// Count returns how many requests the server received for path, or in
// all for "".
func (s *Server) Count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if path == "" {
		return len(s.calls)
	}
	n := 0
	for _, c := range s.calls {
		if c.Path == path {
			n++
		}
	}
	return n
}

// Paths returns the paths of the operations the server answers, sorted.
func (s *Server) Paths() []string {
	var paths []string
	for _, o := range s.catalog.ops {
		paths = append(paths, o.path)
	}
	return slices.Compact(paths)
}

// Example returns the documented example the server answers path with
// (before fitting it to the request), or nil for a path it does not know.
func (s *Server) Example(path string) []byte {
	for _, o := range s.catalog.ops {
		if o.path == path {
			if o.resolve() != nil {
				return nil
			}
			return slices.Clone(o.example)
		}
	}
	return nil
}

// record notes a request that arrived at at, and returns its number (from 1).
func (s *Server) record(r *http.Request, at time.Time, body []byte) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = append(s.calls, Call{Method: r.Method, Path: r.URL.Path, At: at, Body: body, UserAgent: r.UserAgent()})
	return len(s.calls)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	defer s.recoverPanic(w, r)
	at := time.Now()
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	var tooLarge *http.MaxBytesError
	if err != nil && !errors.As(err, &tooLarge) {
		http.Error(w, "reading the body", http.StatusBadRequest)
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	n := s.record(r, at, body)
	if login, password, ok := r.BasicAuth(); !ok || login != s.cfg.login || password != s.cfg.password {
		writeEnvelopeError(w, http.StatusUnauthorized, 40100, nil)
		return
	}
	if tooLarge != nil {
		writeEnvelopeError(w, http.StatusRequestEntityTooLarge, 40503, nil)
		return
	}
	if h, ok := s.cfg.handlers[r.URL.Path]; ok {
		h.ServeHTTP(w, r)
		return
	}
	fault := s.cfg.every
	if n <= len(s.cfg.script) {
		fault = s.cfg.script[n-1]
	}
	if fault.Delay > 0 {
		t := time.NewTimer(fault.Delay)
		select {
		case <-r.Context().Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
	if fault.RetryAfter > 0 {
		secs := (fault.RetryAfter + time.Second - 1) / time.Second
		w.Header().Set("Retry-After", fmt.Sprint(int64(secs)))
	}
	op, params, otherMethod := s.catalog.match(r.Method, r.URL.EscapedPath())
	var unservable error
	if op != nil {
		unservable = op.resolve()
	}
	switch {
	case fault.HTTPStatus != 0 && fault.HTTPStatus != http.StatusOK:
		writeEnvelopeError(w, fault.HTTPStatus, fault.StatusCode, &fault)
	case op == nil && otherMethod:
		writeEnvelopeError(w, http.StatusMethodNotAllowed, 40400, nil)
	case op == nil:
		writeEnvelopeError(w, http.StatusNotFound, 40400, nil)
	case unservable != nil:
		// A catalog that does not load: a bug of the generator.
		if s.t != nil {
			s.t.Errorf("%v", unservable)
		}
		writeJSON(w, http.StatusInternalServerError, errorEnvelope(50000, unservable.Error()), false)
	case fault.StatusCode != 0:
		writeEnvelopeError(w, http.StatusOK, fault.StatusCode, &fault)
	case s.answerFlow(w, r, op, params, &fault):
		// tasks_ready and task_get answer from the queue (queue.go).
	default:
		s.answer(w, r, op, params, body, &fault)
	}
}

// recoverPanic is the last line of defence: a panic while serving r (a
// bug of the server, or of a WithHandler handler) answers HTTP 500 with an
// envelope naming it, and fails the test. http.ErrAbortHandler still aborts
// the answer, as net/http documents.
func (s *Server) recoverPanic(w http.ResponseWriter, r *http.Request) {
	p := recover()
	if p == nil {
		return
	}
	if p == http.ErrAbortHandler {
		panic(p)
	}
	msg := fmt.Sprintf("sdktest: panic serving %s %s: %v", r.Method, r.URL.Path, p)
	if s.t != nil {
		s.t.Errorf("%s\n%s", msg, debug.Stack())
	}
	writeJSON(w, http.StatusInternalServerError, errorEnvelope(50000, msg), false)
}

// writeEnvelopeError writes an envelope failing with code (or, for 0, the
// code that matches the HTTP status) and no tasks.
func writeEnvelopeError(w http.ResponseWriter, status, code int, f *Fault) {
	if code == 0 {
		code = codeForHTTP(status)
	}
	writeJSON(w, status, errorEnvelope(code, message(code)), f != nil && f.Malformed)
}

// errorEnvelope is an envelope failing with code and no tasks.
func errorEnvelope(code int, msg string) map[string]any {
	return map[string]any{
		"version": "0.1.sdktest", "status_code": code, "status_message": msg,
		"time": "0.0010 sec.", "cost": 0, "tasks_count": 0, "tasks_error": 0, "tasks": nil,
	}
}

func codeForHTTP(status int) int {
	switch {
	case status == http.StatusUnauthorized:
		return 40100
	case status == http.StatusPaymentRequired:
		return 40200
	case status == http.StatusForbidden:
		return 40204
	case status == http.StatusNotFound:
		return 40400
	case status == http.StatusTooManyRequests:
		return 40202
	case status >= 500:
		return 50000
	}
	return 40503
}

func message(code int) string {
	if m := sdk.StatusText(code); m != "" {
		return m
	}
	return "Error."
}

// writeJSON writes v, cut in half when malformed.
func writeJSON(w http.ResponseWriter, status int, v any, malformed bool) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		http.Error(w, "sdktest: encoding the answer: "+err.Error(), http.StatusInternalServerError)
		return
	}
	b := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	if malformed {
		b = b[:len(b)/2]
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(b)
}

// newTaskID returns a task id in the API's format, unique per server.
func (s *Server) newTaskID() string {
	n := s.taskSeq.Add(1)
	return fmt.Sprintf("%08d-1535-0000-0000-%012x", n%100000000, n)
}
