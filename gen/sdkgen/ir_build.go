package sdkgen

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/gen/goname"
	"github.com/dataforseo-go/dataforseo/spec/contract"
)

var pathParam = regexp.MustCompile(`\{([^}]+)\}`)

func (b *builder) operation(path, method string, op *openapi3.Operation) error {
	if len(op.Tags) == 0 {
		return fmt.Errorf("no tag names the API section")
	}
	sb := b.section(op.Tags[0])
	resp := op.Responses.Status(200)
	if resp == nil || resp.Value.Content.Get("application/json") == nil {
		return fmt.Errorf("no JSON 200 response")
	}
	respRef := resp.Value.Content.Get("application/json").Schema
	full, ok := strings.CutSuffix(component(respRef.Ref), "Response")
	if !ok {
		return fmt.Errorf("the response schema %q is not a ...Response component", respRef.Ref)
	}
	o := &Operation{
		Name:        sb.goName(full),
		Method:      method,
		Path:        path,
		Summary:     op.Summary,
		Description: op.Description,
		Free:        method == "GET" && documentedFree(resp.Value.Content.Get("application/json")),
	}
	for _, m := range pathParam.FindAllStringSubmatch(path, -1) {
		o.PathParams = append(o.PathParams, m[1])
	}
	o.Name = sb.byParamName(o, full)
	tasks, err := own(respRef.Value, "tasks")
	if err != nil {
		return fmt.Errorf("response: %w", err)
	}
	if tasks.Value.Items == nil || tasks.Value.Items.Ref == "" {
		return fmt.Errorf("response: tasks is not an array of a task component")
	}
	task := tasks.Value.Items.Value
	if op.RequestBody != nil {
		body := op.RequestBody.Value.Content.Get("application/json")
		if body == nil || body.Schema.Value.Items == nil || body.Schema.Value.Items.Ref == "" {
			return fmt.Errorf("request body is not an array of a task component")
		}
		o.Request = sb.structFor(component(body.Schema.Value.Items.Ref), true,
			fmt.Sprintf("one task of a %s request: the request body is a slice of them", o.Name))
	}
	data, err := own(task, "data")
	if err != nil {
		return fmt.Errorf("task: %w", err)
	}
	o.Data = sb.dataStruct(component(data.Ref), o.Request).Name
	result, err := own(task, "result")
	if err != nil {
		return fmt.Errorf("task: %w", err)
	}
	o.Result = sb.goType(result.Value.Items, "result", false, o.Name+"Task")
	o.Pager = pager(o)
	sb.Ops = append(sb.Ops, o)
	return nil
}

// own finds a property in the operation's own part of an allOf schema
// (the part that is not the shared envelope) and refuses any other: the
// generic sdk.Response and sdk.Task have no room for them.
func own(s *openapi3.Schema, name string) (*openapi3.SchemaRef, error) {
	if len(s.AllOf) != 2 {
		return nil, fmt.Errorf("expected allOf [envelope, own fields]")
	}
	props := s.AllOf[1].Value.Properties
	for p := range props {
		if p != name && !(name != "tasks" && (p == "data" || p == "result")) {
			return nil, fmt.Errorf("field %q beside the shared envelope is not supported by sdk.Response/sdk.Task", p)
		}
	}
	if props[name] == nil {
		return nil, fmt.Errorf("no %q field", name)
	}
	return props[name], nil
}

// pager recognises a paged operation: limit and offset in the request,
// total_count and items in the result.
func pager(o *Operation) *Pager {
	if o.Request == nil || o.Result == nil || o.Result.Kind != StructK {
		return nil
	}
	var limit *Field
	var offset bool
	for _, f := range o.Request.Fields {
		switch {
		case f.JSON == contract.Limit && f.Base.Name == "int64" && f.Type.Kind == OptK:
			limit = f
		case f.JSON == contract.Offset && f.Base.Name == "int64" && f.Type.Kind == OptK:
			offset = true
		}
	}
	if limit == nil || !offset {
		return nil
	}
	p := &Pager{}
	if limit.Rules.Maximum != nil {
		p.MaxLimit = int64(*limit.Rules.Maximum)
	}
	return p
}

// resolvePagers fills each pager's item type once all structs are built.
func resolvePagers(s *Section) {
	byName := map[string]*Struct{}
	for _, st := range s.Structs {
		byName[st.Name] = st
	}
	for _, o := range s.Ops {
		if o.Pager == nil {
			continue
		}
		r := byName[o.Result.Name]
		var total, items *Field
		for _, f := range r.Fields {
			switch f.JSON {
			case contract.Total:
				total = f
			case contract.Items:
				items = f
			}
		}
		if total == nil || items == nil || items.Type.Kind != Slice || total.Base.Name != "int64" ||
			(total.Type.Kind != Scalar && total.Type.Kind != OptK) {
			o.Pager = nil
			continue
		}
		o.Pager.Item = items.Type.Elem
		o.Pager.TotalOpt = total.Type.Kind == OptK
	}
}

// structFor makes the struct of an object component.
func (sb *sectionBuilder) structFor(comp string, request bool, role string) *Struct {
	if s := sb.structs[comp]; s != nil {
		s.roles = append(s.roles, role)
		return s
	}
	schema := sb.schema(comp)
	s := &Struct{Name: sb.types.Name(sb.goName(comp), comp), Doc: schema.Description, Request: request, Role: role, Component: comp}
	s.roles = []string{role}
	sb.structs[comp] = s
	sb.Structs = append(sb.Structs, s)
	sb.fields(s, schema, request)
	return s
}

// dataStruct makes the struct of a task's data: the request embedded,
// plus api, function and what else the API echoes.
func (sb *sectionBuilder) dataStruct(comp string, req *Struct) *Struct {
	if s := sb.structs[comp]; s != nil {
		return s // a second path of the same response (rule G2 of gen/spec)
	}
	schema := sb.schema(comp)
	s := &Struct{Name: sb.types.Name(sb.goName(comp), comp), Doc: schema.Description, Component: comp}
	s.Role = "the data of a " + strings.TrimSuffix(s.Name, "Data") + " task: the echo of its request, with api and function"
	sb.structs[comp] = s
	sb.Structs = append(sb.Structs, s)
	if len(schema.AllOf) == 2 && req != nil {
		s.Embed = req.Name
		schema = schema.AllOf[1].Value
	}
	sb.fields(s, schema, false)
	return s
}

func (sb *sectionBuilder) schema(comp string) *openapi3.Schema {
	return sb.docSchemas[comp].Value
}

func (sb *sectionBuilder) fields(s *Struct, schema *openapi3.Schema, request bool, reserved ...string) {
	names := fieldOrder(schema)
	if request {
		reserved = append(reserved, "Validate")
	}
	pool := goname.NewPool(reserved...)
	for _, n := range names {
		s.Fields = append(s.Fields, sb.field(s, pool, n, schema.Properties[n], slices.Contains(schema.Required, n), request))
	}
}

func (sb *sectionBuilder) field(s *Struct, pool *goname.Pool, name string, ref *openapi3.SchemaRef, required, request bool) *Field {
	base := sb.goType(ref, name, request, s.Name)
	v := ref.Value
	f := &Field{Name: pool.Name(goname.Exported(name), name), JSON: name, Doc: v.Description, Base: base, Type: base}
	wrap := func(k Kind) {
		f.Type, f.Optional = &GoType{Kind: k, Elem: base}, true
	}
	opt := "omitzero"
	switch {
	case request && !required:
		switch base.Kind {
		case Scalar, Time, Named:
			wrap(OptK)
		case StructK:
			wrap(Pointer)
			opt = "omitempty"
		case Slice, Map, OrderBy, Any:
			f.Optional, opt = true, "omitempty"
		case Filter:
			f.Optional = true
		}
	case !request && !required:
		// A response field not always sent: missing stays missing when
		// re-encoded, and Opt tells missing, null and a value apart.
		switch base.Kind {
		case Scalar, Time, Named:
			wrap(OptK)
		case StructK:
			// An object not always sent that may be null has three
			// states, as an Opt has (a kind's field that one operation's
			// examples leave out and another's write as null); one that is
			// never null is a pointer, nil when missing.
			if v.Nullable {
				wrap(OptK)
			} else {
				wrap(Pointer)
			}
		case Slice, Map, Any:
			// The same for a collection: nil is missing, unless it may
			// be null too.
			if v.Nullable {
				wrap(OptK)
			} else {
				f.Optional = true
			}
		}
	case v.Nullable && !request:
		switch base.Kind {
		case Scalar, Time, Named:
			wrap(OptK)
		case StructK:
			wrap(Pointer)
			opt = ""
		}
	}
	f.Tag = name
	if f.Optional && opt != "" {
		f.Tag += "," + opt
	}
	if request {
		f.Rules = Rules{Required: required, Nullable: v.Nullable, Maximum: v.Max, Minimum: v.Min, MaxLength: v.MaxLength, MaxItems: v.MaxItems, Enum: base.Enum}
		if base.Kind == Slice && base.Elem.Enum != nil {
			f.Rules.Enum = base.Elem.Enum
		}
		if n, ok := v.Extensions[contract.ExtMaxConditions].(float64); ok {
			f.Rules.MaxConditions = int(n)
		}
		f.Rules.FilterFields = sb.filterSet(v)
	}
	return f
}

// goName turns a component name into the Go name in its section's
// package: the section prefix goes, and each word is spelled as Go
// spells it ("SerpIdListItem" in serp is "IDListItem").
func (sb *sectionBuilder) goName(comp string) string {
	return goname.Exported(strings.TrimPrefix(comp, sb.prefix))
}

// fieldOrder is the order of a schema's fields: the docs' (contract.ExtOrder),
// then any field it does not list, in name order.
func fieldOrder(schema *openapi3.Schema) []string {
	var names []string
	if list, ok := schema.Extensions[contract.ExtOrder].([]any); ok {
		for _, v := range list {
			if n, ok := v.(string); ok && schema.Properties[n] != nil && !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	var rest []string
	for n := range schema.Properties {
		if !slices.Contains(names, n) {
			rest = append(rest, n)
		}
	}
	slices.Sort(rest)
	return append(names, rest...)
}

// byParamName names an operation whose response another operation of the
// section already has, a second path that ends in a parameter (GET
// .../locations/{country}): its name is the other's, by its last
// parameter (contract.ByParam), so that the two methods differ.
func (sb *sectionBuilder) byParamName(o *Operation, full string) string {
	for _, other := range sb.Ops {
		if other.Name == o.Name && len(o.PathParams) > len(other.PathParams) {
			return sb.goName(contract.ByParam(full, o.PathParams[len(o.PathParams)-1]))
		}
	}
	return o.Name
}
