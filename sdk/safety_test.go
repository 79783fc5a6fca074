package sdk_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
)

// allocated returns the bytes f allocates (all goroutines count).
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// endless writes n bytes of JSON-looking text.
func endless(w io.Writer, n int64) {
	chunk := bytes.Repeat([]byte(`{"a":1},`), 8192)
	for n > 0 {
		k := min(int64(len(chunk)), n)
		if _, err := w.Write(chunk[:k]); err != nil {
			return
		}
		n -= k
	}
}

// TestBodyCap is issue 10.5: a huge body, a gzip body that expands, with
// the transport's decompression or without it, fail at the cap, and the
// memory the call allocates stays within a small factor of the cap.
func TestBodyCap(t *testing.T) {
	const limit = 8 << 20
	const huge = 256 << 20 // what the server would send
	gz := func(w http.ResponseWriter) {
		w.Header().Set("Content-Encoding", "gzip")
		zw, _ := gzip.NewWriterLevel(w, gzip.BestSpeed)
		endless(zw, huge)
		zw.Close()
	}
	tests := []struct {
		name   string
		answer func(w http.ResponseWriter)
		client func(*http.Client) *http.Client
	}{
		{"plain body", func(w http.ResponseWriter) { endless(w, huge) }, nil},
		{"announced length", func(w http.ResponseWriter) {
			w.Header().Set("Content-Length", "268435456")
			endless(w, huge)
		}, nil},
		{"gzip the transport expands", gz, nil},
		{"gzip the transport leaves", gz, func(hc *http.Client) *http.Client {
			tr := http.DefaultTransport.(*http.Transport).Clone()
			tr.DisableCompression = true
			return &http.Client{Transport: tr}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if tt.client != nil {
					r.Header.Set("Accept-Encoding", "gzip")
				}
				tt.answer(w)
			}))
			defer srv.Close()
			opts := []sdk.Option{sdk.WithBaseURL(srv.URL), sdk.WithCredentials("l", "p"), sdk.WithMaxResponseBytes(limit)}
			if tt.client != nil {
				opts = append(opts, sdk.WithHTTPClient(tt.client(nil)))
			}
			client, err := sdk.NewClient(opts...)
			if err != nil {
				t.Fatal(err)
			}
			var callErr error
			used := allocated(func() {
				callErr = client.Post(context.Background(), referringDomains, []testRequest{{Target: "a.com"}}, nil)
			})
			if callErr == nil || !strings.Contains(callErr.Error(), "limit (WithMaxResponseBytes)") {
				t.Errorf("error %v, want the body limit", callErr)
			}
			// The whole process counts (the server too); the client reads
			// at most the cap once.
			if used > 3*limit {
				t.Errorf("the call allocated %d MB for a %d MB cap", used>>20, limit>>20)
			}
			if client.UnknownCosts() != 1 {
				t.Errorf("UnknownCosts() = %d, want 1: the call reached the API", client.UnknownCosts())
			}
		})
	}
}

// TestErrorTextBounded: a server's 1 MB status_message does not end up
// whole in the error.
func TestErrorTextBounded(t *testing.T) {
	msg := strings.Repeat("x", 1<<20)
	srv := sdktest.NewServer(t, sdktest.WithHandler(referringDomains, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"status_code":40501,"status_message":"` + msg + `","cost":0,"tasks":[{"id":"` + msg +
			`","status_code":40501,"status_message":"` + msg + `","cost":0}]}`))
	})))
	err := srv.Client().Post(context.Background(), referringDomains, []testRequest{{Target: "a.com"}}, nil)
	if err == nil || len(err.Error()) > 2048 {
		t.Errorf("error of %d bytes, want a bounded one", len(err.Error()))
	}
	var e *sdk.Error
	if !errors.As(err, &e) || len(e.Message) > 1024 || len(e.Body) > 4096 {
		t.Errorf("the *sdk.Error keeps %d bytes of message and %d of body", len(e.Message), len(e.Body))
	}
}

// TestErrorKeepsResponse is issue 10.10: the HTML of a 500 and its headers
// are in the *sdk.Error.
func TestErrorKeepsResponse(t *testing.T) {
	srv := sdktest.NewServer(t, sdktest.WithHandler(referringDomains, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Request-Id", "req-42")
		w.WriteHeader(500)
		w.Write([]byte("<html><h1>500 Internal Server Error</h1></html>"))
	})))
	err := srv.Client().Post(context.Background(), referringDomains, []testRequest{{Target: "a.com"}}, nil)
	var e *sdk.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v, want an *sdk.Error", err)
	}
	if e.HTTPStatus != 500 || e.Header.Get("X-Request-Id") != "req-42" || !strings.Contains(string(e.Body), "500 Internal Server Error") {
		t.Errorf("the error keeps HTTP %d, header %v, body %q", e.HTTPStatus, e.Header, e.Body)
	}
}

// silent accepts connections and reads from them, and never answers.
func silent(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go io.Copy(io.Discard, c)
		}
	}()
	return "http://" + ln.Addr().String()
}

// TestTimeouts is issue 10.6: a server that never answers, or dribbles
// its body, ends the call at the configured timeouts, with
// context.Background(); the call may have been charged, so it is not
// retried.
func TestTimeouts(t *testing.T) {
	dribble := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(200)
		for {
			if _, err := w.Write([]byte(" ")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}))
	defer dribble.Close()
	tests := []struct {
		name, base string
		opt        sdk.Option
		want       string
	}{
		{"never answers", silent(t), sdk.WithResponseHeaderTimeout(100 * time.Millisecond), "no response headers within 100ms"},
		{"dribbles its body", dribble.URL, sdk.WithTimeout(300 * time.Millisecond), "the attempt took longer than 300ms"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client, err := sdk.NewClient(sdk.WithBaseURL(tt.base), sdk.WithCredentials("l", "p"), tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() {
				done <- client.Post(context.Background(), referringDomains, []testRequest{{Target: "a.com"}}, nil)
			}()
			select {
			case err := <-done:
				if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("error %v, want a deadline and %q", err, tt.want)
				}
			case <-time.After(time.Minute):
				t.Fatal("the call did not end")
			}
			if client.UnknownCosts() != 1 {
				t.Errorf("UnknownCosts() = %d, want 1", client.UnknownCosts())
			}
		})
	}
}

// TestDefaultTimeouts: a client has every timeout by default.
func TestDefaultTimeouts(t *testing.T) {
	client, err := sdk.NewClient(sdk.WithCredentials("l", "p"))
	if err != nil {
		t.Fatal(err)
	}
	attempt, header, connect := sdk.Timeouts(client)
	if attempt != sdk.DefaultTimeout || header != sdk.DefaultResponseHeaderTimeout || connect != sdk.DefaultConnectTimeout {
		t.Errorf("timeouts %v, %v, %v; want the defaults", attempt, header, connect)
	}
	if attempt <= 0 || header <= 0 || connect <= 0 || header > attempt {
		t.Errorf("meaningless defaults %v, %v, %v", attempt, header, connect)
	}
}

// TestRedirects is issue 10.7: a redirect to another port or scheme is
// refused and the credentials never reach it; one within the base URL's
// origin is followed.
func TestRedirects(t *testing.T) {
	var elsewhere atomic.Int64
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		elsewhere.Add(1)
		if r.Header.Get("Authorization") != "" {
			t.Errorf("the credentials reached %s", r.Host)
		}
		w.Write([]byte(envelope("0")))
	}))
	defer other.Close()
	redirect := func(to string) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/moved" {
				if r.Header.Get("Authorization") == "" {
					t.Error("a same-origin redirect lost the credentials")
				}
				w.Write([]byte(envelope("0")))
				return
			}
			http.Redirect(w, r, to, http.StatusTemporaryRedirect)
		})
	}
	plain := httptest.NewServer(redirect(other.URL + "/x")) // same scheme and host, other port
	defer plain.Close()
	tlsSrv := httptest.NewTLSServer(redirect(other.URL + "/x")) // https to http
	defer tlsSrv.Close()
	same := httptest.NewServer(redirect("/moved"))
	defer same.Close()

	tests := []struct {
		name   string
		opts   []sdk.Option
		refuse bool
	}{
		{"other port", []sdk.Option{sdk.WithBaseURL(plain.URL)}, true},
		{"https to http", []sdk.Option{sdk.WithBaseURL(tlsSrv.URL), sdk.WithHTTPClient(tlsSrv.Client())}, true},
		{"same origin", []sdk.Option{sdk.WithBaseURL(same.URL)}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client, err := sdk.NewClient(append(tt.opts, sdk.WithCredentials("l", "p"))...)
			if err != nil {
				t.Fatal(err)
			}
			err = client.Post(context.Background(), referringDomains, []testRequest{{Target: "a.com"}}, nil)
			if tt.refuse != (err != nil) || (tt.refuse && !strings.Contains(err.Error(), "redirect to another scheme, host or port refused")) {
				t.Errorf("error %v, want refused %v", err, tt.refuse)
			}
		})
	}
	if elsewhere.Load() != 0 {
		t.Errorf("%d requests reached the other origin", elsewhere.Load())
	}
	if tlsSrv.Client().CheckRedirect != nil {
		t.Error("WithHTTPClient changed the caller's client")
	}
}

// TestDebugBodies: WithLogBodies shows the request and response with the
// credentials redacted.
func TestDebugBodies(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	srv := sdktest.NewServer(t, sdktest.WithCredentials(secretLogin, secretPassword))
	client := srv.Client(sdk.WithLogger(logger), sdk.WithLogBodies(4096))
	if err := client.Post(context.Background(), referringDomains, []testRequest{{Target: "backlinko.com"}}, nil); err != nil {
		t.Fatal(err)
	}
	out := logs.String()
	for _, want := range []string{"dataforseo request", `backlinko.com`, "dataforseo response", `status_code`, "[redacted]"} {
		if !strings.Contains(out, want) {
			t.Errorf("the logs lack %q:\n%s", want, out)
		}
	}
	if leaks(out) {
		t.Error("the logs hold the credentials")
	}
}

// TestNilGuards is issue 10.11: a nil context, a nil client.
func TestNilGuards(t *testing.T) {
	srv := sdktest.NewServer(t)
	var nilCtx context.Context
	if err := srv.Client().Post(nilCtx, referringDomains, []testRequest{{Target: "a.com"}}, nil); err == nil ||
		!strings.Contains(err.Error(), "the context is nil") {
		t.Errorf("a nil context: %v", err)
	}
	var nilClient *sdk.Client
	if err := nilClient.Post(context.Background(), referringDomains, []testRequest{{Target: "a.com"}}, nil); err == nil ||
		!strings.Contains(err.Error(), "the *sdk.Client is nil") {
		t.Errorf("a nil client: %v", err)
	}
	if srv.Count("") != 0 {
		t.Error("a call was sent")
	}
}
