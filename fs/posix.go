package fs

// The SMB3 POSIX extensions (client/posix.go). When the connection
// negotiated them and the share serves them (a POSIX open of the mount's
// root is answered with the POSIX create context; Samba 4.22 with
// `smb3 unix extensions = yes`), and the mount is not multiuser:
//
//   - (not on a multiuser mount or a mounted DFS namespace)
//   - every open is a POSIX open (case-sensitive names; the server does not
//     follow symlinks, so opens name a link itself: FILE_OPEN_REPARSE_POINT)
//     and carries the mode a new file gets (the kernel has applied the
//     umask);
//   - getattr, lookup and readdir show the server's mode (type and
//     permission bits), link count, owner and group (POSIX directory
//     entries, the create context's answer, FilePOSIXInformation on a
//     handle). file_mode=/dir_mode= and uid=/gid= given on the mount still
//     win (Options.Force*), as cifs's forceuid/forcegid do; the kernel
//     checks the modes shown only with allow_other (default_permissions),
//     and without it the server alone decides, as with cifs's noperm;
//   - chmod sends the mode (client.SetMode; Samba keeps only the 0777
//     bits), chown and chgrp send S-1-22-1-<uid> and S-1-22-2-<gid> SIDs
//     (client.SetOwner), which Samba maps to the ids and applies as the
//     user. The open for it needs WRITE_OWNER, which Samba 4.22 grants a
//     file's owner only where the owner has rwx (it maps only rwx to full
//     control): on a 0644 file even its owner's chgrp is refused, EPERM.
//     A refused change is EPERM, as chmod(2) and chown(2) say it;
//   - symlink(2) makes an IO_REPARSE_TAG_SYMLINK reparse point, which
//     readlink(2) reads back, as Linux cifs does on a POSIX mount. Samba
//     4.22 keeps such a point in an extended attribute of an empty regular
//     file (source3/modules/util_reparse.c, fsctl_set_reparse_point): on
//     the server's disk it is not a symlink, but every SMB client sees one.
//     A symlink made on the server's disk reads as a reparse point too;
//   - mknod(2) of a FIFO or socket makes an IO_REPARSE_TAG_NFS reparse
//     point of that type (Mknod).
//
// Names: a POSIX open matches names exactly (Samba takes the path as
// POSIX pathnames: case-sensitive, no 8.3 mangling, a backslash or "*" is
// an ordinary character), so a name missing from a directory listing is
// missing (dircache.go's negative lookups need no case folding).
//
// Owners: Samba sends the SID of the file's uid and gid: S-1-22-1-<uid>
// and S-1-22-2-<gid> for ids without a Windows identity, which map back
// directly; a domain user's or group's SID has no id this client could
// know without asking the domain's idmap, and shows as the mount's uid or
// gid, as cifs shows it without cifs.idmap.

import (
	"context"
	"errors"
	"strings"
	"syscall"
	"time"

	gofs "github.com/hanwen/go-fuse/v2/fs"
	"github.com/hanwen/go-fuse/v2/fuse"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
)

// posixAttrs is what the POSIX extensions say about a file beyond attrs.
type posixAttrs struct {
	mode         uint32 // wire mode: permissions and type (wire.PosixType)
	reparseTag   uint32
	uid, gid     uint32
	uidOK, gidOK bool // the SID was a Unix one (client.UnixIDs)
}

// posixOf turns the server's answer into posixAttrs.
func posixOf(p *wire.PosixInfo) *posixAttrs {
	px := &posixAttrs{mode: p.Mode, reparseTag: p.ReparseTag}
	px.uid, px.uidOK, px.gid, px.gidOK = client.UnixIDs(p)
	return px
}

// withPosix adds p (when not nil) to a.
func withPosix(a attrs, p *wire.PosixInfo) attrs {
	if p != nil {
		a.px = posixOf(p)
		a.nlink = p.NLinks
	}
	return a
}

// resAttrs are the attributes of a plan: the CLOSE's, with the POSIX
// create context's answer when there was one.
func resAttrs(res *client.PathResult) attrs {
	return withPosix(attrsOf(res.Close.OpenInfo), res.Posix)
}

// entryAttrs are the attributes of a directory entry.
func entryAttrs(e *client.DirEntry) attrs {
	return withPosix(attrsOf(e.OpenInfo), e.Posix)
}

// handleAttrs are the attributes a handle's QueryAttrs (or QueryPOSIX, on
// a POSIX handle) answered.
func handleAttrs(res *client.PathResult) attrs {
	if res.PosixInfo != nil {
		// FilePOSIXInformation's own times: Samba 4.22 reports a
		// POSIX handle's modification and change times as 1970 in
		// FileNetworkOpenInformation after a SET_INFO on it.
		return withPosix(attrsOf(res.PosixInfo.OpenInfo), &res.PosixInfo.PosixInfo)
	}
	return attrsOf(res.Attrs.OpenInfo)
}

// doHandle runs ops on f, with QueryPOSIX after them on a POSIX handle. A
// handle reclaimed after a reconnect is no POSIX open for Samba 4.22 (its
// durable reconnect does not keep the flag) and answers QueryPOSIX with
// STATUS_INVALID_LEVEL: the ops run again without it (they are the
// idempotent queries and settings of getattr and setattr).
func doHandle(ctx context.Context, f *client.File, ops ...client.Op) (*client.PathResult, error) {
	if f.Posix() == nil {
		return f.Do(ctx, ops...)
	}
	res, err := f.Do(ctx, append(ops[:len(ops):len(ops)], client.QueryPOSIX())...)
	if client.IsStatus(err, wire.StatusInvalidLevel) {
		return f.Do(ctx, ops...)
	}
	return res, err
}

// posixFromPath fills in the mode and owner of a from a POSIX open of n's
// path, when a handle's answer had none (doHandle); a has none still if
// that fails.
func (n *Node) posixFromPath(ctx context.Context, a *attrs) {
	if a.px != nil || !n.fsys.posix {
		return
	}
	p, errno := n.path()
	if errno != 0 {
		return
	}
	if res, err := n.fsys.do(ctx, p, client.OpenOptions{}); err == nil && res.Posix != nil {
		a.px = posixOf(res.Posix)
	}
}

// probePOSIX reports whether the mount uses the POSIX extensions: the
// connection has them, the mount is neither multiuser nor a DFS
// namespace, and a POSIX open of the root is answered as one.
func probePOSIX(tree *client.Tree, opts Options) bool {
	if tree == nil || opts.Trees != nil || opts.Namespace != nil || !tree.POSIX() {
		// A DFS namespace's paths are parsed with backslashes
		// (client/dfsns.go), and its targets may be other servers.
		return false
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	root := strings.ReplaceAll(opts.Prefix, `\`, "/") // POSIX path names (sep)
	res, err := tree.Do(ctx, root, client.OpenOptions{POSIX: true, Kind: client.KindDir})
	return err == nil && res.Posix != nil
}

// posixOpen makes o a POSIX open on a mount that uses the extensions: it
// names a symlink itself, and a new file gets o.Mode (or, when the caller
// gave none, the mount's file_mode or dir_mode).
func (fsys *FS) posixOpen(o client.OpenOptions) client.OpenOptions {
	if !fsys.posix {
		return o
	}
	o.POSIX, o.OpenReparsePoint = true, true
	if o.Mode == 0 && o.Disposition != client.OpenExisting {
		o.Mode = uint32(fsys.opts.FileMode.Perm())
		if o.Kind == client.KindDir {
			o.Mode = uint32(fsys.opts.DirMode.Perm())
		}
	}
	return o
}

// list is the listing op: POSIX entries on a mount that uses the
// extensions.
func (fsys *FS) list(bufLen uint32) client.Op {
	if fsys.posix {
		return client.ListPOSIX(bufLen)
	}
	return client.List(bufLen)
}

// fillPosix is fill for attributes with the server's mode and owner.
func (fsys *FS) fillPosix(out *fuse.Attr, a attrs) {
	o := &fsys.opts
	px := a.px
	perm := px.mode & wire.PosixPermMask
	typ := posixTypeMode(a)
	switch {
	case typ == syscall.S_IFDIR && o.ForceDirMode:
		perm = uint32(o.DirMode.Perm())
	case typ == syscall.S_IFREG && o.ForceFileMode:
		perm = uint32(o.FileMode.Perm())
	case typ == syscall.S_IFLNK:
		perm = 0o777 // as a symlink's on Linux: its own bits mean nothing
	}
	out.Mode = typ | perm
	out.Size = a.size
	if a.link && typ == syscall.S_IFREG {
		// A Minshall-French symlink file (symlink.go) made before.
		out.Mode = syscall.S_IFLNK | 0777
		out.Size = uint64(len(a.target))
	}
	out.Blocks = (a.alloc + 511) / 512
	out.Blksize = 1 << 20
	// The server's count (withPosix, withStandard): 0 for a file
	// unlinked while open (a POSIX handle's delete is at once).
	out.Nlink = a.nlink
	if a.deleted {
		out.Nlink = 0
	}
	out.Atime, out.Atimensec = fromFileTime(a.atime)
	out.Mtime, out.Mtimensec = fromFileTime(a.mtime)
	out.Ctime, out.Ctimensec = fromFileTime(a.chtime)
	out.Owner = fuse.Owner{Uid: o.UID, Gid: o.GID}
	if px.uidOK && !o.ForceUID {
		out.Owner.Uid = px.uid
	}
	if px.gidOK && !o.ForceGID {
		out.Owner.Gid = px.gid
	}
}

// posixTypeMode is the S_IFMT part of the mode the server gave a.
func posixTypeMode(a attrs) uint32 {
	if a.isDir() {
		return syscall.S_IFDIR
	}
	if a.px.reparseTag == wire.ReparseTagSymlink {
		// The CREATE answer gives a symlink reparse point kept on a
		// regular file (a client's) the file's own type; its tag
		// says link, as FilePOSIXInformation's type does.
		return syscall.S_IFLNK
	}
	switch wire.PosixType(a.px.mode) {
	case wire.PosixTypeDir:
		return syscall.S_IFDIR
	case wire.PosixTypeSymlink:
		return syscall.S_IFLNK
	case wire.PosixTypeCharDev:
		return syscall.S_IFCHR
	case wire.PosixTypeBlockDev:
		return syscall.S_IFBLK
	case wire.PosixTypeFIFO:
		return syscall.S_IFIFO
	case wire.PosixTypeSocket:
		return syscall.S_IFSOCK
	}
	return syscall.S_IFREG
}

// isPosixLink reports whether the server says a is a symlink.
func isPosixLink(a attrs) bool {
	return a.px != nil && posixTypeMode(a) == syscall.S_IFLNK
}

// ownershipOps are the ops that set the mode, uid and gid in asks for
// (none when it asks for none).
func ownershipOps(in *fuse.SetAttrIn) []client.Op {
	var ops []client.Op
	if m, ok := in.GetMode(); ok {
		ops = append(ops, client.SetMode(m&0o7777))
	}
	uid, uok := in.GetUID()
	gid, gok := in.GetGID()
	if uok || gok {
		var us, gs *wire.SID
		if uok {
			s := wire.SambaUnixUserSID(uid)
			us = &s
		}
		if gok {
			s := wire.SambaUnixGroupSID(gid)
			gs = &s
		}
		ops = append(ops, client.SetOwner(us, gs))
	}
	return ops
}

// setOwnership runs ops (ownershipOps) on the node's path: a POSIX open
// of its own, since a handle the kernel names may not be one.
func (n *Node) setOwnership(ctx context.Context, ops []client.Op) syscall.Errno {
	p, errno := n.path()
	if errno != 0 {
		return errno
	}
	n.forgetAttrs()
	_, err := n.fsys.do(ctx, p, client.OpenOptions{}, ops...)
	n.attrsChanging(n.StableAttr().Ino) // listings (dircache.go)
	n.forgetAttrs()
	if accessDenied(err) {
		// chmod(2) and chown(2) say EPERM when the caller may not.
		return syscall.EPERM
	}
	return ToErrno(err)
}

// errNotPosixLink: the file is no IO_REPARSE_TAG_SYMLINK reparse point.
var errNotPosixLink = errors.New("smb3fs: not a symlink reparse point")

// posixSymlink makes name (at p) a symlink to target: a new file made an
// IO_REPARSE_TAG_SYMLINK reparse point, relative unless target starts with
// a slash, the target kept as written (Samba reports its own symlinks with
// forward slashes too), as Linux cifs does on a POSIX mount
// (fs/smb/client/reparse.c).
func (n *Node) posixSymlink(ctx context.Context, p, target, name string, out *fuse.EntryOut) (*gofs.Inode, syscall.Errno) {
	if target == "" {
		return nil, syscall.ENOENT
	}
	s := &wire.SymlinkReparse{SubstituteName: target, PrintName: target}
	if !strings.HasPrefix(target, "/") {
		s.Flags = wire.SymlinkFlagRelative
	}
	buf, err := s.Encode()
	if err != nil {
		return nil, syscall.ENAMETOOLONG
	}
	return n.reparseChild(ctx, p, name, 0o777, buf, syscall.S_IFLNK, out)
}

// reparseChild makes name (at p) a new file with mode perm and the reparse
// point buf, which the server must then report as a file of type typ
// (S_IFLNK, S_IFIFO, S_IFSOCK), and returns its node.
func (n *Node) reparseChild(ctx context.Context, p, name string, perm uint32, buf []byte, typ uint32, out *fuse.EntryOut) (*gofs.Inode, syscall.Errno) {
	o := n.fsys.posixOpen(client.OpenOptions{Access: client.AccessWrite | client.AccessDelete, Kind: client.KindFile, Disposition: client.CreateNew, DiskID: true, Mode: perm})
	var f *client.File
	err := n.fsys.onTree(ctx, p, func(t *client.Tree, name string) (err error) {
		f, err = t.Open(ctx, name, o)
		return err
	})
	if err != nil {
		n.listingUnsure()
		return nil, ToErrno(err)
	}
	n.nameAdded(name)
	err = f.SetReparsePoint(ctx, buf)
	if err != nil {
		// Not what was asked for: the file goes (delete on close).
		_, _ = f.Do(ctx, client.Delete())
	}
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	_, cerr := f.Close(cctx)
	cancel()
	if err != nil {
		n.listingUnsure()
		return nil, ToErrno(err)
	}
	if cerr != nil {
		return nil, ToErrno(cerr)
	}
	// The attributes after: FilePOSIXInformation reads the reparse
	// point for the type (the CREATE answer's mode is the file's own).
	res, err := n.fsys.do(ctx, p, client.OpenOptions{DiskID: true}, client.QueryPOSIX())
	if err != nil {
		return nil, ToErrno(err)
	}
	a := resAttrs(res)
	if res.PosixInfo != nil {
		a = withPosix(attrsOf(res.PosixInfo.OpenInfo), &res.PosixInfo.PosixInfo)
	}
	if a.px == nil || posixTypeMode(a) != typ {
		return nil, syscall.EIO
	}
	return n.newChild(ctx, name, res.DiskID(), a, out), 0
}

var _ = (gofs.NodeMknoder)((*Node)(nil))

// Mknod makes a FIFO or a socket on a mount with the SMB3 POSIX
// extensions: an IO_REPARSE_TAG_NFS reparse point of that type, as Linux
// cifs makes one and Samba 4.22 reports it (smb2_posix.c reads the type
// from it). Devices are EOPNOTSUPP (the mount is nodev, and Samba's POSIX
// information carries no device number to show), as is everything
// without the extensions.
func (n *Node) Mknod(ctx context.Context, name string, mode, rdev uint32, out *fuse.EntryOut) (*gofs.Inode, syscall.Errno) {
	ctx = settled(ctx)
	if !n.fsys.posix {
		return nil, syscall.EOPNOTSUPP
	}
	if n.fsys.opts.ReadOnly {
		return nil, syscall.EROFS
	}
	var typ uint64
	switch mode & syscall.S_IFMT {
	case syscall.S_IFIFO:
		typ = wire.NFSSpecFileFIFO
	case syscall.S_IFSOCK:
		typ = wire.NFSSpecFileSock
	default:
		return nil, syscall.EOPNOTSUPP
	}
	p, errno := n.childPath(name)
	if errno != 0 {
		return nil, errno
	}
	return n.reparseChild(ctx, p, name, mode&0o7777, wire.EncodeNFSSpecialFile(typ), mode&syscall.S_IFMT, out)
}

// readPosixLink returns the target of the symlink reparse point at p, or
// errNotPosixLink.
func (fsys *FS) readPosixLink(ctx context.Context, p string) (string, error) {
	var f *client.File
	err := fsys.onTree(ctx, p, func(t *client.Tree, name string) (err error) {
		f, err = t.Open(ctx, name, fsys.posixOpen(client.OpenOptions{}))
		return err
	})
	if err != nil {
		return "", err
	}
	defer func() {
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		f.Close(cctx)
		cancel()
	}()
	s, err := f.GetSymlink(ctx)
	if client.IsStatus(err, wire.StatusNotAReparsePoint) || errors.Is(err, client.ErrReparseTag) {
		return "", errNotPosixLink
	}
	if err != nil {
		return "", err
	}
	return s.SubstituteName, nil
}

// sep is the path separator: a POSIX open takes POSIX path names, where
// a backslash is an ordinary character and the separator is a slash (as
// Linux cifs sends them on a POSIX mount); otherwise a backslash. Names
// never hold either (checkName).
func (fsys *FS) sep() string {
	if fsys.posix {
		return "/"
	}
	return `\`
}

// sepPath is p (share-relative, backslashes) with the mount's separator.
func (fsys *FS) sepPath(p string) string {
	if fsys.posix {
		return strings.ReplaceAll(p, `\`, "/")
	}
	return p
}
