package sdk

import (
	"bytes"
	"encoding"
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// checkWire walks the JSON data beside the Go type t and lists every value
// that does not fit it (and, when strict, every object key t has no field
// for). It follows encoding/json's rules, plus the rules of Opt, Time and
// Filter, which decode without failing. It runs only when a decode reported
// a problem (or for DecodeStrict), so it favours completeness over speed.
func checkWire(data []byte, t reflect.Type, strict bool) ([]DecodeProblem, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return nil, err
	}
	w := wireWalker{strict: strict}
	w.walk(t, tree)
	return w.problems, nil
}

var (
	timeType          = reflect.TypeFor[Time]()
	filterType        = reflect.TypeFor[Filter]()
	optMarkerType     = reflect.TypeFor[optMarker]()
	jsonUnmarshalType = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

type pathSeg struct {
	key   string
	index int // -1 for a key
}

type wireWalker struct {
	strict   bool
	path     []pathSeg
	problems []DecodeProblem
}

func (w *wireWalker) add(v any, reason string) {
	wire, err := marshalNoEscape(v)
	if err != nil {
		wire = []byte(jsonKind(v))
	}
	w.problems = append(w.problems, DecodeProblem{Path: renderPath(w.path), Wire: truncate(string(wire), 200), Reason: reason})
}

func (w *wireWalker) walk(t reflect.Type, v any) {
	if v == nil {
		return // null fits everything
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == timeType:
		if s, ok := v.(string); !ok || (s != "" && !parsesAsTime(s)) {
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
			w.want(t, v, isString(v))
			return
		}
		arr, ok := v.([]any)
		if !w.want(t, v, ok) {
			return
		}
		for i, e := range arr {
			w.path = append(w.path, pathSeg{index: i})
			w.walk(t.Elem(), e)
			w.path = w.path[:len(w.path)-1]
		}
	case reflect.Bool:
		_, ok := v.(bool)
		w.want(t, v, ok)
	case reflect.String:
		w.want(t, v, isString(v))
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
func (w *wireWalker) want(t reflect.Type, v any, ok bool) bool {
	if !ok {
		w.add(v, "want "+wantName(t))
	}
	return ok
}

func (w *wireWalker) walkStruct(t reflect.Type, v any) {
	obj, ok := v.(map[string]any)
	if !w.want(t, v, ok) {
		return
	}
	fields := wireFieldsOf(t)
	for _, key := range slices.Sorted(maps.Keys(obj)) {
		w.path = append(w.path, pathSeg{key: key, index: -1})
		if ft, ok := fields.lookup(key); ok {
			w.walk(ft, obj[key])
		} else if w.strict {
			w.add(obj[key], "unknown field")
		}
		w.path = w.path[:len(w.path)-1]
	}
}

func (w *wireWalker) walkMap(t reflect.Type, v any) {
	obj, ok := v.(map[string]any)
	if !w.want(t, v, ok) {
		return
	}
	kt := t.Key()
	for _, key := range slices.Sorted(maps.Keys(obj)) {
		w.path = append(w.path, pathSeg{key: key, index: -1})
		if !reflect.PointerTo(kt).Implements(textUnmarshalType) && kt.Kind() != reflect.String && !validIntKey(kt, key) {
			w.add(key, "want a map key of type "+kt.String())
		} else {
			w.walk(t.Elem(), obj[key])
		}
		w.path = w.path[:len(w.path)-1]
	}
}

func validIntKey(kt reflect.Type, key string) bool {
	switch kt.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		_, err := strconv.ParseInt(key, 10, kt.Bits())
		return err == nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		_, err := strconv.ParseUint(key, 10, kt.Bits())
		return err == nil
	}
	return false
}

func isString(v any) bool {
	_, ok := v.(string)
	return ok
}

func parsesAsTime(s string) bool {
	_, err := ParseTime(s)
	return err == nil
}

// wantName names the JSON a Go type wants.
func wantName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return "object"
	case reflect.Slice, reflect.Array:
		if t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 {
			return "base64 string"
		}
		return "array"
	case reflect.Bool:
		return "boolean"
	}
	return t.String()
}

// renderPath writes a path as tasks[0].result[0].items[3].rank; keys that
// are not plain names are quoted: referring_links_tld["co.uk"].
func renderPath(path []pathSeg) string {
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

func plainName(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
			return false
		}
	}
	return true
}

// wireFields maps the JSON names of a struct's fields to their types, by
// encoding/json's rules (tags, embedded structs, case-insensitive match).
type wireFields struct {
	exact map[string]reflect.Type
	names []string
}

func (f *wireFields) lookup(key string) (reflect.Type, bool) {
	if t, ok := f.exact[key]; ok {
		return t, true
	}
	for _, name := range f.names {
		if strings.EqualFold(name, key) {
			return f.exact[name], true
		}
	}
	return nil, false
}

var wireFieldCache sync.Map // reflect.Type -> *wireFields

func wireFieldsOf(t reflect.Type) *wireFields {
	if f, ok := wireFieldCache.Load(t); ok {
		return f.(*wireFields)
	}
	type cand struct {
		typ    reflect.Type
		depth  int
		tagged bool
	}
	byName := map[string][]cand{}
	var names []string
	var collect func(t reflect.Type, depth int, seen map[reflect.Type]bool)
	collect = func(t reflect.Type, depth int, seen map[reflect.Type]bool) {
		if seen[t] {
			return
		}
		seen[t] = true
		for i := range t.NumField() {
			sf := t.Field(i)
			tag := sf.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			ft := sf.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if sf.Anonymous && name == "" && ft.Kind() == reflect.Struct {
				collect(ft, depth+1, seen)
				continue
			}
			if !sf.IsExported() {
				continue
			}
			tagged := name != ""
			if !tagged {
				name = sf.Name
			}
			if byName[name] == nil {
				names = append(names, name)
			}
			byName[name] = append(byName[name], cand{typ: sf.Type, depth: depth, tagged: tagged})
		}
	}
	collect(t, 0, map[reflect.Type]bool{})
	f := &wireFields{exact: map[string]reflect.Type{}}
	for _, name := range names {
		cs := byName[name]
		best := slices.MinFunc(cs, func(a, b cand) int { return a.depth - b.depth })
		var winners []cand
		for _, c := range cs {
			if c.depth == best.depth && (c.tagged || !slices.ContainsFunc(cs, func(x cand) bool { return x.depth == best.depth && x.tagged })) {
				winners = append(winners, c)
			}
		}
		if len(winners) == 1 {
			f.exact[name] = winners[0].typ
			f.names = append(f.names, name)
		}
	}
	wireFieldCache.Store(t, f)
	return f
}
