package client

// Byte-range locks ([MS-SMB2] 3.2.4.19). A lock that must wait goes async
// on the server:
//
//	Lock ─start()─► LOCK ──► server: conflict, wait ──► interim STATUS_PENDING (AsyncId)
//	  │                                                        │
//	  │  ctx ends: CANCEL (by AsyncId), keep waiting ──────────┤
//	  ▼                                                        ▼
//	final response: SUCCESS (granted, even if ctx ended) or STATUS_CANCELLED (ctx.Err())
//
// Unlike other requests, a cancelled LOCK is not abandoned: the server may
// grant it in the same instant it receives the CANCEL, and a caller that was
// told "cancelled" while the server holds the lock would never release it
// (and would block on its own lock next time). So Lock sends CANCEL, waits
// for the final answer (for at most the connection's timeout) and reports
// what the server decided.

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/smb3fs/smb3fs/client/wire"
)

// ErrLockConflict: another open holds a conflicting lock on the range
// (STATUS_LOCK_NOT_GRANTED or STATUS_FILE_LOCK_CONFLICT), and the lock was
// asked for without waiting. The returned error also wraps the
// *StatusError.
var ErrLockConflict = errors.New("smb2: byte range is locked by another open")

// Lock locks length bytes at offset on the handle ([MS-SMB2] 3.2.4.19),
// shared or exclusive. SMB locks belong to the handle and are mandatory:
// other handles cannot write (exclusive: nor read) a locked range, and a
// second exclusive lock overlapping one the same handle holds conflicts too.
//
// With wait false a conflict fails at once with ErrLockConflict. With wait
// true the server queues the lock (STATUS_PENDING) and Lock waits for as
// long as ctx allows; when ctx ends it sends SMB2 CANCEL and returns
// ctx.Err() once the server confirms, or nil if the server granted the lock
// first (the lock is then held). If the server does not answer the CANCEL
// within the connection's timeout, Lock gives up and returns an error that
// wraps ctx.Err(); the lock's state is then unknown (closing the handle
// releases it).
func (f *File) Lock(ctx context.Context, offset, length uint64, exclusive, wait bool) error {
	flags := wire.LockShared
	if exclusive {
		flags = wire.LockExclusive
	}
	if !wait {
		flags |= wire.LockFailImmediately
	}
	return f.lock(ctx, wire.LockElement{Offset: offset, Length: length, Flags: flags})
}

// Unlock releases a lock the handle holds ([MS-SMB2] 3.2.4.19). offset and
// length must be exactly those of an earlier Lock (SMB cannot split a lock);
// otherwise the server answers STATUS_RANGE_NOT_LOCKED. If the handle holds
// several locks on that range (shared locks stack), one is released.
func (f *File) Unlock(ctx context.Context, offset, length uint64) error {
	var resp []byte
	err := f.t.do(ctx, f, classify(wire.CmdLock, 0), func(sn *snap) error {
		req := &wire.LockRequest{FileID: sn.fid, Locks: []wire.LockElement{{Offset: offset, Length: length, Flags: wire.LockUnlock}}}
		var err error
		resp, err = sn.request(ctx, wire.CmdLock, req, 1)
		return err
	})
	if err != nil {
		return err
	}
	if _, err := wire.DecodeLockResponse(resp); err != nil {
		return fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	f.countLocks(-1)
	return nil
}

// countLocks adds n to the locks the handle may hold.
func (f *File) countLocks(n int) {
	f.t.cl.mu.Lock()
	f.locks = max(f.locks+n, 0)
	f.t.cl.mu.Unlock()
}

// lock sends one LOCK element and waits for the server's decision, sending
// CANCEL (but still waiting, for at most the timeout) when ctx ends.
// A LOCK is never sent again once it may have reached the server
// (classify); one that never left is sent on the new connection.
func (f *File) lock(ctx context.Context, el wire.LockElement) error {
	return f.t.do(ctx, f, classify(wire.CmdLock, 0), func(sn *snap) error {
		return f.lockOn(ctx, sn, el)
	})
}

// lockOn is lock on one connection.
func (f *File) lockOn(ctx context.Context, sn *snap, el wire.LockElement) error {
	conn := sn.conn
	msg := newMessage(wire.CmdLock, sn.tid, 0, &wire.LockRequest{FileID: sn.fid, Locks: []wire.LockElement{el}})
	calls, err := conn.start(ctx, sn.s, sn.encrypt, []outgoing{{msg: msg, charge: 1}})
	if err != nil {
		return err
	}
	cl := calls[0]

	// wait runs on waitCtx, which outlives ctx: when ctx ends, CANCEL goes
	// out and waitCtx ends only if the server has not answered within the
	// timeout (conn.wait then abandons the call).
	waitCtx, giveUp := context.WithCancel(context.WithoutCancel(ctx))
	defer giveUp()
	stop := context.AfterFunc(ctx, func() {
		conn.sendCancel(cl)
		grace := time.NewTimer(conn.timeout)
		defer grace.Stop()
		select {
		case <-grace.C:
			giveUp()
		case <-waitCtx.Done(): // lock returned
		}
	})
	defer stop()

	resp, err := conn.wait(waitCtx, cl)
	if err != nil {
		if errors.Is(err, context.Canceled) && ctx.Err() != nil {
			f.countLocks(1) // maybe held
			return fmt.Errorf("smb2: LOCK: server did not answer CANCEL within %v, lock state unknown: %w", conn.timeout, ctx.Err())
		}
		return err
	}
	err = statusOf(resp)
	switch {
	case err == nil:
		if _, err := wire.DecodeLockResponse(resp); err != nil {
			return fmt.Errorf("%w: %w", ErrProtocol, err)
		}
		f.countLocks(1)
		return nil // granted, even if ctx ended meanwhile
	case IsStatus(err, wire.StatusCancelled) && ctx.Err() != nil:
		return ctx.Err()
	case IsStatus(err, wire.StatusLockNotGranted), IsStatus(err, wire.StatusFileLockConflict):
		return fmt.Errorf("%w: %w", ErrLockConflict, err)
	}
	return err
}
