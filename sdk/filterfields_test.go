package sdk_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dataforseo-go/dataforseo/sdk"
)

var testFields = sdk.NewFilterFields(
	sdk.FilterField{Name: "domain_from", Type: sdk.FilterStr, Operators: []string{"=", "<>", "like"}},
	sdk.FilterField{Name: "rank", Type: sdk.FilterNum, Operators: []string{"<", ">", "in"}},
	sdk.FilterField{Name: "$key.rank", Type: sdk.FilterNum, Operators: []string{">"}},
	sdk.FilterField{Name: "referring_links_tld.$tld", Type: sdk.FilterNum, Operators: []string{">", "="}},
	sdk.FilterField{Name: "dofollow", Type: sdk.FilterBool},
)

func TestFilterFieldsCheck(t *testing.T) {
	tests := []struct {
		name string
		f    sdk.Filter
		want []string // the *ValidationError fields and reasons
	}{
		{"listed", sdk.And(sdk.F("domain_from", "like", "%seo%"), sdk.F("rank", ">", 10)), nil},
		{"zero", sdk.Filter{}, nil},
		{"pattern $key", sdk.F("2.rank", ">", 100), nil},
		{"pattern $tld", sdk.F("referring_links_tld.com", "=", 3), nil},
		{"no operator list: any", sdk.F("dofollow", "regex", true), nil},
		{"unknown field", sdk.F("domian_from", "=", "x"),
			[]string{`[0]: "domian_from" is not a field the docs list for these filters (build the condition with sdk.Unlisted to send it anyway)`}},
		{"operator not supported", sdk.F("rank", "like", "1%"),
			[]string{`[1]: operator "like" is not supported by rank (num): use one of <, >, in`}},
		{"pattern operator", sdk.F("1.rank", "<", 5),
			[]string{`[1]: operator "<" is not supported by 1.rank (num): use one of >`}},
		{"a placeholder is one segment", sdk.F("1.2.rank", ">", 5),
			[]string{`[0]: "1.2.rank" is not a field the docs list for these filters (build the condition with sdk.Unlisted to send it anyway)`}},
		{"in a nested group", sdk.Or(sdk.F("rank", ">", 1), sdk.And(sdk.F("domain_from", "=", "a"), sdk.F("tld_from", "=", "com"))),
			[]string{`[2][2][0]: "tld_from" is not a field the docs list for these filters (build the condition with sdk.Unlisted to send it anyway)`}},
		{"unlisted is not checked", sdk.And(sdk.Unlisted("new_metric", ">", 1), sdk.Unlisted("rank", "like", "x")), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			err := testFields.Check(tt.f)
			for _, e := range flatten(err) {
				var ve *sdk.ValidationError
				if !errors.As(e, &ve) {
					t.Fatalf("%T is not a *sdk.ValidationError", e)
				}
				if !errors.Is(e, sdk.ErrInvalidRequest) {
					t.Errorf("%v does not match ErrInvalidRequest", e)
				}
				got = append(got, ve.Field+": "+ve.Reason)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Check (-want +got):\n%s", diff)
			}
		})
	}
}

func flatten(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

func TestFilterName(t *testing.T) {
	if got := sdk.FilterName("$key.referring_links_tld.$tld").With("1", "com"); got != "1.referring_links_tld.com" {
		t.Errorf("With: %s", got)
	}
	if !sdk.FilterName("$key.rank").IsPattern() || sdk.FilterName("rank").IsPattern() {
		t.Error("IsPattern")
	}
	if got := sdk.FilterName("rank").F(">", 3).String(); got != `["rank",">",3]` {
		t.Errorf("F: %s", got)
	}
	if f, ok := testFields.Lookup("9.rank"); !ok || f.Name != "$key.rank" {
		t.Errorf("Lookup(9.rank) = %v, %v", f, ok)
	}
	if f, ok := testFields.Lookup("rank"); !ok || f.Name != "rank" {
		t.Errorf("Lookup(rank) = %v, %v: a listed name comes before a pattern", f, ok)
	}
	var none *sdk.FilterFields
	if err := none.Check(sdk.F("x", "=", 1)); err != nil {
		t.Errorf("a nil list checks nothing: %v", err)
	}
	// Unlisted still goes through the grammar.
	if err := sdk.Unlisted("x", "~", 1).Validate(); err == nil {
		t.Error("Unlisted skipped the grammar check")
	}
}
