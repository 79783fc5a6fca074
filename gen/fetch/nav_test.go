package fetch

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNavigationPages(t *testing.T) {
	nav := `[NAV](https://docs.dataforseo.com/v3/serp/x/?bash#)
- [Introduction](https://docs.dataforseo.com/v3/?bash)
- [Backlinks API](https://docs.dataforseo.com/v3/serp/x/?bash)
  - [Overview](https://docs.dataforseo.com/v3/backlinks/overview/?bash)
  - [Summary](https://docs.dataforseo.com/v3/backlinks/summary/live/?bash)
- [Labs](https://docs.dataforseo.com/v3/serp/x/?bash)
  - [Google](https://docs.dataforseo.com/v3/serp/x/?bash)
    - [Keyword Ideas](https://docs.dataforseo.com/v3/dataforseo_labs/google/keyword_ideas/live/?bash)
  - [Overview](https://docs.dataforseo.com/v3/backlinks/overview/?bash)
Prose with a [link](https://docs.dataforseo.com/v3/appendix/errors/).
`
	want := []string{
		"https://docs.dataforseo.com/v3/",
		"https://docs.dataforseo.com/v3/backlinks/overview/",
		"https://docs.dataforseo.com/v3/backlinks/summary/live/",
		"https://docs.dataforseo.com/v3/dataforseo_labs/google/keyword_ideas/live/",
	}
	if diff := cmp.Diff(want, NavigationPages(nav)); diff != "" {
		t.Errorf("pages (-want +got):\n%s", diff)
	}
	for in, slug := range map[string]string{
		"https://docs.dataforseo.com/v3/backlinks/summary/live/": "backlinks-summary-live",
		"https://docs.dataforseo.com/v3/backlinks/index":         "backlinks-index",
		"https://docs.dataforseo.com/v3/":                        "",
	} {
		if got := SlugOf(in); got != slug {
			t.Errorf("SlugOf(%s) = %q, want %q", in, got, slug)
		}
	}
}

// TestSourcesCoverNavigation: spec/sources.txt lists every page the
// navigation of the captured pages in ../shared/docs/pages names (the
// whole documentation), so that make fetch-docs refreshes all of it.
// Skipped where the captures are absent.
func TestSourcesCoverNavigation(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/docs/pages/*")
	if len(files) == 0 {
		t.Skip("no captured pages beside the repository")
	}
	sources, err := ReadSources("../../spec/sources.txt")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, s := range sources {
		listed[s.Slug] = true
	}
	pages := 0
	var missing []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range NavigationPages(string(data)) {
			slug := SlugOf(p)
			if slug == "" {
				continue
			}
			pages++
			if !listed[slug] && !slices.Contains(missing, slug) {
				missing = append(missing, slug)
			}
		}
	}
	if pages == 0 {
		t.Fatal("no navigation in the captured pages")
	}
	if len(missing) > 0 {
		t.Errorf("spec/sources.txt misses %d pages of the navigation (run docs2spec sources): %v", len(missing), missing[:min(10, len(missing))])
	}
}
