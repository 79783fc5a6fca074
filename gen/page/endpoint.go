package page

import (
	"regexp"
	"strings"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
)

// endpointRes match "POST https://api.dataforseo.com/v3/..." banners
// (some captures lose the space: "POSThttps://..."), and "// POST /v3/..."
// comments in the code samples, after a word boundary: one pattern per
// method, so that each starts with a literal the search skips to.
var endpointRes = []*regexp.Regexp{
	regexp.MustCompile(`GET` + endpointRest),
	regexp.MustCompile(`POST` + endpointRest),
}

const endpointRest = `(?:\s*"?https?://api\.dataforseo\.com|\s+"?)(/v3/[A-Za-z0-9_./{}$-]*[A-Za-z0-9_}])`

// endpointMentions are the method and path of every mention of an
// endpoint, in text order, as one pattern "\b(GET|POST)..." finds them
// (leftmost first, not overlapping).
func endpointMentions(text string) [][2]string {
	var out [][2]string
	next := make([][]int, len(endpointRes)) // each pattern's next match at or after pos, nil for none
	pos := 0
	find := func(i int) {
		for from := pos; from <= len(text); {
			loc := endpointRes[i].FindStringSubmatchIndex(text[from:])
			if loc == nil {
				next[i] = nil
				return
			}
			for k := range loc {
				loc[k] += from
			}
			if loc[0] == 0 || !isWordByte(text[loc[0]-1]) {
				next[i] = loc
				return
			}
			from = loc[0] + 1 // no word boundary before the method
		}
		next[i] = nil
	}
	for i := range endpointRes {
		find(i)
	}
	for {
		best := -1
		for i, loc := range next {
			if loc != nil && (best < 0 || loc[0] < next[best][0]) {
				best = i
			}
		}
		if best < 0 {
			return out
		}
		loc := next[best]
		out = append(out, [2]string{text[loc[0] : loc[0]+len([]string{"GET", "POST"}[best])], text[loc[2]:loc[3]]})
		pos = loc[1]
		for i, l := range next {
			if l != nil && l[0] < pos {
				find(i)
			}
		}
	}
}

// isWordByte is an ASCII word character, as \b sees them.
func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

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
	for _, m := range endpointMentions(text) {
		e := ep{m[0], normalisePath(m[1])}
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
