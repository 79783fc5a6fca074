package sdk_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/dataforseo-go/dataforseo/sdk"
)

var classes = []error{
	sdk.ErrAuthentication, sdk.ErrPayment, sdk.ErrAccountBlocked, sdk.ErrRateLimit, sdk.ErrAccountLimit,
	sdk.ErrAccessDenied, sdk.ErrInvalidRequest, sdk.ErrNotFound, sdk.ErrNoResults, sdk.ErrTaskPending,
	sdk.ErrServer, sdk.ErrBudgetExceeded,
}

func TestErrorClass(t *testing.T) {
	tests := []struct {
		name string
		err  *sdk.Error
		want error // nil: no class
	}{
		{"auth in 200", &sdk.Error{HTTPStatus: 200, Code: 40100}, sdk.ErrAuthentication},
		{"upstream task failure", &sdk.Error{HTTPStatus: 200, Code: 40101}, sdk.ErrServer},
		{"no results", &sdk.Error{HTTPStatus: 200, Code: 40102}, sdk.ErrNoResults},
		{"payment", &sdk.Error{HTTPStatus: 200, Code: 40200}, sdk.ErrPayment},
		{"blocked", &sdk.Error{HTTPStatus: 200, Code: 40201}, sdk.ErrAccountBlocked},
		{"rate limit", &sdk.Error{HTTPStatus: 200, Code: 40202}, sdk.ErrRateLimit},
		{"cost limit", &sdk.Error{HTTPStatus: 200, Code: 40203}, sdk.ErrAccountLimit},
		{"access denied", &sdk.Error{HTTPStatus: 200, Code: 40204}, sdk.ErrAccessDenied},
		{"duplicate task limit", &sdk.Error{HTTPStatus: 200, Code: 40206}, sdk.ErrAccountLimit},
		{"ip not whitelisted", &sdk.Error{HTTPStatus: 200, Code: 40207}, sdk.ErrAccessDenied},
		{"task not found", &sdk.Error{HTTPStatus: 200, Code: 40401}, sdk.ErrNotFound},
		{"invalid field", &sdk.Error{HTTPStatus: 200, Code: 40501}, sdk.ErrInvalidRequest},
		{"too many tasks", &sdk.Error{HTTPStatus: 200, Code: 40006}, sdk.ErrInvalidRequest},
		{"task in queue", &sdk.Error{HTTPStatus: 200, Code: 40602}, sdk.ErrTaskPending},
		{"update in progress", &sdk.Error{HTTPStatus: 200, Code: 50303}, sdk.ErrServer},
		{"unlisted 404xx", &sdk.Error{Code: 40499}, sdk.ErrNotFound},
		{"unlisted 4xxxx", &sdk.Error{Code: 40999}, sdk.ErrInvalidRequest},
		{"unlisted 5xxxx", &sdk.Error{Code: 59999}, sdk.ErrServer},
		{"HTTP 401 without a body", &sdk.Error{HTTPStatus: 401}, sdk.ErrAuthentication},
		{"HTTP 429", &sdk.Error{HTTPStatus: 429}, sdk.ErrRateLimit},
		{"HTTP 500", &sdk.Error{HTTPStatus: 500}, sdk.ErrServer},
		{"HTTP 500 with an ok code", &sdk.Error{HTTPStatus: 500, Code: 20000}, sdk.ErrServer},
		{"HTTP 200 without a status", &sdk.Error{HTTPStatus: 200}, sdk.ErrServer},
		{"HTTP 403", &sdk.Error{HTTPStatus: 403}, sdk.ErrAccessDenied},
		{"HTTP 400", &sdk.Error{HTTPStatus: 400}, sdk.ErrInvalidRequest},
		{"connection failure", &sdk.Error{Err: io.ErrUnexpectedEOF}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Class(); got != tt.want {
				t.Errorf("Class() = %v, want %v", got, tt.want)
			}
			for _, c := range classes {
				if got := errors.Is(tt.err, c); got != (c == tt.want) {
					t.Errorf("errors.Is(err, %v) = %v", c, got)
				}
			}
		})
	}
}

func TestErrorMessage(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&sdk.Error{HTTPStatus: 200, Code: 40501, Message: "Invalid Field: 'limit'.", TaskID: "t1", Path: "/v3/x"},
			"dataforseo: /v3/x: task t1: status 40501: Invalid Field: 'limit'."},
		{&sdk.Error{HTTPStatus: 401, Code: 40100, Path: "/v3/x"},
			"dataforseo: /v3/x: status 40100 (HTTP 401): " + sdk.StatusText(40100)},
		{&sdk.Error{HTTPStatus: 502, Message: "Bad Gateway", Path: "/v3/x"}, "dataforseo: /v3/x: HTTP 502: Bad Gateway"},
		{&sdk.Error{Message: "request failed", Path: "/v3/x", Err: io.ErrUnexpectedEOF},
			"dataforseo: /v3/x: request failed: unexpected EOF"},
		{&sdk.TaskErrors{Tasks: 3, Errors: []*sdk.Error{{Code: 40501, Message: "a"}, {Code: 40102, Message: "b"}}},
			"dataforseo: 2 of 3 tasks failed: status 40501: a (and 1 more)"},
		{&sdk.BudgetError{Scope: "client", Budget: 1, Spent: 1.25, Reason: "the budget is spent"},
			"dataforseo: budget exceeded: client budget 1.0000 USD, counted 1.2500 USD: the budget is spent; no request sent"},
		{&sdk.BudgetError{Scope: "call", Budget: 0.05, Spent: 0.04, Estimate: 0.02, Reason: "the call's estimated cost exceeds what is left"},
			"dataforseo: budget exceeded: call budget 0.0500 USD, counted 0.0400 USD, this call estimated at 0.0200 USD: " +
				"the call's estimated cost exceeds what is left; no request sent"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q\nwant      %q", got, tt.want)
		}
	}
}

func TestTaskErrorsUnwrap(t *testing.T) {
	err := fmt.Errorf("wrapped: %w", &sdk.TaskErrors{Tasks: 2, Errors: []*sdk.Error{{Code: 40102, TaskID: "t2"}}})
	if !errors.Is(err, sdk.ErrNoResults) || errors.Is(err, sdk.ErrServer) {
		t.Errorf("errors.Is does not see the task's class through TaskErrors")
	}
	var e *sdk.Error
	if !errors.As(err, &e) || e.TaskID != "t2" {
		t.Errorf("errors.As found %v, want the task error", e)
	}
	if !errors.Is(&sdk.BudgetError{}, sdk.ErrBudgetExceeded) {
		t.Error("BudgetError is not ErrBudgetExceeded")
	}
	if !errors.Is(&sdk.Error{Err: context.Canceled}, context.Canceled) {
		t.Error("Error does not unwrap to its cause")
	}
}

func TestStatusText(t *testing.T) {
	tests := []struct {
		code int
		want string
	}{
		{20000, "Ok."},
		{40200, "Payment Required."},
		{50303, "Update in progress. Please try after a few minutes."},
		{12345, ""},
	}
	for _, tt := range tests {
		if got := sdk.StatusText(tt.code); got != tt.want {
			t.Errorf("StatusText(%d) = %q, want %q", tt.code, got, tt.want)
		}
	}
}
