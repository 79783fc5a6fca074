package sdk_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/google/go-cmp/cmp"
)

func TestOptStates(t *testing.T) {
	type state struct {
		Value         int64
		OK            bool
		Or            int64
		IsSet, IsNull bool
		IsZero        bool
		String        string
	}
	tests := []struct {
		name string
		opt  sdk.Opt[int64]
		want state
	}{
		{"missing", sdk.Opt[int64]{}, state{Or: 7, IsZero: true, String: "<missing>"}},
		{"null", sdk.Null[int64](), state{Or: 7, IsSet: true, IsNull: true, String: "<null>"}},
		{"zero value", sdk.Int(0), state{Value: 0, OK: true, Or: 0, IsSet: true, String: "0"}},
		{"value", sdk.Some[int64](42), state{Value: 42, OK: true, Or: 42, IsSet: true, String: "42"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, ok := tt.opt.Get()
			got := state{Value: v, OK: ok, Or: tt.opt.Or(7), IsSet: tt.opt.IsSet(), IsNull: tt.opt.IsNull(),
				IsZero: tt.opt.IsZero(), String: tt.opt.String()}
			if got.Value != tt.opt.Value() {
				t.Errorf("Value() = %d, Get() = %d", tt.opt.Value(), got.Value)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("state (-want +got):\n%s", diff)
			}
		})
	}
}

// TestOptOmitzero checks what a request sends: nothing for a missing Opt,
// null for a null one, and explicit zero values.
func TestOptOmitzero(t *testing.T) {
	type req struct {
		Limit  sdk.Opt[int64]   `json:"limit,omitzero"`
		Ratio  sdk.Opt[float64] `json:"ratio,omitzero"`
		Name   sdk.Opt[string]  `json:"name,omitzero"`
		Strict sdk.Opt[bool]    `json:"strict,omitzero"`
	}
	tests := []struct {
		name string
		in   req
		want string
	}{
		{"all missing", req{}, `{}`},
		{"explicit zeros", req{Limit: sdk.Int(0), Ratio: sdk.Float(0), Name: sdk.String(""), Strict: sdk.Bool(false)},
			`{"limit":0,"ratio":0,"name":"","strict":false}`},
		{"nulls", req{Limit: sdk.Null[int64](), Strict: sdk.Null[bool]()}, `{"limit":null,"strict":null}`},
		{"values", req{Limit: sdk.Int(100), Ratio: sdk.Float(0.5), Name: sdk.String("a<b"), Strict: sdk.Bool(true)},
			`{"limit":100,"ratio":0.5,"name":"a\u003cb","strict":true}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, string(b)); diff != "" {
				t.Errorf("JSON (-want +got):\n%s", diff)
			}
		})
	}
}

func TestOptUnmarshal(t *testing.T) {
	type item struct {
		N sdk.Opt[int64]    `json:"n"`
		F sdk.Opt[float64]  `json:"f"`
		S sdk.Opt[string]   `json:"s"`
		B sdk.Opt[bool]     `json:"b"`
		M sdk.Opt[[]string] `json:"m"`
	}
	tests := []struct {
		name    string
		in      string
		want    item
		problem bool
	}{
		{"absent", `{}`, item{}, false},
		{"nulls", `{"n":null,"f":null,"s":null,"b":null,"m":null}`,
			item{N: sdk.Null[int64](), F: sdk.Null[float64](), S: sdk.Null[string](), B: sdk.Null[bool](), M: sdk.Null[[]string]()}, false},
		{"values", `{"n":-12,"f":1.5e3,"s":"h\u00e9\"llo","b":false,"m":["a"]}`,
			item{N: sdk.Int(-12), F: sdk.Float(1500), S: sdk.String(`hé"llo`), B: sdk.Bool(false), M: sdk.Some([]string{"a"})}, false},
		{"float for an integer", `{"n":1.5,"s":"x"}`, item{S: sdk.String("x")}, true},
		{"string for a number", `{"f":"12"}`, item{}, true},
		{"number for a bool", `{"b":1}`, item{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got item
			if err := json.Unmarshal([]byte(tt.in), &got); err != nil {
				t.Fatalf("Unmarshal failed, want lenient: %v", err)
			}
			if tt.problem {
				// The wire value is kept; compare without it.
				if !sdk.HasWireProblem(&got) {
					t.Error("no wire problem reported")
				}
				got.N, got.F, got.B = keepValid(got.N), keepValid(got.F), keepValid(got.B)
			} else if sdk.HasWireProblem(&got) {
				t.Error("wire problem reported for a valid value")
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("decoded (-want +got):\n%s", diff)
			}
		})
	}
}

// keepValid drops a kept wire value to missing, leaving other states.
func keepValid[T any](o sdk.Opt[T]) sdk.Opt[T] {
	if _, ok := o.Get(); ok || !o.IsSet() || o.IsNull() {
		return o
	}
	return sdk.Opt[T]{}
}

// TestOptKeepsWireValue checks that a value that did not fit is re-emitted
// unchanged and reads as no value.
func TestOptKeepsWireValue(t *testing.T) {
	tests := []struct{ in string }{
		{`1.5`}, {`"12"`}, {`{"a":[1,2]}`}, {`[true]`}, {`1e400`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var o sdk.Opt[int64]
			if err := json.Unmarshal([]byte(tt.in), &o); err != nil {
				t.Fatal(err)
			}
			if v, ok := o.Get(); ok || !o.IsSet() || o.IsNull() || o.IsZero() {
				t.Errorf("Get() = %d, %v; IsSet %v IsNull %v IsZero %v", v, ok, o.IsSet(), o.IsNull(), o.IsZero())
			}
			b, err := json.Marshal(o)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tt.in {
				t.Errorf("re-encoded %s, want %s", b, tt.in)
			}
		})
	}
}

// TestOptPartial checks an object value with one field that did not fit:
// the rest is usable, the problem reported, the wire text re-emitted.
func TestOptPartial(t *testing.T) {
	type inner struct {
		A int64  `json:"a"`
		B string `json:"b"`
	}
	in := `{"a":1.5,"b":"kept"}`
	var o sdk.Opt[inner]
	if err := json.Unmarshal([]byte(in), &o); err != nil {
		t.Fatal(err)
	}
	v, ok := o.Get()
	if diff := cmp.Diff(inner{B: "kept"}, v); !ok || diff != "" {
		t.Errorf("Get() ok=%v (-want +got):\n%s", ok, diff)
	}
	if !sdk.HasWireProblem(&o) {
		t.Error("no wire problem reported")
	}
	if b, _ := json.Marshal(o); string(b) != in {
		t.Errorf("re-encoded %s, want %s", b, in)
	}
}

func TestOptEqual(t *testing.T) {
	ts, _ := sdk.ParseTime("2019-11-15 12:57:46 +00:00")
	tsOther, _ := sdk.ParseTime("2019-11-15 14:57:46 +02:00") // the same instant
	tests := []struct {
		name string
		a, b sdk.Opt[sdk.Time]
		want bool
	}{
		{"missing", sdk.Opt[sdk.Time]{}, sdk.Opt[sdk.Time]{}, true},
		{"missing and null", sdk.Opt[sdk.Time]{}, sdk.Null[sdk.Time](), false},
		{"same instant", sdk.Some(ts), sdk.Some(tsOther), true},
		{"other instant", sdk.Some(ts), sdk.Some(sdk.Time{}), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.Equal(tt.b); got != tt.want {
				t.Errorf("Equal = %v, want %v", got, tt.want)
			}
			if got := cmp.Equal(tt.a, tt.b); got != tt.want {
				t.Errorf("cmp.Equal = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestOptTimeNotADateTime is issue 10.12: an Opt[Time] whose wire value is
// not a date-time has no value (it read as ok with year 1), keeps the wire
// text, and is reported by Decode.
func TestOptTimeNotADateTime(t *testing.T) {
	tests := []struct {
		wire   string
		ok     bool
		reEnc  string
		report bool
	}{
		{`"2019-11-15 12:57:46 +00:00"`, true, `"2019-11-15 12:57:46 +00:00"`, false},
		{`"soon"`, false, `"soon"`, true},
		{`12`, false, `12`, true},
		{`null`, false, `null`, false},
	}
	for _, tt := range tests {
		var v struct {
			At sdk.Opt[sdk.Time] `json:"at"`
		}
		err := sdk.Decode([]byte(`{"at":`+tt.wire+`}`), &v)
		if _, ok := v.At.Get(); ok != tt.ok {
			t.Errorf("%s: Get() ok = %v, want %v", tt.wire, ok, tt.ok)
		}
		if b, _ := json.Marshal(v.At); string(b) != tt.reEnc {
			t.Errorf("%s: re-encoded as %s", tt.wire, b)
		}
		var de *sdk.DecodeError
		if errors.As(err, &de) != tt.report {
			t.Errorf("%s: Decode error %v, want a report %v", tt.wire, err, tt.report)
		}
	}
}
