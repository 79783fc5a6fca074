package sdk

import (
	"context"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"
)

// maxRetryAfter caps the Retry-After a call waits for: when the server asks
// for a longer wait, the call fails with the server's error instead.
const maxRetryAfter = 2 * time.Minute

// retryableHTTP reports whether an HTTP status means the API did not process
// the request: 429 (rate limited), 502, 503, 504 (the gateway in front of
// the API could not get an answer from it).
func retryableHTTP(status int) bool {
	switch status {
	case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// retryableCode reports whether an envelope status code means the API
// refused the whole request without processing it:
//
//   - 40202 "The rate-limit per minute has been exceeded.": refused at the door;
//   - 50001 "Error While Checking the Balance.": the balance check comes
//     before any task runs or is charged;
//   - 50303 "Update in progress. Please try after a few minutes.": the API
//     is not taking requests.
//
// Not retried: 50000 and 50401 (internal error, timeout: the tasks may have
// run and been charged), 50301 and 50304 (a service is unavailable, for an
// unknown time), 40101 and 40103 (a task failed: other tasks of the same
// request may have been charged), and every other code.
func retryableCode(code int) bool {
	switch code {
	case 40202, 50001, 50303:
		return true
	}
	return false
}

// backoff returns the wait before retry number attempt (0 for the first):
// initial doubled attempt times, capped at maxWait, then drawn at random
// between half and all of it.
func backoff(attempt int, initial, maxWait time.Duration) time.Duration {
	d := initial
	for range attempt {
		if d >= maxWait/2 {
			d = maxWait
			break
		}
		d *= 2
	}
	d = min(d, maxWait)
	if d <= 1 {
		return max(d, 0)
	}
	half := d / 2
	return half + rand.N(d-half+1)
}

// parseRetryAfter reads a Retry-After header: delay seconds or an HTTP date.
func parseRetryAfter(h string, now time.Time) (time.Duration, bool) {
	if h == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(h, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		return time.Duration(min(secs, int64(maxRetryAfter/time.Second)+1)) * time.Second, true
	}
	if t, err := http.ParseTime(h); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// clock is the time a client uses for retries; tests replace it.
type clock struct {
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error
}

var realClock = clock{now: time.Now, sleep: sleepCtx}

// sleepCtx waits for d or until ctx is done.
func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
