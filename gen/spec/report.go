package spec

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/dataforseo-go/dataforseo/gen/page"
)

// Report lists, per endpoint, every disagreement the builder found between
// pages, tables and examples, and how it resolved each. It is written next
// to the spec for reviewers, so its order is fixed.
type Report struct {
	Pages     []PageSummary
	Endpoints map[string]*EndpointReport // by "METHOD path"
}

// PageSummary says how one page was read.
type PageSummary struct {
	Source, Format, Endpoint  string
	RequestRows, ResponseRows int
	ResponseExamples          int
	RequestExamples           int
}

// EndpointReport is what the builder resolved for one endpoint.
type EndpointReport struct {
	Method, Path string
	Pages        []string
	Entries      []Entry
}

// Entry is one resolved disagreement or one fact a reviewer should know.
type Entry struct {
	Source string    // page file, "" when it concerns all pages
	Part   page.Part // request table, response table, ...
	Path   string    // field path, e.g. "tasks[].result[].items[].referring_ips"
	Kind   string    // nesting, name, type, map, example-only, table-only, merge, ...
	Text   string
}

func newReport() *Report { return &Report{Endpoints: map[string]*EndpointReport{}} }

func (r *Report) endpoint(ep *endpoint) *EndpointReport {
	key := ep.method + " " + ep.path
	er := r.Endpoints[key]
	if er == nil {
		er = &EndpointReport{Method: ep.method, Path: ep.path}
		for _, p := range ep.pages {
			er.Pages = append(er.Pages, fmt.Sprintf("%s (%s)", p.Source, p.Format))
		}
		r.Endpoints[key] = er
	}
	return er
}

func (r *Report) add(ep *endpoint, pg *page.Page, part page.Part, path, kind, text string) {
	src := ""
	if pg != nil {
		src = pg.Source
	}
	er := r.endpoint(ep)
	er.Entries = append(er.Entries, Entry{Source: src, Part: part, Path: path, Kind: kind, Text: text})
}

// Count returns how many entries of a kind the report holds for an endpoint.
func (r *Report) Count(method, path, kind string) int {
	er := r.Endpoints[method+" "+path]
	if er == nil {
		return 0
	}
	n := 0
	for _, e := range er.Entries {
		if e.Kind == kind {
			n++
		}
	}
	return n
}

// Markdown renders the report.
func (r *Report) Markdown() string {
	var b strings.Builder
	b.WriteString("# docs2spec report\n\n")
	b.WriteString("Written by `docs2spec` with `spec/openapi.yaml`. Every disagreement between a page's tables,\n")
	b.WriteString("its examples and the other pages of the same endpoint is listed with how it was resolved.\n")
	b.WriteString("The rules are in `gen/spec/doc.go`.\n\n## Pages\n\n")
	b.WriteString("| page | format | endpoint | request rows | response rows | response examples | request examples |\n")
	b.WriteString("|---|---|---|---|---|---|---|\n")
	for _, p := range r.Pages {
		fmt.Fprintf(&b, "| %s | %s | %s | %d | %d | %d | %d |\n", p.Source, p.Format, p.Endpoint,
			p.RequestRows, p.ResponseRows, p.ResponseExamples, p.RequestExamples)
	}
	keys := make([]string, 0, len(r.Endpoints))
	for k := range r.Endpoints {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(cmp.Compare(r.Endpoints[a].Path, r.Endpoints[b].Path), cmp.Compare(a, b))
	})
	for _, k := range keys {
		er := r.Endpoints[k]
		if er.Path == "" {
			b.WriteString("\n## Shared components\n\nThe response and task envelopes, from every page.\n")
		} else {
			fmt.Fprintf(&b, "\n## %s %s\n\nPages: %s\n", er.Method, er.Path, strings.Join(er.Pages, ", "))
		}
		entries := slices.Clone(er.Entries)
		slices.SortStableFunc(entries, func(x, y Entry) int {
			return cmp.Or(cmp.Compare(partOrder(x.Part), partOrder(y.Part)), cmp.Compare(x.Path, y.Path),
				cmp.Compare(x.Kind, y.Kind), cmp.Compare(x.Source, y.Source), cmp.Compare(x.Text, y.Text))
		})
		entries = slices.Compact(entries)
		var part page.Part = "-"
		for _, e := range entries {
			if e.Part != part {
				part = e.Part
				fmt.Fprintf(&b, "\n### %s\n\n", title(part))
			}
			path := e.Path
			if path == "" {
				path = "(page)"
			}
			src := ""
			if e.Source != "" {
				src = " [" + e.Source + "]"
			}
			fmt.Fprintf(&b, "- `%s` %s: %s%s\n", path, e.Kind, e.Text, src)
		}
	}
	return b.String()
}

func partOrder(p page.Part) int {
	switch p {
	case page.PartRequestTable:
		return 0
	case page.PartRequestExample:
		return 1
	case page.PartResponseTable:
		return 2
	case page.PartResponseExample:
		return 3
	}
	return 4
}

func title(p page.Part) string {
	if p == "" {
		return "Endpoint"
	}
	return strings.ToUpper(string(p[:1])) + string(p[1:])
}
