package golden

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/dataforseo-go/dataforseo/gen/docs2spec"
	"github.com/dataforseo-go/dataforseo/gen/jsonval"
	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/serp"
)

// serpItemPages are the SERP pages whose examples' items are of the kinds
// of serp.Item; their items make the large SERP body.
var serpItemPages = []string{
	"/v3/serp/google/organic/live/regular",
	"/v3/serp/google/organic/task_get/regular/{id}",
	"/v3/serp/google/images/live/advanced",
	"/v3/serp/google/news/live/advanced",
	"/v3/serp/google/search_by_image/task_get/advanced/{id}",
	"/v3/serp/google/local_finder/live/advanced",
	"/v3/serp/google/maps/task_get/advanced/{id}",
	"/v3/serp/google/ai_mode/live/advanced",
}

// bigSerpResponse is a google organic advanced response of n items: the
// items of the examples of serpItemPages (the docs have no response
// example for organic advanced itself), repeated in turn, in the envelope
// of the organic regular example. Keys stay in the examples' order (the
// API's: "type" first in an item, the counts before the items).
func bigSerpResponse(b testing.TB, n int) []byte {
	pages, err := docs2spec.ReadPages("../spec/pages")
	if err != nil {
		b.Fatal(err)
	}
	var items []*jsonval.Value
	var envelope *jsonval.Value
	for _, path := range serpItemPages {
		for _, p := range pages {
			if p.Path != path {
				continue
			}
			for _, ex := range p.ResponseExamples {
				raw, _ := ex.Value.MarshalJSON()
				resp, err := jsonval.Parse(raw) // a copy: the page keeps its example
				if err != nil {
					b.Fatal(err)
				}
				if envelope == nil {
					envelope = resp
				}
				for _, task := range resp.Get("tasks").Arr {
					for _, res := range task.Get("result").Arr {
						items = append(items, res.Get("items").Arr...)
					}
				}
			}
		}
	}
	if envelope == nil || len(items) == 0 {
		b.Fatal("no SERP examples with items")
	}
	task := envelope.Get("tasks").Arr[0]
	path := &jsonval.Value{Kind: jsonval.Array}
	for _, seg := range strings.Split(strings.TrimPrefix("/v3/serp/google/organic/live/advanced", "/"), "/") {
		path.Arr = append(path.Arr, &jsonval.Value{Kind: jsonval.String, Str: seg})
	}
	set(b, task, "path", path)
	result := task.Get("result").Arr[0]
	big := make([]*jsonval.Value, n)
	for i := range big {
		big[i] = items[i%len(items)]
	}
	result.Get("items").Arr = big
	set(b, result, "items_count", n)
	out, err := envelope.MarshalJSON()
	if err != nil {
		b.Fatal(err)
	}
	return out
}

// plainSerpResult is a partial baseline for organic advanced (run
// "std-plain"): the result's fields and the fields most kinds share, the
// rest as JSON; hwEnvelope (bench_serp_plain_test.go) is the complete one.
type plainSerpResult struct {
	Keyword        string   `json:"keyword"`
	Type           string   `json:"type"`
	SeDomain       string   `json:"se_domain"`
	LocationCode   int64    `json:"location_code"`
	LanguageCode   string   `json:"language_code"`
	CheckURL       string   `json:"check_url"`
	Datetime       string   `json:"datetime"`
	ItemTypes      []string `json:"item_types"`
	SeResultsCount int64    `json:"se_results_count"`
	ItemsCount     int64    `json:"items_count"`
	Items          []struct {
		Type              string          `json:"type"`
		RankGroup         int64           `json:"rank_group"`
		RankAbsolute      int64           `json:"rank_absolute"`
		Position          string          `json:"position"`
		XPath             string          `json:"xpath"`
		Domain            string          `json:"domain"`
		Title             string          `json:"title"`
		URL               string          `json:"url"`
		Breadcrumb        string          `json:"breadcrumb"`
		Description       string          `json:"description"`
		IsImage           bool            `json:"is_image"`
		IsVideo           bool            `json:"is_video"`
		IsFeaturedSnippet bool            `json:"is_featured_snippet"`
		IsMalicious       bool            `json:"is_malicious"`
		Highlighted       []string        `json:"highlighted"`
		Links             json.RawMessage `json:"links"`
		Items             json.RawMessage `json:"items"`
		Rectangle         *struct {
			X      float64 `json:"x"`
			Y      float64 `json:"y"`
			Width  float64 `json:"width"`
			Height float64 `json:"height"`
		} `json:"rectangle"`
	} `json:"items"`
}

func BenchmarkDecodeSerpAdvanced(b *testing.B) {
	data := bigSerpResponse(b, 200)
	var r serp.GoogleOrganicLiveAdvancedResponse
	if err := sdk.Decode(data, &r); err != nil {
		b.Fatal(err)
	}
	kinds := map[string]bool{}
	for _, it := range r.Tasks[0].Result[0].Items {
		kinds[it.Kind()] = true
	}
	b.Logf("%d bytes, %d items of %d kinds", len(data), len(r.Tasks[0].Result[0].Items), len(kinds))
	benchDecoders[plainEnvelope[plainSerpResult]](b, data,
		func() any { return new(serp.GoogleOrganicLiveAdvancedResponse) },
		func() any { return &serp.GoogleOrganicLiveAdvancedResponse{Version: "set"} })
	// std-plain above decodes only the fields most kinds share, links and
	// nested items left as raw JSON; std-handwritten decodes with
	// encoding/json everything the SDK decodes (bench_serp_plain_test.go).
	b.Run("std-handwritten", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var hw hwEnvelope
			if err := json.Unmarshal(data, &hw); err != nil {
				b.Fatal(err)
			}
		}
	})
}
