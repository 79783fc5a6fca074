package page

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The searches that replaced whole-text regexps (one pattern per method
// with a literal to skip to; a case-folded phrase) find what the patterns
// they replaced find: on crafted texts and on every page at hand (the
// repository's, the tests', and the shared corpus beside the repository
// when it is there).

var (
	oldEndpointRe   = regexp.MustCompile(`\b(GET|POST)(?:\s*"?https?://api\.dataforseo\.com|\s+"?)(/v3/[A-Za-z0-9_./{}$-]*[A-Za-z0-9_}])`)
	oldExampleIntro = regexp.MustCompile(`(?i)returns JSON structured like this`)
)

func oldMentions(text string) [][2]string {
	var out [][2]string
	for _, m := range oldEndpointRe.FindAllStringSubmatch(text, -1) {
		out = append(out, [2]string{m[1], m[2]})
	}
	return out
}

func oldIntros(text string) [][2]int {
	var out [][2]int
	for _, loc := range oldExampleIntro.FindAllStringIndex(text, -1) {
		out = append(out, [2]int{loc[0], loc[1]})
	}
	return out
}

var scanTexts = map[string]string{
	"banner":                  "POST https://api.dataforseo.com/v3/serp/google/organic/live/advanced\n",
	"banner without a space":  `POSThttps://api.dataforseo.com/v3/a/b`,
	"comment":                 "  // GET /v3/serp/id_list\n",
	"quoted":                  `curl --request POST "https://api.dataforseo.com/v3/a/live"`,
	"no word boundary":        "XPOST /v3/a/b and AGET /v3/c then GET /v3/d",
	"both, in text order":     "GET /v3/x/1 POST /v3/y/2 GET /v3/z/3 POST /v3/w/4",
	"a method inside a path":  "POST /v3/GET /v3/x",
	"a method in a word":      "FORGET /v3/a/b POSTS /v3/c",
	"method across lines":     "POST\n\n  https://api.dataforseo.com/v3/a/b",
	"parameter":               "GET https://api.dataforseo.com/v3/a/task_get/$id",
	"nothing":                 "no endpoint here",
	"intro":                   "The above command returns JSON structured like this:\n{}",
	"intro in another case":   "RETURNS json Structured Like This and returns JSON structured like this",
	"intros back to back":     "returns JSON structured like thisreturns JSON structured like this",
	"intro, not quite":        "returns JSON structured like th",
	"non-ASCII before intros": "é returns JSON structured like this ü",
}

func TestScansAsTheRegexps(t *testing.T) {
	texts := map[string]string{}
	for name, text := range scanTexts {
		texts[name] = text
	}
	for _, pattern := range []string{"testdata/*/*", "../../spec/pages/*", "../../../shared/docs/pages/*", "../../../shared/seeds/*"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			texts[file] = string(data)
		}
	}
	mentions := 0
	for name, text := range texts {
		want := oldMentions(text)
		mentions += len(want)
		if d := cmp.Diff(want, endpointMentions(text)); d != "" {
			t.Errorf("%s: endpoint mentions (-regexp +scan):\n%s", name, d)
		}
		if d := cmp.Diff(oldIntros(text), indexAllFold(text, exampleIntro)); d != "" {
			t.Errorf("%s: example intros (-regexp +scan):\n%s", name, d)
		}
	}
	if mentions < 100 {
		t.Errorf("only %d endpoint mentions in %d texts: the comparison proves little", mentions, len(texts))
	}
}

// TestTitleAndSummaryAsEveryLineCleaned: skipping the lines that cannot
// start with a t changes no page's title and summary.
func TestTitleAndSummaryAsEveryLineCleaned(t *testing.T) {
	old := func(lines []string) (title, summary string) {
		for i, l := range lines {
			c := cleanLine(strings.TrimLeft(l, "#> "))
			if !strings.HasPrefix(strings.ToLower(c), "this endpoint") {
				continue
			}
			summary = c
			for j := i - 1; j >= 0 && j >= i-6; j-- {
				t := cleanLine(strings.TrimLeft(lines[j], "# "))
				if t == "" {
					continue
				}
				if len(t) < 80 && !strings.ContainsAny(t, ".:;") {
					title = t
				}
				break
			}
			return title, summary
		}
		return "", ""
	}
	texts := []string{"# Widgets\nThis endpoint gives widgets.", "\u200b \u00a0This endpoint x", "#> \tthis Endpoint y",
		"\u200b# this endpoint z", "\u2003This endpoint w", "nothing", "That endpoint", "  T"}
	for _, pattern := range []string{"testdata/*/*", "../../spec/pages/*", "../../../shared/docs/pages/*"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(data))
		}
	}
	found := 0
	for _, text := range texts {
		lines := splitLines(text)
		wt, ws := old(lines)
		if ws != "" {
			found++
		}
		if gt, gs := titleAndSummary(lines); gt != wt || gs != ws {
			t.Errorf("titleAndSummary = %q, %q; cleaning every line gives %q, %q", gt, gs, wt, ws)
		}
	}
	if found < 10 {
		t.Errorf("only %d texts with a summary", found)
	}
}
