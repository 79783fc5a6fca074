package spec

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/gen/page"
	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// overviews turns each section's overview page into the description of
// the section's tag, which the SDK makes its package doc (rule O1), and
// reports the errors appendices (O2).
func (b *builder) overviews(pages []*page.Page, eps []*endpoint) {
	sections := map[string]bool{}
	for _, ep := range eps {
		sections[ep.section] = true
	}
	chosen := map[string]*page.Page{}
	for _, p := range pages {
		switch p.Kind {
		case page.ErrorsPage:
			b.report.add(b.shared, p, page.PartPage, "", "errors",
				fmt.Sprintf("the errors appendix lists %d status codes; the SDK's come from spec/status-codes.tsv", len(p.Codes)))
			continue
		case page.OverviewPage:
		default:
			continue
		}
		section := overviewSection(p, pages)
		switch {
		case section == "":
			b.report.add(b.shared, p, page.PartPage, "", "left-out", "an overview whose section neither its address nor the pages of its file tell: not used")
			continue
		case !sections[section]:
			b.report.add(b.shared, p, page.PartPage, "", "left-out", fmt.Sprintf("the overview of section %q, which no endpoint page documents: not used", section))
			continue
		}
		if prev := chosen[section]; prev != nil {
			keep, other := prev, p
			if cmp.Or(cmp.Compare(formatRank(p.Format), formatRank(prev.Format)), cmp.Compare(p.Source, prev.Source)) < 0 {
				keep, other = p, prev
			}
			b.report.add(b.shared, other, page.PartPage, "", "merge", fmt.Sprintf("a second overview of %q: %s kept (M3)", section, keep.Source))
			chosen[section] = keep
			continue
		}
		chosen[section] = p
	}
	names := make([]string, 0, len(chosen))
	for s := range chosen {
		names = append(names, s)
	}
	slices.Sort(names)
	for _, s := range names {
		p := chosen[s]
		b.doc.Tags = append(b.doc.Tags, &openapi3.Tag{Name: s, Description: overviewText(p.Prose)})
		b.report.add(b.shared, p, page.PartPage, "", "overview", fmt.Sprintf("the overview of section %q: the description of its tag, the SDK's package doc", s))
	}
}

// overviewSection is the section an overview describes: the first path
// segment of its address, else the one of the endpoint pages of its file.
func overviewSection(p *page.Page, pages []*page.Page) string {
	if path := docsPath(p.URL); path != "" {
		seg := strings.Split(strings.TrimPrefix(path, "/v3/"), "/")
		if len(seg) > 1 {
			return seg[0]
		}
	}
	count := map[string]int{}
	best := ""
	for _, q := range pages {
		if q.File == p.File && q.Method != "" {
			_, s := contract.OperationName(q.Path)
			count[s]++
			if count[s] > count[best] || count[s] == count[best] && s < best {
				best = s
			}
		}
	}
	return best
}

// overviewText is the overview's prose as markdown, without the headings
// that title the page before its first paragraph.
func overviewText(prose []string) string {
	i := 0
	for i < len(prose) && strings.HasPrefix(prose[i], "# ") {
		i++
	}
	var out []string
	for j, para := range prose[i:] {
		switch {
		case strings.HasPrefix(para, "# "):
			out = append(out, "#"+para)
		case strings.HasPrefix(para, "- ") && j > 0 && strings.HasPrefix(prose[i+j-1], "- "):
			out[len(out)-1] += "\n" + para
		default:
			out = append(out, para)
		}
	}
	return strings.Join(out, "\n\n")
}
