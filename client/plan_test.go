package client_test

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/smbtest"
	"github.com/smb3fs/smb3fs/client/wire"
)

// Unit tests of open.go and plan.go against the fake server.

// TestFakePlanOps runs each plan operation on the fake server and checks
// what it did there.
func TestFakePlanOps(t *testing.T) {
	r := newRig(t, &smbtest.Server{Leasing: true, FileSystem: true}, 0, nil)
	ctx := context.Background()
	tr := r.tr

	res, err := tr.Do(ctx, "d", client.OpenOptions{Kind: client.KindDir, Disposition: client.CreateNew, DiskID: true})
	if err != nil || res.DiskID() == 0 || res.Close.FileAttributes&wire.FileAttributeDirectory == 0 {
		t.Fatalf("mkdir: %+v, %v", res, err)
	}
	if _, err := tr.Do(ctx, "d", client.OpenOptions{Kind: client.KindDir, Disposition: client.CreateNew}); !errors.Is(err, fs.ErrExist) {
		t.Errorf("mkdir of an existing name: %v", err)
	}

	data := []byte("compound write")
	if _, err := tr.Do(ctx, `d\f`, client.OpenOptions{Kind: client.KindFile, Disposition: client.CreateNew}, client.WriteData(data)); err != nil {
		t.Fatalf("create with data: %v", err)
	}
	if got, _ := r.srv.ReadFile(`d\f`); !bytes.Equal(got, data) {
		t.Errorf("on the server: %q", got)
	}
	res, err = tr.Do(ctx, `d\f`, client.OpenOptions{Kind: client.KindFile}, client.ReadData(100))
	if err != nil || !bytes.Equal(res.Data, data) {
		t.Errorf("read: %q, %v", res.Data, err)
	}
	res, err = tr.Do(ctx, `d\f`, client.OpenOptions{}, client.ReadData(4), client.QueryStandard())
	if err != nil || string(res.Data) != "comp" || res.Standard == nil || res.Standard.NumberOfLinks != 1 || res.Standard.Directory {
		t.Errorf("read 4 and stat: %+v, %v", res, err)
	}

	res, err = tr.Do(ctx, `d\f`, client.OpenOptions{}, client.Truncate(4), client.QueryStandard())
	if err != nil || res.Close.EndOfFile != 4 || res.Standard.EndOfFile != 4 {
		t.Errorf("truncate: %+v, %v", res, err)
	}
	if got, _ := r.srv.ReadFile(`d\f`); string(got) != "comp" {
		t.Errorf("after truncate: %q", got)
	}
	if _, err := tr.Do(ctx, `d\e`, client.OpenOptions{Disposition: client.CreateNew}); err != nil {
		t.Fatal(err)
	}
	res, err = tr.Do(ctx, `d\e`, client.OpenOptions{}, client.ReadData(10))
	if err != nil || len(res.Data) != 0 || res.Close == nil {
		t.Errorf("read at end of file: %+v, %v", res, err)
	}

	mtime := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	if _, err := tr.Do(ctx, `d\f`, client.OpenOptions{}, client.SetTimes(mtime, time.Time{})); err != nil {
		t.Errorf("set times: %v", err)
	}
	if got := r.srv.WriteTime(`d\f`); got != 126227808000000000 {
		t.Errorf("write time on the server: %d", got)
	}

	res, err = tr.Do(ctx, "", client.OpenOptions{Kind: client.KindDir}, client.QueryFSSize())
	if err != nil || res.FSSize == nil || res.FSSize.TotalAllocationUnits == 0 {
		t.Errorf("statfs: %+v, %v", res, err)
	}

	res, err = tr.Do(ctx, "d", client.OpenOptions{Kind: client.KindDir}, client.List(64<<10))
	if err != nil || !res.Complete {
		t.Fatalf("list: %+v, %v", res, err)
	}
	var names []string
	for _, e := range res.Entries {
		names = append(names, e.Name)
	}
	if !slices.Contains(names, "f") || !slices.Contains(names, "e") {
		t.Errorf("list: %v", names)
	}

	if _, err := tr.Do(ctx, `d\f`, client.OpenOptions{}, client.RenameTo(`d\g`, false)); err != nil {
		t.Errorf("rename: %v", err)
	}
	if _, err := tr.Do(ctx, `d\g`, client.OpenOptions{}, client.RenameTo(`d\e`, false)); !errors.Is(err, fs.ErrExist) {
		t.Errorf("rename onto an existing name without replace: %v", err)
	}
	if _, ok := r.srv.ReadFile(`d\g`); !ok {
		t.Error("rename: no d\\g on the server")
	}
	if _, err := tr.Do(ctx, "d", client.OpenOptions{Kind: client.KindDir}, client.Delete()); !errors.Is(err, syscall.ENOTEMPTY) {
		t.Errorf("delete of a full directory: %v", err)
	}
	if _, err := tr.Do(ctx, `d\g`, client.OpenOptions{Kind: client.KindFile, OpenReparsePoint: true}, client.Delete()); err != nil {
		t.Errorf("delete: %v", err)
	}
	if _, err := tr.Do(ctx, `d\g`, client.OpenOptions{}); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("stat after delete: %v", err)
	}
	// An operation that fails fails the plan; the CLOSE still ran.
	closes := r.srv.Seen(wire.CmdClose)
	if _, err := tr.Do(ctx, "d", client.OpenOptions{Kind: client.KindDir}, client.Truncate(1)); err == nil {
		t.Error("truncate of a directory succeeded")
	}
	if recs := r.srv.Records(); r.srv.Seen(wire.CmdClose) == closes || recs[len(recs)-1].Command != wire.CmdClose || recs[len(recs)-1].Status != wire.StatusSuccess {
		t.Error("the failed plan's handle was not closed")
	}
	// A plan asks for nothing it cannot keep.
	if _, err := tr.Do(ctx, `d\e`, client.OpenOptions{Lease: client.LeaseRead}); err == nil {
		t.Error("a plan asking for a lease was sent")
	}
}

// TestFakeFileDo runs operations on an open handle.
func TestFakeFileDo(t *testing.T) {
	r := newRig(t, &smbtest.Server{Leasing: true, FileSystem: true}, 0, nil)
	ctx := context.Background()
	r.srv.WriteFile("f", []byte("abcdef"))
	f, err := r.tr.Open(ctx, "f", client.OpenOptions{Access: client.AccessRead | client.AccessWrite, Durable: true})
	if err != nil {
		t.Fatal(err)
	}
	res, err := f.Do(ctx, client.Truncate(3), client.QueryAttrs(), client.QueryStandard())
	if err != nil || res.Attrs == nil || res.Attrs.EndOfFile != 3 || res.Standard == nil || res.Standard.EndOfFile != 3 {
		t.Fatalf("truncate and stat on a handle: %+v, %v", res, err)
	}
	if got, _ := r.srv.ReadFile("f"); string(got) != "abc" {
		t.Errorf("on the server: %q", got)
	}
	if _, err := f.Do(ctx, client.Allocate(1<<20)); err != nil {
		t.Errorf("allocate: %v", err)
	}
	if _, err := f.Do(ctx, client.QueryAttrs(), client.SetEAs(client.EA{Name: string(make([]byte, 300))})); err == nil {
		t.Error("an operation that could not be built was sent")
	}
	if _, err := f.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Do(ctx, client.QueryAttrs()); err == nil {
		t.Error("Do on a closed handle succeeded")
	}
}

// TestFakePlanResend: across a connection cut, a plan whose every step
// may run twice is sent again and succeeds; a plan that deletes or
// creates is not, and fails with ErrConnectionClosed though the server ran
// it.
func TestFakePlanResend(t *testing.T) {
	r := newRig(t, &smbtest.Server{Leasing: true, FileSystem: true}, 0, nil)
	ctx := context.Background()
	r.srv.WriteFile("a", []byte("abc"))
	r.srv.WriteFile("b", []byte("abc"))

	r.tap(0).armed.Store(true)
	res, err := r.tr.Do(ctx, "a", client.OpenOptions{}, client.QueryStandard(), client.Truncate(2))
	if err != nil || res.Close.EndOfFile != 2 {
		t.Fatalf("idempotent plan across a cut: %+v, %v", res, err)
	}
	if r.cl.Generation() != 1 || r.srv.Seen(wire.CmdCreate) != 2 {
		t.Fatalf("generation %d, %d CREATEs: want 1 and 2 (sent again)", r.cl.Generation(), r.srv.Seen(wire.CmdCreate))
	}
	r.event(t)

	creates := r.srv.Seen(wire.CmdCreate)
	r.tap(1).armed.Store(true)
	_, err = r.tr.Do(ctx, "b", client.OpenOptions{}, client.QueryStandard(), client.Delete())
	if !errors.Is(err, client.ErrConnectionClosed) {
		t.Fatalf("delete across a cut: %v, want ErrConnectionClosed", err)
	}
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		if _, ok := r.srv.ReadFile("b"); !ok {
			break
		}
	}
	if _, ok := r.srv.ReadFile("b"); ok {
		t.Fatal("the server did not run the delete: the test proves nothing")
	}
	if n := r.srv.Seen(wire.CmdCreate) - creates; n != 1 {
		t.Fatalf("server saw %d CREATEs for the delete, want 1 (not sent again)", n)
	}
	r.event(t)

	creates = r.srv.Seen(wire.CmdCreate)
	r.tap(2).armed.Store(true)
	_, err = r.tr.Do(ctx, "c", client.OpenOptions{Disposition: client.CreateNew}, client.WriteData([]byte("x")))
	if !errors.Is(err, client.ErrConnectionClosed) {
		t.Fatalf("create across a cut: %v, want ErrConnectionClosed", err)
	}
	// The server reads the request after the cut: wait until it ran it.
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		if _, ok := r.srv.ReadFile("c"); ok {
			break
		}
	}
	if _, ok := r.srv.ReadFile("c"); !ok {
		t.Fatal("the server did not run the create: the test proves nothing")
	}
	if n := r.srv.Seen(wire.CmdCreate) - creates; n != 1 {
		t.Fatalf("server saw %d CREATEs for the create, want 1 (not sent again)", n)
	}
}

// TestFakeOpenOptions opens with each option and checks what the File
// says was granted.
func TestFakeOpenOptions(t *testing.T) {
	r := newRig(t, &smbtest.Server{Leasing: true, FileSystem: true}, 0, nil)
	ctx := context.Background()
	tr := r.tr
	r.srv.WriteFile("f", []byte("data"))
	closeFile := func(f *client.File) {
		t.Helper()
		if _, err := f.Close(ctx); err != nil {
			t.Errorf("Close: %v", err)
		}
	}

	f, err := tr.Open(ctx, "f", client.OpenOptions{Access: client.AccessRead})
	if err != nil {
		t.Fatal(err)
	}
	if f.Lease() != nil || f.Oplock() != nil || f.Durable() || f.DurableTimeout() != 0 || f.MaximalAccess() != 0 || f.DiskID() != 0 {
		t.Errorf("a plain open holds grants: lease %v oplock %v durable %v", f.Lease(), f.Oplock(), f.Durable())
	}
	buf := make([]byte, 4)
	if _, err := f.ReadAt(ctx, buf, 0); err != nil || string(buf) != "data" {
		t.Errorf("ReadAt: %q %v", buf, err)
	}
	closeFile(f)

	f, err = tr.Open(ctx, "f", client.OpenOptions{Access: client.AccessRead, Lease: client.LeaseRead | client.LeaseHandle, DiskID: true})
	if err != nil {
		t.Fatal(err)
	}
	if f.Lease() == nil || f.Lease().State() != client.LeaseRead|client.LeaseHandle || f.Durable() || f.DiskID() == 0 {
		t.Errorf("lease: %v, durable %v, disk id %d", f.Lease(), f.Durable(), f.DiskID())
	}
	closeFile(f)

	f, err = tr.Open(ctx, "f", client.OpenOptions{Access: client.AccessRead | client.AccessWrite, Durable: true, DurableTimeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	if !f.Durable() || f.DurableTimeout() != time.Minute || f.Lease() == nil || f.Lease().State() != client.LeaseRead|client.LeaseHandle {
		t.Errorf("durable: %v, timeout %v, lease %v", f.Durable(), f.DurableTimeout(), f.Lease())
	}
	closeFile(f)
	if f.Durable() {
		t.Error("still durable after Close")
	}

	f, err = tr.Open(ctx, "f", client.OpenOptions{Access: client.AccessWrite, Durable: true, Lease: client.LeaseWrite})
	if err != nil {
		t.Fatal(err)
	}
	if st := f.Lease().State(); st != client.LeaseRead|client.LeaseHandle|client.LeaseWrite {
		t.Errorf("durable with write caching: lease state %#x", st)
	}
	closeFile(f)

	// The fake server grants no oplocks: none held, not an error.
	f, err = tr.Open(ctx, "f", client.OpenOptions{Oplock: client.OplockBatch})
	if err != nil || f.Oplock() != nil {
		t.Fatalf("oplock: %v, %v", f, err)
	}
	closeFile(f)

	// The fake server answers no MxAc: a protocol violation, and the
	// handle it opened is closed.
	closes := r.srv.Seen(wire.CmdClose)
	if _, err := tr.Open(ctx, "f", client.OpenOptions{MaximalAccess: true}); !errors.Is(err, client.ErrProtocol) {
		t.Errorf("maximal access without MxAc: %v", err)
	}
	if r.srv.Seen(wire.CmdClose) != closes+1 {
		t.Error("the handle of a refused open was not closed")
	}

	// Dispositions and kinds.
	if _, err := tr.Open(ctx, "f", client.OpenOptions{Disposition: client.CreateNew}); !errors.Is(err, fs.ErrExist) {
		t.Errorf("create new over a file: %v", err)
	}
	if _, err := tr.Open(ctx, "nope", client.OpenOptions{Disposition: client.Overwrite}); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("overwrite of nothing: %v", err)
	}
	if _, err := tr.Open(ctx, "f", client.OpenOptions{Kind: client.KindDir}); !errors.Is(err, syscall.ENOTDIR) {
		t.Errorf("a file as a directory: %v", err)
	}
	if _, err := tr.Open(ctx, "", client.OpenOptions{Kind: client.KindFile}); !errors.Is(err, syscall.EISDIR) {
		t.Errorf("a directory as a file: %v", err)
	}
	f, err = tr.Open(ctx, "f", client.OpenOptions{Access: client.AccessWrite, Disposition: client.OverwriteOrCreate})
	if err != nil {
		t.Fatal(err)
	}
	closeFile(f)
	if got, _ := r.srv.ReadFile("f"); len(got) != 0 {
		t.Errorf("overwrite left %q", got)
	}
	f, err = tr.Open(ctx, "g", client.OpenOptions{Disposition: client.OpenOrCreate})
	if err != nil {
		t.Fatal(err)
	}
	closeFile(f)
	if _, ok := r.srv.ReadFile("g"); !ok {
		t.Error("open or create made nothing")
	}
}

// TestFakeOpenDeny: what an open denies others, a server with share
// modes enforces; the zero value denies nothing.
func TestFakeOpenDeny(t *testing.T) {
	r := newRig(t, &smbtest.Server{FileSystem: true, ShareModes: true}, 0, nil)
	ctx := context.Background()
	r.srv.WriteFile("f", []byte("data"))
	shared, err := r.tr.Open(ctx, "f", client.OpenOptions{Access: client.AccessRead})
	if err != nil {
		t.Fatal(err)
	}
	writer, err := r.tr.Open(ctx, "f", client.OpenOptions{Access: client.AccessWrite, Deny: client.DenyWrite})
	if err != nil {
		t.Fatalf("open for writing beside a reader that denies nothing: %v", err)
	}
	if _, err := r.tr.Open(ctx, "f", client.OpenOptions{Access: client.AccessWriteData}); !client.IsStatus(err, wire.StatusSharingViolation) {
		t.Errorf("open for writing of a file open denying writes: %v, want STATUS_SHARING_VIOLATION", err)
	}
	for _, f := range []*client.File{shared, writer} {
		if _, err := f.Close(ctx); err != nil {
			t.Fatal(err)
		}
	}
	f, err := r.tr.Open(ctx, "f", client.OpenOptions{Access: client.AccessWriteData})
	if err != nil {
		t.Fatalf("open for writing once the denying open closed: %v", err)
	}
	f.Close(ctx)
}

// TestFakeOpenWithoutLeasing: a server without leasing opens plainly;
// the lease and durability asked for are not granted, and that is not an
// error.
func TestFakeOpenWithoutLeasing(t *testing.T) {
	r := newRig(t, &smbtest.Server{}, 0, nil)
	ctx := context.Background()
	r.srv.WriteFile("f", []byte("data"))
	f, err := r.tr.Open(ctx, "f", client.OpenOptions{Access: client.AccessRead, Durable: true, Lease: client.LeaseWrite})
	if err != nil {
		t.Fatal(err)
	}
	if f.Lease() != nil || f.Durable() {
		t.Errorf("lease %v, durable %v from a server without leasing", f.Lease(), f.Durable())
	}
	if _, err := f.Close(ctx); err != nil {
		t.Fatal(err)
	}
}
