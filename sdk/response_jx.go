package sdk

import (
	"bytes"
	"encoding/json"

	"github.com/go-faster/jx"
)

// scanEnvelopeFast reads the envelope as scanEnvelope's json.Unmarshal
// does, with the fast decoder's rule (decode_jx.go): the same result, or
// false, and scanEnvelope reads the body with encoding/json instead.
func scanEnvelopeFast(data []byte) (*wireEnvelope, bool) {
	env := &wireEnvelope{}
	if !runFast(data, env) || env.StatusCode == nil {
		return nil, false
	}
	return env, true
}

// DecodeJX reads the envelope's statuses and costs as their wire text.
func (e *wireEnvelope) DecodeJX(d *jx.Decoder) error {
	return JXObject(d, func(d *jx.Decoder, key []byte) error {
		switch string(key) {
		case "status_code":
			return jxRaw(&e.StatusCode, d)
		case "status_message":
			return jxRaw(&e.StatusMessage, d)
		case "cost":
			return jxRaw(&e.Cost, d)
		case "tasks":
			return JXSlice(d, &e.Tasks, (*wireTask).DecodeJX)
		}
		return JXSkip(d, key)
	})
}

// DecodeJX reads a task's status and cost as their wire text.
func (t *wireTask) DecodeJX(d *jx.Decoder) error {
	return JXObject(d, func(d *jx.Decoder, key []byte) error {
		switch string(key) {
		case "id":
			return jxRaw(&t.ID, d)
		case "status_code":
			return jxRaw(&t.StatusCode, d)
		case "status_message":
			return jxRaw(&t.StatusMessage, d)
		case "cost":
			return jxRaw(&t.Cost, d)
		}
		return JXSkip(d, key)
	})
}

// jxRaw keeps the next value's text, as json.RawMessage does (null too).
func jxRaw(p *json.RawMessage, d *jx.Decoder) error {
	raw, err := d.Raw()
	if err != nil {
		return err
	}
	*p = append((*p)[:0], bytes.TrimSpace(raw)...)
	return nil
}
