package docs2spec_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/dataforseo-go/dataforseo/gen/docs2spec"
	"github.com/dataforseo-go/dataforseo/gen/page"
)

// TestBrokenPages runs each broken page alone through docs2spec: each
// must fail with exactly the error written here, as a *page.Error that
// names the file, the part, the row or field, and why.
func TestBrokenPages(t *testing.T) {
	tests := []struct{ file, want string }{
		{"empty.txt", "empty.txt: page: empty page"},
		{"invalid-utf8.txt", "invalid-utf8.txt: page, line 3: not valid UTF-8 (byte 0xff at offset 94)"},
		{"unknown-format.txt", `unknown-format.txt: page: unknown format: no field table (a "Field name / Type / Description" header) and no markdown code fences`},
		{"missing-tables.json", "missing-tables.json: page: no field table and no JSON response example: the page describes no field"},
		{"duplicate-field.txt", `duplicate-field.txt: request table, row 3 (field "limit", line 9): duplicate field: row 2 (field "limit", line 7) already describes limit`},
		{"unknown-type.txt", `unknown-type.txt: request table, row 2 (field "limit", line 7): unknown type "intger" (the tables use string, integer, float, boolean, array, object)`},
		{"stray-cell.txt", `stray-cell.txt: page, line 7: table at line 3: cell "limit " does not complete a "name | type | description |" row`},
		{"no-endpoint.txt", `no-endpoint.txt: endpoint: no endpoint: no "POST https://api.dataforseo.com/v3/..." line, no "POST /v3/..." comment and no task path in an example`},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			dir := t.TempDir()
			data, err := os.ReadFile(filepath.Join("testdata", "broken", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, tt.file), data, 0o644); err != nil {
				t.Fatal(err)
			}
			_, _, _, err = docs2spec.Generate(dir)
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tt.want {
				t.Errorf("error:\n got: %s\nwant: %s", err, tt.want)
			}
			var pe *page.Error
			if !errors.As(err, &pe) || pe.File != tt.file {
				t.Errorf("error %T does not name the file as a *page.Error", err)
			}
		})
	}
}

// TestBrokenExample: an example that is not JSON and has no single repair
// is left out and reported, and the page's tables build the operation;
// with -strict it is an error naming the file, the part and the line.
func TestBrokenExample(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join("testdata", "broken", "truncated-example.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "truncated-example.txt"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	doc, _, report, err := docs2spec.Generate(dir)
	if err != nil {
		t.Fatalf("lenient: %v", err)
	}
	if doc.Paths.Value("/v3/widgets/live") == nil {
		t.Error("the tables did not build the operation")
	}
	if n := report.Count("POST", "/v3/widgets/live", "left-out"); n != 1 {
		t.Errorf("%d left-out entries, want 1", n)
	}
	_, _, _, err = docs2spec.GenerateWith(docs2spec.Options{PagesDir: dir, Strict: true})
	want := "truncated-example.txt: response example, example 1 (line 21): -strict: invalid JSON at line 4 of the example: " +
		"JSON ends before the value is complete (truncated?); no single repair: left out"
	if err == nil || err.Error() != want {
		t.Errorf("strict:\n got: %v\nwant: %s", err, want)
	}
}

// TestMultiPageOneBad: in a file of three pages, one with an unknown
// type, the two others build and the error names the file, the bad
// page's heading, the part, the row and why.
func TestMultiPageOneBad(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join("testdata", "broken", "multi-page.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "multi-page.md"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	doc, _, _, err := docs2spec.Generate(dir)
	want := `multi-page.md: page "Gadgets Live": request table, row 2 (field "limit", line 48): ` +
		`unknown type "intger" (the tables use string, integer, float, boolean, array, object)`
	if err == nil || err.Error() != want {
		t.Fatalf("error:\n got: %v\nwant: %s", err, want)
	}
	var pe *page.Error
	if !errors.As(err, &pe) || pe.File != "multi-page.md" || pe.Page != "Gadgets Live" {
		t.Errorf("error %T does not name the file and the page as a *page.Error", err)
	}
	if doc == nil {
		t.Fatal("no spec from the good pages")
	}
	for path, method := range map[string]string{"/v3/widgets/live": "POST", "/v3/widgets/index": "GET"} {
		if item := doc.Paths.Value(path); item == nil || item.GetOperation(method) == nil {
			t.Errorf("%s %s did not build", method, path)
		}
	}
	if doc.Paths.Value("/v3/widgets/gadgets/live") != nil {
		t.Error("the bad page built an operation")
	}
}
