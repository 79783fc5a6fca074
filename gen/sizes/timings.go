package sizes

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
)

// Timing is how long a go command took in a module: cold, with a build
// cache of its own that starts empty (the module cache is the user's, so
// nothing is downloaded), and warm, run again at once with that cache.
type Timing struct {
	Args       []string // "build", "./sdk/..."
	Cold, Warm time.Duration
}

// Time runs go args in dir twice, cold then warm. It is a measurement for
// a person to read (make sizes), not a test: timings depend on the
// machine and its load.
func Time(dir string, args ...string) (Timing, error) {
	t := Timing{Args: args}
	cache, err := os.MkdirTemp("", "sizes-gocache-")
	if err != nil {
		return t, err
	}
	defer os.RemoveAll(cache)
	run := func() (time.Duration, error) {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOCACHE="+cache)
		start := time.Now()
		out, err := cmd.CombinedOutput()
		if err != nil {
			return 0, fmt.Errorf("sizes: go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return time.Since(start), nil
	}
	if t.Cold, err = run(); err != nil {
		return t, err
	}
	t.Warm, err = run()
	return t, err
}
