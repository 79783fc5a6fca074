package spec

import (
	"os"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestYAML11Typed(t *testing.T) {
	for s, want := range map[string]bool{
		"=": true, "<<": true, "yes": true, "No": true, "on": true, "y": true, "~": true, "": true, "null": true,
		"0777": true, "1_000": true, "1:20": true, "0b101": true, "0x1F": true, ".inf": true, "-.Inf": true, ".NaN": true,
		"2019-11-15": true, "2019-11-15 12:57:46 +00:00": true, "2019-11-15T12:57:46Z": true, "1.5": true, "12": true,
		"live": false, "rank,desc": false, "yesterday": false, "2019-11-15 12:57": false, "=x": false, "<>": false, "0.1.2": false,
		"one_hundred": false, "1a": false, "tag1": false,
	} {
		if got := yaml11Typed(s); got != want {
			t.Errorf("yaml11Typed(%q) = %v, want %v", s, got, want)
		}
	}
}

// specScalars are the scalar nodes of the committed spec, in document
// order; the test is skipped without the file.
func specScalars(t *testing.T) []*yaml.Node {
	t.Helper()
	data, err := os.ReadFile("../../spec/openapi.yaml")
	if err != nil {
		t.Skip(err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		t.Fatal(err)
	}
	var out []*yaml.Node
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode {
			out = append(out, n)
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&root)
	return out
}

// TestYAML11TypedAsThePattern: the first-byte test before the pattern
// changes no answer, on the committed spec's scalars and on texts at the
// test's edges.
func TestYAML11TypedAsThePattern(t *testing.T) {
	texts := []string{"", "Yes", "false", "FALSE", "False1", "nULL", "off", "Off", "OFF", "y", "n", "o", "t",
		"+1", "-0x1F", ".5", "~", "<<", "=", "_1", "#", " 1", "1 ", "2019-11-15", "99:59", "1_000_000_000_000"}
	for _, n := range specScalars(t) {
		texts = append(texts, n.Value)
	}
	typed := 0
	for _, s := range texts {
		want := yaml11Implicit.MatchString(s)
		if want {
			typed++
		}
		if got := yaml11Typed(s); got != want {
			t.Errorf("yaml11Typed(%q) = %v, the pattern says %v", s, got, want)
		}
	}
	if typed < 100 {
		t.Errorf("only %d typed scalars among %d: the comparison proves little", typed, len(texts))
	}
}

// TestSpecReadsAsYAML11: no plain string scalar of the committed spec is
// one a YAML 1.1 reader would take for another type.
func TestSpecReadsAsYAML11(t *testing.T) {
	bad := 0
	for _, n := range specScalars(t) {
		if n.Tag == "!!str" && n.Style == 0 && yaml11Typed(n.Value) {
			if bad++; bad <= 5 {
				t.Errorf("line %d: plain %q reads as another type in YAML 1.1", n.Line, n.Value)
			}
		}
	}
}
