package sdk

import (
	"reflect"
	"sync"
)

// hasWireProblem reports whether a decoded value holds an Opt, Time or
// Filter that kept a wire value it could not decode. It walks only the
// parts of the type that can hold one (a plan cached per type), reads the
// kept state through reflection without allocating, and stops at the first
// problem: cheap for a type without such fields, linear in their number
// otherwise.
func hasWireProblem(v reflect.Value) bool {
	if !v.IsValid() {
		return false
	}
	p := scanPlanOf(v.Type())
	return p != nil && p.scan(v)
}

type scanKind uint8

const (
	scanOpt scanKind = iota + 1
	scanTime
	scanFilter
	scanStruct
	scanList // slice or array
	scanMap
	scanPointer
	scanSum // an element of a polymorphic array: its kind's plan
)

// scanPlan says how to look for kept wire values in one type; a nil plan
// means the type cannot hold any.
type scanPlan struct {
	kind   scanKind
	fields []scanField // scanStruct: the fields that can hold some
	elem   *scanPlan   // scanList, scanMap, scanPointer: the elements; scanOpt: the value
	state  int         // scanOpt: index of the state field
	raw    int         // scanTime, scanFilter: index of the raw field
}

type scanField struct {
	index int
	plan  *scanPlan
}

func (p *scanPlan) scan(v reflect.Value) bool {
	switch p.kind {
	case scanOpt:
		switch optState(v.Field(p.state).Uint()) {
		case optInvalid, optPartial:
			return true
		case optValue:
			return p.elem != nil && p.elem.scan(v.Field(0))
		}
	case scanTime:
		return timeWireProblem(v.Field(p.raw).String())
	case scanFilter:
		return filterWireProblem(v.Field(p.raw).String())
	case scanStruct:
		for _, f := range p.fields {
			if f.plan.scan(v.Field(f.index)) {
				return true
			}
		}
	case scanList:
		for i := range v.Len() {
			if p.elem.scan(v.Index(i)) {
				return true
			}
		}
	case scanMap:
		for it := v.MapRange(); it.Next(); {
			if p.elem.scan(it.Value()) {
				return true
			}
		}
	case scanPointer:
		return !v.IsNil() && p.elem.scan(v.Elem())
	case scanSum:
		if v.IsNil() {
			return false
		}
		e := v.Elem()
		ep := scanPlanOf(e.Type())
		return ep != nil && ep.scan(e)
	}
	return false
}

var scanPlans sync.Map // reflect.Type -> *scanPlan (a typed nil for none)

func scanPlanOf(t reflect.Type) *scanPlan {
	if p, ok := scanPlans.Load(t); ok {
		return p.(*scanPlan)
	}
	p := buildScanPlan(t, map[reflect.Type]*scanPlan{})
	scanPlans.Store(t, p)
	return p
}

// buildScanPlan builds the plan for t. building holds the plans of the
// types being built, so a recursive type refers to its own plan (and is
// scanned, conservatively, even if it turns out to hold nothing).
func buildScanPlan(t reflect.Type, building map[reflect.Type]*scanPlan) *scanPlan {
	if p, ok := building[t]; ok {
		return p
	}
	switch {
	case sumOf(t) != nil:
		return &scanPlan{kind: scanSum}
	case t == timeType:
		return &scanPlan{kind: scanTime, raw: fieldIndex(t, "raw")}
	case t == filterType:
		return &scanPlan{kind: scanFilter, raw: fieldIndex(t, "raw")}
	case t.Kind() == reflect.Struct && t.Implements(optMarkerType):
		p := &scanPlan{kind: scanOpt, state: fieldIndex(t, "state")}
		building[t] = p
		p.elem = buildScanPlan(t.Field(0).Type, building)
		return p
	}
	p := &scanPlan{}
	building[t] = p
	defer delete(building, t)
	switch t.Kind() {
	case reflect.Struct:
		p.kind = scanStruct
		for i := range t.NumField() {
			if fp := buildScanPlan(t.Field(i).Type, building); fp != nil {
				p.fields = append(p.fields, scanField{index: i, plan: fp})
			}
		}
		if len(p.fields) == 0 {
			return nil
		}
	case reflect.Slice, reflect.Array, reflect.Map, reflect.Pointer:
		p.elem = buildScanPlan(t.Elem(), building)
		if p.elem == nil {
			return nil
		}
		p.kind = map[reflect.Kind]scanKind{reflect.Slice: scanList, reflect.Array: scanList,
			reflect.Map: scanMap, reflect.Pointer: scanPointer}[t.Kind()]
	default:
		return nil
	}
	return p
}

func fieldIndex(t reflect.Type, name string) int {
	f, ok := t.FieldByName(name)
	if !ok || len(f.Index) != 1 {
		panic("sdk: " + t.String() + " has no field " + name)
	}
	return f.Index[0]
}
