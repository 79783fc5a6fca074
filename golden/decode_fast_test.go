package golden

import (
	"fmt"
	"reflect"
	"strings"
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

// TestFastSliceCapacity: items_count sizes the items slice, never limits
// what is read, and is believed only as far as the body bears it out
// (sdk.JXSliceCap: 16 elements before the first, then four times those
// read).
func TestFastSliceCapacity(t *testing.T) {
	items := func(n int) string {
		s := make([]string, n)
		for i := range s {
			s[i] = fmt.Sprintf(`{"domain":"d%d"}`, i)
		}
		return "[" + strings.Join(s, ",") + "]"
	}
	body := func(count, n int, countFirst bool) []byte {
		if countFirst {
			return fmt.Appendf(nil, `{"tasks":[{"result":[{"items_count":%d,"items":%s}]}]}`, count, items(n))
		}
		return fmt.Appendf(nil, `{"tasks":[{"result":[{"items":%s,"items_count":%d}]}]}`, items(n), count)
	}
	cases := []struct {
		name             string
		body             []byte
		wantLen, wantCap int // -1: the capacity append gives
	}{
		{"count as given", body(1000, 1000, true), 1000, 1000},
		{"a small count", body(2, 2, true), 2, 2},
		{"more items than the count", body(1, 2, true), 2, -1},
		{"count after the items", body(9, 1, false), 1, 1},
		{"no items for a large count", body(5000, 0, true), 0, 0},
		{"one item for a large count", body(5000, 1, true), 1, 16},
		{"20 items for a large count", body(5000, 20, true), 20, 64},
		{"a negative count", body(-3, 1, true), 1, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var r backlinks.ReferringDomainsLiveResponse
			if err := sdk.Decode(c.body, &r); err != nil {
				t.Fatal(err)
			}
			items := r.Tasks[0].Result[0].Items
			if len(items) != c.wantLen || c.wantCap >= 0 && cap(items) != c.wantCap {
				t.Errorf("len %d cap %d, want len %d cap %d", len(items), cap(items), c.wantLen, c.wantCap)
			}
			if items == nil {
				t.Error("nil items for an array")
			}
		})
	}
}
