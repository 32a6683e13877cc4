package client_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/internal/testenv"
	"github.com/smb3fs/smb3fs/internal/testenv/liveauth"
)

// What Samba 4.17 does (observed): with its defaults (durable handles = yes,
// kernel oplocks = no) it grants a durable v2 handle to a file opened with
// an RH lease, for the timeout asked; 0 gets its default (60 s) and anything
// above 300 s is cut to 300 s. A directory gets neither lease nor
// durability. MxAc is answered on every successful open.

func durableAlice(t *testing.T, env *testenv.Environment) (*client.Client, *client.Tree, string) {
	t.Helper()
	share := env.Shares.Encrypted
	cl := mustDial(t, env, client.StrictPolicy(), liveauth.Kerberos(t, env, "alice"))
	tr := connect(t, cl, share)
	dir := scratch(t, env, share)
	mkdir(t, tr, dir)
	return cl, tr, dir
}

func TestLiveDurableHandle(t *testing.T) {
	env := testenv.Env(t)
	_, tr, dir := durableAlice(t, env)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	name := dir + `\durable.txt`

	o := durableOpen(client.OverwriteOrCreate)
	o.DurableTimeout = 30 * time.Second
	f, err := tr.Open(ctx, name, o)
	if err != nil {
		t.Fatalf("durable open: %v", err)
	}
	if !f.Durable() {
		f.Close(context.Background())
		t.Fatalf("Samba granted no durable handle on the encrypted share (oplock 0x%x, %d contexts)", f.Create.OplockLevel, len(f.Create.Contexts))
	}
	// (A persistent grant, never asked for, fails the open: a share
	// that is not continuously available must not claim one. The
	// CreateGuid is checked in TestFakeDurableCreateGUID.)
	if d := f.DurableTimeout(); d <= 0 || d > 30*time.Second {
		t.Errorf("granted timeout %v, asked 30s (may shorten, never lengthen, never 0)", d)
	}
	if st := f.Lease().State(); st&client.LeaseHandle == 0 {
		t.Errorf("durable grant with lease state 0x%x: durability needs handle caching", st)
	}
	// The context really went out and came back.
	if _, ok := f.Create.Context(wire.CtxNameDurableV2); !ok {
		t.Error("no DH2Q context in the CREATE response")
	}

	data := bytes.Repeat([]byte("durable handle data\n"), 1000)
	if n, err := f.WriteAt(ctx, data, 0); err != nil || n != len(data) {
		t.Fatalf("WriteAt: %d, %v", n, err)
	}
	got := make([]byte, len(data))
	if n, err := f.ReadAt(ctx, got, 0); err != nil || !bytes.Equal(got[:n], data) {
		t.Fatalf("ReadAt through the durable handle: %d, %v; data differ", n, err)
	}
	if _, err := f.Close(ctx); err != nil {
		t.Fatalf("Close: %v", err)
	}

	// A fresh, plain open sees what the durable handle wrote.
	g, err := tr.Open(ctx, name, rwOpen(client.OpenExisting))
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer g.Close(context.Background())
	clear(got)
	n, err := g.ReadAt(ctx, got, 0)
	if err != nil && err != io.EOF || !bytes.Equal(got[:n], data) {
		t.Fatalf("ReadAt after reopen: %d, %v; data differ", n, err)
	}
}

func TestLiveDurableTimeouts(t *testing.T) {
	env := testenv.Env(t)
	_, tr, dir := durableAlice(t, env)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	name := dir + `\timeouts.txt`
	createFile(t, tr, name).Close(ctx)

	for _, tc := range []struct {
		ask      time.Duration
		min, max time.Duration
	}{
		{0, time.Millisecond, 300 * time.Second},         // server default (Samba: 60 s)
		{time.Hour, time.Millisecond, 300 * time.Second}, // cut down (Samba: 300 s)
		{1500 * time.Millisecond, time.Millisecond, 1500 * time.Millisecond},
	} {
		o := durableOpen(client.OpenExisting)
		o.DurableTimeout = tc.ask
		f, err := tr.Open(ctx, name, o)
		if err != nil {
			t.Fatalf("durable open (%v): %v", tc.ask, err)
		}
		durable, granted := f.Durable(), f.DurableTimeout()
		f.Close(ctx)
		if !durable {
			t.Fatalf("durable open (%v): no durable handle", tc.ask)
		}
		t.Logf("asked %v, granted %v", tc.ask, granted)
		if granted < tc.min || granted > tc.max {
			t.Errorf("asked %v, granted %v; want within [%v, %v]", tc.ask, granted, tc.min, tc.max)
		}
	}
}

// A directory gets no lease from Samba, hence no durability: a nil Durable
// and a usable handle, not an error.
func TestLiveDurableDirectoryNotGranted(t *testing.T) {
	env := testenv.Env(t)
	_, tr, dir := durableAlice(t, env)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	f, err := tr.Open(ctx, dir, client.OpenOptions{Access: client.AccessRead, Kind: client.KindDir, Durable: true, DurableTimeout: time.Minute})
	if err != nil {
		t.Fatalf("durable open of a directory: %v", err)
	}
	defer f.Close(context.Background())
	if f.Durable() {
		t.Fatalf("durable handle on a directory: timeout %v (lease %v)", f.DurableTimeout(), f.Lease())
	}
	if _, err := f.ReadDir(ctx, ""); err != nil {
		t.Fatalf("ReadDir on the handle: %v", err)
	}
}

func TestLiveMaximalAccess(t *testing.T) {
	env := testenv.Env(t)
	cl, tr, dir := durableAlice(t, env)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	name := dir + `\mine.txt`
	createFile(t, tr, name).Close(ctx)

	// A file alice owns: she may read and write it, whatever she opened for.
	maximal := func(tr *client.Tree, path string, access client.Access) (uint32, error) {
		f, err := tr.Open(ctx, path, client.OpenOptions{Access: access, MaximalAccess: true})
		if err != nil {
			return 0, err
		}
		f.Close(ctx)
		return uint32(f.MaximalAccess()), nil
	}
	acc, err := maximal(tr, name, client.AccessReadAttributes)
	if err != nil {
		t.Fatalf("maximal access on alice's file: %v", err)
	}
	if want := wire.FileReadData | wire.FileWriteData; acc&want != want {
		t.Errorf("maximal access 0x%08x on alice's own file lacks FILE_READ_DATA|FILE_WRITE_DATA", acc)
	}

	// bob's private directory (0700, owned by bob) in share users.
	ut := connect(t, cl, env.Shares.Users)
	denied := func(what, path string, access client.Access) {
		t.Helper()
		acc, err := maximal(ut, path, access)
		var se *client.StatusError
		if !errors.As(err, &se) || se.Status != wire.StatusAccessDenied || se.Command != wire.CmdCreate {
			t.Errorf("%s: access 0x%08x, err %v; want CREATE STATUS_ACCESS_DENIED", what, acc, err)
		}
	}
	denied(`listing bob\`, "bob", client.AccessRead)
	denied(`opening a name inside bob\`, `bob\anything`, client.AccessReadAttributes)

	// Samba does let alice open bob\ for its attributes alone; the maximal
	// access then shows she can do nothing more with it.
	acc, err = maximal(ut, "bob", client.AccessReadAttributes)
	if err != nil {
		t.Fatalf("open bob\\ for attributes: %v", err)
	}
	if acc&(wire.FileListDirectory|wire.FileAddFile|wire.FileAddSubdirectory|wire.FileTraverse|wire.Delete|wire.WriteDAC) != 0 {
		t.Errorf("alice's maximal access on bob\\ is 0x%08x: more than attributes", acc)
	}
	// And on her own directory she has it all.
	acc, err = maximal(ut, "alice", client.AccessReadAttributes)
	if err != nil {
		t.Fatalf("open alice\\: %v", err)
	}
	if want := wire.FileListDirectory | wire.FileAddFile; acc&want != want {
		t.Errorf("alice's maximal access on alice\\ is 0x%08x", acc)
	}
}
