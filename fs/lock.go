package fs

// # File locks
//
// fcntl(2) record locks (F_SETLK, F_SETLKW, F_GETLK, and their F_OFD_
// forms) and flock(2) are sent to the server as SMB2 byte-range locks on the
// open file's SMB handle, so they hold against every client of the share,
// not only this mount. SMB locks are not POSIX locks, and the differences
// show:
//
//   - Owner: a lock belongs to the open file description (the SMB handle),
//     as with F_OFD_SETLK and flock(2), not to the process. Two open(2)s of
//     one file, even in the same process, conflict with each other;
//     processes sharing one open file description (fork, dup) share its
//     locks. Locks end at unlock or when the last descriptor of the open
//     file description closes (the kernel's RELEASE closes the SMB handle,
//     shortly after close(2) returns, so another open may see the lock a
//     moment longer); closing one of several descriptors releases nothing.
//   - Mandatory: a locked range is enforced by the server on I/O. Another
//     handle (another open(2), another client) cannot write a range under a
//     shared or exclusive lock, nor read one under an exclusive lock: its
//     read(2)/write(2) fails with EAGAIN. (Pages the kernel already caches
//     may still be read. Enforcement is the server's: Samba does it with
//     its default strict locking = auto.)
//   - flock(2) locks the whole file (bytes 0 to 2^63-1) like an fcntl lock
//     of the whole file, and on the same handle the two kinds are separate
//     locks that must not overlap (see ENOLCK below); on different handles
//     they conflict with each other, as on NFS.
//   - Ranges: SMB cannot split, merge or resize a lock, so a handle may hold
//     several locks only if they do not overlap. Re-locking exactly the same
//     range with the same type succeeds and changes nothing; with the other
//     type (upgrade or downgrade) the old lock is released, then the new one
//     taken, which is not atomic: another open may take the range in
//     between, and if the new lock cannot be had the old one is taken back
//     when it still can. A lock that partly overlaps one the handle holds
//     or a request still in progress on the same open (say, an F_SETLKW
//     waiting in another thread), and an unlock that would split a lock,
//     fail with ENOLCK (nothing changes); an unlock that covers whole locks
//     releases them.
//   - F_SETLK that conflicts: EAGAIN. F_SETLKW waits on the server (the
//     LOCK goes async); a signal interrupts it (SMB2 CANCEL; EINTR, or the
//     kernel restarts the call under SA_RESTART). There is no deadlock
//     detection (never EDEADLK).
//   - F_GETLK: SMB has no "test lock". It is answered by trying the lock
//     without waiting and releasing it at once: for that instant the range
//     is locked and a third open's F_SETLK may fail, and the answer may be
//     stale when it arrives. A conflict is reported as covering the whole
//     asked-for range, typed F_WRLCK unless a shared probe then succeeds
//     (F_RDLCK), with l_pid 0 (the holder may be another client). When the
//     handle itself holds a lock overlapping the range, F_GETLK answers
//     F_UNLCK without asking (a probe would conflict with our own lock).

import (
	"context"
	"errors"
	"math"
	"sync"
	"syscall"
	"time"

	gofs "github.com/hanwen/go-fuse/v2/fs"
	"github.com/hanwen/go-fuse/v2/fuse"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
)

// unlockTimeout bounds an unlock (or a probe's release) that runs detached
// from an interrupted request: it must still reach the server.
const unlockTimeout = 30 * time.Second

// lockKind separates fcntl locks from flock locks on one handle.
type lockKind uint8

const (
	kindPOSIX lockKind = iota
	kindFlock
)

// heldLock is one SMB lock on the handle, or one being taken or released.
type heldLock struct {
	off, n    uint64 // SMB Offset and Length
	exclusive bool
	kind      lockKind
	// busy: a request on this lock is with the server; other requests
	// overlapping it fail with ENOLCK rather than race it.
	busy bool
}

func (l *heldLock) overlaps(off, n uint64) bool {
	return off < l.off+l.n && l.off < off+n
}

// lockTable is the set of locks a handle holds. The server is asked
// without mu held (a waiting lock must not block other requests on the
// handle); entries in flight are marked busy.
type lockTable struct {
	mu    sync.Mutex
	locks []*heldLock // guarded by mu
}

// overlapping returns the locks overlapping [off, off+n). Called with mu held.
func (t *lockTable) overlapping(off, n uint64) []*heldLock {
	var out []*heldLock
	for _, l := range t.locks {
		if l.overlaps(off, n) {
			out = append(out, l)
		}
	}
	return out
}

func (t *lockTable) remove(l *heldLock) {
	for i, x := range t.locks {
		if x == l {
			t.locks = append(t.locks[:i], t.locks[i+1:]...)
			return
		}
	}
}

// smbRange converts a FUSE lock (inclusive End; End 2^63-1 or more means
// "to end of file") to an SMB offset and length.
func smbRange(lk *fuse.FileLock) (off, n uint64, ok bool) {
	const maxOff = math.MaxInt64
	if lk.Start > maxOff || lk.End < lk.Start {
		return 0, 0, false
	}
	end := min(lk.End, maxOff)
	return lk.Start, end - lk.Start + 1, true
}

func kindOf(flags uint32) lockKind {
	if flags&fuse.FUSE_LK_FLOCK != 0 {
		return kindFlock
	}
	return kindPOSIX
}

var _ = (gofs.FileGetlker)((*handle)(nil))

// Getlk answers F_GETLK by probing the server (see the comment at the top
// of this file).
func (h *handle) Getlk(ctx context.Context, owner uint64, lk *fuse.FileLock, flags uint32, out *fuse.FileLock) syscall.Errno {
	off, n, ok := smbRange(lk)
	if !ok {
		return syscall.EINVAL
	}
	*out = fuse.FileLock{Start: lk.Start, End: lk.End, Typ: syscall.F_UNLCK}
	if lk.Typ == syscall.F_UNLCK {
		return 0
	}
	t := &h.locks
	t.mu.Lock()
	if len(t.overlapping(off, n)) > 0 {
		t.mu.Unlock()
		return 0 // our own lock: never a conflict for us
	}
	probe := &heldLock{off: off, n: n, kind: kindOf(flags), busy: true}
	t.locks = append(t.locks, probe)
	t.mu.Unlock()
	defer func() {
		t.mu.Lock()
		t.remove(probe)
		t.mu.Unlock()
	}()

	exclusive := lk.Typ == syscall.F_WRLCK
	free, err := h.probe(ctx, off, n, exclusive)
	if err != nil {
		return lockErrno(err)
	}
	if free {
		return 0
	}
	out.Typ = syscall.F_WRLCK
	if exclusive {
		// An exclusive probe fails on any lock: a shared one is a
		// reader's.
		if free, err := h.probe(ctx, off, n, false); err == nil && free {
			out.Typ = syscall.F_RDLCK
		}
	}
	return 0
}

// probe reports whether the range could be locked now, releasing the lock
// if it was granted.
func (h *handle) probe(ctx context.Context, off, n uint64, exclusive bool) (bool, error) {
	err := h.f.Lock(ctx, off, n, exclusive, false)
	if errors.Is(err, client.ErrLockConflict) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	uctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), unlockTimeout)
	defer cancel()
	return true, h.f.Unlock(uctx, off, n)
}

var _ = (gofs.FileSetlker)((*handle)(nil))

// Setlk takes or releases a lock without waiting (F_SETLK, flock with
// LOCK_NB): a conflict is EAGAIN.
func (h *handle) Setlk(ctx context.Context, owner uint64, lk *fuse.FileLock, flags uint32) syscall.Errno {
	return h.setlk(ctx, lk, flags, false)
}

var _ = (gofs.FileSetlkwer)((*handle)(nil))

// Setlkw takes a lock, waiting on the server for as long as the caller
// does (F_SETLKW, flock without LOCK_NB); an interrupt is EINTR.
func (h *handle) Setlkw(ctx context.Context, owner uint64, lk *fuse.FileLock, flags uint32) syscall.Errno {
	return h.setlk(ctx, lk, flags, true)
}

func (h *handle) setlk(ctx context.Context, lk *fuse.FileLock, flags uint32, wait bool) syscall.Errno {
	// Writes made under a lock reach the server before it changes
	// (write-behind, writebehind.go).
	h.settleAll(settled(ctx), 0, -1)
	off, n, ok := smbRange(lk)
	if !ok {
		return syscall.EINVAL
	}
	kind := kindOf(flags)
	switch lk.Typ {
	case syscall.F_UNLCK:
		return h.unlock(ctx, off, n, kind)
	case syscall.F_RDLCK, syscall.F_WRLCK:
	default:
		return syscall.EINVAL
	}
	exclusive := lk.Typ == syscall.F_WRLCK

	t := &h.locks
	t.mu.Lock()
	over := t.overlapping(off, n)
	var old *heldLock
	switch {
	case len(over) == 0:
	case len(over) == 1 && !over[0].busy && over[0].kind == kind && over[0].off == off && over[0].n == n:
		old = over[0]
		if old.exclusive == exclusive {
			t.mu.Unlock()
			return 0 // already held
		}
	default:
		t.mu.Unlock()
		return syscall.ENOLCK
	}
	l := old
	if l == nil {
		l = &heldLock{off: off, n: n, kind: kind}
		t.locks = append(t.locks, l)
	}
	l.busy = true
	t.mu.Unlock()

	held, err := h.takeLock(ctx, old, off, n, exclusive, wait)
	t.mu.Lock()
	defer t.mu.Unlock()
	l.busy = false
	switch {
	case err == nil:
		l.exclusive = exclusive
	case !held:
		t.remove(l)
	}
	return lockErrno(err)
}

// takeLock locks the range; with old (the same range, the other type) it
// first releases old. On failure it reports whether old is held again.
func (h *handle) takeLock(ctx context.Context, old *heldLock, off, n uint64, exclusive, wait bool) (oldHeld bool, err error) {
	if old != nil {
		if err := h.release(ctx, off, n); err != nil {
			return true, err
		}
	}
	err = h.f.Lock(ctx, off, n, exclusive, wait)
	if err == nil || old == nil {
		return false, err
	}
	// Take the old lock back if nobody took the range meanwhile.
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), unlockTimeout)
	defer cancel()
	return h.f.Lock(rctx, off, n, old.exclusive, false) == nil, err
}

// unlock releases the handle's locks of kind that lie inside the range;
// one that would have to be split is ENOLCK (and stays).
func (h *handle) unlock(ctx context.Context, off, n uint64, kind lockKind) syscall.Errno {
	t := &h.locks
	t.mu.Lock()
	var inside []*heldLock
	split := false
	for _, l := range t.overlapping(off, n) {
		switch {
		case l.kind != kind || l.busy:
			// Another kind's lock, or a lock still being taken:
			// not this unlock's business.
		case l.off >= off && l.off+l.n <= off+n:
			l.busy = true
			inside = append(inside, l)
		default:
			split = true
		}
	}
	t.mu.Unlock()

	var firstErr error
	for _, l := range inside {
		if err := h.release(ctx, l.off, l.n); err != nil && firstErr == nil {
			firstErr = err
		}
		t.mu.Lock()
		t.remove(l) // gone even on error: the handle is unusable or the lock was not there
		t.mu.Unlock()
	}
	if firstErr != nil {
		return lockErrno(firstErr)
	}
	if split {
		return syscall.ENOLCK
	}
	return 0
}

// release unlocks exactly [off, off+n) on the server. It is not cut short
// by an interrupt (a half-done unlock would leave the state unknown);
// STATUS_RANGE_NOT_LOCKED means it is already unlocked.
func (h *handle) release(ctx context.Context, off, n uint64) error {
	uctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), unlockTimeout)
	defer cancel()
	err := h.f.Unlock(uctx, off, n)
	if client.IsStatus(err, wire.StatusRangeNotLocked) {
		return nil
	}
	return err
}

// lockErrno maps a lock error: a conflict is EAGAIN, an interrupted wait
// EINTR (both by ToErrno), a range the server refuses EINVAL.
func lockErrno(err error) syscall.Errno {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, client.ErrLockConflict):
		return syscall.EAGAIN
	case client.IsStatus(err, wire.StatusInvalidLockRange):
		return syscall.EINVAL
	}
	return ToErrno(err)
}
