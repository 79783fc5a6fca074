package sdk_test

import (
	"context"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
	"github.com/google/go-cmp/cmp"
)

// maxInWindow returns the most calls that arrived within any window of
// length per (from one arrival to just before per later).
func maxInWindow(calls []sdktest.Call, per time.Duration) int {
	best := 0
	for i := range calls {
		n := 0
		for j := range calls {
			if d := calls[j].At.Sub(calls[i].At); d >= 0 && d < per {
				n++
			}
		}
		best = max(best, n)
	}
	return best
}

// TestRateLimitWindow sends a burst from many goroutines through a client
// limited to N calls per interval. The limiter's contract is on the times
// it gives the calls (a token bucket of burst 1 spaced 2% wider than
// per/N): no two closer than the spacing, so never more than N within any
// window of per. Those times do not depend on how fast the machine runs
// the goroutines (a late goroutine only gets a later time), so the test
// cannot fail on a busy machine; the server's own clock adds each call's
// scheduling and loopback delays, and only bounds the whole burst from
// below.
func TestRateLimitWindow(t *testing.T) {
	const (
		limit = 3
		per   = 300 * time.Millisecond
		calls = 7
	)
	srv := sdktest.NewServer(t)
	client := srv.Client(sdk.WithRateLimit(limit, per))
	var mu sync.Mutex
	var grants []sdktest.Call
	sdk.OnRateGrant(client, func(at time.Time) {
		mu.Lock()
		grants = append(grants, sdktest.Call{At: at})
		mu.Unlock()
	})
	start := time.Now()
	var wg sync.WaitGroup
	for range calls {
		wg.Go(func() {
			if err := client.Post(context.Background(), referringDomains, []testRequest{{Target: "a.com"}}, nil); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	if len(grants) != calls || srv.Count("") != calls {
		t.Fatalf("%d grants and %d calls, want %d", len(grants), srv.Count(""), calls)
	}
	slices.SortFunc(grants, func(a, b sdktest.Call) int { return a.At.Compare(b.At) })
	spacing := sdk.Spacing(limit, per)
	for i := 1; i < len(grants); i++ {
		if d := grants[i].At.Sub(grants[i-1].At); d < spacing-time.Microsecond {
			t.Errorf("grants %d and %d are %v apart, less than the spacing %v", i-1, i, d, spacing)
		}
	}
	if got := maxInWindow(grants, per); got > limit {
		t.Errorf("%d calls given within %v, limit %d", got, per, limit)
	}
	if min := time.Duration(calls-1) * spacing; elapsed < min {
		t.Errorf("%d calls took %v, less than the %v the limit needs", calls, elapsed, min)
	}
}

// TestRateLimitSchedule checks the limiter on a fake clock: consecutive
// calls wait exactly the spacing, and a pause refills one slot only.
func TestRateLimitSchedule(t *testing.T) {
	srv := sdktest.NewServer(t)
	client := srv.Client(sdk.WithRateLimit(10, time.Second))
	clock := newFakeClock(client)
	post := func() {
		if err := client.Post(context.Background(), referringDomains, []testRequest{{Target: "a.com"}}, nil); err != nil {
			t.Fatal(err)
		}
	}
	for range 4 {
		post()
	}
	s := sdk.Spacing(10, time.Second)
	if diff := cmp.Diff([]time.Duration{s, s, s}, clock.Waits()); diff != "" {
		t.Errorf("waits (-want +got):\n%s", diff)
	}
	clock.Sleep(context.Background(), time.Hour) // idle: the bucket holds one token, not more
	post()
	post()
	if diff := cmp.Diff([]time.Duration{s, s, s, time.Hour, s}, clock.Waits()); diff != "" {
		t.Errorf("after a pause (-want +got):\n%s", diff)
	}
}

// TestMaxConcurrency holds each call on the server and checks how many
// were in flight at once.
func TestMaxConcurrency(t *testing.T) {
	const limit = 3
	var inFlight, most atomic.Int32
	srv := sdktest.NewServer(t, sdktest.WithHandler(referringDomains, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for old := most.Load(); n > old && !most.CompareAndSwap(old, n); old = most.Load() {
		}
		time.Sleep(20 * time.Millisecond)
		w.Write([]byte(`{"status_code":20000,"cost":0,"tasks":[]}`))
	})))
	client := srv.Client(sdk.WithMaxConcurrency(limit))
	var wg sync.WaitGroup
	for range 4 * limit {
		wg.Go(func() {
			if err := client.Post(context.Background(), referringDomains, []testRequest{{Target: "a.com"}}, nil); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got := most.Load(); got > limit {
		t.Errorf("%d calls in flight at once, limit %d", got, limit)
	}
}

// TestLimitWaitRespectsContext: a call waiting for the rate limiter gives
// up when its context ends, without reaching the server.
func TestLimitWaitRespectsContext(t *testing.T) {
	srv := sdktest.NewServer(t)
	client := srv.Client(sdk.WithRateLimit(1, time.Hour))
	ctx := context.Background()
	if err := client.Post(ctx, referringDomains, []testRequest{{Target: "a.com"}}, nil); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := client.Post(ctx, referringDomains, []testRequest{{Target: "a.com"}}, nil); err == nil {
		t.Error("the second call within the hour was sent")
	}
	if got := srv.Count(""); got != 1 {
		t.Errorf("server saw %d calls, want 1", got)
	}
}
