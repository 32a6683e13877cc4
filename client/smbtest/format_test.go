package smbtest

import (
	"bytes"
	"go/format"
	"os"
	"path/filepath"
	"testing"
)

// TestFormat fails when a file of this package is not gofmt-formatted, as
// wireguard-go's format_test.go does.
func TestFormat(t *testing.T) {
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		out, err := format.Source(src)
		if err != nil {
			t.Errorf("%s: %v", name, err)
		} else if !bytes.Equal(src, out) {
			t.Errorf("%s is not gofmt-formatted", name)
		}
	}
}
