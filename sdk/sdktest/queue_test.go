package sdktest

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const (
	organicPost  = "/v3/serp/google/organic/task_post"
	organicReady = "/v3/serp/google/organic/tasks_ready"
	organicGet   = "/v3/serp/google/organic/task_get/advanced/"
	// The regular variant has a documented example (advanced has none).
	organicRegular = "/v3/serp/google/organic/task_get/regular/"
)

// taskIDs returns the id of each task of an answer.
func (a answer) taskIDs() []string {
	var ids []string
	tasks, _ := a.env["tasks"].([]any)
	for _, t := range tasks {
		id, _ := t.(map[string]any)["id"].(string)
		ids = append(ids, id)
	}
	return ids
}

// firstTask returns the first task of an answer.
func (a answer) task(t *testing.T) map[string]any {
	t.Helper()
	tasks, _ := a.env["tasks"].([]any)
	if len(tasks) == 0 {
		t.Fatalf("no task in %.300s", a.body)
	}
	return tasks[0].(map[string]any)
}

// readyIDs returns the ids a tasks_ready answer lists, and checks the
// paths it gives to get them.
func readyIDs(t *testing.T, a answer) []string {
	t.Helper()
	ids := []string{}
	results, _ := a.task(t)["result"].([]any)
	for _, r := range results {
		rm := r.(map[string]any)
		id := rm["id"].(string)
		ids = append(ids, id)
		if got := rm["endpoint_advanced"]; got != organicGet+id {
			t.Errorf("endpoint_advanced of %s = %v", id, got)
		}
	}
	if n, _ := a.task(t)["result_count"].(json.Number).Int64(); int(n) != len(ids) {
		t.Errorf("result_count %d for %d results", n, len(ids))
	}
	return ids
}

func TestQueue(t *testing.T) {
	s := NewServer(t, WithReadyAfterFunc(func(q QueuedTask) int {
		if q.Task["keyword"] == "slow" {
			return 3
		}
		return 2
	}), WithTaskFailure(func(q QueuedTask) int {
		if q.Task["keyword"] == "empty" {
			return 40102
		}
		return 0
	}))
	posted := send(t, s, "POST", organicPost, `[
		{"keyword":"fast","language_code":"en","location_code":2840,"tag":"t1"},
		{"keyword":"slow","language_code":"en","location_code":2840},
		{"keyword":"empty","language_code":"en","location_code":2840},
		{"keyword":"callback","language_code":"en","location_code":2840,"postback_url":"https://example.com/p"}]`, true)
	if diff := cmp.Diff([]string{"20100", "20100", "20100", "20100"}, posted.taskCodes()); diff != "" {
		t.Fatalf("task_post codes (-want +got):\n%s", diff)
	}
	ids := posted.taskIDs()
	fast, slow, empty := ids[0], ids[1], ids[2]
	if len(s.Queue()) != 4 {
		t.Fatalf("queue %+v, want the 4 tasks", s.Queue())
	}

	// Not ready yet: task_get answers 40602, tasks_ready lists nothing.
	if got := send(t, s, "GET", organicGet+fast, "", true); got.code() != "20000" || got.taskCodes()[0] != "40602" {
		t.Errorf("task_get before ready: %s, tasks %v", got.code(), got.taskCodes())
	}
	if got := readyIDs(t, send(t, s, "GET", organicReady, "", true)); len(got) != 0 {
		t.Errorf("first poll lists %v, want none", got)
	}
	// Second poll: fast and empty are ready; the postback task never is listed.
	if diff := cmp.Diff([]string{fast, empty}, readyIDs(t, send(t, s, "GET", organicReady, "", true))); diff != "" {
		t.Errorf("second poll (-want +got):\n%s", diff)
	}
	got := send(t, s, "GET", organicRegular+fast, "", true)
	task := got.task(t)
	data := task["data"].(map[string]any)
	if task["id"] != fast || task["status_code"] != json.Number("20000") || data["keyword"] != "fast" || data["tag"] != "t1" ||
		data["api"] != "serp" || data["function"] != "task_get" {
		t.Errorf("task_get of a ready task: %.500s", got.body)
	}
	result := task["result"].([]any)[0].(map[string]any)
	if result["keyword"] != "fast" || len(result["items"].([]any)) == 0 {
		t.Errorf("result keyword %v, %d items: want the posted keyword and the example's items", result["keyword"], len(result["items"].([]any)))
	}
	if p := task["path"].([]any); p[len(p)-1] != fast {
		t.Errorf("path %v", p)
	}
	if got := send(t, s, "GET", organicGet+empty, "", true); got.taskCodes()[0] != "40102" {
		t.Errorf("task_get of a failing task: %v", got.taskCodes())
	}
	// Collected tasks are no longer listed; slow becomes ready at its third poll.
	if diff := cmp.Diff([]string{slow}, readyIDs(t, send(t, s, "GET", organicReady, "", true))); diff != "" {
		t.Errorf("third poll (-want +got):\n%s", diff)
	}
	// A collected task is answered again, as long as the API keeps it.
	if got := send(t, s, "GET", organicGet+fast, "", true); got.taskCodes()[0] != "20000" {
		t.Errorf("task_get of a collected task: %v", got.taskCodes())
	}
	// The advanced variant answers the same task.
	if got := send(t, s, "GET", organicGet+slow, "", true); got.taskCodes()[0] != "20000" {
		t.Errorf("task_get/advanced: %v", got.taskCodes())
	}
	q := s.Queue()
	if !q[0].Collected || !q[1].Collected || !q[2].Collected || q[3].Collected || !q[3].Ready || q[1].Polls != 3 {
		t.Errorf("queue %+v", q)
	}
}

func TestQueueUnknownIDs(t *testing.T) {
	s := NewServer(t, WithReadyAfter(0))
	maps := send(t, s, "POST", "/v3/serp/google/maps/task_post", `[{"keyword":"pizza","language_code":"en","location_code":2840}]`, true)
	for name, path := range map[string]string{
		"never posted":        organicGet + "01234567-1535-0066-0000-000000000000",
		"of another function": organicGet + maps.taskIDs()[0],
	} {
		got := send(t, s, "GET", path, "", true)
		task := got.task(t)
		if got.code() != "20000" || task["status_code"] != json.Number("40401") || task["status_message"] != "Task Not Found." ||
			got.env["tasks_error"] != json.Number("1") || task["result"] != nil || !strings.HasSuffix(path, task["id"].(string)) {
			t.Errorf("%s: %.400s", name, got.body)
		}
	}
	// The documented example's own id answers the example.
	var ex struct {
		Tasks []struct{ ID string } `json:"tasks"`
	}
	if err := json.Unmarshal(s.Example("/v3/serp/google/organic/task_get/regular/{id}"), &ex); err != nil || len(ex.Tasks) == 0 {
		t.Fatal(err)
	}
	if got := send(t, s, "GET", organicRegular+ex.Tasks[0].ID, "", true); got.taskCodes()[0] != "20000" || got.taskIDs()[0] != ex.Tasks[0].ID {
		t.Errorf("the example's id: %v %v", got.taskCodes(), got.taskIDs())
	}
	// WithReadyAfter(0): ready before the first poll.
	if got := send(t, s, "GET", "/v3/serp/google/maps/task_get/advanced/"+maps.taskIDs()[0], "", true); got.taskCodes()[0] != "20000" {
		t.Errorf("task_get of a task ready at once: %v", got.taskCodes())
	}
}

// TestQueueFaultedGet: a task_get that a fault fails does not collect the
// task: tasks_ready lists it again.
func TestQueueFaultedGet(t *testing.T) {
	s := NewServer(t, WithReadyAfter(0), WithFaults(Fault{}, Fault{TaskStatusCodes: []int{50000}}))
	id := send(t, s, "POST", organicPost, `[{"keyword":"k","language_code":"en","location_code":2840}]`, true).taskIDs()[0]
	if got := send(t, s, "GET", organicRegular+id, "", true).taskCodes(); got[0] != "50000" {
		t.Fatalf("faulted task_get: %v", got)
	}
	if diff := cmp.Diff([]string{id}, readyIDs(t, send(t, s, "GET", organicReady, "", true))); diff != "" {
		t.Errorf("listed after a faulted get (-want +got):\n%s", diff)
	}
	if got := send(t, s, "GET", organicRegular+id, "", true).taskCodes(); got[0] != "20000" {
		t.Errorf("task_get after the fault: %v", got)
	}
	if q := s.Queue(); !q[0].Collected {
		t.Errorf("queue %+v", q)
	}
}
