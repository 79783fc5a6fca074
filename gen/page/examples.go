package page

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
)

// exampleIntro is the sentence every format puts before a response example.
var exampleIntro = regexp.MustCompile(`(?i)returns JSON structured like this`)

// lineCounter maps byte offsets of a text to 1-based line numbers; a nil
// counter stands for formats whose text has no meaningful lines.
type lineCounter struct{ starts []int }

func newLineCounter(text string) *lineCounter {
	c := &lineCounter{starts: []int{0}}
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
	return lo + 1
}

// responseExamples reads the JSON value after each "returns JSON structured
// like this" sentence.
func responseExamples(src, text string, lines *lineCounter) ([]Example, error) {
	var out []Example
	for n, loc := range exampleIntro.FindAllStringIndex(text, -1) {
		where := func(off int) string {
			if l := lines.line(off); l > 0 {
				return fmt.Sprintf("example %d (line %d)", n+1, l)
			}
			return fmt.Sprintf("example %d", n+1)
		}
		k := strings.IndexAny(text[loc[1]:], "{[")
		if k < 0 {
			return nil, &Error{File: src, Part: PartResponseExample, Where: where(loc[0]),
				Reason: "no JSON follows the \"returns JSON structured like this\" sentence"}
		}
		start := loc[1] + k
		raw := balancedJSON(text[start:])
		v, err := jsonval.Parse([]byte(raw))
		if err != nil {
			return nil, &Error{File: src, Part: PartResponseExample, Where: where(start), Reason: jsonReason(err)}
		}
		if v.Kind != jsonval.Object {
			return nil, &Error{File: src, Part: PartResponseExample, Where: where(start),
				Reason: "the example is a JSON " + v.Kind.String() + ", not a response object"}
		}
		out = append(out, Example{Line: lines.line(start), Lang: "json", Value: v})
	}
	return out, nil
}

func jsonReason(err error) string {
	var se *jsonval.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("invalid JSON at line %d of the example: %s", se.Line, se.Reason)
	}
	return "invalid JSON: " + err.Error()
}

// balancedJSON returns the prefix of s that holds one JSON object or array,
// found by counting brackets outside strings. When the brackets never
// close (a truncated example) it returns all of s, so that the JSON parser
// reports where the text stops being JSON.
func balancedJSON(s string) string {
	depth, inString, escaped := 0, false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
			if depth == 0 {
				return s[:i+1]
			}
		}
	}
	return s
}
