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

func rwCreate(disp uint32) *wire.CreateRequest {
	return &wire.CreateRequest{
		DesiredAccess:     wire.GenericRead | wire.GenericWrite,
		ShareAccess:       wire.ShareRead | wire.ShareWrite | wire.ShareDelete,
		CreateDisposition: disp,
		CreateOptions:     wire.FileNonDirectoryFile,
		FileAttributes:    wire.FileAttributeNormal,
	}
}

func TestLiveDurableHandle(t *testing.T) {
	env := testenv.Env(t)
	_, tr, dir := durableAlice(t, env)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	name := dir + `\durable.txt`

	f, d, err := tr.CreateDurable(ctx, name, rwCreate(wire.FileOverwriteIf), 30*time.Second)
	if err != nil {
		t.Fatalf("CreateDurable: %v", err)
	}
	if d == nil {
		f.Close(context.Background())
		t.Fatalf("Samba granted no durable handle on the encrypted share (oplock 0x%x, %d contexts)", f.Create.OplockLevel, len(f.Create.Contexts))
	}
	defer d.Lease.Release()
	if d.Timeout <= 0 || d.Timeout > 30*time.Second {
		t.Errorf("granted timeout %v, asked 30s (may shorten, never lengthen, never 0)", d.Timeout)
	}
	if d.Persistent {
		t.Error("persistent handle granted on a share that is not continuously available")
	}
	if d.CreateGUID == [16]byte{} {
		t.Error("zero CreateGuid")
	}
	if st := d.Lease.State(); st&wire.LeaseHandle == 0 {
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
	g, err := tr.Create(ctx, name, rwCreate(wire.FileOpen))
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
		f, d, err := tr.CreateDurable(ctx, name, rwCreate(wire.FileOpen), tc.ask)
		if err != nil {
			t.Fatalf("CreateDurable(%v): %v", tc.ask, err)
		}
		f.Close(ctx)
		if d == nil {
			t.Fatalf("CreateDurable(%v): no durable handle", tc.ask)
		}
		d.Lease.Release()
		t.Logf("asked %v, granted %v", tc.ask, d.Timeout)
		if d.Timeout < tc.min || d.Timeout > tc.max {
			t.Errorf("asked %v, granted %v; want within [%v, %v]", tc.ask, d.Timeout, tc.min, tc.max)
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
	f, d, err := tr.CreateDurable(ctx, dir, &wire.CreateRequest{
		DesiredAccess:     wire.GenericRead,
		ShareAccess:       wire.ShareRead | wire.ShareWrite | wire.ShareDelete,
		CreateDisposition: wire.FileOpen,
		CreateOptions:     wire.FileDirectoryFile,
	}, time.Minute)
	if err != nil {
		t.Fatalf("CreateDurable on a directory: %v", err)
	}
	defer f.Close(context.Background())
	if d != nil {
		t.Fatalf("durable handle on a directory: %+v (lease 0x%x)", d, d.Lease.State())
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
	f, acc, err := tr.CreateWithMaximalAccess(ctx, name, &wire.CreateRequest{
		DesiredAccess:     wire.FileReadAttributes,
		ShareAccess:       wire.ShareRead | wire.ShareWrite | wire.ShareDelete,
		CreateDisposition: wire.FileOpen,
	})
	if err != nil {
		t.Fatalf("CreateWithMaximalAccess on alice's file: %v", err)
	}
	f.Close(ctx)
	if want := wire.FileReadData | wire.FileWriteData; acc&want != want {
		t.Errorf("maximal access 0x%08x on alice's own file lacks FILE_READ_DATA|FILE_WRITE_DATA", acc)
	}

	// bob's private directory (0700, owned by bob) in share users.
	ut := connect(t, cl, env.Shares.Users)
	denied := func(what, path string, access uint32) {
		t.Helper()
		f, acc, err := ut.CreateWithMaximalAccess(ctx, path, &wire.CreateRequest{
			DesiredAccess:     access,
			ShareAccess:       wire.ShareRead | wire.ShareWrite | wire.ShareDelete,
			CreateDisposition: wire.FileOpen,
		})
		if err == nil {
			f.Close(ctx)
		}
		var se *client.StatusError
		if !errors.As(err, &se) || se.Status != wire.StatusAccessDenied || se.Command != wire.CmdCreate {
			t.Errorf("%s: access 0x%08x, err %v; want CREATE STATUS_ACCESS_DENIED", what, acc, err)
		}
	}
	denied(`listing bob\`, "bob", wire.GenericRead)
	denied(`opening a name inside bob\`, `bob\anything`, wire.FileReadAttributes)

	// Samba does let alice open bob\ for its attributes alone; the maximal
	// access then shows she can do nothing more with it.
	f, acc, err = ut.CreateWithMaximalAccess(ctx, "bob", &wire.CreateRequest{
		DesiredAccess:     wire.FileReadAttributes,
		ShareAccess:       wire.ShareRead | wire.ShareWrite | wire.ShareDelete,
		CreateDisposition: wire.FileOpen,
	})
	if err != nil {
		t.Fatalf("open bob\\ for attributes: %v", err)
	}
	f.Close(ctx)
	if acc&(wire.FileListDirectory|wire.FileAddFile|wire.FileAddSubdirectory|wire.FileTraverse|wire.Delete|wire.WriteDAC) != 0 {
		t.Errorf("alice's maximal access on bob\\ is 0x%08x: more than attributes", acc)
	}
	// And on her own directory she has it all.
	f, acc, err = ut.CreateWithMaximalAccess(ctx, "alice", &wire.CreateRequest{
		DesiredAccess:     wire.FileReadAttributes,
		ShareAccess:       wire.ShareRead | wire.ShareWrite | wire.ShareDelete,
		CreateDisposition: wire.FileOpen,
	})
	if err != nil {
		t.Fatalf("open alice\\: %v", err)
	}
	f.Close(ctx)
	if want := wire.FileListDirectory | wire.FileAddFile; acc&want != want {
		t.Errorf("alice's maximal access on alice\\ is 0x%08x", acc)
	}
}
