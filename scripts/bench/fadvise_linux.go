package main

import (
	"os"
	"syscall"
)

// fadviseDontNeed asks the kernel to drop f's clean pages from the page
// cache (posix_fadvise(POSIX_FADV_DONTNEED) over the whole file).
func fadviseDontNeed(f *os.File) error {
	const posixFadvDontNeed = 4
	_, _, errno := syscall.Syscall6(syscall.SYS_FADVISE64, f.Fd(), 0, 0, posixFadvDontNeed, 0, 0)
	if errno != 0 {
		return os.NewSyscallError("fadvise64", errno)
	}
	return nil
}
