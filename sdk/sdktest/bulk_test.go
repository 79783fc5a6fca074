package sdktest

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/google/go-cmp/cmp"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/backlinks"
)

func domains(n int) []string {
	var ds []string
	for i := range n {
		ds = append(ds, fmt.Sprintf("d%d.example", i))
	}
	return ds
}

// TestBulkEchoesTargets: a bulk endpoint answers one item per requested
// target, naming it, whatever the documented example's targets.
func TestBulkEchoesTargets(t *testing.T) {
	s := NewServer(t)
	bl := backlinks.New(s.Client())
	ctx := context.Background()

	t.Run("referring domains", func(t *testing.T) {
		tests := [][][]string{
			{{"a.com", "https://b.com/page"}},
			{domains(1)},
			{domains(25)}, // more than the example's 10 items: cloned in turn
			{{"a.com"}, {"b.com", "c.com", "a.com"}},
		}
		for _, tasks := range tests {
			var reqs []backlinks.BulkReferringDomainsLiveRequest
			for _, targets := range tasks {
				reqs = append(reqs, backlinks.BulkReferringDomainsLiveRequest{Targets: targets})
			}
			resp, err := bl.BulkReferringDomainsLiveBatch(ctx, reqs)
			if err != nil {
				t.Fatal(err)
			}
			var got [][]string
			for _, task := range resp.Tasks {
				res := task.Result[0]
				var targets []string
				for _, it := range res.Items {
					targets = append(targets, it.Target)
				}
				if res.ItemsCount != int64(len(res.Items)) {
					t.Errorf("items_count %d for %d items", res.ItemsCount, len(res.Items))
				}
				got = append(got, targets)
			}
			if diff := cmp.Diff(tasks, got); diff != "" {
				t.Errorf("item targets (-want +got):\n%s", diff)
			}
		}
	})

	t.Run("cloned in turn", func(t *testing.T) {
		var doc backlinks.BulkReferringDomainsLiveResponse
		if err := sdk.Decode(s.Example("/v3/backlinks/bulk_referring_domains/live"), &doc); err != nil {
			t.Fatal(err)
		}
		example := doc.Tasks[0].Result[0].Items
		resp, err := bl.BulkReferringDomainsLive(ctx, backlinks.BulkReferringDomainsLiveRequest{Targets: domains(25)})
		if err != nil {
			t.Fatal(err)
		}
		for i, it := range resp.Tasks[0].Result[0].Items {
			want := example[i%len(example)]
			want.Target = it.Target
			if diff := cmp.Diff(want, it); diff != "" {
				t.Errorf("item %d (-want +got):\n%s", i, diff)
			}
		}
	})

	t.Run("pages summary", func(t *testing.T) {
		targets := []string{"https://a.com/", "b.com", "https://c.com/x", "https://a.com/"}
		resp, err := bl.BulkPagesSummaryLive(ctx, backlinks.BulkPagesSummaryLiveRequest{Targets: targets})
		if err != nil {
			t.Fatal(err)
		}
		res := resp.Tasks[0].Result[0]
		var urls []string
		for _, it := range res.Items {
			urls = append(urls, it.URL)
		}
		if diff := cmp.Diff(targets, urls); diff != "" {
			t.Errorf("item urls (-want +got):\n%s", diff)
		}
		if res.ItemsCount != 4 || res.TotalCount != 4 {
			t.Errorf("items_count %d, total_count %d; want 4, 4", res.ItemsCount, res.TotalCount)
		}
	})

	t.Run("raw HTTP", func(t *testing.T) {
		a := send(t, s, "POST", "/v3/backlinks/bulk_referring_domains/live", `[{"targets":["x.com","y.com"]}]`, true)
		items := a.env["tasks"].([]any)[0].(map[string]any)["result"].([]any)[0].(map[string]any)["items"].([]any)
		var got []any
		for _, it := range items {
			got = append(got, it.(map[string]any)["target"])
		}
		if diff := cmp.Diff([]any{"x.com", "y.com"}, got); diff != "" {
			t.Errorf("item targets (-want +got):\n%s", diff)
		}
	})
}

// TestBulkFields checks which fields the rule finds in the spec: a request
// array NAMEs and the item field NAME, or the item field that echoes NAMEs
// in the example.
func TestBulkFields(t *testing.T) {
	cat, err := resolvedCatalog()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]bulkField{}
	for _, op := range cat.ops {
		if len(op.bulk) > 0 {
			got[op.path] = op.bulk
		}
	}
	want := map[string][]bulkField{
		"/v3/ai_optimization/ai_keyword_data/keywords_search_volume/live": {{request: "keywords", item: "keyword", max: 1000}},
		"/v3/backlinks/bulk_pages_summary/live":                           {{request: "targets", item: "url", max: 1000}},
		"/v3/backlinks/bulk_referring_domains/live":                       {{request: "targets", item: "target", max: 1000}},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(bulkField{})); diff != "" {
		t.Errorf("bulk fields of the spec (-want +got):\n%s", diff)
	}

	arr := func(maxItems uint64) *openapi3.SchemaRef {
		s := openapi3.NewArraySchema().WithItems(openapi3.NewStringSchema())
		if maxItems > 0 {
			s.MaxItems = &maxItems
		}
		return s.NewRef()
	}
	task := openapi3.NewObjectSchema().
		WithPropertyRef("keywords", arr(0)).
		WithPropertyRef("targets", arr(5)).
		WithPropertyRef("order_by", arr(3)).
		WithProperty("limit", openapi3.NewIntegerSchema())
	tests := []struct {
		name    string
		example string
		want    []bulkField
	}{
		{"singular fields", `{"tasks":[{"data":{"keywords":["k"],"targets":["t"]},"result":[{"items":[{"keyword":"k","target":"t"}]}]}]}`,
			[]bulkField{{"keywords", "keyword", 1000}, {"targets", "target", 5}}},
		// Keyword ideas: the items are ideas for the seed keywords, not one per seed.
		{"seeds", `{"tasks":[{"data":{"keywords":["seed"]},"result":[{"items":[{"keyword":"idea one"},{"keyword":"idea two"}]}]}]}`, nil},
		{"echoing field", `{"tasks":[{"data":{"keywords":["a","b"]},"result":[{"items":[{"kw":"a","x":"a"},{"kw":"b","x":"c"}]}]}]}`,
			[]bulkField{{"keywords", "kw", 1000}}},
		{"ambiguous echo", `{"tasks":[{"data":{"keywords":["a"]},"result":[{"items":[{"kw":"a","x":"a"}]}]}]}`, nil},
		{"no items", `{"tasks":[{"data":{},"result":[{"items":null}]}]}`, nil},
		{"no tasks", `{"tasks":null}`, nil},
	}
	for _, tt := range tests {
		if !json.Valid([]byte(tt.example)) {
			t.Fatalf("%s: the example is not JSON", tt.name)
		}
		if diff := cmp.Diff(tt.want, bulkFields(task, []byte(tt.example)), cmp.AllowUnexported(bulkField{})); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}
