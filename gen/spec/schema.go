package spec

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
	"github.com/dataforseo-go/dataforseo/gen/page"
	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// side says which half of an operation a node belongs to.
type side struct {
	part    page.Part
	request bool
}

var (
	requestSide  = side{part: page.PartRequestTable, request: true}
	responseSide = side{part: page.PartResponseTable}
)

func ref(name string) *openapi3.SchemaRef {
	return &openapi3.SchemaRef{Ref: "#/components/schemas/" + name}
}

// wireType is the type an example shows: integer when every number is
// written without a fraction.
func wireType(k jsonval.Kind, fraction bool) string {
	switch k {
	case jsonval.Bool:
		return "boolean"
	case jsonval.Number:
		if fraction {
			return "float"
		}
		return "integer"
	case jsonval.String:
		return "string"
	case jsonval.Array:
		return "array"
	case jsonval.Object:
		return "object"
	}
	return ""
}

// fieldSchema is the schema of one field. Objects and arrays of objects
// become components named comp; everything else is inline.
func (b *builder) fieldSchema(ep *endpoint, n *node, comp string, sd side) *openapi3.SchemaRef {
	m := b.mergeRows(ep, n, sd.part)
	path := n.path()
	note := func(kind, format string, args ...any) {
		b.report.add(ep, nil, sd.part, path, kind, fmt.Sprintf(format, args...))
	}
	switch {
	case !m.has && n.ex.seen > 0 && !sd.request:
		note("example-only", "in the example, not in the table: added with the example's type")
	case !m.has && n.ex.seen > 0:
		note("example-only", "in a request example, not in the table: added with the example's type")
	case m.has && n.ex.seen == 0 && !sd.request && (ep.resp == nil || ep.resp.objects > 0):
		note("table-only", "in the table, not in any example: kept as the table types it")
	}
	if s := b.echoSchema(ep, n, m, sd, note); s != nil {
		return s
	}
	typ := b.resolveType(n, m, note)
	if typ == "" {
		typ = b.kindFieldType(ep, n, note) // V7
	}
	if !sd.request && len(n.rec) > 0 {
		b.wireChanges(ep, n, m, typ, docsType(n, m))
	}
	var s *openapi3.Schema
	switch typ {
	case "":
		s = &openapi3.Schema{}
		note("type", "no type: the table does not list it and the examples only show null")
	case "string":
		s = b.stringSchema(n.ex.strings, m, note)
	case "integer":
		s = openapi3.NewInt64Schema()
		numberFacts(s, m, note)
		if sd.request && s.Min == nil && countsThings(n.name, m) {
			s.Min = ptr(0.0)
			note("minimum", "a count, a limit or an offset, with no stated minimum: minimum 0 (rule C1)")
		}
	case "float":
		s = floatSchema()
		numberFacts(s, m, note)
	case "boolean":
		s = openapi3.NewBoolSchema()
		if d := m.f.Default; d != nil && sd.request {
			if v, err := strconv.ParseBool(*d); err == nil {
				s.Default = v
			} else {
				note("default", "default %q is not a boolean: left out", *d)
			}
		}
	case "array":
		s = b.arraySchema(ep, n, m, comp, sd, note)
	case "object":
		s = b.objectSchema(ep, n, m, comp, sd, note)
		if s == nil {
			r := b.component(ep, n, comp, sd, "")
			if n.ex.kinds[jsonval.Null] > 0 || m.f.Nullable {
				b.doc.Components.Schemas[strings.TrimPrefix(r.Ref, "#/components/schemas/")].Value.Nullable = true
			}
			return r
		}
	}
	if m.desc != "" && s.Description == "" {
		s.Description = m.desc
	}
	if n.ex.kinds[jsonval.Null] > 0 || m.f.Nullable {
		s.Nullable = true
	} else if w, ok := b.nullableElsewhere(ep, n, typ, sd); ok {
		s.Nullable = true
		note("nullable", "null in %s (%s), the same field of the section: nullable here too (rule E10)", w.path, w.field)
	}
	return &openapi3.SchemaRef{Value: s}
}

// docsType is the type the documentation alone gives n, as resolveType
// decides it from the table and the docs' examples, without the recorded
// responses.
func docsType(n *node, m merged) string {
	kinds := n.docs.nonNullKinds()
	wire := ""
	if len(kinds) == 1 {
		wire = wireType(kinds[0], n.docs.fraction)
	}
	switch {
	case m.typ == "":
		return wire
	case wire == "", wire == m.typ, m.typ == "float" && wire == "integer":
		return m.typ
	}
	return wire
}

// resolveType settles the table's type against the example's (rule E2:
// the example is the wire format). Where the examples disagree and the
// recorded responses give one type, the recordings win (rule W3).
func (b *builder) resolveType(n *node, m merged, note noteFunc) string {
	kinds := n.ex.nonNullKinds()
	if rk := n.recordedKinds(); len(kinds) > 1 && len(rk) == 1 {
		note("type", "the examples give it several types, the recorded responses one: %s (the wire)", rk[0])
		kinds = rk
	}
	wire := ""
	switch len(kinds) {
	case 0:
	case 1:
		wire = wireType(kinds[0], n.ex.fraction)
	default:
		names := make([]string, len(kinds))
		for i, k := range kinds {
			names[i] = k.String()
		}
		note("type", "the examples give it several types (%s): the table's %q kept", strings.Join(names, ", "), m.typ)
		return m.typ
	}
	switch {
	case m.typ == "":
		return wire
	case wire == "" && m.f.DateTime && (m.typ == "integer" || m.typ == "float"):
		// E9: a number cannot hold "2019-11-15 12:57:46 +00:00".
		note("type", "E9: the table says %s, its description gives the date-time format and no example a value: string", m.typ)
		return "string"
	case wire == "", wire == m.typ, m.typ == "float" && wire == "integer":
		return m.typ
	}
	note("type", "table says %s, the example shows %s: %s (the example is the wire format)", m.typ, wire, wire)
	return wire
}

func (b *builder) stringSchema(samples []string, m merged, note noteFunc) *openapi3.Schema {
	s := openapi3.NewStringSchema()
	switch {
	case allDateTimes(samples):
		s.Format, s.Pattern = contract.DateTimeFormat, contract.DateTimePattern
	case m.f.DateTime && len(samples) == 0:
		s.Format, s.Pattern = contract.DateTimeFormat, contract.DateTimePattern
	case m.f.DateTime:
		note("type", "the description gives the date-time format but the examples hold %q: kept a plain string", samples[0])
	}
	if m.f.MaxLength != nil {
		s.MaxLength = ptr(uint64(*m.f.MaxLength))
	}
	if len(m.f.Enum) > 0 {
		enum := slices.Clone(m.f.Enum)
		for _, v := range samples {
			if !slices.Contains(enum, v) {
				note("enum", "the example's %q is not among the documented values %v: added", v, m.f.Enum)
				enum = append(enum, v)
			}
		}
		for _, v := range enum {
			s.Enum = append(s.Enum, v)
		}
	}
	if d := m.f.Default; d != nil {
		s.Default = *d
	}
	return s
}

func numberFacts(s *openapi3.Schema, m merged, note noteFunc) {
	s.Max, s.Min = m.f.Maximum, m.f.Minimum

	if d := m.f.Default; d != nil {
		v, err := strconv.ParseFloat(*d, 64)
		switch {
		case err != nil:
			note("default", "default %q is not a number: left out", *d)
		case s.Type.Is(openapi3.TypeInteger) && v != float64(int64(v)):
			note("default", "default %q is not an integer: left out", *d)
		case s.Type.Is(openapi3.TypeInteger):
			s.Default = int64(v)
		default:
			s.Default = v
		}
	}
}

// countRe finds the words of a description that make an integer a count,
// a limit or a position.
var countRe = regexp.MustCompile(`(?i)\b(?:number of|offset|limit)\b`)

// countsThings reports whether an integer request field counts things,
// limits them or offsets into them, so that a negative value means
// nothing (rule C1): its name is limit or offset or ends in _limit or
// _offset, its description speaks of a number of, a limit or an offset, or
// its stated default and maximum are both at least 0.
func countsThings(name string, m merged) bool {
	switch {
	case name == contract.Limit, name == contract.Offset, strings.HasSuffix(name, "_limit"), strings.HasSuffix(name, "_offset"):
		return true
	case countRe.MatchString(m.desc):
		return true
	}
	if m.f.Maximum == nil || *m.f.Maximum < 0 || m.f.Default == nil {
		return false
	}
	d, err := strconv.ParseFloat(*m.f.Default, 64)
	return err == nil && d >= 0
}

func ptr[T any](v T) *T { return &v }

func floatSchema() *openapi3.Schema {
	s := openapi3.NewFloat64Schema()
	s.Format = "double"
	return s
}

// echoSchema is rule N5's echo: a response object or array no example
// shows and that its description calls the value given in the request
// ("custom mode specified in a POST array") has the request field's
// schema. nil when the rule does not apply.
func (b *builder) echoSchema(ep *endpoint, n *node, m merged, sd side, note noteFunc) *openapi3.SchemaRef {
	if sd.request || ep.reqComp == "" || len(n.children) > 0 || n.ex.seen > 0 || (m.typ != "object" && m.typ != "array") || !echoProse.MatchString(m.desc) {
		return nil
	}
	req := b.doc.Components.Schemas[ep.reqComp].Value.Properties[n.name]
	if req == nil {
		return nil
	}
	note("echo", "N5: no example shows it and its description calls it the request's value: the request field's schema")
	if req.Ref != "" {
		return req
	}
	c := *req.Value
	c.Description = m.desc
	return &openapi3.SchemaRef{Value: &c}
}
