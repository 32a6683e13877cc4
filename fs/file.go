package fs

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	gofs "github.com/hanwen/go-fuse/v2/fs"
	"github.com/hanwen/go-fuse/v2/fuse"

	"github.com/smb3fs/smb3fs/client"
)

// handle is an open file: one SMB handle, opened with the access the
// open(2) flags ask for. Reads and writes go straight to the server
// (pipelined by the client); the kernel's page cache is the only cache.
// Writes are written behind while the handle holds a write-caching lease
// (writebehind.go); without it a write waits for the server's answer.
type handle struct {
	owner *FS
	node  *Node // set by Node.track
	// closing is set (under node.mu) when Release starts; closed is
	// closed when the SMB handle is.
	closing bool
	closed  chan struct{}
	f       *client.File
	write   bool
	// canDelete: f was opened with DELETE access, so it can be renamed
	// by handle (park.go).
	canDelete bool
	// parked is set while the handle is on the mount's list of released
	// handles kept open (park.go); set and cleared under parking.mu.
	parked atomic.Bool
	// gone: a request on the handle found it no longer exists on the
	// server (park.go's handleGone).
	gone atomic.Bool
	// appendMode: every write goes to the server's end of file, which
	// is asked for under mu so that this handle's appends do not
	// interleave.
	appendMode bool
	mu         sync.Mutex
	locks      lockTable // byte-range locks held on f (lock.go)
	// wrote is set by every write (and server-side copy into f) and
	// cleared by Flush, which then sets the modification time.
	wrote atomic.Bool

	// unhold lets go of the session the handle was opened in, on a
	// multiuser mount (FS.hold); set before the handle is returned to
	// the kernel, called once when it is closed.
	unhold func()
	// uid is whose session f was opened in on a multiuser mount (0: the
	// mount's own); only that user's requests borrow it (openHandle).
	uid uint32

	// pf is the read-ahead of a read-only handle the kernel reads
	// without its page cache (prefetch.go); nil otherwise.
	pf *prefetcher

	// lease is the handle's lease when it was opened for writing and
	// holds one (read-only); write-behind needs its write caching.
	lease *client.Lease

	// wb is the write-behind state: writes in flight, bytes held back
	// and the sticky write error (writebehind.go); its own mutex guards it.
	wb writeBehind
}

// anyLocks reports whether a handle of n holds byte-range locks (lock.go).
// n may be nil.
func (n *Node) anyLocks() bool {
	if n == nil {
		return false
	}
	n.mu.Lock()
	hs := make([]*handle, 0, len(n.open))
	for h := range n.open {
		hs = append(hs, h)
	}
	n.mu.Unlock()
	for _, h := range hs {
		h.locks.mu.Lock()
		held := len(h.locks.locks) > 0
		h.locks.mu.Unlock()
		if held {
			return true
		}
	}
	return false
}

func newHandle(fsys *FS, f *client.File, flags uint32, write bool) *handle {
	h := &handle{owner: fsys, closed: make(chan struct{}), f: f, write: write, appendMode: flags&syscall.O_APPEND != 0}
	h.wb.f = f
	h.wb.win = newIOWindow(wbLimit, wbWindowMax, &fsys.windows)
	if l := f.Lease(); write && l != nil {
		h.lease = l
		// Before a break that takes write caching away is acknowledged
		// (another client is opening the file), the writes in flight
		// land: that client then sees them ([MS-SMB2] 3.2.5.19.2).
		l.OnBreak(func(ctx context.Context, from, to client.LeaseState) {
			if from&client.LeaseWrite != 0 && to&client.LeaseWrite == 0 {
				h.wb.settle(ctx, 0, -1)
			}
			if to&client.LeaseHandle == 0 {
				// A handle kept open after its release must close
				// before the break is acknowledged (park.go).
				fsys.park.closeHandle(ctx, h)
			}
		})
	}
	return h
}

// openFile opens p for a handle: durable where the server grants it.
// An open that writes a new file or new contents (O_TRUNC, O_EXCL: what
// cp, dd, rsync and editors saving do) asks for a write-caching lease as
// well, which write-behind needs; an open that updates a file in place
// (a database, a log) does not, and its writes wait for the server. (With
// write caching on every open for writing, TestLiveToolSQLite's WAL
// locking lost a committed row - not yet understood; noted in the
// README.)
func openFile(ctx context.Context, fsys *FS, p string, o client.OpenOptions, write bool) (*client.File, error) {
	o.Durable = true
	o.Lease = client.LeaseRead | client.LeaseHandle
	if write && o.Disposition != client.OpenExisting && o.Disposition != client.OpenOrCreate {
		o.Lease |= client.LeaseWrite
	}
	var f *client.File
	err := fsys.onTree(ctx, p, func(t *client.Tree, name string) error {
		var err error
		f, err = t.Open(ctx, name, fsys.posixOpen(o))
		return err
	})
	return f, err
}

var _ = (gofs.FileReader)((*handle)(nil))

// Read reads at off; a short result means end of file. The reply is
// written to the kernel straight from the frames the READ responses
// arrived in (decrypted and verified there by the connection's reader):
// frameResult hands go-fuse the payloads as a scatter list, and gives the
// frames back once go-fuse has written the reply.
func (h *handle) Read(ctx context.Context, dest []byte, off int64) (fuse.ReadResult, syscall.Errno) {
	h.settleAll(settled(ctx), off, off+int64(len(dest)))
	if h.pf != nil && h.node != nil {
		if res, ok := h.prefetchRead(ctx, dest, off); ok {
			return res, 0
		}
	}
	rb, err := h.f.ReadBuffers(ctx, len(dest), off)
	if err != nil {
		return nil, ToErrno(err)
	}
	if h.pf != nil {
		h.pf.note(off, len(dest), rb.Len())
	}
	return &frameResult{rb: rb, n: rb.Len()}, 0
}

// frameResult is a fuse.ReadResult over a client.ReadBuffers. go-fuse
// (v2.12) calls Size when it builds the reply header, then Slices (its
// unexported withSlice interface) to writev the payloads to /dev/fuse
// without a copy, or Bytes on paths that want one buffer; it calls Done
// once the reply is written or dropped for an error. A reply it never
// sends (the connection to the kernel died) leaves the frames to the
// garbage collector.
type frameResult struct {
	rb *client.ReadBuffers
	n  int
}

var _ fuse.ReadResult = (*frameResult)(nil)

// Size returns the exact number of bytes of the reply.
func (r *frameResult) Size() int { return r.n }

// Slices returns the payloads, the same ones at every call.
func (r *frameResult) Slices() ([][]byte, fuse.Status) { return r.rb.Bufs, fuse.OK }

// Bytes returns the payload itself when there is one, else the payloads
// copied into buf (or a new buffer when buf is too small).
func (r *frameResult) Bytes(buf []byte) ([]byte, fuse.Status) {
	switch len(r.rb.Bufs) {
	case 0:
		return nil, fuse.OK
	case 1:
		return r.rb.Bufs[0], fuse.OK
	}
	if cap(buf) < r.n {
		buf = make([]byte, 0, r.n)
	}
	buf = buf[:0]
	for _, b := range r.rb.Bufs {
		buf = append(buf, b...)
	}
	return buf, fuse.OK
}

// Done hands the frames back to the client.
func (r *frameResult) Done() { r.rb.Release() }

var _ = (gofs.FileWriter)((*handle)(nil))

// Write writes data at off (at the server's end of file for O_APPEND).
// Under a write-caching lease it returns once the WRITE is sent, or holds
// a small contiguous write back (writebehind.go), after waiting for the
// writes in flight that overlap it and, past the window's bytes in flight
// (writebehind.go), for the oldest; it returns the handle's sticky error
// instead when an earlier write failed. An O_APPEND write waits for every
// write in flight on the file and then for the server's answer, as
// before.
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
	if h.node != nil {
		// Its size and times change: forgotten before (for stats
		// meanwhile) and after (for reports that raced with it).
		h.node.forgetAttrs()
		defer h.node.forgetAttrs()
	}
	if h.appendMode {
		h.mu.Lock()
		defer h.mu.Unlock()
		// The end of file must include every write in flight.
		h.settleAll(ctx, 0, -1)
		if err := h.wb.settle(ctx, 0, -1); err != nil {
			return 0, ToErrno(err)
		}
		res, err := h.f.Do(ctx, client.QueryAttrs())
		if err != nil {
			return 0, ToErrno(err)
		}
		off = int64(res.Attrs.EndOfFile)
		h.wrote.Store(true)
		n, err := h.f.WriteAt(ctx, data, off)
		if err != nil {
			return 0, ToErrno(err)
		}
		return uint32(n), 0
	}
	end := off + int64(len(data))
	// The server may run requests in flight in any order: an
	// overlapping write in flight on another handle lands first.
	h.node.settleWrites(ctx, h, off, end)
	h.wb.mu.Lock()
	defer h.wb.mu.Unlock()
	if err := h.wb.roomLocked(ctx, off, end, len(data)); err != nil {
		return 0, ToErrno(err)
	}
	if len(data) == 0 {
		return 0, 0
	}
	h.wrote.Store(true)
	if h.lease == nil || h.lease.State()&client.LeaseWrite == 0 || h.node.anyLocks() {
		// Without write caching another client may have the file open
		// (and byte-range locks on it the server enforces on WRITE);
		// with locks held through this mount, the server may refuse
		// the WRITE too (they are mandatory on SMB), and the kernel
		// must hear of that at once (writing back an mmap'd page it
		// would otherwise drop). The write waits for the server's
		// answer.
		if err := h.wb.drainLocked(ctx); err != nil {
			return 0, ToErrno(err)
		}
		n, err := h.f.WriteAt(ctx, data, off)
		if err != nil {
			return 0, ToErrno(err)
		}
		return uint32(n), 0
	}
	h.wb.startLocked(ctx, data, off)
	return uint32(len(data)), 0
}

var _ = (gofs.FileGetattrer)((*handle)(nil))

// Getattr queries FileNetworkOpenInformation and FileStandardInformation
// on the handle (one frame): it works after the name is gone.
func (h *handle) Getattr(ctx context.Context, out *fuse.AttrOut) syscall.Errno {
	return ToErrno(h.getattr(ctx, out))
}

func (h *handle) getattr(ctx context.Context, out *fuse.AttrOut) error {
	ctx = settled(ctx)
	h.settleAll(ctx, 0, -1) // the size includes the writes in flight
	// QueryPOSIX too on a POSIX handle (posix.go).
	res, err := doHandle(ctx, h.f, client.QueryAttrs(), client.QueryStandard())
	if err != nil {
		return err
	}
	a := withStandard(handleAttrs(res), res.Standard)
	if h.node != nil {
		h.node.posixFromPath(ctx, &a) // a handle reclaimed after a reconnect
	}
	h.owner.fill(&out.Attr, a)
	return nil
}

var _ = (gofs.FileFlusher)((*handle)(nil))

// Flush (close(2)) waits for the writes in flight and returns the
// handle's sticky write error, if any. When the handle wrote since the
// last flush it sends the bytes held back (tail) and sets the
// modification time to now, on the handle, in one compound (WriteFinish):
// SMB servers set the write time of a handle that wrote when it closes,
// and the kernel closes after close(2) has returned, so a stat right after
// close(2) would see a time that changes a moment later. A time set on the
// handle stays (the close leaves it), so stat(2) after close(2) shows the
// final time. The time is this machine's clock, as Linux cifs does.
func (h *handle) Flush(ctx context.Context) syscall.Errno {
	ctx = settled(ctx)
	h.wb.mu.Lock()
	defer h.wb.mu.Unlock()
	if err := h.wb.waitAllLocked(ctx); err != nil {
		return ToErrno(err)
	}
	h.wb.releaseWindowLocked()
	if !h.wrote.Swap(false) && !h.wb.heldLocked() {
		return 0
	}
	if h.node != nil {
		h.node.forgetAttrs() // the time changes
	}
	data, off := h.wb.takeTailLocked()
	after, err := writeFinish(ctx, h.f, data, off, time.Now())
	if h.node != nil {
		// Reports asked for meanwhile are older than the change; the
		// compound's own answers the stat that often follows close(2)
		// (known.go).
		h.node.forgetAttrs()
		if err == nil && after != nil {
			h.node.noteAttrs(h.node.attrGen(), *after)
		}
	}
	if err != nil && !errors.Is(err, client.ErrTimeNotSet) {
		// The bytes held back are not (known to be) written.
		h.wb.failLocked(err)
		return ToErrno(err)
	}
	// Only the time may have failed (the close sets one anyway): that
	// must not make close(2) report lost data.
	return 0
}

var _ = (gofs.FileFsyncer)((*handle)(nil))

// Fsync waits for the writes in flight (returning the handle's sticky
// write error, if any), then sends SMB2 FLUSH: the server writes the file
// to stable storage. A handle without write access has nothing to flush.
func (h *handle) Fsync(ctx context.Context, flags uint32) syscall.Errno {
	if err := h.wb.settle(settled(ctx), 0, -1); err != nil {
		return ToErrno(err)
	}
	if !h.write {
		return 0
	}
	return ToErrno(h.f.Flush(ctx))
}

var _ = (gofs.FileReleaser)((*handle)(nil))

// Release closes the SMB handle, after the writes in flight (close(2)
// already waited for them in Flush, unless the handle was shared), or
// keeps a write handle open for a moment (park.go). The kernel does not
// wait for the result; the close is bounded so a dead server cannot pin
// the handle forever.
func (h *handle) Release(ctx context.Context) syscall.Errno {
	cctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if h.parkable() {
		h.wb.settle(cctx, 0, -1)
		if h.owner.park.park(h) {
			return 0
		}
	}
	return h.close(cctx)
}

// diskID is the server's file id of h's file (0 if unknown).
func (h *handle) diskID() uint64 { return h.f.DiskID() }

// close closes the SMB handle, after the writes in flight.
func (h *handle) close(cctx context.Context) syscall.Errno {
	if h.node != nil {
		h.node.startClose(h)
	}
	h.wb.settle(cctx, 0, -1) // nobody is left to tell of a failure
	h.wb.mu.Lock()
	h.wb.releaseWindowLocked()
	h.wb.mu.Unlock()
	if h.pf != nil {
		h.pf.close() // no READ after the CLOSE
	}
	var gen uint64
	if h.node != nil {
		gen = h.node.attrGen()
	}
	r, err := h.f.Close(cctx)
	if a, ok := closeAttrs(r); err == nil && h.node != nil && ok {
		// The attributes the close leaves answer the stat that often
		// follows (known.go).
		h.node.noteAttrs(gen, a)
	}
	if h.node != nil {
		h.node.untrack(h)
	}
	if h.unhold != nil {
		h.unhold()
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
	if h.node != nil {
		h.node.forgetAttrs()
		defer h.node.forgetAttrs()
	}
	h.settleAll(ctx, 0, -1) // the end of file includes the writes in flight
	res, err := h.f.Do(ctx, client.QueryAttrs())
	if err != nil {
		return ToErrno(err)
	}
	info := res.Attrs
	if end <= info.EndOfFile {
		return 0
	}
	if mode&fallocKeepSize != 0 {
		if end <= info.AllocationSize {
			return 0
		}
		_, err := h.f.Do(ctx, client.Allocate(end))
		return ToErrno(err)
	}
	_, err = h.f.Do(ctx, client.Truncate(end))
	return ToErrno(err)
}
