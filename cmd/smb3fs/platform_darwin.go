package main

import "golang.org/x/sys/unix"

// Terminal ioctls for the password prompt.
const (
	ioctlGetTermios = unix.TIOCGETA
	ioctlSetTermios = unix.TIOCSETA
)

// lazyUnmountFlag: macOS has no lazy unmount; MNT_FORCE is the nearest.
const lazyUnmountFlag = unix.MNT_FORCE
