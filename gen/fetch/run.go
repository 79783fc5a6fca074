package fetch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"
)

// Run fetches every source into pagesDir. It returns one result per
// source, in the sources' order, and an error listing the pages that
// failed (the others are written).
func Run(ctx context.Context, client *http.Client, sources []Source, pagesDir string, o Options) ([]Result, error) {
	o = o.withDefaults()
	if client == nil {
		client = http.DefaultClient
	}
	results := make([]Result, len(sources))
	jobs := make(chan int)
	var wg sync.WaitGroup
	var done int
	var mu sync.Mutex
	for range min(o.Concurrency, max(len(sources), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			first := true
			for i := range jobs {
				if !first {
					sleep(ctx, o.Delay)
				}
				first = false
				r := fetchOne(ctx, client, sources[i], pagesDir, o)
				results[i] = r
				mu.Lock()
				done++
				if r.Err != nil {
					o.Progress("[%d/%d] %s: %s: %v", done, len(sources), sources[i].Slug, r.Status, r.Err)
				} else {
					o.Progress("[%d/%d] %s: %s", done, len(sources), sources[i].Slug, r.Status)
				}
				mu.Unlock()
			}
		}()
	}
	for i := range sources {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	var errs []error
	for _, r := range results {
		if r.Err != nil {
			errs = append(errs, fmt.Errorf("%s (%s, line %d of the sources): %w", r.Source.Slug, r.Source.File, r.Source.Line, r.Err))
		}
	}
	return results, errors.Join(errs...)
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// wpPage is the part of a WordPress page the comparison needs.
type wpPage struct {
	Modified string `json:"modified"`
	Content  *struct {
		Rendered string `json:"rendered"`
	} `json:"content"`
}

func fetchOne(ctx context.Context, client *http.Client, s Source, dir string, o Options) Result {
	fail := func(err error) Result { return Result{Source: s, Status: Failed, Err: err} }
	raw, err := download(ctx, client, s.Slug, o)
	if err != nil {
		return fail(err)
	}
	var fresh wpPage
	if err := json.Unmarshal(raw, &fresh); err != nil || fresh.Content == nil || fresh.Modified == "" {
		return fail(fmt.Errorf("the page JSON has no content.rendered or modified"))
	}
	path := filepath.Join(dir, s.File)
	old, err := os.ReadFile(path)
	status := Added
	if err == nil {
		status = Updated
		var prev wpPage
		if json.Unmarshal(old, &prev) == nil && prev.Content != nil &&
			prev.Modified == fresh.Modified && prev.Content.Rendered == fresh.Content.Rendered {
			return Result{Source: s, Status: Unchanged}
		}
	}
	if err := writeFile(path, raw); err != nil {
		return fail(err)
	}
	return Result{Source: s, Status: status}
}

// writeFile replaces path atomically.
func writeFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".fetch-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// errRetry marks an answer worth asking again: 429, 5xx, a body cut short.
type errRetry struct {
	err   error
	after time.Duration
}

func (e *errRetry) Error() string { return e.err.Error() }

// download returns the page's JSON object, as the site wrote it.
func download(ctx context.Context, client *http.Client, slug string, o Options) ([]byte, error) {
	u := o.BaseURL + "/v3/wp-json/wp/v2/pages?slug=" + url.QueryEscape(slug)
	wait := o.Backoff
	for attempt := 0; ; attempt++ {
		raw, err := get(ctx, client, u, o)
		var re *errRetry
		if err == nil || !errors.As(err, &re) || attempt >= o.Retries || ctx.Err() != nil {
			if re != nil {
				err = fmt.Errorf("%w (after %d attempts)", re.err, attempt+1)
			}
			return raw, err
		}
		d := max(wait, re.after)
		o.Progress("%s: %v; retrying in %s", slug, re.err, d)
		sleep(ctx, d)
		wait *= 2
	}
}

func get(ctx context.Context, client *http.Client, u string, o Options) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", o.UserAgent)
	req.Header.Set("Accept", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return nil, &errRetry{err: err}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	switch {
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		return nil, &errRetry{err: fmt.Errorf("HTTP %d", resp.StatusCode), after: retryAfter(resp.Header.Get("Retry-After"))}
	case resp.StatusCode == http.StatusNotFound:
		return nil, fmt.Errorf("HTTP 404: no such page")
	case resp.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("HTTP %d", resp.StatusCode)
	case err != nil:
		return nil, &errRetry{err: fmt.Errorf("reading the body: %w", err)}
	}
	var pages []json.RawMessage
	if err := json.Unmarshal(body, &pages); err != nil {
		return nil, fmt.Errorf("the answer is not a JSON array of pages (%d bytes): %v", len(body), err)
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("no page has this slug")
	}
	return append(bytes.TrimSpace(pages[0]), '\n'), nil
}

func retryAfter(h string) time.Duration {
	if s, err := strconv.Atoi(h); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil {
		return time.Until(t)
	}
	return 0
}
