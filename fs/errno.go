package fs

import (
	"context"
	"errors"
	"log"
	"sync"
	"syscall"

	"github.com/smb3fs/smb3fs/client"
)

// meaningErrno turns the meaning of a server status (client's one
// status-to-meaning table, matched with errors.Is) into the errno a POSIX
// program expects. Order matters where one meaning implies another:
// ErrPrivilege is also ErrPermission, so it comes first. A status with no
// meaning here is unexpected: it becomes EIO and is logged.
var meaningErrno = []struct {
	meaning error
	errno   syscall.Errno
}{
	{client.ErrNotExist, syscall.ENOENT}, // also ErrDeletePending, ErrNoShare
	{client.ErrExist, syscall.EEXIST},
	{client.ErrPrivilege, syscall.EPERM},
	{client.ErrPermission, syscall.EACCES},
	{client.ErrNotEmpty, syscall.ENOTEMPTY},
	{client.ErrNotDir, syscall.ENOTDIR},
	{client.ErrIsDir, syscall.EISDIR},
	{client.ErrNoSpace, syscall.ENOSPC},
	{client.ErrQuota, syscall.EDQUOT},
	{client.ErrReadOnly, syscall.EROFS},
	{client.ErrBusy, syscall.EBUSY},
	{client.ErrLockConflict, syscall.EAGAIN},
	{client.ErrNameTooLong, syscall.ENAMETOOLONG},
	{client.ErrInvalid, syscall.EINVAL},
	{client.ErrCrossDevice, syscall.EXDEV},
	{client.ErrUnsupported, syscall.EOPNOTSUPP},
	{client.ErrNoEA, syscall.ENODATA},
	{client.ErrEATooLarge, syscall.E2BIG},
	{client.ErrNoResources, syscall.ENOMEM},
	{client.ErrClosed, syscall.EBADF},
	{client.ErrCanceled, syscall.EINTR}, // stopped at our SMB2 CANCEL: not done
}

// statusErrno returns the errno for a server status error, and false when
// its status has no meaning fs knows.
func statusErrno(se *client.StatusError) (syscall.Errno, bool) {
	for _, m := range meaningErrno {
		if errors.Is(se, m.meaning) {
			return m.errno, true
		}
	}
	return 0, false
}

// ToErrno is the one place an error from the client becomes an errno.
// Server statuses map by their meaning (client.Meaning); a connection that ended (closed, timed out,
// failed verification, violated the protocol) is EIO, or ETIMEDOUT for a
// silent server; a cancelled FUSE request is EINTR. Anything else is EIO
// and logged, once per distinct message.
func ToErrno(err error) syscall.Errno {
	if err == nil {
		return 0
	}
	// Reconnect outcomes first: they may wrap the server status that
	// caused them, which is not what the caller's operation met.
	switch {
	case errors.Is(err, client.ErrHandleLost):
		// The open did not survive a reconnect: what was not yet
		// acknowledged may be gone.
		logOnce(err)
		return syscall.EIO
	case errors.Is(err, client.ErrCrossLink):
		// Two paths on different targets of a DFS namespace.
		return syscall.EXDEV
	case errors.Is(err, ErrNoSession):
		// A multiuser mount's user without usable credentials: the
		// Trees implementation logged why (multiuser.go).
		return syscall.EACCES
	case errors.Is(err, client.ErrAuthentication):
		// The client could not (re)authenticate, typically an expired
		// ticket after a reconnect: EACCES (EKEYEXPIRED does not exist on
		// macOS); the logged message says to run kinit.
		logOnceAs("cannot authenticate, reported as EACCES", err)
		return syscall.EACCES
	}
	var se *client.StatusError
	if errors.As(err, &se) {
		if e, ok := statusErrno(se); ok {
			return e
		}
		logOnce(err)
		return syscall.EIO
	}
	var en syscall.Errno
	switch {
	case errors.Is(err, errStale):
		return syscall.ENOENT
	case errors.Is(err, context.Canceled):
		return syscall.EINTR
	case errors.Is(err, client.ErrTimeout), errors.Is(err, context.DeadlineExceeded):
		return syscall.ETIMEDOUT
	case errors.Is(err, client.ErrConnectionClosed):
		return syscall.EIO
	case errors.Is(err, client.ErrRefused):
		// A DFS link whose every target the policy refused (a
		// connection refused at mount time never gets here).
		logOnceAs("refused, reported as EIO", err)
		return syscall.EIO
	case errors.Is(err, client.ErrUnprotected), errors.Is(err, client.ErrProtocol):
		logOnce(err)
		return syscall.EIO
	case errors.As(err, &en):
		return en
	}
	logOnce(err)
	return syscall.EIO
}

var (
	loggedMu sync.Mutex
	logged   = map[string]bool{}
)

// logOnce logs an unexpected error the first time its message is seen.
func logOnce(err error) { logOnceAs("unexpected error, reported as EIO", err) }

// logOnceAs logs err after what the first time its message is seen.
func logOnceAs(what string, err error) {
	msg := err.Error()
	loggedMu.Lock()
	seen := logged[msg]
	if !seen && len(logged) < 1000 {
		logged[msg] = true
	}
	loggedMu.Unlock()
	if !seen {
		log.Printf("smb3fs: %s: %v", what, err)
	}
}
