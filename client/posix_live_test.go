package client_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/internal/testenv"
	"github.com/smb3fs/smb3fs/internal/testenv/liveauth"
)

// dial422 connects to the 4.22 host as alice (strict policy).
func dial422(t *testing.T, noPOSIX bool) (*testenv.Environment, *testenv.Samba422, *client.Client) {
	t.Helper()
	env := testenv.Env(t)
	s := env.Samba422(t)
	cc := env.Kinit(t, "alice")
	newMech := func() (auth.Mechanism, error) {
		return auth.NewKerberos(auth.KerberosCredentials{Krb5Conf: env.KRB5Conf, CCache: cc}, s.Server.SPN)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cl, err := client.Dial(ctx, client.Options{Server: s.Server.Host, Address: s.Server.SMBAddr(), Policy: client.StrictPolicy(), NewMechanism: newMech, Timeout: 20 * time.Second, NoPOSIX: noPOSIX})
	if err != nil {
		t.Fatalf("Dial %s: %v", s.Server.Host, err)
	}
	t.Cleanup(func() { cl.Close() })
	return env, s, cl
}

// TestLivePosixNegotiate: the 4.22 host takes the POSIX extensions, not
// when they are not offered; the 4.17 DC (smb3 unix extensions off by
// default) does not.
func TestLivePosixNegotiate(t *testing.T) {
	env, _, cl := dial422(t, false)
	if !cl.POSIX() {
		t.Error("Samba 4.22 with smb3 unix extensions: POSIX not negotiated")
	}
	if _, _, off := dial422(t, true); off.POSIX() {
		t.Error("NoPOSIX: POSIX negotiated anyway")
	}
	dc := mustDial(t, env, client.StrictPolicy(), liveauth.Kerberos(t, env, "alice"))
	if dc.POSIX() {
		t.Error("Samba 4.17: POSIX negotiated")
	}
}

// TestLivePosixOps: a POSIX open's answer, chmod through SetMode,
// QueryPOSIX and ListPOSIX, on the server's disk; the plain share (no
// smb3 unix extensions) answers a POSIX open as an ordinary one.
func TestLivePosixOps(t *testing.T) {
	_, s, cl := dial422(t, false)
	tr := connect(t, cl, s.PosixShare)
	ctx := context.Background()
	name := fmt.Sprintf("px-%d", time.Now().UnixNano())
	disk := filepath.Join(s.PosixPath, name)
	t.Cleanup(func() { os.RemoveAll(disk) })
	res, err := tr.Do(ctx, name, client.OpenOptions{Kind: client.KindFile, Disposition: client.CreateNew, POSIX: true, Mode: 0o640})
	if err != nil {
		t.Fatal(err)
	}
	if res.Posix == nil || res.Posix.Mode != 0o640 || res.Posix.NLinks != 1 {
		t.Fatalf("POSIX answer %+v, want mode 0640, one link", res.Posix)
	}
	if fi, err := os.Lstat(disk); err != nil || fi.Mode() != 0o640 {
		t.Fatalf("on the server: %v, %v", fi.Mode(), err)
	}
	res, err = tr.Do(ctx, name, client.OpenOptions{POSIX: true}, client.SetMode(0o751), client.QueryPOSIX())
	if err != nil {
		t.Fatal(err)
	}
	if res.PosixInfo == nil || res.PosixInfo.Mode != 0o751 || res.PosixInfo.Inode == 0 {
		t.Fatalf("FilePOSIXInformation after chmod: %+v", res.PosixInfo)
	}
	if fi, err := os.Lstat(disk); err != nil || fi.Mode() != 0o751 {
		t.Fatalf("on the server after chmod: %v, %v", fi.Mode(), err)
	}
	// The owner is alice's domain SID, the same in both answers.
	if !res.PosixInfo.Owner.Equal(res.Posix.Owner) || res.Posix.Owner.String() == "S-1-0-0" {
		t.Errorf("owner %s / %s", res.PosixInfo.Owner, res.Posix.Owner)
	}
	res, err = tr.Do(ctx, "", client.OpenOptions{POSIX: true, Kind: client.KindDir}, client.ListPOSIX(64<<10))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range res.Entries {
		if e.Name == name {
			found = e.Posix != nil && e.Posix.Mode == 0o751
		}
	}
	if !found {
		t.Errorf("ListPOSIX: %s not listed with mode 0751", name)
	}
	// A POSIX open does not follow a symlink: STATUS_STOPPED_ON_SYMLINK,
	// and with FILE_OPEN_REPARSE_POINT it opens the link, a reparse point.
	if err := os.Symlink("target/x", disk+".ln"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Remove(disk + ".ln") })
	if _, err := tr.Do(ctx, name+".ln", client.OpenOptions{POSIX: true}); !client.IsStatus(err, wire.StatusStoppedOnSymlink) {
		t.Errorf("POSIX open of a symlink: %v, want STATUS_STOPPED_ON_SYMLINK", err)
	}
	f, err := tr.Open(ctx, name+".ln", client.OpenOptions{POSIX: true, OpenReparsePoint: true})
	if err != nil {
		t.Fatal(err)
	}
	sl, err := f.GetSymlink(ctx)
	f.Close(ctx)
	if err != nil || sl.SubstituteName != "target/x" || sl.Flags != wire.SymlinkFlagRelative {
		t.Errorf("symlink %+v, %v", sl, err)
	}
	plain := connect(t, cl, s.Share)
	pres, err := plain.Do(ctx, "", client.OpenOptions{POSIX: true, Kind: client.KindDir})
	if err != nil || pres.Posix != nil {
		t.Errorf("POSIX open on the plain share: %+v, %v; want an ordinary open", pres, err)
	}
}
