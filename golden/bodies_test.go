package golden

import (
	"encoding/json"
	"testing"
)

// repeatItems makes a response of n items from example, a response of one
// task and one result, by repeating its result's items; the item at
// misfit (when in range) gets field set to value, which does not fit the
// documented type. items_count becomes n, and total_count too when total.
func repeatItems(tb testing.TB, example []byte, n, misfit int, field string, value any, total bool) []byte {
	tb.Helper()
	var tree map[string]any
	if err := json.Unmarshal(example, &tree); err != nil {
		tb.Fatal(err)
	}
	result := tree["tasks"].([]any)[0].(map[string]any)["result"].([]any)[0].(map[string]any)
	items := result["items"].([]any)
	big := make([]any, n)
	for i := range big {
		big[i] = items[i%len(items)]
	}
	if misfit >= 0 && misfit < n {
		item := map[string]any{}
		for k, v := range big[misfit].(map[string]any) {
			item[k] = v
		}
		item[field] = value
		big[misfit] = item
	}
	result["items"], result["items_count"] = big, n
	if total {
		result["total_count"] = n
	}
	out, err := json.Marshal(tree)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}
