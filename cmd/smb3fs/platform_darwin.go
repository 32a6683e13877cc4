package main

import (
	"fmt"

	"golang.org/x/sys/unix"
)

// Terminal ioctls for the password prompt.
const (
	ioctlGetTermios = unix.TIOCGETA
	ioctlSetTermios = unix.TIOCSETA
)

// lazyUnmountFlag: macOS has no lazy unmount; MNT_FORCE is the nearest.
const lazyUnmountFlag = unix.MNT_FORCE

// hardenProcess keeps the process's memory (keys, the NTLM password) out
// of core files (RLIMIT_CORE 0) and refuses debuggers (PT_DENY_ATTACH).
func hardenProcess() error {
	if err := unix.Setrlimit(unix.RLIMIT_CORE, &unix.Rlimit{}); err != nil {
		return fmt.Errorf("setrlimit RLIMIT_CORE: %w", err)
	}
	if err := unix.PtraceDenyAttach(); err != nil {
		return fmt.Errorf("ptrace PT_DENY_ATTACH: %w", err)
	}
	return nil
}

// scrubInitialEnviron does nothing on macOS, which has no /proc: PASSWD is
// still removed from the environment children inherit.
func scrubInitialEnviron(string) {}

// remount is not supported on macOS: unmount and mount again.
func remount(dir string, _ *mountOptions, _ []string) error {
	return usageErrorf("remount is not supported on macOS: unmount and mount again")
}

// applyMountFlags does nothing on macOS: the atime and sync options are
// accepted as they are on Linux for a user's mount.
func applyMountFlags(string, []string) error { return nil }
