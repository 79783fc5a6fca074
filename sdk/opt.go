package sdk

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"unicode/utf8"
)

// Opt is an optional value with three states: missing, null, and a value.
//
// Optional request fields are Opt so that an explicit false, 0 or "" can be
// sent: the generated request structs tag them `json:",omitzero"`, so a
// missing Opt (the zero value) is left out of the request, a null one is sent
// as JSON null and a value as the value.
//
// Nullable response fields are Opt too. Decoding never fails on a wire value
// that does not fit T (a float where an integer was documented, a string
// where a number was): the Opt keeps the raw wire text, reports no value from
// Get, re-emits the text unchanged from MarshalJSON, and the problem is
// reported by Decode (and by Client calls) as a *DecodeError.
//
// The zero Opt is missing. Opt values are immutable and safe to copy.
type Opt[T any] struct {
	v     T
	state optState
	raw   string // wire text kept when it did not fit T (optInvalid, optPartial)
}

type optState uint8

const (
	optMissing optState = iota // the zero value: not set
	optNull                    // explicitly null
	optValue                   // v holds the value
	optInvalid                 // the wire value did not fit T; raw holds it
	optPartial                 // v was decoded only in part (a field inside did not fit); raw holds the wire text
)

// Some returns an Opt holding v.
func Some[T any](v T) Opt[T] { return Opt[T]{v: v, state: optValue} }

// Null returns an Opt that is explicitly null: it is sent as JSON null.
func Null[T any]() Opt[T] { return Opt[T]{state: optNull} }

// Int returns an Opt holding v, for optional integer fields.
func Int(v int64) Opt[int64] { return Some(v) }

// Float returns an Opt holding v, for optional number fields.
func Float(v float64) Opt[float64] { return Some(v) }

// String returns an Opt holding v, for optional string fields.
func String(v string) Opt[string] { return Some(v) }

// Bool returns an Opt holding v, for optional boolean fields.
func Bool(v bool) Opt[bool] { return Some(v) }

// Get returns the value and true, or the zero T and false when o is missing,
// null, or holds a wire value that did not fit T (for an Opt[Time], a string
// that is not a date-time). A value decoded only in
// part (an object with a field that did not fit) is returned with true.
func (o Opt[T]) Get() (T, bool) {
	if o.state == optValue || o.state == optPartial {
		return o.v, true
	}
	var zero T
	return zero, false
}

// Value returns the value, or the zero T when there is none (see Get).
func (o Opt[T]) Value() T {
	v, _ := o.Get()
	return v
}

// Or returns the value, or def when there is none (see Get).
func (o Opt[T]) Or(def T) T {
	if v, ok := o.Get(); ok {
		return v
	}
	return def
}

// IsSet reports whether o is not missing: it holds a value or is null (or
// holds a wire value that did not fit T).
func (o Opt[T]) IsSet() bool { return o.state != optMissing }

// IsNull reports whether o is explicitly null.
func (o Opt[T]) IsNull() bool { return o.state == optNull }

// IsZero reports whether o is missing. encoding/json's omitzero tag option
// uses it, so a missing Opt is omitted and a null one is not.
func (o Opt[T]) IsZero() bool { return o.state == optMissing }

// Equal reports whether o and p are in the same state and hold equal values
// (or the same wire text). Values are compared with their own Equal method
// when T has one, with reflect.DeepEqual otherwise. go-cmp uses this method.
func (o Opt[T]) Equal(p Opt[T]) bool {
	if o.state != p.state || o.raw != p.raw {
		return false
	}
	if o.state != optValue && o.state != optPartial {
		return true
	}
	if eq, ok := any(o.v).(interface{ Equal(T) bool }); ok {
		return eq.Equal(p.v)
	}
	return reflect.DeepEqual(o.v, p.v)
}

// String formats the value with fmt, or returns "<missing>", "<null>", or
// "<invalid WIRE>" for a wire value that did not fit T.
func (o Opt[T]) String() string {
	switch o.state {
	case optMissing:
		return "<missing>"
	case optNull:
		return "<null>"
	case optInvalid:
		return "<invalid " + o.raw + ">"
	}
	return fmt.Sprint(o.v)
}

// MarshalJSON encodes the value, JSON null for a null or missing Opt, and the
// kept wire text for a value that did not fit T.
func (o Opt[T]) MarshalJSON() ([]byte, error) {
	switch o.state {
	case optValue:
		switch v := any(o.v).(type) {
		case int64:
			return strconv.AppendInt(nil, v, 10), nil
		case bool:
			return strconv.AppendBool(nil, v), nil
		}
		return json.Marshal(o.v)
	case optInvalid, optPartial:
		return []byte(o.raw), nil
	}
	return []byte("null"), nil
}

// UnmarshalJSON decodes JSON null as a null Opt and anything else as a
// value. It never fails: a wire value that does not fit T is kept (see Opt).
func (o *Opt[T]) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*o = Opt[T]{state: optNull}
		return nil
	}
	var v T
	if t, ok := any(&v).(*Time); ok {
		// A Time never fails to decode: it keeps a wire value that is not
		// a date-time, which is no value for Get.
		t.UnmarshalJSON(data)
		if timeWireProblem(t.raw) {
			*o = Opt[T]{state: optInvalid, raw: string(data)}
		} else {
			*o = Opt[T]{v: v, state: optValue}
		}
		return nil
	}
	if decodeScalar(data, &v) {
		*o = Opt[T]{v: v, state: optValue}
		return nil
	}
	err := json.Unmarshal(data, &v)
	switch {
	case err == nil:
		*o = Opt[T]{v: v, state: optValue}
	case isTypeError(err) && sameKind(data, reflect.TypeFor[T]()):
		*o = Opt[T]{v: v, state: optPartial, raw: string(data)}
	default:
		*o = Opt[T]{state: optInvalid, raw: string(data)}
	}
	return nil
}

// isOpt marks Opt types for the decoder's reflection walks.
func (Opt[T]) isOpt() {}

// optMarker is implemented by every Opt type.
type optMarker interface{ isOpt() }

// decodeScalar decodes the common scalar types without going through
// encoding/json again. It reports false when p is not one of them or data
// does not fit; the caller then uses encoding/json, which decides.
func decodeScalar(data []byte, p any) bool {
	if len(data) == 0 {
		return false
	}
	switch p := p.(type) {
	case *int64:
		if !isNumberStart(data[0]) {
			return false
		}
		v, err := strconv.ParseInt(string(data), 10, 64)
		*p = v
		return err == nil
	case *float64:
		if !isNumberStart(data[0]) {
			return false
		}
		v, err := strconv.ParseFloat(string(data), 64)
		*p = v
		return err == nil
	case *bool:
		switch string(data) {
		case "true":
			*p = true
			return true
		case "false":
			*p = false
			return true
		}
	case *string:
		s, ok := simpleString(data)
		*p = s
		return ok
	}
	return false
}

// sameKind reports whether data is an object for a struct or map type, or
// an array for a slice or array type: a type error inside it left the rest
// decoded.
func sameKind(data []byte, t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return data[0] == '{'
	case reflect.Slice, reflect.Array:
		return data[0] == '['
	}
	return false
}

func isNumberStart(c byte) bool { return c == '-' || (c >= '0' && c <= '9') }

// simpleString returns the contents of a JSON string literal that has no
// escapes and is valid UTF-8, the common case that needs no unquoting.
func simpleString(data []byte) (string, bool) {
	if len(data) < 2 || data[0] != '"' || data[len(data)-1] != '"' {
		return "", false
	}
	inner := data[1 : len(data)-1]
	if bytes.IndexByte(inner, '\\') >= 0 || bytes.IndexByte(inner, '"') >= 0 || !utf8.Valid(inner) {
		return "", false
	}
	return string(inner), true
}
