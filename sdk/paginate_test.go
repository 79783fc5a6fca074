package sdk_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
	"github.com/google/go-cmp/cmp"
)

// fetchDomains is the kind of page function the generator writes.
func fetchDomains(client *sdk.Client, target string) sdk.PageFetcher[testItem] {
	return func(ctx context.Context, offset, limit int64, opts ...sdk.CallOption) ([]testItem, int64, error) {
		var resp testResponse
		tasks := []testRequest{{Target: target, Offset: sdk.Int(offset), Limit: sdk.Int(limit)}}
		err := client.Post(ctx, referringDomains, tasks, &resp, opts...)
		res, _ := resp.FirstResult()
		return res.Items, res.TotalCount, err
	}
}

// TestPaginateAgainstServer walks the example's 131 referring domains in
// pages of 50: exactly total_count items, in three calls.
func TestPaginateAgainstServer(t *testing.T) {
	srv := sdktest.NewServer(t)
	client := srv.Client()
	items, err := sdk.Collect(sdk.Paginate(context.Background(), 50, fetchDomains(client, "backlinko.com")))
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 131 {
		t.Errorf("%d items, want total_count 131", len(items))
	}
	if got := srv.Count(referringDomains); got != 3 {
		t.Errorf("%d calls, want 3", got)
	}
}

// page is a scripted answer of a fetch function.
type page struct {
	items []int
	total int64
	err   error
}

func TestPaginate(t *testing.T) {
	errBoom := errors.New("boom")
	decodeErr := &sdk.DecodeError{Problems: []sdk.DecodeProblem{{Path: "x"}}}
	tests := []struct {
		name    string
		limit   int64
		pages   []page
		breakAt int // stop the loop after this many items (0: never)
		want    []int
		errs    []error
		offsets []int64
	}{
		{"exact pages", 2, []page{{[]int{1, 2}, 4, nil}, {[]int{3, 4}, 4, nil}}, 0, []int{1, 2, 3, 4}, nil, []int64{0, 2}},
		{"short last page", 2, []page{{[]int{1, 2}, 3, nil}, {[]int{3}, 3, nil}}, 0, []int{1, 2, 3}, nil, []int64{0, 2}},
		{"empty page stops", 2, []page{{[]int{1, 2}, 10, nil}, {nil, 10, nil}}, 0, []int{1, 2}, nil, []int64{0, 2}},
		{"nothing", 5, []page{{nil, 0, nil}}, 0, nil, nil, []int64{0}},
		{"error stops", 2, []page{{[]int{1, 2}, 10, nil}, {nil, 0, errBoom}}, 0, []int{1, 2}, []error{errBoom}, []int64{0, 2}},
		{"decode error goes on", 2, []page{{[]int{1, 2}, 4, decodeErr}, {[]int{3, 4}, 4, nil}}, 0,
			[]int{1, 2, 3, 4}, []error{decodeErr}, []int64{0, 2}},
		{"break", 2, []page{{[]int{1, 2}, 10, nil}, {[]int{3, 4}, 10, nil}}, 3, []int{1, 2, 3}, nil, []int64{0, 2}},
		// A server that ignores offset answers the same page again: the
		// walk stops at the second page, before yielding its items.
		{"same page again", 2, []page{{[]int{1, 2}, 1000, nil}, {[]int{1, 2}, 1000, nil}}, 0,
			[]int{1, 2}, []error{sdk.ErrPaginationStalled}, []int64{0, 2}},
		{"same items shuffled", 3, []page{{[]int{1, 2, 3}, 1000, nil}, {[]int{3, 1, 2}, 1000, nil}}, 0,
			[]int{1, 2, 3}, []error{sdk.ErrPaginationStalled}, []int64{0, 3}},
		{"a page seen before", 2, []page{{[]int{1, 2}, 1000, nil}, {[]int{3, 4}, 1000, nil}, {[]int{1, 2}, 1000, nil}}, 0,
			[]int{1, 2, 3, 4}, []error{sdk.ErrPaginationStalled}, []int64{0, 2, 4}},
		{"some items new", 2, []page{{[]int{1, 2}, 4, nil}, {[]int{2, 3}, 4, nil}}, 0, []int{1, 2, 2, 3}, nil, []int64{0, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var offsets []int64
			fetch := func(ctx context.Context, offset, limit int64, _ ...sdk.CallOption) ([]int, int64, error) {
				if limit != tt.limit {
					t.Errorf("fetch limit %d, want %d", limit, tt.limit)
				}
				offsets = append(offsets, offset)
				if len(offsets) > len(tt.pages) {
					t.Fatalf("fetch %d: past the scripted pages", len(offsets))
				}
				p := tt.pages[len(offsets)-1]
				return p.items, p.total, p.err
			}
			var got []int
			var errs []error
			for item, err := range sdk.Paginate(context.Background(), tt.limit, fetch) {
				if err != nil {
					errs = append(errs, err)
					continue
				}
				got = append(got, item)
				if len(got) == tt.breakAt {
					break
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("items (-want +got):\n%s", diff)
			}
			if !slices.EqualFunc(tt.errs, errs, func(want, got error) bool { return errors.Is(got, want) }) {
				t.Errorf("errors = %v, want %v", errs, tt.errs)
			}
			if diff := cmp.Diff(tt.offsets, offsets); diff != "" {
				t.Errorf("offsets (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPaginateStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	calls := 0
	fetch := func(ctx context.Context, offset, limit int64, _ ...sdk.CallOption) ([]int, int64, error) {
		calls++
		return []int{int(offset), int(offset) + 1}, 100, nil
	}
	var n int
	var last error
	for _, err := range sdk.Paginate(ctx, 2, fetch) {
		if err != nil {
			last = err
			continue
		}
		if n++; n == 3 {
			cancel()
		}
	}
	if !errors.Is(last, context.Canceled) || calls != 2 || n != 4 {
		t.Errorf("after cancel: %d items in %d calls, error %v; want 4 items, 2 calls, context.Canceled", n, calls, last)
	}
	_, err := sdk.Collect(sdk.Paginate(context.Background(), 0, fetch))
	if err == nil {
		t.Error("a page size of 0 was accepted")
	}
}
