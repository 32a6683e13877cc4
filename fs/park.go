package fs

// Deferred close ("parking"). What a program does right after close(2) of
// a file it wrote is often one more change to that file by name: rsync
// sets the times of its temporary file and renames it over the target,
// cp -p and tar set times, editors rename. By name, each such change
// costs the server an open, the change and a close (one compound, but the
// open is most of the server's work: path lookup, share modes, the lease
// and durable records). So a write handle whose file the server lets us
// cache handles of (a lease with handle caching) is not closed at
// release; it stays open, parked, for parkTime:
//
//	close(2) ─ Flush (writes land, the time is set) ─ Release ─► parked (no CLOSE)
//	utimensat(2) ─ Setattr ─ borrow ─ SET_INFO+QUERY_INFO on the handle ─ put back
//	rename(2)    ─ Rename  ─ borrow ─ SET_INFO FileRenameInformation on the handle (DELETE access) ─ put back
//	parkTime later, or parkMax newer ones, or a break that takes handle caching away ─► CLOSE
//
// Nothing is cached but the handle: the writes landed (and their errors
// were reported) at close(2), and the data and times are on the server.
// The server takes handle caching away (a lease break) before it lets
// another client's open, rename or delete conflict with the handle; the
// break closes it before it is acknowledged ([MS-SMB2] 3.2.5.19.2). Our
// own operations that a handle open on the server would change close the
// parked handles first: an unlink (else the file would go delete-pending
// and keep its name, silly.go), a rename over the file (SMB refuses to
// replace an open file), a rename of a directory (Samba refuses one with
// files open below it), and the end of the mount.
//
// A parked handle is owned by whoever takes it off the list (under
// parking.mu): the expiry, a break, or an operation borrowing it, which
// puts it back afterwards. So no request is ever sent on a handle that is
// being closed (a closed FileId may be reused by the server).

import (
	"context"
	"errors"
	"sync"
	"time"

	gofs "github.com/hanwen/go-fuse/v2/fs"

	"github.com/smb3fs/smb3fs/client"
)

// parkTime is how long a released handle stays open (Linux cifs keeps
// its deferred closes for closetimeo, 1 s by default).
const parkTime = time.Second

// parkMax bounds the handles parked at once; a newer one closes the
// oldest. rsync releases a few hundred small files a second.
const parkMax = 64

// parkCloseTimeout bounds closing every parked handle at the end of the
// mount.
const parkCloseTimeout = 5 * time.Second

// parking is a mount's parked handles.
type parking struct {
	mu sync.Mutex
	// hs are the parked handles, oldest first (guarded by mu).
	hs []parked
	// timer closes expired handles; set while hs is not empty
	// (guarded by mu).
	timer *time.Timer
	// done: the mount is ending; nothing parks any more (guarded by mu).
	done bool
}

// parked is a handle on the list and when it was parked.
type parked struct {
	h  *handle
	at time.Time
}

// parkable reports whether h may stay open after its release: a write
// handle (whose file a program just wrote, and may now change by name),
// whose lease lets us keep handles open, with no byte-range locks (they
// end at close) and nothing left of its writes (checked by park). A file
// unlinked while open (renamed to a hidden name, silly.go) is deleted by
// the server at its last close: that close is not put off, or the file
// would keep its directory from being removed meanwhile (rm -r right
// after close(2): xfstests generic/633).
func (h *handle) parkable() bool {
	if h.node == nil || !h.write || h.pf != nil || h.lease == nil || h.lease.State()&client.LeaseHandle == 0 {
		return false
	}
	if h.node.hidden.Load() {
		return false
	}
	h.locks.mu.Lock()
	defer h.locks.mu.Unlock()
	return len(h.locks.locks) == 0
}

// park puts h, released and with its writes landed, on the list and
// reports whether it did; a handle whose writes failed is closed instead.
func (p *parking) park(h *handle) bool {
	h.wb.mu.Lock()
	// A handle that wrote since its last flush (mmap's write-back) would
	// have the server set the time at its close: close it now.
	failed := !h.wb.idleLocked() || h.wrote.Load()
	h.wb.mu.Unlock()
	if failed || !h.parkable() || h.owner.multiuser() {
		// Multiuser: a parked handle is one user's session, and a
		// rename or setattr by another user must not borrow it.
		return false
	}
	p.mu.Lock()
	if p.done {
		p.mu.Unlock()
		return false
	}
	h.parked.Store(true)
	p.hs = append(p.hs, parked{h: h, at: time.Now()})
	var evict []*handle
	for len(p.hs) > parkMax {
		p.hs[0].h.parked.Store(false)
		evict = append(evict, p.hs[0].h)
		p.hs = p.hs[1:]
	}
	p.armLocked()
	p.mu.Unlock()
	if len(evict) > 0 {
		go closeAll(evict, 30*time.Second)
	}
	return true
}

// armLocked starts the timer for the oldest parked handle. p.mu is held.
func (p *parking) armLocked() {
	if p.timer != nil || len(p.hs) == 0 {
		return
	}
	wait := parkTime - time.Since(p.hs[0].at)
	p.timer = time.AfterFunc(max(wait, 0), p.expire)
}

// expire closes the handles parked for parkTime.
func (p *parking) expire() {
	var due []*handle
	p.mu.Lock()
	p.timer = nil
	now := time.Now()
	for len(p.hs) > 0 && now.Sub(p.hs[0].at) >= parkTime {
		p.hs[0].h.parked.Store(false)
		due = append(due, p.hs[0].h)
		p.hs = p.hs[1:]
	}
	p.armLocked()
	p.mu.Unlock()
	closeAll(due, 30*time.Second)
}

// take removes from the list the parked handles match selects (at most
// one if one is set) and returns them: the caller owns them.
func (p *parking) take(match func(*handle) bool, one bool) []*handle {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []*handle
	kept := p.hs[:0]
	for i, e := range p.hs {
		if match(e.h) && !(one && len(out) == 1) {
			e.h.parked.Store(false)
			out = append(out, e.h)
			continue
		}
		kept = append(kept, p.hs[i])
	}
	clear(p.hs[len(kept):])
	p.hs = kept
	return out
}

// putBack returns a borrowed handle to the list (as parked now), or closes
// it when it may no longer stay open (the lease lost handle caching
// meanwhile, or the mount is ending).
func (p *parking) putBack(h *handle) {
	p.mu.Lock()
	if !p.done && !h.gone.Load() && h.parkable() {
		h.parked.Store(true)
		p.hs = append(p.hs, parked{h: h, at: time.Now()})
		p.armLocked()
		p.mu.Unlock()
		return
	}
	p.mu.Unlock()
	closeAll([]*handle{h}, 30*time.Second)
}

// closeMatching closes the parked handles match selects, waits for it
// (bounded by ctx), and returns how many there were.
func (p *parking) closeMatching(ctx context.Context, match func(*handle) bool) int {
	hs := p.take(match, false)
	for _, h := range hs {
		h.close(ctx)
	}
	return len(hs)
}

// closeHandle closes h now if it is parked (a break took handle caching
// away): before the break is acknowledged.
func (p *parking) closeHandle(ctx context.Context, h *handle) {
	p.closeMatching(ctx, func(x *handle) bool { return x == h })
}

// closeEnd closes every parked handle and parks no more: the mount ends.
func (p *parking) closeEnd() {
	p.mu.Lock()
	p.done = true
	if p.timer != nil {
		p.timer.Stop()
		p.timer = nil
	}
	p.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), parkCloseTimeout)
	defer cancel()
	p.closeMatching(ctx, func(*handle) bool { return true })
}

// closeParked closes the handles of n that are parked, and waits for it.
func (n *Node) closeParked(ctx context.Context) {
	n.fsys.park.closeMatching(ctx, func(h *handle) bool { return h.node == n })
}

// closeParkedID closes the parked handles on the file with server file id
// id, and reports whether there were any.
func (fsys *FS) closeParkedID(ctx context.Context, id uint64) bool {
	id = usableIno(id)
	return id != 0 && fsys.park.closeMatching(ctx, func(h *handle) bool { return usableIno(h.diskID()) == id }) > 0
}

// closeAllParked closes every parked handle (a directory is renamed: the
// server refuses while files below it are open), and waits for it.
func (fsys *FS) closeAllParked(ctx context.Context) {
	fsys.park.closeMatching(ctx, func(*handle) bool { return true })
}

// renameDirAgain tries the rename of directory from again when the server
// refused it (err) with STATUS_ACCESS_DENIED while this mount has files
// open: a file below from whose close(2) has returned may still be open,
// since the kernel sends its release in the background, and the release
// then parks it. A few times, after a growing pause, the parked handles
// are closed and the rename tried again; a file that stays open (a
// process holds it) keeps the refusal.
func (fsys *FS) renameDirAgain(ctx context.Context, from, to string, replace bool, err error) error {
	for try := 0; try < renameTries && accessDenied(err) && len(fsys.open.openIDs()) > 0; try++ {
		select {
		case <-time.After(time.Duration(10<<try) * time.Millisecond):
		case <-ctx.Done():
			return err
		}
		fsys.closeAllParked(ctx)
		err = fsys.rename(ctx, nil, from, to, replace)
	}
	return err
}

// borrowParked takes a parked handle of n off the list (one opened with
// DELETE access if del), or returns nil. The caller gives it back with
// fsys.park.putBack.
func (n *Node) borrowParked(del bool) *handle {
	hs := n.fsys.park.take(func(h *handle) bool { return h.node == n && (h.canDelete || !del) }, true)
	if len(hs) == 0 {
		return nil
	}
	return hs[0]
}

// handleGone reports whether err says the handle no longer exists on the
// server (a reconnect could not reclaim it, or the server closed it): the
// request was not carried out, and can be made by path instead. It marks
// a borrowed handle h so that putBack closes it.
func handleGone(h *handle, err error) bool {
	gone := errors.Is(err, client.ErrHandleLost) || fileClosed(err)
	if gone && h != nil {
		h.gone.Store(true)
	}
	return gone
}

// closeAll closes hs, within timeout in all.
func closeAll(hs []*handle, timeout time.Duration) {
	if len(hs) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	for _, h := range hs {
		h.close(ctx)
	}
}

// nodeOf returns the Node of inode in, if it is one.
func nodeOf(in *gofs.Inode) (*Node, bool) {
	if in == nil {
		return nil, false
	}
	n, ok := in.Operations().(*Node)
	return n, ok
}

var _ = (gofs.NodeOnForgetter)((*Node)(nil))

// OnForget closes the parked handles when the root goes: go-fuse calls it
// at unmount (before Wait returns). A directory leaves the live
// directories whose numbers ino.go checks.
func (n *Node) OnForget() {
	if n.IsRoot() {
		n.fsys.park.closeEnd()
		return
	}
	if n.IsDir() {
		n.fsys.inos.forget(n)
	}
}
