//go:build linux

package fs_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/smb3fs/smb3fs/client/smbtest"
	smbfs "github.com/smb3fs/smb3fs/fs"
)

// TestFakeFstatRemovedDir: fstat of a directory descriptor whose
// directory was removed answers with no links, as on a local file system,
// instead of ENOENT (xfstests generic/035 replaces it by a rename, which
// ends the same way: the node leaves the tree).
func TestFakeFstatRemovedDir(t *testing.T) {
	srv := &smbtest.Server{}
	srv.Mkdir("b")
	m := mountFakeOn(t, srv, smbfs.Options{})
	f, err := os.Open(filepath.Join(m.dir, "b"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := os.Remove(filepath.Join(m.dir, "b")); err != nil {
		t.Fatalf("rmdir: %v", err)
	}
	var st syscall.Stat_t
	if err := syscall.Fstat(int(f.Fd()), &st); err != nil {
		t.Fatalf("fstat of the removed directory: %v", err)
	}
	if st.Nlink != 0 || st.Mode&syscall.S_IFMT != syscall.S_IFDIR {
		t.Errorf("fstat of the removed directory: nlink %d mode %o, want 0 and a directory", st.Nlink, st.Mode)
	}
}
