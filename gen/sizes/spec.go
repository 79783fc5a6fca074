// Package sizes measures what the project generates: per API section, the
// bytes of the spec it comes from (its paths and the components they
// reach), its operations, and the Go that sdkgen writes for it; and how
// long building and vetting that Go takes (timings.go). `make sizes`
// prints it (sdkgen sizes); golden's TestOAPICodegenBuilds holds the
// lines per operation below oapi-codegen's.
package sizes

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v3"

	"github.com/dataforseo-go/dataforseo/gen/sdkgen"
)

// schemaRef is how a reference to a schema component starts.
const schemaRef = "#/components/schemas/"

// Section is what one API section weighs.
type Section struct {
	Package    string // the Go package sdkgen writes it to: "backlinks"
	Operations int
	// SpecBytes are the bytes of spec/openapi.yaml the section comes
	// from: its paths and the schema components they reach, as written
	// (a component shared by sections counts in each).
	SpecBytes int
	GoFiles   int // the generated Go files of the package
	GoLines   int // their lines (wc -l)
	GoBytes   int
}

// LinesPerOperation is GoLines / Operations.
func (s Section) LinesPerOperation() float64 {
	if s.Operations == 0 {
		return 0
	}
	return float64(s.GoLines) / float64(s.Operations)
}

// SpecSections measures the spec per section, in package order: the
// sections and their operations as sdkgen builds them.
func SpecSections(specYAML []byte) ([]Section, error) {
	doc, err := openapi3.NewLoader().LoadFromData(specYAML)
	if err != nil {
		return nil, fmt.Errorf("sizes: loading the spec: %w", err)
	}
	built, err := sdkgen.Build(doc)
	if err != nil {
		return nil, fmt.Errorf("sizes: %w", err)
	}
	spans, err := yamlSpans(specYAML)
	if err != nil {
		return nil, err
	}
	var out []Section
	for _, s := range built {
		sec := Section{Package: s.Package, Operations: len(s.Ops)}
		paths := map[string]bool{}
		for _, op := range s.Ops {
			paths[op.Path] = true
		}
		reached := map[string]bool{}
		for _, p := range slices.Sorted(maps.Keys(paths)) {
			span, ok := spans.paths[p]
			if !ok {
				return nil, fmt.Errorf("sizes: the spec has no path %s", p)
			}
			sec.SpecBytes += span.bytes
			spans.reach(span.node, reached)
		}
		for name := range reached {
			sec.SpecBytes += spans.schemas[name].bytes
		}
		out = append(out, sec)
	}
	slices.SortFunc(out, func(a, b Section) int { return strings.Compare(a.Package, b.Package) })
	return out, nil
}

// span is a mapping entry of the YAML file: its value and the bytes from
// its key's line to the next entry's.
type span struct {
	node  *yaml.Node
	bytes int
}

type specSpans struct {
	paths, schemas map[string]span
}

// yamlSpans finds the entries under paths and components.schemas.
func yamlSpans(data []byte) (*specSpans, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("sizes: reading the spec's YAML: %w", err)
	}
	if len(root.Content) == 0 {
		return nil, fmt.Errorf("sizes: the spec is empty")
	}
	lineStart := []int{0, 0} // lineStart[n] is the offset of line n (from 1)
	for i, c := range data {
		if c == '\n' {
			lineStart = append(lineStart, i+1)
		}
	}
	offset := func(line int) int {
		if line >= len(lineStart) {
			return len(data)
		}
		return lineStart[line]
	}
	top := root.Content[0]
	// The line after a mapping's last entry: the next top-level key's.
	nextTop := map[*yaml.Node]int{}
	for i := 0; i+1 < len(top.Content); i += 2 {
		end := len(lineStart)
		if i+2 < len(top.Content) {
			end = top.Content[i+2].Line
		}
		nextTop[top.Content[i+1]] = end
	}
	entries := func(m *yaml.Node, end int) map[string]span {
		out := map[string]span{}
		if m == nil || m.Kind != yaml.MappingNode {
			return out
		}
		for i := 0; i+1 < len(m.Content); i += 2 {
			stop := end
			if i+2 < len(m.Content) {
				stop = m.Content[i+2].Line
			}
			out[m.Content[i].Value] = span{node: m.Content[i+1], bytes: offset(stop) - offset(m.Content[i].Line)}
		}
		return out
	}
	paths := child(top, "paths")
	components := child(top, "components")
	schemas := child(components, "schemas")
	schemasEnd := nextTop[components]
	if components != nil {
		// The schemas end where the next entry of components starts.
		for i := 0; i+1 < len(components.Content); i += 2 {
			if components.Content[i+1] == schemas && i+2 < len(components.Content) {
				schemasEnd = components.Content[i+2].Line
			}
		}
	}
	return &specSpans{paths: entries(paths, nextTop[paths]), schemas: entries(schemas, schemasEnd)}, nil
}

func child(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// reach adds the schemas n refers to, and those they refer to.
func (s *specSpans) reach(n *yaml.Node, seen map[string]bool) {
	if n == nil {
		return
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "$ref" {
				if name, ok := strings.CutPrefix(n.Content[i+1].Value, schemaRef); ok && !seen[name] {
					seen[name] = true
					s.reach(s.schemas[name].node, seen)
				}
			}
		}
	}
	for _, c := range n.Content {
		s.reach(c, seen)
	}
}
