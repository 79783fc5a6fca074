package sdk_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
)

// TestCallOptions is issue 10.9: per-call options override the client's
// settings for one call, without a second client.
func TestCallOptions(t *testing.T) {
	ctx := context.Background()
	task := []testRequest{{Target: "a.com"}}

	t.Run("timeout", func(t *testing.T) {
		srv := sdktest.NewServer(t, sdktest.WithDelay(time.Second))
		client := srv.Client()
		err := client.Post(ctx, referringDomains, task, nil, sdk.WithTimeout(20*time.Millisecond))
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("a call with a 20ms timeout: %v", err)
		}
	})
	t.Run("retries", func(t *testing.T) {
		srv := sdktest.NewServer(t, sdktest.WithHTTPStatus(429))
		client := srv.Client(sdk.WithMaxRetries(3))
		newFakeClock(client)
		client.Post(ctx, referringDomains, task, nil, sdk.WithMaxRetries(0))
		if got := srv.Count(""); got != 1 {
			t.Errorf("WithMaxRetries(0) on the call: %d requests, want 1", got)
		}
		client.Post(ctx, referringDomains, task, nil)
		if got := srv.Count(""); got != 5 {
			t.Errorf("the client's 3 retries: %d requests in all, want 1+4", got)
		}
	})
	t.Run("headers", func(t *testing.T) {
		got := make(chan http.Header, 2)
		srv := sdktest.NewServer(t, sdktest.WithHandler(referringDomains, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			got <- r.Header.Clone()
			w.Write([]byte(envelope("0")))
		})))
		client := srv.Client(sdk.WithHeader("X-Team", "seo"))
		if err := client.Post(ctx, referringDomains, task, nil, sdk.WithHeader("X-Trace", "abc")); err != nil {
			t.Fatal(err)
		}
		if err := client.Post(ctx, referringDomains, task, nil); err != nil {
			t.Fatal(err)
		}
		first, second := <-got, <-got
		if first.Get("X-Team") != "seo" || first.Get("X-Trace") != "abc" || second.Get("X-Trace") != "" || second.Get("X-Team") != "seo" {
			t.Errorf("headers: first %v, second %v", first, second)
		}
		if err := client.Post(ctx, referringDomains, task, nil, sdk.WithHeader("Authorization", "Bearer x")); err == nil {
			t.Error("a call could replace the Authorization header")
		}
	})
	t.Run("raw response", func(t *testing.T) {
		srv := sdktest.NewServer(t)
		client := srv.Client()
		var raw sdk.RawResponse
		var resp testResponse
		if err := client.Post(ctx, referringDomains, task, &resp, sdk.WithRawResponse(&raw)); err != nil {
			t.Fatal(err)
		}
		var tree map[string]any
		if raw.StatusCode != 200 || !strings.HasPrefix(raw.Header.Get("Content-Type"), "application/json") || json.Unmarshal(raw.Body, &tree) != nil {
			t.Errorf("raw response: %d %v %.80q", raw.StatusCode, raw.Header, raw.Body)
		}
		if tree["status_code"] != float64(resp.StatusCode) {
			t.Errorf("the raw body is not the decoded one")
		}
	})
	t.Run("meaningless", func(t *testing.T) {
		srv := sdktest.NewServer(t)
		client := srv.Client()
		for _, o := range []sdk.CallOption{sdk.WithTimeout(-1), sdk.WithBudget(0), sdk.WithMaxRetries(-2), sdk.WithRawResponse(nil), sdk.WithMaxPages(0)} {
			if err := client.Post(ctx, referringDomains, task, nil, o); err == nil {
				t.Errorf("%T accepted a meaningless value", o)
			}
		}
		if srv.Count("") != 0 {
			t.Error("a call with a meaningless option was sent")
		}
	})
}

// TestRequestBody is issue 10.8's whole-body part: 1 to 100 tasks, an
// array of them, checked before anything is sent.
func TestRequestBody(t *testing.T) {
	many := make([]testRequest, 101)
	for i := range many {
		many[i] = testRequest{Target: "a.com"}
	}
	tests := []struct {
		name  string
		tasks any
		want  string // "" for a call that is sent
	}{
		{"one task", []testRequest{{Target: "a.com"}}, ""},
		{"100 tasks", many[:100], ""},
		{"no tasks", []testRequest{}, "no tasks: a POST needs at least one (the API answers 40502)"},
		{"nil tasks", []testRequest(nil), "no tasks"},
		{"101 tasks", many, "101 tasks: at most 100 fit in one call (the API answers 40006 for the rest)"},
		{"a single struct", testRequest{Target: "a.com"}, "the tasks are a sdk_test.testRequest; the request body is a JSON array of tasks: pass a slice"},
		{"nil", nil, "the tasks are a <nil>"},
		{"raw JSON array", json.RawMessage(`[{"target":"a.com"}]`), ""},
		{"raw JSON object", json.RawMessage(`{"target":"a.com"}`), "the request body must be a JSON array of tasks"},
		{"raw JSON empty array", json.RawMessage(`[]`), "no tasks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := sdktest.NewServer(t)
			err := srv.Client().Post(context.Background(), referringDomains, tt.tasks, nil)
			if tt.want == "" {
				if err != nil || srv.Count("") != 1 {
					t.Errorf("error %v after %d calls, want one call", err, srv.Count(""))
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.Is(err, sdk.ErrInvalidRequest) {
				t.Errorf("error %v, want an invalid request with %q", err, tt.want)
			}
			if srv.Count("") != 0 {
				t.Error("the call was sent")
			}
		})
	}
}
