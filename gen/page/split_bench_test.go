package page

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// consolidated builds a multi-page file of copies of the pages of
// spec/pages/backlinks-consolidated.md, each copy's headings renamed
// ("### Summary" is "### Summary 2" in the second copy), so that the
// file holds copies*(its pages) pages.
func consolidated(tb testing.TB, copies int) (text string, pages int) {
	tb.Helper()
	data, err := os.ReadFile("../../spec/pages/backlinks-consolidated.md")
	if err != nil {
		tb.Fatal(err)
	}
	lines := splitLines(string(data))
	starts := splitPages(lines)
	if len(starts) < 2 {
		tb.Fatalf("backlinks-consolidated.md: %d page starts", len(starts))
	}
	var b strings.Builder
	b.WriteString(strings.Join(lines[:starts[0].line], "\n"))
	body := lines[starts[0].line:]
	for c := 1; c <= copies; c++ {
		next := 0
		for i, l := range body {
			if next < len(starts) && i == starts[next].line-starts[0].line {
				l = fmt.Sprintf("%s %d", l, c)
				next++
			}
			b.WriteString("\n")
			b.WriteString(l)
		}
	}
	return b.String(), copies * len(starts)
}

// BenchmarkParseFileMultiPage reads consolidated files of 23, 92 and 184
// pages; ns/page is what one page costs, which should not grow with the
// file.
func BenchmarkParseFileMultiPage(b *testing.B) {
	for _, copies := range []int{1, 4, 8} {
		text, n := consolidated(b, copies)
		data := []byte(text)
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				pages, errs := ParseFile("backlinks.md", data)
				if len(pages)+len(errs) != n {
					b.Fatalf("%d pages and %d errors, want %d pages", len(pages), len(errs), n)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/page")
		})
	}
}
