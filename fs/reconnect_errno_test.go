package fs

import (
	"fmt"
	"syscall"
	"testing"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
)

// Errors of the client's reconnect (client/reconnect.go): a lost handle is
// EIO even when it wraps the status that lost it; an expired ticket cache
// is EACCES.
func TestToErrnoReconnect(t *testing.T) {
	notFound := &client.StatusError{Status: wire.StatusObjectNameNotFound, Command: wire.CmdCreate}
	for _, tc := range []struct {
		err  error
		want syscall.Errno
	}{
		{fmt.Errorf("%w: f: durable reconnect: %w", client.ErrHandleLost, notFound), syscall.EIO},
		{fmt.Errorf("%w: reconnecting: %w", client.ErrConnectionClosed, fmt.Errorf("%w: ticket expired (run kinit)", client.ErrAuthentication)), syscall.EACCES},
		{fmt.Errorf("%w: outcome unknown", client.ErrConnectionClosed), syscall.EIO},
	} {
		if got := ToErrno(tc.err); got != tc.want {
			t.Errorf("ToErrno(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
}
