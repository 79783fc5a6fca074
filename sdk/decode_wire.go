package sdk

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
)

// The wire walk reads the input with the tokenizer of encoding/json/v2
// (jsontext), set to accept what encoding/json accepts: a key given twice
// (encoding/json keeps the last value) and invalid UTF-8 in strings
// (encoding/json replaces it). Its other rules are those of RFC 8259 and
// encoding/json's: the same grammar, the same nesting limit of 10000.
var wireOptions = []jsontext.Options{
	jsontext.AllowDuplicateNames(true),
	jsontext.AllowInvalidUTF8(true),
}

// newWireDecoder returns a decoder that reads data in place: from a
// bytes.Buffer, jsontext parses the buffer itself, without a copy.
func newWireDecoder(data []byte) *jsontext.Decoder {
	return jsontext.NewDecoder(bytes.NewBuffer(data), wireOptions...)
}

// wireError is the error of the walk on input that is not JSON. The
// decoders run encoding/json first, so it is a safeguard, not a diagnosis.
func wireError(err error) error {
	if err == nil || errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF // the input ended where a value was wanted
	}
	return fmt.Errorf("dataforseo: decode: invalid JSON: %w", err)
}

// unquoted returns the contents of the JSON string literal raw as
// encoding/json decodes them (escapes resolved, invalid UTF-8 and lone
// surrogates replaced with U+FFFD): a slice of raw when there is nothing
// to resolve, a copy otherwise.
func unquoted(raw []byte) []byte {
	inner := raw[1 : len(raw)-1]
	if bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
		return inner
	}
	// The decoder checked the literal: the only errors left are those that
	// report a replacement, which is what encoding/json does too.
	out, _ := jsontext.AppendUnquote(nil, raw)
	return out
}

// maxWire is how much of a wire value a DecodeProblem keeps.
const maxWire = 200

// wireText is the text of the wire value raw (as a decoder returned it)
// for a DecodeProblem: the raw text without the white space between
// tokens, cut after maxWire bytes (marked "…"), with invalid UTF-8
// replaced. A scalar has no such white space: it is sliced. An array or
// object is read token by token and written again by a jsontext.Encoder,
// which keeps strings and numbers as they are, and no more tokens are
// read once maxWire bytes are written.
func wireText(raw []byte) string {
	if len(raw) == 0 || raw[0] != '{' && raw[0] != '[' {
		return truncate(validUTF8(raw[:min(len(raw), maxWire+1)]), maxWire)
	}
	c := compactors.Get().(*compactor)
	defer compactors.Put(c)
	return truncate(validUTF8(c.compact(raw)), maxWire)
}

// compactor writes the first tokens of a value again without white
// space; one is reused for the many misfits a response may have.
type compactor struct {
	in  bytes.Buffer
	dec jsontext.Decoder
	enc jsontext.Encoder
	out capWriter
}

var compactors = sync.Pool{New: func() any { return &compactor{out: capWriter{max: maxWire + 1}} }}

var compactOptions = append(wireOptions[:len(wireOptions):len(wireOptions)], jsontext.PreserveRawStrings(true))

// compact returns at least maxWire+1 bytes of the value raw without white
// space, or all of it; the bytes are valid until the next call.
func (c *compactor) compact(raw []byte) []byte {
	c.in = *bytes.NewBuffer(raw)
	c.dec.Reset(&c.in, wireOptions...)
	c.out.b = c.out.b[:0]
	c.enc.Reset(&c.out, compactOptions...)
	for len(c.out.b) < c.out.max {
		tok, err := c.dec.ReadToken()
		if err != nil {
			break // io.EOF: all of the value was written
		}
		if c.enc.WriteToken(tok) != nil {
			break
		}
	}
	// The encoder ends a complete top-level value with a newline.
	return bytes.TrimSuffix(c.out.b, []byte("\n"))
}

// capWriter keeps what is written to it until it holds max bytes.
type capWriter struct {
	b   []byte
	max int
}

var errWireFull = errors.New("wire text complete")

func (w *capWriter) Write(p []byte) (int, error) {
	if len(w.b) >= w.max {
		return 0, errWireFull
	}
	w.b = append(w.b, p...)
	return len(p), nil
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
