//go:build linux

package fs_test

import (
	"os"
	"testing"

	smbfs "github.com/smb3fs/smb3fs/fs"
)

// TestFakeRmdirAfterUnlinkOpen: a file unlinked while open lives on under
// a hidden name (silly.go) until its last close; once it is closed, its
// directory can be removed at once (rm -r after close(2): xfstests
// generic/633). Its handle is not kept open after the release (park.go),
// and the removal waits out the release the kernel sends in the
// background.
func TestFakeRmdirAfterUnlinkOpen(t *testing.T) {
	srv := parkServer()
	srv.Mkdir("d")
	m := mountFakeOn(t, srv, smbfs.Options{})
	for i := 0; i < 5; i++ {
		var f *os.File
		if err := m.do("create", func() (err error) {
			f, err = os.OpenFile(m.path("d/f"), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0600)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if err := m.do("write", func() error { _, err := f.Write([]byte("data")); return err }); err != nil {
			t.Fatal(err)
		}
		if err := m.do("unlink", func() error { return os.Remove(m.path("d/f")) }); err != nil {
			t.Fatalf("unlink of the open file: %v", err)
		}
		if err := m.do("close", f.Close); err != nil {
			t.Fatal(err)
		}
		if err := m.do("rmdir", func() error { return os.Remove(m.path("d")) }); err != nil {
			t.Fatalf("try %d: rmdir right after the unlinked file's close: %v", i, err)
		}
		if err := m.do("mkdir", func() error { return os.Mkdir(m.path("d"), 0755) }); err != nil {
			t.Fatal(err)
		}
	}
}
