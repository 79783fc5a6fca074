package jsonfix

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRepair(t *testing.T) {
	tests := []struct {
		name, in, out string
		fixes         []string
	}{
		{"valid", `{"a": 1, "b": [1, 2]}`, `{"a": 1, "b": [1, 2]}`, nil},
		{"missing comma between members", "{\n  \"a\": 1\n  \"b\": 2\n}", "{\n  \"a\": 1,\n  \"b\": 2\n}",
			[]string{"line 2: a missing comma between two members inserted"}},
		{"after an object value", `{"a": {"x": null} "b": true}`, `{"a": {"x": null}, "b": true}`,
			[]string{"line 1: a missing comma between two members inserted"}},
		{"between elements", `[{"a": 1} {"a": 2} 3 "x"]`, `[{"a": 1}, {"a": 2}, 3, "x"]`,
			[]string{"line 1: a missing comma between two elements inserted", "line 1: a missing comma between two elements inserted",
				"line 1: a missing comma between two elements inserted"}},
		{"trailing comma in an object", "{\"a\": 1,\n}", "{\"a\": 1\n}", []string{"line 1: a trailing comma before } removed"}},
		{"trailing comma in an array", "[1, 2, ]", "[1, 2 ]", []string{"line 1: a trailing comma before ] removed"}},
		{"both", "{\"a\": [1,]\n\"b\": 2}", "{\"a\": [1],\n\"b\": 2}",
			[]string{"line 1: a trailing comma before ] removed", "line 1: a missing comma between two members inserted"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, fixes, err := Repair([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tt.out {
				t.Errorf("repaired:\n got %q\nwant %q", out, tt.out)
			}
			var got []string
			for _, f := range fixes {
				got = append(got, f.String())
			}
			if diff := cmp.Diff(tt.fixes, got); diff != "" {
				t.Errorf("fixes (-want +got):\n%s", diff)
			}
		})
	}
}

// TestNotRepaired: faults with more than one reading, or that need more
// than a comma, are refused with where they are.
func TestNotRepaired(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"truncated", "{\"a\": [1, 2", "line 1: the text ends before the value is complete (truncated?)"},
		{"object where an element is due", "{\"a\": 1},\n{\"b\": 2}", "line 1: data after the JSON value"},
		{"element where a member is due", "{\"a\": 1, {\"b\": 2}}", "line 1: an object key is expected"},
		{"key without value", `{"a" "b": 1}`, "line 1: a colon is expected after an object key"},
		{"member inside an array", `["a" "b": 1]`, "line 1: an object member inside an array"},
		{"two strings in an object", `{"a": "x" "y"}`, "line 1: a comma or } is expected after an object member"},
		{"unquoted word", "{\"a\": \"x\" apple}", "line 1: invalid character 'a'"},
		{"bad escape", `{"a": "\x"}`, "line 1: invalid string"},
		{"double comma", `[1,,2]`, "line 1: a value is expected"},
		{"empty", "", "line 1: the text ends before the value is complete (truncated?)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Repair([]byte(tt.in))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v, want an *Error", err)
			}
			if err.Error() != tt.want {
				t.Errorf("error:\n got %s\nwant %s", err, tt.want)
			}
		})
	}
}

func TestTooManySlips(t *testing.T) {
	in := []byte("[" + string(bytes.Repeat([]byte("1 "), MaxFixes+2)) + "]")
	if _, _, err := Repair(in); err == nil {
		t.Fatal("repaired a text of more slips than MaxFixes")
	}
}

// FuzzRepair: whatever the input, Repair does not panic; what it returns
// is JSON, and undoing its fixes gives the input back (a repair only
// inserts or removes commas: it never invents a value); JSON comes back
// as it was.
func FuzzRepair(f *testing.F) {
	for _, s := range []string{`{"a": 1 "b": 2}`, `[1 2,]`, `{"a": [{"b": null} {"c": true}],}`, `{"x": "y"}`, `[`, `{"a":1,}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out, fixes, err := Repair(data)
		if err != nil {
			if json.Valid(data) {
				t.Fatalf("valid JSON refused: %v", err)
			}
			return
		}
		if !json.Valid(out) {
			t.Fatalf("not JSON after repair: %q", out)
		}
		if json.Valid(data) && (len(fixes) > 0 || !bytes.Equal(out, data)) {
			t.Fatalf("valid JSON changed: %q -> %q", data, out)
		}
		if len(fixes) > MaxFixes {
			t.Fatalf("%d fixes", len(fixes))
		}
		if back := undo(out, fixes); !bytes.Equal(back, data) {
			t.Fatalf("undoing the fixes does not give the input back:\n in %q\nout %q\nback %q", data, out, back)
		}
	})
}

// undo removes the inserted commas and puts back the removed ones.
func undo(out []byte, fixes []Fix) []byte {
	var b []byte
	i := 0 // in out
	shift := 0
	for _, f := range fixes {
		at := f.Offset + shift // the fix's place in out
		b = append(b, out[i:at]...)
		switch f.Kind {
		case MissingComma:
			if out[at] != ',' {
				return nil
			}
			i = at + 1
			shift++
		case TrailingComma:
			b = append(b, ',')
			i = at
			shift--
		}
	}
	return append(b, out[i:]...)
}
