package golden

import (
	"errors"
	"strings"
	"testing"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/backlinks"
)

// TestValidate: the generated Validate methods refuse what the docs say
// the API refuses, naming the field, and accept the docs' own examples.
func TestValidate(t *testing.T) {
	ok := backlinks.ReferringDomainsLiveRequest{
		Target:              "backlinko.com",
		Limit:               sdk.Int(1000),
		BacklinksStatusType: sdk.Some(backlinks.BacklinksStatusTypeLive),
		Filters:             sdk.And(sdk.F("referring_pages", ">", 2), sdk.F("backlinks", ">", 10)),
		OrderBy:             sdk.OrderBy{sdk.Desc("rank"), sdk.Asc("domain")},
		Tag:                 sdk.String(strings.Repeat("é", 255)),
	}
	if err := ok.Validate(); err != nil {
		t.Fatalf("a valid task is refused: %v", err)
	}
	many := make([]sdk.Filter, 9)
	for i := range many {
		many[i] = sdk.F("backlinks", ">", i)
	}
	for _, tt := range []struct {
		name   string
		change func(r *backlinks.ReferringDomainsLiveRequest)
		field  string
	}{
		{"required target", func(r *backlinks.ReferringDomainsLiveRequest) { r.Target = "" }, "target"},
		{"limit over its maximum", func(r *backlinks.ReferringDomainsLiveRequest) { r.Limit = sdk.Int(1001) }, "limit"},
		{"unknown enum value", func(r *backlinks.ReferringDomainsLiveRequest) {
			r.BacklinksStatusType = sdk.Some(backlinks.BacklinksStatusType("dead"))
		}, "backlinks_status_type"},
		{"tag over 255 characters", func(r *backlinks.ReferringDomainsLiveRequest) { r.Tag = sdk.String(strings.Repeat("a", 256)) }, "tag"},
		{"four sorting rules", func(r *backlinks.ReferringDomainsLiveRequest) {
			r.OrderBy = sdk.OrderBy{sdk.Desc("a"), sdk.Desc("b"), sdk.Desc("c"), sdk.Desc("d")}
		}, "order_by"},
		{"nine filter conditions", func(r *backlinks.ReferringDomainsLiveRequest) { r.Filters = sdk.And(many...) }, "filters"},
		{"unknown filter operator", func(r *backlinks.ReferringDomainsLiveRequest) { r.BacklinksFilters = sdk.F("dofollow", "~", true) }, "backlinks_filters"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := ok
			tt.change(&r)
			err := r.Validate()
			var ve *sdk.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Validate() = %v, want a *sdk.ValidationError", err)
			}
			if !strings.HasPrefix(ve.Field, tt.field) {
				t.Errorf("the error names %q, want %q: %v", ve.Field, tt.field, err)
			}
			if !errors.Is(err, sdk.ErrInvalidRequest) {
				t.Error("not errors.Is ErrInvalidRequest")
			}
		})
	}
	bulk := backlinks.BulkReferringDomainsLiveRequest{Targets: make([]string, 1001)}
	var ve *sdk.ValidationError
	if err := bulk.Validate(); !errors.As(err, &ve) || ve.Field != "targets" {
		t.Errorf("1001 targets: %v", err)
	}
	if err := (&backlinks.BulkReferringDomainsLiveRequest{}).Validate(); !errors.As(err, &ve) || ve.Field != "targets" {
		t.Errorf("no targets: %v", err)
	}
	// An explicit false and 0 are sent; an unset field is not.
	r := backlinks.ReferringDomainsLiveRequest{Target: "a.com", IncludeSubdomains: sdk.Bool(false), Offset: sdk.Int(0)}
	b, err := jsonMarshal(r)
	if err != nil {
		t.Fatal(err)
	}
	// Fields go in the docs' order: the required target first.
	if want := `{"target":"a.com","offset":0,"include_subdomains":false}`; b != want {
		t.Errorf("encoded %s, want %s", b, want)
	}
}
