package sdktest

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// polymorphic tells a schema that holds a oneOf with a discriminator (a
// polymorphic array of gen/spec's rules V4-V6), following references once.
func polymorphic(s *openapi3.Schema, seen map[*openapi3.Schema]bool) bool {
	if s == nil || seen[s] {
		return false
	}
	seen[s] = true
	if s.Discriminator != nil && len(s.OneOf) > 0 {
		return true
	}
	for _, p := range s.Properties {
		if polymorphic(p.Value, seen) {
			return true
		}
	}
	for _, a := range s.AllOf {
		if polymorphic(a.Value, seen) {
			return true
		}
	}
	return s.Items != nil && polymorphic(s.Items.Value, seen)
}

// polymorphicAnswer is what the server answers an operation with a
// polymorphic response: the answer to its first request example, or to a
// GET; with the schema it is to fit.
func polymorphicAnswers(t testing.TB) map[string]struct {
	schema *openapi3.Schema
	body   []byte
} {
	t.Helper()
	s := NewServer(t)
	cat, err := resolvedCatalog()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]struct {
		schema *openapi3.Schema
		body   []byte
	}{}
	for _, op := range cat.ops {
		schema := op.route.Operation.Responses.Status(200).Value.Content.Get("application/json").Schema.Value
		if !polymorphic(schema, map[*openapi3.Schema]bool{}) || bytes.Equal(op.example, emptyResponse(op.path)) {
			continue
		}
		var raw json.RawMessage
		// task_get answers the documented example for the example's own id.
		id := "00000000-0000-0000-0000-000000000000"
		if ex := decodeTree(op.example); ex != nil {
			if t, ok := firstTask(ex); ok {
				if s, ok := t["id"].(string); ok && s != "" {
					id = s
				}
			}
		}
		path := strings.ReplaceAll(op.path, "{id}", id)
		if op.route.Operation.RequestBody == nil {
			err = s.Client().Get(context.Background(), path, &raw)
		} else {
			var tasks any
			for _, ex := range op.route.Operation.RequestBody.Value.Content.Get("application/json").Examples {
				tasks = ex.Value.Value
				break
			}
			if tasks == nil {
				tasks = []any{map[string]any{"keyword": "x"}}
			}
			err = s.Client().Post(context.Background(), path, tasks, &raw)
		}
		if err != nil {
			t.Errorf("%s %s: %v", op.method, op.path, err)
			continue
		}
		out[op.method+" "+op.path] = struct {
			schema *openapi3.Schema
			body   []byte
		}{schema, raw}
	}
	return out
}

// TestPolymorphicAnswers: what the server answers for an operation whose
// response holds polymorphic arrays fits the spec, each element its
// kind's schema, as kin-openapi checks a oneOf with a discriminator.
func TestPolymorphicAnswers(t *testing.T) {
	answers := polymorphicAnswers(t)
	if len(answers) < 5 {
		t.Fatalf("%d operations with polymorphic answers, want the SERP ones", len(answers))
	}
	for name, a := range answers {
		var tree any
		if err := json.Unmarshal(a.body, &tree); err != nil {
			t.Fatal(err)
		}
		if err := a.schema.VisitJSON(tree); err != nil {
			t.Errorf("%s: the answer does not fit the spec: %.300v", name, err)
		}
	}
	// The discriminator decides: an element whose kind lacks a field its
	// kind requires fails, and says which.
	a := answers["POST /v3/serp/google/organic/live/regular"]
	var tree map[string]any
	if err := json.Unmarshal(a.body, &tree); err != nil {
		t.Fatal(err)
	}
	items := tree["tasks"].([]any)[0].(map[string]any)["result"].([]any)[0].(map[string]any)["items"].([]any)
	delete(items[0].(map[string]any), "rank_group")
	err := a.schema.VisitJSON(any(tree))
	if err == nil || !strings.Contains(err.Error(), "rank_group") {
		t.Errorf("an element without its kind's rank_group: %v, want the field named", err)
	}
	items[0].(map[string]any)["type"] = "no_such_kind"
	if err := a.schema.VisitJSON(any(tree)); err == nil {
		t.Error("an element of a kind the spec does not map validates")
	}
}

// BenchmarkPolymorphicValidate: kin-openapi validating the largest
// polymorphic answer; with the discriminator each element is checked
// against its kind's schema only, not all of them.
func BenchmarkPolymorphicValidate(b *testing.B) {
	answers := polymorphicAnswers(b)
	var name string
	for n, a := range answers {
		if name == "" || len(a.body) > len(answers[name].body) {
			name = n
		}
	}
	a := answers[name]
	var tree any
	if err := json.Unmarshal(a.body, &tree); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(a.body)))
	b.ReportAllocs()
	for b.Loop() {
		if err := a.schema.VisitJSON(tree); err != nil {
			b.Fatal(err)
		}
	}
}
