package golden

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/google/go-cmp/cmp"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/serp"
)

// responseExample is the first response example the spec keeps for an
// operation, as JSON.
func responseExample(t testing.TB, method, path string) []byte {
	t.Helper()
	data, err := os.ReadFile("../spec/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := openapi3.NewLoader().LoadFromData(data)
	if err != nil {
		t.Fatal(err)
	}
	exs := doc.Paths.Value(path).GetOperation(method).Responses.Status(200).Value.Content.Get("application/json").Examples
	for _, ex := range exs {
		return marshal(t, ex.Value.Value)
	}
	t.Fatalf("%s %s has no response example", method, path)
	return nil
}

// kindCounts type-switches every element of a result's items, as a user
// of the SDK does.
func kindCounts(items []serp.Item) map[string]int {
	n := map[string]int{}
	for _, it := range items {
		switch it := it.(type) {
		case *serp.OrganicItem:
			n["organic "+it.Type]++
		case *serp.PaidItem:
			n["paid "+it.Type]++
		case *serp.FeaturedSnippetItem:
			n["featured_snippet "+it.Type]++
		case *serp.UnknownItem:
			n["unknown "+it.Kind()]++
		default:
			n[it.Kind()]++
		}
	}
	return n
}

// TestPolymorphicItems: the SERP examples decode strictly into one Go type
// per kind, nested kinds too.
func TestPolymorphicItems(t *testing.T) {
	var regular serp.GoogleOrganicLiveRegularResponse
	if err := sdk.DecodeStrict(responseExample(t, "POST", "/v3/serp/google/organic/live/regular"), &regular); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"organic organic": 6, "paid paid": 3, "featured_snippet featured_snippet": 1}
	if diff := cmp.Diff(want, kindCounts(regular.Tasks[0].Result[0].Items)); diff != "" {
		t.Errorf("organic/live/regular's items by kind (-want +got):\n%s", diff)
	}

	var ai serp.GoogleAIModeLiveAdvancedResponse
	if err := sdk.DecodeStrict(responseExample(t, "POST", "/v3/serp/google/ai_mode/live/advanced"), &ai); err != nil {
		t.Fatal(err)
	}
	overview, ok := ai.Tasks[0].Result[0].Items[0].(*serp.AIOverviewItem)
	if !ok {
		t.Fatalf("ai_mode's first item is a %T, want *serp.AIOverviewItem", ai.Tasks[0].Result[0].Items[0])
	}
	var nested []string
	for _, e := range overview.Items {
		switch e := e.(type) {
		case *serp.AIOverviewElementItem:
			nested = append(nested, "element with "+strings.Repeat("link ", len(e.Links)))
		case *serp.AIOverviewVideoElementItem, *serp.AIOverviewTableElementItem, *serp.AIOverviewExpandedElementItem:
			nested = append(nested, e.Kind())
		default:
			nested = append(nested, "unexpected "+e.Kind())
		}
	}
	if len(nested) != 4 || strings.Contains(strings.Join(nested, ","), "unexpected") {
		t.Errorf("the ai_overview's nested kinds: %q", nested)
	}
}

// TestPolymorphicWire: in a real response, an element of a kind the SDK
// does not know decodes without a problem and re-encodes as it came; a
// misfit inside a known kind is reported with its path, the rest decoded;
// strict mode reports the unknown kind.
func TestPolymorphicWire(t *testing.T) {
	body := responseExample(t, "POST", "/v3/serp/google/organic/live/regular")
	var tree map[string]any
	if err := json.Unmarshal(body, &tree); err != nil {
		t.Fatal(err)
	}
	result := tree["tasks"].([]any)[0].(map[string]any)["result"].([]any)[0].(map[string]any)
	items := result["items"].([]any)
	items = append(items, map[string]any{"type": "brand_new_kind", "rank_group": 1, "stuff": []any{"x", 2.5}})
	result["items"] = items
	withUnknown := marshal(t, tree)

	var resp serp.GoogleOrganicLiveRegularResponse
	if err := sdk.Decode(withUnknown, &resp); err != nil {
		t.Fatalf("Decode: an unknown kind made %v", err)
	}
	got := resp.Tasks[0].Result[0].Items
	u, ok := got[len(got)-1].(*serp.UnknownItem)
	if !ok || u.Kind() != "brand_new_kind" {
		t.Fatalf("the last item is %T (%v), want *serp.UnknownItem of brand_new_kind", got[len(got)-1], got[len(got)-1])
	}
	if err := sameJSON(withUnknown, marshal(t, resp)); err != nil {
		t.Errorf("re-encoded: %v", err)
	}
	var de *sdk.DecodeError
	if err := sdk.DecodeStrict(withUnknown, new(serp.GoogleOrganicLiveRegularResponse)); !errors.As(err, &de) ||
		len(de.Problems) != 1 || !strings.Contains(de.Problems[0].Reason, "unknown kind brand_new_kind") {
		t.Errorf("DecodeStrict: %v, want the unknown kind reported", err)
	}

	// A misfit inside a known kind.
	first := items[0].(map[string]any)
	kind := first["type"].(string)
	first["rank_group"] = "first"
	misfit := marshal(t, tree)
	resp = serp.GoogleOrganicLiveRegularResponse{}
	err := sdk.Decode(misfit, &resp)
	if !errors.As(err, &de) {
		t.Fatalf("Decode: %v, want a *sdk.DecodeError", err)
	}
	want := []sdk.DecodeProblem{{Path: "tasks[0].result[0].items[0].rank_group", Wire: `"first"`, Reason: "want int64"}}
	if diff := cmp.Diff(want, de.Problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if got := resp.Tasks[0].Result[0].Items; len(got) != len(items) || got[0].Kind() != kind || got[1] == nil {
		t.Errorf("decoded %d items, the first a %q, want %d, the first a %q", len(got), got[0].Kind(), len(items), kind)
	}
}

// sameJSON compares two JSON documents as trees.
func sameJSON(a, b []byte) error {
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		return err
	}
	if err := json.Unmarshal(b, &y); err != nil {
		return err
	}
	if diff := cmp.Diff(x, y); diff != "" {
		return errors.New(diff)
	}
	return nil
}

// TestFlagshipTyped: serp/google/organic/live/advanced has no example; its
// 911-row table comes out typed per kind (rules V1-V6): its items are the
// section's Item, whose kinds include every kind its group headings name,
// each with the fields its rows give it.
func TestFlagshipTyped(t *testing.T) {
	var r serp.GoogleOrganicAdvancedResult
	var items []serp.Item = r.Items // the result's items are polymorphic
	_ = items
	kinds := map[string]serp.Item{}
	for _, k := range []serp.Item{
		new(serp.OrganicItem), new(serp.PaidItem), new(serp.FeaturedSnippetItem), new(serp.PeopleAlsoAskItem),
		new(serp.LocalPackItem), new(serp.ImagesItem), new(serp.VideoItem), new(serp.KnowledgeGraphItem),
		new(serp.CarouselItem), new(serp.TopStoriesItem), new(serp.AIOverviewItem),
	} {
		kinds[k.Kind()] = k
	}
	if len(kinds) != 11 {
		t.Errorf("kinds: %v", kinds)
	}
	// The fields the table gives the kinds are theirs (compile-time: the
	// struct literals name them).
	_ = serp.OrganicItem{IsMalicious: sdk.Bool(false), AboutThisResult: sdk.Some(serp.OrganicItemAboutThisResult{})}
	_ = serp.PaidItem{WebsiteName: sdk.String("")}
	// Nested: a people_also_ask element's expanded elements are of two kinds.
	paa := serp.PeopleAlsoAskItem{Items: sdk.Some([]serp.ItemPeopleAlsoAskItemItem{{ExpandedElement: []serp.PeopleAlsoAskItemItemExpandedElement{
		&serp.PeopleAlsoAskExpandedElement{}, &serp.PeopleAlsoAskAIOverviewExpandedElement{}}}})}
	var nested []string
	for _, e := range paa.Items.Value()[0].ExpandedElement {
		nested = append(nested, e.Kind())
	}
	if diff := cmp.Diff([]string{"people_also_ask_expanded_element", "people_also_ask_ai_overview_expanded_element"}, nested); diff != "" {
		t.Errorf("people_also_ask's expanded kinds (-want +got):\n%s", diff)
	}
}

// serpResponse is an organic/live/regular response of n items (the docs'
// example's organic, paid and featured snippet elements repeated), with
// a string rank_group, which does not fit, in item misfit when it is in
// range.
func serpResponse(tb testing.TB, n, misfit int) []byte {
	return repeatItems(tb, responseExample(tb, "POST", "/v3/serp/google/organic/live/regular"), n, misfit, "rank_group", "x", false)
}

// BenchmarkDecodeSERP1000: a SERP of 1000 elements of several kinds, into
// the generated types (each element by its kind), beside encoding/json
// into a tree; with a misfit in one element, the lenient decoder walks
// the wire for its path.
func BenchmarkDecodeSERP1000(b *testing.B) {
	for _, c := range []struct {
		name   string
		misfit int
	}{{"clean", -1}, {"misfit", 500}} {
		data := serpResponse(b, 1000, c.misfit)
		b.Run(c.name+"/sdk.Decode", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				var resp serp.GoogleOrganicLiveRegularResponse
				err := sdk.Decode(data, &resp)
				if (err != nil) != (c.misfit >= 0) {
					b.Fatal(err)
				}
			}
		})
		b.Run(c.name+"/json.Unmarshal-any", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				var v any
				if err := json.Unmarshal(data, &v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
