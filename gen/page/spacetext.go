package page

import (
	"regexp"
	"strings"
)

// Space-separated text dump: "name type description" rows, nesting as
// leading (no-break) spaces. A row is a line whose first words are a field
// name followed by one of the table types; the field name may itself hold a
// space ("referring ips integer ...").
var spaceHeader = headerLine(regexp.MustCompile(`^[ \t]*Field name Type Description[ \t]*\r?$`))

var spaceReader = reader{
	format: SpaceText,
	header: spaceHeader,
	parse: func(src, text string, first int) (*Page, error) {
		lines := splitLines(text)
		return assemble(src, text, first, lineTables(lines, first, spaceHeader, splitSpaceRow))
	},
}

// proseWords never appear as a word of a field name; a line that starts
// with them is description, even when a type word follows ("the type is
// string").
var proseWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "to": true, "in": true, "is": true,
	"are": true, "if": true, "you": true, "can": true, "and": true, "or": true, "for": true,
	"be": true, "will": true, "this": true, "that": true, "with": true, "on": true, "by": true,
	"as": true, "at": true, "it": true, "not": true, "no": true, "from": true, "each": true,
	"per": true, "all": true, "any": true, "your": true, "we": true, "our": true, "which": true,
	"when": true, "number": true, "note": true, "example": true, "examples": true,
}

// maxNameWords bounds how many words a field name written with spaces has.
const maxNameWords = 3

func splitSpaceRow(line string) (name, typ, desc string, indent int, ok bool) {
	words := strings.Fields(cleanLine(line))
	for k := 1; k <= maxNameWords && k < len(words); k++ {
		w := words[k-1]
		if proseWords[w] || !isFieldName(w) {
			return "", "", "", 0, false
		}
		if typeWords[words[k]] {
			return strings.Join(words[:k], " "), words[k], strings.Join(words[k+1:], " "), indentWidth(line), true
		}
	}
	return "", "", "", 0, false
}
