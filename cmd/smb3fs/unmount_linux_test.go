//go:build linux

package main

import (
	"strings"
	"testing"

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
