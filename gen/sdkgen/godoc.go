package sdkgen

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The docs' descriptions are fragments, one per line of a table cell:
// "the maximum number of returned domains", "optional field", "default
// value: 100". Godoc wants sentences that start with the name they
// document. These functions turn one into the other, and nothing else:
// the spec keeps the docs' words as they are.

var (
	// markerLine is a line that only says whether the field is required;
	// the generated doc says it once, in its own words.
	markerLine = regexp.MustCompile(`(?i)^(?:required|optional) field\.?$`)
	// danglingLink is a line that points to a link whose address the
	// page capture lost: "learn more ... on this help center page",
	// "you can get the full list ... here".
	danglingLink = regexp.MustCompile(`(?i)(?:\b(?:this|our) (?:help center )?(?:page|article|guide)|\bhelp center\b|\bhere)\s*[.:]?$`)
)

// sentences turns a description into godoc lines. Lines that only say
// "required field" or "optional field" and lines that point to a lost link
// are dropped (a line with its address is kept). A line ending in ":"
// takes the next one ("example:" and its value) unless that is code. Code
// (a line that starts with [, { or a quote) becomes a code block; a lone
// word (a value or a field name) and "value – meaning" lines become list
// items; any other line is a sentence: it starts with a capital (unless it
// goes on from a line ending in ",", ";" or ":") and ends with a stop.
func sentences(desc string) []string {
	var lines []string
	raw := strings.Split(strings.TrimSpace(desc), "\n")
	goesOn := false // the last prose line did not end a sentence
	for i := 0; i < len(raw); i++ {
		l := strings.TrimSpace(raw[i])
		for strings.HasSuffix(l, ":") && i+1 < len(raw) && kindOf(raw[i+1]) == prose {
			i++
			l += " " + strings.TrimSpace(raw[i])
		}
		switch {
		case l == "", markerLine.MatchString(l):
			continue
		case danglingLink.MatchString(l) && !strings.Contains(l, "://"):
			continue
		}
		switch kindOf(l) {
		case code:
			lines, goesOn = append(lines, "\t"+l), false
			continue
		case item:
			lines, goesOn = append(lines, "  - "+strings.TrimPrefix(strings.TrimPrefix(l, "- "), "• ")), false
			continue
		}
		if !goesOn {
			l = capitalise(l)
		}
		last, _ := utf8.DecodeLastRuneInString(l)
		goesOn = strings.ContainsRune(",;:", last)
		if !strings.ContainsRune(".!?:;,", last) {
			l += "."
		}
		lines = append(lines, l)
	}
	return lines
}

type lineKind int

const (
	prose lineKind = iota
	code
	item
)

// dashItem is "value – what it means".
var dashItem = regexp.MustCompile(`^[^\s]+\s+[–—]\s+\S`)

func kindOf(l string) lineKind {
	l = strings.TrimSpace(l)
	switch {
	case l == "":
		return prose
	case strings.ContainsRune("[{\"", rune(l[0])):
		return code
	case strings.HasPrefix(l, "- "), strings.HasPrefix(l, "• "), dashItem.MatchString(l):
		return item
	case !strings.ContainsAny(l, " \t") && !strings.HasSuffix(l, ":"):
		return item
	}
	return prose
}

func capitalise(l string) string {
	r, n := utf8.DecodeRuneInString(l)
	if unicode.IsLower(r) {
		return string(unicode.ToUpper(r)) + l[n:]
	}
	return l
}

// fieldDoc is the godoc of a struct field: "Name: first sentence." then
// the other sentences, then marker ("Required.", "Optional.") if any.
func fieldDoc(name, desc, marker string) string {
	lines := sentences(desc)
	if len(lines) == 0 {
		lines = []string{name + ": " + "(not described by the docs)."}
	} else {
		first := lines[0]
		r, n := utf8.DecodeRuneInString(first)
		if unicode.IsUpper(r) && !isAcronym(first) {
			first = string(unicode.ToLower(r)) + first[n:]
		}
		lines[0] = name + ": " + strings.TrimSpace(first)
	}
	if marker != "" {
		lines = append(lines, "", marker)
	}
	return strings.Join(lines, "\n")
}

// isAcronym reports whether s starts with a word of capitals ("ISO
// country codes"), which keeps its case.
func isAcronym(s string) bool {
	word, _, _ := strings.Cut(s, " ")
	if len(word) < 2 {
		return false
	}
	for _, r := range word {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// paragraph is a description as godoc sentences, for a type's doc.
func paragraph(desc string) string {
	return strings.Join(sentences(desc), "\n")
}
