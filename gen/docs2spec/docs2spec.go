// Package docs2spec is the docs2spec command: it reads every page of a
// directory, builds the spec, and writes the spec and its report.
package docs2spec

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
	"github.com/dataforseo-go/dataforseo/gen/page"
	"github.com/dataforseo-go/dataforseo/gen/spec"
)

// Options say where the pages are and where the outputs go.
type Options struct {
	PagesDir string // every regular file in it holds a page, or several
	// ResponsesDir holds response bodies recorded from the API, matched to
	// their operations by tasks[].path. "" is "responses" beside PagesDir
	// (spec/responses for spec/pages), when it exists.
	ResponsesDir string
	SpecPath     string // spec/openapi.yaml
	ReportPath   string // spec/REPORT.md
	// Strict makes every repaired example and every example left out (not
	// JSON, or not fitting the documented schema) an error.
	Strict bool
}

func (o Options) responsesDir() string {
	if o.ResponsesDir != "" {
		return o.ResponsesDir
	}
	dir := filepath.Join(filepath.Dir(filepath.Clean(o.PagesDir)), "responses")
	if st, err := os.Stat(dir); err == nil && st.IsDir() {
		return dir
	}
	return ""
}

// files lists the regular files of dir in name order, without hidden ones.
func files(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	return names, nil
}

// ReadPages parses every file of dir in name order; a file may hold
// several pages. It returns every page it could read, and the errors of
// those it could not, joined.
func ReadPages(dir string) ([]*page.Page, error) {
	names, err := files(dir)
	if err != nil {
		return nil, err
	}
	var pages []*page.Page
	var errs []error
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ps, perrs := page.ParseFile(name, data)
		pages = append(pages, ps...)
		errs = append(errs, perrs...)
	}
	if len(pages) == 0 && len(errs) == 0 {
		errs = append(errs, fmt.Errorf("%s: no pages", dir))
	}
	return pages, errors.Join(errs...)
}

// ReadResponses reads every file of dir as a recorded response body; a
// file that is not JSON is an error naming it. The names are relative to
// the repository's spec directory ("responses/x.json").
func ReadResponses(dir string) ([]spec.Recorded, error) {
	names, err := files(dir)
	if err != nil {
		return nil, err
	}
	var out []spec.Recorded
	var errs []error
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		src := filepath.Base(dir) + "/" + name
		v, err := jsonval.Parse(data)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: not a JSON response body: %w", src, err))
			continue
		}
		out = append(out, spec.Recorded{Source: src, Body: v})
	}
	return out, errors.Join(errs...)
}

// Generate builds the spec and the report from the pages of dir (and the
// recorded responses beside it), leniently.
func Generate(dir string) (doc *openapi3.T, yaml []byte, report *spec.Report, err error) {
	return GenerateWith(Options{PagesDir: dir})
}

// GenerateWith builds the spec and the report. Pages that cannot be read,
// or yield no operation, and recordings that match none, are errors; the
// spec is still built from the rest, and returned with them (nil only
// when nothing could be built).
func GenerateWith(o Options) (doc *openapi3.T, yaml []byte, report *spec.Report, err error) {
	pages, readErr := ReadPages(o.PagesDir)
	var errs []error
	if readErr != nil {
		errs = append(errs, readErr)
	}
	var recorded []spec.Recorded
	if dir := o.responsesDir(); dir != "" {
		r, err := ReadResponses(dir)
		recorded = r
		if err != nil {
			errs = append(errs, err)
		}
	}
	if o.Strict {
		errs = append(errs, strictNotes(pages)...)
	}
	if len(pages) == 0 {
		return nil, nil, nil, errors.Join(errs...)
	}
	doc, report, err = spec.BuildAll(pages, recorded)
	if doc == nil {
		return nil, nil, nil, errors.Join(append(errs, err)...)
	}
	if err != nil {
		errs = append(errs, err)
	}
	if o.Strict {
		errs = append(errs, strictReport(report)...)
	}
	yaml, merr := spec.Marshal(doc)
	if merr != nil {
		return nil, nil, nil, merr
	}
	return doc, yaml, report, errors.Join(errs...)
}

// strictNotes are the repaired and left-out examples, as errors.
func strictNotes(pages []*page.Page) []error {
	var errs []error
	for _, p := range pages {
		for _, n := range p.Notes {
			if n.Kind == page.Repaired || n.Kind == page.LeftOut {
				e := p.Errorf(n.Part, n.Where, "-strict: %s", n.Reason)
				e.Line = n.Line
				errs = append(errs, e)
			}
		}
	}
	return errs
}

// strictReport are the examples the builder left out, as errors.
func strictReport(r *spec.Report) []error {
	var errs []error
	keys := make([]string, 0, len(r.Endpoints))
	for k := range r.Endpoints {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		for _, e := range r.Endpoints[k].Entries {
			if e.Kind == "example-rejected" {
				errs = append(errs, fmt.Errorf("%s: -strict: %s", k, e.Text))
			}
		}
	}
	return errs
}

// Run writes the spec and the report, also when some pages fail (their
// errors are returned): the others still build.
func Run(o Options) error {
	_, yaml, report, err := GenerateWith(o)
	if yaml == nil {
		return err
	}
	if werr := os.WriteFile(o.SpecPath, yaml, 0o644); werr != nil {
		return werr
	}
	if werr := os.WriteFile(o.ReportPath, []byte(report.Markdown()), 0o644); werr != nil {
		return werr
	}
	return err
}
