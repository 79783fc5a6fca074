package sdktest

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// The bounds that keep a request, whatever its body, from crashing the
// server, making it allocate without bound or hang.
const (
	// maxBody is the largest request body the server reads: HTTP 413 beyond.
	maxBody = 8 << 20
	// defaultMaxItems is the most items a page (limit) or a bulk field
	// (targets) may ask for where the spec documents no maximum.
	defaultMaxItems = 1000
	// maxTaskWork and maxRequestWork bound the work of validating a task,
	// and all the tasks of a request, against the spec (see work).
	maxTaskWork    = 1 << 16
	maxRequestWork = 1 << 18
)

// work estimates what validating v (found depth levels below a task)
// costs kin-openapi, in units of one to a few microseconds (maxTaskWork
// is at most ~0.2s, maxRequestWork ~1s), stopping once it passes left.
// kin-openapi visits a value twice under each anyOf it matches, and the
// filter grammar nests two anyOf a level, so a value weighs 4^(depth-2):
// the items of a field weigh 1, a condition nested in n groups about 4^n.
func work(v any, depth int, left int64) int64 {
	used := int64(1)
	if depth > 2 {
		if depth-2 > 30 {
			return left + 1
		}
		used = 1 << (2 * (depth - 2))
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if used > left {
				break
			}
			used += work(e, depth+1, left-used)
		}
	case map[string]any:
		for _, e := range x {
			if used > left {
				break
			}
			used += work(e, depth+1, left-used)
		}
	}
	return used
}

// tooMuchWork fails a task (a reason naming its costliest field) whose
// validation would cost more than maxTaskWork, or more than is left of the
// request's budget; it takes the task's work from left.
func tooMuchWork(task map[string]any, left *int64) string {
	var total, most int64
	costliest := ""
	for _, k := range slices.Sorted(maps.Keys(task)) {
		w := work(task[k], 1, maxTaskWork-total)
		if w > most {
			most, costliest = w, k
		}
		total += w
		if total > maxTaskWork {
			break
		}
	}
	if total > maxTaskWork || total > *left {
		return "Invalid Field: '" + costliest + "': nested too deeply or too large to validate"
	}
	*left -= total
	return ""
}

// tooManyConditions fails a task whose filter field (x-dfs-max-conditions)
// holds more conditions than the docs allow.
func tooManyConditions(task map[string]any, op *operation) string {
	for _, name := range op.filterFields {
		v, ok := task[name]
		if !ok {
			continue
		}
		var f sdk.Filter
		if err := json.Unmarshal(mustJSON(v), &f); err != nil {
			continue // the schema says what is wrong
		}
		if n, most := f.Conditions(), maxConditions(op.task.Properties[name].Value); n > most {
			return fmt.Sprintf("Invalid Field: '%s': has %d conditions; at most %d", name, n, most)
		}
	}
	return ""
}

// maxConditions reads the x-dfs-max-conditions of a filter field.
func maxConditions(s *openapi3.Schema) int {
	switch n := s.Extensions[contract.ExtMaxConditions].(type) {
	case float64:
		return int(n)
	case int:
		return n
	case json.Number:
		i, _ := n.Int64()
		return int(i)
	}
	return math.MaxInt
}

// outOfRange fails a task whose paging fields (limit, offset) are not
// integers from 0 to their maximum, or whose bulk field lists more items
// than its maximum: what the schema does not say, the server needs to
// answer with a page it can build.
func outOfRange(task map[string]any, op *operation) string {
	if op.hasLimit {
		for _, f := range []struct {
			name string
			max  int64
		}{{contract.Limit, op.limitMax}, {contract.Offset, op.offsetMax}} {
			v, ok := task[f.name]
			if !ok {
				continue
			}
			if n, ok := integer(v); !ok || n < 0 || n > f.max {
				return fmt.Sprintf("Invalid Field: '%s': must be an integer from 0 to %d", f.name, f.max)
			}
		}
	}
	for _, b := range op.bulk {
		if list, ok := task[b.request].([]any); ok && len(list) > b.max {
			return fmt.Sprintf("Invalid Field: '%s': has %d items; at most %d", b.request, len(list), b.max)
		}
	}
	return ""
}

// integer reads a JSON number (decoded with UseNumber) that is an integer
// an int64 holds, 100 and 1e2 and 100.0 alike.
func integer(v any) (int64, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	if i, err := strconv.ParseInt(string(n), 10, 64); err == nil {
		return i, true
	}
	f, err := n.Float64()
	if err != nil || f != math.Trunc(f) || f < math.MinInt64 || f >= math.MaxInt64 {
		return 0, false
	}
	return int64(f), true
}

// schemaMax returns the documented maximum of a property, or def.
func schemaMax(task *openapi3.Schema, name string, def int64) int64 {
	p, ok := task.Properties[name]
	if !ok || p.Value == nil || p.Value.Max == nil || *p.Value.Max < 0 || *p.Value.Max >= math.MaxInt64 {
		return def
	}
	return int64(*p.Value.Max)
}
