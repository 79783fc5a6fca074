package sdk_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"syscall"
	"testing"
	"time"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
	"github.com/google/go-cmp/cmp"
)

// TestRetryRateLimited: a 429 with Retry-After: 1 then a success is
// retried once, after waiting the second the server asked for.
func TestRetryRateLimited(t *testing.T) {
	srv := sdktest.NewServer(t, sdktest.WithTooManyRequests(1, time.Second))
	client := srv.Client(sdk.WithBackoff(time.Millisecond, 10*time.Millisecond))
	clock := newFakeClock(client)
	var resp testResponse
	if err := client.Post(context.Background(), referringDomains, []testRequest{{Target: "a.com"}}, &resp); err != nil {
		t.Fatalf("Post: %v", err)
	}
	if got := srv.Count(referringDomains); got != 2 {
		t.Errorf("server saw %d calls, want 2", got)
	}
	if diff := cmp.Diff([]time.Duration{time.Second}, clock.Waits()); diff != "" {
		t.Errorf("waits (-want +got):\n%s", diff)
	}
	if len(resp.Results()) != 1 {
		t.Errorf("the retried call has %d results, want 1", len(resp.Results()))
	}
}

// TestRetryRule checks which failures are retried: only those that cannot
// have been charged.
func TestRetryRule(t *testing.T) {
	once := func(f sdktest.Fault) sdktest.Option { return sdktest.WithFaults(f) }
	tests := []struct {
		name  string
		opts  []sdktest.Option
		calls int   // calls the server sees (at most 1 + 3 retries)
		is    error // the final error's class; nil for success
	}{
		{"HTTP 500 is not retried", []sdktest.Option{once(sdktest.Fault{HTTPStatus: 500})}, 1, sdk.ErrServer},
		// A gateway's 502 or 504 can come after the API ran the task.
		{"HTTP 502 is not retried", []sdktest.Option{once(sdktest.Fault{HTTPStatus: 502})}, 1, sdk.ErrServer},
		{"HTTP 504 is not retried", []sdktest.Option{once(sdktest.Fault{HTTPStatus: 504})}, 1, sdk.ErrServer},
		{"HTTP 502 with a body that is not JSON", []sdktest.Option{once(sdktest.Fault{HTTPStatus: 502, Malformed: true})}, 1, sdk.ErrServer},
		{"HTTP 503 without Retry-After is not retried", []sdktest.Option{once(sdktest.Fault{HTTPStatus: 503})}, 1, sdk.ErrServer},
		{"HTTP 503 with Retry-After", []sdktest.Option{once(sdktest.Fault{HTTPStatus: 503, RetryAfter: time.Second})}, 2, nil},
		{"HTTP 503 with Retry-After, not JSON", []sdktest.Option{once(sdktest.Fault{HTTPStatus: 503, RetryAfter: time.Second, Malformed: true})}, 2, nil},
		{"40202 rate limit", []sdktest.Option{once(sdktest.Fault{StatusCode: 40202})}, 2, nil},
		{"50001 balance check", []sdktest.Option{once(sdktest.Fault{StatusCode: 50001})}, 2, nil},
		{"50303 update in progress", []sdktest.Option{once(sdktest.Fault{StatusCode: 50303})}, 2, nil},
		{"50000 internal error", []sdktest.Option{once(sdktest.Fault{StatusCode: 50000})}, 1, sdk.ErrServer},
		{"50401 timeout", []sdktest.Option{once(sdktest.Fault{StatusCode: 50401})}, 1, sdk.ErrServer},
		{"50301 service unavailable", []sdktest.Option{once(sdktest.Fault{StatusCode: 50301})}, 1, sdk.ErrServer},
		{"40100", []sdktest.Option{once(sdktest.Fault{StatusCode: 40100})}, 1, sdk.ErrAuthentication},
		{"task-level 40202", []sdktest.Option{once(sdktest.Fault{TaskStatusCodes: []int{40202}})}, 1, sdk.ErrRateLimit},
		{"task-level 40103", []sdktest.Option{once(sdktest.Fault{TaskStatusCodes: []int{40103}})}, 1, sdk.ErrServer},
		{"malformed 200", []sdktest.Option{once(sdktest.Fault{Malformed: true})}, 1, sdk.ErrServer},
		{"429 every time", []sdktest.Option{sdktest.WithHTTPStatus(429)}, 4, sdk.ErrRateLimit},
		{"charged rate limit", []sdktest.Option{sdktest.WithHandler(referringDomains, http.HandlerFunc(
			func(w http.ResponseWriter, r *http.Request) {
				w.Write([]byte(`{"status_code":40202,"status_message":"x","cost":0.01,"tasks":null}`))
			}))}, 1, sdk.ErrRateLimit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := sdktest.NewServer(t, tt.opts...)
			client := srv.Client(sdk.WithMaxRetries(3))
			clock := newFakeClock(client)
			var resp testResponse
			err := client.Post(context.Background(), referringDomains, []testRequest{{Target: "a.com"}}, &resp)
			if (tt.is == nil) != (err == nil) || (tt.is != nil && !errors.Is(err, tt.is)) {
				t.Fatalf("Post error = %v, want class %v", err, tt.is)
			}
			if got := srv.Count(""); got != tt.calls {
				t.Errorf("server saw %d calls, want %d", got, tt.calls)
			}
			if got := len(clock.Waits()); got != tt.calls-1 {
				t.Errorf("%d waits, want %d", got, tt.calls-1)
			}
		})
	}
}

// TestRetryConnectionRefused: a connection that fails before the request
// is written is retried, with growing waits.
func TestRetryConnectionRefused(t *testing.T) {
	// Every dial is refused by the transport itself: a port closed after
	// listening may be taken by another test's server meanwhile.
	refuse := &http.Transport{DialContext: func(context.Context, string, string) (net.Conn, error) {
		return nil, &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	}}
	client, err := sdk.NewClient(sdk.WithBaseURL("http://127.0.0.1:9"), sdk.WithHTTPClient(&http.Client{Transport: refuse}),
		sdk.WithCredentials("l", "p"), sdk.WithMaxRetries(3), sdk.WithBackoff(100*time.Millisecond, 300*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	clock := newFakeClock(client)
	err = client.Get(context.Background(), "/v3/appendix/user_data", nil)
	var opErr *net.OpError
	if !errors.As(err, &opErr) {
		t.Fatalf("error = %v, want a *net.OpError inside", err)
	}
	waits := clock.Waits()
	bounds := [][2]time.Duration{{50, 100}, {100, 200}, {150, 300}}
	if len(waits) != len(bounds) {
		t.Fatalf("waits = %v, want %d", waits, len(bounds))
	}
	for i, b := range bounds {
		if waits[i] < b[0]*time.Millisecond || waits[i] > b[1]*time.Millisecond {
			t.Errorf("wait %d = %v, want within %v", i, waits[i], b)
		}
	}
}

// TestNoRetryAfterWrite: a connection that breaks after the request was
// written is not retried (the API may have processed it).
func TestNoRetryAfterWrite(t *testing.T) {
	srv := sdktest.NewServer(t, sdktest.WithHandler(referringDomains, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			conn.Close()
		}
	})))
	client := srv.Client()
	clock := newFakeClock(client)
	err := client.Post(context.Background(), referringDomains, []testRequest{{Target: "a.com"}}, nil)
	if err == nil {
		t.Fatal("Post succeeded on a broken connection")
	}
	if got := srv.Count(""); got != 1 || len(clock.Waits()) != 0 {
		t.Errorf("server saw %d calls after %d waits, want 1 call and no retry", got, len(clock.Waits()))
	}
}

// TestRetryStopsWithContext: a context that ends during the wait ends the
// call, with both the last failure and the context's error.
func TestRetryStopsWithContext(t *testing.T) {
	srv := sdktest.NewServer(t, sdktest.WithFault(sdktest.Fault{HTTPStatus: 503, RetryAfter: time.Second}))
	client := srv.Client()
	ctx, cancel := context.WithCancel(context.Background())
	sdk.SetClock(client, time.Now, func(context.Context, time.Duration) error {
		cancel()
		return ctx.Err()
	})
	err := client.Post(ctx, referringDomains, []testRequest{{Target: "a.com"}}, nil)
	if !errors.Is(err, context.Canceled) || !errors.Is(err, sdk.ErrServer) {
		t.Errorf("error = %v, want the 503 and context.Canceled", err)
	}
	if got := srv.Count(""); got != 1 {
		t.Errorf("server saw %d calls, want 1", got)
	}
	if err := client.Post(ctx, referringDomains, []testRequest{{Target: "a.com"}}, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("a call with a done context returned %v", err)
	}
	if got := srv.Count(""); got != 1 {
		t.Errorf("a call with a done context reached the server")
	}
}

// TestRetryAfterTooLong: a wait beyond two minutes is not taken.
func TestRetryAfterTooLong(t *testing.T) {
	srv := sdktest.NewServer(t, sdktest.WithTooManyRequests(1, 3*time.Minute))
	client := srv.Client()
	clock := newFakeClock(client)
	err := client.Post(context.Background(), referringDomains, []testRequest{{Target: "a.com"}}, nil)
	if !errors.Is(err, sdk.ErrRateLimit) || srv.Count("") != 1 || len(clock.Waits()) != 0 {
		t.Errorf("error %v after %d calls and waits %v; want the 429 at once", err, srv.Count(""), clock.Waits())
	}
}

func TestBackoff(t *testing.T) {
	tests := []struct {
		attempt int
		full    time.Duration
	}{
		{0, 100 * time.Millisecond}, {1, 200 * time.Millisecond}, {2, 400 * time.Millisecond},
		{3, 800 * time.Millisecond}, {4, time.Second}, {60, time.Second},
	}
	for _, tt := range tests {
		seen := map[time.Duration]bool{}
		for range 50 {
			d := sdk.Backoff(tt.attempt, 100*time.Millisecond, time.Second)
			if d < tt.full/2 || d > tt.full {
				t.Errorf("backoff(%d) = %v, want within [%v, %v]", tt.attempt, d, tt.full/2, tt.full)
			}
			seen[d] = true
		}
		if len(seen) < 2 {
			t.Errorf("backoff(%d) has no jitter: always %v", tt.attempt, seen)
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2024, 4, 22, 12, 0, 0, 0, time.UTC)
	beyond := 2*time.Minute + time.Second // what a wait above the client's cap reads as
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"", 0, false},
		{"1", time.Second, true},
		{" 7 ", 7 * time.Second, true},
		{"0", 0, true},
		{"-3", 0, false},
		{"1.5", 0, false},
		{"soon", 0, false},
		{"121", beyond, true},
		{"99999999999999999999999999", beyond, true}, // overflows int64
		{"9223372036854775807", beyond, true},        // overflows a Duration
		{now.Add(10 * time.Second).Format(http.TimeFormat), 10 * time.Second, true},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0, true},
		{now.Add(1000 * time.Hour).Format(http.TimeFormat), beyond, true},
	}
	for _, tt := range tests {
		got, err := sdk.ParseRetryAfter(tt.in, now)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

// TestTimeoutNotRetried: an attempt that times out after its request was
// written may have been processed, so it is not retried.
func TestTimeoutNotRetried(t *testing.T) {
	srv := sdktest.NewServer(t, sdktest.WithDelay(time.Hour))
	client := srv.Client(sdk.WithTimeout(20 * time.Millisecond))
	clock := newFakeClock(client)
	err := client.Post(context.Background(), referringDomains, []testRequest{{Target: "a.com"}}, nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v, want context.DeadlineExceeded", err)
	}
	if got := srv.Count(""); got != 1 || len(clock.Waits()) != 0 {
		t.Errorf("server saw %d calls after %d waits, want 1 and none", got, len(clock.Waits()))
	}
}
