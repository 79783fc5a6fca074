package sdkgen

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFieldDoc(t *testing.T) {
	tests := []struct {
		name, desc, marker string
		want               string
	}{
		{"Limit", "the maximum number of returned domains\noptional field\ndefault value: 100\nmaximum value: 1000", "Optional.",
			"Limit: the maximum number of returned domains.\nDefault value: 100.\nMaximum value: 1000.\n\nOptional."},
		{"Target", "domain, subdomain or webpage to get data for\nrequired field", "Required.",
			"Target: domain, subdomain or webpage to get data for.\n\nRequired."},
		{"Countries", "ISO country codes of the referring links", "", "Countries: ISO country codes of the referring links."},
		{"Rank", "page rank\nlearn more about the metric and how it is calculated in this help center article", "",
			"Rank: page rank."},
		{"Locations", "semantic locations\nyou can get the full list of semantic elements here\nexamples:\narticle, section, footer", "",
			"Locations: semantic locations.\nExamples: article, section, footer."},
		{"Kept", "see https://docs.dataforseo.com/v3/appendix/ here", "", "Kept: see https://docs.dataforseo.com/v3/appendix/ here."},
		{"Filters", "array of results filtering parameters\nexample:\n[\"rank\",\">\",\"1\"]\n\"and\",", "",
			"Filters: array of results filtering parameters.\nExample:\n\t[\"rank\",\">\",\"1\"]\n\t\"and\","},
		{"Type", "possible values:\nall – every backlink;\nlive – the live ones\ndefault value: live", "",
			"Type: possible values:\n  - all – every backlink;\n  - live – the live ones\nDefault value: live."},
		{"Arrays", "one of the following arrays:\nreferring_links_tld\nreferring_links_types", "",
			"Arrays: one of the following arrays:\n  - referring_links_tld\n  - referring_links_types"},
		{"Empty", "", "", "Empty: (not described by the docs)."},
		{"Cont", "a list of things, such as a;\nb and c", "", "Cont: a list of things, such as a;\nb and c."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, fieldDoc(tt.name, tt.desc, tt.marker)); diff != "" {
				t.Errorf("fieldDoc (-want +got):\n%s", diff)
			}
		})
	}
}
