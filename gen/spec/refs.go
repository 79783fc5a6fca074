package spec

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// resolveRefs points every schema $ref of doc at the component it names,
// as a loader of the written spec does: the document's refs carry only
// their name while it is built, and a ref written "$ref" stands for its
// component whatever value it carried. A ref that names no component,
// and a schema that is neither a ref nor a value, are errors (the written
// spec would not load). undo puts back the values the refs had, so that
// the document stays as the builder left it; call it also on an error.
//
// It visits each schema once: linear in the size of the document.
func resolveRefs(doc *openapi3.T) (undo func(), err error) {
	type saved struct {
		ref *openapi3.SchemaRef
		old *openapi3.Schema
	}
	var changed []saved
	undo = func() {
		for _, s := range slices.Backward(changed) {
			s.ref.Value = s.old
		}
	}
	seen := map[*openapi3.Schema]bool{}
	var walk func(sr *openapi3.SchemaRef, where string) error
	walk = func(sr *openapi3.SchemaRef, where string) error {
		if sr == nil {
			return nil
		}
		if sr.Ref != "" {
			target, err := component(doc, sr.Ref)
			if err != nil {
				return fmt.Errorf("%s: %w", where, err)
			}
			changed = append(changed, saved{sr, sr.Value})
			sr.Value = target
			where = sr.Ref
		}
		s := sr.Value
		if s == nil {
			return fmt.Errorf("%s: a schema that is neither a $ref nor a value", where)
		}
		if seen[s] {
			return nil
		}
		seen[s] = true
		for _, name := range slices.Sorted(maps.Keys(s.Properties)) {
			if err := walk(s.Properties[name], where+".properties."+name); err != nil {
				return err
			}
		}
		subs := []struct {
			sr   *openapi3.SchemaRef
			name string
		}{{s.Items, ".items"}, {s.AdditionalProperties.Schema, ".additionalProperties"}, {s.Not, ".not"}}
		for _, sub := range subs {
			if err := walk(sub.sr, where+sub.name); err != nil {
				return err
			}
		}
		for k, list := range []openapi3.SchemaRefs{s.AllOf, s.AnyOf, s.OneOf} {
			for i, e := range list {
				if err := walk(e, fmt.Sprintf("%s.%s[%d]", where, [...]string{"allOf", "anyOf", "oneOf"}[k], i)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if doc.Components != nil {
		for _, name := range slices.Sorted(maps.Keys(doc.Components.Schemas)) {
			if err := walk(doc.Components.Schemas[name], "#/components/schemas/"+name); err != nil {
				return undo, err
			}
		}
	}
	for _, path := range doc.Paths.InMatchingOrder() {
		ops := doc.Paths.Value(path).Operations()
		for _, method := range slices.Sorted(maps.Keys(ops)) {
			op := ops[method]
			where := method + " " + path
			for _, p := range op.Parameters {
				if p.Value != nil {
					if err := walk(p.Value.Schema, where+" parameter "+p.Value.Name); err != nil {
						return undo, err
					}
				}
			}
			var contents []openapi3.Content
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				contents = append(contents, op.RequestBody.Value.Content)
			}
			if op.Responses != nil {
				for _, r := range op.Responses.Map() {
					if r.Value != nil {
						contents = append(contents, r.Value.Content)
					}
				}
			}
			for _, c := range contents {
				for _, mt := range c {
					if err := walk(mt.Schema, where); err != nil {
						return undo, err
					}
				}
			}
		}
	}
	return undo, nil
}

// component is the schema a local $ref names, following a component that
// is itself a $ref.
func component(doc *openapi3.T, ref string) (*openapi3.Schema, error) {
	for range 64 {
		name, ok := strings.CutPrefix(ref, "#/components/schemas/")
		if !ok {
			return nil, fmt.Errorf("$ref %q is not a local schema component", ref)
		}
		var sr *openapi3.SchemaRef
		if doc.Components != nil {
			sr = doc.Components.Schemas[name]
		}
		switch {
		case sr == nil:
			return nil, fmt.Errorf("$ref %q names no component", ref)
		case sr.Ref == "":
			if sr.Value == nil {
				return nil, fmt.Errorf("component %s is empty", name)
			}
			return sr.Value, nil
		}
		ref = sr.Ref
	}
	return nil, fmt.Errorf("$ref %q: a cycle of components that are refs", ref)
}
