package golden

import (
	"strings"
	"testing"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/backlinks"
)

// The comparison must fail when it should: one test per kind of change.
func TestRoundTripCatches(t *testing.T) {
	const good = `{"version":"0.1","status_code":20000,"status_message":"Ok.","time":"0.1 sec.","cost":0.02,
	"tasks_count":1,"tasks_error":0,"tasks":[{"id":"x","status_code":20000,"status_message":"Ok.","time":"0.1 sec.",
	"cost":0.02,"result_count":1,"path":["v3"],"data":{"api":"backlinks","function":"referring_domains","target":"a.com"},
	"result":[{"target":"a.com","total_count":1,"items_count":1,"items":[{"type":"backlinks_referring_domain",
	"domain":"b.com","rank":3,"backlinks":1,"first_seen":"2019-11-15 12:57:46 +00:00","lost_date":null,
	"backlinks_spam_score":0,"broken_backlinks":0,"broken_pages":0,"referring_domains":1,"referring_domains_nofollow":0,
	"referring_main_domains":1,"referring_main_domains_nofollow":0,"referring_ips":1,"referring_subnets":1,
	"referring_pages":1,"referring_links_tld":{"com":1},"referring_links_types":null,"referring_links_attributes":null,
	"referring_links_platform_types":null,"referring_links_semantic_locations":null,"referring_links_countries":{"":1},
	"referring_pages_nofollow":0}]}]}]}`
	if err := roundTrip([]byte(good), new(backlinks.ReferringDomainsLiveResponse)); err != nil {
		t.Fatalf("the unchanged response fails: %v", err)
	}
	for _, tt := range []struct{ name, from, to, want string }{
		{"extra key", `"domain":"b.com"`, `"domain":"b.com","bogus":1`, "tasks[0].result[0].items[0].bogus"},
		{"wrong type", `"rank":3`, `"rank":"high"`, "items[0].rank"},
		{"float in an integer field", `"rank":3`, `"rank":3.5`, "rank"},
		{"bad date-time", `"first_seen":"2019-11-15 12:57:46 +00:00"`, `"first_seen":"yesterday"`, "first_seen"},
		{"value the types cannot keep", `"lost_date":null`, `"lost_date":"2019-11-15T12:57:46Z"`, "differs"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			changed := strings.Replace(good, tt.from, tt.to, 1)
			if changed == good {
				t.Fatal("the change did not apply")
			}
			err := roundTrip([]byte(changed), new(backlinks.ReferringDomainsLiveResponse))
			if err == nil {
				t.Fatal("the round trip accepts it")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error does not name %q: %v", tt.want, err)
			}
		})
	}
}

// Lenient at run time: what the strict tests refuse, a client call
// accepts: a new field is ignored, an unknown enum value kept as its string.
func TestLenientDecode(t *testing.T) {
	body := `{"status_code":20000,"new_top_level":1,"tasks":[{"id":"x","status_code":20000,
	"data":{"api":"backlinks","function":"referring_domains","target":"a.com","backlinks_status_type":"archived"},
	"result":null}]}`
	var r backlinks.ReferringDomainsLiveResponse
	if err := sdk.Decode([]byte(body), &r); err != nil {
		t.Fatalf("lenient decode: %v", err)
	}
	if v, _ := r.Tasks[0].Data.BacklinksStatusType.Get(); v != "archived" || v.IsKnown() {
		t.Errorf("unknown enum value: %q (known %v)", v, v.IsKnown())
	}
	if len(r.Results()) != 0 {
		t.Error("a null result is not empty")
	}
	if err := sdk.DecodeStrict([]byte(body), new(backlinks.ReferringDomainsLiveResponse)); err == nil {
		t.Error("strict decode accepts a field the spec does not have")
	}
}
