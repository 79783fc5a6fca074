package sdk

import (
	"context"
	"time"

	"golang.org/x/sync/semaphore"
	"golang.org/x/time/rate"
)

// rateMargin widens the spacing of the calls beyond interval/calls, so that
// network jitter between the client and the server cannot make the server
// see more than the limit within one interval. It costs 2% of the rate.
const rateMargin = 0.02

// limits holds a client's rate and concurrency limits, shared by all its
// goroutines. A nil field is a limit turned off.
type limits struct {
	rate    *rate.Limiter
	sem     *semaphore.Weighted
	onGrant func(at time.Time) // tests: the time the limiter gives each call
}

// newLimits builds the limits: a token bucket of burst 1 refilled every
// per/calls (plus rateMargin), so that within any window of length per at
// most calls calls start (a larger burst would let up to burst+calls start),
// and a semaphore of n slots.
func newLimits(calls int, per time.Duration, n int) *limits {
	l := &limits{}
	if calls > 0 && per > 0 {
		l.rate = rate.NewLimiter(rate.Every(spacing(calls, per)), 1)
	}
	if n > 0 {
		l.sem = semaphore.NewWeighted(int64(n))
	}
	return l
}

// spacing is the time between two calls under a limit of calls per per.
func spacing(calls int, per time.Duration) time.Duration {
	return time.Duration(float64(per) * (1 + rateMargin) / float64(calls))
}

// acquire waits for a concurrency slot; the caller must call release
// after a nil error. A call takes its slot first and its rate slot last,
// right before sending: one that has its rate slot goes out at once
// rather than queueing for a concurrency slot, which could bunch calls
// together.
func (l *limits) acquire(ctx context.Context) error {
	if l.sem != nil {
		return l.sem.Acquire(ctx, 1)
	}
	return nil
}

func (l *limits) release() {
	if l.sem != nil {
		l.sem.Release(1)
	}
}

// wait waits for the rate limiter's next slot, on clk's time: the slot is
// reserved at clk.now() and the wait is clk.sleep, so a test's clock
// decides the schedule. A wait that ends with ctx gives its slot back.
func (l *limits) wait(ctx context.Context, clk clock) error {
	if l.rate == nil {
		return ctx.Err()
	}
	now := clk.now()
	r := l.rate.ReserveN(now, 1)
	if !r.OK() {
		return context.DeadlineExceeded // unreachable with a burst of 1
	}
	d := r.DelayFrom(now)
	if l.onGrant != nil {
		l.onGrant(now.Add(d))
	}
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < d { // deadlines are on the wall clock
		r.CancelAt(now)
		return context.DeadlineExceeded
	}
	if d <= 0 {
		return nil
	}
	if err := clk.sleep(ctx, d); err != nil {
		r.CancelAt(clk.now())
		return err
	}
	return nil
}
