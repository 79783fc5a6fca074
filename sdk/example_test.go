package sdk_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
)

// The types below stand in for the generated ones of
// /v3/backlinks/referring_domains/live.

type DomainsRequest struct {
	Target  string         `json:"target"`
	Limit   sdk.Opt[int64] `json:"limit,omitzero"`
	Offset  sdk.Opt[int64] `json:"offset,omitzero"`
	Filters sdk.Filter     `json:"filters,omitzero"`
	OrderBy sdk.OrderBy    `json:"order_by,omitzero"`
}

type DomainsResult struct {
	TotalCount int64    `json:"total_count"`
	Items      []Domain `json:"items"`
}

type Domain struct {
	Domain    string            `json:"domain"`
	Rank      int64             `json:"rank"`
	FirstSeen sdk.Time          `json:"first_seen"`
	LostDate  sdk.Opt[sdk.Time] `json:"lost_date"`
}

type DomainsResponse = sdk.Response[DomainsRequest, DomainsResult]

func ExampleClient_Post() {
	srv := sdktest.NewServer(nil) // a mock API; use sdk.NewClient for the real one
	defer srv.Close()
	client := srv.Client()

	var resp DomainsResponse
	err := client.Post(context.Background(), "/v3/backlinks/referring_domains/live", []DomainsRequest{{
		Target:  "backlinko.com",
		Limit:   sdk.Int(3),
		Filters: sdk.F("backlinks", ">", 100),
		OrderBy: sdk.OrderBy{sdk.Desc("rank")},
	}}, &resp)
	if err != nil {
		log.Fatal(err)
	}
	for _, result := range resp.Results() {
		for _, d := range result.Items {
			fmt.Println(d.Domain, d.Rank, d.FirstSeen, d.LostDate)
		}
	}
	fmt.Printf("spent %.5f USD\n", client.Spent())
	// Output:
	// menaccessories.net 302 2021-10-16 16:46:16 +00:00 <null>
	// semrush.com 299 2019-09-17 05:41:24 +00:00 <null>
	// alexamaster.net 290 2023-06-30 16:23:26 +00:00 <null>
	// spent 0.02015 USD
}

// A failure arrives inside HTTP 200 as a status code; errors.Is tells its
// class.
func ExampleError() {
	srv := sdktest.NewServer(nil, sdktest.WithStatusCode(40100))
	defer srv.Close()

	var resp DomainsResponse
	err := srv.Client().Post(context.Background(), "/v3/backlinks/referring_domains/live",
		[]DomainsRequest{{Target: "backlinko.com"}}, &resp)
	fmt.Println(errors.Is(err, sdk.ErrAuthentication))
	var apiErr *sdk.Error
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.HTTPStatus, apiErr.Code, apiErr.Path)
	}
	// Output:
	// true
	// 200 40100 /v3/backlinks/referring_domains/live
}

// When some tasks of a call fail, the others' results are in the response.
func ExampleTaskErrors() {
	srv := sdktest.NewServer(nil, sdktest.WithTaskStatusCodes(0, 40102))
	defer srv.Close()

	var resp DomainsResponse
	err := srv.Client().Post(context.Background(), "/v3/backlinks/referring_domains/live",
		[]DomainsRequest{{Target: "backlinko.com", Limit: sdk.Int(2)}, {Target: "example.com"}}, &resp)
	var taskErrs *sdk.TaskErrors
	if errors.As(err, &taskErrs) {
		for _, e := range taskErrs.Errors {
			fmt.Println("failed:", e.Code, e.Message, errors.Is(e, sdk.ErrNoResults))
		}
	}
	for _, result := range resp.Results() {
		fmt.Println("ok:", len(result.Items), "items")
	}
	// Output:
	// failed: 40102 No Search Results. true
	// ok: 2 items
}

func ExamplePaginate() {
	srv := sdktest.NewServer(nil)
	defer srv.Close()
	client := srv.Client()

	fetch := func(ctx context.Context, offset, limit int64, opts ...sdk.CallOption) ([]Domain, int64, error) {
		var resp DomainsResponse
		err := client.Post(ctx, "/v3/backlinks/referring_domains/live",
			[]DomainsRequest{{Target: "backlinko.com", Offset: sdk.Int(offset), Limit: sdk.Int(limit)}}, &resp, opts...)
		result, _ := resp.FirstResult()
		return result.Items, result.TotalCount, err
	}
	n := 0
	for _, err := range sdk.Paginate(context.Background(), 100, fetch) {
		if err != nil {
			log.Fatal(err)
		}
		n++
	}
	fmt.Println(n, "domains in", srv.Count(""), "calls")
	// Output:
	// 131 domains in 2 calls
}

func ExampleWithBudget() {
	srv := sdktest.NewServer(nil)
	defer srv.Close()
	// Each call costs 0.02015 USD: after the first, the client knows the
	// estimate, and refuses the third, which would pass the budget.
	client := srv.Client(sdk.WithBudget(0.05))

	for i := range 3 {
		err := client.Post(context.Background(), "/v3/backlinks/referring_domains/live",
			[]DomainsRequest{{Target: "backlinko.com"}}, nil)
		fmt.Println(i, errors.Is(err, sdk.ErrBudgetExceeded))
	}
	fmt.Printf("%d calls sent, %.5f USD spent\n", srv.Count(""), client.Spent())
	// Output:
	// 0 false
	// 1 false
	// 2 true
	// 2 calls sent, 0.04030 USD spent
}

// Options given to one call apply to that call only: here a timeout, a
// budget for this call, a header, and a copy of the raw HTTP response.
func ExampleWithRawResponse() {
	srv := sdktest.NewServer(nil)
	defer srv.Close()
	client := srv.Client()

	var raw sdk.RawResponse
	var resp DomainsResponse
	err := client.Post(context.Background(), "/v3/backlinks/referring_domains/live",
		[]DomainsRequest{{Target: "backlinko.com"}}, &resp,
		sdk.WithTimeout(30*time.Second), sdk.WithBudget(0.5), sdk.WithHeader("X-Request-Source", "nightly-report"),
		sdk.WithRawResponse(&raw))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(raw.StatusCode, raw.Header.Get("Content-Type"), len(raw.Body) > 0, resp.StatusCode)
	// Output:
	// 200 application/json true 20000
}

func ExampleAnd() {
	f := sdk.And(
		sdk.F("first_seen", ">", "2017-10-23 11:31:45 +00:00"),
		sdk.Or(sdk.F("domain", "like", "%dataforseo.com%"), sdk.F("referring_domains", ">", 10)),
	)
	fmt.Println(f)
	fmt.Println(f.Validate())
	fmt.Println(sdk.F("rank", "~", 1).Validate())
	// Output:
	// [["first_seen",">","2017-10-23 11:31:45 +00:00"],"and",[["domain","like","%dataforseo.com%"],"or",["referring_domains",">",10]]]
	// <nil>
	// dataforseo: invalid [1]: operator "~" is not supported
}

func ExampleOrderBy() {
	o := sdk.OrderBy{sdk.Desc("backlinks"), sdk.Asc("rank")}
	fmt.Printf("%q %v\n", o, o.Validate())
	// Output:
	// ["backlinks,desc" "rank,asc"] <nil>
}

// Opt sends an explicit zero or false, which a plain field with omitempty
// would drop.
func ExampleOpt() {
	req := DomainsRequest{Target: "a.com", Offset: sdk.Int(0)}
	body, _ := json.Marshal(req)
	fmt.Println(string(body))
	fmt.Println(req.Limit.Or(100), req.Offset.IsSet(), req.Limit.IsSet())
	// Output:
	// {"target":"a.com","offset":0}
	// 100 true false
}
