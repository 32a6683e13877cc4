package fs

import (
	"context"
	"syscall"

	gofs "github.com/hanwen/go-fuse/v2/fs"
	"github.com/hanwen/go-fuse/v2/fuse"

	"github.com/smb3fs/smb3fs/client"
)

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
	res, err := n.fsys.do(ctx, p, client.OpenOptions{DiskID: true}, client.QueryStandard())
	if err != nil {
		errno := ToErrno(err)
		if errno == syscall.ENOENT {
			n.noteAbsent(name) // for a lease break (dirlease.go)
		}
		return nil, errno
	}
	a := withStandard(resAttrs(res), res.Standard)
	if err := n.fsys.resolveLink(ctx, p, &a); err != nil {
		return nil, ToErrno(err)
	}
	return n.newChild(ctx, name, res.DiskID(), a, out), 0
}

// access returns the SMB access for open(2) flags.
func access(flags uint32) (a client.Access, write bool) {
	switch flags & syscall.O_ACCMODE {
	case syscall.O_RDONLY:
		return client.AccessRead, false
	case syscall.O_WRONLY:
		return client.AccessWrite, true
	}
	return client.AccessRead | client.AccessWrite, true
}

// openOptions are the options of open(2) or creat(2).
func openOptions(flags uint32, disp client.Disposition) (client.OpenOptions, bool) {
	a, write := access(flags)
	return client.OpenOptions{Access: a, Disposition: disp, Kind: client.KindFile, DiskID: true}, write
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
	disp := client.OpenExisting
	if flags&syscall.O_TRUNC != 0 && flags&syscall.O_ACCMODE != syscall.O_RDONLY {
		disp = client.Overwrite
	}
	o, write := openOptions(flags, disp)
	if write && n.fsys.opts.ReadOnly {
		return nil, 0, syscall.EROFS
	}
	defer n.fsys.open.opening()() // until tracked (silly.go)
	if write {
		n.forgetAttrs()
	}
	// Durable where the server grants it: the handle survives reconnects.
	f, err := openFile(ctx, n.fsys, p, o, write)
	if write {
		// Its size and times may change from now on (dircache.go).
		var id uint64
		if err == nil {
			id = f.DiskID()
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
	h.unhold = n.fsys.hold(ctx) // multiuser.go
	h.uid, _ = n.fsys.sessionKey(ctx)
	var fl uint32
	if !write && n.fsys.directRead.Load() && !n.fsys.opts.CachedReads && !n.fsys.opts.NoCache && n.fsys.opts.Timeout > 0 {
		// Read-only: straight into the reader's buffer, with read-ahead
		// of our own (prefetch.go).
		h.pf = newPrefetcher(&n.fsys.windows)
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
	disp := client.OpenOrCreate
	switch {
	case flags&syscall.O_EXCL != 0:
		disp = client.CreateNew
	case flags&syscall.O_TRUNC != 0:
		disp = client.OverwriteOrCreate
	}
	o, write := openOptions(flags, disp)
	o.Mode = mode & 0o7777 // a POSIX open's new file (posix.go)
	canDelete := false
	if write && disp == client.CreateNew {
		// A new file that only this open knows: with DELETE access
		// it can be renamed on the handle, kept open after its
		// release (park.go). That is what rsync does with its
		// temporary file (mkstemp: O_EXCL).
		o.Access |= client.AccessDelete
		canDelete = true
	}
	defer n.fsys.open.opening()() // until tracked (silly.go)
	// Durable where the server grants it: the handle survives reconnects.
	f, err := openFile(ctx, n.fsys, p, o, write)
	if canDelete && accessDenied(err) {
		// A share that lets us create files but not delete them: the
		// server checks access before it creates anything.
		o.Access &^= client.AccessDelete
		canDelete = false
		f, err = openFile(ctx, n.fsys, p, o, write)
	}
	if err != nil {
		n.listingUnsure()
		return nil, nil, 0, ToErrno(err)
	}
	cr := f.Create
	n.nameAdded(name)
	child := n.newChild(ctx, name, f.DiskID(), withPosix(attrsOf(cr.OpenInfo), f.Posix()), out)
	h := newHandle(n.fsys, f, flags, write)
	h.unhold = n.fsys.hold(ctx) // multiuser.go
	h.uid, _ = n.fsys.sessionKey(ctx)
	h.canDelete = canDelete
	if cn, ok := child.Operations().(*Node); ok {
		if disp != client.CreateNew {
			// It may have existed, under other names too.
			cn.forgetAttrs()
			cn.attrsChanging(f.DiskID())
		} else {
			// A new file: one link, and the server's attributes.
			a := withPosix(attrsOf(cr.OpenInfo), f.Posix())
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
	res, err := n.fsys.do(ctx, p, client.OpenOptions{Kind: client.KindDir, Disposition: client.CreateNew, DiskID: true, Mode: mode & 0o7777})
	if err != nil {
		n.listingUnsure()
		return nil, ToErrno(err)
	}
	n.nameAdded(name)
	return n.newChild(ctx, name, res.DiskID(), resAttrs(res), out), 0
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
	if dir {
		// Our leased handles would leave it delete-pending (dirlease.go).
		n.fsys.closeLeasesUnder(ctx, p)
	}
	var err error
	if !dir && n.openHere(ctx, name) {
		cn, _ := nodeOf(n.GetChild(name))
		err = n.fsys.sillyRemove(ctx, p, cn) // silly.go
	} else {
		err = n.fsys.remove(ctx, p, dir)
		if dir {
			err = n.fsys.rmdirAgain(ctx, p, err) // silly.go
		}
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
		n.fsys.closeLeasesUnder(ctx, from) // dirlease.go
		n.fsys.closeLeasesUnder(ctx, to)
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
	res, err := n.fsys.do(ctx, n.fsys.opts.Prefix, client.OpenOptions{Kind: client.KindDir}, client.QueryFSSize())
	if err != nil {
		return ToErrno(err)
	}
	fi := res.FSSize
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
	// The kernel caches what we return for the (shared) inode: give it
	// the new link count, asked for after the link in the same round
	// trip. On a POSIX mount the open is a POSIX one (a symlink is linked
	// as itself: without FILE_OPEN_REPARSE_POINT Samba would not open
	// it), and FilePOSIXInformation gives the change time after the
	// link: Samba's CREATE and CLOSE answers report the mtime as
	// ChangeTime (xfstests generic/236).
	o := n.fsys.posixOpen(client.OpenOptions{Kind: client.KindFile, DiskID: true})
	var res *client.PathResult
	err := n.fsys.onTree(ctx, from, func(t *client.Tree, name string) error {
		toName, err := n.fsys.nameIn(t, to)
		if err != nil {
			return err
		}
		ops := []client.Op{client.LinkTo(toName), client.QueryStandard()}
		if o.POSIX {
			ops = append(ops, client.QueryPOSIX())
		}
		res, err = t.Do(ctx, name, o, ops...)
		return err
	})
	if err != nil {
		n.listingUnsure()
		return nil, ToErrno(err)
	}
	n.nameAdded(name)
	tn.attrsChanging(res.DiskID()) // its link count
	a := resAttrs(res)
	if res.PosixInfo != nil {
		a = withPosix(attrsOf(res.PosixInfo.OpenInfo), &res.PosixInfo.PosixInfo)
	}
	a = withStandard(a, res.Standard)
	return n.newChild(ctx, name, res.DiskID(), a, out), 0
}
