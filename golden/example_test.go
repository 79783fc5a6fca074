package golden_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/backlinks"
	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
)

// A typed request for each of the four backlinks endpoints, sent to the
// mock server (swap srv.Client() for sdk.NewClient() to call the API).
func Example_backlinks() {
	srv := sdktest.NewServer(nil)
	defer srv.Close()
	ctx := context.Background()
	bl := backlinks.New(srv.Client())

	rd, err := bl.ReferringDomainsLive(ctx, backlinks.ReferringDomainsLiveRequest{
		Target:                   "backlinko.com",
		Limit:                    sdk.Int(5),
		ExcludeInternalBacklinks: sdk.Bool(true),
		BacklinksFilters:         sdk.F("dofollow", "=", true),
		Filters:                  sdk.F("backlinks", ">", 100),
		OrderBy:                  sdk.OrderBy{sdk.Desc("rank")},
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range rd.Results() {
		fmt.Println("referring domains of", r.Target+":", r.TotalCount)
		first := r.Items[0]
		fmt.Println(first.Domain, first.Rank, first.FirstSeen, "lost:", first.LostDate.IsSet() && !first.LostDate.IsNull())
	}

	rn, err := bl.ReferringNetworksLive(ctx, backlinks.ReferringNetworksLiveRequest{
		Target:             "backlinko.com",
		NetworkAddressType: sdk.Some(backlinks.NetworkAddressTypeSubnet),
		Limit:              sdk.Int(1),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("first network:", rn.Tasks[0].Result[0].Items[0].NetworkAddress)

	brd, err := bl.BulkReferringDomainsLive(ctx, backlinks.BulkReferringDomainsLiveRequest{
		Targets: []string{"forbes.com", "cnn.com"},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("bulk items:", len(brd.Tasks[0].Result[0].Items))

	bps, err := bl.BulkPagesSummaryLive(ctx, backlinks.BulkPagesSummaryLiveRequest{
		Targets:   []string{"https://dataforseo.com/solutions"},
		RankScale: sdk.Some(backlinks.RankScaleOneHundred),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("pages summary cost:", bps.Cost)

	// A request the API would refuse costs nothing: it is not sent.
	_, err = bl.ReferringDomainsLive(ctx, backlinks.ReferringDomainsLiveRequest{Target: "x.com", Limit: sdk.Int(5000)})
	var ve *sdk.ValidationError
	fmt.Println(errors.As(err, &ve), ve.Field)
	// Output:
	// referring domains of backlinko.com: 131
	// menaccessories.net 302 2021-10-16 16:46:16 +00:00 lost: false
	// first network: 172.67.162.*
	// bulk items: 2
	// pages summary cost: 0.02006
	// true [0].limit
}

// Decoding a recorded response, without a client.
func Example_decode() {
	recorded := []byte(`{"version":"0.1","status_code":20000,"status_message":"Ok.","time":"0.1 sec.","cost":0.02,
		"tasks_count":1,"tasks_error":0,"tasks":[{"id":"1","status_code":20000,"status_message":"Ok.","time":"0.1 sec.",
		"cost":0.02,"result_count":1,"path":["v3","backlinks","referring_domains","live"],
		"data":{"api":"backlinks","function":"referring_domains","target":"a.com"},
		"result":[{"target":"a.com","total_count":1,"items_count":1,"items":[{"type":"backlinks_referring_domain",
		"domain":"b.com","rank":302,"first_seen":"2021-10-16 16:46:16 +00:00","lost_date":null,
		"referring_links_tld":{"net":9864},"referring_links_attributes":null}]}]}]}`)
	var resp backlinks.ReferringDomainsLiveResponse
	if err := sdk.Decode(recorded, &resp); err != nil {
		log.Fatal(err)
	}
	item := resp.Tasks[0].Result[0].Items[0]
	fmt.Println(item.Domain, item.Rank, item.FirstSeen, item.LostDate.IsNull(), item.ReferringLinksTLD["net"], len(item.ReferringLinksAttributes))
	// Output:
	// b.com 302 2021-10-16 16:46:16 +00:00 true 9864 0
}
