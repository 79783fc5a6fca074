package sdk

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// wireScanner reads JSON text in place: it never builds a value, and the
// text of any value is a slice of the input (data[start:pos] around the
// reading of it). It checks the grammar of RFC 8259 as encoding/json does
// (and the same nesting limit), so a text it accepts is one encoding/json
// accepts; it is only ever given such text (the decoders run
// encoding/json first), so its errors are a safeguard, not a diagnosis.
type wireScanner struct {
	data  []byte
	pos   int
	depth int // arrays and objects open
}

// maxWireDepth is encoding/json's nesting limit.
const maxWireDepth = 10000

// wireString is a string literal of the input: data[start:end] includes the
// quotes.
type wireString struct {
	start, end int
	escaped    bool // holds a backslash escape
	nonASCII   bool // holds a byte >= 0x80
}

func (s *wireScanner) errorf(format string, args ...any) error {
	return fmt.Errorf("dataforseo: decode: invalid JSON at offset %d: %s", s.pos, fmt.Sprintf(format, args...))
}

func (s *wireScanner) skipSpace() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

// peek skips white space and returns the next byte, or 0 at the end (a
// NUL byte, never valid outside a string, is an error either way).
func (s *wireScanner) peek() byte {
	s.skipSpace()
	if s.pos == len(s.data) {
		return 0
	}
	return s.data[s.pos]
}

// expect consumes the byte c after white space.
func (s *wireScanner) expect(c byte) error {
	switch got := s.peek(); got {
	case c:
		s.pos++
		return nil
	case 0:
		return s.errorf("unexpected end of input, want %q", c)
	default:
		return s.errorf("unexpected %q, want %q", got, c)
	}
}

// scanString reads the string literal at pos.
func (s *wireScanner) scanString() (wireString, error) {
	if s.peek() != '"' {
		return wireString{}, s.errorf("want a string")
	}
	str := wireString{start: s.pos}
	for i := s.pos + 1; i < len(s.data); {
		switch c := s.data[i]; {
		case c == '"':
			s.pos, str.end = i+1, i+1
			return str, nil
		case c == '\\':
			str.escaped = true
			if i+1 == len(s.data) {
				s.pos = len(s.data)
				return wireString{}, s.errorf("unterminated string")
			}
			switch s.data[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(s.data) || !isHex4(s.data[i+2:i+6]) {
					s.pos = i
					return wireString{}, s.errorf(`bad \u escape`)
				}
				i += 6
			default:
				s.pos = i
				return wireString{}, s.errorf("bad escape")
			}
		case c < 0x20:
			s.pos = i
			return wireString{}, s.errorf("control character in a string")
		default:
			str.nonASCII = str.nonASCII || c >= utf8.RuneSelf
			i++
		}
	}
	s.pos = len(s.data)
	return wireString{}, s.errorf("unterminated string")
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// text returns the string's contents as encoding/json decodes them: a slice
// of the input when there is nothing to unescape, a copy otherwise (escapes
// resolved, invalid UTF-8 replaced).
func (s *wireScanner) text(str wireString) []byte {
	inner := s.data[str.start+1 : str.end-1]
	if !str.escaped && (!str.nonASCII || utf8.Valid(inner)) {
		return inner
	}
	var out string
	if err := json.Unmarshal(s.data[str.start:str.end], &out); err != nil {
		return inner // not reached: scanString checked the literal
	}
	return []byte(out)
}

// scanNumber reads the number at pos:
// -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
func (s *wireScanner) scanNumber() error {
	d, i := s.data, s.pos
	if i < len(d) && d[i] == '-' {
		i++
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case i < len(d) && '1' <= d[i] && d[i] <= '9':
		i = skipDigits(d, i)
	default:
		return s.errorf("want a value")
	}
	if i < len(d) && d[i] == '.' {
		if j := skipDigits(d, i+1); j > i+1 {
			i = j
		} else {
			return s.errorf("want a digit after the decimal point")
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if j := skipDigits(d, i); j > i {
			i = j
		} else {
			return s.errorf("want a digit in the exponent")
		}
	}
	s.pos = i
	return nil
}

func skipDigits(d []byte, i int) int {
	for i < len(d) && '0' <= d[i] && d[i] <= '9' {
		i++
	}
	return i
}

// literal reads true, false or null at pos.
func (s *wireScanner) literal() error {
	rest := s.data[s.pos:]
	for _, lit := range [...]string{"true", "false", "null"} {
		if len(rest) >= len(lit) && string(rest[:len(lit)]) == lit {
			s.pos += len(lit)
			return nil
		}
	}
	return s.errorf("want a value")
}

// members reads the object at pos: for each member it reads the key and
// the colon and calls member, which must read the value.
func (s *wireScanner) members(member func(key wireString) error) error {
	if err := s.open('{'); err != nil {
		return err
	}
	if s.peek() == '}' {
		return s.close()
	}
	for {
		key, err := s.scanString()
		if err != nil {
			return err
		}
		if err := s.expect(':'); err != nil {
			return err
		}
		if err := member(key); err != nil {
			return err
		}
		if s.peek() != ',' {
			if err := s.expect('}'); err != nil {
				return err
			}
			s.depth--
			return nil
		}
		s.pos++
	}
}

// elements reads the array at pos, calling elem for each element, which
// must read it.
func (s *wireScanner) elements(elem func(i int) error) error {
	if err := s.open('['); err != nil {
		return err
	}
	if s.peek() == ']' {
		return s.close()
	}
	for i := 0; ; i++ {
		if err := elem(i); err != nil {
			return err
		}
		if s.peek() != ',' {
			if err := s.expect(']'); err != nil {
				return err
			}
			s.depth--
			return nil
		}
		s.pos++
	}
}

func (s *wireScanner) open(c byte) error {
	if err := s.expect(c); err != nil {
		return err
	}
	if s.depth++; s.depth > maxWireDepth {
		return s.errorf("exceeded max depth")
	}
	return nil
}

// close reads the closing byte of an empty array or object.
func (s *wireScanner) close() error {
	s.pos++
	s.depth--
	return nil
}

// skipValue reads the value at pos, whatever it is.
func (s *wireScanner) skipValue() error {
	switch c := s.peek(); {
	case c == '{':
		return s.members(func(wireString) error { return s.skipValue() })
	case c == '[':
		return s.elements(func(int) error { return s.skipValue() })
	case c == '"':
		_, err := s.scanString()
		return err
	case c == '-' || '0' <= c && c <= '9':
		return s.scanNumber()
	case c == 0:
		return s.errorf("unexpected end of input")
	}
	return s.literal()
}

// maxWire is how much of a wire value a DecodeProblem keeps.
const maxWire = 200

// wireText is the text of a wire value for a DecodeProblem: the raw text
// without the white space between tokens, cut after maxWire bytes (marked
// "…"), with invalid UTF-8 replaced. Only the kept bytes are copied.
func wireText(raw []byte) string {
	buf := make([]byte, 0, min(len(raw), maxWire+1))
	inString := false
	for i := 0; i < len(raw) && len(buf) <= maxWire; i++ {
		c := raw[i]
		switch {
		case inString:
			inString = c != '"'
			if c == '\\' && i+1 < len(raw) {
				buf = append(buf, c)
				i++
				c = raw[i]
			}
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			continue
		case c == '"':
			inString = true
		}
		buf = append(buf, c)
	}
	return truncate(validUTF8(buf), maxWire)
}

// validUTF8 replaces each byte of b that is not part of valid UTF-8 with
// U+FFFD, as encoding/json does in strings.
func validUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var out strings.Builder
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			out.WriteRune(utf8.RuneError)
		} else {
			out.Write(b[:n])
		}
		b = b[n:]
	}
	return out.String()
}
