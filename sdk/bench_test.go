package sdk_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
)

// BenchmarkBulkRateLimited runs a bulk job (b.N calls from 30 goroutines)
// through a client limited to 20 calls per second, against a server that
// takes 50ms per call. It reports the rate the server saw, in calls per
// interval and as a share of the limit (the goal: at least 95%), and the
// most calls within one interval, as the server saw them and as the client
// sent them; the client's count must not exceed the limit.
// Run it long enough to cover several intervals: -benchtime=200x.
func BenchmarkBulkRateLimited(b *testing.B) {
	const (
		limit   = 20
		per     = time.Second // the 2% spacing margin is 20ms: more than loopback jitter under load
		workers = 30
	)
	srv := sdktest.NewServer(b, sdktest.WithDelay(50*time.Millisecond))
	sent := &sendLog{next: http.DefaultTransport.(*http.Transport).Clone()}
	sent.next.MaxIdleConnsPerHost = workers
	client := srv.Client(sdk.WithRateLimit(limit, per), sdk.WithMaxConcurrency(workers),
		sdk.WithHTTPClient(&http.Client{Transport: sent}))
	tasks := []testRequest{{Target: "backlinko.com", Limit: sdk.Int(5)}}
	b.ResetTimer()
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for next.Add(1) <= int64(b.N) {
				var resp testResponse
				if err := client.Post(context.Background(), referringDomains, tasks, &resp); err != nil {
					b.Error(err)
				}
			}
		})
	}
	wg.Wait()
	b.StopTimer()
	calls := srv.Calls()
	if len(calls) < 2 {
		return
	}
	span := calls[len(calls)-1].At.Sub(calls[0].At)
	rate := float64(len(calls)-1) * float64(per) / float64(span)
	most := maxInWindow(calls, per)
	mostSent := maxInWindow(sent.calls(), per)
	b.ReportMetric(rate, "calls/interval")
	b.ReportMetric(100*rate/limit, "%-of-limit")
	b.ReportMetric(float64(most), "max-seen/interval")
	b.ReportMetric(float64(mostSent), "max-sent/interval")
	b.ReportMetric(limit, "limit")
	// The limiter's guarantee is on the calls it lets go. The server's count
	// adds the loopback and scheduling delays of each call, which the 2%
	// spacing margin absorbs unless the machine is very busy: reported, and
	// a failure only for what the client sent.
	if mostSent > limit {
		b.Errorf("the client sent %d calls within %v, over the limit of %d", mostSent, per, limit)
	}
}

// sendLog records when each request leaves the client.
type sendLog struct {
	next *http.Transport
	mu   sync.Mutex
	at   []sdktest.Call
}

func (s *sendLog) RoundTrip(r *http.Request) (*http.Response, error) {
	s.mu.Lock()
	s.at = append(s.at, sdktest.Call{At: time.Now()})
	s.mu.Unlock()
	return s.next.RoundTrip(r)
}

func (s *sendLog) calls() []sdktest.Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.at)
}

// BenchmarkCallOverhead compares one call through the client (limits,
// retries, tracing, lenient decoding, status checks) with a bare net/http
// call decoding the same body with encoding/json, against the same server.
func BenchmarkCallOverhead(b *testing.B) {
	srv := sdktest.NewServer(b)
	body := srv.Example(referringDomains)
	srv = sdktest.NewServer(b, sdktest.WithHandler(referringDomains, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	})))
	tasks := []testRequest{{Target: "backlinko.com", Limit: sdk.Int(5)}}
	ctx := context.Background()

	b.Run("sdk", func(b *testing.B) {
		client := srv.Client()
		b.ReportAllocs()
		for b.Loop() {
			var resp testResponse
			if err := client.Post(ctx, referringDomains, tasks, &resp); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("net-http+json", func(b *testing.B) {
		hc := &http.Client{}
		login, password := srv.Credentials()
		b.ReportAllocs()
		for b.Loop() {
			payload, err := json.Marshal(tasks)
			if err != nil {
				b.Fatal(err)
			}
			req, err := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+referringDomains, bytes.NewReader(payload))
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
			var resp testResponse
			if err := json.Unmarshal(data, &resp); err != nil || resp.StatusCode != 20000 {
				b.Fatal(err)
			}
		}
	})
}
