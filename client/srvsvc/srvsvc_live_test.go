package srvsvc_test

import (
	"context"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/srvsvc"
	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/internal/testenv"
)

// listOver dials srv with p and m, connects IPC$ and lists its shares; it
// fails the test unless the IPC$ tree was encrypted.
func listOver(t *testing.T, srv testenv.Server, p client.Policy, m auth.Mechanism) []srvsvc.Share {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cl, err := client.Dial(ctx, client.Options{Server: srv.Host, Address: srv.SMBAddr(), Policy: p, Mechanism: m, Timeout: 20 * time.Second})
	if err != nil {
		t.Fatalf("Dial: %v", err)
	}
	defer cl.Close()
	tr, err := cl.Connect(ctx, "IPC$")
	if err != nil {
		t.Fatalf("Connect IPC$: %v", err)
	}
	defer tr.Disconnect(ctx)
	if !tr.Encrypted() || !cl.Info().Encrypted {
		t.Fatalf("IPC$ not encrypted: %+v", cl.Info())
	}
	shares, err := srvsvc.List(ctx, tr, srv.Host)
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	return shares
}

func wantShares(t *testing.T, shares []srvsvc.Share, disks ...string) {
	t.Helper()
	got := map[string]srvsvc.Share{}
	for _, s := range shares {
		got[s.Name] = s
	}
	for _, d := range disks {
		if s, ok := got[d]; !ok || s.TypeName() != "Disk" || s.Special() {
			t.Errorf("share %s: %+v %v; listed %+v", d, s, ok, shares)
		}
	}
	if s := got["IPC$"]; s.TypeName() != "IPC" || !s.Special() {
		t.Errorf("IPC$ listed as %+v", s)
	}
}

// TestLiveListDC lists the DC's shares as alice with Kerberos over the
// strict default: SMB 3.1.1, sealed.
func TestLiveListDC(t *testing.T) {
	env := testenv.Env(t)
	t.Setenv("KRB5_CONFIG", env.KRB5Conf)
	t.Setenv("KRB5CCNAME", "FILE:"+env.Kinit(t, "alice"))
	m, err := auth.NewKerberos(auth.KerberosCredentials{}, "cifs/"+env.DC.Host)
	if err != nil {
		t.Fatal(err)
	}
	s := env.Shares
	wantShares(t, listOver(t, env.DC, client.StrictPolicy(), m), s.Encrypted, s.Signed, s.Users, s.Guest, s.Full)
}

// TestLiveListLegacy lists the SMB 3.0 server's shares with NTLMv2 where a
// rule allows both, sealed with AES-128-CCM: IPC$ on 3.0 also runs
// VALIDATE_NEGOTIATE_INFO.
func TestLiveListLegacy(t *testing.T) {
	env := testenv.Env(t)
	alice := env.User(t, "alice")
	p := client.StrictPolicy()
	p.MinDialect = wire.Dialect300
	p.RequireMutualAuth = false
	p.AllowNTLM = true
	m := auth.NewNTLMv2(auth.NTLMCredentials{User: "alice", Domain: env.Domain, Password: []byte(alice.Password)}, "cifs/"+env.Legacy.Host)
	wantShares(t, listOver(t, env.Legacy, p, m), env.Shares.Legacy)
}
