package page

import (
	"fmt"
	"regexp"
	"strings"
)

// Pipe-table text dump: a "Field name | Type | Description |" header, a
// "---|---|---|" rule, then rows written as "name |" on one line and
// "type | description |" on the next, the description running over lines
// until its closing "|". The nesting is lost: every row is flush left.
var pipeHeader = headerLine(regexp.MustCompile(`^[ \t]*Field name \| Type \| Description \|?[ \t]*\r?$`))

var pipeReader = reader{
	format: PipeText,
	header: pipeHeader,
	parse:  parsePipe,
}

var pipeRule = regexp.MustCompile(`^[ \t]*-{3,}\|-{3,}\|-{3,}\|?[ \t]*$`)

func parsePipe(src, text string, first int) (*Page, error) {
	lines := splitLines(text)
	var tables []foundTable
	for i := 0; i < len(lines); i++ {
		if !pipeHeader(lines[i]) {
			continue
		}
		t := &Table{Line: first + i, Flat: true}
		start := i + 1
		if start < len(lines) && pipeRule.MatchString(lines[start]) {
			start++
		}
		end := start
		for end < len(lines) && !pipeHeader(lines[end]) && !isSectionMarker(lines[end]) {
			end++
		}
		rows, stray := pipeRows(lines[start:end], first+start)
		if stray != nil {
			return nil, &Error{File: src, Part: PartPage, Line: stray.line,
				Reason: fmt.Sprintf("table at line %d: cell %q does not complete a \"name | type | description |\" row", t.Line, stray.text)}
		}
		t.Rows = rows
		tables = append(tables, classify(lines, i, t))
		i = end - 1
	}
	return assemble(src, text, first, tables)
}

// pipeRows cuts the table body at every "|" and takes the cells three at a
// time: name, type, description. firstLine is the body's line number.
// A stray cell that does not complete a row is returned, not dropped.
func pipeRows(body []string, firstLine int) ([]Row, *pipeCell) {
	type cell = pipeCell
	var cells []cell
	var cur []string
	curLine := firstLine
	for n, l := range body {
		rest := l
		for {
			k := strings.IndexByte(rest, '|')
			if k < 0 {
				cur = append(cur, rest)
				break
			}
			cur = append(cur, rest[:k])
			cells = append(cells, cell{strings.Join(cur, "\n"), curLine})
			cur, curLine, rest = nil, firstLine+n, rest[k+1:]
		}
		if len(cur) == 1 && strings.TrimSpace(cur[0]) == "" {
			cur, curLine = nil, firstLine+n+1
		}
	}
	var rows []Row
	k := 0
	for ; k+2 < len(cells); k += 3 {
		name, typ, desc := cells[k], cells[k+1], cells[k+2]
		rows = append(rows, Row{
			Pos:         len(rows) + 1,
			Line:        name.line,
			Name:        cleanLine(name.text),
			Type:        strings.ToLower(cleanLine(typ.text)),
			Description: joinDescription(strings.Split(desc.text, "\n")),
		})
	}
	for ; k < len(cells); k++ {
		if strings.TrimSpace(cells[k].text) != "" {
			return nil, &cells[k]
		}
	}
	return rows, nil
}

type pipeCell struct {
	text string
	line int
}
