package client

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client/smbtest"
	"github.com/smb3fs/smb3fs/client/wire"
)

// nsWorld is a DFS root (\root\dfs) whose link referrals can change, in
// a dfsWorld, with a namespace over it on a fake clock.
type nsWorld struct {
	*dfsWorld
	ns   *Namespace
	root *Tree
	now  time.Time

	mu    sync.Mutex
	links map[string][]string // guarded by mu
}

func newNSWorld(t *testing.T) *nsWorld {
	w := &nsWorld{dfsWorld: newDFSWorld(t), now: time.Unix(1_700_000_000, 0)}
	w.servers["good2"] = &smbtest.Server{ShareFlags: map[string]uint32{"data": 0, "IPC$": 0}}
	w.links = map[string][]string{
		`\root\dfs\link`: {`\weak\data`, `\good\data\base`},
		`\root\dfs\none`: {`\weak\data`, `\gone\data`},
	}
	w.servers["root"].Referral = func(req *wire.DFSReferralRequest) ([]byte, wire.Status) {
		w.mu.Lock()
		m := make(map[string][]string, len(w.links))
		for k, v := range w.links {
			m[k] = v
		}
		w.mu.Unlock()
		return referrals(t, m)(req)
	}
	ctx := context.Background()
	cl, root, err := w.connect(ctx, "root", "dfs")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cl.Close() })
	w.root = root
	w.ns = NewNamespace(root, "root", "dfs", w.connect)
	w.ns.now = func() time.Time { return w.now }
	t.Cleanup(func() { w.ns.Close() })
	return w
}

// setLink changes what the root refers a link to.
func (w *nsWorld) setLink(link string, targets ...string) {
	w.mu.Lock()
	w.links[`\root\dfs\`+link] = targets
	w.mu.Unlock()
}

// nsCall is one run of an operation: the tree's server and share, and the name.
type nsCall struct{ server, name string }

// run runs an operation on path through the namespace; the root answers a
// path under a link as Samba does (STATUS_PATH_NOT_COVERED), and fail, if
// not nil, decides the operation's outcome on a target.
func (w *nsWorld) run(path string, fail func(c nsCall) error) (nsCall, error) {
	var last nsCall
	err := w.ns.Run(context.Background(), path, func(t *Tree, name string) error {
		last = nsCall{t.cl.server + `\` + t.share, name}
		if t == w.root {
			for _, l := range []string{"link", "none"} {
				if underPrefix(name, l) {
					return &StatusError{Status: wire.StatusPathNotCovered, Command: wire.CmdCreate}
				}
			}
			return nil
		}
		if fail != nil {
			return fail(last)
		}
		return nil
	})
	return last, err
}

func TestNamespaceRoutes(t *testing.T) {
	w := newNSWorld(t)
	for _, tc := range []struct {
		path  string
		want  nsCall
		refer int // referrals asked so far
	}{
		// Under a link: one referral, the refused first target skipped.
		{`link\sub\f`, nsCall{`good\data`, `base\sub\f`}, 1},
		// The link is remembered, matched with ASCII case folding.
		{`LINK\x`, nsCall{`good\data`, `base\x`}, 1},
		{`link`, nsCall{`good\data`, `base`}, 1},
		// Not under a link: the root, as it is.
		{`folder\f`, nsCall{`root\dfs`, `folder\f`}, 1},
		{`linked\f`, nsCall{`root\dfs`, `linked\f`}, 1},
		{``, nsCall{`root\dfs`, ``}, 1},
	} {
		got, err := w.run(tc.path, nil)
		if err != nil || got != tc.want || w.ns.Referrals() != tc.refer {
			t.Errorf("%q: %+v %v after %d referrals, want %+v after %d", tc.path, got, err, w.ns.Referrals(), tc.want, tc.refer)
		}
	}
	// A lookalike spelling (Unicode folding would match it) is no link.
	if got, _ := w.run("lınk\\x", nil); got.server != `root\dfs` {
		t.Errorf("a dotless-i spelling routed to %+v", got)
	}
	// Every target refused or unreachable: the error names why.
	_, err := w.run(`none\x`, nil)
	if err == nil || !strings.Contains(err.Error(), "no target could be used") || !errors.Is(err, ErrRefused) {
		t.Errorf("none: %v", err)
	}
	// Remembered as failed for a while: no referral, no connection.
	n, asked := w.ns.Referrals(), len(w.asked)
	if _, err2 := w.run(`none\y`, nil); err2 == nil || err2.Error() != err.Error() || w.ns.Referrals() != n || len(w.asked) != asked {
		t.Errorf("none again: %v, %d referrals (was %d), connections %v", err2, w.ns.Referrals(), n, w.asked[asked:])
	}
	w.now = w.now.Add(failedLinkTTL + time.Second)
	if _, err2 := w.run(`none\y`, nil); err2 == nil || w.ns.Referrals() != n+1 {
		t.Errorf("none after %v: %v, %d referrals, want %d", failedLinkTTL, err2, w.ns.Referrals(), n+1)
	}
	w.now = w.now.Add(-failedLinkTTL - time.Second)
	links := w.ns.Links()
	if len(links) != 2 || links[0].Chosen != `\good\data\base` || len(links[0].Skipped) != 1 {
		t.Errorf("links %+v", links)
	}
}

func TestNamespaceNameIn(t *testing.T) {
	w := newNSWorld(t)
	got, err := w.run(`link\a`, nil)
	if err != nil || got.server != `good\data` {
		t.Fatalf("%+v %v", got, err)
	}
	var good *Tree
	w.ns.Run(context.Background(), `link\a`, func(t *Tree, name string) error { good = t; return nil })
	for _, tc := range []struct {
		tree *Tree
		path string
		name string
		ok   bool
	}{
		{good, `link\b`, `base\b`, true},
		{good, `Link\sub\c`, `base\sub\c`, true},
		{good, `folder\b`, "", false}, // a rename out of the link: EXDEV
		{w.root, `folder\b`, `folder\b`, true},
		{w.root, `link\b`, "", false}, // into the link from the root
	} {
		name, ok := w.ns.NameIn(tc.tree, tc.path)
		if name != tc.name || ok != tc.ok {
			t.Errorf("NameIn(%s, %q) = %q %v, want %q %v", tc.tree.share, tc.path, name, ok, tc.name, tc.ok)
		}
	}
}

// TestNamespaceTTL: a link past its TTL is referred again; the target in
// use is kept while the referral lists it (no new connection), and
// replaced when it does not.
func TestNamespaceTTL(t *testing.T) {
	w := newNSWorld(t)
	if got, err := w.run(`link\a`, nil); err != nil || got.server != `good\data` {
		t.Fatalf("%+v %v", got, err)
	}
	asked := len(w.asked)
	w.now = w.now.Add(299 * time.Second) // TTL 300 s
	if _, err := w.run(`link\a`, nil); err != nil || w.ns.Referrals() != 1 {
		t.Fatalf("within the TTL: %v, %d referrals", err, w.ns.Referrals())
	}
	w.now = w.now.Add(2 * time.Second)
	w.setLink("link", `\good2\data`, `\good\data\base`)
	got, err := w.run(`link\a`, nil)
	if err != nil || got.server != `good\data` || w.ns.Referrals() != 2 || len(w.asked) != asked {
		t.Fatalf("past the TTL, still listed: %+v %v, %d referrals, connections %v", got, err, w.ns.Referrals(), w.asked[asked:])
	}
	// Moved to targets none of which may be used: the target in use
	// is kept (it met the policy) and asked about again after
	// failedLinkTTL.
	w.now = w.now.Add(301 * time.Second)
	w.setLink("link", `\weak\data`)
	got, err = w.run(`link\a`, nil)
	if err != nil || got.server != `good\data` || w.ns.Referrals() != 3 {
		t.Fatalf("moved to refused targets: %+v %v, %d referrals", got, err, w.ns.Referrals())
	}
	w.now = w.now.Add(failedLinkTTL - time.Second)
	if _, err := w.run(`link\a`, nil); err != nil || w.ns.Referrals() != 3 {
		t.Fatalf("kept: %v, %d referrals", err, w.ns.Referrals())
	}
	w.now = w.now.Add(301 * time.Second)
	w.setLink("link", `\second\ns`)
	got, err = w.run(`link\a`, nil)
	if err != nil || got != (nsCall{`second\ns`, `a`}) || w.ns.Referrals() != 4 {
		t.Fatalf("past the TTL, moved: %+v %v, %d referrals", got, err, w.ns.Referrals())
	}
}

// TestNamespaceFailover: an operation whose target's server is gone runs
// again on the link's next target, the failed one tried last; an answer
// from the server (a status) is no reason to fail over.
func TestNamespaceFailover(t *testing.T) {
	w := newNSWorld(t)
	w.setLink("link", `\good\data\base`, `\good2\data`)
	if got, err := w.run(`link\a`, nil); err != nil || got.server != `good\data` {
		t.Fatalf("%+v %v", got, err)
	}
	denied := func(c nsCall) error { return &StatusError{Status: wire.StatusAccessDenied, Command: wire.CmdCreate} }
	if got, err := w.run(`link\a`, denied); !IsStatus(err, wire.StatusAccessDenied) || got.server != `good\data` {
		t.Fatalf("a status: %+v %v", got, err)
	}
	gone := func(c nsCall) error {
		if c.server == `good\data` {
			return fmt.Errorf("%w: reconnecting to good: connection refused", ErrConnectionClosed)
		}
		return nil
	}
	got, err := w.run(`link\a`, gone)
	if err != nil || got != (nsCall{`good2\data`, `a`}) {
		t.Fatalf("failover: %+v %v", got, err)
	}
	// Routed to the new target from then on; the old client is kept for
	// its handles until the namespace closes.
	if got, err := w.run(`link\b`, nil); err != nil || got.server != `good2\data` {
		t.Fatalf("after failover: %+v %v", got, err)
	}
	// Every target gone: the operation's error, and why failover failed.
	allGone := func(c nsCall) error { return fmt.Errorf("%w: gone", ErrConnectionClosed) }
	w.refuse["good"], w.refuse["good2"] = true, true // neither can be connected again
	if _, err := w.run(`link\c`, allGone); !errors.Is(err, ErrConnectionClosed) || !strings.Contains(err.Error(), "no other target") {
		t.Fatalf("all gone: %v", err)
	}
}

func TestMixID(t *testing.T) {
	a, b := &Tree{idSalt: 1}, &Tree{idSalt: 2}
	seen := map[uint64]bool{}
	for id := uint64(1); id <= 20000; id++ {
		x, y := a.mixID(id), b.mixID(id)
		if x == 0 || x>>63 != 0 || seen[x] {
			t.Fatalf("mixID(%d) = %#x: zero, top bit, or repeated", id, x)
		}
		seen[x] = true
		if x == y {
			t.Fatalf("two salts give %d the same id %#x", id, x)
		}
	}
	if (&Tree{}).mixID(42) != 42 || a.mixID(0) != 0 {
		t.Error("a tree without a salt changes ids, or 0 is mixed")
	}
}

func TestReferralTTL(t *testing.T) {
	for _, tc := range []struct {
		ttl  uint32
		want time.Duration
	}{{0, time.Second}, {300, 300 * time.Second}, {1 << 30, time.Hour}} {
		r := &wire.DFSReferralResponse{Referrals: []wire.DFSReferral{{TTL: tc.ttl}}}
		if got := referralTTL(r); got != tc.want {
			t.Errorf("TTL %d: %v, want %v", tc.ttl, got, tc.want)
		}
	}
}
