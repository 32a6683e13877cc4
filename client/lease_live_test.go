package client_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/internal/testenv"
	"github.com/smb3fs/smb3fs/internal/testenv/liveauth"
)

// twoClients dials two independent connections (same user) and connects
// both to the encrypted share; it returns the trees and a fresh directory.
func twoClients(t *testing.T, env *testenv.Environment) (a, b *client.Tree, dir string) {
	t.Helper()
	share := env.Shares.Encrypted
	ca := mustDial(t, env, client.StrictPolicy(), liveauth.Kerberos(t, env, "alice"))
	cb := mustDial(t, env, client.StrictPolicy(), liveauth.Kerberos(t, env, "alice"))
	a, b = connect(t, ca, share), connect(t, cb, share)
	dir = scratch(t, env, share)
	mkdir(t, a, dir)
	return a, b, dir
}

func TestLiveLeaseBreak(t *testing.T) {
	env := testenv.Env(t)
	ta, tb, dir := twoClients(t, env)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	name := dir + `\leased.txt`
	rwh := wire.LeaseRead | wire.LeaseWrite | wire.LeaseHandle

	fa, lease, err := openLeasedLive(ctx, ta, name, client.OpenOptions{Access: client.AccessRead | client.AccessWrite, Disposition: client.OverwriteOrCreate, Kind: client.KindFile}, rwh)
	if err != nil {
		t.Fatalf("CreateWithLease: %v", err)
	}
	defer fa.Close(context.Background())
	if got := uint32(lease.State()); got != rwh {
		t.Fatalf("granted lease 0x%x, want RWH (0x%x)", got, rwh)
	}
	if _, err := fa.WriteAt(ctx, []byte("cached by A"), 0); err != nil {
		t.Fatal(err)
	}
	broken := lease.Broken()
	var wroteBack atomic.Bool
	lease.OnBreak(func(ctx context.Context, from, to client.LeaseState) {
		// Where the fs layer writes back what write caching held.
		if from&client.LeaseWrite != 0 && to&client.LeaseWrite == 0 && fa.Flush(ctx) == nil {
			wroteBack.Store(true)
		}
	})

	// B opens for writing: the server must break A's write caching and,
	// since A holds W, wait for A's acknowledgment before B's open completes.
	fb, err := tb.Open(ctx, name, client.OpenOptions{Access: client.AccessWrite, Kind: client.KindFile})
	if err != nil {
		t.Fatalf("B's open while A holds RWH: %v", err)
	}
	defer fb.Close(context.Background())

	select {
	case <-broken:
	case <-ctx.Done():
		t.Fatal("A never saw a lease break")
	}
	if err := lease.Wait(ctx); err != nil {
		t.Fatalf("A's acknowledgment: %v", err)
	}
	got := uint32(lease.State())
	if got&wire.LeaseWrite != 0 || got&^rwh != 0 {
		t.Fatalf("lease after B's write open is 0x%x, want R, RH or none", got)
	}
	if !wroteBack.Load() {
		t.Fatal("OnBreak did not run before the acknowledgment")
	}
	t.Logf("lease broken RWH -> 0x%x", got)

	// Both connections still work, and B sees A's data.
	buf := make([]byte, 11)
	if _, err := fa.ReadAt(ctx, buf, 0); err != nil || string(buf) != "cached by A" {
		t.Fatalf("A reads %q, %v", buf, err)
	}
	if _, err := fb.WriteAt(ctx, []byte("B"), 0); err != nil {
		t.Fatalf("B writes: %v", err)
	}
	lease.Release()
}

func TestLiveOplockBreak(t *testing.T) {
	env := testenv.Env(t)
	ta, tb, dir := twoClients(t, env)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	name := dir + `\oplocked.txt`
	fa, op, err := openOplocked(ctx, ta, name, client.OpenOptions{Access: client.AccessRead | client.AccessWrite, Disposition: client.OverwriteOrCreate, Kind: client.KindFile}, wire.OplockLevelBatch)
	if err != nil {
		t.Fatalf("CreateWithOplock: %v", err)
	}
	defer fa.Close(context.Background())
	if op.Level() != wire.OplockLevelBatch && op.Level() != wire.OplockLevelExclusive {
		t.Fatalf("granted oplock 0x%x, want batch or exclusive", op.Level())
	}
	broken := op.Broken()
	fb, err := tb.Open(ctx, name, client.OpenOptions{Access: client.AccessRead, Kind: client.KindFile})
	if err != nil {
		t.Fatalf("B's open while A holds a batch oplock: %v", err)
	}
	defer fb.Close(context.Background())
	select {
	case <-broken:
	case <-ctx.Done():
		t.Fatal("A never saw an oplock break")
	}
	if err := op.Wait(ctx); err != nil {
		t.Fatalf("A's acknowledgment: %v", err)
	}
	if l := op.Level(); l != wire.OplockLevelII && l != wire.OplockLevelNone {
		t.Fatalf("oplock after B's open is 0x%x, want II or none", l)
	}
	t.Logf("oplock broken batch -> 0x%x", op.Level())
	op.Release()
}

// openLeasedLive opens name as o says, asking for a lease with state, and
// returns the lease granted; none granted is an error.
func openLeasedLive(ctx context.Context, tr *client.Tree, name string, o client.OpenOptions, state uint32) (*client.File, *client.Lease, error) {
	o.Lease = client.LeaseState(state)
	f, err := tr.Open(ctx, name, o)
	if err != nil {
		return nil, nil, err
	}
	if f.Lease() == nil {
		f.Close(ctx)
		return nil, nil, fmt.Errorf("open %s: no lease granted (asked 0x%x)", name, state)
	}
	return f, f.Lease(), nil
}

// openOplocked opens name as o says, asking for an oplock of level, and
// returns the oplock granted; none granted is an error.
func openOplocked(ctx context.Context, tr *client.Tree, name string, o client.OpenOptions, level uint8) (*client.File, *client.Oplock, error) {
	o.Oplock = client.OplockLevel(level)
	f, err := tr.Open(ctx, name, o)
	if err != nil {
		return nil, nil, err
	}
	if f.Oplock() == nil {
		f.Close(ctx)
		return nil, nil, fmt.Errorf("open %s: no oplock granted (asked 0x%x)", name, level)
	}
	return f, f.Oplock(), nil
}
