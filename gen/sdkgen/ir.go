package sdkgen

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/gen/goname"
	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// The intermediate representation: what the emitters write, with every
// name decided and every schema turned into a Go type. Building it is the
// only place that reads the OpenAPI document.

// Section is one generated package: one API section ("backlinks").
type Section struct {
	Package string // "backlinks"
	Title   string // "Backlinks"
	Doc     string // the section's overview (its tag's description), markdown
	// FilterSets are the filters appendix's lists of fields, per endpoint.
	FilterSets []*FilterSet
	Ops        []*Operation
	Flows      []*Flow   // the task flows, by function and variant (ir_flow.go)
	FlowGaps   []FlowGap // functions with some steps of a flow and no whole one
	Structs    []*Struct // in name order
	Enums      []*Enum   // in name order
	Sums       []*Sum    // in name order (ir_sum.go)
}

// Operation is one endpoint.
type Operation struct {
	Name        string // "ReferringDomainsLive"
	Method      string
	Path        string
	PathParams  []string // names of {params}, in path order
	Summary     string
	Description string
	Request     *Struct // one task; nil without a request body
	Data        string  // Go name of the data (echo) struct
	Result      *GoType // element of a task's result
	Pager       *Pager  // nil when the operation does not page
	Free        bool    // a GET whose every documented answer costs 0 (documentedFree)
}

// Pager says how an operation pages: limit/offset in the request,
// total_count and items in the result.
type Pager struct {
	Item     *GoType // the items' element type
	MaxLimit int64   // the documented maximum of limit, 0 if none
	TotalOpt bool    // total_count is an sdk.Opt (not always sent)
}

// Struct is a Go struct from an object component.
type Struct struct {
	Name      string
	Component string // the spec's component name
	Role      string // what the type is, for its godoc: "one task of the X request"
	Doc       string
	Embed     string // a struct embedded first (the request in a Data struct)
	Fields    []*Field
	Request   bool   // a request type: gets a Validate method
	Sums      []*Sum // the polymorphic element types it is a kind of
	roles     []string
}

// Field is one struct field.
type Field struct {
	Name     string // Go name
	JSON     string // wire name
	Doc      string
	Type     *GoType // the field's type as declared (Opt and pointers included)
	Base     *GoType // the type inside Opt or the pointer
	Optional bool    // wrapped in sdk.Opt or a pointer, or a collection left out when empty
	Tag      string  // the json tag
	Rules    Rules
}

// Rules are the constraints Validate checks on a request field.
type Rules struct {
	Required      bool
	Nullable      bool // null is a documented value (an Opt may be sent as null)
	Maximum       *float64
	Minimum       *float64
	MaxLength     *uint64
	MaxItems      *uint64
	MaxConditions int
	Enum          *Enum  // for strings and arrays of strings
	FilterFields  string // the sdk.FilterFields variable a filter is checked against, "" for none
}

// Enum is a string type with named constants.
type Enum struct {
	Name   string
	Doc    string
	Values []EnumValue
	field  string      // the wire name of the fields it types
	key    string      // the field and the values
	owners []enumOwner // the structs with such a field
	types  []*GoType   // the Go types that name it, named with it
}

// EnumValue is one constant.
type EnumValue struct{ Name, Value string }

// Kind classifies a Go type for the emitters.
type Kind int

// The kinds of Go types.
const (
	Scalar  Kind = iota // string, int64, float64, bool
	Time                // sdk.Time
	Named               // an enum type
	Slice               // []Elem
	Map                 // map[string]Elem
	StructK             // a generated struct
	Filter              // sdk.Filter
	OrderBy             // sdk.OrderBy
	Any                 // any
	OptK                // sdk.Opt[Elem]
	Pointer             // *Elem
	SumK                // a polymorphic element type: a generated interface (ir_sum.go)
)

// GoType is a Go type as the emitters need it.
type GoType struct {
	Kind Kind
	Name string  // "string", "int64", the struct or enum name
	Elem *GoType // for Slice, Map, OptK, Pointer
	Enum *Enum
	Sum  *Sum // for SumK
}

// component names the schema a reference points to.
func component(ref string) string { return strings.TrimPrefix(ref, "#/components/schemas/") }

// builder builds the sections of a document.
type builder struct {
	doc      *openapi3.T
	sections map[string]*sectionBuilder
}

type sectionBuilder struct {
	*Section
	prefix     string             // component name prefix: "Backlinks"
	types      *goname.Pool       // type names of the package
	structs    map[string]*Struct // by component name
	enums      map[string]*Enum   // by field wire name and values
	sums       map[string]*Sum    // by component name
	docSchemas openapi3.Schemas
}

// Build turns the document into sections, in package order.
func Build(doc *openapi3.T) ([]*Section, error) {
	if err := checkEnvelope(doc); err != nil {
		return nil, err
	}
	b := &builder{doc: doc, sections: map[string]*sectionBuilder{}}
	paths := doc.Paths.InMatchingOrder()
	slices.Sort(paths)
	for _, path := range paths {
		item := doc.Paths.Value(path)
		methods := make([]string, 0, 2)
		for m := range item.Operations() {
			methods = append(methods, m)
		}
		slices.Sort(methods)
		for _, m := range methods {
			if err := b.operation(path, m, item.GetOperation(m)); err != nil {
				return nil, fmt.Errorf("%s %s: %w", m, path, err)
			}
		}
	}
	var out []*Section
	for _, sb := range b.sections {
		structs := map[string]bool{}
		for _, st := range sb.Structs {
			structs[st.Name] = true
		}
		sb.nameEnums(structs)
		for _, st := range sb.Structs {
			st.Role = joinRoles(st.Role, st.roles)
		}
		resolvePagers(sb.Section)
		if err := resolveFlows(sb.Section); err != nil {
			return nil, err
		}
		slices.SortFunc(sb.Structs, func(x, y *Struct) int { return strings.Compare(x.Name, y.Name) })
		slices.SortFunc(sb.Enums, func(x, y *Enum) int { return strings.Compare(x.Name, y.Name) })
		slices.SortFunc(sb.Sums, func(x, y *Sum) int { return strings.Compare(x.Name, y.Name) })
		out = append(out, sb.Section)
	}
	slices.SortFunc(out, func(x, y *Section) int { return strings.Compare(x.Package, y.Package) })
	return out, nil
}

func (b *builder) section(tag string) *sectionBuilder {
	sb := b.sections[tag]
	if sb == nil {
		sb = &sectionBuilder{
			Section:    &Section{Package: strings.ToLower(goname.Unexported(tag)), Title: goname.Exported(tag)},
			prefix:     contract.Camel(tag),
			types:      goname.NewPool("Service", "New", "Operations"),
			structs:    map[string]*Struct{},
			enums:      map[string]*Enum{},
			sums:       map[string]*Sum{},
			docSchemas: b.doc.Components.Schemas,
		}
		for _, t := range b.doc.Tags {
			if t.Name == tag {
				sb.Doc = t.Description
			}
		}
		b.sections[tag] = sb
	}
	return sb
}

// checkEnvelope makes sure the spec's shared envelope is what sdk.Response
// and sdk.Task hold (read from their json tags), so that a change of the
// docs' envelope fails the generator instead of silently dropping a field.
func checkEnvelope(doc *openapi3.T) error {
	known := map[string][]string{
		contract.ResponseEnvelope: jsonNames(reflect.TypeFor[sdk.Response[struct{}, struct{}]]()),
		contract.TaskEnvelope:     jsonNames(reflect.TypeFor[sdk.Task[struct{}, struct{}]]()),
	}
	for name, fields := range known {
		s := doc.Components.Schemas[name]
		if s == nil {
			return fmt.Errorf("the spec has no %s component", name)
		}
		for p := range s.Value.Properties {
			if !slices.Contains(fields, p) {
				return fmt.Errorf("%s has a field %q that sdk.Response/sdk.Task do not: add it to sdk/envelope.go", name, p)
			}
		}
	}
	return nil
}

// jsonNames lists the json names of a struct's fields.
func jsonNames(t reflect.Type) []string {
	var names []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		names = append(names, name)
	}
	return names
}
