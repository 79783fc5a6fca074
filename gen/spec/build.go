package spec

import (
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/gen/goname"
	"github.com/dataforseo-go/dataforseo/gen/jsonval"
	"github.com/dataforseo-go/dataforseo/gen/page"
	"github.com/dataforseo-go/dataforseo/gen/prose"
)

// endpoint gathers what all pages of one method and path say.
type endpoint struct {
	method, path  string
	op, section   string
	pages         []*page.Page
	recorded      []Recorded // response bodies recorded from the API
	req, resp     *node      // roots; req has children only when a page has a request table or sample
	echo          *node      // data-echo keys that are not request fields
	echoConflicts *node      // data-echo values whose type is not the request field's
	hasRequest    bool
	reqComp       string // the request's component, once written
}

// Recorded is a response body a maintainer recorded from the API (the
// sandbox, production, a bug report), as the API sent it. Build matches
// it to its operation by tasks[].path and lets the spec follow the wire
// (rules W1-W4 in doc.go).
type Recorded struct {
	Source string // the file, for the report
	Body   *jsonval.Value
}

type builder struct {
	doc      *openapi3.T
	report   *Report
	names    *goname.Pool
	cache    map[*node]merged
	shared   *endpoint // pseudo-endpoint the shared components report under
	sections map[string]*sectionIndex
	filters  map[string]*filterSet // by "METHOD path": the filters appendix's fields of each endpoint
	errs     []error               // pages that yield no operation, recordings that match none
}

// The envelope fields every response shares (rule S1).
var (
	responseEnvelopeFields = []string{"version", "status_code", "status_message", "time", "cost", "tasks_count", "tasks_error"}
	taskEnvelopeFields     = []string{"id", "status_code", "status_message", "time", "cost", "result_count", "path"}
)

// Build turns pages into one OpenAPI document and the report of what it
// resolved. Pages of the same method and path are merged into one
// operation. The result depends only on the pages' content: their order
// does not matter.
func Build(pages []*page.Page) (*openapi3.T, *Report, error) { return BuildAll(pages, nil) }

// BuildAll is Build with recorded responses. A page that yields no
// operation (its table cannot be read) and a recording that matches no
// operation are errors, joined in the error returned with the document
// built from everything else; the document is nil only when the
// builder itself fails.
func BuildAll(pages []*page.Page, recorded []Recorded) (*openapi3.T, *Report, error) {
	b := &builder{
		doc:    newDocument(),
		report: newReport(),
		names:  goname.NewPool(),
		cache:  map[*node]merged{},
		shared: &endpoint{},
	}
	pages = slices.Clone(pages)
	slices.SortFunc(pages, func(x, y *page.Page) int { return cmp.Compare(x.Source, y.Source) })
	var endpointPages []*page.Page
	for _, p := range pages {
		ps := PageSummary{Source: p.Source, Format: string(p.Format), Kind: string(p.Kind), Endpoint: p.Method + " " + p.Path,
			ResponseExamples: len(p.ResponseExamples), RequestExamples: len(p.RequestExamples)}
		if p.Method == "" {
			ps.Endpoint = "-"
		}
		if p.Request != nil {
			ps.RequestRows = len(p.Request.Rows)
		}
		if p.Response != nil {
			ps.ResponseRows = len(p.Response.Rows)
		}
		if p.Filters != nil {
			ps.FilterRows = len(p.Filters.Rows)
		}
		b.report.Pages = append(b.report.Pages, ps)
		if p.Method != "" {
			endpointPages = append(endpointPages, p)
		}
	}
	eps := group(endpointPages)
	b.attachRecorded(eps, recorded)
	eps = b.gatherAll(eps)
	b.borrowShapes(eps)
	b.readFilters(pages, eps)
	for _, ep := range eps {
		if err := b.operation(ep); err != nil {
			return nil, nil, err
		}
	}
	b.envelope(eps)
	b.overviews(pages, eps)
	if err := b.checkExamples(eps); err != nil {
		return nil, nil, err
	}
	return b.doc, b.report, errors.Join(b.errs...)
}

// group sorts pages into endpoints, ordered by path and method.
func group(pages []*page.Page) []*endpoint {
	byKey := map[string]*endpoint{}
	var eps []*endpoint
	for _, p := range pages {
		key := p.Method + " " + p.Path
		ep := byKey[key]
		if ep == nil {
			ep = &endpoint{method: p.Method, path: p.Path}
			ep.op, ep.section = operationName(p.Path)
			byKey[key] = ep
			eps = append(eps, ep)
		}
		ep.pages = append(ep.pages, p)
	}
	slices.SortFunc(eps, func(x, y *endpoint) int { return cmp.Or(cmp.Compare(x.path, y.path), cmp.Compare(x.method, y.method)) })
	return eps
}

// gatherAll builds every endpoint's trees: the examples first, then the
// tables, endpoints an example shows before those none does (rules N3
// and N4 read the others' examples and rows). A page whose table cannot
// be read yields no operation: it is dropped, its error kept, and its
// endpoint built again from its other pages.
func (b *builder) gatherAll(eps []*endpoint) []*endpoint {
	for _, ep := range eps {
		b.gatherExamples(ep)
	}
	b.indexSections(eps)
	order := slices.Clone(eps)
	slices.SortStableFunc(order, func(x, y *endpoint) int {
		return cmp.Compare(min(x.resp.objects, 1), min(y.resp.objects, 1)) * -1
	})
	dropped := map[*endpoint]bool{}
	for _, ep := range order {
		for {
			mark := b.report.mark(ep)
			bad, err := b.gatherTables(ep)
			if err == nil {
				break
			}
			b.errs = append(b.errs, err)
			b.report.rollback(ep, mark)
			if bad != nil {
				ep.pages = slices.DeleteFunc(ep.pages, func(p *page.Page) bool { return p == bad })
			}
			if bad == nil || len(ep.pages) == 0 {
				dropped[ep] = true
				b.report.drop(ep)
				break
			}
			b.gatherExamples(ep)
			b.indexSections(eps)
		}
	}
	return slices.DeleteFunc(eps, func(ep *endpoint) bool { return dropped[ep] })
}

// gatherExamples starts the endpoint's request and response trees from
// the examples (the recorded responses included).
func (b *builder) gatherExamples(ep *endpoint) {
	ep.req, ep.resp, ep.echo, ep.echoConflicts = &node{}, &node{}, &node{}, &node{}
	ep.hasRequest = false
	for _, p := range ep.pages {
		for _, ex := range p.ResponseExamples {
			ep.resp.addValue(ex.Value, "")
		}
		for _, ex := range p.RequestExamples {
			for _, task := range ex.Value.Arr {
				if task.Kind == jsonval.Object {
					ep.req.addMembers(task, "")
				}
			}
		}
		if p.Request != nil && p.Method != "GET" {
			ep.hasRequest = true
		}
	}
	for _, r := range ep.recorded {
		ep.resp.addValue(r.Body, r.Source)
	}
}

// gatherTables places every table row on the trees, the pages that keep
// the nesting first, request tables before response tables (rule N5
// reads the request). It returns the page whose table failed, or nil
// with an error that concerns the whole endpoint.
func (b *builder) gatherTables(ep *endpoint) (*page.Page, error) {
	pages := slices.Clone(ep.pages)
	slices.SortStableFunc(pages, func(x, y *page.Page) int { return cmp.Compare(formatRank(x.Format), formatRank(y.Format)) })
	for _, p := range ep.pages {
		for _, n := range p.Notes {
			kind := "skipped"
			if n.Kind != page.Skipped {
				kind = string(n.Kind)
			}
			b.report.add(ep, p, n.Part, "", kind, n.String())
		}
	}
	for _, p := range pages {
		if p.Request != nil && p.Method != "GET" {
			if err := b.place(ep, p, p.Request, page.PartRequestTable, ep.req); err != nil {
				return p, err
			}
		}
	}
	for _, p := range pages {
		if p.Response != nil {
			if err := b.place(ep, p, p.Response, page.PartResponseTable, ep.resp); err != nil {
				return p, err
			}
		}
	}
	if ep.resp.child("tasks") == nil {
		p := ep.pages[0]
		return nil, p.Errorf(page.PartResponseTable, "",
			"no \"tasks\" array: neither the response table nor an example shows the response envelope")
	}
	if ep.resp.objects == 0 {
		b.report.add(ep, nil, page.PartResponseTable, "", "table-only",
			"no page of this endpoint has a response example: every response field is as its table types it, placed by rules N1-N10")
	}
	b.foldEcho(ep)
	return nil, nil
}

// foldEcho adds the tasks' "data" (the echo of the request) to the
// request fields' examples; keys the request does not have are kept apart
// for the Data schema (rule S2), and so are values whose JSON type is not
// the request field's (the API echoes location_code 2840 as "2840").
func (b *builder) foldEcho(ep *endpoint) {
	data := ep.resp.child("tasks").child("data")
	if data == nil {
		return
	}
	type body struct {
		v    *jsonval.Value
		file string
	}
	var bodies []body
	for _, p := range ep.pages {
		for _, ex := range p.ResponseExamples {
			bodies = append(bodies, body{ex.Value, ""})
		}
	}
	for _, r := range ep.recorded {
		bodies = append(bodies, body{r.Body, r.Source})
	}
	for _, bd := range bodies {
		for _, task := range arr(bd.v.Get("tasks")) {
			d := task.Get("data")
			if d == nil || d.Kind != jsonval.Object {
				continue
			}
			ep.req.objects++
			if bd.file == "" {
				ep.req.docObjects++
			}
			for _, m := range d.Obj {
				if m.Key == "api" || m.Key == "function" {
					continue
				}
				extra := &jsonval.Value{Kind: jsonval.Object, Obj: []jsonval.Member{m}}
				c := ep.req.lookup(m.Key)
				switch {
				case c == nil:
					ep.echo.addMembers(extra, bd.file)
				case !fits(c, m.Val):
					ep.echoConflicts.addMembers(extra, bd.file)
					c.ex.seen++ // present in the task, for rule R1
				default:
					c.addValue(m.Val, bd.file)
				}
			}
		}
	}
}

// fits reports whether an echoed value has the JSON type of the request
// field it echoes.
func fits(c *node, v *jsonval.Value) bool {
	typ := ""
	if len(c.rows) > 0 {
		typ = c.rows[0].typ
	}
	switch v.Kind {
	case jsonval.Null:
		return true
	case jsonval.Number:
		return typ == "integer" && v.IsInteger() || typ == "float" || typ == ""
	case jsonval.String:
		return typ == "string" || typ == ""
	case jsonval.Bool:
		return typ == "boolean" || typ == ""
	case jsonval.Array:
		return typ == "array" || typ == ""
	}
	return typ == "object" || typ == ""
}

func arr(v *jsonval.Value) []*jsonval.Value {
	if v == nil || v.Kind != jsonval.Array {
		return nil
	}
	return v.Arr
}

// operation writes the endpoint's operation and its components.
func (b *builder) operation(ep *endpoint) error {
	op := openapi3.NewOperation()
	op.OperationID = strings.ToLower(ep.op[:1]) + ep.op[1:]
	op.Tags = []string{ep.section}
	for _, p := range ep.pages {
		if op.Summary == "" {
			op.Summary = p.Title
		}
		if op.Description == "" {
			op.Description = p.Summary
		}
	}
	sources := make([]any, len(ep.pages))
	for i, p := range ep.pages {
		sources[i] = p.Source
	}
	op.Extensions = map[string]any{"x-dfs-pages": sources}
	op.Parameters = b.pathParameters(ep)
	var reqRef *openapi3.SchemaRef
	if ep.hasRequest {
		reqRef = b.component(ep, ep.req, ep.op+"Request", requestSide, "one task of the request; the body is an array of tasks")
		ep.reqComp = strings.TrimPrefix(reqRef.Ref, "#/components/schemas/")
		body := openapi3.NewArraySchema()
		body.Items = reqRef
		body.MinItems = 1
		content := openapi3.NewContentWithJSONSchema(body)
		content["application/json"].Examples = examples(ep, func(p *page.Page) []page.Example { return p.RequestExamples }, true)
		op.RequestBody = &openapi3.RequestBodyRef{Value: openapi3.NewRequestBody().
			WithRequired(true).WithDescription("the tasks to set").WithContent(content)}
	}
	respRef := b.responseSchemas(ep, reqRef)
	content := openapi3.NewContentWithJSONSchemaRef(respRef)
	content["application/json"].Examples = examples(ep, func(p *page.Page) []page.Example { return p.ResponseExamples }, false)
	op.Responses = openapi3.NewResponses(openapi3.WithStatus(200, &openapi3.ResponseRef{Value: openapi3.NewResponse().
		WithDescription("the response envelope; errors arrive here too, in status_code of the envelope and of each task").
		WithContent(content)}))
	b.doc.AddOperation(ep.path, ep.method, op)
	return nil
}

// examples names each example of the endpoint's pages by its page, its
// source language when it has one, and its rank on the page.
func examples(ep *endpoint, of func(*page.Page) []page.Example, withLang bool) openapi3.Examples {
	out := openapi3.Examples{}
	for _, p := range ep.pages {
		for i, ex := range of(p) {
			name := strings.TrimSuffix(p.Source, ".txt")
			if withLang {
				name += "-" + ex.Lang
			}
			out[fmt.Sprintf("%s-%d", name, i+1)] = &openapi3.ExampleRef{Value: openapi3.NewExample(ex.Value)}
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

var pathParamName = regexp.MustCompile(`\{([^}]+)\}`)

// pathParameters declares the {name} parts of the path. A GET endpoint's
// "request" table describes them (task_get's id); its rows that are not
// path parameters have no place in a GET and are reported.
func (b *builder) pathParameters(ep *endpoint) openapi3.Parameters {
	var params openapi3.Parameters
	names := map[string]bool{}
	for _, m := range pathParamName.FindAllStringSubmatch(ep.path, -1) {
		names[m[1]] = true
		p := openapi3.NewPathParameter(m[1]).WithSchema(openapi3.NewStringSchema())
		for _, pg := range ep.pages {
			if pg.Request == nil {
				continue
			}
			for _, r := range pg.Request.Rows {
				if normalName(r.Name) == m[1] && p.Description == "" {
					p.Description = prose.Reflow(r.Description)
				}
			}
		}
		params = append(params, &openapi3.ParameterRef{Value: p})
	}
	if ep.method == "GET" {
		for _, pg := range ep.pages {
			if pg.Request == nil {
				continue
			}
			for _, r := range pg.Request.Rows {
				if r.Name != "" && !names[normalName(r.Name)] {
					b.report.add(ep, pg, page.PartRequestTable, normalName(r.Name), "left-out",
						fmt.Sprintf("%s: a GET has no request body and %q is not a path parameter", r.Where(), r.Name))
				}
			}
		}
	}
	return params
}
