package sdk

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
)

// MaxFilterConditions is the most conditions a Filter may hold, in total
// across its groups.
const MaxFilterConditions = 8

// filterOperators are the condition operators the API documents.
var filterOperators = map[string]bool{
	"=": true, "<>": true, "<": true, "<=": true, ">": true, ">=": true,
	"in": true, "not_in": true, "like": true, "not_like": true,
	"ilike": true, "not_ilike": true, "regex": true, "not_regex": true,
	"match": true, "not_match": true, "has": true, "has_not": true,
}

// Filter is a results filter in the API's grammar: a condition
// [field, operator, value], or filters joined by "and" / "or", nested:
//
//	["referring_pages", ">", "2"]
//	[["referring_pages", ">", "2"], "and", ["backlinks", ">", "10"]]
//
// Build one with F, And and Or; the zero Filter is no filter (omitted by
// the omitzero tag option of the generated request structs). Filters are
// immutable and safe to share.
//
// Decoding accepts any value of the grammar and re-encodes it as the same
// JSON tree (numbers keep their text). It never fails: a value outside the
// grammar is kept and re-emitted unchanged, and reported by Decode as a
// *DecodeError.
type Filter struct {
	node *filterNode
	raw  string // wire text that is not of the grammar
}

// filterNode is a condition (parts == nil) or a group.
type filterNode struct {
	field, op string
	value     any      // a Go value, or json.Number / string / bool / nil / []any when decoded
	parts     []Filter // a group: two or more filters
	joins     []string // a group: the logical operators between parts, len(parts)-1
	unlisted  bool     // built by Unlisted: not checked against a FilterFields list
}

// F returns the condition [field, op, value], e.g. F("backlinks", ">", 100).
// The value is a string, number, boolean or nil, or for "in" and "not_in" a
// slice of them; it is encoded with encoding/json (so an sdk.Time works).
func F(field, op string, value any) Filter {
	return Filter{node: &filterNode{field: field, op: op, value: value}}
}

// And joins filters with "and". Zero filters are skipped; with one filter
// left it is returned as is, with none the zero Filter. Groups built by And
// are flattened into one: And(And(a, b), c) is [a, "and", b, "and", c].
func And(fs ...Filter) Filter { return join("and", fs) }

// Or joins filters with "or", like And.
func Or(fs ...Filter) Filter { return join("or", fs) }

func join(op string, fs []Filter) Filter {
	var parts []Filter
	for _, f := range fs {
		switch {
		case f.IsZero():
		case f.node != nil && f.node.parts != nil && allEqual(f.node.joins, op):
			parts = append(parts, f.node.parts...)
		default:
			parts = append(parts, f)
		}
	}
	switch len(parts) {
	case 0:
		return Filter{}
	case 1:
		return parts[0]
	}
	joins := make([]string, len(parts)-1)
	for i := range joins {
		joins[i] = op
	}
	return Filter{node: &filterNode{parts: parts, joins: joins}}
}

func allEqual(ss []string, s string) bool {
	for _, x := range ss {
		if x != s {
			return false
		}
	}
	return true
}

// IsZero reports whether f is no filter.
func (f Filter) IsZero() bool { return f.node == nil && f.raw == "" }

// Conditions returns the number of conditions in f, across its groups.
func (f Filter) Conditions() int {
	if f.node == nil {
		return 0
	}
	if f.node.parts == nil {
		return 1
	}
	n := 0
	for _, p := range f.node.parts {
		n += p.Conditions()
	}
	return n
}

// Equal reports whether f and g encode to the same JSON. go-cmp uses it.
func (f Filter) Equal(g Filter) bool {
	a, errA := f.MarshalJSON()
	b, errB := g.MarshalJSON()
	return errA == nil && errB == nil && bytes.Equal(a, b)
}

// String returns f's JSON, or "" for the zero Filter.
func (f Filter) String() string {
	if f.IsZero() {
		return ""
	}
	b, err := f.MarshalJSON()
	if err != nil {
		return "<invalid filter: " + err.Error() + ">"
	}
	return string(b)
}

// Validate reports whether f follows the documented rules: at most
// MaxFilterConditions conditions, each with a field, a documented operator
// (=, <>, <, <=, >, >=, in, not_in, like, not_like, ilike, not_ilike, regex,
// not_regex, match, not_match, has, has_not) and a value that is a string,
// number, boolean or null, or an array of them for in and not_in. The
// *ValidationError values name the place in the filter's JSON, e.g. "[2][1]";
// wrap them with ValidateField to name the request field.
func (f Filter) Validate() error { return ValidateFilter(f, MaxFilterConditions) }

// ValidateFilter is f.Validate with the field's own documented maximum of
// conditions (the generated Validate methods pass it): each problem is
// reported once.
func ValidateFilter(f Filter, maxConditions int) error {
	if f.raw != "" {
		return &ValidationError{Reason: "not a filter: " + truncate(f.raw, 80)}
	}
	if f.node == nil {
		return nil
	}
	var errs []error
	if n := f.Conditions(); n > maxConditions {
		errs = append(errs, &ValidationError{Reason: fmt.Sprintf("has %d conditions, at most %d are allowed", n, maxConditions)})
	}
	if err := f.validate(""); err != nil {
		errs = append(errs, err)
	}
	return joinErrors(errs)
}

func (f Filter) validate(path string) error {
	n := f.node
	if n == nil {
		return &ValidationError{Field: path, Reason: "empty filter in a group"}
	}
	if n.parts == nil {
		return validateCondition(path, n)
	}
	var errs []error
	for i, p := range n.parts {
		if err := p.validate(path + "[" + strconv.Itoa(2*i) + "]"); err != nil {
			errs = append(errs, err)
		}
		if i < len(n.joins) && n.joins[i] != "and" && n.joins[i] != "or" {
			errs = append(errs, &ValidationError{Field: path + "[" + strconv.Itoa(2*i+1) + "]",
				Reason: fmt.Sprintf("logical operator %q is neither \"and\" nor \"or\"", n.joins[i])})
		}
	}
	return joinErrors(errs)
}

func validateCondition(path string, n *filterNode) error {
	var errs []error
	if n.field == "" {
		errs = append(errs, &ValidationError{Field: path + "[0]", Reason: "the field name is empty"})
	}
	if !filterOperators[n.op] {
		errs = append(errs, &ValidationError{Field: path + "[1]", Reason: fmt.Sprintf("operator %q is not supported", n.op)})
	}
	wantArray := n.op == "in" || n.op == "not_in"
	if reason := checkFilterValue(wireValue(n.value), wantArray); reason != "" {
		errs = append(errs, &ValidationError{Field: path + "[2]", Reason: reason})
	}
	return joinErrors(errs)
}

// checkFilterValue encodes v and checks it is a JSON scalar or, when
// wantArray, an array of scalars.
func checkFilterValue(v any, wantArray bool) string {
	b, err := marshalNoEscape(v)
	if err != nil {
		return "the value cannot be encoded: " + err.Error()
	}
	var tree any
	if err := json.Unmarshal(b, &tree); err != nil {
		return "the value does not encode to JSON: " + err.Error()
	}
	switch t := tree.(type) {
	case []any:
		if !wantArray {
			return "an array value needs the operator in or not_in"
		}
		for _, e := range t {
			switch e.(type) {
			case []any, map[string]any:
				return "the array holds a " + jsonKind(e) + "; only strings, numbers and booleans are allowed"
			}
		}
	case map[string]any:
		return "the value is an object; only strings, numbers, booleans and null are allowed"
	default:
		if wantArray {
			return "in and not_in need an array value"
		}
	}
	return ""
}

// joinErrors is errors.Join that returns the only error unwrapped.
func joinErrors(errs []error) error {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	return errors.Join(errs...)
}
