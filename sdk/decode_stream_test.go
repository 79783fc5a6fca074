package sdk

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The streaming wire walk (checkWire) against the tree walk it replaced
// (treeCheckWire, decode_oracle_test.go): on every corpus the same
// problems in the same order, with the same paths and reasons, and wire
// texts that are the same JSON value.

type eqText struct{ s string } // an encoding.TextUnmarshaler

func (t *eqText) UnmarshalText(b []byte) error { t.s = string(b); return nil }

type eqSelf struct{} // a json.Unmarshaler

func (*eqSelf) UnmarshalJSON([]byte) error { return nil }

type eqStringer interface{ String() string }

type eqBase struct {
	ID   int64 `json:"id"`
	Name string
}

// eqNode has a field for each rule of the walk.
type eqNode struct {
	eqBase
	Skip   int                `json:"-"`
	I8     int8               `json:"i8"`
	U16    uint16             `json:"u16,omitempty"`
	F32    float32            `json:"f32"`
	B      bool               `json:"b"`
	S      string             `json:"s"`
	Bytes  []byte             `json:"bytes"`
	Arr    [2]int             `json:"arr"`
	Opt    Opt[int64]         `json:"opt"`
	OptS   Opt[eqBase]        `json:"opt_s"`
	When   Time               `json:"when"`
	WhenO  Opt[Time]          `json:"when_o"`
	F      Filter             `json:"f"`
	Text   eqText             `json:"text"`
	Self   eqSelf             `json:"self"`
	Iface  eqStringer         `json:"iface"`
	Any    any                `json:"any"`
	ByInt  map[int8]string    `json:"by_int"`
	ByU    map[uint]float64   // no tag: the key is "ByU", in any case
	ByText map[eqText]int     `json:"by_text"`
	ByStr  map[string]*eqNode `json:"by_str"`
	Kids   []eqNode           `json:"kids"`
	Next   *eqNode            `json:"next"`
	Ptr    **int64            `json:"ptr"`
}

// eqTypes are the types the walks are compared on.
var eqTypes = []reflect.Type{
	reflect.TypeFor[*eqNode](),
	reflect.TypeFor[[]int64](),
	reflect.TypeFor[map[string]int8](),
	reflect.TypeFor[map[int16]Opt[Time]](),
	reflect.TypeFor[any](),
	reflect.TypeFor[Filter](),
	reflect.TypeFor[Opt[[]eqBase]](),
	reflect.TypeFor[[3]uint8](),
	reflect.TypeFor[[]byte](),
	reflect.TypeFor[eqStringer](),
	reflect.TypeFor[*eqSelf](),
}

// compareWalks runs both walks on data against t and returns what differs.
func compareWalks(data []byte, t reflect.Type, strict bool) string {
	old, oldErr := treeCheckWire(data, t, strict)
	got, omitted, err := checkWire(data, t, strict)
	switch {
	case oldErr != nil || err != nil:
		return fmt.Sprintf("errors: tree walk %v, stream walk %v", oldErr, err)
	case len(old) > MaxDecodeProblems:
		if len(got) != MaxDecodeProblems || omitted != len(old)-MaxDecodeProblems {
			return fmt.Sprintf("%d problems, %d omitted; want %d and %d", len(got), omitted, MaxDecodeProblems, len(old)-MaxDecodeProblems)
		}
		return ""
	case omitted != 0:
		return fmt.Sprintf("%d problems omitted", omitted)
	}
	return cmp.Diff(sameWire(old, got), got)
}

// sameWire returns want with each Wire replaced by the one in got when
// both are the same JSON value, or both were cut: the tree walk re-encoded
// the value (keys sorted, strings re-escaped) where the stream walk keeps
// its text.
func sameWire(want, got []DecodeProblem) []DecodeProblem {
	out := append([]DecodeProblem(nil), want...)
	for i := range min(len(out), len(got)) {
		a, b := out[i].Wire, got[i].Wire
		cut := func(s string) bool { return strings.HasSuffix(s, "…") }
		if (cut(a) || cut(b)) && len(b) <= maxWire+len("…") || canonicalJSON(a) == canonicalJSON(b) {
			out[i].Wire = b
		}
	}
	return out
}

func canonicalJSON(s string) string {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return "invalid: " + s
	}
	b, _ := marshalNoEscape(v)
	return string(b)
}

func checkSame(t *testing.T, name string, data []byte) {
	t.Helper()
	for _, typ := range eqTypes {
		for _, strict := range []bool{false, true} {
			if diff := compareWalks(data, typ, strict); diff != "" {
				t.Errorf("%s: %s against %v (strict %v): the stream walk differs from the tree walk (-tree +stream):\n%s", name, data, typ, strict, diff)
			}
		}
	}
}

// eqValues are wire values for every field of eqNode, fitting or not.
var eqValues = []string{
	`null`, `true`, `false`, `0`, `-1`, `1.5`, `4.0`, `1e3`, `127`, `128`, `-129`, `65535`, `65536`, `-0`,
	`9223372036854775808`, `3.5e38`, `1e400`, `""`, `"x"`, `"AQID"`, `"2019-11-15 12:57:46 +00:00"`,
	`"2019-11-15T12:57:46Z"`, `"\u0032019-11-15 12:57:46 +00:00"`, `"soon"`, `"é\u00e9\n<>&\u2028"`,
	`[]`, `[1,2]`, `[1,2,3]`, `[1.5,"x",null]`, `{}`, `{"id":1}`, `{"id":1.5,"Name":2}`, `{"a":1}`,
	`["f","=",1]`, `[["a","=",1],"and",["b","<",2]]`, `[["a","=",1]]`, `["f"]`, `[["a","=",1],"xor",["b","<",2]]`,
	`{"1":"a","-5":"b","300":"c","x":"d"}`, `{"b":{"f":["x"]},"a":{"when":1}}`, `[{"i8":300},{"u16":-1}]`,
}

// eqKeys are the keys of eqNode, in their cases and others.
var eqKeys = []string{
	"id", "ID", "Name", "name", "NAME", "Skip", "i8", "I8", "u16", "f32", "b", "s", "bytes", "arr", "opt", "opt_s",
	"when", "when_o", "f", "text", "self", "iface", "any", "by_int", "byu", "ByU", "by_text", "by_str", "kids",
	"next", "ptr", "unknown", "", "co.uk", "1", "-5", "300",
}

func TestStreamWalkCorpus(t *testing.T) {
	for _, key := range eqKeys {
		for _, v := range eqValues {
			checkSame(t, "one member", []byte(fmt.Sprintf(`{%q:%s}`, key, v)))
		}
	}
	for _, v := range eqValues {
		checkSame(t, "a value", []byte(v))
		checkSame(t, "nested", []byte(`{"kids":[{"next":{"by_str":{"k":{"opt_s":`+v+`}}}},{"i8":`+v+`}],"by_int":{"7":`+v+`}}`))
	}
	for name, doc := range map[string]string{
		"keys in reverse":        `{"when":"x","s":1,"i8":1.5,"b":0,"arr":{},"Name":3}`,
		"repeated key, then ok":  `{"i8":1.5,"s":1,"i8":2}`,
		"repeated key, then bad": `{"i8":1.5,"s":1,"i8":"x"}`,
		"repeated thrice":        `{"kids":[{"i8":"a"}],"b":1,"kids":[{"i8":"b"},{"s":1}],"kids":null}`,
		"repeated by escape":     `{"i8":1.5,"\u0069\u0038":"x"}`,
		"escaped keys":           `{"by_str":{"a\"b":{"i8":1.5},"a\u00e9":{"s":1},"a\ud800":{"b":1}}}`,
		"case variants":          `{"RANK":1,"NAME":1,"name":2,"Name":3}`,
		"many repeats":           `{"by_int":{"1":1,"1":2,"2":3,"3":4,"1":5,"x":6,"x":7,"2":"ok","9":8,"10":9,"11":0,"12":1,"13":2,"14":3,"15":4,"16":5,"17":6,"18":7,"1":"ok","19":1}}`,
		"white space":            " {\n\t\"kids\" : [ { \"i8\" : 1.5 } , {\"opt_s\": { \"id\" : [ 1 , 2 ] } } ] ,\r\n \"f\" : [ \"x\" ] }\n",
		"long misfit":            `{"i8":"` + strings.Repeat("abcdefghij", 30) + `","s":[` + strings.Repeat(`"x", `, 100) + `"y"]}`,
		"long multibyte":         `{"i8":"` + strings.Repeat("é", 150) + `"}`,
		"invalid UTF-8":          "{\"i8\":\"a\xff\xfeb\",\"by_str\":{\"k\xff\":{\"s\":1}}}",
	} {
		checkSame(t, name, []byte(doc))
	}
}

// TestStreamWalkRandom compares the walks on random documents: random
// members of eqNode's (and other) keys, random values, repeated keys,
// random white space.
func TestStreamWalkRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(10, 5))
	n := 3000
	if testing.Short() {
		n = 300
	}
	for range n {
		g := jsonGen{r: r}
		g.value(0)
		checkSame(t, "random", []byte(g.b.String()))
	}
}

type jsonGen struct {
	r *rand.Rand
	b strings.Builder
}

func (g *jsonGen) space() {
	if g.r.IntN(4) == 0 {
		g.b.WriteString([]string{" ", "\n", "\t", "\r\n  "}[g.r.IntN(4)])
	}
}

func (g *jsonGen) value(depth int) {
	g.space()
	kinds := 10
	if depth > 4 {
		kinds = 7 // scalars and filters
	}
	switch g.r.IntN(kinds) {
	case 0, 1, 2, 3, 4, 5:
		g.b.WriteString(eqValues[g.r.IntN(len(eqValues))])
	case 6:
		g.b.WriteString([]string{`["f","=",1]`, `[["a","=",1],"and",["b","<",2]]`, `[]`, `["f",1,1]`}[g.r.IntN(4)])
	case 7, 8:
		g.b.WriteByte('{')
		for i := range g.r.IntN(6) {
			if i > 0 {
				g.b.WriteByte(',')
			}
			g.space()
			fmt.Fprintf(&g.b, "%q", eqKeys[g.r.IntN(len(eqKeys))])
			g.space()
			g.b.WriteByte(':')
			g.value(depth + 1)
		}
		g.space()
		g.b.WriteByte('}')
	case 9:
		g.b.WriteByte('[')
		for i := range g.r.IntN(4) {
			if i > 0 {
				g.b.WriteByte(',')
			}
			g.value(depth + 1)
		}
		g.b.WriteByte(']')
	}
	g.space()
}

// maxJSONDepth is encoding/json's nesting limit.
const maxJSONDepth = 10000

// TestStreamWalkSyntax checks the walk accepts what encoding/json accepts
// and nothing else, and never panics: the options of its jsontext
// decoder, and the end of the input, are set right.
func TestStreamWalkSyntax(t *testing.T) {
	docs := []string{
		``, ` `, `{`, `}`, `[`, `[1,]`, `[,1]`, `{"a"}`, `{"a":}`, `{"a":1,}`, `{,}`, `{1:2}`, `{"a":1 "b":2}`,
		`01`, `-`, `1.`, `.5`, `1e`, `1e+`, `+1`, `0x10`, `NaN`, `tru`, `nul`, `nullx`, `"abc`, `"a\`, `"a\x"`,
		`"\u12"`, `"\u12G4"`, "\"a\tb\"", "\"a\x00\"", `[1] [2]`, `{} x`, "{}\x00", "\x00", "[\x00]", `"ok"`, ` [ 1 , -0.5e-3 , "\"" ] `,
		strings.Repeat("[", maxJSONDepth) + strings.Repeat("]", maxJSONDepth),
		strings.Repeat("[", maxJSONDepth+1) + strings.Repeat("]", maxJSONDepth+1),
		strings.Repeat(`{"kids":[`, maxJSONDepth/2) + strings.Repeat("]}", maxJSONDepth/2),
	}
	for _, doc := range docs {
		for _, typ := range eqTypes {
			_, _, err := checkWire([]byte(doc), typ, true)
			if valid := json.Valid([]byte(doc)); (err == nil) != valid {
				t.Errorf("%.40q against %v: error %v; json.Valid says %v", doc, typ, err, valid)
			}
		}
	}
}

// FuzzCheckWire compares the walks on random input: the stream walk fails
// exactly on what is not JSON, and finds what the tree walk finds.
func FuzzCheckWire(f *testing.F) {
	for _, v := range eqValues {
		f.Add([]byte(`{"kids":[{"i8":` + v + `}],"by_int":{"7":` + v + `},"when":` + v + `}`))
	}
	f.Add([]byte(`{"i8":1.5,"s":1,"i8":2,"\u0069\u0038":"x"}`))
	f.Add([]byte("{}\x00")) // found by the fuzzer: a NUL byte taken for the end of the input
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, typ := range eqTypes {
			for _, strict := range []bool{false, true} {
				if !json.Valid(data) {
					if _, _, err := checkWire(data, typ, strict); err == nil {
						t.Fatalf("%q against %v: no error for what is not JSON", data, typ)
					}
					continue
				}
				if diff := compareWalks(data, typ, strict); diff != "" {
					t.Fatalf("%q against %v (strict %v) (-tree +stream):\n%s", data, typ, strict, diff)
				}
			}
		}
	})
}

func TestWireText(t *testing.T) {
	long := strings.Repeat("x", 300)
	tests := []struct{ raw, want string }{
		{`1.5`, `1.5`},
		{"{ \"a\" :\n [ 1 , \"b c\\\" d\" ] }", `{"a":[1,"b c\" d"]}`},
		{`"` + long + `"`, `"` + long[:199] + "…"},
		{`"` + strings.Repeat("é", 150) + `"`, `"` + strings.Repeat("é", 99) + "…"}, // cut on a rune boundary
		{"\"a\xff\xfeb\"", "\"a\uFFFD\uFFFDb\""},
		{"[" + strings.Repeat(" ", 1000) + "1]", "[1]"},
	}
	for _, tt := range tests {
		if got := wireText([]byte(tt.raw)); got != tt.want {
			t.Errorf("wireText(%.40q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}

// TestStreamWalkOrder pins the order rules with explicit problems.
func TestStreamWalkOrder(t *testing.T) {
	const wantI8 = "want int8"
	tests := []struct {
		name, in string
		want     []DecodeProblem
	}{
		{"keys sorted", `{"s":1,"kids":[{"i8":"b"},{"i8":"a"}],"i8":"c"}`, []DecodeProblem{
			{Path: "i8", Wire: `"c"`, Reason: wantI8},
			{Path: "kids[0].i8", Wire: `"b"`, Reason: wantI8},
			{Path: "kids[1].i8", Wire: `"a"`, Reason: wantI8},
			{Path: "s", Wire: "1", Reason: "want string"},
		}},
		{"the last of a repeated key", `{"i8":1.5,"s":1,"i8":2,"b":"x","b":"y"}`, []DecodeProblem{
			{Path: "b", Wire: `"y"`, Reason: "want boolean"},
			{Path: "s", Wire: "1", Reason: "want string"},
		}},
		{"white space dropped", "{\"opt_s\": {\"id\" : [ 1,\n 2 ]}}", []DecodeProblem{
			{Path: "opt_s.id", Wire: "[1,2]", Reason: "want int64"},
		}},
		{"map keys", `{"by_int":{"x":"a","300":"b","7":1,"-1":"c","co.uk":"d"}}`, []DecodeProblem{
			{Path: "by_int.300", Wire: `"300"`, Reason: "want a map key of type int8"},
			{Path: "by_int.7", Wire: "1", Reason: "want string"},
			{Path: `by_int["co.uk"]`, Wire: `"co.uk"`, Reason: "want a map key of type int8"},
			{Path: "by_int.x", Wire: `"x"`, Reason: "want a map key of type int8"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := checkWire([]byte(tt.in), reflect.TypeFor[*eqNode](), false)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			checkSame(t, tt.name, []byte(tt.in))
		})
	}
}

// Guard against a corpus that checks nothing: the corpus must hold
// problems of every reason the walk gives.
func TestStreamWalkCorpusCoversReasons(t *testing.T) {
	seen := map[string]bool{}
	for _, key := range eqKeys {
		for _, v := range eqValues {
			got, _, _ := checkWire([]byte(fmt.Sprintf(`{%q:%s}`, key, v)), reflect.TypeFor[*eqNode](), true)
			for _, p := range got {
				seen[p.Reason] = true
			}
		}
	}
	var buf bytes.Buffer
	for _, reason := range []string{wantTime, wantFilter, "unknown field", "want string", "want int8", "want uint16",
		"want float32", "want boolean", "want object", "want array", "want base64 string", "want sdk.eqStringer",
		"want a map key of type int8", "want a map key of type uint", "want int64", "want int"} {
		if !seen[reason] {
			fmt.Fprintf(&buf, "\n%s", reason)
		}
	}
	if buf.Len() > 0 {
		t.Errorf("the corpus finds no problem of these reasons:%s", buf.String())
	}
}
