package page

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// This file holds what the text formats share: splitting into lines,
// cleaning cell text, finding where a table ends, telling a request table
// from a response table, and assembling a Page from the tables found.

// splitLines splits text into lines without their "\r\n" or "\n".
func splitLines(text string) []string {
	ls := strings.Split(text, "\n")
	for i, l := range ls {
		ls[i] = strings.TrimSuffix(l, "\r")
	}
	return ls
}

// invisible are runes the captures scatter through the text that carry no
// meaning: zero-width (non-)joiners and spaces, and byte-order marks.
var invisible = strings.NewReplacer("\u200c", "", "\u200b", "", "\u200d", "", "\ufeff", "", "\u00a0", " ")

// cleanLine removes invisible runes and collapses runs of blanks (spaces
// and tabs) into one space.
func cleanLine(s string) string {
	return strings.TrimSpace(collapseBlanks(invisible.Replace(s)))
}

// collapseBlanks writes each run of spaces and tabs as one space.
func collapseBlanks(s string) string {
	if !strings.Contains(s, "\t") && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	blank := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' {
			if !blank {
				b.WriteByte(' ')
			}
			blank = true
			continue
		}
		b.WriteByte(c)
		blank = false
	}
	return b.String()
}

// joinDescription cleans each line and joins the non-empty ones with "\n".
func joinDescription(lines []string) string {
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		if l = cleanLine(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// indentWidth counts the leading blanks (spaces, tabs, no-break spaces).
func indentWidth(s string) int {
	n := 0
	for _, r := range s {
		if r != ' ' && r != '\t' && r != '\u00a0' {
			break
		}
		n++
	}
	return n
}

// sectionMarkers start the prose that follows a field table in every
// format of the DataForSEO docs; a table's rows end at the first of them.
var sectionMarkers = []string{
	"as a response of the api server",
	"description of the fields",
	"the above command returns json",
	"all post data should be sent",
	"instead of ‘login’",
	"instead of 'login'",
	"below you will find a detailed description",
}

// isSectionMarker reports whether a line starts the prose after a table.
func isSectionMarker(line string) bool {
	l := strings.ToLower(strings.Trim(cleanLine(line), "*_#> "))
	for _, m := range sectionMarkers {
		if strings.HasPrefix(l, m) {
			return true
		}
	}
	return false
}

type tableKind int

const (
	requestKind tableKind = iota
	responseKind
	filterKind // the filters appendix: filter types, not field types
)

// isFilterType tells the types the filters appendix writes: str, num,
// bool, time, array.str, array.num, ...
func isFilterType(t string) bool {
	switch t {
	case "str", "num", "bool", "time":
		return true
	}
	return strings.HasPrefix(t, "array.")
}

// isFilterTable tells a table of filter types from a table of field
// types: three rows or more of a filter type (bool aside, which field
// tables write too), and more of them than rows of other types.
func isFilterTable(rows []Row) bool {
	filter, other := 0, 0
	for _, r := range rows {
		switch {
		case r.Type == "" || r.Type == "bool":
		case isFilterType(r.Type):
			filter++
		default:
			other++
		}
	}
	return filter >= 3 && filter > other
}

// kindFromMarker reads the "Description of the fields for setting a task" /
// "... in the results array" sentence that introduces a table.
func kindFromMarker(line string) (tableKind, bool) {
	l := strings.ToLower(cleanLine(line))
	if !strings.Contains(l, "description of the fields") {
		return 0, false
	}
	switch {
	case strings.Contains(l, "setting a task"), strings.Contains(l, "for setting"):
		return requestKind, true
	case strings.Contains(l, "result"):
		return responseKind, true
	}
	return 0, false
}

// kindFromRows guesses a table's kind when no sentence introduces it: the
// response table always starts with the envelope.
func kindFromRows(rows []Row) tableKind {
	var tasks, status bool
	for _, r := range rows {
		switch strings.TrimSpace(r.Name) {
		case "tasks":
			tasks = true
		case "status_code":
			status = true
		}
	}
	if tasks && status {
		return responseKind
	}
	return requestKind
}

// foundTable is a table a text reader found, before it is classified.
type foundTable struct {
	kind  tableKind
	known bool // kind came from an introducing sentence
	table *Table
}

// classify sets the table's kind from the closest introducing sentence in
// the lines before its header, or from its rows.
func classify(lines []string, header int, t *Table) foundTable {
	if isFilterTable(t.Rows) {
		return foundTable{kind: filterKind, known: true, table: t}
	}
	for i := header - 1; i >= 0 && i >= header-12; i-- {
		if k, ok := kindFromMarker(lines[i]); ok {
			return foundTable{kind: k, known: true, table: t}
		}
		if isHeaderLike(lines[i]) {
			break
		}
	}
	return foundTable{kind: kindFromRows(t.Rows), table: t}
}

func isHeaderLike(line string) bool {
	l := strings.ToLower(line)
	return strings.Contains(l, "field name") && strings.Contains(l, "type") && strings.Contains(l, "description")
}

// assemble builds a Page from what a text reader found: the tables, and
// what every format shares (endpoint, title, summary, examples).
// first is the file's line number of the text's first line.
func assemble(src, text string, first int, tables []foundTable) (*Page, error) {
	return assembleParts(src, text, first, tables, newLineCounter(text, first), nil)
}

// assembleParts is assemble for texts whose lines may mean nothing to the
// reader (lines == nil), such as the HTML rendered by WordPress. hints
// are what else names the page (a WordPress title and slug).
func assembleParts(src, text string, first int, tables []foundTable, lines *lineCounter, hints []string) (*Page, error) {
	p := &Page{Source: src, File: src, Kind: EndpointPage}
	for _, ft := range tables {
		if ft.kind == filterKind {
			if p.Filters == nil {
				p.Filters = ft.table
				continue
			}
			for _, r := range ft.table.Rows {
				r.Pos = len(p.Filters.Rows) + 1
				p.Filters.Rows = append(p.Filters.Rows, r)
			}
			continue
		}
		part, slot := PartRequestTable, &p.Request
		if ft.kind == responseKind {
			part, slot = PartResponseTable, &p.Response
		}
		if *slot != nil {
			return nil, &Error{File: src, Part: part, Line: ft.table.Line,
				Reason: "a second " + string(part) + " on the page; one of each is expected"}
		}
		if len(ft.table.Rows) == 0 {
			return nil, &Error{File: src, Part: part, Line: ft.table.Line, Reason: "the table has a header but no rows"}
		}
		*slot = ft.table
	}
	var exampleNotes []Note
	p.ResponseExamples, exampleNotes = responseExamples(text, lines)
	p.RequestExamples, p.Notes = requestExamples(text, lines)
	p.Notes = append(exampleNotes, p.Notes...)
	textLines := splitLines(text)
	p.Title, p.Summary = titleAndSummary(textLines)
	p.URL = sourceURL(textLines)
	if p.Request == nil && p.Response == nil && len(p.ResponseExamples) == 0 {
		return nonEndpoint(p, textLines, first, hints)
	}
	if err := findEndpoint(p, text); err != nil {
		return nil, err
	}
	return p, nil
}

// nonEndpoint reads a page without field tables and examples: the filters
// appendix, the errors appendix, or a section's overview; any other page
// describes nothing the spec can use, which is an error.
// first is the file's line number of lines[0].
func nonEndpoint(p *Page, lines []string, first int, hints []string) (*Page, error) {
	switch {
	case p.Filters != nil:
		p.Kind = FiltersPage
	case len(statusCodes(lines, first)) >= 3:
		p.Kind, p.Codes = ErrorsPage, statusCodes(lines, first)
	case isOverview(lines, p.URL, hints):
		p.Kind, p.Prose = OverviewPage, markdownProse(lines)
	default:
		reason := "no field table and no JSON response example: the page describes no field"
		for _, n := range p.Notes {
			if n.Kind == LeftOut {
				reason = "no field table, and its only JSON example is left out (" + n.Reason + "): the page describes no field"
			}
		}
		return nil, &Error{File: p.Source, Part: PartPage, Reason: reason}
	}
	p.Method, p.Path = "", ""
	return p, nil
}

// codeRow is a status code row of the errors appendix: "| 40000 | You can
// set only one task at a time. |", or the same with a tab.
var codeRow = regexp.MustCompile(`^\s*\|?\s*([1-6]\d{4})\s*(?:\||\t)\s*(.*?)\s*\|?\s*$`)

func statusCodes(lines []string, first int) []Code {
	var codes []Code
	for i, l := range lines {
		if m := codeRow.FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[1])
			codes = append(codes, Code{Code: n, Message: mdInline(m[2]), Line: first + i})
		}
	}
	return codes
}

// sourceLine names a captured page's address: "*Source: [url](url)*".
var sourceLine = regexp.MustCompile(`^\s*[*_]*Source:?[*_]*\s*(?:\[[^\]]*\]\()?<?(https?://[^\s)>\]*]+)`)

func sourceURL(lines []string) string {
	for _, l := range lines {
		if !strings.Contains(l, "Source") {
			continue // the pattern's literal
		}
		if m := sourceLine.FindStringSubmatch(l); m != nil {
			return m[1]
		}
	}
	return ""
}

// isOverview tells a section's overview: its first heading, its address
// or what else names it says "overview".
func isOverview(lines []string, url string, hints []string) bool {
	names := append([]string{url}, hints...)
	for _, l := range lines {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "#") {
			names = append(names, t)
			break
		}
	}
	for _, n := range names {
		if strings.Contains(strings.ToLower(n), "overview") {
			return true
		}
	}
	return false
}

// markdownProse is the text of a page as paragraphs, headings ("# ...")
// and list items ("- ..."), without its source line, rules, tables and
// code; links keep their text.
func markdownProse(lines []string) []string {
	var out []string
	var para []string
	flush := func() {
		if len(para) > 0 {
			out = append(out, strings.Join(para, " "))
			para = nil
		}
	}
	code := false
	for _, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(t, "```"):
			code = !code
			flush()
		case code:
		case t == "" || strings.Trim(t, "-*_ ") == "" || sourceLine.MatchString(t) || strings.HasPrefix(t, "|"):
			flush()
		case strings.HasPrefix(t, "#"):
			flush()
			out = append(out, "# "+mdInline(strings.TrimLeft(t, "# ")))
		case strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "• "):
			flush()
			out = append(out, "- "+mdInline(strings.TrimSpace(t[strings.Index(t, " "):])))
		default:
			para = append(para, mdInline(strings.TrimLeft(t, "> ")))
		}
	}
	flush()
	return out
}

// typeWords are the types the docs' tables use.
var typeWords = map[string]bool{
	"string": true, "integer": true, "float": true, "boolean": true,
	"array": true, "object": true, "number": true,
}

// isFieldName reports whether s can be a field name as the tables write
// them: lower-case identifiers, sometimes with a space where the
// underscore belongs ("referring ips").
func isFieldName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(unicode.IsLower(r) || unicode.IsDigit(r) || r == '_' || r == ' ' || r == '.' || r == '$') {
			return false
		}
	}
	return true
}
