package dataforseolabs_test

import (
	"context"
	"fmt"
	"log"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/dataforseolabs"
	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
)

// Keyword ideas for two seed keywords, with their search volume and cost
// per click.
func ExampleService_GoogleKeywordIdeasLive() {
	srv := sdktest.NewServer(nil) // a mock API; use sdk.NewClient for the real one
	defer srv.Close()
	labs := dataforseolabs.New(srv.Client())

	resp, err := labs.GoogleKeywordIdeasLive(context.Background(), dataforseolabs.GoogleKeywordIdeasLiveRequest{
		Keywords:     []string{"phone", "watch"},
		LocationCode: sdk.Int(2840),
		LanguageCode: sdk.String("en"),
		Limit:        sdk.Int(2),
	})
	if err != nil {
		log.Fatal(err)
	}
	result, _ := resp.FirstResult()
	fmt.Printf("%d ideas, %d here\n", result.TotalCount, len(result.Items))
	for _, idea := range result.Items {
		fmt.Printf("%s: %d searches a month, CPC %.2f USD\n", idea.Keyword, idea.KeywordInfo.SearchVolume, idea.KeywordInfo.CPC)
	}
	// Output:
	// 533763 ideas, 2 here
	// phone: 368000 searches a month, CPC 5.98 USD
	// cell phone signal booster: 22200 searches a month, CPC 1.05 USD
}
