package golden

import (
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/backlinks"
	"github.com/dataforseo-go/dataforseo/sdk/serp"
)

// The fast decoder's shortcuts on the generated types: a kind read from
// the first key only when that key is the property, an array sized by
// the count before it only as far as the body backs it.

var everyField = cmp.Exporter(func(reflect.Type) bool { return true })

// TestFastKindFromTheProperty: an item whose first key is another string
// naming a kind (here an unknown key) decodes as the kind its "type"
// names, the same as the item without that key.
func TestFastKindFromTheProperty(t *testing.T) {
	body := bigSerpResponse(t, 24)
	tree, err := jsonval.Parse(body)
	if err != nil {
		t.Fatal(err)
	}
	items := tree.Get("tasks").Arr[0].Get("result").Arr[0].Get("items").Arr
	kinds := map[string]bool{}
	for _, it := range items {
		kinds[it.Get("type").Str] = true
	}
	if len(kinds) < 2 {
		t.Fatalf("the body has %d kinds; the test needs two", len(kinds))
	}
	for i, it := range items {
		other := items[(i+1)%len(items)].Get("type").Str
		for j := 1; other == it.Get("type").Str; j++ {
			other = items[(i+j)%len(items)].Get("type").Str
		}
		it.Obj = append([]jsonval.Member{{Key: "zz_first", Val: &jsonval.Value{Kind: jsonval.String, Str: other}}}, it.Obj...)
	}
	moved, _ := tree.MarshalJSON()
	var want, got serp.GoogleOrganicLiveAdvancedResponse
	if err := sdk.Decode(body, &want); err != nil {
		t.Fatal(err)
	}
	if err := sdk.Decode(moved, &got); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, got, everyField); d != "" {
		t.Errorf("a first key naming another kind changed the items (-without +with):\n%s", d)
	}
}

// TestFastSliceCapacity: items_count sizes the items slice when the body
// could hold that many bytes of items, never limits what is read, and a
// count the body cannot back reserves nothing.
func TestFastSliceCapacity(t *testing.T) {
	cases := []struct {
		name             string
		body             string
		wantLen, wantCap int
	}{
		{"count as given", `{"tasks":[{"result":[{"items_count":2,"items":[{"domain":"a"},{"domain":"b"}]}]}]}`, 2, 2},
		{"more items than the count", `{"tasks":[{"result":[{"items_count":1,"items":[{"domain":"a"},{"domain":"b"}]}]}]}`, 2, -1},
		{"count after the items", `{"tasks":[{"result":[{"items":[{"domain":"a"}],"items_count":9}]}]}`, 1, 1},
		{"a count the body cannot back", `{"tasks":[{"result":[{"items_count":5000,"items":[]}]}]}`, 0, 0},
		{"a negative count", `{"tasks":[{"result":[{"items_count":-3,"items":[{"domain":"a"}]}]}]}`, 1, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var r backlinks.ReferringDomainsLiveResponse
			if err := sdk.Decode([]byte(c.body), &r); err != nil {
				t.Fatal(err)
			}
			items := r.Tasks[0].Result[0].Items
			if len(items) != c.wantLen || c.wantCap >= 0 && cap(items) != c.wantCap {
				t.Errorf("len %d cap %d, want len %d cap %d", len(items), cap(items), c.wantLen, c.wantCap)
			}
		})
	}
	// Many results each claiming what one body could back: in all, no
	// more than the body's length is reserved.
	body := []byte(`{"tasks":[{"result":[`)
	for i := range 40 {
		if i > 0 {
			body = append(body, ',')
		}
		body = append(body, `{"items_count":3,"items":[]}`...)
	}
	body = append(body, `]}]}`...)
	var r backlinks.ReferringDomainsLiveResponse
	if err := sdk.Decode(body, &r); err != nil {
		t.Fatal(err)
	}
	reserved := 0
	for _, res := range r.Tasks[0].Result {
		reserved += cap(res.Items) * int(reflect.TypeFor[backlinks.ReferringDomainsItem]().Size())
	}
	if reserved > len(body) {
		t.Errorf("%d bytes reserved on counts for a body of %d", reserved, len(body))
	}
}
