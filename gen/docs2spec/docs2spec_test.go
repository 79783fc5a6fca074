package docs2spec_test

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/gen/docs2spec"
)

const pagesDir = "../../spec/pages"

// load generates the spec from the repository's pages and loads the YAML
// the way every consumer will: from its bytes.
func load(t testing.TB) (*openapi3.T, []byte) {
	t.Helper()
	_, yaml, _, err := docs2spec.Generate(pagesDir)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := openapi3.NewLoader().LoadFromData(yaml)
	if err != nil {
		t.Fatalf("the written spec does not load: %v", err)
	}
	return doc, yaml
}

func TestSpecIsValid(t *testing.T) {
	doc, _ := load(t)
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi3.T.Validate: %v", err)
	}
}

// TestExamplesValidate checks every example of every operation against its
// schema with kin-openapi, and that every key of every example is a
// declared property or map entry.
func TestExamplesValidate(t *testing.T) {
	doc, _ := load(t)
	n := 0
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			var media []*openapi3.MediaType
			if op.RequestBody != nil {
				media = append(media, op.RequestBody.Value.Content.Get("application/json"))
			}
			media = append(media, op.Responses.Status(200).Value.Content.Get("application/json"))
			for _, mt := range media {
				for name, ex := range mt.Examples {
					n++
					t.Run(method+" "+path+" "+name, func(t *testing.T) {
						if err := mt.Schema.Value.VisitJSON(ex.Value.Value); err != nil {
							t.Errorf("does not validate: %v", err)
						}
						if bad := undeclared(mt.Schema.Value, ex.Value.Value, "$"); len(bad) > 0 {
							t.Errorf("keys not declared by the schema: %s", strings.Join(bad, ", "))
						}
					})
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no examples in the spec")
	}
}

// undeclared lists the paths of object keys that the schema does not
// declare as a property or allow as a map entry.
func undeclared(s *openapi3.Schema, v any, path string) []string {
	switch v := v.(type) {
	case map[string]any:
		if d := s.Discriminator; d != nil && len(s.OneOf) > 0 {
			// A polymorphic element (rule V4): the keys its kind declares.
			kind, _ := v[d.PropertyName].(string)
			for _, o := range s.OneOf {
				if m, ok := d.Mapping[kind]; ok && m.Ref == o.Ref {
					return undeclared(o.Value, v, path)
				}
			}
			return []string{fmt.Sprintf("%s (kind %q is not in the discriminator's mapping)", path, kind)}
		}
		props, extra := properties(s)
		var bad []string
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p := path + "." + k
			switch {
			case props[k] != nil:
				bad = append(bad, undeclared(props[k], v[k], p)...)
			case extra != nil:
				bad = append(bad, undeclared(extra, v[k], p)...)
			default:
				bad = append(bad, p)
			}
		}
		return bad
	case []any:
		var bad []string
		for i, e := range v {
			bad = append(bad, undeclaredIn(s, func(s *openapi3.Schema) *openapi3.Schema {
				if s.Items == nil {
					return nil
				}
				return s.Items.Value
			}, e, fmt.Sprintf("%s[%d]", path, i))...)
		}
		return bad
	}
	return nil
}

// undeclaredIn follows anyOf/allOf to the element schema.
func undeclaredIn(s *openapi3.Schema, items func(*openapi3.Schema) *openapi3.Schema, v any, path string) []string {
	if len(s.AnyOf) > 0 {
		var first []string
		for i, b := range s.AnyOf {
			if b.Value.VisitJSON([]any{v}) != nil && items(b.Value) != nil {
				continue
			}
			bad := undeclaredIn(b.Value, items, v, path)
			if len(bad) == 0 {
				return nil
			}
			if i == 0 {
				first = bad
			}
		}
		return first
	}
	if it := items(s); it != nil {
		return undeclared(it, v, path)
	}
	for _, part := range s.AllOf {
		if it := items(part.Value); it != nil {
			return undeclared(it, v, path)
		}
	}
	return []string{path + " (no element schema)"}
}

// properties merges the properties of a schema and its allOf parts.
func properties(s *openapi3.Schema) (map[string]*openapi3.Schema, *openapi3.Schema) {
	props := map[string]*openapi3.Schema{}
	var extra *openapi3.Schema
	var walk func(s *openapi3.Schema)
	walk = func(s *openapi3.Schema) {
		for k, p := range s.Properties {
			props[k] = p.Value
		}
		if ap := s.AdditionalProperties.Schema; ap != nil {
			extra = ap.Value
		}
		for _, part := range s.AllOf {
			walk(part.Value)
		}
	}
	walk(s)
	return props, extra
}

// TestUndeclaredCatchesExtraKeys proves the declared-keys check can fail:
// a key added deep in an example, and one added to a map-typed field's
// parent, are both found.
func TestUndeclaredCatchesExtraKeys(t *testing.T) {
	doc, _ := load(t)
	op := doc.Paths.Value("/v3/backlinks/referring_domains/live").Post
	mt := op.Responses.Status(200).Value.Content.Get("application/json")
	var ex map[string]any
	for _, e := range mt.Examples {
		ex = e.Value.Value.(map[string]any)
		break
	}
	item := ex["tasks"].([]any)[0].(map[string]any)["result"].([]any)[0].(map[string]any)["items"].([]any)[0].(map[string]any)
	item["bogus"] = 1.0
	data := ex["tasks"].([]any)[0].(map[string]any)["data"].(map[string]any)
	data["unknown_echo"] = "x"
	got := undeclared(mt.Schema.Value, ex, "$")
	want := []string{"$.tasks[0].data.unknown_echo", "$.tasks[0].result[0].items[0].bogus"}
	if !slices.Equal(got, want) {
		t.Fatalf("undeclared = %v, want %v", got, want)
	}
	item["rank"] = "high"
	if err := mt.Schema.Value.VisitJSON(ex); err == nil {
		t.Fatal("a string rank validates against an integer field")
	}
}
