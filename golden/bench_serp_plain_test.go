package golden

import (
	"encoding/json"
)

// The hand-written encoding/json baseline of BenchmarkDecodeSerpAdvanced
// (run "std-handwritten"): what a careful user writes to decode the same
// information the SDK decodes from bigSerpResponse, every field of every
// item kind in it, nested items included. Plain Go types only: strings
// stay strings (dates too), *T where the body has a null, and for the
// items' discriminated unions the usual idiom, a slice whose UnmarshalJSON
// probes each element's "type" and unmarshals it into that kind's struct
// (an unknown kind is kept as json.RawMessage). TestPlainSerpBaselineComplete
// (bench_serp_plain_complete_test.go) checks that it drops nothing.
//
// Fields null throughout the body whose shape the body does not show are
// json.RawMessage (faq, about_this_result, related_result,
// local_justifications, related_image_searches): the body carries no
// information in them to type, and a null costs the same either way.

type hwEnvelope struct {
	Version       string   `json:"version"`
	StatusCode    int64    `json:"status_code"`
	StatusMessage string   `json:"status_message"`
	Time          string   `json:"time"`
	Cost          float64  `json:"cost"`
	TasksCount    int64    `json:"tasks_count"`
	TasksError    int64    `json:"tasks_error"`
	Tasks         []hwTask `json:"tasks"`
}

type hwTask struct {
	ID            string         `json:"id"`
	StatusCode    int64          `json:"status_code"`
	StatusMessage string         `json:"status_message"`
	Time          string         `json:"time"`
	Cost          float64        `json:"cost"`
	ResultCount   int64          `json:"result_count"`
	Path          []string       `json:"path"`
	Data          hwTaskData     `json:"data"`
	Result        []hwSerpResult `json:"result"`
}

type hwTaskData struct {
	API          string `json:"api"`
	Function     string `json:"function"`
	SE           string `json:"se"`
	SEType       string `json:"se_type"`
	Keyword      string `json:"keyword"`
	LanguageName string `json:"language_name"`
	LocationName string `json:"location_name"`
	Device       string `json:"device"`
	OS           string `json:"os"`
	Tag          string `json:"tag"`
}

type hwSerpResult struct {
	Keyword         string             `json:"keyword"`
	Type            string             `json:"type"`
	SeDomain        string             `json:"se_domain"`
	LocationCode    int64              `json:"location_code"`
	LanguageCode    string             `json:"language_code"`
	CheckURL        string             `json:"check_url"`
	Datetime        string             `json:"datetime"`
	Spell           *hwSpell           `json:"spell"`
	RefinementChips *hwRefinementChips `json:"refinement_chips"`
	ItemTypes       []string           `json:"item_types"`
	SeResultsCount  int64              `json:"se_results_count"`
	ItemsCount      int64              `json:"items_count"`
	Items           hwSerpItems        `json:"items"`
}

type hwSpell struct {
	Keyword string `json:"keyword"`
	Type    string `json:"type"`
}

type hwRefinementChips struct {
	Type  string                     `json:"type"`
	XPath string                     `json:"xpath"`
	Items []hwRefinementChipsElement `json:"items"`
}

type hwRefinementChipsElement struct {
	Type    string                    `json:"type"`
	Title   string                    `json:"title"`
	URL     *string                   `json:"url"`
	Domain  *string                   `json:"domain"`
	Options []hwRefinementChipsOption `json:"options"`
}

type hwRefinementChipsOption struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	URL    string `json:"url"`
	Domain string `json:"domain"`
}

// unmarshalUnion decodes a JSON array of objects told apart by "type":
// pick returns a new value of the element's kind, nil for an unknown one.
func unmarshalUnion(b []byte, pick func(kind string) any) ([]any, error) {
	var raws []json.RawMessage
	if err := json.Unmarshal(b, &raws); err != nil || raws == nil {
		return nil, err
	}
	out := make([]any, 0, len(raws))
	for _, raw := range raws {
		var probe struct {
			Type string `json:"type"`
		}
		if err := json.Unmarshal(raw, &probe); err != nil {
			return nil, err
		}
		v := pick(probe.Type)
		if v == nil {
			out = append(out, raw)
			continue
		}
		if err := json.Unmarshal(raw, v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// hwSerpItems are a result's items, one pointer to a kind's struct each.
type hwSerpItems []any

func (s *hwSerpItems) UnmarshalJSON(b []byte) error {
	items, err := unmarshalUnion(b, func(kind string) any {
		switch kind {
		case "organic":
			return new(hwOrganic)
		case "paid":
			return new(hwPaid)
		case "featured_snippet":
			return new(hwFeaturedSnippet)
		case "images_search":
			return new(hwImagesSearch)
		case "images":
			return new(hwImages)
		case "local_pack":
			return new(hwLocalPack)
		case "maps_search":
			return new(hwMapsSearch)
		case "news_search":
			return new(hwNewsSearch)
		case "top_stories":
			return new(hwTopStories)
		case "related_searches":
			return new(hwRelatedSearches)
		case "carousel":
			return new(hwCarousel)
		case "ai_overview":
			return new(hwAIOverview)
		}
		return nil
	})
	*s = items
	return err
}

type hwRectangle struct {
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
}

type hwRating struct {
	RatingType string  `json:"rating_type"`
	Value      float64 `json:"value"`
	VotesCount int64   `json:"votes_count"`
	RatingMax  *int64  `json:"rating_max"`
}

type hwPrice struct {
	Current        float64 `json:"current"`
	Regular        float64 `json:"regular"`
	MaxValue       float64 `json:"max_value"`
	Currency       string  `json:"currency"`
	IsPriceRange   bool    `json:"is_price_range"`
	DisplayedPrice string  `json:"displayed_price"`
}

type hwImagesElement struct {
	Type     string  `json:"type"`
	Alt      *string `json:"alt"`
	URL      *string `json:"url"`
	ImageURL string  `json:"image_url"`
}

type hwLinkElement struct {
	Type        string  `json:"type"`
	Title       string  `json:"title"`
	Description *string `json:"description"`
	Domain      string  `json:"domain"`
	URL         string  `json:"url"`
}

type hwOrganic struct {
	Type                     string            `json:"type"`
	RankGroup                int64             `json:"rank_group"`
	RankAbsolute             int64             `json:"rank_absolute"`
	Position                 string            `json:"position"`
	XPath                    *string           `json:"xpath"`
	Domain                   string            `json:"domain"`
	Title                    string            `json:"title"`
	URL                      string            `json:"url"`
	CacheURL                 *string           `json:"cache_url"`
	RelatedSearchURL         *string           `json:"related_search_url"`
	Breadcrumb               *string           `json:"breadcrumb"`
	WebsiteName              *string           `json:"website_name"`
	IsImage                  bool              `json:"is_image"`
	IsVideo                  bool              `json:"is_video"`
	IsFeaturedSnippet        bool              `json:"is_featured_snippet"`
	IsMalicious              bool              `json:"is_malicious"`
	IsWebStory               bool              `json:"is_web_story"`
	Description              *string           `json:"description"`
	PreSnippet               *string           `json:"pre_snippet"`
	ExtendedSnippet          *string           `json:"extended_snippet"`
	Images                   []hwImagesElement `json:"images"`
	AmpVersion               bool              `json:"amp_version"`
	Rating                   *hwRating         `json:"rating"`
	Price                    *hwPrice          `json:"price"`
	Highlighted              []string          `json:"highlighted"`
	Links                    []hwLinkElement   `json:"links"`
	FAQ                      json.RawMessage   `json:"faq"`
	ExtendedPeopleAlsoSearch []string          `json:"extended_people_also_search"`
	AboutThisResult          json.RawMessage   `json:"about_this_result"`
	RelatedResult            json.RawMessage   `json:"related_result"`
	Timestamp                *string           `json:"timestamp"`
	Rectangle                *hwRectangle      `json:"rectangle"`
}

type hwPaid struct {
	Type         string `json:"type"`
	RankGroup    int64  `json:"rank_group"`
	RankAbsolute int64  `json:"rank_absolute"`
	Domain       string `json:"domain"`
	Title        string `json:"title"`
	URL          string `json:"url"`
	Breadcrumb   string `json:"breadcrumb"`
	Description  string `json:"description"`
}

type hwFeaturedSnippet struct {
	Type         string  `json:"type"`
	RankGroup    int64   `json:"rank_group"`
	RankAbsolute int64   `json:"rank_absolute"`
	Domain       string  `json:"domain"`
	Title        string  `json:"title"`
	URL          string  `json:"url"`
	Breadcrumb   *string `json:"breadcrumb"`
	Description  string  `json:"description"`
}

type hwImagesSearch struct {
	Type         string `json:"type"`
	RankGroup    int64  `json:"rank_group"`
	RankAbsolute int64  `json:"rank_absolute"`
	XPath        string `json:"xpath"`
	Title        string `json:"title"`
	Subtitle     string `json:"subtitle"`
	Alt          string `json:"alt"`
	URL          string `json:"url"`
	SourceURL    string `json:"source_url"`
	EncodedURL   string `json:"encoded_url"`
}

type hwImages struct {
	Type                 string            `json:"type"`
	RankGroup            int64             `json:"rank_group"`
	RankAbsolute         int64             `json:"rank_absolute"`
	Position             string            `json:"position"`
	XPath                *string           `json:"xpath"`
	Title                string            `json:"title"`
	URL                  *string           `json:"url"`
	Items                []hwImagesElement `json:"items"`
	RelatedImageSearches json.RawMessage   `json:"related_image_searches"`
	Rectangle            *hwRectangle      `json:"rectangle"`
}

type hwLocalPack struct {
	Type         string       `json:"type"`
	RankGroup    int64        `json:"rank_group"`
	RankAbsolute int64        `json:"rank_absolute"`
	Position     string       `json:"position"`
	XPath        string       `json:"xpath"`
	Title        string       `json:"title"`
	Description  string       `json:"description"`
	Domain       *string      `json:"domain"`
	Phone        string       `json:"phone"`
	URL          *string      `json:"url"`
	IsPaid       bool         `json:"is_paid"`
	Rating       *hwRating    `json:"rating"`
	CID          string       `json:"cid"`
	Rectangle    *hwRectangle `json:"rectangle"`
}
