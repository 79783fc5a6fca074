// Package jsonval holds a JSON value that keeps what encoding/json forgets:
// the order of object keys and the exact text of numbers (so 5 and 5.0 stay
// an integer and a float). The documentation's examples are read into it, and
// the spec builder walks it to place table rows and infer wire types.
package jsonval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Kind is the JSON type of a Value.
type Kind int

// The JSON kinds.
const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

func (k Kind) String() string {
	switch k {
	case Null:
		return "null"
	case Bool:
		return "boolean"
	case Number:
		return "number"
	case String:
		return "string"
	case Array:
		return "array"
	case Object:
		return "object"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Value is one JSON value. Only the fields of its Kind are set.
type Value struct {
	Kind Kind
	Bool bool
	Num  string // the number's text as written
	Str  string
	Arr  []*Value
	Obj  []Member // in document order
}

// Member is one key of an object.
type Member struct {
	Key string
	Val *Value
}

// SyntaxError says where a document stops being JSON.
type SyntaxError struct {
	Line   int // 1-based line of the offending byte in the parsed text
	Reason string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Reason) }

// Parse reads exactly one JSON value from data. Duplicate object keys are an
// error, because a map cannot say which of the two the API meant.
func Parse(data []byte) (*Value, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	p := &parser{d: d, data: data}
	v, err := p.value()
	if err != nil {
		return nil, err
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, p.errorf("unexpected data after the JSON value")
	}
	return v, nil
}

type parser struct {
	d    *json.Decoder
	data []byte
}

func (p *parser) line() int {
	off := int(p.d.InputOffset())
	if off > len(p.data) {
		off = len(p.data)
	}
	return 1 + bytes.Count(p.data[:off], []byte("\n"))
}

func (p *parser) errorf(format string, args ...any) error {
	return &SyntaxError{Line: p.line(), Reason: fmt.Sprintf(format, args...)}
}

func (p *parser) token() (json.Token, error) {
	t, err := p.d.Token()
	if err == nil {
		return t, nil
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		last := bytes.TrimRight(p.data, " \t\r\n")
		return nil, &SyntaxError{Line: 1 + bytes.Count(last, []byte("\n")),
			Reason: "JSON ends before the value is complete (truncated?)"}
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line := 1 + bytes.Count(p.data[:min(int(se.Offset), len(p.data))], []byte("\n"))
		return nil, &SyntaxError{Line: line, Reason: se.Error()}
	}
	return nil, p.errorf("%v", err)
}

func (p *parser) value() (*Value, error) {
	t, err := p.token()
	if err != nil {
		return nil, err
	}
	return p.fromToken(t)
}

func (p *parser) fromToken(t json.Token) (*Value, error) {
	switch t := t.(type) {
	case nil:
		return &Value{Kind: Null}, nil
	case bool:
		return &Value{Kind: Bool, Bool: t}, nil
	case json.Number:
		return &Value{Kind: Number, Num: t.String()}, nil
	case string:
		return &Value{Kind: String, Str: t}, nil
	case json.Delim:
		switch t {
		case '[':
			return p.array()
		case '{':
			return p.object()
		}
	}
	return nil, p.errorf("unexpected %v", t)
}

func (p *parser) array() (*Value, error) {
	v := &Value{Kind: Array, Arr: []*Value{}}
	for {
		t, err := p.token()
		if err != nil {
			return nil, err
		}
		if t == json.Delim(']') {
			return v, nil
		}
		e, err := p.fromToken(t)
		if err != nil {
			return nil, err
		}
		v.Arr = append(v.Arr, e)
	}
}

func (p *parser) object() (*Value, error) {
	v := &Value{Kind: Object, Obj: []Member{}}
	seen := map[string]bool{}
	for {
		t, err := p.token()
		if err != nil {
			return nil, err
		}
		if t == json.Delim('}') {
			return v, nil
		}
		key, ok := t.(string)
		if !ok {
			return nil, p.errorf("object key expected, got %v", t)
		}
		if seen[key] {
			return nil, p.errorf("duplicate key %q", key)
		}
		seen[key] = true
		e, err := p.value()
		if err != nil {
			return nil, err
		}
		v.Obj = append(v.Obj, Member{Key: key, Val: e})
	}
}

// Get returns the member key of an object, or nil.
func (v *Value) Get(key string) *Value {
	if v == nil || v.Kind != Object {
		return nil
	}
	for _, m := range v.Obj {
		if m.Key == key {
			return m.Val
		}
	}
	return nil
}

// IsInteger reports whether v is a number written without fraction or exponent.
func (v *Value) IsInteger() bool {
	return v != nil && v.Kind == Number && !strings.ContainsAny(v.Num, ".eE")
}

// Any converts v to the values encoding/json produces for interface{}
// (map[string]any, []any, float64, string, bool, nil), the form schema
// validators take.
func (v *Value) Any() any {
	switch v.Kind {
	case Bool:
		return v.Bool
	case Number:
		var f float64
		_ = json.Unmarshal([]byte(v.Num), &f)
		return f
	case String:
		return v.Str
	case Array:
		out := make([]any, len(v.Arr))
		for i, e := range v.Arr {
			out[i] = e.Any()
		}
		return out
	case Object:
		out := make(map[string]any, len(v.Obj))
		for _, m := range v.Obj {
			out[m.Key] = m.Val.Any()
		}
		return out
	}
	return nil
}

// MarshalJSON writes v back as compact JSON, keys in document order and
// numbers as written.
func (v *Value) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	v.write(&b)
	return b.Bytes(), nil
}

func (v *Value) write(b *bytes.Buffer) {
	switch v.Kind {
	case Null:
		b.WriteString("null")
	case Bool:
		if v.Bool {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case Number:
		b.WriteString(v.Num)
	case String:
		s, _ := json.Marshal(v.Str)
		b.Write(s)
	case Array:
		b.WriteByte('[')
		for i, e := range v.Arr {
			if i > 0 {
				b.WriteByte(',')
			}
			e.write(b)
		}
		b.WriteByte(']')
	case Object:
		b.WriteByte('{')
		for i, m := range v.Obj {
			if i > 0 {
				b.WriteByte(',')
			}
			k, _ := json.Marshal(m.Key)
			b.Write(k)
			b.WriteByte(':')
			m.Val.write(b)
		}
		b.WriteByte('}')
	}
}

// Balanced returns the prefix of s that holds its first JSON object or
// array, found by counting brackets outside strings, and whether the
// brackets close; when they never do (a truncated text), all of s.
func Balanced(s string) (string, bool) {
	depth, inString, escaped := 0, false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
			if depth == 0 {
				return s[:i+1], true
			}
		}
	}
	return s, false
}
