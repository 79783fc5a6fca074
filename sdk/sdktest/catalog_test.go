package sdktest

import (
	"encoding/json"
	"go/parser"
	"go/token"
	"maps"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/google/go-cmp/cmp"

	"github.com/dataforseo-go/dataforseo/spec"
)

// resolvedCatalog is the catalog with every operation resolved, for the
// tests that read the operations' schemas.
func resolvedCatalog() (*catalog, error) {
	c, err := loadCatalog()
	if err != nil {
		return nil, err
	}
	for _, o := range c.ops {
		if err := o.resolve(); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// TestCatalogMatchesSpec checks the generated catalog against the whole
// embedded spec, which it validates first (the server does not): the
// same operations; for each, the document of the operation alone holds
// the spec's operation (its responses' examples aside) and every schema
// it reaches as the spec has them (descriptions aside), so requests
// validate alike; and the
// example, paging, filter and bulk facts the server answers with are
// those the whole spec gives. A catalog left behind by a spec change
// fails here (make generate writes both).
func TestCatalogMatchesSpec(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromData(spec.OpenAPI)
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(t.Context()); err != nil {
		t.Fatalf("the spec is invalid: %v", err)
	}
	cat, err := resolvedCatalog()
	if err != nil {
		t.Fatal(err)
	}
	var want, got []string
	for _, path := range doc.Paths.InMatchingOrder() {
		for method := range doc.Paths.Value(path).Operations() {
			want = append(want, method+" "+path)
		}
	}
	for _, o := range cat.ops {
		got = append(got, o.method+" "+o.path)
	}
	slices.Sort(want)
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("the catalog's operations differ from the spec's (-spec +catalog):\n%s", diff)
	}
	for _, o := range cat.ops {
		t.Run(o.method+" "+o.path, func(t *testing.T) {
			full := doc.Paths.Value(o.path).GetOperation(o.method)
			if diff := cmp.Diff(tree(t, withoutResponseExamples(full)), tree(t, o.route.Operation)); diff != "" {
				t.Errorf("the operation differs from the spec's (-spec +catalog):\n%s", diff)
			}
			if diff := cmp.Diff(tree(t, doc.Paths.Value(o.path).Parameters), tree(t, o.route.PathItem.Parameters)); diff != "" {
				t.Errorf("the path's parameters differ (-spec +catalog):\n%s", diff)
			}
			for _, name := range o.src.schemas {
				if diff := cmp.Diff(noDescriptions(tree(t, doc.Components.Schemas[name])), noDescriptions(tree(t, o.route.Spec.Components.Schemas[name]))); diff != "" {
					t.Errorf("schema %s differs (-spec +catalog):\n%s", name, diff)
				}
			}
			if diff := cmp.Diff(tree(t, doc.Security), tree(t, o.route.Spec.Security)); diff != "" {
				t.Errorf("security differs (-spec +catalog):\n%s", diff)
			}
			old := fromWholeSpec(t, doc, o.path, o.method)
			if diff := cmp.Diff(tree(t, json.RawMessage(old.example)), tree(t, json.RawMessage(o.example))); diff != "" {
				t.Errorf("the example differs (-spec +catalog):\n%s", diff)
			}
			type facts struct {
				LimitDefault, LimitMax, OffsetMax int64
				HasLimit                          bool
				FilterFields                      []string
				Bulk                              []bulkField
			}
			of := func(o *operation) facts {
				return facts{o.limitDefault, o.limitMax, o.offsetMax, o.hasLimit, o.filterFields, o.bulk}
			}
			if diff := cmp.Diff(of(old), of(o), cmp.AllowUnexported(bulkField{})); diff != "" {
				t.Errorf("what the server answers with differs (-spec +catalog):\n%s", diff)
			}
		})
	}
}

// fromWholeSpec reads an operation as the server did before the catalog:
// from the whole spec.
func fromWholeSpec(t *testing.T, doc *openapi3.T, path, method string) *operation {
	t.Helper()
	op := doc.Paths.Value(path).GetOperation(method)
	o := &operation{method: method, path: path}
	media := op.Responses.Status(http.StatusOK).Value.Content.Get("application/json")
	if names := slices.Sorted(maps.Keys(media.Examples)); len(names) > 0 {
		o.example = mustJSON(media.Examples[names[0]].Value.Value)
	} else {
		o.example = synthesize(media.Schema.Value, path)
	}
	if rb := op.RequestBody; rb != nil {
		o.setTask(rb.Value.Content.Get("application/json").Schema.Value.Items.Value)
	}
	return o
}

// withoutResponseExamples is a copy of op whose responses have no
// examples, as the catalog keeps it.
func withoutResponseExamples(op *openapi3.Operation) *openapi3.Operation {
	c := *op
	c.Responses = openapi3.NewResponses()
	for code, r := range op.Responses.Map() {
		if r.Value == nil {
			c.Responses.Set(code, r)
			continue
		}
		rc := *r.Value
		rc.Content = openapi3.Content{}
		for mt, m := range r.Value.Content {
			mc := *m
			mc.Examples, mc.Example = nil, nil
			rc.Content[mt] = &mc
		}
		c.Responses.Set(code, &openapi3.ResponseRef{Ref: r.Ref, Value: &rc})
	}
	return &c
}

// tree is v as kin-openapi writes it in JSON, decoded.
func tree(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("%v: %s", err, strings.TrimSpace(string(b[:min(len(b), 200)])))
	}
	return out
}

// noDescriptions drops the descriptions (string values of a
// "description" key) of a decoded tree.
func noDescriptions(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			if _, isText := e.(string); k == "description" && isText {
				continue
			}
			out[k] = noDescriptions(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = noDescriptions(e)
		}
		return out
	}
	return v
}

// TestServerReadsNoSpec keeps the server off the whole spec: no file of
// the package but its tests imports the package that embeds it.
func TestServerReadsNoSpec(t *testing.T) {
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		for _, imp := range f.Imports {
			if imp.Path.Value == `"github.com/dataforseo-go/dataforseo/spec"` {
				t.Errorf("%s imports the spec: the server reads the catalog (catalog_gen.go) instead", name)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no file checked")
	}
}
