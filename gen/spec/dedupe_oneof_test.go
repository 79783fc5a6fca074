package spec_test

import (
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/google/go-cmp/cmp"

	"github.com/dataforseo-go/dataforseo/gen/spec"
)

// TestShareTypesOneOf: the pass on components it did not build itself:
// the members of a discriminated oneOf merge per kind and are named for
// it (T5), a kind never merges with another of the same shape, and every
// $ref and mapping value follows the renames.
func TestShareTypesOneOf(t *testing.T) {
	data, err := os.ReadFile("testdata/oneof.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := openapi3.NewLoader().LoadFromData(data)
	if err != nil {
		t.Fatal(err)
	}
	shared, _ := spec.ShareTypes(doc)
	got := slices.Sorted(maps.Keys(doc.Components.Schemas))
	want := []string{
		"ResponseEnvelope", "TaskEnvelope",
		"WidgetsAlphaLiveResponse", "WidgetsAlphaLiveTask", "WidgetsAlphaResult",
		"WidgetsBetaLiveResponse", "WidgetsBetaLiveTask", "WidgetsBetaResult",
		"WidgetsOrganicItem", "WidgetsPaidItem", "WidgetsRating", "WidgetsVideoItem",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("components (-want +got):\n%s", diff)
	}
	for _, r := range []string{"WidgetsAlphaResult", "WidgetsBetaResult"} {
		items := doc.Components.Schemas[r].Value.Properties["items"].Value.Items.Value
		for k, m := range items.Discriminator.Mapping {
			if want := "#/components/schemas/Widgets" + strings.ToUpper(k[:1]) + k[1:] + "Item"; m.Ref != want {
				t.Errorf("%s: mapping %s is %s, want %s", r, k, m.Ref, want)
			}
		}
		for _, m := range items.OneOf {
			if doc.Components.Schemas[strings.TrimPrefix(m.Ref, "#/components/schemas/")] == nil {
				t.Errorf("%s: a member names no component: %s", r, m.Ref)
			}
		}
	}
	if d := doc.Components.Schemas["WidgetsOrganicItem"].Value.Description; d != "an organic result, with a longer description" {
		t.Errorf("T8: %q", d)
	}
	var organic *spec.SharedType
	for i, st := range shared {
		if st.Name == "WidgetsOrganicItem" {
			organic = &shared[i]
		}
	}
	if organic == nil || !slices.Equal(organic.Kinds, []string{"organic"}) ||
		!slices.Equal(organic.Members, []string{"WidgetsAlphaLiveItemOrganic", "WidgetsBetaLiveItemOrganic"}) {
		t.Errorf("the report of WidgetsOrganicItem: %+v", organic)
	}
	// What the pass leaves is a document a reader loads and validates.
	j, err := doc.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := openapi3.NewLoader().LoadFromData(j)
	if err != nil {
		t.Fatal(err)
	}
	if err := loaded.Validate(t.Context()); err != nil {
		t.Fatal(err)
	}
}
