package contract

import (
	"slices"
	"strings"
)

// Flow is one function's task flow for one variant of its results: the
// paths of the three endpoints that post a task, list the finished ones,
// and get a finished one's result.
type Flow struct {
	Function string // the path before the step: "/v3/serp/google/organic"
	Variant  string // the result's variant: "advanced", "regular", "html"; "" for task_get/{id}
	Post     string // POST Function/task_post
	Ready    string // GET Function/tasks_ready
	Get      string // GET Function/task_get[/Variant]/{id}
}

// TaskID is the path parameter of task_get: the id task_post answered.
const TaskID = "id"

// StepPath is the path of a step of function's flow: the variant goes
// after task_get and live, task_get ends in the {id} parameter.
// FlowOf(StepPath(f, s, v)) is f, s, v.
func StepPath(function string, step Step, variant string) string {
	p := function + "/" + string(step)
	if variant != "" && (step == StepGet || step == StepLive) {
		p += "/" + variant
	}
	if step == StepGet {
		p += "/{" + TaskID + "}"
	}
	return p
}

// Flows links the endpoints of paths into task flows, the rule the
// generator (one helper per flow) and the mock server (one queue per
// function) share: a function (FlowOf) forms a flow for each variant of
// its task_get/<variant>/{id} when it also has a task_post and a
// tasks_ready. A function missing one of the three forms none: its
// endpoints stay separate calls. The flows are sorted by function, then
// variant.
func Flows(paths []string) []Flow {
	type steps struct {
		post, ready bool
		gets        []string // variants
	}
	byFunction := map[string]*steps{}
	for _, p := range paths {
		function, step, variant, ok := FlowOf(p)
		if !ok {
			continue
		}
		s := byFunction[function]
		if s == nil {
			s = &steps{}
			byFunction[function] = s
		}
		switch step {
		case StepPost:
			s.post = true
		case StepReady:
			s.ready = true
		case StepGet:
			if p == StepPath(function, StepGet, variant) && !slices.Contains(s.gets, variant) {
				s.gets = append(s.gets, variant)
			}
		}
	}
	var flows []Flow
	for function, s := range byFunction {
		if !s.post || !s.ready {
			continue
		}
		for _, v := range s.gets {
			flows = append(flows, Flow{
				Function: function, Variant: v,
				Post:  StepPath(function, StepPost, ""),
				Ready: StepPath(function, StepReady, ""),
				Get:   StepPath(function, StepGet, v),
			})
		}
	}
	slices.SortFunc(flows, func(a, b Flow) int {
		if c := strings.Compare(a.Function, b.Function); c != 0 {
			return c
		}
		return strings.Compare(a.Variant, b.Variant)
	})
	return flows
}

// ReadyEndpointField is the field of a tasks_ready result that holds the
// path to get the task's result in variant ("endpoint_advanced"), null
// when the function has no such variant.
func ReadyEndpointField(variant string) string { return "endpoint_" + variant }

// The request fields of a task_post that ask for a callback instead of
// polling: the API sends the result to the postback URL (and tasks_ready
// does not list the task), or calls the pingback URL when the task is
// done (and tasks_ready lists it as any other).
const (
	PostbackURL = "postback_url"
	PingbackURL = "pingback_url"
	// Tag is the task field the caller names a task with; task_get and
	// tasks_ready echo it.
	Tag = "tag"
)
