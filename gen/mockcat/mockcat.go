// Package mockcat writes the catalog of the mock server (sdk/sdktest), so
// that the server never reads the whole spec: for each operation, its
// method, its path, its first documented example, and its path item as
// JSON (this operation only, without its responses' examples) with the
// names of the schemas it reaches; and each schema once, as JSON without
// descriptions. From
// these the server builds, for an operation a test calls and only then, an
// OpenAPI document of that operation alone, which validates its requests
// as the whole spec does (sdktest's TestCatalogMatchesSpec checks both).
package mockcat

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/getkin/kin-openapi/openapi3"
)

// schemaRef is how a reference to a schema component starts.
const schemaRef = "#/components/schemas/"

// Generate returns the Go source of the catalog, in package pkg, with
// header as its first comment.
func Generate(doc *openapi3.T, pkg, header string) ([]byte, error) {
	tree, err := jsonTree(doc)
	if err != nil {
		return nil, err
	}
	paths, _ := tree["paths"].(map[string]any)
	components, _ := tree["components"].(map[string]any)
	schemas, _ := components["schemas"].(map[string]any)
	delete(tree, "paths")
	delete(tree, "components")
	others := maps.Clone(components)
	delete(others, "schemas")

	f := jen.NewFile(pkg)
	f.HeaderComment(header)
	f.Comment("catalogHead is the spec without its paths and components.")
	f.Const().Id("catalogHead").Op("=").Add(literal(mustJSON(tree)))
	f.Comment("catalogComponents are the spec's components other than schemas.")
	f.Const().Id("catalogComponents").Op("=").Add(literal(mustJSON(others)))

	var ops []jen.Code
	for _, path := range slices.Sorted(maps.Keys(paths)) {
		item, _ := paths[path].(map[string]any)
		for _, method := range slices.Sorted(maps.Keys(item)) {
			op, ok := item[method].(map[string]any)
			if !ok || !isMethod(method) {
				continue
			}
			alone := map[string]any{method: withoutExamples(op)}
			for k, v := range item {
				if !isMethod(k) {
					alone[k] = v // parameters, summary: the path's own
				}
			}
			example, err := firstExample(doc, path, method)
			if err != nil {
				return nil, err
			}
			ops = append(ops, jen.Values(jen.Dict{
				jen.Id("method"):  jen.Lit(strings.ToUpper(method)),
				jen.Id("path"):    jen.Lit(path),
				jen.Id("example"): literal(example),
				jen.Id("item"):    literal(mustJSON(alone)),
				jen.Id("schemas"): jen.Index().String().ValuesFunc(func(g *jen.Group) {
					for _, name := range reached(alone, schemas) {
						g.Lit(name)
					}
				}),
			}))
		}
	}
	f.Comment("catalogOps are the spec's operations, in path and method order.")
	f.Var().Id("catalogOps").Op("=").Index().Id("catalogOp").Custom(jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}, ops...)

	f.Comment("catalogSchemas are the spec's schema components, by name, without descriptions.")
	f.Var().Id("catalogSchemas").Op("=").Map(jen.String()).String().Values(jen.DictFunc(func(d jen.Dict) {
		for name, s := range schemas {
			d[jen.Lit(name)] = literal(mustJSON(WithoutDescriptions(s)))
		}
	}))
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, fmt.Errorf("mockcat: %w", err)
	}
	return buf.Bytes(), nil
}

// jsonTree is the spec as kin-openapi writes it in JSON, decoded with
// exact numbers.
func jsonTree(doc *openapi3.T) (map[string]any, error) {
	data, err := json.Marshal(doc)
	if err != nil {
		return nil, fmt.Errorf("mockcat: writing the spec as JSON: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var tree map[string]any
	if err := dec.Decode(&tree); err != nil {
		return nil, fmt.Errorf("mockcat: reading the spec's JSON: %w", err)
	}
	return tree, nil
}

// firstExample is the first documented example (by name) of an
// operation's 200 response, as JSON, or "" when the docs give none.
func firstExample(doc *openapi3.T, path, method string) (string, error) {
	op := doc.Paths.Value(path).GetOperation(strings.ToUpper(method))
	if op == nil || op.Responses == nil {
		return "", nil
	}
	resp := op.Responses.Status(http.StatusOK)
	if resp == nil || resp.Value == nil || resp.Value.Content.Get("application/json") == nil {
		return "", nil // the server reports it when the operation is called
	}
	examples := resp.Value.Content.Get("application/json").Examples
	names := slices.Sorted(maps.Keys(examples))
	if len(names) == 0 || examples[names[0]].Value == nil {
		return "", nil
	}
	b, err := json.Marshal(examples[names[0]].Value.Value)
	if err != nil {
		return "", fmt.Errorf("mockcat: %s %s: the example: %w", strings.ToUpper(method), path, err)
	}
	return string(b), nil
}

// withoutExamples is op without the examples of its responses (the
// catalog holds the one the server answers with); those of its request
// body stay, for tests that post them.
func withoutExamples(op map[string]any) map[string]any {
	op = maps.Clone(op)
	if responses, ok := op["responses"].(map[string]any); ok {
		out := map[string]any{}
		for code, r := range responses {
			out[code] = r
			if rm, ok := r.(map[string]any); ok {
				out[code] = contentWithoutExamples(rm)
			}
		}
		op["responses"] = out
	}
	return op
}

// contentWithoutExamples is a response whose media types have no
// examples.
func contentWithoutExamples(r map[string]any) map[string]any {
	content, ok := r["content"].(map[string]any)
	if !ok {
		return r
	}
	r = maps.Clone(r)
	c := map[string]any{}
	for mt, m := range content {
		if mm, ok := m.(map[string]any); ok {
			mm = maps.Clone(mm)
			delete(mm, "examples")
			delete(mm, "example")
			m = mm
		}
		c[mt] = m
	}
	r["content"] = c
	return r
}

// WithoutDescriptions is a copy of a schema (decoded JSON) without the
// descriptions of it and of the schemas it holds (properties, items,
// additionalProperties, allOf, oneOf, anyOf, not): validating needs none,
// and they are most of a schema's bytes. Values (enum, default, example)
// and discriminator mappings are kept as they are.
func WithoutDescriptions(schema any) any {
	m, ok := schema.(map[string]any)
	if !ok {
		return schema
	}
	m = maps.Clone(m)
	delete(m, "description")
	if props, ok := m["properties"].(map[string]any); ok {
		c := make(map[string]any, len(props))
		for name, p := range props {
			c[name] = WithoutDescriptions(p)
		}
		m["properties"] = c
	}
	for _, k := range []string{"items", "additionalProperties", "not"} {
		if v, ok := m[k]; ok {
			m[k] = WithoutDescriptions(v)
		}
	}
	for _, k := range []string{"allOf", "oneOf", "anyOf"} {
		if list, ok := m[k].([]any); ok {
			c := make([]any, len(list))
			for i, v := range list {
				c[i] = WithoutDescriptions(v)
			}
			m[k] = c
		}
	}
	return m
}

// reached returns the names of the schemas v refers to, and those they
// refer to, sorted.
func reached(v any, schemas map[string]any) []string {
	seen := map[string]bool{}
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if ref, ok := x["$ref"].(string); ok {
				if name, ok := strings.CutPrefix(ref, schemaRef); ok && !seen[name] {
					seen[name] = true
					walk(schemas[name])
				}
			}
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	return slices.Sorted(maps.Keys(seen))
}

func isMethod(k string) bool {
	switch strings.ToUpper(k) {
	case http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete,
		http.MethodHead, http.MethodOptions, http.MethodTrace:
		return true
	}
	return false
}

// mustJSON writes a value decoded from JSON back (it cannot fail).
func mustJSON(v any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

// literal is s as a raw string literal, or quoted where it holds a
// backquote or a character a raw string cannot.
func literal(s string) jen.Code {
	if strings.ContainsAny(s, "`\r") || !strconv.CanBackquote(s) {
		return jen.Lit(s)
	}
	return jen.Op("`" + s + "`")
}
