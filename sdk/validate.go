package sdk

import (
	"errors"
	"reflect"
	"strconv"
	"sync"
)

// ValidationError is a request field that breaks a documented rule. The
// generated Validate methods return them, several joined with errors.Join;
// Client.Post runs Validate on its tasks before sending anything. It matches
// ErrInvalidRequest with errors.Is.
type ValidationError struct {
	// Field is the JSON path of the field, e.g. "target", "filters[2][1]",
	// or "[0].limit" for the first task of a request.
	Field string
	// Reason says which rule the value breaks.
	Reason string
}

// Error returns "dataforseo: invalid FIELD: REASON".
func (e *ValidationError) Error() string {
	if e.Field == "" {
		return "dataforseo: invalid request: " + e.Reason
	}
	return "dataforseo: invalid " + e.Field + ": " + e.Reason
}

// Is reports whether target is ErrInvalidRequest.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalidRequest }

// ValidateField places err under field: every *ValidationError in err
// (joined ones included) gets field prefixed to its Field, and any other
// error becomes a *ValidationError for field. It returns nil when err is nil,
// so generated code can write
//
//	errs = append(errs, sdk.ValidateField("filters", r.Filters.Validate()))
//	return errors.Join(errs...)
func ValidateField(field string, err error) error {
	if err == nil {
		return nil
	}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		var errs []error
		for _, e := range joined.Unwrap() {
			errs = append(errs, ValidateField(field, e))
		}
		return joinErrors(errs)
	}
	var ve *ValidationError
	if errors.As(err, &ve) {
		return &ValidationError{Field: joinPath(field, ve.Field), Reason: ve.Reason}
	}
	return &ValidationError{Field: field, Reason: err.Error()}
}

// joinPath joins a field path and a path below it.
func joinPath(field, sub string) string {
	switch {
	case field == "":
		return sub
	case sub == "":
		return field
	case sub[0] == '[':
		return field + sub
	}
	return field + "." + sub
}

// validator is what generated request types implement.
type validator interface{ Validate() error }

var validatorType = reflect.TypeFor[validator]()

// validatesElems caches, per slice or array type, whether its elements (or
// pointers to them) implement validator.
var validatesElems sync.Map // reflect.Type -> bool

// validateTasks runs Validate on each element of a slice or array of
// tasks (naming them "[i]").
func validateTasks(rv reflect.Value) error {
	t := rv.Type()
	ok, cached := validatesElems.Load(t)
	if !cached {
		e := t.Elem()
		ok = e.Implements(validatorType) || reflect.PointerTo(e).Implements(validatorType)
		validatesElems.Store(t, ok)
	}
	if !ok.(bool) {
		return nil
	}
	var errs []error
	for i := range rv.Len() {
		elem := rv.Index(i)
		if elem.Kind() == reflect.Pointer && elem.IsNil() {
			errs = append(errs, &ValidationError{Field: "[" + strconv.Itoa(i) + "]", Reason: "the task is nil"})
			continue
		}
		v, isV := elem.Interface().(validator)
		if !isV {
			if !elem.CanAddr() {
				elem = copyAddressable(elem)
			}
			v = elem.Addr().Interface().(validator)
		}
		errs = append(errs, ValidateField("["+strconv.Itoa(i)+"]", v.Validate()))
	}
	return errors.Join(errs...)
}

func copyAddressable(v reflect.Value) reflect.Value {
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	return c
}
