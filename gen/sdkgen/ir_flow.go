package sdkgen

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dataforseo-go/dataforseo/gen/goname"
	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// Flow is a task flow of one function and variant (contract.Flows): the
// operations that post tasks, list the finished ones and get a finished
// one's result, linked into one helper.
type Flow struct {
	Run      string // the method that runs tasks through the flow: "GoogleOrganicRunAdvanced"
	Flow     string // the method that returns the sdk.TaskFlow: "GoogleOrganicFlowAdvanced"
	Function string // "/v3/serp/google/organic"
	Variant  string // "advanced"; "" for a task_get without one
	Post     *Operation
	Ready    *Operation
	Get      *Operation
	ReadyID  *Field // the id of a tasks_ready result
	ReadyTag *Field // the tag of a tasks_ready result (string or Opt[string]), nil when none
	PostTag  *Field // the tag of a posted task (Opt[string]), nil when none
}

// FlowGap is a function with task-flow endpoints that forms no flow, and
// why: the generated code says so where the flow would be.
type FlowGap struct {
	Function string
	Reason   string
}

// resolveFlows links the section's operations into flows, once all are
// built, by the rule of contract.Flows, and notes the functions that
// have some steps of a flow but not a whole one.
func resolveFlows(s *Section) error {
	byPath := map[string]*Operation{}
	structs := map[string]*Struct{}
	for _, st := range s.Structs {
		structs[st.Name] = st
	}
	names := map[string]bool{}
	var paths []string
	for _, o := range s.Ops {
		byPath[o.Path] = o
		names[o.Name] = true
		paths = append(paths, o.Path)
	}
	s.Flows, s.FlowGaps = nil, nil
	linked := map[string]bool{}
	for _, cf := range contract.Flows(paths) {
		f := &Flow{Function: cf.Function, Variant: cf.Variant, Post: byPath[cf.Post], Ready: byPath[cf.Ready], Get: byPath[cf.Get]}
		if reason := f.check(structs); reason != "" {
			s.FlowGaps = append(s.FlowGaps, FlowGap{Function: cf.Function, Reason: variantOf(cf.Variant) + reason})
			continue
		}
		base := strings.TrimSuffix(f.Post.Name, goname.Exported(string(contract.StepPost)))
		f.Run = goname.Exported(base + "_run_" + cf.Variant)
		f.Flow = goname.Exported(base + "_flow_" + cf.Variant)
		for _, n := range []string{f.Run, f.Flow} {
			if names[n] {
				return fmt.Errorf("task flow of %s%s: the method name %s is an operation's or another flow's", cf.Function, variantOf(cf.Variant), n)
			}
			names[n] = true
		}
		s.Flows = append(s.Flows, f)
		linked[cf.Function] = true
	}
	gaps := map[string][]contract.Step{}
	for _, p := range paths {
		if function, step, _, ok := contract.FlowOf(p); ok && !linked[function] && step != contract.StepLive {
			gaps[function] = append(gaps[function], step)
		}
	}
	for function, steps := range gaps {
		var missing []string
		for _, st := range []contract.Step{contract.StepPost, contract.StepReady, contract.StepGet} {
			if !slices.Contains(steps, st) {
				missing = append(missing, string(st))
			}
		}
		if len(missing) > 0 {
			s.FlowGaps = append(s.FlowGaps, FlowGap{Function: function, Reason: "no " + strings.Join(missing, ", no ") + " endpoint in the spec"})
		}
	}
	slices.SortFunc(s.FlowGaps, func(a, b FlowGap) int {
		return strings.Compare(a.Function+" "+a.Reason, b.Function+" "+b.Reason)
	})
	return nil
}

func variantOf(v string) string {
	if v == "" {
		return ""
	}
	return " (" + v + ")"
}

// check says why the operations cannot form a flow, "" when they can: a
// task_post with tasks, a tasks_ready whose results have an id, a task_get
// of an id.
func (f *Flow) check(structs map[string]*Struct) string {
	switch {
	case f.Post == nil || f.Ready == nil || f.Get == nil:
		return ": an endpoint of the flow has no operation"
	case f.Post.Request == nil:
		return ": task_post has no request body"
	case len(f.Ready.PathParams) > 0 || f.Ready.Request != nil:
		return ": tasks_ready takes parameters"
	case !slices.Equal(f.Get.PathParams, []string{contract.TaskID}) || f.Get.Request != nil:
		return ": task_get takes more than the task id"
	case f.Get.Result == nil:
		return ": task_get has no result type"
	}
	f.ReadyID = resultField(f.Ready, structs, "id")
	if f.ReadyID == nil || f.ReadyID.Type.Kind != Scalar || f.ReadyID.Type.Name != "string" {
		return ": the results of tasks_ready have no string id"
	}
	if t := resultField(f.Ready, structs, contract.Tag); t != nil && isString(t.Base) {
		f.ReadyTag = t
	}
	if t := requestField(f.Post, contract.Tag); t != nil && t.Type.Kind == OptK && isString(t.Base) {
		f.PostTag = t
	}
	return ""
}

// resultField finds a field of an operation's result struct.
func resultField(o *Operation, structs map[string]*Struct, json string) *Field {
	if o.Result == nil || o.Result.Kind != StructK || structs[o.Result.Name] == nil {
		return nil
	}
	for _, f := range structs[o.Result.Name].Fields {
		if f.JSON == json {
			return f
		}
	}
	return nil
}

// isString reports whether t is Go's string.
func isString(t *GoType) bool { return t != nil && t.Kind == Scalar && t.Name == "string" }
