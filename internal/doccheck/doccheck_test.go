package doccheck

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// root is the repository, seen from this package.
const root = "../.."

// fileLangs are the fence languages of example files: such a block must
// name its testdata file.
var fileLangs = map[string]bool{"ini": true, "fstab": true, "systemd": true, "credentials": true, "autofs": true, "xml": true}

// exampleDirs are the testdata directories whose every file is a docs
// example.
var exampleDirs = []string{"testdata/rules", "testdata/fstab", "testdata/credentials", "testdata/systemd", "testdata/macos"}

var marker = regexp.MustCompile(`^<!-- (testdata/[^ ]+) -->$`)

// block is a fenced block of a markdown file.
type block struct {
	file, lang, marker string
	line               int // of the opening fence
	body               string
}

// blocks returns the fenced blocks of a markdown file, each with the
// testdata marker on the line before it, if any.
func blocks(t *testing.T, path string) []block {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	var out []block
	for i := 0; i < len(lines); i++ {
		if m := marker.FindStringSubmatch(lines[i]); m != nil {
			if i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "```") {
				t.Errorf("%s:%d: marker %s is not followed by a fenced block", path, i+1, m[1])
			}
			continue
		}
		if !strings.HasPrefix(lines[i], "```") {
			continue
		}
		b := block{file: path, lang: strings.TrimSpace(strings.TrimPrefix(lines[i], "```")), line: i + 1}
		if i > 0 {
			if m := marker.FindStringSubmatch(lines[i-1]); m != nil {
				b.marker = m[1]
			}
		}
		j := i + 1
		for j < len(lines) && !strings.HasPrefix(lines[j], "```") {
			j++
		}
		if j == len(lines) {
			t.Fatalf("%s:%d: fenced block never closed", path, i+1)
		}
		if j > i+1 {
			b.body = strings.Join(lines[i+1:j], "\n") + "\n"
		}
		out = append(out, b)
		i = j
	}
	return out
}

// docs returns README.md and every docs/*.md.
func docs(t *testing.T) []string {
	t.Helper()
	md, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	return append([]string{filepath.Join(root, "README.md")}, md...)
}

func TestDocExamplesMatchTestdata(t *testing.T) {
	shown := map[string]bool{}
	for _, path := range docs(t) {
		for _, b := range blocks(t, path) {
			where := fmt.Sprintf("%s:%d", b.file, b.line)
			if b.marker == "" {
				if fileLangs[b.lang] {
					t.Errorf("%s: a ```%s block must show a file from testdata/: put <!-- testdata/... --> before it", where, b.lang)
				}
				continue
			}
			shown[b.marker] = true
			want, err := os.ReadFile(filepath.Join(root, b.marker))
			if err != nil {
				t.Errorf("%s: %v", where, err)
				continue
			}
			if b.body != string(want) {
				t.Errorf("%s: block differs from %s:\n--- docs\n%s--- %s\n%s", where, b.marker, b.body, b.marker, want)
			}
		}
	}
	for _, dir := range exampleDirs {
		err := filepath.WalkDir(filepath.Join(root, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, err := filepath.Rel(root, p)
			if err != nil {
				return err
			}
			if rel = filepath.ToSlash(rel); !shown[rel] {
				t.Errorf("%s is shown in no doc: show it (with its marker) or remove it", rel)
			}
			return nil
		})
		if err != nil {
			t.Error(err)
		}
	}
}
