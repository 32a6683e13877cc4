package main

// smb3fs unmount, and recognising an smb3fs mount point from the mount
// table (Linux's mountinfo, macOS's getfsstat).

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/moby/sys/mountinfo"
	"github.com/spf13/pflag"
	"golang.org/x/sys/unix"
)

// unmountUsage is the help of smb3fs unmount.
var unmountUsage = usageText{
	synopsis: "smb3fs unmount [--lazy] MOUNTPOINT",
	about: `Unmount an smb3fs mount point; the daemon flushes pending writes and exits.
Exit status: 0 unmounted; 1 incorrect invocation; 2 system error (cannot read
the mount table); 32 failure (not an smb3fs mount point, busy, not permitted).`,
}

// newUnmountFlags returns the FlagSet of smb3fs unmount and its --lazy.
func newUnmountFlags() (*pflag.FlagSet, *bool) {
	fl := pflag.NewFlagSet("unmount", pflag.ContinueOnError)
	return fl, fl.BoolP("lazy", "l", false, "detach now, clean up when no longer busy")
}

// runUnmount is `smb3fs unmount MOUNTPOINT`.
func runUnmount(args []string) int {
	fl, lazy := newUnmountFlags()
	if status, done := parseFlags(fl, unmountUsage, args); done {
		return status
	}
	if fl.NArg() != 1 {
		return usageFailed(fl, unmountUsage, "want one MOUNTPOINT")
	}
	dir, err := filepath.Abs(fl.Arg(0))
	if err != nil {
		fmt.Fprintf(os.Stderr, "smb3fs: unmount: %v\n", err)
		return exitSystem
	}
	m, err := isMounted(dir)
	if err != nil {
		fmt.Fprintf(os.Stderr, "smb3fs: unmount %s: %v\n", dir, err)
		return exitSystem
	}
	if !m {
		fmt.Fprintf(os.Stderr, "smb3fs: unmount %s: not an smb3fs mount point\n", dir)
		return exitFailure
	}
	if err := unmount(dir, *lazy); err != nil {
		fmt.Fprintf(os.Stderr, "smb3fs: unmount %s: %v\n", dir, err)
		return exitFailure
	}
	return exitOK
}

// unmount detaches dir: umount2 when we may, else fusermount3 -u.
func unmount(dir string, lazy bool) error {
	flags := 0
	if lazy {
		flags = lazyUnmountFlag
	}
	err := unix.Unmount(dir, flags)
	if err == nil || !errors.Is(err, unix.EPERM) {
		return err
	}
	for _, prog := range []string{"fusermount3", "fusermount"} {
		path, lerr := exec.LookPath(prog)
		if lerr != nil {
			continue
		}
		a := []string{"-u"}
		if lazy {
			a = append(a, "-z")
		}
		out, err := exec.Command(path, append(a, dir)...).CombinedOutput()
		if err != nil {
			return fmt.Errorf("%s: %v: %s", prog, err, strings.TrimSpace(string(out)))
		}
		return nil
	}
	return err
}

// isMounted reports whether dir is a mount point of an smb3fs file system,
// from the mount table: /proc/thread-self/mountinfo on Linux, getfsstat(2)
// on macOS (both read by github.com/moby/sys/mountinfo). It reads the table
// only: a hung mount at dir is never touched.
func isMounted(dir string) (bool, error) {
	m, err := mountAt(dir)
	if err != nil || m == nil {
		return false, err
	}
	return isSmb3fsType(m.FSType), nil
}

// mountAt returns the mount table's entry of the mount on top at dir, or
// nil when dir is not a mount point. dir is taken as the table writes
// it: absolute, with the symbolic links of its parent resolved (macOS
// lists /tmp/x as /private/tmp/x), though never dir itself, which may be
// a hung mount.
func mountAt(dir string) (*mountinfo.Info, error) {
	mounts, err := mountinfo.GetMounts(nil)
	if err != nil {
		return nil, fmt.Errorf("reading the mount table: %w", err)
	}
	return topMount(mounts, tableName(dir)), nil
}

// topMount returns the last entry of mounts on dir (the one on top, where
// mounts were stacked), or nil.
func topMount(mounts []*mountinfo.Info, dir string) *mountinfo.Info {
	var top *mountinfo.Info
	for _, m := range mounts {
		if m.Mountpoint == dir {
			top = m
		}
	}
	return top
}

// tableName is dir as the mount table names it: absolute, dir's parent
// with its symbolic links resolved, and dir's own name. dir is returned
// unchanged when its parent cannot be resolved.
func tableName(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	parent, err := filepath.EvalSymlinks(filepath.Dir(dir))
	if err != nil {
		return dir
	}
	return filepath.Join(parent, filepath.Base(dir))
}

// isSmb3fsType reports whether a mount table's file system type is one an
// smb3fs mount shows: fuse.smb3fs (or plain fuse, from an old fusermount)
// on Linux; macfuse, osxfuse (macFUSE 3) or their fstypename variants
// (macfuse_NAME) on macOS.
func isSmb3fsType(t string) bool {
	switch {
	case t == "fuse.smb3fs", t == "fuse":
		return true
	case strings.HasPrefix(t, "macfuse"), strings.HasPrefix(t, "osxfuse"):
		return true
	}
	return false
}
