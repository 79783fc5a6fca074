package page

import (
	"regexp"
	"strings"
)

// Markdown (as saved by crawlers): pipe tables one row a line with <br> for
// line breaks, names in backticks, the nesting lost; code in ``` fences,
// sometimes with a stray "\" closing each line; often a long navigation
// list before the page itself.
var mdHeader = headerLine(regexp.MustCompile(`^[ \t]*\|\s*Field name\s*\|\s*Type\s*\|\s*Description\s*\|`))

var markdownReader = reader{
	format: Markdown,
	header: mdHeader,
	parse:  parseMarkdown,
}

var (
	mdRule    = regexp.MustCompile(`^[ \t]*\|(\s*:?-{3,}:?\s*\|)+`)
	mdImage   = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	mdLink    = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	mdLinkURL = regexp.MustCompile(`\[[^\]]*\]\(([^)\s]*)\)`)
	mdBreak   = regexp.MustCompile(`(?i)<br\s*/?>`)
)

// parseMarkdown reads the page with the crawler's escapes undone. The
// crawlers are not consistent: most escape every backslash of the code
// (a JSON \" became \\\"), some only the markdown characters. The full
// undoing is tried first; when the example is not JSON after it, the
// lighter one is.
func parseMarkdown(src, text string, first int) (*Page, error) {
	p, err := parseMarkdownWith(src, unfence(text, mdCodeEscape), first)
	if err != nil || exampleTrouble(p) == 0 {
		return p, err
	}
	if p2, err2 := parseMarkdownWith(src, unfence(text, mdMarkupEscape), first); err2 == nil && exampleTrouble(p2) < exampleTrouble(p) {
		return p2, nil
	}
	return p, nil
}

// exampleTrouble weighs what a reading had to do to the examples: each
// left-out example counts more than any number of repairs.
func exampleTrouble(p *Page) int {
	n := 0
	for _, note := range p.Notes {
		switch note.Kind {
		case LeftOut:
			n += 1000
		case Repaired:
			n++
		}
	}
	return n
}

func parseMarkdownWith(src, text string, first int) (*Page, error) {
	lines := splitLines(text)
	var tables []foundTable
	for i := 0; i < len(lines); i++ {
		if !mdHeader(lines[i]) {
			continue
		}
		t := &Table{Line: first + i, Flat: true}
		j := i + 1
		if j < len(lines) && mdRule.MatchString(lines[j]) {
			j++
		}
		for ; j < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[j]), "|"); j++ {
			line, start := lines[j], j
			// A cell whose text runs over several lines (the capture kept
			// its line breaks): the row goes on to the line that closes it.
			for !strings.HasSuffix(strings.TrimSpace(line), "|") && j+1 < len(lines) {
				next := strings.TrimSpace(lines[j+1])
				if next == "" || strings.HasPrefix(next, "|") || mdHeader(next) {
					break
				}
				line += "<br>" + lines[j+1]
				j++
			}
			cells := mdCells(line)
			if len(cells) < 3 {
				continue
			}
			row := Row{Pos: len(t.Rows) + 1, Line: first + start,
				// Bold inside a code span ("`**items**`") is bold too.
				Name: strings.ReplaceAll(mdInline(cells[0]), "**", ""), Type: strings.ToLower(mdInline(cells[1])),
				Description: joinDescription(strings.Split(mdInline(mdBreak.ReplaceAllString(cells[2], "\n")), "\n")),
				Marked:      strings.Contains(cells[0], "**")}
			for _, m := range mdLinkURL.FindAllStringSubmatch(line, -1) {
				row.Links = append(row.Links, m[1])
			}
			if row.Type == "" { // "‘featured_snippet’ element in SERP", maybe with a note
				row.Heading, row.Name, row.Description = row.Name, "", ""
			}
			t.Rows = append(t.Rows, row)
		}
		tables = append(tables, classify(lines, i, t))
		i = j - 1
	}
	return assemble(src, text, first, tables)
}

// mdCodeEscape is a markdown escape of ASCII punctuation ("\_", "\*",
// "\\") that the crawler wrote in code too: a JSON "\"" became "\\\"".
var mdCodeEscape = regexp.MustCompile("\\\\([!-/:-@\\[-`{-~])")

// mdMarkupEscape is the lighter reading: only markdown's own characters.
var mdMarkupEscape = regexp.MustCompile("\\\\([_*#\\[\\]`<>|~])")

// unfence undoes, outside tables, what the crawler did to code: the "\"
// that ends lines and the markdown escapes. Fences are not reliable enough
// to tell code from prose (some pages open more than they close), and
// prose loses nothing by it. The line count is kept so that line numbers
// still point into the file.
func unfence(text string, escape *regexp.Regexp) string {
	lines := splitLines(text)
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "|") {
			continue
		}
		l = strings.TrimSuffix(strings.TrimRight(l, " \t"), "\\")
		if strings.IndexByte(l, '\\') >= 0 { // every escape starts with one
			l = escape.ReplaceAllString(l, "$1")
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// mdCells splits a table line on the "|" that are not escaped.
func mdCells(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	var cells []string
	var b strings.Builder
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == '\\' && i+1 < len(line) && line[i+1] == '|':
			b.WriteByte('|')
			i++
		case line[i] == '|':
			cells = append(cells, b.String())
			b.Reset()
		default:
			b.WriteByte(line[i])
		}
	}
	if strings.TrimSpace(b.String()) != "" {
		cells = append(cells, b.String())
	}
	return cells
}

// mdInline turns inline markdown into plain text: links keep their text,
// code spans their content; outside code, unescaped "_" and "*" are
// emphasis and go, escaped ones stay.
func mdInline(s string) string {
	s = mdLink.ReplaceAllString(mdImage.ReplaceAllString(s, ""), "$1")
	var b strings.Builder
	code := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && strings.IndexByte("_*`[]#|<>\\", s[i+1]) >= 0:
			b.WriteByte(s[i+1])
			i++
		case c == '`':
			code = !code
		case code:
			b.WriteByte(c)
		case c == '_' || c == '*':
		default:
			b.WriteByte(c)
		}
	}
	return cleanLineKeepBreaks(b.String())
}

func cleanLineKeepBreaks(s string) string {
	parts := strings.Split(s, "\n")
	for i, p := range parts {
		parts[i] = cleanLine(p)
	}
	return strings.Join(parts, "\n")
}
