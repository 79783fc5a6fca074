package spec

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dataforseo-go/dataforseo/gen/page"
	"github.com/dataforseo-go/dataforseo/gen/prose"
)

// merged is what all the rows placed on one node say, once their
// disagreements are resolved.
type merged struct {
	typ  string
	desc string
	f    prose.Facts
	has  bool // at least one row
}

// formatRank orders the formats by how much of the page they keep: the
// HTML and the indented text dumps keep line breaks and nesting, markdown
// keeps line breaks, the pipe dump keeps neither.
func formatRank(f page.Format) int {
	switch f {
	case page.WordPressJSON:
		return 0
	case page.TabText, page.SpaceText:
		return 1
	case page.Markdown:
		return 2
	}
	return 3
}

// preferred orders rows from the most to the least trusted source: the
// richer format first, then the most recently modified page, then the
// file name (rule M3 in doc.go).
func preferred(rows []placedRow) []placedRow {
	out := slices.Clone(rows)
	slices.SortStableFunc(out, func(a, b placedRow) int {
		return cmp.Or(
			cmp.Compare(formatRank(a.page.Format), formatRank(b.page.Format)),
			-cmp.Compare(a.page.Modified, b.page.Modified),
			cmp.Compare(a.page.Source, b.page.Source))
	})
	return out
}

// mergeRows resolves the rows of one node (rules M1-M5 in doc.go) and
// reports every fact the pages disagree on.
// The result is computed once per node, so each disagreement is reported once.
func (b *builder) mergeRows(ep *endpoint, n *node, part page.Part) merged {
	if m, ok := b.cache[n]; ok {
		return m
	}
	m := b.mergeRowsOnce(ep, n, part)
	b.cache[n] = m
	return m
}

func (b *builder) mergeRowsOnce(ep *endpoint, n *node, part page.Part) merged {
	if len(n.rows) == 0 {
		return merged{}
	}
	rows := preferred(n.rows)
	m := merged{has: true, typ: rows[0].typ, f: rows[0].fact}
	// M4: the description with the most lines, then the longest.
	best := rows[0]
	for _, r := range rows[1:] {
		if lines(r.desc) > lines(best.desc) || lines(r.desc) == lines(best.desc) && len(r.desc) > len(best.desc) {
			best = r
		}
	}
	m.desc = best.desc
	if len(rows) == 1 {
		return m
	}
	path := n.path()
	note := func(kind, format string, args ...any) {
		b.report.add(ep, nil, part, path, kind, fmt.Sprintf(format, args...))
	}
	// M3: the type of the most trusted page; the example may still overrule it.
	for _, r := range rows[1:] {
		if r.typ != m.typ {
			note("merge", "type %s on %s, %s on %s: %s kept (more trusted page)", m.typ, rows[0].page.Source, r.typ, r.page.Source, m.typ)
		}
	}
	m.f.Required = mergeBool(rows, func(f prose.Facts) bool { return f.Required }, "required", note)
	m.f.Nullable = mergeBool(rows, func(f prose.Facts) bool { return f.Nullable }, "can be null", note)
	m.f.DateTime = mergeBool(rows, func(f prose.Facts) bool { return f.DateTime }, "date-time format", note)
	m.f.Default = mergeValue(rows, func(f prose.Facts) *string { return f.Default }, "default", note)
	m.f.Maximum = mergeValue(rows, func(f prose.Facts) *float64 { return f.Maximum }, "maximum", note)
	m.f.Minimum = mergeValue(rows, func(f prose.Facts) *float64 { return f.Minimum }, "minimum", note)
	m.f.MaxLength = mergeValue(rows, func(f prose.Facts) *int { return f.MaxLength }, "character limit", note)
	m.f.MaxCount = mergeValue(rows, func(f prose.Facts) *int { return f.MaxCount }, "maximum count", note)
	m.f.Enum = mergeEnum(rows, note)
	return m
}

func lines(s string) int { return strings.Count(s, "\n") + 1 }

type noteFunc func(kind, format string, args ...any)

// mergeBool: M2, a fact stated on one page and not on another is kept.
func mergeBool(rows []placedRow, get func(prose.Facts) bool, what string, note noteFunc) bool {
	var yes, no []string
	for _, r := range rows {
		if get(r.fact) {
			yes = append(yes, r.page.Source)
		} else {
			no = append(no, r.page.Source)
		}
	}
	if len(yes) > 0 && len(no) > 0 {
		note("merge", "%s is stated on %s, not on %s: kept (a stated fact beats a missing one)", what, strings.Join(yes, ", "), strings.Join(no, ", "))
	}
	return len(yes) > 0
}

// mergeValue: M2 for missing values, M3 for different ones. Values are
// quoted in the report as written ("100", "live").
func mergeValue[T comparable](rows []placedRow, get func(prose.Facts) *T, what string, note noteFunc) *T {
	q := func(v *T) string { return strconv.Quote(fmt.Sprint(*v)) }
	var chosen *T
	var chosenFrom string
	var missing []string
	for _, r := range rows {
		v := get(r.fact)
		switch {
		case v == nil:
			missing = append(missing, r.page.Source)
		case chosen == nil:
			chosen, chosenFrom = v, r.page.Source
		case *v != *chosen:
			note("merge", "%s %s on %s, %s on %s: %s kept (more trusted page)", what, q(chosen), chosenFrom, q(v), r.page.Source, q(chosen))
		}
	}
	if chosen != nil && len(missing) > 0 {
		note("merge", "%s %s is stated on %s, missing on %s: kept (a stated fact beats a missing one)", what, q(chosen), chosenFrom, strings.Join(missing, ", "))
	}
	return chosen
}

// mergeEnum: M5, the list that holds all the others wins; lists that
// disagree otherwise follow M3.
func mergeEnum(rows []placedRow, note noteFunc) []string {
	var best []string
	var bestFrom string
	for _, r := range rows {
		e := r.fact.Enum
		switch {
		case len(e) == 0:
		case best == nil, contains(e, best) && len(e) > len(best):
			if best != nil {
				note("merge", "possible values %v on %s hold %v of %s: the longer list kept", e, r.page.Source, best, bestFrom)
			}
			best, bestFrom = e, r.page.Source
		case contains(best, e):
			if len(e) < len(best) {
				note("merge", "possible values %v on %s hold %v of %s: the longer list kept", best, bestFrom, e, r.page.Source)
			}
		default:
			note("merge", "possible values %v on %s, %v on %s: %v kept (more trusted page)", best, bestFrom, e, r.page.Source, best)
		}
	}
	var missing []string
	for _, r := range rows {
		if len(r.fact.Enum) == 0 {
			missing = append(missing, r.page.Source)
		}
	}
	if best != nil && len(missing) > 0 {
		note("merge", "possible values %v are stated on %s, missing on %s: kept", best, bestFrom, strings.Join(missing, ", "))
	}
	return best
}

// contains reports whether all of sub are in set.
func contains(set, sub []string) bool {
	for _, s := range sub {
		if !slices.Contains(set, s) {
			return false
		}
	}
	return true
}
