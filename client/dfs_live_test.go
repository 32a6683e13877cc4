package client_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/internal/testenv"
	"github.com/smb3fs/smb3fs/internal/testenv/liveauth"
)

// TestLiveReferral: the DC's standalone namespace (share dfs) answers a
// link referral with the link's targets, in order, for the path the link
// covers; a path outside any namespace has none.
func TestLiveReferral(t *testing.T) {
	env := testenv.Env(t)
	cl := mustDial(t, env, client.StrictPolicy(), liveauth.Kerberos(t, env, "alice"))
	ctx := context.Background()
	server := env.DC.Host
	for _, tc := range []struct {
		link    string
		targets []string
	}{
		{"good", []string{`\dc1.smb3fs.test\secure`}},
		{"legacy", []string{`\legacy.smb3fs.test\old`}},
		{"failover", []string{`\down.smb3fs.test\secure`, `\dc1.smb3fs.test\secure`}},
	} {
		path := `\` + server + `\dfs\` + tc.link
		r, err := cl.Referral(ctx, path+`\some\file`)
		if err != nil {
			t.Fatalf("%s: %v", tc.link, err)
		}
		var got []string
		for _, e := range r.Referrals {
			got = append(got, e.NetworkAddress)
		}
		if strings.Join(got, ",") != strings.Join(tc.targets, ",") {
			t.Errorf("%s: targets %q, want %q (%+v)", tc.link, got, tc.targets, r)
		}
		if want := wire.UTF16Len(path); int(r.PathConsumed) != want {
			t.Errorf("%s: PathConsumed %d, want %d (the link's path)", tc.link, r.PathConsumed, want)
		}
		if r.HeaderFlags&wire.DFSStorageServers == 0 {
			t.Errorf("%s: header flags %#x without StorageServers", tc.link, r.HeaderFlags)
		}
	}
	if _, err := cl.Referral(ctx, `\`+server+`\secure\x`); err == nil {
		t.Error("a referral for a share that is no DFS root")
	}
}

// TestLiveDomainReferrals: the AD DC answers the three steps of a
// domain-based path ([MS-DFSC] 3.1.4.1): the domain referral lists the
// domain, the DC referral expands it to the DC, and the root referral for
// \domain\sysvol names the DC's own sysvol share.
func TestLiveDomainReferrals(t *testing.T) {
	env := testenv.Env(t)
	cl := mustDial(t, env, client.StrictPolicy(), liveauth.Kerberos(t, env, "alice"))
	ctx := context.Background()
	domain := `\` + env.DNSDomain
	r, err := cl.Referral(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range r.Referrals {
		found = found || e.NameList() && strings.EqualFold(e.SpecialName, domain)
	}
	if !found {
		t.Errorf("domain referral %+v does not list %s", r, domain)
	}
	r, err = cl.Referral(ctx, domain)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Referrals) != 1 || !r.Referrals[0].NameList() || len(r.Referrals[0].ExpandedNames) == 0 ||
		!strings.EqualFold(r.Referrals[0].ExpandedNames[0], `\`+env.DC.Host) {
		t.Errorf("DC referral for %s: %+v, want the DC %s", domain, r, env.DC.Host)
	}
	r, err = cl.Referral(ctx, domain+`\sysvol`)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Referrals) == 0 || !strings.EqualFold(r.Referrals[0].NetworkAddress, `\`+env.DC.Host+`\sysvol`) {
		t.Errorf("root referral for %s\\sysvol: %+v", domain, r)
	}
}

// TestLiveNamespaceTTL: a mounted root's link is remembered for the
// referral's TTL; when the TTL has run out (on the namespace's clock) the
// link is referred again, and a link the server now points elsewhere
// (its msdfs symlink changed on the DC's disk) routes to the new target.
func TestLiveNamespaceTTL(t *testing.T) {
	env := testenv.Env(t)
	s422 := env.Samba422(t)
	ctx := context.Background()
	servers := map[string]testenv.Server{env.DC.Host: env.DC, s422.Server.Host: s422.Server}
	cc := env.Kinit(t, "alice")
	connectTo := func(ctx context.Context, server, share string) (*client.Client, *client.Tree, error) {
		srv, ok := servers[server]
		if !ok {
			return nil, nil, fmt.Errorf("no test server %s", server)
		}
		mech, err := auth.NewKerberos(auth.KerberosCredentials{Krb5Conf: env.KRB5Conf, CCache: cc}, "cifs/"+srv.Host)
		if err != nil {
			return nil, nil, err
		}
		cl, err := dial(t, env, srv, client.StrictPolicy(), mech)
		if err != nil {
			return nil, nil, err
		}
		tr, err := cl.Connect(ctx, share)
		if err != nil {
			cl.Close()
			return nil, nil, err
		}
		return cl, tr, nil
	}
	cl := mustDial(t, env, client.StrictPolicy(), liveauth.Kerberos(t, env, "alice"))
	root := connect(t, cl, "dfs")
	ns := client.NewNamespace(root, env.DC.Host, "dfs", connectTo)
	t.Cleanup(func() { ns.Close() })
	now := time.Now()
	client.SetNamespaceClock(ns, func() time.Time { return now })

	// A link of this test's own, and a file of the same name on both
	// targets with contents that tell them apart.
	secure := env.ShareDirs[env.Shares.Encrypted]
	dfsDir := filepath.Join(filepath.Dir(secure), "dfs")
	link := env.ScratchName(t, env.Shares.Encrypted, "ttl")
	setLink := func(target string) {
		tmp := filepath.Join(dfsDir, link+".new")
		if err := os.Symlink(target, tmp); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, filepath.Join(dfsDir, link)); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { os.Remove(filepath.Join(dfsDir, link)) })
	setLink(`msdfs:` + env.DC.Host + `\` + env.Shares.Encrypted)
	for dir, content := range map[string]string{secure: "dc", s422.Path: "s422"} {
		if err := os.WriteFile(filepath.Join(dir, link), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Remove(filepath.Join(dir, link)) })
	}
	read := func() string {
		t.Helper()
		var got string
		err := ns.Run(ctx, link+`\`+link, func(tr *client.Tree, name string) error {
			res, err := tr.Do(ctx, name, client.OpenOptions{}, client.ReadData(64))
			if err == nil {
				got = string(res.Data)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return got
	}

	if got := read(); got != "dc" || ns.Referrals() != 1 {
		t.Fatalf("through the link: %q after %d referrals, want the DC's after 1", got, ns.Referrals())
	}
	r, err := cl.Referral(ctx, `\`+env.DC.Host+`\dfs\`+link)
	if err != nil {
		t.Fatal(err)
	}
	ttl := time.Duration(r.Referrals[0].TTL) * time.Second
	t.Logf("Samba's referral TTL: %v", ttl)

	setLink(`msdfs:` + s422.Server.Host + `\` + s422.Share)
	now = now.Add(ttl - time.Second)
	if got := read(); got != "dc" || ns.Referrals() != 1 {
		t.Fatalf("within the TTL: %q after %d referrals, want the remembered DC after 1", got, ns.Referrals())
	}
	now = now.Add(2 * time.Second)
	if got := read(); got != "s422" || ns.Referrals() != 2 {
		t.Fatalf("past the TTL: %q after %d referrals, want s422's after 2", got, ns.Referrals())
	}
}
