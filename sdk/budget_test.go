package sdk_test

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
)

// TestBudget: calls add their cost to Spent; once it reaches the budget, a
// call is refused before any request is sent.
func TestBudget(t *testing.T) {
	const cost = 0.02015 // the documented example's cost
	tests := []struct {
		name   string
		budget float64
		calls  int // calls made
		sent   int // calls that reach the server
	}{
		// The first call to an endpoint has no estimate and goes if
		// anything is left; then each call goes only if its estimate (the
		// first call's cost) fits in what is left.
		{"less than one call", cost / 2, 3, 1},
		{"one call and a half", cost * 1.5, 3, 1},
		{"two calls exactly", cost * 2, 3, 2},
		{"room for all", 1, 3, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := sdktest.NewServer(t)
			client := srv.Client(sdk.WithBudget(tt.budget))
			for i := range tt.calls {
				err := client.Post(context.Background(), referringDomains, []testRequest{{Target: "a.com"}}, nil)
				refused := i >= tt.sent
				var be *sdk.BudgetError
				if refused != errors.As(err, &be) || refused != errors.Is(err, sdk.ErrBudgetExceeded) {
					t.Fatalf("call %d: error %v, want refused %v", i, err, refused)
				}
				if refused && (be.Budget != tt.budget || be.Spent != client.Spent()) {
					t.Errorf("call %d: %+v, want budget %v spent %v", i, be, tt.budget, client.Spent())
				}
				if !refused && err != nil {
					t.Fatalf("call %d: %v", i, err)
				}
			}
			if got := srv.Count(""); got != tt.sent {
				t.Errorf("server saw %d calls, want %d", got, tt.sent)
			}
			if got, want := client.Spent(), float64(tt.sent)*cost; math.Abs(got-want) > 1e-12 {
				t.Errorf("Spent() = %v, want %v", got, want)
			}
		})
	}
}
