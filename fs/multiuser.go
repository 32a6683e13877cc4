package fs

// Multiuser mounts (mount option multiuser, as Linux cifs has it): root
// mounts once, and each local user's requests run in that user's own SMB
// session. The FUSE request names its caller (fuse.FromContext); treeOf
// picks the tree of that caller's session from Options.Trees:
//
//	FUSE request (caller uid U) ─► treeOf(ctx)
//	  U == 0, or no caller (the mount's own work) ─► the mount's tree
//	  otherwise ─► Trees.TreeFor(ctx, U) ─► U's tree, or an error: EACCES
//
// A handle keeps the tree (and so the session) that opened it for its
// life, whoever uses it afterwards (a descriptor passed to another
// process); the handle holds U's session open (Trees.Hold) until it is
// closed. What the mount caches could answer one user with what the
// server told another, so a multiuser mount caches nothing across
// requests: the kernel's entry, attribute and negative timeouts are 0,
// listings do not answer lookups and attributes are not remembered
// (NoCache), and released handles are not kept open (park.go). The kernel
// does not check the mode bits shown (no default_permissions): the server
// decides, with each user's identity.

import (
	"context"
	"errors"

	"github.com/hanwen/go-fuse/v2/fuse"

	"github.com/smb3fs/smb3fs/client"
)

// Trees gives each local user the tree of their own SMB session, for a
// multiuser mount (Options.Trees). It is called for uids other than 0 only:
// root's requests use the tree the mount was made with.
type Trees interface {
	// TreeFor returns the tree of uid's session, setting the session up
	// on first use. An error (uid has no usable credentials) makes the
	// request fail with EACCES; it should wrap ErrNoSession, and the
	// implementation logs why (fs does not).
	TreeFor(ctx context.Context, uid uint32) (*client.Tree, error)
	// Hold keeps uid's session from being closed as idle until release
	// is called: a handle opened in it is open.
	Hold(uid uint32) (release func())
}

// ErrNoSession is what a request of a user without an SMB session fails
// with (EACCES): on a multiuser mount, a user whose credentials could not
// be used.
var ErrNoSession = errors.New("fs: no SMB session for this user")

// callerUID returns the uid of the process that made the FUSE request in
// ctx, and false when ctx carries none.
func callerUID(ctx context.Context) (uint32, bool) {
	c, ok := fuse.FromContext(ctx)
	if !ok || c == nil {
		return 0, false
	}
	return c.Uid, true
}

// multiuser reports whether the mount runs each user's requests in their
// own session.
func (fsys *FS) multiuser() bool { return fsys.opts.Trees != nil }

// treeOf returns the tree the request in ctx runs on: on a multiuser mount
// the caller's (see the file comment), else the mount's.
func (fsys *FS) treeOf(ctx context.Context) (*client.Tree, error) {
	if fsys.opts.Trees == nil {
		return fsys.tree, nil
	}
	uid, ok := callerUID(ctx)
	if !ok || uid == 0 {
		return fsys.tree, nil
	}
	t, err := fsys.opts.Trees.TreeFor(ctx, uid)
	if err != nil {
		return nil, err
	}
	if t == nil {
		return nil, ErrNoSession
	}
	return t, nil
}

// do is Tree.Do on the tree of the request in ctx (and of p, on a
// mounted DFS root: dfs.go).
func (fsys *FS) do(ctx context.Context, p string, o client.OpenOptions, ops ...client.Op) (*client.PathResult, error) {
	var res *client.PathResult
	err := fsys.onTree(ctx, p, func(t *client.Tree, name string) error {
		var err error
		res, err = t.Do(ctx, name, fsys.posixOpen(o), ops...)
		return err
	})
	return res, err
}

// sessionKey returns whose session the request in ctx runs in on a
// multiuser mount (0: the mount's own), and false on a mount of one
// session, where any handle may serve any request.
func (fsys *FS) sessionKey(ctx context.Context) (uint32, bool) {
	if fsys.opts.Trees == nil {
		return 0, false
	}
	uid, _ := callerUID(ctx)
	return uid, true
}

// mayUse reports whether the request in ctx may borrow h, a handle open
// on the file it names by path: on a multiuser mount only when its caller
// opened h (a write handle would let a user who may only read the file
// change it). A handle the kernel names (the caller's descriptor, perhaps
// passed from another process) is always used, as cifs does.
func (fsys *FS) mayUse(ctx context.Context, h *handle) bool {
	uid, mine := fsys.sessionKey(ctx)
	return !mine || h.uid == uid
}

// hold keeps the session of the request in ctx open while a handle opened
// in it is; the function it returns (never nil) lets it go.
func (fsys *FS) hold(ctx context.Context) func() {
	if fsys.opts.Trees == nil {
		return func() {}
	}
	uid, ok := callerUID(ctx)
	if !ok || uid == 0 {
		return func() {}
	}
	if r := fsys.opts.Trees.Hold(uid); r != nil {
		return r
	}
	return func() {}
}
