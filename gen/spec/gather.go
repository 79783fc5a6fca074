package spec

import (
	"cmp"
	"slices"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
	"github.com/dataforseo-go/dataforseo/gen/page"
)

// gatherAll builds every endpoint's trees: the examples first, then the
// tables, endpoints an example shows before those none does (rules N3
// and N4 read the others' examples and rows). A page whose table cannot
// be read yields no operation: it is dropped, its error kept, and its
// endpoint built again from its other pages.
func (b *builder) gatherAll(eps []*endpoint) []*endpoint {
	for _, ep := range eps {
		b.gatherExamples(ep)
	}
	b.indexSections(eps)
	b.indexKinds(eps)
	order := slices.Clone(eps)
	slices.SortStableFunc(order, func(x, y *endpoint) int {
		return cmp.Compare(min(x.resp.objects, 1), min(y.resp.objects, 1)) * -1
	})
	dropped := map[*endpoint]bool{}
	for _, ep := range order {
		for {
			mark := b.report.mark(ep)
			bad, err := b.gatherTables(ep)
			if err == nil {
				break
			}
			b.errs = append(b.errs, err)
			b.report.rollback(ep, mark)
			if bad != nil {
				ep.pages = slices.DeleteFunc(ep.pages, func(p *page.Page) bool { return p == bad })
			}
			if bad == nil || len(ep.pages) == 0 {
				dropped[ep] = true
				b.report.drop(ep)
				break
			}
			b.gatherExamples(ep)
			b.indexSections(eps)
			b.indexKinds(eps)
		}
	}
	return slices.DeleteFunc(eps, func(ep *endpoint) bool { return dropped[ep] })
}

// gatherExamples starts the endpoint's request and response trees from
// the examples (the recorded responses included).
func (b *builder) gatherExamples(ep *endpoint) {
	ep.req, ep.resp, ep.echo, ep.echoConflicts = &node{}, &node{}, &node{}, &node{}
	ep.hasRequest = false
	for _, p := range ep.pages {
		for _, ex := range p.ResponseExamples {
			ep.resp.addValue(ex.Value, "")
		}
		for _, ex := range p.RequestExamples {
			for _, task := range ex.Value.Arr {
				if task.Kind == jsonval.Object {
					ep.req.addMembers(task, "")
				}
			}
		}
		if p.Request != nil && p.Method != "GET" {
			ep.hasRequest = true
		}
	}
	for _, r := range ep.recorded {
		ep.resp.addValue(r.Body, r.Source)
	}
}

// gatherTables places every table row on the trees, the pages that keep
// the nesting first, request tables before response tables (rule N5
// reads the request). It returns the page whose table failed, or nil
// with an error that concerns the whole endpoint.
func (b *builder) gatherTables(ep *endpoint) (*page.Page, error) {
	pages := slices.Clone(ep.pages)
	slices.SortStableFunc(pages, func(x, y *page.Page) int { return cmp.Compare(formatRank(x.Format), formatRank(y.Format)) })
	for _, p := range ep.pages {
		for _, n := range p.Notes {
			kind := "skipped"
			if n.Kind != page.Skipped {
				kind = string(n.Kind)
			}
			b.report.add(ep, p, n.Part, "", kind, n.String())
		}
	}
	for _, p := range pages {
		if p.Request != nil && p.Method != "GET" {
			if err := b.place(ep, p, p.Request, page.PartRequestTable, ep.req); err != nil {
				return p, err
			}
		}
	}
	for _, p := range pages {
		if p.Response != nil {
			if err := b.place(ep, p, p.Response, page.PartResponseTable, ep.resp); err != nil {
				return p, err
			}
		}
	}
	if ep.resp.child("tasks") == nil {
		p := ep.pages[0]
		return nil, p.Errorf(page.PartResponseTable, "",
			"no \"tasks\" array: neither the response table nor an example shows the response envelope")
	}
	if ep.resp.objects == 0 {
		b.report.add(ep, nil, page.PartResponseTable, "", "table-only",
			"no page of this endpoint has a response example: every response field is as its table types it, placed by rules N1-N10")
	}
	b.foldEcho(ep)
	return nil, nil
}

// foldEcho adds the tasks' "data" (the echo of the request) to the
// request fields' examples; keys the request does not have are kept apart
// for the Data schema (rule S2), and so are values whose JSON type is not
// the request field's (the API echoes location_code 2840 as "2840").
func (b *builder) foldEcho(ep *endpoint) {
	data := ep.resp.child("tasks").child("data")
	if data == nil {
		return
	}
	type body struct {
		v    *jsonval.Value
		file string
	}
	var bodies []body
	for _, p := range ep.pages {
		for _, ex := range p.ResponseExamples {
			bodies = append(bodies, body{ex.Value, ""})
		}
	}
	for _, r := range ep.recorded {
		bodies = append(bodies, body{r.Body, r.Source})
	}
	for _, bd := range bodies {
		for _, task := range arr(bd.v.Get("tasks")) {
			d := task.Get("data")
			if d == nil || d.Kind != jsonval.Object {
				continue
			}
			ep.req.objects++
			if bd.file == "" {
				ep.req.docObjects++
			}
			for _, m := range d.Obj {
				if m.Key == "api" || m.Key == "function" {
					continue
				}
				extra := &jsonval.Value{Kind: jsonval.Object, Obj: []jsonval.Member{m}}
				c := ep.req.lookup(m.Key)
				switch {
				case c == nil:
					ep.echo.addMembers(extra, bd.file)
				case !fits(c, m.Val):
					ep.echoConflicts.addMembers(extra, bd.file)
					c.ex.seen++ // present in the task, for rule R1
				default:
					c.addValue(m.Val, bd.file)
				}
			}
		}
	}
}
