package sizes

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Generated is what the generated Go files of a directory weigh: the .go
// files (tests aside) whose first line is a "Code generated ... DO NOT
// EDIT." comment.
type Generated struct {
	Files, Lines, Bytes int
}

// GeneratedGo measures the generated Go files of dir.
func GeneratedGo(dir string) (Generated, error) {
	var g Generated
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return g, err
	}
	slices.Sort(names)
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			return g, err
		}
		if !IsGenerated(data) {
			continue
		}
		g.Files++
		g.Lines += Lines(data)
		g.Bytes += len(data)
	}
	return g, nil
}

// IsGenerated reports whether Go source starts with the comment the Go
// convention marks generated code with.
func IsGenerated(src []byte) bool {
	first, _, _ := bytes.Cut(src, []byte("\n"))
	s := strings.TrimSpace(string(first))
	return strings.HasPrefix(s, "// Code generated ") && strings.HasSuffix(s, " DO NOT EDIT.")
}

// Lines counts lines as wc -l does, and a last line without its newline.
func Lines(data []byte) int {
	n := bytes.Count(data, []byte("\n"))
	if len(data) > 0 && data[len(data)-1] != '\n' {
		n++
	}
	return n
}

// SDK measures a spec and the SDK generated from it: each section, with
// the Go of its package under sdkDir; and the other directories of
// generated Go under sdkDir (operations, the mock's catalog), by name.
func SDK(specYAML []byte, sdkDir string) ([]Section, map[string]Generated, error) {
	sections, err := SpecSections(specYAML)
	if err != nil {
		return nil, nil, err
	}
	inSection := map[string]bool{}
	for i := range sections {
		g, err := GeneratedGo(filepath.Join(sdkDir, sections[i].Package))
		if err != nil {
			return nil, nil, err
		}
		sections[i].GoFiles, sections[i].GoLines, sections[i].GoBytes = g.Files, g.Lines, g.Bytes
		inSection[sections[i].Package] = true
	}
	others := map[string]Generated{}
	dirs, err := os.ReadDir(sdkDir)
	if err != nil {
		return nil, nil, err
	}
	for _, d := range dirs {
		if !d.IsDir() || inSection[d.Name()] {
			continue
		}
		g, err := GeneratedGo(filepath.Join(sdkDir, d.Name()))
		if err != nil {
			return nil, nil, err
		}
		if g.Files > 0 {
			others[d.Name()] = g
		}
	}
	return sections, others, nil
}
