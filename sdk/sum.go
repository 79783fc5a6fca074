package sdk

import (
	"bytes"
	"encoding/json"
	"reflect"
	"sync"
	"sync/atomic"

	"github.com/go-json-experiment/json/jsontext"
)

// Polymorphic arrays. A SERP result's items hold elements of many kinds
// ("organic", "paid", "people_also_ask", ...), which their "type" names.
// A generated package declares, per such array, an interface (serp.Item)
// implemented by one struct per kind the docs describe (*serp.OrganicItem)
// and by an Unknown struct (*serp.UnknownItem) for a kind they do not;
// Kinds decodes the elements into them. The holders of such arrays (the
// structs with a field of such an interface) decode themselves with
// DecodeHolder, and are registered with RegisterHolder so that Decode and
// DecodeStrict check them field by field.

// UnknownKind is an element of a polymorphic array whose kind the SDK does
// not know: a kind the API added after the SDK was generated, or an
// element that names no kind. A generated Unknown type embeds it.
type UnknownKind struct {
	// Type is the element's discriminator ("type"): the kind's name, ""
	// when the element has none.
	Type string
	// Raw is the element's JSON as received.
	Raw json.RawMessage
}

// Kind returns the element's kind, as the wire names it.
func (u UnknownKind) Kind() string { return u.Type }

// MarshalJSON returns the element as received, byte for byte (JSON null
// for a zero UnknownKind).
func (u UnknownKind) MarshalJSON() ([]byte, error) {
	if len(u.Raw) == 0 {
		return []byte("null"), nil
	}
	return u.Raw, nil
}

// Kinds decodes the elements of one polymorphic element type I, by their
// discriminator. A generated package makes one with NewKinds per
// interface; it is safe for concurrent use.
type Kinds[I any] struct {
	property string
	kinds    map[string]func() I
	unknown  func(UnknownKind) I
}

// NewKinds returns the decoder of I: the element whose property names one
// of kinds decodes into a new value of that kind (a pointer to its
// struct); any other into unknown's. It registers I with the decoders
// (Decode, DecodeStrict): it is meant for a package-level variable.
func NewKinds[I any](property string, unknown func(UnknownKind) I, kinds map[string]func() I) *Kinds[I] {
	info := &sumInfo{property: property, types: map[string]reflect.Type{}}
	for k, f := range kinds {
		info.types[k] = reflect.TypeOf(f())
	}
	sums.Store(reflect.TypeFor[I](), info)
	return &Kinds[I]{property: property, kinds: kinds, unknown: unknown}
}

// Decode decodes one element: JSON null is the zero I (a nil interface),
// an element of a known kind a value of it, anything else an unknown
// kind holding its JSON. It never fails: a value inside a known kind that
// does not fit its Go type is left at its zero value and counted, so that
// Decode reports it with its path.
func (k *Kinds[I]) Decode(data []byte) I {
	var zero I
	data = bytes.TrimSpace(data)
	if len(data) == 0 || string(data) == "null" {
		return zero
	}
	kind, _ := discriminator(data, k.property)
	if f := k.kinds[kind]; f != nil {
		v := f()
		if err := json.Unmarshal(data, any(v)); err != nil {
			sumMisfits.Add(1)
		}
		return v
	}
	return k.unknown(UnknownKind{Type: kind, Raw: bytes.Clone(data)})
}

// DecodeAll decodes the elements of an array (see Decode): nil stays nil,
// an empty array is an empty slice.
func (k *Kinds[I]) DecodeAll(elems []json.RawMessage) []I {
	if elems == nil {
		return nil
	}
	out := make([]I, len(elems))
	for i, e := range elems {
		out[i] = k.Decode(e)
	}
	return out
}

// DecodeHolder decodes data into v, the shadow of a generated struct
// whose polymorphic fields are kept as raw JSON for Kinds. A value that
// does not fit its field's type does not stop it (it is counted, as in
// Kinds.Decode); any other error is returned.
func DecodeHolder(data []byte, v any) error {
	err := json.Unmarshal(data, v)
	if err != nil && isTypeError(err) {
		sumMisfits.Add(1)
		return nil
	}
	return err
}

// RegisterHolder tells the decoders that T, a generated struct with a
// field of a polymorphic element type, decodes itself only to decode
// those fields: Decode and DecodeStrict check its fields one by one. A
// generated package calls it from init.
func RegisterHolder[T any]() { holders.Store(reflect.TypeFor[T](), true) }

// sumMisfits counts the values a polymorphic array's decoding left out
// because they did not fit their types (encoding/json goes on after such
// a value, but an UnmarshalJSON that reported it would stop the whole
// decoding): Decode checks the wire again when it grew during its
// json.Unmarshal. A decode running at the same time may make it grow too;
// then the check finds nothing, at the cost of the walk.
var sumMisfits atomic.Uint64

// sumInfo is what the decoders know of a polymorphic element type.
type sumInfo struct {
	property string
	types    map[string]reflect.Type // by kind: the pointer type of its struct
}

var (
	sums    sync.Map // reflect.Type of the interface -> *sumInfo
	holders sync.Map // reflect.Type of the struct -> true
)

func sumOf(t reflect.Type) *sumInfo {
	if t.Kind() != reflect.Interface {
		return nil
	}
	if s, ok := sums.Load(t); ok {
		return s.(*sumInfo)
	}
	return nil
}

func isHolder(t reflect.Type) bool {
	_, ok := holders.Load(t)
	return ok
}

// discriminator reads the string member property of the JSON object
// data; ok is false when data is not an object or has no such string.
// The last one counts when it is given twice, as encoding/json decodes it.
func discriminator(data []byte, property string) (kind string, ok bool) {
	if len(data) == 0 || data[0] != '{' {
		return "", false
	}
	dec := jsontext.NewDecoder(bytes.NewReader(data), wireOptions...)
	if _, err := dec.ReadToken(); err != nil {
		return "", false
	}
	for dec.PeekKind() == '"' {
		key, err := dec.ReadToken()
		if err != nil {
			return "", false
		}
		if key.String() == property && dec.PeekKind() == '"' {
			v, err := dec.ReadToken()
			if err != nil {
				return "", false
			}
			kind, ok = v.String(), true
			continue
		}
		if err := dec.SkipValue(); err != nil {
			return "", false
		}
	}
	return kind, ok
}

// walkSum reads an element of a polymorphic array beside its kind's type:
// the element is read whole for its discriminator, then walked again
// with a decoder of its own (offsets stay those of the whole input). An
// element that is not an object is a misfit; one of a kind the SDK does
// not know is not, but for DecodeStrict.
func (w *wireWalker) walkSum(s *sumInfo, kind jsontext.Kind) error {
	if kind != '{' {
		return w.misfit("want an object of one of the kinds the \"" + s.property + "\" names")
	}
	raw, err := w.read()
	if err != nil {
		return err
	}
	end := w.base + w.dec.InputOffset()
	begin := end - int64(len(raw))
	k, ok := discriminator(raw, s.property)
	t := s.types[k]
	if t == nil {
		if w.strict {
			reason := "unknown kind " + k + ": the SDK has no type for it"
			if !ok {
				reason = "no \"" + s.property + "\": the element names no kind"
			}
			w.add(raw, reason)
		}
		return nil
	}
	dec, base := w.dec, w.base
	w.dec, w.base = newWireDecoder(w.data[begin:end]), begin
	err = w.walk(t)
	w.dec, w.base = dec, base
	return err
}

// DecodeOpt decodes an array that may be missing (raw is empty: a
// json.RawMessage field the key did not fill) or null, in three states
// (see Opt): a value is its elements (see DecodeAll). A value that is not
// an array is kept as an Opt keeps any value that does not fit, and
// reported by Decode.
func (k *Kinds[I]) DecodeOpt(raw json.RawMessage) Opt[[]I] {
	if len(raw) == 0 {
		return Opt[[]I]{}
	}
	var elems []json.RawMessage
	if err := json.Unmarshal(raw, &elems); err != nil {
		var o Opt[[]I]
		o.UnmarshalJSON(raw) // a value that is not an array: kept
		return o
	}
	if elems == nil {
		return Null[[]I]()
	}
	return Some(k.DecodeAll(elems))
}
