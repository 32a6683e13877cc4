//go:build linux

package fs_test

import (
	"os"
	"syscall"
	"testing"
	"time"

	smbfs "github.com/smb3fs/smb3fs/fs"
)

// TestLiveTruncateTimes: truncate(2) and ftruncate(2) move the file's
// modification and change times, also on a file reopened with O_TRUNC just
// after close(2) (xfstests generic/313): Samba then reports the time the
// earlier handle set at its close while that handle is still open (it is
// kept open for a moment, park.go), whatever the truncation does, unless
// the mount sets the time itself.
func TestLiveTruncateTimes(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	p := m.path("cmtime")
	// times returns the modification and change times fstat reports.
	times := func(f *os.File) (mtime, ctime time.Time) {
		t.Helper()
		var st syscall.Stat_t
		if err := syscall.Fstat(int(f.Fd()), &st); err != nil {
			t.Fatalf("fstat: %v", err)
		}
		return time.Unix(st.Mtim.Unix()), time.Unix(st.Ctim.Unix())
	}
	for _, how := range []string{"truncate", "ftruncate"} {
		f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0644)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte("this is a test string")); err != nil {
			t.Fatal(err)
		}
		for _, size := range []int64{0, 123} {
			m0, c0 := times(f)
			time.Sleep(1100 * time.Millisecond) // the test's whole seconds
			var err error
			if how == "truncate" {
				err = os.Truncate(p, size)
			} else {
				err = f.Truncate(size)
			}
			if err != nil {
				t.Fatalf("%s to %d: %v", how, size, err)
			}
			m1, c1 := times(f)
			if m1.Unix() == m0.Unix() || c1.Unix() == c0.Unix() {
				t.Errorf("%s to %d: mtime %v -> %v, ctime %v -> %v: want both moved", how, size, m0, m1, c0, c1)
			}
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
