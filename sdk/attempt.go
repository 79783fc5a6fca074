package sdk

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptrace"
	"strings"
	"sync/atomic"
	"time"
)

const levelDebug = slog.LevelDebug

// attempt sends the request once and reads the answer, under the
// concurrency, budget and rate limits, in that order.
func (c *Client) attempt(ctx context.Context, call Call, body []byte, n int, out any, cc *callConfig, num int) outcome {
	if err := c.limits.acquire(ctx); err != nil {
		return outcome{err: &Error{Path: call.Path, Message: "waiting for the concurrency limit", Err: err}}
	}
	res, err := c.ledger.admit(ctx, call.Endpoint, n, cc.scope, call.Free)
	if err != nil {
		c.limits.release()
		var be *BudgetError
		if errors.As(err, &be) {
			return outcome{err: err}
		}
		return outcome{err: &Error{Path: call.Path, Message: "waiting for the calls in flight under the budget", Err: err}}
	}
	if err := c.limits.wait(ctx, c.clock); err != nil {
		c.limits.release()
		c.ledger.finish(res, 0, true, -1)
		return outcome{err: &Error{Path: call.Path, Message: "waiting for the rate limit", Err: err}}
	}
	start := c.clock.now()
	resp, data, wrote, err := c.roundTrip(ctx, call, body, cc)
	c.limits.release()
	if cc.raw != nil {
		*cc.raw = RawResponse{Body: data}
		if resp != nil {
			cc.raw.StatusCode, cc.raw.Header = resp.StatusCode, resp.Header.Clone()
		}
	}
	if err != nil && resp == nil {
		// Not fully written: the API cannot have processed the request.
		// Refused redirects are answers that did not reach the API either.
		// Anything else after writing may have been processed and charged.
		notSent := !wrote || errors.Is(err, errRedirect)
		c.ledger.finish(res, 0, notSent, -1)
		c.debug(ctx, "dataforseo attempt", "method", call.Method, "path", call.Path, "attempt", num,
			"duration", c.clock.now().Sub(start), "error", err.Error())
		e := &Error{Path: call.Path, Message: "request failed", Err: err}
		if !notSent {
			e.Message, e.maybeCharged = "request failed after it was sent; it may have been charged", true
		}
		return outcome{err: e, retry: !wrote && ctx.Err() == nil && transient(err)}
	}
	h := c.handle(resp, data, err, call.Path, out, n)
	if he, ok := h.err.(*Error); ok && !h.cost.known {
		he.maybeCharged = true // an envelope- or HTTP-level failure without a readable cost
	}
	c.ledger.finish(res, h.cost.total, h.cost.known, h.cost.perTask)
	c.debug(ctx, "dataforseo attempt", "method", call.Method, "path", call.Path, "attempt", num,
		"http_status", resp.StatusCode, "status_code", h.code, "cost", h.cost.total, "cost_known", h.cost.known,
		"duration", c.clock.now().Sub(start), "retry", h.retry)
	return h.outcome
}

// errRedirect refuses a redirect to another origin.
var errRedirect = errors.New("redirect to another scheme, host or port refused: the credentials go only to the base URL")

// checkRedirect allows a redirect only to the origin (scheme, host and
// port) of the first request, so the credentials never go elsewhere, and
// at most 10 of them.
func checkRedirect(next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		if origin(req.URL.Scheme, req.URL.Host) != origin(via[0].URL.Scheme, via[0].URL.Host) {
			return errRedirect
		}
		if next != nil {
			return next(req, via)
		}
		return nil
	}
}

// origin is scheme://host:port with the scheme's default port made
// explicit.
func origin(scheme, host string) string {
	scheme = strings.ToLower(scheme)
	h, port, err := net.SplitHostPort(host)
	if err != nil {
		h, port = host, map[string]string{"https": "443", "http": "80"}[scheme]
	}
	return scheme + "://" + strings.ToLower(h) + ":" + port
}

// errHeaderTimeout ends an attempt whose response headers are late.
type errHeaderTimeout struct{ d time.Duration }

func (e errHeaderTimeout) Error() string {
	return fmt.Sprintf("no response headers within %v (WithResponseHeaderTimeout)", e.d)
}

// Unwrap makes errors.Is see a deadline.
func (errHeaderTimeout) Unwrap() error { return context.DeadlineExceeded }

// roundTrip sends one request and reads the response body, at most
// cc.maxBody bytes after decompression. wrote reports whether the request
// was fully written. A response that arrived but whose body could not be
// read whole comes with its error.
func (c *Client) roundTrip(ctx context.Context, call Call, body []byte, cc *callConfig) (*http.Response, []byte, bool, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	ctx, cancelTimeout := context.WithTimeoutCause(ctx, cc.timeout, fmt.Errorf("the attempt took longer than %v (WithTimeout): %w", cc.timeout, context.DeadlineExceeded))
	defer cancelTimeout()
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
	req, err := http.NewRequestWithContext(ctx, call.Method, c.base+call.Path, rd)
	if err != nil {
		return nil, nil, false, err
	}
	for k, v := range cc.header {
		req.Header[k] = v
	}
	req.Header.Set("Authorization", c.creds.header)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	c.logRequest(ctx, req, body)
	headerTimer := time.AfterFunc(c.headerTimeout, func() { cancel(errHeaderTimeout{c.headerTimeout}) })
	resp, err := c.http.Do(req)
	headerTimer.Stop()
	if err != nil {
		return nil, nil, wrote.Load(), withCause(ctx, err)
	}
	defer resp.Body.Close()
	data, err := readBody(resp, cc.maxBody)
	c.logResponse(ctx, resp, data)
	if err != nil {
		return resp, data, true, withCause(ctx, err)
	}
	return resp, data, true, nil
}

// withCause adds to err why the attempt's context ended, if it did.
func withCause(ctx context.Context, err error) error {
	if cause := context.Cause(ctx); cause != nil && !errors.Is(err, cause) {
		return fmt.Errorf("%w: %w", err, cause)
	}
	return err
}

// errTooLarge is a body beyond WithMaxResponseBytes.
type errTooLarge struct{ limit int64 }

func (e errTooLarge) Error() string {
	return fmt.Sprintf("the response body exceeds the %d-byte limit (WithMaxResponseBytes)", e.limit)
}

// readBody reads at most limit bytes of the body, decompressing a gzip
// body the transport left compressed, and counting the bytes after
// decompression.
func readBody(resp *http.Response, limit int64) ([]byte, error) {
	if resp.ContentLength > limit && !strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
		return nil, errTooLarge{limit}
	}
	if !resp.Uncompressed && strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, fmt.Errorf("reading the gzip response: %w", err)
		}
		defer zr.Close()
		return readLimited(zr, limit, -1)
	}
	return readLimited(resp.Body, limit, resp.ContentLength)
}

// The pieces readLimited reads a body of unknown length in (the usual
// case: the transport removes the API's gzip, and the length with it)
// start at firstChunk and double up to readChunk, so a small answer
// costs a small buffer.
const (
	firstChunk = 4 << 10
	readChunk  = 256 << 10
)

// readLimited reads r to its end, at most limit bytes (errTooLarge past
// them). A body of known length goes into one buffer of that size; one of
// unknown length into pieces joined once at the end, so the memory is
// about twice the body, not the sum of a doubling buffer's copies.
func readLimited(r io.Reader, limit, length int64) ([]byte, error) {
	if length >= 0 && length <= limit {
		buf := make([]byte, length, length+1)
		n, err := io.ReadFull(r, buf)
		switch {
		case err == io.ErrUnexpectedEOF || (err == io.EOF && length > 0):
			return buf[:n], fmt.Errorf("reading the response: %w", io.ErrUnexpectedEOF)
		case err != nil && err != io.EOF:
			return buf[:n], fmt.Errorf("reading the response: %w", err)
		}
		// A body longer than announced is cut by the transport; nothing to do.
		return buf, nil
	}
	var pieces [][]byte
	total := int64(0)
	for {
		piece := make([]byte, min(firstChunk<<min(len(pieces), 6), readChunk, limit+1-total))
		n, err := io.ReadFull(r, piece)
		total += int64(n)
		if n > 0 {
			pieces = append(pieces, piece[:n])
		}
		if total > limit {
			return pieces[0], errTooLarge{limit} // the start is enough to tell what it was
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return joinPieces(pieces, total), nil
		}
		if err != nil {
			return joinPieces(pieces, total), fmt.Errorf("reading the response: %w", err)
		}
	}
}

// joinPieces concatenates the pieces, at most n bytes.
func joinPieces(pieces [][]byte, n int64) []byte {
	if len(pieces) == 1 {
		return pieces[0][:min(int64(len(pieces[0])), n)]
	}
	out := make([]byte, 0, n)
	for _, p := range pieces {
		out = append(out, p[:min(int64(len(p)), n-int64(len(out)))]...)
	}
	return out
}

// transient reports whether a connection failure may go away: not a
// certificate the client rejects, a host name that does not exist, or a
// refused redirect.
func transient(err error) bool {
	var certErr *tls.CertificateVerificationError
	if errors.As(err, &certErr) || errors.Is(err, errRedirect) {
		return false
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return !dnsErr.IsNotFound
	}
	return true
}

// logRequest logs a request's headers (Authorization redacted) and body
// when WithLogBodies is on.
func (c *Client) logRequest(ctx context.Context, req *http.Request, body []byte) {
	if c.logBodies == 0 || c.log == nil || !c.log.Enabled(ctx, levelDebug) {
		return
	}
	h := req.Header.Clone()
	h.Set("Authorization", "[redacted]")
	c.log.DebugContext(ctx, "dataforseo request", "method", req.Method, "url", req.URL.String(),
		"header", fmt.Sprint(h), "body", truncate(string(body), c.logBodies))
}

// logResponse logs a response's headers and body when WithLogBodies is on.
func (c *Client) logResponse(ctx context.Context, resp *http.Response, body []byte) {
	if c.logBodies == 0 || c.log == nil || !c.log.Enabled(ctx, levelDebug) {
		return
	}
	c.log.DebugContext(ctx, "dataforseo response", "status", resp.StatusCode,
		"header", fmt.Sprint(resp.Header), "body", truncate(string(body), c.logBodies))
}
