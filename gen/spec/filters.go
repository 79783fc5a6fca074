package spec

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/gen/page"
	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// The filters appendix (rules F3-F6 in doc.go): per endpoint, the fields
// its filters take, each with a filter type (str, num, bool, time,
// array.str, ...) and the operators it supports.

// FilterField is one entry of ExtFilterFields.
type FilterField struct {
	Name        string   `json:"name"`
	Type        string   `json:"type"`
	Operators   []string `json:"operators"`
	Description string   `json:"description,omitempty"`
}

// filterSet is what the appendix lists for one endpoint.
type filterSet struct {
	of     string // "METHOD path" of the endpoint the appendix lists them for
	fields []FilterField
	page   *page.Page
}

var (
	typeOpsLine = regexp.MustCompile(`(?i)^\W*if\s+([a-z][a-z.]*)\s*:\s*(.*)$`)
	fieldOps    = regexp.MustCompile(`(?i)operators are supported\s*:\s*(.*)$`)
	operatorTok = regexp.MustCompile(`^(<>|<=|>=|!=|<|>|=|[a-z][a-z_]*)`)
)

// operators reads a written operator list: "=, <>, like, not_like;". A
// token that is not an operator ends the list; one that starts with an
// operator and runs into prose (">time should be ...") gives the operator.
func operators(s string) []string {
	var ops []string
	for _, tok := range strings.Split(s, ",") {
		tok = strings.TrimSpace(tok)
		m := operatorTok.FindString(tok)
		if m == "" {
			break
		}
		if !slices.Contains(ops, m) {
			ops = append(ops, m)
		}
		if rest := strings.TrimRight(tok[len(m):], ";. "); rest != "" {
			break
		}
	}
	return ops
}

// docsPath turns a link to a documentation page into the endpoint path it
// documents: https://docs.dataforseo.com/v3/backlinks/backlinks/live/ is
// /v3/backlinks/backlinks/live.
func docsPath(link string) string {
	u, err := url.Parse(link)
	if err != nil || !strings.HasPrefix(u.Path, "/v3/") {
		return ""
	}
	return strings.TrimRight(u.Path, "/")
}

// readFilters reads every filters appendix into b.filters.
func (b *builder) readFilters(pages []*page.Page, eps []*endpoint) {
	b.filters = map[string]*filterSet{}
	byPath := map[string]*endpoint{}
	for _, ep := range eps {
		if byPath[ep.path] == nil || ep.method == "POST" {
			byPath[ep.path] = ep
		}
	}
	for _, p := range pages {
		if p.Filters == nil {
			continue
		}
		// The endpoint the appendix's own notes go under: the page's, or
		// the shared components'.
		home := b.shared
		if p.Method != "" && byPath[p.Path] != nil {
			home = byPath[p.Path]
		}
		typeOps := map[string][]string{}
		var cur *endpoint
		var set *filterSet
		for _, r := range p.Filters.Rows {
			if r.Heading != "" {
				cur, set = nil, nil
				for _, l := range r.Links {
					if ep := byPath[docsPath(l)]; ep != nil {
						cur = ep
					}
				}
				switch {
				case cur != nil:
					key := cur.method + " " + cur.path
					if b.filters[key] == nil {
						b.filters[key] = &filterSet{of: key, page: p}
					}
					set = b.filters[key]
				case len(r.Links) > 0:
					b.report.add(home, p, page.PartFilters, "", "left-out",
						fmt.Sprintf("%s: heading %q links %s, which no page documents: its fields are left out", r.Where(), r.Heading, strings.Join(r.Links, ", ")))
				}
				continue
			}
			name := strings.TrimSpace(r.Name)
			if set == nil {
				// The grammar's own rows: the operators of each type.
				if name == "filter_operator" {
					for _, line := range strings.Split(r.Description, "\n") {
						if m := typeOpsLine.FindStringSubmatch(line); m != nil {
							typeOps[strings.ToLower(m[1])] = operators(m[2])
						}
					}
				}
				continue
			}
			b.addFilterField(cur, p, set, r, typeOps)
		}
	}
}

func (b *builder) addFilterField(ep *endpoint, p *page.Page, set *filterSet, r page.Row, typeOps map[string][]string) {
	path := r.Name
	note := func(kind, format string, args ...any) {
		b.report.add(ep, p, page.PartFilters, path, kind, fmt.Sprintf(format, args...))
	}
	typ := strings.ToLower(strings.TrimSpace(r.Type))
	desc := strings.Split(r.Description, "\n")
	f := FilterField{Name: strings.TrimSpace(r.Name), Type: typ, Description: desc[0]}
	for _, line := range desc {
		if m := fieldOps.FindStringSubmatch(line); m != nil {
			f.Operators = operators(m[1])
			break
		}
	}
	known, typeListed := typeOps[typ]
	switch {
	case len(f.Operators) == 0 && typeListed:
		f.Operators = known
	case len(f.Operators) == 0:
		note("type", "%s: no operator list, and filter_operator lists none for type %q: every operator is accepted", r.Where(), typ)
	case typeListed:
		var extra []string
		for _, op := range f.Operators {
			if !slices.Contains(known, op) {
				extra = append(extra, op)
			}
		}
		if len(extra) > 0 {
			note("merge", "%s: its own list has %s, which filter_operator does not give type %s: its own list is kept", r.Where(), strings.Join(extra, ", "), typ)
		}
	}
	for _, g := range set.fields {
		if g.Name != f.Name {
			continue
		}
		if g.Type != f.Type || !slices.Equal(g.Operators, f.Operators) {
			note("merge", "%s lists it again, with type %s and operators %v: the first (%s, %v) kept", r.Where(), f.Type, f.Operators, g.Type, g.Operators)
		} else {
			note("duplicate", "%s lists it again, identically", r.Where())
		}
		return
	}
	set.fields = append(set.fields, f)
}

// filterSetFor is the filters appendix's list for a filter field of ep:
// its own for "filters"; for another filter field ("backlinks_filters")
// the list of the endpoint its description links to as the one whose
// fields it filters by (rule F5).
func (b *builder) filterSetFor(ep *endpoint, n *node) (*filterSet, string) {
	if n.name == "filters" {
		return b.filters[ep.method+" "+ep.path], ""
	}
	for _, r := range n.rows {
		if !strings.Contains(strings.ToLower(r.desc), "fields") {
			continue
		}
		for _, l := range r.row.Links {
			p := docsPath(l)
			for _, method := range []string{"POST", "GET"} {
				if set := b.filters[method+" "+p]; set != nil {
					return set, method + " " + p
				}
			}
		}
	}
	return nil, ""
}

// filterExtension writes the appendix's fields on a filter field's schema
// (rule F4), or reports that there are none to check against.
func (b *builder) filterExtension(ep *endpoint, n *node, s *openapi3.Schema) {
	set, linked := b.filterSetFor(ep, n)
	if set == nil {
		if len(b.filters) > 0 {
			b.report.add(ep, nil, page.PartRequestTable, n.path(), "filters",
				"the filters appendix lists no fields for it: the SDK checks the filter grammar, not its field names")
		}
		return
	}
	if s.Extensions == nil {
		s.Extensions = map[string]any{}
	}
	s.Extensions[contract.ExtFilterFields] = set.fields
	s.Extensions[contract.ExtFilterFieldsOf] = set.of
	if linked != "" {
		b.report.add(ep, nil, page.PartRequestTable, n.path(), "filters",
			fmt.Sprintf("F5: its description links %s as the endpoint whose fields it filters by: the %d filter fields the appendix lists for it", linked, len(set.fields)))
	}
}
