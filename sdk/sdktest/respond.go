package sdktest

import (
	"bytes"
	"encoding/json"
	"math"
	"net/http"
	"slices"
	"strconv"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// answer writes the documented example fitted to the request: one task per
// task of the request, echoing it in data, with pages cut by its limit and
// offset, and the fault's failed tasks.
func (s *Server) answer(w http.ResponseWriter, r *http.Request, op *operation, params map[string]string, body []byte, f *Fault) {
	var reqTasks []map[string]any
	var invalid map[int]string
	if op.task != nil {
		var code int
		reqTasks, invalid, code = s.checkRequest(r, op, params, body)
		if code != 0 {
			writeEnvelopeError(w, http.StatusOK, code, f)
			return
		}
	}
	env := decodeTree(op.example)
	tmpl, _ := firstTask(env)
	var tasks []any
	switch {
	case op.task == nil || tmpl == nil:
		// A GET, or an example without tasks: the example's tasks as they are.
		tasks, _ = env["tasks"].([]any)
		for _, t := range tasks {
			if tm, ok := t.(map[string]any); ok {
				tm["id"] = s.newTaskID()
			}
		}
	default:
		for i, rt := range reqTasks {
			t := decodeTree(mustJSON(tmpl))
			t["id"] = s.newTaskID()
			t["data"] = echoData(t["data"], rt, op)
			switch msg, bad := invalid[i]; {
			case bad:
				failTask(t, 40501, msg)
			default:
				fillBulk(t, rt, op.bulk)
				if op.hasLimit {
					page(t, rt, op)
				}
			}
			tasks = append(tasks, t)
		}
	}
	s.writeTasks(w, env, tasks, f, func(tasks []any) { s.queue.post(op, reqTasks, tasks) })
}

// writeTasks writes env with tasks, failing those the fault fails, with
// the envelope's counts and cost; queue (if not nil) sees the tasks that
// will be sent.
func (s *Server) writeTasks(w http.ResponseWriter, env map[string]any, tasks []any, f *Fault, queue func([]any)) {
	for i, code := range f.TaskStatusCodes {
		if code != 0 && i < len(tasks) {
			if t, ok := tasks[i].(map[string]any); ok {
				failTask(t, code, message(code))
			}
		}
	}
	if queue != nil {
		queue(tasks)
	}
	cost, failed := 0.0, 0
	for _, t := range tasks {
		tm, _ := t.(map[string]any)
		cost += number(tm["cost"])
		if code := number(tm["status_code"]); code < 20000 || code >= 30000 {
			failed++
		}
	}
	env["tasks"] = tasks
	env["tasks_count"] = len(tasks)
	env["tasks_error"] = failed
	env["cost"] = math.Round(cost*1e8) / 1e8
	writeJSON(w, http.StatusOK, env, f.Malformed)
}

// echoData is the data of a task: the example's fields that are not request
// fields (api, function, ...), and the request task.
func echoData(exampleData any, reqTask map[string]any, op *operation) map[string]any {
	data := map[string]any{}
	if ed, ok := exampleData.(map[string]any); ok {
		for k, v := range ed {
			if _, isRequestField := op.task.Properties[k]; !isRequestField {
				data[k] = v
			}
		}
	}
	for k, v := range reqTask {
		data[k] = v
	}
	return data
}

// page cuts the items of each result to the request's page: limit items
// from offset, of total_count, repeating the example's items as needed.
// checkRequest has failed a task whose limit or offset is out of range;
// page clamps them all the same, so a page never holds more than limitMax.
func page(task map[string]any, reqTask map[string]any, op *operation) {
	limit, offset := op.limitDefault, int64(0)
	if n, ok := integer(reqTask[contract.Limit]); ok {
		limit = n
	}
	if n, ok := integer(reqTask[contract.Offset]); ok {
		offset = n
	}
	limit = min(max(limit, 0), op.limitMax)
	offset = max(offset, 0)
	results, _ := task["result"].([]any)
	for _, res := range results {
		rm, ok := res.(map[string]any)
		if !ok {
			continue
		}
		items, ok := rm[contract.Items].([]any)
		if !ok || rm[contract.Total] == nil {
			continue
		}
		total, _ := integer(rm[contract.Total])
		n, start := int64(0), int64(0)
		if len(items) > 0 && offset < total {
			n, start = min(total-offset, limit), offset%int64(len(items))
		}
		paged := make([]any, n)
		for j := range n {
			paged[j] = distinct(items[(start+j)%int64(len(items))], (offset+j)/int64(len(items)))
		}
		rm[contract.Items] = paged
		rm[contract.ItemsCount] = n
	}
}

// failTask makes a task fail with code.
func failTask(t map[string]any, code int, msg string) {
	t["status_code"] = code
	t["status_message"] = msg
	t["cost"] = 0
	t["result_count"] = 0
	t["result"] = nil
}

func firstTask(env map[string]any) (map[string]any, bool) {
	tasks, _ := env["tasks"].([]any)
	if len(tasks) == 0 {
		return nil, false
	}
	t, ok := tasks[0].(map[string]any)
	return t, ok
}

// decodeTree decodes a JSON object, keeping numbers exact.
func decodeTree(data []byte) map[string]any {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil || m == nil {
		return map[string]any{}
	}
	return m
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		return []byte("{}")
	}
	return b
}

// number reads a JSON number decoded with UseNumber (or an int).
func number(v any) float64 {
	switch n := v.(type) {
	case json.Number:
		f, _ := n.Float64()
		return f
	case float64:
		return n
	case int:
		return float64(n)
	case int64:
		return float64(n)
	}
	return 0
}

// distinct returns the copy number round of an example item: the item
// itself for round 0, else a copy whose first plain string field (in key
// order; not its type, not a date-time) ends in "-ROUND", so that the
// pages of a walk hold different items, as the API's do.
func distinct(item any, round int64) any {
	m, ok := item.(map[string]any)
	if !ok || round == 0 {
		return item
	}
	c := make(map[string]any, len(m))
	for k, v := range m {
		c[k] = v
	}
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if s, ok := c[k].(string); ok && k != "type" && !isDateTime(s) {
			c[k] = s + "-" + strconv.FormatInt(round, 10)
			break
		}
	}
	return c
}

func isDateTime(s string) bool {
	_, err := sdk.ParseTime(s)
	return err == nil
}
