package sdk

import (
	"context"
	"errors"
	"fmt"
	"iter"
)

// Paginate walks every item of an operation with limit/offset paging. fetch
// returns the page of limit items starting at offset, and the total number
// of items (the result's total_count); the generated code writes one per
// paginated operation around a Client call. Paginate fetches pages of limit items (pass at most the operation's documented
// maximum) from offset 0 on, and yields their items, until it has reached
// the total the last page reported, or a page comes back empty.
//
// An error is yielded once, with the zero item, after the items fetch
// returned with it. A *DecodeError (some values of the page did not fit
// their types; the rest is there) lets the walk go on if the loop does not
// break; any other error, or the end of ctx, ends it.
//
//	for item, err := range sdk.Paginate(ctx, 1000, fetch) {
//		if err != nil {
//			return err
//		}
//		use(item)
//	}
func Paginate[I any](ctx context.Context, limit int64, fetch func(ctx context.Context, offset, limit int64) (items []I, total int64, err error)) iter.Seq2[I, error] {
	return func(yield func(I, error) bool) {
		var zero I
		if limit <= 0 {
			yield(zero, fmt.Errorf("dataforseo: Paginate: the page size must be above 0, not %d", limit))
			return
		}
		for offset := int64(0); ; {
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			items, total, err := fetch(ctx, offset, limit)
			for _, item := range items {
				if !yield(item, nil) {
					return
				}
			}
			if err != nil {
				var de *DecodeError
				if !yield(zero, err) || !errors.As(err, &de) {
					return
				}
			}
			offset += int64(len(items))
			if len(items) == 0 || offset >= total {
				return
			}
		}
	}
}

// Collect gathers the items of seq (such as Paginate's) into a slice, up to
// the first error, which it returns with the items before it.
func Collect[I any](seq iter.Seq2[I, error]) ([]I, error) {
	var items []I
	for item, err := range seq {
		if err != nil {
			return items, err
		}
		items = append(items, item)
	}
	return items, nil
}
