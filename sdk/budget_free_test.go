package sdk_test

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
)

// The endpoints of the free-call tests: a paid one, and one the docs give
// as free (Call.Free), as tasks_ready is.
const (
	paidPath = "/v3/backlinks/referring_domains/live"
	freePath = "/v3/serp/google/organic/tasks_ready"
)

func freeCall(c *sdk.Client) error {
	return c.Do(context.Background(), sdk.Call{Method: http.MethodGet, Endpoint: freePath, Free: true}, nil)
}

func paidCall(c *sdk.Client) error {
	return c.Post(context.Background(), paidPath, []testRequest{{Target: "a.com"}}, nil)
}

// TestFreeCallsPassASpentBudget: once a budget is spent, paid calls are
// refused and free ones still go (collecting what was paid for costs
// nothing); a call not marked free to the same server is refused.
func TestFreeCallsPassASpentBudget(t *testing.T) {
	paid := &biller{answer: fixedCost("0.02")}
	free := &biller{answer: fixedCost("0")}
	srv := sdktest.NewServer(t, sdktest.WithHandler(paidPath, paid), sdktest.WithHandler(freePath, free))
	client := srv.Client(sdk.WithBudget(0.02))
	if err := paidCall(client); err != nil {
		t.Fatal(err)
	}
	if err := paidCall(client); !errors.Is(err, sdk.ErrBudgetExceeded) {
		t.Fatalf("second paid call: %v, want ErrBudgetExceeded (the 0.02 budget is spent)", err)
	}
	for range 3 {
		if err := freeCall(client); err != nil {
			t.Fatalf("free call under a spent budget: %v", err)
		}
	}
	notFree := client.Do(context.Background(), sdk.Call{Method: http.MethodGet, Endpoint: freePath}, nil)
	if !errors.Is(notFree, sdk.ErrBudgetExceeded) {
		t.Errorf("the same call not marked free: %v, want ErrBudgetExceeded", notFree)
	}
	if got := paid.calls.Load(); got != 1 {
		t.Errorf("%d paid calls sent, want 1", got)
	}
	if got := free.calls.Load(); got != 3 {
		t.Errorf("%d free calls sent, want 3", got)
	}
}

// TestFreeCallsPassAnUnknownCost: a cost that could not be read blocks the
// budget for paid calls, not for free ones.
func TestFreeCallsPassAnUnknownCost(t *testing.T) {
	paid := &biller{answer: func(_ int64, w http.ResponseWriter) { w.Write([]byte(envelope(`"0.02"`))) }}
	free := &biller{answer: fixedCost("0")}
	srv := sdktest.NewServer(t, sdktest.WithHandler(paidPath, paid), sdktest.WithHandler(freePath, free))
	client := srv.Client(sdk.WithBudget(1))
	paidCall(client) // its cost is a string: unknown
	if err := paidCall(client); !errors.Is(err, sdk.ErrBudgetExceeded) {
		t.Fatalf("paid call after an unknown cost: %v, want ErrBudgetExceeded", err)
	}
	if err := freeCall(client); err != nil {
		t.Fatalf("free call after an unknown cost: %v", err)
	}
}

// TestFreeEndpointThatCharges: an endpoint the docs give as free that
// answers with a cost is counted and no longer taken as free; so is one
// whose cost cannot be read. Until a first answer confirms a cost of 0,
// one free call at a time is in flight.
func TestFreeEndpointThatCharges(t *testing.T) {
	for _, tc := range []struct{ name, cost string }{{"charged", "0.02"}, {"unreadable", `"0"`}} {
		t.Run(tc.name, func(t *testing.T) {
			free := &biller{delay: 5 * time.Millisecond, answer: fixedCost(tc.cost)}
			srv := sdktest.NewServer(t, sdktest.WithHandler(freePath, free))
			client := srv.Client(sdk.WithBudget(0.01), sdk.WithMaxConcurrency(10))
			var wg sync.WaitGroup
			for range 20 {
				wg.Go(func() { freeCall(client) })
			}
			wg.Wait()
			if got := free.calls.Load(); got != 1 {
				t.Errorf("%d calls sent, want 1: the first answer showed the endpoint is not free", got)
			}
			if got := free.most.Load(); got != 1 {
				t.Errorf("%d calls in flight at once before the endpoint was confirmed free, want 1", got)
			}
		})
	}
}

// TestFreeEndpointConfirmedGoesInParallel: after an answer with a cost of
// 0, free calls are not held back one at a time.
func TestFreeEndpointConfirmedGoesInParallel(t *testing.T) {
	free := &biller{delay: 20 * time.Millisecond, answer: fixedCost("0")}
	srv := sdktest.NewServer(t, sdktest.WithHandler(freePath, free))
	client := srv.Client(sdk.WithBudget(0.01), sdk.WithMaxConcurrency(10))
	if err := freeCall(client); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			if err := freeCall(client); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got := free.calls.Load(); got != 11 {
		t.Errorf("%d calls, want 11", got)
	}
	if got := free.most.Load(); got < 2 {
		t.Errorf("at most %d in flight: confirmed free calls wait for nothing but the client's limits", got)
	}
}
