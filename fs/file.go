package fs

import (
	"context"
	"errors"
	"io"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	gofs "github.com/hanwen/go-fuse/v2/fs"
	"github.com/hanwen/go-fuse/v2/fuse"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
)

// handle is an open file: one SMB handle, opened with the access the
// open(2) flags ask for. Reads and writes go straight to the server
// (pipelined by the client); the kernel's page cache is the only cache.
type handle struct {
	owner *FS
	node  *Node // set by Node.track
	// closing is set (under node.mu) when Release starts; closed is
	// closed when the SMB handle is.
	closing bool
	closed  chan struct{}
	f       *client.File
	write   bool
	// appendMode: every write goes to the server's end of file, which
	// is asked for under mu so that this handle's appends do not
	// interleave.
	appendMode bool
	mu         sync.Mutex
	locks      lockTable // byte-range locks held on f (lock.go)
	// wrote is set by every write (and server-side copy into f) and
	// cleared by Flush, which then sets the modification time.
	wrote atomic.Bool
}

func newHandle(fsys *FS, f *client.File, flags uint32, write bool) *handle {
	return &handle{owner: fsys, closed: make(chan struct{}), f: f, write: write, appendMode: flags&syscall.O_APPEND != 0}
}

var _ = (gofs.FileReader)((*handle)(nil))

// Read reads at off; a short result means end of file.
func (h *handle) Read(ctx context.Context, dest []byte, off int64) (fuse.ReadResult, syscall.Errno) {
	n, err := h.f.ReadAt(ctx, dest, off)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, ToErrno(err)
	}
	return fuse.ReadResultData(dest[:n]), 0
}

var _ = (gofs.FileWriter)((*handle)(nil))

// Write writes data at off (at the server's end of file for O_APPEND) and
// reports it written only once the server acknowledged every byte.
//
// A write is not interruptible: it waits for the server's answer. write(2)
// returning EINTR tells the caller nothing was written, and callers (Go's
// os.File, Python, stdio) then write the same bytes again; but a WRITE
// already sent may be done on the server, or done a moment later whatever
// SMB2 CANCEL says. Written again at the new end of file (O_APPEND), a
// record appeared twice (TestLiveAppendInterrupted). Linux cifs waits for
// a WRITE too (killable only). The client's timeout still bounds it.
func (h *handle) Write(ctx context.Context, data []byte, off int64) (uint32, syscall.Errno) {
	ctx = settled(ctx)
	if h.appendMode {
		h.mu.Lock()
		defer h.mu.Unlock()
		info, err := h.f.NetworkOpenInfo(ctx)
		if err != nil {
			return 0, ToErrno(err)
		}
		off = int64(info.EndOfFile)
	}
	h.wrote.Store(true)
	n, err := h.f.WriteAt(ctx, data, off)
	if err != nil {
		return 0, ToErrno(err)
	}
	return uint32(n), 0
}

var _ = (gofs.FileGetattrer)((*handle)(nil))

// Getattr queries FileNetworkOpenInformation and FileStandardInformation
// on the handle (one frame): it works after the name is gone.
func (h *handle) Getattr(ctx context.Context, out *fuse.AttrOut) syscall.Errno {
	ctx = settled(ctx)
	info, si, err := h.f.StatInfo(ctx)
	if err != nil {
		return ToErrno(err)
	}
	h.owner.fill(&out.Attr, withStandard(attrsOfInfo(info), si))
	return 0
}

var _ = (gofs.FileFlusher)((*handle)(nil))

// Flush (close(2)) has no data to push: every write was acknowledged
// before write(2) returned. When the handle wrote since the last flush it
// sets the modification time to now, on the handle: SMB servers set the
// write time of a handle that wrote when it closes, and the kernel closes
// after close(2) has returned, so a stat right after close(2) would see
// a time that changes a moment later. A time set on the handle stays
// (the close leaves it), so stat(2) after close(2) shows the final time.
// The time is this machine's clock, as Linux cifs does.
func (h *handle) Flush(ctx context.Context) syscall.Errno {
	ctx = settled(ctx)
	if !h.wrote.Swap(false) {
		return 0
	}
	// Only the time is at stake (the close sets one anyway): a failure
	// must not make close(2) report lost data, so it is ignored.
	_ = h.f.SetBasicInfo(ctx, &wire.FileBasicInformation{LastWriteTime: toFileTime(time.Now())})
	return 0
}

var _ = (gofs.FileFsyncer)((*handle)(nil))

// Fsync sends SMB2 FLUSH: the server writes the file to stable storage.
// A handle without write access has nothing to flush.
func (h *handle) Fsync(ctx context.Context, flags uint32) syscall.Errno {
	if !h.write {
		return 0
	}
	return ToErrno(h.f.Flush(ctx))
}

var _ = (gofs.FileReleaser)((*handle)(nil))

// Release closes the SMB handle. The kernel does not wait for the result;
// the close is bounded so a dead server cannot pin the handle forever.
func (h *handle) Release(ctx context.Context) syscall.Errno {
	if h.node != nil {
		h.node.startClose(h)
	}
	cctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err := h.f.Close(cctx)
	if h.node != nil {
		h.node.untrack(h)
	}
	close(h.closed)
	return ToErrno(err)
}

var _ = (gofs.FileAllocater)((*handle)(nil))

// fallocKeepSize is FALLOC_FL_KEEP_SIZE of fallocate(2).
const fallocKeepSize = 0x1

// Allocate implements fallocate(2). Mode 0 extends the end of file when
// off+size passes it (SMB has no "allocate a range"). FALLOC_FL_KEEP_SIZE
// asks the server for an allocation of off+size bytes without changing the
// end of file ([MS-FSCC] 2.4 FileAllocationInformation) when that passes
// the end of file; Samba then reserves the space (strict allocate) or
// checks that it is free (ENOSPC otherwise). A range inside the file needs
// nothing: an allocation below the end of file would truncate it. Other
// modes (punch hole, zero range, ...) are EOPNOTSUPP.
func (h *handle) Allocate(ctx context.Context, off, size uint64, mode uint32) syscall.Errno {
	ctx = settled(ctx)
	if mode&^fallocKeepSize != 0 {
		return syscall.EOPNOTSUPP
	}
	if !h.write {
		return syscall.EBADF
	}
	end := off + size
	if end < off {
		return syscall.EFBIG
	}
	info, err := h.f.NetworkOpenInfo(ctx)
	if err != nil {
		return ToErrno(err)
	}
	if end <= info.EndOfFile {
		return 0
	}
	if mode&fallocKeepSize != 0 {
		if end <= info.AllocationSize {
			return 0
		}
		return ToErrno(h.f.SetInfo(ctx, wire.InfoFile, wire.ClassFileAllocationInformation, 0,
			(&wire.FileAllocationInformation{AllocationSize: end}).Encode()))
	}
	return ToErrno(h.f.SetEndOfFile(ctx, end))
}
