package fs

// copy_file_range(2) as a server-side copy: when both files are open on
// this mount, the kernel sends FUSE_COPY_FILE_RANGE and the bytes move
// from one file to the other on the server (client.File.CopyChunks), never
// through this process:
//
//	copy_file_range ─► FUSE_COPY_FILE_RANGE ─► size of the source (clamp to EOF)
//	                 ─► resume key of the source ─► COPYCHUNK_WRITE on the target
//
// When the server cannot copy (no FSCTL_SRV_COPYCHUNK_WRITE) we answer
// ENOSYS: the kernel then stops asking for this mount and copies through
// read and write itself. A copy it may still do that way (the handles are
// not ours, or the server does not recognise the source) is EOPNOTSUPP or
// EXDEV, which make the kernel fall back for this one call.
//
// Caches: the kernel drops the target's cached pages in the copied range,
// raises its cached size to the end of the copy and invalidates its
// attributes once we return; nodes keep no attributes of their own, so the
// next stat asks the server. The count returned is exactly what the server
// acknowledged writing.

import (
	"context"
	"errors"
	"syscall"

	gofs "github.com/hanwen/go-fuse/v2/fs"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
)

// copyMax bounds one FUSE_COPY_FILE_RANGE: its reply carries the count in
// 32 bits, and a bounded request can be interrupted and retried; callers of
// copy_file_range(2) loop on short counts.
const copyMax = 1 << 30

var _ = (gofs.NodeCopyFileRanger)((*Node)(nil))

// CopyFileRange copies up to length bytes at offIn of fhIn to offOut of
// fhOut on the server. It copies nothing past the source's end of file
// (returning fewer bytes, or 0 at or past it), at most copyMax bytes per
// call.
func (n *Node) CopyFileRange(ctx context.Context, fhIn gofs.FileHandle, offIn uint64,
	out *gofs.Inode, fhOut gofs.FileHandle, offOut uint64, length uint64, flags uint64) (uint32, syscall.Errno) {
	if flags != 0 {
		return 0, syscall.EINVAL
	}
	in, ok1 := fhIn.(*handle)
	dst, ok2 := fhOut.(*handle)
	if !ok1 || !ok2 || in.owner != n.fsys || dst.owner != n.fsys {
		return 0, syscall.EXDEV
	}
	if !dst.write {
		return 0, syscall.EBADF
	}
	if n.fsys.opts.ReadOnly {
		return 0, syscall.EROFS
	}
	if length == 0 {
		return 0, 0
	}
	length = min(length, copyMax)
	// Writes in flight on either file land first (writebehind.go).
	in.node.settleWrites(ctx, nil, 0, -1)
	dst.node.settleWrites(ctx, nil, 0, -1)
	// copy_file_range stops at the source's end; COPYCHUNK fails a range
	// past it.
	info, err := in.f.NetworkOpenInfo(ctx)
	if err != nil {
		return 0, ToErrno(err)
	}
	if offIn >= info.EndOfFile {
		return 0, 0
	}
	length = min(length, info.EndOfFile-offIn)
	if out == n.EmbeddedInode() && offIn < offOut+length && offOut < offIn+length {
		return 0, syscall.EINVAL // as copy_file_range(2) within one file
	}
	dst.wrote.Store(true) // Flush sets the modification time
	if dst.node != nil {
		dst.node.forgetAttrs()
		defer dst.node.forgetAttrs()
	}
	written, err := dst.f.CopyChunks(ctx, in.f, offIn, offOut, length)
	if err != nil {
		return 0, copyErrno(err)
	}
	if written != length {
		return 0, syscall.EIO // CopyChunks reports all or an error
	}
	return uint32(written), 0
}

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
