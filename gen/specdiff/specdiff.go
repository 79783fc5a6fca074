// Package specdiff says what changed between two versions of the spec, in
// words a reviewer reads in a minute: grouped by endpoint, each change
// naming the field path and the Go field of the SDK it changes, and
// marked breaking or not for SDK users.
//
// The comparison is oasdiff's (built on kin-openapi); this package only
// groups its findings, rewrites their schema paths as field paths, names
// the Go fields, and decides what breaks Go code (rule in Breaking).
package specdiff

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oasdiff/oasdiff/checker"
	"github.com/oasdiff/oasdiff/diff"
	"github.com/oasdiff/oasdiff/load"
)

// Change is one change of one field (or operation).
type Change struct {
	Method, Path string // the endpoint
	Field        string // "response tasks[].result[].items[].rank", "" for the operation
	GoField      string // "backlinks.ReferringNetworksLiveItem.Rank", "" when none
	Kinds        []string
	Texts        []string // what oasdiff says, paths made readable
	Breaking     bool
}

// Report is every change between two specs.
type Report struct {
	Changes []Change
	// Renames are the types whose name changed (every one breaks code
	// that names it); oasdiff, which resolves references, does not see
	// them.
	Renames []Rename
}

// Breaking counts the breaking changes, renames included.
func (r *Report) Breaking() int {
	n := len(r.Renames)
	for _, c := range r.Changes {
		if c.Breaking {
			n++
		}
	}
	return n
}

// breakingID matches the oasdiff checks whose change breaks code written
// against the generated SDK: a field, operation or enum value that goes
// away (the Go name goes), a type or format change, even one the API calls
// compatible such as integer to number (the Go type changes: int64 to float64),
// a response field whose nullability changes or that becomes optional or
// required (plain value <-> sdk.Opt or a pointer), a request field that becomes required, a string that becomes an enum, and
// a tightened request constraint (Validate refuses what it took). Added
// fields and values, relaxed constraints and new defaults do not break.
var breakingID = regexp.MustCompile(`removed|type-(changed|generalized|specialized|compatible)|format-changed|list-of-types|response.*became-(not-)?nullable|response-property-became-(optional|required)|` +
	`new-required-request|request-property-became-required|became-enum|request.*(max-decreased|max-length-decreased|` +
	`max-items-decreased|min-increased|min-length-increased|min-items-increased|max-set|max-length-set|max-items-set|min-set|pattern-(added|changed))`)

// notBreakingID are "removed" checks that change no Go code.
var notBreakingID = regexp.MustCompile(`default-value|annotation|example|description|deprecated|extension`)

// Breaking reports whether an oasdiff check id breaks SDK users.
func Breaking(id string) bool { return breakingID.MatchString(id) && !notBreakingID.MatchString(id) }

// Compare diffs base and head (OpenAPI YAML).
func Compare(base, head []byte) (*Report, error) {
	b, err := openapi3.NewLoader().LoadFromData(base)
	if err != nil {
		return nil, fmt.Errorf("base spec: %w", err)
	}
	h, err := openapi3.NewLoader().LoadFromData(head)
	if err != nil {
		return nil, fmt.Errorf("head spec: %w", err)
	}
	d, sources, err := diff.GetWithOperationsSourcesMap(diff.NewConfig(),
		&load.SpecInfo{Url: "base", Spec: b}, &load.SpecInfo{Url: "head", Spec: h})
	if err != nil {
		return nil, err
	}
	changes := checker.CheckBackwardCompatibilityUntilLevel(checker.NewConfig(checker.GetAllChecks()), d, sources, checker.INFO)
	names := newGoNames(b, h)
	r := &Report{Renames: renames(b, h, names)}
	explained := map[string]bool{} // components a rename or merge accounts for
	for _, rn := range r.Renames {
		for _, n := range rn.From {
			explained[n] = true
		}
	}
	loc := checker.NewDefaultLocalizer()
	byKey := map[string]*Change{}
	var order []string
	for _, c := range changes {
		if c.GetId() == "api-schema-removed" && slices.ContainsFunc(c.GetArgs(), func(a any) bool { s, ok := a.(string); return ok && explained[s] }) {
			continue // said as the rename
		}
		field, goField, raw := names.locate(c)
		key := c.GetOperation() + " " + c.GetPath() + " " + goField
		if goField == "" {
			key += " " + field
		}
		ch := byKey[key]
		if ch == nil {
			ch = &Change{Method: c.GetOperation(), Path: c.GetPath(), Field: field, GoField: goField}
			byKey[key] = ch
			order = append(order, key)
		}
		text := c.GetUncolorizedText(loc)
		if raw != "" {
			_, path, _ := strings.Cut(field, " ")
			text = strings.ReplaceAll(text, "`"+raw+"`", "`"+path+"`")
		}
		if !slices.Contains(ch.Texts, text) {
			ch.Kinds = append(ch.Kinds, c.GetId())
			ch.Texts = append(ch.Texts, text)
		}
		ch.Breaking = ch.Breaking || Breaking(c.GetId())
	}
	for _, k := range order {
		ch := byKey[k]
		if echoOnly(ch) {
			continue
		}
		r.Changes = append(r.Changes, *ch)
	}
	slices.SortStableFunc(r.Changes, func(x, y Change) int {
		return cmp.Or(cmp.Compare(x.Path, y.Path), cmp.Compare(x.Method, y.Method), cmp.Compare(x.Field, y.Field), cmp.Compare(x.GoField, y.GoField))
	})
	return r, nil
}

// echoOnly drops what oasdiff sees twice: a request field also appears in
// the response's data echo, which is the same Go field (the Data struct
// embeds the request); the request side already says it.
func echoOnly(c *Change) bool {
	return strings.HasPrefix(c.Field, "response tasks[].data.") && strings.Contains(c.GoField, "Request.")
}
