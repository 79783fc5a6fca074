package spec

import (
	"fmt"
	"strings"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
	"github.com/dataforseo-go/dataforseo/gen/page"
)

// proseExample is the value a row's description shows for its own field
// (rule E8): `"custom_mode": {"field": "domain", "value": 100}`. Only an
// object or an array that is valid JSON counts; nil otherwise.
func proseExample(desc, name string) *jsonval.Value {
	key := `"` + name + `"`
	i := strings.Index(desc, key)
	if i < 0 {
		return nil
	}
	rest := strings.TrimLeft(desc[i+len(key):], " \t\n")
	if !strings.HasPrefix(rest, ":") {
		return nil
	}
	rest = strings.TrimLeft(rest[1:], " \t\n")
	if !strings.HasPrefix(rest, "{") && !strings.HasPrefix(rest, "[") {
		return nil
	}
	raw, closed := jsonval.Balanced(rest)
	if !closed {
		return nil
	}
	v, err := jsonval.Parse([]byte(raw))
	if err != nil || v.Kind != jsonval.Object && v.Kind != jsonval.Array {
		return nil
	}
	return v
}

// takeProseExample gives an object or array field that no example shows,
// in a part of the response or request no example shows either, the
// value its description shows (E8), reported. Filters and sorting rules
// have their own grammar (F1, F2) and take none.
func (b *builder) takeProseExample(ep *endpoint, pg *page.Page, part page.Part, n *node, pr placedRow) {
	if pr.typ != "object" && pr.typ != "array" || n.ex.seen > 0 || n.parent == nil || n.parent.objects > 0 {
		return
	}
	if m := (merged{desc: pr.desc}); isFilter(n, m) || isOrderBy(n, m) {
		return
	}
	v := proseExample(pr.desc, n.name)
	if v == nil {
		return
	}
	n.addValue(v, "")
	b.report.add(ep, pg, part, n.path(), "example-only", fmt.Sprintf("E8: no example shows it; its description does (%s): its shape comes from there", firstLineOf(v)))
}

func firstLineOf(v *jsonval.Value) string {
	b, _ := v.MarshalJSON()
	s := string(b)
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return strings.TrimSpace(s)
}
