package main

import "golang.org/x/sys/unix"

// Terminal ioctls for the password prompt.
const (
	ioctlGetTermios = unix.TCGETS
	ioctlSetTermios = unix.TCSETS
)

// lazyUnmountFlag detaches a busy mount (umount -l).
const lazyUnmountFlag = unix.MNT_DETACH
