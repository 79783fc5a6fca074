package sdk

import (
	"bytes"
	"time"
	"unicode/utf8"

	"github.com/go-faster/jx"
)

// The fast decoder's collections, Opt and Time (see decode_jx.go).

// JXSlice decodes an array with elem per element: null is a nil slice,
// [] an empty one. A slice already set (a key given twice) stops the fast
// decoder.
func JXSlice[T any](d *jx.Decoder, p *[]T, elem func(*T, *jx.Decoder) error) error {
	return JXSliceCap(d, p, elem, 0)
}

// JXSliceCap is JXSlice with room made for the count of elements a
// sibling field announced before the array (items_count before items),
// so that a page of 1,000 items is not copied as it grows. The count only
// sizes the slice, never limits or pads what is read; and it is believed
// only as far as the body bears it out: the room made is at most 16
// elements before the first is read, and then at most four times the
// elements read, so a count that lies costs a few allocations more.
func JXSliceCap[T any](d *jx.Decoder, p *[]T, elem func(*T, *jx.Decoder) error, count int64) error {
	if *p != nil {
		return errNotFast
	}
	if ok, err := jxOpen(d, d.Next(), jx.Array); !ok {
		return err
	}
	s := make([]T, 0)
	var zero T
	err := d.Arr(func(d *jx.Decoder) error {
		if n := int64(len(s)); n == int64(cap(s)) && n < count {
			grown := make([]T, n, min(count, max(16, 4*n)))
			copy(grown, s)
			s = grown
		}
		s = append(s, zero)
		return elem(&s[len(s)-1], d)
	})
	*p = s
	return err
}

// JXMap decodes an object with string keys with elem per value: null is
// a nil map. A key that is not ASCII, or a map already set, stops the
// fast decoder.
func JXMap[T any](d *jx.Decoder, p *map[string]T, elem func(*T, *jx.Decoder) error) error {
	m, err := openMap(d, p)
	if m == nil {
		return err
	}
	// One value per map, not per key: elem is called indirectly, so what
	// it is given escapes to the heap.
	v := new(T)
	var zero T
	return d.ObjBytes(func(d *jx.Decoder, key []byte) error {
		if !ascii(key) {
			return errNotFast
		}
		*v = zero
		if err := elem(v, d); err != nil {
			return err
		}
		m[intern(key)] = *v
		return nil
	})
}

// openMap starts a map's object: the new map, set in *p; nil on null
// (with no error) and when the fast decoder stops (a map already set, a
// value that is not an object).
func openMap[T any](d *jx.Decoder, p *map[string]T) (map[string]T, error) {
	if *p != nil {
		return nil, errNotFast
	}
	if ok, err := jxOpen(d, d.Next(), jx.Object); !ok {
		return nil, err
	}
	m := map[string]T{}
	*p = m
	return m, nil
}

// ascii reports whether a map's key is ASCII: one that is not is left to
// encoding/json (which replaces invalid UTF-8).
func ascii(key []byte) bool {
	for _, c := range key {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// JXMapInt64 is JXMap of int64 values (the API's counts per key), with
// the value decoded in place rather than through a func.
func JXMapInt64(d *jx.Decoder, p *map[string]int64) error {
	m, err := openMap(d, p)
	if m == nil {
		return err
	}
	return d.ObjBytes(func(d *jx.Decoder, key []byte) error {
		if !ascii(key) {
			return errNotFast
		}
		var v int64
		if err := JXInt64(&v, d); err != nil {
			return err
		}
		m[intern(key)] = v
		return nil
	})
}

// JXPtr decodes a pointer to a generated struct: null is nil. A pointer
// already set stops the fast decoder.
func JXPtr[T any, P interface {
	*T
	JXDecoder
}](d *jx.Decoder, p **T) error {
	if *p != nil {
		return errNotFast
	}
	if d.Next() == jx.Null {
		return d.Null()
	}
	v := new(T)
	*p = v
	return P(v).DecodeJX(d)
}

// DecodeJX decodes o: null is a null Opt, a value that fits T a value;
// anything else stops the fast decoder (the reflective path keeps it).
func (o *Opt[T]) DecodeJX(d *jx.Decoder) error {
	if d.Next() == jx.Null {
		*o = Opt[T]{state: optNull}
		return d.Null()
	}
	*o = Opt[T]{state: optValue}
	return jxValue(&o.v, d) // on an error, Decode starts again from zero
}

// JXOptSlice decodes an Opt of a slice with elem per element.
func JXOptSlice[T any](d *jx.Decoder, o *Opt[[]T], elem func(*T, *jx.Decoder) error) error {
	if d.Next() == jx.Null {
		*o = Opt[[]T]{state: optNull}
		return d.Null()
	}
	var s []T
	if d.Next() != jx.Array {
		return errNotFast
	}
	if err := JXSlice(d, &s, elem); err != nil {
		return err
	}
	*o = Opt[[]T]{v: s, state: optValue}
	return nil
}

// DecodeJX decodes t as UnmarshalJSON does; a value that is not a
// date-time stops the fast decoder.
func (t *Time) DecodeJX(d *jx.Decoder) error {
	raw, err := d.Raw()
	if err != nil {
		return err
	}
	if inner := raw[1 : len(raw)-1]; raw[0] == '"' && len(inner) == len(TimeLayout) && bytes.IndexByte(inner, '\\') < 0 {
		// The common case, as UnmarshalJSON decodes it (ParseTime's first
		// layout), without its copy of the string; by hand when it can.
		if v, ok := parseLayout(inner); ok {
			*t = Time{Time: v}
			return nil
		}
		if v, err := time.Parse(TimeLayout, string(inner)); err == nil {
			*t = Time{Time: v}
			return nil
		}
	}
	t.UnmarshalJSON(raw)
	if timeWireProblem(t.raw) {
		return errNotFast
	}
	return nil
}
