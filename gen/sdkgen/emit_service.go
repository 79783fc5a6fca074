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
	f.Add(doc(fmt.Sprintf("New returns the Service of the %s endpoints, calling them through c.", s.Package)))
	f.Func().Id("New").Params(jen.Id("c").Op("*").Qual(sdkPath, "Client")).Op("*").Id("Service").Block(
		jen.Return(jen.Op("&").Id("Service").Values(jen.Dict{jen.Id("client"): jen.Id("c")})),
	)
	f.Line()
	for _, o := range s.Ops {
		method(f, o)
		if o.Pager != nil {
			pagerMethod(f, o)
		}
	}
	return f
}

func method(f *jen.File, o *Operation) {
	resp := o.Name + "Response"
	lines := []string{fmt.Sprintf("%s calls %s %s", o.Name, o.Method, o.Path)}
	if o.Summary != "" {
		lines[0] += " (" + o.Summary + ")"
	}
	lines[0] += "."
	if o.Description != "" {
		lines = append(lines, "", o.Description)
	}
	if o.Request != nil {
		lines = append(lines, "", "Each task is validated first (Validate); an invalid one fails the call before anything is sent.")
	}
	lines = append(lines, "The response is returned with the error when the call reached the API: with a *sdk.TaskErrors",
		"it holds the tasks that succeeded, with a *sdk.DecodeError every value that fit its type.")
	f.Add(doc(lines...))
	params := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	for _, p := range o.PathParams {
		params = append(params, jen.Id(goname.Unexported(p)).String())
	}
	if o.Request != nil {
		params = append(params, jen.Id("tasks").Op("...").Id(o.Request.Name))
	}
	call := jen.Id("s").Dot("client").Dot("Get").Call(jen.Id("ctx"), pathExpr(o), jen.Id("resp"))
	if o.Method == "POST" {
		call = jen.Id("s").Dot("client").Dot("Post").Call(jen.Id("ctx"), pathExpr(o), jen.Id("tasks"), jen.Id("resp"))
	}
	f.Func().Params(jen.Id("s").Op("*").Id("Service")).Id(o.Name).Params(params...).
		Params(jen.Op("*").Id(resp), jen.Error()).Block(
		jen.Id("resp").Op(":=").New(jen.Id(resp)),
		jen.Id("err").Op(":=").Add(call),
		jen.Return(jen.Id("resp"), jen.Id("err")),
	)
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
		"is yielded and the walk goes on), or when ctx ends.",
	}
	if o.Pager.MaxLimit == 0 {
		lines[2] = "maximum when it has none. It stops at the first error (a *sdk.DecodeError"
		limit = jen.Id("task").Dot("Limit").Dot("Or").Call(jen.Lit(100))
	}
	f.Add(doc(lines...))
	params := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	args := []jen.Code{jen.Id("ctx")}
	for _, p := range o.PathParams {
		params = append(params, jen.Id(goname.Unexported(p)).String())
		args = append(args, jen.Id(goname.Unexported(p)))
	}
	params = append(params, jen.Id("task").Id(o.Request.Name))
	args = append(args, jen.Id("t"))
	f.Func().Params(jen.Id("s").Op("*").Id("Service")).Id(name).Params(params...).
		Qual("iter", "Seq2").Types(item, jen.Error()).Block(
		jen.Id("start").Op(":=").Id("task").Dot("Offset").Dot("Value").Call(),
		jen.Id("fetch").Op(":=").Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.List(jen.Id("offset"), jen.Id("limit")).Int64()).
			Params(jen.Index().Add(item), jen.Int64(), jen.Error()).Block(
			jen.Id("t").Op(":=").Id("task"),
			jen.List(jen.Id("t").Dot("Offset"), jen.Id("t").Dot("Limit")).Op("=").List(
				jen.Qual(sdkPath, "Int").Call(jen.Id("start").Op("+").Id("offset")),
				jen.Qual(sdkPath, "Int").Call(jen.Id("limit"))),
			jen.List(jen.Id("resp"), jen.Id("err")).Op(":=").Id("s").Dot(o.Name).Call(args...),
			jen.List(jen.Id("r"), jen.Id("ok")).Op(":=").Id("resp").Dot("FirstResult").Call(),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Nil(), jen.Lit(0), jen.Id("err"))),
			jen.Return(jen.Id("r").Dot("Items"), jen.Id("r").Dot("TotalCount").Op("-").Id("start"), jen.Id("err")),
		),
		jen.Return(jen.Qual(sdkPath, "Paginate").Call(jen.Id("ctx"), limit, jen.Id("fetch"))),
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
