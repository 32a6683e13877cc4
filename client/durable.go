package client

// Durable opens and maximal access: two CREATE contexts.
//
//	CreateDurable:            CREATE + DH2Q {Timeout, CreateGuid} + RqLs (RH)
//	                          ◄── DH2Q {Timeout, Flags} when durability is granted
//	CreateWithMaximalAccess:  CREATE + MxAc (no data)
//	                          ◄── MxAc {QueryStatus, MaximalAccess}
//
// A durable handle survives a broken connection for the granted timeout: the
// client reclaims it by sending the same CreateGuid in a DH2C context on a
// new connection ([MS-SMB2] 3.2.4.4); reconnect.go does that for every File
// CreateDurable returned with a grant.

import (
	"context"
	"crypto/rand"
	"fmt"
	"math"
	"time"

	"github.com/smb3fs/smb3fs/client/wire"
)

// durableLeaseState is the lease CreateDurable asks for. A server grants a
// (non-persistent) durable handle only to an open holding a batch oplock or
// a lease with handle caching ([MS-SMB2] 3.3.5.9.10); read and handle caching
// give that without the write-back duty of write caching.
const durableLeaseState = wire.LeaseRead | wire.LeaseHandle

// Durable is the durability a server granted to an open ([MS-SMB2] 3.2.1.6
// Open.IsDurable, Open.DurableTimeout, Open.IsPersistent, Open.CreateGuid).
// It is read-only after CreateDurable returns.
type Durable struct {
	// CreateGUID identifies the open for a later reconnect (DH2C).
	CreateGUID [16]byte
	// Timeout is how long the server keeps the handle after a disconnect,
	// as granted (2.2.14.2.12; the server may shorten what was asked).
	Timeout time.Duration
	// Persistent reports a persistent (continuously available) handle.
	// CreateDurable never asks for one and refuses a response claiming it,
	// so it is false; it is here for the reconnect work.
	Persistent bool
	// Lease is the lease the open holds, which durability depends on: call
	// its Release once the file is closed.
	Lease *Lease
	// leaseState is the lease state the open asked for, asked again by a
	// reconnect (DH2C).
	leaseState uint32
}

// CreateDurable opens name like CreateWithLease, asking for read and handle
// caching and for a durable handle (a DH2Q context, [MS-SMB2] 3.2.4.3.5,
// 2.2.13.2.11) that the server keeps for timeout after a disconnect (0: the
// server's default; the value is sent in milliseconds, rounded down, at most
// about 49 days). The CreateGuid is random.
//
// Durable is nil when the server did not grant durability — no DH2Q in
// its response, or a dialect before SMB 3.0, where DH2Q does not exist —
// which is not an error. In that case a lease the server granted anyway is
// still acknowledged on breaks for the client's lifetime (there is no handle
// on it to Release; a small cost, and never leaving a break unanswered). A
// server without leasing gets a plain open and grants no durability: batch
// oplocks, the other way to durability, are not tried. A
// malformed DH2Q response, or one claiming a persistent handle we did not
// ask for, is a protocol violation: the handle is closed and an error
// returned.
func (t *Tree) CreateDurable(ctx context.Context, name string, req *wire.CreateRequest, timeout time.Duration) (*File, *Durable, error) {
	return t.createDurable(ctx, name, req, timeout, durableLeaseState)
}

// createDurable is CreateDurable asking for lease state leaseState, which
// must include handle caching.
func (t *Tree) createDurable(ctx context.Context, name string, req *wire.CreateRequest, timeout time.Duration, leaseState uint32) (*File, *Durable, error) {
	if t.cl.cur().state.Dialect < wire.Dialect300 {
		f, _, err := t.CreateWithLease(ctx, name, req, leaseState)
		return f, nil, err
	}
	ms := timeout.Milliseconds()
	if ms < 0 {
		ms = 0
	}
	d := &Durable{leaseState: leaseState}
	if _, err := rand.Read(d.CreateGUID[:]); err != nil {
		return nil, nil, fmt.Errorf("smb2: durable CreateGuid: %w", err)
	}
	dh := &wire.DurableHandleRequestV2{Timeout: uint32(min(ms, math.MaxUint32)), CreateGUID: d.CreateGUID}
	req.Contexts = append(req.Contexts, wire.CreateContext{Name: wire.CtxNameDurableV2, Data: dh.Encode()})
	f, l, err := t.CreateWithLease(ctx, name, req, leaseState)
	if err != nil {
		return nil, nil, err
	}
	r, err := durableGranted(f.Create)
	if err != nil {
		l.Release()
		cctx, cancel := context.WithTimeout(context.Background(), t.cl.cur().timeout)
		f.Close(cctx)
		cancel()
		return nil, nil, err
	}
	if r == nil {
		return f, nil, nil
	}
	d.Timeout = time.Duration(r.Timeout) * time.Millisecond
	d.Lease = l
	t.cl.trackDurable(f, d, req)
	return f, d, nil
}

// OpenFile opens name for a handle that stays open across calls (the FUSE
// layer's file handles): durable, with a read+handle lease and the server's
// default timeout, where the server grants it (so the handle survives a
// reconnect), a plain open otherwise. Close releases the lease.
func (t *Tree) OpenFile(ctx context.Context, name string, req *wire.CreateRequest) (*File, error) {
	f, _, err := t.CreateDurable(ctx, name, req, 0)
	return f, err
}

// durableGranted returns the DH2Q response context of r ([MS-SMB2]
// 2.2.14.2.12), or nil when there is none (durability not granted). Malformed
// data, or a persistent grant (CreateDurable never asks for one, and a server
// grants it only when asked, 3.3.5.9.10), is ErrProtocol.
func durableGranted(r *wire.CreateResponse) (*wire.DurableHandleResponseV2, error) {
	data, ok := r.Context(wire.CtxNameDurableV2)
	if !ok {
		return nil, nil
	}
	d, err := wire.DecodeDurableHandleResponseV2(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrProtocol, err)
	}
	if d.Flags&wire.DurableHandleFlagPersistent != 0 {
		return nil, fmt.Errorf("%w: DH2Q response grants a persistent handle, not requested", ErrProtocol)
	}
	return d, nil
}

// CreateWithMaximalAccess opens name like Create, asking for the maximal
// access the caller has to the file (an MxAc context, [MS-SMB2] 3.2.4.3.1,
// 2.2.13.2.5), and returns it: a combination of the wire access bits
// (wire.FileReadData, ...). The response must carry one well-formed MxAc
// context with QueryStatus success; otherwise the handle is closed and the
// error is ErrProtocol (no or malformed context) or a *StatusError with the
// QueryStatus.
func (t *Tree) CreateWithMaximalAccess(ctx context.Context, name string, req *wire.CreateRequest) (*File, uint32, error) {
	req.Contexts = append(req.Contexts, wire.CreateContext{Name: wire.CtxNameMaximalAccess})
	f, err := t.Create(ctx, name, req)
	if err != nil {
		return nil, 0, err
	}
	access, err := maximalAccess(f.Create)
	if err != nil {
		cctx, cancel := context.WithTimeout(context.Background(), t.cl.cur().timeout)
		f.Close(cctx)
		cancel()
		return nil, 0, err
	}
	return f, access, nil
}

// maximalAccess returns the MaximalAccess of r's MxAc response context
// ([MS-SMB2] 2.2.14.2.5).
func maximalAccess(r *wire.CreateResponse) (uint32, error) {
	data, ok := r.Context(wire.CtxNameMaximalAccess)
	if !ok {
		return 0, fmt.Errorf("%w: CREATE response has no MxAc context", ErrProtocol)
	}
	m, err := wire.DecodeMaximalAccessResponse(data)
	if err != nil {
		return 0, fmt.Errorf("%w: %v", ErrProtocol, err)
	}
	if m.QueryStatus != wire.StatusSuccess {
		return 0, fmt.Errorf("smb2: maximal access query: %w", &StatusError{Status: m.QueryStatus, Command: wire.CmdCreate})
	}
	return m.MaximalAccess, nil
}
