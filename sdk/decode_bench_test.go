package sdk_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dataforseo-go/dataforseo/sdk"
)

// itemsResponse is a response of one result with n items; the item at
// misfit (if it is in range) has a float rank, which does not fit int64.
func itemsResponse(n, misfit int) []byte {
	var b strings.Builder
	b.WriteString(`{"version":"0.1","status_code":20000,"status_message":"Ok.","time":"0.1 sec.","cost":0.02,"tasks_count":1,"tasks_error":0,` +
		`"tasks":[{"id":"t1","status_code":20000,"status_message":"Ok.","time":"0.1 sec.","cost":0.02,"result_count":1,` +
		`"path":["v3","backlinks","referring_domains","live"],"data":{"api":"backlinks","function":"referring_domains","target":"a.com"},` +
		`"result":[{"target":"a.com","total_count":` + fmt.Sprint(n) + `,"items_count":` + fmt.Sprint(n) + `,"items":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		rank := fmt.Sprint(i % 1000)
		if i == misfit {
			rank = "1.5"
		}
		fmt.Fprintf(&b, `{"type":"backlinks_referring_domain","domain":"domain-%d.example.com","rank":%s,"backlinks":%d,`+
			`"first_seen":"2021-10-16 16:46:16 +00:00","lost_date":null,"referring_links_tld":{"com":%d,"net":1}}`, i, rank, i*7, i%13)
	}
	b.WriteString(`]}]}]}`)
	return []byte(b.String())
}

// BenchmarkDecodeOneMisfit decodes a response of 1,000 items, one of them
// with a value that does not fit its type: the slow path of Decode, where
// the wire walk runs after encoding/json. "clean" is the same body without
// the misfit, for the cost of the fast path.
func BenchmarkDecodeOneMisfit(b *testing.B) {
	for _, bench := range []struct {
		name   string
		misfit int
	}{{"misfit", 700}, {"clean", -1}} {
		data := itemsResponse(1000, bench.misfit)
		b.Run(bench.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				var resp testResponse
				err := sdk.Decode(data, &resp)
				if (err != nil) != (bench.misfit >= 0) {
					b.Fatal(err)
				}
			}
		})
	}
}
