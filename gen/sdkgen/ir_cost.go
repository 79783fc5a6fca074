package sdkgen

import (
	"encoding/json"
	"maps"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// documentedFree reports whether the docs give an operation's cost as 0:
// it has at least one example of its 200 response, and every example's
// cost and every task's cost in it is the number 0 (tasks_ready, task_get,
// locations, ...). Operation.Free is this for GET operations only: the API
// charges for what is posted, and a paid POST endpoint whose example shows
// a cost of 0 (an AI Optimization live example does) must not pass a spent
// budget. The client sends free calls under a spent or blocked budget
// (sdk.Call.Free).
func documentedFree(mt *openapi3.MediaType) bool {
	if mt == nil {
		return false
	}
	var values []any
	if mt.Example != nil {
		values = append(values, mt.Example)
	}
	for _, name := range slices.Sorted(maps.Keys(mt.Examples)) {
		if ex := mt.Examples[name]; ex != nil && ex.Value != nil {
			values = append(values, ex.Value.Value)
		}
	}
	if len(values) == 0 {
		return false
	}
	for _, v := range values {
		env, ok := v.(map[string]any)
		if !ok || !zeroCost(env[contract.Cost]) {
			return false
		}
		tasks, _ := env[contract.Tasks].([]any)
		for _, t := range tasks {
			if task, ok := t.(map[string]any); !ok || !zeroCost(task[contract.Cost]) {
				return false
			}
		}
	}
	return true
}

// zeroCost reports whether a decoded cost is the number 0.
func zeroCost(v any) bool {
	switch n := v.(type) {
	case float64:
		return n == 0
	case int:
		return n == 0
	case int64:
		return n == 0
	case json.Number:
		f, err := n.Float64()
		return err == nil && f == 0
	}
	return false
}
