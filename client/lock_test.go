package client

import (
	"context"
	"encoding/binary"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client/wire"
)

// testFile returns a File on a test connection's session (signed, not
// encrypted) and the peer playing its server.
func testFile(t *testing.T) (*File, *Conn, *peer) {
	t.Helper()
	c, s, p := newTestConn(t, false)
	tr := &Tree{cl: &Client{conn: c}, s: s, id: 5}
	return &File{t: tr, id: wire.FileID{Persistent: 1, Volatile: 2}, name: "f"}, c, p
}

// lockResult runs fn in a goroutine and returns a function that waits for
// its error.
func lockResult(fn func() error) func() error {
	ch := make(chan error, 1)
	go func() { ch <- fn() }()
	return func() error { return <-ch }
}

var lockBody = []byte{4, 0, 0, 0} // LOCK response ([MS-SMB2] 2.2.27)

// asyncResponse is response() for an async request with AsyncId id.
func asyncResponse(req []byte, status wire.Status, id uint64, body []byte) []byte {
	m := response(req, status, 1, body)
	binary.LittleEndian.PutUint32(m[wire.OffsetFlags:], wire.FlagServerToRedir|wire.FlagAsyncCommand)
	binary.LittleEndian.PutUint64(m[wire.OffsetAsyncID:], id)
	return m
}

func decodeLock(t *testing.T, m []byte) *wire.LockRequest {
	t.Helper()
	h, err := wire.DecodeHeader(m)
	if err != nil || h.Command != wire.CmdLock {
		t.Fatalf("got %s (%v), want LOCK", h.Command, err)
	}
	r, err := wire.DecodeLockRequest(m)
	if err != nil {
		t.Fatalf("LOCK request: %v", err)
	}
	return r
}

func TestLockConflictWithoutWaiting(t *testing.T) {
	f, _, p := testFile(t)
	wait := lockResult(func() error { return f.Lock(context.Background(), 10, 20, true, false) })
	req := p.readMsg()
	r := decodeLock(t, req)
	want := wire.LockElement{Offset: 10, Length: 20, Flags: wire.LockExclusive | wire.LockFailImmediately}
	if len(r.Locks) != 1 || r.Locks[0] != want || r.FileID != f.id {
		t.Fatalf("LOCK %+v on %v, want %+v on %v", r.Locks, r.FileID, want, f.id)
	}
	p.write(p.sign(response(req, wire.StatusLockNotGranted, 1, []byte{9, 0, 0, 0, 0, 0, 0, 0, 0})))
	err := wait()
	if !errors.Is(err, ErrLockConflict) || !IsStatus(err, wire.StatusLockNotGranted) {
		t.Fatalf("got %v, want ErrLockConflict wrapping STATUS_LOCK_NOT_GRANTED", err)
	}
}

func TestUnlockRequest(t *testing.T) {
	f, _, p := testFile(t)
	wait := lockResult(func() error { return f.Unlock(context.Background(), 7, 8) })
	req := p.readMsg()
	r := decodeLock(t, req)
	if want := (wire.LockElement{Offset: 7, Length: 8, Flags: wire.LockUnlock}); len(r.Locks) != 1 || r.Locks[0] != want {
		t.Fatalf("LOCK %+v, want %+v", r.Locks, want)
	}
	p.write(p.sign(response(req, wire.StatusSuccess, 1, lockBody)))
	if err := wait(); err != nil {
		t.Fatalf("unlock: %v", err)
	}
}

// cancelWaitingLock starts a waiting shared lock, lets the server make it
// async (AsyncId 77), cancels ctx and checks the CANCEL the server gets. It
// returns the LOCK request and the lock's result.
func cancelWaitingLock(t *testing.T, f *File, p *peer) ([]byte, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	wait := lockResult(func() error { return f.Lock(ctx, 0, 1<<63, false, true) })
	req := p.readMsg()
	if r := decodeLock(t, req); r.Locks[0].Flags != wire.LockShared {
		t.Fatalf("waiting shared lock has flags %#x", r.Locks[0].Flags)
	}
	p.write(asyncResponse(req, wire.StatusPending, 77, []byte{9, 0, 0, 0, 0, 0, 0, 0, 0}))
	// The interim is handled before the next frame is read; an ECHO
	// round trip orders it before the cancel.
	ew := echo(t, f.t.cl.conn, f.t.s, context.Background())
	er := p.readMsg()
	p.write(p.sign(response(er, wire.StatusSuccess, 1, echoBody())))
	if _, err := ew(); err != nil {
		t.Fatal(err)
	}
	cancel()
	cm := p.readMsg()
	h, _ := wire.DecodeHeader(cm)
	if h.Command != wire.CmdCancel || !h.IsAsync() || h.AsyncID != 77 {
		t.Fatalf("got %s (async %v, AsyncId %d), want CANCEL for AsyncId 77", h.Command, h.IsAsync(), h.AsyncID)
	}
	if err := p.signer.Verify(cm); err != nil {
		t.Fatalf("CANCEL not signed: %v", err)
	}
	return req, wait
}

func TestLockCancelled(t *testing.T) {
	f, _, p := testFile(t)
	req, wait := cancelWaitingLock(t, f, p)
	p.write(p.sign(asyncResponse(req, wire.StatusCancelled, 77, []byte{9, 0, 0, 0, 0, 0, 0, 0, 0})))
	if err := wait(); err != context.Canceled {
		t.Fatalf("got %v, want context.Canceled", err)
	}
}

// A lock the server grants as the CANCEL arrives is held: Lock says so.
func TestLockGrantedDespiteCancel(t *testing.T) {
	f, _, p := testFile(t)
	req, wait := cancelWaitingLock(t, f, p)
	p.write(p.sign(asyncResponse(req, wire.StatusSuccess, 77, lockBody)))
	if err := wait(); err != nil {
		t.Fatalf("granted lock: got %v, want nil", err)
	}
}

// A server that ignores the CANCEL is given up on after the timeout; the
// error still says the context ended.
func TestLockCancelUnanswered(t *testing.T) {
	f, c, p := testFile(t)
	c.timeout = time.Second // the grace period after the CANCEL
	_, wait := cancelWaitingLock(t, f, p)
	// Keep answering ECHO probes, never the LOCK.
	go func() {
		for {
			var hdr [4]byte
			if _, err := io.ReadFull(p.nc, hdr[:]); err != nil {
				return
			}
			b := make([]byte, int(hdr[1])<<16|int(hdr[2])<<8|int(hdr[3]))
			if _, err := io.ReadFull(p.nc, b); err != nil {
				return
			}
			if h, err := wire.DecodeHeader(b); err == nil && h.Command == wire.CmdEcho {
				p.write(p.sign(response(b, wire.StatusSuccess, 1, echoBody())))
			}
		}
	}()
	err := wait()
	if !errors.Is(err, context.Canceled) || err == context.Canceled {
		t.Fatalf("got %v, want an error wrapping context.Canceled", err)
	}
}
