package sdk

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptrace"
	"reflect"
	"strings"
	"sync/atomic"
	"time"
)

// Post sends tasks, JSON-encoded, to the endpoint path (e.g.
// "/v3/backlinks/referring_domains/live") and decodes the response into out,
// normally a *Response[D, R] (any other pointer works, at the cost of a
// second decoding for the status codes; nil discards the body). tasks is
// usually a slice of generated request structs; each is validated first
// (see WithValidation). See Client for retries and errors: out holds the
// decoded response also when the error is a *TaskErrors or a *DecodeError.
func (c *Client) Post(ctx context.Context, path string, tasks any, out any) error {
	if err := checkCall(path, out); err != nil {
		return err
	}
	if c.validate {
		if err := validateTasks(tasks); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	if err := encodeNoEscape(&buf, tasks); err != nil {
		return &Error{Path: path, Message: "encoding the tasks", Err: err}
	}
	return c.call(ctx, http.MethodPost, path, buf.Bytes(), out)
}

// Get calls the endpoint path with GET (e.g. "/v3/appendix/user_data") and
// decodes the response into out, like Post.
func (c *Client) Get(ctx context.Context, path string, out any) error {
	if err := checkCall(path, out); err != nil {
		return err
	}
	return c.call(ctx, http.MethodGet, path, nil, out)
}

func checkCall(path string, out any) error {
	if !strings.HasPrefix(path, "/") {
		return fmt.Errorf("dataforseo: the path %q does not start with /", path)
	}
	if out != nil {
		if v := reflect.ValueOf(out); v.Kind() != reflect.Pointer || v.IsNil() {
			return fmt.Errorf("dataforseo: out must be a non-nil pointer, not %T", out)
		}
	}
	return nil
}

// outcome is the result of one attempt.
type outcome struct {
	err        error
	retry      bool          // the request cannot have been charged
	retryAfter time.Duration // the server's Retry-After, if any
}

// call runs the attempts of one call.
func (c *Client) call(ctx context.Context, method, path string, body []byte, out any) error {
	for attempt := 0; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return &Error{Path: path, Message: "call not started", Err: err}
		}
		if err := c.checkBudget(); err != nil {
			return err
		}
		o := c.attempt(ctx, method, path, body, out, attempt)
		if !o.retry || attempt >= c.maxRetries {
			return o.err
		}
		wait := max(backoff(attempt, c.backoff, c.maxBackoff), o.retryAfter)
		if o.retryAfter > maxRetryAfter {
			return o.err
		}
		if c.debugging(ctx) {
			c.log.LogAttrs(ctx, slog.LevelDebug, "dataforseo retry", slog.String("path", path),
				slog.Int("attempt", attempt+1), slog.Duration("wait", wait), slog.String("error", o.err.Error()))
		}
		if err := c.clock.sleep(ctx, wait); err != nil {
			return fmt.Errorf("%w (gave up waiting to retry: %w)", o.err, err)
		}
	}
}

// attempt sends the request once and reads the answer.
func (c *Client) attempt(ctx context.Context, method, path string, body []byte, out any, n int) outcome {
	if err := c.limits.acquire(ctx); err != nil {
		return outcome{err: &Error{Path: path, Message: "waiting for the rate or concurrency limit", Err: err}}
	}
	start := c.clock.now()
	resp, data, wrote, err := c.roundTrip(ctx, method, path, body)
	c.limits.release()
	if err != nil {
		if c.debugging(ctx) {
			c.log.LogAttrs(ctx, slog.LevelDebug, "dataforseo attempt", slog.String("path", path), slog.Int("attempt", n),
				slog.Duration("duration", c.clock.now().Sub(start)), slog.String("error", err.Error()))
		}
		// A request not fully written cannot have been processed; a failure
		// after that may have been, and the context's end is final.
		retry := !wrote && ctx.Err() == nil && transient(err)
		return outcome{err: &Error{Path: path, Message: "request failed", Err: err}, retry: retry}
	}
	o, code, cost := c.handle(resp, data, path, out)
	if c.debugging(ctx) {
		c.log.LogAttrs(ctx, slog.LevelDebug, "dataforseo attempt", slog.String("path", path), slog.Int("attempt", n),
			slog.Int("http_status", resp.StatusCode), slog.Int("status_code", code), slog.Float64("cost", cost),
			slog.Duration("duration", c.clock.now().Sub(start)), slog.Bool("retry", o.retry))
	}
	return o
}

// roundTrip sends one request and reads the whole response body. wrote
// reports whether the request was fully written.
func (c *Client) roundTrip(ctx context.Context, method, path string, body []byte) (*http.Response, []byte, bool, error) {
	if c.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.timeout)
		defer cancel()
	}
	var wrote atomic.Bool
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		WroteRequest: func(info httptrace.WroteRequestInfo) {
			if info.Err == nil {
				wrote.Store(true)
			}
		},
	})
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return nil, nil, false, err
	}
	req.Header.Set("Authorization", c.creds.header)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, nil, wrote.Load(), err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, nil, true, fmt.Errorf("reading the response: %w", err)
	}
	return resp, data, true, nil
}

// handle decodes a response into out and turns its statuses into an
// outcome; it also returns the status code and cost it read.
func (c *Client) handle(resp *http.Response, data []byte, path string, out any) (outcome, int, float64) {
	env, decodeErr := decodeResponse(data, out)
	retryAfter, hasRetryAfter := parseRetryAfter(resp.Header.Get("Retry-After"), c.clock.now())
	if env == nil {
		// The body is not a JSON envelope: judge by the HTTP status alone.
		e := &Error{HTTPStatus: resp.StatusCode, Path: path, Message: http.StatusText(resp.StatusCode)}
		if resp.StatusCode/100 == 2 {
			e.Message, e.Err = "malformed response body", decodeErr
		}
		return outcome{err: e, retry: retryableHTTP(resp.StatusCode), retryAfter: retryAfter}, 0, 0
	}
	code, _, cost := env.envelopeStatus()
	c.addSpent(cost)
	err := statusError(env, resp.StatusCode, path)
	retry := cost == 0 && (retryableHTTP(resp.StatusCode) || (resp.StatusCode/100 == 2 && retryableCode(code)))
	switch {
	case err == nil:
		err = decodeErr
	case decodeErr != nil:
		err = errors.Join(err, decodeErr)
	}
	if !hasRetryAfter {
		retryAfter = 0
	}
	return outcome{err: err, retry: retry, retryAfter: retryAfter}, code, cost
}

// decodeResponse decodes data into out leniently and returns the envelope
// to read the statuses from (nil when data is not a JSON object) and the
// decoding error: a *DecodeError when some values did not fit, the
// encoding/json error when the body is not JSON.
func decodeResponse(data []byte, out any) (envelope, error) {
	if env, ok := out.(envelope); ok {
		env.reset()
		err := Decode(data, env)
		if err != nil && !isDecodeError(err) {
			return nil, err
		}
		return env, err
	}
	var decodeErr error
	if out != nil {
		v := reflect.ValueOf(out).Elem()
		v.SetZero()
		decodeErr = Decode(data, out)
	}
	status := &statusOnly{}
	if err := Decode(data, status); err != nil && !isDecodeError(err) {
		return nil, err
	}
	if decodeErr != nil && !isDecodeError(decodeErr) {
		return status, fmt.Errorf("dataforseo: decoding the response into %T: %w", out, decodeErr)
	}
	return status, decodeErr
}

func isDecodeError(err error) bool {
	var de *DecodeError
	return errors.As(err, &de)
}

// debugging reports whether debug logs are wanted, so the attributes are
// built only then.
func (c *Client) debugging(ctx context.Context) bool {
	return c.log != nil && c.log.Enabled(ctx, slog.LevelDebug)
}

// transient reports whether a connection failure may go away: not a
// certificate the client rejects, nor a host name that does not exist.
func transient(err error) bool {
	var certErr *tls.CertificateVerificationError
	if errors.As(err, &certErr) {
		return false
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return !dnsErr.IsNotFound
	}
	return true
}
