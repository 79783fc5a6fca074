package sdkgen

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/google/go-cmp/cmp"
)

func loadEdge(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/edge.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func field(t *testing.T, s *Section, strct, name string) *Field {
	t.Helper()
	for _, st := range s.Structs {
		if st.Name != strct {
			continue
		}
		for _, f := range st.Fields {
			if f.JSON == name {
				return f
			}
		}
	}
	t.Fatalf("no field %s.%s", strct, name)
	return nil
}

// TestBuildEdgeCases checks the Go type and tag each kind of schema gets.
func TestBuildEdgeCases(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromData(loadEdge(t))
	if err != nil {
		t.Fatal(err)
	}
	sections, err := Build(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(sections) != 1 || sections[0].Package != "widgets" {
		t.Fatalf("sections: %+v", sections)
	}
	s := sections[0]
	for _, c := range []struct{ strct, field, typ, tag string }{
		{"LiveRequest", "kind", "Kind", "kind"},
		{"LiveRequest", "targets", "[]string", "targets"},
		{"LiveRequest", "colors", "[]Colors", "colors,omitempty"},
		{"LiveRequest", "limit", "sdk.Opt[int64]", "limit,omitzero"},
		{"LiveRequest", "since", "sdk.Opt[sdk.Time]", "since,omitzero"},
		{"LiveRequest", "filters", "sdk.Filter", "filters,omitzero"},
		{"LiveRequest", "order_by", "sdk.OrderBy", "order_by,omitempty"},
		{"LiveRequest", "options", "*LiveRequestOptions", "options,omitempty"},
		{"LiveItem", "type", "LiveItemType", "type"},
		{"LiveItem", "url", "string", "url"},
		{"LiveItem", "seen", "sdk.Opt[sdk.Time]", "seen,omitzero"},
		{"LiveItem", "score", "sdk.Opt[float64]", "score,omitzero"},
		{"LiveItem", "counts", "map[string]int64", "counts"},
		{"LiveItem", "anything", "map[string]any", "anything"},
		{"LiveItem", "spell", "*LiveItemSpell", "spell"},
		{"LiveItem", "ids", "[]sdk.Opt[int64]", "ids"},
		{"LiveItem", "sometimes", "sdk.Opt[string]", "sometimes,omitzero"},
		{"LiveItem", "tags", "[]string", "tags,omitzero"},
		{"TaskGetResult", "type", "TaskGetResultType", "type"},
		{"TaskGetResult", "elements", "[]Element", "elements"},
		{"TaskGetResult", "maybe", "sdk.Opt[[]Element]", "maybe,omitzero"},
		{"TaskGetResult", "first", "Element", "first"},
		{"TaskGetResult", "detail", "sdk.Opt[LiveItemSpell]", "detail,omitzero"},
		{"AlphaItem", "parts", "[]AlphaItemPart", "parts,omitzero"},
	} {
		f := field(t, s, c.strct, c.field)
		if got := goSource(f.Type); got != c.typ || f.Tag != c.tag {
			t.Errorf("%s.%s: %s `json:%q`, want %s `json:%q`", c.strct, c.field, got, f.Tag, c.typ, c.tag)
		}
	}
	if f := field(t, s, "LiveItem", "url"); f.Name != "URL" {
		t.Errorf("url is named %s", f.Name)
	}
	if f := field(t, s, "AlphaItem", "kind"); f.Name == KindMethod {
		t.Errorf("a kind's field %q is named like its method %s", f.JSON, KindMethod)
	}
	var sums []string
	for _, sum := range s.Sums {
		var kinds []string
		for _, k := range sum.Kinds {
			kinds = append(kinds, k.Value+"="+k.Struct.Name)
		}
		sums = append(sums, sum.Name+"/"+sum.Unknown+": "+strings.Join(kinds, " "))
	}
	if diff := cmp.Diff([]string{"AlphaItemPart/UnknownAlphaItemPart: beta=BetaElement gamma=GammaItem", "Element/UnknownElement: alpha=AlphaItem beta=BetaElement"}, sums); diff != "" {
		t.Errorf("sums (-want +got):\n%s", diff)
	}
	var ops []string
	for _, o := range s.Ops {
		ops = append(ops, o.Method+" "+o.Name+" "+strings.Join(o.PathParams, ","))
	}
	if diff := cmp.Diff([]string{"POST Live ", "GET TaskGet id"}, ops); diff != "" {
		t.Errorf("operations (-want +got):\n%s", diff)
	}
	if p := s.Ops[0].Pager; p == nil || p.MaxLimit != 500 || p.Item.Name != "LiveItem" {
		t.Errorf("pager: %+v", p)
	}
	var enums []string
	for _, e := range s.Enums {
		enums = append(enums, e.Name)
	}
	// Two "type" enums with different values, one struct each: a tie, so
	// each is named by its struct, whichever is met first.
	if diff := cmp.Diff([]string{"Colors", "Kind", "LiveItemType", "TaskGetResultType"}, enums); diff != "" {
		t.Errorf("enums (-want +got):\n%s", diff)
	}
}

// TestEnumNamesOrderIndependent: the enum names do not depend on the
// order the generator meets the fields in (the live endpoint's path moved
// after task_get's), and the list of values most structs have takes the
// bare name.
func TestEnumNamesOrderIndependent(t *testing.T) {
	enums := func(spec string) map[string]string {
		t.Helper()
		doc, err := openapi3.NewLoader().LoadFromData([]byte(spec))
		if err != nil {
			t.Fatal(err)
		}
		sections, err := Build(doc)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, st := range sections[0].Structs {
			for _, f := range st.Fields {
				if e := f.Base.Enum; e != nil {
					out[st.Name+"."+f.JSON] = e.Name
				}
			}
		}
		return out
	}
	edge := string(loadEdge(t))
	moved := strings.Replace(edge, "  /v3/widgets/live:\n", "  /v3/widgets/zz/live:\n", 1)
	if moved == edge {
		t.Fatal("the edit did not apply")
	}
	want := enums(edge)
	if diff := cmp.Diff(want, enums(moved)); diff != "" {
		t.Errorf("enum names depend on the order (-first +moved):\n%s", diff)
	}
	// "kind" with the values [big, small] in two structs and [tall] in
	// one: the first list takes the bare name. "type" says nothing alone:
	// always qualified.
	more := strings.Replace(edge, "        type: {type: string, enum: [task, other]}\n",
		"        type: {type: string, enum: [task, other]}\n        kind: {type: string, enum: [tall]}\n"+
			"        again: {$ref: '#/components/schemas/WidgetsTaskGetResultAgain'}\n", 1) +
		"    WidgetsTaskGetResultAgain:\n      type: object\n      properties: {kind: {type: string, enum: [big, small]}}\n"
	got := enums(more)
	if got["LiveRequest.kind"] != "Kind" || got["TaskGetResultAgain.kind"] != "Kind" || got["TaskGetResult.kind"] != "TaskGetResultKind" ||
		got["LiveItem.type"] != "LiveItemType" {
		t.Errorf("enum names: %v", got)
	}
}

func goSource(t *GoType) string {
	switch t.Kind {
	case Time:
		return "sdk.Time"
	case Filter:
		return "sdk.Filter"
	case OrderBy:
		return "sdk.OrderBy"
	case Slice:
		return "[]" + goSource(t.Elem)
	case Map:
		return "map[string]" + goSource(t.Elem)
	case OptK:
		return "sdk.Opt[" + goSource(t.Elem) + "]"
	case Pointer:
		return "*" + goSource(t.Elem)
	}
	return t.Name
}

// TestGeneratedEdgeCodeTypeChecks generates the edge-case package and
// type-checks it against the real sdk package.
func TestGeneratedEdgeCodeTypeChecks(t *testing.T) {
	files, err := Generate(loadEdge(t))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var parsed []*ast.File
	var names []string
	for p := range files {
		if strings.HasPrefix(p, "widgets/") {
			names = append(names, p)
		}
	}
	slices.Sort(names)
	for _, p := range names {
		f, err := parser.ParseFile(fset, p, files[p], parser.ParseComments)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		parsed = append(parsed, f)
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	if _, err := conf.Check("github.com/dataforseo-go/dataforseo/sdk/widgets", fset, parsed, nil); err != nil {
		t.Fatalf("generated code does not type-check: %v", err)
	}
	for _, want := range []string{
		"func (s *Service) TaskGet(ctx context.Context, id string, opts ...sdk.CallOption) (*TaskGetResponse, error)",
		`Endpoint: "/v3/widgets/task_get/{id}",`,
		`Path:     "/v3/widgets/task_get/" + url.PathEscape(id),`,
		"func (s *Service) Live(ctx context.Context, task LiveRequest, opts ...sdk.CallOption) (*LiveResponse, error)",
		"func (s *Service) LiveBatch(ctx context.Context, tasks []LiveRequest, opts ...sdk.CallOption) (*LiveResponse, error)",
		"func (s *Service) LiveAll(ctx context.Context, task LiveRequest, opts ...sdk.CallOption) iter.Seq2[LiveItem, error]",
	} {
		if !strings.Contains(string(files["widgets/service_gen.go"]), want) {
			t.Errorf("service_gen.go lacks %q", want)
		}
	}
	for _, want := range []string{
		"type Element interface {",
		"func (*BetaElement) isElement() {}",
		"func (*BetaElement) isAlphaItemPart() {}",
		"func (*AlphaItem) Kind() string {",
		"type UnknownElement struct {\n\tsdk.UnknownKind\n}",
		`var elementKinds = sdk.NewKinds[Element]("type"`,
		"x.Maybe = elementKinds.DecodeOpt(v.Maybe)",
		"x.Elements = elementKinds.DecodeAll(v.Elements)",
		"x.First = elementKinds.Decode(v.First)",
		"x.Parts = alphaItemPartKinds.DecodeAll(v.Parts)",
		"sdk.RegisterHolder[TaskGetResult]()",
		"sdk.RegisterHolder[AlphaItem]()",
	} {
		if !strings.Contains(string(files["widgets/sums_gen.go"]), want) {
			t.Errorf("sums_gen.go lacks %q", want)
		}
	}
	for _, want := range []string{
		// a holder decoded twice is left to encoding/json, which replaces its polymorphic fields
		"if x.Elements != nil || x.First != nil || x.Maybe.IsSet() {\n\t\treturn sdk.JXNotFast(d, nil)",
		"return elementKinds.JXAll(d, &x.Elements)",
		"return elementKinds.JXOne(d, &x.First)",
		"return elementKinds.JXOpt(d, &x.Maybe)",
		"return sdk.JXKind(&x.Type, d)",                                    // a kind's discriminator
		"return sdk.JXSlice(d, &x.LiveRequest.Colors, (*Colors).DecodeJX)", // the embedded request's fields
		"return sdk.JXValue(&x.LiveRequest.Filters, d)",
		"return sdk.JXSkip(d, key)",
		"return sdk.JXSliceCap(d, &x.Items, (*LiveItem).DecodeJX, x.ItemsCount.Value())", // sized by the count before it
		"return sdk.JXMapInt64(d, &x.Counts)",
	} {
		if !strings.Contains(string(files["widgets/decode_gen.go"]), want) {
			t.Errorf("decode_gen.go lacks %q", want)
		}
	}
	for _, want := range []string{`sdk.ValidateField("options", v.Validate())`, `"must be at most 500"`, `"must be at least 0.5"`, `"must be at most 5 characters"`, `sdk.ValidateFilter(v, 3)`, `"colors[%d]"`} {
		if !strings.Contains(string(files["widgets/validate_gen.go"]), want) && !strings.Contains(string(files["widgets/validate_gen.go"]), strings.ReplaceAll(want, "  ", " ")) {
			t.Errorf("validate_gen.go lacks %s", want)
		}
	}
}

// TestGenerateIsDeterministic: the same spec gives the same bytes.
func TestGenerateIsDeterministic(t *testing.T) {
	a, err := Generate(loadEdge(t))
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		b, err := Generate(loadEdge(t))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(a, b); diff != "" {
			t.Fatalf("two runs differ:\n%s", diff)
		}
	}
}

// TestEnvelopeDrift: a field the shared envelope gains fails the generator.
func TestEnvelopeDrift(t *testing.T) {
	spec := strings.Replace(string(loadEdge(t)), "properties: {id: {type: string}}", "properties: {id: {type: string}, queue: {type: string}}", 1)
	_, err := Generate([]byte(spec))
	if err == nil || !strings.Contains(err.Error(), `TaskEnvelope has a field "queue"`) {
		t.Fatalf("Generate = %v, want the envelope drift named", err)
	}
}

func BenchmarkGenerate(b *testing.B) {
	data, err := os.ReadFile("../../spec/openapi.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Generate(data); err != nil {
			b.Fatal(err)
		}
	}
}
