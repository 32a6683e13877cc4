package client

// A mounted DFS root. A mount of \\server\namespace shows the root's own
// directories, and its links as directories; a path under a link lives on
// the link's target, another server or share. The root's server answers a
// path under a link with STATUS_PATH_NOT_COVERED ([MS-SMB2] 3.3.5.9,
// [MS-DFSC] 3.1.5.1); Namespace then asks the root for the link's referral
// and remembers the link, for the referral's TTL:
//
//	Run(path) ─► the longest remembered link covering path, still in its TTL
//	               ─► the link's target tree, the path's name there
//	             none ─► the root tree, path as it is
//	  op answered STATUS_PATH_NOT_COVERED ─► referral for path (of the tree
//	      that answered: a target may itself be a DFS root) ─► link remembered
//	      ─► op once more on the link's target
//	  op on a link failed because its server is gone ─► the link's referral
//	      again, the failed target tried last ─► op once more
//	link past its TTL ─► referral again: the target in use is kept while the
//	      referral still lists it; otherwise the first acceptable target
//
// Every target is connected through the DFSConnector, which holds it to
// the rule for the target's own \\server\share and to the rule of the path
// the user named (and to the allow-list): a referral can never loosen. A
// target's identity is its own: Kerberos goes to its SPN.
//
// A client for a target the namespace no longer routes to (a link whose
// TTL ran out and now points elsewhere) is kept until the namespace
// closes, for the handles still open on it; at most maxRetired are kept,
// the oldest closed first.

import (
	"context"
	"errors"
	"fmt"
	"net"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/smb3fs/smb3fs/client/wire"
)

// ErrCrossLink: an operation names two paths (a rename, a hard link) that
// lie on different targets of a DFS namespace; like a rename across file
// systems (EXDEV).
var ErrCrossLink = errors.New("smb2: DFS: the paths lie on different targets")

// Bounds of a namespace's memory and of what a referral's TTL may say.
const (
	// maxLinks bounds the links remembered; the one used least recently
	// goes first.
	maxLinks = 256
	// maxRetired bounds the clients kept for handles after their link
	// moved.
	maxRetired = 16
	// minLinkTTL and maxLinkTTL clamp a referral's TTL: a server's 0
	// would cost a referral per operation, and a year would never notice
	// a change.
	minLinkTTL = time.Second
	maxLinkTTL = time.Hour
	// failedLinkTTL bounds how long a link none of whose targets could
	// be used is remembered as such.
	failedLinkTTL = 30 * time.Second
)

// Namespace routes the paths of a DFS root's tree to the trees of its
// links' targets (see the top of this file). It is safe for concurrent
// use; Close closes every client it connected (not the root's).
type Namespace struct {
	// OnHop, when set before the namespace is used, learns every link
	// the namespace routes to anew (a referral followed, a link moved
	// after its TTL, a failover) or could not use (Chosen empty).
	OnHop func(DFSHop)

	root          *Tree
	server, share string
	connect       DFSConnector
	now           func() time.Time

	mu sync.Mutex
	// links are the links remembered, guarded by mu.
	links []*nsLink
	// retired are the clients of links that moved, guarded by mu.
	retired []*Client
	// closed is set by Close, guarded by mu.
	closed bool
	// salt numbers the targets' trees for their file ids, guarded by mu.
	salt uint64
	// refers counts the referrals asked for, guarded by mu.
	refers int
}

// nsLink is one link of the namespace and the target it routes to.
type nsLink struct {
	// prefix is the path of the root tree the link covers, backslash
	// separated, as the server spelled it.
	prefix string
	// from is the client that gave the referral (the root's, or a
	// parent link's for a link inside a target).
	from    *Client
	cl      *Client
	tree    *Tree
	target  dfsTarget
	hop     DFSHop
	expires time.Time
	used    time.Time
	// err, when not nil, is why no target of the link could be used;
	// cl and tree are nil then, and the failure is remembered until
	// expires (at most failedLinkTTL), so that a listing of the root
	// does not connect to refused servers once per name.
	err error
}

// NewNamespace routes paths of root, the tree of \\server\share (a DFS
// root), through the namespace's links; connect connects to each target
// under its policy. Close it before closing root's client.
func NewNamespace(root *Tree, server, share string, connect DFSConnector) *Namespace {
	return &Namespace{root: root, server: server, share: share, connect: connect, now: time.Now}
}

// Run runs fn on the tree holding path (a path of the root's share,
// backslash separated, "" for its top) and path's name in that tree. When
// the server answers STATUS_PATH_NOT_COVERED, the referral is followed
// and fn runs once more on the link's target; when a link's server is
// gone, the link's next target is tried and fn runs once more. fn may
// therefore run twice: it must be an operation the server refused or
// never saw the first time (both cases here are).
func (ns *Namespace) Run(ctx context.Context, path string, fn func(t *Tree, name string) error) error {
	l, t, name, err := ns.route(ctx, path)
	if err != nil {
		return err
	}
	err = fn(t, name)
	switch {
	case IsStatus(err, wire.StatusPathNotCovered):
		if rerr := ns.refer(ctx, l, t, name); rerr != nil {
			return rerr
		}
	case l != nil && serverGone(err):
		if ferr := ns.failover(ctx, l); ferr != nil {
			return fmt.Errorf("%w (and no other target: %w)", err, ferr)
		}
	default:
		return err
	}
	_, t, name, err = ns.route(ctx, path)
	if err != nil {
		return err
	}
	return fn(t, name)
}

// NameIn returns the name path has in t, when t holds it (a rename's or a
// link's target must lie on the tree of its source); false when path lies
// on another tree of the namespace.
func (ns *Namespace) NameIn(t *Tree, path string) (string, bool) {
	ns.mu.Lock()
	defer ns.mu.Unlock()
	l := ns.covering(path)
	if l == nil {
		if t != ns.root {
			return "", false
		}
		return path, true
	}
	if l.tree != t {
		return "", false
	}
	return joinPath(l.target.path, strings.TrimPrefix(path[len(l.prefix):], `\`)), true
}

// Links returns the links the namespace routes to now, as hops: the link's
// path and the target chosen (for smb3fs status and tests).
func (ns *Namespace) Links() []DFSHop {
	ns.mu.Lock()
	defer ns.mu.Unlock()
	hops := make([]DFSHop, 0, len(ns.links))
	for _, l := range ns.links {
		hops = append(hops, l.hop)
	}
	return hops
}

// Referrals returns how many referrals the namespace has asked for.
func (ns *Namespace) Referrals() int {
	ns.mu.Lock()
	defer ns.mu.Unlock()
	return ns.refers
}

// Close closes the clients of every target the namespace connected.
func (ns *Namespace) Close() error {
	ns.mu.Lock()
	links, retired := ns.links, ns.retired
	ns.links, ns.retired, ns.closed = nil, nil, true
	ns.mu.Unlock()
	for _, l := range links {
		if l.cl != nil {
			l.cl.Close()
		}
	}
	for _, cl := range retired {
		cl.Close()
	}
	return nil
}

// route returns the link covering path (nil: the root), the tree holding
// path and its name there, asking for the link's referral again when its
// TTL ran out.
func (ns *Namespace) route(ctx context.Context, path string) (*nsLink, *Tree, string, error) {
	ns.mu.Lock()
	l := ns.covering(path)
	if l == nil {
		ns.mu.Unlock()
		return nil, ns.root, path, nil
	}
	now := ns.now()
	l.used = now
	stale := now.After(l.expires)
	if l.err != nil {
		err := l.err
		if stale {
			ns.forget(l)
		}
		ns.mu.Unlock()
		if stale {
			return ns.route(ctx, path)
		}
		return nil, nil, "", err
	}
	ns.mu.Unlock()
	if stale {
		if err := ns.refresh(ctx, l); err != nil {
			return nil, nil, "", err
		}
		return ns.route(ctx, path)
	}
	return l, l.tree, joinPath(l.target.path, strings.TrimPrefix(path[len(l.prefix):], `\`)), nil
}

// covering returns the remembered link with the longest prefix that
// covers path, or nil. ns.mu must be held.
func (ns *Namespace) covering(path string) *nsLink {
	var best *nsLink
	for _, l := range ns.links {
		if underPrefix(path, l.prefix) && (best == nil || len(l.prefix) > len(best.prefix)) {
			best = l
		}
	}
	return best
}

// underPrefix reports whether path is prefix or lies under it, comparing
// names with ASCII case folding only (as the server matches them; no
// Unicode folding that would let a lookalike name match).
func underPrefix(path, prefix string) bool {
	if len(path) < len(prefix) || !asciiEqualFold(path[:len(prefix)], prefix) {
		return false
	}
	return len(path) == len(prefix) || path[len(prefix)] == '\\'
}

// asciiEqualFold compares a and b folding only ASCII letters.
func asciiEqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// refer follows the referral for name, which tree t (of link l, nil for
// the root) answered with STATUS_PATH_NOT_COVERED, and remembers the link
// it names.
func (ns *Namespace) refer(ctx context.Context, l *nsLink, t *Tree, name string) error {
	server, share, base := ns.server, ns.share, ""
	cl := ns.root.cl
	if l != nil {
		server, share, cl = l.target.server, l.target.share, l.cl
		base = l.prefix
	}
	unc := `\` + server + `\` + share + `\` + name
	ref, err := ns.referral(ctx, cl, unc)
	if err != nil {
		return fmt.Errorf("smb2: DFS: %s: %w", unc, err)
	}
	covered := strings.TrimPrefix(unc[:len(unc)-len(remainder(unc, ref.PathConsumed))], `\`+server+`\`+share)
	covered = strings.TrimPrefix(covered, `\`)
	// covered is a path of tree t; a path of the root's share is wanted.
	prefix := covered
	if l != nil {
		if !underPrefix(covered, l.target.path) {
			return fmt.Errorf("smb2: DFS: %s: %w: the referral covers %q, outside the target's %q", unc, ErrProtocol, covered, l.target.path)
		}
		prefix = joinPath(base, strings.TrimPrefix(covered[len(l.target.path):], `\`))
	}
	if prefix == "" {
		return fmt.Errorf("smb2: DFS: %s: %w: the referral covers the whole share", unc, ErrProtocol)
	}
	h := DFSHop{Path: `\` + server + `\` + share + `\` + covered, Kind: "link"}
	ncl, nt, target, err := tryTargets(ctx, ref, &h, ns.connect)
	ns.hop(h)
	if err != nil {
		ns.remember(&nsLink{prefix: prefix, from: cl, hop: h, err: err,
			expires: ns.now().Add(min(referralTTL(ref), failedLinkTTL))})
		return err
	}
	ns.oneAttempt(ncl, &h)
	ns.remember(&nsLink{prefix: prefix, from: cl, cl: ncl, tree: nt, target: target, hop: h, expires: ns.now().Add(referralTTL(ref))})
	return nil
}

// referral asks cl for the referral of unc, counting it.
func (ns *Namespace) referral(ctx context.Context, cl *Client, unc string) (*wire.DFSReferralResponse, error) {
	ns.mu.Lock()
	ns.refers++
	ns.mu.Unlock()
	return cl.Referral(ctx, unc)
}

// refresh asks again for the referral of l, whose TTL ran out: while the
// referral still lists the target in use, l keeps it; otherwise the
// referral's first acceptable target replaces it. A path that is no link
// any more (STATUS_NOT_FOUND) is routed to the root again. When the
// referral cannot be had (the root's server is away) or none of its
// targets can be used, l keeps its target, which met the policy when it
// was chosen, for failedLinkTTL more: a namespace stays usable while its
// root is down, as Windows clients keep theirs.
func (ns *Namespace) refresh(ctx context.Context, l *nsLink) error {
	keep := func() error {
		ns.mu.Lock()
		l.expires = ns.now().Add(failedLinkTTL)
		ns.mu.Unlock()
		return nil
	}
	ref, err := ns.referral(ctx, l.from, l.hop.Path)
	if IsStatus(err, wire.StatusNotFound) {
		ns.mu.Lock()
		ns.forget(l)
		ns.retire(l.cl)
		ns.mu.Unlock()
		return nil
	}
	if err != nil {
		return keep()
	}
	expires := ns.now().Add(referralTTL(ref))
	for _, e := range ref.Referrals {
		if tg, err := splitTarget(e.NetworkAddress); err == nil && !e.NameList() &&
			asciiEqualFold(tg.server, l.target.server) && asciiEqualFold(tg.share, l.target.share) && tg.path == l.target.path {
			ns.mu.Lock()
			l.expires = expires
			ns.mu.Unlock()
			return nil
		}
	}
	if err := ns.replace(ctx, l, ref, "", expires); err != nil {
		return keep()
	}
	return nil
}

// failover replaces l's target, whose server is gone, by the next
// acceptable target of its referral, the failed one tried last.
func (ns *Namespace) failover(ctx context.Context, l *nsLink) error {
	ref, err := ns.referral(ctx, l.from, l.hop.Path)
	if err != nil {
		return fmt.Errorf("smb2: DFS: %s: %w", l.hop.Path, err)
	}
	return ns.replace(ctx, l, ref, l.hop.Chosen, ns.now().Add(referralTTL(ref)))
}

// replace connects to ref's targets (last, when not "", tried after the
// others) and makes l's successor route there.
func (ns *Namespace) replace(ctx context.Context, l *nsLink, ref *wire.DFSReferralResponse, last string, expires time.Time) error {
	if last != "" {
		ordered := *ref
		ordered.Referrals = nil
		var tail []wire.DFSReferral
		for _, e := range ref.Referrals {
			if strings.EqualFold(e.NetworkAddress, last) {
				tail = append(tail, e)
			} else {
				ordered.Referrals = append(ordered.Referrals, e)
			}
		}
		ordered.Referrals = append(ordered.Referrals, tail...)
		ref = &ordered
	}
	h := DFSHop{Path: l.hop.Path, Kind: "link"}
	cl, t, target, err := tryTargets(ctx, ref, &h, ns.connect)
	ns.hop(h)
	if err != nil {
		return err
	}
	ns.oneAttempt(cl, &h)
	ns.mu.Lock()
	replaced := false
	for i, x := range ns.links {
		if x == l {
			ns.salt++
			t.idSalt = ns.salt
			ns.links[i] = &nsLink{prefix: l.prefix, from: l.from, cl: cl, tree: t, target: target, hop: h, expires: expires, used: ns.now()}
			replaced = true
		}
	}
	closed := ns.closed
	if replaced && !closed {
		ns.retire(l.cl)
	}
	ns.mu.Unlock()
	if !replaced || closed {
		// Another caller replaced l first, or the namespace closed.
		cl.Close()
	}
	return nil
}

// remember adds l, replacing a link of the same prefix and making room
// under maxLinks.
func (ns *Namespace) remember(l *nsLink) {
	ns.mu.Lock()
	defer ns.mu.Unlock()
	if ns.closed {
		if l.cl != nil {
			go l.cl.Close()
		}
		return
	}
	l.used = ns.now()
	if l.tree != nil {
		ns.salt++
		l.tree.idSalt = ns.salt
	}
	for i, x := range ns.links {
		if asciiEqualFold(x.prefix, l.prefix) {
			ns.links[i] = l
			ns.retire(x.cl)
			return
		}
	}
	if len(ns.links) >= maxLinks {
		oldest := 0
		for i, x := range ns.links {
			if x.used.Before(ns.links[oldest].used) {
				oldest = i
			}
		}
		ns.retire(ns.links[oldest].cl)
		ns.links = append(ns.links[:oldest], ns.links[oldest+1:]...)
	}
	ns.links = append(ns.links, l)
}

// forget drops l, a failed link past its time. ns.mu must be held.
func (ns *Namespace) forget(l *nsLink) {
	ns.links = slices.DeleteFunc(ns.links, func(x *nsLink) bool { return x == l })
}

// retire keeps cl for the handles open on it, closing the oldest retired
// client past maxRetired. ns.mu must be held.
func (ns *Namespace) retire(cl *Client) {
	if cl == nil {
		return
	}
	for _, l := range ns.links {
		if l.cl == cl {
			return // still routed to by another link
		}
	}
	ns.retired = append(ns.retired, cl)
	if len(ns.retired) > maxRetired {
		go ns.retired[0].Close()
		ns.retired = ns.retired[1:]
	}
}

// hop tells OnHop about h.
func (ns *Namespace) hop(h DFSHop) {
	if ns.OnHop != nil {
		ns.OnHop(h)
	}
}

// oneAttempt makes cl, a link's target among others (h), try one
// reconnect only: when its server is gone the link fails over at once
// (Run) instead of waiting out the reconnect attempts a lone server gets.
func (ns *Namespace) oneAttempt(cl *Client, h *DFSHop) {
	if len(h.Targets) > 1 {
		cl.mu.Lock()
		cl.oneAttempt = true
		cl.mu.Unlock()
	}
}

// referralTTL is how long ref's answer may be used: its first entry's TTL,
// clamped to [minLinkTTL, maxLinkTTL].
func referralTTL(ref *wire.DFSReferralResponse) time.Duration {
	ttl := minLinkTTL
	if len(ref.Referrals) > 0 {
		ttl = time.Duration(ref.Referrals[0].TTL) * time.Second
	}
	return min(max(ttl, minLinkTTL), maxLinkTTL)
}

// serverGone reports whether err says the server of a tree cannot be
// reached any more (the connection ended and could not be made again, or
// the server stopped answering), as opposed to an answer from it.
func serverGone(err error) bool {
	if err == nil {
		return false
	}
	var se *StatusError
	if errors.As(err, &se) {
		return false
	}
	var ne *net.OpError
	return errors.Is(err, ErrConnectionClosed) || errors.Is(err, ErrTimeout) || errors.Is(err, ErrHandleLost) ||
		errors.As(err, &ne) || errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.EHOSTUNREACH)
}
