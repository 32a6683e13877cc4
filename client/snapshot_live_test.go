package client_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/internal/testenv"
	"github.com/smb3fs/smb3fs/internal/testenv/liveauth"
)

// TestLiveSnapshotTree: a tree connected at the shadow_copy2 share's
// snapshot time reads the file's old content (every open carries TWrp),
// refuses writes locally, and a time with no snapshot finds nothing; the
// live tree reads today's content.
func TestLiveSnapshotTree(t *testing.T) {
	env := testenv.Env(t)
	sn := env.Snapshot
	if env.Shares.Snapshots == "" || sn.Token == "" {
		t.Fatalf("env.json %s has no snapshot share: run scripts/testenv up", env.Base)
	}
	at, err := wire.ParseSnapshotTime(sn.Token)
	if err != nil {
		t.Fatal(err)
	}
	cl := mustDial(t, env, client.StrictPolicy(), liveauth.Kerberos(t, env, "alice"))
	ctx := context.Background()
	read := func(tr *client.Tree) (string, error) {
		f, err := tr.Open(ctx, sn.File, client.OpenOptions{Access: client.AccessRead, Kind: client.KindFile})
		if err != nil {
			return "", err
		}
		defer f.Close(ctx)
		buf := make([]byte, 256)
		n, err := f.ReadAt(ctx, buf, 0)
		if n > 0 {
			err = nil
		}
		return string(buf[:n]), err
	}

	old, err := cl.ConnectSnapshot(ctx, sn.Share, at)
	if err != nil {
		t.Fatalf("ConnectSnapshot %s %s: %v", sn.Share, sn.Token, err)
	}
	t.Cleanup(func() { old.Disconnect(context.Background()) })
	if !old.Snapshot().Equal(at) || !old.Encrypted() {
		t.Fatalf("snapshot tree: at %v, encrypted %v", old.Snapshot(), old.Encrypted())
	}
	if got, err := read(old); err != nil || got != sn.Old {
		t.Errorf("%s at %s: %q, %v; want %q", sn.File, sn.Token, got, err, sn.Old)
	}
	if _, err := old.Do(ctx, sn.File, client.OpenOptions{}); err != nil {
		t.Errorf("stat at %s: %v", sn.Token, err)
	}
	for _, o := range []client.OpenOptions{
		{Access: client.AccessRead | client.AccessWrite},
		{Access: client.AccessWrite, Disposition: client.CreateNew},
		{Access: client.AccessDelete},
	} {
		if _, err := old.Open(ctx, sn.File, o); !errors.Is(err, client.ErrReadOnly) {
			t.Errorf("open %+v at %s: %v, want ErrReadOnly", o, sn.Token, err)
		}
	}

	none, err := cl.ConnectSnapshot(ctx, sn.Share, at.Add(-24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { none.Disconnect(context.Background()) })
	if got, err := read(none); !errors.Is(err, client.ErrNotExist) {
		t.Errorf("%s at a time without a snapshot: %q, %v; want ErrNotExist", sn.File, got, err)
	}

	live := connect(t, cl, sn.Share)
	times, err := live.Snapshots(ctx)
	if err != nil || len(times) != 1 || !times[0].Equal(at) {
		t.Errorf("Snapshots of %s: %v, %v; want [%v]", sn.Share, times, err, at)
	}
	// A share without shadow_copy2 has none (STATUS_INVALID_DEVICE_REQUEST).
	if times, err := connect(t, cl, env.Shares.Encrypted).Snapshots(ctx); err != nil || len(times) != 0 {
		t.Errorf("Snapshots of %s: %v, %v; want none", env.Shares.Encrypted, times, err)
	}
	if got, err := read(live); err != nil || got != sn.Live {
		t.Errorf("%s live: %q, %v; want %q", sn.File, got, err, sn.Live)
	}
}
