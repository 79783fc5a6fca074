package sdk_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
)

// envelope is a successful response of one task costing cost (its wire
// text, so that tests can send what the API should not).
func envelope(cost string) string {
	return `{"version":"0.1","status_code":20000,"status_message":"Ok.","time":"0.1 sec.","cost":` + cost +
		`,"tasks_count":1,"tasks_error":0,"tasks":[{"id":"t1","status_code":20000,"status_message":"Ok.","time":"0.1 sec.",` +
		`"cost":` + cost + `,"result_count":0,"path":["v3"],"data":{},"result":[]}]}`
}

// biller is a server endpoint that charges every request it gets.
type biller struct {
	calls    atomic.Int64
	inFlight atomic.Int64
	most     atomic.Int64
	delay    time.Duration
	answer   func(n int64, w http.ResponseWriter) // writes the answer of the n-th call (from 1)
}

func (b *biller) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := b.calls.Add(1)
	in := b.inFlight.Add(1)
	defer b.inFlight.Add(-1)
	for old := b.most.Load(); in > old && !b.most.CompareAndSwap(old, in); old = b.most.Load() {
	}
	time.Sleep(b.delay)
	b.answer(n, w)
}

func fixedCost(cost string) func(int64, http.ResponseWriter) {
	return func(_ int64, w http.ResponseWriter) { w.Write([]byte(envelope(cost))) }
}

// TestBudgetUnderConcurrency is the reproduction of issue 10.1: 200
// goroutines, a budget of 0.05, a server billing 0.02 a call, 5 calls in
// flight. Before, all 200 were sent and Spent reached 4.00. The first call
// goes alone (no estimate yet); after it, each call starts only if its
// estimate fits beside the calls in flight: 2 calls, 0.04 spent.
func TestBudgetUnderConcurrency(t *testing.T) {
	b := &biller{delay: 5 * time.Millisecond, answer: fixedCost("0.02")}
	srv := sdktest.NewServer(t, sdktest.WithHandler(referringDomains, b))
	client := srv.Client(sdk.WithBudget(0.05), sdk.WithMaxConcurrency(5))
	var wg sync.WaitGroup
	var refused atomic.Int64
	for range 200 {
		wg.Go(func() {
			err := client.Post(context.Background(), referringDomains, []testRequest{{Target: "a.com"}}, nil)
			switch {
			case errors.Is(err, sdk.ErrBudgetExceeded):
				refused.Add(1)
			case err != nil:
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got := b.calls.Load(); got != 2 {
		t.Errorf("the server billed %d calls, want 2", got)
	}
	if got := client.Spent(); math.Abs(got-0.04) > 1e-9 || got > 0.05 {
		t.Errorf("Spent() = %v, want 0.04 (within the 0.05 budget)", got)
	}
	if got := refused.Load(); got != 198 {
		t.Errorf("%d calls refused by the budget, want 198", got)
	}
}

// TestBudgetOvershootBound: when calls cost more than their estimate, the
// spending passes the budget by at most what the calls in flight cost
// beyond their estimates. The first call costs 0.01 (the estimate), later
// ones 0.03; with 4 calls in flight and a budget of 0.1: the first alone
// (0.01), then up to 4 at once each estimated at 0.01 — at most 0.01 +
// 4×0.03 = 0.13 can be reached, and no call starts once 0.1 is counted.
func TestBudgetOvershootBound(t *testing.T) {
	b := &biller{delay: 10 * time.Millisecond, answer: func(n int64, w http.ResponseWriter) {
		if n == 1 {
			w.Write([]byte(envelope("0.01")))
			return
		}
		w.Write([]byte(envelope("0.03")))
	}}
	srv := sdktest.NewServer(t, sdktest.WithHandler(referringDomains, b))
	client := srv.Client(sdk.WithBudget(0.1), sdk.WithMaxConcurrency(4))
	var wg sync.WaitGroup
	for range 100 {
		wg.Go(func() {
			client.Post(context.Background(), referringDomains, []testRequest{{Target: "a.com"}}, nil)
		})
	}
	wg.Wait()
	const estimate, actual, inFlight = 0.01, 0.03, 4
	bound := 0.1 + inFlight*(actual-estimate) + 1e-9
	if got := client.Spent(); got > bound {
		t.Errorf("Spent() = %v, beyond the bound %v", got, bound)
	}
	if got := b.most.Load(); got > inFlight {
		t.Errorf("%d calls in flight, limit %d", got, inFlight)
	}
	// The next call is refused without being sent.
	before := b.calls.Load()
	err := client.Post(context.Background(), referringDomains, []testRequest{{Target: "a.com"}}, nil)
	var be *sdk.BudgetError
	if !errors.As(err, &be) || b.calls.Load() != before {
		t.Errorf("a call after the budget: %v, %d sent", err, b.calls.Load()-before)
	}
}

// TestUnknownCost is issue 10.2: a response whose cost cannot be read
// blocks the budget (without a ceiling), or counts the ceiling; it never
// lowers Spent.
func TestUnknownCost(t *testing.T) {
	tests := []struct {
		name   string
		answer func(w http.ResponseWriter)
	}{
		{"truncated 200 body", func(w http.ResponseWriter) { w.Write([]byte(envelope("0.02")[:60])) }},
		{"cost as a string", func(w http.ResponseWriter) { w.Write([]byte(envelope(`"0.02"`))) }},
		{"negative cost", func(w http.ResponseWriter) { w.Write([]byte(envelope("-0.5"))) }},
		{"no cost", func(w http.ResponseWriter) {
			w.Write([]byte(`{"status_code":20000,"status_message":"Ok.","tasks":[{"id":"t1","status_code":20000,"result":[]}]}`))
		}},
		{"HTML 500 after billing", func(w http.ResponseWriter) {
			w.WriteHeader(500)
			w.Write([]byte("<html><body>Internal Server Error</body></html>"))
		}},
		{"HTML 502", func(w http.ResponseWriter) {
			w.WriteHeader(502)
			w.Write([]byte("<html>Bad Gateway</html>"))
		}},
		{"HTML 504", func(w http.ResponseWriter) {
			w.WriteHeader(504)
			w.Write([]byte("<html>Gateway Timeout</html>"))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var second atomic.Bool
			h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if second.Swap(true) {
					w.Write([]byte(envelope("0.02"))) // a good answer, after the first
					return
				}
				tt.answer(w)
			})
			post := func(c *sdk.Client) error {
				return c.Post(context.Background(), referringDomains, []testRequest{{Target: "a.com"}}, nil)
			}

			// Without a ceiling: the unknown cost blocks the budget.
			srv := sdktest.NewServer(t, sdktest.WithHandler(referringDomains, h))
			client := srv.Client(sdk.WithBudget(1))
			if err := post(client); err == nil {
				t.Error("the call with an unreadable cost reported no problem")
			}
			if client.Spent() != 0 || client.UnknownCosts() != 1 {
				t.Errorf("Spent() = %v, UnknownCosts() = %d; want 0 and 1", client.Spent(), client.UnknownCosts())
			}
			var be *sdk.BudgetError
			if err := post(client); !errors.As(err, &be) || be.Unknown != 1 || srv.Count("") != 1 {
				t.Fatalf("the call after an unknown cost: %v, server saw %d calls; want a *BudgetError and 1 call", err, srv.Count(""))
			}
			if err := client.SettleUnknownCosts(0.3); err != nil {
				t.Fatal(err)
			}
			if err := post(client); err != nil || math.Abs(client.Spent()-0.32) > 1e-9 {
				t.Errorf("after settling 0.3: %v, Spent() = %v; want nil and 0.32", err, client.Spent())
			}

			// With a ceiling of 0.6: the unknown call counts 0.6, the next
			// is estimated at 0.6 too and would pass the budget.
			second.Store(false)
			srv2 := sdktest.NewServer(t, sdktest.WithHandler(referringDomains, h))
			ceiled := srv2.Client(sdk.WithBudget(1), sdk.WithCostCeiling(0.6))
			post(ceiled)
			if err := post(ceiled); !errors.As(err, &be) || srv2.Count("") != 1 {
				t.Errorf("with a ceiling: %v after %d calls; want a *BudgetError after 1", err, srv2.Count(""))
			}
		})
	}
}

// TestNegativeCostNeverLowers: a known cost then a negative one.
func TestNegativeCostNeverLowers(t *testing.T) {
	var n atomic.Int64
	srv := sdktest.NewServer(t, sdktest.WithHandler(referringDomains, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			w.Write([]byte(envelope("0.02")))
			return
		}
		w.Write([]byte(envelope("-10")))
	})))
	client := srv.Client()
	ctx := context.Background()
	client.Post(ctx, referringDomains, []testRequest{{Target: "a.com"}}, nil)
	err := client.Post(ctx, referringDomains, []testRequest{{Target: "a.com"}}, nil)
	var de *sdk.DecodeError
	if !errors.As(err, &de) || !strings.Contains(de.Error(), "cost") {
		t.Errorf("a negative cost: %v, want a *DecodeError naming the cost", err)
	}
	if client.Spent() != 0.02 || client.UnknownCosts() != 1 {
		t.Errorf("Spent() = %v, UnknownCosts() = %d; want 0.02 and 1", client.Spent(), client.UnknownCosts())
	}
}

// TestCallBudget: a budget given to one call caps that call only.
func TestCallBudget(t *testing.T) {
	b := &biller{answer: fixedCost("0.02")}
	srv := sdktest.NewServer(t, sdktest.WithHandler(referringDomains, b))
	client := srv.Client(sdk.WithCostCeiling(0.5))
	ctx := context.Background()
	// The endpoint's estimate is unknown: the ceiling (0.5) does not fit a
	// call budget of 0.1.
	err := client.Post(ctx, referringDomains, []testRequest{{Target: "a.com"}}, nil, sdk.WithBudget(0.1))
	var be *sdk.BudgetError
	if !errors.As(err, &be) || be.Scope != "call" || b.calls.Load() != 0 {
		t.Fatalf("call budget below the ceiling: %v, %d sent", err, b.calls.Load())
	}
	if err := client.Post(ctx, referringDomains, []testRequest{{Target: "a.com"}}, nil); err != nil {
		t.Fatal(err)
	}
	// Now the estimate is 0.02 a task: two tasks fit in 0.05, three do not.
	if err := client.Post(ctx, referringDomains, []testRequest{{Target: "a"}, {Target: "b"}}, nil, sdk.WithBudget(0.05)); err != nil {
		t.Errorf("two tasks in a budget of 0.05: %v", err)
	}
	err = client.Post(ctx, referringDomains, []testRequest{{Target: "a"}, {Target: "b"}, {Target: "c"}}, nil, sdk.WithBudget(0.05))
	if !errors.As(err, &be) || be.Estimate < 0.06-1e-9 {
		t.Errorf("three tasks in a budget of 0.05: %v", err)
	}
}

// TestBudgetWaitHonoursContext: a call waiting for calls in flight gives
// up when its context ends.
func TestBudgetWaitHonoursContext(t *testing.T) {
	release := make(chan struct{})
	var n atomic.Int64
	srv := sdktest.NewServer(t, sdktest.WithHandler(referringDomains, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			<-release
		}
		w.Write([]byte(envelope("0.02")))
	})))
	client := srv.Client(sdk.WithBudget(1))
	done := make(chan error)
	go func() {
		done <- client.Post(context.Background(), referringDomains, []testRequest{{Target: "a.com"}}, nil)
	}()
	for n.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	// The first call is the endpoint's probe: the second waits for it.
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	err := client.Post(ctx, referringDomains, []testRequest{{Target: "a.com"}}, nil)
	if !errors.Is(err, context.DeadlineExceeded) || n.Load() != 1 {
		t.Errorf("the waiting call: %v after %d calls; want the context's deadline and 1 call", err, n.Load())
	}
	close(release)
	if err := <-done; err != nil {
		t.Error(err)
	}
}

// TestPossiblyChargedNotRetried is issue 10.3: a server that bills and
// answers 502 or 504 with an HTML body got the same request 4 times.
func TestPossiblyChargedNotRetried(t *testing.T) {
	tests := []struct {
		name   string
		status int
		header string
		body   string
		sent   int // requests the server sees
	}{
		{"504 HTML", 504, "", "<html>Gateway Timeout</html>", 1},
		{"502 HTML", 502, "", "<html>Bad Gateway</html>", 1},
		{"500 JSON free", 500, "", `{"status_code":50000,"status_message":"x","cost":0,"tasks":null}`, 1},
		{"503 without Retry-After", 503, "", "<html>Unavailable</html>", 1},
		{"429 that reports a cost", 429, "1", `{"status_code":40202,"status_message":"x","cost":0.01,"tasks":null}`, 1},
		{"40202 with a task that cost", 200, "", `{"status_code":40202,"status_message":"x","cost":0,"tasks":[{"id":"a","status_code":20000,"cost":0.01}]}`, 1},
		{"50303 whose cost is not a number", 200, "", `{"status_code":50303,"status_message":"x","cost":"0","tasks":null}`, 1},
		{"50303 free", 200, "", `{"status_code":50303,"status_message":"x","cost":0,"tasks":null}`, 4},
		{"429 HTML", 429, "", "<html>Too Many Requests</html>", 4},
		{"503 with Retry-After", 503, "1", "<html>Unavailable</html>", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n atomic.Int64
			srv := sdktest.NewServer(t, sdktest.WithHandler(referringDomains, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				n.Add(1)
				if tt.header != "" {
					w.Header().Set("Retry-After", tt.header)
				}
				w.WriteHeader(tt.status)
				w.Write([]byte(tt.body))
			})))
			client := srv.Client(sdk.WithMaxRetries(3))
			newFakeClock(client)
			err := client.Post(context.Background(), referringDomains, []testRequest{{Target: "a.com"}}, nil)
			if err == nil {
				t.Fatal("no error")
			}
			if got := n.Load(); got != int64(tt.sent) {
				t.Errorf("the server saw %d requests, want %d (error %v)", got, tt.sent, err)
			}
		})
	}
}

// TestAbsurdRetryAfter: a Retry-After that overflows, cannot be read, or
// asks for more than the client or the context allows gives up at once,
// saying why.
func TestAbsurdRetryAfter(t *testing.T) {
	tests := []struct {
		name, header string
		deadline     time.Duration // 0: none
		why          string
	}{
		{"overflowing", "99999999999999999999999", 0, "more than the 2m0s the client waits"},
		{"an hour", "3600", 0, "more than the 2m0s the client waits"},
		{"not a number", "soon", 0, "neither seconds nor an HTTP date"},
		{"beyond the context", "30", time.Second, "ends after the context's deadline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := sdktest.NewServer(t, sdktest.WithHandler(referringDomains, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Retry-After", tt.header)
				w.WriteHeader(429)
			})))
			client := srv.Client()
			clock := newFakeClock(client)
			ctx := context.Background()
			if tt.deadline > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tt.deadline)
				defer cancel()
			}
			err := client.Post(ctx, referringDomains, []testRequest{{Target: "a.com"}}, nil)
			if !errors.Is(err, sdk.ErrRateLimit) || !strings.Contains(fmt.Sprint(err), tt.why) {
				t.Errorf("error %v, want the 429 and %q", err, tt.why)
			}
			if srv.Count("") != 1 || len(clock.Waits()) != 0 {
				t.Errorf("%d requests and waits %v, want 1 and none", srv.Count(""), clock.Waits())
			}
		})
	}
}
