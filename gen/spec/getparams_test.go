package spec_test

import (
	"strings"
	"testing"

	"github.com/dataforseo-go/dataforseo/gen/page"
)

// getPage writes a tab-separated GET page with request rows.
func getPage(t *testing.T, request ...string) *page.Page {
	t.Helper()
	var b strings.Builder
	b.WriteString("GET https://api.dataforseo.com/v3/widgets/locations\n")
	b.WriteString("The above command returns JSON structured like this:\n" +
		`{"tasks":[{"id":"1","data":{"api":"widgets","function":"locations"},"result":[{"location_code":1,"country_iso_code":"US"}]}]}` + "\n")
	b.WriteString("Description of the fields for setting a task:\nField name\tType\tDescription\n")
	for _, r := range request {
		b.WriteString(r + "\n")
	}
	b.WriteString("Description of the fields in the results array:\nField name\tType\tDescription\n")
	for _, r := range []string{"tasks\tarray\tarray of tasks", "    result\tarray\tarray of results",
		"        location_code\tinteger\tlocation code", "        country_iso_code\tstring\tISO country code"} {
		b.WriteString(r + "\n")
	}
	p, err := page.Parse("get.txt", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestGetFilterSegment: rule G2.
func TestGetFilterSegment(t *testing.T) {
	const base, byCountry = "/v3/widgets/locations", "/v3/widgets/locations/{country}"
	t.Run("one optional row", func(t *testing.T) {
		doc, report := build(t, getPage(t, "country\tstring\tcountry ISO code optional field specify it to filter the list"))
		op := doc.Paths.Value(byCountry)
		if doc.Paths.Value(base) == nil || op == nil || op.Get == nil {
			t.Fatalf("paths %v, want %s and %s", doc.Paths.InMatchingOrder(), base, byCountry)
		}
		if op.Get.OperationID != "widgetsLocationsByCountry" || len(op.Get.Parameters) != 1 ||
			op.Get.Parameters[0].Value.Name != "country" || !op.Get.Parameters[0].Value.Required {
			t.Errorf("operation %s, parameters %+v", op.Get.OperationID, op.Get.Parameters)
		}
		if got, want := op.Get.Responses.Status(200).Value.Content.Get("application/json").Schema.Ref,
			doc.Paths.Value(base).Get.Responses.Status(200).Value.Content.Get("application/json").Schema.Ref; got != want {
			t.Errorf("response %s, want the base path's %s", got, want)
		}
		if n := report.Count("GET", base, "path-parameter"); n != 1 || report.Count("GET", base, "left-out") != 0 {
			t.Errorf("report:\n%s", report.Markdown())
		}
	})
	for name, rows := range map[string][]string{
		"a required row": {"country\tstring\tcountry ISO code required field"},
		"two rows":       {"country\tstring\tcountry ISO code optional field", "kind\tstring\tthe kind optional field"},
	} {
		t.Run(name, func(t *testing.T) {
			doc, report := build(t, getPage(t, rows...))
			if doc.Paths.Value(byCountry) != nil || doc.Paths.Len() != 1 {
				t.Errorf("paths %v, want only %s", doc.Paths.InMatchingOrder(), base)
			}
			if n := report.Count("GET", base, "left-out"); n != len(rows) || report.Count("GET", base, "path-parameter") != 0 {
				t.Errorf("report:\n%s", report.Markdown())
			}
		})
	}
}
