package spec

import (
	"fmt"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/gen/page"
	"github.com/dataforseo-go/dataforseo/gen/prose"
	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// Rule G2: a GET takes its parameters in the URL path, as task_get takes
// $id (the task's "data" is "the parameters passed in the URL of the GET
// request"). A GET page whose request table has exactly one row that is
// not a path parameter, and an optional one ("country": "specify the ISO
// code if you want to filter the list of locations by country"), documents
// a filter taken as one more path segment: the endpoint gets a second path,
// <path>/{row}, with the same response (the live docs write both:
// GET .../locations and GET .../locations/$country). More rows, or a
// required one, stay left out (G1): the docs do not say in which order they
// would go.

// filterRow is the row rule G2 turns into a path parameter.
type filterRow struct {
	name string
	row  page.Row
	page *page.Page
}

// filterSegment decides rule G2 for a GET endpoint: it returns the name of
// the row that becomes a last path segment ("" for none), keeps it in
// ep.filter and reports it.
func (b *builder) filterSegment(ep *endpoint, pathParams map[string]bool) string {
	var rows []filterRow
	for _, pg := range ep.pages {
		if pg.Request == nil {
			continue
		}
		for _, r := range pg.Request.Rows {
			n := normalName(r.Name)
			if r.Name == "" || pathParams[n] || slices.ContainsFunc(rows, func(f filterRow) bool { return f.name == n }) {
				continue
			}
			rows = append(rows, filterRow{name: n, row: r, page: pg})
		}
	}
	if len(rows) != 1 || rows[0].name == "" || prose.Read(rows[0].row.Description).Required {
		return ""
	}
	f := rows[0]
	ep.filter = &f
	b.report.add(ep, f.page, page.PartRequestTable, f.name, "path-parameter",
		fmt.Sprintf("%s: a GET takes its parameters in the URL path: the optional %q is the last segment of a second path, %s (rule G2)",
			f.row.Where(), f.row.Name, filterPath(ep.path, f.name)))
	return f.name
}

func filterPath(path, name string) string { return path + "/{" + name + "}" }

// addFilterPath writes the second path of rule G2: op with the filter as a
// required path parameter, answered by the same response.
func (b *builder) addFilterPath(ep *endpoint, op *openapi3.Operation) {
	if ep.filter == nil {
		return
	}
	f := ep.filter
	p := openapi3.NewPathParameter(f.name).WithSchema(openapi3.NewStringSchema())
	p.Description = prose.Reflow(f.row.Description)
	byParam := *op
	name := contract.ByParam(ep.op, f.name)
	byParam.OperationID = strings.ToLower(name[:1]) + name[1:]
	byParam.Parameters = append(slices.Clone(op.Parameters), &openapi3.ParameterRef{Value: p})
	if op.Summary != "" {
		byParam.Summary = op.Summary + " (by " + strings.ReplaceAll(f.name, "_", " ") + ")"
	}
	b.doc.AddOperation(filterPath(ep.path, f.name), ep.method, &byParam)
}
