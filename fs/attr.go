package fs

import (
	"context"
	"math"
	"syscall"
	"time"

	gofs "github.com/hanwen/go-fuse/v2/fs"
	"github.com/hanwen/go-fuse/v2/fuse"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
)

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
	// px is what the SMB3 POSIX extensions said (posix.go); nil without.
	px *posixAttrs
}

func (a attrs) isDir() bool { return isDirAttr(a.attr) }

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

// typeMode is the S_IFMT part of the mode for a.
func typeMode(a attrs) uint32 {
	if a.px != nil && !a.link {
		return posixTypeMode(a) // posix.go
	}
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
	if a.px != nil {
		fsys.fillPosix(out, a) // posix.go
		return
	}

	o := &fsys.opts
	perm := uint32(o.FileMode.Perm())
	if a.isDir() {
		perm = uint32(o.DirMode.Perm())
	} else if isReadOnlyAttr(a.attr) {
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

var _ = (gofs.NodeGetattrer)((*Node)(nil))

// Getattr answers from the attributes known since this mount's last
// change, else asks an open (or parked) handle, else stats the path.
func (n *Node) Getattr(ctx context.Context, fh gofs.FileHandle, out *fuse.AttrOut) syscall.Errno {
	ctx = settled(ctx)
	if n.loop != "" {
		return n.loopGetattr(ctx, out)
	}
	if h, ok := fh.(*handle); ok {
		// On a multiuser mount h may be another user's: the caller's
		// descriptor, or one go-fuse picked because the kernel named
		// none, after the caller's own LOOKUP found the file (entry
		// timeout 0). Either way the caller may see its attributes.
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
	if h := n.openHandle(ctx, false); h != nil {
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
	if errno == syscall.ENOENT && n.IsDir() {
		// A directory removed (or replaced by a rename) while a
		// descriptor still has it open: fstat answers, with no links,
		// as on a local file system (xfstests generic/035). Its times
		// are gone with it: directories' attributes are not remembered
		// (known.go) and opendir holds no server handle to ask.
		n.fsys.fill(&out.Attr, attrs{attr: wire.FileAttributeDirectory, deleted: true})
		return 0
	}
	if errno != 0 {
		return errno
	}
	gen := n.attrGen()
	res, err := n.fsys.do(ctx, p, client.OpenOptions{DiskID: true}, client.QueryStandard())
	if err != nil {
		return ToErrno(err)
	}
	a := withStandard(resAttrs(res), res.Standard)
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
// go to the server on a mount with the SMB3 POSIX extensions (posix.go);
// otherwise they are accepted and have no effect: every file shows the
// modes and owner of the mount options (see the package comment).
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
	if own := ownershipOps(in); len(own) > 0 && n.fsys.posix {
		// Mode and owner go to the server (posix.go), by path, on a
		// POSIX open of its own; then the rest, if any.
		if errno := n.setOwnership(ctx, own); errno != 0 {
			return errno
		}
		if !size && !mt && !at {
			return n.Getattr(ctx, fh, out)
		}
	}
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
	n.settleWrites(ctx, nil, 0, -1) // writes in flight land first (writebehind.go)
	// fh is the caller's descriptor (ftruncate, futimens), if any.
	h, _ := fh.(*handle)
	borrowed := false
	var parked *handle
	if h == nil || !h.write {
		h, borrowed = n.openHandle(ctx, true), true
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
	if borrowed && h != nil && fileClosed(err) {
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
	if after != nil && !maybeSymlink(*after) && (after.px != nil || !n.fsys.posix) {
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
// after it (File.Do, Tree.Do); setattr returns those of the last one, or
// nil when it changed nothing.
func (n *Node) setattr(ctx context.Context, h *handle, p string, in *fuse.SetAttrIn) (*attrs, error) {
	var after *attrs
	apply := func(ops ...client.Op) error {
		if h != nil {
			// On a handle: the change, then the attributes after it.
			res, err := doHandle(ctx, h.f, append(ops, client.QueryAttrs(), client.QueryStandard())...) // posix.go
			if err != nil {
				return err
			}
			a := withStandard(handleAttrs(res), res.Standard)
			after = &a
			return nil
		}
		if links := n.knownLinks(); links != 0 {
			// The link count is known (known.go): CLOSE's attributes
			// are all that is needed.
			res, err := n.fsys.do(ctx, p, client.OpenOptions{DiskID: true}, ops...)
			if err != nil {
				return err
			}
			a := resAttrs(res)
			a.nlink = links
			after = &a
			return nil
		}
		res, err := n.fsys.do(ctx, p, client.OpenOptions{DiskID: true}, append(ops, client.QueryStandard())...)
		if err != nil {
			return err
		}
		a := withStandard(resAttrs(res), res.Standard)
		after = &a
		return nil
	}
	mt, okm := in.GetMTime()
	at, oka := in.GetATime()
	if size, ok := in.GetSize(); ok {
		ops := []client.Op{client.Truncate(size)}
		if !okm {
			// truncate(2) and ftruncate(2) change the modification
			// (and change) time, and the kernel leaves that to us
			// (it sends no time with them). The server's own update
			// cannot be relied on: Samba reports the time another
			// handle of the file set (Flush's, of a handle still
			// open or parked) until every handle of the file is
			// closed (xfstests generic/313). So the time is set with
			// the size, in the same compound, as Linux cifs did; a
			// handle that writes afterwards sets its own at close(2).
			ops = append(ops, client.SetTimes(time.Now(), time.Time{}))
		}
		if err := apply(ops...); err != nil {
			return nil, err
		}
	}
	if !okm && !oka {
		return after, nil
	}
	var mtime, atime time.Time
	if okm {
		mtime = setTime(mt)
	}
	if oka {
		atime = setTime(at)
	}
	if okm {
		// An explicit time wins over the one Flush would set for
		// writes made before it (file.go).
		n.forgetWrites()
	}
	if err := apply(client.SetTimes(mtime, atime)); err != nil {
		return nil, err
	}
	return after, nil
}

// setTime is t as SetTimes takes it: there the zero time means
// "unchanged", so a time set to it (year 1) becomes the earliest FILETIME
// instead, as wire.FileTime makes any time before 1601.
func setTime(t time.Time) time.Time {
	if t.IsZero() {
		return time.Date(1601, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}
