package sdk_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dataforseo-go/dataforseo/sdk"
)

// The types below are written as sdkgen writes a polymorphic array's
// (sums_gen.go): an interface, a struct per kind, an Unknown struct, the
// Kinds, and the holders' UnmarshalJSON.

type element interface {
	Kind() string
	isElement()
}

type organicElement struct {
	Type  string          `json:"type"`
	Rank  int64           `json:"rank"`
	Title sdk.Opt[string] `json:"title,omitzero"`
}

type questionsElement struct {
	Type  string     `json:"type"`
	Items []question `json:"items"`
}

type unknownElement struct{ sdk.UnknownKind }

func (*organicElement) Kind() string   { return "organic" }
func (*organicElement) isElement()     {}
func (*questionsElement) Kind() string { return "questions" }
func (*questionsElement) isElement()   {}
func (*unknownElement) isElement()     {}

var elementKinds = sdk.NewKinds[element]("type", func(u sdk.UnknownKind) element { return &unknownElement{u} },
	map[string]func() element{
		"organic":   func() element { return new(organicElement) },
		"questions": func() element { return new(questionsElement) },
	})

// question is the nested polymorphic type: inside questionsElement.
type question interface {
	Kind() string
	isQuestion()
}

type shortQuestion struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

type unknownQuestion struct{ sdk.UnknownKind }

func (*shortQuestion) Kind() string  { return "short" }
func (*shortQuestion) isQuestion()   {}
func (*unknownQuestion) isQuestion() {}

var questionKinds = sdk.NewKinds[question]("type", func(u sdk.UnknownKind) question { return &unknownQuestion{u} },
	map[string]func() question{"short": func() question { return new(shortQuestion) }})

type sumPage struct {
	Total int64              `json:"total"`
	Items []element          `json:"items"`
	More  sdk.Opt[[]element] `json:"more,omitzero"`
	First element            `json:"first"`
}

func (x *sumPage) UnmarshalJSON(data []byte) error {
	type plain sumPage
	var v struct {
		*plain
		Items []json.RawMessage `json:"items"`
		More  json.RawMessage   `json:"more"`
		First json.RawMessage   `json:"first"`
	}
	v.plain = (*plain)(x)
	if err := sdk.DecodeHolder(data, &v); err != nil {
		return err
	}
	x.Items = elementKinds.DecodeAll(v.Items)
	x.More = elementKinds.DecodeOpt(v.More)
	x.First = elementKinds.Decode(v.First)
	return nil
}

func (x *questionsElement) UnmarshalJSON(data []byte) error {
	type plain questionsElement
	var v struct {
		*plain
		Items []json.RawMessage `json:"items"`
	}
	v.plain = (*plain)(x)
	if err := sdk.DecodeHolder(data, &v); err != nil {
		return err
	}
	x.Items = questionKinds.DecodeAll(v.Items)
	return nil
}

func init() {
	sdk.RegisterHolder[sumPage]()
	sdk.RegisterHolder[questionsElement]()
}

func TestSumKinds(t *testing.T) {
	const body = `{"total":3,"items":[
		{"type":"organic","rank":1,"title":"a"},
		{"type":"questions","items":[{"type":"short","text":"why?"},{"type":"long","text":"how?","more":[1]}]},
		{"type":"organic","rank":null,"title":null},
		null,
		{"type":"news_carousel","rank":9}],
		"first":{"type":"organic","rank":7}}`
	for _, decode := range []struct {
		name string
		fn   func([]byte, any) error
	}{{"Decode", sdk.Decode}, {"DecodeStrict", sdk.DecodeStrict}} {
		t.Run(decode.name, func(t *testing.T) {
			var p sumPage
			err := decode.fn([]byte(body), &p)
			var de *sdk.DecodeError
			switch {
			case decode.name == "Decode" && err != nil:
				t.Fatalf("an unknown kind is no problem when decoding leniently: %v", err)
			case decode.name == "DecodeStrict":
				// Strict mode reports the kinds it has no type for, with their paths.
				if !errors.As(err, &de) {
					t.Fatalf("DecodeStrict: %v, want a *DecodeError", err)
				}
				var paths []string
				for _, pr := range de.Problems {
					paths = append(paths, pr.Path+": "+pr.Reason)
				}
				want := []string{
					"items[1].items[1]: unknown kind long: the SDK has no type for it",
					"items[4]: unknown kind news_carousel: the SDK has no type for it",
				}
				if diff := cmp.Diff(want, paths); diff != "" {
					t.Errorf("strict problems (-want +got):\n%s", diff)
				}
			}
			want := sumPage{Total: 3, Items: []element{
				&organicElement{Type: "organic", Rank: 1, Title: sdk.String("a")}, // a known kind
				&questionsElement{Type: "questions", Items: []question{ // a nested kind, and a nested unknown one
					&shortQuestion{Type: "short", Text: "why?"},
					&unknownQuestion{sdk.UnknownKind{Type: "long", Raw: json.RawMessage(`{"type":"long","text":"how?","more":[1]}`)}},
				}},
				&organicElement{Type: "organic", Title: sdk.Null[string]()}, // a kind whose fields are null
				nil, // a null element
				&unknownElement{sdk.UnknownKind{Type: "news_carousel", Raw: json.RawMessage(`{"type":"news_carousel","rank":9}`)}}, // an unknown kind
			}, First: &organicElement{Type: "organic", Rank: 7}}
			if diff := cmp.Diff(want, p); diff != "" {
				t.Errorf("decoded (-want +got):\n%s", diff)
			}
			// A type switch reads it.
			var seen []string
			for _, e := range p.Items {
				switch e := e.(type) {
				case *organicElement:
					seen = append(seen, "organic "+e.Title.String())
				case *questionsElement:
					seen = append(seen, "questions")
				case *unknownElement:
					seen = append(seen, "unknown "+e.Kind())
				case nil:
					seen = append(seen, "nil")
				}
			}
			if diff := cmp.Diff([]string{"organic a", "questions", "organic <null>", "nil", "unknown news_carousel"}, seen); diff != "" {
				t.Errorf("type switch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSumUnknownBytes: an element of an unknown kind encodes back to the
// bytes it came in, white space, escapes and key order included.
func TestSumUnknownBytes(t *testing.T) {
	raw := "{ \"type\" : \"new_kind\",\n\t\"z\": \"<b>\\u00e9\\\"</b>\", \"a\": [1.50, 2e3] }"
	var p sumPage
	if err := sdk.Decode([]byte(`{"total":1,"items":[`+raw+`]}`), &p); err != nil {
		t.Fatal(err)
	}
	u, ok := p.Items[0].(*unknownElement)
	if !ok {
		t.Fatalf("items[0] is a %T, want *unknownElement", p.Items[0])
	}
	got, err := u.MarshalJSON()
	if err != nil || string(got) != raw {
		t.Errorf("MarshalJSON = %q, %v; want the element as received, %q", got, err, raw)
	}
	// In a body that is already compact, the whole re-encodes byte for
	// byte (as the client's encoder writes JSON: without HTML escapes).
	compact := `{"total":1,"items":[{"type":"new_kind","z":"<b>é\"</b>","a":[1.50,2e3]}],"first":null}`
	var q sumPage
	if err := sdk.DecodeStrict([]byte(compact), &q); err == nil {
		t.Error("DecodeStrict accepted an unknown kind")
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(q); err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSuffix(buf.String(), "\n"); got != compact {
		t.Errorf("re-encoded:\n%s\nwant:\n%s", got, compact)
	}
}

// TestSumMisfit: a value inside a known kind that does not fit its type is
// reported with its path; the rest, the kind's other fields and the other
// elements, is decoded. An element that is not an object is a misfit too.
func TestSumMisfit(t *testing.T) {
	const body = `{"total":2,"items":[
		{"type":"organic","rank":"first","title":"a"},
		{"type":"questions","items":[{"type":"short","text":5}]},
		"organic",
		{"type":"organic","rank":2}]}`
	var p sumPage
	err := sdk.Decode([]byte(body), &p)
	var de *sdk.DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("Decode: %v, want a *DecodeError", err)
	}
	want := []sdk.DecodeProblem{
		{Path: "items[0].rank", Wire: `"first"`, Reason: "want int64"},
		{Path: "items[1].items[0].text", Wire: "5", Reason: "want string"},
		{Path: "items[2]", Wire: `"organic"`, Reason: `want an object of one of the kinds the "type" names`},
	}
	if diff := cmp.Diff(want, de.Problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if p.Total != 2 || len(p.Items) != 4 {
		t.Fatalf("decoded %+v", p)
	}
	if o, ok := p.Items[0].(*organicElement); !ok || o.Title.Value() != "a" || o.Rank != 0 {
		t.Errorf("items[0] = %#v, want the organic element with its title and no rank", p.Items[0])
	}
	if o, ok := p.Items[3].(*organicElement); !ok || o.Rank != 2 {
		t.Errorf("items[3] = %#v, want the organic element ranked 2", p.Items[3])
	}
	if u, ok := p.Items[2].(*unknownElement); !ok || string(u.Raw) != `"organic"` {
		t.Errorf("items[2] = %#v, want an unknown element holding the string", p.Items[2])
	}
}

// TestSumOpt: a polymorphic array that may be missing or null has three
// states.
func TestSumOpt(t *testing.T) {
	for body, want := range map[string]string{
		`{"total":0}`:             "<missing>",
		`{"total":0,"more":null}`: "<null>",
		`{"total":0,"more":[{"type":"organic","rank":1}]}`: "1 organic",
		`{"total":0,"more":[]}`:                            "0 ",
	} {
		var p sumPage
		if err := sdk.DecodeStrict([]byte(body), &p); err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		got := p.More.String()
		if v, ok := p.More.Get(); ok {
			got = strings.TrimSpace(strings.Join(append([]string{string(rune('0' + len(v)))}, kindsOf(v)...), " "))
			if len(v) == 0 {
				got = "0 "
			}
		}
		if got != want {
			t.Errorf("%s: more is %q, want %q", body, got, want)
		}
		out, _ := json.Marshal(p)
		var a, b any
		json.Unmarshal([]byte(body), &a)
		json.Unmarshal(out, &b)
		if m := b.(map[string]any); m["items"] == nil {
			delete(m, "items")
			delete(m, "first")
		}
		if diff := cmp.Diff(a, b); diff != "" {
			t.Errorf("%s re-encoded (-in +out):\n%s", body, diff)
		}
	}
}

func kindsOf(es []element) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Kind())
	}
	return out
}

// TestSumMisfitsConcurrently: a clean body decodes without a problem
// while other decodes find misfits in their kinds at the same time (the
// count they share only makes the clean one check its wire).
func TestSumMisfitsConcurrently(t *testing.T) {
	clean := []byte(`{"total":1,"items":[{"type":"organic","rank":1}]}`)
	bad := []byte(`{"total":1,"items":[{"type":"organic","rank":"x"}]}`)
	var wg sync.WaitGroup
	errs := make(chan error, 400)
	for i := range 400 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var p sumPage
			err := sdk.Decode(map[bool][]byte{true: clean, false: bad}[i%2 == 0], &p)
			switch {
			case i%2 == 0 && err != nil:
				errs <- err
			case i%2 == 1 && err == nil:
				errs <- errors.New("a misfit was not reported")
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// FuzzSumDecode: any JSON decodes into a holder of polymorphic arrays
// without a panic, and what the lenient decoder reports the strict one
// reports too (strict mode adds unknown kinds and fields).
func FuzzSumDecode(f *testing.F) {
	f.Add([]byte(`{"total":1,"items":[{"type":"organic","rank":"x"},{"type":"questions","items":[{"type":"short","text":1}]},"s",null,{"type":"z"}],"more":[{"type":"organic"}],"first":{"type":"questions","items":null}}`))
	f.Add([]byte(`{"items":[{"type":"organic","type":"questions","items":[1]}]}`))
	f.Add([]byte(`{"items":{"type":"organic"},"more":"x","first":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !json.Valid(data) {
			return
		}
		var lenient, strict sumPage
		lerr, serr := sdk.Decode(data, &lenient), sdk.DecodeStrict(data, &strict)
		var ld, sd *sdk.DecodeError
		if !errors.As(lerr, &ld) {
			return // no problem, or encoding/json's own error (the input is not an object)
		}
		if !errors.As(serr, &sd) {
			t.Fatalf("%s: lenient problems %v, strict error %v", data, ld.Problems, serr)
		}
		for _, p := range ld.Problems {
			found := false
			for _, q := range sd.Problems {
				found = found || q == p
			}
			if !found {
				t.Fatalf("%s: lenient problem %+v not among the strict ones %+v", data, p, sd.Problems)
			}
		}
	})
}
