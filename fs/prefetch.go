package fs

import (
	"context"
	"sync"
	"time"

	"github.com/hanwen/go-fuse/v2/fuse"

	"github.com/smb3fs/smb3fs/client"
)

// Read-ahead of our own, for files opened read-only.
//
// Such a file is opened with FOPEN_DIRECT_IO where the kernel still lets
// it be mapped (FUSE_DIRECT_IO_ALLOW_MMAP, Linux 6.6): read(2) comes to
// Read as the caller made it, and the reply goes straight into the
// caller's buffer instead of the kernel's page cache. Through the page
// cache, whose read-ahead keeps several 1 MiB READs in flight, a
// sequential reader got about 340 MB/s on the test VM whatever the
// window; straight, 1 MiB reads got over 700 MB/s. What the kernel's
// read-ahead did for small reads (one READ serving many 8 KiB read(2)s)
// is done here instead:
//
//	read(2) at the end of the previous one, which was served in full
//	  ─► served from chunks: READs of prefetchChunk bytes; while the
//	     reader uses one, the window's worth after it is read (one
//	     chunk at first, four after 10 ms, more across a WAN)
//	any other read(2) ─► a READ of its own; the chunks are dropped, the
//	     window goes back to its floor
//
// How many READs ahead. In November 2026 one READ in flight was best:
// Samba answers each READ from a buffer of its size, and with two or more
// in flight its allocator handed the memory back and faulted it in again
// for every READ (perf: 4x the page faults, all in smbd's pread), which
// halved throughput on the test VM for the library's pipelined reads as
// for the page cache's. In December, on the same kind of VM, four 1 MiB
// READs ahead read faster than one at 0 ms, with the server's cache warm
// or cold (prefetchLeast), so a reader gets four once it has read for a
// span (10 ms), budget permitting; the floor, which needs no budget,
// stays one. Across a WAN the chunks ahead follow the bandwidth-delay
// product (window.go): while the reader keeps up, twice its rate times
// the round trip, at most prefetchWindowMax. Up to that many bytes of
// READs are in flight at once, the last ones possibly past the end of
// the file (they come back empty).
//
// A chunk is used only while it is current (checked for each chunk a
// read uses):
//   - nothing changed the file through this mount since the chunk was
//     asked for (the node's change count, known.go, which every write,
//     truncate and copy into the file moves before and after), and the
//     writes in flight over its range had landed before it was sent
//     (settleAll), so read(2) after write(2) sees the write;
//   - it was asked for less than the attribute timeout ago, so a change
//     made through another client is seen within actimeo, as with the
//     attributes. NoCache (actimeo=0) keeps the page cache instead.
//
// A chunk a read uses whole (1 MiB read(2)s, as dd bs=1M makes) goes to
// the kernel in the frames it arrived in, like any READ (Read); parts of
// chunks are copied into the reply buffer.

// prefetchChunk is the size of each READ ahead: the client's READ size.
// The window's floor is two chunks (the one under the reader and the
// next; see fillLocked): 2 MiB per handle whatever the server does, since
// a READ answer longer than asked is refused (client.File.ReadBuffers).
const prefetchChunk = 1 << 20

// prefetchLeast is the window a sequential reader gets after its first
// span (window.go) at any round trip, budget permitting: four READs
// ahead. On 2026-12-07 at 0 ms (1 GiB, 3 rounds a run, alternating twice)
// four ahead read 511, 1108, 887, 459, 746, 572 MB/s with the server's
// cache cold and 1122, 1096, 1085, 858, 810, 1130 warm; one ahead 350,
// 881, 600, 419, 902, 533 cold and 886, 981, 973, 949, 798, 969 warm.
const prefetchLeast = 4 * prefetchChunk

// prefetchWindowMax bounds the bytes of chunks ahead of the reader (the
// window's ceiling): twice the bandwidth-delay product of 400 MB/s at
// 40 ms. At 40 ms through the benchmark's proxy a 1 GiB file read at
// 230-244 MB/s with 16 MiB, 350-390 with 32 (2026-12-07). The floor is
// one chunk; what is above it comes from the mount's window budget
// (window.go).
const prefetchWindowMax = 32 << 20

// chunk is one READ ahead: [off, off+n) of the file.
type chunk struct {
	off int64
	n   int
	// gen is the node's change count and at the time when the chunk was
	// asked for.
	gen uint64
	at  time.Time
	// done is closed once rb and err are set.
	done chan struct{}
	rb   *client.ReadBuffers
	err  error
	// mu guards dropped and the hand-over of rb between the goroutine
	// that reads and a drop (whichever comes second releases rb).
	mu      sync.Mutex
	dropped bool
}

// ready reports whether c's READ is done, without waiting.
func (c *chunk) ready() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

// full reports whether c is done and brought all it asked for (a short
// chunk ends the file).
func (c *chunk) full() bool {
	return c.ready() && c.err == nil && c.rb != nil && c.rb.Len() == c.n
}

// drop gives c up: its frames go back to the client now, or when its
// READ completes.
func (c *chunk) drop() {
	c.mu.Lock()
	c.dropped = true
	rb := c.rb
	c.rb = nil
	c.mu.Unlock()
	if rb != nil {
		rb.Release()
	}
}

// prefetcher is the read-ahead state of a read-only direct-I/O handle.
type prefetcher struct {
	// ctx is cancelled by close; the chunks' READs run under it.
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup // the chunks' goroutines

	// mu guards the fields below. It is held while a read waits for a
	// chunk (reads of one handle rarely overlap; close cancels first).
	mu sync.Mutex
	// next is the end of the last read(2) served and full whether it was
	// served in full: a read at next after a full one is sequential.
	next int64
	full bool
	// chunks are the READs ahead, contiguous and in file order: the one
	// under the reader and the window's worth after it.
	chunks []*chunk
	closed bool
	// win is the window: how many bytes of chunks go after the one
	// under the reader (window.go).
	win ioWindow
}

// newPrefetcher returns the read-ahead state of a handle whose window
// grows with bytes from b.
func newPrefetcher(b *windowBudget) *prefetcher {
	ctx, cancel := context.WithCancel(context.Background())
	p := &prefetcher{ctx: ctx, cancel: cancel, next: -1, win: newIOWindow(prefetchChunk, prefetchWindowMax, b)}
	p.win.least = prefetchLeast
	return p
}

// ahead returns how many chunks go after the one under the reader.
func (p *prefetcher) ahead() int {
	return max(1, (p.win.size+prefetchChunk-1)/prefetchChunk)
}

// dropLocked gives up every chunk; p.mu is held.
func (p *prefetcher) dropLocked() {
	for _, c := range p.chunks {
		c.drop()
	}
	clear(p.chunks)
	p.chunks = p.chunks[:0]
}

// close cancels the chunks' READs and waits for them, before the handle
// is closed.
func (p *prefetcher) close() {
	p.cancel()
	p.mu.Lock()
	p.closed = true
	p.dropLocked()
	p.win.release()
	p.mu.Unlock()
	p.wg.Wait()
}

// note records a read(2) of size bytes at off that Read served itself
// with got bytes.
func (p *prefetcher) note(off int64, size, got int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.next, p.full = off+int64(got), got == size
}

// prefetchRead serves dest at off from chunks when the read is
// sequential; ok is false when Read should read for itself (and then
// note the result), or ask again after a chunk failed.
func (h *handle) prefetchRead(ctx context.Context, dest []byte, off int64) (res fuse.ReadResult, ok bool) {
	p := h.pf
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed || off != p.next || !p.full {
		p.dropLocked()
		p.win.release()
		return nil, false
	}
	// Chunks behind the reader go; so do all when the first is not
	// current.
	for len(p.chunks) > 0 && p.chunks[0].off+int64(p.chunks[0].n) <= off {
		p.chunks[0].drop()
		p.chunks = p.chunks[1:]
	}
	if len(p.chunks) > 0 {
		c := p.chunks[0]
		if c.off > off || !p.current(h, c) {
			p.dropLocked()
		}
	}
	if len(p.chunks) == 0 {
		p.startLocked(h, off)
	}

	end := off + int64(len(dest))
	n := 0
	for i := 0; off+int64(n) < end; i++ {
		if i == len(p.chunks) {
			// The read goes on past the last chunk: the next one,
			// unless the last ended the file.
			last := p.chunks[i-1]
			if !last.full() {
				break
			}
			p.startLocked(h, last.off+int64(last.n))
			if i == len(p.chunks) {
				break // closed
			}
		}
		c := p.chunks[i]
		if !waitChunk(ctx, c) || c.err != nil || !p.current(h, c) {
			p.dropLocked()
			return nil, false // Read asks again (and reports the error)
		}
		if i == 0 && c.off == off && c.n == len(dest) {
			// Used whole: it goes to the kernel as it arrived.
			rb := c.rb
			c.rb = nil
			p.chunks = p.chunks[1:]
			got := rb.Len()
			p.next, p.full = off+int64(got), got == len(dest)
			p.win.observe(time.Now(), got, h.f)
			p.fillLocked(h)
			return &frameResult{rb: rb, n: got}, true
		}
		pos := off + int64(n) - c.off // where the reader is in c
		for _, b := range c.rb.Bufs {
			if pos >= int64(len(b)) {
				pos -= int64(len(b))
				continue
			}
			n += copy(dest[n:], b[pos:])
			pos = 0
			if n == len(dest) {
				break
			}
		}
		if c.rb.Len() < c.n {
			break // the file ends in c
		}
	}
	// Chunks used up go.
	for len(p.chunks) > 0 && p.chunks[0].full() && p.chunks[0].off+int64(p.chunks[0].n) <= off+int64(n) {
		p.chunks[0].drop()
		p.chunks = p.chunks[1:]
	}
	p.next, p.full = off+int64(n), n == len(dest)
	p.win.observe(time.Now(), n, h.f)
	p.fillLocked(h)
	// A vector, not ReadResultData: go-fuse (v2.12) writes a vector with
	// writev, but first tries to splice a ReadResultData, which costs
	// three system calls more per read(2) before it gives up.
	return fuse.ReadResultVector([][]byte{dest[:n]}), true
}

// startLocked asks for the chunk at off; p.mu is held.
func (p *prefetcher) startLocked(h *handle, off int64) {
	if p.closed {
		return
	}
	c := &chunk{off: off, n: prefetchChunk, gen: h.node.attrGen(), at: time.Now(), done: make(chan struct{})}
	p.chunks = append(p.chunks, c)
	p.wg.Add(1)
	go p.fetch(h, c)
}

// current reports whether c may serve a read: nothing changed the file
// through this mount since c was asked for, and that was less than the
// attribute timeout ago (see the file comment).
func (p *prefetcher) current(h *handle, c *chunk) bool {
	return c.gen == h.node.attrGen() && time.Since(c.at) < h.owner.opts.Timeout
}

// fillLocked asks for chunks after the last one (after the end of the
// last read, when there is none) until the window's worth lies past the
// reader, unless the last came back short (the end of file) or failed, or
// the last read was not served in full. With a window of one chunk (the
// floor) that is one READ in flight. p.mu is held.
func (p *prefetcher) fillLocked(h *handle) {
	ahead := p.ahead()
	for !p.closed && p.full && p.next >= 0 {
		n := 0
		for _, c := range p.chunks {
			if c.off >= p.next {
				n++
			}
		}
		if n >= ahead {
			return
		}
		next := p.next
		if len(p.chunks) > 0 {
			last := p.chunks[len(p.chunks)-1]
			if last.ready() && !last.full() {
				return
			}
			next = last.off + int64(last.n)
		}
		p.startLocked(h, next)
	}
}

// fetch reads c, after the writes in flight over it have landed, and then
// asks for the next chunk if the reader is already in c.
func (p *prefetcher) fetch(h *handle, c *chunk) {
	defer p.wg.Done()
	h.settleAll(p.ctx, c.off, c.off+int64(c.n))
	rb, err := h.f.ReadBuffers(p.ctx, c.n, c.off)
	c.mu.Lock()
	c.err = err
	dropped := c.dropped
	if !dropped {
		c.rb = rb
	}
	c.mu.Unlock()
	if dropped && rb != nil {
		rb.Release()
	}
	close(c.done)
	if !dropped {
		p.mu.Lock()
		if len(p.chunks) > 0 && p.chunks[len(p.chunks)-1] == c {
			p.fillLocked(h) // c might have been the end of file
		}
		p.mu.Unlock()
	}
}

// waitChunk waits for c's READ; false if ctx ended first.
func waitChunk(ctx context.Context, c *chunk) bool {
	select {
	case <-c.done:
		return true
	case <-ctx.Done():
		return false
	}
}
