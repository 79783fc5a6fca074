package golden_test

import (
	"context"
	"fmt"
	"log"

	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
	"github.com/dataforseo-go/dataforseo/sdk/serp"
)

// A SERP's items are of many kinds: a type switch reaches each kind's
// fields; an element of a kind the SDK does not know is a
// *serp.UnknownItem holding its JSON.
func Example_serpItems() {
	srv := sdktest.NewServer(nil)
	defer srv.Close()
	resp, err := serp.New(srv.Client()).GoogleOrganicLiveRegular(context.Background(),
		serp.GoogleOrganicLiveRegularRequest{Keyword: "albert einstein"})
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range resp.Results() {
		for _, item := range r.Items {
			switch it := item.(type) {
			case *serp.OrganicItem:
				fmt.Println("organic", it.RankGroup, it.Domain)
			case *serp.PaidItem:
				fmt.Println("ad", it.RankGroup, it.Domain)
			case *serp.FeaturedSnippetItem:
				fmt.Println("featured snippet from", it.Domain)
			case *serp.UnknownItem:
				fmt.Println("a kind the SDK does not know:", it.Kind())
			default:
				fmt.Println("another kind:", it.Kind())
			}
		}
	}
	// Output:
	// featured snippet from www.rome.net
	// ad 1 www.bookingbuddy.com
	// ad 2 www.trip.com
	// ad 3 www.kayak.com
	// organic 1 www.kayak.com
	// organic 2 www.skyscanner.com
	// organic 3 www.expedia.com
	// organic 94 www.ethiopianairlines.com
	// organic 95 www.vietnamairlines.com
	// organic 96 books.google.com
}
