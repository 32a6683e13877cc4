package fs

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"

	gofs "github.com/hanwen/go-fuse/v2/fs"

	"github.com/smb3fs/smb3fs/client"
)

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
	// hidden is set once the file was renamed to a hidden name (it is
	// deleted at its last close): its handles are not parked (park.go).
	hidden atomic.Bool
}

// openHandle returns an open handle (with write access if write), or nil.
// On a multiuser mount only a handle the caller in ctx opened will do: a
// handle is its opener's session, which must not act for another user
// (multiuser.go).
func (n *Node) openHandle(ctx context.Context, write bool) *handle {
	n.mu.Lock()
	defer n.mu.Unlock()
	for h := range n.open {
		if !h.closing && !h.parked.Load() && (h.write || !write) && n.fsys.mayUse(ctx, h) {
			return h
		}
	}
	return nil
}

// isOpen reports whether n has a handle open (by anyone) and not closing.
func (n *Node) isOpen() bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	for h := range n.open {
		if !h.closing && !h.parked.Load() {
			return true
		}
	}
	return false
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
	if utf16Len(name) > 2*client.MaxNameUnits {
		return syscall.ENAMETOOLONG
	}
	return 0
}

// path returns the node's share-relative path with backslashes (slashes
// on a POSIX mount, posix.go) ("" for
// the root, or Options.Prefix when the mount is of a directory). A path longer than SMB carries (maxPathUnits) is
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
		if units += utf16Len(name)/2 + 1; units > maxPathUnits+1 {
			return "", syscall.ENAMETOOLONG
		}
		segs = append(segs, name)
		p = parent
	}
	if prefix := n.fsys.opts.Prefix; prefix != "" {
		segs = append(segs, n.fsys.sepPath(prefix))
	}
	for i, j := 0, len(segs)-1; i < j; i, j = i+1, j-1 {
		segs[i], segs[j] = segs[j], segs[i]
	}
	return strings.Join(segs, n.fsys.sep()), 0
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
	return p + n.fsys.sep() + name, 0
}

// forgetWrites clears the wrote mark of every handle open on n.
func (n *Node) forgetWrites() {
	n.mu.Lock()
	defer n.mu.Unlock()
	for h := range n.open {
		h.wrote.Store(false)
	}
}
