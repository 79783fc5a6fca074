package sdktest

import (
	"encoding/json"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// The queue of the task flows (contract.Flows), as the API keeps it: a
// task that task_post created gets a fresh id and waits; each call of its
// function's tasks_ready is one poll, and from its ReadyAfter-th poll on
// tasks_ready lists it, until a task_get (of any variant) collects it.
// task_get answers a collected task again, as the API does while it keeps
// the result; it answers a task that is not ready with 40602 "Task In
// Queue." and an id it never gave out with 40401 "Task Not Found." (the
// documented example's own id excepted: that answers the example).
// A task posted with a postback_url is never listed: the API sends its
// result to that URL instead (the server sends nothing).

// DefaultReadyAfter is the poll of tasks_ready from which a posted task is
// listed, unless WithReadyAfter says otherwise.
const DefaultReadyAfter = 2

// maxQueued bounds the tasks a server keeps; beyond, the oldest go.
const maxQueued = 100_000

// QueuedTask is a task in the server's queue.
type QueuedTask struct {
	ID        string         // the id task_post answered
	Function  string         // the function it was posted to: "/v3/serp/google/organic"
	Index     int            // its place among the tasks the server queued, from 0
	Task      map[string]any // the task as posted (numbers as json.Number); not to be modified
	Polls     int            // the calls of the function's tasks_ready since it was posted
	Ready     bool           // done: tasks_ready lists it (postback_url aside) and task_get answers its result
	Collected bool           // a task_get answered it; tasks_ready no longer lists it
}

// WithReadyAfter makes each posted task ready at the n-th call of its
// function's tasks_ready after it was posted (default DefaultReadyAfter; 1
// or less: at the first).
func WithReadyAfter(n int) Option {
	return WithReadyAfterFunc(func(QueuedTask) int { return n })
}

// WithReadyAfterFunc decides for each posted task (its ID, Function,
// Index and Task are set) the poll of tasks_ready from which it is ready,
// so that tests can make tasks finish out of order; a result below 1
// makes it ready at the first poll, a large one keeps it waiting.
func WithReadyAfterFunc(f func(QueuedTask) int) Option {
	return func(c *config) { c.readyAfter = f }
}

// WithTaskFailure makes posted tasks fail: f returns the status code (e.g.
// 40102 "No Search Results.", 50000) that task_get answers the task with
// once it is ready, or 0 for a task that succeeds. A failed task is listed
// by tasks_ready as any finished task; one failing with a server error
// (5xxxx) stays listed after task_get, as a task to ask for again.
func WithTaskFailure(f func(QueuedTask) int) Option {
	return func(c *config) { c.taskFailure = f }
}

// Queue returns the tasks the server's queue holds, in posting order.
func (s *Server) Queue() []QueuedTask {
	q := s.queue
	q.mu.Lock()
	defer q.mu.Unlock()
	out := make([]QueuedTask, 0, len(q.order))
	for _, id := range q.order {
		out = append(out, q.tasks[id].QueuedTask)
	}
	return out
}

type queue struct {
	readyAfter  func(QueuedTask) int
	taskFailure func(QueuedTask) int

	mu     sync.Mutex
	tasks  map[string]*queued
	order  []string // ids, in posting order
	posted int
}

type queued struct {
	QueuedTask
	readyAt  int
	failCode int
	postback bool
	posted   time.Time
}

func newQueue(c *config) *queue {
	return &queue{readyAfter: c.readyAfter, taskFailure: c.taskFailure, tasks: map[string]*queued{}}
}

// post queues the tasks a task_post answer created (those that did not
// fail), with the request tasks they echo.
func (q *queue) post(op *operation, reqTasks []map[string]any, tasks []any) {
	function, step, _, ok := contract.FlowOf(op.path)
	if !ok || step != contract.StepPost {
		return
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	for i, t := range tasks {
		tm, _ := t.(map[string]any)
		id, _ := tm["id"].(string)
		if tm == nil || id == "" || i >= len(reqTasks) || !okCode(tm["status_code"]) {
			continue
		}
		e := &queued{QueuedTask: QueuedTask{ID: id, Function: function, Index: q.posted, Task: reqTasks[i]},
			readyAt: DefaultReadyAfter, posted: time.Now()}
		q.posted++
		if q.readyAfter != nil {
			e.readyAt = q.readyAfter(e.QueuedTask)
		}
		if q.taskFailure != nil {
			e.failCode = q.taskFailure(e.QueuedTask)
		}
		pb, _ := reqTasks[i][contract.PostbackURL].(string)
		e.postback = pb != ""
		if e.readyAt <= 0 {
			e.Ready = true // ready before the first poll
		}
		q.tasks[id] = e
		q.order = append(q.order, id)
	}
	for len(q.order) > maxQueued {
		delete(q.tasks, q.order[0])
		q.order = q.order[1:]
	}
}

func okCode(v any) bool {
	c := number(v)
	return c >= 20000 && c < 30000
}

// poll counts a call of function's tasks_ready and returns the tasks it
// lists, in posting order.
func (q *queue) poll(function string) []*queued {
	q.mu.Lock()
	defer q.mu.Unlock()
	var ready []*queued
	for _, id := range q.order {
		e := q.tasks[id]
		if e.Function != function {
			continue
		}
		e.Polls++
		if e.Polls >= e.readyAt {
			e.Ready = true
		}
		if e.Ready && !e.Collected && !e.postback {
			ready = append(ready, e)
		}
	}
	return ready
}

// get finds a task of function for task_get, and marks it collected when
// it is ready, unless it fails with a server error (5xxxx): tasks_ready
// lists such a task again, for the caller to retry. It returns a copy, or
// nil for an unknown id.
func (q *queue) get(function, id string, collect bool) *queued {
	q.mu.Lock()
	defer q.mu.Unlock()
	e := q.tasks[id]
	if e == nil || e.Function != function {
		return nil
	}
	if collect && e.Ready && e.failCode < 50000 {
		e.Collected = true
	}
	c := *e
	return &c
}

// answerFlow answers tasks_ready and task_get from the queue; it returns
// false for the other operations.
func (s *Server) answerFlow(w http.ResponseWriter, r *http.Request, op *operation, params map[string]string, f *Fault) bool {
	function, step, variant, ok := contract.FlowOf(op.path)
	switch {
	case !ok || op.task != nil:
		return false
	case step == contract.StepReady:
		s.answerReady(w, op, function, f)
		return true
	case step == contract.StepGet && op.path == contract.StepPath(function, step, variant):
		s.answerGet(w, r, op, function, params[contract.TaskID], f)
		return true
	}
	return false
}

// answerReady lists the ready tasks of function: one result per task, from
// the documented example's first result with the task's id, tag, posting
// time and the paths to get it.
func (s *Server) answerReady(w http.ResponseWriter, op *operation, function string, f *Fault) {
	env := decodeTree(op.example)
	t, _ := firstTask(env)
	if t == nil {
		t = map[string]any{"status_code": 20000, "status_message": "Ok.", "time": "0 sec.", "cost": 0}
	}
	t["id"] = s.newTaskID()
	var tmpl map[string]any
	if res, _ := t["result"].([]any); len(res) > 0 {
		tmpl, _ = res[0].(map[string]any)
	}
	result := []any{}
	for _, e := range s.queue.poll(function) {
		item := map[string]any{}
		for k, v := range tmpl {
			item[k] = v
		}
		item["id"] = e.ID
		tag, _ := e.Task["tag"].(string)
		item["tag"] = tag
		item["date_posted"] = e.posted.UTC().Format("2006-01-02 15:04:05 -07:00")
		for k, v := range tmpl {
			if variant, ok := strings.CutPrefix(k, "endpoint_"); ok && k == contract.ReadyEndpointField(variant) && v != nil {
				item[k] = strings.Replace(contract.StepPath(function, contract.StepGet, variant), "{"+contract.TaskID+"}", e.ID, 1)
			}
		}
		result = append(result, item)
	}
	t["result"] = result
	t["result_count"] = len(result)
	s.writeTasks(w, env, []any{t}, f, nil)
}

// answerGet answers task_get of id: the documented example with the
// task's id, its request echoed in data (the fields the data schema
// declares, when their values fit it) and in the result's fields of the
// same name; or the task's failure, 40602 while it is not ready, 40401
// for an id the server never gave out.
func (s *Server) answerGet(w http.ResponseWriter, r *http.Request, op *operation, function, id string, f *Fault) {
	env := decodeTree(op.example)
	t, _ := firstTask(env)
	if t == nil {
		t = map[string]any{"status_code": 20000, "status_message": "Ok.", "time": "0 sec.", "cost": 0}
	}
	if t["id"] == id && id != "" {
		// The documented example's own task: the example as it is.
		s.writeTasks(w, env, []any{t}, f, nil)
		return
	}
	t["id"] = id
	t["path"] = strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	// A fault that fails the answer's task leaves the task uncollected.
	faulted := len(f.TaskStatusCodes) > 0 && f.TaskStatusCodes[0] != 0
	e := s.queue.get(function, id, !faulted)
	switch {
	case e == nil:
		failTask(t, 40401, message(40401))
	case !e.Ready:
		failTask(t, 40602, message(40602))
	case e.failCode != 0:
		failTask(t, e.failCode, message(e.failCode))
	default:
		s.echoTask(t, op, function, e.Task)
	}
	s.writeTasks(w, env, []any{t}, f, nil)
}

// echoTask puts the posted task into the answer of its task_get: data
// keeps the example's fields that are not request fields (api, function,
// se, ...) and takes the posted ones its schema declares and they fit; a
// result's top-level field named like an echoed one (keyword,
// location_code) takes its value when it fits too.
func (s *Server) echoTask(t map[string]any, op *operation, function string, posted map[string]any) {
	var postTask *openapi3.Schema
	if post, _, _ := s.catalog.match(http.MethodPost, contract.StepPath(function, contract.StepPost, "")); post != nil && post.resolve() == nil {
		postTask = post.task
	}
	dataSchema, resultSchema := taskSchemas(op)
	data := map[string]any{}
	if ed, ok := t["data"].(map[string]any); ok {
		for k, v := range ed {
			if postTask == nil || postTask.Properties[k] == nil {
				data[k] = v
			}
		}
	}
	echoed := map[string]any{}
	for _, k := range slices.Sorted(maps.Keys(posted)) {
		if fits(dataSchema, k, posted[k]) {
			data[k] = posted[k]
			echoed[k] = posted[k]
		}
	}
	t["data"] = data
	results, _ := t["result"].([]any)
	for _, res := range results {
		rm, ok := res.(map[string]any)
		if !ok {
			continue
		}
		for k, v := range echoed {
			if _, has := rm[k]; has && fits(resultSchema, k, v) {
				rm[k] = v
			}
		}
	}
}

// taskSchemas finds the schemas of a task's data and of one result in an
// operation's 200 response.
func taskSchemas(op *operation) (data, result *openapi3.Schema) {
	resp := op.route.Operation.Responses.Status(http.StatusOK)
	if resp == nil || resp.Value == nil || resp.Value.Content.Get("application/json") == nil {
		return nil, nil
	}
	task := items(property(resp.Value.Content.Get("application/json").Schema, contract.Tasks))
	return schemaOf(property(task, contract.Data)), schemaOf(items(property(task, contract.Result)))
}

// property finds a property of an object schema, or of a part of its allOf.
func property(ref *openapi3.SchemaRef, name string) *openapi3.SchemaRef {
	if ref == nil || ref.Value == nil {
		return nil
	}
	if p := ref.Value.Properties[name]; p != nil {
		return p
	}
	for _, part := range ref.Value.AllOf {
		if p := property(part, name); p != nil {
			return p
		}
	}
	return nil
}

func items(ref *openapi3.SchemaRef) *openapi3.SchemaRef {
	if ref == nil || ref.Value == nil {
		return nil
	}
	return ref.Value.Items
}

func schemaOf(ref *openapi3.SchemaRef) *openapi3.Schema {
	if ref == nil {
		return nil
	}
	return ref.Value
}

// fits reports whether v fits the property name of schema (an object
// schema or an allOf of them).
func fits(schema *openapi3.Schema, name string, v any) bool {
	if schema == nil {
		return false
	}
	p := property(&openapi3.SchemaRef{Value: schema}, name)
	if p == nil || p.Value == nil {
		return false
	}
	var plain any
	if json.Unmarshal(mustJSON(v), &plain) != nil {
		return false
	}
	return p.Value.VisitJSON(plain) == nil
}
