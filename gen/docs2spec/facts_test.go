package docs2spec_test

import (
	"bytes"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/gen/docs2spec"
	"github.com/dataforseo-go/dataforseo/gen/spec"
	"github.com/dataforseo-go/dataforseo/spec/contract"
)

func schema(t *testing.T, doc *openapi3.T, name string) *openapi3.Schema {
	t.Helper()
	s := doc.Components.Schemas[name]
	if s == nil {
		t.Fatalf("no component %s", name)
	}
	return s.Value
}

func prop(t *testing.T, s *openapi3.Schema, name string) *openapi3.Schema {
	t.Helper()
	p := s.Properties[name]
	if p == nil {
		t.Fatalf("no property %q", name)
	}
	return p.Value
}

// TestSpecStatesWhatThePagesSay checks facts read off the pages themselves.
func TestSpecStatesWhatThePagesSay(t *testing.T) {
	doc, _ := load(t)
	req := schema(t, doc, "BacklinksReferringDomainsLiveRequest")
	if got := strings.Join(req.Required, ","); got != "target" {
		t.Errorf("required = %s, want target", got)
	}
	limit := prop(t, req, "limit")
	if limit.Default != 100.0 || limit.Max == nil || *limit.Max != 1000 || !limit.Type.Is("integer") || limit.Format != "int64" {
		t.Errorf("limit: default %v max %v type %v %s", limit.Default, limit.Max, limit.Type, limit.Format)
	}
	// Only the tab-separated page states it; the pipe page lost it (rule M2).
	if ill := prop(t, req, "internal_list_limit"); ill.Default != 10.0 || *ill.Max != 1000 {
		t.Errorf("internal_list_limit: default %v max %v", ill.Default, ill.Max)
	}
	bst := prop(t, req, "backlinks_status_type")
	if got := bst.Enum; len(got) != 3 || got[0] != "all" || got[1] != "live" || got[2] != "lost" || bst.Default != "live" {
		t.Errorf("backlinks_status_type: enum %v default %v", got, bst.Default)
	}
	if tag := prop(t, req, "tag"); tag.MaxLength == nil || *tag.MaxLength != 255 {
		t.Errorf("tag maxLength = %v", tag.MaxLength)
	}
	if ob := prop(t, req, "order_by"); ob.MaxItems == nil || *ob.MaxItems != 3 || ob.Items.Ref != "#/components/schemas/"+contract.OrderByRule {
		t.Errorf("order_by: %+v", ob)
	}
	if f := prop(t, req, "filters"); f.Extensions[contract.ExtMaxConditions] != 8.0 || len(f.AnyOf) != 2 {
		t.Errorf("filters: extensions %v anyOf %d", f.Extensions, len(f.AnyOf))
	}
	if nat := prop(t, schema(t, doc, "BacklinksReferringNetworksLiveRequest"), "network_address_type"); len(nat.Enum) != 2 || nat.Default != "ip" {
		t.Errorf("network_address_type: enum %v default %v", nat.Enum, nat.Default)
	}
	if tg := prop(t, schema(t, doc, "BacklinksBulkReferringDomainsLiveRequest"), "targets"); tg.MaxItems == nil || *tg.MaxItems != 1000 || !tg.Items.Value.Type.Is("string") {
		t.Errorf("targets: %+v", tg)
	}
	rs := prop(t, schema(t, doc, "BacklinksBulkPagesSummaryLiveRequest"), "rank_scale")
	if len(rs.Enum) != 2 || rs.Default != "one_thousand" {
		t.Errorf("rank_scale: enum %v default %v", rs.Enum, rs.Default)
	}

	item := schema(t, doc, "BacklinksReferringDomainsItem")
	if _, bad := item.Properties["referring ips"]; bad || item.Properties["referring_ips"] == nil {
		t.Error("the table's \"referring ips\" did not take the example's name referring_ips")
	}
	tld := prop(t, item, "referring_links_tld")
	if ap := tld.AdditionalProperties.Schema; ap == nil || !ap.Value.Type.Is("integer") || len(tld.Properties) != 0 {
		t.Errorf("referring_links_tld is not a map of integer: %+v", tld)
	}
	if fs := prop(t, item, "first_seen"); fs.Format != contract.DateTimeFormat {
		t.Errorf("first_seen format %q", fs.Format)
	}
	if ld := prop(t, item, "lost_date"); !ld.Nullable || ld.Format != contract.DateTimeFormat {
		t.Errorf("lost_date: nullable %v format %q", ld.Nullable, ld.Format)
	}
	if rank := prop(t, item, "rank"); !rank.Type.Is("integer") {
		t.Errorf("rank type %v", rank.Type)
	}
	if cost := prop(t, schema(t, doc, contract.ResponseEnvelope), "cost"); !cost.Type.Is("number") || cost.Format != "double" {
		t.Errorf("cost: %v %s", cost.Type, cost.Format)
	}
	// The bulk page indents target inconsistently; the example puts it in the items.
	if prop(t, schema(t, doc, "BacklinksBulkReferringDomainsItem"), "target") == nil {
		t.Error("target is not in the bulk items")
	}
	// Pages only show null for referring_links_attributes here (rule E5).
	attrs := prop(t, schema(t, doc, "BacklinksBulkPagesSummaryItem"), "referring_links_attributes")
	if ap := attrs.AdditionalProperties.Schema; ap == nil || !ap.Value.Type.Is("integer") || !attrs.Nullable {
		t.Errorf("referring_links_attributes: %+v", attrs)
	}
}

// TestReportListsResolutions checks that the report names each kind of
// disagreement the seed pages contain.
func TestReportListsResolutions(t *testing.T) {
	_, _, report, err := docs2spec.Generate(pagesDir)
	if err != nil {
		t.Fatal(err)
	}
	const rd = "/v3/backlinks/referring_domains/live"
	for _, c := range []struct {
		path, kind string
		min        int
	}{
		{rd, "name", 4},  // referring ips/subnets on two pages
		{rd, "merge", 2}, // internal_list_limit's default and maximum
		{rd, "map", 6},   // the referring_links_* objects
		{"/v3/backlinks/bulk_referring_domains/live", "nesting", 5},
		{"/v3/backlinks/bulk_pages_summary/live", "borrowed", 1},
	} {
		if got := report.Count("POST", c.path, c.kind); got < c.min {
			t.Errorf("%s: %d %q entries, want at least %d", c.path, got, c.kind, c.min)
		}
	}
	md := report.Markdown()
	for _, want := range []string{`table writes "referring ips", the example "referring_ips"`, `default "10" is stated on 002_595796c15641422e.txt, missing on 001_77c9ab45a683c1bd.txt`} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

// TestDeterministic: the same pages give the same bytes, whatever order
// the builder receives them in.
func TestDeterministic(t *testing.T) {
	pages, err := docs2spec.ReadPages(pagesDir)
	if err != nil {
		t.Fatal(err)
	}
	var first, firstReport []byte
	for i := range 5 {
		rand.Shuffle(len(pages), func(a, b int) { pages[a], pages[b] = pages[b], pages[a] })
		doc, report, err := spec.Build(pages)
		if err != nil {
			t.Fatal(err)
		}
		y, err := spec.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first, firstReport = y, []byte(report.Markdown())
			continue
		}
		if !bytes.Equal(first, y) || !bytes.Equal(firstReport, []byte(report.Markdown())) {
			t.Fatal("two builds of the same pages differ")
		}
	}
}

// TestCommittedSpecIsCurrent fails when spec/openapi.yaml or spec/REPORT.md
// is not what `make generate` writes from spec/pages.
func TestCommittedSpecIsCurrent(t *testing.T) {
	_, yaml, report, err := docs2spec.Generate(pagesDir)
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string][]byte{"../../spec/openapi.yaml": yaml, "../../spec/REPORT.md": []byte(report.Markdown())} {
		got, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run make generate", file)
		}
	}
}

func BenchmarkGenerate(b *testing.B) {
	var size int64
	entries, _ := os.ReadDir(pagesDir)
	for _, e := range entries {
		info, _ := e.Info()
		size += info.Size()
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, _, err := docs2spec.Generate(pagesDir); err != nil {
			b.Fatal(err)
		}
	}
}

// TestEveryExampleInSpec: the spec carries every example of every page,
// but those the report says were rejected; the golden tests read them
// from the spec.
func TestEveryExampleInSpec(t *testing.T) {
	pages, err := docs2spec.ReadPages(pagesDir)
	if err != nil {
		t.Fatal(err)
	}
	built, report, err := spec.Build(pages)
	if err != nil {
		t.Fatal(err)
	}
	yaml, err := spec.Marshal(built)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := openapi3.NewLoader().LoadFromData(yaml)
	if err != nil {
		t.Fatal(err)
	}
	total, inSpec := 0, 0
	seen := map[string]bool{}
	for _, p := range pages {
		if p.Method == "" {
			continue // a page that documents no endpoint
		}
		total += len(p.ResponseExamples) + len(p.RequestExamples)
		key := p.Method + " " + p.Path
		if seen[key] {
			continue
		}
		seen[key] = true
		op := doc.Paths.Value(p.Path).GetOperation(p.Method)
		inSpec += len(op.Responses.Status(200).Value.Content.Get("application/json").Examples)
		if op.RequestBody != nil {
			inSpec += len(op.RequestBody.Value.Content.Get("application/json").Examples)
		}
	}
	rejected := 0
	for _, er := range report.Endpoints {
		for _, e := range er.Entries {
			if e.Kind == "example-rejected" {
				rejected++
			}
		}
	}
	if inSpec+rejected != total {
		t.Errorf("the spec has %d examples and the report rejects %d, the pages have %d", inSpec, rejected, total)
	}
}
