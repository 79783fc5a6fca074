package spec

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
	"github.com/dataforseo-go/dataforseo/gen/page"
)

// attachRecorded matches each recorded response to its endpoint by the
// tasks' path (path parameters match any segment). A body that is not a
// response, or whose path no page documents, is an error naming the file.
func (b *builder) attachRecorded(eps []*endpoint, recorded []Recorded) {
	for _, r := range recorded {
		path, err := recordedPath(r.Body)
		if err != nil {
			b.errs = append(b.errs, fmt.Errorf("%s: %w", r.Source, err))
			continue
		}
		var match *endpoint
		for _, ep := range eps {
			if pathMatches(ep.path, path) && (match == nil || ep.method == "POST") {
				match = ep
			}
		}
		if match == nil {
			b.errs = append(b.errs, fmt.Errorf("%s: tasks[].path %s matches no operation of the documentation pages", r.Source, path))
			continue
		}
		match.recorded = append(match.recorded, r)
		b.report.Recorded = append(b.report.Recorded, RecordedSummary{Source: r.Source, Endpoint: match.method + " " + match.path})
	}
}

// recordedPath reads the path every task of a response names.
func recordedPath(v *jsonval.Value) (string, error) {
	if v == nil || v.Kind != jsonval.Object || v.Get("status_code") == nil || v.Get("tasks") == nil {
		return "", fmt.Errorf("not a response: a response is a JSON object with status_code and tasks")
	}
	tasks := v.Get("tasks")
	if tasks.Kind != jsonval.Array {
		return "", fmt.Errorf("not a response of an operation: tasks is %s, not an array of tasks", tasks.Kind)
	}
	path := ""
	for i, t := range tasks.Arr {
		p := examplePath(t.Get("path"))
		switch {
		case p == "":
			return "", fmt.Errorf("tasks[%d] has no path (an array of strings): the operation cannot be told", i)
		case path != "" && p != path:
			return "", fmt.Errorf("tasks[%d].path %s is not tasks[0].path %s", i, p, path)
		}
		path = p
	}
	if path == "" {
		return "", fmt.Errorf("not a response of an operation: no task names its path")
	}
	return path, nil
}

func examplePath(v *jsonval.Value) string {
	if v == nil || v.Kind != jsonval.Array || len(v.Arr) == 0 {
		return ""
	}
	parts := make([]string, len(v.Arr))
	for i, e := range v.Arr {
		if e.Kind != jsonval.String {
			return ""
		}
		parts[i] = e.Str
	}
	return "/" + strings.Join(parts, "/")
}

// pathMatches reports whether a task's path is an instance of the
// endpoint's path: equal segments, a {parameter} matching any one.
func pathMatches(template, path string) bool {
	ts, ps := strings.Split(template, "/"), strings.Split(path, "/")
	if len(ts) != len(ps) {
		return false
	}
	for i := range ts {
		if ts[i] != ps[i] && !(strings.HasPrefix(ts[i], "{") && strings.HasSuffix(ts[i], "}") && ps[i] != "") {
			return false
		}
	}
	return true
}

// wireChanges reports, under each recorded response that caused it, what
// the wire changed in a response field (rules W1-W3): a null the docs do
// not give, a key they lack, another type.
func (b *builder) wireChanges(ep *endpoint, n *node, m merged, typ, docsTyp string) {
	if len(n.rec) == 0 {
		return
	}
	switch {
	case !m.has && n.docs.seen == 0:
		b.recordedNote(ep, n, n.recordedFiles(), "added", "W2: a key the docs lack: added with its wire type (%s)", orAny(typ))
	case typ != docsTyp && docsTyp != "":
		b.recordedNote(ep, n, n.recordedFiles(), "type", "W3: the docs say %s, the wire %s: %s", docsTyp, typ, typ)
	}
	if n.ex.kinds[jsonval.Null] > 0 && n.docs.kinds[jsonval.Null] == 0 && !m.f.Nullable && (m.has || n.docs.seen > 0) {
		b.recordedNote(ep, n, n.recordedFiles(jsonval.Null), "nullable", "W1: null on the wire, where the docs give no null: nullable")
	}
}

// wireRequired reports a field of an object that every example of the
// docs has and a recording leaves out (rule W4): no longer always sent.
func (b *builder) wireRequired(ep *endpoint, parent, c *node) {
	var missing []string
	for f := range parent.rec {
		if objs := recordedObjects(parent, f); objs > 0 && (c.rec[f] == nil || c.rec[f].seen < objs) {
			missing = append(missing, f)
		}
	}
	slices.Sort(missing)
	b.recordedNote(ep, c, missing, "optional", "W4: every example of the docs has it, the wire leaves it out: optional")
}

func (b *builder) recordedNote(ep *endpoint, n *node, files []string, kind, format string, args ...any) {
	for _, f := range files {
		b.report.add(ep, &page.Page{Source: f}, PartRecorded, n.path(), kind, fmt.Sprintf(format, args...))
	}
}

// recordedKinds is the one JSON type the recordings give n, if they give
// exactly one (null aside): the wire corrects the docs' examples.
func (n *node) recordedKinds() []jsonval.Kind {
	var u exampleStats
	for _, s := range n.rec {
		u.merge(s)
	}
	return u.nonNullKinds()
}

func orAny(t string) string {
	if t == "" {
		return "any"
	}
	return t
}

// recordedObjects counts the objects a recording gave n: its values that
// are objects, or the objects of its arrays.
func recordedObjects(n *node, file string) int {
	s := n.rec[file]
	if s == nil {
		return 0
	}
	return s.kinds[jsonval.Object] + s.elemKind[jsonval.Object]
}
