package prose

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func ptr[T any](v T) *T { return &v }

// TestRead covers each phrase, with line breaks and flattened as the pipe
// dump writes it.
func TestRead(t *testing.T) {
	tests := []struct {
		name, desc string
		want       Facts
	}{
		{"required", "domain to get data for\nrequired field\na domain should be specified without https://",
			Facts{Required: true}},
		{"required flattened", "domain to get data for required field a domain should be specified",
			Facts{Required: true}},
		{"conditional requirement", "search engine location code\nrequired field if you don’t specify location_name",
			Facts{RequiredIf: "required field if you don’t specify location_name"}},
		{"default and maximum", "the maximum number of returned domains\noptional field\ndefault value: 100\nmaximum value: 1000",
			Facts{Default: ptr("100"), Defaults: []string{"100"}, Maximum: ptr(1000.0)}},
		{"default glued to the previous word", "if set to false , the subdomains will be ignoreddefault value: true",
			Facts{Default: ptr("true"), Defaults: []string{"true"}}},
		{"lost default", "maximum number of elements optional field default value: |", Facts{}},
		{"comma enum", "indicates the type of network\noptional field\npossible values: ip, subnet\ndefault value: ip",
			Facts{Enum: []string{"ip", "subnet"}, Default: ptr("ip"), Defaults: []string{"ip"}}},
		{"dash enum", "possible values:\nall – all backlinks will be returned;\nlive – backlinks found during the last check;\nlost – lost backlinks;\ndefault value: live",
			Facts{Enum: []string{"all", "live", "lost"}, Default: ptr("live"), Defaults: []string{"live"}}},
		{"dash enum flattened", "possible values: all – all backlinks will be returned;live – backlinks found;lost – lost backlinks; default value: |",
			Facts{Enum: []string{"all", "live", "lost"}}},
		{"em dash enum", "possible values:\none_hundred — rank values are displayed on a 0–100 scale\none_thousand — rank values are displayed on a 0–1000 scale",
			Facts{Enum: []string{"one_hundred", "one_thousand"}}},
		{"character limit", "user-defined task identifier\noptional field\nthe character limit is 255", Facts{MaxLength: ptr(255)}},
		{"characters are not items", "you can specify up to 700 characters in the keyword field", Facts{MaxLength: ptr(700)}},
		{"up to n items", "you can set up to 1000 domains, subdomains or webpages", Facts{MaxCount: ptr(1000)}},
		{"no more than a word", "note that you can set no more than three sorting rules in a single request", Facts{MaxCount: ptr(3)}},
		{"n maximum", "you can add several filters at once (8 filters maximum)", Facts{MaxCount: ptr(8)}},
		{"sorting types are not an enum", "possible sorting types:\nasc – ascending\ndesc – descending", Facts{}},
		{"nullable and date-time", "date and time when the backlink was lost\nin the UTC format: “yyyy-mm-dd hh-mm-ss +00:00”\nif the backlink is live, the value is null",
			Facts{Nullable: true, DateTime: true}},
		{"two defaults are no default", "default value: windows\nif mobile, default value: android",
			Facts{Defaults: []string{"windows", "android"}}},
		{"prose list is not an enum", "possible values: the values you set in the request", Facts{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Read(tt.desc)); diff != "" {
				t.Errorf("Read(%q) mismatch (-want +got):\n%s", tt.desc, diff)
			}
		})
	}
}

func TestReflow(t *testing.T) {
	got := Reflow("the maximum number optional field default value: 100 maximum value: 1000")
	want := "the maximum number\noptional field\ndefault value: 100\nmaximum value: 1000"
	if got != want {
		t.Errorf("Reflow = %q, want %q", got, want)
	}
	kept := "already\nbroken into lines default value: 1"
	if Reflow(kept) != kept {
		t.Error("Reflow changed a description that has its line breaks")
	}
}
