package sdk

import (
	"bytes"
	"io"
	"runtime"
	"testing"
)

// onlyReader hides bytes.Reader's other methods: a body of unknown length.
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

// TestReadLimitedSmallBody: a small body of unknown length (the API's
// gzip, removed by the transport) is read into a small buffer, and a large
// one whole, within about twice its size.
func TestReadLimitedSmallBody(t *testing.T) {
	for _, size := range []int{0, 900, 5000, 300 << 10, 3 << 20} {
		body := bytes.Repeat([]byte("x"), size)
		var got []byte
		// The least of three measures: another goroutine's allocations
		// (a server of an earlier test winding down) only add to one.
		perRead := -1
		for range 3 {
			const runs = 10
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for range runs {
				var err error
				if got, err = readLimited(onlyReader{bytes.NewReader(body)}, 64<<20, -1); err != nil {
					t.Fatal(err)
				}
			}
			runtime.ReadMemStats(&after)
			if n := int(after.TotalAlloc-before.TotalAlloc) / runs; perRead < 0 || n < perRead {
				perRead = n
			}
		}
		if !bytes.Equal(got, body) {
			t.Fatalf("%d bytes: read %d different bytes", size, len(got))
		}
		// The pieces (each at most all those before it, up to readChunk:
		// the last one may be mostly unused), the joined copy, and a
		// little for the readers.
		if limit := 2*size + min(size, readChunk) + firstChunk + 16<<10; perRead > limit {
			t.Errorf("%d bytes: %d bytes allocated per read, want at most %d", size, perRead, limit)
		}
	}
}
