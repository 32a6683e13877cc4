//go:build linux

package fs_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client/smbtest"
	smbfs "github.com/smb3fs/smb3fs/fs"
)

// TestFakeTruncateSetsTime: truncate(2) and ftruncate(2) set the file's
// modification time on the server with the new size. The kernel sends no
// time with them and leaves the update to the file system; Samba's own
// update cannot be relied on (it reports the time another handle set
// until every handle of the file is closed: xfstests generic/313), so the
// mount sets it.
func TestFakeTruncateSetsTime(t *testing.T) {
	srv := &smbtest.Server{}
	srv.WriteFile("f", []byte("this is a test string"))
	srv.WriteFile("g", []byte("this is a test string"))
	m := mountFakeOn(t, srv, smbfs.Options{})
	// within reports whether the FILETIME ft is within a minute of now.
	within := func(ft uint64) bool {
		if ft == 0 {
			return false
		}
		at := time.Unix(0, int64(ft-116444736000000000)*100)
		return time.Since(at).Abs() < time.Minute
	}

	f, err := os.OpenFile(filepath.Join(m.dir, "f"), os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Truncate(3); err != nil {
		t.Fatalf("ftruncate: %v", err)
	}
	if got := m.srv.WriteTime("f"); !within(got) {
		t.Errorf("after ftruncate the server's write time was set to %d, want now", got)
	}
	if b, _ := m.srv.ReadFile("f"); len(b) != 3 {
		t.Errorf("after ftruncate to 3 the server's file has %d bytes", len(b))
	}

	if err := os.Truncate(filepath.Join(m.dir, "g"), 5); err != nil {
		t.Fatalf("truncate: %v", err)
	}
	if got := m.srv.WriteTime("g"); !within(got) {
		t.Errorf("after truncate the server's write time was set to %d, want now", got)
	}
	if b, _ := m.srv.ReadFile("g"); len(b) != 5 {
		t.Errorf("after truncate to 5 the server's file has %d bytes", len(b))
	}
}
