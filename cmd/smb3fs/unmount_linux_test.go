//go:build linux

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gofs "github.com/hanwen/go-fuse/v2/fs"
	"github.com/hanwen/go-fuse/v2/fuse"
	"github.com/moby/sys/mountinfo"
)

// TestUnescapeMountinfo: mount points with a space or a tab, which
// mountinfo writes as octal escapes, are found under their real name, and
// the mount on top of a stack is the one reported.
func TestUnescapeMountinfo(t *testing.T) {
	table := `22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
36 22 0:52 / /tmp/a\040b\011c rw,nosuid,nodev,relatime shared:2 - fuse.smb3fs //srv/share rw,user_id=0,group_id=0
37 36 0:53 / /tmp/a\040b\011c rw,nosuid,nodev,noexec,relatime shared:3 - fuse.smb3fs //srv/other\040share rw,user_id=0,group_id=0
`
	mounts, err := mountinfo.GetMountsFromReader(strings.NewReader(table), nil)
	if err != nil {
		t.Fatal(err)
	}
	m := topMount(mounts, "/tmp/a b\tc")
	if m == nil {
		t.Fatal("mount point with escapes not found")
	}
	if m.Source != "//srv/other share" || m.Minor != 53 || !strings.Contains(m.Options, "noexec") {
		t.Errorf("got %+v, want the mount on top (//srv/other share, 0:53, noexec)", m)
	}
	if !isSmb3fsType(m.FSType) {
		t.Errorf("%q is not taken for an smb3fs mount", m.FSType)
	}
	if topMount(mounts, `/tmp/a\040b\011c`) != nil {
		t.Error("the escaped spelling matched")
	}
}

// TestIsMountedRoot: the mount table of this process is read, / is a
// mount point and not an smb3fs one, and a plain directory is no mount.
func TestIsMountedRoot(t *testing.T) {
	m, err := mountAt("/")
	if err != nil {
		t.Fatal(err)
	}
	if m == nil {
		t.Fatal("/ is not in the mount table")
	}
	if ok, err := isMounted("/"); err != nil || ok {
		t.Errorf("isMounted(/) = %v, %v; want false", ok, err)
	}
	if ok, err := isMounted(t.TempDir()); err != nil || ok {
		t.Errorf("isMounted(a temporary directory) = %v, %v; want false", ok, err)
	}
}

// TestUnmountRealFUSEMount: an empty go-fuse file system mounted as
// smb3fs mounts are (type fuse.smb3fs, source //server/share) on a
// directory whose name has a space, reached through a symbolic link, is
// recognised by isMounted and unmounted by smb3fs unmount. It needs no
// server, only /dev/fuse (and the right to mount, as the live tests do).
func TestUnmountRealFUSEMount(t *testing.T) {
	needFUSEMount(t)
	base := t.TempDir()
	dir := filepath.Join(base, "a b")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	srv, err := gofs.Mount(dir, &gofs.Inode{}, &gofs.Options{
		MountOptions: fuse.MountOptions{Name: "smb3fs", FsName: "//srv/my share"},
	})
	if err != nil {
		t.Fatalf("cannot mount FUSE here: %v", err)
	}
	t.Cleanup(func() { srv.Unmount() })
	go srv.Wait()

	m, err := mountAt(dir)
	if err != nil || m == nil {
		t.Fatalf("mountAt(%q) = %v, %v", dir, m, err)
	}
	if m.FSType != "fuse.smb3fs" || m.Source != "//srv/my share" {
		t.Errorf("mount table entry %+v, want fuse.smb3fs from //srv/my share", m)
	}
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(base, link); err != nil {
		t.Fatal(err)
	}
	viaLink := filepath.Join(link, "a b")
	if ok, err := isMounted(viaLink); err != nil || !ok {
		t.Fatalf("isMounted(%q) = %v, %v", viaLink, ok, err)
	}
	if got := run([]string{"smb3fs", "unmount", viaLink}); got != exitOK {
		t.Fatalf("smb3fs unmount: exit %d", got)
	}
	if ok, err := isMounted(dir); err != nil || ok {
		t.Errorf("after unmount, isMounted = %v, %v", ok, err)
	}
	if got := run([]string{"smb3fs", "unmount", dir}); got != exitFailure {
		t.Errorf("unmounting it again: exit %d, want %d (not an smb3fs mount point)", got, exitFailure)
	}
}

// needFUSEMount fails the test unless it may mount FUSE (root and
// /dev/fuse, as make test and CI have); only an explicit unit-only run
// (SMB3FS_UNIT_ONLY=1) skips it instead.
func needFUSEMount(t *testing.T) {
	t.Helper()
	why := ""
	if os.Geteuid() != 0 {
		why = "needs root to mount"
	} else if f, err := os.OpenFile("/dev/fuse", os.O_RDWR, 0); err != nil {
		why = fmt.Sprintf("no /dev/fuse: %v", err)
	} else {
		f.Close()
	}
	if why == "" {
		return
	}
	if os.Getenv("SMB3FS_UNIT_ONLY") == "1" {
		t.Skip(why)
	}
	t.Fatal(why + " (make test runs as root with /dev/fuse)")
}
