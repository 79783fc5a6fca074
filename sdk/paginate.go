package sdk

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"iter"
)

// PageFetcher fetches the page of limit items starting at offset, and
// returns them with the total number of items (the result's total_count).
// The generated ...All methods write one per paginated operation around a
// call, passing opts on to it.
type PageFetcher[I any] func(ctx context.Context, offset, limit int64, opts ...CallOption) (items []I, total int64, err error)

// ErrPaginationStalled ends a walk whose server does not move on: a page
// that brings no item the page before did not have, or repeats a page
// already seen (a server that ignores offset would otherwise be paid for
// the same page again and again).
var ErrPaginationStalled = errors.New("dataforseo: pagination stalled")

// Paginate walks every item of an operation with limit/offset paging:
// fetch returns each page (pass at most the operation's documented maximum
// as limit), from offset 0 on, and Paginate yields their items until it has
// reached the total the last page reported, a page comes back empty,
// WithMaxPages pages were fetched, or the walk stalls (ErrPaginationStalled,
// yielded as the error). opts go to every page's call; a WithBudget among
// them is one budget for all the pages together.
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
func Paginate[I any](ctx context.Context, limit int64, fetch PageFetcher[I], opts ...CallOption) iter.Seq2[I, error] {
	return func(yield func(I, error) bool) {
		var zero I
		cc := &callConfig{}
		for _, o := range opts {
			if o != nil {
				o.applyCall(cc)
			}
		}
		switch {
		case len(cc.errs) > 0:
			yield(zero, errors.Join(cc.errs...))
			return
		case limit <= 0:
			yield(zero, fmt.Errorf("dataforseo: Paginate: the page size must be above 0, not %d", limit))
			return
		}
		if cc.budget > 0 {
			shared := &budget{scope: "call", limit: cc.budget}
			opts = append(opts[:len(opts):len(opts)], callOption(func(c *callConfig) { c.scope = shared }))
		}
		var st stall[I]
		for offset, pages := int64(0), 0; ; pages++ {
			if cc.maxPages > 0 && pages >= cc.maxPages {
				return
			}
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			items, total, err := fetch(ctx, offset, limit, opts...)
			if len(items) > 0 && st.stalled(items) {
				yield(zero, fmt.Errorf("%w: the page at offset %d brings no new item (the server may ignore offset); %d pages fetched",
					ErrPaginationStalled, offset, pages+1))
				return
			}
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

// stall tells when a walk stops moving: it keeps a fingerprint (a hash of
// the JSON) of each item of the last page, and one of each page, so its
// memory grows with the pages, not the items.
type stall[I any] struct {
	seed  maphash.Seed
	last  map[uint64]bool
	pages map[uint64]bool
}

// stalled reports whether items bring nothing new: each of them was on
// the page before, or the same set of items came as a page before.
func (s *stall[I]) stalled(items []I) bool {
	if s.pages == nil {
		s.seed, s.pages = maphash.MakeSeed(), map[uint64]bool{}
	}
	page := make(map[uint64]bool, len(items))
	var set uint64 // order-independent: the sum of the item fingerprints
	for _, item := range items {
		b, err := marshalNoEscape(item)
		if err != nil {
			return false // cannot tell: let the other stops end the walk
		}
		h := maphash.Bytes(s.seed, b)
		page[h] = true
		set += h
	}
	fresh := false
	for h := range page {
		if !s.last[h] {
			fresh = true
			break
		}
	}
	repeated := s.pages[set]
	s.last, s.pages[set] = page, true
	return !fresh || repeated
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
