package golden_test

import (
	"fmt"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/backlinks"
)

// The fields each endpoint's filters take, from the docs' filters
// appendix, are constants; Validate (which the client runs before sending)
// refuses a field the appendix does not list, or an operator its type does
// not support. sdk.Unlisted sends a condition the appendix does not know
// yet. A "$" segment is a pattern: With fills it.
func Example_filterFields() {
	task := backlinks.BacklinksLiveRequest{
		Target: "forbes.com",
		Filters: sdk.And(
			backlinks.BacklinksLiveFilterDomainFrom.F("like", "%wiki%"),
			backlinks.BacklinksLiveFilterRank.F("like", "1%"), // rank is num: no like
			sdk.F("domian_from", "=", "x"),                    // a typo
		),
	}
	fmt.Println(task.Validate())

	task.Filters = sdk.And(backlinks.BacklinksLiveFilterDofollow.F("=", true), sdk.Unlisted("new_metric", ">", 1))
	fmt.Println(task.Validate())

	fmt.Println(backlinks.PageIntersectionLiveFilterKeyRank.With("2"))
	// Output:
	// dataforseo: invalid filters[2][1]: operator "like" is not supported by rank (num): use one of <, <=, >, >=, =, <>, in, not_in
	// dataforseo: invalid filters[4][0]: "domian_from" is not a field the docs list for these filters (build the condition with sdk.Unlisted to send it anyway)
	// <nil>
	// 2.rank
}
