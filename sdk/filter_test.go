package sdk_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/google/go-cmp/cmp"
)

func TestFilterMarshal(t *testing.T) {
	c1 := sdk.F("referring_pages", ">", "2")
	c2 := sdk.F("backlinks", ">", 10)
	tests := []struct {
		name string
		f    sdk.Filter
		want string
	}{
		{"zero", sdk.Filter{}, `null`},
		{"condition", sdk.F("referring_pages", ">", "1"), `["referring_pages",">","1"]`},
		{"bool value", sdk.F("dofollow", "=", true), `["dofollow","=",true]`},
		{"null value", sdk.F("lost_date", "=", nil), `["lost_date","=",null]`},
		{"in", sdk.F("type", "in", []string{"a", "b"}), `["type","in",["a","b"]]`},
		{"not equal is not escaped", sdk.F("domain", "<>", "a&b"), `["domain","<>","a&b"]`},
		{"and", sdk.And(c1, c2), `[["referring_pages",">","2"],"and",["backlinks",">",10]]`},
		{"and of one", sdk.And(c1), `["referring_pages",">","2"]`},
		{"and of none", sdk.And(sdk.Filter{}, sdk.Filter{}), `null`},
		{"and flattens", sdk.And(sdk.And(c1, c2), c1),
			`[["referring_pages",">","2"],"and",["backlinks",">",10],"and",["referring_pages",">","2"]]`},
		{"nested", sdk.And(sdk.F("first_seen", ">", "2017-10-23 11:31:45 +00:00"),
			sdk.Or(sdk.F("domain", "like", "%dataforseo.com%"), sdk.F("referring_domains", ">", "10"))),
			`[["first_seen",">","2017-10-23 11:31:45 +00:00"],"and",[["domain","like","%dataforseo.com%"],"or",["referring_domains",">","10"]]]`},
		{"time value", sdk.F("first_seen", ">", mustTime(t, "2017-10-23 11:31:45 +00:00")),
			`["first_seen",">","2017-10-23 11:31:45 +00:00"]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.f.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, string(b)); diff != "" {
				t.Errorf("JSON (-want +got):\n%s", diff)
			}
		})
	}
}

func mustTime(t *testing.T, s string) sdk.Time {
	t.Helper()
	ts, err := sdk.ParseTime(s)
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

// TestFilterRoundTrip decodes values of the grammar and re-encodes them
// byte-equal (compact form), numbers keeping their text.
func TestFilterRoundTrip(t *testing.T) {
	tests := []string{
		`["referring_pages",">","1"]`,
		`["backlinks",">",100]`,
		`["rank",">=",1.50]`,
		`["big","=",12345678901234567890]`,
		`["dofollow","=",true]`,
		`["lost_date","=",null]`,
		`["type","not_in",["a",1,false]]`,
		`[["referring_pages",">","2"],"and",["backlinks",">","10"]]`,
		`[["first_seen",">","2017-10-23 11:31:45 +00:00"],"and",[["domain","like","%dataforseo.com%"],"or",["referring_domains",">","10"]]]`,
		`[["a","=",1],"and",["b","=",2],"or",["c","=",3]]`,
		`[["keyword_info.search_volume",">",10]]`, // a group of one, as the Labs examples write it
	}
	for _, in := range tests {
		t.Run(in, func(t *testing.T) {
			var f sdk.Filter
			if err := json.Unmarshal([]byte(in), &f); err != nil {
				t.Fatal(err)
			}
			if sdk.HasWireProblem(&f) {
				t.Error("wire problem reported for a filter of the grammar")
			}
			b, err := f.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(in, string(b)); diff != "" {
				t.Errorf("re-encoded (-want +got):\n%s", diff)
			}
		})
	}
}

// TestFilterKeepsWireValue checks values outside the grammar: kept,
// re-emitted unchanged, reported, refused by Validate.
func TestFilterKeepsWireValue(t *testing.T) {
	tests := []string{
		`"backlinks>10"`,
		`["backlinks",">"]`,
		`[["a","=",1],"xor",["b","=",2]]`,
		`[["a","=",1],"and"]`,
		`{"field":"a"}`,
		`[1,2,3]`,
	}
	for _, in := range tests {
		t.Run(in, func(t *testing.T) {
			var f sdk.Filter
			if err := json.Unmarshal([]byte(in), &f); err != nil {
				t.Fatalf("Unmarshal failed, want lenient: %v", err)
			}
			if !sdk.HasWireProblem(&f) {
				t.Error("no wire problem reported")
			}
			if f.IsZero() {
				t.Error("IsZero() = true for a kept wire value")
			}
			var buf bytes.Buffer
			if err := json.Compact(&buf, []byte(in)); err != nil {
				t.Fatal(err)
			}
			if b, _ := f.MarshalJSON(); string(b) != buf.String() {
				t.Errorf("re-encoded %s, want %s", b, in)
			}
			if f.Validate() == nil {
				t.Error("Validate() = nil for a value outside the grammar")
			}
		})
	}
}

func TestFilterValidate(t *testing.T) {
	c := sdk.F("backlinks", ">", 1)
	nine := make([]sdk.Filter, 9)
	for i := range nine {
		nine[i] = c
	}
	tests := []struct {
		name string
		f    sdk.Filter
		want []sdk.ValidationError // nil: valid
	}{
		{"zero", sdk.Filter{}, nil},
		{"condition", c, nil},
		{"every operator", sdk.And(sdk.F("a", "=", 1), sdk.F("a", "<>", 1), sdk.F("a", "<", 1), sdk.F("a", "<=", 1),
			sdk.F("a", ">", 1), sdk.F("a", ">=", 1), sdk.F("a", "in", []int{1}), sdk.F("a", "not_in", []int{1})), nil},
		{"more operators", sdk.Or(sdk.F("a", "like", "%x"), sdk.F("a", "not_like", "x"), sdk.F("a", "ilike", "x"),
			sdk.F("a", "not_ilike", "x"), sdk.F("a", "regex", "x"), sdk.F("a", "not_regex", "x"), sdk.F("a", "match", "x"),
			sdk.F("a", "not_match", "x")), nil},
		{"has", sdk.And(sdk.F("a", "has", "x"), sdk.F("a", "has_not", "x")), nil},
		{"eight conditions", sdk.And(nine[:8]...), nil},
		{"nine conditions", sdk.And(nine...), []sdk.ValidationError{{Reason: "has 9 conditions, at most 8 are allowed"}}},
		{"nine across groups", sdk.And(sdk.Or(nine[:5]...), sdk.Or(nine[:4]...)),
			[]sdk.ValidationError{{Reason: "has 9 conditions, at most 8 are allowed"}}},
		{"unknown operator", sdk.And(c, sdk.F("rank", "~", 1)),
			[]sdk.ValidationError{{Field: "[2][1]", Reason: `operator "~" is not supported`}}},
		{"empty field", sdk.F("", "=", 1), []sdk.ValidationError{{Field: "[0]", Reason: "the field name is empty"}}},
		{"in without array", sdk.F("a", "in", "x"), []sdk.ValidationError{{Field: "[2]", Reason: "in and not_in need an array value"}}},
		{"array without in", sdk.F("a", "=", []int{1}), []sdk.ValidationError{{Field: "[2]", Reason: "an array value needs the operator in or not_in"}}},
		{"object value", sdk.F("a", "=", map[string]int{"x": 1}),
			[]sdk.ValidationError{{Field: "[2]", Reason: "the value is an object; only strings, numbers, booleans and null are allowed"}}},
		{"nested array", sdk.F("a", "in", [][]int{{1}}),
			[]sdk.ValidationError{{Field: "[2]", Reason: "the array holds a array; only strings, numbers and booleans are allowed"}}},
		{"two errors", sdk.F("", "~", 1), []sdk.ValidationError{
			{Field: "[0]", Reason: "the field name is empty"}, {Field: "[1]", Reason: `operator "~" is not supported`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := validationErrors(tt.f.Validate())
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Validate (-want +got):\n%s", diff)
			}
		})
	}
}

// validationErrors flattens err into the ValidationErrors it joins.
func validationErrors(err error) []sdk.ValidationError {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []sdk.ValidationError
		for _, e := range j.Unwrap() {
			out = append(out, validationErrors(e)...)
		}
		return out
	}
	var ve *sdk.ValidationError
	if !errors.As(err, &ve) {
		return []sdk.ValidationError{{Reason: "not a ValidationError: " + err.Error()}}
	}
	return []sdk.ValidationError{*ve}
}

func TestFilterAccessors(t *testing.T) {
	f := sdk.And(sdk.F("a", "=", 1), sdk.Or(sdk.F("b", "=", 2), sdk.F("c", "=", 3)))
	if got := f.Conditions(); got != 3 {
		t.Errorf("Conditions() = %d, want 3", got)
	}
	if got, want := f.String(), `[["a","=",1],"and",[["b","=",2],"or",["c","=",3]]]`; got != want {
		t.Errorf("String() = %s, want %s", got, want)
	}
	var decoded sdk.Filter
	if err := json.Unmarshal([]byte(f.String()), &decoded); err != nil {
		t.Fatal(err)
	}
	if !cmp.Equal(f, decoded) {
		t.Error("a decoded filter is not Equal to the filter it was encoded from")
	}
	if cmp.Equal(f, sdk.F("a", "=", 1)) {
		t.Error("different filters are Equal")
	}
}

// FuzzFilterUnmarshal: any JSON decodes into a Filter without a panic, and
// what decodes as the grammar re-encodes to JSON that decodes the same.
func FuzzFilterUnmarshal(f *testing.F) {
	for _, s := range []string{`["a","=",1]`, `[["a","=",1],"and",["b",">",2]]`, `[["a","=",1]]`, `["a"]`, `[]`, `[[]]`, `null`, `"x"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var flt sdk.Filter
		if json.Unmarshal(data, &flt) != nil {
			return
		}
		_ = flt.Validate()
		_ = flt.Conditions()
		b, err := json.Marshal(flt)
		if err != nil {
			return
		}
		var again sdk.Filter
		if err := json.Unmarshal(b, &again); err != nil {
			t.Fatalf("re-encoded %s does not decode: %v", b, err)
		}
	})
}
