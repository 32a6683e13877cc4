package fs

import (
	"context"
	"errors"
	"log"
	"sync"
	"syscall"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
)

// statusErrno maps the NTSTATUS values a file server returns for ordinary
// file system conditions to the errno a POSIX program expects. Statuses
// not listed here are unexpected: they become EIO and are logged.
var statusErrno = map[wire.Status]syscall.Errno{
	wire.StatusObjectNameNotFound:    syscall.ENOENT,
	wire.StatusObjectPathNotFound:    syscall.ENOENT,
	wire.StatusNoSuchFile:            syscall.ENOENT,
	wire.StatusDeletePending:         syscall.ENOENT,
	wire.StatusObjectNameCollision:   syscall.EEXIST,
	wire.StatusObjectNameExists:      syscall.EEXIST,
	wire.StatusAccessDenied:          syscall.EACCES,
	wire.StatusPrivilegeNotHeld:      syscall.EPERM,
	wire.StatusCannotDelete:          syscall.EACCES,
	wire.StatusDirectoryNotEmpty:     syscall.ENOTEMPTY,
	wire.StatusNotADirectory:         syscall.ENOTDIR,
	wire.StatusFileIsADirectory:      syscall.EISDIR,
	wire.StatusDiskFull:              syscall.ENOSPC,
	wire.StatusQuotaExceeded:         syscall.EDQUOT,
	wire.StatusMediaWriteProtected:   syscall.EROFS,
	wire.StatusSharingViolation:      syscall.EBUSY,
	wire.StatusFileLockConflict:      syscall.EAGAIN,
	wire.StatusLockNotGranted:        syscall.EAGAIN,
	wire.StatusNameTooLong:           syscall.ENAMETOOLONG,
	wire.StatusObjectNameInvalid:     syscall.EINVAL,
	wire.StatusObjectPathSyntaxBad:   syscall.EINVAL,
	wire.StatusInvalidParameter:      syscall.EINVAL,
	wire.StatusNotSameDevice:         syscall.EXDEV,
	wire.StatusNotSupported:          syscall.EOPNOTSUPP,
	wire.StatusNotImplemented:        syscall.EOPNOTSUPP,
	wire.StatusInvalidDeviceRequest:  syscall.EOPNOTSUPP,
	wire.StatusEasNotSupported:       syscall.EOPNOTSUPP,
	wire.StatusNoEasOnFile:           syscall.ENODATA,
	wire.StatusNonexistentEaEntry:    syscall.ENODATA,
	wire.StatusEaTooLarge:            syscall.E2BIG,
	wire.StatusInsufficientResources: syscall.ENOMEM,
	wire.StatusFileClosed:            syscall.EBADF,
	wire.StatusCancelled:             syscall.EINTR, // stopped at our SMB2 CANCEL: not done
}

// ToErrno is the one place an error from the client becomes an errno.
// Server statuses map by table; a connection that ended (closed, timed out,
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
	case errors.Is(err, client.ErrAuthentication):
		// The client could not (re)authenticate, typically an expired
		// ticket after a reconnect: EACCES (EKEYEXPIRED does not exist on
		// macOS); the logged message says to run kinit.
		logOnceAs("cannot authenticate, reported as EACCES", err)
		return syscall.EACCES
	}
	var se *client.StatusError
	if errors.As(err, &se) {
		if e, ok := statusErrno[se.Status]; ok && e != 0 {
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
	case errors.Is(err, client.ErrUnprotected), errors.Is(err, client.ErrProtocol), errors.Is(err, client.ErrRefused):
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
