package spec

import (
	"strings"
	"unicode"
)

// Camel turns "referring_domains" into "ReferringDomains": the spelling
// of component names (no initialisms: "id_list" is "IdList").
func Camel(s string) string { return camel(s) }

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
