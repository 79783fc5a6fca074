package page

import (
	"regexp"
	"strings"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
)

// endpointRe matches "POST https://api.dataforseo.com/v3/..." banners
// (some captures lose the space: "POSThttps://..."), and "// POST /v3/..."
// comments in the code samples.
var endpointRe = regexp.MustCompile(`\b(GET|POST)(?:\s*"?https?://api\.dataforseo\.com|\s+"?)(/v3/[A-Za-z0-9_./{}$-]*[A-Za-z0-9_}])`)

// pathParam matches the "$id" placeholders of task_get paths.
var pathParam = regexp.MustCompile(`\$([a-z_]+)`)

// findEndpoint sets p.Method and p.Path from the text. The page names its
// endpoint several times (banner, code comments); the most frequent
// method and path win, the first seen on a tie. Without any, the
// example's task path names the endpoint.
func findEndpoint(p *Page, text string) error {
	type ep struct{ method, path string }
	count := map[ep]int{}
	var order []ep
	for _, m := range endpointRe.FindAllStringSubmatch(text, -1) {
		e := ep{m[1], normalisePath(m[2])}
		if count[e] == 0 {
			order = append(order, e)
		}
		count[e]++
	}
	var best ep
	for _, e := range order {
		if count[e] > count[best] {
			best = e
		}
	}
	if best.path != "" {
		p.Method, p.Path = best.method, best.path
		return nil
	}
	for _, ex := range p.ResponseExamples {
		if path := examplePath(ex.Value); path != "" {
			p.Method, p.Path = "GET", path
			if p.Request != nil {
				p.Method = "POST"
			}
			return nil
		}
	}
	return &Error{File: p.Source, Part: PartEndpoint,
		Reason: "no endpoint: no \"POST https://api.dataforseo.com/v3/...\" line, no \"POST /v3/...\" comment and no task path in an example"}
}

func normalisePath(p string) string {
	p = strings.TrimRight(p, "/.")
	return pathParam.ReplaceAllString(p, "{$1}")
}

// examplePath reads tasks[0].path ["v3","backlinks",...] of a response.
func examplePath(v *jsonval.Value) string {
	tasks := v.Get("tasks")
	if tasks == nil || tasks.Kind != jsonval.Array || len(tasks.Arr) == 0 {
		return ""
	}
	path := tasks.Arr[0].Get("path")
	if path == nil || path.Kind != jsonval.Array || len(path.Arr) == 0 {
		return ""
	}
	parts := make([]string, 0, len(path.Arr))
	for _, e := range path.Arr {
		if e.Kind != jsonval.String {
			return ""
		}
		parts = append(parts, e.Str)
	}
	return "/" + strings.Join(parts, "/")
}
