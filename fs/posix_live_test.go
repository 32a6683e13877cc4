//go:build linux

package fs_test

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/hanwen/go-fuse/v2/posixtest"

	smbfs "github.com/smb3fs/smb3fs/fs"
)

// unsupported lists the posixtest cases smb3fs does not pass, and why.
// Every other case must pass; a case listed here is still run with
// SMB3FS_POSIXTEST_ALL=1, so the list can be checked.
var unsupported = map[string]string{
	"FileBasic": "modes come from file_mode/dir_mode, not from create(2) or chmod(2) (see the package comment)",
}

// TestLivePosix runs go-fuse's POSIX conformance suite against the mount,
// each case in a fresh directory.
func TestLivePosix(t *testing.T) {
	runPosixtest(t, mountShare(t, smbfs.Options{}).dir, unsupported)
}

// runPosixtest runs every case of go-fuse's posixtest in a directory of
// its own under dir, skipping those in unsupported (with their reason)
// unless SMB3FS_POSIXTEST_ALL=1.
func runPosixtest(t *testing.T, dir string, unsupported map[string]string) {
	names := make([]string, 0, len(posixtest.All))
	for n := range posixtest.All {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			if why, ok := unsupported[name]; ok && os.Getenv("SMB3FS_POSIXTEST_ALL") != "1" {
				t.Skipf("known unsupported: %s", why)
			}
			dir := filepath.Join(dir, name)
			if err := os.Mkdir(dir, 0755); err != nil {
				t.Fatal(err)
			}
			posixtest.All[name](t, dir)
		})
	}
}
