package sdk

import (
	"bytes"
	"encoding/json"
	"time"
)

// MarshalJSON encodes f in the API's grammar: a condition as
// [field, operator, value], a group as [filter, "and", filter, ...]. The zero
// Filter encodes as null; a kept wire value is re-emitted unchanged. HTML
// characters are not escaped, so "<>" stays "<>".
func (f Filter) MarshalJSON() ([]byte, error) {
	if f.raw != "" {
		return []byte(f.raw), nil
	}
	if f.node == nil {
		return []byte("null"), nil
	}
	var buf bytes.Buffer
	if err := f.node.encode(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (n *filterNode) encode(buf *bytes.Buffer) error {
	if n.parts == nil {
		return encodeNoEscape(buf, []any{n.field, n.op, wireValue(n.value)})
	}
	buf.WriteByte('[')
	for i, p := range n.parts {
		if i > 0 {
			buf.WriteByte(',')
			if err := encodeNoEscape(buf, n.joins[i-1]); err != nil {
				return err
			}
			buf.WriteByte(',')
		}
		if p.raw != "" {
			buf.WriteString(p.raw)
			continue
		}
		if p.node == nil {
			buf.WriteString("null")
			continue
		}
		if err := p.node.encode(buf); err != nil {
			return err
		}
	}
	buf.WriteByte(']')
	return nil
}

// UnmarshalJSON decodes any value of the filter grammar; null is the zero
// Filter. It never fails: a value outside the grammar is kept (see Filter).
func (f *Filter) UnmarshalJSON(data []byte) error {
	*f = Filter{}
	if string(data) == "null" {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err == nil {
		if node, ok := parseFilter(tree); ok {
			f.node = node
			return nil
		}
	}
	f.raw = string(data)
	return nil
}

// parseFilter reads the grammar from a JSON tree decoded with UseNumber:
// a condition is an array of three whose first element is a string, a group
// an array of odd length alternating filters and "and" / "or" (the docs'
// examples also wrap a single condition: [["search_volume", ">", 10]]).
func parseFilter(tree any) (*filterNode, bool) {
	arr, ok := tree.([]any)
	if !ok || len(arr) == 0 {
		return nil, false
	}
	if field, ok := arr[0].(string); ok {
		if len(arr) != 3 {
			return nil, false
		}
		op, ok := arr[1].(string)
		if !ok {
			return nil, false
		}
		return &filterNode{field: field, op: op, value: arr[2]}, true
	}
	if len(arr)%2 == 0 {
		return nil, false
	}
	n := &filterNode{}
	for i, e := range arr {
		if i%2 == 1 {
			op, ok := e.(string)
			if !ok || (op != "and" && op != "or") {
				return nil, false
			}
			n.joins = append(n.joins, op)
			continue
		}
		child, ok := parseFilter(e)
		if !ok {
			return nil, false
		}
		n.parts = append(n.parts, Filter{node: child})
	}
	return n, true
}

// filterWireProblem reports whether raw, the wire text a Filter keeps, holds
// a value outside the grammar.
func filterWireProblem(raw string) bool { return raw != "" }

// wireValue writes date-times in the API's TimeLayout
// ("2019-11-15 12:57:46 +00:00"), which encoding/json would write in RFC
// 3339: a time.Time, *time.Time, or a slice of them (for in and not_in).
// Other values are encoded as they are (sdk.Time encodes itself).
func wireValue(v any) any {
	switch t := v.(type) {
	case time.Time:
		return t.Format(TimeLayout)
	case *time.Time:
		if t != nil {
			return t.Format(TimeLayout)
		}
	case []time.Time:
		out := make([]string, len(t))
		for i, x := range t {
			out[i] = x.Format(TimeLayout)
		}
		return out
	}
	return v
}
