// Package goname turns wire names into Go identifiers the way a Go
// programmer writes them: "referring_ips" is ReferringIPs, "url" is URL,
// "id" is ID; and keeps the names of one scope unique.
package goname

import (
	"go/token"
	"strings"
	"unicode"
)

// initialisms are the words Go writes in capitals (Effective Go, the
// lint list), plus the ones the DataForSEO API is full of.
var initialisms = map[string]string{
	"api": "API", "ascii": "ASCII", "cpc": "CPC", "cpu": "CPU", "css": "CSS", "dns": "DNS",
	"gps": "GPS", "html": "HTML", "http": "HTTP", "https": "HTTPS", "id": "ID", "ids": "IDs",
	"ip": "IP", "ips": "IPs", "json": "JSON", "llm": "LLM", "ai": "AI", "seo": "SEO", "serp": "SERP",
	"sql": "SQL", "ssl": "SSL", "tld": "TLD", "tlds": "TLDs", "ttl": "TTL", "ui": "UI", "uid": "UID",
	"uri": "URI", "url": "URL", "urls": "URLs", "utc": "UTC", "uuid": "UUID", "xml": "XML", "xpath": "XPath",
}

// Exported turns "referring_ips" into "ReferringIPs". Words are split at
// underscores, hyphens, spaces, dots, slashes and lower-to-upper changes.
// A name that would not start with a letter gets an "F" in front.
func Exported(s string) string {
	var b strings.Builder
	for _, w := range words(s) {
		if up, ok := initialisms[strings.ToLower(w)]; ok {
			b.WriteString(up)
			continue
		}
		r := []rune(w)
		b.WriteString(string(unicode.ToUpper(r[0])) + string(r[1:]))
	}
	out := b.String()
	if out == "" || !unicode.IsLetter([]rune(out)[0]) {
		out = "F" + out
	}
	return out
}

// Unexported is Exported with a lower-case first word, avoiding keywords.
func Unexported(s string) string {
	e := Exported(s)
	ws := words(s)
	first := ""
	if len(ws) > 0 {
		first = ws[0]
	}
	var out string
	if up, ok := initialisms[strings.ToLower(first)]; ok && strings.HasPrefix(e, up) {
		out = strings.ToLower(up) + e[len(up):]
	} else {
		r := []rune(e)
		out = string(unicode.ToLower(r[0])) + string(r[1:])
	}
	if token.IsKeyword(out) {
		out += "_"
	}
	return out
}

func words(s string) []string {
	var ws []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			ws = append(ws, string(cur))
			cur = nil
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
		case unicode.IsUpper(r) && i > 0 && unicode.IsLower(rs[i-1]):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
	}
	flush()
	return ws
}

// Pool hands out unique names within one scope (a struct's fields, a
// package's types): a name already taken by another key gets a number.
type Pool struct {
	taken map[string]string // name -> key
}

// NewPool returns an empty pool; reserved names are never handed out.
func NewPool(reserved ...string) *Pool {
	p := &Pool{taken: map[string]string{}}
	for _, r := range reserved {
		p.taken[r] = "\x00reserved"
	}
	return p
}

// Name returns want for key, or want2, want3, ... if another key has it.
// Asking again with the same key returns the same name.
func (p *Pool) Name(want, key string) string {
	for i := 1; ; i++ {
		n := want
		if i > 1 {
			n = want + itoa(i)
		}
		switch k, ok := p.taken[n]; {
		case !ok:
			p.taken[n] = key
			return n
		case k == key:
			return n
		}
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
