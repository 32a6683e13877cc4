package client_test

import (
	"context"
	"strings"
	"testing"

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
