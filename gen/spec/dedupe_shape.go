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
	out, _ := json.Marshal(shape(v, &refs))
	return string(out), refs
}

// pooled are the keywords that are evidence of the examples (R2, E6)
// rather than shape: the members of one shape pool them (T1, T8).
var pooled = map[string]bool{"required": true, "nullable": true}

// notShape are the keywords that document a schema without changing what
// it accepts (T1): descriptions may differ, the docs' order may differ.
var notShape = map[string]bool{
	"description": true, "example": true, "examples": true, "title": true, "externalDocs": true,
	contract.ExtOrder: true,
}

// shape rewrites a schema's JSON for comparison: keywords in name order,
// references as "@", enum and required as sets.
func shape(v any, refs *[]string) any {
	switch v := v.(type) {
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = shape(e, refs)
		}
		return out
	case map[string]any:
		out := map[string]any{}
		for _, k := range slices.Sorted(maps.Keys(v)) {
			x := v[k]
			switch {
			case notShape[k], pooled[k]:
			case k == "$ref":
				s, _ := x.(string)
				*refs = append(*refs, refName(s))
				out[k] = "@"
			case k == "properties":
				props, _ := x.(map[string]any)
				p := map[string]any{}
				for _, name := range slices.Sorted(maps.Keys(props)) {
					p[name] = shape(props[name], refs)
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
				out[k] = shape(x, refs)
			}
		}
		return out
	}
	return v
}
