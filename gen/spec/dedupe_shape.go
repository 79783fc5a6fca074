package spec

import (
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// refine computes the shape classes (T1): two components are in one
// class when their schemas are equal once descriptions, examples and the
// docs' field order are set aside and every reference is read as the
// class it names; computed as a partition refinement, so that cycles of
// references are equal when they unfold equally.
func (d *dedupe) refine() {
	for _, n := range d.names {
		c := d.comps[n]
		if c.role == roleKept {
			c.base = "kept " + n // equal to itself only
			continue
		}
		s := d.doc.Components.Schemas[n].Value
		c.base, c.refs = signature(s)
		c.base = c.section + "\x00" + c.base
	}
	classes := 0
	sig := map[string]string{}
	for _, n := range d.names {
		sig[n] = d.comps[n].base
	}
	for {
		ids := map[string]int{}
		for _, s := range slices.Sorted(maps.Values(sig)) {
			if _, ok := ids[s]; !ok {
				ids[s] = len(ids)
			}
		}
		for _, n := range d.names {
			d.comps[n].class = ids[sig[n]]
		}
		if len(ids) == classes {
			return
		}
		classes = len(ids)
		for _, n := range d.names {
			c := d.comps[n]
			var b strings.Builder
			b.WriteString(c.base)
			for _, r := range c.refs {
				b.WriteString("|")
				if t := d.comps[r]; t != nil {
					b.WriteString(strconv.Itoa(t.class))
				} else {
					b.WriteString("?" + r)
				}
			}
			sig[n] = b.String()
		}
	}
}

// signature is a schema's shape as a string, with each reference written
// "@", and the references in the order they appear in it.
func signature(s *openapi3.Schema) (string, []string) {
	j, err := json.Marshal(s)
	if err != nil {
		return "unmarshalable " + err.Error(), nil
	}
	var v any
	if err := json.Unmarshal(j, &v); err != nil {
		return "unmarshalable " + err.Error(), nil
	}
	var refs []string
	// A component's own nullable is shape: its uses differ, and a Go
	// pointer of an optional field cannot be both missing and null.
	out, _ := json.Marshal(shape(v, &refs, false))
	return string(out), refs
}

// scalarJSON reports whether a schema's JSON is of a scalar (a string,
// number, integer or boolean, no reference): its nullable, and whether
// its property is required, are the examples' evidence (R2, E6), pooled
// by the members of one shape (T1); sdk.Opt holds every state of them.
func scalarJSON(m map[string]any) bool {
	if m == nil || m["$ref"] != nil || m["properties"] != nil || m["items"] != nil || m["additionalProperties"] != nil ||
		m["oneOf"] != nil || m["anyOf"] != nil || m["allOf"] != nil {
		return false
	}
	switch t := m["type"].(type) {
	case string:
		return t == "string" || t == "integer" || t == "number" || t == "boolean"
	case []any:
		return len(t) == 1 && (t[0] == "string" || t[0] == "integer" || t[0] == "number" || t[0] == "boolean")
	}
	return false
}

// notShape are the keywords that document a schema without changing what
// it accepts (T1): descriptions may differ, the docs' order may differ.
var notShape = map[string]bool{
	"description": true, "example": true, "examples": true, "title": true, "externalDocs": true,
	contract.ExtOrder: true,
}

// shape rewrites a schema's JSON for comparison: keywords in name order,
// references as "@", enum and required as sets. The examples' evidence
// is left out where the members pool it (T1): the nullable of a scalar,
// or of a schema whose property is required (sdkgen's nil is then null),
// when dropNull; whether a scalar property is required.
func shape(v any, refs *[]string, dropNull bool) any {
	switch v := v.(type) {
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			m, _ := e.(map[string]any)
			out[i] = shape(e, refs, scalarJSON(m))
		}
		return out
	case map[string]any:
		out := map[string]any{}
		props, _ := v["properties"].(map[string]any)
		required := map[string]bool{}
		if list, ok := v["required"].([]any); ok {
			for _, e := range list {
				if p, ok := e.(string); ok {
					required[p] = true
				}
			}
		}
		for _, k := range slices.Sorted(maps.Keys(v)) {
			x := v[k]
			switch {
			case notShape[k], k == "nullable" && (dropNull || scalarJSON(v)):
			case k == "$ref":
				s, _ := x.(string)
				*refs = append(*refs, refName(s))
				out[k] = "@"
			case k == "properties":
				p := map[string]any{}
				for _, name := range slices.Sorted(maps.Keys(props)) {
					ps, _ := props[name].(map[string]any)
					p[name] = shape(props[name], refs, scalarJSON(ps) || required[name])
				}
				out[k] = p
			case k == "discriminator":
				disc, _ := x.(map[string]any)
				dd := map[string]any{"propertyName": disc["propertyName"]}
				if m, ok := disc["mapping"].(map[string]any); ok {
					mm := map[string]any{}
					for _, key := range slices.Sorted(maps.Keys(m)) {
						s, _ := m[key].(string)
						*refs = append(*refs, refName(s))
						mm[key] = "@"
					}
					dd["mapping"] = mm
				}
				out[k] = dd
			case k == "required":
				// A scalar's is pooled (T1); a collection's or an
				// object's is shape: sdkgen cannot hold both missing and
				// null in one (a nil slice is one or the other).
				var keep []string
				for p := range required {
					if ps, _ := props[p].(map[string]any); !scalarJSON(ps) {
						keep = append(keep, p)
					}
				}
				if len(keep) > 0 {
					slices.Sort(keep)
					out[k] = keep
				}
			case k == "enum":
				list, _ := x.([]any)
				set := make([]string, len(list))
				for i, e := range list {
					b, _ := json.Marshal(e)
					set[i] = string(b)
				}
				slices.Sort(set)
				out[k] = set
			case strings.HasPrefix(k, "x-") || k == "default" || k == "const":
				out[k] = x // data
			default:
				m, _ := x.(map[string]any)
				out[k] = shape(x, refs, scalarJSON(m))
			}
		}
		return out
	}
	return v
}
