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
	Recorded  []RecordedSummary
	Endpoints map[string]*EndpointReport // by "METHOD path"
	Shared    []SharedType               // the components of one shape made one (rules T1-T8)
	Flows     []FlowMerge                // live and task_get results that differ (rule T4)
}

// PageSummary says how one page was read.
type PageSummary struct {
	Source, Format, Kind, Endpoint        string
	RequestRows, ResponseRows, FilterRows int
	ResponseExamples                      int
	RequestExamples                       int
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

// mark is where the endpoint's entries end now, for rollback.
func (r *Report) mark(ep *endpoint) int {
	if er := r.Endpoints[ep.method+" "+ep.path]; er != nil {
		return len(er.Entries)
	}
	return -1
}

// rollback forgets the entries added since mark: a page that failed
// leaves none of its placement in the report.
func (r *Report) rollback(ep *endpoint, mark int) {
	key := ep.method + " " + ep.path
	if er := r.Endpoints[key]; er != nil {
		if mark < 0 {
			delete(r.Endpoints, key)
			return
		}
		er.Entries = er.Entries[:mark]
		er.Pages = nil
		for _, p := range ep.pages {
			er.Pages = append(er.Pages, fmt.Sprintf("%s (%s)", p.Source, p.Format))
		}
	}
}

// drop forgets an endpoint that yields no operation.
func (r *Report) drop(ep *endpoint) { delete(r.Endpoints, ep.method+" "+ep.path) }

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
	b.WriteString("| page | format | kind | endpoint | request rows | response rows | filter rows | response examples | request examples |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|\n")
	for _, p := range r.Pages {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %d | %d | %d | %d | %d |\n", p.Source, p.Format, p.Kind, p.Endpoint,
			p.RequestRows, p.ResponseRows, p.FilterRows, p.ResponseExamples, p.RequestExamples)
	}
	r.recordedMarkdown(&b)
	keys := make([]string, 0, len(r.Endpoints))
	for k := range r.Endpoints {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(cmp.Compare(r.Endpoints[a].Path, r.Endpoints[b].Path), cmp.Compare(a, b))
	})
	for _, k := range keys {
		er := r.Endpoints[k]
		switch {
		case er.Path == "":
			b.WriteString("\n## Shared components\n\nThe response and task envelopes, from every page.\n")
		case er.Method == "":
			fmt.Fprintf(&b, "\n## Element kinds of %s\n\nOne component per kind of the section's polymorphic arrays, from every operation (rules V1-V6).\n", er.Path)
		default:
			fmt.Fprintf(&b, "\n## %s %s\n\nPages: %s\n", er.Method, er.Path, strings.Join(er.Pages, ", "))
		}
		entries := slices.DeleteFunc(slices.Clone(er.Entries), func(e Entry) bool { return e.Part == PartRecorded })
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
	r.sharedMarkdown(&b)
	return b.String()
}

// PartRecorded is the part of the report's entries that a recorded
// response (spec/responses) caused; they are listed under its file.
const PartRecorded page.Part = "recorded response"

// recordedMarkdown lists, per recorded response, its operation and what
// it changed in the spec.
func (r *Report) recordedMarkdown(b *strings.Builder) {
	type change struct {
		er *EndpointReport
		e  Entry
	}
	byFile := map[string][]change{}
	for _, er := range r.Endpoints {
		for _, e := range er.Entries {
			if e.Part == PartRecorded {
				byFile[e.Source] = append(byFile[e.Source], change{er, e})
			}
		}
	}
	if len(byFile) == 0 && len(r.Recorded) == 0 {
		return
	}
	b.WriteString("\n## Recorded responses\n\nResponse bodies recorded from the API (spec/responses), each matched to its operation by\n")
	b.WriteString("tasks[].path; what the wire says where the docs are wrong or silent (rules W1-W4).\n")
	files := slices.Clone(r.Recorded)
	slices.SortFunc(files, func(x, y RecordedSummary) int { return cmp.Compare(x.Source, y.Source) })
	for _, f := range files {
		fmt.Fprintf(b, "\n### %s\n\n%s\n\n", f.Source, f.Endpoint)
		changes := byFile[f.Source]
		slices.SortFunc(changes, func(x, y change) int {
			return cmp.Or(cmp.Compare(x.e.Path, y.e.Path), cmp.Compare(x.e.Kind, y.e.Kind), cmp.Compare(x.e.Text, y.e.Text))
		})
		changes = slices.CompactFunc(changes, func(x, y change) bool { return x.e == y.e })
		if len(changes) == 0 {
			b.WriteString("- the docs already say everything it shows\n")
		}
		for _, c := range changes {
			fmt.Fprintf(b, "- `%s` %s: %s\n", c.e.Path, c.e.Kind, c.e.Text)
		}
	}
}

// RecordedSummary says which operation a recorded response was matched to.
type RecordedSummary struct {
	Source, Endpoint string
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
