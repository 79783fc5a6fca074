package sdkgen

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/dataforseo-go/dataforseo/gen/goname"
)

// emitService writes the Service and one method per
// operation, plus an All method for operations that page.
func emitService(s *Section) *jen.File {
	f := newFile(s.Package)
	f.Add(doc(fmt.Sprintf("Service calls the %s endpoints. Create it with New; it is safe for concurrent use.", s.Package)))
	f.Type().Id("Service").Struct(jen.Id("client").Op("*").Qual(sdkPath, "Client"))
	f.Line()
	f.Add(doc(fmt.Sprintf("New returns the Service of the %s endpoints, calling them through c. It panics when c is nil.", s.Package)))
	f.Func().Id("New").Params(jen.Id("c").Op("*").Qual(sdkPath, "Client")).Op("*").Id("Service").Block(
		jen.If(jen.Id("c").Op("==").Nil()).Block(
			jen.Panic(jen.Lit(s.Package+".New: the *sdk.Client is nil; create it with sdk.NewClient"))),
		jen.Return(jen.Op("&").Id("Service").Values(jen.Dict{jen.Id("client"): jen.Id("c")})),
	)
	f.Line()
	f.Add(doc("c returns the client; nil for a nil Service, which the client's methods report as an error."))
	f.Func().Params(jen.Id("s").Op("*").Id("Service")).Id("c").Params().Op("*").Qual(sdkPath, "Client").Block(
		jen.If(jen.Id("s").Op("==").Nil()).Block(jen.Return(jen.Nil())),
		jen.Return(jen.Id("s").Dot("client")),
	)
	f.Line()
	for _, o := range s.Ops {
		method(f, o, flowNotes(s, o))
		if o.Pager != nil {
			pagerMethod(f, o)
		}
	}
	return f
}

// method writes the methods of o; notes go on in their godoc.
func method(f *jen.File, o *Operation, notes []string) {
	resp := o.Name + "Response"
	title := fmt.Sprintf("%s %s", o.Method, o.Path)
	if o.Summary != "" {
		title += " (" + o.Summary + ")"
	}
	outcome := append([]string{"", "The response is returned with the error when the call reached the API: with a *sdk.TaskErrors",
		"it holds the tasks that succeeded, with a *sdk.DecodeError every value that fit its type."}, notes...)
	params := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	for _, p := range o.PathParams {
		params = append(params, jen.Id(goname.Unexported(p)).String())
	}
	call := jen.Dict{
		jen.Id("Method"):   jen.Qual("net/http", "Method"+map[string]string{"GET": "Get", "POST": "Post"}[o.Method]),
		jen.Id("Endpoint"): jen.Lit(o.Path),
	}
	if len(o.PathParams) > 0 {
		call[jen.Id("Path")] = pathExpr(o)
	}
	if o.Free {
		call[jen.Id("Free")] = jen.True()
	}
	do := func(tasks jen.Code) []jen.Code {
		if tasks != nil {
			call[jen.Id("Tasks")] = tasks
		}
		return []jen.Code{
			jen.Id("resp").Op(":=").New(jen.Id(resp)),
			jen.Id("err").Op(":=").Id("s").Dot("c").Call().Dot("Do").Call(jen.Id("ctx"), jen.Qual(sdkPath, "Call").Values(call),
				jen.Id("resp"), jen.Id("opts").Op("...")),
			jen.Return(jen.Id("resp"), jen.Id("err")),
		}
	}
	opts := jen.Id("opts").Op("...").Qual(sdkPath, "CallOption")
	results := []jen.Code{jen.Op("*").Id(resp), jen.Error()}
	if o.Request == nil {
		lines := []string{fmt.Sprintf("%s calls %s.", o.Name, title)}
		if o.Description != "" {
			lines = append(lines, "", o.Description)
		}
		lines = append(lines, "", "opts (sdk.WithTimeout, sdk.WithBudget, sdk.WithRawResponse, ...) apply to this call only.")
		f.Add(doc(append(lines, outcome...)...))
		f.Func().Params(jen.Id("s").Op("*").Id("Service")).Id(o.Name).Params(append(params, opts)...).Params(results...).Block(do(nil)...)
		f.Line()
		return
	}
	batch := o.Name + "Batch"
	lines := []string{fmt.Sprintf("%s calls %s with one task.", o.Name, title)}
	if o.Description != "" {
		lines = append(lines, "", o.Description)
	}
	lines = append(lines, "",
		"The task is validated first (Validate): an invalid one fails the call before anything is sent.",
		fmt.Sprintf("opts (sdk.WithTimeout, sdk.WithBudget, sdk.WithRawResponse, ...) apply to this call only; %s sends", batch),
		"several tasks in one request.")
	f.Add(doc(append(lines, outcome...)...))
	args := []jen.Code{jen.Id("ctx")}
	for _, p := range o.PathParams {
		args = append(args, jen.Id(goname.Unexported(p)))
	}
	args = append(args, jen.Index().Id(o.Request.Name).Values(jen.Id("task")), jen.Id("opts").Op("..."))
	f.Func().Params(jen.Id("s").Op("*").Id("Service")).Id(o.Name).
		Params(append(params, jen.Id("task").Id(o.Request.Name), opts)...).Params(results...).Block(
		jen.Return(jen.Id("s").Dot(batch).Call(args...)),
	)
	f.Line()
	f.Add(doc(append([]string{
		fmt.Sprintf("%s calls %s with 1 to sdk.MaxTasks (100) tasks in one request;", batch, title),
		"the response has a task for each, in order. Each task is validated first (Validate): an invalid",
		"one fails the call before anything is sent. opts apply to this call only.",
	}, outcome...)...))
	f.Func().Params(jen.Id("s").Op("*").Id("Service")).Id(batch).
		Params(append(params, jen.Id("tasks").Index().Id(o.Request.Name), opts)...).Params(results...).Block(do(jen.Id("tasks"))...)
	f.Line()
}

// pathExpr is the path as a Go expression, path parameters escaped.
func pathExpr(o *Operation) jen.Code {
	if len(o.PathParams) == 0 {
		return jen.Lit(o.Path)
	}
	var parts []jen.Code
	rest := o.Path
	for _, p := range o.PathParams {
		before, after, _ := strings.Cut(rest, "{"+p+"}")
		if before != "" {
			parts = append(parts, jen.Lit(before))
		}
		parts = append(parts, jen.Qual("net/url", "PathEscape").Call(jen.Id(goname.Unexported(p))))
		rest = after
	}
	if rest != "" {
		parts = append(parts, jen.Lit(rest))
	}
	expr := jen.Add(parts[0])
	for _, p := range parts[1:] {
		expr = expr.Op("+").Add(p)
	}
	return expr
}

func pagerMethod(f *jen.File, o *Operation) {
	name, item := o.Name+"All", typeCode(o.Pager.Item)
	limit := jen.Id("task").Dot("Limit").Dot("Or").Call(jen.Lit(o.Pager.MaxLimit))
	lines := []string{
		fmt.Sprintf("%s walks every item of %s for task, page by page, from the task's offset on", name, o.Name),
		"until the result's total_count. Pages hold the task's limit of items, or the documented",
		fmt.Sprintf("maximum (%d) when it has none. It stops at the first error (a *sdk.DecodeError", o.Pager.MaxLimit),
		"is yielded and the walk goes on), when a page brings no new item (sdk.ErrPaginationStalled),",
		"or when ctx ends. opts apply to every page; sdk.WithBudget caps all pages together and",
		"sdk.WithMaxPages the number of pages.",
	}
	if o.Pager.MaxLimit == 0 {
		lines[2] = "maximum when it has none. It stops at the first error (a *sdk.DecodeError"
		limit = jen.Id("task").Dot("Limit").Dot("Or").Call(jen.Lit(100))
	}
	f.Add(doc(lines...))
	total := jen.Id("r").Dot("TotalCount")
	if o.Pager.TotalOpt {
		// A result without total_count reads as 0: the walk stops after it.
		total = jen.Id("r").Dot("TotalCount").Dot("Value").Call()
	}
	params := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	args := []jen.Code{jen.Id("ctx")}
	for _, p := range o.PathParams {
		params = append(params, jen.Id(goname.Unexported(p)).String())
		args = append(args, jen.Id(goname.Unexported(p)))
	}
	params = append(params, jen.Id("task").Id(o.Request.Name), jen.Id("opts").Op("...").Qual(sdkPath, "CallOption"))
	args = append(args, jen.Id("t"), jen.Id("opts").Op("..."))
	f.Func().Params(jen.Id("s").Op("*").Id("Service")).Id(name).Params(params...).
		Qual("iter", "Seq2").Types(item, jen.Error()).Block(
		jen.Id("start").Op(":=").Id("task").Dot("Offset").Dot("Value").Call(),
		jen.Id("fetch").Op(":=").Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.List(jen.Id("offset"), jen.Id("limit")).Int64(),
			jen.Id("opts").Op("...").Qual(sdkPath, "CallOption")).
			Params(jen.Index().Add(item), jen.Int64(), jen.Error()).Block(
			jen.Id("t").Op(":=").Id("task"),
			jen.List(jen.Id("t").Dot("Offset"), jen.Id("t").Dot("Limit")).Op("=").List(
				jen.Qual(sdkPath, "Int").Call(jen.Id("start").Op("+").Id("offset")),
				jen.Qual(sdkPath, "Int").Call(jen.Id("limit"))),
			jen.List(jen.Id("resp"), jen.Id("err")).Op(":=").Id("s").Dot(o.Name).Call(args...),
			jen.List(jen.Id("r"), jen.Id("ok")).Op(":=").Id("resp").Dot("FirstResult").Call(),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Nil(), jen.Lit(0), jen.Id("err"))),
			jen.Return(jen.Id("r").Dot("Items"), total.Op("-").Id("start"), jen.Id("err")),
		),
		jen.Return(jen.Qual(sdkPath, "Paginate").Call(jen.Id("ctx"), limit, jen.Id("fetch"), jen.Id("opts").Op("..."))),
	)
	f.Line()
}

// emitRegistry writes the list of the section's operations.
func emitRegistry(s *Section) *jen.File {
	f := newFile(s.Package)
	f.Add(doc(fmt.Sprintf("Operations lists the %s endpoints, in path order.", s.Package)))
	f.Var().Id("Operations").Op("=").Index().Qual(sdkPath, "Operation").ValuesFunc(func(g *jen.Group) {
		for _, o := range s.Ops {
			d := jen.Dict{
				jen.Id("ID"):          jen.Lit(s.Package + "." + o.Name),
				jen.Id("Method"):      jen.Lit(o.Method),
				jen.Id("Path"):        jen.Lit(o.Path),
				jen.Id("Summary"):     jen.Lit(o.Summary),
				jen.Id("NewResponse"): jen.Func().Params().Any().Block(jen.Return(jen.New(jen.Id(o.Name + "Response")))),
			}
			if o.Request != nil {
				d[jen.Id("NewRequest")] = jen.Func().Params().Any().Block(jen.Return(jen.New(jen.Id(o.Request.Name))))
				d[jen.Id("NewRequestBody")] = jen.Func().Params().Any().Block(jen.Return(jen.New(jen.Index().Id(o.Request.Name))))
			}
			g.Values(d)
		}
	})
	return f
}
