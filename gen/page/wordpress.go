package page

import (
	"encoding/json"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// WordPress REST page JSON: {"id", "slug", "modified", "title": {"rendered"},
// "content": {"rendered": HTML}}. The tables are HTML tables whose name
// cells keep the nesting as leading no-break spaces; the examples are
// <pre><code> blocks.
type wpPage struct {
	Slug     string `json:"slug"`
	Link     string `json:"link"`
	Modified string `json:"modified"`
	Title    struct {
		Rendered string `json:"rendered"`
	} `json:"title"`
	Content *struct {
		Rendered string `json:"rendered"`
	} `json:"content"`
}

// shortcode matches the page builder's "[vc_row]" tags left in the HTML.
var shortcode = regexp.MustCompile(`\[/?vc_[a-z_]+[^\]]*\]`)

// parseWordPress reads the page JSON; its lines are not the HTML's, so
// first does not count them, and what has a line number counts from 1 in
// the HTML's text.
func parseWordPress(src, text string, _ int) (*Page, error) {
	var wp wpPage
	if err := json.Unmarshal([]byte(text), &wp); err != nil {
		return nil, &Error{File: src, Part: PartPage, Reason: "starts like a WordPress REST page JSON but does not parse: " + err.Error()}
	}
	if wp.Content == nil || strings.TrimSpace(wp.Content.Rendered) == "" {
		return nil, &Error{File: src, Part: PartPage, Reason: "JSON without content.rendered: not a WordPress REST page"}
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(wp.Content.Rendered))
	if err != nil {
		return nil, &Error{File: src, Part: PartPage, Reason: "content.rendered is not HTML: " + err.Error()}
	}
	var tables []foundTable
	var tableErr error
	doc.Find("table").EachWithBreak(func(_ int, t *goquery.Selection) bool {
		ft, ok, err := htmlTable(src, t)
		if err != nil {
			tableErr = err
			return false
		}
		if ok {
			tables = append(tables, ft)
		}
		return true
	})
	if tableErr != nil {
		return nil, tableErr
	}
	p, err := assembleParts(src, shortcode.ReplaceAllString(doc.Text(), ""), 1, tables, nil, []string{wp.Title.Rendered, wp.Slug})
	if err != nil {
		return nil, err
	}
	p.Format = WordPressJSON
	p.Modified = wp.Modified
	p.URL = wp.Link
	if p.Kind == OverviewPage {
		p.Prose = htmlProse(doc)
	}
	if h := cleanLine(doc.Find("h1, h2").First().Text()); h != "" {
		p.Title = h
	}
	return p, nil
}

// htmlTable reads one <table> if it is a field table.
func htmlTable(src string, t *goquery.Selection) (foundTable, bool, error) {
	var head []string
	t.Find("tr").First().Find("th, td").Each(func(_ int, c *goquery.Selection) {
		head = append(head, strings.ToLower(cleanLine(c.Text())))
	})
	if len(head) < 3 || head[0] != "field name" || head[1] != "type" || !strings.HasPrefix(head[2], "description") {
		return foundTable{}, false, nil
	}
	tbl := &Table{}
	t.Find("tr").Slice(1, goquery.ToEnd).Each(func(_ int, tr *goquery.Selection) {
		cells := tr.Find("td")
		if cells.Length() < 3 {
			return
		}
		nameCell := cells.Eq(0).Text()
		row := Row{
			Pos:         len(tbl.Rows) + 1,
			Name:        cleanLine(nameCell),
			Type:        strings.ToLower(cleanLine(cells.Eq(1).Text())),
			Indent:      indentWidth(nameCell),
			Description: cellText(cells.Eq(2)),
			Marked:      cells.Eq(0).Find("strong, b").Length() > 0,
		}
		tr.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
			href, _ := a.Attr("href")
			row.Links = append(row.Links, href)
		})
		if row.Type == "" && row.Name != "" && !isFieldName(row.Name) {
			row.Heading, row.Name, row.Description = row.Name, "", ""
		}
		tbl.Rows = append(tbl.Rows, row)
	})
	ft := foundTable{kind: kindFromRows(tbl.Rows), table: tbl}
	if isFilterTable(tbl.Rows) {
		return foundTable{kind: filterKind, known: true, table: tbl}, true, nil
	}
	// The sentence introducing the table is in a paragraph before it.
	t.PrevAll().EachWithBreak(func(i int, s *goquery.Selection) bool {
		if k, ok := kindFromMarker(s.Text()); ok {
			ft.kind, ft.known = k, true
			return false
		}
		return i < 6 && goquery.NodeName(s) != "table"
	})
	return ft, true, nil
}

// cellText renders a description cell as text, one line per <br> or
// paragraph, without tags or page-builder shortcodes.
func cellText(s *goquery.Selection) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(strings.ReplaceAll(n.Data, "\n", " "))
		case html.ElementNode:
			switch n.Data {
			case "br":
				b.WriteString("\n")
				return
			case "p", "div", "li", "ul", "ol":
				b.WriteString("\n")
				defer b.WriteString("\n")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range s.Nodes {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	return joinDescription(strings.Split(shortcode.ReplaceAllString(b.String(), ""), "\n"))
}

// htmlProse is an overview page's text: its paragraphs, headings and list
// items in document order.
func htmlProse(doc *goquery.Document) []string {
	var out []string
	doc.Find("p, li, h2, h3, h4, h5").Each(func(_ int, s *goquery.Selection) {
		t := cleanLine(shortcode.ReplaceAllString(s.Text(), ""))
		switch {
		case t == "":
		case goquery.NodeName(s) == "li":
			out = append(out, "- "+t)
		case strings.HasPrefix(goquery.NodeName(s), "h"):
			out = append(out, "# "+t)
		default:
			out = append(out, t)
		}
	})
	return out
}
