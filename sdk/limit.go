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
	rate *rate.Limiter
	sem  *semaphore.Weighted
}

// newLimits builds the limits: a token bucket of burst 1 refilled every
// per/calls (plus rateMargin), so that within any window of length per at
// most calls calls start (a larger burst would let up to burst+calls start),
// and a semaphore of n slots.
func newLimits(calls int, per time.Duration, n int) *limits {
	l := &limits{}
	if calls > 0 && per > 0 {
		spacing := time.Duration(float64(per) * (1 + rateMargin) / float64(calls))
		l.rate = rate.NewLimiter(rate.Every(spacing), 1)
	}
	if n > 0 {
		l.sem = semaphore.NewWeighted(int64(n))
	}
	return l
}

// acquire waits for a concurrency slot, then for the rate limiter, in that
// order: a call that has its rate slot goes out at once rather than queueing
// for a concurrency slot, which could bunch calls together. The caller must
// call release after a nil error.
func (l *limits) acquire(ctx context.Context) error {
	if l.sem != nil {
		if err := l.sem.Acquire(ctx, 1); err != nil {
			return err
		}
	}
	if l.rate != nil {
		if err := l.rate.Wait(ctx); err != nil {
			l.release()
			return err
		}
	}
	return nil
}

func (l *limits) release() {
	if l.sem != nil {
		l.sem.Release(1)
	}
}
