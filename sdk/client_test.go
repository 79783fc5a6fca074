package sdk_test

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
	"github.com/google/go-cmp/cmp"
)

func TestNewClientOptions(t *testing.T) {
	creds := sdk.WithCredentials("login", "pw")
	tests := []struct {
		name    string
		opts    []sdk.Option
		env     map[string]string
		wantErr string // "" for success
	}{
		{"production", []sdk.Option{creds}, nil, ""},
		{"sandbox", []sdk.Option{creds, sdk.WithBaseURL(sdk.SandboxURL)}, nil, ""},
		{"credentials from the environment", nil, map[string]string{sdk.EnvLogin: "l", sdk.EnvPassword: "p"}, ""},
		{"no credentials", nil, nil, "dataforseo: no credentials: use WithCredentials or set DATAFORSEO_LOGIN and DATAFORSEO_PASSWORD"},
		{"empty password", []sdk.Option{sdk.WithCredentials("login", "")}, nil, "dataforseo: no credentials: use WithCredentials or set DATAFORSEO_LOGIN and DATAFORSEO_PASSWORD"},
		{"http to loopback", []sdk.Option{creds, sdk.WithBaseURL("http://127.0.0.1:8080")}, nil, ""},
		{"http to localhost", []sdk.Option{creds, sdk.WithBaseURL("http://localhost:8080/")}, nil, ""},
		{"http to ::1", []sdk.Option{creds, sdk.WithBaseURL("http://[::1]:8080")}, nil, ""},
		{"http elsewhere", []sdk.Option{creds, sdk.WithBaseURL("http://api.dataforseo.com")}, nil,
			`dataforseo: WithBaseURL: the URL must be https (http only for a loopback host), not "http"`},
		{"credentials in the URL", []sdk.Option{creds, sdk.WithBaseURL("https://u:secret@api.dataforseo.com")}, nil,
			"dataforseo: WithBaseURL: the URL must not hold credentials; use WithCredentials"},
		{"no host", []sdk.Option{creds, sdk.WithBaseURL("https:///v3")}, nil, "dataforseo: WithBaseURL: the URL has no host"},
		{"query", []sdk.Option{creds, sdk.WithBaseURL("https://a.com/?x=1")}, nil,
			"dataforseo: WithBaseURL: the URL must not have a query or fragment"},
		{"not a URL", []sdk.Option{creds, sdk.WithBaseURL("https://a b\x7f.com")}, nil, "dataforseo: WithBaseURL: not a URL"},
		{"bad backoff", []sdk.Option{creds, sdk.WithBackoff(2, 1)}, nil, "dataforseo: WithBackoff(2ns, 1ns): needs 0 <= initial <= max"},
		{"zero budget", []sdk.Option{creds, sdk.WithBudget(0)}, nil, "dataforseo: WithBudget(0): must be a number above 0"},
		{"negative budget", []sdk.Option{creds, sdk.WithBudget(-1)}, nil, "dataforseo: WithBudget(-1): must be a number above 0"},
		{"NaN budget", []sdk.Option{creds, sdk.WithBudget(math.NaN())}, nil, "dataforseo: WithBudget(NaN): must be a number above 0"},
		{"infinite budget", []sdk.Option{creds, sdk.WithBudget(math.Inf(1))}, nil, "dataforseo: WithBudget(+Inf): must be a number above 0"},
		{"negative timeout", []sdk.Option{creds, sdk.WithTimeout(-time.Second)}, nil, "dataforseo: WithTimeout(-1s): must be above 0"},
		{"zero timeout", []sdk.Option{creds, sdk.WithTimeout(0)}, nil, "dataforseo: WithTimeout(0s): must be above 0"},
		{"negative connect timeout", []sdk.Option{creds, sdk.WithConnectTimeout(-1)}, nil, "dataforseo: WithConnectTimeout(-1ns): must be above 0"},
		{"zero header timeout", []sdk.Option{creds, sdk.WithResponseHeaderTimeout(0)}, nil, "dataforseo: WithResponseHeaderTimeout(0s): must be above 0"},
		{"nil HTTP client", []sdk.Option{creds, sdk.WithHTTPClient(nil)}, nil, "dataforseo: WithHTTPClient: the HTTP client is nil"},
		{"rate of 0", []sdk.Option{creds, sdk.WithRateLimit(0, time.Minute)}, nil,
			"dataforseo: WithRateLimit(0, 1m0s): both must be above 0; use WithoutRateLimit to turn the limit off"},
		{"rate over 0s", []sdk.Option{creds, sdk.WithRateLimit(10, 0)}, nil,
			"dataforseo: WithRateLimit(10, 0s): both must be above 0; use WithoutRateLimit to turn the limit off"},
		{"no rate limit", []sdk.Option{creds, sdk.WithoutRateLimit()}, nil, ""},
		{"concurrency 0", []sdk.Option{creds, sdk.WithMaxConcurrency(0)}, nil, "dataforseo: WithMaxConcurrency(0): must be above 0"},
		{"negative retries", []sdk.Option{creds, sdk.WithMaxRetries(-1)}, nil, "dataforseo: WithMaxRetries(-1): must not be negative"},
		{"zero body cap", []sdk.Option{creds, sdk.WithMaxResponseBytes(0)}, nil, "dataforseo: WithMaxResponseBytes(0): must be above 0"},
		{"negative cost ceiling", []sdk.Option{creds, sdk.WithCostCeiling(-0.1)}, nil, "dataforseo: WithCostCeiling(-0.1): must be a number above 0"},
		{"negative log bodies", []sdk.Option{creds, sdk.WithLogBodies(-1)}, nil, "dataforseo: WithLogBodies: -1 bytes is negative"},
		{"SDK header", []sdk.Option{creds, sdk.WithHeader("authorization", "x")}, nil, `dataforseo: WithHeader("authorization"): the SDK sets this header itself`},
		{"two problems", []sdk.Option{creds, sdk.WithBudget(0), sdk.WithTimeout(-1)}, nil,
			"dataforseo: WithBudget(0): must be a number above 0\ndataforseo: WithTimeout(-1ns): must be above 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(sdk.EnvLogin, tt.env[sdk.EnvLogin])
			t.Setenv(sdk.EnvPassword, tt.env[sdk.EnvPassword])
			c, err := sdk.NewClient(tt.opts...)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.wantErr {
				t.Errorf("NewClient error = %q, want %q", got, tt.wantErr)
			}
			if (c == nil) == (tt.wantErr == "") {
				t.Errorf("client = %v with error %v", c, err)
			}
		})
	}
}

func TestPost(t *testing.T) {
	srv := sdktest.NewServer(t)
	client := srv.Client(sdk.WithUserAgent("myapp/1.0"))
	var resp testResponse
	tasks := []testRequest{{Target: "backlinko.com", Limit: sdk.Int(3), Filters: sdk.F("backlinks", ">", 100),
		OrderBy: sdk.OrderBy{sdk.Desc("rank")}}}
	if err := client.Post(context.Background(), referringDomains, tasks, &resp); err != nil {
		t.Fatalf("Post: %v", err)
	}
	res, ok := resp.FirstResult()
	if !ok {
		t.Fatal("no result")
	}
	var domains []string
	for _, it := range res.Items {
		domains = append(domains, it.Domain)
	}
	if diff := cmp.Diff([]string{"menaccessories.net", "semrush.com", "alexamaster.net"}, domains); diff != "" {
		t.Errorf("domains (-want +got):\n%s", diff)
	}
	wantData := testData{API: "backlinks", Function: "referring_domains", Target: "backlinko.com", Limit: sdk.Int(3),
		Filters: sdk.F("backlinks", ">", 100), OrderBy: sdk.OrderBy{"rank,desc"}}
	if diff := cmp.Diff(wantData, resp.Tasks[0].Data); diff != "" {
		t.Errorf("echoed data (-want +got):\n%s", diff)
	}
	calls := srv.Calls()
	if len(calls) != 1 {
		t.Fatalf("server saw %d calls, want 1", len(calls))
	}
	if got, want := string(calls[0].Body), `[{"target":"backlinko.com","limit":3,"filters":["backlinks",">",100],"order_by":["rank,desc"]}]`; got != want {
		t.Errorf("body = %s, want %s", got, want)
	}
	if ua := calls[0].UserAgent; ua != "myapp/1.0 dataforseo-go/"+sdk.Version {
		t.Errorf("User-Agent = %q", ua)
	}
	if client.Spent() != resp.Cost || resp.Cost == 0 {
		t.Errorf("Spent() = %v, response cost %v", client.Spent(), resp.Cost)
	}
}

// TestPostStatuses runs a call against each way the server can fail.
func TestPostStatuses(t *testing.T) {
	tests := []struct {
		name     string
		opts     []sdktest.Option
		is       error // the class errors.Is must match; nil for no error
		task     bool  // the error is a *TaskErrors
		results  int   // usable results in the response
		decodeOK bool  // the error is a *DecodeError
	}{
		{"ok", nil, nil, false, 1, false},
		{"40100 inside HTTP 200", []sdktest.Option{sdktest.WithStatusCode(40100)}, sdk.ErrAuthentication, false, 0, false},
		{"wrong password", []sdktest.Option{sdktest.WithCredentials("someone", "else")}, sdk.ErrAuthentication, false, 0, false},
		{"payment", []sdktest.Option{sdktest.WithStatusCode(40200)}, sdk.ErrPayment, false, 0, false},
		{"one of two tasks fails", []sdktest.Option{sdktest.WithTaskStatusCodes(0, 40501)}, sdk.ErrInvalidRequest, true, 1, false},
		{"HTTP 404", []sdktest.Option{sdktest.WithHTTPStatus(http.StatusNotFound)}, sdk.ErrNotFound, false, 0, false},
		{"HTTP 500", []sdktest.Option{sdktest.WithHTTPStatus(http.StatusInternalServerError)}, sdk.ErrServer, false, 0, false},
		{"malformed body", []sdktest.Option{sdktest.WithMalformedBody()}, sdk.ErrServer, false, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := sdktest.NewServer(t, tt.opts...)
			client, err := sdk.NewClient(sdk.WithBaseURL(srv.URL), sdk.WithCredentials(sdktest.DefaultLogin, sdktest.DefaultPassword),
				sdk.WithMaxRetries(0))
			if err != nil {
				t.Fatal(err)
			}
			tasks := []testRequest{{Target: "a.com", Limit: sdk.Int(2)}}
			if tt.task {
				tasks = append(tasks, testRequest{Target: "b.com"})
			}
			var resp testResponse
			err = client.Post(context.Background(), referringDomains, tasks, &resp)
			if tt.is == nil && err != nil {
				t.Fatalf("Post: %v", err)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Fatalf("Post error %v is not %v", err, tt.is)
			}
			var te *sdk.TaskErrors
			if got := errors.As(err, &te); got != tt.task {
				t.Errorf("error is a *TaskErrors: %v, want %v", got, tt.task)
			}
			var e *sdk.Error
			if tt.is != nil && (!errors.As(err, &e) || e.Path != referringDomains) {
				t.Errorf("error %v is not an *Error naming the path", err)
			}
			if got := len(resp.Results()); got != tt.results {
				t.Errorf("%d usable results, want %d", got, tt.results)
			}
			if tt.task && (len(te.Errors) != 1 || te.Errors[0].TaskID != resp.Tasks[1].ID || te.Errors[0].Code != 40501) {
				t.Errorf("task errors = %+v, want the second task's 40501", te.Errors)
			}
		})
	}
}

// TestPostDecodeProblem checks a float in an integer field: the call
// returns the rest of the response and a *DecodeError naming it.
func TestPostDecodeProblem(t *testing.T) {
	srv := sdktest.NewServer(t, sdktest.WithHandler(referringDomains, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(itemsBody(`{"domain":"two.com","rank":2.5,"backlinks":7}`)))
	})))
	var resp testResponse
	err := srv.Client().Post(context.Background(), referringDomains, []testRequest{{Target: "a.com"}}, &resp)
	var de *sdk.DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("Post error = %v, want a *DecodeError", err)
	}
	want := []sdk.DecodeProblem{{Path: "tasks[0].result[0].items[1].rank", Wire: "2.5", Reason: "want int64"}}
	if diff := cmp.Diff(want, de.Problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	res, _ := resp.FirstResult()
	if len(res.Items) != 2 || res.Items[1].Domain != "two.com" || res.Items[1].Backlinks != 7 || resp.Cost != 0.02 {
		t.Errorf("the response lost more than the bad value: %+v", res)
	}
}

// TestPostOtherOut checks outputs that are not a *Response: the statuses
// are read all the same.
func TestPostOtherOut(t *testing.T) {
	tests := []struct {
		name string
		opts []sdktest.Option
		out  func() any
		is   error
	}{
		{"raw JSON", nil, func() any { return new(json.RawMessage) }, nil},
		{"map", nil, func() any { return new(map[string]any) }, nil},
		{"nil", nil, func() any { return nil }, nil},
		{"raw JSON of a failure", []sdktest.Option{sdktest.WithStatusCode(40202)}, func() any { return new(json.RawMessage) }, sdk.ErrRateLimit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := sdktest.NewServer(t, tt.opts...)
			out := tt.out()
			err := srv.Client(sdk.WithMaxRetries(0)).Post(context.Background(), referringDomains, []testRequest{{Target: "a.com"}}, out)
			if (tt.is == nil) != (err == nil) || (tt.is != nil && !errors.Is(err, tt.is)) {
				t.Fatalf("Post error = %v, want %v", err, tt.is)
			}
			if raw, ok := out.(*json.RawMessage); ok && !strings.Contains(string(*raw), `"status_code"`) {
				t.Errorf("out = %s, want the body", *raw)
			}
		})
	}
}

func TestCallChecks(t *testing.T) {
	srv := sdktest.NewServer(t)
	client := srv.Client()
	ctx := context.Background()
	var resp testResponse
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"relative path", client.Post(ctx, "v3/x", nil, &resp), `dataforseo: the path "v3/x" does not start with /`},
		{"out not a pointer", client.Post(ctx, referringDomains, nil, json.RawMessage(nil)), "dataforseo: out must be a non-nil pointer, not json.RawMessage"},
		{"nil pointer", client.Get(ctx, referringDomains, (*json.RawMessage)(nil)), "dataforseo: out must be a non-nil pointer, not *json.RawMessage"},
		{"unknown path", client.Get(ctx, "/v3/nothing", &resp), "dataforseo: /v3/nothing: status 40400 (HTTP 404): Not Found."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err == nil || tt.err.Error() != tt.want {
				t.Errorf("error = %v, want %q", tt.err, tt.want)
			}
		})
	}
	if got := srv.Count(""); got != 1 {
		t.Errorf("server saw %d calls, want 1 (only the unknown path)", got)
	}
}
