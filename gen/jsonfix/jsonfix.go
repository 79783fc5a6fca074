// Package jsonfix repairs the slips of hand-written JSON that have exactly
// one reading: a comma missing between two members of an object or two
// elements of an array, and a comma left before a closing bracket. Nothing
// else is repaired: a repair only inserts or removes commas, so it never
// invents a value, a key or a bracket.
package jsonfix

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// MaxFixes is the most slips one text may need: a text with more is not a
// JSON document with slips but something else, and is not repaired.
const MaxFixes = 10

// Kind says what a fix did.
type Kind string

// The fixes.
const (
	MissingComma  Kind = "missing comma"  // inserted
	TrailingComma Kind = "trailing comma" // removed
)

// Fix is one repaired slip.
type Fix struct {
	Kind   Kind
	Offset int    // byte offset in the input: where the comma was inserted, or the removed comma
	Line   int    // 1-based line of Offset in the input
	Where  string // "between two members", "between two elements", "before }", "before ]"
}

func (f Fix) String() string {
	verb := "inserted"
	if f.Kind == TrailingComma {
		verb = "removed"
	}
	return fmt.Sprintf("line %d: a %s %s %s", f.Line, f.Kind, f.Where, verb)
}

// Error says why a text cannot be repaired.
type Error struct {
	Line   int
	Reason string
}

func (e *Error) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Reason) }

// Repair returns data with its slips repaired and the list of fixes, in
// text order. Valid JSON comes back unchanged with no fix. A text with any
// other fault (a bad token, a missing bracket, a truncated document, a
// value where a key is due), or with more than MaxFixes slips, is an
// *Error.
func Repair(data []byte) ([]byte, []Fix, error) {
	s := &scanner{data: data}
	if err := s.document(); err != nil {
		return nil, nil, err
	}
	if len(s.fixes) == 0 {
		return data, nil, nil
	}
	out := make([]byte, 0, len(data)+len(s.fixes))
	last := 0
	for _, f := range s.fixes {
		out = append(out, data[last:f.Offset]...)
		switch f.Kind {
		case MissingComma:
			out = append(out, ',')
			last = f.Offset
		case TrailingComma:
			last = f.Offset + 1
		}
	}
	out = append(out, data[last:]...)
	if !json.Valid(out) {
		// The scanner accepts only what encoding/json accepts; this is a
		// guard, not a path.
		return nil, nil, &Error{Line: 1, Reason: "the repaired text is still not JSON"}
	}
	return out, s.fixes, nil
}

type token int

const (
	tEOF token = iota
	tObjOpen
	tObjClose
	tArrOpen
	tArrClose
	tComma
	tColon
	tString
	tScalar // number, true, false, null
)

type scanner struct {
	data  []byte
	i     int // next byte
	fixes []Fix
	// the token just read
	tok     token
	start   int // its first byte
	end     int // one past its last byte
	lastEnd int // end of the token before it
}

func (s *scanner) line(off int) int {
	return 1 + bytes.Count(s.data[:min(off, len(s.data))], []byte("\n"))
}

func (s *scanner) fail(off int, format string, args ...any) error {
	return &Error{Line: s.line(off), Reason: fmt.Sprintf(format, args...)}
}

func (s *scanner) skipSpace() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

var punctuation = map[byte]token{'{': tObjOpen, '}': tObjClose, '[': tArrOpen, ']': tArrClose, ',': tComma, ':': tColon}

// next reads one token.
func (s *scanner) next() error {
	s.lastEnd = s.end
	s.skipSpace()
	s.start = s.i
	if s.i >= len(s.data) {
		s.tok, s.end = tEOF, s.i
		return nil
	}
	c := s.data[s.i]
	if t, ok := punctuation[c]; ok {
		s.tok, s.i = t, s.i+1
		s.end = s.i
		return nil
	}
	switch {
	case c == '"':
		if err := s.str(); err != nil {
			return err
		}
		s.tok = tString
	case c == '-' || c >= '0' && c <= '9':
		if err := s.number(); err != nil {
			return err
		}
		s.tok = tScalar
	case c == 't' || c == 'f' || c == 'n':
		n := 0
		for _, lit := range []string{"true", "false", "null"} {
			if bytes.HasPrefix(s.data[s.i:], []byte(lit)) {
				n = len(lit)
			}
		}
		if n == 0 || s.i+n < len(s.data) && isWordByte(s.data[s.i+n]) {
			return s.fail(s.start, "invalid token")
		}
		s.i += n
		s.tok = tScalar
	default:
		return s.fail(s.start, "invalid character %q", c)
	}
	s.end = s.i
	return nil
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

func (s *scanner) str() error {
	for j := s.i + 1; j < len(s.data); j++ {
		switch c := s.data[j]; {
		case c == '\\':
			j++
		case c == '"':
			if !json.Valid(s.data[s.i : j+1]) {
				return s.fail(s.i, "invalid string")
			}
			s.i = j + 1
			return nil
		case c < 0x20:
			return s.fail(j, "control character in a string")
		}
	}
	return s.fail(s.i, "unterminated string")
}

func (s *scanner) number() error {
	j := s.i
	for j < len(s.data) && (bytes.IndexByte([]byte("+-.eE0123456789"), s.data[j]) >= 0) {
		j++
	}
	if !json.Valid(s.data[s.i:j]) || j < len(s.data) && isWordByte(s.data[j]) {
		return s.fail(s.i, "invalid number")
	}
	s.i = j
	return nil
}

// document reads one value and then the end of the text.
func (s *scanner) document() error {
	if err := s.next(); err != nil {
		return err
	}
	if err := s.value(); err != nil {
		return err
	}
	if err := s.next(); err != nil {
		return err
	}
	if s.tok != tEOF {
		return s.fail(s.start, "data after the JSON value")
	}
	return nil
}

func startsValue(t token) bool {
	return t == tObjOpen || t == tArrOpen || t == tString || t == tScalar
}

// value reads the value that starts at the current token.
func (s *scanner) value() error {
	switch s.tok {
	case tObjOpen:
		return s.object()
	case tArrOpen:
		return s.array()
	case tString, tScalar:
		return nil
	}
	return s.expected("a value is expected")
}

// expected fails at the current token, or says the text is truncated.
func (s *scanner) expected(what string) error {
	if s.tok == tEOF {
		return s.fail(s.start, "the text ends before the value is complete (truncated?)")
	}
	return s.fail(s.start, "%s", what)
}

func (s *scanner) addFix(f Fix) error {
	if len(s.fixes) >= MaxFixes {
		return s.fail(f.Offset, "more than %d slips: not repaired", MaxFixes)
	}
	f.Line = s.line(f.Offset)
	s.fixes = append(s.fixes, f)
	return nil
}

// object reads the members after "{".
func (s *scanner) object() error {
	if err := s.next(); err != nil {
		return err
	}
	if s.tok == tObjClose {
		return nil
	}
	for {
		if s.tok != tString {
			return s.expected("an object key is expected")
		}
		if err := s.next(); err != nil {
			return err
		}
		if s.tok != tColon {
			return s.expected("a colon is expected after an object key")
		}
		if err := s.next(); err != nil {
			return err
		}
		if err := s.value(); err != nil {
			return err
		}
		if err := s.next(); err != nil {
			return err
		}
		switch s.tok {
		case tObjClose:
			return nil
		case tComma:
			commaAt := s.start
			if err := s.next(); err != nil {
				return err
			}
			if s.tok == tObjClose {
				return s.addFix(Fix{Kind: TrailingComma, Offset: commaAt, Where: "before }"})
			}
		case tString:
			// A key where a comma is due: only a member can start here.
			if !s.followedByColon() {
				return s.fail(s.start, "a comma or } is expected after an object member")
			}
			if err := s.addFix(Fix{Kind: MissingComma, Offset: s.lastEnd, Where: "between two members"}); err != nil {
				return err
			}
		default:
			return s.expected("a comma or } is expected after an object member")
		}
	}
}

// followedByColon reports whether a colon follows the current token.
func (s *scanner) followedByColon() bool {
	j := s.end
	for j < len(s.data) && (s.data[j] == ' ' || s.data[j] == '\t' || s.data[j] == '\n' || s.data[j] == '\r') {
		j++
	}
	return j < len(s.data) && s.data[j] == ':'
}

// array reads the elements after "[".
func (s *scanner) array() error {
	if err := s.next(); err != nil {
		return err
	}
	if s.tok == tArrClose {
		return nil
	}
	for {
		if err := s.value(); err != nil {
			return err
		}
		if err := s.next(); err != nil {
			return err
		}
		switch {
		case s.tok == tArrClose:
			return nil
		case s.tok == tComma:
			commaAt := s.start
			if err := s.next(); err != nil {
				return err
			}
			if s.tok == tArrClose {
				return s.addFix(Fix{Kind: TrailingComma, Offset: commaAt, Where: "before ]"})
			}
		case startsValue(s.tok):
			if s.tok == tString && s.followedByColon() {
				// A member where an element is due: an object lost its
				// braces, not a comma.
				return s.fail(s.start, "an object member inside an array")
			}
			if err := s.addFix(Fix{Kind: MissingComma, Offset: s.lastEnd, Where: "between two elements"}); err != nil {
				return err
			}
		default:
			return s.expected("a comma or ] is expected after an array element")
		}
	}
}
