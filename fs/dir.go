package fs

import (
	"context"
	"syscall"
	"time"

	gofs "github.com/hanwen/go-fuse/v2/fs"
	"github.com/hanwen/go-fuse/v2/fuse"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
)

// dirHandle is an open directory. The listing is read from the server
// (FileIdBothDirectoryInformation: names, file ids and attributes) the
// first time the kernel reads, and again after a rewind; READDIRPLUS
// answers each entry's lookup from the listing, without a round trip.
type dirHandle struct {
	node *Node
	// Fields below are guarded by go-fuse, which serializes the calls on
	// one directory handle.
	loaded  bool
	entries []wire.DirEntry
	pos     int // index of the next entry to return
	last    *wire.DirEntry
}

var _ = (gofs.NodeOpendirHandler)((*Node)(nil))

// OpendirHandle checks the directory can be listed now; the listing itself
// waits for the first read.
func (n *Node) OpendirHandle(ctx context.Context, flags uint32) (gofs.FileHandle, uint32, syscall.Errno) {
	return &dirHandle{node: n}, 0, 0
}

// load lists the directory (listDir: one CREATE+QUERY_DIRECTORY+CLOSE
// compound for a small directory, else open, QUERY_DIRECTORY until no more
// files, close).
func (d *dirHandle) load(ctx context.Context) syscall.Errno {
	stamp, made := d.node.listStamp(), time.Now()
	ents, errno := d.node.listDir(ctx)
	if errno != 0 {
		return errno
	}
	// The listing answers lookups too while it is recent (dircache.go).
	d.node.keepListing(ents, made, stamp)
	d.entries = ents
	d.loaded = true
	d.pos = 0
	return 0
}

var _ = (gofs.FileReaddirenter)((*dirHandle)(nil))

// Readdirent returns the next entry; "." and ".." come from the server's
// listing like every other name.
func (d *dirHandle) Readdirent(ctx context.Context) (*fuse.DirEntry, syscall.Errno) {
	ctx = settled(ctx)
	if !d.loaded {
		if errno := d.load(ctx); errno != 0 {
			return nil, errno
		}
	}
	for d.pos < len(d.entries) {
		e := &d.entries[d.pos]
		d.pos++
		if checkName(e.Name) != 0 && e.Name != "." && e.Name != ".." {
			continue // a name we could not address again
		}
		if isHidden(e.Name) {
			continue // an open file unlinked or replaced (silly.go)
		}
		d.last = e
		a := attrsOfEntry(e)
		ino := usableIno(e.FileID)
		if e.Name == "." {
			ino = d.node.StableAttr().Ino
		}
		mode := typeMode(a)
		if maybeSymlink(a) {
			mode = 0 // unknown until read: a symlink file or not
		}
		return &fuse.DirEntry{Name: e.Name, Mode: mode, Ino: ino, Off: uint64(d.pos)}, 0
	}
	return nil, 0
}

var _ = (gofs.FileSeekdirer)((*dirHandle)(nil))

// Seekdir moves to the entry after offset off (offsets are positions in the
// listing); 0 rewinds and lists anew.
func (d *dirHandle) Seekdir(ctx context.Context, off uint64) syscall.Errno {
	if off == 0 {
		d.loaded = false
		d.entries = nil
		d.pos = 0
		return 0
	}
	if off > uint64(len(d.entries)) {
		return syscall.EINVAL
	}
	d.pos = int(off)
	return 0
}

var _ = (gofs.FileLookuper)((*dirHandle)(nil))

// Lookup answers READDIRPLUS for the entry Readdirent just returned from
// the listing's attributes.
func (d *dirHandle) Lookup(ctx context.Context, name string, out *fuse.EntryOut) (*gofs.Inode, syscall.Errno) {
	ctx = settled(ctx)
	e := d.last
	if e == nil || e.Name != name || maybeSymlink(attrsOfEntry(e)) {
		return d.node.Lookup(ctx, name, out)
	}
	if ch := d.node.GetChild(name); ch != nil {
		if st := ch.StableAttr(); st.Ino == usableIno(e.FileID) && st.Ino != 0 {
			d.node.fsys.fill(&out.Attr, attrsOfEntry(e))
			return ch, 0
		}
	}
	return d.node.newChild(ctx, e.FileID, attrsOfEntry(e), out), 0
}

var _ = (gofs.FileReleasedirer)((*dirHandle)(nil))

// Releasedir drops the listing; no SMB handle stays open between reads.
func (d *dirHandle) Releasedir(ctx context.Context, releaseFlags uint32) {
	d.entries = nil
}

// compile-time check that client.File has the ReadDir the handle uses.
var _ = (*client.File).ReadDir

var _ = (gofs.FileFsyncdirer)((*dirHandle)(nil))

// Fsyncdir has nothing to do: every create, rename and remove was answered
// by the server before it returned.
func (d *dirHandle) Fsyncdir(ctx context.Context, flags uint32) syscall.Errno { return 0 }
