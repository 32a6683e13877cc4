package fs

// Listings held under directory leases.
//
// When the server offers directory leases (client.Tree.DirLeasing: Samba
// 4.22 with `smb3 directory leases`, Windows), a directory is listed on a
// handle opened with a read-and-handle lease, and the handle is kept open:
// the lease lives only as long as a handle opened under it (Samba ends it
// with the last one). While the lease holds, another client's create,
// delete or rename of a name in the directory, and its changes to a
// file's size or times there once its handle closes, break it first, so:
//
//   - the listing's names answer lookups, negative ones included, and
//     readdir, with no actimeo limit (but see leaseTrust);
//   - its attributes (sizes, times) answer lookups and READDIRPLUS for
//     actimeo, as without a lease: Samba breaks no lease while another
//     client writes through a handle it keeps open, so an older size could
//     come after a newer one the kernel had seen; a listing whose
//     attributes are older is read again on the held handle (one
//     QUERY_DIRECTORY, no CREATE or CLOSE);
//   - a readdir within actimeo of the listing sends nothing at all.
//
//	listing wanted ─► lease held? ─ yes ─► attributes fresh? ─ yes ─► the listing
//	                      │                     └ no ─► QUERY_DIRECTORY on the held handle
//	                      └ no ─► CREATE dir with RqLs {RH} + QUERY_DIRECTORY ×2 (one compound) ─► keep handle
//	break (reader) ─► OnBreak (its own goroutine): drop listing and lease, CLOSE
//	                  ─► kernel invalidation queue (its own goroutine): inode,
//	                     every child name the kernel knows, names it holds as absent
//
// The kernel caches what we tell it only for the timeouts we give (never
// more than actimeo), so a lost invalidation costs at most what it costs
// without leases; the invalidations only cut that short. They are queued
// and sent from a goroutine of their own, never from a FUSE request: a
// NOTIFY_INVAL_ENTRY waits for the directory's lock, which a request in
// that directory may hold while it waits for us.
//
// The mount's own changes keep the listing true as without a lease
// (dircache.go); they also break the lease (our plans' opens carry no
// ParentLeaseKey), and the next listing takes a new one. A reconnect ends
// every lease: a listing of an older generation is not trusted.
//
// Holding directory handles has costs, which bound it: at most
// maxLeasedDirs directories (least recently used go first), each closed
// when idle for leaseIdle. Samba refuses to rename a directory that has a
// handle open below it (STATUS_ACCESS_DENIED); for another client's
// rename, 4.22 first breaks the handle caching of the leases below and
// waits for the break: closing on it lets the rename through. A server
// that does not wait (or a holder that does not close) fails it. This
// mount closes its own handles below a directory before it renames or
// removes it. And no signature protects a break: a man in the
// middle could withhold one, so names are trusted for leaseTrust at most
// before they are listed again.
//
// Multiuser mounts (Trees) and NoCache have no listings and take no
// leases; NoDirLeases keeps the actimeo listings only.

import (
	"container/list"
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
)

const (
	// maxLeasedDirs bounds the directory handles held open for leases.
	maxLeasedDirs = 256
	// leaseIdle is how long a leased directory handle stays open unused.
	leaseIdle = time.Minute
	// leaseTrust is how long a leased listing's names are trusted without
	// being read again (a withheld break costs no more).
	leaseTrust = 5 * time.Minute
	// leaseCooldown is how long no lease is taken on a directory after
	// the mount changed a name or a file's attributes in it: the change
	// broke the lease, and the server waited for the break (on Samba
	// 4.22 a create in a leased directory takes 2 ms instead of 0.8 on
	// one host, a round trip more over a network). A directory being
	// written to (rsync, cp -r, tar) is listed as without leases.
	leaseCooldown = 30 * time.Second
	// maxRefused is how many leases in a row the server may refuse before
	// the mount stops asking (and lists in one compound again).
	maxRefused = 8
	// maxAbsentNoted bounds the names per directory noted as absent in
	// the kernel's cache (noteAbsent).
	maxAbsentNoted = 64
	// maxInval bounds the directories waiting for kernel invalidation.
	maxInval = 1024
)

// leasedDir is a directory handle held open for its lease. Its fields are
// read-only but for used, elem and broken, guarded by dirCache.mu.
type leasedDir struct {
	node  *Node
	path  string
	f     *client.File
	lease *client.Lease
	gen   uint64 // the client's Generation at the open
	used  time.Time
	elem  *list.Element // in dirLeases.lru while attached
	// broken: a break, an eviction or a reconnect ended it.
	broken bool
}

// dirLeases are the leased directories of a mount (guarded by dirCache.mu).
type dirLeases struct {
	lru     list.List // of *leasedDir, most recently used first
	refused int       // leases refused in a row
	reaping bool      // a reapIdle is scheduled
}

// dirLeasing reports whether listings are to be read under a lease.
func (fsys *FS) dirLeasing() bool {
	if fsys.ttl() <= 0 || fsys.opts.Trees != nil || fsys.opts.NoDirLeases || fsys.tree == nil || fsys.testLister != nil {
		return false
	}
	if fsys.opts.Namespace != nil {
		return false // a DFS root's paths go to the trees of its links
	}
	if !fsys.tree.Snapshot().IsZero() {
		return false // a snapshot never changes, and has no leases
	}
	if !fsys.tree.DirLeasing() {
		return false
	}
	c := &fsys.dc
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.leases.refused < maxRefused
}

// live reports whether ld's lease still holds read caching. Caller holds
// c.mu.
func (c *dirCache) live(fsys *FS, ld *leasedDir) bool {
	return ld != nil && !ld.broken && ld.lease.Held() && ld.gen == fsys.tree.Generation()
}

// detach ends st's lease: the listing goes (it may be stale from here on)
// and the handle is returned for the caller to close outside c.mu, with
// the node whose kernel entries are to be invalidated. Caller holds c.mu.
func (c *dirCache) detach(st *dirState) *leasedDir {
	ld := st.lease
	if ld == nil {
		return nil
	}
	st.lease = nil
	ld.broken = true
	if ld.elem != nil {
		c.leases.lru.Remove(ld.elem)
		ld.elem = nil
	}
	st.gen++ // a listing being read may predate what broke the lease
	c.setList(st, nil)
	return ld
}

// release closes the handles of ended leases, and queues their
// directories for kernel invalidation.
func (fsys *FS) release(ctx context.Context, lds ...*leasedDir) {
	for _, ld := range lds {
		if ld == nil {
			continue
		}
		fsys.dc.inval.push(ld.node)
		cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		ld.f.Close(cctx) // ends the lease; an error leaves it to the server
		cancel()
	}
}

// releaseAsync closes ended leases' handles on a goroutine.
func (fsys *FS) releaseAsync(lds []*leasedDir) {
	if len(lds) > 0 {
		go fsys.release(context.Background(), lds...)
	}
}

// onBreak returns ld's break handler: it runs on its own goroutine before
// the break would be acknowledged; closing the handle ends the lease, so
// none is.
func (fsys *FS) onBreak(ld *leasedDir) func(ctx context.Context, from, to client.LeaseState) {
	return func(ctx context.Context, from, to client.LeaseState) {
		c := &fsys.dc
		c.mu.Lock()
		var ended []*leasedDir
		if to&client.LeaseRead != 0 && to&client.LeaseHandle == 0 {
			// Handle caching taken, read caching left: another client
			// renames or removes the directory (or one above it), and
			// the server wants our handles below it closed next. Samba
			// 4.22 then waits for their breaks holding the directory's
			// share mode lock, which our CLOSE of the directory needs:
			// closed first, ours cannot deadlock (until its break times
			// out) behind it.
			ended = c.detachUnder(ld.path, false)
		}
		if st := c.dirs[ld.node]; st != nil && st.lease == ld {
			ended = append(ended, c.detach(st))
		}
		// Not (or no longer) attached: whoever holds it closes it; the
		// listing it was read for is not kept (live).
		ld.broken = true
		c.mu.Unlock()
		fsys.release(ctx, ended...)
	}
}

// leasedList returns the whole listing of d (entries as the server lists
// them, "." and ".." included) read under d's lease, or from the listing
// held under it while its attributes are younger than actimeo; made is
// when it was asked for. ok is false when no listing under a lease could
// be had (the caller lists as without leases).
func (d *Node) leasedList(ctx context.Context) (ents []client.DirEntry, made time.Time, ok bool) {
	fsys := d.fsys
	if !fsys.dirLeasing() {
		return nil, time.Time{}, false
	}
	ttl := fsys.ttl()
	c := &fsys.dc
	now := time.Now()
	c.mu.Lock()
	st := c.state(d, now, ttl)
	if now.Before(st.noListUntil) || (st.lease == nil && now.Before(st.noLeaseUntil)) {
		c.mu.Unlock()
		return nil, time.Time{}, false // too long to keep, failed, or written to
	}
	if st.lease != nil && !c.live(fsys, st.lease) {
		ended := c.detach(st)
		c.mu.Unlock()
		fsys.releaseAsync([]*leasedDir{ended})
		c.mu.Lock()
		st = c.state(d, now, ttl)
	}
	if ld := st.lease; ld != nil {
		ld.used = now
		c.leases.lru.MoveToFront(ld.elem)
		if l := st.list; l != nil && l.raw != nil && now.Sub(l.made) < ttl && !now.Before(l.made) {
			ents, made = l.raw, l.made
			c.mu.Unlock()
			return ents, made, true
		}
		stamp := listStamp{st.gen, c.attrGen}
		c.mu.Unlock()
		ents, err := fsys.readAll(ctx, ld.f)
		c.mu.Lock()
		if err != nil {
			var ended *leasedDir
			if st.lease == ld {
				ended = c.detach(st)
			}
			if errors.Is(err, errTooLong) {
				st.noListUntil = time.Now().Add(noListFor * ttl)
			}
			c.mu.Unlock()
			fsys.releaseAsync([]*leasedDir{ended})
			return nil, time.Time{}, false
		}
		if st.lease == ld && c.live(fsys, ld) {
			c.keepLeased(fsys, st, now, ents, stamp)
		}
		c.mu.Unlock()
		return ents, now, true
	}
	var parent *client.Lease
	if _, pi := d.Parent(); pi != nil {
		if pn, ok := pi.Operations().(*Node); ok {
			if pst := c.dirs[pn]; pst != nil && c.live(fsys, pst.lease) {
				parent = pst.lease.lease
			}
		}
	}
	stamp := listStamp{st.gen, c.attrGen}
	c.mu.Unlock()

	p, errno := d.path()
	if errno != 0 {
		return nil, time.Time{}, false
	}
	// Not cancelled with the request: a CREATE the server carried out
	// would leave its handle open, unknown to us.
	octx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Minute)
	f, res, err := fsys.tree.OpenDirLeasedList(octx, p, fsys.posixOpen(listOpen), parent, fsys.list(quickListBuf))
	cancel()
	if err != nil {
		return nil, time.Time{}, false
	}
	ld := &leasedDir{node: d, path: p, f: f, lease: f.Lease(), gen: fsys.tree.Generation(), used: now}
	if ld.lease != nil {
		ld.lease.OnBreak(fsys.onBreak(ld))
	}
	if ents = res.Entries; !res.Complete {
		ents, err = fsys.readAll(ctx, f)
	}
	c.mu.Lock()
	if errors.Is(err, errTooLong) {
		st.noListUntil = time.Now().Add(noListFor * ttl)
	}
	if ld.lease == nil {
		c.leases.refused++
	} else {
		c.leases.refused = 0
	}
	attach := err == nil && ld.lease != nil && c.live(fsys, ld) && c.dirs[d] == st && st.lease == nil
	var evicted []*leasedDir
	if attach {
		st.lease = ld
		ld.elem = c.leases.lru.PushFront(ld)
		c.keepLeased(fsys, st, now, ents, stamp)
		evicted = c.evict(now)
	}
	c.mu.Unlock()
	if !attach {
		evicted = append(evicted, ld)
	}
	fsys.releaseAsync(evicted)
	if err != nil {
		return nil, time.Time{}, false
	}
	if !attach {
		// Listed all the same: kept for actimeo, as without leases.
		d.keepListing(ents, now, stamp)
	}
	return ents, now, true
}

// wrote notes that the mount changed a name, or a file's size or times,
// in directory d: no new lease on it for leaseCooldown. Caller holds c.mu.
func (c *dirCache) wrote(d *Node) {
	if st := c.dirs[d]; st != nil {
		st.noLeaseUntil = time.Now().Add(leaseCooldown)
	}
}

// keepLeased keeps a listing read under st's lease (dirCache.keep), with
// its entries as listed for readdir when nothing changed meanwhile.
// Caller holds c.mu.
func (c *dirCache) keepLeased(fsys *FS, st *dirState, made time.Time, ents []client.DirEntry, stamp listStamp) {
	c.keep(fsys, st, made, ents, stamp)
	if l := st.list; l != nil && l.made.Equal(made) && c.attrGen == stamp.attr {
		c.setRaw(l, ents)
		c.trim(st)
	}
}

// evict detaches the leases beyond maxLeasedDirs and those idle for
// leaseIdle, and schedules the next reaping of idle ones; the caller
// closes what it returns. Caller holds c.mu.
func (c *dirCache) evict(now time.Time) []*leasedDir {
	var out []*leasedDir
	for e := c.leases.lru.Back(); e != nil; {
		ld := e.Value.(*leasedDir)
		prev := e.Prev()
		if c.leases.lru.Len() <= maxLeasedDirs && now.Sub(ld.used) < leaseIdle {
			break
		}
		if st := c.dirs[ld.node]; st != nil && st.lease == ld {
			out = append(out, c.detach(st))
		} else {
			c.leases.lru.Remove(e)
			ld.elem = nil
			out = append(out, ld)
		}
		e = prev
	}
	if c.leases.lru.Len() > 0 && !c.leases.reaping {
		c.leases.reaping = true
		time.AfterFunc(leaseIdle, c.reapIdle)
	}
	return out
}

// reapIdle closes the leased handles idle for leaseIdle, and runs again
// while any is left.
func (c *dirCache) reapIdle() {
	c.mu.Lock()
	c.leases.reaping = false
	var fsys *FS
	if e := c.leases.lru.Front(); e != nil {
		fsys = e.Value.(*leasedDir).node.fsys
	}
	out := c.evict(time.Now())
	c.mu.Unlock()
	if fsys != nil {
		fsys.releaseAsync(out)
	}
}

// closeLeasesUnder ends the leases of directory p and of the directories
// below it, and waits for their handles to close: Samba refuses to
// rename a directory with a handle open below it, and leaves a removed
// one delete-pending while one is open.
func (fsys *FS) closeLeasesUnder(ctx context.Context, p string) {
	c := &fsys.dc
	c.mu.Lock()
	out := c.detachUnder(p, true)
	c.mu.Unlock()
	fsys.release(context.WithoutCancel(ctx), out...)
}

// detachUnder detaches the leases of the directories below p, and p's
// own with self, and returns them deepest first, for the caller to
// close in that order. Caller holds c.mu.
func (c *dirCache) detachUnder(p string, self bool) []*leasedDir {
	var out []*leasedDir
	for e := c.leases.lru.Front(); e != nil; {
		ld := e.Value.(*leasedDir)
		next := e.Next()
		below := (p == "" && ld.path != "") || strings.HasPrefix(ld.path, p+`\`)
		if below || (self && ld.path == p) {
			if st := c.dirs[ld.node]; st != nil && st.lease == ld {
				out = append(out, c.detach(st))
			} else {
				c.leases.lru.Remove(e)
				ld.elem = nil
				out = append(out, ld)
			}
		}
		e = next
	}
	slices.SortStableFunc(out, func(a, b *leasedDir) int {
		return strings.Count(b.path, `\`) - strings.Count(a.path, `\`)
	})
	return out
}

// errTooLong: a directory of more than maxListed entries, whose listing
// is not kept (the caller lists it in windows, as without leases).
var errTooLong = errors.New("fs: directory too long to keep its listing")

// readAll lists directory f from its start: QUERY_DIRECTORY twice in one
// round trip (client.List), which holds all of a small directory;
// otherwise again from the start, until no more files. More than
// maxListed entries is errTooLong.
func (fsys *FS) readAll(ctx context.Context, f *client.File) ([]client.DirEntry, error) {
	res, err := f.Do(ctx, fsys.list(quickListBuf))
	if client.IsStatus(err, wire.StatusNoMoreFiles) {
		return nil, nil // empty: not even "." and ".."
	}
	if err != nil {
		return nil, err
	}
	if res.Complete {
		return res.Entries, nil
	}
	// The second answer's entries are not in res: from the start again.
	var all []client.DirEntry
	for restart := true; len(all) <= maxListed; restart = false {
		ents, err := f.ReadDirBatch(ctx, restart, dirBatch)
		if err != nil {
			return nil, err
		}
		if len(ents) == 0 {
			return all, nil
		}
		all = append(all, ents...)
	}
	return nil, errTooLong
}

// noteAbsent records that the kernel may now hold name in d as absent
// (a lookup the server answered with ENOENT, which go-fuse passes on with
// the negative timeout), so that a break invalidates it too.
func (d *Node) noteAbsent(name string) {
	c := &d.fsys.dc
	ttl := d.fsys.ttl()
	if ttl <= 0 {
		return
	}
	now := time.Now()
	c.mu.Lock()
	defer c.mu.Unlock()
	st := c.dirs[d]
	if st == nil {
		return
	}
	if st.absent == nil {
		st.absent = map[string]time.Time{}
	}
	if len(st.absent) >= maxAbsentNoted {
		for n, at := range st.absent {
			if now.Sub(at) >= ttl {
				delete(st.absent, n)
			}
		}
		if len(st.absent) >= maxAbsentNoted {
			return // the kernel forgets them within actimeo anyway
		}
	}
	st.absent[name] = now
}

// invalQueue holds the directories whose kernel entries are to be
// invalidated, and runs one goroutine while any are waiting.
type invalQueue struct {
	mu      sync.Mutex // guards the fields below
	pending map[*Node]bool
	running bool
}

// push queues d; beyond maxInval directories waiting it is dropped (the
// kernel's own timeouts, at most actimeo, still end what it holds).
func (q *invalQueue) push(d *Node) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.pending == nil {
		q.pending = map[*Node]bool{}
	}
	if len(q.pending) < maxInval {
		q.pending[d] = true
	}
	if !q.running {
		q.running = true
		go q.run()
	}
}

func (q *invalQueue) run() {
	for {
		q.mu.Lock()
		batch := q.pending
		q.pending = nil
		if len(batch) == 0 {
			q.running = false
			q.mu.Unlock()
			return
		}
		q.mu.Unlock()
		for d := range batch {
			d.invalidateKernel()
		}
	}
}

// invalidateKernel makes the kernel forget what it holds about d's
// entries: d's attributes (its size and times moved), every child it
// knows, and the names it was told are absent. Errors (the mount is
// going, or the kernel holds none) are of no consequence.
func (d *Node) invalidateKernel() {
	c := &d.fsys.dc
	c.mu.Lock()
	var absent []string
	if st := c.dirs[d]; st != nil {
		for n := range st.absent {
			absent = append(absent, n)
		}
		st.absent = nil
	}
	c.mu.Unlock()
	d.NotifyContent(0, 0)
	for name := range d.Children() {
		d.NotifyEntry(name)
	}
	for _, name := range absent {
		d.NotifyEntry(name)
	}
}
