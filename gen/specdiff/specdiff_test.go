package specdiff

import (
	"os"
	"strings"
	"testing"
)

func TestBreaking(t *testing.T) {
	for id, want := range map[string]bool{
		"request-property-removed":               true,
		"response-optional-property-removed":     true,
		"response-property-type-changed":         true,
		"response-property-type-generalized":     true,
		"response-property-became-nullable":      true,
		"request-property-became-nullable":       false,
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
