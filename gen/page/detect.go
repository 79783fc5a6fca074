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
	// header matches the "Field name / Type / Description" header line of
	// the format's tables; nil for formats recognised otherwise.
	header *regexp.Regexp
	parse  func(src, text string) (*Page, error)
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
	p, err := r.parse(src, text)
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
// markdown if it has code fences.
func detect(text string) (reader, bool) {
	if strings.HasPrefix(strings.TrimSpace(text), "{") {
		return wordPressReader, true
	}
	best, bestAt := -1, len(text)+1
	for i, r := range readers {
		if loc := r.header.FindStringIndex(text); loc != nil && loc[0] < bestAt {
			best, bestAt = i, loc[0]
		}
	}
	if best >= 0 {
		return readers[best], true
	}
	if fenceLine.MatchString(text) {
		return markdownReader, true
	}
	return reader{}, false
}

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
