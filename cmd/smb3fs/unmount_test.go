package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestIsSmb3fsType: the file system types of a FUSE mount on Linux and a
// macFUSE one on macOS count; other file systems do not.
func TestIsSmb3fsType(t *testing.T) {
	for typ, want := range map[string]bool{
		"fuse.smb3fs": true, "fuse": true, "macfuse": true, "osxfuse": true, "macfuse_smb3fs": true,
		"fuse.sshfs": false, "cifs": false, "smbfs": false, "nfs": false, "apfs": false, "": false,
	} {
		if got := isSmb3fsType(typ); got != want {
			t.Errorf("isSmb3fsType(%q) = %v, want %v", typ, got, want)
		}
	}
}

// TestTableName: a mount point under a symbolic link is named as the
// mount table names it (macOS lists /tmp/x as /private/tmp/x), without
// resolving the mount point itself.
func TestTableName(t *testing.T) {
	target := t.TempDir()
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	realResolved, err := filepath.EvalSymlinks(target)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := tableName(filepath.Join(link, "mnt")), filepath.Join(realResolved, "mnt"); got != want {
		t.Errorf("tableName = %q, want %q", got, want)
	}
	// The last element is never resolved (it may be a hung mount).
	mnt := filepath.Join(realResolved, "mnt")
	if err := os.Symlink("/elsewhere", mnt); err != nil {
		t.Fatal(err)
	}
	if got := tableName(mnt); got != mnt {
		t.Errorf("tableName(%q) = %q: the mount point itself was resolved", mnt, got)
	}
	if got := tableName("/no/such/dir"); got != "/no/such/dir" {
		t.Errorf("tableName of a missing parent = %q", got)
	}
	t.Chdir(realResolved)
	if got := tableName("mnt"); got != mnt {
		t.Errorf("tableName(mnt) in %s = %q, want %q", realResolved, got, mnt)
	}
}
