package page

import (
	"regexp"
	"strings"
)

// Tab-separated text dump: "name<TAB>type<TAB>description" rows, nesting as
// leading spaces before the name, the description continuing on the lines
// below until the next row.
var tabHeader = headerLine(regexp.MustCompile(`^[ \t]*Field name\tType\tDescription[ \t]*\r?$`))

var tabReader = reader{
	format: TabText,
	header: tabHeader,
	parse: func(src, text string, first int) (*Page, error) {
		lines := splitLines(text)
		return assemble(src, text, first, lineTables(lines, first, tabHeader, splitTabRow))
	},
}

func splitTabRow(line string) (name, typ, desc string, indent int, ok bool) {
	cells := strings.Split(line, "\t")
	if len(cells) < 3 {
		return "", "", "", 0, false
	}
	name = cleanLine(cells[0])
	typ = strings.ToLower(cleanLine(cells[1]))
	if name == "" || typ == "" {
		return "", "", "", 0, false
	}
	return name, typ, strings.Join(cells[2:], " "), indentWidth(cells[0]), true
}
