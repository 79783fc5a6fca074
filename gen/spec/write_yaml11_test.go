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

// TestSpecReadsAsYAML11: no plain string scalar of the committed spec is
// one a YAML 1.1 reader would take for another type.
func TestSpecReadsAsYAML11(t *testing.T) {
	data, err := os.ReadFile("../../spec/openapi.yaml")
	if err != nil {
		t.Skip(err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		t.Fatal(err)
	}
	var walk func(n *yaml.Node)
	bad := 0
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode && n.Tag == "!!str" && n.Style == 0 && yaml11Typed(n.Value) {
			if bad++; bad <= 5 {
				t.Errorf("line %d: plain %q reads as another type in YAML 1.1", n.Line, n.Value)
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&root)
}
