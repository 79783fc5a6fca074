package page

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/dataforseo-go/dataforseo/gen/jsonfix"
	"github.com/dataforseo-go/dataforseo/gen/jsonval"
)

// exampleIntro is the sentence every format puts before a response
// example, in lower case; the pages write it in any case.
const exampleIntro = "returns json structured like this"

// indexAllFold returns the start and end of every occurrence of the
// lower-case ASCII phrase in text, in any ASCII case, not overlapping.
func indexAllFold(text, phrase string) [][2]int {
	lower := []byte(text)
	for i, c := range lower {
		if 'A' <= c && c <= 'Z' {
			lower[i] = c + 'a' - 'A'
		}
	}
	var out [][2]int
	for from := 0; ; {
		k := bytes.Index(lower[from:], []byte(phrase))
		if k < 0 {
			return out
		}
		out = append(out, [2]int{from + k, from + k + len(phrase)})
		from += k + len(phrase)
	}
}

// lineCounter maps byte offsets of a text to the file's line numbers, the
// text's first line being line first; a nil counter stands for formats
// whose text has no meaningful lines.
type lineCounter struct {
	first  int
	starts []int
}

func newLineCounter(text string, first int) *lineCounter {
	c := &lineCounter{first: first, starts: []int{0}}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			c.starts = append(c.starts, i+1)
		}
	}
	return c
}

func (c *lineCounter) line(off int) int {
	if c == nil {
		return 0
	}
	lo, hi := 0, len(c.starts)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if c.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return c.first + lo
}

// responseExamples reads the JSON value after each "returns JSON structured
// like this" sentence. An example that is not JSON is repaired when the
// repair has one reading (jsonfix: a missing or a trailing comma), else
// left out; both are notes, and the page is read with what is left. A
// sentence followed by no JSON at all is a note too: the page has no
// example.
func responseExamples(text string, lines *lineCounter) ([]Example, []Note) {
	var out []Example
	var notes []Note
	for n, loc := range indexAllFold(text, exampleIntro) {
		where := func(off int) string {
			if l := lines.line(off); l > 0 {
				return fmt.Sprintf("example %d (line %d)", n+1, l)
			}
			return fmt.Sprintf("example %d", n+1)
		}
		k := strings.IndexAny(text[loc[1]:], "{[")
		if k < 0 {
			notes = append(notes, Note{Part: PartResponseExample, Where: where(loc[0]), Line: lines.line(loc[0]),
				Reason: "no JSON follows the \"returns JSON structured like this\" sentence: the page has no example"})
			continue
		}
		start := loc[1] + k
		raw, _ := jsonval.Balanced(text[start:])
		v, err := jsonval.Parse([]byte(raw))
		if err != nil {
			fixed, fixes, ferr := jsonfix.Repair([]byte(raw))
			var v2 *jsonval.Value
			if ferr == nil {
				v2, ferr = jsonval.Parse(fixed)
			}
			if ferr != nil {
				notes = append(notes, Note{Kind: LeftOut, Part: PartResponseExample, Where: where(start), Line: lines.line(start),
					Reason: jsonReason(err) + "; no single repair: left out"})
				continue
			}
			for _, f := range fixes {
				line := 0
				if l := lines.line(start); l > 0 {
					line = l + f.Line - 1
				}
				notes = append(notes, Note{Kind: Repaired, Part: PartResponseExample, Where: where(start), Line: line,
					Reason: fmt.Sprintf("invalid JSON repaired: a %s %s %s", f.Kind, f.Where, fixVerb(f, line))})
			}
			v = v2
		}
		if v.Kind != jsonval.Object {
			notes = append(notes, Note{Kind: LeftOut, Part: PartResponseExample, Where: where(start), Line: lines.line(start),
				Reason: "the example is a JSON " + v.Kind.String() + ", not a response object: left out"})
			continue
		}
		out = append(out, Example{Line: lines.line(start), Lang: "json", Value: v})
	}
	return out, notes
}

func fixVerb(f jsonfix.Fix, line int) string {
	verb := "inserted"
	if f.Kind == jsonfix.TrailingComma {
		verb = "removed"
	}
	if line > 0 {
		return fmt.Sprintf("%s at line %d", verb, line)
	}
	return fmt.Sprintf("%s at line %d of the example", verb, f.Line)
}

func jsonReason(err error) string {
	var se *jsonval.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("invalid JSON at line %d of the example: %s", se.Line, se.Reason)
	}
	return "invalid JSON: " + err.Error()
}
