package fetch

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
)

// The documentation site prints its navigation on every page: a nested
// list of links, one per page of the whole API. A capture of a page keeps
// it; NavigationPages reads it back, so that the list of pages to fetch
// can cover the documentation.

// navItem is one line of the navigation: "  - [Summary](https://docs.dataforseo.com/v3/backlinks/summary/live/?bash)".
var navItem = regexp.MustCompile(`^(\s*)[-*] \[[^\]]*\]\((https://docs\.dataforseo\.com/v3/[^)\s]*)\)\s*$`)

// NavigationPages returns the addresses of the pages a captured page's
// navigation lists, without query and fragment, in the order it lists
// them. Only the list's leaves are pages: an entry with entries below it
// is a group (the capture links groups to the page itself).
func NavigationPages(text string) []string {
	type item struct {
		indent int
		url    string
	}
	var items []item
	for _, l := range strings.Split(text, "\n") {
		if m := navItem.FindStringSubmatch(strings.TrimRight(l, "\r")); m != nil {
			items = append(items, item{len(m[1]), m[2]})
		}
	}
	var out []string
	for i, it := range items {
		if i+1 < len(items) && items[i+1].indent > it.indent {
			continue // a group
		}
		u, err := url.Parse(it.url)
		if err != nil {
			continue
		}
		u.RawQuery, u.Fragment = "", ""
		if s := u.String(); !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// SlugOf is the WordPress slug of a documentation page: its path after
// /v3/, "/" written "-" ("https://docs.dataforseo.com/v3/backlinks/summary/live/"
// is "backlinks-summary-live"). The site's root has none.
func SlugOf(page string) string {
	u, err := url.Parse(page)
	if err != nil {
		return ""
	}
	p := strings.Trim(strings.TrimPrefix(u.Path, "/v3"), "/")
	return strings.ReplaceAll(p, "/", "-")
}

// AddSources returns the sources file text with a line added for each
// page whose slug it does not list yet, written to slug.json; the lines
// it has stay as they are.
func AddSources(existing []byte, pages []string) ([]byte, int) {
	listed := map[string]bool{}
	for _, l := range strings.Split(string(existing), "\n") {
		if f := strings.Fields(l); len(f) == 2 && !strings.HasPrefix(f[0], "#") {
			listed[f[0]] = true
		}
	}
	out := strings.TrimRight(string(existing), "\n") + "\n"
	added := 0
	for _, p := range pages {
		slug := SlugOf(p)
		if slug == "" || listed[slug] {
			continue
		}
		listed[slug] = true
		out += slug + " " + slug + ".json\n"
		added++
	}
	return []byte(out), added
}
