package spec

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// Rule T4's merge of the live and task_get results of one function and
// variant where the pages give them shapes that differ: the two trees of
// components (a result, its items, what they hold) are walked side by
// side and each pair becomes one component holding both: every property
// either has (reported), required only where both require it, nullable
// where either is. Any other difference (a type, a format, an enum, an
// array against an object) and the two stay apart, reported.

// flowUnion is what merging one function's results did.
type flowUnion struct {
	key      string            // the function and variant
	absorbed map[string]string // component -> the one it merged into
	notes    []string          // what differed, and how it was resolved
	err      error             // why they could not merge
}

// unionFlows merges, for each function and variant, the results of its
// live and task_get that are not already of one shape. It returns what it
// did; the document's references to an absorbed component point at the
// one it merged into. They are pointed there once, at the end (one walk
// of the document, not one per function): until then the merges read a
// reference through the components absorbed so far.
func (d *dedupe) unionFlows() []flowUnion {
	into := map[string]string{} // absorbed component -> the one it merged into
	roots := map[string][]string{}
	for _, n := range d.names {
		c := d.comps[n]
		if c.role == roleFunc && c.part == contract.SuffixResult {
			roots[c.root] = append(roots[c.root], n)
		}
	}
	var out []flowUnion
	for _, key := range slices.Sorted(maps.Keys(roots)) {
		list := roots[key]
		if len(list) < 2 {
			continue
		}
		for _, other := range list[1:] {
			u := &unioner{d: d, pairs: map[string]string{}, merged: map[string]*openapi3.Schema{},
				left: d.comps[list[0]].step, right: d.comps[other].step, into: into}
			ref := &openapi3.SchemaRef{Ref: "#/components/schemas/" + list[0]}
			_, err := u.ref(ref, &openapi3.SchemaRef{Ref: "#/components/schemas/" + other}, "")
			fu := flowUnion{key: key, absorbed: map[string]string{}}
			if err != nil {
				fu.err = err
				out = append(out, fu)
				continue
			}
			fu.notes = u.notes
			for a, b := range u.pairs {
				if a != b {
					fu.absorbed[b] = a
				}
				d.doc.Components.Schemas[a] = &openapi3.SchemaRef{Value: u.merged[a]}
			}
			for b, a := range fu.absorbed {
				delete(d.doc.Components.Schemas, b)
				into[b] = a
			}
			out = append(out, fu)
		}
	}
	to := map[string]string{}
	for b := range into {
		to[b] = current(into, b)
	}
	redirect(d.doc, to)
	return out
}

// current is the component a reference to name stands for once the
// merges so far are written: name, or the one it was absorbed into, and
// so on.
func current(into map[string]string, name string) string {
	for range len(into) + 1 {
		a, ok := into[name]
		if !ok {
			break
		}
		name = a
	}
	return name
}

type unioner struct {
	d           *dedupe
	left, right string            // the steps of the two sides
	pairs       map[string]string // left component -> right component
	merged      map[string]*openapi3.Schema
	notes       []string
	into        map[string]string // the components earlier merges absorbed -> the ones they merged into
}

func (u *unioner) note(path, format string, args ...any) {
	u.notes = append(u.notes, fmt.Sprintf("`%s`: ", strings.TrimPrefix(path, "."))+fmt.Sprintf(format, args...))
}

// ref merges two places: components side by side, or inline schemas.
func (u *unioner) ref(a, b *openapi3.SchemaRef, path string) (*openapi3.SchemaRef, error) {
	switch {
	case a == nil && b == nil:
		return nil, nil
	case a == nil || b == nil:
		return nil, fmt.Errorf("%s: a schema on one side only", path)
	case a.Ref != "" && b.Ref != "":
		x, y := current(u.into, refName(a.Ref)), current(u.into, refName(b.Ref))
		if x == y {
			return a, nil
		}
		cx, cy := u.d.comps[x], u.d.comps[y]
		if cx == nil || cy == nil || cx.role == roleKept || cy.role == roleKept {
			return nil, fmt.Errorf("%s: %s and %s are other types", path, x, y)
		}
		if prev, ok := u.pairs[x]; ok {
			if prev != y {
				return nil, fmt.Errorf("%s: %s is already merged with %s", path, x, prev)
			}
			return a, nil
		}
		u.pairs[x] = y
		s, err := u.schema(u.d.schema(x), u.d.schema(y), path)
		if err != nil {
			return nil, err
		}
		u.merged[x] = s
		return a, nil
	case a.Ref != "" || b.Ref != "":
		return nil, fmt.Errorf("%s: a component on one side, an inline schema on the other", path)
	}
	s, err := u.schema(a.Value, b.Value, path)
	if err != nil {
		return nil, err
	}
	return &openapi3.SchemaRef{Value: s}, nil
}

// local is a schema without what schema merges itself.
func local(s *openapi3.Schema) string {
	c := *s
	c.Properties, c.Items, c.AdditionalProperties, c.AllOf, c.OneOf, c.AnyOf, c.Not = nil, nil, openapi3.AdditionalProperties{Has: s.AdditionalProperties.Has}, nil, nil, nil, nil
	c.Required, c.Nullable, c.Discriminator = nil, false, nil
	sig, _ := signature(&c)
	return sig
}

func (u *unioner) schema(a, b *openapi3.Schema, path string) (*openapi3.Schema, error) {
	if la, lb := local(a), local(b); la != lb {
		return nil, fmt.Errorf("%s: %s against %s", path, la, lb)
	}
	out := clone(a)
	out.Description, _ = bestDoc([]string{a.Description, b.Description})
	if a.Nullable != b.Nullable {
		out.Nullable = true
		u.note(path, "nullable in one of %s and %s only: nullable", u.left, u.right)
	}
	var err error
	if out.Items, err = u.ref(a.Items, b.Items, path+"[]"); err != nil {
		return nil, err
	}
	if out.AdditionalProperties.Schema, err = u.ref(a.AdditionalProperties.Schema, b.AdditionalProperties.Schema, path+".*"); err != nil {
		return nil, err
	}
	if (a.Discriminator == nil) != (b.Discriminator == nil) ||
		a.Discriminator != nil && (a.Discriminator.PropertyName != b.Discriminator.PropertyName ||
			!slices.Equal(slices.Sorted(maps.Keys(a.Discriminator.Mapping)), slices.Sorted(maps.Keys(b.Discriminator.Mapping)))) {
		return nil, fmt.Errorf("%s: different discriminators", path)
	}
	if a.Discriminator != nil {
		// The members of one kind merge: the mapping pairs them.
		for _, k := range slices.Sorted(maps.Keys(a.Discriminator.Mapping)) {
			x, y := a.Discriminator.Mapping[k], b.Discriminator.Mapping[k]
			if _, err := u.ref(&openapi3.SchemaRef{Ref: x.Ref}, &openapi3.SchemaRef{Ref: y.Ref}, path+"("+k+")"); err != nil {
				return nil, err
			}
		}
	}
	for _, kw := range []struct {
		name       string
		x, y, into *openapi3.SchemaRefs
	}{{"allOf", &a.AllOf, &b.AllOf, &out.AllOf}, {"oneOf", &a.OneOf, &b.OneOf, &out.OneOf}, {"anyOf", &a.AnyOf, &b.AnyOf, &out.AnyOf}} {
		if len(*kw.x) != len(*kw.y) {
			return nil, fmt.Errorf("%s: %d against %d %s schemas", path, len(*kw.x), len(*kw.y), kw.name)
		}
		for i := range *kw.x {
			if (*kw.into)[i], err = u.ref((*kw.x)[i], (*kw.y)[i], fmt.Sprintf("%s.%s[%d]", path, kw.name, i)); err != nil {
				return nil, err
			}
		}
	}
	if len(a.Properties)+len(b.Properties) > 0 {
		out.Properties = openapi3.Schemas{}
	}
	for _, p := range slices.Sorted(maps.Keys(a.Properties)) {
		if b.Properties[p] == nil {
			out.Properties[p] = a.Properties[p]
			u.note(path+"."+p, "only %s has it: kept, not required", u.left)
			continue
		}
		if out.Properties[p], err = u.ref(a.Properties[p], b.Properties[p], path+"."+p); err != nil {
			return nil, err
		}
	}
	for _, p := range slices.Sorted(maps.Keys(b.Properties)) {
		if a.Properties[p] == nil {
			out.Properties[p] = b.Properties[p]
			u.note(path+"."+p, "only %s has it: added, not required", u.right)
		}
	}
	out.Required = nil
	for _, p := range a.Required {
		if slices.Contains(b.Required, p) {
			out.Required = append(out.Required, p)
		} else if b.Properties[p] != nil {
			u.note(path+"."+p, "required by %s only: not required", u.left)
		}
	}
	for _, p := range b.Required {
		if !slices.Contains(a.Required, p) && a.Properties[p] != nil {
			u.note(path+"."+p, "required by %s only: not required", u.right)
		}
	}
	if order := unionOrder(a, b); len(order) > 1 {
		if out.Extensions == nil {
			out.Extensions = map[string]any{}
		}
		out.Extensions[contract.ExtOrder] = order
	}
	return out, nil
}

// unionOrder is a's field order, then the fields only b has, in b's.
func unionOrder(a, b *openapi3.Schema) []string {
	var out []string
	for _, s := range []*openapi3.Schema{a, b} {
		for _, f := range strings.Split(orderKey(s), ",") {
			if f != "" && !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

// redirect points every reference to a key of to at its value.
func redirect(doc *openapi3.T, to map[string]string) {
	if len(to) == 0 {
		return
	}
	seen := map[*openapi3.Schema]bool{}
	var walk func(sr *openapi3.SchemaRef)
	walk = func(sr *openapi3.SchemaRef) {
		if sr == nil {
			return
		}
		if sr.Ref != "" {
			if n, ok := to[refName(sr.Ref)]; ok {
				sr.Ref = "#/components/schemas/" + n
			}
			return
		}
		s := sr.Value
		if s == nil || seen[s] {
			return
		}
		seen[s] = true
		for _, p := range s.Properties {
			walk(p)
		}
		walk(s.Items)
		walk(s.AdditionalProperties.Schema)
		walk(s.Not)
		for _, list := range []openapi3.SchemaRefs{s.AllOf, s.OneOf, s.AnyOf} {
			for _, m := range list {
				walk(m)
			}
		}
		if s.Discriminator != nil {
			for k, m := range s.Discriminator.Mapping {
				if n, ok := to[refName(m.Ref)]; ok {
					m.Ref = "#/components/schemas/" + n
					s.Discriminator.Mapping[k] = m
				}
			}
		}
	}
	for _, n := range slices.Sorted(maps.Keys(doc.Components.Schemas)) {
		walk(doc.Components.Schemas[n])
	}
	for _, item := range doc.Paths.Map() {
		for _, p := range item.Parameters {
			if p.Value != nil {
				walk(p.Value.Schema)
			}
		}
		for _, op := range item.Operations() {
			for _, p := range op.Parameters {
				if p.Value != nil {
					walk(p.Value.Schema)
				}
			}
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				for _, mt := range op.RequestBody.Value.Content {
					walk(mt.Schema)
				}
			}
			for _, r := range op.Responses.Map() {
				if r.Value != nil {
					for _, mt := range r.Value.Content {
						walk(mt.Schema)
					}
				}
			}
		}
	}
}
