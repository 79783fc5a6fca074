package page

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
)

// The docs show each request as code in several languages. These are the
// statements that hold one task's body in each; what follows them is a
// literal we can read as JSON.
var codeSamples = []struct {
	lang  string
	start *regexp.Regexp // ends where the literal begins
}{
	{"curl", regexp.MustCompile(`--data-raw\s+'`)},
	{"php", regexp.MustCompile(`\$post_array\[\]\s*=\s*`)},
	{"python", regexp.MustCompile(`post_data\[len\(post_data\)\]\s*=\s*`)},
	{"javascript", regexp.MustCompile(`post_array\.push\(\s*`)},
}

// requestExamples reads the request bodies of the page's code samples. Each
// becomes a task array (the PHP, Python and JavaScript samples add one task
// each). Identical bodies are kept once. A sample that is not a plain
// literal (its body calls a function, say) becomes a note, not an error:
// the tables, not the samples, define the request.
func requestExamples(text string, lines *lineCounter) ([]Example, []Note) {
	var out []Example
	var notes []Note
	seen := map[string]bool{}
	for _, cs := range codeSamples {
		for _, loc := range cs.start.FindAllStringIndex(text, -1) {
			lp := &litParser{s: text, i: loc[1]}
			v, err := lp.value()
			if err == nil && v.Kind == jsonval.Array && len(v.Arr) == 0 {
				continue // "$post_array[] = array();": the sample sets no field
			}
			want := jsonval.Object // one task
			if cs.lang == "curl" {
				want = jsonval.Array // the whole body
			}
			if err == nil && v.Kind != want {
				err = fmt.Errorf("the body is a JSON %s, want a %s", v.Kind, want)
			}
			if err != nil {
				where := cs.lang + " sample"
				if l := lines.line(loc[0]); l > 0 {
					where += fmt.Sprintf(" (line %d)", l)
				}
				notes = append(notes, Note{Part: PartRequestExample, Where: where, Reason: "skipped: " + err.Error()})
				continue
			}
			if v.Kind == jsonval.Object {
				if len(v.Obj) == 0 {
					continue
				}
				v = &jsonval.Value{Kind: jsonval.Array, Arr: []*jsonval.Value{v}}
			}
			key, _ := v.MarshalJSON()
			if seen[string(key)] {
				continue
			}
			seen[string(key)] = true
			out = append(out, Example{Line: lines.line(loc[1]), Lang: cs.lang, Value: v})
		}
	}
	return out, notes
}

// litParser reads the literals the code samples write: JSON, PHP
// array(...) with "=>", Python dict(key=value) with True/False/None, and
// JavaScript object literals.
type litParser struct {
	s string
	i int
}

func (p *litParser) errorf(format string, args ...any) error {
	near := p.s[p.i:min(len(p.s), p.i+24)]
	return fmt.Errorf("cannot read the body as a literal near %q: %s", near, fmt.Sprintf(format, args...))
}

func (p *litParser) skip() {
	for p.i < len(p.s) {
		switch c := p.s[p.i]; {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\\':
			p.i++
		case strings.HasPrefix(p.s[p.i:], "//"):
			if k := strings.IndexByte(p.s[p.i:], '\n'); k >= 0 {
				p.i += k
			} else {
				p.i = len(p.s)
			}
		default:
			return
		}
	}
}

func (p *litParser) eat(tok string) bool {
	p.skip()
	if strings.HasPrefix(p.s[p.i:], tok) {
		p.i += len(tok)
		return true
	}
	return false
}

var (
	litNumber = regexp.MustCompile(`^-?\d+(\.\d+)?([eE][-+]?\d+)?`)
	litIdent  = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*`)
)

func (p *litParser) value() (*jsonval.Value, error) {
	p.skip()
	if p.i >= len(p.s) {
		return nil, p.errorf("the text ends")
	}
	switch c := p.s[p.i]; {
	case c == '"' || c == '\'':
		s, err := p.str()
		return &jsonval.Value{Kind: jsonval.String, Str: s}, err
	case c == '[':
		p.i++
		return p.list("]")
	case c == '{':
		p.i++
		return p.entries("}", ":")
	}
	if m := litNumber.FindString(p.s[p.i:]); m != "" {
		p.i += len(m)
		return &jsonval.Value{Kind: jsonval.Number, Num: m}, nil
	}
	id := litIdent.FindString(p.s[p.i:])
	p.i += len(id)
	switch id {
	case "true", "True":
		return &jsonval.Value{Kind: jsonval.Bool, Bool: true}, nil
	case "false", "False":
		return &jsonval.Value{Kind: jsonval.Bool}, nil
	case "null", "None", "NULL":
		return &jsonval.Value{Kind: jsonval.Null}, nil
	case "array":
		if p.eat("(") {
			return p.phpArray()
		}
	case "dict":
		if p.eat("(") {
			return p.entries(")", "=")
		}
	}
	p.i -= len(id)
	return nil, p.errorf("not a literal")
}

// str reads a quoted string with backslash escapes.
func (p *litParser) str() (string, error) {
	q := p.s[p.i]
	var b strings.Builder
	for p.i++; p.i < len(p.s); p.i++ {
		c := p.s[p.i]
		switch {
		case c == '\\' && p.i+1 < len(p.s):
			p.i++
			switch e := p.s[p.i]; e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			default:
				b.WriteByte(e)
			}
		case c == q:
			p.i++
			return b.String(), nil
		default:
			b.WriteByte(c)
		}
	}
	return "", p.errorf("unterminated string")
}

func (p *litParser) list(end string) (*jsonval.Value, error) {
	v := &jsonval.Value{Kind: jsonval.Array, Arr: []*jsonval.Value{}}
	for {
		if p.eat(end) {
			return v, nil
		}
		e, err := p.value()
		if err != nil {
			return nil, err
		}
		v.Arr = append(v.Arr, e)
		if !p.eat(",") && !p.eat(end) {
			return nil, p.errorf("expected \",\" or %q", end)
		} else if p.s[p.i-1] == end[0] {
			return v, nil
		}
	}
}

// entries reads key-value pairs up to end; sep is ":" (JSON, JavaScript)
// or "=" (Python keyword arguments). Keys may be quoted or bare.
func (p *litParser) entries(end, sep string) (*jsonval.Value, error) {
	v := &jsonval.Value{Kind: jsonval.Object, Obj: []jsonval.Member{}}
	for {
		if p.eat(end) {
			return v, nil
		}
		key, err := p.key()
		if err != nil {
			return nil, err
		}
		if !p.eat(sep) {
			return nil, p.errorf("expected %q after key %q", sep, key)
		}
		e, err := p.value()
		if err != nil {
			return nil, err
		}
		v.Obj = append(v.Obj, jsonval.Member{Key: key, Val: e})
		if !p.eat(",") && !p.eat(end) {
			return nil, p.errorf("expected \",\" or %q", end)
		} else if p.s[p.i-1] == end[0] {
			return v, nil
		}
	}
}

func (p *litParser) key() (string, error) {
	p.skip()
	if p.i < len(p.s) && (p.s[p.i] == '"' || p.s[p.i] == '\'') {
		return p.str()
	}
	id := litIdent.FindString(p.s[p.i:])
	if id == "" {
		return "", p.errorf("expected a key")
	}
	p.i += len(id)
	return id, nil
}

// phpArray reads the body of array(...): a map when its entries use "=>",
// a list otherwise.
func (p *litParser) phpArray() (*jsonval.Value, error) {
	save := p.i
	list, err := p.list(")")
	if err == nil {
		return list, nil
	}
	p.i = save
	return p.entries(")", "=>")
}
