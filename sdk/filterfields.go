package sdk

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// FilterType is the type the docs' filters appendix gives a filterable
// field; it says which operators a condition on the field may use.
type FilterType string

// The filter types of the docs.
const (
	FilterStr      FilterType = "str"
	FilterNum      FilterType = "num"
	FilterBool     FilterType = "bool"
	FilterTime     FilterType = "time"
	FilterArrayStr FilterType = "array.str"
	FilterArrayNum FilterType = "array.num"
)

// FilterName is a field name a filter takes, or a pattern of names: a
// segment starting with "$" stands for any one segment, as the docs write
// them ("$key.rank" is "1.rank", "2.rank", ...; "referring_links_tld.$tld"
// is "referring_links_tld.com", ...). The generated packages declare one
// constant per field of each endpoint's filters.
type FilterName string

// IsPattern reports whether n has a "$" placeholder segment.
func (n FilterName) IsPattern() bool {
	return slices.ContainsFunc(strings.Split(string(n), "."), isPlaceholder)
}

func isPlaceholder(seg string) bool { return strings.HasPrefix(seg, "$") }

// With fills n's placeholders in order: FilterName("$key.rank").With("2")
// is "2.rank". Missing values leave their placeholders as they are.
func (n FilterName) With(values ...string) string {
	segs := strings.Split(string(n), ".")
	for i, s := range segs {
		if isPlaceholder(s) && len(values) > 0 {
			segs[i], values = values[0], values[1:]
		}
	}
	return strings.Join(segs, ".")
}

// F returns the condition [n, op, value] (sdk.F with n as the field).
func (n FilterName) F(op string, value any) Filter { return F(string(n), op, value) }

// matches reports whether field is n, or an instance of n's pattern.
func (n FilterName) matches(field string) bool {
	want, got := strings.Split(string(n), "."), strings.Split(field, ".")
	if len(want) != len(got) {
		return false
	}
	for i := range want {
		if want[i] != got[i] && !(isPlaceholder(want[i]) && got[i] != "") {
			return false
		}
	}
	return true
}

// FilterField is one field a filter takes, as the filters appendix lists
// it: its name (or pattern), its type and the operators it supports.
type FilterField struct {
	Name      FilterName
	Type      FilterType
	Operators []string
}

// FilterFields is the list of fields one endpoint's filters take. The
// generated Validate methods check filters against it: a condition on a
// field the list does not have, or with an operator its field does not
// support, is refused before anything is sent. The appendix can lag the
// API: a condition built with Unlisted is not checked against the list.
type FilterFields struct {
	fields []FilterField
	exact  map[string]int // index of the fields without placeholders
}

// NewFilterFields returns the list of fields; the generated packages
// build one per endpoint from the spec.
func NewFilterFields(fields ...FilterField) *FilterFields {
	ff := &FilterFields{fields: fields, exact: map[string]int{}}
	for i, f := range fields {
		if !f.Name.IsPattern() {
			ff.exact[string(f.Name)] = i
		}
	}
	return ff
}

// Fields returns the fields, in the docs' order.
func (ff *FilterFields) Fields() []FilterField { return slices.Clone(ff.fields) }

// Lookup finds the field a condition's field name stands for: a listed
// name, else the first pattern it is an instance of.
func (ff *FilterFields) Lookup(field string) (FilterField, bool) {
	if i, ok := ff.exact[field]; ok {
		return ff.fields[i], true
	}
	for _, f := range ff.fields {
		if f.Name.IsPattern() && f.Name.matches(field) {
			return f, true
		}
	}
	return FilterField{}, false
}

// Check reports every condition of f whose field the list does not have,
// or whose operator the field does not support, each a *ValidationError
// naming its place in the filter's JSON ("[2][0]" is the field of the
// second condition of a group); nil when every condition passes.
// Conditions built with Unlisted are not checked. Check does not check the
// grammar: Filter.Validate does.
func (ff *FilterFields) Check(f Filter) error {
	if ff == nil || f.node == nil {
		return nil
	}
	var errs []error
	ff.check(f.node, "", &errs)
	return joinErrors(errs)
}

func (ff *FilterFields) check(n *filterNode, path string, errs *[]error) {
	if n.parts != nil {
		for i, p := range n.parts {
			if p.node != nil {
				ff.check(p.node, path+"["+strconv.Itoa(2*i)+"]", errs)
			}
		}
		return
	}
	if n.unlisted || n.field == "" {
		return
	}
	field, ok := ff.Lookup(n.field)
	switch {
	case !ok:
		*errs = append(*errs, &ValidationError{Field: path + "[0]",
			Reason: fmt.Sprintf("%q is not a field the docs list for these filters (build the condition with sdk.Unlisted to send it anyway)", n.field)})
	case len(field.Operators) > 0 && !slices.Contains(field.Operators, n.op):
		*errs = append(*errs, &ValidationError{Field: path + "[1]",
			Reason: fmt.Sprintf("operator %q is not supported by %s (%s): use one of %s", n.op, n.field, field.Type, strings.Join(field.Operators, ", "))})
	}
}

// Unlisted returns the condition [field, op, value] like F, for a field
// the docs' filters appendix does not list (yet), or an operator it does
// not give the field: the generated Validate methods check its grammar
// (the operator must still be one the API knows, the value of the right
// shape) but not its field or operator against the list.
func Unlisted(field, op string, value any) Filter {
	f := F(field, op, value)
	f.node.unlisted = true
	return f
}
