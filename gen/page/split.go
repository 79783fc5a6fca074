package page

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// A file may hold several pages: a consolidated export of a whole API
// section writes each page as a heading line followed by the page's
// source ("### Summary" then "*Source: [https://docs.dataforseo.com/v3/
// backlinks/summary/live/](...)*"). ParseFile cuts such a file into its
// pages and reads each as a page of its own; a file without two such
// starts is one page.

var headingLine = regexp.MustCompile(`^\s{0,3}#{1,6}\s+(.*\S)\s*$`)

// pageStart is where one page of a multi-page file begins.
type pageStart struct {
	line    int // index of the heading line
	heading string
	url     string
}

// splitPages finds the page starts of a multi-page file: a heading line
// whose next non-blank line is a source line. It returns nil when the
// file holds fewer than two.
func splitPages(lines []string) []pageStart {
	var starts []pageStart
	for i, l := range lines {
		m := headingLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		for j := i + 1; j < len(lines) && j <= i+3; j++ {
			if strings.TrimSpace(lines[j]) == "" {
				continue
			}
			if s := sourceLine.FindStringSubmatch(lines[j]); s != nil {
				starts = append(starts, pageStart{line: i, heading: cleanLine(mdInline(m[1])), url: s[1]})
			}
			break
		}
	}
	if len(starts) < 2 {
		return nil
	}
	return starts
}

// ParseFile reads a file of one page or of several. Each page is read on
// its own, its format from its content (the file's format when the page
// alone does not show one, as a page of prose does not); line numbers are
// the file's. It returns the pages it could read and an error for each it
// could not, each naming the file and the page's heading.
func ParseFile(src string, data []byte) ([]*Page, []error) {
	if !utf8.Valid(data) || strings.TrimSpace(string(data)) == "" {
		p, err := Parse(src, data)
		if err != nil {
			return nil, []error{err}
		}
		return []*Page{p}, nil
	}
	text := string(data)
	lines := splitLines(text)
	starts := splitPages(lines)
	if starts == nil {
		p, err := Parse(src, data)
		if err != nil {
			return nil, []error{err}
		}
		return []*Page{p}, nil
	}
	fileReader, fileKnown := detect(text)
	var pages []*Page
	var errs []error
	slugs := map[string]int{}
	for i, st := range starts {
		end := len(lines)
		if i+1 < len(starts) {
			end = starts[i+1].line
		}
		// The page's text is its own lines; the reader counts them from
		// the page's first line, so that line numbers point into the file.
		pageText := strings.Join(lines[st.line:end], "\n")
		slug := slugOf(st.heading)
		slugs[slug]++
		if n := slugs[slug]; n > 1 {
			slug = fmt.Sprintf("%s-%d", slug, n)
		}
		r, ok := detect(pageText)
		if !ok || r.format == WordPressJSON {
			r, ok = fileReader, fileKnown && fileReader.format != WordPressJSON
		}
		if !ok {
			errs = append(errs, &Error{File: src, Page: st.heading, Part: PartPage, Line: st.line + 1,
				Reason: "unknown format: no field table and no markdown code fences, in the page or the file"})
			continue
		}
		p, err := r.parse(src, pageText, st.line+1)
		if err != nil {
			var pe *Error
			if errors.As(err, &pe) {
				pe.Page = st.heading
			}
			errs = append(errs, err)
			continue
		}
		p.Format = r.format
		p.Source, p.File, p.Heading, p.URL = src+"#"+slug, src, st.heading, st.url
		if p.Title == "" {
			p.Title = st.heading
		}
		pages = append(pages, p)
	}
	return pages, errs
}

// slugOf makes a page's name in a file from its heading: "New & Lost
// Timeseries" is "new-lost-timeseries".
func slugOf(heading string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(heading) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "page"
	}
	return b.String()
}
