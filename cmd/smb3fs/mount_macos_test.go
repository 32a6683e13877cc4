package main

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestMountUnderscoreHelper: invoked as mount_smb3fs, the name macOS's
// mount(8) execs (from /sbin, /usr/sbin or
// /Library/Filesystems/smb3fs.fs/Contents/Resources), smb3fs is the mount
// helper, with macOS's argument order: every option as its own -o before
// the source and the mount point.
func TestMountUnderscoreHelper(t *testing.T) {
	const helper = "/Library/Filesystems/smb3fs.fs/Contents/Resources/mount_smb3fs"
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{helper, "-h"}, exitOK},
		{[]string{"mount_smb3fs", "--help"}, exitOK},
		{[]string{helper, "-f", "-o", "ro", "-o", "nosuid", "-o", "nodev", "//srv/share", dir}, exitOK},
		{[]string{helper, "-f", "-o", "vers=3.1.1,seal", "//srv/share", dir}, exitOK},
		{[]string{helper, "-f", "-o", "bogus", "//srv/share", dir}, exitUsage},
		{[]string{helper, "-f", "//srv/share"}, exitUsage},
		{[]string{"mount_smb3fsx", "-f", "//srv/share", dir}, exitUsage}, // not the helper: an unknown command
	} {
		if got := run(tc.args); got != tc.want {
			t.Errorf("run(%q) = %d, want %d", tc.args, got, tc.want)
		}
	}
}

// TestMacOSAutomountOptions: what macOS's mount(8) and automountd add to
// a map entry's options is accepted where smb3fs has the meaning
// (rdonly is ro; nobrowse and automounted go to macFUSE; browse, owners
// and hidefromfinder change nothing) and refused, saying why, where it
// has not.
func TestMacOSAutomountOptions(t *testing.T) {
	o, err := parseMountOptions([]string{"nobrowse,automounted,nosuid,nodev", "rdonly", "browse,owners,hidefromfinder"})
	if err != nil {
		t.Fatal(err)
	}
	if !o.ReadOnly || !slices.Equal(o.Kernel, []string{"nobrowse", "automounted", "nosuid", "nodev"}) {
		t.Errorf("read-only %v, kernel flags %q", o.ReadOnly, o.Kernel)
	}
	for opt, why := range map[string]string{
		"noowners":   "uid= and gid=",
		"quarantine": "com.apple.quarantine",
		"union":      "union mounts",
	} {
		_, err := parseMountOptions([]string{"nobrowse," + opt})
		if !errors.Is(err, errUsage) || !strings.Contains(err.Error(), opt+" is not supported: ") || !strings.Contains(err.Error(), why) {
			t.Errorf("-o %s: %v", opt, err)
		}
	}
	dir := t.TempDir()
	args := []string{"/Library/Filesystems/smb3fs.fs/Contents/Resources/mount_smb3fs", "-f",
		"-o", "nobrowse,automounted", "-o", "nosuid", "-o", "rdonly", "//srv/share", dir}
	if got := run(args); got != exitOK {
		t.Errorf("run(%q) = %d", args, got)
	}
}
