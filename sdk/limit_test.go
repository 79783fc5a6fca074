package sdk_test

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
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
// limited to N calls per interval: the server never sees more than N in
// any window of that length.
func TestRateLimitWindow(t *testing.T) {
	// The limiter spaces calls 2% wider than per/limit, so the server can
	// only see limit+1 calls in a window if loopback and scheduling delays
	// differ by 2% of per between two calls: a long interval (30 ms of
	// slack) keeps a busy CI machine from making that happen.
	const (
		limit = 3
		per   = 1500 * time.Millisecond
		calls = 6
	)
	srv := sdktest.NewServer(t)
	client := srv.Client(sdk.WithRateLimit(limit, per))
	var wg sync.WaitGroup
	for range calls {
		wg.Go(func() {
			if err := client.Post(context.Background(), referringDomains, []testRequest{{Target: "a.com"}}, nil); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	seen := srv.Calls()
	if len(seen) != calls {
		t.Fatalf("server saw %d calls, want %d", len(seen), calls)
	}
	if got := maxInWindow(seen, per); got > limit {
		t.Errorf("server saw %d calls within %v, limit %d", got, per, limit)
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
