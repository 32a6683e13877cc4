package fs

// Inode numbers that cannot form cycles.
//
// A file's inode number is the server's FileId, so hard links show one
// inode. A directory's FileId cannot be trusted that far: Samba follows
// symbolic links on its own disk and lists `loopd/self -> .` as a
// directory with loopd's FileId, and a share holding a second file system
// (a bind mount, a junction, or a hostile server) repeats FileIds. Handed
// to go-fuse as they are, the repeated number re-parents an inode under
// itself, and the walk up to the root (Node.path) never ends. So a
// directory child gets its inode as follows (newChild):
//
//	FileId of an ancestor k levels up (the parent is k=0),
//	and the same creation, write and change times and attributes
//	(checked again against a fresh stat when they differ)
//	    ─► a server-followed link to that ancestor: a symbolic link
//	       whose target is ".", "..", "../..", ...; inode number ours
//	FileId of an ancestor, other times (a repeated FileId)
//	    ─► a directory with an inode number of ours
//	FileId already the number of another live directory inode that is
//	not this name of this parent (`sib -> ../other`, or a repeat)
//	    ─► a directory with an inode number of ours
//	otherwise ─► the FileId
//
// Our numbers count down from ownInoTop: below Samba's birth-time FileIds
// (which have the top bit set), above any inode number a Linux file system
// hands out, and apart from go-fuse's own numbers (from 2^63 up). Every
// directory inode also has a generation of its own, so go-fuse never
// merges two directory nodes that show one number: a directory inode has
// one parent, the kernel sees a tree, and find, du, ls -R, tar and rsync,
// which do not follow symbolic links, terminate. Files keep the FileId
// whatever it is (a file has no children: sharing its inode is a hard
// link, never a cycle).

import (
	"context"
	"sync"
	"syscall"

	gofs "github.com/hanwen/go-fuse/v2/fs"
	"github.com/hanwen/go-fuse/v2/fuse"

	"github.com/smb3fs/smb3fs/client"
)

// ownInoTop is the first inode number of our own; they count down.
const ownInoTop = 1<<63 - 1

// maxPathUnits bounds a path walk up the inode tree: the longest path SMB
// carries, in UTF-16 code units ([MS-SMB2] 2.2.13: NameLength is 16 bits
// of bytes). A longer walk is ENAMETOOLONG, so a cycle in the tree (which
// newChild prevents) would still end.
const maxPathUnits = 32767

// inodes is the inode bookkeeping of one mount.
type inodes struct {
	mu sync.Mutex
	// dirs maps the inode number of each live directory node to it,
	// guarded by mu; an entry goes when its node is forgotten.
	dirs map[uint64]*Node
	// next is the next number of our own (counting down), gen the last
	// generation handed to a directory; guarded by mu.
	next, gen uint64
	// rootID is the root's FileId, once asked for (rootKnown), guarded
	// by mu.
	rootID    uint64
	rootKnown bool
	// testStat stands in for the server in unit tests; set before use.
	testStat func(p string) (uint64, attrs, error)
}

// own returns a new inode number of our own. Caller holds mu.
func (t *inodes) own() uint64 {
	if t.next == 0 {
		t.next = ownInoTop
	}
	ino := t.next
	t.next--
	return ino
}

// forget drops n from the live directories.
func (t *inodes) forget(n *Node) {
	ino := n.StableAttr().Ino
	t.mu.Lock()
	if t.dirs[ino] == n {
		delete(t.dirs, ino)
	}
	t.mu.Unlock()
}

// sameDirAttrs reports whether a and b look like one directory: the same
// creation, write and change times and attributes.
func sameDirAttrs(a, b attrs) bool {
	return a.ctime == b.ctime && a.mtime == b.mtime && a.chtime == b.chtime && a.attr == b.attr
}

// loopTarget is the relative path up k+1 levels from a child of the
// parent: "." for the parent itself (k=0), "..", "../..", ...
func loopTarget(k int) string {
	if k == 0 {
		return "."
	}
	b := make([]byte, 0, 3*k)
	for i := 0; i < k; i++ {
		if i > 0 {
			b = append(b, '/')
		}
		b = append(b, '.', '.')
	}
	return string(b)
}

// rootFileID returns the FileId of the share's root, asking the server
// once; 0 if it cannot be had.
func (fsys *FS) rootFileID(ctx context.Context) uint64 {
	t := &fsys.inos
	t.mu.Lock()
	if t.rootKnown {
		defer t.mu.Unlock()
		return t.rootID
	}
	t.mu.Unlock()
	res, err := fsys.do(ctx, fsys.opts.Prefix, client.OpenOptions{DiskID: true})
	if err != nil {
		return 0
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.rootID, t.rootKnown = usableIno(res.DiskID()), true
	return t.rootID
}

// ancestorWithID returns the nearest of n and its ancestors whose FileId
// is id, and how many levels above n it is; nil if none. The walk stops
// at the root, or after maxPathUnits levels.
func (n *Node) ancestorWithID(ctx context.Context, id uint64) (*Node, int) {
	p := n
	for k := 0; k <= maxPathUnits; k++ {
		fid := p.fileID
		if p.IsRoot() {
			fid = n.fsys.rootFileID(ctx)
		}
		if fid == id {
			return p, k
		}
		if p.IsRoot() {
			return nil, 0
		}
		_, parent := p.Parent()
		pn, ok := nodeOf(parent)
		if !ok {
			return nil, 0
		}
		p = pn
	}
	return nil, 0
}

// dirAttrsOf returns the attributes last seen for directory n.
func (n *Node) dirAttrsOf() attrs {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.dirAttrs
}

// seenDir notes a as directory n's attributes.
func (n *Node) seenDir(a attrs) {
	n.mu.Lock()
	n.dirAttrs = a
	n.mu.Unlock()
}

// isLinkTo reports whether the directory child name of n, listed with
// FileId id and attributes a, is anc itself reached through a link the
// server followed: same attributes as last seen for anc, or, failing that,
// as a fresh stat of both finds them.
func (n *Node) isLinkTo(ctx context.Context, anc *Node, name string, id uint64, a attrs) bool {
	if !anc.IsRoot() && sameDirAttrs(anc.dirAttrsOf(), a) {
		return true
	}
	ap, errno := anc.path()
	if errno != 0 {
		return false
	}
	cp, errno := n.childPath(name)
	if errno != 0 {
		return false
	}
	aid, fa, err := n.fsys.statDir(ctx, ap)
	if err != nil {
		return false
	}
	cid, fc, err := n.fsys.statDir(ctx, cp)
	if err != nil {
		return false
	}
	if !anc.IsRoot() {
		anc.seenDir(fa)
	}
	return aid == id && cid == id && sameDirAttrs(fa, fc)
}

// statDir returns the FileId and attributes of path p (through
// inos.testStat in unit tests, which have no server).
func (fsys *FS) statDir(ctx context.Context, p string) (uint64, attrs, error) {
	if fsys.inos.testStat != nil {
		return fsys.inos.testStat(p)
	}
	res, err := fsys.do(ctx, p, client.OpenOptions{DiskID: true})
	if err != nil {
		return 0, attrs{}, err
	}
	return usableIno(res.DiskID()), resAttrs(res), nil
}

// newChild returns the inode for name in n, with FileId id and attributes
// a, reusing the existing one when the kernel already knows the file; a
// directory's number is chosen as the file comment says.
func (n *Node) newChild(ctx context.Context, name string, id uint64, a attrs, out *fuse.EntryOut) *gofs.Inode {
	if !a.isDir() || a.link {
		n.fsys.fill(&out.Attr, a)
		return n.NewInode(ctx, &Node{fsys: n.fsys, fileID: usableIno(id)}, gofs.StableAttr{Mode: typeMode(a), Ino: usableIno(id)})
	}
	id = usableIno(id)
	repeated := false
	if id != 0 {
		if anc, k := n.ancestorWithID(ctx, id); anc != nil {
			if n.isLinkTo(ctx, anc, name, id, a) {
				return n.loopChild(ctx, name, id, loopTarget(k), a, out)
			}
			repeated = true
		}
	}
	n.fsys.fill(&out.Attr, a)
	if ch, ok := nodeOf(n.GetChild(name)); ok && ch.IsDir() && ch.loop == "" && ch.fileID == id && id != 0 {
		ch.seenDir(a)
		return ch.EmbeddedInode()
	}
	t := &n.fsys.inos
	t.mu.Lock()
	ino := id
	if other := t.dirs[id]; repeated || id == 0 || other != nil {
		if other != nil && !repeated && other.pendingAt(n, name) {
			// The same name looked up again before go-fuse placed
			// the first answer: the same inode.
			t.mu.Unlock()
			other.seenDir(a)
			return other.EmbeddedInode()
		}
		ino = t.own()
	}
	t.gen++
	ch := &Node{fsys: n.fsys, fileID: id, dirAttrs: a, wantParent: n, wantName: name}
	if t.dirs == nil {
		t.dirs = map[uint64]*Node{}
	}
	t.dirs[ino] = ch
	gen := t.gen
	t.mu.Unlock()
	return n.NewInode(ctx, ch, gofs.StableAttr{Mode: syscall.S_IFDIR, Ino: ino, Gen: gen})
}

// pendingAt reports whether directory node d is name in n: its parent now,
// or, before go-fuse has placed it, the one it was made for.
func (d *Node) pendingAt(n *Node, name string) bool {
	pname, parent := d.Parent()
	if parent == nil {
		return d.wantParent == n && d.wantName == name
	}
	return parent == n.EmbeddedInode() && pname == name
}

// loopChild returns the symbolic link shown for a directory the server
// reached through a link to an ancestor: target is the relative path to
// it.
func (n *Node) loopChild(ctx context.Context, name string, id uint64, target string, a attrs, out *fuse.EntryOut) *gofs.Inode {
	a.link, a.target = true, target
	n.fsys.fill(&out.Attr, a)
	if ch, ok := nodeOf(n.GetChild(name)); ok && ch.loop == target && ch.fileID == id {
		return ch.EmbeddedInode()
	}
	t := &n.fsys.inos
	t.mu.Lock()
	ino := t.own()
	t.mu.Unlock()
	return n.NewInode(ctx, &Node{fsys: n.fsys, fileID: id, loop: target}, gofs.StableAttr{Mode: syscall.S_IFLNK, Ino: ino})
}

// direntIno is the inode number Readdirent gives for entry e of directory
// n: the FileId, or 0 (shown as unknown) for a directory whose number
// lookup chooses (an ancestor's FileId, or one another live directory
// shows), whether or not it was looked up yet, so that every listing says
// the same.
func (n *Node) direntIno(e *client.DirEntry) uint64 {
	id := usableIno(e.FileID)
	if id == 0 || !isDirAttr(e.FileAttributes) {
		return id
	}
	if n.hasAncestorID(id) {
		return 0
	}
	t := &n.fsys.inos
	t.mu.Lock()
	other := t.dirs[id]
	t.mu.Unlock()
	if other != nil && !other.pendingAt(n, e.Name) {
		return 0
	}
	return id
}

// hasAncestorID reports whether n or an ancestor has FileId id, as far as
// known without asking the server (the root's FileId once asked).
func (n *Node) hasAncestorID(id uint64) bool {
	p := n
	for k := 0; k <= maxPathUnits; k++ {
		fid := p.fileID
		if p.IsRoot() {
			t := &n.fsys.inos
			t.mu.Lock()
			fid = t.rootID
			t.mu.Unlock()
		}
		if fid == id {
			return true
		}
		_, parent := p.Parent()
		pn, ok := nodeOf(parent)
		if !ok || p.IsRoot() {
			return false
		}
		p = pn
	}
	return false
}

// loopGetattr answers stat of a link to an ancestor: the directory's
// times, as a symbolic link.
func (n *Node) loopGetattr(ctx context.Context, out *fuse.AttrOut) syscall.Errno {
	p, errno := n.path()
	if errno != 0 {
		return errno
	}
	res, err := n.fsys.do(ctx, p, client.OpenOptions{DiskID: true})
	if err != nil {
		return ToErrno(err)
	}
	a := resAttrs(res)
	a.link, a.target = true, n.loop
	n.fsys.fill(&out.Attr, a)
	return 0
}
