package sdkgen

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// emitFlows writes flows_gen.go: for each task flow, the method that
// returns its sdk.TaskFlow and the method that runs tasks through it; and
// a note for each function whose flow the spec does not make whole.
func emitFlows(s *Section) *jen.File {
	f := newFile(s.Package)
	for _, fl := range s.Flows {
		flowMethod(f, fl)
		runMethod(f, s, fl)
	}
	if len(s.FlowGaps) > 0 {
		lines := []string{"No task flow is generated for these functions, whose endpoints stay separate calls:", ""}
		for _, g := range s.FlowGaps {
			lines = append(lines, fmt.Sprintf("  - %s: %s", g.Function, g.Reason))
		}
		f.Add(doc(lines...))
	}
	return f
}

// flowTypes are the type arguments of a flow's sdk.TaskFlow and sdk.TaskResult.
func flowTypes(fl *Flow) (task, result jen.Code) {
	return jen.Id(fl.Post.Request.Name), typeCode(fl.Get.Result)
}

// variantWords is "advanced results" or "results" (without s, "result").
func variantWords(fl *Flow, s string) string {
	if fl.Variant == "" {
		return "result" + s
	}
	return fl.Variant + " result" + s
}

func flowMethod(f *jen.File, fl *Flow) {
	task, result := flowTypes(fl)
	ctx := jen.Id("ctx").Qual("context", "Context")
	opts := jen.Id("opts").Op("...").Qual(sdkPath, "CallOption")
	postback := jen.Nil()
	if pb := requestField(fl.Post, contract.PostbackURL); pb != nil {
		if check := nonEmpty(jen.Id("t").Dot(pb.Name), pb); check != nil {
			postback = jen.Func().Params(jen.Id("t").Op("*").Id(fl.Post.Request.Name)).Bool().Block(jen.Return(check))
		}
	}
	f.Add(doc(
		fmt.Sprintf("%s is the task flow of %s for %s:", fl.Flow, fl.Function, variantWords(fl, "s")),
		fmt.Sprintf("%sBatch posts the tasks, %s lists the finished ones", fl.Post.Name, fl.Ready.Name),
		fmt.Sprintf("and %s gets each result. %s runs it; sdk.RunTasks runs it", fl.Get.Name, fl.Run),
		"too, and a caller's own loop may use its steps.",
	))
	f.Func().Params(jen.Id("s").Op("*").Id("Service")).Id(fl.Flow).Params().
		Qual(sdkPath, "TaskFlow").Types(task, result).Block(
		jen.Return(jen.Qual(sdkPath, "TaskFlow").Types(task, result).Values(jen.Dict{
			jen.Id("Post"): jen.Func().Params(ctx, jen.Id("tasks").Index().Add(task), opts).
				Params(jen.Index().Qual(sdkPath, "PostedTask"), jen.Error()).Block(
				jen.List(jen.Id("resp"), jen.Id("err")).Op(":=").Id("s").Dot(fl.Post.Name+"Batch").Call(jen.Id("ctx"), jen.Id("tasks"), jen.Id("opts").Op("...")),
				jen.Return(jen.Qual(sdkPath, "PostedTasks").Call(jen.Id("resp")), jen.Id("err")),
			),
			jen.Id("Ready"): jen.Func().Params(ctx, opts).Params(jen.Index().Qual(sdkPath, "ReadyTask"), jen.Error()).Block(
				jen.List(jen.Id("resp"), jen.Id("err")).Op(":=").Id("s").Dot(fl.Ready.Name).Call(jen.Id("ctx"), jen.Id("opts").Op("...")),
				jen.Return(jen.Qual(sdkPath, "ReadyTasks").Call(jen.Id("resp"),
					jen.Func().Params(jen.Id("r").Add(typeCode(fl.Ready.Result))).Qual(sdkPath, "ReadyTask").Block(jen.Return(readyTask(fl)))),
					jen.Id("err")),
			),
			jen.Id("Get"): jen.Func().Params(ctx, jen.Id("id").String(), opts).Params(result, jen.Error()).Block(
				jen.Return(jen.Qual(sdkPath, "TaskGetResult").Call(
					jen.Id("s").Dot(fl.Get.Name).Call(jen.Id("ctx"), jen.Id("id"), jen.Id("opts").Op("...")))),
			),
			jen.Id("Validate"): jen.Func().Params(jen.Id("tasks").Index().Add(task)).Error().Block(
				jen.Return(jen.Qual(sdkPath, "ValidateFlowTasks").Call(jen.Id("s").Dot("c").Call(), jen.Id("tasks"), postback)),
			),
			jen.Id("Tag"): tagHook(fl, task),
		})),
	)
	f.Line()
}

func runMethod(f *jen.File, s *Section, fl *Flow) {
	task, result := flowTypes(fl)
	first := fmt.Sprintf("%s runs tasks through the task flow of %s and yields each task's", fl.Run, fl.Function)
	lines := []string{first}
	what := fmt.Sprintf("%s (%s) as soon as it is ready, in the order the tasks finish", variantWords(fl, ""), resultName(fl))
	if live := liveOf(s, fl); live != nil {
		lines = append(lines, what+";", fmt.Sprintf("the queued way to run them (%s runs tasks at once instead).", live.Name))
	} else {
		lines = append(lines, what+".")
	}
	lines = append(lines, "",
		"Every task is validated first: nothing is sent when one is invalid or sets a postback_url",
		fmt.Sprintf("(tasks_ready does not list those). The tasks are posted with %sBatch, sdk.MaxTasks", fl.Post.Name),
		fmt.Sprintf("per request; %s is polled with backoff (sdk.FlowFirstPoll doubling up to", fl.Ready.Name),
		"sdk.FlowMaxPoll while none is ready; sdk.WithPollInterval sets them), and each finished task",
		fmt.Sprintf("is got with %s. Every call goes through the client, under its rate,", fl.Get.Name),
		"concurrency and budget limits; opts apply to every call, and an sdk.WithBudget among them",
		"caps the whole walk.",
		"",
		"Each sdk.TaskResult holds the task's Index in tasks, its ID and what posting it cost. Its Err",
		"is the task's own failure (refused when posted, or a failed result; a *sdk.DecodeError comes",
		"with the Result), and the walk goes on. A final error ends the walk: an *sdk.PendingError",
		"names the tasks posted (and paid for) whose results were not collected when ctx ended, a",
		fmt.Sprintf("budget refused a call or a call failed: get them later by id with %s.", fl.Get.Name),
		"Breaking out of the loop stops the walk without collecting the rest.",
	)
	if fl.PostTag != nil && fl.ReadyTag != nil {
		lines = append(lines, "",
			fmt.Sprintf("Tasks without a %s are posted with one of the walk's own, so that the tasks of a post", fl.PostTag.Name),
			"that failed after it may have reached the API are found in tasks_ready by their tag and",
			"collected all the same (see sdk.RunTasks); the tasks passed in are not changed.")
	}
	pb, ping := requestField(fl.Post, contract.PostbackURL), requestField(fl.Post, contract.PingbackURL)
	switch {
	case pb != nil && ping != nil:
		lines = append(lines, "",
			fmt.Sprintf("To be called back instead of polling, set the tasks' %s (called when a task is done)", ping.Name),
			fmt.Sprintf("or %s (the result is sent there) and post them with %sBatch.", pb.Name, fl.Post.Name))
	case pb != nil || ping != nil:
		cb := pb
		if cb == nil {
			cb = ping
		}
		lines = append(lines, "",
			fmt.Sprintf("To be called back instead of polling, set the tasks' %s and post them with %sBatch.", cb.Name, fl.Post.Name))
	}
	f.Add(doc(lines...))
	f.Func().Params(jen.Id("s").Op("*").Id("Service")).Id(fl.Run).
		Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("tasks").Index().Add(task), jen.Id("opts").Op("...").Qual(sdkPath, "CallOption")).
		Qual("iter", "Seq2").Types(jen.Qual(sdkPath, "TaskResult").Types(result), jen.Error()).Block(
		jen.Return(jen.Qual(sdkPath, "RunTasks").Call(jen.Id("ctx"), jen.Id("s").Dot(fl.Flow).Call(), jen.Id("tasks"), jen.Id("opts").Op("..."))),
	)
	f.Line()
}

// resultName is the Go spelling of the type a flow yields.
func resultName(fl *Flow) string {
	var b strings.Builder
	var write func(t *GoType)
	write = func(t *GoType) {
		switch t.Kind {
		case Slice:
			b.WriteString("[]")
			write(t.Elem)
		case Map:
			b.WriteString("map[string]")
			write(t.Elem)
		case Pointer:
			b.WriteString("*")
			write(t.Elem)
		case OptK:
			b.WriteString("sdk.Opt[")
			write(t.Elem)
			b.WriteString("]")
		case Time, Filter, OrderBy:
			b.WriteString("sdk." + t.Name)
		default:
			b.WriteString(t.Name)
		}
	}
	write(fl.Get.Result)
	return b.String()
}

// liveOf is the live operation of a flow's function and variant, nil if none.
func liveOf(s *Section, fl *Flow) *Operation {
	path := contract.StepPath(fl.Function, contract.StepLive, fl.Variant)
	for _, o := range s.Ops {
		if o.Path == path {
			return o
		}
	}
	return nil
}

// requestField finds a field of an operation's request by its wire name.
func requestField(o *Operation, json string) *Field {
	if o.Request == nil {
		return nil
	}
	for _, f := range o.Request.Fields {
		if f.JSON == json {
			return f
		}
	}
	return nil
}

// nonEmpty is the test that a string field holds a value that is not "",
// nil for a field of another type.
func nonEmpty(v *jen.Statement, f *Field) jen.Code {
	if f.Base.Kind != Scalar || f.Base.Name != "string" {
		return nil
	}
	switch f.Type.Kind {
	case OptK:
		return v.Dot("Value").Call().Op("!=").Lit("")
	case Scalar:
		return v.Op("!=").Lit("")
	}
	return nil
}

// flowNotes are the lines the godoc of a flow's step operations adds: how
// they link, and the helper that runs the whole flow.
func flowNotes(s *Section, o *Operation) []string {
	var runs []string
	role := ""
	for _, fl := range s.Flows {
		switch o {
		case fl.Post:
			role = fmt.Sprintf("sdk.PostedTasks(resp) reads the tasks' ids and costs; %s lists the finished ones.", fl.Ready.Name)
		case fl.Ready:
			role = "sdk.ReadyTasks reads the ids (and tags) of the finished tasks, for the task_get methods of this function."
		case fl.Get:
			role = fmt.Sprintf("id is one that %sBatch answered (sdk.PostedTasks) or %s listed.", fl.Post.Name, fl.Ready.Name)
		default:
			continue
		}
		runs = append(runs, fl.Run)
	}
	if len(runs) == 0 {
		return nil
	}
	run := fmt.Sprintf("It is a step of the task flow that %s runs: it posts tasks and yields each result as it is ready.", runs[0])
	if len(runs) > 1 {
		run = fmt.Sprintf("It is a step of the task flows that %s run: they post tasks and yield each result as it is ready.", strings.Join(runs, " and "))
	}
	return []string{"", role, run}
}

// readyTask is a tasks_ready result r as an sdk.ReadyTask: its id, and its
// tag when the result has a string one.
func readyTask(fl *Flow) jen.Code {
	d := jen.Dict{jen.Id("ID"): jen.Id("r").Dot(fl.ReadyID.Name)}
	if t := fl.ReadyTag; t != nil {
		tag := jen.Id("r").Dot(t.Name)
		if t.Type.Kind == OptK {
			tag = tag.Dot("Value").Call()
		}
		d[jen.Id("Tag")] = tag
	}
	return jen.Qual(sdkPath, "ReadyTask").Values(d)
}

// tagHook returns a task's tag field, for RunTasks to tag the tasks it
// posts; nil when task_post or tasks_ready has no string tag.
func tagHook(fl *Flow, task jen.Code) jen.Code {
	if fl.PostTag == nil || fl.ReadyTag == nil {
		return jen.Nil()
	}
	return jen.Func().Params(jen.Id("t").Op("*").Add(task)).Op("*").Qual(sdkPath, "Opt").Types(jen.String()).Block(
		jen.Return(jen.Op("&").Id("t").Dot(fl.PostTag.Name)))
}
