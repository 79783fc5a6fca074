package sdk

import (
	"reflect"

	"github.com/go-faster/jx"
)

// decodeFast decodes data into r with the fast decoder, when r is a zero
// Response (the fast decoder does not merge into values already set, as
// encoding/json would). When it cannot (see decode_jx.go), r is left zero.
func (r *Response[D, R]) decodeFast(data []byte) bool {
	if !fastTypes[D, R]() || r.Version != "" || r.StatusCode != 0 || r.StatusMessage != "" || r.Time != "" || r.Cost != 0 ||
		r.TasksCount != 0 || r.TasksError != 0 || r.Tasks != nil {
		return false
	}
	if runFast(data, r) {
		return true
	}
	*r = Response[D, R]{}
	return false
}

// DecodeJX decodes r, for the SDK's fast decoder (see Decode).
func (r *Response[D, R]) DecodeJX(d *jx.Decoder) error {
	return JXObject(d, func(d *jx.Decoder, key []byte) error {
		switch string(key) {
		case "version":
			return JXString(&r.Version, d)
		case "status_code":
			return jxInt(&r.StatusCode, d)
		case "status_message":
			return JXString(&r.StatusMessage, d)
		case "time":
			return JXString(&r.Time, d)
		case "cost":
			return JXFloat64(&r.Cost, d)
		case "tasks_count":
			return jxInt(&r.TasksCount, d)
		case "tasks_error":
			return jxInt(&r.TasksError, d)
		case "tasks":
			return JXSlice(d, &r.Tasks, (*Task[D, R]).DecodeJX)
		}
		return JXSkip(d, key)
	})
}

// DecodeJX decodes t, for the SDK's fast decoder (see Decode).
func (t *Task[D, R]) DecodeJX(d *jx.Decoder) error {
	return JXObject(d, func(d *jx.Decoder, key []byte) error {
		switch string(key) {
		case "id":
			return JXString(&t.ID, d)
		case "status_code":
			return jxInt(&t.StatusCode, d)
		case "status_message":
			return JXString(&t.StatusMessage, d)
		case "time":
			return JXString(&t.Time, d)
		case "cost":
			return JXFloat64(&t.Cost, d)
		case "result_count":
			return jxInt(&t.ResultCount, d)
		case "path":
			return JXSlice(d, &t.Path, JXString)
		case "data":
			return jxValue(&t.Data, d)
		case "result":
			return JXSlice(d, &t.Result, jxElem[R])
		}
		return JXSkip(d, key)
	})
}

// jxElem decodes a value of any type with its decoder (jxValue).
func jxElem[T any](p *T, d *jx.Decoder) error { return jxValue(p, d) }

// fastTypes reports whether D and R have decoders of their own (the
// generated types do), or are any (a result the docs leave untyped,
// mostly null). Otherwise the fast decoder would hand them to
// encoding/json, twice when they hold a misfit: Decode leaves such a
// Response to the reflective path.
func fastTypes[D, R any]() bool { return fastType[D]() && fastType[R]() }

func fastType[T any]() bool {
	if _, ok := any((*T)(nil)).(JXDecoder); ok {
		return true
	}
	t := reflect.TypeFor[T]()
	return t.Kind() == reflect.Interface && t.NumMethod() == 0
}
