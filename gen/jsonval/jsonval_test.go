package jsonval

import (
	"errors"
	"testing"
)

func TestParseKeepsOrderAndNumbers(t *testing.T) {
	v, err := Parse([]byte(`{"b": 1, "a": 1.0, "c": [1e3, -2, null, true, "x"]}`))
	if err != nil {
		t.Fatal(err)
	}
	if v.Obj[0].Key != "b" || v.Obj[1].Key != "a" {
		t.Errorf("key order lost: %v", v.Obj)
	}
	if !v.Get("b").IsInteger() || v.Get("a").IsInteger() || v.Get("c").Arr[0].IsInteger() || !v.Get("c").Arr[1].IsInteger() {
		t.Error("integer/float told apart wrongly")
	}
	out, _ := v.MarshalJSON()
	if string(out) != `{"b":1,"a":1.0,"c":[1e3,-2,null,true,"x"]}` {
		t.Errorf("MarshalJSON = %s", out)
	}
	if got := v.Any().(map[string]any)["a"]; got != 1.0 {
		t.Errorf("Any: %v", got)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tt := range []struct {
		in   string
		line int
	}{
		{"{\n\"a\": 1,\n\"a\": 2}", 3},
		{"{\n\"a\": [1,\n2", 3},
		{"{\"a\": 1}\n{", 2},
		{"{\n\"a\": tru}", 2},
	} {
		_, err := Parse([]byte(tt.in))
		var se *SyntaxError
		if !errors.As(err, &se) || se.Line != tt.line {
			t.Errorf("Parse(%q) = %v, want a SyntaxError at line %d", tt.in, err, tt.line)
		}
	}
}

func TestBalanced(t *testing.T) {
	for _, tt := range []struct {
		in, out string
		closed  bool
	}{
		{`{"a": "}"} trailing`, `{"a": "}"}`, true},
		{`[1, [2]], 3`, `[1, [2]]`, true},
		{`{"a": "\"}"}x`, `{"a": "\"}"}`, true},
		{`{"a": [1`, `{"a": [1`, false},
	} {
		if out, closed := Balanced(tt.in); out != tt.out || closed != tt.closed {
			t.Errorf("Balanced(%q) = %q, %v; want %q, %v", tt.in, out, closed, tt.out, tt.closed)
		}
	}
}
