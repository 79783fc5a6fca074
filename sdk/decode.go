package sdk

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
)

// MaxDecodeProblems is the most problems a DecodeError lists; it counts
// the others in Omitted. A response with a misfit in each of its items
// would otherwise make an error as large as the response.
const MaxDecodeProblems = 1000

// DecodeError lists the values of a response that did not fit the documented
// types: a float where an integer was documented, a string where a number
// was, a date-time in an unknown format. Everything else was decoded: a
// client call returns the decoded response together with a *DecodeError.
type DecodeError struct {
	// Problems are the values that did not fit, in a stable order: array
	// elements in order, object keys sorted. There are at most
	// MaxDecodeProblems: when there were more, Problems holds the ones found
	// first in the order of the input (listed in the stable order).
	Problems []DecodeProblem
	// Omitted is the number of problems found beyond MaxDecodeProblems and
	// not listed.
	Omitted int
}

// DecodeProblem is one value that did not fit.
type DecodeProblem struct {
	// Path is the JSON path of the value, e.g. "tasks[0].result[0].items[3].rank".
	Path string
	// Wire is the value as JSON text, as it came on the wire but for the
	// white space between tokens (cut after 200 bytes, invalid UTF-8
	// replaced), e.g. "1.5".
	Wire string
	// Reason says what was expected, e.g. "want int64" or "unknown field".
	Reason string
}

// Error names the first problem and how many more there are.
func (e *DecodeError) Error() string {
	if len(e.Problems) == 0 {
		if e.Omitted > 0 {
			return fmt.Sprintf("dataforseo: decode: %d values did not fit their types", e.Omitted)
		}
		return "dataforseo: decode: no problem"
	}
	p := e.Problems[0]
	s := fmt.Sprintf("dataforseo: decode: %s: wire value %s: %s", pathOrRoot(p.Path), truncate(p.Wire, 64), p.Reason)
	if n := len(e.Problems) - 1 + e.Omitted; n > 0 {
		s += fmt.Sprintf(" (and %d more)", n)
	}
	return s
}

func pathOrRoot(p string) string {
	if p == "" {
		return "(root)"
	}
	return p
}

// Decode decodes the JSON data into v leniently, as Client calls do: a value
// that does not fit its documented type does not stop the decoding. Decode
// decodes everything that fits and returns a *DecodeError listing every
// value that did not (with its path and wire text). Any other error, such as
// malformed JSON, is returned as encoding/json reports it.
//
// A generated response (a pointer to a zero sdk.Response) is decoded by a
// fast decoder first: the generated types' DecodeJX methods over the
// go-faster/jx tokenizer. Its rule: it gives exactly what the reflective
// path (encoding/json, then the wire check) gives, or nothing. Whenever it
// meets anything it does not replicate exactly (a value that does not fit
// its type, a key that might match a field only case-insensitively, a key
// given twice for a slice or a map, malformed JSON), it stops, v is reset to
// zero, and the reflective path decodes the whole body. So the results,
// errors and problems are those of the reflective path in every case.
func Decode(data []byte, v any) error {
	if f, ok := v.(decodeFast); ok && f.decodeFast(data) {
		return nil
	}
	return decodeReflect(data, v)
}

// decodeReflect is Decode without the fast decoder.
func decodeReflect(data []byte, v any) error {
	misfits := sumMisfits.Load()
	err := json.Unmarshal(data, v)
	switch {
	case err == nil:
		if !hasWireProblem(reflect.ValueOf(v)) && sumMisfits.Load() == misfits {
			return nil
		}
	case !isTypeError(err):
		return err
	}
	problems, omitted, cerr := checkWire(data, reflect.TypeOf(v), false)
	if cerr != nil {
		return cerr
	}
	if len(problems) == 0 {
		if err == nil {
			return nil // another decode's misfit in a polymorphic array (sumMisfits)
		}
		// Unreachable while checkWire follows encoding/json's rules; kept
		// so a divergence reports json's own finding rather than nothing.
		return typeErrorProblem(err)
	}
	return &DecodeError{Problems: problems, Omitted: omitted}
}

// DecodeStrict decodes the JSON data into v and fails on anything that does
// not match v's type exactly: unknown fields and values that do not fit
// their type are all listed in a *DecodeError. It is for tests that hold the
// generated types to the documented examples.
func DecodeStrict(data []byte, v any) error {
	if err := json.Unmarshal(data, v); err != nil && !isTypeError(err) {
		return err
	}
	problems, omitted, err := checkWire(data, reflect.TypeOf(v), true)
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return &DecodeError{Problems: problems, Omitted: omitted}
	}
	// encoding/json's own strict pass, in case it sees what the walk above
	// does not.
	strict := json.NewDecoder(bytes.NewReader(data))
	strict.DisallowUnknownFields()
	return strict.Decode(reflect.New(reflect.TypeOf(v).Elem()).Interface())
}

// typeErrorProblem turns what encoding/json reported into a DecodeError.
func typeErrorProblem(err error) error {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return &DecodeError{Problems: []DecodeProblem{{Reason: "a value did not fit its type"}}}
	}
	return &DecodeError{Problems: []DecodeProblem{{Path: te.Field, Wire: te.Value, Reason: "want " + te.Type.String()}}}
}
