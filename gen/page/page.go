// Package page reads one DataForSEO documentation page, in whatever format it
// was captured, into a Page: the endpoint, the request and response field
// tables as written, and the JSON examples. It interprets nothing: the
// prose stays prose, rows keep their indentation, and reconciling a table
// with its example is the spec builder's job.
//
// Each format is one file with a reader (detect + parse); Parse picks the
// reader from the content, never from the file name. A file may hold many
// pages (a consolidated export of a section): ParseFile cuts it into its
// pages (split.go) and reads each. A page that documents no endpoint is
// told by its content too: a section's overview, the filters appendix,
// the errors appendix (Kind).
//
// An example that is not JSON does not make a page unreadable: it is
// repaired when one reading exists (package jsonfix), else left out; both
// are notes the report lists.
package page

import (
	"fmt"
	"strings"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
)

// Format names how a page was captured.
type Format string

// The formats the readers know.
const (
	WordPressJSON Format = "wordpress-json" // WordPress REST page JSON, HTML in content.rendered
	PipeText      Format = "pipe-text"      // text dump, "name |" / "type | description |" tables
	TabText       Format = "tab-text"       // text dump, tab-separated tables, indentation kept
	SpaceText     Format = "space-text"     // text dump, space-separated tables, indentation kept
	Markdown      Format = "markdown"       // markdown with pipe tables and fenced code
)

// Kind says what a page documents.
type Kind string

// The kinds of pages.
const (
	EndpointPage Kind = "endpoint" // one endpoint: its tables and examples
	OverviewPage Kind = "overview" // a section's overview: prose only
	FiltersPage  Kind = "filters"  // the filters appendix: the filterable fields per endpoint
	ErrorsPage   Kind = "errors"   // the errors appendix: status codes and messages
)

// Page is what one documentation page says about one endpoint, or, for
// the pages that document no endpoint, what they hold.
type Page struct {
	Source   string // the page in messages: the file name, "file#slug" for a page of a multi-page file
	File     string // the file the page is in
	Heading  string // the heading a multi-page file starts the page with; "" for a file of one page
	URL      string // the page's address on the documentation site, when the capture gives it
	Kind     Kind
	Format   Format
	Title    string // e.g. "Referring Domains"
	Summary  string // the page's first descriptive paragraph
	Method   string // "POST" or "GET"; "" for a page that documents no endpoint
	Path     string // "/v3/backlinks/referring_domains/live"
	Modified string // WordPress "modified" stamp, when the format has one

	// Filters is the filters appendix's table: rows of filter types (str,
	// num, bool, time, array.str, ...) under headings that name the
	// endpoint they apply to ("filters available for the [backlinks]
	// endpoint"), each heading's link in Links.
	Filters *Table
	// Prose is an overview page's text: paragraphs, "#"-headings and "- "
	// list items, links reduced to their text.
	Prose []string
	// Codes are the status codes an errors appendix lists.
	Codes []Code

	Request  *Table // nil when the page has no request table
	Response *Table // nil when the page has no response table

	ResponseExamples []Example
	RequestExamples  []Example // task arrays recovered from the code samples

	// Notes are what the reader skipped and why: content it could not use
	// that does not make the page unreadable (a code sample whose body is
	// built by a function call, say). The report lists them.
	Notes []Note
}

// Code is one status code of an errors appendix.
type Code struct {
	Code    int
	Message string
	Line    int
}

// Note is one thing a reader left out or repaired, and why.
type Note struct {
	Kind   NoteKind
	Part   Part
	Where  string
	Line   int // line in the file; 0 when unknown
	Reason string
}

// NoteKind classifies notes; docs2spec -strict makes the repairs and the
// left-out examples errors.
type NoteKind string

// The kinds of notes.
const (
	Skipped  NoteKind = ""         // content the reader could not use: a code sample built by a function call
	Repaired NoteKind = "repaired" // an example that was not JSON, repaired (jsonfix)
	LeftOut  NoteKind = "left-out" // an example that is not JSON and has no single repair: the page is read without it
)

func (n Note) String() string {
	s := string(n.Part)
	if n.Where != "" {
		s += ", " + n.Where
	}
	return s + ": " + n.Reason
}

// Table is one "Field name | Type | Description" table.
type Table struct {
	Line int  // line of the header in the file; 0 when the format has no lines
	Flat bool // the format lost the nesting: Indent means nothing
	Rows []Row
}

// Row is one field row, as written.
type Row struct {
	Pos         int    // 1-based position in the table
	Line        int    // line in the file; 0 when the format has no lines
	Name        string // as written: may be "referring ips"
	Type        string // as written, lower-cased: "string", "integer", ...
	Indent      int    // leading whitespace width; 0 in flat tables
	Description string // clean text, one line per line of the page
	// Heading is set instead of Name/Type for rows that head a group of
	// fields, such as "‘featured_snippet’ element in SERP".
	Heading string
	// Marked is set when the name is written in bold, as the docs write
	// the containers that open a level (**tasks**, **items**).
	Marked bool
	// Links are the addresses the row's cells link to, in order.
	Links []string
}

// Where names the row for messages: "row 7 (field \"limit\", line 120)".
func (r Row) Where() string {
	var b strings.Builder
	fmt.Fprintf(&b, "row %d", r.Pos)
	if r.Name != "" {
		fmt.Fprintf(&b, " (field %q", r.Name)
		if r.Line > 0 {
			fmt.Fprintf(&b, ", line %d", r.Line)
		}
		b.WriteString(")")
	} else if r.Line > 0 {
		fmt.Fprintf(&b, " (line %d)", r.Line)
	}
	return b.String()
}

// Example is one JSON example of the page.
type Example struct {
	Line  int    // line of its first character in the file; 0 when unknown
	Lang  string // where it came from: "json", "curl", "php", "python", "javascript"
	Value *jsonval.Value
}

// Part names a part of a page in errors.
type Part string

// The parts of a page.
const (
	PartPage            Part = "page"
	PartRequestTable    Part = "request table"
	PartResponseTable   Part = "response table"
	PartResponseExample Part = "response example"
	PartRequestExample  Part = "request example"
	PartEndpoint        Part = "endpoint"
	PartFilters         Part = "filters table"
)

// Error is a page that cannot be read: it names the file, the part, the
// row or field, and why.
type Error struct {
	File   string
	Page   string // the page's heading in a multi-page file; "" for a file of one page
	Part   Part
	Line   int    // 0 when unknown or meaningless
	Where  string // row or field, e.g. `row 3 (field "limit")`; may be empty
	Reason string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Page != "" {
		fmt.Fprintf(&b, ": page %q", e.Page)
	}
	b.WriteString(": ")
	b.WriteString(string(e.Part))
	if e.Where != "" {
		b.WriteString(", ")
		b.WriteString(e.Where)
	} else if e.Line > 0 {
		fmt.Fprintf(&b, ", line %d", e.Line)
	}
	b.WriteString(": ")
	b.WriteString(e.Reason)
	return b.String()
}

// Errorf is an error about part of p, naming p's file and, in a
// multi-page file, p's heading.
func (p *Page) Errorf(part Part, where, format string, args ...any) *Error {
	file := p.File
	if file == "" {
		file = p.Source
	}
	return &Error{File: file, Page: p.Heading, Part: part, Where: where, Reason: fmt.Sprintf(format, args...)}
}
