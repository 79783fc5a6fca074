package spec

import (
	"strings"
	"unicode"
)

// camel turns "referring_domains" into "ReferringDomains".
func camel(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		switch {
		case r == '_' || r == '-' || r == ' ' || r == '.' || r == '/':
			up = true
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
		case up:
			b.WriteRune(unicode.ToUpper(r))
			up = false
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// singular turns the name of an array into the name of one element:
// "items" is "Item", "categories" is "Category", "addresses" "Address".
func singular(s string) string {
	switch {
	case strings.HasSuffix(s, "ies") && len(s) > 4:
		return s[:len(s)-3] + "y"
	case strings.HasSuffix(s, "sses"), strings.HasSuffix(s, "xes"), strings.HasSuffix(s, "ches"), strings.HasSuffix(s, "shes"):
		return s[:len(s)-2]
	case strings.HasSuffix(s, "ss"), strings.HasSuffix(s, "us"), strings.HasSuffix(s, "is"):
		return s
	case strings.HasSuffix(s, "s") && len(s) > 2:
		return s[:len(s)-1]
	}
	return s
}

// operationName names an endpoint from its path, without path parameters:
// "/v3/backlinks/referring_domains/live" is "BacklinksReferringDomainsLive".
func operationName(path string) (name, section string) {
	var b strings.Builder
	for i, seg := range strings.Split(strings.TrimPrefix(path, "/v3/"), "/") {
		if seg == "" || strings.HasPrefix(seg, "{") {
			continue
		}
		if i == 0 {
			section = seg
		}
		b.WriteString(camel(seg))
	}
	return b.String(), section
}

// namePool hands out component names and keeps them unique: a name asked
// for twice by different owners gets a number (2, 3, ...) in the order the
// builder asks, which is fixed.
type namePool struct {
	owner map[string]string // name -> owner key
}

func newNamePool() *namePool { return &namePool{owner: map[string]string{}} }

// take returns name for owner, or name2, name3, ... when another owner has
// it. The same owner always gets the same name back.
func (p *namePool) take(name, owner string) string {
	for i := 1; ; i++ {
		n := name
		if i > 1 {
			n += itoa(i)
		}
		switch o, ok := p.owner[n]; {
		case !ok:
			p.owner[n] = owner
			return n
		case o == owner:
			return n
		}
	}
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}
