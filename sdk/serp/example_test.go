package serp_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
	"github.com/dataforseo-go/dataforseo/sdk/serp"
)

// A SERP query through the task flow: the tasks are posted, and each
// task's result comes as soon as it is ready.
func ExampleService_GoogleOrganicRunRegular() {
	// A mock API that finishes tasks at the first poll; against the real
	// one, create the client with sdk.NewClient.
	srv := sdktest.NewServer(nil, sdktest.WithReadyAfter(1))
	defer srv.Close()
	svc := serp.New(srv.Client())

	tasks := []serp.GoogleOrganicTaskPostRequest{{
		Keyword:      sdk.String("flight ticket new york san francisco"),
		LanguageCode: sdk.String("en"),
		LocationCode: sdk.Int(2840),
	}}
	ctx := context.Background()
	// The mock is fast: poll it every millisecond (the default waits
	// sdk.FlowFirstPoll, and longer while nothing is ready).
	poll := sdk.WithPollInterval(time.Millisecond, 10*time.Millisecond)
	for r, err := range svc.GoogleOrganicRunRegular(ctx, tasks, poll, sdk.WithBudget(0.10)) {
		if err != nil {
			// A *sdk.PendingError lists the tasks paid for and not collected.
			log.Fatal(err)
		}
		if r.Err != nil {
			fmt.Printf("task %d: %v\n", r.Index, r.Err)
			continue
		}
		fmt.Printf("%s: %d items, posting cost %.4f USD\n", r.Result.Keyword.Value(), len(r.Result.Items), r.Cost)
		for _, item := range r.Result.Items[:6] {
			switch it := item.(type) {
			case *serp.OrganicItem:
				fmt.Println("organic", it.RankGroup, it.URL.Value())
			case *serp.PaidItem:
				fmt.Println("ad", it.RankGroup, it.Domain.Value())
			case *serp.UnknownItem:
				fmt.Println("a kind the SDK does not know:", it.Kind())
			default:
				fmt.Println(item.Kind())
			}
		}
	}
	// Output:
	// flight ticket new york san francisco: 9 items, posting cost 0.0015 USD
	// ad 1 www.bookingbuddy.com
	// ad 2 www.trip.com
	// ad 3 www.kayak.com
	// featured_snippet
	// organic 1 https://www.skyscanner.com/routes/nyca/sfo/new-york-to-san-francisco-international.html
	// organic 2 https://www.expedia.com/lp/flights/jfk/sfo/new-york-to-san-francisco
}
