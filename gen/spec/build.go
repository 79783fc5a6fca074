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
	"github.com/dataforseo-go/dataforseo/spec/contract"
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
	reqComp       string     // the request's component, once written
	filter        *filterRow // a GET's optional filter, taken as a last path segment (rule G2)
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
	// nullables holds the section's fields that are nullable somewhere
	// (rule E10), by section, name and type.
	nullables map[string]nullWitness
	// kindIndex holds, per section, the kinds the examples show in one
	// array (rule V3); poly the polymorphic arrays and their kinds (V4-V6).
	kindIndex  map[string]map[string]map[string]bool
	kindFields map[string]map[string][]string
	kindNodes  map[string]map[string][]*node
	poly       *polymorphism
	eps        []*endpoint // every endpoint, once gathered
}

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
	b := newBuilder()
	eps, err := b.operations(pages, recorded)
	if err != nil {
		return nil, nil, err
	}
	if err := b.checkExamples(eps); err != nil {
		return nil, nil, err
	}
	b.shareTypes()
	return b.doc, b.report, errors.Join(b.errs...)
}

func newBuilder() *builder {
	return &builder{
		doc:    newDocument(),
		report: newReport(),
		names:  goname.NewPool(),
		cache:  map[*node]merged{},
		shared: &endpoint{},
	}
}

// operations writes the operations of the pages, and the shared
// components, into the document: everything but the examples' check and
// the shared types. It returns the endpoints.
func (b *builder) operations(pages []*page.Page, recorded []Recorded) ([]*endpoint, error) {
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
	b.sectionNullables(eps)
	b.eps = eps
	b.collectSums(eps)
	for _, ep := range eps {
		if err := b.operation(ep); err != nil {
			return nil, err
		}
	}
	b.envelope(eps)
	b.overviews(pages, eps)
	return eps, nil
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
			ep.op, ep.section = contract.OperationName(p.Path)
			byKey[key] = ep
			eps = append(eps, ep)
		}
		ep.pages = append(ep.pages, p)
	}
	slices.SortFunc(eps, func(x, y *endpoint) int { return cmp.Or(cmp.Compare(x.path, y.path), cmp.Compare(x.method, y.method)) })
	return eps
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
	op.OperationID = contract.OperationID(ep.method, ep.op)
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
	op.Extensions = map[string]any{contract.ExtPages: sources}
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
	b.addFilterPath(ep, op)
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
		filter := b.filterSegment(ep, names) // rule G2 (getparams.go)
		for _, pg := range ep.pages {
			if pg.Request == nil {
				continue
			}
			for _, r := range pg.Request.Rows {
				if r.Name != "" && !names[normalName(r.Name)] && normalName(r.Name) != filter {
					b.report.add(ep, pg, page.PartRequestTable, normalName(r.Name), "left-out",
						fmt.Sprintf("%s: a GET has no request body and %q is not a path parameter", r.Where(), r.Name))
				}
			}
		}
	}
	return params
}
