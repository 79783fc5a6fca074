package sdk

import (
	"bytes"
	"slices"
)

// object reads the object that comes next, calling member for each
// member with its key (unquoted) on the path and the key as in the input;
// member must read the value.
//
// The problems keep the order a walk of the decoded object would give,
// keys sorted, though the members come in input order: the problems of
// each member are tracked and put in key order once the object is read.
// And as encoding/json keeps the last value of a key given twice, the
// problems of the earlier value are dropped when the key comes again.
func (w *wireWalker) object(member func(key, raw []byte) error) error {
	if err := w.token(); err != nil { // {
		return err
	}
	obj := objectProblems{base: len(w.problems)}
	for w.dec.PeekKind() != '}' {
		name, err := w.read() // the key
		if err != nil {
			return err
		}
		// The key as in the input, taken from the input itself: what the
		// decoder returns is valid only until it reads on, and the key
		// stays on the path while the value is read, and in obj after.
		at := w.base + w.dec.InputOffset() // where the key ends: it names the member in both walks
		raw := w.data[at-int64(len(name)) : at]
		key := unquoted(raw)
		obj.dropRepeated(w, key)
		if _, dropped := slices.BinarySearch(w.skip, at); dropped {
			// A second walk: this value's problems were dropped in the first.
			if err := w.skipValue(); err != nil {
				return err
			}
			continue
		}
		p, o := len(w.problems), w.omitted
		w.path = append(w.path, wireSeg{key: key, index: -1})
		err = member(key, raw)
		w.path = w.path[:len(w.path)-1]
		if len(w.problems) > p || w.omitted > o {
			obj.record(objectMember{key: key, value: at, start: p, end: len(w.problems), omitted: w.omitted - o})
		}
		if err != nil {
			return err
		}
	}
	if err := w.token(); err != nil { // }
		return err
	}
	obj.sort(w)
	return nil
}

// objectProblems tracks, while an object is read, the members that
// reported problems.
type objectProblems struct {
	base    int            // where the object's problems start in w.problems
	members []objectMember // in input order; they tile w.problems[base:]
	byKey   map[string]int // index of the live members, once there are many
	dead    int            // problems of dropped members still in w.problems
	drops   int            // dropped members still in members
}

type objectMember struct {
	key        []byte
	value      int64 // where its key ends in the input
	start, end int   // its problems: w.problems[start:end]
	omitted    int   // and how many of them were counted beyond the cap
	dropped    bool
}

// objectIndexMin is the number of members with problems from which they
// are found by a map rather than by a scan.
const objectIndexMin = 16

func (o *objectProblems) record(m objectMember) {
	o.members = append(o.members, m)
	switch {
	case o.byKey != nil:
		o.byKey[string(m.key)] = len(o.members) - 1
	case len(o.members) >= objectIndexMin:
		o.byKey = map[string]int{}
		o.index()
	}
}

func (o *objectProblems) index() {
	clear(o.byKey)
	for i, m := range o.members {
		if !m.dropped {
			o.byKey[string(m.key)] = i
		}
	}
}

// dropRepeated drops the problems of an earlier member with the key. They
// stay in w.problems, dead, until the next compaction: a drop costs the
// same wherever the member is.
func (o *objectProblems) dropRepeated(w *wireWalker, key []byte) {
	i := -1
	if o.byKey != nil {
		if j, ok := o.byKey[string(key)]; ok {
			i = j
			delete(o.byKey, string(key))
		}
	} else {
		i = slices.IndexFunc(o.members, func(m objectMember) bool { return !m.dropped && bytes.Equal(m.key, key) })
	}
	if i < 0 {
		return
	}
	m := &o.members[i]
	n := m.end - m.start
	w.kept -= n
	w.omitted -= m.omitted
	w.dropped = append(w.dropped, m.value)
	if n > 0 && w.omitted > 0 {
		// Problems found before were counted, not kept, for want of the
		// room the dropped ones now leave: see checkWire.
		w.rewalk = true
	}
	m.dropped = true
	o.dead += n
	o.drops++
	if o.dead > MaxDecodeProblems || o.drops > objectIndexMin+len(o.members)/2 {
		o.compact(w)
	}
}

// compact removes the dropped members and their problems.
func (o *objectProblems) compact(w *wireWalker) {
	out := o.base
	live := o.members[:0]
	for _, m := range o.members {
		if m.dropped {
			continue
		}
		n := copy(w.problems[out:], w.problems[m.start:m.end])
		m.start, m.end = out, out+n
		out += n
		live = append(live, m)
	}
	clear(w.problems[out:])
	w.problems = w.problems[:out]
	o.members = live
	o.dead, o.drops = 0, 0
	if o.byKey != nil {
		o.index()
	}
}

// sort puts the object's problems in key order.
func (o *objectProblems) sort(w *wireWalker) {
	if o.drops > 0 {
		o.compact(w)
	}
	byKey := func(a, b objectMember) int { return bytes.Compare(a.key, b.key) }
	if slices.IsSortedFunc(o.members, byKey) {
		return
	}
	slices.SortFunc(o.members, byKey) // the keys of live members differ
	found := slices.Clone(w.problems[o.base:])
	w.problems = w.problems[:o.base]
	for _, m := range o.members {
		w.problems = append(w.problems, found[m.start-o.base:m.end-o.base]...)
	}
}
