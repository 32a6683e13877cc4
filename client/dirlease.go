package client

// Directory leases ([MS-SMB2] 2.2.13.2.10, 3.2.4.3.8, 3.3.5.9.11): a server
// with SMB2_GLOBAL_CAP_DIRECTORY_LEASING grants a lease on a directory,
// with read caching (the listing and the absence of names may be cached)
// and handle caching. Another client's create, delete or rename of a name
// in the directory breaks it (to handle caching or none), and the client
// drops what it cached before it acknowledges.
//
//	OpenDirLeased ──► CREATE dir, RqLs v2 {RH, new LeaseKey, ParentLeaseKey} ──► *File
//	                  keep the handle open: the lease lives with its handles
//	ReadDirBatch ...  QUERY_DIRECTORY on it, as for any directory
//	break ─────────── Lease.OnBreak: drop the cache, Close the handle
//	                  (no acknowledgment is then due, lease.go)
//
// A lease belongs to its handles: the server ends it when the last handle
// opened under its key closes (Samba 4.22 does: a second client's create
// in a directory whose leased handle was closed sends no break), so the
// caller keeps the directory open for as long as it uses the lease. The same
// trust as for file leases applies (lease.go's SECURITY comment): a break
// notification is unsigned and only ever narrows what is cached. A break
// can also be withheld by a man in the middle, which no signature would
// show; callers bound how long they trust a lease with no break (see
// fs/dirlease.go).

import (
	"context"
	"fmt"

	"github.com/smb3fs/smb3fs/client/wire"
)

// dirLeasing reports whether the server grants directory leases: SMB 3.x
// and SMB2_GLOBAL_CAP_DIRECTORY_LEASING ([MS-SMB2] 3.2.4.3.8).
func (c *Conn) dirLeasing() bool {
	return c.state.Dialect >= wire.Dialect300 && c.state.ServerCapabilities&wire.CapDirectoryLeasing != 0
}

// DirLeasing reports whether the tree's server offers directory leases
// (SMB 3.x with SMB2_GLOBAL_CAP_DIRECTORY_LEASING). It may still grant
// none on a given directory.
func (t *Tree) DirLeasing() bool {
	return t.cl.cur().dirLeasing()
}

// DirLeaseState is what OpenDirLeased asks for: read and handle caching
// ([MS-SMB2] 3.3.5.9.11 grants no write caching on a directory).
const DirLeaseState = LeaseRead | LeaseHandle

// OpenDirLeased opens directory name (share-relative, "" for the root) to
// list it, asking for a read-and-handle lease under a new LeaseKey when
// the server offers directory leases; parent, the lease held on the
// directory name is in, if any, is sent as its ParentLeaseKey. The lease
// lives as long as the handle (see the top of this file): keep it open
// while the lease is used, and close it when it breaks. f.Lease() is nil
// when no lease was granted; the handle still lists the directory.
func (t *Tree) OpenDirLeased(ctx context.Context, name string, parent *Lease) (*File, error) {
	o := OpenOptions{Access: AccessReadData, Kind: KindDir}
	req, err := o.request(name, 0)
	if err != nil {
		return nil, err
	}
	if err := t.timewarp(req); err != nil {
		return nil, err
	}
	g := grants{}
	if t.snapshot.IsZero() && t.DirLeasing() {
		// A snapshot never changes: nothing to lease.
		g.lease = DirLeaseState
		if parent != nil && parent.tree == t {
			g.parent = parent
		}
	}
	return t.open(ctx, name, req, g)
}

// Generation counts the reconnects of the tree's client (Client.
// Generation): a handle opened, or a lease granted, in an earlier
// generation is gone.
func (t *Tree) Generation() uint64 { return t.cl.Generation() }

// Held reports whether the lease still allows read caching: no break took
// it away, and the connection it was granted on is alive and still the
// client's (a lease ends with its connection; after a reconnect no break
// for it would reach us).
func (l *Lease) Held() bool {
	return l.State()&LeaseRead != 0 && l.conn.Err() == nil && l.tree.cl.cur() == l.conn
}

// OpenDirLeasedList opens directory name as o says (a directory, asking
// no grants: the lease is added as by OpenDirLeased) and runs list (List
// or ListPOSIX) on the new handle, in one round trip (a related compound
// of CREATE and list's two QUERY_DIRECTORY, with no CLOSE): the handle,
// with the lease granted if any, and the first batch of entries with
// whether it is the whole directory. A failed listing closes the handle.
// After a reconnect the compound is sent again (it changes nothing); a
// lease asked for on the lost connection is then not Held.
func (t *Tree) OpenDirLeasedList(ctx context.Context, name string, o OpenOptions, parent *Lease, list Op) (*File, *PathResult, error) {
	if o.Kind != KindDir || o.asksGrants() || o.Disposition != OpenExisting {
		return nil, nil, fmt.Errorf("smb2: %s: OpenDirLeasedList opens an existing directory and asks no grants", name)
	}
	if list.err != nil {
		return nil, nil, fmt.Errorf("smb2: %s: %s: %w", name, list.what, list.err)
	}
	req, err := o.request(name, list.access)
	if err != nil {
		return nil, nil, err
	}
	if err := t.timewarp(req); err != nil {
		return nil, nil, err
	}
	req.Name = name
	conn := t.cl.cur()
	var l *Lease
	if t.snapshot.IsZero() && conn.dirLeasing() && conn.state.ServerCapabilities&wire.CapLeasing != 0 {
		if parent != nil && parent.tree != t {
			parent = nil
		}
		if l, err = t.askLease(req, conn, uint32(DirLeaseState), parent); err != nil {
			return nil, nil, err
		}
	}
	ops := []Op{list}
	var resps [][]byte
	var gen uint64
	sent := req
	err = t.do(ctx, nil, opsClass(ops), func(sn *snap) error {
		sent = posixRequest(req, &sn.conn.state) // posix.go
		out := []outgoing{{msg: newMessage(wire.CmdCreate, sn.tid, 0, sent)}}
		for _, r := range list.reqs {
			out = append(out, outgoing{msg: newMessage(r.cmd, sn.tid, wire.FlagRelatedOperations, r.body(wire.CompoundFileID)), charge: sn.conn.creditCharge(r.size)})
		}
		calls, err := sn.conn.start(ctx, sn.s, sn.encrypt, out)
		if err != nil {
			return err
		}
		resps, err = waitEach(ctx, sn.conn, calls)
		gen = sn.gen
		return err
	})
	if err == nil {
		err = statusOf(resps[0])
	}
	var cr *wire.CreateResponse
	if err == nil {
		if cr, err = wire.DecodeCreateResponse(resps[0]); err != nil {
			err = fmt.Errorf("%w: %w", ErrProtocol, err)
		}
	}
	if err != nil {
		if l != nil {
			l.Release()
		}
		return nil, nil, err
	}
	f := &File{t: t, id: cr.FileID, gen: gen, name: name, Create: cr}
	fail := func(err error) (*File, *PathResult, error) {
		if l != nil {
			l.Release()
		}
		cctx, cancel := context.WithTimeout(context.Background(), conn.timeout)
		f.Close(cctx)
		cancel()
		return nil, nil, err
	}
	if l != nil {
		if err := l.granted(cr); err != nil {
			return fail(err)
		}
		if l.State() != 0 {
			f.lease = l
		}
	} else if cr.OplockLevel != wire.OplockLevelNone {
		return fail(fmt.Errorf("%w: CREATE response grants oplock level 0x%x, none asked", ErrProtocol, cr.OplockLevel))
	}
	res := &PathResult{Create: cr}
	if res.Posix, err = posixGranted(sent, cr); err != nil {
		return fail(err)
	}
	if IsStatus(statusOf(resps[1]), wire.StatusNoMoreFiles) {
		res.Complete = true // empty: not even "." and ".."
		return f, res, nil
	}
	if err := decodeOps(res, ops, resps[1:]); err != nil {
		return fail(err)
	}
	return f, res, nil
}
