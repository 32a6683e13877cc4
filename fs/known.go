package fs

import (
	"sync"
	"time"
)

// Attributes a node remembers between requests, so that a stat right after
// close(2) and a chmod (which changes nothing on SMB) need no round trip:
//
//	CREATE (new file) ─► known = the CREATE response's attributes
//	write, truncate, setattr, rename, link, xattr, open for writing ─► forgotten
//	the kernel's close (RELEASE) ─► known = the CLOSE response's attributes
//	stat(2), chmod(2), chown(2) with no handle in use ─► answered from known
//	                                   while younger than the attribute timeout
//
// A CLOSE response has no link count: the one last reported (a new file
// has one) is kept across changes that cannot change it, and forgotten by
// link, unlink and rename; without it, nothing is remembered.
//
// Directories are not remembered (their times change with their entries).
// They are the server's own figures, reported to this mount after the last
// change this mount made; a change made through another client is seen
// once they are older than the attribute timeout (actimeo), as with the
// kernel's attribute cache. NoCache (actimeo=0) turns them off.

// knownAttrs is a node's remembered attributes (see above).
type knownAttrs struct {
	mu sync.Mutex
	// a are the attributes, valid when at is not zero; gen counts the
	// changes this mount started, so that a report asked for before a
	// change is not kept after it. Guarded by mu.
	a   attrs
	at  time.Time
	gen uint64
	// links is the link count last reported (linksAt: when), 0 if not
	// known; like the attributes, it is trusted for the attribute
	// timeout only.
	links   uint32
	linksAt time.Time
}

// linksLocked returns the link count while it is younger than the
// attribute timeout, else 0; k.mu is held.
func (k *knownAttrs) linksLocked(timeout time.Duration) uint32 {
	if k.links == 0 || time.Since(k.linksAt) >= timeout {
		return 0
	}
	return k.links
}

// attrGen returns the change count, to be passed to noteAttrs with the
// attributes of a request sent after this call.
func (n *Node) attrGen() uint64 {
	k := &n.known
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.gen
}

// noteAttrs remembers a as n's attributes if nothing changed through this
// mount since gen was read.
func (n *Node) noteAttrs(gen uint64, a attrs) {
	if n.fsys.opts.NoCache || n.fsys.opts.Timeout <= 0 || a.isDir() {
		// A directory's times change with every name added or
		// removed in it: not remembered.
		return
	}
	if n.writesPending() {
		// Bytes held back or in flight are not in any report yet.
		return
	}
	k := &n.known
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.gen != gen {
		return
	}
	if a.px == nil && n.fsys.posix {
		// An answer without mode and owner (a CLOSE's, a handle's
		// compound): not remembered on a POSIX mount (posix.go), where
		// Samba 4.22 also reports a POSIX handle's times wrong in them.
		return
	}
	switch links := k.linksLocked(n.fsys.opts.Timeout); {
	case a.nlink != 0:
		k.links, k.linksAt = a.nlink, time.Now()
	case links != 0 && !a.deleted:
		a.nlink = links
	default:
		return
	}
	k.a, k.at = a, time.Now()
}

// writesPending reports whether a handle open on n holds back or has in
// flight bytes the server has not acknowledged (writebehind.go).
func (n *Node) writesPending() bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	for h := range n.open {
		if h.wb.busy() {
			return true
		}
	}
	return false
}

// forgetAttrs drops n's remembered attributes: this mount is changing the
// file (call before the change is sent).
func (n *Node) forgetAttrs() {
	k := &n.known
	k.mu.Lock()
	defer k.mu.Unlock()
	k.gen++
	k.at = time.Time{}
}

// knownLinks returns n's link count as last reported, or 0 if not known.
func (n *Node) knownLinks() uint32 {
	if n.fsys.opts.NoCache {
		return 0
	}
	k := &n.known
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.linksLocked(n.fsys.opts.Timeout)
}

// forgetLinks is forgetAttrs for a change that may change the link count
// (link, unlink, rename over).
func (n *Node) forgetLinks() {
	k := &n.known
	k.mu.Lock()
	defer k.mu.Unlock()
	k.gen++
	k.at = time.Time{}
	k.links = 0
}

// knownNow returns n's remembered attributes while they are younger than
// the attribute timeout. A possible symlink file is never answered from
// them (its target is read from the file, symlink.go).
func (n *Node) knownNow() (attrs, bool) {
	k := &n.known
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.at.IsZero() || time.Since(k.at) >= n.fsys.opts.Timeout || maybeSymlink(k.a) {
		return attrs{}, false
	}
	return k.a, true
}
