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

	"github.com/dataforseo-go/dataforseo/gen/page"
	"github.com/dataforseo-go/dataforseo/gen/spec"
)

// Options say where the pages are and where the outputs go.
type Options struct {
	PagesDir   string // every regular file in it is a page
	SpecPath   string // spec/openapi.yaml
	ReportPath string // spec/REPORT.md
}

// ReadPages parses every file of dir in name order. All unreadable pages
// are reported together.
func ReadPages(dir string) ([]*page.Page, error) {
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
	var pages []*page.Page
	var errs []error
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		p, err := page.Parse(name, data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		pages = append(pages, p)
	}
	if len(pages) == 0 && len(errs) == 0 {
		errs = append(errs, fmt.Errorf("%s: no pages", dir))
	}
	return pages, errors.Join(errs...)
}

// Generate builds the spec and the report from the pages of dir.
func Generate(dir string) (doc *openapi3.T, yaml []byte, report *spec.Report, err error) {
	pages, err := ReadPages(dir)
	if err != nil {
		return nil, nil, nil, err
	}
	doc, report, err = spec.Build(pages)
	if err != nil {
		return nil, nil, nil, err
	}
	yaml, err = spec.Marshal(doc)
	if err != nil {
		return nil, nil, nil, err
	}
	return doc, yaml, report, nil
}

// Run writes the spec and the report.
func Run(o Options) error {
	_, yaml, report, err := Generate(o.PagesDir)
	if err != nil {
		return err
	}
	if err := os.WriteFile(o.SpecPath, yaml, 0o644); err != nil {
		return err
	}
	return os.WriteFile(o.ReportPath, []byte(report.Markdown()), 0o644)
}
