package prose

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dataforseo-go/dataforseo/gen/page"
)

// TestGuardsLoseNothing: the substring guards only skip patterns that
// would not match. Every row description of the repository's pages (and
// of the shared corpus beside the repository, when it is there), and
// texts that say each fact in capitals, read the same with every pattern
// run.
func TestGuardsLoseNothing(t *testing.T) {
	descs := []string{
		"REQUIRED FIELD", "Default Value: 10", "MAXIMUM VALUE: 3", "Min value 0", "Character limit is 80",
		"up to 10 SYMBOLS", "UP TO five keywords", "No More Than 20", "100 tasks MAXIMUM", "NULL if none",
		"Possible Values: a, b", "can take the values: x, y", "possible types: c, d", "YYYY-MM-DD HH-MM-SS",
	}
	for _, pattern := range []string{"../../spec/pages/*", "../../../shared/docs/pages/*"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			pages, _ := page.ParseFile(filepath.Base(file), data)
			for _, p := range pages {
				for _, tb := range []*page.Table{p.Request, p.Response, p.Filters} {
					if tb == nil {
						continue
					}
					for _, r := range tb.Rows {
						descs = append(descs, r.Description)
					}
				}
			}
		}
	}
	facts := 0
	for _, d := range descs {
		all := read(d, func(string) bool { return true })
		if diff := cmp.Diff(all, Read(d)); diff != "" {
			t.Errorf("%q: the guards lose facts (-every pattern +guarded):\n%s", d, diff)
		}
		if !cmp.Equal(all, Facts{}) {
			facts++
		}
	}
	if facts < 100 {
		t.Errorf("only %d of %d descriptions state a fact: the comparison proves little", facts, len(descs))
	}
}
