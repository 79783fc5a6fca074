package sdktest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/spec/contract"
)

const referringDomains = "/v3/backlinks/referring_domains/live"

type answer struct {
	status int
	header http.Header
	body   []byte
	env    map[string]any // nil when the body is not JSON
}

// send posts body to the server, with the default credentials unless
// auth is false.
func send(t *testing.T, s *Server, method, path, body string, auth bool) answer {
	t.Helper()
	req, err := http.NewRequest(method, s.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if auth {
		req.SetBasicAuth(s.Credentials())
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	a := answer{status: resp.StatusCode, header: resp.Header, body: b}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if dec.Decode(&a.env) != nil {
		a.env = nil
	}
	return a
}

// taskCodes returns the status_code of each task of an answer.
func (a answer) taskCodes() []string {
	var codes []string
	tasks, _ := a.env["tasks"].([]any)
	for _, t := range tasks {
		codes = append(codes, string(t.(map[string]any)["status_code"].(json.Number)))
	}
	return codes
}

func (a answer) code() string {
	n, _ := a.env["status_code"].(json.Number)
	return string(n)
}

// TestEveryOperation posts each documented request example of each
// operation and checks the answer: the documented example, one task per
// request task, decoding strictly into the envelope.
func TestEveryOperation(t *testing.T) {
	s := NewServer(t)
	cat, err := resolvedCatalog()
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.ops) == 0 {
		t.Fatal("no operations")
	}
	client := s.Client()
	for _, op := range cat.ops {
		if op.route.Operation.RequestBody == nil {
			continue // a GET: no request examples
		}
		examples := op.route.Operation.RequestBody.Value.Content.Get("application/json").Examples
		for _, name := range slices.Sorted(maps.Keys(examples)) {
			t.Run(op.path+"/"+name, func(t *testing.T) {
				tasks := examples[name].Value.Value
				var resp sdk.Response[json.RawMessage, json.RawMessage]
				if err := client.Post(context.Background(), op.path, tasks, &resp); err != nil {
					t.Fatalf("Post: %v", err)
				}
				if got, want := len(resp.Tasks), len(tasks.([]any)); got != want || resp.TasksCount != want {
					t.Errorf("%d tasks (tasks_count %d), want %d", got, resp.TasksCount, want)
				}
				if _, step, _, _ := contract.FlowOf(op.path); step == contract.StepPost {
					// task_post answers the tasks' ids; their results come from task_get.
					for i, task := range resp.Tasks {
						if task.ID == "" || task.StatusCode != 20100 || task.Result != nil {
							t.Errorf("task %d: id %q, status %d, result %s; want an id, 20100 and no result", i, task.ID, task.StatusCode, task.Result)
						}
					}
				} else if len(resp.Results()) == 0 {
					t.Error("no results")
				}
				body := s.Calls()[len(s.Calls())-1].Body
				var again sdk.Response[json.RawMessage, json.RawMessage]
				if err := sdk.DecodeStrict(mustJSON(resp), &again); err != nil {
					t.Errorf("the answer does not decode strictly: %v (request %s)", err, body)
				}
			})
		}
	}
}

// TestAnswerFitsRequest checks the echo of the request in data, the page
// cut by limit and offset, and the envelope's counts and cost.
func TestAnswerFitsRequest(t *testing.T) {
	tests := []struct {
		name       string
		body       string
		itemCounts []string // items_count of each task's result
		cost       string
	}{
		{"limit", `[{"target":"a.com","limit":3}]`, []string{"3"}, "0.02015"},
		{"default limit", `[{"target":"a.com"}]`, []string{"100"}, "0.02015"},
		{"last page", `[{"target":"a.com","limit":50,"offset":100}]`, []string{"31"}, "0.02015"},
		{"past the end", `[{"target":"a.com","offset":500}]`, []string{"0"}, "0.02015"},
		{"two tasks", `[{"target":"a.com","limit":1},{"target":"b.com","limit":2}]`, []string{"1", "2"}, "0.0403"},
	}
	s := NewServer(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := send(t, s, http.MethodPost, referringDomains, tt.body, true)
			var req []map[string]any
			if err := json.Unmarshal([]byte(tt.body), &req); err != nil {
				t.Fatal(err)
			}
			var counts []string
			tasks := a.env["tasks"].([]any)
			for i, task := range tasks {
				tm := task.(map[string]any)
				data := tm["data"].(map[string]any)
				if data["target"] != req[i]["target"] || data["api"] != "backlinks" || data["function"] != "referring_domains" {
					t.Errorf("task %d echoes %v", i, data)
				}
				res := tm["result"].([]any)[0].(map[string]any)
				n := res["items_count"].(json.Number)
				if got := len(res["items"].([]any)); string(n) != itoa(got) {
					t.Errorf("items_count %s for %d items", n, got)
				}
				counts = append(counts, string(n))
			}
			if diff := cmp.Diff(tt.itemCounts, counts); diff != "" {
				t.Errorf("items_count (-want +got):\n%s", diff)
			}
			if got := string(a.env["cost"].(json.Number)); got != tt.cost {
				t.Errorf("cost %s, want %s", got, tt.cost)
			}
			if got := string(a.env["tasks_count"].(json.Number)); got != itoa(len(req)) {
				t.Errorf("tasks_count %s, want %d", got, len(req))
			}
		})
	}
}

func itoa(n int) string { return string(mustJSON(n)) }

// TestRequestChecks checks what the server refuses, and how.
func TestRequestChecks(t *testing.T) {
	tests := []struct {
		name      string
		method    string
		path      string
		body      string
		auth      bool
		status    int
		code      string
		taskCodes []string
		message   string // the first failed task's status_message, if any
	}{
		{"valid", "POST", referringDomains, `[{"target":"a.com"}]`, true, 200, "20000", []string{"20000"}, ""},
		{"no credentials", "POST", referringDomains, `[{"target":"a.com"}]`, false, 401, "40100", nil, ""},
		{"empty body", "POST", referringDomains, ``, true, 200, "40502", nil, ""},
		{"no tasks", "POST", referringDomains, `[]`, true, 200, "40502", nil, ""},
		{"not JSON", "POST", referringDomains, `[{`, true, 200, "40503", nil, ""},
		{"not an array", "POST", referringDomains, `{"target":"a.com"}`, true, 200, "40503", nil, ""},
		{"not objects", "POST", referringDomains, `["a.com"]`, true, 200, "40503", nil, ""},
		{"too many tasks", "POST", referringDomains, "[" + strings.Repeat(`{"target":"a.com"},`, 100) + `{"target":"a.com"}]`,
			true, 200, "40006", nil, ""},
		{"missing target", "POST", referringDomains, `[{"target":"a.com"},{"limit":5}]`, true, 200, "20000",
			[]string{"20000", "40501"}, `Invalid Field: 'target': property "target" is missing`},
		{"limit too big", "POST", referringDomains, `[{"target":"a.com","limit":5000}]`, true, 200, "20000",
			[]string{"40501"}, "Invalid Field: 'limit': number must be at most 1000"},
		{"bad sorting rule", "POST", referringDomains, `[{"target":"a.com","order_by":["rank"]}]`, true, 200, "20000",
			[]string{"40501"}, `Invalid Field: 'order_by.0': string doesn't match the regular expression "^[A-Za-z0-9_.]+,(asc|desc)$"`},
		{"nested filter", "POST", referringDomains,
			`[{"target":"a.com","filters":[["first_seen",">","2017-10-23 11:31:45 +00:00"],"and",[["domain","like","%d%"],"or",["referring_domains",">",10]]]}]`,
			true, 200, "20000", []string{"20000"}, ""},
		{"unknown path", "POST", "/v3/nothing/live", `[{}]`, true, 404, "40400", nil, ""},
		{"wrong method", "GET", referringDomains, ``, true, 405, "40400", nil, ""},
	}
	s := NewServer(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := send(t, s, tt.method, tt.path, tt.body, tt.auth)
			if a.status != tt.status || a.code() != tt.code {
				t.Fatalf("HTTP %d status_code %s, want %d %s: %s", a.status, a.code(), tt.status, tt.code, a.body)
			}
			if diff := cmp.Diff(tt.taskCodes, a.taskCodes()); diff != "" {
				t.Errorf("task codes (-want +got):\n%s", diff)
			}
			tasks, _ := a.env["tasks"].([]any)
			for _, task := range tasks {
				tm := task.(map[string]any)
				if tm["status_code"] != json.Number("20000") {
					if tm["status_message"] != tt.message || tm["result"] != nil || tm["cost"] != json.Number("0") {
						t.Errorf("failed task = %v, want message %q, no result, no cost", tm, tt.message)
					}
					break
				}
			}
		})
	}
}

// TestFaults checks each injected failure and the script of WithFaults.
func TestFaults(t *testing.T) {
	s := NewServer(t,
		WithFaults(Fault{StatusCode: 40202}, Fault{}, Fault{HTTPStatus: 503, RetryAfter: 1500 * time.Millisecond}),
		WithTooManyRequests(1, time.Second),
		WithFaults(Fault{TaskStatusCodes: []int{0, 40102}}, Fault{Malformed: true}),
		WithDelay(time.Millisecond),
	)
	body := `[{"target":"a.com"},{"target":"b.com"}]`
	tests := []struct {
		status     int
		code       string
		taskCodes  []string
		retryAfter string
		malformed  bool
	}{
		{200, "40202", nil, "", false},
		{200, "20000", []string{"20000", "20000"}, "", false},
		{503, "50000", nil, "2", false},
		{429, "40202", nil, "1", false},
		{200, "20000", []string{"20000", "40102"}, "", false},
		{200, "", nil, "", true},
		{200, "20000", []string{"20000", "20000"}, "", false}, // past the script
	}
	for i, tt := range tests {
		a := send(t, s, http.MethodPost, referringDomains, body, true)
		if a.status != tt.status || a.code() != tt.code || a.header.Get("Retry-After") != tt.retryAfter || (a.env == nil) != tt.malformed {
			t.Errorf("request %d: HTTP %d status_code %q Retry-After %q malformed %v; want %+v", i+1, a.status, a.code(),
				a.header.Get("Retry-After"), a.env == nil, tt)
		}
		if diff := cmp.Diff(tt.taskCodes, a.taskCodes()); diff != "" {
			t.Errorf("request %d: task codes (-want +got):\n%s", i+1, diff)
		}
	}
	if got := s.Count(referringDomains); got != len(tests) {
		t.Errorf("Count = %d, want %d", got, len(tests))
	}
}

// TestHandlerAndCalls checks a custom handler, the recorded calls and the
// server's own credentials.
func TestHandlerAndCalls(t *testing.T) {
	s := NewServer(t, WithCredentials("me", "pw"), WithHandler("/v3/custom", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"status_code":20000,"status_message":"Ok.","cost":0.5,"tasks":[]}`))
	})))
	client := s.Client(sdk.WithUserAgent("test/1"))
	var resp sdk.Response[json.RawMessage, json.RawMessage]
	if err := client.Get(context.Background(), "/v3/custom", &resp); err != nil || resp.Cost != 0.5 {
		t.Fatalf("Get: %v, cost %v", err, resp.Cost)
	}
	if err := client.Post(context.Background(), referringDomains, []map[string]any{{"target": "a.com"}}, &resp); err != nil {
		t.Fatalf("Post: %v", err)
	}
	other, err := sdk.NewClient(sdk.WithBaseURL(s.URL), sdk.WithCredentials(DefaultLogin, DefaultPassword))
	if err != nil {
		t.Fatal(err)
	}
	if err := other.Get(context.Background(), "/v3/custom", nil); !errors.Is(err, sdk.ErrAuthentication) {
		t.Errorf("wrong credentials: %v, want ErrAuthentication", err)
	}
	calls := s.Calls()
	var got []string
	for _, c := range calls {
		got = append(got, c.Method+" "+c.Path+" "+string(c.Body))
	}
	want := []string{"GET /v3/custom ", `POST ` + referringDomains + ` [{"target":"a.com"}]`, "GET /v3/custom "}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("calls (-want +got):\n%s", diff)
	}
	if ua := calls[0].UserAgent; !strings.HasPrefix(ua, "test/1 dataforseo-go/") {
		t.Errorf("User-Agent %q", ua)
	}
	if s.Count("/v3/custom") != 2 || s.Count(referringDomains) != 1 || s.Count("") != 3 {
		t.Errorf("counts %d %d %d", s.Count("/v3/custom"), s.Count(referringDomains), s.Count(""))
	}
}

// TestDelayHonoursCancel: a delayed answer stops when the caller gives up.
func TestDelayHonoursCancel(t *testing.T) {
	s := NewServer(t, WithDelay(time.Hour))
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	err := s.Client().Post(ctx, referringDomains, []map[string]any{{"target": "a.com"}}, nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v, want context.DeadlineExceeded", err)
	}
}

func TestNilTB(t *testing.T) {
	s := NewServer(nil)
	defer s.Close()
	if len(s.Paths()) == 0 || s.Example(referringDomains) == nil || s.Example("/v3/none") != nil {
		t.Errorf("Paths %v, Example known %v", s.Paths(), s.Example(referringDomains) != nil)
	}
}
