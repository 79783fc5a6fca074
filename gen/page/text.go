package page

import (
	"regexp"
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

var spaces = regexp.MustCompile(`[ \t]+`)

// cleanLine removes invisible runes and collapses runs of blanks.
func cleanLine(s string) string {
	return strings.TrimSpace(spaces.ReplaceAllString(invisible.Replace(s), " "))
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
)

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
func assemble(src, text string, tables []foundTable) (*Page, error) {
	return assembleParts(src, text, tables, newLineCounter(text))
}

// assembleParts is assemble for texts whose lines may mean nothing to the
// reader (lines == nil), such as the HTML rendered by WordPress.
func assembleParts(src, text string, tables []foundTable, lines *lineCounter) (*Page, error) {
	p := &Page{Source: src}
	for _, ft := range tables {
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
	var err error
	if p.ResponseExamples, err = responseExamples(src, text, lines); err != nil {
		return nil, err
	}
	p.RequestExamples, p.Notes = requestExamples(text, lines)
	if p.Request == nil && p.Response == nil && len(p.ResponseExamples) == 0 {
		return nil, &Error{File: src, Part: PartPage,
			Reason: "no field table and no JSON response example: the page describes no field"}
	}
	p.Title, p.Summary = titleAndSummary(splitLines(text))
	if err := findEndpoint(p, text); err != nil {
		return nil, err
	}
	return p, nil
}

// titleAndSummary finds the page's opening sentence ("This endpoint will
// provide you with ...") and the short heading line above it.
func titleAndSummary(lines []string) (title, summary string) {
	for i, l := range lines {
		c := cleanLine(strings.TrimLeft(l, "#> "))
		if !strings.HasPrefix(strings.ToLower(c), "this endpoint") {
			continue
		}
		summary = c
		for j := i - 1; j >= 0 && j >= i-6; j-- {
			t := cleanLine(strings.TrimLeft(lines[j], "# "))
			if t == "" {
				continue
			}
			if len(t) < 80 && !strings.ContainsAny(t, ".:;") {
				title = t
			}
			break
		}
		return title, summary
	}
	return "", ""
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
