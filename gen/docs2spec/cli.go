package docs2spec

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/dataforseo-go/dataforseo/gen/fetch"
	"github.com/dataforseo-go/dataforseo/gen/specdiff"
)

// Main is the docs2spec command: generate (the default), fetch or diff.
// It returns the exit status.
func Main(args []string, stdout, stderr io.Writer) int {
	cmd := "generate"
	if len(args) > 0 && (args[0] == "fetch" || args[0] == "diff" || args[0] == "generate" || args[0] == "sources") {
		cmd, args = args[0], args[1:]
	}
	var err error
	switch cmd {
	case "fetch":
		err = fetchCmd(args, stderr)
	case "diff":
		err = diffCmd(args, stdout)
	case "sources":
		err = sourcesCmd(args, stderr)
	default:
		err = generateCmd(args)
	}
	if err != nil {
		fmt.Fprintln(stderr, "docs2spec:", err)
		return 1
	}
	return 0
}

func generateCmd(args []string) error {
	fs := flag.NewFlagSet("docs2spec", flag.ContinueOnError)
	var o Options
	fs.StringVar(&o.PagesDir, "pages", "spec/pages", "directory of documentation pages")
	fs.StringVar(&o.SpecPath, "spec", "spec/openapi.yaml", "where to write the OpenAPI spec")
	fs.StringVar(&o.ReportPath, "report", "spec/REPORT.md", "where to write the report")
	fs.StringVar(&o.ResponsesDir, "responses", "", "directory of response bodies recorded from the API (default: responses beside -pages, if it exists)")
	fs.BoolVar(&o.Strict, "strict", false, "make every repaired example and every left-out example an error")
	if err := fs.Parse(args); err != nil {
		return err
	}
	return Run(o)
}

func fetchCmd(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("docs2spec fetch", flag.ContinueOnError)
	sources := fs.String("sources", "spec/sources.txt", "the list of pages to fetch")
	pages := fs.String("pages", "spec/pages", "directory the pages are written to")
	var o fetch.Options
	fs.StringVar(&o.BaseURL, "base", fetch.DefaultBaseURL, "the documentation site")
	fs.IntVar(&o.Concurrency, "concurrency", 2, "requests at a time")
	fs.DurationVar(&o.Delay, "delay", 500*time.Millisecond, "pause between two requests of a worker")
	fs.DurationVar(&o.Timeout, "timeout", 30*time.Second, "timeout of one request")
	if err := fs.Parse(args); err != nil {
		return err
	}
	list, err := fetch.ReadSources(*sources)
	if err != nil {
		return err
	}
	o.Progress = func(format string, a ...any) { fmt.Fprintf(stderr, format+"\n", a...) }
	results, err := fetch.Run(context.Background(), nil, list, *pages, o)
	counts := map[fetch.Status]int{}
	for _, r := range results {
		counts[r.Status]++
	}
	fmt.Fprintf(stderr, "%d pages: %d added, %d updated, %d unchanged, %d failed\n", len(results),
		counts[fetch.Added], counts[fetch.Updated], counts[fetch.Unchanged], counts[fetch.Failed])
	return err
}

func diffCmd(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("docs2spec diff", flag.ContinueOnError)
	baseRef := fs.String("base-ref", "main", "git revision whose spec/openapi.yaml is the base")
	baseFile := fs.String("base", "", "the base spec file (instead of -base-ref)")
	head := fs.String("head", "spec/openapi.yaml", "the new spec file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var base []byte
	var err error
	baseName := *baseFile
	if baseName != "" {
		base, err = os.ReadFile(baseName)
	} else {
		baseName = *baseRef + ":spec/openapi.yaml"
		base, err = exec.Command("git", "show", baseName).Output()
	}
	if err != nil {
		return fmt.Errorf("reading the base spec %s: %w", baseName, err)
	}
	headData, err := os.ReadFile(*head)
	if err != nil {
		return err
	}
	r, err := specdiff.Compare(base, headData)
	if err != nil {
		return err
	}
	_, err = io.WriteString(stdout, r.Markdown(baseName, *head))
	return err
}

// sourcesCmd adds to the sources file every page the navigation of the
// captured pages in -from lists (the site prints the whole documentation's
// navigation on each page).
func sourcesCmd(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("docs2spec sources", flag.ContinueOnError)
	sources := fs.String("sources", "spec/sources.txt", "the list of pages to fetch, rewritten")
	from := fs.String("from", "spec/pages", "directory of captured pages whose navigation lists the documentation")
	if err := fs.Parse(args); err != nil {
		return err
	}
	names, err := files(*from)
	if err != nil {
		return err
	}
	var pages []string
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(*from, n))
		if err != nil {
			return err
		}
		pages = append(pages, fetch.NavigationPages(string(data))...)
	}
	existing, err := os.ReadFile(*sources)
	if err != nil {
		return err
	}
	out, added := fetch.AddSources(existing, pages)
	fmt.Fprintf(stderr, "%s: %d pages added\n", *sources, added)
	return os.WriteFile(*sources, out, 0o644)
}
