package client

// Durable opens and maximal access: two CREATE contexts.
//
//	OpenOptions.Durable:        CREATE + DH2Q {Timeout, CreateGuid} + RqLs (RH)
//	                            ◄── DH2Q {Timeout, Flags} when durability is granted
//	OpenOptions.MaximalAccess:  CREATE + MxAc (no data)
//	                            ◄── MxAc {QueryStatus, MaximalAccess}
//
// A durable handle survives a broken connection for the granted timeout: the
// client reclaims it by sending the same CreateGuid in a DH2C context on a
// new connection ([MS-SMB2] 3.2.4.4); reconnect.go does that for every File
// opened with a grant.

import (
	"fmt"
	"time"

	"github.com/smb3fs/smb3fs/client/wire"
)

// durableLeaseState is the lease a durable open asks for at least. A server grants a
// (non-persistent) durable handle only to an open holding a batch oplock or
// a lease with handle caching ([MS-SMB2] 3.3.5.9.10); read and handle caching
// give that without the write-back duty of write caching.
const durableLeaseState = wire.LeaseRead | wire.LeaseHandle

// durableGrant is the durability a server granted to an open ([MS-SMB2]
// 3.2.1.6 Open.IsDurable, Open.DurableTimeout, Open.IsPersistent,
// Open.CreateGuid). It is read-only after Open returns.
type durableGrant struct {
	// CreateGUID identifies the open for a later reconnect (DH2C).
	CreateGUID [16]byte
	// Timeout is how long the server keeps the handle after a disconnect,
	// as granted (2.2.14.2.12; the server may shorten what was asked).
	Timeout time.Duration
	// Persistent reports a persistent (continuously available) handle.
	// Open never asks for one and refuses a response claiming it,
	// so it is false; it is here for the reconnect work.
	Persistent bool
	// Lease is the lease the open holds, which durability depends on: call
	// its Release once the file is closed.
	Lease *Lease
	// leaseState is the lease state the open asked for, asked again by a
	// reconnect (DH2C).
	leaseState uint32
}

// durableGranted returns the DH2Q response context of r ([MS-SMB2]
// 2.2.14.2.12), or nil when there is none (durability not granted). Malformed
// data, or a persistent grant (Open never asks for one, and a server
// grants it only when asked, 3.3.5.9.10), is ErrProtocol.
func durableGranted(r *wire.CreateResponse) (*wire.DurableHandleResponseV2, error) {
	data, ok := r.Context(wire.CtxNameDurableV2)
	if !ok {
		return nil, nil
	}
	d, err := wire.DecodeDurableHandleResponseV2(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	if d.Flags&wire.DurableHandleFlagPersistent != 0 {
		return nil, fmt.Errorf("%w: DH2Q response grants a persistent handle, not requested", ErrProtocol)
	}
	return d, nil
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
		return 0, fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	if m.QueryStatus != wire.StatusSuccess {
		return 0, fmt.Errorf("smb2: maximal access query: %w", &StatusError{Status: m.QueryStatus, Command: wire.CmdCreate})
	}
	return m.MaximalAccess, nil
}
