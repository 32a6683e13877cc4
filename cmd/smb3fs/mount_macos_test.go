package main

import "testing"

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
