package golden

import "encoding/json"

// The rest of the hand-written baseline of bench_serp_plain_test.go: the
// item kinds with nested items.

type hwMapsSearch struct {
	Type                 string           `json:"type"`
	RankGroup            int64            `json:"rank_group"`
	RankAbsolute         int64            `json:"rank_absolute"`
	Domain               *string          `json:"domain"`
	Title                string           `json:"title"`
	OriginalTitle        *string          `json:"original_title"`
	URL                  *string          `json:"url"`
	ContactURL           *string          `json:"contact_url"`
	ContributorURL       *string          `json:"contributor_url"`
	BookOnlineURL        *string          `json:"book_online_url"`
	Rating               *hwRating        `json:"rating"`
	HotelRating          *int64           `json:"hotel_rating"`
	PriceLevel           *string          `json:"price_level"`
	RatingDistribution   map[string]int64 `json:"rating_distribution"`
	Snippet              string           `json:"snippet"`
	Address              string           `json:"address"`
	AddressInfo          hwAddressInfo    `json:"address_info"`
	PlaceID              string           `json:"place_id"`
	Phone                *string          `json:"phone"`
	MainImage            string           `json:"main_image"`
	TotalPhotos          int64            `json:"total_photos"`
	Category             string           `json:"category"`
	AdditionalCategories []string         `json:"additional_categories"`
	CategoryIDs          []string         `json:"category_ids"`
	WorkHours            hwWorkHours      `json:"work_hours"`
	FeatureID            string           `json:"feature_id"`
	CID                  string           `json:"cid"`
	Latitude             float64          `json:"latitude"`
	Longitude            float64          `json:"longitude"`
	IsClaimed            bool             `json:"is_claimed"`
	LocalJustifications  json.RawMessage  `json:"local_justifications"`
	IsDirectoryItem      bool             `json:"is_directory_item"`
}

type hwAddressInfo struct {
	Borough     *string `json:"borough"`
	Address     string  `json:"address"`
	City        string  `json:"city"`
	Zip         string  `json:"zip"`
	Region      string  `json:"region"`
	CountryCode string  `json:"country_code"`
}

type hwWorkHours struct {
	Timetable *struct {
		Sunday    []hwOpenClose `json:"sunday"`
		Monday    []hwOpenClose `json:"monday"`
		Tuesday   []hwOpenClose `json:"tuesday"`
		Wednesday []hwOpenClose `json:"wednesday"`
		Thursday  []hwOpenClose `json:"thursday"`
		Friday    []hwOpenClose `json:"friday"`
		Saturday  []hwOpenClose `json:"saturday"`
	} `json:"timetable"`
	CurrentStatus string `json:"current_status"`
}

type hwOpenClose struct {
	Open  hwHourMinute `json:"open"`
	Close hwHourMinute `json:"close"`
}

type hwHourMinute struct {
	Hour   int64 `json:"hour"`
	Minute int64 `json:"minute"`
}

type hwNewsSearch struct {
	Type          string       `json:"type"`
	RankGroup     int64        `json:"rank_group"`
	RankAbsolute  int64        `json:"rank_absolute"`
	XPath         string       `json:"xpath"`
	Domain        string       `json:"domain"`
	Title         string       `json:"title"`
	URL           string       `json:"url"`
	ImageURL      string       `json:"image_url"`
	TimePublished *string      `json:"time_published"`
	Timestamp     string       `json:"timestamp"`
	Snippet       string       `json:"snippet"`
	Rectangle     *hwRectangle `json:"rectangle"`
}

type hwTopStories struct {
	Type         string                `json:"type"`
	RankGroup    int64                 `json:"rank_group"`
	RankAbsolute int64                 `json:"rank_absolute"`
	Position     string                `json:"position"`
	XPath        string                `json:"xpath"`
	Title        string                `json:"title"`
	Items        []hwTopStoriesElement `json:"items"`
	Rectangle    *hwRectangle          `json:"rectangle"`
}

type hwTopStoriesElement struct {
	Type       string  `json:"type"`
	Source     string  `json:"source"`
	Domain     string  `json:"domain"`
	Title      string  `json:"title"`
	Date       string  `json:"date"`
	AmpVersion bool    `json:"amp_version"`
	Timestamp  string  `json:"timestamp"`
	URL        string  `json:"url"`
	ImageURL   *string `json:"image_url"`
}

type hwRelatedSearches struct {
	Type         string       `json:"type"`
	RankGroup    int64        `json:"rank_group"`
	RankAbsolute int64        `json:"rank_absolute"`
	Position     string       `json:"position"`
	XPath        string       `json:"xpath"`
	Items        []string     `json:"items"`
	Rectangle    *hwRectangle `json:"rectangle"`
}

type hwCarousel struct {
	Type         string              `json:"type"`
	RankGroup    int64               `json:"rank_group"`
	RankAbsolute int64               `json:"rank_absolute"`
	Position     string              `json:"position"`
	XPath        string              `json:"xpath"`
	Title        *string             `json:"title"`
	Items        []hwCarouselElement `json:"items"`
	Rectangle    *hwRectangle        `json:"rectangle"`
}

type hwCarouselElement struct {
	Type     string  `json:"type"`
	Title    string  `json:"title"`
	Subtitle *string `json:"subtitle"`
	ImageURL string  `json:"image_url"`
}

type hwAIOverview struct {
	Type                   string                  `json:"type"`
	RankGroup              int64                   `json:"rank_group"`
	RankAbsolute           int64                   `json:"rank_absolute"`
	Position               string                  `json:"position"`
	XPath                  string                  `json:"xpath"`
	AsynchronousAIOverview bool                    `json:"asynchronous_ai_overview"`
	Markdown               string                  `json:"markdown"`
	Items                  hwAIOverviewItems       `json:"items"`
	References             []hwAIOverviewReference `json:"references"`
	Rectangle              *hwRectangle            `json:"rectangle"`
}

// hwAIOverviewItems are an ai_overview's items, of four kinds.
type hwAIOverviewItems []any

func (s *hwAIOverviewItems) UnmarshalJSON(b []byte) error {
	items, err := unmarshalUnion(b, func(kind string) any {
		switch kind {
		case "ai_overview_element":
			return new(hwAIOverviewElement)
		case "ai_overview_expanded_element":
			return new(hwAIOverviewExpandedElement)
		case "ai_overview_table_element":
			return new(hwAIOverviewTableElement)
		case "ai_overview_video_element":
			return new(hwAIOverviewVideoElement)
		}
		return nil
	})
	*s = items
	return err
}

type hwAIOverviewReference struct {
	Type         string `json:"type"`
	RankGroup    int64  `json:"rank_group"`
	RankAbsolute int64  `json:"rank_absolute"`
	Position     string `json:"position"`
	Source       string `json:"source"`
	Domain       string `json:"domain"`
	URL          string `json:"url"`
	Title        string `json:"title"`
	Text         string `json:"text"`
}

type hwAIOverviewElement struct {
	Type         string                  `json:"type"`
	RankGroup    int64                   `json:"rank_group"`
	RankAbsolute int64                   `json:"rank_absolute"`
	Position     string                  `json:"position"`
	Title        *string                 `json:"title"`
	Text         string                  `json:"text"`
	Markdown     string                  `json:"markdown"`
	Links        []hwLinkElement         `json:"links"`
	Images       []hwImagesElement       `json:"images"`
	References   []hwAIOverviewReference `json:"references"`
}

type hwAIOverviewExpandedElement struct {
	Type       string                          `json:"type"`
	Position   string                          `json:"position"`
	Title      string                          `json:"title"`
	Text       string                          `json:"text"`
	Components []hwAIOverviewExpandedComponent `json:"components"`
	References []hwAIOverviewReference         `json:"references"`
}

type hwAIOverviewExpandedComponent struct {
	Type         string                  `json:"type"`
	RankGroup    int64                   `json:"rank_group"`
	RankAbsolute int64                   `json:"rank_absolute"`
	Title        *string                 `json:"title"`
	Text         string                  `json:"text"`
	Markdown     string                  `json:"markdown"`
	Links        []hwLinkElement         `json:"links"`
	Images       []hwImagesElement       `json:"images"`
	References   []hwAIOverviewReference `json:"references"`
}

type hwAIOverviewTableElement struct {
	Type     string `json:"type"`
	Position string `json:"position"`
	Markdown string `json:"markdown"`
	Table    struct {
		TableHeader  []string   `json:"table_header"`
		TableContent [][]string `json:"table_content"`
	} `json:"table"`
	References []hwAIOverviewReference `json:"references"`
}

type hwAIOverviewVideoElement struct {
	Type      string `json:"type"`
	Position  string `json:"position"`
	Source    string `json:"source"`
	Domain    string `json:"domain"`
	Title     string `json:"title"`
	Snippet   string `json:"snippet"`
	URL       string `json:"url"`
	ImageURL  string `json:"image_url"`
	Timestamp string `json:"timestamp"`
	Date      string `json:"date"`
}
