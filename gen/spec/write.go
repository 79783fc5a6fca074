package spec

import (
	"bytes"
	"regexp"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v3"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
)

// Marshal writes the document as YAML, the same bytes for the same
// document: names (paths, components, properties) sorted, the keywords of
// each object in a fixed reading order (type before description before
// properties), multi-line descriptions as literal blocks.
func Marshal(doc *openapi3.T) ([]byte, error) {
	j, err := doc.MarshalJSON()
	if err != nil {
		return nil, err
	}
	v, err := jsonval.Parse(j)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(toYAML(v, keywords)); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// keyOrder is the reading order of the keywords of OpenAPI objects; keys
// not listed follow in alphabetical order.
var keyOrder = []string{
	"openapi", "info", "servers", "security", "paths", "components",
	"title", "version", "url",
	"operationId", "summary", "tags",
	"$ref", "type", "format", "description", "nullable", "enum", "default",
	"minimum", "maximum", "minLength", "maxLength", "pattern", "minItems", "maxItems",
	"required", "requestBody", "responses", "content", "schema", "items", "properties",
	"additionalProperties", "allOf", "anyOf", "oneOf", "example", "examples",
}

// nameMaps are keys whose values map names to things: their keys are
// data and keep the alphabetical order.
var nameMaps = map[string]bool{
	"paths": true, "schemas": true, "properties": true, "examples": true,
	"securitySchemes": true, "responses": true, "content": true, "headers": true,
}

func rank(k string) int {
	if i := slices.Index(keyOrder, k); i >= 0 {
		return i
	}
	return len(keyOrder)
}

// mode says what the keys of an object are.
type mode int

const (
	keywords mode = iota // OpenAPI keywords: written in keyOrder
	names                // names of paths, schemas, properties: sorted
	data                 // example values: written as they are
)

// toYAML converts a JSON value whose object keys are of mode m.
func toYAML(v *jsonval.Value, m mode) *yaml.Node {
	switch v.Kind {
	case jsonval.Null:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	case jsonval.Bool:
		s := "false"
		if v.Bool {
			s = "true"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: s}
	case jsonval.Number:
		tag := "!!int"
		if !v.IsInteger() {
			tag = "!!float"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v.Num}
	case jsonval.String:
		n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v.Str}
		if yaml11Typed(v.Str) {
			// A YAML 1.1 reader (PyYAML, and the Python tools built on it)
			// would read this plain scalar as another type: quoted, every
			// reader sees a string.
			n.Style = yaml.DoubleQuotedStyle
		}
		if strings.Contains(v.Str, "\n") && !strings.ContainsAny(v.Str, "\t\r") && v.Str == strings.TrimSpace(v.Str) {
			n.Style = yaml.LiteralStyle
		}
		return n
	case jsonval.Array:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, e := range v.Arr {
			n.Content = append(n.Content, toYAML(e, childMode(m)))
		}
		return n
	}
	members := slices.Clone(v.Obj)
	if m == keywords {
		slices.SortStableFunc(members, func(a, b jsonval.Member) int { return rank(a.Key) - rank(b.Key) })
	}
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, kv := range members {
		var vm mode
		switch {
		case m == data:
			vm = data
		case m == names:
			vm = keywords
		case kv.Key == "value" || kv.Key == "example" || kv.Key == "default" || kv.Key == "enum" || strings.HasPrefix(kv.Key, "x-"):
			vm = data
		case nameMaps[kv.Key]:
			vm = names
		}
		key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: kv.Key}
		if yaml11Typed(kv.Key) {
			key.Style = yaml.DoubleQuotedStyle // a key "y" is true in YAML 1.1
		}
		n.Content = append(n.Content, key, toYAML(kv.Val, vm))
	}
	return n
}

func childMode(m mode) mode {
	if m == data {
		return data
	}
	return keywords
}

// yaml11Implicit are the implicit types of YAML 1.1 (as PyYAML resolves
// plain scalars): booleans (yes, on, ...), integers (octal 0777,
// underscores, sexagesimal 1:20), floats (.inf), null (~), timestamps
// (2019-11-15 12:57:46 +00:00), the merge key << and the value key =.
// yaml.v3 writes YAML 1.2, whose plain scalars are fewer.
var yaml11Implicit = regexp.MustCompile(`^(?:` +
	`yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|y|Y|n|N` +
	`|[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+` +
	`|[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*` +
	`|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)` +
	`|~|null|Null|NULL|` +
	`|[0-9]{4}-[0-9]{2}-[0-9]{2}` +
	`|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?` +
	`|<<|=)$`)

// yaml11Typed reports whether a YAML 1.1 reader would take s, written
// plain, for something other than a string. The pattern runs only on the
// scalars its first byte lets through: a word of at most five letters
// (yes, false, null, ...), a digit, a sign, a dot, ~, <, =; the many
// long descriptions skip it.
func yaml11Typed(s string) bool {
	if s == "" {
		return true
	}
	switch c := s[0]; {
	case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		if len(s) > 5 || strings.IndexByte("yYnNtTfFoO", c) < 0 {
			return false
		}
	case '0' <= c && c <= '9' || strings.IndexByte("+-.~<=", c) >= 0:
	default:
		return false
	}
	return yaml11Implicit.MatchString(s)
}
