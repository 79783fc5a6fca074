package fetch

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// seed returns a seed WordPress page of the repository as the site's REST
// API sends it: an array of one page.
func seed(t *testing.T, name string) (object, answer []byte) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("../../spec/pages", name))
	if err != nil {
		t.Fatal(err)
	}
	return data, append(append([]byte("["), data...), ']')
}

func TestRun(t *testing.T) {
	bulkObj, bulk := seed(t, "000_50770b96a8824c92.txt")
	_, summary := seed(t, "003_8666b411ad608cf0.txt")
	changed := bytes.Replace(summary, []byte(`"modified":"`), []byte(`"modified":"2099-`), 1)
	var mu sync.Mutex
	calls := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v3/wp-json/wp/v2/pages" {
			http.NotFound(w, r)
			return
		}
		slug := r.URL.Query().Get("slug")
		mu.Lock()
		calls[slug]++
		n := calls[slug]
		mu.Unlock()
		switch slug {
		case "bulk": // unchanged upstream
			w.Write(bulk)
		case "summary": // changed upstream
			w.Write(changed)
		case "flaky": // a 500, then the page
			if n == 1 {
				http.Error(w, "oops", http.StatusInternalServerError)
				return
			}
			w.Write(bulk)
		case "busy": // a 429 with Retry-After, then the page
			if n == 1 {
				w.Header().Set("Retry-After", "0")
				w.WriteHeader(http.StatusTooManyRequests)
				return
			}
			w.Write(bulk)
		case "truncated":
			w.Write(bulk[:len(bulk)/2])
		case "empty":
			w.Write([]byte("[]"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bulk.json"), bulkObj, 0o644); err != nil {
		t.Fatal(err)
	}
	_, summaryOld := seed(t, "003_8666b411ad608cf0.txt")
	var old []json.RawMessage
	json.Unmarshal(summaryOld, &old)
	os.WriteFile(filepath.Join(dir, "summary.json"), old[0], 0o644)
	os.WriteFile(filepath.Join(dir, "truncated.json"), []byte("kept"), 0o644)

	sources := []Source{{"bulk", "bulk.json", 1}, {"summary", "summary.json", 2}, {"flaky", "flaky.json", 3},
		{"busy", "busy.json", 4}, {"missing", "missing.json", 5}, {"truncated", "truncated.json", 6}, {"empty", "empty.json", 7}}
	var progress []string
	var pmu sync.Mutex
	results, err := Run(context.Background(), srv.Client(), sources, dir, Options{
		BaseURL: srv.URL, Delay: time.Millisecond, Backoff: time.Millisecond,
		Progress: func(f string, a ...any) { pmu.Lock(); progress = append(progress, f); pmu.Unlock() },
	})
	got := map[string]Status{}
	for _, r := range results {
		got[r.Source.Slug] = r.Status
	}
	want := map[string]Status{"bulk": Unchanged, "summary": Updated, "flaky": Added, "busy": Added,
		"missing": Failed, "truncated": Failed, "empty": Failed}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("statuses (-want +got):\n%s", diff)
	}
	if err == nil {
		t.Fatal("no error for the failed pages")
	}
	for _, s := range []string{"missing (missing.json, line 5 of the sources): HTTP 404", "truncated (truncated.json, line 6", "not a JSON array", "empty (empty.json, line 7 of the sources): no page has this slug"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error lacks %q:\n%v", s, err)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "bulk.json")); !bytes.Equal(b, bulkObj) {
		t.Error("an unchanged page was rewritten")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "summary.json")); !bytes.Contains(b, []byte(`"modified":"2099-`)) {
		t.Error("a changed page was not rewritten")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "truncated.json")); string(b) != "kept" {
		t.Error("a failed fetch touched the page")
	}
	if calls["flaky"] != 2 || calls["busy"] != 2 || calls["missing"] != 1 {
		t.Errorf("calls: %v (want a retry of the 500 and the 429, none of the 404)", calls)
	}
	if len(progress) < len(sources) {
		t.Errorf("progress lines: %d", len(progress))
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "flaky.json")); !json.Valid(b) {
		t.Error("the page written is not JSON")
	}
}

func TestReadSources(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "sources.txt")
	os.WriteFile(p, []byte("# pages\n\nbacklinks-x a.json\nbacklinks-y   b.json\n"), 0o644)
	got, err := ReadSources(p)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]Source{{"backlinks-x", "a.json", 3}, {"backlinks-y", "b.json", 4}}, got); diff != "" {
		t.Error(diff)
	}
	for _, bad := range []string{"one-field\n", "a x.json\nb x.json\n", "a ../x.json\n"} {
		os.WriteFile(p, []byte(bad), 0o644)
		if _, err := ReadSources(p); err == nil {
			t.Errorf("ReadSources accepts %q", bad)
		}
	}
}
