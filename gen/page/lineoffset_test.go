package page

import (
	"fmt"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Line numbers of a page of a multi-page file are the file's: a reader
// reads only the page's lines and counts them from the page's first line.
// These tests read files of N copies of pages and compare each copy with
// the page read alone, every line number moved by where the copy starts.

// lineRef is a line number written in a message: "line 12", "(line 12)";
// "line 3 of the example" counts in the example, not in the file.
var lineRef = regexp.MustCompile(`\bline (\d+)( of the example)?`)

// shiftLines moves by off every line number v holds: each int field named
// Line that is known (not 0), and each line number written in a string
// field named Where or Reason. It records in seen each struct type whose
// Line it moved. jsonval values have no line numbers and are not walked.
func shiftLines(v reflect.Value, off int, seen map[reflect.Type]bool) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			shiftLines(v.Elem(), off, seen)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			shiftLines(v.Index(i), off, seen)
		}
	case reflect.Struct:
		if v.Type().PkgPath() != reflect.TypeFor[Page]().PkgPath() {
			return
		}
		for i := 0; i < v.NumField(); i++ {
			f, sf := v.Field(i), v.Type().Field(i)
			switch {
			case sf.Name == "Line" && f.Kind() == reflect.Int:
				if f.Int() > 0 {
					f.SetInt(f.Int() + int64(off))
					seen[v.Type()] = true
				}
			case (sf.Name == "Where" || sf.Name == "Reason") && f.Kind() == reflect.String:
				f.SetString(lineRef.ReplaceAllStringFunc(f.String(), func(m string) string {
					sm := lineRef.FindStringSubmatch(m)
					if sm[2] != "" {
						return m
					}
					n, _ := strconv.Atoi(sm[1])
					return fmt.Sprintf("line %d", n+off)
				}))
			default:
				shiftLines(f, off, seen)
			}
		}
	}
}

// lineTypes are the struct types of package page, reachable from Page or
// Error, that have a field named Line: the test's pages must give each of
// them a line number, so that a new one is covered.
func lineTypes() map[reflect.Type]bool {
	out := map[reflect.Type]bool{}
	visited := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || t.PkgPath() != reflect.TypeFor[Page]().PkgPath() || visited[t] {
			return
		}
		visited[t] = true
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); f.Name == "Line" {
				out[t] = true
			} else {
				walk(f.Type)
			}
		}
	}
	walk(reflect.TypeFor[Page]())
	walk(reflect.TypeFor[Error]())
	return out
}

// offsetPages are pages of each text format with everything that has a
// line number: request and response tables, rows, response and request
// examples, repaired and left-out examples, a skipped code sample, an
// errors appendix's codes, a filters table; badPages are pages that
// cannot be read, whose errors have line numbers.
func offsetPages(t *testing.T) (good, bad []string) {
	t.Helper()
	for _, name := range []string{"md.md", "pipe.txt", "tab.txt", "space.txt"} {
		data, err := os.ReadFile("testdata/formats/" + name)
		if err != nil {
			t.Fatal(err)
		}
		good = append(good, string(data))
	}
	good = append(good,
		// Repaired and left-out examples, a skipped and a read sample.
		"POST https://api.dataforseo.com/v3/widgets/live\n\n"+
			"curl --data-raw '[{\"target\": f(x)}]'\n\n"+
			"$post_array[] = array(\"target\" => \"example.com\");\n\n"+
			"Description of the fields in the results array:\n\nField name\tType\tDescription\ntasks\tarray\tarray of tasks\n\n"+
			"The above command returns JSON structured like this:\n{\n  \"version\": \"0.1\"\n  \"tasks\": [],\n}\n\n"+
			"The above command returns JSON structured like this:\n{\n  \"version\": \"0.1\",\n  {\"tasks\": []}\n}\n\n"+
			"The above command returns JSON structured like this:\n[1]\n\n"+
			"The above command returns JSON structured like this:\n",
		// An errors appendix.
		"| Code | Message |\n| --- | --- |\n| 40000 | You can set only one task at a time. |\n"+
			"| 40001 | This id is used by another client. |\n| 50000 | Internal error. |\n",
		// A filters table.
		"GEThttps://api.dataforseo.com/v3/widgets/available_filters\n\n"+
			"| Field name | Type | Description |\n| --- | --- | --- |\n"+
			"| `version` | string | *the version* |\n| `status_code` | integer | *status* |\n| **`tasks`** | array | *tasks* |\n\n"+
			"**Description of the available filters:**\n\n"+
			"| Field name | Type | Description |\n| --- | --- | --- |\n"+
			"| `rank` | num | *rank* |\n| `domain` | str | *domain* |\n| `$key.first_seen` | time | *first seen* |\n",
	)
	bad = []string{
		// A stray cell in a pipe table.
		"POST https://api.dataforseo.com/v3/widgets/live\n\nField name | Type | Description |\n---|---|---|\ntarget |\nstring | target |\nstray |\n",
		// A table with a header and no rows.
		"POST https://api.dataforseo.com/v3/widgets/live\n\n| Field name | Type | Description |\n| --- | --- | --- |\n\ntext\n",
		// A second response table.
		"POST https://api.dataforseo.com/v3/widgets/live\n\nField name\tType\tDescription\ntasks\tarray\tx\nstatus_code\tinteger\tx\n\n" +
			"Field name\tType\tDescription\ntasks\tarray\tx\nstatus_code\tinteger\tx\n",
	}
	return good, bad
}

// copies writes n copies of the pages as one file, each page under a
// heading and a source line, and returns the file and, for each page in
// order, its index in pages and the file's line number of its first line.
func copies(pages []string, n int) (file string, which, first []int) {
	var b strings.Builder
	b.WriteString("# Widgets API Documentation\n\n")
	line := 3
	for c := 0; c < n; c++ {
		for i, p := range pages {
			block := fmt.Sprintf("### Page %d\n*Source: https://docs.dataforseo.com/v3/widgets/p%d/*\n%s\n", i, i, strings.TrimRight(p, "\n"))
			b.WriteString(block)
			which, first = append(which, i), append(first, line)
			line += strings.Count(block, "\n")
		}
	}
	return b.String(), which, first
}

// alone is page i read at the start of a file of its own (it is the
// file's first line; a second page makes it a multi-page file, so that
// the page is read as in the file, its heading and format as there).
func alone(t *testing.T, pages []string, i int) (*Page, *Error) {
	t.Helper()
	file := fmt.Sprintf("### Page %d\n*Source: https://docs.dataforseo.com/v3/widgets/p%d/*\n%s\n", i, i, strings.TrimRight(pages[i], "\n")) +
		"### End\n*Source: https://docs.dataforseo.com/v3/widgets/end/*\n```\n```\n"
	ps, errs := ParseFile("widgets.md", []byte(file))
	if len(ps) > 0 && ps[0].Heading == fmt.Sprintf("Page %d", i) {
		return ps[0], nil
	}
	if len(errs) > 0 {
		if pe, ok := errs[0].(*Error); ok && pe.Page == fmt.Sprintf("Page %d", i) {
			return nil, pe
		}
	}
	t.Fatalf("page %d alone: %d pages, errors %v", i, len(ps), errs)
	return nil, nil
}

func TestLineNumbersOffset(t *testing.T) {
	good, _ := offsetPages(t)
	file, which, first := copies(good, 3)
	pages, errs := ParseFile("widgets.md", []byte(file))
	if len(errs) > 0 || len(pages) != len(which) {
		t.Fatalf("%d pages of %d, errors %v", len(pages), len(which), errs)
	}
	seen := map[reflect.Type]bool{}
	for k, got := range pages {
		i := which[k]
		want, werr := alone(t, good, i)
		if werr != nil {
			t.Fatalf("page %d alone: %v", i, werr)
		}
		shiftLines(reflect.ValueOf(want), first[k]-1, seen)
		want.Source = got.Source // "#page-1-2" in the file
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("page %d (copy at line %d): line numbers are not the file's (-alone, moved +in the file):\n%s", i, first[k], diff)
		}
	}
	_, bad := offsetPages(t)
	file, which, first = copies(bad, 3)
	pages, errs = ParseFile("widgets.md", []byte(file))
	if len(pages) > 0 || len(errs) != len(which) {
		t.Fatalf("%d pages, %d errors of %d", len(pages), len(errs), len(which))
	}
	for k, err := range errs {
		i := which[k]
		_, want := alone(t, bad, i)
		if want == nil {
			t.Fatalf("bad page %d alone is read", i)
		}
		got, ok := err.(*Error)
		if !ok {
			t.Fatalf("bad page %d: error %v, want *Error", i, err)
		}
		shiftLines(reflect.ValueOf(want), first[k]-1, seen)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("bad page %d (copy at line %d): line numbers are not the file's (-alone, moved +in the file):\n%s", i, first[k], diff)
		}
	}
	var missing []string
	for typ := range lineTypes() {
		if !seen[typ] {
			missing = append(missing, typ.String())
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("no test page gives a line number to %v: add one to offsetPages", missing)
	}
}
