package sdk

import (
	"encoding/json"
	"reflect"

	"github.com/go-faster/jx"
)

// decodeFast decodes data into r with the fast decoder, when r is a zero
// Response (the fast decoder does not merge into values already set, as
// encoding/json would). When it cannot (see decode_jx.go), r is left zero.
func (r *Response[D, R]) decodeFast(data []byte) bool {
	if !fastTypes[D, R]() || !r.zero() {
		return false
	}
	if runFast(data, r) {
		return true
	}
	*r = Response[D, R]{}
	return false
}

// zero reports whether r is a zero Response.
func (r *Response[D, R]) zero() bool {
	return r.Version == "" && r.StatusCode == 0 && r.StatusMessage == "" && r.Time == "" && r.Cost == 0 &&
		r.TasksCount == 0 && r.TasksError == 0 && r.Tasks == nil
}

// decodeFastEnvelope is decodeFast that also reads the body's envelope
// as scanEnvelope does (the statuses and costs as their wire text), in the
// same pass: the client's way when the whole body decodes fast. When it
// cannot, r is left zero and the envelope nil.
func (r *Response[D, R]) decodeFastEnvelope(data []byte) (*wireEnvelope, bool) {
	if !fastTypes[D, R]() || !r.zero() {
		return nil, false
	}
	env := &wireEnvelope{}
	if runFast(data, jxFunc(func(d *jx.Decoder) error { return r.decodeJX(d, env) })) && env.StatusCode != nil {
		return env, true
	}
	*r = Response[D, R]{}
	return nil, false
}

// jxFunc is a func as a JXDecoder.
type jxFunc func(d *jx.Decoder) error

func (f jxFunc) DecodeJX(d *jx.Decoder) error { return f(d) }

// DecodeJX decodes r, for the SDK's fast decoder (see Decode).
func (r *Response[D, R]) DecodeJX(d *jx.Decoder) error { return r.decodeJX(d, nil) }

// decodeJX decodes r; with env it also keeps the statuses and costs as
// their wire text, as wireEnvelope's DecodeJX does.
func (r *Response[D, R]) decodeJX(d *jx.Decoder, env *wireEnvelope) error {
	return JXObject(d, func(d *jx.Decoder, key []byte) error {
		switch string(key) {
		case "version":
			return JXString(&r.Version, d)
		case "status_code":
			return withRaw(d, env.raw("status_code"), func(d *jx.Decoder) error { return jxInt(&r.StatusCode, d) })
		case "status_message":
			return withRaw(d, env.raw("status_message"), func(d *jx.Decoder) error { return JXString(&r.StatusMessage, d) })
		case "time":
			return JXString(&r.Time, d)
		case "cost":
			return withRaw(d, env.raw("cost"), func(d *jx.Decoder) error { return JXFloat64(&r.Cost, d) })
		case "tasks_count":
			return jxInt(&r.TasksCount, d)
		case "tasks_error":
			return jxInt(&r.TasksError, d)
		case "tasks":
			if env == nil {
				return JXSlice(d, &r.Tasks, (*Task[D, R]).DecodeJX)
			}
			// A task's wire text goes into the task's own element, as
			// wireEnvelope's JXSlice gives it: nil for null, empty for [].
			var tasks []wireTask
			err := JXSlice(d, &r.Tasks, func(t *Task[D, R], d *jx.Decoder) error {
				tasks = append(tasks, wireTask{})
				return t.decodeJX(d, &tasks[len(tasks)-1])
			})
			if tasks == nil && r.Tasks != nil {
				tasks = []wireTask{}
			}
			env.Tasks = tasks
			return err
		}
		return JXSkip(d, key)
	})
}

// withRaw decodes the next value with f; with raw, it keeps the value's
// wire text there too (as jxRaw does) and decodes it from that text.
func withRaw(d *jx.Decoder, raw *json.RawMessage, f func(d *jx.Decoder) error) error {
	if raw == nil {
		return f(d)
	}
	if err := jxRaw(raw, d); err != nil {
		return err
	}
	sub := getDecoder()
	sub.ResetBytes(*raw)
	err := f(sub)
	putDecoder(sub)
	return err
}

// DecodeJX decodes t, for the SDK's fast decoder (see Decode).
func (t *Task[D, R]) DecodeJX(d *jx.Decoder) error { return t.decodeJX(d, nil) }

// decodeJX decodes t; with w it also keeps the task's id, statuses and
// cost as their wire text, as wireTask's DecodeJX does.
func (t *Task[D, R]) decodeJX(d *jx.Decoder, w *wireTask) error {
	return JXObject(d, func(d *jx.Decoder, key []byte) error {
		switch string(key) {
		case "id":
			return withRaw(d, w.raw("id"), func(d *jx.Decoder) error { return JXString(&t.ID, d) })
		case "status_code":
			return withRaw(d, w.raw("status_code"), func(d *jx.Decoder) error { return jxInt(&t.StatusCode, d) })
		case "status_message":
			return withRaw(d, w.raw("status_message"), func(d *jx.Decoder) error { return JXString(&t.StatusMessage, d) })
		case "time":
			return JXString(&t.Time, d)
		case "cost":
			return withRaw(d, w.raw("cost"), func(d *jx.Decoder) error { return JXFloat64(&t.Cost, d) })
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
