package sdk_test

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/dataforseo-go/dataforseo/sdk"
)

// The hand-written stand-ins for generated types: a request, its echo, a
// result with items.

const referringDomains = "/v3/backlinks/referring_domains/live"

type testRequest struct {
	Target  string         `json:"target"`
	Limit   sdk.Opt[int64] `json:"limit,omitzero"`
	Offset  sdk.Opt[int64] `json:"offset,omitzero"`
	Filters sdk.Filter     `json:"filters,omitzero"`
	OrderBy sdk.OrderBy    `json:"order_by,omitzero"`
}

func (r testRequest) Validate() error {
	var errs []error
	if r.Target == "" {
		errs = append(errs, &sdk.ValidationError{Field: "target", Reason: "required"})
	}
	if v, ok := r.Limit.Get(); ok && (v < 1 || v > 1000) {
		errs = append(errs, &sdk.ValidationError{Field: "limit", Reason: "must be 1 to 1000"})
	}
	errs = append(errs, sdk.ValidateField("filters", r.Filters.Validate()))
	errs = append(errs, sdk.ValidateField("order_by", r.OrderBy.Validate()))
	return errors.Join(errs...)
}

type testData struct {
	API      string         `json:"api"`
	Function string         `json:"function"`
	Target   string         `json:"target"`
	Limit    sdk.Opt[int64] `json:"limit,omitzero"`
	Offset   sdk.Opt[int64] `json:"offset,omitzero"`
	Filters  sdk.Filter     `json:"filters,omitzero"`
	OrderBy  sdk.OrderBy    `json:"order_by,omitzero"`
}

type testResult struct {
	Target     string     `json:"target"`
	TotalCount int64      `json:"total_count"`
	ItemsCount int64      `json:"items_count"`
	Items      []testItem `json:"items"`
}

type testItem struct {
	Type              string            `json:"type"`
	Domain            string            `json:"domain"`
	Rank              int64             `json:"rank"`
	Backlinks         int64             `json:"backlinks"`
	FirstSeen         sdk.Time          `json:"first_seen"`
	LostDate          sdk.Opt[sdk.Time] `json:"lost_date"`
	ReferringLinksTLD map[string]int64  `json:"referring_links_tld"`
}

type testResponse = sdk.Response[testData, testResult]

// fakeClock records the waits of a client's retries instead of waiting.
type fakeClock struct {
	mu    sync.Mutex
	now   time.Time
	waits []time.Duration
}

func newFakeClock(c *sdk.Client) *fakeClock {
	fc := &fakeClock{now: time.Date(2024, 4, 22, 12, 0, 0, 0, time.UTC)}
	sdk.SetClock(c, fc.Now, fc.Sleep)
	return fc
}

func (fc *fakeClock) Now() time.Time {
	fc.mu.Lock()
	defer fc.mu.Unlock()
	return fc.now
}

func (fc *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	fc.mu.Lock()
	defer fc.mu.Unlock()
	fc.waits = append(fc.waits, d)
	fc.now = fc.now.Add(d)
	return ctx.Err()
}

func (fc *fakeClock) Waits() []time.Duration {
	fc.mu.Lock()
	defer fc.mu.Unlock()
	return append([]time.Duration(nil), fc.waits...)
}
