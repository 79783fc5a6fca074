package page

import (
	"strings"
	"unicode"
)

// titleAndSummary finds the page's opening sentence ("This endpoint will
// provide you with ...") and the short heading line above it.
func titleAndSummary(lines []string) (title, summary string) {
	for i, l := range lines {
		if !mayStartWithT(l) {
			continue // cleaning every line costs more than the whole search
		}
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

// mayStartWithT tells whether the line, as titleAndSummary cleans it,
// starts with a t: its first rune after the "#> " is neither blank nor
// invisible, and a t.
func mayStartWithT(line string) bool {
	for _, r := range strings.TrimLeft(line, "#> ") {
		switch {
		case unicode.IsSpace(r), r == '\u200b', r == '\u200c', r == '\u200d', r == '\ufeff':
		default:
			return r == 't' || r == 'T'
		}
	}
	return false
}
