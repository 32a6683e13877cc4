package doccheck

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// unitKeys are the settings every example unit of a kind must have, by
// section: what systemd needs to run it, and the ordering after the
// network a share needs. cmd/smb3fs's testdata_test.go then parses their
// options and command lines with the real parsers.
var unitKeys = map[string]map[string][]string{
	".mount":     {"Unit": {"Description"}, "Mount": {"What", "Where", "Type", "Options"}, "Install": {"WantedBy"}},
	".automount": {"Unit": {"Description"}, "Automount": {"Where"}, "Install": {"WantedBy"}},
	".service":   {"Unit": {"Description", "Wants", "After"}, "Service": {"Type", "ExecStart"}, "Install": {"WantedBy"}},
}

// parseUnit reads a systemd unit file into section -> key -> value (the
// last value of a repeated key), failing on a line that is neither a
// comment, a [section] nor Key=Value.
func parseUnit(t *testing.T, path string) map[string]map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	units := map[string]map[string]string{}
	sec := ""
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || line[0] == '#' || line[0] == ';':
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			sec = line[1 : len(line)-1]
			if units[sec] == nil {
				units[sec] = map[string]string{}
			}
		default:
			k, v, ok := strings.Cut(line, "=")
			if !ok || sec == "" || strings.TrimSpace(k) != k || k == "" {
				t.Fatalf("%s:%d: %q is not Key=Value in a section", path, n, line)
			}
			units[sec][k] = v
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return units
}

// TestSystemdExamplesHaveRequiredKeys: every unit under testdata/systemd
// is a kind listed in unitKeys and has that kind's settings, non-empty.
func TestSystemdExamplesHaveRequiredKeys(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(root, "testdata", "systemd", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no unit examples: %v", err)
	}
	kinds := map[string]int{}
	for _, path := range files {
		want, ok := unitKeys[filepath.Ext(path)]
		if !ok {
			t.Errorf("%s: not a .mount, .automount or .service unit", path)
			continue
		}
		kinds[filepath.Ext(path)]++
		u := parseUnit(t, path)
		for sec, keys := range want {
			for _, k := range keys {
				if strings.TrimSpace(u[sec][k]) == "" {
					t.Errorf("%s: [%s] has no %s=", path, sec, k)
				}
			}
		}
	}
	// The docs show one of each: a mount at boot, on first use, and a
	// service (Type=notify) with smb3fs mount --foreground.
	for kind := range unitKeys {
		if kinds[kind] == 0 {
			t.Errorf("testdata/systemd has no %s example", kind)
		}
	}
}

// TestFstabExamplesAreSixFields: every line of the fstab examples is a
// comment or six fields with the type smb3fs.
func TestFstabExamplesAreSixFields(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(root, "testdata", "fstab", "*.fstab"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fstab examples: %v", err)
	}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			if line = strings.TrimSpace(line); line == "" || line[0] == '#' {
				continue
			}
			if f := strings.Fields(line); len(f) != 6 || f[2] != "smb3fs" {
				t.Errorf("%s:%d: want six fields of type smb3fs: %q", path, i+1, line)
			}
		}
	}
}
