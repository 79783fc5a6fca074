package sdk

import (
	"bytes"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// wireSeg is one step of the path of a wire value: an object key or an
// array index.
type wireSeg struct {
	key   []byte // the key, unquoted; it is a slice of the input when it has no escapes
	index int    // -1 for a key
}

// renderPath writes a path as tasks[0].result[0].items[3].rank; keys that
// are not plain names are quoted: referring_links_tld["co.uk"].
func renderPath(path []wireSeg) string {
	var b strings.Builder
	for _, s := range path {
		key := string(s.key)
		switch {
		case s.index >= 0:
			b.WriteString("[" + strconv.Itoa(s.index) + "]")
		case plainName(key):
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(key)
		default:
			b.WriteString("[" + strconv.Quote(key) + "]")
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

// validIntKey reports whether key is a map key encoding/json decodes into
// the integer key type kt.
func validIntKey(kt reflect.Type, key []byte) bool {
	switch kt.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		_, err := strconv.ParseInt(string(key), 10, kt.Bits())
		return err == nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		_, err := strconv.ParseUint(string(key), 10, kt.Bits())
		return err == nil
	}
	return false
}

// wireFields maps the JSON names of a struct's fields to their types, by
// encoding/json's rules (tags, embedded structs, case-insensitive match).
type wireFields struct {
	exact map[string]reflect.Type
	names [][]byte // the names, in field order, for the case-insensitive match
}

// lookup returns the type of the field the object key decodes into: the
// field of that exact name, else the first whose name matches it without
// regard to case.
func (f *wireFields) lookup(key []byte) (reflect.Type, bool) {
	if t, ok := f.exact[string(key)]; ok {
		return t, true
	}
	for _, name := range f.names {
		if bytes.EqualFold(name, key) {
			return f.exact[string(name)], true
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
			f.names = append(f.names, []byte(name))
		}
	}
	wireFieldCache.Store(t, f)
	return f
}
