package sdk

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"time"
)

// SetClock replaces the clock of c, for tests that check retry waits
// without waiting: sleep records the wait and returns at once.
func SetClock(c *Client, now func() time.Time, sleep func(ctx context.Context, d time.Duration) error) {
	c.clock = clock{now: now, sleep: sleep}
}

// Backoff exposes backoff.
var Backoff = backoff

// ParseRetryAfter exposes parseRetryAfter.
var ParseRetryAfter = parseRetryAfter

// HasWireProblem exposes hasWireProblem for a pointer.
func HasWireProblem(v any) bool { return hasWireProblem(reflect.ValueOf(v)) }

// Timeouts returns a client's attempt, response-header and connect
// timeouts (the last from its own transport).
func Timeouts(c *Client) (attempt, header, connect time.Duration) {
	if t, ok := c.http.Transport.(*http.Transport); ok {
		connect = t.TLSHandshakeTimeout
	}
	return c.timeout, c.headerTimeout, connect
}

// OnRateGrant sets a function the client's rate limiter calls with the
// time it gives each call (the reservation's time to act).
func OnRateGrant(c *Client, f func(at time.Time)) { c.limits.onGrant = f }

// Spacing exposes spacing.
var Spacing = spacing

// SetFlowClock replaces the clock RunTasks polls on, and returns a
// function that puts the real one back.
func SetFlowClock(now func() time.Time, sleep func(ctx context.Context, d time.Duration) error) func() {
	flowClock = clock{now: now, sleep: sleep}
	return func() { flowClock = realClock }
}

// MaybeChargedError returns an *Error whose MaybeCharged is true, as a
// call returns when its request was sent and no readable answer came back.
func MaybeChargedError(path string) *Error {
	return &Error{HTTPStatus: 502, Path: path, Message: "Bad Gateway", maybeCharged: true}
}

// DecodeReflect exposes decodeReflect: Decode without the fast decoder.
var DecodeReflect = decodeReflect

// DecodeFast decodes data into v, a pointer to a zero Response, with the
// fast decoder alone; it reports whether the fast decoder decoded it.
func DecodeFast(data []byte, v any) bool {
	f, ok := v.(decodeFast)
	return ok && f.decodeFast(data)
}

// DiffScanEnvelope reads the envelope of data with the fast decoder and
// with encoding/json, and returns how they differ ("" for not). A body the
// fast decoder leaves to encoding/json does not differ.
func DiffScanEnvelope(data []byte) string {
	fast, ok := scanEnvelopeFast(data)
	if !ok {
		return ""
	}
	slow := &wireEnvelope{}
	err := json.Unmarshal(data, slow)
	if err != nil || !reflect.DeepEqual(fast, slow) {
		return fmt.Sprintf("fast %+v, encoding/json %+v (%v)", fast, slow, err)
	}
	return ""
}

// ScanEnvelope exposes scanEnvelope.
func ScanEnvelope(data []byte) error { _, err := scanEnvelope(data); return err }

// OnePass decodes data into out and reads its envelope in the client's
// one pass (decodeWithEnvelope); when it did, it returns how the envelope
// differs from scanEnvelope's ("" for not). ok false: it left the body to
// the two passes, and out must be zero.
func OnePass(data []byte, out any) (ok bool, envDiff string) {
	env, ok := decodeWithEnvelope(data, out)
	if !ok {
		if env != nil || !reflect.ValueOf(out).Elem().IsZero() {
			return false, fmt.Sprintf("gave up but left an envelope %+v or a value", env)
		}
		return false, ""
	}
	want, err := scanEnvelope(data)
	if err != nil || !reflect.DeepEqual(env, want) {
		return true, fmt.Sprintf("one pass %+v, scanEnvelope %+v (%v)", env, want, err)
	}
	return true, ""
}
