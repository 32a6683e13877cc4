package fs

// Lookups answered from directory listings.
//
// A program that stats the names of a directory the kernel has no dentries
// for (rsync's generator on a fresh mount, cp -r and rsync checking that a
// name is free before creating it) costs one LOOKUP, and so one
// CREATE+QUERY_INFO+CLOSE round trip, per name. When a directory sees its
// second lookup within the attribute timeout (actimeo), it is listed once
// instead (listDir: one CREATE+QUERY_DIRECTORY+CLOSE compound for a small
// directory), and further lookups in it are answered from that listing
// while it is younger than actimeo:
//
//   - a name listed with its attributes: the entry's attributes and file id,
//     as READDIRPLUS gives them (nlink shows 1); the kernel may keep them
//     until the listing is actimeo old, no longer;
//   - a name not listed: ENOENT, which the kernel does not remember (the
//     next lookup of the name comes back here, and is answered again from
//     the listing while it lives);
//   - otherwise a real lookup: a name that may be a symbolic link file
//     (symlink.go reads it), a hidden name (silly.go), a file this mount
//     has open, an entry whose attributes this mount changed since the
//     listing (see below), and, instead of ENOENT, a name the server may
//     match to a listed name under another spelling: Samba matches names
//     without regard to case and answers for mangled 8.3 names, so a
//     missing name is only answered from the listing when it is printable
//     ASCII without ~ " * < > ? | and not ending in a space or a dot, and
//     no listed name equals it ignoring case.
//
// This mount's own changes keep the listing true: a name created (create,
// mkdir, symlink, link, rename target) is listed with unknown attributes
// (its next lookup asks the server); a name removed (unlink, rmdir, rename
// source, silly rename) is dropped; a file whose size or times may change
// (open for writing, create over an existing file, setattr, link) has its
// entries, by name and by file id in every listing, marked unknown; the
// directory's own entry in its parent's listing is marked unknown when a
// name in it is added or removed (its modification time moved). An error,
// whose outcome may be unknown, drops the listing. A listing read while a
// name in the directory changed through the mount is not kept; one read
// while files' attributes changed keeps its names only (every entry's
// attributes unknown). A directory of more than maxListed entries, or one
// that cannot be listed, is not listed again for noListFor times actimeo;
// all listings together hold at most maxHeld entries (the oldest go
// first). A directory read with readdir leaves its listing for lookups
// too.
//
// Other clients' changes are seen once the listing is actimeo old: the
// same bound as the kernel's attribute and entry caches, since every
// answer carries only the time the listing has left; a listing held under
// a directory lease lives longer, and a break ends it (dirlease.go).
// actimeo=0 (NoCache) disables listings for lookups.

import (
	"context"
	"strings"
	"sync"
	"syscall"
	"time"

	gofs "github.com/hanwen/go-fuse/v2/fs"
	"github.com/hanwen/go-fuse/v2/fuse"

	"github.com/smb3fs/smb3fs/client"
)

// maxListed is the largest directory (entries) whose listing is kept, and
// maxHeld the most entries the listings of one mount hold together (the
// oldest listings go first).
const (
	maxListed = 10000
	maxHeld   = 200000
)

// noListFor is how many attribute timeouts a directory that could not be
// listed (or had too many entries) is not listed again.
const noListFor = 30

// dirCache holds the listings of the directories of one mount.
type dirCache struct {
	mu sync.Mutex
	// dirs: the state of each directory that saw a lookup or has a
	// listing, guarded by mu.
	dirs map[*Node]*dirState
	// attrGen counts the changes of files' attributes made through the
	// mount (attrsChanging; guarded by mu): a listing read while it moved
	// is kept for its names only (every entry's attributes unknown).
	attrGen uint64
	// held is the number of entries of the listings in dirs, guarded by
	// mu.
	held int
	// swept is when dirs was last pruned, guarded by mu.
	swept time.Time
	// leases are the directories listed under a lease (dirlease.go),
	// guarded by mu.
	leases dirLeases
	// inval queues directories for kernel invalidation (its own lock).
	inval invalQueue
}

// dirState is one directory's lookup history and listing (guarded by
// dirCache.mu).
type dirState struct {
	lastMiss time.Time // last lookup the kernel sent for a name in it
	list     *listing  // nil: none
	loading  bool      // a listing is being read
	// gen counts the changes to the directory's names made through the
	// mount: a listing read while it moved is not kept.
	gen uint64
	// noListUntil: listing failed or found too many entries; not tried
	// again before then (noListFor).
	noListUntil time.Time
	// lease is the lease the listing is held under, or nil
	// (dirlease.go); noLeaseUntil: the mount changed something in the
	// directory, no new lease is taken before then (leaseCooldown).
	lease        *leasedDir
	noLeaseUntil time.Time
	// absent are the names the kernel may hold as absent since then
	// (noteAbsent), at most maxAbsentNoted.
	absent map[string]time.Time
}

// listStamp is what a listing is checked against before it is kept: the
// directory's and the attributes' change counts when it was asked for.
type listStamp struct{ dir, attr uint64 }

// listing is what one QUERY_DIRECTORY pass found, kept up to date with
// this mount's own changes (guarded by dirCache.mu).
type listing struct {
	made    time.Time // when the listing was asked for
	counted int       // entries counted in dirCache.held
	entries map[string]*listEntry
	// folded counts the entries under each case-folded name (foldName).
	folded map[string]int
	// byID maps a file id to the names it is listed under.
	byID map[uint64][]string
	// raw is the listing as read, for readdir under a lease (nil once
	// the mount changed a name or attributes in it); its entries are
	// counted in dirCache.held too (setRaw).
	raw []client.DirEntry
}

// listEntry is one name of a listing.
type listEntry struct {
	a  attrs
	id uint64
	// known: a and id are as listed; otherwise the name exists but its
	// attributes must be asked for.
	known bool
}

// ttl is how long listings and answers from them live: the attribute
// timeout, 0 with NoCache.
func (fsys *FS) ttl() time.Duration {
	if fsys.opts.NoCache {
		return 0
	}
	return fsys.opts.Timeout
}

// foldName is the key under which Samba's case-insensitive matching could
// take two names for the same: lower case, for non-ASCII names also after
// upper-casing (ſ, K and the like fold onto ASCII letters).
func foldName(name string) []string {
	l := strings.ToLower(name)
	if isASCII(name) {
		return []string{l}
	}
	if l2 := strings.ToLower(strings.ToUpper(name)); l2 != l {
		return []string{l, l2}
	}
	return []string{l}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// absentIsSure reports whether a name missing from a listing is missing on
// the server too: Samba could otherwise match it to a listed name under
// another spelling (a mangled 8.3 name has a ~; names ending in a space or
// a dot are listed mangled; non-ASCII names fold in ways we do not
// repeat) or refuse it (EINVAL for the characters Windows forbids).
func absentIsSure(name string) bool {
	if name == "" || name == "." || name == ".." || hasHiddenPrefix(name) {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c < 0x20 || c >= 0x7f || strings.IndexByte(`~"*<>?|`, c) >= 0 {
			return false
		}
	}
	last := name[len(name)-1]
	return last != ' ' && last != '.'
}

func newListing(made time.Time, ents []client.DirEntry) *listing {
	l := &listing{made: made, entries: make(map[string]*listEntry, len(ents)),
		folded: make(map[string]int, len(ents)), byID: make(map[uint64][]string, len(ents))}
	for i := range ents {
		e := &ents[i]
		if e.Name == "." || e.Name == ".." {
			continue
		}
		l.add(e.Name, &listEntry{a: entryAttrs(e), id: usableIno(e.FileID), known: true})
	}
	return l
}

func (l *listing) add(name string, e *listEntry) {
	if old, ok := l.entries[name]; ok {
		l.unindexID(name, old.id)
	} else {
		for _, k := range foldName(name) {
			l.folded[k]++
		}
	}
	l.entries[name] = e
	if e.id != 0 {
		l.byID[e.id] = append(l.byID[e.id], name)
	}
}

func (l *listing) remove(name string) {
	old, ok := l.entries[name]
	if !ok {
		return
	}
	l.unindexID(name, old.id)
	for _, k := range foldName(name) {
		if l.folded[k]--; l.folded[k] <= 0 {
			delete(l.folded, k)
		}
	}
	delete(l.entries, name)
}

func (l *listing) unindexID(name string, id uint64) {
	if id == 0 {
		return
	}
	names := l.byID[id]
	for i, n := range names {
		if n == name {
			names = append(names[:i], names[i+1:]...)
			break
		}
	}
	if len(names) == 0 {
		delete(l.byID, id)
	} else {
		l.byID[id] = names
	}
}

// unknown marks name present with attributes to be asked for.
func (l *listing) unknown(name string) {
	l.add(name, &listEntry{})
}

// state returns d's state, creating it. Caller holds c.mu.
func (c *dirCache) state(d *Node, now time.Time, ttl time.Duration) *dirState {
	if c.dirs == nil {
		c.dirs = map[*Node]*dirState{}
	}
	st := c.dirs[d]
	if st == nil {
		c.sweep(now, ttl)
		st = &dirState{}
		c.dirs[d] = st
	}
	return st
}

// sweep forgets directories whose listing and last lookup are older than
// ttl, at most once per ttl. Caller holds c.mu.
func (c *dirCache) sweep(now time.Time, ttl time.Duration) {
	if len(c.dirs) < 64 || now.Sub(c.swept) < ttl {
		return
	}
	c.swept = now
	for d, st := range c.dirs {
		if st.loading || st.lease != nil {
			continue
		}
		if st.list != nil && now.Sub(st.list.made) < ttl {
			continue
		}
		if now.Sub(st.lastMiss) < ttl {
			continue
		}
		c.setList(st, nil)
		delete(c.dirs, d)
	}
}

// valid returns st's listing if it is younger than ttl, or than
// leaseTrust while it is held under a lease. Caller holds c.mu.
func (c *dirCache) valid(fsys *FS, st *dirState, now time.Time, ttl time.Duration) *listing {
	if st.list == nil {
		return nil
	}
	life := ttl
	if c.live(fsys, st.lease) {
		life = leaseTrust
	}
	if now.Sub(st.list.made) >= life || now.Before(st.list.made) {
		c.setList(st, nil)
		return nil
	}
	return st.list
}

// setList replaces st's listing, keeping count of the entries held. Caller
// holds c.mu.
func (c *dirCache) setList(st *dirState, l *listing) {
	if st.list != nil {
		c.held -= st.list.counted
	}
	st.list = l
	if l != nil {
		l.counted = len(l.entries)
		c.held += l.counted
	}
}

// keep makes a listing read for st (asked for at made, with stamp) its
// listing, unless a name in the directory changed since; when attributes
// changed since, its entries' attributes are unknown. Listings of other
// directories are dropped, oldest first, to stay within maxHeld. Caller
// holds c.mu.
func (c *dirCache) keep(fsys *FS, st *dirState, made time.Time, ents []client.DirEntry, stamp listStamp) {
	if len(ents) > maxListed {
		st.noListUntil = time.Now().Add(noListFor * fsys.ttl())
		return
	}
	if st.gen != stamp.dir || (st.list != nil && !st.list.made.Before(made)) {
		return
	}
	l := newListing(made, ents)
	if c.attrGen != stamp.attr {
		for _, e := range l.entries {
			e.known = false
		}
	}
	fsys.markOpen(l)
	c.setList(st, l)
	c.trim(st)
}

// setRaw sets l's entries as listed (nil: none), keeping count of the
// entries held. l is a listing in c. Caller holds c.mu.
func (c *dirCache) setRaw(l *listing, raw []client.DirEntry) {
	l.counted += len(raw) - len(l.raw)
	c.held += len(raw) - len(l.raw)
	l.raw = raw
}

// trim drops the listings of directories other than st's, oldest first,
// while more than maxHeld entries are held. Caller holds c.mu.
func (c *dirCache) trim(st *dirState) {
	for c.held > maxHeld {
		var oldest *dirState
		for _, o := range c.dirs {
			if o.list != nil && o != st && (oldest == nil || o.list.made.Before(oldest.list.made)) {
				oldest = o
			}
		}
		if oldest == nil {
			break
		}
		c.setList(oldest, nil)
	}
}

// lookupAnswer is what a listing says about a name.
type lookupAnswer int

const (
	askServer lookupAnswer = iota // no listing, or it cannot tell
	listed                        // the entry, with its attributes
	absent                        // not there
)

// lookupListed answers a lookup of name in d from d's listing, reading
// the listing first when this is d's second lookup within actimeo, or
// when d is held under a lease (dirlease.go). With answer askServer the
// caller looks the name up on the server.
func (d *Node) lookupListed(ctx context.Context, name string, out *fuse.EntryOut) (*gofs.Inode, lookupAnswer) {
	fsys := d.fsys
	ttl := fsys.ttl()
	if ttl <= 0 || name == "." || name == ".." || hasHiddenPrefix(name) {
		return nil, askServer
	}
	c := &fsys.dc
	now := time.Now()
	c.mu.Lock()
	st := c.state(d, now, ttl)
	prev := st.lastMiss
	st.lastMiss = now
	l := c.valid(fsys, st, now, ttl)
	if st.lease != nil {
		st.lease.used = now // in use: not reaped as idle
	}
	if l == nil {
		leased := c.live(fsys, st.lease)
		if st.loading || now.Before(st.noListUntil) || (now.Sub(prev) >= ttl && !leased) {
			c.mu.Unlock()
			return nil, askServer
		}
		if l = d.readListing(ctx, st, now); l == nil {
			c.mu.Unlock()
			return nil, askServer
		}
	}
	answer, e, left := lookIn(l, name, ttl, fsys.posix)
	if answer == askServer && e != nil && c.live(fsys, st.lease) && !st.loading {
		// Listed, with attributes older than actimeo: read the
		// listing again on the lease's handle.
		if l = d.readListing(ctx, st, time.Now()); l == nil {
			c.mu.Unlock()
			return nil, askServer
		}
		answer, e, left = lookIn(l, name, ttl, fsys.posix)
	}
	if answer == absent && left <= 0 {
		if !c.live(fsys, st.lease) {
			answer = askServer
		}
		// Held under a lease: any entry timeout keeps the kernel
		// from holding the name as absent (see Lookup).
		left = ttl
	}
	var a attrs
	var id uint64
	if e != nil {
		a, id = e.a, e.id
	}
	c.mu.Unlock()

	switch answer {
	case absent:
		out.SetEntryTimeout(left)
		return nil, absent
	case listed:
		if id != 0 && fsys.open.has(id) {
			return nil, askServer // open here: its size and times move
		}
		out.SetEntryTimeout(left)
		out.SetAttrTimeout(left)
		if ch := d.GetChild(name); ch != nil {
			if sa := ch.StableAttr(); sa.Ino == id && id != 0 && sa.Mode == typeMode(a) {
				fsys.fill(&out.Attr, a)
				return ch, listed
			}
		}
		return d.newChild(ctx, name, id, a, out), listed
	}
	return nil, askServer
}

// readListing reads d's listing for a lookup (listDir) and keeps it; it
// returns the listing now valid, or nil. Caller holds c.mu, which it
// releases meanwhile.
func (d *Node) readListing(ctx context.Context, st *dirState, now time.Time) *listing {
	fsys := d.fsys
	c := &fsys.dc
	ttl := fsys.ttl()
	st.loading = true
	stamp := listStamp{st.gen, c.attrGen}
	c.mu.Unlock()
	if _, _, ok := d.leasedList(ctx); ok {
		// Kept there, under a lease or for actimeo (dirlease.go).
		c.mu.Lock()
		st.loading = false
		return c.valid(fsys, st, time.Now(), ttl)
	}
	ents, err := d.listDir(ctx)
	c.mu.Lock()
	st.loading = false
	if err != 0 {
		st.noListUntil = time.Now().Add(noListFor * ttl)
	} else {
		c.keep(fsys, st, now, ents, stamp)
	}
	return c.valid(fsys, st, time.Now(), ttl)
}

// lookIn is what listing l says about name: listed (with its entry and
// the time its attributes have left), absent, or askServer; e is the
// entry when name is listed with attributes, even if they are too old
// (left <= 0: askServer). posix: names match exactly (a POSIX mount).
// Caller holds dc.mu.
func lookIn(l *listing, name string, ttl time.Duration, posix bool) (answer lookupAnswer, e *listEntry, left time.Duration) {
	left = ttl - time.Since(l.made)
	ent, ok := l.entries[name]
	switch {
	case ok && ent.known && !maybeSymlink(ent.a):
		if left > 0 {
			return listed, ent, left
		}
		return askServer, ent, left
	case !ok && posix:
		return absent, nil, left // POSIX names match exactly (posix.go)
	case !ok && absentIsSure(name):
		for _, k := range foldName(name) {
			if l.folded[k] > 0 {
				return askServer, nil, left // another spelling of a listed name
			}
		}
		return absent, nil, left
	}
	return askServer, nil, left
}

// quickListBuf is the QUERY_DIRECTORY buffer of the one-round-trip
// listing (the least a server must accept).
const quickListBuf = 64 << 10

// listOpen opens a directory to list it.
var listOpen = client.OpenOptions{Access: client.AccessReadData, Kind: client.KindDir}

// quickList lists directory p in one round trip (client.List: CREATE,
// QUERY_DIRECTORY twice, CLOSE); ok is false when that did not
// show all of it (the second QUERY_DIRECTORY found more) or failed.
func (d *Node) quickList(ctx context.Context, p string) ([]client.DirEntry, bool) {
	res, err := d.fsys.do(ctx, p, listOpen, d.fsys.list(quickListBuf))
	if err != nil || !res.Complete || len(res.Entries) == 0 {
		return nil, false
	}
	return res.Entries, true
}

// listDir lists directory d for lookups: for a small directory one
// compound of CREATE, QUERY_DIRECTORY and CLOSE; when that does not hold
// it all (or fails), open, QUERY_DIRECTORY until no more files or more
// than maxListed entries (then it returns maxListed+1 of them, which keep
// refuses), close.
func (d *Node) listDir(ctx context.Context) ([]client.DirEntry, syscall.Errno) {
	p, errno := d.path()
	if errno != 0 {
		return nil, errno
	}
	if d.fsys.testLister == nil {
		if ents, ok := d.quickList(ctx, p); ok {
			return ents, 0
		}
	}
	f, err := d.fsys.openLister(ctx, p)
	if err != nil {
		return nil, ToErrno(err)
	}
	defer func() {
		cctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		f.Close(cctx)
		cancel()
	}()
	var all []client.DirEntry
	for restart := true; len(all) <= maxListed; restart = false {
		ents, err := f.ReadDirBatch(ctx, restart, dirBatch)
		if err != nil {
			return nil, ToErrno(err)
		}
		if len(ents) == 0 {
			return all, 0
		}
		all = append(all, ents...)
	}
	return all[:maxListed+1], 0
}

// listStamp returns d's change counts, to be passed to keepListing.
func (d *Node) listStamp() listStamp {
	ttl := d.fsys.ttl()
	if ttl <= 0 {
		return listStamp{}
	}
	c := &d.fsys.dc
	c.mu.Lock()
	defer c.mu.Unlock()
	st := c.state(d, time.Now(), ttl)
	return listStamp{st.gen, c.attrGen}
}

// keepListing keeps a listing of d read for a directory handle (asked for
// at made, with stamp) for lookups (see dirCache.keep).
func (d *Node) keepListing(ents []client.DirEntry, made time.Time, stamp listStamp) {
	fsys := d.fsys
	ttl := fsys.ttl()
	if ttl <= 0 {
		return
	}
	c := &fsys.dc
	c.mu.Lock()
	defer c.mu.Unlock()
	c.keep(fsys, c.state(d, time.Now(), ttl), made, ents, stamp)
}

// markOpen marks the entries of l for files this mount has open unknown:
// their size and times may move until they close. Caller holds dc.mu.
func (fsys *FS) markOpen(l *listing) {
	for _, id := range fsys.open.openIDs() {
		for _, name := range l.byID[id] {
			l.entries[name].known = false
		}
	}
}

// listingOf returns d's listing for a change, or nil; it counts the change.
// Caller holds dc.mu.
func (c *dirCache) listingOf(d *Node) *listing {
	if st := c.dirs[d]; st != nil {
		st.gen++
		if st.list != nil {
			c.setRaw(st.list, nil)
		}
		return st.list
	}
	return nil
}

// dirChanged marks directory d's own entry in its parent's listing
// unknown: a name in d was added or removed. Caller holds dc.mu.
func (c *dirCache) dirChanged(d *Node) {
	name, parent := d.Parent()
	if parent == nil {
		return
	}
	pn, ok := parent.Operations().(*Node)
	if !ok {
		return
	}
	if l := c.listingOf(pn); l != nil {
		if _, ok := l.entries[name]; ok {
			l.unknown(name)
		}
	}
}

// nameAdded notes that name now exists in d (created, or the target of a
// rename or link), its attributes unknown.
func (d *Node) nameAdded(name string) {
	c := &d.fsys.dc
	c.mu.Lock()
	defer c.mu.Unlock()
	if l := c.listingOf(d); l != nil {
		l.unknown(name)
	}
	c.wrote(d)
	c.dirChanged(d)
}

// nameRemoved notes that name is gone from d.
func (d *Node) nameRemoved(name string) {
	c := &d.fsys.dc
	c.mu.Lock()
	defer c.mu.Unlock()
	if l := c.listingOf(d); l != nil {
		l.remove(name)
	}
	c.wrote(d)
	c.dirChanged(d)
}

// listingUnsure drops d's listing: a change in it may or may not have
// been made.
func (d *Node) listingUnsure() {
	c := &d.fsys.dc
	c.mu.Lock()
	defer c.mu.Unlock()
	if st := c.dirs[d]; st != nil {
		st.gen++
		c.setList(st, nil)
	}
	c.wrote(d)
	c.dirChanged(d)
}

// attrsChanging notes that node n's size or times may change (opened for
// writing, setattr, a new link): its entries are marked unknown, by its
// name in its parent's listing and by its file id in every listing.
func (n *Node) attrsChanging(id uint64) {
	c := &n.fsys.dc
	c.mu.Lock()
	defer c.mu.Unlock()
	c.attrGen++
	if name, parent := n.Parent(); parent != nil {
		if pn, ok := parent.Operations().(*Node); ok {
			if l := c.listingOf(pn); l != nil {
				if _, ok := l.entries[name]; ok {
					l.unknown(name)
				}
			}
			c.wrote(pn)
		}
	}
	if id = usableIno(id); id == 0 {
		return
	}
	for _, st := range c.dirs {
		if st.list == nil {
			continue
		}
		for _, name := range st.list.byID[id] {
			st.list.entries[name].known = false
			c.setRaw(st.list, nil)
		}
	}
}
