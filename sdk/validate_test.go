package sdk_test

import (
	"context"
	"errors"
	"testing"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
	"github.com/google/go-cmp/cmp"
)

func TestOrderByValidate(t *testing.T) {
	tests := []struct {
		name string
		o    sdk.OrderBy
		want []sdk.ValidationError
	}{
		{"none", nil, nil},
		{"helpers", sdk.OrderBy{sdk.Desc("backlinks"), sdk.Asc("rank"), sdk.Asc("main.domain_rank2")}, nil},
		{"four rules", sdk.OrderBy{"a,asc", "b,asc", "c,asc", "d,asc"},
			[]sdk.ValidationError{{Reason: "has 4 sorting rules, at most 3 are allowed"}}},
		{"no direction", sdk.OrderBy{"rank"}, []sdk.ValidationError{{Field: "[0]", Reason: `"rank" is not a sorting rule like "rank,desc"`}}},
		{"bad direction", sdk.OrderBy{"rank,asc", "rank,down"},
			[]sdk.ValidationError{{Field: "[1]", Reason: `"rank,down" is not a sorting rule like "rank,desc"`}}},
		{"bad field", sdk.OrderBy{"ra nk,asc"}, []sdk.ValidationError{{Field: "[0]", Reason: `"ra nk,asc" is not a sorting rule like "rank,desc"`}}},
		{"no field", sdk.OrderBy{",desc"}, []sdk.ValidationError{{Field: "[0]", Reason: `",desc" is not a sorting rule like "rank,desc"`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, validationErrors(tt.o.Validate())); diff != "" {
				t.Errorf("Validate (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValidateField(t *testing.T) {
	tests := []struct {
		name  string
		field string
		err   error
		want  []sdk.ValidationError
	}{
		{"nil", "filters", nil, nil},
		{"index below", "filters", &sdk.ValidationError{Field: "[2][1]", Reason: "r"}, []sdk.ValidationError{{Field: "filters[2][1]", Reason: "r"}}},
		{"field below", "[0]", &sdk.ValidationError{Field: "limit", Reason: "r"}, []sdk.ValidationError{{Field: "[0].limit", Reason: "r"}}},
		{"whole", "order_by", &sdk.ValidationError{Reason: "r"}, []sdk.ValidationError{{Field: "order_by", Reason: "r"}}},
		{"plain error", "target", errors.New("boom"), []sdk.ValidationError{{Field: "target", Reason: "boom"}}},
		{"joined", "filters", errors.Join(&sdk.ValidationError{Field: "[0]", Reason: "a"}, &sdk.ValidationError{Field: "[2]", Reason: "b"}),
			[]sdk.ValidationError{{Field: "filters[0]", Reason: "a"}, {Field: "filters[2]", Reason: "b"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, validationErrors(sdk.ValidateField(tt.field, tt.err))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestValidationErrorMessage(t *testing.T) {
	tests := []struct {
		err  *sdk.ValidationError
		want string
	}{
		{&sdk.ValidationError{Field: "filters[2]", Reason: "bad"}, "dataforseo: invalid filters[2]: bad"},
		{&sdk.ValidationError{Reason: "bad"}, "dataforseo: invalid request: bad"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
		if !errors.Is(tt.err, sdk.ErrInvalidRequest) {
			t.Errorf("%v is not ErrInvalidRequest", tt.err)
		}
	}
}

// TestPostValidatesTasks checks that invalid tasks are refused before any
// request is sent, with paths naming the task and field.
func TestPostValidatesTasks(t *testing.T) {
	tests := []struct {
		name     string
		tasks    any
		validate bool
		want     []sdk.ValidationError
		calls    int
	}{
		{"valid", []testRequest{{Target: "a.com"}}, true, nil, 1},
		{"slice of values", []testRequest{{Target: "a.com"}, {Limit: sdk.Int(5000)}}, true,
			[]sdk.ValidationError{{Field: "[1].target", Reason: "required"}, {Field: "[1].limit", Reason: "must be 1 to 1000"}}, 0},
		{"slice of pointers", []*testRequest{{Target: "a.com", Filters: sdk.F("a", "~", 1)}}, true,
			[]sdk.ValidationError{{Field: "[0].filters[1]", Reason: `operator "~" is not supported`}}, 0},
		{"nil task", []*testRequest{nil}, true, []sdk.ValidationError{{Field: "[0]", Reason: "the task is nil"}}, 0},
		{"validation off: the server rejects the task", []testRequest{{Target: "a.com", Limit: sdk.Int(5000)}}, false,
			[]sdk.ValidationError{{Reason: "not a ValidationError: dataforseo: " + referringDomains +
				": task 00000001-1535-0000-0000-000000000001: status 40501: Invalid Field: 'limit': number must be at most 1000"}}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := sdktest.NewServer(t)
			client := srv.Client(sdk.WithValidation(tt.validate))
			var resp testResponse
			err := client.Post(context.Background(), referringDomains, tt.tasks, &resp)
			if tt.want == nil && err != nil {
				t.Fatalf("Post: %v", err)
			}
			if tt.want != nil {
				if !errors.Is(err, sdk.ErrInvalidRequest) {
					t.Errorf("error %v is not ErrInvalidRequest", err)
				}
				if diff := cmp.Diff(tt.want, validationErrors(err)); diff != "" {
					t.Errorf("errors (-want +got):\n%s", diff)
				}
			}
			if got := srv.Count(""); got != tt.calls {
				t.Errorf("server saw %d calls, want %d", got, tt.calls)
			}
		})
	}
}
