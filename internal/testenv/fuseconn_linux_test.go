//go:build linux

package testenv

import (
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// TestFUSEConnFromMountTable: FUSEConn reads the minor device number of
// a mount point from the mount table (here /proc's, which any Linux has),
// the number stat reports, and refuses a path that is no mount point.
func TestFUSEConnFromMountTable(t *testing.T) {
	var st unix.Stat_t
	if err := unix.Stat("/proc", &st); err != nil {
		t.Fatal(err)
	}
	n, err := FUSEConn("/proc")
	if err != nil {
		t.Fatal(err)
	}
	if want := int(unix.Minor(st.Dev)); n != want {
		t.Errorf("FUSEConn(/proc) = %d, want the minor of st_dev, %d", n, want)
	}
	if _, err := FUSEConn(t.TempDir()); err == nil || !strings.Contains(err.Error(), "not a mount point") {
		t.Errorf("FUSEConn of a plain directory: %v", err)
	}
}
