package auth

import (
	"fmt"
	"net"

	"golang.org/x/sys/unix"
)

// kcmCheckPeer checks that the process at the other end of the KCM socket
// runs as owner (SO_PEERCRED): the socket file's owner says who created
// it, this says who listens on it now.
func kcmCheckPeer(c net.Conn, owner int) error {
	uc, ok := c.(*net.UnixConn)
	if !ok {
		return fmt.Errorf("the KCM connection is a %T", c)
	}
	raw, err := uc.SyscallConn()
	if err != nil {
		return err
	}
	var cred *unix.Ucred
	var serr error
	if err := raw.Control(func(fd uintptr) {
		cred, serr = unix.GetsockoptUcred(int(fd), unix.SOL_SOCKET, unix.SO_PEERCRED)
	}); err != nil {
		return err
	}
	if serr != nil {
		return fmt.Errorf("KCM peer credentials: %w", serr)
	}
	if int(cred.Uid) != owner {
		return fmt.Errorf("%w: the KCM daemon runs as uid %d, not %d", errUnsafeFile, cred.Uid, owner)
	}
	return nil
}
