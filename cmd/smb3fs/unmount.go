package main

// smb3fs unmount, and recognising an smb3fs mount point from
// /proc/self/mountinfo.

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

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
// from /proc/self/mountinfo.
func isMounted(dir string) (bool, error) {
	data, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		return false, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		// id parent major:minor root mountpoint opts ... - fstype source superopts
		f := strings.Fields(line)
		if len(f) < 5 {
			continue
		}
		if unescapeMountinfo(f[4]) != dir {
			continue
		}
		for i, x := range f {
			if x == "-" && i+1 < len(f) {
				return f[i+1] == "fuse.smb3fs" || f[i+1] == "fuse", nil
			}
		}
	}
	return false, nil
}

// unescapeMountinfo undoes the octal escapes (\040 for space) of mountinfo.
func unescapeMountinfo(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
