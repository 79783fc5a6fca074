package sdk_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
	"github.com/google/go-cmp/cmp"
)

type res struct{ N int }

func task(code int, results ...res) sdk.Task[struct{}, res] {
	return sdk.Task[struct{}, res]{ID: "t", StatusCode: code, Result: results}
}

func TestResponseResults(t *testing.T) {
	tests := []struct {
		name      string
		resp      *sdk.Response[struct{}, res]
		want      []res
		wantFirst res
		wantOK    bool
	}{
		{"nil", nil, nil, res{}, false},
		{"no tasks", &sdk.Response[struct{}, res]{StatusCode: 20000}, nil, res{}, false},
		{"ok", &sdk.Response[struct{}, res]{StatusCode: 20000, Tasks: []sdk.Task[struct{}, res]{task(20000, res{1}, res{2})}},
			[]res{{1}, {2}}, res{1}, true},
		{"skips failed tasks", &sdk.Response[struct{}, res]{StatusCode: 20000, Tasks: []sdk.Task[struct{}, res]{
			task(40501, res{9}), task(20000), task(20100, res{3})}}, []res{{3}}, res{3}, true},
		{"failed envelope", &sdk.Response[struct{}, res]{StatusCode: 40100, Tasks: []sdk.Task[struct{}, res]{task(20000, res{1})}},
			nil, res{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.resp.Results()); diff != "" {
				t.Errorf("Results (-want +got):\n%s", diff)
			}
			first, ok := tt.resp.FirstResult()
			if first != tt.wantFirst || ok != tt.wantOK {
				t.Errorf("FirstResult() = %v, %v; want %v, %v", first, ok, tt.wantFirst, tt.wantOK)
			}
		})
	}
}

func TestResponseErr(t *testing.T) {
	ok := sdk.Task[struct{}, res]{ID: "a", StatusCode: 20000, Path: []string{"v3", "x"}}
	bad := sdk.Task[struct{}, res]{ID: "b", StatusCode: 40102, StatusMessage: "No Search Results.", Path: []string{"v3", "x"}}
	tests := []struct {
		name string
		resp *sdk.Response[struct{}, res]
		want string // "" for nil
		is   error
	}{
		{"ok", &sdk.Response[struct{}, res]{StatusCode: 20000, Tasks: []sdk.Task[struct{}, res]{ok}}, "", nil},
		{"envelope", &sdk.Response[struct{}, res]{StatusCode: 40200, StatusMessage: "Payment Required."},
			"dataforseo: status 40200: Payment Required.", sdk.ErrPayment},
		{"one task", &sdk.Response[struct{}, res]{StatusCode: 20000, Tasks: []sdk.Task[struct{}, res]{ok, bad}},
			"dataforseo: 1 of 2 tasks failed: /v3/x: task b: status 40102: No Search Results.", sdk.ErrNoResults},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.resp.Err()
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("Err() = %q, want %q", got, tt.want)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("Err() is not %v", tt.is)
			}
		})
	}
	if err := bad.Err(); !errors.Is(err, sdk.ErrNoResults) || bad.OK() || !ok.OK() || ok.Err() != nil {
		t.Errorf("Task.Err/OK disagree with the status codes")
	}
}

// TestExamplesRoundTrip decodes every documented example into a Response
// and re-encodes it to equal JSON: every envelope field is there, and null
// stays null.
func TestExamplesRoundTrip(t *testing.T) {
	srv := sdktest.NewServer(t)
	for _, path := range srv.Paths() {
		t.Run(path, func(t *testing.T) {
			example := srv.Example(path)
			var resp sdk.Response[json.RawMessage, json.RawMessage]
			if err := sdk.DecodeStrict(example, &resp); err != nil {
				t.Fatalf("DecodeStrict: %v", err)
			}
			b, err := json.Marshal(resp)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(jsonTree(t, example), jsonTree(t, b)); diff != "" {
				t.Errorf("re-encoded (-example +got):\n%s", diff)
			}
		})
	}
}

// jsonTree decodes JSON for comparison, numbers as their text.
func jsonTree(t *testing.T, b []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}
