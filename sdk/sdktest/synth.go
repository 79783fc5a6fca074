package sdktest

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// synthesize makes the answer of an operation the docs give no example
// of (it was built from its tables): a value of its response schema, with
// every documented field filled in, one element in each array (one per
// kind in a polymorphic array), and the envelope of a successful call (a
// posted task is "Task Created." with no result, as the API answers). It
// never fails: a part it cannot read is left empty.
func synthesize(schema *openapi3.Schema, path string) []byte {
	s := synth{seen: map[*openapi3.Schema]int{}}
	v, _ := s.value(schema, "", 0).(map[string]any)
	if v == nil {
		return emptyResponse(path)
	}
	segs := strings.Split(strings.TrimPrefix(path, "/"), "/")
	v["status_code"], v["status_message"], v["tasks_count"], v["tasks_error"] = 20000, "Ok.", 1, 0
	v["version"], v["time"], v["cost"] = "0.1.sdktest", "0.0100 sec.", 0
	_, step, _, _ := contract.FlowOf(path)
	for _, t := range asList(v[contract.Tasks]) {
		tm, ok := t.(map[string]any)
		if !ok {
			continue
		}
		tm["id"], tm["status_code"], tm["status_message"], tm["cost"] = "00000000-0000-0000-0000-000000000000", 20000, "Ok.", 0
		tm["time"], tm["path"] = "0.0100 sec.", segs
		results := asList(tm[contract.Result])
		tm["result_count"] = len(results)
		if step == contract.StepPost {
			tm["status_code"], tm["status_message"], tm[contract.Result], tm["result_count"] = 20100, "Task Created.", nil, 0
		}
	}
	b, err := json.Marshal(v)
	if err != nil {
		return emptyResponse(path)
	}
	return b
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

type synth struct {
	seen map[*openapi3.Schema]int // the schemas being made, against recursion
}

// maxSynthDepth bounds the nesting of a synthesized value.
const maxSynthDepth = 40

func (s *synth) value(sc *openapi3.Schema, name string, depth int) any {
	if sc == nil {
		return nil
	}
	composite := len(sc.AllOf)+len(sc.OneOf)+len(sc.Properties) > 0 || sc.Type.Is(openapi3.TypeArray) || sc.Type.Is(openapi3.TypeObject)
	if composite && (depth > maxSynthDepth || s.seen[sc] > 0) {
		return nil // scalars always; objects and arrays to a depth, without recursion
	}
	s.seen[sc]++
	defer func() { s.seen[sc]-- }()
	if len(sc.AllOf) > 0 {
		out := map[string]any{}
		for _, part := range sc.AllOf {
			if m, ok := s.value(part.Value, name, depth+1).(map[string]any); ok {
				maps.Copy(out, m)
			}
		}
		return out
	}
	if len(sc.OneOf) > 0 {
		return s.value(sc.OneOf[0].Value, name, depth+1)
	}
	if len(sc.AnyOf) > 0 {
		return nil // the filter grammar: an echoed request field, left out
	}
	switch {
	case len(sc.Enum) > 0:
		return sc.Enum[0]
	case sc.Type.Is(openapi3.TypeString):
		switch {
		case sc.Format == contract.DateTimeFormat:
			return "2019-11-15 12:57:46 +00:00"
		case sc.Pattern != "":
			return nil // a grammar of its own (sorting rules): left out
		}
		v := "value"
		if name != "" {
			v = name + " value"
		}
		if sc.MaxLength != nil && uint64(len(v)) > *sc.MaxLength {
			v = v[:*sc.MaxLength]
		}
		return v
	case sc.Type.Is(openapi3.TypeInteger):
		return int64(bounded(sc, 1))
	case sc.Type.Is(openapi3.TypeNumber):
		return bounded(sc, 1.5)
	case sc.Type.Is(openapi3.TypeBoolean):
		return true
	case sc.Type.Is(openapi3.TypeArray):
		if sc.Items == nil || sc.Items.Value == nil {
			return []any{}
		}
		return s.elements(sc.Items.Value, name, depth)
	}
	if ap := sc.AdditionalProperties.Schema; ap != nil && len(sc.Properties) == 0 {
		return map[string]any{"key": s.value(ap.Value, name, depth+1)}
	}
	if len(sc.Properties) == 0 {
		return map[string]any{}
	}
	out := map[string]any{}
	for _, p := range slices.Sorted(maps.Keys(sc.Properties)) {
		if v := s.value(sc.Properties[p].Value, p, depth+1); v != nil || sc.Properties[p].Value.Nullable {
			out[p] = v
		}
	}
	return out
}

// elements is one element of an array, or one per kind of a polymorphic
// array (each with its kind in the discriminator's property).
func (s *synth) elements(items *openapi3.Schema, name string, depth int) []any {
	if len(items.OneOf) == 0 || items.Discriminator == nil {
		if v := s.value(items, name, depth+1); v != nil {
			return []any{v}
		}
		return []any{}
	}
	prop := items.Discriminator.PropertyName
	kinds := slices.Sorted(maps.Keys(items.Discriminator.Mapping))
	byRef := map[string]*openapi3.Schema{}
	for _, m := range items.OneOf {
		byRef[m.Ref] = m.Value
	}
	var out []any
	for _, kind := range kinds {
		m, ok := s.value(byRef[items.Discriminator.Mapping[kind].Ref], name, depth+1).(map[string]any)
		if !ok {
			continue
		}
		m[prop] = kind
		out = append(out, m)
	}
	return out
}

// bounded returns v within the schema's minimum and maximum.
func bounded(sc *openapi3.Schema, v float64) float64 {
	if sc.Min != nil && v < *sc.Min {
		v = *sc.Min
	}
	if sc.Max != nil && v > *sc.Max {
		v = *sc.Max
	}
	return v
}
