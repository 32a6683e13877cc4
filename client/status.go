package client

import (
	"errors"
	"io/fs"
	"syscall"

	"github.com/smb3fs/smb3fs/client/wire"
)

// The one status-to-meaning table. A server answers a failed command with an
// NTSTATUS; callers should not have to know which of the several statuses a
// server may use for "no such file". statusMeaning gives each status that
// stands for an ordinary file-system condition one meaning, a sentinel
// error below, and a *StatusError matches that meaning with errors.Is:
//
//	if errors.Is(err, client.ErrNotExist) { ... }
//
// Some meanings imply a broader one (a delete-pending name is also
// ErrNotExist), and errors.Is follows that too. fs/errno.go turns meanings
// into errno values; a status with no meaning here is unexpected there (EIO,
// logged). Where the errno a meaning leads to is debatable, the Linux
// kernel's SMB client (fs/smb/client/smb2maperror.c) is the reference, and
// each sentinel's comment says where we differ and why.

// Meanings a *StatusError can have. ErrNotExist, ErrExist, ErrPermission,
// ErrClosed and ErrUnsupported are the standard library's own sentinels, so
// errors.Is(err, fs.ErrNotExist) works as well as the client names.
var (
	// ErrNotExist: the name, or a directory on its path, does not exist
	// (STATUS_OBJECT_NAME_NOT_FOUND, STATUS_OBJECT_PATH_NOT_FOUND,
	// STATUS_NO_SUCH_FILE). ENOENT.
	ErrNotExist = fs.ErrNotExist

	// ErrDeletePending: the name is still listed but marked for deletion
	// once its last handle closes (STATUS_DELETE_PENDING); it cannot be
	// opened, and it implies ErrNotExist. A POSIX program that unlinked the
	// name, or that races one that did (cp, rsync and git replace files by
	// unlink and create), expects ENOENT, which is also what mount.cifs
	// returns (a 2024 kernel patch proposed EBUSY; smb2maperror.c as
	// consulted still says ENOENT).
	ErrDeletePending error = &meaning{msg: "smb2: delete pending", implies: fs.ErrNotExist}

	// ErrNoShare: the share does not exist on the server
	// (STATUS_BAD_NETWORK_NAME, at TREE_CONNECT). It implies ErrNotExist:
	// mount.cifs reports a wrong share name as ENOENT ("mount error(2)").
	ErrNoShare error = &meaning{msg: "smb2: no such share", implies: fs.ErrNotExist}

	// ErrExist: the name is taken (STATUS_OBJECT_NAME_COLLISION, and
	// STATUS_OBJECT_NAME_EXISTS). EEXIST. The kernel maps the second, an
	// informational status no server sends as a failure, to EIO; should one
	// arrive as a failure it answers a create, where "exists" is exact.
	ErrExist = fs.ErrExist

	// ErrPermission: the server refused access (STATUS_ACCESS_DENIED,
	// STATUS_CANNOT_DELETE for a read-only file). EACCES.
	ErrPermission = fs.ErrPermission

	// ErrPrivilege: the operation needs a privilege the user does not hold
	// (STATUS_PRIVILEGE_NOT_HELD, e.g. setting an owner). It implies
	// ErrPermission; EPERM.
	ErrPrivilege error = &meaning{msg: "smb2: privilege not held", implies: fs.ErrPermission}

	// ErrNotEmpty: the directory is not empty (STATUS_DIRECTORY_NOT_EMPTY).
	// ENOTEMPTY; it also matches syscall.ENOTEMPTY.
	ErrNotEmpty error = &meaning{msg: "smb2: directory not empty", errno: syscall.ENOTEMPTY}

	// ErrNotDir: a directory operation on a file (STATUS_NOT_A_DIRECTORY).
	// ENOTDIR; it also matches syscall.ENOTDIR.
	ErrNotDir error = &meaning{msg: "smb2: not a directory", errno: syscall.ENOTDIR}

	// ErrIsDir: a file operation on a directory
	// (STATUS_FILE_IS_A_DIRECTORY). EISDIR; it also matches syscall.EISDIR.
	ErrIsDir error = &meaning{msg: "smb2: is a directory", errno: syscall.EISDIR}

	// ErrNoSpace: the volume is full (STATUS_DISK_FULL). ENOSPC; it also
	// matches syscall.ENOSPC.
	ErrNoSpace error = &meaning{msg: "smb2: disk full", errno: syscall.ENOSPC}

	// ErrQuota: the user's quota is used up (STATUS_QUOTA_EXCEEDED).
	// EDQUOT.
	ErrQuota error = &meaning{msg: "smb2: quota exceeded"}

	// ErrReadOnly: the share or volume is read-only
	// (STATUS_MEDIA_WRITE_PROTECTED). EROFS.
	ErrReadOnly error = &meaning{msg: "smb2: read-only volume"}

	// ErrBusy: another open's share mode refuses this one
	// (STATUS_SHARING_VIOLATION). EBUSY; it also matches syscall.EBUSY.
	ErrBusy error = &meaning{msg: "smb2: sharing violation", errno: syscall.EBUSY}

	// ErrLockConflict (declared in lock.go) is the meaning of
	// STATUS_LOCK_NOT_GRANTED and STATUS_FILE_LOCK_CONFLICT. EAGAIN, what
	// fcntl(F_SETLK) and a read or write against a mandatory lock return;
	// the kernel says EACCES, which POSIX also allows for F_SETLK.

	// ErrNameTooLong: a name component is too long (STATUS_NAME_TOO_LONG).
	// ENAMETOOLONG.
	ErrNameTooLong error = &meaning{msg: "smb2: name too long"}

	// ErrInvalid: the server rejected a name or an argument
	// (STATUS_OBJECT_NAME_INVALID, STATUS_OBJECT_PATH_SYNTAX_BAD,
	// STATUS_INVALID_PARAMETER). EINVAL, the errno fs's own name check
	// gives a name the server cannot store, so a bad name fails the same
	// way whether fs or the server rejects it (the kernel says ENOENT for
	// an invalid name and EIO for a bad path syntax).
	ErrInvalid error = &meaning{msg: "smb2: invalid name or argument"}

	// ErrCrossDevice: a rename or link between volumes
	// (STATUS_NOT_SAME_DEVICE). EXDEV, which makes mv copy instead.
	ErrCrossDevice error = &meaning{msg: "smb2: not the same device"}

	// ErrUnsupported: the server does not implement the operation or
	// information class (STATUS_NOT_SUPPORTED, STATUS_NOT_IMPLEMENTED,
	// STATUS_INVALID_DEVICE_REQUEST, STATUS_EAS_NOT_SUPPORTED). EOPNOTSUPP.
	ErrUnsupported = errors.ErrUnsupported

	// ErrNoEA: the extended attribute does not exist (STATUS_NO_EAS_ON_FILE,
	// STATUS_NONEXISTENT_EA_ENTRY). ENODATA, as getxattr(2) says; the
	// kernel says EIO for the second.
	ErrNoEA error = &meaning{msg: "smb2: no such extended attribute"}

	// ErrEATooLarge: the extended attributes do not fit
	// (STATUS_EA_TOO_LARGE). E2BIG, as setxattr(2) says.
	ErrEATooLarge error = &meaning{msg: "smb2: extended attribute too large"}

	// ErrNoResources: the server ran out of memory or handles
	// (STATUS_INSUFFICIENT_RESOURCES). ENOMEM.
	ErrNoResources error = &meaning{msg: "smb2: server out of resources"}

	// ErrClosed: the handle is no longer open on the server
	// (STATUS_FILE_CLOSED). EBADF.
	ErrClosed = fs.ErrClosed

	// ErrCanceled: the server stopped the request because our SMB2 CANCEL
	// reached it (STATUS_CANCELLED): the operation was not done. EINTR.
	ErrCanceled error = &meaning{msg: "smb2: request cancelled"}
)

// statusMeaning is the table: each NTSTATUS with a meaning, and that
// meaning. Statuses not listed have none: errors.Is matches them to
// nothing, and fs reports them as unexpected.
var statusMeaning = map[wire.Status]error{
	wire.StatusObjectNameNotFound:    ErrNotExist,
	wire.StatusObjectPathNotFound:    ErrNotExist,
	wire.StatusNoSuchFile:            ErrNotExist,
	wire.StatusDeletePending:         ErrDeletePending,
	wire.StatusBadNetworkName:        ErrNoShare,
	wire.StatusObjectNameCollision:   ErrExist,
	wire.StatusObjectNameExists:      ErrExist,
	wire.StatusAccessDenied:          ErrPermission,
	wire.StatusCannotDelete:          ErrPermission,
	wire.StatusPrivilegeNotHeld:      ErrPrivilege,
	wire.StatusDirectoryNotEmpty:     ErrNotEmpty,
	wire.StatusNotADirectory:         ErrNotDir,
	wire.StatusFileIsADirectory:      ErrIsDir,
	wire.StatusDiskFull:              ErrNoSpace,
	wire.StatusQuotaExceeded:         ErrQuota,
	wire.StatusMediaWriteProtected:   ErrReadOnly,
	wire.StatusSharingViolation:      ErrBusy,
	wire.StatusFileLockConflict:      ErrLockConflict,
	wire.StatusLockNotGranted:        ErrLockConflict,
	wire.StatusNameTooLong:           ErrNameTooLong,
	wire.StatusObjectNameInvalid:     ErrInvalid,
	wire.StatusObjectPathSyntaxBad:   ErrInvalid,
	wire.StatusInvalidParameter:      ErrInvalid,
	wire.StatusNotSameDevice:         ErrCrossDevice,
	wire.StatusNotSupported:          ErrUnsupported,
	wire.StatusNotImplemented:        ErrUnsupported,
	wire.StatusInvalidDeviceRequest:  ErrUnsupported,
	wire.StatusEasNotSupported:       ErrUnsupported,
	wire.StatusNoEasOnFile:           ErrNoEA,
	wire.StatusNonexistentEaEntry:    ErrNoEA,
	wire.StatusEaTooLarge:            ErrEATooLarge,
	wire.StatusInsufficientResources: ErrNoResources,
	wire.StatusFileClosed:            ErrClosed,
	wire.StatusCancelled:             ErrCanceled,
}

// Meaning returns the meaning of status s (one of the sentinels above), or
// nil when s has none.
func Meaning(s wire.Status) error { return statusMeaning[s] }

// meaning is a sentinel of the table that is not the standard library's.
// implies is a broader meaning it also matches (or nil); errno is a
// syscall.Errno it also matches, kept where StatusError has always matched
// one (and compared exactly: syscall.ENOTEMPTY matching fs.ErrExist, as
// Errno.Is has it, is not carried over).
type meaning struct {
	msg     string
	implies error
	errno   syscall.Errno
}

func (m *meaning) Error() string { return m.msg }

// Unwrap returns the broader meaning m implies, for errors.Is.
func (m *meaning) Unwrap() error { return m.implies }

// Is reports whether target is the errno m also matches.
func (m *meaning) Is(target error) bool {
	en, ok := target.(syscall.Errno)
	return ok && m.errno != 0 && en == m.errno
}
