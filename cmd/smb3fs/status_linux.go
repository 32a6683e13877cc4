package main

import (
	"fmt"
	"net"

	"github.com/moby/sys/mountinfo"
	"golang.org/x/sys/unix"
)

// peerUID is the user of the process at the other end of c (SO_PEERCRED:
// its credentials when it connected).
func peerUID(c *net.UnixConn) (int, error) {
	rc, err := c.SyscallConn()
	if err != nil {
		return -1, err
	}
	var cred *unix.Ucred
	var credErr error
	if err := rc.Control(func(fd uintptr) {
		cred, credErr = unix.GetsockoptUcred(int(fd), unix.SOL_SOCKET, unix.SO_PEERCRED)
	}); err != nil {
		return -1, err
	}
	if credErr != nil {
		return -1, fmt.Errorf("SO_PEERCRED: %w", credErr)
	}
	return int(cred.Uid), nil
}

// listSmb3fsMounts returns the smb3fs mounts of the mount table
// (/proc/self/mountinfo), with their owners.
func listSmb3fsMounts() ([]smb3fsMount, error) {
	infos, err := mountinfo.GetMounts(mountinfo.FSTypeFilter("fuse.smb3fs"))
	if err != nil {
		return nil, err
	}
	return smb3fsMountsOf(infos), nil
}
