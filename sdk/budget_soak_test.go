package sdk_test

import (
	"errors"
	"math"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
)

// TestBudgetSoakFreeAndPaid: paid and free calls mixed from many
// goroutines under one budget (make test runs it under -race too).
//
// The paid endpoint bills 0.01 a call and the budget is 0.2: exactly 20
// paid calls are billed and the other 180 refused; all 200 free calls go,
// before and after the budget is spent; Spent() is what the server billed.
//
// Then the free endpoint starts to charge 0.01 (a server that disagrees
// with the docs): after its first charged answer the ledger counts it as
// paid, so of 200 more free calls at most the ones in flight then
// (MaxConcurrency) are billed, the rest refused, and Spent() still is
// what the server billed.
func TestBudgetSoakFreeAndPaid(t *testing.T) {
	const conc = 8
	paid := &biller{delay: time.Millisecond, answer: fixedCost("0.01")}
	var charging atomic.Bool
	var freeBilled atomic.Int64
	free := &biller{delay: time.Millisecond, answer: func(_ int64, w http.ResponseWriter) {
		if charging.Load() {
			freeBilled.Add(1)
			w.Write([]byte(envelope("0.01")))
			return
		}
		w.Write([]byte(envelope("0")))
	}}
	srv := sdktest.NewServer(t, sdktest.WithHandler(paidPath, paid), sdktest.WithHandler(freePath, free))
	client := srv.Client(sdk.WithBudget(0.2), sdk.WithMaxConcurrency(conc))

	var wg sync.WaitGroup
	var paidOK, paidRefused, freeOK atomic.Int64
	for i := range 400 {
		wg.Go(func() {
			if i%2 == 0 {
				switch err := paidCall(client); {
				case err == nil:
					paidOK.Add(1)
				case errors.Is(err, sdk.ErrBudgetExceeded):
					paidRefused.Add(1)
				default:
					t.Errorf("paid call: %v", err)
				}
				return
			}
			if err := freeCall(client); err != nil {
				t.Errorf("free call: %v", err)
				return
			}
			freeOK.Add(1)
		})
	}
	wg.Wait()
	if got := paid.calls.Load(); got != 20 || paidOK.Load() != 20 || paidRefused.Load() != 180 {
		t.Errorf("paid: %d billed, %d answered, %d refused; want 20, 20, 180", got, paidOK.Load(), paidRefused.Load())
	}
	if got := free.calls.Load(); got != 200 || freeOK.Load() != 200 {
		t.Errorf("free: %d sent, %d answered; want 200, 200", got, freeOK.Load())
	}
	if got := client.Spent(); math.Abs(got-0.2) > 1e-9 {
		t.Errorf("Spent() = %v, want the 0.2 billed", got)
	}

	charging.Store(true)
	var answered, refused atomic.Int64
	for range 200 {
		wg.Go(func() {
			switch err := freeCall(client); {
			case err == nil:
				answered.Add(1)
			case errors.Is(err, sdk.ErrBudgetExceeded):
				refused.Add(1)
			default:
				t.Errorf("free call to a charging endpoint: %v", err)
			}
		})
	}
	wg.Wait()
	billed := freeBilled.Load()
	if billed < 1 || billed > conc {
		t.Errorf("the charging endpoint billed %d calls, want 1 to %d (those in flight at its first charge)", billed, conc)
	}
	if answered.Load() != billed || refused.Load() != 200-billed {
		t.Errorf("%d answered and %d refused, want %d and %d", answered.Load(), refused.Load(), billed, 200-billed)
	}
	if got, want := client.Spent(), 0.2+0.01*float64(billed); math.Abs(got-want) > 1e-9 {
		t.Errorf("Spent() = %v, want the %v billed", got, want)
	}
}

// TestBudgetTakesWhatFitsExactly: one after another, a budget of 0.2 takes
// twenty calls of 0.01 and refuses the twenty-first, though 0.01 added
// nineteen times is 0.19000000000000003 in float64.
func TestBudgetTakesWhatFitsExactly(t *testing.T) {
	paid := &biller{answer: fixedCost("0.01")}
	srv := sdktest.NewServer(t, sdktest.WithHandler(paidPath, paid))
	client := srv.Client(sdk.WithBudget(0.2))
	for i := range 20 {
		if err := paidCall(client); err != nil {
			t.Fatalf("call %d: %v", i+1, err)
		}
	}
	if err := paidCall(client); !errors.Is(err, sdk.ErrBudgetExceeded) {
		t.Errorf("call 21: %v, want ErrBudgetExceeded", err)
	}
}
