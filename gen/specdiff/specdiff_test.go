package specdiff

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestBreaking(t *testing.T) {
	for id, want := range map[string]bool{
		"request-property-removed":               true,
		"response-optional-property-removed":     true,
		"response-property-type-changed":         true,
		"response-property-type-generalized":     true,
		"response-property-became-nullable":      true,
		"request-property-became-nullable":       false,
		"response-property-became-optional":      true,
		"response-property-became-required":      true,
		"new-required-request-property":          true,
		"new-optional-request-property":          false,
		"response-optional-property-added":       false,
		"request-property-enum-value-removed":    true,
		"response-property-enum-value-added":     false,
		"request-property-max-decreased":         true,
		"request-property-max-increased":         false,
		"request-property-max-length-decreased":  true,
		"request-property-default-value-changed": false,
		"request-property-default-value-removed": false,
		"api-path-removed-without-deprecation":   true,
		"endpoint-added":                         false,
	} {
		if got := Breaking(id); got != want {
			t.Errorf("Breaking(%q) = %v, want %v", id, got, want)
		}
	}
}

// TestCompare applies one change of each kind to the committed spec.
func TestCompare(t *testing.T) {
	base, err := os.ReadFile("../../spec/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const rd = "/v3/backlinks/referring_domains/live"
	for _, tt := range []struct {
		name, from, to string
		field, goField string
		breaking       bool
	}{
		{"maximum lowered", "          default: 100\n          minimum: 0\n          maximum: 1000\n", "          default: 100\n          minimum: 0\n          maximum: 500\n",
			"request limit", "backlinks.ReferringDomainsLiveRequest.Limit", true},
		{"default changed", "          default: live\n", "          default: all\n",
			"request backlinks_status_type", "backlinks.ReferringDomainsLiveRequest.BacklinksStatusType", false},
		{"enum value removed", "            - all\n            - live\n            - lost\n", "            - all\n            - live\n",
			"request backlinks_status_type", "backlinks.ReferringDomainsLiveRequest.BacklinksStatusType", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			// The edit applies to the referring_domains request, wherever it is in the file.
			at := strings.Index(string(base), "\n    BacklinksReferringDomainsLiveRequest:\n")
			if at < 0 {
				t.Fatal("no BacklinksReferringDomainsLiveRequest component")
			}
			head := string(base[:at]) + strings.Replace(string(base[at:]), tt.from, tt.to, 1)
			if head == string(base) {
				t.Fatal("the edit did not apply")
			}
			r, err := Compare(base, []byte(head))
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Changes) != 1 {
				t.Fatalf("%d changes, want 1:\n%s", len(r.Changes), r.Markdown("a", "b"))
			}
			c := r.Changes[0]
			if c.Breaking != tt.breaking || c.GoField != tt.goField || c.Field != tt.field || c.Path != rd {
				t.Errorf("got %+v", c)
			}
		})
	}
	r, err := Compare(base, base)
	if err != nil || len(r.Changes) != 0 {
		t.Errorf("the same spec: %v %v", r, err)
	}
}

// component cuts one component's block out of the spec's YAML.
func component(t *testing.T, spec, name string) string {
	t.Helper()
	start := strings.Index(spec, "\n    "+name+":\n")
	if start < 0 {
		t.Fatalf("no component %s", name)
	}
	rest := spec[start+1:]
	end := regexp.MustCompile(`\n    [A-Za-z]`).FindStringIndex(rest[1:])
	if end == nil {
		return rest
	}
	return rest[:end[0]+2]
}

// TestCompareRenames: a component renamed is reported as a rename, with
// its Go types, not as fields removed and added; components merged into
// one (the shared-types pass) as a merge.
func TestCompareRenames(t *testing.T) {
	data, err := os.ReadFile("../../spec/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	spec := string(data)
	ref := func(name string) *regexp.Regexp { return regexp.MustCompile(`#/components/schemas/` + name + `'`) }

	renamed := strings.Replace(spec, "\n    SerpSpell:\n", "\n    SerpAutocorrection:\n", 1)
	renamed = ref("SerpSpell").ReplaceAllString(renamed, "#/components/schemas/SerpAutocorrection'")
	r, err := Compare(data, []byte(renamed))
	if err != nil {
		t.Fatal(err)
	}
	want := []Rename{{Kind: "renamed", From: []string{"SerpSpell"}, To: []string{"SerpAutocorrection"},
		GoFrom: []string{"serp.Spell"}, GoTo: []string{"serp.Autocorrection"}}}
	var comps, enums []Rename
	for _, rn := range r.Renames {
		if strings.HasPrefix(rn.From[0], "enum ") {
			enums = append(enums, rn)
		} else {
			comps = append(comps, rn)
		}
	}
	if diff := cmp.Diff(want, comps, cmpopts.IgnoreFields(Rename{}, "Where")); diff != "" {
		t.Errorf("renames (-want +got):\n%s\n%s", diff, r.Markdown("a", "b"))
	}
	// The enum of its field "type" is named for the first struct that has
	// it (sdkgen): Autocorrection now.
	if len(enums) != 1 || enums[0].Kind != "renamed" || enums[0].GoTo[0] != "serp.AutocorrectionType" {
		t.Errorf("enum renames: %+v", enums)
	}
	if len(r.Changes) != 0 || r.Breaking() != len(r.Renames) {
		t.Errorf("a rename is a breaking change of the type, not %d other changes:\n%s", len(r.Changes), r.Markdown("a", "b"))
	}
	if md := r.Markdown("a", "b"); !strings.Contains(md, "renamed `SerpSpell` → `SerpAutocorrection` (Go: `serp.Spell` → `serp.Autocorrection`)") {
		t.Errorf("markdown:\n%s", md)
	}

	// The base had a copy of SerpRating at one of its places: the head
	// merged it into SerpRating.
	block := component(t, spec, "SerpRating")
	base := strings.Replace(spec, block, block+strings.Replace(block, "    SerpRating:\n", "    SerpRatingCopy:\n", 1), 1)
	at := ref("SerpRating").FindStringIndex(base)
	base = base[:at[0]] + "#/components/schemas/SerpRatingCopy'" + base[at[1]:]
	r, err = Compare([]byte(base), data)
	if err != nil {
		t.Fatal(err)
	}
	want = []Rename{{Kind: "merged", From: []string{"SerpRatingCopy"}, To: []string{"SerpRating"},
		GoFrom: []string{"serp.RatingCopy"}, GoTo: []string{"serp.Rating"}}}
	if diff := cmp.Diff(want, r.Renames, cmpopts.IgnoreFields(Rename{}, "Where")); diff != "" {
		t.Errorf("merge (-want +got):\n%s\n%s", diff, r.Markdown("a", "b"))
	}
	if r.Renames[0].Where == "" {
		t.Error("the merge names no place")
	}
}

// TestPair: the places of the bodies decide what became of a name.
func TestPair(t *testing.T) {
	base := map[string]string{"a": "A", "b": "A", "c": "B", "d": "C", "e": "D", "f": "D", "g": "K"}
	head := map[string]string{"a": "A2", "b": "A2", "c": "M", "d": "M", "e": "D1", "f": "D2", "g": "K"}
	inHead := map[string]bool{"A2": true, "M": true, "D1": true, "D2": true, "K": true}
	inBase := map[string]bool{"A": true, "B": true, "C": true, "D": true, "K": true}
	got := pair(base, head, func(n string) bool { return !inHead[n] }, func(n string) bool { return !inBase[n] }, nil, nil, "")
	want := []Rename{
		{Kind: "renamed", From: []string{"A"}, To: []string{"A2"}, GoFrom: []string{"A"}, GoTo: []string{"A2"}, Where: "a"},
		{Kind: "merged", From: []string{"B", "C"}, To: []string{"M"}, GoFrom: []string{"B", "C"}, GoTo: []string{"M"}, Where: "c"},
		{Kind: "split", From: []string{"D"}, To: []string{"D1", "D2"}, GoFrom: []string{"D"}, GoTo: []string{"D1", "D2"}, Where: "e"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
