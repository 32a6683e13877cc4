package fs

import (
	"context"
	"errors"
	"math"
	"syscall"
	"time"

	gofs "github.com/hanwen/go-fuse/v2/fs"
	"github.com/hanwen/go-fuse/v2/fuse"

	"github.com/smb3fs/smb3fs/client"
)

// dirHandle is an open directory. Its listing is read from the server
// (FileIdBothDirectoryInformation: names, file ids and attributes) as the
// kernel reads, one window at a time:
//
//	first read ─► CREATE+QUERY_DIRECTORY+CLOSE (64 KiB): all of a small
//	              directory, no handle kept
//	              otherwise CREATE, QUERY_DIRECTORY (dirBatch bytes) ─► window
//	window read ─► next QUERY_DIRECTORY on the kept handle ─► window
//	no more files, rewind or release ─► CLOSE
//
// Only the current window is held (one QUERY_DIRECTORY answer, at most
// dirBatch bytes of entries), and the listing read so far while it is
// short: while a listing is read from its start, its entries are also
// gathered, up to maxListed, to answer lookups afterwards (dircache.go)
// and seeks. An offset is an entry's place in the listing, so it stays
// the same entry for as long as the directory is open: a seek inside the
// window moves within it, one to an entry gathered moves there (telldir
// and seekdir in a directory of thousands: xfstests generic/676), and
// only one elsewhere (in a listing too long to gather) lists again from
// the start and skips to the offset. A rewind (offset 0) lists anew.
// READDIRPLUS answers each entry's lookup from the listing, without a round
// trip, for the first maxPlusInodes entries of the open directory; later
// entries go to the kernel without an inode (see Lookup), so that a
// listing the server never ends cannot make inodes without end.
type dirHandle struct {
	node *Node
	// Fields below are guarded by go-fuse, which serializes the calls on
	// one directory handle.
	started bool              // a listing is under way
	f       dirLister         // the handle of a long listing, until it ends
	window  []client.DirEntry // entries base, base+1, ... of the listing
	base    int
	done    bool // no entries after window
	pos     int  // offset of the next entry to return
	last    *client.DirEntry
	// relists counts the listings started again after a reconnect lost
	// the last one's place (at most maxRelists per open directory).
	relists int
	// plus counts the READDIRPLUS entries answered with an inode (at
	// most maxPlusInodes per open directory).
	plus int
	// all gathers the listing for lookups (nil once it cannot: a
	// listing started again past its start, more than maxListed
	// entries); made and stamp as for keepListing.
	all   []client.DirEntry
	made  time.Time
	stamp listStamp
	// unhold lets go of the session of a multiuser mount's user, which
	// the open directory holds (FS.hold); set at open, called at release.
	unhold func()
	// read is every entry read so far from the start of the listing,
	// while there are at most maxListed (nil otherwise): all, and what
	// it was when the listing ended and went to the directory cache.
	// Seeks to an offset in it need no new listing.
	read []client.DirEntry
}

// dirLister reads a directory listing in batches: a *client.File, or a
// stand-in in unit tests (FS.testLister).
type dirLister interface {
	ReadDirBatch(ctx context.Context, restart bool, bufLen uint32) ([]client.DirEntry, error)
	Close(ctx context.Context) (*closeResponse, error)
}

var _ dirLister = (*client.File)(nil)

// openLister opens directory p to list it in batches.
func (fsys *FS) openLister(ctx context.Context, p string) (dirLister, error) {
	if fsys.testLister != nil {
		return fsys.testLister(p), nil
	}
	var f *client.File
	err := fsys.onTree(ctx, p, func(t *client.Tree, name string) error {
		var err error
		f, err = t.Open(ctx, name, fsys.posixOpen(listOpen))
		return err
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

// maxRelists bounds how often one open directory lists again from the
// start after reconnects lost its place.
const maxRelists = 3

// dirBatch is the QUERY_DIRECTORY buffer of a window after the first: at
// least 64 KiB, the least a server must accept, and the most one window
// holds (some 600 entries of 104 bytes and a short name).
const dirBatch = 64 << 10

var _ = (gofs.NodeOpendirHandler)((*Node)(nil))

// OpendirHandle checks the directory can be listed now; the listing itself
// waits for the first read.
func (n *Node) OpendirHandle(ctx context.Context, flags uint32) (gofs.FileHandle, uint32, syscall.Errno) {
	return &dirHandle{node: n, unhold: n.fsys.hold(ctx)}, 0, 0
}

// start begins the listing: the whole of a small directory in one
// compound, else the first window on a handle kept open.
func (d *dirHandle) start(ctx context.Context) syscall.Errno {
	d.stamp, d.made = d.node.listStamp(), time.Now()
	d.base, d.done, d.window = 0, false, nil
	gather := d.pos == 0
	p, errno := d.node.path()
	if errno != 0 {
		return errno
	}
	if ents, made, ok := d.node.leasedList(ctx); ok {
		// Read under a lease, or held under one (dirlease.go), and
		// kept for lookups there.
		d.window, d.done, d.started, d.made = ents, true, true, made
		if gather {
			d.read = ents
		}
		return 0
	}
	if d.node.fsys.testLister == nil {
		if ents, ok := d.node.quickList(ctx, p); ok {
			d.window, d.done, d.started = ents, true, true
			if gather {
				d.read = ents
				// The listing answers lookups too while it is
				// recent (dircache.go).
				d.node.keepListing(ents, d.made, d.stamp)
			}
			return 0
		}
	}
	f, err := d.node.fsys.openLister(ctx, p)
	if err != nil {
		return ToErrno(err)
	}
	d.f = f
	ents, err := f.ReadDirBatch(ctx, true, dirBatch)
	if err != nil {
		d.closeHandle()
		return ToErrno(err)
	}
	d.window, d.done, d.started = ents, len(ents) == 0, true
	d.all = nil
	if gather {
		d.all = append(make([]client.DirEntry, 0, len(ents)), ents...)
	}
	d.read = d.all
	if d.done {
		d.ended()
	}
	return 0
}

// next reads the window after the current one.
func (d *dirHandle) next(ctx context.Context) syscall.Errno {
	ents, err := d.f.ReadDirBatch(ctx, false, dirBatch)
	if (errors.Is(err, client.ErrListingLost) || errors.Is(err, client.ErrHandleLost)) && d.relists < maxRelists {
		// A reconnect lost the handle or its place: again from
		// the start, skipping to where we are.
		d.relists++
		d.reset()
		return d.start(ctx)
	}
	if err != nil {
		return ToErrno(err)
	}
	d.base += len(d.window)
	d.window = ents
	if len(ents) == 0 {
		d.done = true
		d.ended()
		return 0
	}
	if d.all != nil {
		if len(d.all)+len(ents) > maxListed {
			d.all = nil // too many to keep for lookups
		} else {
			d.all = append(d.all, ents...)
		}
		d.read = d.all
	}
	return 0
}

// ended closes the handle of a listing read to its end and keeps what it
// gathered for lookups.
func (d *dirHandle) ended() {
	d.closeHandle()
	if d.all != nil {
		d.node.keepListing(d.all, d.made, d.stamp)
		d.all = nil
	}
}

// closeHandle closes the handle of a long listing, if one is open.
func (d *dirHandle) closeHandle() {
	if d.f == nil {
		return
	}
	cctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	d.f.Close(cctx)
	cancel()
	d.f = nil
}

// reset drops the listing (the next read starts it again); pos stays.
func (d *dirHandle) reset() {
	d.closeHandle()
	d.started, d.done, d.window, d.base, d.all, d.read = false, false, nil, 0, nil, nil
}

var _ = (gofs.FileReaddirenter)((*dirHandle)(nil))

// Readdirent returns the next entry; "." and ".." come from the server's
// listing like every other name.
func (d *dirHandle) Readdirent(ctx context.Context) (*fuse.DirEntry, syscall.Errno) {
	ctx = settled(ctx)
	for {
		if !d.started {
			if errno := d.start(ctx); errno != 0 {
				return nil, errno
			}
		}
		for d.pos >= d.base+len(d.window) {
			if d.done {
				return nil, 0
			}
			if errno := d.next(ctx); errno != 0 {
				return nil, errno
			}
		}
		if d.pos < d.base {
			d.reset() // cannot happen: windows only move on
			continue
		}
		e := &d.window[d.pos-d.base]
		d.pos++
		if checkName(e.Name) != 0 && e.Name != "." && e.Name != ".." {
			continue // a name we could not address again
		}
		if d.node.fsys.isHidden(e.Name) {
			continue // an open file unlinked or replaced (silly.go)
		}
		d.last = e
		a := entryAttrs(e)
		mode := typeMode(a)
		var ino uint64
		switch e.Name {
		case ".":
			ino = d.node.StableAttr().Ino
			d.node.seenDir(a) // what links to it are checked against (ino.go)
		case "..":
			if _, parent := d.node.Parent(); parent != nil {
				ino = parent.StableAttr().Ino
			} else {
				ino = usableIno(e.FileID)
			}
		default:
			ino = d.node.direntIno(e)
			if a.isDir() && ino == 0 {
				mode = 0 // a directory or a link to one (ino.go)
			}
		}
		if maybeSymlink(a) {
			mode = 0 // unknown until read: a symlink file or not
		}
		return &fuse.DirEntry{Name: e.Name, Mode: mode, Ino: ino, Off: uint64(d.pos)}, 0
	}
}

var _ = (gofs.FileSeekdirer)((*dirHandle)(nil))

// Seekdir moves to the entry after offset off (offsets count the listing's
// entries): within the window, after it, or within the entries read so far
// it stays in this listing, elsewhere it lists again from the start and
// skips to off; 0 rewinds and lists anew.
func (d *dirHandle) Seekdir(ctx context.Context, off uint64) syscall.Errno {
	if off > math.MaxInt32 {
		return syscall.EINVAL
	}
	o := int(off)
	switch {
	case off == 0 || !d.started:
		d.reset()
	case o >= d.base:
		// In the window, or after it: Readdirent reads on to it.
	case d.read != nil && o <= len(d.read):
		// Read already: the window becomes the entries read, which
		// end where the server's listing stands (next goes on
		// after them).
		d.window, d.base = d.read, 0
	default:
		d.reset()
	}
	d.pos = o
	return 0
}

// maxPlusInodes is how many entries of one open directory READDIRPLUS
// answers with an inode: go-fuse keeps a node (memoryPerInode) for each
// until the kernel forgets it, which it does only under memory pressure.
// It is maxListed, the largest listing kept for lookups: beyond it a
// lookup asks the server anyway.
const maxPlusInodes = maxListed

var _ = (gofs.FileLookuper)((*dirHandle)(nil))

// Lookup answers READDIRPLUS for the entry Readdirent just returned from
// the listing's attributes. After maxPlusInodes entries of this open
// directory it answers ENOMEM: go-fuse then sends the entry with node id
// 0, which the kernel takes as a plain entry, looked up when it is used
// (fuse_direntplus_link in the kernel's fs/fuse/readdir.c: a zero node id
// means the file system gave no attributes, not that the name is absent).
func (d *dirHandle) Lookup(ctx context.Context, name string, out *fuse.EntryOut) (*gofs.Inode, syscall.Errno) {
	ctx = settled(ctx)
	if d.plus >= maxPlusInodes {
		return nil, syscall.ENOMEM
	}
	d.plus++
	e := d.last
	if e == nil || e.Name != name {
		// go-fuse answers a read at an offset it sent last time
		// (the kernel consumed part of it: seekdir to a telldir)
		// from what it kept, without Readdirent: the entry is one
		// read before.
		e = d.entry(name)
	}
	if e == nil || maybeSymlink(entryAttrs(e)) {
		return d.node.Lookup(ctx, name, out)
	}
	if ch := d.node.GetChild(name); ch != nil {
		if st := ch.StableAttr(); st.Ino == usableIno(e.FileID) && st.Ino != 0 {
			d.node.fsys.fill(&out.Attr, entryAttrs(e))
			return ch, 0
		}
	}
	return d.node.newChild(ctx, name, e.FileID, entryAttrs(e), out), 0
}

// entry returns the entry called name in the window or in the entries
// read so far, or nil.
func (d *dirHandle) entry(name string) *client.DirEntry {
	for _, l := range [][]client.DirEntry{d.window, d.read} {
		for i := range l {
			if l[i].Name == name {
				return &l[i]
			}
		}
	}
	return nil
}

var _ = (gofs.FileReleasedirer)((*dirHandle)(nil))

// Releasedir drops the listing and closes the handle of a long one.
func (d *dirHandle) Releasedir(ctx context.Context, releaseFlags uint32) {
	d.reset()
	if d.unhold != nil {
		d.unhold()
	}
}

var _ = (gofs.FileFsyncdirer)((*dirHandle)(nil))

// Fsyncdir has nothing to do: every create, rename and remove was answered
// by the server before it returned.
func (d *dirHandle) Fsyncdir(ctx context.Context, flags uint32) syscall.Errno { return 0 }
