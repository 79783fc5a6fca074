package sdk

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/go-json-experiment/json/jsontext"
)

// checkWire reads the JSON data beside the Go type t and lists the values
// that do not fit it (and, when strict, the object keys t has no field
// for), with how many more there were beyond MaxDecodeProblems. It follows
// encoding/json's rules, plus the rules of Opt, Time and Filter, which
// decode without failing. It runs only when a decode reported a problem
// (or for DecodeStrict).
//
// It streams: jsontext reads the data in place, token by token, and no
// value is built, but for a value at a Filter, which is judged against the
// filter grammar as a tree; keys are slices of the input but for those
// with escapes. Beyond the input, its memory is the depth of the data (the
// decoder's state and the path) and the problems it keeps (at most
// MaxDecodeProblems), and for keys given twice, the offset of each earlier
// value that had problems.
//
// Past MaxDecodeProblems, the problems found first in the input are kept.
// When a repeated key then drops kept ones, the room they leave cannot be
// given to those already counted: in that case only, the data is walked a
// second time, skipping the values whose problems were dropped.
func checkWire(data []byte, t reflect.Type, strict bool) (problems []DecodeProblem, omitted int, err error) {
	w := wireWalker{data: data, dec: newWireDecoder(data), strict: strict}
	if err := w.walkAll(t); err != nil {
		return nil, 0, err
	}
	if w.rewalk {
		slices.Sort(w.dropped)
		w = wireWalker{data: data, dec: newWireDecoder(data), strict: strict, skip: w.dropped}
		if err := w.walkAll(t); err != nil {
			return nil, 0, err
		}
	}
	if len(w.problems) == 0 {
		return nil, w.omitted, nil // all dropped with the keys that came again
	}
	return w.problems, w.omitted, nil
}

// walkAll reads the whole input beside t.
func (w *wireWalker) walkAll(t reflect.Type) error {
	if err := w.walk(t); err != nil {
		return err
	}
	switch _, err := w.dec.ReadToken(); {
	case err == nil:
		return wireError(errors.New("data after the top-level value"))
	case err != io.EOF:
		return wireError(err)
	}
	return nil
}

var (
	timeType          = reflect.TypeFor[Time]()
	filterType        = reflect.TypeFor[Filter]()
	optMarkerType     = reflect.TypeFor[optMarker]()
	jsonUnmarshalType = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

const (
	wantTime   = `want a date-time like "2019-11-15 12:57:46 +00:00"`
	wantFilter = "want a filter: [field, operator, value] or filters joined by \"and\"/\"or\""
)

// wireRule is the rule a type's wire value is judged by, before its kind.
type wireRule uint8

const (
	ruleKind   wireRule = iota // by the kind: object, array, number...
	ruleTime                   // Time: null, "" or a date-time string
	ruleFilter                 // Filter: a value of the filter grammar
	ruleOpt                    // Opt[T]: as T
	ruleSelf                   // a json.Unmarshaler decodes itself: anything fits
	ruleText                   // an encoding.TextUnmarshaler wants a string
)

var wireRules sync.Map // reflect.Type -> wireRule

func wireRuleOf(t reflect.Type) wireRule {
	if r, ok := wireRules.Load(t); ok {
		return r.(wireRule)
	}
	r := ruleKind
	switch {
	case t == timeType:
		r = ruleTime
	case t == filterType:
		r = ruleFilter
	case t.Implements(optMarkerType):
		r = ruleOpt
	case isHolder(t):
		r = ruleKind // its UnmarshalJSON only decodes its polymorphic fields (sum.go)
	case t.Implements(jsonUnmarshalType) || reflect.PointerTo(t).Implements(jsonUnmarshalType):
		r = ruleSelf
	case reflect.PointerTo(t).Implements(textUnmarshalType):
		r = ruleText
	}
	wireRules.Store(t, r)
	return r
}

type wireWalker struct {
	data     []byte
	dec      *jsontext.Decoder // reads data, from base on
	base     int64             // where dec's input starts in data (walkSum)
	strict   bool
	path     []wireSeg
	problems []DecodeProblem
	kept     int // the problems in problems that are not dead (see objectProblems)
	omitted  int // problems found beyond MaxDecodeProblems

	dropped []int64 // where the keys end whose values' problems were dropped
	rewalk  bool    // a drop left room that counted problems should have had
	skip    []int64 // in a second walk: the dropped values (where their keys end), sorted
}

// add reports the wire value raw at the current path, or counts it once
// MaxDecodeProblems are kept.
func (w *wireWalker) add(raw []byte, reason string) {
	if w.kept >= MaxDecodeProblems {
		w.omitted++
		return
	}
	w.kept++
	w.problems = append(w.problems, DecodeProblem{Path: renderPath(w.path), Wire: wireText(raw), Reason: reason})
}

// read reads the next value, whole.
func (w *wireWalker) read() (jsontext.Value, error) {
	raw, err := w.dec.ReadValue()
	if err != nil {
		return nil, wireError(err)
	}
	return raw, nil
}

// skipValue reads the next value without keeping it.
func (w *wireWalker) skipValue() error {
	if err := w.dec.SkipValue(); err != nil {
		return wireError(err)
	}
	return nil
}

// token reads the next token: a delimiter of an array or object.
func (w *wireWalker) token() error {
	if _, err := w.dec.ReadToken(); err != nil {
		return wireError(err)
	}
	return nil
}

// misfit reads the next value and reports it.
func (w *wireWalker) misfit(reason string) error {
	raw, err := w.read()
	if err != nil {
		return err
	}
	w.add(raw, reason)
	return nil
}

// want reads the next value and reports it unless ok.
func (w *wireWalker) want(t reflect.Type, ok bool) error {
	if !ok {
		return w.misfit("want " + wantName(t))
	}
	return w.skipValue()
}

// walk reads the next value beside the type t.
func (w *wireWalker) walk(t reflect.Type) error {
	kind := w.dec.PeekKind()
	switch kind {
	case 'n':
		return w.skipValue() // null fits everything
	case jsontext.KindInvalid:
		return w.skipValue() // reports the error PeekKind found
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch wireRuleOf(t) {
	case ruleTime:
		if kind != '"' {
			return w.misfit(wantTime)
		}
		raw, err := w.read()
		if err != nil {
			return err
		}
		if s := unquoted(raw); len(s) > 0 && !parsesAsTime(s) {
			w.add(raw, wantTime)
		}
		return nil
	case ruleFilter:
		raw, err := w.read()
		if err != nil {
			return err
		}
		if !isFilterWire(raw) {
			w.add(raw, wantFilter)
		}
		return nil
	case ruleOpt:
		return w.walk(t.Field(0).Type) // Opt's value field
	case ruleSelf:
		return w.skipValue()
	case ruleText:
		if kind != '"' {
			return w.misfit("want string")
		}
		return w.skipValue()
	}
	switch t.Kind() {
	case reflect.Interface:
		if s := sumOf(t); s != nil {
			return w.walkSum(s, kind)
		}
		if t.NumMethod() > 0 {
			return w.misfit("want " + t.String())
		}
	case reflect.Struct:
		if kind != '{' {
			return w.misfit("want " + wantName(t))
		}
		return w.walkStruct(t)
	case reflect.Map:
		if kind != '{' {
			return w.misfit("want " + wantName(t))
		}
		return w.walkMap(t)
	case reflect.Slice, reflect.Array:
		if t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 {
			return w.want(t, kind == '"') // base64
		}
		if kind != '[' {
			return w.misfit("want " + wantName(t))
		}
		return w.walkArray(t.Elem())
	case reflect.Bool:
		return w.want(t, kind == 't' || kind == 'f')
	case reflect.String:
		return w.want(t, kind == '"')
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return w.number(t, kind)
	}
	return w.skipValue()
}

// number reads a value for a number type: a JSON number whose text parses
// in the type's range (an integer type wants an integer literal: 4.0 and
// 1e3 do not fit it, as with encoding/json).
func (w *wireWalker) number(t reflect.Type, kind jsontext.Kind) error {
	if kind != '0' {
		return w.misfit("want " + wantName(t))
	}
	raw, err := w.read()
	if err != nil {
		return err
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		_, err = strconv.ParseInt(string(raw), 10, t.Bits())
	case reflect.Float32, reflect.Float64:
		_, err = strconv.ParseFloat(string(raw), t.Bits())
	default:
		_, err = strconv.ParseUint(string(raw), 10, t.Bits())
	}
	if err != nil {
		w.add(raw, "want "+wantName(t))
	}
	return nil
}

// walkArray reads the array that comes next beside its element type.
func (w *wireWalker) walkArray(elem reflect.Type) error {
	if err := w.token(); err != nil { // [
		return err
	}
	for i := 0; w.dec.PeekKind() != ']'; i++ {
		w.path = append(w.path, wireSeg{index: i})
		err := w.walk(elem)
		w.path = w.path[:len(w.path)-1]
		if err != nil {
			return err
		}
	}
	return w.token() // ]
}

func (w *wireWalker) walkStruct(t reflect.Type) error {
	fields := wireFieldsOf(t)
	return w.object(func(key, _ []byte) error {
		if ft, ok := fields.lookup(key); ok {
			return w.walk(ft)
		}
		if !w.strict {
			return w.skipValue()
		}
		return w.misfit("unknown field")
	})
}

// walkMap follows encoding/json's map keys: a string or TextUnmarshaler key
// type takes any key, an integer type a key that parses in its range.
func (w *wireWalker) walkMap(t reflect.Type) error {
	kt, elem := t.Key(), t.Elem()
	anyKey := reflect.PointerTo(kt).Implements(textUnmarshalType) || kt.Kind() == reflect.String
	return w.object(func(key, raw []byte) error {
		if !anyKey && !validIntKey(kt, key) {
			w.add(raw, "want a map key of type "+kt.String())
			return w.skipValue()
		}
		return w.walk(elem)
	})
}

// parsesAsTime reports whether s is a date-time Time accepts.
func parsesAsTime(s []byte) bool {
	for _, layout := range inputLayouts {
		if _, err := time.Parse(layout, string(s)); err == nil {
			return true
		}
	}
	return false
}

// isFilterWire reports whether raw, a wire value at a Filter, is of the
// filter grammar, as Filter's UnmarshalJSON judges it. Only an array can
// be; it is decoded as a tree for parseFilter.
func isFilterWire(raw []byte) bool {
	if raw[0] != '[' {
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return false
	}
	_, ok := parseFilter(tree)
	return ok
}
