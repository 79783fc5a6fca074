package sdk

import (
	"bytes"
	"encoding/json"

	"github.com/go-faster/jx"
)

// The fast decoder of polymorphic arrays (see decode_jx.go): an element is
// read whole, its kind found by its discriminator (the last string value
// of the property, as Kinds.Decode finds it), then decoded by its kind's
// DecodeJX; an element of a kind the SDK does not know keeps its JSON.

// JXAll decodes an array of elements (see Kinds.DecodeAll): null is nil,
// [] an empty slice. For the generated decoders.
func (k *Kinds[I]) JXAll(d *jx.Decoder, p *[]I) error {
	return JXSlice(d, p, func(e *I, d *jx.Decoder) error { return k.JXOne(d, e) })
}

// JXOpt decodes an array that may be null or missing (see Kinds.DecodeOpt).
func (k *Kinds[I]) JXOpt(d *jx.Decoder, o *Opt[[]I]) error {
	switch d.Next() {
	case jx.Null:
		*o = Opt[[]I]{state: optNull}
		return d.Null()
	case jx.Array:
	default:
		return errNotFast
	}
	var s []I
	if err := k.JXAll(d, &s); err != nil {
		return err
	}
	*o = Opt[[]I]{v: s, state: optValue}
	return nil
}

// JXOne decodes one element (see Kinds.Decode): null is a nil I. An
// element that is not an object, or one of a known kind with a value that
// does not fit, stops the fast decoder.
func (k *Kinds[I]) JXOne(d *jx.Decoder, p *I) error {
	switch d.Next() {
	case jx.Null:
		var zero I
		*p = zero
		return d.Null()
	case jx.Object:
	default:
		return errNotFast
	}
	// The API writes the property first: then the kind is known from a
	// look ahead (jx rewinds after Capture) and the element is read once.
	var first func() I
	if err := d.Capture(func(d *jx.Decoder) error {
		first = k.firstKind(d)
		return nil
	}); err != nil {
		return err
	}
	if first != nil {
		v := first()
		if dec, ok := any(v).(JXDecoder); ok {
			*p = v
			return dec.DecodeJX(d)
		}
	}
	raw, err := d.Raw()
	if err != nil {
		return err
	}
	sub := getDecoder()
	defer func() {
		putDecoder(sub)
	}()
	f := k.kindOf(sub, raw)
	if f == nil {
		kind, _ := discriminator(raw, k.property)
		*p = k.unknown(UnknownKind{Type: kind, Raw: bytes.Clone(raw)})
		return nil
	}
	v := f()
	*p = v
	if dec, ok := any(v).(JXDecoder); ok {
		sub.ResetBytes(raw)
		return dec.DecodeJX(sub)
	}
	misfits := sumMisfits.Load()
	if json.Unmarshal(raw, any(v)) != nil || sumMisfits.Load() != misfits {
		return errNotFast
	}
	return nil
}

// firstKind returns the maker of the known kind an element names by its
// first key, when that is the property with a string; nil otherwise.
func (k *Kinds[I]) firstKind(d *jx.Decoder) func() I {
	it, err := d.ObjIter()
	if err != nil || !it.Next() || string(it.Key()) != k.property || d.Next() != jx.String {
		return nil
	}
	v, err := d.StrBytes()
	if err != nil {
		return nil
	}
	return k.kinds[string(v)]
}

// kindOf returns the maker of the kind the element raw names (nil for an
// unknown kind): by its first key when that is the property with a string
// (the kind's decoder then stops at a second one, see JXKind), by the
// last string value of the property otherwise.
func (k *Kinds[I]) kindOf(sub *jx.Decoder, raw []byte) func() I {
	sub.ResetBytes(raw)
	it, err := sub.ObjIter()
	if err != nil {
		return nil
	}
	var f func() I
	for first := true; it.Next(); first = false {
		if string(it.Key()) != k.property || sub.Next() != jx.String {
			if sub.Skip() != nil {
				return nil
			}
			continue
		}
		v, err := sub.StrBytes()
		if err != nil {
			return nil
		}
		if f = k.kinds[string(v)]; first {
			return f
		}
	}
	if it.Err() != nil {
		return nil
	}
	return f
}
