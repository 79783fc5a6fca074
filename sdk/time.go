package sdk

import (
	"encoding/json"
	"fmt"
	"time"
)

// TimeLayout is the date-time format of the DataForSEO API, as in
// "2019-11-15 12:57:46 +00:00".
const TimeLayout = "2006-01-02 15:04:05 -07:00"

// inputLayouts are the layouts Time accepts on input, TimeLayout first.
var inputLayouts = [...]string{TimeLayout, "2006-01-02 15:04:05 -0700", time.RFC3339Nano}

// emptyWire is the wire text of an empty string, which Time decodes as the
// zero time without reporting a problem and re-emits unchanged.
const emptyWire = `""`

// Time is a date-time of the DataForSEO API. It encodes as TimeLayout
// ("2019-11-15 12:57:46 +00:00"), and the zero Time as JSON null, so a value
// decoded from the API re-encodes byte-identical.
//
// On input it also accepts "2006-01-02 15:04:05 -0700" and RFC 3339. Decoding
// never fails: a wire value that is not a date-time in one of these layouts
// is kept and re-emitted unchanged by MarshalJSON, Time holds the zero time,
// and the problem is reported by Decode (and by Client calls) as a
// *DecodeError.
//
// Time embeds time.Time, so its methods are at hand; note that Time's own
// Equal, IsZero and String take precedence over the embedded ones.
type Time struct {
	time.Time
	raw string // wire text kept when it was not a date-time
}

// ParseTime parses s in TimeLayout, or in one of the other layouts Time
// accepts on input.
func ParseTime(s string) (Time, error) {
	for _, layout := range inputLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return Time{Time: t}, nil
		}
	}
	return Time{}, fmt.Errorf("dataforseo: %q is not a date-time like %q", s, TimeLayout)
}

// IsZero reports whether t is the zero time (null or an empty string on the
// wire), and holds no kept wire value that is not a date-time.
// encoding/json's omitzero tag option uses it.
func (t Time) IsZero() bool { return t.Time.IsZero() && !timeWireProblem(t.raw) }

// Equal reports whether t and u are the same instant and hold the same kept
// wire text, if any. go-cmp uses this method. To compare with a time.Time,
// use t.Time.Equal.
func (t Time) Equal(u Time) bool { return t.raw == u.raw && t.Time.Equal(u.Time) }

// String returns t in TimeLayout, "" for the zero time, or the kept wire
// value that is not a date-time.
func (t Time) String() string {
	if timeWireProblem(t.raw) {
		return t.raw
	}
	if t.Time.IsZero() {
		return ""
	}
	return t.Format(TimeLayout)
}

// MarshalJSON encodes t in TimeLayout, the zero time as null, and a kept wire
// value unchanged.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.raw != "" {
		return []byte(t.raw), nil
	}
	if t.Time.IsZero() {
		return []byte("null"), nil
	}
	b := make([]byte, 0, len(TimeLayout)+2)
	b = append(b, '"')
	b = t.AppendFormat(b, TimeLayout)
	return append(b, '"'), nil
}

// UnmarshalJSON decodes null as the zero time and a string in one of the
// accepted layouts as that time. It never fails: any other value is kept
// (see Time).
func (t *Time) UnmarshalJSON(data []byte) error {
	*t = Time{}
	switch s := string(data); s {
	case "null":
		return nil
	case emptyWire:
		t.raw = emptyWire
		return nil
	}
	s, ok := simpleString(data)
	if !ok {
		if err := json.Unmarshal(data, &s); err != nil {
			t.raw = string(data)
			return nil
		}
	}
	if parsed, err := ParseTime(s); err == nil {
		t.Time = parsed.Time
		return nil
	}
	t.raw = string(data)
	return nil
}

// timeWireProblem reports whether raw, the wire text a Time keeps, is a
// value that is not a date-time (rather than nothing or an empty string).
func timeWireProblem(raw string) bool { return raw != "" && raw != emptyWire }
