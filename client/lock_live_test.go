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

// TestLiveLock: byte-range locks between two connections on the encrypted
// share: a conflict without waiting, mandatory enforcement on WRITE, a
// waiting lock granted by the other's unlock, and a waiting lock cancelled
// by its context, after which the connection still works.
func TestLiveLock(t *testing.T) {
	env := testenv.Env(t)
	share := env.Shares.Encrypted
	tr1 := connect(t, mustDial(t, env, client.StrictPolicy(), liveauth.Kerberos(t, env, "alice")), share)
	tr2 := connect(t, mustDial(t, env, client.StrictPolicy(), liveauth.Kerberos(t, env, "alice")), share)
	dir := scratch(t, env, share)
	mkdir(t, tr1, dir)
	ctx := context.Background()
	f1 := createFile(t, tr1, dir+`\f`)
	defer f1.Close(ctx)
	f2 := createFile(t, tr2, dir+`\f`)
	defer f2.Close(ctx)
	if _, err := f1.WriteAt(ctx, make([]byte, 200), 0); err != nil {
		t.Fatalf("write: %v", err)
	}

	if err := f1.Lock(ctx, 0, 100, true, false); err != nil {
		t.Fatalf("lock 1: %v", err)
	}
	err := f2.Lock(ctx, 50, 10, false, false)
	if !errors.Is(err, client.ErrLockConflict) {
		t.Fatalf("shared lock over another's exclusive lock: got %v, want ErrLockConflict", err)
	}
	if !client.IsStatus(err, wire.StatusLockNotGranted) && !client.IsStatus(err, wire.StatusFileLockConflict) {
		t.Errorf("conflict carries no lock status: %v", err)
	}
	// Mandatory: the other handle cannot write the range, but can write
	// past it.
	if _, err := f2.WriteAt(ctx, []byte("x"), 60); !client.IsStatus(err, wire.StatusFileLockConflict) {
		t.Errorf("write into a range another handle locked: got %v, want STATUS_FILE_LOCK_CONFLICT", err)
	}
	if _, err := f2.WriteAt(ctx, []byte("x"), 150); err != nil {
		t.Errorf("write outside the locked range: %v", err)
	}
	if err := f1.Unlock(ctx, 0, 50); !client.IsStatus(err, wire.StatusRangeNotLocked) {
		t.Errorf("unlock of part of a lock: got %v, want STATUS_RANGE_NOT_LOCKED", err)
	}

	// A waiting lock is granted when the holder unlocks.
	res := make(chan error, 1)
	go func() { res <- f2.Lock(ctx, 0, 100, true, true) }()
	time.Sleep(200 * time.Millisecond) // let the LOCK go async on the server (correct either way)
	select {
	case err := <-res:
		t.Fatalf("waiting lock returned while the range was locked: %v", err)
	default:
	}
	if err := f1.Unlock(ctx, 0, 100); err != nil {
		t.Fatalf("unlock 1: %v", err)
	}
	if err := <-res; err != nil {
		t.Fatalf("waiting lock after unlock: %v", err)
	}

	// A waiting lock whose context ends is cancelled (SMB2 CANCEL).
	cctx, cancel := context.WithCancel(ctx)
	go func() { res <- f1.Lock(cctx, 0, 100, true, true) }()
	time.Sleep(200 * time.Millisecond) // as above
	cancel()
	// Exactly ctx.Err(): the server answered the CANCEL (STATUS_CANCELLED);
	// had it not, Lock would give up after the timeout with a wrapped error.
	if err := <-res; err != context.Canceled {
		t.Fatalf("cancelled waiting lock: got %v, want context.Canceled", err)
	}
	// The connection still works, and the cancelled lock was not granted.
	if err := f1.Lock(ctx, 0, 100, false, false); !errors.Is(err, client.ErrLockConflict) {
		t.Fatalf("lock after cancel: got %v, want ErrLockConflict", err)
	}
	if err := f2.Unlock(ctx, 0, 100); err != nil {
		t.Fatalf("unlock 2: %v", err)
	}
	if err := f1.Lock(ctx, 0, 100, false, false); err != nil {
		t.Fatalf("lock after the other's unlock: %v", err)
	}
	if err := f1.Unlock(ctx, 0, 100); err != nil {
		t.Fatalf("final unlock: %v", err)
	}
}
