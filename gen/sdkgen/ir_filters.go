package sdkgen

import (
	"fmt"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/gen/goname"
	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// FilterSet is the list of fields one endpoint's filters take, from the
// spec's x-dfs-filter-fields: a sdk.FilterFields variable and one
// sdk.FilterName constant per field.
type FilterSet struct {
	Var    string // "BacklinksLiveFilterFields"
	Prefix string // the constants' prefix: "BacklinksLiveFilter"
	Of     string // "POST /v3/backlinks/backlinks/live"
	Fields []FilterFieldIR
}

// FilterFieldIR is one field of a FilterSet.
type FilterFieldIR struct {
	Const     string // "BacklinksLiveFilterDomainFrom"
	Name      string // "domain_from", "$key.rank"
	Type      string // "str", "num", ...
	Operators []string
	Doc       string
}

// filterSet returns the Go name of the FilterFields variable for a filter
// field's schema, making the set the first time; "" when the spec lists
// no fields for it.
func (sb *sectionBuilder) filterSet(v *openapi3.Schema) string {
	raw, ok := v.Extensions[contract.ExtFilterFields].([]any)
	if !ok {
		return ""
	}
	of, _ := v.Extensions[contract.ExtFilterFieldsOf].(string)
	for _, s := range sb.FilterSets {
		if s.Of == of {
			return s.Var
		}
	}
	_, path, _ := strings.Cut(of, " ")
	op := sb.goName(contract.Camel(strings.TrimPrefix(path, "/v3/")))
	set := &FilterSet{Of: of, Prefix: sb.types.Name(op+"Filter", of+" filter"), Var: sb.types.Name(op+"FilterFields", of+" filter fields")}
	for _, e := range raw {
		m, _ := e.(map[string]any)
		name, _ := m["name"].(string)
		f := FilterFieldIR{Name: name}
		f.Type, _ = m["type"].(string)
		f.Doc, _ = m["description"].(string)
		ops, _ := m["operators"].([]any)
		for _, o := range ops {
			if s, ok := o.(string); ok {
				f.Operators = append(f.Operators, s)
			}
		}
		f.Const = sb.types.Name(set.Prefix+goname.Exported(strings.ReplaceAll(name, "$", "")), fmt.Sprintf("%s filter %s", of, name))
		set.Fields = append(set.Fields, f)
	}
	sb.FilterSets = append(sb.FilterSets, set)
	return set.Var
}
