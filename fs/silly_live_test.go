//go:build linux

package fs_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	smbfs "github.com/smb3fs/smb3fs/fs"
)

// Live tests of the silly rename (silly.go): unlink of a file this mount
// holds open, and rename over one, free the name at once while the open
// file lives on, nameless, until its last close.

// hiddenOnDisk lists the hidden names in dir on the server's disk.
func hiddenOnDisk(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var hidden []string
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".smb3fs-deleted-") {
			hidden = append(hidden, e.Name())
		}
	}
	return hidden
}

// waitNoHidden waits (with a deadline) until the server deleted the hidden
// files of dir: the kernel closes a file after close(2) has returned.
func waitNoHidden(t *testing.T, dir string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		h := hiddenOnDisk(t, dir)
		if len(h) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("hidden files left on the server after the last close: %v", h)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func namesIn(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

func fstatNlink(t *testing.T, f *os.File) uint64 {
	t.Helper()
	var st syscall.Stat_t
	if err := syscall.Fstat(int(f.Fd()), &st); err != nil {
		t.Fatalf("fstat: %v", err)
	}
	return uint64(st.Nlink)
}

func TestLiveUnlinkOpenFile(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	other := mountDaemon(t, smbfs.Options{}) // a second client
	p := m.path("victim")
	old := randBytes(70000)
	if err := os.WriteFile(p, old, 0644); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := os.Remove(p); err != nil {
		t.Fatalf("unlink of an open file: %v", err)
	}
	if _, err := os.Stat(p); !os.IsNotExist(err) {
		t.Errorf("stat after unlink: %v, want ENOENT", err)
	}
	if n := fstatNlink(t, f); n != 0 {
		t.Errorf("nlink of the unlinked open file: %d, want 0", n)
	}
	// The open file lives on: read it, write it.
	got := make([]byte, len(old))
	if _, err := f.ReadAt(got, 0); err != nil || !bytes.Equal(got, old) {
		t.Errorf("read through the open handle: %v (equal %v)", err, bytes.Equal(got, old))
	}
	if _, err := f.WriteAt([]byte("still writable"), 10); err != nil {
		t.Errorf("write through the open handle: %v", err)
	}
	// The name is free at once (SMB alone would keep it delete-pending).
	fresh := []byte("a new file under the old name")
	if err := os.WriteFile(p, fresh, 0644); err != nil {
		t.Fatalf("recreate the name at once: %v", err)
	}
	if b, err := os.ReadFile(p); err != nil || !bytes.Equal(b, fresh) {
		t.Errorf("the new file: %q %v", b, err)
	}
	if names := namesIn(t, m.dir); len(names) != 1 || names[0] != "victim" {
		t.Errorf("listing on the mount: %v, want [victim]", names)
	}
	hidden := hiddenOnDisk(t, m.disk)
	if len(hidden) != 1 {
		t.Fatalf("hidden names on the server while open: %v, want one", hidden)
	}
	// The other client sees the new file, and the hidden name as the
	// file it is: only the mount that made it leaves it out.
	onOther := filepath.Join(other.mnt, filepath.Base(m.dir))
	if b, err := os.ReadFile(filepath.Join(onOther, "victim")); err != nil || !bytes.Equal(b, fresh) {
		t.Errorf("the other client reads %q %v", b, err)
	}
	if names := namesIn(t, onOther); len(names) != 2 || names[0] != hidden[0] || names[1] != "victim" {
		t.Errorf("listing on the other client: %v, want [%s victim]", names, hidden[0])
	}
	// Still the old data through the old handle.
	if _, err := f.ReadAt(got[:5], 0); err != nil || !bytes.Equal(got[:5], old[:5]) {
		t.Errorf("old handle after the name was reused: %q %v", got[:5], err)
	}
	f.Close()
	waitNoHidden(t, m.disk)
	if b, err := os.ReadFile(m.onDisk("victim")); err != nil || !bytes.Equal(b, fresh) {
		t.Errorf("on the server after close: %q %v", b, err)
	}
}

func TestLiveRenameOverOpenFile(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	other := mountDaemon(t, smbfs.Options{})
	src, dst := m.path("src"), m.path("dst")
	oldDst, newDst := []byte("the old dst"), []byte("the new content, from src")
	if err := os.WriteFile(dst, oldDst, 0644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(src, newDst, 0644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if n := fstatNlink(t, f); n != 1 {
		t.Errorf("nlink before: %d", n)
	}
	if err := os.Rename(src, dst); err != nil {
		t.Fatalf("rename over a file open here: %v", err)
	}
	if n := fstatNlink(t, f); n != 0 {
		t.Errorf("nlink of the replaced open file: %d, want 0", n)
	}
	got := make([]byte, 64)
	if n, _ := f.ReadAt(got, 0); !bytes.Equal(got[:n], oldDst) {
		t.Errorf("the open handle reads %q, want the old %q", got[:n], oldDst)
	}
	if b, err := os.ReadFile(dst); err != nil || !bytes.Equal(b, newDst) {
		t.Errorf("dst by name: %q %v", b, err)
	}
	if _, err := os.Stat(src); !os.IsNotExist(err) {
		t.Errorf("src after rename: %v", err)
	}
	if names := namesIn(t, m.dir); len(names) != 1 || names[0] != "dst" {
		t.Errorf("listing: %v, want [dst]", names)
	}
	onOther := filepath.Join(other.mnt, filepath.Base(m.dir))
	if b, err := os.ReadFile(filepath.Join(onOther, "dst")); err != nil || !bytes.Equal(b, newDst) {
		t.Errorf("the other client reads dst: %q %v", b, err)
	}
	f.Close()
	waitNoHidden(t, m.disk)

	// Samba refuses to replace only files open on the same connection:
	// another client's open does not stand in the way, and no silly
	// rename is needed (nothing hidden stays behind).
	if err := os.WriteFile(src, []byte("again"), 0644); err != nil {
		t.Fatal(err)
	}
	g, err := os.Open(filepath.Join(onOther, "dst"))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if err := os.Rename(src, dst); err != nil {
		t.Errorf("rename over a file another client holds open: %v", err)
	}
	if h := hiddenOnDisk(t, m.disk); len(h) != 0 {
		t.Errorf("hidden names for another client's open file: %v", h)
	}
	if b, err := os.ReadFile(m.onDisk("dst")); err != nil || string(b) != "again" {
		t.Errorf("dst on the server: %q %v", b, err)
	}
}

// TestLiveSillyForeignName: a file named like a hidden name that this mount
// did not make (another client's, or an earlier mount's) is listed.
func TestLiveSillyForeignName(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	name := ".smb3fs-deleted-00000000deadbeef"
	if err := os.WriteFile(m.onDisk(name), []byte("theirs"), 0644); err != nil {
		t.Fatal(err)
	}
	os.Chown(m.onDisk(name), m.env.Users[0].UID, m.env.Users[0].GID)
	if names := namesIn(t, m.dir); len(names) != 1 || names[0] != name {
		t.Errorf("listing: %v, want [%s]", names, name)
	}
	if b, err := os.ReadFile(m.path(name)); err != nil || string(b) != "theirs" {
		t.Errorf("read %s: %q %v", name, b, err)
	}
}
