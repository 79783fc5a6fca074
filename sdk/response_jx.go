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
		if p := e.raw(string(key)); p != nil {
			return jxRaw(p, d)
		}
		if string(key) == "tasks" {
			return JXSlice(d, &e.Tasks, (*wireTask).DecodeJX)
		}
		return JXSkip(d, key)
	})
}

// raw is where the wire text of the envelope's key goes; nil for another
// key, or without an envelope.
func (e *wireEnvelope) raw(key string) *json.RawMessage {
	if e == nil {
		return nil
	}
	switch key {
	case "status_code":
		return &e.StatusCode
	case "status_message":
		return &e.StatusMessage
	case "cost":
		return &e.Cost
	}
	return nil
}

// DecodeJX reads a task's status and cost as their wire text.
func (t *wireTask) DecodeJX(d *jx.Decoder) error {
	return JXObject(d, func(d *jx.Decoder, key []byte) error {
		if p := t.raw(string(key)); p != nil {
			return jxRaw(p, d)
		}
		return JXSkip(d, key)
	})
}

// raw is where the wire text of the task's key goes; nil for another key,
// or without a task.
func (t *wireTask) raw(key string) *json.RawMessage {
	if t == nil {
		return nil
	}
	switch key {
	case "id":
		return &t.ID
	case "status_code":
		return &t.StatusCode
	case "status_message":
		return &t.StatusMessage
	case "cost":
		return &t.Cost
	}
	return nil
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
