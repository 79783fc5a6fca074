package golden

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/dataforseo-go/dataforseo/sdk/backlinks"
	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
)

// BenchmarkCallReferringDomains1000: a whole call for a 1,000-item page,
// gzipped as the API sends it, through the SDK (limits, envelope, costs,
// lenient decoding) and through net/http with encoding/json into the
// hand-written struct, against the same server.
func BenchmarkCallReferringDomains1000(b *testing.B) {
	const path = "/v3/backlinks/referring_domains/live"
	var zipped bytes.Buffer
	zw := gzip.NewWriter(&zipped)
	zw.Write(bigResponse(b, 1000))
	zw.Close()
	srv := sdktest.NewServer(b, sdktest.WithHandler(path, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(zipped.Bytes())
	})))
	ctx := context.Background()
	task := backlinks.ReferringDomainsLiveRequest{Target: "backlinko.com"}
	b.Run("sdk", func(b *testing.B) {
		bl := backlinks.New(srv.Client())
		b.ReportAllocs()
		for b.Loop() {
			resp, err := bl.ReferringDomainsLive(ctx, task)
			if err != nil || len(resp.Tasks[0].Result[0].Items) != 1000 {
				b.Fatal(err)
			}
		}
	})
	b.Run("net-http+std-plain", func(b *testing.B) {
		login, password := srv.Credentials()
		hc := &http.Client{}
		b.ReportAllocs()
		for b.Loop() {
			payload, err := json.Marshal([]backlinks.ReferringDomainsLiveRequest{task})
			if err != nil {
				b.Fatal(err)
			}
			req, err := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+path, bytes.NewReader(payload))
			if err != nil {
				b.Fatal(err)
			}
			req.SetBasicAuth(login, password)
			req.Header.Set("Content-Type", "application/json")
			res, err := hc.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			data, err := io.ReadAll(res.Body)
			res.Body.Close()
			if err != nil {
				b.Fatal(err)
			}
			var resp plainEnvelope[plainReferringDomainsResult]
			if err := json.Unmarshal(data, &resp); err != nil || len(resp.Tasks[0].Result[0].Items) != 1000 {
				b.Fatal(err)
			}
		}
	})
}
