package docs2spec_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/google/go-cmp/cmp"

	"github.com/dataforseo-go/dataforseo/gen/docs2spec"
)

// The scale corpus: the repository's pages (and recorded responses),
// replicated under renamed paths, so that docs2spec can be measured at the
// size of the whole API (~550 operations) on pages it already reads. Copy
// 0 is the pages as they are; copy k renames every endpoint's function
// inside its section, "/v3/serp/google/organic/live" becoming
// "/v3/serp/scale3_google/organic/live": the sections grow with the
// copies, so that the work done per section (shared types, names) grows
// too. The renaming is of the page text, whatever the format: the slash
// forms of a path ("/v3/a/b", "\/v3\/a\/b" in JSON strings, "/v3/a\_b/c"
// in markdown that escapes "_") and the
// array form of a task's path (["v3", "a", "b"]).
var (
	slashPath = regexp.MustCompile(`(\\?/v3\\?/(?:[A-Za-z0-9_]|\\_)+\\?/)([A-Za-z0-9_])`)
	arrayPath = regexp.MustCompile(`("v3"\s*,\s*"[A-Za-z0-9_]+"\s*,\s*")([A-Za-z0-9_])`)
)

// renamePaths is the text of copy k.
func renamePaths(text string, k int) string {
	if k == 0 {
		return text
	}
	repl := fmt.Sprintf("${1}scale%d_${2}", k)
	return arrayPath.ReplaceAllString(slashPath.ReplaceAllString(text, repl), repl)
}

// replicate writes copies of spec/pages and spec/responses under dir
// (dir/pages, dir/responses) and returns the pages directory.
func replicate(tb testing.TB, dir string, copies int) string {
	tb.Helper()
	for _, sub := range []string{"pages", "responses"} {
		from := filepath.Join(filepath.Dir(pagesDir), sub)
		entries, err := os.ReadDir(from)
		if err != nil {
			tb.Fatal(err)
		}
		to := filepath.Join(dir, sub)
		if err := os.MkdirAll(to, 0o755); err != nil {
			tb.Fatal(err)
		}
		for _, e := range entries {
			data, err := os.ReadFile(filepath.Join(from, e.Name()))
			if err != nil {
				tb.Fatal(err)
			}
			for k := range copies {
				name := e.Name()
				if k > 0 {
					name = fmt.Sprintf("scale%d__%s", k, name)
				}
				if err := os.WriteFile(filepath.Join(to, name), []byte(renamePaths(string(data), k)), 0o644); err != nil {
					tb.Fatal(err)
				}
			}
		}
	}
	return filepath.Join(dir, "pages")
}

// endpoints lists the distinct "METHOD path" the pages of dir document.
func endpoints(tb testing.TB, dir string) []string {
	tb.Helper()
	pages, err := docs2spec.ReadPages(dir)
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, p := range pages {
		if p.Method != "" {
			out = append(out, p.Method+" "+p.Path)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func TestRenamePaths(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"banner", `POST https://api.dataforseo.com/v3/serp/google/organic/live`, `POST https://api.dataforseo.com/v3/serp/scale2_google/organic/live`},
		{"escaped slashes", `"link":"https:\/\/docs.dataforseo.com\/v3\/backlinks\/summary\/live\/"`, `"link":"https:\/\/docs.dataforseo.com\/v3\/backlinks\/scale2_summary\/live\/"`},
		{"task path", "\"path\": [\n  \"v3\",\n  \"backlinks\",\n  \"summary\"", "\"path\": [\n  \"v3\",\n  \"backlinks\",\n  \"scale2_summary\""},
		{"markdown escapes", `POST "https://api.dataforseo.com/v3/ai\_optimization/chat\_gpt/live"`, `POST "https://api.dataforseo.com/v3/ai\_optimization/scale2_chat\_gpt/live"`},
		{"path parameter kept", `GET /v3/serp/{id}`, `GET /v3/serp/{id}`},
		{"section alone kept", `/v3/serp`, `/v3/serp`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := renamePaths(tc.in, 2); got != tc.want {
				t.Errorf("renamePaths(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestScaleCorpus: a copy documents the same endpoints under its own
// paths, and the corpus of two copies builds, without an error, into
// twice the operations.
func TestScaleCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the spec of two copies of the pages")
	}
	base := endpoints(t, pagesDir)
	dir := replicate(t, t.TempDir(), 2)
	eps := endpoints(t, dir)
	var want []string
	for _, e := range base {
		method, path, _ := strings.Cut(e, " ")
		want = append(want, e, method+" "+renamePaths(path, 1))
	}
	slices.Sort(want)
	if !slices.Equal(eps, want) {
		t.Fatalf("the two copies document %d endpoints, want %d (%d each): %s", len(eps), len(want), len(base), cmp.Diff(want, eps))
	}
	doc, _, _, err := docs2spec.Generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	single, _, _, err := docs2spec.Generate(pagesDir)
	if err != nil {
		t.Fatal(err)
	}
	// Operations, not endpoints: a GET's filter is a path of its own (rule G2).
	if got, want := operations(doc), 2*operations(single); got != want {
		t.Errorf("two copies build %d operations, want %d", got, want)
	}
}

func operations(doc *openapi3.T) int {
	n := 0
	for _, item := range doc.Paths.Map() {
		n += len(item.Operations())
	}
	return n
}

// BenchmarkGenerateScale runs docs2spec on 1, 2, 4 and 6 copies of the
// pages (about 90 to 550 operations) and reports time and memory per
// operation: they stay flat when docs2spec is linear.
func BenchmarkGenerateScale(b *testing.B) {
	base := len(endpoints(b, pagesDir))
	for _, copies := range []int{1, 2, 4, 6} {
		// Each copy documents the base's endpoints (TestScaleCorpus).
		ops := copies * base
		b.Run(fmt.Sprintf("ops=%d", ops), func(b *testing.B) {
			dir := replicate(b, b.TempDir(), copies)
			b.ReportAllocs()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for b.Loop() {
				if _, _, _, err := docs2spec.Generate(dir); err != nil {
					b.Fatal(err)
				}
			}
			runtime.ReadMemStats(&after)
			n := float64(b.N) * float64(ops)
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/operation")
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/n, "B/operation")
		})
	}
}
