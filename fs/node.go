package fs

import (
	"context"
	"errors"
	"math"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	gofs "github.com/hanwen/go-fuse/v2/fs"
	"github.com/hanwen/go-fuse/v2/fuse"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
)

// Options are the presentation choices of a mount: who owns the files,
// which permission bits they show, and how long the kernel may cache names
// and attributes (see the package comment).
type Options struct {
	// UID and GID own every file; when both are zero, the mounting user.
	UID, GID uint32
	// FileMode and DirMode are the permission bits of files and
	// directories (default 0644 and 0755). A file with the DOS read-only
	// attribute shows them without write bits.
	FileMode, DirMode os.FileMode
	// ReadOnly mounts read-only: the kernel refuses writes with EROFS.
	ReadOnly bool
	// Timeout is the entry and attribute timeout (default 1 s; 0 with
	// NoCache).
	Timeout time.Duration
	// NoCache sets the entry and attribute timeouts to zero.
	NoCache bool
	// FsName is shown as the mount's source (//server/share).
	FsName string
	// Debug logs every FUSE request.
	Debug bool
	// Kernel lists mount flags for the kernel to enforce: noexec, nosuid,
	// nodev (the mount is always nosuid and nodev).
	Kernel []string
	// LocalLocks keeps fcntl and flock locks in this machine's kernel
	// (mount option nobrl, as cifs calls it): they no longer reach the
	// server, so other clients do not see them, but programs that mmap a
	// file another process has locked (SQLite in WAL mode) work. By
	// default locks are SMB byte-range locks (lock.go).
	LocalLocks bool
	// AllowOther lets every local user use the mount (mount option
	// allow_other; for a user other than root fusermount3 allows it only
	// with user_allow_other in /etc/fuse.conf). The kernel then checks
	// the mode bits and owner shown (default_permissions) before a
	// request reaches the server, as cifs does: every request still runs
	// as the mounting user's SMB identity. Without it only the mounting
	// user may enter the mount, not even root.
	AllowOther bool
	// CachedReads reads files opened read-only through the kernel's page
	// cache, as files opened for writing are (mount option cachedreads).
	// By default they bypass it, with read-ahead of the mount's own
	// (prefetch.go): twice as fast for reads of 128 KiB and more (cp,
	// cat, dd), half as fast for reads of under 32 KiB (tar's 10 KiB
	// records), on the test VM.
	CachedReads bool
}

// FS is the state one mount shares among its nodes: the tree, the
// presentation options (both read-only after NewRoot) and which files the
// mount holds open (silly.go).
type FS struct {
	tree *client.Tree
	opts Options
	open openFiles
	// dc holds directory listings that answer lookups (dircache.go).
	dc dirCache
	// inos chooses directories' inode numbers (ino.go).
	inos inodes
	// testLister, set in unit tests only, lists directories instead of
	// the server (dir.go).
	testLister func(p string) dirLister
	// hidden holds the names this mount gave files it renamed away
	// while open (silly.go).
	hidden hiddenNames
	// park holds the released write handles kept open for a moment
	// (park.go).
	park parking
	// directRead is set once the kernel has agreed to direct I/O on files
	// that stay mappable (FUSE_DIRECT_IO_ALLOW_MMAP): read-only opens then
	// bypass its page cache (prefetch.go).
	directRead atomic.Bool
}

// Node is a file or directory of the share. It holds no path or attributes
// of its own: the path comes from the inode tree (go-fuse keeps it current
// across renames), the attributes from the server on each request the
// kernel does not answer from its cache.
type Node struct {
	gofs.Inode
	fsys *FS

	mu sync.Mutex
	// open holds the handles open on this file, guarded by mu. Setattr
	// without a handle uses one with write access: on SMB a handle that
	// wrote sets the modification time when it closes, unless the time
	// was set on that same handle, and the kernel closes handles
	// asynchronously (after utimensat(2) returned). Getattr uses any:
	// it works after the name is gone.
	open map[*handle]struct{}

	// known are the attributes the server last reported for this file
	// (known.go); they have a lock of their own.
	known knownAttrs

	// fileID is the server's FileId (0 if unknown), which for a
	// directory may differ from the inode number (ino.go); loop, when
	// set, makes the node a symbolic link to an ancestor with that
	// relative target (ino.go). Both are set before the node is added
	// and never change.
	fileID uint64
	loop   string
	// wantParent and wantName are where a directory node was made for,
	// until go-fuse places it (ino.go); set before the node is added.
	wantParent *Node
	wantName   string
	// dirAttrs are a directory's attributes as last seen, guarded by mu
	// (ino.go).
	dirAttrs attrs
	// hiddenAs are the hidden names this file was renamed to while open
	// here, guarded by mu (silly.go).
	hiddenAs []string
}

// openHandle returns an open handle (with write access if write), or nil.
func (n *Node) openHandle(write bool) *handle {
	n.mu.Lock()
	defer n.mu.Unlock()
	for h := range n.open {
		if !h.closing && !h.parked.Load() && (h.write || !write) {
			return h
		}
	}
	return nil
}

// waitClosing waits until the handles being closed on n are closed.
func (n *Node) waitClosing(ctx context.Context) {
	var chans []chan struct{}
	n.mu.Lock()
	for h := range n.open {
		if h.closing {
			chans = append(chans, h.closed)
		}
	}
	n.mu.Unlock()
	for _, c := range chans {
		select {
		case <-c:
		case <-ctx.Done():
			return
		}
	}
}

// startClose marks h as closing: no new operation picks it.
func (n *Node) startClose(h *handle) {
	n.mu.Lock()
	h.closing = true
	n.mu.Unlock()
}

// track registers h as open on n.
func (n *Node) track(h *handle) *handle {
	h.node = n
	n.fsys.open.add(h)
	n.mu.Lock()
	if n.open == nil {
		n.open = map[*handle]struct{}{}
	}
	n.open[h] = struct{}{}
	n.mu.Unlock()
	return h
}

func (n *Node) untrack(h *handle) {
	n.mu.Lock()
	delete(n.open, h)
	var gone []string
	if len(n.open) == 0 {
		// The server deletes the file at its last close: its hidden
		// names are free (silly.go).
		gone, n.hiddenAs = n.hiddenAs, nil
	}
	n.mu.Unlock()
	n.fsys.hidden.remove(gone)
	n.fsys.open.remove(h)
}

// NewRoot returns the root node for tree.
func NewRoot(tree *client.Tree, opts Options) *Node {
	if opts.UID == 0 && opts.GID == 0 {
		opts.UID, opts.GID = uint32(os.Getuid()), uint32(os.Getgid())
	}
	if opts.FileMode == 0 {
		opts.FileMode = 0644
	}
	if opts.DirMode == 0 {
		opts.DirMode = 0755
	}
	if opts.Timeout == 0 && !opts.NoCache {
		opts.Timeout = time.Second
	}
	return &Node{fsys: &FS{tree: tree, opts: opts}}
}

// MountOptions returns the go-fuse options that implement opts.
func (r *Node) MountOptions() *gofs.Options {
	o := r.fsys.opts
	t := o.Timeout
	if o.NoCache {
		t = 0
	}
	// A name the server does not have is remembered as long as one it
	// has: rsync looks each name up two or three times before creating
	// it (see the package comment).
	neg := t
	fo := &gofs.Options{
		EntryTimeout:    &t,
		AttrTimeout:     &t,
		NegativeTimeout: &neg,
		MountOptions: fuse.MountOptions{
			FsName:   o.FsName,
			Name:     "smb3fs",
			MaxWrite: 1 << 20,
			Debug:    o.Debug,
			// fcntl and flock locks come to us (lock.go) unless they
			// are to stay local (nobrl).
			EnableLocks: !o.LocalLocks,
			// Read-only files bypass the page cache and stay mappable
			// (prefetch.go), where the kernel has it (Linux 6.6).
			ExtraCapabilities: fuse.CAP_DIRECT_IO_ALLOW_MMAP,
		},
		UID: o.UID,
		GID: o.GID,
	}
	fo.MountOptions.Options = append(fo.MountOptions.Options, "nosuid", "nodev")
	for _, k := range o.Kernel {
		switch k {
		case "noexec", "nosuid", "nodev":
			fo.MountOptions.Options = append(fo.MountOptions.Options, k)
		}
	}
	if o.ReadOnly {
		fo.MountOptions.Options = append(fo.MountOptions.Options, "ro")
	}
	if o.AllowOther {
		fo.MountOptions.AllowOther = true
		fo.MountOptions.Options = append(fo.MountOptions.Options, "default_permissions")
	}
	return fo
}

// Mount mounts the share at dir and returns the serving FUSE server; the
// caller waits on it (Wait) and unmounts it (Unmount). Run as root, it
// also raises the mount's read-ahead window to readAheadKB (see the
// package comment); elsewhere the kernel's 128 KiB stays.
func Mount(dir string, tree *client.Tree, opts Options) (*fuse.Server, error) {
	root := NewRoot(tree, opts)
	srv, err := gofs.Mount(dir, root, root.MountOptions())
	if err != nil {
		return nil, err
	}
	if ks := srv.KernelSettings(); ks != nil && ks.Flags64()&fuse.CAP_DIRECT_IO_ALLOW_MMAP != 0 {
		root.fsys.directRead.Store(true)
	}
	// After INIT (WaitMount has answered a LOOKUP), which would lower it
	// again. Best effort: an unprivileged mount may not write sysfs, and
	// a smaller window only costs speed.
	_ = raiseReadAhead(dir, readAheadKB)
	return srv, nil
}

// errStale: the node is no longer reachable from the root (it was removed).
var errStale = errors.New("smb3fs: node no longer in the tree")

// checkName refuses names SMB cannot carry as one path component: a
// backslash would be a separator and a colon names an alternate data
// stream; both would reach another file than the one asked for. It also
// filters what a server lists: no empty names, slashes or NULs.
func checkName(name string) syscall.Errno {
	if name == "" || strings.ContainsAny(name, "\\:/\x00") {
		return syscall.EINVAL
	}
	if wire.UTF16Len(name) > 2*client.MaxNameUnits {
		return syscall.ENAMETOOLONG
	}
	return 0
}

// path returns the node's share-relative path with backslashes ("" for
// the root). A path longer than SMB carries (maxPathUnits) is
// ENAMETOOLONG: the walk ends even if the tree had a cycle.
func (n *Node) path() (string, syscall.Errno) {
	var segs []string
	var p *gofs.Inode = n.EmbeddedInode()
	root := p.Root()
	units := 0
	for p != root {
		name, parent := p.Parent()
		if parent == nil {
			return "", ToErrno(errStale)
		}
		if units += wire.UTF16Len(name)/2 + 1; units > maxPathUnits+1 {
			return "", syscall.ENAMETOOLONG
		}
		segs = append(segs, name)
		p = parent
	}
	for i, j := 0, len(segs)-1; i < j; i, j = i+1, j-1 {
		segs[i], segs[j] = segs[j], segs[i]
	}
	return strings.Join(segs, `\`), 0
}

// childPath returns the path of name in directory n.
func (n *Node) childPath(name string) (string, syscall.Errno) {
	if errno := checkName(name); errno != 0 {
		return "", errno
	}
	p, errno := n.path()
	if errno != 0 {
		return "", errno
	}
	if p == "" {
		return name, 0
	}
	return p + `\` + name, 0
}

// attrs are the file facts SMB returns in CREATE, CLOSE, directory entries
// and FileNetworkOpenInformation.
type attrs struct {
	ctime, atime, mtime, chtime uint64 // FILETIMEs
	size, alloc                 uint64
	attr                        uint32
	// nlink is the link count, 0 when unknown (shown as 1) and for a
	// file whose deletion is pending; deleted marks the latter.
	nlink   uint32
	deleted bool
	// link: the file is a symlink file (symlink.go) pointing to target.
	link   bool
	target string
}

func attrsOfClose(c *wire.CloseResponse) attrs {
	return attrs{ctime: c.CreationTime, atime: c.LastAccessTime, mtime: c.LastWriteTime, chtime: c.ChangeTime, size: c.EndOfFile, alloc: c.AllocationSize, attr: c.FileAttributes}
}

func attrsOfCreate(c *wire.CreateResponse) attrs {
	return attrs{ctime: c.CreationTime, atime: c.LastAccessTime, mtime: c.LastWriteTime, chtime: c.ChangeTime, size: c.EndOfFile, alloc: c.AllocationSize, attr: c.FileAttributes}
}

func attrsOfEntry(e *wire.DirEntry) attrs {
	return attrs{ctime: e.CreationTime, atime: e.LastAccessTime, mtime: e.LastWriteTime, chtime: e.ChangeTime, size: e.EndOfFile, alloc: e.AllocationSize, attr: e.FileAttributes}
}

func attrsOfInfo(i *wire.FileNetworkOpenInformation) attrs {
	return attrs{ctime: i.CreationTime, atime: i.LastAccessTime, mtime: i.LastWriteTime, chtime: i.ChangeTime, size: i.EndOfFile, alloc: i.AllocationSize, attr: i.FileAttributes}
}

// withStandard adds the link count and delete-pending state.
func withStandard(a attrs, si *wire.FileStandardInformation) attrs {
	a.nlink = si.NumberOfLinks
	a.deleted = si.DeletePending
	return a
}

func (a attrs) isDir() bool { return a.attr&wire.FileAttributeDirectory != 0 }

// fileTimeEpoch is 1970-01-01 in FILETIME units (100 ns since 1601).
const fileTimeEpoch = 116444736000000000

// fileTimeEpochSec is 1601-01-01, the FILETIME origin, in Unix seconds.
const fileTimeEpochSec = -11644473600

// fromFileTime converts a FILETIME to Unix seconds and nanoseconds, as the
// FUSE attributes carry them: seconds are a signed count in a uint64 field
// (the kernel reads it as time64_t), so times before 1970 come out right.
// 0 (and the reserved values with the top bit set) mean "no time" and give
// 1970-01-01.
func fromFileTime(ft uint64) (sec uint64, nsec uint32) {
	if ft == 0 || ft > math.MaxInt64 {
		return 0, 0
	}
	s := int64(ft/1e7) + fileTimeEpochSec
	return uint64(s), uint32(ft%1e7) * 100
}

// toFileTime converts t to a FILETIME, truncated to its 100 ns units. Times
// before 1601 become the earliest FILETIME there is (1, as 0 means "do not
// change" to SET_INFO), times past year 30828 the latest.
func toFileTime(t time.Time) uint64 {
	sec := t.Unix()
	switch {
	case sec < fileTimeEpochSec:
		return 1
	case sec-fileTimeEpochSec > math.MaxInt64/10_000_000-1:
		return math.MaxInt64
	}
	ft := uint64(sec-fileTimeEpochSec)*1e7 + uint64(t.Nanosecond()/100)
	return max(ft, 1)
}

// typeMode is the S_IFMT part of the mode for a.
func typeMode(a attrs) uint32 {
	if a.link {
		return syscall.S_IFLNK
	}
	if a.isDir() {
		return syscall.S_IFDIR
	}
	return syscall.S_IFREG
}

// fill sets out from a: the type from the directory attribute, the
// permission bits from the options, write bits cleared for the DOS
// read-only attribute, owner from the options.
func (fsys *FS) fill(out *fuse.Attr, a attrs) {
	o := &fsys.opts
	perm := uint32(o.FileMode.Perm())
	if a.isDir() {
		perm = uint32(o.DirMode.Perm())
	} else if a.attr&wire.FileAttributeReadOnly != 0 {
		perm &^= 0222
	}
	out.Mode = typeMode(a) | perm
	out.Size = a.size
	if a.link {
		out.Mode = syscall.S_IFLNK | 0777
		out.Size = uint64(len(a.target))
	}
	out.Blocks = (a.alloc + 511) / 512
	out.Blksize = 1 << 20
	out.Nlink = 1
	switch {
	case a.deleted:
		out.Nlink = 0
	case a.nlink > 1 && !a.isDir():
		out.Nlink = a.nlink
	}
	out.Atime, out.Atimensec = fromFileTime(a.atime)
	out.Mtime, out.Mtimensec = fromFileTime(a.mtime)
	out.Ctime, out.Ctimensec = fromFileTime(a.chtime)
	out.Owner = fuse.Owner{Uid: o.UID, Gid: o.GID}
}

// usableIno returns id unless go-fuse reserves it (0, 1, ^0): then 0, and
// go-fuse hands out a number of its own.
func usableIno(id uint64) uint64 {
	if id <= 1 || id == ^uint64(0) {
		return 0
	}
	return id
}

var _ = (gofs.NodeLookuper)((*Node)(nil))

// Lookup answers from the directory's listing when it has a recent one
// (dircache.go), else stats name in one round trip (CREATE with the QFid
// context, CLOSE with attributes).
func (n *Node) Lookup(ctx context.Context, name string, out *fuse.EntryOut) (*gofs.Inode, syscall.Errno) {
	ctx, done := interruptible(ctx) // interrupt.go
	defer done()
	p, errno := n.childPath(name)
	if errno != 0 {
		return nil, errno
	}
	switch ch, ans := n.lookupListed(ctx, name, out); ans {
	case listed:
		return ch, 0
	case absent:
		// The entry timeout lets the kernel not remember the name as
		// missing (go-fuse passes ENOENT on as it is): a further
		// lookup is answered from the listing, for as long as it
		// lives, never longer.
		return nil, syscall.ENOENT
	}
	res, si, err := n.fsys.tree.StatFull(ctx, p)
	if err != nil {
		return nil, ToErrno(err)
	}
	cr := res.Create
	a := withStandard(attrsOfClose(res.Close), si)
	if err := n.fsys.resolveLink(ctx, p, &a); err != nil {
		return nil, ToErrno(err)
	}
	return n.newChild(ctx, name, client.DiskFileID(cr), a, out), 0
}

var _ = (gofs.NodeGetattrer)((*Node)(nil))

// Getattr answers from the attributes known since this mount's last
// change, else asks an open (or parked) handle, else stats the path.
func (n *Node) Getattr(ctx context.Context, fh gofs.FileHandle, out *fuse.AttrOut) syscall.Errno {
	ctx = settled(ctx)
	if n.loop != "" {
		return n.loopGetattr(ctx, out)
	}
	if h, ok := fh.(*handle); ok {
		return h.Getattr(ctx, out)
	}
	// Attributes the server reported after this mount's last change
	// (a new file's CREATE, close(2)'s compound, the CLOSE of its last
	// handle): no round trip (known.go). Every change through this mount
	// forgets them first, on any handle.
	if a, ok := n.knownNow(); ok {
		n.fsys.fill(&out.Attr, a)
		return 0
	}
	if h := n.openHandle(false); h != nil {
		// The kernel may release h while we use it (it closes after
		// close(2) returned): then SMB says STATUS_FILE_CLOSED (EBADF)
		// and we stat the path instead.
		if errno := h.Getattr(ctx, out); errno != syscall.EBADF {
			return errno
		}
	} else if h := n.borrowParked(false); h != nil {
		// A handle kept open after its release (park.go): no open.
		err := h.getattr(ctx, out)
		gone := handleGone(h, err)
		n.fsys.park.putBack(h)
		if !gone {
			return ToErrno(err)
		}
	}
	// A handle that wrote sets the write time when it closes, and the
	// kernel closes after close(2) returned: report the time it leaves
	// (the close's answer has it).
	n.waitClosing(ctx)
	if a, ok := n.knownNow(); ok {
		n.fsys.fill(&out.Attr, a)
		return 0
	}
	p, errno := n.path()
	if errno != 0 {
		return errno
	}
	gen := n.attrGen()
	res, si, err := n.fsys.tree.StatFull(ctx, p)
	if err != nil {
		return ToErrno(err)
	}
	a := withStandard(attrsOfClose(res.Close), si)
	if err := n.fsys.resolveLink(ctx, p, &a); err != nil {
		return ToErrno(err)
	}
	if a.isDir() {
		n.seenDir(a) // ino.go
	}
	n.noteAttrs(gen, a)
	n.fsys.fill(&out.Attr, a)
	return 0
}

var _ = (gofs.NodeSetattrer)((*Node)(nil))

// Setattr changes the size (FileEndOfFileInformation) and the access and
// modification times (FileBasicInformation), on the open handle when the
// kernel names one, else by path in one round trip. Mode and owner changes
// are accepted and have no effect: every file shows the modes and owner of
// the mount options (see the package comment).
func (n *Node) Setattr(ctx context.Context, fh gofs.FileHandle, in *fuse.SetAttrIn, out *fuse.AttrOut) syscall.Errno {
	ctx, done := interruptible(ctx) // interrupt.go
	defer done()
	if n.fsys.opts.ReadOnly {
		return syscall.EROFS
	}
	if n.loop != "" {
		// A link the server follows (ino.go): its times are the
		// directory's, not the link's.
		return syscall.EPERM
	}
	_, size := in.GetSize()
	_, mt := in.GetMTime()
	_, at := in.GetATime()
	if !size && !mt && !at {
		// A mode or owner change, which changes nothing on the server:
		// the attributes the server last reported, when recent, answer
		// it; otherwise a stat does.
		if a, ok := n.knownNow(); ok {
			n.fsys.fill(&out.Attr, a)
			return 0
		}
		return n.Getattr(ctx, fh, out)
	}
	n.forgetAttrs()
	n.settleWrites(ctx, nil, 0, -1) // writes in flight land first (file.go)
	h, _ := fh.(*handle)
	borrowed := false
	var parked *handle
	if h == nil || !h.write {
		h, borrowed = n.openHandle(true), true
		if h == nil {
			// One kept open after its release (park.go), ours until
			// put back; else the closes under way finish first.
			if parked = n.borrowParked(false); parked != nil {
				h, borrowed = parked, false
				defer n.fsys.park.putBack(parked)
			} else {
				n.waitClosing(ctx)
			}
		}
	}
	p, errno := n.path()
	if errno != 0 {
		return errno
	}
	gen := n.attrGen()
	after, err := n.setattr(ctx, h, p, in)
	if parked != nil && handleGone(parked, err) {
		after, err = n.setattr(ctx, nil, p, in)
	}
	if borrowed && h != nil && client.IsStatus(err, wire.StatusFileClosed) {
		// The kernel released the borrowed handle under us: once its
		// close is done, set the attributes by path.
		n.waitClosing(ctx)
		after, err = n.setattr(ctx, nil, p, in)
	}
	n.attrsChanging(n.StableAttr().Ino) // listings (dircache.go)
	if after == nil {
		n.forgetAttrs() // reports that raced with the change
	}
	if err != nil {
		return ToErrno(err)
	}
	if after != nil && !maybeSymlink(*after) {
		// The compound that made the change also returned the
		// attributes after it: no stat needed.
		n.noteAttrs(gen, *after)
		n.fsys.fill(&out.Attr, *after)
		return 0
	}
	// The reply keeps go-fuse's attribute timeout of 0: the kernel asks
	// again at the next stat. (Letting it keep a SETATTR's attributes for
	// actimeo left SQLite's -wal file behind at close in
	// TestLiveToolSQLite; not yet understood.)
	return n.Getattr(ctx, fh, out)
}

// setattr applies the size and times of in, through h when not nil, else
// by path p. Each change is one compound that also returns the attributes
// after it (SetInfoStat, SetInfoPathStat); setattr returns those of the
// last one, or nil when it changed nothing.
func (n *Node) setattr(ctx context.Context, h *handle, p string, in *fuse.SetAttrIn) (*attrs, error) {
	tree := n.fsys.tree
	var after *attrs
	byPath := func(access uint32, class uint8, buf []byte) error {
		if links := n.knownLinks(); links != 0 {
			// The link count is known (known.go): CLOSE's attributes
			// are all that is needed.
			res, err := tree.SetInfoPath(ctx, p, access, class, buf)
			if err != nil {
				return err
			}
			a := attrsOfClose(res.Close)
			a.nlink = links
			after = &a
			return nil
		}
		res, si, err := tree.SetInfoPathStat(ctx, p, access, class, buf)
		if err != nil {
			return err
		}
		a := withStandard(attrsOfClose(res.Close), si)
		after = &a
		return nil
	}
	// On a handle, each change is one compound that also returns the
	// attributes after it.
	onHandle := func(class uint8, buf []byte) error {
		ni, si, err := h.f.SetInfoStat(ctx, class, buf)
		if err != nil {
			return err
		}
		a := withStandard(attrsOfInfo(ni), si)
		after = &a
		return nil
	}
	if size, ok := in.GetSize(); ok {
		var err error
		if h != nil {
			err = onHandle(wire.ClassFileEndOfFileInformation, (&wire.FileEndOfFileInformation{EndOfFile: size}).Encode())
		} else {
			err = byPath(wire.FileWriteData, wire.ClassFileEndOfFileInformation,
				(&wire.FileEndOfFileInformation{EndOfFile: size}).Encode())
		}
		if err != nil {
			return nil, err
		}
	}
	mt, okm := in.GetMTime()
	at, oka := in.GetATime()
	if !okm && !oka {
		return after, nil
	}
	bi := &wire.FileBasicInformation{}
	if okm {
		bi.LastWriteTime = toFileTime(mt)
	}
	if oka {
		bi.LastAccessTime = toFileTime(at)
	}
	if okm {
		// An explicit time wins over the one Flush would set for
		// writes made before it (file.go).
		n.forgetWrites()
	}
	if h != nil {
		if err := onHandle(wire.ClassFileBasicInformation, bi.Encode()); err != nil {
			return nil, err
		}
		return after, nil
	}
	if err := byPath(wire.FileWriteAttributes, wire.ClassFileBasicInformation, bi.Encode()); err != nil {
		return nil, err
	}
	return after, nil
}

// forgetWrites clears the wrote mark of every handle open on n.
func (n *Node) forgetWrites() {
	n.mu.Lock()
	defer n.mu.Unlock()
	for h := range n.open {
		h.wrote.Store(false)
	}
}

// access returns the SMB access mask for open(2) flags.
func access(flags uint32) (mask uint32, write bool) {
	mask = wire.FileReadAttributes | wire.Synchronize
	switch flags & syscall.O_ACCMODE {
	case syscall.O_RDONLY:
		mask |= wire.FileReadData | wire.FileReadEA | wire.ReadControl
	case syscall.O_WRONLY:
		mask |= wire.FileWriteData | wire.FileAppendData | wire.FileWriteAttributes | wire.FileWriteEA
		write = true
	default:
		mask |= wire.FileReadData | wire.FileReadEA | wire.ReadControl |
			wire.FileWriteData | wire.FileAppendData | wire.FileWriteAttributes | wire.FileWriteEA
		write = true
	}
	return mask, write
}

// openRequest builds the CREATE request of open(2) or creat(2).
func openRequest(flags, disposition uint32) (*wire.CreateRequest, bool) {
	mask, write := access(flags)
	return &wire.CreateRequest{
		DesiredAccess:     mask,
		ShareAccess:       wire.ShareRead | wire.ShareWrite | wire.ShareDelete,
		CreateDisposition: disposition,
		CreateOptions:     wire.FileNonDirectoryFile,
		Contexts:          []wire.CreateContext{{Name: wire.CtxNameQueryOnDiskID}},
	}, write
}

var _ = (gofs.NodeOpener)((*Node)(nil))

// Open opens the file; O_TRUNC becomes FILE_OVERWRITE (the truncation is
// part of the open, as atomic_o_trunc asks).
func (n *Node) Open(ctx context.Context, flags uint32) (gofs.FileHandle, uint32, syscall.Errno) {
	ctx = settled(ctx)
	p, errno := n.path()
	if errno != 0 {
		return nil, 0, errno
	}
	disp := wire.FileOpen
	if flags&syscall.O_TRUNC != 0 && flags&syscall.O_ACCMODE != syscall.O_RDONLY {
		disp = wire.FileOverwrite
	}
	req, write := openRequest(flags, disp)
	if write && n.fsys.opts.ReadOnly {
		return nil, 0, syscall.EROFS
	}
	defer n.fsys.open.opening()() // until tracked (silly.go)
	if write {
		n.forgetAttrs()
	}
	// Durable where the server grants it: the handle survives reconnects.
	f, err := openFile(ctx, n.fsys.tree, p, req, write)
	if write {
		// Its size and times may change from now on (dircache.go).
		var id uint64
		if err == nil {
			id = client.DiskFileID(f.Create)
		}
		n.attrsChanging(id)
	}
	if err != nil {
		return nil, 0, ToErrno(err)
	}
	if errno := n.checkSameFile(f, p); errno != 0 {
		return nil, 0, errno
	}
	h := newHandle(n.fsys, f, flags, write)
	var fl uint32
	if !write && n.fsys.directRead.Load() && !n.fsys.opts.CachedReads && !n.fsys.opts.NoCache && n.fsys.opts.Timeout > 0 {
		// Read-only: straight into the reader's buffer, with read-ahead
		// of our own (prefetch.go).
		h.pf = newPrefetcher()
		fl = fuse.FOPEN_DIRECT_IO
	}
	return n.track(h), fl, 0
}

var _ = (gofs.NodeCreater)((*Node)(nil))

// Create creates and opens name: O_EXCL is FILE_CREATE (fails if it
// exists), O_TRUNC FILE_OVERWRITE_IF, otherwise FILE_OPEN_IF.
func (n *Node) Create(ctx context.Context, name string, flags uint32, mode uint32, out *fuse.EntryOut) (*gofs.Inode, gofs.FileHandle, uint32, syscall.Errno) {
	ctx, done := interruptible(ctx) // interrupt.go
	defer done()
	if n.fsys.opts.ReadOnly {
		return nil, nil, 0, syscall.EROFS
	}
	p, errno := n.childPath(name)
	if errno != 0 {
		return nil, nil, 0, errno
	}
	disp := wire.FileOpenIf
	switch {
	case flags&syscall.O_EXCL != 0:
		disp = wire.FileCreate
	case flags&syscall.O_TRUNC != 0:
		disp = wire.FileOverwriteIf
	}
	req, write := openRequest(flags, disp)
	canDelete := false
	if write && disp == wire.FileCreate {
		// A new file that only this open knows: with DELETE access
		// it can be renamed on the handle, kept open after its
		// release (park.go). That is what rsync does with its
		// temporary file (mkstemp: O_EXCL).
		req.DesiredAccess |= wire.Delete
		canDelete = true
	}
	defer n.fsys.open.opening()() // until tracked (silly.go)
	// Durable where the server grants it: the handle survives reconnects.
	f, err := openFile(ctx, n.fsys.tree, p, req, write)
	if canDelete && client.IsStatus(err, wire.StatusAccessDenied) {
		// A share that lets us create files but not delete them: the
		// server checks access before it creates anything.
		req.DesiredAccess &^= wire.Delete
		canDelete = false
		f, err = openFile(ctx, n.fsys.tree, p, req, write)
	}
	if err != nil {
		n.listingUnsure()
		return nil, nil, 0, ToErrno(err)
	}
	cr := f.Create
	n.nameAdded(name)
	child := n.newChild(ctx, name, client.DiskFileID(cr), attrsOfCreate(cr), out)
	h := newHandle(n.fsys, f, flags, write)
	h.canDelete = canDelete
	if cn, ok := child.Operations().(*Node); ok {
		if disp != wire.FileCreate {
			// It may have existed, under other names too.
			cn.forgetAttrs()
			cn.attrsChanging(client.DiskFileID(cr))
		} else {
			// A new file: one link, and the server's attributes.
			a := attrsOfCreate(cr)
			a.nlink = 1
			cn.noteAttrs(cn.attrGen(), a)
		}
		cn.track(h)
	}
	return child, h, 0, 0
}

var _ = (gofs.NodeMkdirer)((*Node)(nil))

// Mkdir creates a directory (FILE_CREATE, so an existing name is EEXIST).
func (n *Node) Mkdir(ctx context.Context, name string, mode uint32, out *fuse.EntryOut) (*gofs.Inode, syscall.Errno) {
	ctx, done := interruptible(ctx) // interrupt.go
	defer done()
	if n.fsys.opts.ReadOnly {
		return nil, syscall.EROFS
	}
	p, errno := n.childPath(name)
	if errno != 0 {
		return nil, errno
	}
	res, err := n.fsys.tree.Mkdir(ctx, p)
	if err != nil {
		n.listingUnsure()
		return nil, ToErrno(err)
	}
	n.nameAdded(name)
	return n.newChild(ctx, name, client.DiskFileID(res.Create), attrsOfClose(res.Close), out), 0
}

var _ = (gofs.NodeUnlinker)((*Node)(nil))

// Unlink removes a file (delete disposition on an open handle; the name
// disappears once no handle is open on it).
func (n *Node) Unlink(ctx context.Context, name string) syscall.Errno {
	return n.remove(ctx, name, false)
}

var _ = (gofs.NodeRmdirer)((*Node)(nil))

// Rmdir removes an empty directory; a non-empty one is ENOTEMPTY.
func (n *Node) Rmdir(ctx context.Context, name string) syscall.Errno {
	return n.remove(ctx, name, true)
}

func (n *Node) remove(ctx context.Context, name string, dir bool) syscall.Errno {
	ctx, done := interruptible(ctx) // interrupt.go
	defer done()
	if n.fsys.opts.ReadOnly {
		return syscall.EROFS
	}
	p, errno := n.childPath(name)
	if errno != 0 {
		return errno
	}
	if ch := n.GetChild(name); ch != nil {
		if cn, ok := ch.Operations().(*Node); ok {
			cn.forgetLinks()
			// A handle kept open would leave the file delete-pending
			// under its name (park.go).
			cn.closeParked(ctx)
		}
	}
	if cn, ok := nodeOf(n.GetChild(name)); ok && cn.loop != "" {
		// Shown as a link, a directory to the server (ino.go): Samba
		// removes the link itself.
		dir = true
	}
	var err error
	if !dir && n.openHere(ctx, name) {
		cn, _ := nodeOf(n.GetChild(name))
		err = n.fsys.sillyRemove(ctx, p, cn) // silly.go
	} else {
		err = n.fsys.tree.Remove(ctx, p, dir)
	}
	if err != nil {
		n.listingUnsure()
	} else {
		n.nameRemoved(name)
	}
	return ToErrno(err)
}

// renameNoReplace is RENAME_NOREPLACE of renameat2(2).
const renameNoReplace = 0x1

var _ = (gofs.NodeRenamer)((*Node)(nil))

// Rename renames with FileRenameInformation: ReplaceIfExists for rename(2)
// (the server replaces the target atomically), not for RENAME_NOREPLACE.
// RENAME_EXCHANGE has no SMB equivalent: EINVAL.
func (n *Node) Rename(ctx context.Context, name string, newParent gofs.InodeEmbedder, newName string, flags uint32) syscall.Errno {
	ctx, done := interruptible(ctx) // interrupt.go
	defer done()
	if n.fsys.opts.ReadOnly {
		return syscall.EROFS
	}
	if flags&^renameNoReplace != 0 {
		return syscall.EINVAL
	}
	np, ok := newParent.(*Node)
	if !ok {
		return syscall.EXDEV
	}
	from, errno := n.childPath(name)
	if errno != 0 {
		return errno
	}
	to, errno := np.childPath(newName)
	if errno != 0 {
		return errno
	}
	if from == to {
		return 0
	}
	// The kernel closes handles after close(2) returns; SMB refuses to
	// replace a file that is still open, so let our own closes finish,
	// and close the target's handles kept open after release (park.go).
	src := n.GetChild(name)
	for i, ch := range []*gofs.Inode{src, np.GetChild(newName)} {
		if ch == nil {
			continue
		}
		if cn, ok := ch.Operations().(*Node); ok {
			cn.forgetLinks() // replaced, or its change time changes
			if i == 1 {
				cn.closeParked(ctx)
			}
			cn.waitClosing(ctx)
		}
	}
	// The source is renamed on a handle kept open after its release
	// when it has one with DELETE access: no open for the server.
	var via *handle
	dir := false
	if sn, ok := nodeOf(src); ok && !sn.IsDir() {
		if via = sn.borrowParked(true); via != nil {
			defer n.fsys.park.putBack(via)
		}
	} else {
		// A directory (or a name the kernel has no inode for): Samba
		// refuses to rename a directory with files open below it.
		dir = true
		n.fsys.closeAllParked(ctx)
	}
	var err error
	if flags&renameNoReplace != 0 {
		err = n.fsys.rename(ctx, via, from, to, false)
	} else {
		err = n.renameOverOpen(ctx, np, newName, from, to, via)
	}
	if dir {
		err = n.fsys.renameDirAgain(ctx, from, to, flags&renameNoReplace == 0, err)
	}
	if err != nil {
		n.listingUnsure()
		np.listingUnsure()
	} else {
		n.nameRemoved(name)
		np.nameAdded(newName)
	}
	return ToErrno(err)
}

var _ = (gofs.NodeStatfser)((*Node)(nil))

// Statfs reports FileFsFullSizeInformation: blocks available are the
// caller's (quota applied), free blocks the volume's.
func (n *Node) Statfs(ctx context.Context, out *fuse.StatfsOut) syscall.Errno {
	ctx = settled(ctx)
	fi, err := n.fsys.tree.Statfs(ctx)
	if err != nil {
		return ToErrno(err)
	}
	bs := uint64(fi.SectorsPerAllocationUnit) * uint64(fi.BytesPerSector)
	if bs == 0 || bs > 1<<30 {
		bs = 4096
	}
	out.Bsize = uint32(bs)
	out.Frsize = uint32(bs)
	out.Blocks = fi.TotalAllocationUnits
	out.Bfree = fi.ActualAvailableAllocationUnits
	out.Bavail = fi.CallerAvailableAllocationUnits
	out.NameLen = client.MaxNameUnits
	return 0
}

var _ = (gofs.NodeLinker)((*Node)(nil))

// Link makes a hard link with FileLinkInformation (never replacing).
func (n *Node) Link(ctx context.Context, target gofs.InodeEmbedder, name string, out *fuse.EntryOut) (*gofs.Inode, syscall.Errno) {
	ctx = settled(ctx)
	if n.fsys.opts.ReadOnly {
		return nil, syscall.EROFS
	}
	tn, ok := target.(*Node)
	if !ok {
		return nil, syscall.EXDEV
	}
	from, errno := tn.path()
	if errno != 0 {
		return nil, errno
	}
	to, errno := n.childPath(name)
	if errno != 0 {
		return nil, errno
	}
	tn.forgetLinks()
	res, err := n.fsys.tree.Link(ctx, from, to)
	if err != nil {
		n.listingUnsure()
		return nil, ToErrno(err)
	}
	n.nameAdded(name)
	tn.attrsChanging(client.DiskFileID(res.Create)) // its link count
	a := attrsOfClose(res.Close)
	// The kernel caches what we return for the (shared) inode: give it
	// the new link count.
	if res2, si, err := n.fsys.tree.StatFull(ctx, to); err == nil {
		a = withStandard(attrsOfClose(res2.Close), si)
	}
	return n.newChild(ctx, name, client.DiskFileID(res.Create), a, out), 0
}
