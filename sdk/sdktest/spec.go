package sdktest

import (
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

	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// operation is one operation of the spec, ready to be served. Its method,
// path and segments are set from the start; the rest is read from the
// catalog when the operation is first served (resolve).
type operation struct {
	method   string
	path     string   // the template, e.g. /v3/backlinks/referring_domains/live
	segments []string // path split at "/"; "{name}" segments are parameters
	src      *catalogOp

	once  sync.Once
	err   error // why the operation cannot be served (a catalog that does not load)
	route *routers.Route
	// example is the first documented example of the 200 response (or,
	// where the docs give none, a value of its schema).
	example []byte
	task    *openapi3.Schema
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

// loadCatalog makes the catalog once per process.
var loadCatalog = sync.OnceValues(buildCatalog)

// buildCatalog lists the operations of the generated catalog
// (catalog_gen.go); it reads none of their schemas. The spec's validity
// is the generator's and the tests' to check (TestCatalogMatchesSpec).
func buildCatalog() (*catalog, error) {
	c := &catalog{ops: make([]*operation, 0, len(catalogOps))}
	for i := range catalogOps {
		src := &catalogOps[i]
		c.ops = append(c.ops, &operation{method: src.method, path: src.path, segments: strings.Split(src.path, "/"), src: src})
	}
	sort.Slice(c.ops, func(i, j int) bool {
		if c.ops[i].path != c.ops[j].path {
			return c.ops[i].path < c.ops[j].path
		}
		return c.ops[i].method < c.ops[j].method
	})
	return c, nil
}

// resolve reads, once, what answering the operation needs: its schemas,
// from a document of the operation alone (catalog.go), its example and
// what follows from its request schema.
func (o *operation) resolve() error {
	o.once.Do(func() { o.err = o.load() })
	return o.err
}

func (o *operation) load() error {
	data, err := o.src.document()
	if err != nil {
		return err
	}
	doc, err := openapi3.NewLoader().LoadFromData(data)
	if err != nil {
		return fmt.Errorf("sdktest: loading %s %s from the catalog: %w", o.method, o.path, err)
	}
	item := doc.Paths.Value(o.path)
	var op *openapi3.Operation
	if item != nil {
		op = item.GetOperation(o.method)
	}
	if op == nil {
		return fmt.Errorf("sdktest: the catalog's document of %s %s lacks it", o.method, o.path)
	}
	o.route = &routers.Route{Spec: doc, Path: o.path, PathItem: item, Method: o.method, Operation: op}
	resp := op.Responses.Status(http.StatusOK)
	if resp == nil || resp.Value == nil || resp.Value.Content.Get("application/json") == nil {
		return fmt.Errorf("sdktest: %s %s has no JSON 200 response", o.method, o.path)
	}
	if o.src.example == "" {
		// No page gives an example (the operation is built from its
		// tables): it answers with a value of its response schema.
		o.example = synthesize(resp.Value.Content.Get("application/json").Schema.Value, o.path)
	} else {
		o.example = []byte(o.src.example)
	}
	if rb := op.RequestBody; rb != nil && rb.Value != nil {
		if mt := rb.Value.Content.Get("application/json"); mt != nil && mt.Schema != nil && mt.Schema.Value != nil {
			if items := mt.Schema.Value.Items; items != nil && items.Value != nil {
				o.setTask(items.Value)
			}
		}
	}
	return nil
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
