package sdk_test

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"strings"
)

// The mutations of TestDecodeFastMutations: a body is parsed into a tree
// that keeps its keys' order, one to three of its nodes are changed, and
// the tree is written again.

// jnode is a JSON value: a scalar's text, or an object's keys and values,
// or an array's elements.
type jnode struct {
	kind byte // '{', '[', or 's' for a scalar
	text string
	keys []string
	vals []*jnode
}

func parseTree(body []byte) (*jnode, bool) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	n, err := readNode(dec)
	return n, err == nil
}

func readNode(dec *json.Decoder) (*jnode, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok := tok.(type) {
	case json.Delim:
		n := &jnode{kind: byte(tok)}
		for dec.More() {
			if n.kind == '{' {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, k.(string))
			}
			v, err := readNode(dec)
			if err != nil {
				return nil, err
			}
			n.vals = append(n.vals, v)
		}
		_, err := dec.Token()
		return n, err
	default:
		b, _ := json.Marshal(tok)
		return &jnode{kind: 's', text: string(b)}, nil
	}
}

func (n *jnode) write(b *strings.Builder) {
	switch n.kind {
	case 's':
		b.WriteString(n.text)
	case '{':
		b.WriteByte('{')
		for i, v := range n.vals {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(quoteKey(n.keys[i]))
			b.WriteByte(':')
			v.write(b)
		}
		b.WriteByte('}')
	case '[':
		b.WriteByte('[')
		for i, v := range n.vals {
			if i > 0 {
				b.WriteByte(',')
			}
			v.write(b)
		}
		b.WriteByte(']')
	}
}

func quoteKey(k string) string {
	if strings.HasPrefix(k, "\x00raw:") {
		return k[len("\x00raw:"):] // a key written as is (escapes)
	}
	b, _ := json.Marshal(k)
	return string(b)
}

// nodes lists every node of the tree, with its parent and its index there.
type place struct {
	parent *jnode
	i      int
}

func (n *jnode) places(out []place) []place {
	for i, v := range n.vals {
		out = append(out, place{n, i})
		out = v.places(out)
	}
	return out
}

// scalars that do not fit most types, or fit them oddly.
var oddValues = []string{
	`null`, `1.5`, `-0`, `1e3`, `"7"`, `""`, `true`, `[]`, `{}`, `[null]`, `{"a":null}`,
	`9223372036854775808`, `1e400`, `"a\"b\\c\u00e9\ud83d\ude00"`, `"\ud800x"`, "\"\xff\xfe\"",
	`"2019-11-15 12:57:46 +00:00"`, `"2019-11-15T12:57:46Z"`, `"not a date"`, `[["a","=",1]]`,
	`{"type":"brand_new_kind","x":1}`, `{"type":"organic"}`, `{"type":5}`, `"\u0041"`,
}

// mutate returns body with one to three changes, or malformed.
func mutate(rng *rand.Rand, body []byte) []byte {
	root, ok := parseTree(body)
	if !ok {
		return body
	}
	switch rng.IntN(20) {
	case 0:
		return body[:rng.IntN(len(body))] // truncated
	case 1:
		return append(append([]byte{}, body...), []byte(" x")...)
	}
	for range 1 + rng.IntN(3) {
		ps := root.places(nil)
		if len(ps) == 0 {
			break
		}
		p := ps[rng.IntN(len(ps))]
		v := p.parent.vals[p.i]
		switch op := rng.IntN(9); {
		case op == 0 && p.parent.kind == '{': // drop the key
			p.parent.keys = append(p.parent.keys[:p.i], p.parent.keys[p.i+1:]...)
			p.parent.vals = append(p.parent.vals[:p.i], p.parent.vals[p.i+1:]...)
		case op == 1 && p.parent.kind == '{': // the key in another case
			k := p.parent.keys[p.i]
			switch rng.IntN(3) {
			case 0:
				k = strings.ToUpper(k)
			case 1:
				k = strings.ReplaceAll(k, "k", "\u212a") // Kelvin sign: folds to k
			default:
				if k != "" {
					k = strings.ToUpper(k[:1]) + k[1:]
				}
			}
			p.parent.keys[p.i] = k
		case op == 2 && p.parent.kind == '{': // the key twice
			dup := v
			if rng.IntN(2) == 0 {
				dup = &jnode{kind: 's', text: oddValues[rng.IntN(len(oddValues))]}
			}
			p.parent.keys = append(p.parent.keys, p.parent.keys[p.i])
			p.parent.vals = append(p.parent.vals, dup)
		case op == 3 && p.parent.kind == '{': // an unknown key, or one spelled with escapes
			if rng.IntN(2) == 0 {
				p.parent.keys = append(p.parent.keys, "zz_unknown")
				p.parent.vals = append(p.parent.vals, &jnode{kind: 's', text: `{"a":[1,2]}`})
			} else if k := p.parent.keys[p.i]; k != "" {
				p.parent.keys[p.i] = "\x00raw:\"\\u" + escapeFirst(k) + "\""
			}
		case op == 4 && v.kind == 's' && strings.HasPrefix(v.text, `"`): // a kind the SDK does not know
			v.text = `"brand_new_kind"`
		case op == 5 && (v.kind == '[' || v.kind == '{'): // emptied
			v.keys, v.vals = nil, nil
		case op == 6 && p.parent.kind == '{' && len(p.parent.keys) > 1: // the first key moved last ("type" after the fields)
			p.parent.keys = append(p.parent.keys[1:], p.parent.keys[0])
			p.parent.vals = append(p.parent.vals[1:], p.parent.vals[0])
		default:
			p.parent.vals[p.i] = &jnode{kind: 's', text: oddValues[rng.IntN(len(oddValues))]}
		}
	}
	var b strings.Builder
	root.write(&b)
	return []byte(b.String())
}

// escapeFirst writes k with its first letter as a \u escape (the \u is
// already written).
func escapeFirst(k string) string {
	return strconv.FormatInt(0x10000+int64(k[0]), 16)[1:] + strings.ReplaceAll(strings.ReplaceAll(k[1:], `\`, `\\`), `"`, `\"`)
}
