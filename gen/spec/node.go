package spec

import (
	"regexp"
	"slices"
	"strings"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
	"github.com/dataforseo-go/dataforseo/gen/page"
	"github.com/dataforseo-go/dataforseo/gen/prose"
	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// node is one field of an endpoint's request or response as every source
// knows it: the table rows placed on it (one per page) and the union of the
// values the examples give it. An array of objects is one node whose
// children are the fields of its elements.
type node struct {
	name     string // wire name, as the example writes it
	parent   *node
	children []*node // example order, then table-only fields in table order
	rows     []placedRow
	ex       exampleStats
	// fromTable is set when a row created the node (no example has it).
	fromTable bool
	// objects counts the example objects whose members were added here.
	objects int
	// docs is what the documentation's examples alone say, and docObjects
	// their objects; rec is what each recorded response says (by file).
	// ex is the union. Comparing them says what a recording changed.
	docs       exampleStats
	docObjects int
	rec        map[string]*exampleStats
	// variants are an array's element kinds (variants.go, rules V1-V6):
	// for each value of its elements' discriminator, a node of the fields
	// the elements of that kind have, in the order first seen. kind is set
	// on such a node; its parent is the array.
	variants []*node
	kind     string
	heading  string // the group heading that named the kind in a table
}

// placedRow is a table row on its node, with where it came from.
type placedRow struct {
	page *page.Page
	row  page.Row
	typ  string // the table type, normalised
	desc string // the description, line breaks restored
	fact prose.Facts
}

// exampleStats is what the examples say of one field.
type exampleStats struct {
	seen     int // how many values the examples give it
	kinds    map[jsonval.Kind]int
	fraction bool     // a number with a fraction or exponent was seen
	strings  []string // distinct string values, at most maxSamples
	elems    int      // array elements seen
	elemKind map[jsonval.Kind]int
	elemFrac bool
	elemStrs []string
	mapLike  *exampleStats // for objects: the union of all member values
}

const maxSamples = 64

func (n *node) path() string {
	if n.kind != "" {
		return kindPath(n)
	}
	if n.parent == nil {
		return ""
	}
	p := n.parent.path()
	seg := n.name
	if n.ex.kinds[jsonval.Array] > 0 || (len(n.rows) > 0 && n.rows[0].typ == "array") {
		seg += "[]"
	}
	if p == "" {
		return seg
	}
	return p + "." + seg
}

func (n *node) child(name string) *node {
	for _, c := range n.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

// normalName folds the ways the tables misspell a wire name: "referring
// ips" is "referring_ips", "Status-Code" is "status_code".
func normalName(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.Map(func(r rune) rune {
		switch {
		case r == ' ' || r == '-':
			return '_'
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_':
			return r
		}
		return -1
	}, s)
	return s
}

// lookup finds the child a table name stands for: the exact name, else the
// one whose normalised name matches.
func (n *node) lookup(name string) *node {
	if c := n.child(name); c != nil {
		return c
	}
	want := normalName(name)
	for _, c := range n.children {
		if normalName(c.name) == want {
			return c
		}
	}
	return nil
}

// addValue folds one example value into the tree below n. file names a
// recorded response; "" is an example of the documentation.
func (n *node) addValue(v *jsonval.Value, file string) {
	n.ex.add(v)
	if file == "" {
		n.docs.add(v)
	} else {
		if n.rec == nil {
			n.rec = map[string]*exampleStats{}
		}
		if n.rec[file] == nil {
			n.rec[file] = &exampleStats{}
		}
		n.rec[file].add(v)
	}
	switch v.Kind {
	case jsonval.Object:
		n.addMembers(v, file)
	case jsonval.Array:
		for _, e := range v.Arr {
			if e.Kind == jsonval.Object {
				n.addMembers(e, file)
				if k := kindOfValue(e); k != "" {
					n.variant(k).addMembers(e, file) // V1
				}
			}
		}
	}
}

func (n *node) addMembers(obj *jsonval.Value, file string) {
	n.objects++
	if file == "" {
		n.docObjects++
	}
	for _, m := range obj.Obj {
		c := n.child(m.Key)
		if c == nil {
			c = &node{name: m.Key, parent: n}
			n.children = append(n.children, c)
		}
		c.addValue(m.Val, file)
	}
}

// recordedFiles lists, in name order, the recorded responses that gave n
// a value of one of kinds (any value when kinds is empty).
func (n *node) recordedFiles(kinds ...jsonval.Kind) []string {
	var files []string
	for f, s := range n.rec {
		if len(kinds) == 0 && s.seen > 0 {
			files = append(files, f)
			continue
		}
		for _, k := range kinds {
			if s.kinds[k] > 0 {
				files = append(files, f)
				break
			}
		}
	}
	slices.Sort(files)
	return files
}

func (s *exampleStats) add(v *jsonval.Value) {
	if s.kinds == nil {
		s.kinds = map[jsonval.Kind]int{}
	}
	s.seen++
	s.kinds[v.Kind]++
	switch v.Kind {
	case jsonval.Number:
		s.fraction = s.fraction || !v.IsInteger()
	case jsonval.String:
		s.strings = addSample(s.strings, v.Str)
	case jsonval.Array:
		if s.elemKind == nil {
			s.elemKind = map[jsonval.Kind]int{}
		}
		for _, e := range v.Arr {
			s.elems++
			s.elemKind[e.Kind]++
			switch e.Kind {
			case jsonval.Number:
				s.elemFrac = s.elemFrac || !e.IsInteger()
			case jsonval.String:
				s.elemStrs = addSample(s.elemStrs, e.Str)
			}
		}
	case jsonval.Object:
		if s.mapLike == nil {
			s.mapLike = &exampleStats{}
		}
		for _, m := range v.Obj {
			s.mapLike.add(m.Val)
		}
	}
}

func addSample(ss []string, s string) []string {
	if len(ss) >= maxSamples {
		return ss
	}
	for _, x := range ss {
		if x == s {
			return ss
		}
	}
	return append(ss, s)
}

// nonNullKinds lists the JSON kinds seen other than null, in Kind order.
func (s *exampleStats) nonNullKinds() []jsonval.Kind {
	var ks []jsonval.Kind
	for k := jsonval.Bool; k <= jsonval.Object; k++ {
		if s.kinds[k] > 0 {
			ks = append(ks, k)
		}
	}
	return ks
}

// dateTimeValue is the docs' date-time: "2019-11-15 12:57:46 +00:00".
var dateTimeValue = regexp.MustCompile(contract.DateTimePattern)

func allDateTimes(ss []string) bool {
	if len(ss) == 0 {
		return false
	}
	for _, s := range ss {
		if !dateTimeValue.MatchString(s) {
			return false
		}
	}
	return true
}

// merge adds what other saw to s.
func (s *exampleStats) merge(other *exampleStats) {
	if other.seen == 0 {
		return
	}
	if s.kinds == nil {
		s.kinds = map[jsonval.Kind]int{}
	}
	s.seen += other.seen
	for k, v := range other.kinds {
		s.kinds[k] += v
	}
	s.fraction = s.fraction || other.fraction
	for _, v := range other.strings {
		s.strings = addSample(s.strings, v)
	}
	s.elems += other.elems
	if len(other.elemKind) > 0 && s.elemKind == nil {
		s.elemKind = map[jsonval.Kind]int{}
	}
	for k, v := range other.elemKind {
		s.elemKind[k] += v
	}
	s.elemFrac = s.elemFrac || other.elemFrac
	for _, v := range other.elemStrs {
		s.elemStrs = addSample(s.elemStrs, v)
	}
	if other.mapLike != nil {
		if s.mapLike == nil {
			s.mapLike = &exampleStats{}
		}
		s.mapLike.merge(other.mapLike)
	}
}
