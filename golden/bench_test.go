package golden

import (
	"encoding/json"
	"testing"

	"github.com/dataforseo-go/dataforseo/gen/docs2spec"
	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/backlinks"
)

// bigResponse is a referring_domains response of n items, made by
// repeating the items of the docs' example.
func bigResponse(b *testing.B, n int) []byte { return bigResponseMisfit(b, n, -1) }

// bigResponseMisfit is bigResponse with a float rank, which does not fit
// the documented integer, in item misfit (if it is in range).
func bigResponseMisfit(b *testing.B, n, misfit int) []byte {
	pages, err := docs2spec.ReadPages("../spec/pages")
	if err != nil {
		b.Fatal(err)
	}
	for _, p := range pages {
		if p.Path != "/v3/backlinks/referring_domains/live" || len(p.ResponseExamples) == 0 {
			continue
		}
		raw, _ := p.ResponseExamples[0].Value.MarshalJSON()
		return repeatItems(b, raw, n, misfit, "rank", 1.5, true)
	}
	b.Fatal("no referring_domains example")
	return nil
}

func BenchmarkDecodeReferringDomains1000(b *testing.B) {
	data := bigResponse(b, 1000)
	b.Run("compare", func(b *testing.B) {
		benchDecoders[plainEnvelope[plainReferringDomainsResult]](b, data,
			func() any { return new(backlinks.ReferringDomainsLiveResponse) },
			func() any { return &backlinks.ReferringDomainsLiveResponse{Version: "set"} })
	})
	b.Run("generated/sdk.Decode", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var r backlinks.ReferringDomainsLiveResponse
			if err := sdk.Decode(data, &r); err != nil {
				b.Fatal(err)
			}
		}
	})
	misfit := bigResponseMisfit(b, 1000, 700)
	b.Run("generated/sdk.Decode/one-misfit", func(b *testing.B) {
		b.SetBytes(int64(len(misfit)))
		b.ReportAllocs()
		for b.Loop() {
			var r backlinks.ReferringDomainsLiveResponse
			if err := sdk.Decode(misfit, &r); err == nil {
				b.Fatal("no DecodeError for the misfit")
			}
		}
	})
	b.Run("generated/json.Unmarshal", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var r backlinks.ReferringDomainsLiveResponse
			if err := json.Unmarshal(data, &r); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("map[string]any/json.Unmarshal", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var r map[string]any
			if err := json.Unmarshal(data, &r); err != nil {
				b.Fatal(err)
			}
		}
	})
}
