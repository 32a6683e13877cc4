package client

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client/smbtest"
	"github.com/smb3fs/smb3fs/client/wire"
)

// dfsWorld is a set of fake servers by name and a connector to them that
// refuses the names in refuse by policy, as the rules would.
type dfsWorld struct {
	servers map[string]*smbtest.Server
	refuse  map[string]bool
	asked   []string // the connections made, \\server\share
}

func (w *dfsWorld) connect(ctx context.Context, server, share string) (*Client, *Tree, error) {
	w.asked = append(w.asked, `\\`+server+`\`+share)
	if w.refuse[server] {
		return nil, nil, fmt.Errorf("%w: %s is a weak server", ErrRefused, server)
	}
	srv, ok := w.servers[server]
	if !ok {
		return nil, nil, fmt.Errorf("smb2: connect %s:445: no such host", server)
	}
	cl, err := Dial(ctx, Options{Server: server, Policy: StrictPolicy(), Dial: srv.Dial, Timeout: 5 * time.Second,
		NewMechanism: func() (auth.Mechanism, error) { return &smbtest.Mechanism{IsMutual: true}, nil }})
	if err != nil {
		return nil, nil, err
	}
	t, err := cl.Connect(ctx, share)
	if err != nil {
		cl.Close()
		return nil, nil, err
	}
	return cl, t, nil
}

// referrals answers each path in m with a link referral to its targets
// covering the map key; other paths get STATUS_NOT_FOUND.
func referrals(t *testing.T, m map[string][]string) func(*wire.DFSReferralRequest) ([]byte, wire.Status) {
	return func(req *wire.DFSReferralRequest) ([]byte, wire.Status) {
		for link, targets := range m {
			if req.RequestFileName != link && !strings.HasPrefix(req.RequestFileName, link+`\`) {
				continue
			}
			r := &wire.DFSReferralResponse{PathConsumed: uint16(wire.UTF16Len(link)), HeaderFlags: wire.DFSStorageServers}
			for _, tg := range targets {
				r.Referrals = append(r.Referrals, wire.DFSReferral{Version: 3, TTL: 300, DFSPath: link, DFSAlternatePath: link, NetworkAddress: tg})
			}
			b, err := r.Encode()
			if err != nil {
				t.Error(err)
			}
			return b, wire.StatusSuccess
		}
		return nil, wire.StatusNotFound
	}
}

func newDFSWorld(t *testing.T) *dfsWorld {
	dfsFlags := wire.ShareFlagDFS | wire.ShareFlagDFSRoot
	root := &smbtest.Server{ShareFlags: map[string]uint32{"dfs": dfsFlags, "plain": 0, "IPC$": 0}}
	root.Referral = referrals(t, map[string][]string{
		`\root\dfs\link`:  {`\weak\data`, `\good\data\base`},
		`\root\dfs\inter`: {`\second\ns`},
		`\root\dfs\none`:  {`\weak\data`, `\gone\data`},
		`\root\dfs\loop`:  {`\root\dfs\loop`},
		`\root\plain\x`:   {`\good\data`},
	})
	second := &smbtest.Server{ShareFlags: map[string]uint32{"ns": dfsFlags, "IPC$": 0}}
	second.Referral = referrals(t, map[string][]string{`\second\ns\deeper`: {`\good\data`}})
	good := &smbtest.Server{ShareFlags: map[string]uint32{"data": 0, "IPC$": 0}}
	w := &dfsWorld{servers: map[string]*smbtest.Server{"root": root, "second": second, "good": good}, refuse: map[string]bool{"weak": true}}
	t.Cleanup(func() {
		for _, s := range w.servers {
			s.Close()
		}
	})
	return w
}

func TestResolveDFS(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		share, rest                       string
		server, wantShare, prefix, chosen string
		hops                              int
		skipped                           int
	}{
		// A link: the refused first target is skipped for the second,
		// whose path leads the remainder.
		{"dfs", `link\sub\f`, "good", "data", `base\sub\f`, `\good\data\base`, 1, 1},
		// An interlink: the target is itself a namespace.
		{"dfs", `inter\deeper\x`, "good", "data", `x`, `\good\data`, 2, 0},
		// A directory of the root, not a link: stays.
		{"dfs", `folder\f`, "root", "dfs", `folder\f`, "", 0, 0},
		// The root itself, and a share that is no DFS root: no referral.
		{"dfs", "", "root", "dfs", "", "", 0, 0},
		{"plain", `x\y`, "root", "plain", `x\y`, "", 0, 0},
	} {
		w := newDFSWorld(t)
		res, err := ResolveDFS(ctx, "root", tc.share, tc.rest, w.connect)
		if err != nil {
			t.Errorf("%s\\%s: %v", tc.share, tc.rest, err)
			continue
		}
		if res.Server != tc.server || res.Share != tc.wantShare || res.Prefix != tc.prefix || len(res.Hops) != tc.hops {
			t.Errorf("%s\\%s: %s %s %q, %d hops %+v", tc.share, tc.rest, res.Server, res.Share, res.Prefix, len(res.Hops), res.Hops)
		}
		if tc.hops > 0 {
			first := res.Hops[0]
			if len(first.Skipped) != tc.skipped || (tc.hops == 1 && first.Chosen != tc.chosen) {
				t.Errorf("%s\\%s: hop %+v", tc.share, tc.rest, first)
			}
			if tc.skipped > 0 && !errors.Is(first.Skipped[0], ErrRefused) {
				t.Errorf("skipped for %v, want a refusal", first.Skipped[0])
			}
		}
		if res.Client == nil || res.Tree == nil {
			t.Fatal("no client or tree")
		}
		if _, err := res.Tree.Do(ctx, "", OpenOptions{}); err != nil {
			t.Errorf("the resolved tree does not work: %v", err)
		}
		res.Client.Close()
	}
}

func TestResolveDFSRefusals(t *testing.T) {
	ctx := context.Background()
	w := newDFSWorld(t)
	_, err := ResolveDFS(ctx, "root", "dfs", `none\f`, w.connect)
	if err == nil || !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), `\weak\data`) || !strings.Contains(err.Error(), `\gone\data`) ||
		!strings.Contains(err.Error(), "no target could be used") {
		t.Errorf("no usable target: %v", err)
	}
	_, err = ResolveDFS(ctx, "root", "dfs", `loop\f`, w.connect)
	if err == nil || !strings.Contains(err.Error(), "more than 8 referrals") {
		t.Errorf("a referral loop: %v", err)
	}
	// The server the user named is refused by policy: no domain guess.
	old := domainControllers
	defer func() { domainControllers = old }()
	domainControllers = func(context.Context, string) ([]string, error) {
		t.Error("a refused server was tried as a domain")
		return nil, errors.New("no")
	}
	if _, err := ResolveDFS(ctx, "weak", "data", "", w.connect); !errors.Is(err, ErrRefused) {
		t.Errorf("refused server: %v", err)
	}
}

// A name that is no file server but a domain with DCs: the DC answers the
// root referral of \domain\share and the target is used.
func TestResolveDFSDomain(t *testing.T) {
	ctx := context.Background()
	w := newDFSWorld(t)
	dc := &smbtest.Server{ShareFlags: map[string]uint32{"IPC$": 0, "sysvol": 0}}
	dc.Referral = referrals(t, map[string][]string{`\example.test\sysvol`: {`\dc1.example.test\sysvol`}})
	w.servers["dc1.example.test"] = dc
	old := domainControllers
	defer func() { domainControllers = old }()
	domainControllers = func(_ context.Context, d string) ([]string, error) {
		if d != "example.test" {
			return nil, errors.New("not a domain")
		}
		return []string{"down.example.test", "dc1.example.test"}, nil
	}
	res, err := ResolveDFS(ctx, "example.test", "sysvol", `example.test\Policies`, w.connect)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Client.Close()
	if res.Server != "dc1.example.test" || res.Share != "sysvol" || res.Prefix != `example.test\Policies` || len(res.Hops) != 2 ||
		res.Hops[0].Kind != "domain" || res.Hops[0].Chosen != "dc1.example.test" || len(res.Hops[0].Skipped) != 1 ||
		res.Hops[1].Kind != "root" || res.Hops[1].Chosen != `\dc1.example.test\sysvol` {
		t.Errorf("resolved %s %s %q, hops %+v", res.Server, res.Share, res.Prefix, res.Hops)
	}
	// Neither a file server nor a domain: the first error stands.
	_, err = ResolveDFS(ctx, "nowhere.test", "x", "", w.connect)
	if err == nil || !strings.Contains(err.Error(), "no such host") {
		t.Errorf("unknown name: %v", err)
	}
}

func TestRemainder(t *testing.T) {
	for _, tc := range []struct {
		path     string
		consumed int
		want     string
	}{
		{`\s\dfs\link\a\b`, wire.UTF16Len(`\s\dfs\link`), `\a\b`},
		{`\s\dfs\link`, wire.UTF16Len(`\s\dfs\link`), ``},
		{`\s\dfs\linkage\a`, wire.UTF16Len(`\s\dfs\link`), `\a`}, // inside a name: to its end
		{`\s\dfs\ŝé\a`, wire.UTF16Len(`\s\dfs\ŝé`), `\a`},
	} {
		if got := remainder(tc.path, uint16(tc.consumed)); got != tc.want {
			t.Errorf("remainder(%q, %d) = %q, want %q", tc.path, tc.consumed, got, tc.want)
		}
	}
}
