package fs

// The one file of package fs (with errno.go's NTSTATUS table) that speaks
// client/wire: what the server's answers say, turned into attrs, and the
// status checks fs makes beyond mapping errors to errno.

import (
	"context"
	"errors"
	"syscall"
	"time"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
)

// closeResponse is what closing a handle answers (client.File.Close).
type closeResponse = wire.CloseResponse

// attrsOf turns the times, sizes and attributes every answer carries
// (CREATE, CLOSE, FileNetworkOpenInformation, a directory entry) into
// attrs.
func attrsOf(o wire.OpenInfo) attrs {
	return attrs{ctime: o.CreationTime, atime: o.LastAccessTime, mtime: o.LastWriteTime, chtime: o.ChangeTime,
		size: o.EndOfFile, alloc: o.AllocationSize, attr: o.FileAttributes}
}

// withStandard adds the link count and delete-pending state.
func withStandard(a attrs, si *wire.FileStandardInformation) attrs {
	a.nlink = si.NumberOfLinks
	a.deleted = si.DeletePending
	return a
}

// closeAttrs returns the attributes a CLOSE answered with, if it carries
// them (it was asked to, and succeeded).
func closeAttrs(r *wire.CloseResponse) (attrs, bool) {
	if r == nil {
		return attrs{}, false
	}
	o, ok := r.PostQuery()
	return attrsOf(o), ok
}

// isDirAttr and isReadOnlyAttr read FileAttributes ([MS-FSCC] 2.6).
func isDirAttr(attr uint32) bool      { return attr&wire.FileAttributeDirectory != 0 }
func isReadOnlyAttr(attr uint32) bool { return attr&wire.FileAttributeReadOnly != 0 }

// utf16Len is the length of s in UTF-16 bytes, as SMB sends names.
func utf16Len(s string) int { return wire.UTF16Len(s) }

// writeFinish writes data at off (the bytes held back) and sets the
// write time to now on f, in one compound, and returns the attributes
// after it (nil when the server did not say).
func writeFinish(ctx context.Context, f *client.File, data []byte, off int64, now time.Time) (*attrs, error) {
	ni, si, err := f.WriteFinishStat(ctx, data, off, &wire.FileBasicInformation{LastWriteTime: wire.FileTime(now)})
	if err != nil || ni == nil {
		return nil, err
	}
	a := withStandard(attrsOf(ni.OpenInfo), si)
	return &a, nil
}

// Status checks fs makes where it does more than map an error to errno.

func accessDenied(err error) bool     { return client.IsStatus(err, wire.StatusAccessDenied) }
func fileClosed(err error) bool       { return client.IsStatus(err, wire.StatusFileClosed) }
func rangeNotLocked(err error) bool   { return client.IsStatus(err, wire.StatusRangeNotLocked) }
func invalidLockRange(err error) bool { return client.IsStatus(err, wire.StatusInvalidLockRange) }

// copyErrno maps a failed server-side copy: "cannot do it here" becomes
// ENOSYS (never again on this mount) or EOPNOTSUPP/EXDEV (not this time),
// so that the kernel copies through read and write; the rest as usual.
func copyErrno(err error) syscall.Errno {
	var se *client.StatusError
	switch {
	case errors.Is(err, client.ErrCopyCrossTree):
		return syscall.EXDEV
	case errors.Is(err, client.ErrCopyOverlap), errors.Is(err, client.ErrCopyRange):
		return syscall.EINVAL
	case errors.As(err, &se) && se.Command == wire.CmdIoctl:
		switch se.Status {
		case wire.StatusNotSupported, wire.StatusInvalidDeviceRequest, wire.StatusNotImplemented:
			return syscall.ENOSYS
		case wire.StatusObjectNameNotFound, wire.StatusInvalidViewSize:
			// The server did not recognise the resume key, or the
			// source shrank since we clamped the range to it: the
			// kernel's own copy handles either.
			return syscall.EOPNOTSUPP
		}
	}
	return ToErrno(err)
}
