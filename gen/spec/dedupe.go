package spec

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// Shared types (rules T1-T8 in doc.go): once every operation is built,
// the object components of a section that have the same shape become one
// component, named for what it is (naming.go), and every reference to the
// ones it replaces, $ref and discriminator mapping alike, follows.

// role says how far a component may be shared.
type role int

const (
	roleKept   role = iota // left as built: an operation's own roots, request types, the shared envelope and grammar
	roleFunc               // the result or item of a live or task_get: one per function and variant (T4)
	roleStep               // the result or item of another step or of an operation of no flow (T4)
	roleNested             // any other object of a response: one per shape in the section (T1)
)

// use is one place a component is referred to from.
type use struct {
	from   string // the referring component
	field  string // the property of from on the way ("" at from's top level)
	many   bool   // an element of an array, or a value of a map
	member bool   // a member of a oneOf/anyOf
	keys   []string
}

// comp is what the pass knows of one component.
type comp struct {
	name     string
	role     role
	sections map[string]bool
	funcs    map[string]bool // the functions (paths of no flow) whose responses reach it
	section  string          // the one section that reaches it, "" for none or several
	root     string          // roleFunc/roleStep: the group key (function and variant, or step, or operation)
	roots    map[string]bool // every root key that asked for it
	want     string          // roleFunc/roleStep: the name wanted; roleNested: computed from the uses
	qualify  string          // roleStep: what qualifies the name when another shape wants it
	part     string          // roleFunc/roleStep: "Result" or "Item"
	step     string          // roleFunc: live or task_get
	base     string          // the signature without the classes of the references
	refs     []string
	class    int
	uses     []use
}

// group is the components that become one.
type shareGroup struct {
	key     string
	section string
	role    role
	members []*comp // by name
	name    string  // the final name
	rule    string  // the naming rule that gave it
	kinds   []string
	rep     string           // the member whose schema is the base (T8)
	merged  *openapi3.Schema // the merged schema, nil for one member
	differ  int              // places where the members' descriptions differ
	pooled  int              // places where their required or nullable differ
}

type dedupe struct {
	doc    *openapi3.T
	comps  map[string]*comp
	names  []string // component names, sorted
	groups []*shareGroup
	of     map[string]*shareGroup // by member name
	unions []flowUnion
}

// shareTypes runs the pass and reports every merge and rename.
func (b *builder) shareTypes() {
	shared, flows := ShareTypes(b.doc)
	b.report.Shared = append(b.report.Shared, shared...)
	b.report.Flows = append(b.report.Flows, flows...)
}

// ShareTypes makes the object components of one shape in each section of
// doc one component, named by rules T1-T8, and points every reference at
// it; Build runs it last. It returns what it merged and renamed, and what
// it did with the live and task_get results that differ.
func ShareTypes(doc *openapi3.T) ([]SharedType, []FlowMerge) {
	d := newDedupe(doc)
	d.classify()
	unions := d.unionFlows()
	d = newDedupe(doc)
	d.classify()
	d.unions = unions
	d.refine()
	d.gather()
	d.merge()
	d.decideNames()
	d.rewrite()
	return d.report(), d.flows()
}

func newDedupe(doc *openapi3.T) *dedupe {
	d := &dedupe{doc: doc, comps: map[string]*comp{}, of: map[string]*shareGroup{}}
	d.names = slices.Sorted(maps.Keys(doc.Components.Schemas))
	for _, n := range d.names {
		d.comps[n] = &comp{name: n, sections: map[string]bool{}, funcs: map[string]bool{}}
	}
	for _, n := range d.names {
		s := doc.Components.Schemas[n].Value
		if s == nil {
			continue
		}
		walkUses(s, "", false, func(target string, u use) {
			if c := d.comps[target]; c != nil {
				u.from = n
				c.uses = append(c.uses, u)
			}
		})
	}
	return d
}

// walkUses calls visit for every component s refers to, with the property
// on the way.
func walkUses(s *openapi3.Schema, field string, many bool, visit func(target string, u use)) {
	var child func(sr *openapi3.SchemaRef, u use)
	child = func(sr *openapi3.SchemaRef, u use) {
		switch {
		case sr == nil:
		case sr.Ref != "":
			visit(refName(sr.Ref), u)
		case sr.Value != nil:
			walkUses(sr.Value, u.field, u.many, visit)
		}
	}
	for _, p := range slices.Sorted(maps.Keys(s.Properties)) {
		child(s.Properties[p], use{field: p})
	}
	child(s.Items, use{field: field, many: true})
	child(s.AdditionalProperties.Schema, use{field: field, many: true})
	for _, list := range []openapi3.SchemaRefs{s.OneOf, s.AnyOf} {
		for _, m := range list {
			u := use{field: field, many: many, member: true}
			if m.Ref != "" && s.Discriminator != nil {
				for _, k := range slices.Sorted(maps.Keys(s.Discriminator.Mapping)) {
					if s.Discriminator.Mapping[k].Ref == m.Ref {
						u.keys = append(u.keys, k)
					}
				}
			}
			child(m, u)
		}
	}
	for _, m := range s.AllOf {
		child(m, use{field: field, many: many})
	}
	child(s.Not, use{field: field, many: many})
}

// classify finds each component's sections and role (T2-T4).
func (d *dedupe) classify() {
	kept := map[string]bool{}
	request := map[string]bool{}
	for _, path := range slices.Sorted(maps.Keys(d.doc.Paths.Map())) {
		item := d.doc.Paths.Value(path)
		for _, method := range slices.Sorted(maps.Keys(item.Operations())) {
			op := item.GetOperation(method)
			if len(op.Tags) == 0 {
				continue
			}
			section := op.Tags[0]
			fn := path
			if f, _, _, ok := contract.FlowOf(path); ok {
				fn = f
			}
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				if mt := op.RequestBody.Value.Content.Get("application/json"); mt != nil && mt.Schema != nil {
					d.reach(mt.Schema, section, "", request)
					if it := mt.Schema.Value; it != nil && it.Items != nil && it.Items.Ref != "" {
						kept[refName(it.Items.Ref)] = true
					}
				}
			}
			resp := op.Responses.Status(200)
			if resp == nil || resp.Value == nil || resp.Value.Content.Get("application/json") == nil {
				continue
			}
			root := resp.Value.Content.Get("application/json").Schema
			d.reach(root, section, fn, nil)
			d.roots(path, root, kept)
		}
	}
	// A result or items component several functions or variants reach
	// (the section's polymorphic items, say) is no one's: it is named for
	// its field, and the section's items are its Item (T4).
	for _, c := range d.comps {
		if (c.role == roleFunc || c.role == roleStep) && len(c.roots) > 1 {
			c.role, c.root, c.want, c.qualify, c.step = roleNested, "", "", "", ""
			if c.part == contract.SuffixItem && len(c.sections) == 1 {
				// The section's items, of many functions: its Item (T4).
				for sec := range c.sections {
					c.role, c.root, c.want = roleStep, "U "+sec, contract.Camel(sec)+contract.SuffixItem
				}
			}
		}
	}
	// The envelope and the filter grammar belong to every section.
	for _, n := range []string{contract.ResponseEnvelope, contract.TaskEnvelope, contract.Filter,
		contract.FilterCondition, contract.FilterGroup, contract.OrderByRule} {
		kept[n] = true
		if c := d.comps[n]; c != nil {
			c.sections["\x00shared"] = true
			d.reach(&openapi3.SchemaRef{Ref: "#/components/schemas/" + n}, "\x00shared", "", nil)
		}
	}
	for _, c := range d.comps {
		if len(c.sections) == 1 {
			for s := range c.sections {
				c.section = s
			}
		}
		switch {
		case c.section == "" || c.section == "\x00shared" || kept[c.name] || request[c.name]:
			c.role = roleKept
		case c.role == roleKept && c.root == "":
			if s := d.doc.Components.Schemas[c.name].Value; s != nil && s.Type.Is(openapi3.TypeObject) || s != nil && (len(s.OneOf) > 0 || len(s.AnyOf) > 0) {
				c.role = roleNested
			}
		}
		if c.role == roleKept {
			c.root = ""
		}
	}
}

// reach marks every component sr leads to as reached from section (and
// as a request type when into is not nil).
func (d *dedupe) reach(sr *openapi3.SchemaRef, section, fn string, into map[string]bool) {
	seen := map[string]bool{}
	var walk func(s *openapi3.Schema)
	visit := func(target string, _ use) {
		c := d.comps[target]
		if c == nil || seen[target] {
			return
		}
		seen[target] = true
		c.sections[section] = true
		if fn != "" {
			c.funcs[fn] = true
		}
		if into != nil {
			into[target] = true
		}
		if s := d.doc.Components.Schemas[target].Value; s != nil {
			walk(s)
		}
	}
	walk = func(s *openapi3.Schema) { walkUses(s, "", false, visit) }
	switch {
	case sr.Ref != "":
		visit(refName(sr.Ref), use{})
	case sr.Value != nil:
		walk(sr.Value)
	}
}

// roots finds an operation's Response, Task and Data (kept: the
// operation's own) and its Result and the result's Item (T4).
func (d *dedupe) roots(path string, root *openapi3.SchemaRef, kept map[string]bool) {
	resp := d.target(root)
	if resp == "" {
		return
	}
	kept[resp] = true
	task := d.target(elem(d.own(resp, contract.Tasks)))
	if task == "" {
		return
	}
	kept[task] = true
	if data := d.target(d.own(task, contract.Data)); data != "" {
		kept[data] = true
	}
	result := d.target(elem(d.own(task, contract.Result)))
	if result == "" {
		return
	}
	opName, section := contract.OperationName(path)
	function, step, variant, ok := contract.FlowOf(path)
	set := func(name, part string) {
		c := d.comps[name]
		if c == nil || kept[name] {
			return
		}
		c.part = part
		switch {
		case ok && (step == contract.StepLive || step == contract.StepGet):
			fn, _ := contract.OperationName(function)
			c.role, c.root, c.want = roleFunc, "F "+function+" "+variant, fn+contract.Camel(variant)+part
			c.step = string(step)
		case ok:
			fn, _ := contract.OperationName(function)
			c.role, c.root = roleStep, "S "+string(step)
			c.want = contract.Camel(section) + contract.Camel(string(step)) + part
			c.qualify = fn + contract.Camel(string(step)) + part
		default:
			c.role, c.root, c.want = roleStep, "O "+path, opName+part
		}
		if c.roots == nil {
			c.roots = map[string]bool{}
		}
		c.roots[c.root] = true
	}
	set(result, contract.SuffixResult)
	if item := d.target(elem(d.own(result, contract.Items))); item != "" {
		set(item, contract.SuffixItem)
	}
}

// target is the component sr names, "" for an inline schema.
func (d *dedupe) target(sr *openapi3.SchemaRef) string {
	if sr == nil || sr.Ref == "" || d.comps[refName(sr.Ref)] == nil {
		return ""
	}
	return refName(sr.Ref)
}

// own finds a property of a component, in its allOf parts too.
func (d *dedupe) own(name, prop string) *openapi3.SchemaRef {
	s := d.doc.Components.Schemas[name].Value
	if s == nil {
		return nil
	}
	if p := s.Properties[prop]; p != nil {
		return p
	}
	for _, part := range s.AllOf {
		if part.Ref == "" && part.Value != nil && part.Value.Properties[prop] != nil {
			return part.Value.Properties[prop]
		}
	}
	return nil
}

func elem(sr *openapi3.SchemaRef) *openapi3.SchemaRef {
	if sr == nil || sr.Value == nil {
		return nil
	}
	return sr.Value.Items
}

// gather gathers the components that become one (T1, T4): nested ones of
// one section and class, of the same discriminator values when they are
// members of a discriminated oneOf; roots of one class and group key.
func (d *dedupe) gather() {
	byKey := map[string]*shareGroup{}
	for _, n := range d.names {
		c := d.comps[n]
		if c.role == roleKept {
			continue
		}
		kinds := memberKinds(c)
		key := fmt.Sprintf("%s\x00%d\x00%s\x00%s", c.section, c.class, c.root, strings.Join(kinds, ","))
		g := byKey[key]
		if g == nil {
			g = &shareGroup{key: key, section: c.section, role: c.role, kinds: kinds}
			byKey[key] = g
			d.groups = append(d.groups, g)
		}
		g.members = append(g.members, c)
		d.of[n] = g
	}
}

// memberKinds lists the discriminator values a component is the member for.
func memberKinds(c *comp) []string {
	var kinds []string
	for _, u := range c.uses {
		kinds = append(kinds, u.keys...)
	}
	slices.Sort(kinds)
	return slices.Compact(kinds)
}

// groupOf is the group of a component, nil when it is kept.
func (d *dedupe) groupOf(name string) *shareGroup { return d.of[name] }

// refName is the component a reference names.
func refName(ref string) string { return strings.TrimPrefix(ref, "#/components/schemas/") }

// weight counts the functions (paths of no flow) whose responses reach a
// group.
func (g *shareGroup) weight() int {
	fns := map[string]bool{}
	for _, m := range g.members {
		for f := range m.funcs {
			fns[f] = true
		}
	}
	return len(fns)
}
