package sdktest

import (
	"bytes"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// hostileValues are values a field of a request task may be set to.
var hostileValues = []string{
	`-1`, `-1000000000000000000`, `1000000000000000000`, `1e19`, `-1e19`, `1e400`, `2.5`, `"10"`,
	`null`, `[]`, `{}`, `[[[[]]]]`, `[null,null]`, `true`,
	strings.Repeat("[", 40) + strings.Repeat("]", 40),
	strings.Repeat(`[`, 30) + `["rank",">",1]` + strings.Repeat(`]`, 30),
	`[` + strings.Repeat(`"x.com",`, 3000) + `"x.com"]`,
}

// seedBodies returns the documented request examples of op, and those
// bodies with each field of the first task set to each hostile value.
func seedBodies(op *operation) [][]byte {
	var bodies [][]byte
	var first map[string]any
	if rb := op.route.Operation.RequestBody; rb != nil && rb.Value != nil {
		if mt := rb.Value.Content.Get("application/json"); mt != nil {
			for _, name := range slices.Sorted(maps.Keys(mt.Examples)) {
				body := mustJSON(mt.Examples[name].Value.Value)
				bodies = append(bodies, body)
				if tasks, _ := mt.Examples[name].Value.Value.([]any); first == nil && len(tasks) > 0 {
					first, _ = tasks[0].(map[string]any)
				}
			}
		}
	}
	fields := []string{"limit", "offset"}
	if op.task != nil {
		fields = append(fields, slices.Sorted(maps.Keys(op.task.Properties))...)
	}
	for _, field := range slices.Compact(fields) {
		for _, v := range hostileValues {
			task := maps.Clone(first)
			if task == nil {
				task = map[string]any{}
			}
			task[field] = json.RawMessage(v)
			bodies = append(bodies, mustJSON([]any{task}))
		}
	}
	return bodies
}

// answerBound is the most an answer to body may hold: the example, and
// per task the example's task with as many results of as many items as the
// documented maximums allow (each no larger than the example's largest),
// plus the body echoed (three times its size: invalid UTF-8 turns into
// \ufffd) in the data and in the items' targets.
func answerBound(op *operation, body []byte) int {
	tmpl, _ := firstTask(decodeTree(op.example))
	results, _ := tmpl["result"].([]any)
	itemCap, largest := 0, 0
	if op.hasLimit {
		itemCap = int(op.limitMax)
	}
	for _, b := range op.bulk {
		itemCap = max(itemCap, b.max)
	}
	for _, res := range results {
		items, _ := res.(map[string]any)["items"].([]any)
		itemCap = max(itemCap, len(items))
		for _, it := range items {
			largest = max(largest, len(mustJSON(it)))
		}
	}
	tasks := min(maxTasks, len(body)/2+1)
	perTask := len(mustJSON(tmpl)) + max(len(results), 1)*itemCap*largest
	return len(op.example) + tasks*perTask + 2*3*len(body)
}

// FuzzServe posts any body to any operation of the spec (its path, or the
// path with a suffix: a query, more segments): the server must answer JSON
// of bounded size, and never panic (its recover fails the test).
func FuzzServe(f *testing.F) {
	cat, err := resolvedCatalog()
	if err != nil {
		f.Fatal(err)
	}
	for i, op := range cat.ops {
		for _, body := range seedBodies(op) {
			f.Add(uint(i), "", body)
		}
		for _, body := range []string{``, `null`, `{}`, `[]`, `[null]`, `[[]]`, `[{}]`, `[{"target":null}]`, `[1]`, `"x"`,
			`[` + strings.Repeat(`{},`, maxTasks) + `{}]`, strings.Repeat("[", 10001), `[{"target":"a.com"}] trailing`} {
			f.Add(uint(i), "", []byte(body))
		}
		for _, suffix := range []string{"/", "/x", "//", "/%2e%2e", "?limit=-1&offset=x", "/../live", "#x"} {
			f.Add(uint(i), suffix, []byte(`[{"target":"a.com","targets":["a.com"]}]`))
		}
	}
	f.Fuzz(func(t *testing.T, opIndex uint, suffix string, body []byte) {
		op := cat.ops[opIndex%uint(len(cat.ops))]
		s := NewServer(t)
		req, err := http.NewRequest(op.method, s.URL+op.path+suffix, bytes.NewReader(body))
		if err != nil {
			return // not a URL: nothing to send
		}
		req.Header.Set("Content-Type", "application/json")
		req.SetBasicAuth(s.Credentials())
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		bound := answerBound(op, body)
		answer, err := io.ReadAll(io.LimitReader(resp.Body, int64(bound)+1))
		if err != nil {
			t.Fatal(err)
		}
		if len(answer) > bound {
			t.Fatalf("an answer of more than %d bytes to %s %.200q", bound, op.path, body)
		}
		if resp.StatusCode == http.StatusInternalServerError || resp.Header.Get("Content-Type") != "application/json" || !json.Valid(answer) {
			t.Fatalf("HTTP %d %s to %s %.200q: %.300s", resp.StatusCode, resp.Header.Get("Content-Type"), op.path, body, answer)
		}
		var env struct {
			StatusCode *int  `json:"status_code"`
			TasksCount int   `json:"tasks_count"`
			Tasks      []any `json:"tasks"`
		}
		if err := json.Unmarshal(answer, &env); err != nil || env.StatusCode == nil || env.TasksCount != len(env.Tasks) {
			t.Fatalf("not an envelope (%v) to %s %.200q: %.300s", err, op.path, body, answer)
		}
	})
}
