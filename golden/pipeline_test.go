package golden

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dataforseo-go/dataforseo/gen/docs2spec"
	"github.com/dataforseo-go/dataforseo/gen/sdkgen"
	"github.com/dataforseo-go/dataforseo/gen/specdiff"
)

// copyRepo copies what the pipeline and the golden tests need into dir.
func copyRepo(t *testing.T, dir string) {
	t.Helper()
	for _, top := range []string{"go.mod", "go.sum", "cmd", "gen", "sdk", "spec", "golden", "README.md"} {
		src := filepath.Join("..", top)
		err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel("..", p)
			if d.IsDir() {
				if d.Name() == "fuzz" {
					return filepath.SkipDir
				}
				return os.MkdirAll(filepath.Join(dir, rel), 0o755)
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// edit applies a regular-expression replacement to a file and fails when
// it matches nothing.
func edit(t *testing.T, path, pattern, repl string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(pattern)
	if !re.Match(data) {
		t.Fatalf("%s: %q matches nothing", path, pattern)
	}
	if err := os.WriteFile(path, re.ReplaceAll(data, []byte(repl)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestPipelineUpstreamChange is the maintainer's workflow end to end: an
// upstream change to one page (a new response field in the table and the
// example, a type change, a removed request field), then generate, diff,
// regenerate the SDK and run the golden tests on the new examples.
func TestPipelineUpstreamChange(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a copy of the repository")
	}
	dir := t.TempDir()
	copyRepo(t, dir)
	pg := filepath.Join(dir, "spec/pages/004_4be55b1aefabbb24.txt")
	// A new response field, in the table (indented like its siblings) and in every item of the example.
	edit(t, pg, `(?m)^([\x{a0} ]+)(referring_pages_nofollow integer .*)$`, "${1}${2}\n${1}new_metric integer number of new metrics")
	edit(t, pg, `("referring_pages_nofollow": \d+)`, `"new_metric": 7, $1`)
	// rank becomes a float, in the table and in the example.
	edit(t, pg, `(?m)^([\x{a0} ]+)rank integer network rank$`, "${1}rank float network rank")
	edit(t, pg, `"rank": 334,`, `"rank": 334.5,`)
	// include_indirect_links is gone from the request table, on both pages of the endpoint.
	edit(t, pg, `(?s)\ninclude_indirect_links boolean .*?\nexclude_internal_backlinks`, "\nexclude_internal_backlinks")
	edit(t, filepath.Join(dir, "spec/pages/backlinks-consolidated.md"),
		`(?s)(\n### Referring Networks\n.*?)\n\| `+"`include_indirect_links`"+` \|[^\n]*`, "${1}")

	oldSpec, err := os.ReadFile(filepath.Join(dir, "spec/openapi.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := docs2spec.Run(docs2spec.Options{PagesDir: filepath.Join(dir, "spec/pages"),
		SpecPath: filepath.Join(dir, "spec/openapi.yaml"), ReportPath: filepath.Join(dir, "spec/REPORT.md")}); err != nil {
		t.Fatal(err)
	}
	newSpec, _ := os.ReadFile(filepath.Join(dir, "spec/openapi.yaml"))
	report, err := specdiff.Compare(oldSpec, newSpec)
	if err != nil {
		t.Fatal(err)
	}
	type change struct {
		Endpoint, Field, GoField string
		Breaking                 bool
	}
	var got []change
	for _, c := range report.Changes {
		got = append(got, change{c.Method + " " + c.Path, c.Field, c.GoField, c.Breaking})
	}
	const ep = "POST /v3/backlinks/referring_networks/live"
	want := []change{
		{ep, "request include_indirect_links", "backlinks.ReferringNetworksLiveRequest.IncludeIndirectLinks", true},
		{ep, "response tasks[].result[].items[].new_metric", "backlinks.ReferringNetworksItem.NewMetric", false},
		{ep, "response tasks[].result[].items[].rank", "backlinks.ReferringNetworksItem.Rank", true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("spec diff (-want +got):\n%s\n%s", diff, report.Markdown("before", "after"))
	}

	if err := sdkgen.Run(filepath.Join(dir, "spec/openapi.yaml"), filepath.Join(dir, "sdk")); err != nil {
		t.Fatal(err)
	}
	models, _ := os.ReadFile(filepath.Join(dir, "sdk/backlinks/models_gen.go"))
	item := structSource(t, string(models), "ReferringNetworksItem")
	req := structSource(t, string(models), "ReferringNetworksLiveRequest")
	for _, c := range []struct {
		src, field string
		present    bool
	}{
		{item, "NewMetric int64 `json:\"new_metric\"`", true},
		{item, "Rank float64 `json:\"rank\"`", true},
		{req, "IncludeIndirectLinks", false},
	} {
		if strings.Contains(c.src, c.field) != c.present {
			t.Errorf("generated SDK: %q present = %v, want %v", c.field, !c.present, c.present)
		}
	}

	cmd := exec.Command("go", "test", "-count=1", "-skip", "TestPipelineUpstreamChange", "./golden/")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("golden tests on the changed pages: %v\n%s", err, out)
	}
}

// structSource cuts the declaration of one struct out of a Go file.
func structSource(t *testing.T, src, name string) string {
	t.Helper()
	_, rest, ok := strings.Cut(src, "type "+name+" struct {")
	if !ok {
		t.Fatalf("no struct %s", name)
	}
	body, _, _ := strings.Cut(rest, "\n}\n")
	return body
}
