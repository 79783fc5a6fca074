package sdk

import (
	"fmt"
	"strconv"
	"strings"
)

// MaxOrderByRules is the most sorting rules an OrderBy may hold.
const MaxOrderByRules = 3

// OrderBy is the order_by field of a request: up to three sorting rules,
// each a field name and a direction joined by a comma, e.g.
//
//	sdk.OrderBy{sdk.Desc("backlinks"), sdk.Asc("rank")} // ["backlinks,desc","rank,asc"]
type OrderBy []string

// Asc returns the rule sorting by field in ascending order: "field,asc".
func Asc(field string) string { return field + ",asc" }

// Desc returns the rule sorting by field in descending order: "field,desc".
func Desc(field string) string { return field + ",desc" }

// Validate reports whether o has at most MaxOrderByRules rules, each a field
// name (letters, digits, "_" and ".") followed by ",asc" or ",desc". The
// *ValidationError values name the rule, e.g. "[1]"; wrap them with
// ValidateField to name the request field.
func (o OrderBy) Validate() error { return ValidateOrderBy(o, MaxOrderByRules) }

// ValidateOrderBy is o.Validate with the field's own documented maximum of
// rules (the generated Validate methods pass it): each problem is reported
// once.
func ValidateOrderBy(o OrderBy, maxRules int) error {
	var errs []error
	if len(o) > maxRules {
		errs = append(errs, &ValidationError{Reason: fmt.Sprintf("has %d sorting rules, at most %d are allowed", len(o), maxRules)})
	}
	for i, rule := range o {
		if !validOrderRule(rule) {
			errs = append(errs, &ValidationError{Field: "[" + strconv.Itoa(i) + "]",
				Reason: fmt.Sprintf("%q is not a sorting rule like \"rank,desc\"", rule)})
		}
	}
	return joinErrors(errs)
}

func validOrderRule(rule string) bool {
	field, dir, ok := strings.Cut(rule, ",")
	if !ok || field == "" || (dir != "asc" && dir != "desc") {
		return false
	}
	for _, c := range field {
		if !(c == '_' || c == '.' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
			return false
		}
	}
	return true
}
