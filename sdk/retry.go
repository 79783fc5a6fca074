package sdk

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// maxRetryAfter caps the Retry-After a call waits for: when the server asks
// for a longer wait, the call fails with the server's error instead.
const maxRetryAfter = 2 * time.Minute

// retryableHTTP reports whether an HTTP status asks the client to come
// back: 429 (rate limited), and 503 (unavailable) with a Retry-After
// header; neither is retried when the body reports a cost. 502 and 504 are
// not: a gateway can answer them after the API ran (and charged) the task.
func retryableHTTP(status int, hasRetryAfter bool) bool {
	return status == http.StatusTooManyRequests || (status == http.StatusServiceUnavailable && hasRetryAfter)
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

// parseRetryAfter reads a Retry-After header: delay seconds or an HTTP
// date. A delay beyond maxRetryAfter reads as just above it (so a huge
// number cannot overflow); a header that is neither is an error.
func parseRetryAfter(h string, now time.Time) (time.Duration, error) {
	h = strings.TrimSpace(h)
	if h != "" && strings.Trim(h, "0123456789") == "" {
		secs, err := strconv.ParseInt(h, 10, 64)
		if err != nil || secs > int64(maxRetryAfter/time.Second) {
			return maxRetryAfter + time.Second, nil
		}
		return time.Duration(secs) * time.Second, nil
	}
	if t, err := http.ParseTime(h); err == nil {
		return min(max(t.Sub(now), 0), maxRetryAfter+time.Second), nil
	}
	return 0, fmt.Errorf("the Retry-After header %q is neither seconds nor an HTTP date", truncate(h, 40))
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
