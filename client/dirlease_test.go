package client

import (
	"context"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client/smbtest"
	"github.com/smb3fs/smb3fs/client/wire"
)

// dirLeaseTree dials srv and connects to its share "share", which has a
// directory "d" holding one file.
func dirLeaseTree(t *testing.T, srv *smbtest.Server) (*Client, *Tree) {
	t.Helper()
	srv.ShareFlags = map[string]uint32{"share": 0}
	srv.FileSystem = true
	cl, _ := mustDial(t, srv, StrictPolicy(), nil)
	tr, err := cl.Connect(context.Background(), "share")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tr.Do(context.Background(), "d", OpenOptions{Kind: KindDir, Disposition: CreateNew}); err != nil {
		t.Fatal(err)
	}
	srv.WriteFile(`d\a`, []byte("x"))
	return cl, tr
}

// TestFakeDirLeaseGrantBreak: a directory open asks for RH under a lease
// key of its own when the server offers directory leases, with the parent
// directory's key when given; the grant and a break are counted, and the
// break narrows the lease to none and runs OnBreak, which closes the
// handle (then no acknowledgment is sent).
func TestFakeDirLeaseGrantBreak(t *testing.T) {
	srv := &smbtest.Server{Leasing: true, DirLeasing: true}
	cl, tr := dirLeaseTree(t, srv)
	ctx := context.Background()
	if !tr.DirLeasing() {
		t.Fatal("DirLeasing false on a server that offers directory leases")
	}
	root, err := tr.OpenDirLeased(ctx, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close(ctx)
	f, err := tr.OpenDirLeased(ctx, "d", root.Lease())
	if err != nil {
		t.Fatal(err)
	}
	l := f.Lease()
	if l == nil || l.State() != DirLeaseState {
		t.Fatalf("lease %v, want RH", l)
	}
	if l.Key() == root.Lease().Key() {
		t.Fatal("two directories share a lease key")
	}
	ents, err := f.ReadDirBatch(ctx, true, 64<<10)
	if err != nil || len(ents) != 1 {
		t.Fatalf("ReadDirBatch: %d entries, %v", len(ents), err)
	}
	st := cl.Stats()
	if st.DirLeasesGranted != 2 || st.DirLeasesBroken != 0 || st.QueryDirectories != 1 {
		t.Fatalf("stats %+v, want 2 granted, 0 broken, 1 QUERY_DIRECTORY", st)
	}
	closed := make(chan struct{})
	l.OnBreak(func(ctx context.Context, from, to LeaseState) {
		if from != DirLeaseState || to != 0 {
			t.Errorf("break from %v to %v, want RH to none", from, to)
		}
		f.Close(ctx)
		close(closed)
	})
	broken := l.Broken()
	if n := srv.BreakDirLeases("d"); n != 1 {
		t.Fatalf("BreakDirLeases broke %d leases, want 1", n)
	}
	for _, ch := range []<-chan struct{}{broken, closed} {
		select {
		case <-ch:
		case <-time.After(10 * time.Second):
			t.Fatal("no break within 10 s")
		}
	}
	if err := l.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	if l.State() != 0 {
		t.Fatalf("state %v after the break", l.State())
	}
	if st := cl.Stats(); st.DirLeasesBroken != 1 {
		t.Fatalf("stats %+v, want 1 broken", st)
	}
	if srv.DirLeases("d") != 0 {
		t.Fatal("the server still sees a lease on d")
	}
	if got := srv.Seen(wire.CmdOplockBreak); got != 0 {
		t.Fatalf("%d acknowledgments for a lease whose handle closed", got)
	}
}

// TestFakeDirLeaseAck: a break of a lease whose handle stays open is
// acknowledged at none.
func TestFakeDirLeaseAck(t *testing.T) {
	srv := &smbtest.Server{Leasing: true, DirLeasing: true}
	_, tr := dirLeaseTree(t, srv)
	ctx := context.Background()
	f, err := tr.OpenDirLeased(ctx, "d", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close(ctx)
	l := f.Lease()
	if l == nil {
		t.Fatal("no lease")
	}
	broken := l.Broken()
	srv.BreakDirLeases("d")
	select {
	case <-broken:
	case <-time.After(10 * time.Second):
		t.Fatal("no break within 10 s")
	}
	wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := l.Wait(wctx); err != nil {
		t.Fatal(err)
	}
	if got := srv.Seen(wire.CmdOplockBreak); got != 1 {
		t.Fatalf("%d acknowledgments, want 1", got)
	}
}

// TestFakeDirLeaseNotOffered: without SMB2_GLOBAL_CAP_DIRECTORY_LEASING no
// lease is asked for on a directory, by OpenDirLeased or by Open (the
// server would grant one if asked: only its NEGOTIATE response hides the
// capability).
func TestFakeDirLeaseNotOffered(t *testing.T) {
	srv := &smbtest.Server{Leasing: true, DirLeasing: true}
	srv.Mutate.NegotiateResponse = func(r *wire.NegotiateResponse) { r.Capabilities &^= wire.CapDirectoryLeasing }
	cl, tr := dirLeaseTree(t, srv)
	ctx := context.Background()
	if tr.DirLeasing() {
		t.Fatal("DirLeasing true without the capability")
	}
	f, err := tr.OpenDirLeased(ctx, "d", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close(ctx)
	g, err := tr.Open(ctx, "d", OpenOptions{Kind: KindDir, Lease: LeaseRead | LeaseHandle})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close(ctx)
	if f.Lease() != nil || g.Lease() != nil {
		t.Fatal("a directory lease without the capability")
	}
	if st := cl.Stats(); st.DirLeasesGranted != 0 {
		t.Fatalf("stats %+v", st)
	}
}

// TestFakeDirLeaseHeldEndsWithConnection: a lease is held only while its
// connection lives: once it ends, no break could reach us.
func TestFakeDirLeaseHeldEndsWithConnection(t *testing.T) {
	srv := &smbtest.Server{Leasing: true, DirLeasing: true}
	_, tr := dirLeaseTree(t, srv)
	ctx := context.Background()
	f, err := tr.OpenDirLeased(ctx, "d", nil)
	if err != nil {
		t.Fatal(err)
	}
	l := f.Lease()
	if l == nil || !l.Held() {
		t.Fatal("lease not held after the grant")
	}
	srv.Cut()
	deadline := time.Now().Add(10 * time.Second)
	for l.Held() {
		if time.Now().After(deadline) {
			t.Fatal("lease still held 10 s after its connection was cut")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if l.State() != DirLeaseState {
		t.Fatalf("state %v: no break came, the connection ended", l.State())
	}
}

// TestFakeOpenDirLeasedList: the open, its lease and the listing in one
// round trip (one frame: CREATE and two QUERY_DIRECTORY, no CLOSE); the
// handle stays open with the lease. Without directory leases the same
// compound lists, with no lease.
func TestFakeOpenDirLeasedList(t *testing.T) {
	for _, offer := range []bool{true, false} {
		srv := &smbtest.Server{Leasing: true, DirLeasing: offer}
		cl, tr := dirLeaseTree(t, srv)
		ctx := context.Background()
		before := len(srv.Records())
		f, res, err := tr.OpenDirLeasedList(ctx, "d", OpenOptions{Access: AccessReadData, Kind: KindDir}, nil, List(64<<10))
		if err != nil {
			t.Fatal(err)
		}
		var cmds []wire.Command
		for _, r := range srv.Records()[before:] {
			cmds = append(cmds, r.Command)
		}
		if len(cmds) != 3 || cmds[0] != wire.CmdCreate || cmds[1] != wire.CmdQueryDirectory || cmds[2] != wire.CmdQueryDirectory {
			t.Fatalf("offer %v: requests %v, want CREATE and two QUERY_DIRECTORY", offer, cmds)
		}
		if !res.Complete || len(res.Entries) != 1 || res.Entries[0].Name != "a" {
			t.Fatalf("offer %v: listing %+v", offer, res)
		}
		if held := f.Lease() != nil && f.Lease().Held(); held != offer {
			t.Fatalf("offer %v: lease held %v", offer, held)
		}
		if got := srv.DirLeases("d"); (got == 1) != offer {
			t.Fatalf("offer %v: server holds %d leases on d", offer, got)
		}
		if _, err := f.Close(ctx); err != nil {
			t.Fatal(err)
		}
		if srv.DirLeases("d") != 0 {
			t.Fatal("lease held after the close")
		}
		if st := cl.Stats(); st.QueryDirectories != 2 {
			t.Fatalf("offer %v: %d QUERY_DIRECTORY counted, want 2", offer, st.QueryDirectories)
		}
	}
}
