package sdktest

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"

	"github.com/dataforseo-go/dataforseo/spec"
	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// operation is one operation of the spec, ready to be served.
type operation struct {
	method   string
	path     string   // the template, e.g. /v3/backlinks/referring_domains/live
	segments []string // path split at "/"; "{name}" segments are parameters
	route    *routers.Route
	example  []byte // the first documented example of the 200 response
	task     *openapi3.Schema
	// limitDefault is the default of the request's limit field; hasLimit
	// says whether there is one (the operation pages with limit/offset).
	// limitMax and offsetMax are their documented maximums (or
	// defaultMaxItems and math.MaxInt64).
	limitDefault, limitMax, offsetMax int64
	hasLimit                          bool
	// filterFields are the request fields with x-dfs-max-conditions.
	filterFields []string
	// bulk are the request fields listing targets that the answer's items
	// echo one by one.
	bulk []bulkField
}

// catalog is the spec's operations.
type catalog struct {
	ops []*operation
}

// loadCatalog parses the embedded spec once per process.
var loadCatalog = sync.OnceValues(func() (*catalog, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(spec.OpenAPI)
	if err != nil {
		return nil, fmt.Errorf("sdktest: loading the spec: %w", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, fmt.Errorf("sdktest: the spec is invalid: %w", err)
	}
	c := &catalog{}
	for _, path := range doc.Paths.InMatchingOrder() {
		item := doc.Paths.Value(path)
		for method, op := range item.Operations() {
			o, err := newOperation(doc, path, item, method, op)
			if err != nil {
				return nil, err
			}
			c.ops = append(c.ops, o)
		}
	}
	sort.Slice(c.ops, func(i, j int) bool {
		if c.ops[i].path != c.ops[j].path {
			return c.ops[i].path < c.ops[j].path
		}
		return c.ops[i].method < c.ops[j].method
	})
	return c, nil
})

func newOperation(doc *openapi3.T, path string, item *openapi3.PathItem, method string, op *openapi3.Operation) (*operation, error) {
	o := &operation{
		method:   method,
		path:     path,
		segments: strings.Split(path, "/"),
		route:    &routers.Route{Spec: doc, Path: path, PathItem: item, Method: method, Operation: op},
	}
	resp := op.Responses.Status(http.StatusOK)
	if resp == nil || resp.Value == nil || resp.Value.Content.Get("application/json") == nil {
		return nil, fmt.Errorf("sdktest: %s %s has no JSON 200 response", method, path)
	}
	examples := resp.Value.Content.Get("application/json").Examples
	names := slices.Sorted(maps.Keys(examples))
	if len(names) == 0 || examples[names[0]].Value == nil {
		// No page gives an example (the operation is built from its
		// tables): it answers with a value of its response schema.
		o.example = synthesize(resp.Value.Content.Get("application/json").Schema.Value, path)
	} else {
		example, err := json.Marshal(examples[names[0]].Value.Value)
		if err != nil {
			return nil, fmt.Errorf("sdktest: %s %s: the example: %w", method, path, err)
		}
		o.example = example
	}
	if rb := op.RequestBody; rb != nil && rb.Value != nil {
		if mt := rb.Value.Content.Get("application/json"); mt != nil && mt.Schema != nil && mt.Schema.Value != nil {
			if items := mt.Schema.Value.Items; items != nil && items.Value != nil {
				o.setTask(items.Value)
			}
		}
	}
	return o, nil
}

// setTask reads what answering needs from the schema of a request task.
func (o *operation) setTask(task *openapi3.Schema) {
	o.task = task
	o.limitMax = schemaMax(task, contract.Limit, defaultMaxItems)
	o.offsetMax = schemaMax(task, contract.Offset, math.MaxInt64)
	o.limitDefault, o.hasLimit = limitDefault(task)
	o.limitDefault = min(o.limitDefault, o.limitMax)
	for _, name := range slices.Sorted(maps.Keys(task.Properties)) {
		if p := task.Properties[name].Value; p != nil && p.Extensions[contract.ExtMaxConditions] != nil {
			o.filterFields = append(o.filterFields, name)
		}
	}
	o.bulk = bulkFields(task, o.example)
}

// limitDefault returns the default of the limit property of a task schema.
func limitDefault(task *openapi3.Schema) (int64, bool) {
	limit, ok := task.Properties[contract.Limit]
	if !ok || limit.Value == nil {
		return 0, false
	}
	if d, ok := limit.Value.Default.(float64); ok && d >= 0 && d < math.MaxInt64 {
		return int64(d), true
	}
	return 100, true
}

// match finds the operation of a request path (as escaped on the wire:
// an escaped "/" stays inside its segment) and method. It returns the
// path parameters, unescaped, and whether the path exists with another
// method.
func (c *catalog) match(method, path string) (op *operation, params map[string]string, otherMethod bool) {
	segs := strings.Split(path, "/")
	for i, seg := range segs {
		if u, err := url.PathUnescape(seg); err == nil {
			segs[i] = u
		}
	}
	for _, o := range c.ops {
		p, ok := matchSegments(o.segments, segs)
		if !ok {
			continue
		}
		if o.method != method {
			otherMethod = true
			continue
		}
		return o, p, false
	}
	return nil, nil, otherMethod
}

func matchSegments(tmpl, segs []string) (map[string]string, bool) {
	if len(tmpl) != len(segs) {
		return nil, false
	}
	var params map[string]string
	for i, t := range tmpl {
		if strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}") && segs[i] != "" {
			if params == nil {
				params = map[string]string{}
			}
			params[t[1:len(t)-1]] = segs[i]
			continue
		}
		if t != segs[i] {
			return nil, false
		}
	}
	return params, true
}

// emptyResponse is the answer of an operation the docs give no example
// of: one successful task with an empty result.
func emptyResponse(path string) []byte {
	segs := strings.Split(strings.TrimPrefix(path, "/"), "/")
	data := map[string]any{}
	if len(segs) > 2 {
		data["api"], data["function"] = segs[1], segs[2]
	}
	b, _ := json.Marshal(map[string]any{
		"version": "0.1", "status_code": 20000, "status_message": "Ok.", "time": "0 sec.", "cost": 0,
		"tasks_count": 1, "tasks_error": 0,
		"tasks": []any{map[string]any{
			"id": "00000000-0000-0000-0000-000000000000", "status_code": 20000, "status_message": "Ok.",
			"time": "0 sec.", "cost": 0, "result_count": 0, "path": segs, "data": data, "result": []any{},
		}},
	})
	return b
}
