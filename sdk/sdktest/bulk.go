package sdktest

import (
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// bulkField is a request field that lists the targets of a bulk task
// (targets, keywords), answered with one result item per target.
type bulkField struct {
	request string // the request's array field, e.g. "targets"
	item    string // the field of an item that names its target, e.g. "target"
	max     int    // the most targets a task may list
}

// bulkFields finds the bulk fields of an operation from its task schema and
// its documented answer: a request array field NAMEs whose result items
// carry NAME, each one of the NAMEs the example's data echoes (so that a
// list of seeds, whose items are ideas, is no bulk field), or (where the items name it otherwise, url say) the one field
// whose values are, item by item, the NAMEs the example's data echoes.
func bulkFields(task *openapi3.Schema, example []byte) []bulkField {
	env := decodeTree(example)
	tmpl, _ := firstTask(env)
	data, _ := tmpl["data"].(map[string]any)
	items := exampleItems(tmpl)
	if len(items) == 0 {
		return nil
	}
	var fields []bulkField
	for _, name := range slices.Sorted(maps.Keys(task.Properties)) {
		p := task.Properties[name].Value
		singular, plural := strings.CutSuffix(name, "s")
		if p == nil || !plural || singular == "" || p.Type == nil || !p.Type.Is("array") {
			continue
		}
		item := ""
		if allHave(items, singular) && amongEchoed(items, singular, data[name]) {
			item = singular
		} else {
			item = echoingField(items, data[name])
		}
		if item == "" {
			continue
		}
		most := defaultMaxItems
		if p.MaxItems != nil && *p.MaxItems < uint64(defaultMaxItems) {
			most = int(*p.MaxItems)
		}
		fields = append(fields, bulkField{request: name, item: item, max: most})
	}
	return fields
}

// exampleItems returns the items of the first result of a task that has
// some.
func exampleItems(task map[string]any) []map[string]any {
	results, _ := task["result"].([]any)
	for _, res := range results {
		rm, _ := res.(map[string]any)
		list, _ := rm[contract.Items].([]any)
		var items []map[string]any
		for _, it := range list {
			if im, ok := it.(map[string]any); ok {
				items = append(items, im)
			}
		}
		if len(items) > 0 && len(items) == len(list) {
			return items
		}
	}
	return nil
}

// amongEchoed reports whether every item's key is one of the echoed values.
func amongEchoed(items []map[string]any, key string, echoed any) bool {
	list, _ := echoed.([]any)
	for _, it := range items {
		if !slices.Contains(list, it[key]) {
			return false
		}
	}
	return true
}

func allHave(items []map[string]any, key string) bool {
	for _, it := range items {
		if _, ok := it[key]; !ok {
			return false
		}
	}
	return true
}

// echoingField returns the one item field whose values are, in order, the
// values of echoed (the example's data), or "".
func echoingField(items []map[string]any, echoed any) string {
	list, _ := echoed.([]any)
	if len(list) != len(items) {
		return ""
	}
	found := ""
	for _, key := range slices.Sorted(maps.Keys(items[0])) {
		same := true
		for i, it := range items {
			s, ok := it[key].(string)
			if want, isString := list[i].(string); !ok || !isString || s != want {
				same = false
				break
			}
		}
		if same {
			if found != "" {
				return "" // ambiguous
			}
			found = key
		}
	}
	return found
}

// fillBulk makes the items of each result of a task one per target the
// request task lists in a bulk field: the example's items, cloned in turn,
// each naming its target.
func fillBulk(task, reqTask map[string]any, fields []bulkField) {
	for _, b := range fields {
		targets, ok := reqTask[b.request].([]any)
		if !ok || len(targets) > b.max {
			continue
		}
		results, _ := task["result"].([]any)
		for _, res := range results {
			rm, _ := res.(map[string]any)
			tmpl, _ := rm[contract.Items].([]any)
			if len(tmpl) == 0 {
				continue
			}
			items := make([]any, len(targets))
			for i, target := range targets {
				it, _ := tmpl[i%len(tmpl)].(map[string]any)
				it = maps.Clone(it)
				if it == nil {
					it = map[string]any{}
				}
				it[b.item] = target
				items[i] = it
			}
			// A total that counted the example's items counts these.
			if total, ok := integer(rm[contract.Total]); ok && total == int64(len(tmpl)) {
				rm[contract.Total] = len(items)
			}
			rm[contract.Items] = items
			rm[contract.ItemsCount] = len(items)
		}
		return
	}
}
