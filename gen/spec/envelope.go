package spec

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
	"github.com/dataforseo-go/dataforseo/spec/contract"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/gen/page"
)

func newDocument() *openapi3.T {
	schemes := openapi3.SecuritySchemes{"basicAuth": &openapi3.SecuritySchemeRef{
		Value: openapi3.NewSecurityScheme().WithType("http").WithScheme("basic").
			WithDescription("the API login and password from https://app.dataforseo.com/api-access"),
	}}
	return &openapi3.T{
		OpenAPI: "3.0.3",
		Info: &openapi3.Info{
			Title:   "DataForSEO API",
			Version: "v3",
			Description: "Built by docs2spec from the DataForSEO documentation pages in spec/pages; do not edit.\n" +
				"Date-times use the format " + contract.DateTimeFormat + ": \"yyyy-mm-dd hh:mm:ss +hh:mm\", e.g. \"2019-11-15 12:57:46 +00:00\".\n" +
				"The API answers HTTP 200 for almost everything: the outcome is status_code in the envelope and in each task.",
		},
		Servers: openapi3.Servers{
			{URL: "https://api.dataforseo.com", Description: "production"},
			{URL: "https://sandbox.dataforseo.com", Description: "sandbox: free, answers with sample data"},
		},
		Paths: openapi3.NewPaths(),
		Components: &openapi3.Components{
			Schemas:         sharedComponents(),
			SecuritySchemes: schemes,
		},
		Security: openapi3.SecurityRequirements{{"basicAuth": []string{}}},
	}
}

// responseSchemas writes the operation's Response, Task, Data, Result and
// deeper components; the envelope parts are shared (rule S1).
func (b *builder) responseSchemas(ep *endpoint, reqRef *openapi3.SchemaRef) *openapi3.SchemaRef {
	tasks := ep.resp.child("tasks")
	taskProps := openapi3.Schemas{"data": b.dataSchema(ep, tasks, reqRef)}
	if result := tasks.child("result"); result != nil && (len(result.children) > 0 || result.ex.elems > result.ex.elemKind[jsonval.Null]) {
		r := b.fieldSchema(ep, result, ep.op+"Result", responseSide)
		r.Value.Nullable = true // S3: a failed task has "result": null
		taskProps["result"] = r
	} else {
		// Every task has a result; when no table row nor example shows what
		// it holds, its elements are left untyped, said in the report.
		r := openapi3.NewArraySchema()
		r.Nullable, r.Items = true, &openapi3.SchemaRef{Value: &openapi3.Schema{}}
		r.Description = "array of results (no table or example of this page shows their fields)"
		if result != nil {
			if d := b.mergeRows(ep, result, page.PartResponseTable).desc; d != "" {
				r.Description = d + "\n(no table row or example of the pages shows their fields)"
			}
		}
		taskProps["result"] = &openapi3.SchemaRef{Value: r}
		b.report.add(ep, nil, page.PartResponseTable, "tasks[].result", "type", "neither a table nor an example shows the result: its elements are left untyped")
	}
	b.extras(ep, tasks, contract.TaskEnvelopeFields, taskProps, ep.op+"Task")
	taskName := b.names.Name(ep.op+"Task", ep.path+" task")
	task := allOf(ref(contract.TaskEnvelope), taskProps, "one task of the response")
	task.Value.AllOf[1].Value.Required = []string{contract.Result} // S4
	b.doc.Components.Schemas[taskName] = task

	list := openapi3.NewArraySchema()
	list.Items = ref(taskName)
	list.Description = b.mergeRows(ep, tasks, page.PartResponseTable).desc
	respProps := openapi3.Schemas{"tasks": {Value: list}}
	b.extras(ep, ep.resp, contract.ResponseEnvelopeFields, respProps, ep.op+"Response")
	name := b.names.Name(ep.op+"Response", ep.path+" response")
	b.doc.Components.Schemas[name] = allOf(ref(contract.ResponseEnvelope), respProps, "the whole response body of "+ep.path)
	return ref(name)
}

// extras adds the fields of n that are neither part of the shared
// envelope nor the ones the caller handles.
func (b *builder) extras(ep *endpoint, n *node, envelope []string, props openapi3.Schemas, comp string) {
	for _, c := range n.children {
		if slices.Contains(envelope, c.name) || props[c.name] != nil {
			continue
		}
		props[c.name] = b.fieldSchema(ep, c, b.childComponent(ep, comp, c), responseSide)
	}
}

func allOf(base *openapi3.SchemaRef, props openapi3.Schemas, desc string) *openapi3.SchemaRef {
	own := openapi3.NewObjectSchema()
	own.Properties = props
	return &openapi3.SchemaRef{Value: &openapi3.Schema{
		Description: desc,
		AllOf:       openapi3.SchemaRefs{base, {Value: own}},
	}}
}

// dataSchema types a task's "data", the echo of the request: the request's
// fields plus api and function, plus any key the examples echo that the
// request does not list (rule S2).
func (b *builder) dataSchema(ep *endpoint, tasks *node, reqRef *openapi3.SchemaRef) *openapi3.SchemaRef {
	own := openapi3.NewObjectSchema()
	own.Properties = openapi3.Schemas{
		"api":      {Value: described(openapi3.NewStringSchema(), "the API of the task, echoed: the path segment after /v3/")},
		"function": {Value: described(openapi3.NewStringSchema(), "the function of the task, echoed: the path segment after the API")},
	}
	own.Required = []string{"api", "function"} // every echo has them
	ep.echo.name, ep.echo.parent = "data", tasks
	ep.echoConflicts.name, ep.echoConflicts.parent = "data", tasks
	for _, c := range ep.echo.children {
		own.Properties[c.name] = b.fieldSchema(ep, c, b.childComponent(ep, ep.op+"Data", c), responseSide)
	}
	desc := "contains the same parameters that you specified in the POST request"
	if data := tasks.child("data"); data != nil {
		if m := b.mergeRows(ep, data, page.PartResponseTable); m.desc != "" {
			desc = m.desc
		}
	}
	name := b.names.Name(ep.op+"Data", ep.path+" data")
	switch {
	case reqRef == nil:
		own.Description = desc
		b.doc.Components.Schemas[name] = &openapi3.SchemaRef{Value: own}
	case len(ep.echoConflicts.children) > 0:
		// The echo contradicts the request's types: Data has the request's
		// fields, those as the echo shows them (the example is the wire).
		req := b.doc.Components.Schemas[strings.TrimPrefix(reqRef.Ref, "#/components/schemas/")].Value
		for p, s := range req.Properties {
			own.Properties[p] = s
		}
		for _, c := range ep.echoConflicts.children {
			b.report.add(ep, nil, page.PartResponseExample, c.path(), "echo",
				fmt.Sprintf("the echo writes it as %s, the request field is %s: Data types it as the echo shows", c.ex.nonNullKinds()[0], req.Properties[c.name].Value.Type.Slice()[0]))
			own.Properties[c.name] = b.fieldSchema(ep, c, b.childComponent(ep, ep.op+"Data", c), responseSide)
		}
		own.Description = desc
		b.doc.Components.Schemas[name] = &openapi3.SchemaRef{Value: own}
	default:
		b.doc.Components.Schemas[name] = &openapi3.SchemaRef{Value: &openapi3.Schema{
			Description: desc,
			AllOf:       openapi3.SchemaRefs{reqRef, {Value: own}},
		}}
	}
	return ref(name)
}

// envelope writes the shared ResponseEnvelope and TaskEnvelope from what
// every endpoint's pages and examples say of their fields.
func (b *builder) envelope(eps []*endpoint) {
	top := &node{}
	tasks := &node{name: "tasks", parent: top}
	tasks.ex.kinds = map[jsonval.Kind]int{jsonval.Array: 1}
	b.doc.Components.Schemas[contract.ResponseEnvelope] = b.envelopePart(eps, top, contract.ResponseEnvelopeFields,
		func(ep *endpoint) *node { return ep.resp }, "the fields every response has")
	b.doc.Components.Schemas[contract.TaskEnvelope] = b.envelopePart(eps, tasks, contract.TaskEnvelopeFields,
		func(ep *endpoint) *node { return ep.resp.child("tasks") }, "the fields every task of a response has")
}

func (b *builder) envelopePart(eps []*endpoint, parent *node, fields []string, root func(*endpoint) *node, desc string) *openapi3.SchemaRef {
	s := openapi3.NewObjectSchema()
	s.Description = desc
	s.Properties = openapi3.Schemas{}
	for _, name := range fields {
		c := &node{name: name, parent: parent}
		for _, ep := range eps {
			if n := root(ep).child(name); n != nil {
				c.rows = append(c.rows, n.rows...)
				c.ex.merge(&n.ex)
				if c.children == nil {
					c.children = n.children
				}
			}
		}
		if len(c.rows) == 0 && c.ex.seen == 0 {
			continue
		}
		s.Properties[name] = b.fieldSchema(b.shared, c, "Envelope"+contract.Camel(name), responseSide)
	}
	return &openapi3.SchemaRef{Value: s}
}

func described(s *openapi3.Schema, desc string) *openapi3.Schema {
	s.Description = desc
	return s
}
