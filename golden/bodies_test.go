package golden

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
)

// repeatItems makes a response of n items from example, a response of one
// task and one result, by repeating its result's items; the item at
// misfit (when in range) gets field set to value, which does not fit the
// documented type. items_count becomes n, and total_count too when total.
// Keys stay in the example's order (the API's: the counts before the
// items), as a real body has them.
func repeatItems(tb testing.TB, example []byte, n, misfit int, field string, value any, total bool) []byte {
	tb.Helper()
	tree, err := jsonval.Parse(example)
	if err != nil {
		tb.Fatal(err)
	}
	result := tree.Get("tasks").Arr[0].Get("result").Arr[0]
	items := result.Get("items")
	big := make([]*jsonval.Value, n)
	for i := range big {
		big[i] = items.Arr[i%len(items.Arr)]
	}
	if misfit >= 0 && misfit < n {
		item := *big[misfit]
		item.Obj = append([]jsonval.Member(nil), item.Obj...)
		set(tb, &item, field, value)
		big[misfit] = &item
	}
	items.Arr = big
	set(tb, result, "items_count", n)
	if total {
		set(tb, result, "total_count", n)
	}
	out, err := tree.MarshalJSON()
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// set gives obj's key the value v (a number, a string or a
// *jsonval.Value), in place when obj has the key, else as its last key.
func set(tb testing.TB, obj *jsonval.Value, key string, v any) {
	tb.Helper()
	var val *jsonval.Value
	switch v := v.(type) {
	case *jsonval.Value:
		val = v
	case int:
		val = &jsonval.Value{Kind: jsonval.Number, Num: strconv.Itoa(v)}
	case float64:
		val = &jsonval.Value{Kind: jsonval.Number, Num: strconv.FormatFloat(v, 'g', -1, 64)}
	case string:
		val = &jsonval.Value{Kind: jsonval.String, Str: v}
	default:
		tb.Fatal(fmt.Sprintf("set %s: %T is not a number, a string or a *jsonval.Value", key, v))
	}
	for i := range obj.Obj {
		if obj.Obj[i].Key == key {
			obj.Obj[i].Val = val
			return
		}
	}
	obj.Obj = append(obj.Obj, jsonval.Member{Key: key, Val: val})
}
