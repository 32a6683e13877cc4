package fs

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/smb3fs/smb3fs/client"
)

// Write-behind, for files opened for writing under a write-caching lease.
//
// The server grants such a lease only while no other client has the file
// open, and breaks it before another open proceeds; the writes in flight
// land before the break is acknowledged (newHandle). A FUSE WRITE then
// returns once its SMB WRITE is sent, so that the application's next
// write(2) is encrypted and sent while the server still writes the
// previous one. Without that lease (or with byte-range locks held through
// this mount) a write waits for the server's answer (another client's
// byte-range lock then fails the write(2) itself, with EAGAIN); the
// handle decides which (handle.Write), this type runs the pipeline:
//
//	write(2) ─ Write ─ settleLocked: wait for the writes in flight that overlap it
//	                 ─ roomLocked: past the window's bytes in flight, wait for the oldest
//	                 ─ small and contiguous (≤ tailMax)? ─► tail (held back) ─► returns
//	                 ─ otherwise pushTailLocked, StartWriteAt (copy, seal, send) ─► returns
//	                              │ inflight, oldest first (≤ window bytes)  │
//	next write(2), fsync, close (Flush), read, stat, truncate ─ settle: Wait ─► first error sticks
//	close(2) ─ Flush: wait for every write in flight; tail and the time in one compound
//
// Every failure reaches the application: a failed WRITE (disk full, a
// handle lost in a reconnect, ...) makes the next write(2) on the handle,
// fsync(2) and close(2) return its error, and every later one too (sticky,
// as NFS and Linux cifs do). FLUSH and FSYNC wait for every write in
// flight; a READ, a getattr, a truncate, fallocate, copy_file_range and an
// O_APPEND write wait for the writes in flight on every handle of the
// file (settleWrites), and a write for those that overlap it, since the
// server may run requests in flight in any order. A connection that ends
// under writes in flight is handled by the client (Write.Wait): after the
// reconnect a durable handle's unacknowledged WRITEs are sent again (a
// WRITE at an explicit offset is idempotent); any other handle is lost
// (EIO).

// tailMax bounds the bytes a handle holds back unsent (tail): a file
// written in small pieces is sent in WRITEs of up to this size, and one
// this small in its entirety at close(2), with the time.
const tailMax = 64 << 10

// wbLimit is the floor of the window of WRITEs one handle keeps in
// flight: four 1 MiB FUSE writes (MaxWrite). Across a WAN the window
// follows the bandwidth-delay product (window.go) up to wbWindowMax: 4
// MiB a round trip is at most 100 MiB/s at 40 ms.
const wbLimit = 4 << 20

// wbWindowMax is the ceiling of a handle's write-behind window: twice the
// bandwidth-delay product of 400 MB/s at 40 ms. At 40 ms through the
// benchmark's proxy a 1 GiB write ran at 264-296 MB/s (median 270) with
// 16 MiB and 295-451 (median 356) with 32, six rounds each, alternating
// (2026-12-07 06:07, load average about 2.5). What is above wbLimit comes
// from the mount's window budget.
const wbWindowMax = 32 << 20

// inflightWrite is a write in flight on a handle: [off, end) of the file.
type inflightWrite struct {
	w        *client.Write
	off, end int64
}

// writeBehind is the write-behind state of one handle: its writes in
// flight, the bytes it holds back and its sticky error. Every handle has
// one (a handle that never writes behind keeps it empty, and settling it
// costs an atomic load). Methods named ...Locked need mu held.
type writeBehind struct {
	// f is the handle's SMB file the writes go to; set once by newHandle.
	f *client.File

	// mu guards the fields below it (n excepted). It is held while a
	// write is started and while writes in flight are waited for, never
	// while another handle's mu is taken.
	mu sync.Mutex
	// inflight are the writes started and not yet waited for, oldest
	// first; inflightBytes is their total length.
	inflight      []inflightWrite
	inflightBytes int
	// err is the first failed write, sticky (see the file comment).
	err error
	// tail holds the bytes of small writes not sent yet, for the file
	// at tailOff (written behind like the rest, under the same lease):
	// a contiguous write(2) appends to it, close(2) sends it with the
	// modification time in one compound (handle.Flush), and anything
	// that waits for writes in flight sends it first (settleLocked).
	// Its length never passes tailMax.
	tail    []byte
	tailOff int64

	// win is the window: the most bytes in flight (window.go); its
	// floor is wbLimit.
	win ioWindow

	// n is len(inflight), plus one while tail holds bytes; written
	// under mu, readable without it, so that reads and stats skip
	// handles with nothing in flight.
	n atomic.Int32
}

// busy reports, without mu, whether wb has writes in flight or bytes
// held back.
func (wb *writeBehind) busy() bool { return wb.n.Load() > 0 }

// settleLocked waits for the writes in flight that overlap [off, end)
// (all of them if end < 0) and records the first failure in wb.err.
func (wb *writeBehind) settleLocked(ctx context.Context, off, end int64) {
	if len(wb.tail) > 0 && (end < 0 || wb.tailOff < end && off < wb.tailOff+int64(len(wb.tail))) {
		wb.pushTailLocked(ctx)
	}
	kept := wb.inflight[:0]
	for _, iw := range wb.inflight {
		if end >= 0 && (iw.end <= off || iw.off >= end) {
			kept = append(kept, iw)
			continue
		}
		if err := iw.w.Wait(ctx); err != nil && wb.err == nil {
			wb.err = err
		}
		wb.inflightBytes -= iw.w.Len()
	}
	clear(wb.inflight[len(kept):])
	wb.inflight = kept
	wb.countLocked()
}

// countLocked sets n.
func (wb *writeBehind) countLocked() {
	n := len(wb.inflight)
	if len(wb.tail) > 0 {
		n++
	}
	wb.n.Store(int32(n))
}

// pushTailLocked sends the bytes held in tail as a write in flight.
func (wb *writeBehind) pushTailLocked(ctx context.Context) {
	if len(wb.tail) == 0 {
		return
	}
	w := wb.f.StartWriteAt(ctx, wb.tail, wb.tailOff) // copies the bytes
	wb.inflight = append(wb.inflight, inflightWrite{w: w, off: wb.tailOff, end: wb.tailOff + int64(len(wb.tail))})
	wb.inflightBytes += len(wb.tail)
	wb.tail = wb.tail[:0]
	wb.countLocked()
}

// waitOldestLocked waits for the oldest write in flight, which there must
// be.
func (wb *writeBehind) waitOldestLocked(ctx context.Context) {
	iw := wb.inflight[0]
	if err := iw.w.Wait(ctx); err != nil && wb.err == nil {
		wb.err = err
	}
	wb.inflightBytes -= iw.w.Len()
	wb.inflight[0] = inflightWrite{}
	wb.inflight = wb.inflight[1:]
	wb.countLocked()
}

// settle waits for the writes in flight over [off, end) (all if end < 0)
// and returns the sticky write error.
func (wb *writeBehind) settle(ctx context.Context, off, end int64) error {
	wb.mu.Lock()
	defer wb.mu.Unlock()
	if wb.busy() {
		wb.settleLocked(ctx, off, end)
	}
	return wb.err
}

// roomLocked prepares a write of size bytes over [off, end): it waits for
// the writes in flight that overlap it and, past the window's bytes in
// flight, for the oldest, and returns the sticky write error.
func (wb *writeBehind) roomLocked(ctx context.Context, off, end int64, size int) error {
	if wb.busy() {
		wb.settleLocked(ctx, off, end)
	}
	limit := max(wb.win.size, wbLimit)
	for len(wb.inflight) > 0 && wb.inflightBytes+size > limit {
		wb.waitOldestLocked(ctx)
	}
	return wb.err
}

// drainLocked waits for every write in flight, the bytes held back sent
// first, before a write that waits for the server's answer; it returns
// the sticky write error.
func (wb *writeBehind) drainLocked(ctx context.Context) error {
	if wb.busy() {
		wb.settleLocked(ctx, 0, -1) // bytes held back go first
	}
	return wb.err
}

// startLocked writes data at off behind: held back in tail when nothing
// is in flight and it is small and contiguous with tail (sent with the
// next bytes or at close(2)), else sent after the bytes held back.
func (wb *writeBehind) startLocked(ctx context.Context, data []byte, off int64) {
	if len(wb.inflight) == 0 && len(wb.tail)+len(data) <= tailMax &&
		(len(wb.tail) == 0 || wb.tailOff+int64(len(wb.tail)) == off) {
		if len(wb.tail) == 0 {
			wb.tailOff = off
		}
		wb.tail = append(wb.tail, data...)
		wb.countLocked()
		return
	}
	wb.pushTailLocked(ctx)
	wb.win.observe(time.Now(), len(data), wb.f)
	w := wb.f.StartWriteAt(ctx, data, off)
	wb.inflight = append(wb.inflight, inflightWrite{w: w, off: off, end: off + int64(len(data))})
	wb.inflightBytes += len(data)
	wb.countLocked()
}

// waitAllLocked waits for every write in flight, oldest first, leaving
// the bytes held back in tail, and returns the sticky write error.
func (wb *writeBehind) waitAllLocked(ctx context.Context) error {
	for len(wb.inflight) > 0 {
		wb.waitOldestLocked(ctx)
	}
	return wb.err
}

// releaseWindowLocked puts the window back at its floor, its bytes above
// it back in the mount's budget: the writer stopped (close(2)).
func (wb *writeBehind) releaseWindowLocked() { wb.win.release() }

// heldLocked reports whether tail holds bytes.
func (wb *writeBehind) heldLocked() bool { return len(wb.tail) > 0 }

// takeTailLocked empties tail and returns the bytes it held and their
// offset; the bytes stay valid while mu is held.
func (wb *writeBehind) takeTailLocked() ([]byte, int64) {
	data, off := wb.tail, wb.tailOff
	wb.tail = wb.tail[:0]
	wb.countLocked()
	return data, off
}

// failLocked records err, a write of bytes taken from tail that failed,
// as the sticky write error.
func (wb *writeBehind) failLocked(err error) { wb.err = err }

// idleLocked reports whether nothing is in flight or held back and no
// write failed.
func (wb *writeBehind) idleLocked() bool {
	return wb.err == nil && len(wb.inflight) == 0 && len(wb.tail) == 0
}

// settleWrites waits for the writes in flight over [off, end) (all if
// end < 0) on every handle of n but skip. Their failures stay with their
// handles (reported by their next write, fsync or close). n may be nil.
func (n *Node) settleWrites(ctx context.Context, skip *handle, off, end int64) {
	if n == nil {
		return
	}
	var busy []*handle
	n.mu.Lock()
	for h := range n.open {
		if h != skip && h.wb.busy() {
			busy = append(busy, h)
		}
	}
	n.mu.Unlock()
	for _, h := range busy {
		h.wb.settle(ctx, off, end)
	}
}

// settleAll waits for the writes in flight over [off, end) on every
// handle of h's file, h included.
func (h *handle) settleAll(ctx context.Context, off, end int64) {
	if h.node != nil {
		h.node.settleWrites(ctx, nil, off, end)
		return
	}
	h.wb.settle(ctx, off, end)
}
