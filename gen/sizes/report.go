package sizes

import (
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
)

// Report is what make sizes prints.
type Report struct {
	SpecFile int // the bytes of the whole spec
	Sections []Section
	Others   map[string]Generated // generated Go under sdk/ that is no section's, by directory
	Timings  []Timing
	Machine  string // the CPUs and the load when the timings started
}

// Main is `sdkgen sizes`: it prints the report as markdown tables.
//
//	sdkgen sizes [-spec spec/openapi.yaml] [-sdk sdk] [-time=true]
func Main(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sdkgen sizes", flag.ContinueOnError)
	fs.SetOutput(stderr)
	specPath := fs.String("spec", "spec/openapi.yaml", "the OpenAPI spec")
	sdkDir := fs.String("sdk", "sdk", "the SDK directory sdkgen writes")
	timed := fs.Bool("time", true, "time cold and warm go build ./sdk/... and go vet ./... in the module of the SDK directory")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	r, err := Measure(*specPath, *sdkDir, *timed)
	if err != nil {
		fmt.Fprintln(stderr, "sdkgen sizes:", err)
		return 1
	}
	io.WriteString(stdout, r.Markdown())
	return 0
}

// Measure reads the spec and the SDK, and with timed times building and
// vetting them (in the module that holds sdkDir: its parent directory).
func Measure(specPath, sdkDir string, timed bool) (*Report, error) {
	data, err := os.ReadFile(specPath)
	if err != nil {
		return nil, err
	}
	sections, others, err := SDK(data, sdkDir)
	if err != nil {
		return nil, err
	}
	r := &Report{SpecFile: len(data), Sections: sections, Others: others}
	if timed {
		r.Machine = machine()
		module := filepath.Dir(filepath.Clean(sdkDir))
		for _, args := range [][]string{{"build", "./" + filepath.Base(filepath.Clean(sdkDir)) + "/..."}, {"vet", "./..."}} {
			t, err := Time(module, args...)
			if err != nil {
				return nil, err
			}
			r.Timings = append(r.Timings, t)
		}
	}
	return r, nil
}

// Totals are the sections' sums, and the sums of all generated Go (the
// sections' and the others').
func (r *Report) Totals() (sections Section, all Section) {
	sections.Package = "sections"
	for _, s := range r.Sections {
		sections.Operations += s.Operations
		sections.SpecBytes += s.SpecBytes
		sections.GoFiles += s.GoFiles
		sections.GoLines += s.GoLines
		sections.GoBytes += s.GoBytes
	}
	all = sections
	all.Package = "all generated Go"
	for _, g := range r.Others {
		all.GoFiles += g.Files
		all.GoLines += g.Lines
		all.GoBytes += g.Bytes
	}
	return sections, all
}

// Markdown renders the report.
func (r *Report) Markdown() string {
	var b strings.Builder
	b.WriteString("| section | operations | spec bytes | spec bytes/op | Go files | Go lines | Go lines/op | Go bytes |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|\n")
	row := func(s Section, bold bool) {
		name := s.Package
		if bold {
			name = "**" + name + "**"
		}
		spec, specPerOp := "", ""
		if s.SpecBytes > 0 {
			spec, specPerOp = fmt.Sprint(s.SpecBytes), fmt.Sprint(s.SpecBytes/max(s.Operations, 1))
		}
		fmt.Fprintf(&b, "| %s | %d | %s | %s | %d | %d | %.0f | %d |\n", name, s.Operations, spec, specPerOp, s.GoFiles, s.GoLines, s.LinesPerOperation(), s.GoBytes)
	}
	for _, s := range r.Sections {
		row(s, false)
	}
	sections, all := r.Totals()
	row(sections, true)
	for _, name := range slices.Sorted(maps.Keys(r.Others)) {
		g := r.Others[name]
		fmt.Fprintf(&b, "| %s (no section's) |  |  |  | %d | %d |  | %d |\n", name, g.Files, g.Lines, g.Bytes)
	}
	all.SpecBytes = 0
	row(all, true)
	fmt.Fprintf(&b, "\nspec/openapi.yaml: %d bytes in all; a section's spec bytes are its paths and the schema components they reach, as written, so a component that several sections reach counts in each. Go: the generated files (`// Code generated ... DO NOT EDIT.`), tests aside; lines as wc -l.\n", r.SpecFile)
	if len(r.Timings) > 0 {
		b.WriteString("\n| command | cold | warm |\n|---|---:|---:|\n")
		for _, t := range r.Timings {
			fmt.Fprintf(&b, "| go %s | %s | %s |\n", strings.Join(t.Args, " "), round(t.Cold), round(t.Warm))
		}
		if r.Machine != "" {
			fmt.Fprintf(&b, "\nmachine: %s.", r.Machine)
		}
		b.WriteString("\ncold: a build cache of its own that starts empty (the module cache is kept); warm: the same command again at once. One run on this machine: compare runs on one machine, never across machines.\n")
	}
	return b.String()
}

func round(d time.Duration) string {
	if d >= 10*time.Second {
		return d.Round(100 * time.Millisecond).String()
	}
	return d.Round(10 * time.Millisecond).String()
}

// machine says how many CPUs there are and, where /proc/loadavg tells,
// the load average of the last minute.
func machine() string {
	m := fmt.Sprintf("%d CPUs", runtime.NumCPU())
	if data, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(data)); len(f) > 0 {
			m += ", load average " + f[0] + " at the start"
		}
	}
	return m
}
