package page

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// reader is one page format: a content test and a parser. Adding a format
// is adding one file that declares a reader and lists it in readers.
type reader struct {
	format Format
	// header tells the "Field name / Type / Description" header line of
	// the format's tables; nil for formats recognised otherwise.
	header func(line string) bool
	// parse reads text, whose first line is line first of the file:
	// every line number it gives (tables, rows, examples, notes, codes,
	// errors, and those written in messages) is counted from first, so
	// that a page of a multi-page file reads without the lines before it.
	parse func(src, text string, first int) (*Page, error)
}

// headerLine is the header test of a format: its pattern, tried on one
// line (no "\n" in it), and only on the lines that say "Field name".
func headerLine(pattern *regexp.Regexp) func(line string) bool {
	return func(line string) bool {
		return strings.Contains(line, "Field name") && pattern.MatchString(line)
	}
}

var readers = []reader{markdownReader, pipeReader, tabReader, spaceReader}

// Parse reads one page. src is the file name, used only in messages.
func Parse(src string, data []byte) (*Page, error) {
	if !utf8.Valid(data) {
		off := firstInvalidUTF8(data)
		line := 1 + bytes.Count(data[:off], []byte("\n"))
		return nil, &Error{File: src, Part: PartPage, Line: line,
			Reason: fmt.Sprintf("not valid UTF-8 (byte 0x%02x at offset %d)", data[off], off)}
	}
	text := string(data)
	if strings.TrimSpace(text) == "" {
		return nil, &Error{File: src, Part: PartPage, Reason: "empty page"}
	}
	r, ok := detect(text)
	if !ok {
		return nil, &Error{File: src, Part: PartPage, Reason: "unknown format: no field table " +
			"(a \"Field name / Type / Description\" header) and no markdown code fences"}
	}
	p, err := r.parse(src, text, 1)
	if err != nil {
		return nil, err
	}
	p.Format = r.format
	return p, nil
}

// Detect names the format of a page from its content.
func Detect(data []byte) (Format, bool) {
	r, ok := detect(string(data))
	return r.format, ok
}

// wordPressReader reads a page that is a JSON object: the WordPress REST
// API's page JSON (any other JSON is an error it names).
var wordPressReader = reader{format: WordPressJSON, parse: parseWordPress}

// detect picks the reader of a text: WordPress for a JSON object, else the
// one whose table header comes first; a page without any table header is
// markdown if it has code fences. It reads the text once, line by line,
// and stops at the first header.
func detect(text string) (reader, bool) {
	if strings.HasPrefix(strings.TrimSpace(text), "{") {
		return wordPressReader, true
	}
	fenced := false
	for rest := text; rest != ""; {
		line := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		line = strings.TrimSuffix(line, "\r")
		for _, r := range readers {
			if r.header(line) {
				return r, true
			}
		}
		fenced = fenced || isFence(line)
	}
	if fenced {
		return markdownReader, true
	}
	return reader{}, false
}

// isFence tells a markdown code fence line.
func isFence(line string) bool { return strings.HasPrefix(strings.TrimLeft(line, " \t"), "```") }

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}
