package sdk

import (
	"bytes"
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// The wire walk as it was before it streamed: it decodes the whole body
// into a generic tree (UseNumber) and walks the tree beside the Go type.
// It is kept here, unchanged but for its names, as the oracle the
// streaming walk is compared with (decode_stream_test.go): the same
// problems, in the same order.

func treeCheckWire(data []byte, t reflect.Type, strict bool) ([]DecodeProblem, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return nil, err
	}
	w := treeWalker{strict: strict}
	w.walk(t, tree)
	return w.problems, nil
}

type treeSeg struct {
	key   string
	index int // -1 for a key
}

type treeWalker struct {
	strict   bool
	path     []treeSeg
	problems []DecodeProblem
}

func (w *treeWalker) add(v any, reason string) {
	wire, err := marshalNoEscape(v)
	if err != nil {
		wire = []byte(jsonKind(v))
	}
	w.problems = append(w.problems, DecodeProblem{Path: renderTreePath(w.path), Wire: truncate(string(wire), 200), Reason: reason})
}

func (w *treeWalker) walk(t reflect.Type, v any) {
	if v == nil {
		return // null fits everything
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == timeType:
		if s, ok := v.(string); !ok || (s != "" && !parsesAsTime([]byte(s))) {
			w.add(v, `want a date-time like "2019-11-15 12:57:46 +00:00"`)
		}
		return
	case t == filterType:
		if _, ok := parseFilter(v); !ok {
			w.add(v, "want a filter: [field, operator, value] or filters joined by \"and\"/\"or\"")
		}
		return
	case t.Implements(optMarkerType):
		w.walk(t.Field(0).Type, v) // Opt's value field
		return
	case t.Implements(jsonUnmarshalType) || reflect.PointerTo(t).Implements(jsonUnmarshalType):
		return // decodes itself
	case reflect.PointerTo(t).Implements(textUnmarshalType):
		if _, ok := v.(string); !ok {
			w.add(v, "want string")
		}
		return
	}
	switch t.Kind() {
	case reflect.Interface:
		if t.NumMethod() > 0 {
			w.add(v, "want "+t.String())
		}
	case reflect.Struct:
		w.walkStruct(t, v)
	case reflect.Map:
		w.walkMap(t, v)
	case reflect.Slice, reflect.Array:
		if t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 {
			w.want(t, v, treeIsString(v))
			return
		}
		arr, ok := v.([]any)
		if !w.want(t, v, ok) {
			return
		}
		for i, e := range arr {
			w.path = append(w.path, treeSeg{index: i})
			w.walk(t.Elem(), e)
			w.path = w.path[:len(w.path)-1]
		}
	case reflect.Bool:
		_, ok := v.(bool)
		w.want(t, v, ok)
	case reflect.String:
		w.want(t, v, treeIsString(v))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := v.(json.Number)
		if ok {
			_, err := strconv.ParseInt(string(n), 10, t.Bits())
			ok = err == nil
		}
		w.want(t, v, ok)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		n, ok := v.(json.Number)
		if ok {
			_, err := strconv.ParseUint(string(n), 10, t.Bits())
			ok = err == nil
		}
		w.want(t, v, ok)
	case reflect.Float32, reflect.Float64:
		n, ok := v.(json.Number)
		if ok {
			_, err := strconv.ParseFloat(string(n), t.Bits())
			ok = err == nil
		}
		w.want(t, v, ok)
	}
}

// want records a problem unless ok, and returns ok.
func (w *treeWalker) want(t reflect.Type, v any, ok bool) bool {
	if !ok {
		w.add(v, "want "+wantName(t))
	}
	return ok
}

func (w *treeWalker) walkStruct(t reflect.Type, v any) {
	obj, ok := v.(map[string]any)
	if !w.want(t, v, ok) {
		return
	}
	fields := wireFieldsOf(t)
	for _, key := range slices.Sorted(maps.Keys(obj)) {
		w.path = append(w.path, treeSeg{key: key, index: -1})
		if ft, ok := fields.lookup([]byte(key)); ok {
			w.walk(ft, obj[key])
		} else if w.strict {
			w.add(obj[key], "unknown field")
		}
		w.path = w.path[:len(w.path)-1]
	}
}

func (w *treeWalker) walkMap(t reflect.Type, v any) {
	obj, ok := v.(map[string]any)
	if !w.want(t, v, ok) {
		return
	}
	kt := t.Key()
	for _, key := range slices.Sorted(maps.Keys(obj)) {
		w.path = append(w.path, treeSeg{key: key, index: -1})
		if !reflect.PointerTo(kt).Implements(textUnmarshalType) && kt.Kind() != reflect.String && !validIntKey(kt, []byte(key)) {
			w.add(key, "want a map key of type "+kt.String())
		} else {
			w.walk(t.Elem(), obj[key])
		}
		w.path = w.path[:len(w.path)-1]
	}
}

func treeIsString(v any) bool {
	_, ok := v.(string)
	return ok
}

func renderTreePath(path []treeSeg) string {
	var b strings.Builder
	for _, s := range path {
		switch {
		case s.index >= 0:
			b.WriteString("[" + strconv.Itoa(s.index) + "]")
		case plainName(s.key):
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.key)
		default:
			b.WriteString("[" + strconv.Quote(s.key) + "]")
		}
	}
	return b.String()
}
