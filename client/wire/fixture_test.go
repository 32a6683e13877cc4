package wire

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The one fixture loader of the package's tests. Captures live under
// testdata/SET/NAME.hex, one message per file, as hex digits (spaces and
// newlines ignored) with '#' comment lines that say where the message came
// from.

// Capture sets under testdata.
const (
	// sessionCaptures: NEGOTIATE, SESSION_SETUP, TREE_CONNECT and error
	// responses captured from Samba 4.17 (see its README.md).
	sessionCaptures = "samba-4.17"
	// fileopsCaptures: CREATE through CHANGE_NOTIFY captured from Samba 4.17.
	fileopsCaptures = "samba-4.17-fileops"
)

// readFixture reads testdata/SET/NAME.hex.
func readFixture(set, name string) ([]byte, error) {
	f, err := os.Open(filepath.Join("testdata", set, name+".hex"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var b []byte
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := strings.TrimSpace(s.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		v, err := hex.DecodeString(strings.Join(strings.Fields(line), ""))
		if err != nil {
			return nil, fmt.Errorf("%s/%s: %w", set, name, err)
		}
		b = append(b, v...)
	}
	return b, s.Err()
}

// fixture is readFixture for a test: an error fails it.
func fixture(t testing.TB, set, name string) []byte {
	t.Helper()
	b, err := readFixture(set, name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// unhex decodes hex written by hand in a test: spaces and newlines are
// ignored, and so is everything after // on a line.
func unhex(t testing.TB, s string) []byte {
	t.Helper()
	var clean strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if i := strings.Index(line, "//"); i >= 0 {
			line = line[:i]
		}
		clean.WriteString(strings.Join(strings.Fields(line), ""))
	}
	b, err := hex.DecodeString(clean.String())
	if err != nil {
		t.Fatal(err)
	}
	return b
}
