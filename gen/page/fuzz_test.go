package page_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/dataforseo-go/dataforseo/gen/page"
	"github.com/dataforseo-go/dataforseo/gen/spec"
)

// One fuzzer per page format, each seeded with the pages of its format
// (the small test pages and the repository's real pages). Whatever the
// input, reading it and building a spec from it must not panic, and a
// failure must be a *page.Error that names the file.

func FuzzWordPressJSON(f *testing.F) { fuzzFormat(f, page.WordPressJSON) }
func FuzzPipeText(f *testing.F)      { fuzzFormat(f, page.PipeText) }
func FuzzTabText(f *testing.F)       { fuzzFormat(f, page.TabText) }
func FuzzSpaceText(f *testing.F)     { fuzzFormat(f, page.SpaceText) }
func FuzzMarkdown(f *testing.F)      { fuzzFormat(f, page.Markdown) }

func fuzzFormat(f *testing.F, format page.Format) {
	seeds := 0
	for _, pattern := range []string{"testdata/formats/*", "../../spec/pages/*"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			if got, ok := page.Detect(data); ok && got == format {
				f.Add(data)
				seeds++
			}
		}
	}
	if seeds == 0 {
		f.Fatalf("no seed page of format %s", format)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := page.Parse("fuzz.txt", data)
		if err != nil {
			checkError(t, err)
			return
		}
		if _, _, err := spec.Build([]*page.Page{p}); err != nil {
			checkError(t, err)
		}
	})
}

func checkError(t *testing.T, err error) {
	var pe *page.Error
	if !errors.As(err, &pe) {
		t.Fatalf("error is %T, not *page.Error: %v", err, err)
	}
	if pe.File != "fuzz.txt" || pe.Reason == "" {
		t.Fatalf("error does not name the file and a reason: %v", err)
	}
}
