package sdktest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// nested wraps a filter condition in depth single-filter groups.
func nested(depth int) string {
	return strings.Repeat("[", depth) + `["referring_domains",">",1]` + strings.Repeat("]", depth)
}

// TestHostileRequests checks the answers to requests that crashed, hung or
// misled the server: each gets the API's error answer, never a panic, a
// hang or a page of made-up size.
func TestHostileRequests(t *testing.T) {
	manyConditions := "[[" + strings.Repeat(`["rank",">",1],"and",`, 1000) + `["rank",">",1]]]`
	tests := []struct {
		name      string
		body      string
		status    int
		code      string
		taskCodes []string
		message   string // the first failed task's status_message
	}{
		// Crashed with "index out of range [-1]".
		{"negative offset", `[{"target":"a.com","offset":-1}]`, 200, "20000", []string{"40501"},
			"Invalid Field: 'offset': number must be at least 0"}, // the spec's minimum (rule C1)
		// Crashed with "makeslice: len out of range".
		{"huge limit, negative offset", `[{"target":"a.com","offset":-1000000000000000000,"limit":1000000000000000000}]`,
			200, "20000", []string{"40501"}, "Invalid Field: 'limit': number must be at most 1000"},
		// Crashed: the invalid task was paged before it failed.
		{"invalid task with a negative offset", `[{"offset":-5}]`, 200, "20000", []string{"40501"},
			"Invalid Field: 'offset': number must be at least 0"},
		// Answered an empty page.
		{"negative limit", `[{"target":"a.com","limit":-3}]`, 200, "20000", []string{"40501"},
			"Invalid Field: 'limit': number must be at least 0"},
		// Hung: kin-openapi's validation takes ~5^depth steps (12 levels: 2.5 minutes).
		{"deeply nested filter", `[{"target":"a.com","filters":` + nested(30) + `}]`, 200, "20000", []string{"40501"},
			"Invalid Field: 'filters': nested too deeply or too large to validate"},
		{"deeply nested backlinks filter", `[{"target":"a.com","backlinks_filters":` + nested(14) + `}]`, 200, "20000",
			[]string{"40501"}, "Invalid Field: 'backlinks_filters': nested too deeply or too large to validate"},
		// Accepted, though the docs allow 8 conditions.
		{"too many conditions", `[{"target":"a.com","filters":` + manyConditions + `}]`, 200, "20000", []string{"40501"},
			"Invalid Field: 'filters': has 1001 conditions; at most 8"},
		// Read into memory whatever its size.
		{"huge body", `[{"target":"` + strings.Repeat("a", maxBody) + `"}]`, 413, "40503", nil, ""},
		// Answered as before.
		{"a filter as deep as people write them", `[{"target":"a.com","filters":[[` + strings.Repeat(nested(3)+`,"or",`, 7) + nested(3) + `]]}]`,
			200, "20000", []string{"20000"}, ""},
		{"a number too big for float64", `[{"target":"a.com","internal_list_limit":1e400}]`, 200, "40503", nil, ""},
		{"nesting past the JSON decoder's limit", strings.Repeat("[", 20000), 200, "40503", nil, ""},
		{"a null task", `[null]`, 200, "40503", nil, ""},
		{"null", `null`, 200, "40502", nil, ""},
		{"offset past int64", `[{"target":"a.com","offset":1e19}]`, 200, "20000", []string{"40501"},
			`Invalid Field: 'offset': integer doesn't match the format "int64" (value should be between -9223372036854775808 and 9223372036854775807)`},
	}
	s := NewServer(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := send(t, s, http.MethodPost, referringDomains, tt.body, true)
			if a.status != tt.status || a.code() != tt.code {
				t.Fatalf("HTTP %d status_code %s, want %d %s: %.300s", a.status, a.code(), tt.status, tt.code, a.body)
			}
			if diff := cmp.Diff(tt.taskCodes, a.taskCodes()); diff != "" {
				t.Errorf("task codes (-want +got):\n%s", diff)
			}
			if tt.message != "" {
				task := a.env["tasks"].([]any)[0].(map[string]any)
				if diff := cmp.Diff(tt.message, task["status_message"]); diff != "" {
					t.Errorf("status_message (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// TestPageBounds checks that a page holds what the request asks for, cut
// to the total, whatever the offset.
func TestPageBounds(t *testing.T) {
	tests := []struct {
		body  string
		count string // items_count
	}{
		{`[{"target":"a.com","limit":1000}]`, "131"},
		{`[{"target":"a.com","limit":1000,"offset":130}]`, "1"},
		{`[{"target":"a.com","limit":0}]`, "0"},
		{`[{"target":"a.com","offset":9223372036854775807}]`, "0"},
		{`[{"target":"a.com","limit":2.0,"offset":1e2}]`, "2"},
	}
	s := NewServer(t)
	for _, tt := range tests {
		a := send(t, s, http.MethodPost, referringDomains, tt.body, true)
		if diff := cmp.Diff([]string{"20000"}, a.taskCodes()); diff != "" {
			t.Fatalf("%s: task codes (-want +got):\n%s%s", tt.body, diff, a.body)
		}
		res := a.env["tasks"].([]any)[0].(map[string]any)["result"].([]any)[0].(map[string]any)
		if got := string(res["items_count"].(json.Number)); got != tt.count || itoa(len(res["items"].([]any))) != tt.count {
			t.Errorf("%s: items_count %s, %d items; want %s", tt.body, got, len(res["items"].([]any)), tt.count)
		}
	}
}

func TestInteger(t *testing.T) {
	tests := []struct {
		in   any
		want int64
		ok   bool
	}{
		{json.Number("100"), 100, true},
		{json.Number("1e2"), 100, true},
		{json.Number("100.0"), 100, true},
		{json.Number("-1"), -1, true},
		{json.Number("9223372036854775807"), 9223372036854775807, true},
		{json.Number("9223372036854775808"), 0, false},
		{json.Number("1e19"), 0, false},
		{json.Number("2.5"), 0, false},
		{json.Number("1e400"), 0, false},
		{"10", 0, false},
		{nil, 0, false},
	}
	for _, tt := range tests {
		if n, ok := integer(tt.in); n != tt.want || ok != tt.ok {
			t.Errorf("integer(%#v) = %d, %v; want %d, %v", tt.in, n, ok, tt.want, tt.ok)
		}
	}
}

// recordingTB is a testing.TB that keeps the errors reported to it.
type recordingTB struct {
	testing.TB
	mu     sync.Mutex
	errors []string
}

func (r *recordingTB) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func (r *recordingTB) Error(args ...any) { r.Errorf("%s", fmt.Sprint(args...)) }

// TestPanicIsReported: a panic while serving answers HTTP 500 and fails
// the test; http.ErrAbortHandler still aborts the answer, silently.
func TestPanicIsReported(t *testing.T) {
	panicking := WithHandler("/v3/panic", http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }))
	aborting := WithHandler("/v3/abort", http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic(http.ErrAbortHandler) }))

	tb := &recordingTB{TB: t}
	s := NewServer(tb, panicking, aborting)
	a := send(t, s, http.MethodGet, "/v3/panic", "", true)
	if a.status != http.StatusInternalServerError || a.code() != "50000" || !strings.Contains(string(a.body), "boom") {
		t.Errorf("HTTP %d status_code %s %s, want 500 50000 naming the panic", a.status, a.code(), a.body)
	}
	tb.mu.Lock()
	reported := strings.Join(tb.errors, "\n")
	n := len(tb.errors)
	tb.mu.Unlock()
	if n != 1 || !strings.Contains(reported, "boom") || !strings.Contains(reported, "GET /v3/panic") {
		t.Errorf("reported %d errors %q, want one naming the request and the panic", n, reported)
	}

	req, _ := http.NewRequest(http.MethodGet, s.URL+"/v3/abort", nil)
	req.SetBasicAuth(s.Credentials())
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
		t.Errorf("an aborted answer arrived: HTTP %d", resp.StatusCode)
	}
	tb.mu.Lock()
	if len(tb.errors) != 1 {
		t.Errorf("an abort was reported: %q", tb.errors[1:])
	}
	tb.mu.Unlock()

	// Without a testing.TB, only the 500.
	ex := NewServer(nil, panicking)
	defer ex.Close()
	if a := send(t, ex, http.MethodGet, "/v3/panic", "", true); a.status != http.StatusInternalServerError {
		t.Errorf("HTTP %d without a TB, want 500", a.status)
	}
}
