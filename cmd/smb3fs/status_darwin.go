package main

import (
	"fmt"
	"net"

	"golang.org/x/sys/unix"
)

// peerUID is the user of the process at the other end of c (SO_PEERCRED:
// its credentials when it connected).
func peerUID(c *net.UnixConn) (int, error) {
	rc, err := c.SyscallConn()
	if err != nil {
		return -1, err
	}
	var cred *unix.Xucred
	var credErr error
	if err := rc.Control(func(fd uintptr) {
		cred, credErr = unix.GetsockoptXucred(int(fd), unix.SOL_LOCAL, unix.LOCAL_PEERCRED)
	}); err != nil {
		return -1, err
	}
	if credErr != nil {
		return -1, fmt.Errorf("LOCAL_PEERCRED: %w", credErr)
	}
	return int(cred.Uid), nil
}

// listSmb3fsMounts returns the smb3fs mounts of the mount table
// (getfsstat(2), which gives each mount's owner, unlike the mountinfo
// package), with their owners.
func listSmb3fsMounts() ([]smb3fsMount, error) {
	n, err := unix.Getfsstat(nil, unix.MNT_NOWAIT)
	if err != nil {
		return nil, fmt.Errorf("getfsstat: %w", err)
	}
	buf := make([]unix.Statfs_t, n)
	n, err = unix.Getfsstat(buf, unix.MNT_NOWAIT)
	if err != nil {
		return nil, fmt.Errorf("getfsstat: %w", err)
	}
	entries := make([]fsstatEntry, 0, n)
	for _, st := range buf[:n] {
		entries = append(entries, fsstatEntry{mountpoint: unix.ByteSliceToString(st.Mntonname[:]),
			fstype: unix.ByteSliceToString(st.Fstypename[:]), source: unix.ByteSliceToString(st.Mntfromname[:]),
			owner: int(st.Owner)})
	}
	return macMountsOf(entries), nil
}
