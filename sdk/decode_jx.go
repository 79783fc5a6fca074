package sdk

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-faster/jx"
)

// The fast decoder. The generated types decode themselves from a
// go-faster/jx tokenizer (their DecodeJX methods, in decode_gen.go), with
// the helpers below. It replicates encoding/json only where that is
// simple to do exactly: on anything else it stops with errNotFast (or the
// tokenizer's error), and Decode decodes the whole body again with the
// reflective path (decodeReflect). So the fast path never decides what a
// response means: it only gives the same values faster when nothing is
// unusual. What it refuses:
//
//   - a value that does not fit its Go type (the reflective path keeps and
//     reports it), a date-time that does not parse, a filter off its grammar;
//   - an unknown key with an upper-case or non-ASCII letter (encoding/json
//     matches keys case-insensitively too);
//   - a second value for a slice, map or pointer already set (a key given
//     twice: encoding/json merges them);
//   - strings with escapes or invalid UTF-8 are unquoted by encoding/json
//     itself, values of other types (any, Filter, nested slices) decoded by it.

// JXDecoder is implemented by the generated types: DecodeJX decodes the
// value from d, for the SDK's fast decoder (see Decode). It stops on
// anything it does not decode as encoding/json would, and Decode then
// decodes the whole body reflectively.
type JXDecoder interface {
	DecodeJX(d *jx.Decoder) error
}

// errNotFast stops the fast decoder: the input has something it does not
// replicate; Decode uses the reflective path.
var errNotFast = errors.New("dataforseo: the fast decoder leaves this input to encoding/json")

// decodeFast is implemented by *Response: it decodes data with the fast
// decoder and reports whether it did; when it did not, v is as it was.
type decodeFast interface {
	decodeFast(data []byte) bool
}

// runFast decodes data into v with a pooled tokenizer and checks that
// nothing but white space follows the value.
func runFast(data []byte, v JXDecoder) bool {
	d := getDecoder()
	d.ResetBytes(data)
	ok := v.DecodeJX(d) == nil && d.Next() == jx.Invalid && errors.Is(d.Skip(), io.EOF)
	putDecoder(d)
	return ok
}

// JXObject decodes an object with f called per key; null leaves the
// value as it is, as encoding/json does. For the generated decoders.
func JXObject(d *jx.Decoder, f func(d *jx.Decoder, key []byte) error) error {
	if ok, err := jxOpen(d, d.Next(), jx.Object); !ok {
		return err
	}
	return d.ObjBytes(f)
}

// jxOpen answers for the next value, of type t (d.Next(), read by the
// caller so that both are inlined), which should be of type want: true
// when it is (nothing read yet); false when it is null (read: a null
// leaves a value as it is, as in encoding/json) or of another type
// (errNotFast).
func jxOpen(d *jx.Decoder, t, want jx.Type) (bool, error) {
	if t == want {
		return true, nil
	}
	return false, notOpened(d, t)
}

// notOpened is jxOpen's answer for a value of type t, not the one wanted.
func notOpened(d *jx.Decoder, t jx.Type) error {
	if t == jx.Null {
		return d.Null()
	}
	return errNotFast
}

// JXSkip skips the value of a key the struct has no field for. A key with
// an upper-case or non-ASCII letter might match a field the way
// encoding/json matches keys (case-insensitively): it stops the fast
// decoder. For the generated decoders of structs whose keys are all
// lower-case ASCII.
func JXSkip(d *jx.Decoder, key []byte) error {
	for _, c := range key {
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return errNotFast
		}
	}
	return d.Skip()
}

// JXNotFast stops the fast decoder, for a key the generated decoder cannot
// judge.
func JXNotFast(*jx.Decoder, []byte) error { return errNotFast }

// JXString decodes a string; null leaves it as it is. A string with
// escapes or invalid UTF-8 is unquoted by encoding/json.
func JXString(p *string, d *jx.Decoder) error {
	if ok, err := jxOpen(d, d.Next(), jx.String); !ok {
		return err
	}
	raw, err := d.Raw()
	if err != nil {
		return err
	}
	inner := raw[1 : len(raw)-1]
	esc := bytes.IndexByte(inner, '\\')
	switch {
	case !utf8.Valid(inner):
	case esc < 0:
		*p = string(inner)
		return nil
	case !surrogateEscape(inner[esc:]):
		// jx unescapes as encoding/json does but for surrogates.
		sub := getDecoder()
		sub.ResetBytes(raw)
		b, err := sub.StrBytes()
		if err == nil {
			*p = string(b)
		}
		putDecoder(sub)
		return err
	}
	if json.Unmarshal(raw, p) != nil {
		return errNotFast
	}
	return nil
}

// surrogateEscape reports whether s may hold a \u escape of a UTF-16
// surrogate (\uD800-\uDFFF), which encoding/json unquotes by rules of its
// own (a lone one is U+FFFD).
func surrogateEscape(s []byte) bool {
	for {
		i := bytes.Index(s, []byte(`\u`))
		if i < 0 || i+4 > len(s) {
			return false
		}
		if c, d := s[i+2], s[i+3]; (c == 'd' || c == 'D') && strings.IndexByte("89abcdefABCDEF", d) >= 0 {
			return true
		}
		s = s[i+2:]
	}
}

// JXEnum decodes a string of an enum type: as JXString, but a value met
// before is shared (interned) rather than copied again.
func JXEnum(p *string, d *jx.Decoder) error {
	if d.Next() != jx.String {
		return JXString(p, d)
	}
	raw, err := d.Raw()
	if err != nil {
		return err
	}
	if inner := raw[1 : len(raw)-1]; len(inner) <= maxIntern && bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
		*p = intern(inner)
		return nil
	}
	sub := getDecoder()
	sub.ResetBytes(raw)
	err = JXString(p, sub)
	putDecoder(sub)
	return err
}

// JXKind decodes the discriminator of a polymorphic element's kind (its
// "type"): as JXString, but given twice it stops the fast decoder, which
// found the element's kind by the first one (sum_jx.go).
func JXKind(p *string, d *jx.Decoder) error {
	if *p != "" {
		return errNotFast
	}
	return JXEnum(p, d)
}

// number returns the literal of a number; null is no literal.
func number(d *jx.Decoder) (lit []byte, null bool, err error) {
	switch d.Next() {
	case jx.Null:
		return nil, true, d.Null()
	case jx.Number:
		raw, err := d.Raw()
		return raw, false, err
	}
	return nil, false, errNotFast
}

// JXInt64 decodes an integer literal in range (4.0 and 1e3 do not fit,
// as with encoding/json); null leaves it as it is. The tokenizer reads
// the digits itself: it refuses what encoding/json refuses for an int64
// (a fraction, an exponent, a leading zero, an overflow), and any refusal
// leaves the body to the reflective path.
func JXInt64(p *int64, d *jx.Decoder) error {
	if ok, err := jxOpen(d, d.Next(), jx.Number); !ok {
		return err
	}
	v, err := d.Int64()
	if err != nil || v > maxExactInt || v < -maxExactInt {
		return errNotFast
	}
	*p = v
	return nil
}

// maxExactInt bounds the values jx's Int64 is right about: on a literal
// of 20 digits or more its overflow check can miss, and the value it then
// gives is above this bound (each digit past it multiplies a value
// already above it). A value beyond it, rare, leaves the body to the
// reflective path.
const maxExactInt = 1<<64/10 - 1

// jxInt decodes an int (64 bits) as JXInt64 does.
func jxInt(p *int, d *jx.Decoder) error {
	v := int64(*p)
	if err := JXInt64(&v, d); err != nil {
		return err
	}
	*p = int(v)
	return nil
}

// JXFloat64 decodes a number in range; null leaves it as it is.
func JXFloat64(p *float64, d *jx.Decoder) error {
	lit, null, err := number(d)
	if err != nil || null {
		return err
	}
	v, err := strconv.ParseFloat(string(lit), 64)
	if err != nil {
		return errNotFast
	}
	*p = v
	return nil
}

// JXBool decodes true or false; null leaves it as it is.
func JXBool(p *bool, d *jx.Decoder) error {
	if ok, err := jxOpen(d, d.Next(), jx.Bool); !ok {
		return err
	}
	v, err := d.Bool()
	*p = v
	return err
}

// JXValue decodes the next value with encoding/json, for the types the
// fast decoder has no decoder of its own for (any, Filter, a slice of
// slices...). A kept wire value (a misfit) stops the fast decoder.
func JXValue(p any, d *jx.Decoder) error {
	raw, err := d.Raw()
	if err != nil {
		return err
	}
	misfits := sumMisfits.Load()
	if json.Unmarshal(raw, p) != nil || hasWireProblem(reflect.ValueOf(p)) || sumMisfits.Load() != misfits {
		return errNotFast
	}
	return nil
}

// jxValue decodes the next value into p, with the decoder of its type.
func jxValue(p any, d *jx.Decoder) error {
	switch p := p.(type) {
	case *string:
		return JXString(p, d)
	case *int64:
		return JXInt64(p, d)
	case *float64:
		return JXFloat64(p, d)
	case *bool:
		return JXBool(p, d)
	case *int:
		return jxInt(p, d)
	case JXDecoder:
		return p.DecodeJX(d)
	}
	return JXValue(p, d)
}

// decoders are the tokenizers of the fast decoder, reused: jx's own pool
// resets a decoder for a reader, which costs more than the decoding of a
// small element.
var decoders = sync.Pool{New: func() any { return new(jx.Decoder) }}

func getDecoder() *jx.Decoder { return decoders.Get().(*jx.Decoder) }

// putDecoder returns d to the pool, holding no input.
func putDecoder(d *jx.Decoder) {
	d.ResetBytes(nil)
	decoders.Put(d)
}
