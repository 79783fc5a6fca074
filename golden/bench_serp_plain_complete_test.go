package golden

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"testing"
)

// TestPlainSerpBaselineComplete checks that the hand-written baseline of
// BenchmarkDecodeSerpAdvanced decodes everything in the body: every item
// has a struct of its kind (none left to the union's json.RawMessage
// fallback), and every non-null leaf of the body (path → value, arrays by
// index) is found, equal, in the baseline's struct encoded back to JSON, so
// a field missing from a struct or misspelt in a tag fails it.
func TestPlainSerpBaselineComplete(t *testing.T) {
	data := bigSerpResponse(t, 200)
	var hw hwEnvelope
	if err := json.Unmarshal(data, &hw); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	var unknown []string
	note := func(where string, items []any) {
		for i, it := range items {
			if raw, ok := it.(json.RawMessage); ok {
				unknown = append(unknown, fmt.Sprintf("%s[%d]: %.60s", where, i, raw))
				continue
			}
			kinds[fmt.Sprintf("%T", it)]++
		}
	}
	for _, task := range hw.Tasks {
		for _, res := range task.Result {
			note("items", res.Items)
			for i, it := range res.Items {
				if ai, ok := it.(*hwAIOverview); ok {
					note(fmt.Sprintf("items[%d].items", i), ai.Items)
				}
			}
		}
	}
	for _, u := range unknown {
		t.Errorf("item of a kind the baseline lacks: %s", u)
	}
	out, err := json.Marshal(&hw)
	if err != nil {
		t.Fatal(err)
	}
	want, got := jsonLeaves(t, data), jsonLeaves(t, out)
	var missing []string
	for path, v := range want {
		if g, ok := got[path]; !ok {
			missing = append(missing, path+" (missing)")
		} else if g != v {
			missing = append(missing, fmt.Sprintf("%s: got %v, want %v", path, g, v))
		}
	}
	sort.Strings(missing)
	for i, m := range missing {
		if i == 20 {
			t.Errorf("... and %d more", len(missing)-i)
			break
		}
		t.Errorf("leaf not decoded by the baseline: %s", m)
	}
	if len(want) < 1000 {
		t.Errorf("only %d non-null leaves in the body", len(want))
	}
	t.Logf("%d non-null leaves; %d item kinds (nested included): %v", len(want), len(kinds), kinds)
}

// jsonLeaves maps each non-null scalar of a JSON document to its path.
func jsonLeaves(t *testing.T, data []byte) map[string]any {
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	leaves := map[string]any{}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch x := v.(type) {
		case nil:
		case map[string]any:
			for k, e := range x {
				walk(path+"."+k, e)
			}
		case []any:
			for i, e := range x {
				walk(path+"["+strconv.Itoa(i)+"]", e)
			}
		default:
			leaves[path] = x
		}
	}
	walk("", doc)
	return leaves
}
