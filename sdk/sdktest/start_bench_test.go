package sdktest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// What starting a server costs a process: reading the catalog (done once
// per process by NewServer) and answering the first call, which is all
// the first test of a package that uses the mock pays. Compare runs with
// benchstat.

// startServer is the state of a Server of cat, without a listener.
func startServer(cat *catalog) *Server {
	s := &Server{cfg: defaultConfig(), catalog: cat}
	s.queue = newQueue(&s.cfg)
	return s
}

// firstCalls are the first calls measured: a Backlinks one, and a SERP
// one whose schemas are the largest of the spec (every kind of item).
var firstCalls = []struct{ name, path, body string }{
	{"backlinks", "/v3/backlinks/referring_domains/live", `[{"target":"example.com","limit":2}]`},
	{"serp", "/v3/serp/google/organic/live/advanced", `[{"keyword":"water","location_code":2840,"language_code":"en"}]`},
}

// firstCall answers one call and fails b unless it succeeded.
func firstCall(b *testing.B, s *Server, path, body string) {
	r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
	r.SetBasicAuth(DefaultLogin, DefaultPassword)
	r.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	s.serve(w, r)
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"status_code":20000`) {
		b.Fatalf("first call: HTTP %d %.300s", w.Code, w.Body.String())
	}
}

// BenchmarkStartCatalog is reading the catalog.
func BenchmarkStartCatalog(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := buildCatalog(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStartFirstCall is reading the catalog and answering a first
// call, as the first test of a process does.
func BenchmarkStartFirstCall(b *testing.B) {
	for _, c := range firstCalls {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				cat, err := buildCatalog()
				if err != nil {
					b.Fatal(err)
				}
				firstCall(b, startServer(cat), c.path, c.body)
			}
		})
	}
}
