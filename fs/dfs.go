package fs

// A mount of a DFS root (Options.Namespace): every path the file system
// sends goes through onTree, which asks the namespace for the tree that
// holds it (the root's, or a link target's) and the path's name there,
// and follows a referral when the server says the path lies under a link
// (client/dfsns.go). An operation naming two paths (rename, link) runs on
// the tree of the first and names the second in that tree (nameIn); two
// paths on different targets are EXDEV, as across file systems. A
// multiuser mount has no namespace: its users' sessions are per server.

import (
	"context"

	"github.com/smb3fs/smb3fs/client"
)

// Namespace routes the paths of a mounted DFS root to the trees of its
// links' targets; *client.Namespace is one.
type Namespace interface {
	// Run runs fn on the tree holding p and p's name in that tree, once
	// more after a referral or a target's failover.
	Run(ctx context.Context, p string, fn func(t *client.Tree, name string) error) error
	// NameIn returns p's name in t, false when p lies on another tree.
	NameIn(t *client.Tree, p string) (string, bool)
}

// onTree runs fn on the tree holding p (the caller's, on a multiuser
// mount) and p's name in that tree.
func (fsys *FS) onTree(ctx context.Context, p string, fn func(t *client.Tree, name string) error) error {
	if ns := fsys.opts.Namespace; ns != nil && fsys.opts.Trees == nil {
		return ns.Run(ctx, p, fn)
	}
	t, err := fsys.treeOf(ctx)
	if err != nil {
		return err
	}
	return fn(t, p)
}

// nameIn returns p's name in t, the tree of another path of the same
// operation, or client.ErrCrossLink when p lies on another tree.
func (fsys *FS) nameIn(t *client.Tree, p string) (string, error) {
	ns := fsys.opts.Namespace
	if ns == nil || fsys.opts.Trees != nil {
		return p, nil
	}
	name, ok := ns.NameIn(t, p)
	if !ok {
		return "", client.ErrCrossLink
	}
	return name, nil
}
