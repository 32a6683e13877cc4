package fs

import (
	"os"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	gofs "github.com/hanwen/go-fuse/v2/fs"
	"github.com/hanwen/go-fuse/v2/fuse"

	"github.com/smb3fs/smb3fs/client"
)

// Options are the presentation choices of a mount: who owns the files,
// which permission bits they show, and how long the kernel may cache names
// and attributes (see the package comment).
type Options struct {
	// UID and GID own every file; when both are zero, the mounting user.
	UID, GID uint32
	// FileMode and DirMode are the permission bits of files and
	// directories (default 0755 for both, as mount.cifs). A file with the DOS read-only
	// attribute shows them without write bits.
	FileMode, DirMode os.FileMode
	// ForceUID, ForceGID, ForceFileMode and ForceDirMode: UID, GID,
	// FileMode and DirMode were given explicitly (uid=, gid=, file_mode=,
	// dir_mode=) and are shown even where the server's SMB3 POSIX
	// extensions report a file's own (posix.go).
	ForceUID, ForceGID, ForceFileMode, ForceDirMode bool
	// ReadOnly mounts read-only: the kernel refuses writes with EROFS. A
	// tree connected at a snapshot (client.Tree.Snapshot) is always
	// mounted read-only.
	ReadOnly bool
	// Timeout is the entry and attribute timeout (default 1 s; 0 with
	// NoCache).
	Timeout time.Duration
	// NoCache sets the entry and attribute timeouts to zero.
	NoCache bool
	// NoDirLeases asks for no directory leases (dirlease.go): listings
	// then live actimeo, as on a server that grants none.
	NoDirLeases bool
	// FsName is shown as the mount's source (//server/share).
	FsName string
	// Prefix is the directory of the share the mount shows as its root
	// (mount.cifs's prefixpath: //server/share/dir/sub mounts dir\sub),
	// share-relative with backslashes and no leading or trailing one; ""
	// for the whole share. The caller checks that it is a directory.
	Prefix string
	// Debug logs every FUSE request.
	Debug bool
	// Kernel lists mount flags for the kernel to enforce: noexec, nosuid,
	// nodev (the mount is always nosuid and nodev); on macOS also
	// nobrowse and automounted (macOSMountFlags), ignored elsewhere.
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
	// user may enter the mount, not even root. A multiuser mount
	// (Trees) has it without default_permissions.
	AllowOther bool
	// CachedReads reads files opened read-only through the kernel's page
	// cache, as files opened for writing are (mount option cachedreads).
	// By default they bypass it, with read-ahead of the mount's own
	// (prefetch.go): twice as fast for reads of 128 KiB and more (cp,
	// cat, dd), half as fast for reads of under 32 KiB (tar's 10 KiB
	// records), on the test VM.
	CachedReads bool
	// Trees, when set, makes the mount multiuser (multiuser.go): each
	// local user's requests run in that user's own SMB session, root's
	// (and the mount's own) on the tree given to NewRoot. It implies
	// AllowOther without default_permissions (the server decides, with
	// each user's identity) and NoCache, and no handle is kept open after
	// its release (park.go): nothing one user was told answers another.
	Trees Trees
	// Namespace, when set, routes the paths of a mounted DFS root to its
	// links' targets (dfs.go). It is not used on a multiuser mount.
	Namespace Namespace
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
	// posix: the mount uses the SMB3 POSIX extensions (posix.go); set by
	// NewRoot.
	posix bool
	// directRead is set once the kernel has agreed to direct I/O on files
	// that stay mappable (FUSE_DIRECT_IO_ALLOW_MMAP): read-only opens then
	// bypass its page cache (prefetch.go).
	directRead atomic.Bool
	// windows is the allowance of read-ahead and write-behind windows
	// above their floors (window.go).
	windows windowBudget
}

// NewRoot returns the root node for tree.
func NewRoot(tree *client.Tree, opts Options) *Node {
	if opts.UID == 0 && opts.GID == 0 {
		opts.UID, opts.GID = uint32(os.Getuid()), uint32(os.Getgid())
	}
	if opts.FileMode == 0 {
		opts.FileMode = 0755
	}
	if opts.DirMode == 0 {
		opts.DirMode = 0755
	}
	if opts.Trees != nil {
		opts.NoCache, opts.Timeout, opts.AllowOther = true, 0, true
	}
	if opts.Timeout == 0 && !opts.NoCache {
		opts.Timeout = time.Second
	}
	if tree != nil && !tree.Snapshot().IsZero() {
		opts.ReadOnly = true
	}
	return &Node{fsys: &FS{tree: tree, opts: opts, posix: probePOSIX(tree, opts)}}
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
		// A mode of 0 is the file's (chmod 0 on a POSIX mount), not a
		// missing one for go-fuse to make 0644 or 0755 (xfstests
		// generic/088 and 126 on s422).
		NullPermissions: true,
	}
	fo.MountOptions.Options = append(fo.MountOptions.Options, "nosuid", "nodev")
	for _, k := range o.Kernel {
		switch k {
		case "noexec", "nosuid", "nodev":
			fo.MountOptions.Options = append(fo.MountOptions.Options, k)
		default:
			if runtime.GOOS == "darwin" && macOSMountFlags[k] {
				fo.MountOptions.Options = append(fo.MountOptions.Options, k)
			}
		}
	}
	if o.ReadOnly {
		fo.MountOptions.Options = append(fo.MountOptions.Options, "ro")
	}
	if o.AllowOther {
		fo.MountOptions.AllowOther = true
		if o.Trees == nil {
			// Multiuser: the server checks each user's access.
			fo.MountOptions.Options = append(fo.MountOptions.Options, "default_permissions")
		}
	}
	if runtime.GOOS == "darwin" {
		fo.MountOptions.Options = append(fo.MountOptions.Options, macFUSEOptions(o.FsName)...)
	}
	return fo
}

// macFUSEOptions are the options a mount of the share fsName
// (//server/share) adds on macOS, where go-fuse hands Options to macFUSE's
// mount_macfuse: volname, the name Finder shows (the share's, rather than
// "macFUSE Volume 0 (smb3fs)"), and noappledouble, which refuses Finder's
// ._* AppleDouble and .DS_Store files instead of writing them to the
// server, where every other client would see them. The options set above
// (nosuid, nodev, noexec, ro, default_permissions, allow_other) are
// macFUSE's too; go-fuse itself adds daemon_timeout=0 there.
func macFUSEOptions(fsName string) []string {
	var opts []string
	if i := strings.LastIndexByte(fsName, '/'); i >= 0 && i+1 < len(fsName) {
		opts = append(opts, "volname="+fsName[i+1:])
	}
	return append(opts, "noappledouble")
}

// macOSMountFlags are the flags macOS's mount(8) and automountd give a
// mount helper that macFUSE's mount_macfuse takes as they are, as every
// macOS file system does (they are mount(2) flags there): nobrowse
// (MNT_DONTBROWSE: Finder and the Desktop do not show the volume) and
// automounted (MNT_AUTOMOUNTED: autofs made it, and may unmount it when
// idle). Linux has neither.
var macOSMountFlags = map[string]bool{"nobrowse": true, "automounted": true}

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
