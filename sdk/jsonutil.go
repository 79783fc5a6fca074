package sdk

import (
	"bytes"
	"encoding/json"
	"errors"
	"unicode/utf8"
)

// encodeNoEscape appends the JSON of v to buf without HTML escaping and
// without the trailing newline json.Encoder writes.
func encodeNoEscape(buf *bytes.Buffer, v any) error {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	buf.Truncate(buf.Len() - 1)
	return nil
}

// marshalNoEscape is json.Marshal without HTML escaping.
func marshalNoEscape(v any) ([]byte, error) {
	var buf bytes.Buffer
	if err := encodeNoEscape(&buf, v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// isTypeError reports whether err is (or wraps) a *json.UnmarshalTypeError,
// the error after which encoding/json goes on decoding.
func isTypeError(err error) bool {
	var te *json.UnmarshalTypeError
	return errors.As(err, &te)
}

// jsonKind names the JSON kind of a value decoded into any.
func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case json.Number, float64:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "value"
}

// truncate shortens s to at most n bytes (on a rune boundary), marking the
// cut with "…".
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
