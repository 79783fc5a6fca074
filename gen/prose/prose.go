// Package prose reads the constraints the docs state in words inside a
// field's description: "required field", "default value: 100", "maximum
// value: 1000", "possible values: ip, subnet", "the character limit is
// 255", "up to 1000 domains", "no more than three sorting rules", "8
// filters maximum", "can be null". It works on descriptions with their line
// breaks and on flattened ones where a capture lost them.
package prose

import (
	"regexp"
	"strconv"
	"strings"
)

// Facts are the constraints one description states. Nil and empty mean
// "not stated".
type Facts struct {
	Required   bool
	RequiredIf string   // "required field if you don't specify location_code": not an unconditional requirement
	Default    *string  // the default as written ("100", "live", "true")
	Defaults   []string // every distinct default written, when there are several (a default per case)
	Minimum    *float64
	Maximum    *float64
	MaxLength  *int
	MaxCount   *int     // "up to 1000 domains", "no more than three", "8 filters maximum"
	Enum       []string // "possible values: ..."
	Nullable   bool     // the prose says the value can be null
	DateTime   bool     // the prose gives the "yyyy-mm-dd hh-mm-ss +00:00" format
}

var (
	requiredRe  = regexp.MustCompile(`(?i)required field\b`)
	defaultRe   = regexp.MustCompile(`(?i)default value\s*:\s*("[^"\n]*"|'[^'\n]*'|[^\s,;|]+)`)
	maximumRe   = regexp.MustCompile(`(?i)(?:maximum|max)\s+value\s*:?\s*(-?\d+(?:\.\d+)?)`)
	minimumRe   = regexp.MustCompile(`(?i)(?:minimum|min)\s+value\s*:?\s*(-?\d+(?:\.\d+)?)`)
	charLimitRe = regexp.MustCompile(`(?i)\bcharacter limit is (\d+)|\bup to (\d+) (?:characters|symbols)\b|\bmaximum (?:number of )?characters\s*:?\s*(\d+)`)
	upToRe      = regexp.MustCompile(`(?i)\bup to (\d+|` + numberWordAlt + `)\s+([a-z]+)`)
	noMoreRe    = regexp.MustCompile(`(?i)\bno more than (\d+|` + numberWordAlt + `)\b`)
	nMaximumRe  = regexp.MustCompile(`(?i)\b(\d+|` + numberWordAlt + `)\s+[a-z]+\s+maximum\b`)
	nullRe      = regexp.MustCompile(`(?i)\bnull\b`)
	dateTimeRe  = regexp.MustCompile(`(?i)yyyy-mm-dd hh-mm-ss`)
	enumIntroRe = regexp.MustCompile(`(?i)\b(?:possible values|can take the values|can take the following values|possible types)\s*:?`)
	// enumStop ends the list of values: the next constraint sentence.
	enumStop  = regexp.MustCompile(`(?i)\b(?:default value|maximum value|max value|minimum value|example|examples|note|learn more|if you)\b`)
	enumToken = regexp.MustCompile(`^[A-Za-z0-9_.+-]+$`)
	dashItem  = regexp.MustCompile(`^([A-Za-z0-9_.+-]+)\s*[–—-]\s*\S`)
)

const numberWordAlt = `one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred`

var numberWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "twenty": 20, "fifty": 50, "hundred": 100}

func atoiWord(s string) (int, bool) {
	if n, ok := numberWords[strings.ToLower(s)]; ok {
		return n, true
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// Read extracts the facts of one description.
func Read(desc string) Facts {
	// Most descriptions state few facts: a substring test is far cheaper
	// than the regular expression it guards. Each guard is a literal its
	// pattern's every match holds, lower-cased, without the k and s that
	// (?i) also matches outside ASCII (the Kelvin sign, the long s).
	lower := strings.ToLower(desc)
	return read(desc, func(s string) bool { return strings.Contains(lower, s) })
}

// read is Read with the guards' substring test.
func read(desc string, has func(string) bool) Facts {
	var f Facts
	if !has("required") && !has("default") && !has("max") && !has("min") && !has("character") &&
		!has("up to") && !has("more than") && !has("values") && !has("types") && !has("null") && !has("yyyy") {
		return f
	}
	for _, loc := range findAll(has("required field"), requiredRe.FindAllStringIndex, desc) {
		rest := strings.TrimSpace(desc[loc[1]:])
		if strings.HasPrefix(strings.ToLower(rest), "if ") {
			f.RequiredIf = firstLine("required field " + rest)
			continue
		}
		f.Required = true
	}
	seen := map[string]bool{}
	for _, m := range findAll(has("default value"), defaultRe.FindAllStringSubmatch, desc) {
		v := strings.Trim(m[1], "\"'`")
		v = strings.TrimRight(v, ".")
		if v == "" || seen[v] {
			continue
		}
		seen[v] = true
		f.Defaults = append(f.Defaults, v)
	}
	if len(f.Defaults) == 1 {
		f.Default = &f.Defaults[0]
	}
	if m := find(has("max") && has("value"), maximumRe, desc); m != nil {
		f.Maximum = parseFloat(m[1])
	}
	if m := find(has("min") && has("value"), minimumRe, desc); m != nil {
		f.Minimum = parseFloat(m[1])
	}
	if m := find(has("character") || has("ymbol"), charLimitRe, desc); m != nil {
		for _, g := range m[1:] {
			if n, ok := atoiWord(g); ok {
				f.MaxLength = &n
				break
			}
		}
	}
	if has("up to") || has("no more than") || has("maximum") {
		f.MaxCount = maxCount(desc)
	}
	if has("value") || has("type") {
		f.Enum = enum(desc)
	}
	f.Nullable = has("null") && nullRe.MatchString(desc)
	f.DateTime = has("yyyy-mm-dd hh-mm-") && dateTimeRe.MatchString(desc)
	return f
}

// findAll runs a pattern's find-all on desc when its guard holds.
func findAll[T any](guard bool, all func(string, int) []T, desc string) []T {
	if !guard {
		return nil
	}
	return all(desc, -1)
}

// find is a pattern's first match in desc, when its guard holds.
func find(guard bool, re *regexp.Regexp, desc string) []string {
	if !guard {
		return nil
	}
	return re.FindStringSubmatch(desc)
}

// maxCount reads how many elements an array may hold.
func maxCount(desc string) *int {
	for _, m := range upToRe.FindAllStringSubmatch(desc, -1) {
		noun := strings.ToLower(m[2])
		if noun == "characters" || noun == "symbols" || noun == "the" {
			continue
		}
		if n, ok := atoiWord(m[1]); ok {
			return &n
		}
	}
	for _, re := range []*regexp.Regexp{noMoreRe, nMaximumRe} {
		if m := re.FindStringSubmatch(desc); m != nil {
			if n, ok := atoiWord(m[1]); ok {
				return &n
			}
		}
	}
	return nil
}

// enum reads "possible values:" lists in their two shapes: a comma list
// ("ip, subnet") or one value per line or ";" with a dash and its meaning
// ("all – all backlinks ...; live – ...").
func enum(desc string) []string {
	loc := enumIntroRe.FindStringIndex(desc)
	if loc == nil {
		return nil
	}
	rest := desc[loc[1]:]
	if s := enumStop.FindStringIndex(rest); s != nil {
		rest = rest[:s[0]]
	}
	var values []string
	for _, seg := range strings.FieldsFunc(rest, func(r rune) bool { return r == '\n' || r == ';' }) {
		seg = strings.TrimSpace(seg)
		if seg == "" {
			continue
		}
		m := dashItem.FindStringSubmatch(seg)
		if m == nil {
			break
		}
		values = append(values, m[1])
	}
	if len(values) > 0 {
		return dedupe(values)
	}
	first := strings.TrimSpace(rest)
	if i := strings.IndexByte(first, '\n'); i >= 0 {
		first = first[:i]
	}
	for _, v := range strings.Split(first, ",") {
		v = strings.TrimRight(strings.TrimSpace(v), ".")
		if !enumToken.MatchString(v) {
			return nil
		}
		values = append(values, v)
	}
	if len(values) < 2 {
		return nil
	}
	return dedupe(values)
}

func dedupe(vs []string) []string {
	seen := map[string]bool{}
	out := vs[:0]
	for _, v := range vs {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

func parseFloat(s string) *float64 {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil
	}
	return &f
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// Summary is the first line of a description: the docs put the short
// meaning first ("the maximum number of returned domains") and the
// details after.
func Summary(desc string) string { return firstLine(desc) }

// flattenedBreaks are the phrases that start a new line in the docs'
// descriptions; a capture that lost the line breaks still has them.
var flattenedBreaks = regexp.MustCompile(`\s*(required field|optional field|default value:|maximum value:|minimum value:|possible values:|example:|note:|Note:)`)

// Reflow puts back the line breaks a flattened description lost, before
// the phrases that start a line everywhere else in the docs.
func Reflow(desc string) string {
	if strings.Contains(desc, "\n") {
		return desc
	}
	return flattenedBreaks.ReplaceAllString(desc, "\n$1")
}
