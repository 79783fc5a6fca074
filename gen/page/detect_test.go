package page

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       Format // "" for no format
	}{
		{"wordpress", "  {\"content\":{\"rendered\":\"Field name\\tType\\tDescription\"}}", WordPressJSON},
		{"markdown table", "intro\n| Field name | Type | Description |\n|---|---|---|\n", Markdown},
		{"markdown table, indented", "  |Field name|Type|Description|", Markdown},
		{"pipe", "x\nField name | Type | Description |\n---|---|---|\n", PipeText},
		{"pipe, CRLF", "x\r\nField name | Type | Description |\r\n", PipeText},
		{"tab", "Field name\tType\tDescription\t\r\nid\tstring\tx", TabText},
		{"space", "a\n   Field name Type Description  \nid string x", SpaceText},
		{"the first header wins", "Field name Type Description\n| Field name | Type | Description |\n", SpaceText},
		{"the first header wins, whatever the reader order", "Field name\tType\tDescription\n| Field name | Type | Description |\n", TabText},
		{"a header before a fence", "```\ncode\n```\nField name | Type | Description |", PipeText},
		{"fences only", "prose\n  ```json\n{}\n```", Markdown},
		{"fences, last line without a newline", "prose\n```", Markdown},
		{"a header in prose is no header", "the Field name | Type | Description | columns", ""},
		{"a header split over lines is no header", "|\nField name|Type|Description|", ""},
		{"nothing", "just prose\nand more", ""},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Detect([]byte(tc.text))
			if !ok {
				got = ""
			}
			if got != tc.want {
				t.Errorf("Detect = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestDetectAsTheWholeTextPatterns: on every page of the repository and of
// the tests, the line scan picks the format the whole-text multi-line
// patterns it replaced picked.
func TestDetectAsTheWholeTextPatterns(t *testing.T) {
	old := map[Format]*regexp.Regexp{
		Markdown:  regexp.MustCompile(`(?m)^[ \t]*\|\s*Field name\s*\|\s*Type\s*\|\s*Description\s*\|`),
		PipeText:  regexp.MustCompile(`(?m)^[ \t]*Field name \| Type \| Description \|?[ \t]*\r?$`),
		TabText:   regexp.MustCompile(`(?m)^[ \t]*Field name\tType\tDescription[ \t]*\r?$`),
		SpaceText: regexp.MustCompile(`(?m)^[ \t]*Field name Type Description[ \t]*\r?$`),
	}
	fence := regexp.MustCompile("(?m)^[ \t]*```")
	oldDetect := func(text string) Format {
		if strings.HasPrefix(strings.TrimSpace(text), "{") {
			return WordPressJSON
		}
		best, bestAt := Format(""), len(text)+1
		for _, f := range []Format{Markdown, PipeText, TabText, SpaceText} {
			if loc := old[f].FindStringIndex(text); loc != nil && loc[0] < bestAt {
				best, bestAt = f, loc[0]
			}
		}
		if best == "" && fence.MatchString(text) {
			best = Markdown
		}
		return best
	}
	n := 0
	for _, pattern := range []string{"testdata/*/*", "../../spec/pages/*"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			n++
			got, ok := Detect(data)
			if !ok {
				got = ""
			}
			if want := oldDetect(string(data)); got != want {
				t.Errorf("%s: %q, the whole-text patterns say %q", file, got, want)
			}
		}
	}
	if n < 10 {
		t.Fatalf("only %d pages", n)
	}
}

func TestCleanLine(t *testing.T) {
	for in, want := range map[string]string{
		"":                              "",
		"plain":                         "plain",
		"  two  \t spaces\t\tand tabs ": "two spaces and tabs",
		"no\u00a0break\u200b":           "no break",
		"\u00a0 \u00a0lead":             "lead",
		"a \u200b b":                    "a b",
	} {
		if got := cleanLine(in); got != want {
			t.Errorf("cleanLine(%q) = %q, want %q", in, got, want)
		}
	}
}
