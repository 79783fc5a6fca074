// Package fetch refreshes spec/pages from docs.dataforseo.com. The site is
// WordPress: a page is JSON from its REST API
// (/v3/wp-json/wp/v2/pages?slug=backlinks-referring_domains-live), the
// format the page package reads as WordPress JSON.
//
// Which pages to fetch is one reviewable file, spec/sources.txt. A page
// is rewritten only when its "modified" stamp or its content changed, so
// the page diff of a pull request shows only what changed upstream. It is
// polite by default: two requests at a time, a pause between requests,
// retries with backoff on 429 and 5xx, a timeout; a page that fails is
// reported and the others still land.
package fetch

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Source is one page to fetch: its WordPress slug and the file of
// spec/pages it is written to.
type Source struct {
	Slug string
	File string
	Line int // in the sources file
}

// ReadSources reads the sources file: one page a line, "slug file";
// blank lines and lines starting with # are ignored.
func ReadSources(path string) ([]Source, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []Source
	seen := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 2 {
			return nil, fmt.Errorf("%s:%d: want \"slug file\", got %q", path, n, line)
		}
		if filepath.Base(f[1]) != f[1] || strings.HasPrefix(f[1], ".") {
			return nil, fmt.Errorf("%s:%d: %q is not a plain file name", path, n, f[1])
		}
		if prev, dup := seen[f[1]]; dup {
			return nil, fmt.Errorf("%s:%d: file %s is also written by line %d", path, n, f[1], prev)
		}
		seen[f[1]] = n
		out = append(out, Source{Slug: f[0], File: f[1], Line: n})
	}
	return out, sc.Err()
}

// Options configure a fetch. The zero value of a field means its default.
type Options struct {
	BaseURL     string        // https://docs.dataforseo.com
	Concurrency int           // requests at a time; 2
	Delay       time.Duration // pause of each worker between requests; 500ms
	Timeout     time.Duration // per request; 30s
	Retries     int           // retries of a 429 or 5xx; 4
	Backoff     time.Duration // first retry wait, doubled each time; 1s
	UserAgent   string
	Progress    func(format string, args ...any) // progress lines; nil is silent
}

// DefaultBaseURL is the documentation site.
const DefaultBaseURL = "https://docs.dataforseo.com"

func (o Options) withDefaults() Options {
	if o.BaseURL == "" {
		o.BaseURL = DefaultBaseURL
	}
	if o.Concurrency <= 0 {
		o.Concurrency = 2
	}
	if o.Delay == 0 {
		o.Delay = 500 * time.Millisecond
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.Retries == 0 {
		o.Retries = 4
	}
	if o.Backoff == 0 {
		o.Backoff = time.Second
	}
	if o.UserAgent == "" {
		o.UserAgent = "dataforseo-go-docs2spec (+https://github.com/dataforseo-go/dataforseo)"
	}
	if o.Progress == nil {
		o.Progress = func(string, ...any) {}
	}
	return o
}

// Status is what happened to one page.
type Status string

// The outcomes of a page.
const (
	Unchanged Status = "unchanged"
	Updated   Status = "updated"
	Added     Status = "added"
	Failed    Status = "failed"
)

// Result is the outcome for one source.
type Result struct {
	Source Source
	Status Status
	Err    error
}
