package golden

import (
	"encoding/json"
	"testing"

	"github.com/dataforseo-go/dataforseo/sdk"
)

// The baselines of the decoding benchmarks: the structs a user would write
// by hand for encoding/json, with the fields of the bodies decoded.

type plainEnvelope[R any] struct {
	Version       string  `json:"version"`
	StatusCode    int     `json:"status_code"`
	StatusMessage string  `json:"status_message"`
	Time          string  `json:"time"`
	Cost          float64 `json:"cost"`
	TasksCount    int     `json:"tasks_count"`
	TasksError    int     `json:"tasks_error"`
	Tasks         []struct {
		ID            string         `json:"id"`
		StatusCode    int            `json:"status_code"`
		StatusMessage string         `json:"status_message"`
		Time          string         `json:"time"`
		Cost          float64        `json:"cost"`
		ResultCount   int            `json:"result_count"`
		Path          []string       `json:"path"`
		Data          map[string]any `json:"data"`
		Result        []R            `json:"result"`
	} `json:"tasks"`
}

type plainReferringDomainsResult struct {
	Target     string `json:"target"`
	TotalCount int64  `json:"total_count"`
	ItemsCount int64  `json:"items_count"`
	Items      []struct {
		Type                            string           `json:"type"`
		Domain                          string           `json:"domain"`
		Rank                            int64            `json:"rank"`
		Backlinks                       int64            `json:"backlinks"`
		FirstSeen                       *string          `json:"first_seen"`
		LostDate                        *string          `json:"lost_date"`
		BacklinksSpamScore              int64            `json:"backlinks_spam_score"`
		BrokenBacklinks                 int64            `json:"broken_backlinks"`
		BrokenPages                     int64            `json:"broken_pages"`
		ReferringDomains                int64            `json:"referring_domains"`
		ReferringDomainsNofollow        int64            `json:"referring_domains_nofollow"`
		ReferringMainDomains            int64            `json:"referring_main_domains"`
		ReferringMainDomainsNofollow    int64            `json:"referring_main_domains_nofollow"`
		ReferringIPs                    int64            `json:"referring_ips"`
		ReferringSubnets                int64            `json:"referring_subnets"`
		ReferringPages                  int64            `json:"referring_pages"`
		ReferringLinksTLD               map[string]int64 `json:"referring_links_tld"`
		ReferringLinksTypes             map[string]int64 `json:"referring_links_types"`
		ReferringLinksAttributes        map[string]int64 `json:"referring_links_attributes"`
		ReferringLinksPlatformTypes     map[string]int64 `json:"referring_links_platform_types"`
		ReferringLinksSemanticLocations map[string]int64 `json:"referring_links_semantic_locations"`
		ReferringLinksCountries         map[string]int64 `json:"referring_links_countries"`
		ReferringPagesNofollow          int64            `json:"referring_pages_nofollow"`
	} `json:"items"`
}

// benchDecoders runs the decoders compared on one body: encoding/json into
// the hand-written plain struct and into map[string]any, the SDK's
// reflective path and its fast path (sdk.Decode). newResp returns a zero
// response; notZero one the fast decoder leaves to the reflective path (a
// target already set), which is how the reflective path is measured here.
func benchDecoders[P any](b *testing.B, data []byte, newResp func() any, notZero func() any) {
	run := func(name string, f func() error) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if err := f(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	run("std-plain", func() error { var p P; return json.Unmarshal(data, &p) })
	run("std-map", func() error { var m map[string]any; return json.Unmarshal(data, &m) })
	run("std-generated", func() error { return json.Unmarshal(data, newResp()) })
	run("sdk-reflective", func() error { return sdk.Decode(data, notZero()) })
	run("sdk-fast", func() error { return sdk.Decode(data, newResp()) })
}
