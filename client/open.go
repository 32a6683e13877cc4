package client

// Opening a file: one call, one options struct ([MS-SMB2] 3.2.4.3).
//
//	OpenOptions ──► CREATE {access, disposition, kind, deny, contexts} ──► *File
//	  Lease, Oplock        RqLs / RequestedOplockLevel                    f.Lease(), f.Oplock()
//	  Durable              DH2Q {timeout, random CreateGuid}              f.Durable()
//	  MaximalAccess        MxAc                                           f.MaximalAccess()
//	  DiskID               QFid                                           f.DiskID()
//
// What was asked for and not granted is not an error (a server without
// leasing opens without a lease); a grant the server was not asked for, or
// a malformed one, is a protocol violation: the handle is closed and the
// error returned.

import (
	"context"
	"crypto/rand"
	"fmt"
	"math"
	"time"

	"github.com/smb3fs/smb3fs/client/wire"
)

// Access is what an open may do with the file ([MS-SMB2] 2.2.13.1). Open
// always adds the right to read attributes. (SYNCHRONIZE, which SMB has no
// use for, is not asked: a server may refuse it where it grants reading
// attributes, as Samba does in a directory the caller cannot list.)
type Access uint32

// Access rights, and the sets read(2) and write(2) need.
const (
	AccessReadData        = Access(wire.FileReadData) // also: list a directory
	AccessWriteData       = Access(wire.FileWriteData)
	AccessAppendData      = Access(wire.FileAppendData)
	AccessReadEA          = Access(wire.FileReadEA)
	AccessWriteEA         = Access(wire.FileWriteEA)
	AccessReadAttributes  = Access(wire.FileReadAttributes)
	AccessWriteAttributes = Access(wire.FileWriteAttributes)
	AccessDelete          = Access(wire.Delete)
	AccessReadControl     = Access(wire.ReadControl)

	// AccessRead is reading a file's data, extended attributes and
	// security descriptor.
	AccessRead = AccessReadData | AccessReadEA | AccessReadControl
	// AccessWrite is writing and appending data, attributes and extended
	// attributes.
	AccessWrite = AccessWriteData | AccessAppendData | AccessWriteAttributes | AccessWriteEA
)

// Disposition says what an open does when the name exists and when it
// does not ([MS-SMB2] 2.2.13 CreateDisposition). The zero value opens an
// existing file.
type Disposition uint8

// Dispositions.
const (
	// OpenExisting opens the file; it fails if there is none.
	OpenExisting Disposition = iota
	// CreateNew creates the file; it fails if one exists.
	CreateNew
	// OpenOrCreate opens the file, creating it if there is none.
	OpenOrCreate
	// Overwrite opens the file and truncates it; it fails if there is none.
	Overwrite
	// OverwriteOrCreate truncates the file, creating it if there is none.
	OverwriteOrCreate
)

// wire returns the CreateDisposition.
func (d Disposition) wire() uint32 {
	switch d {
	case CreateNew:
		return wire.FileCreate
	case OpenOrCreate:
		return wire.FileOpenIf
	case Overwrite:
		return wire.FileOverwrite
	case OverwriteOrCreate:
		return wire.FileOverwriteIf
	}
	return wire.FileOpen
}

// Kind says whether the name must be a directory, must not be one, or may
// be either.
type Kind uint8

// Kinds.
const (
	// KindAny opens a file or a directory; a new one is a file.
	KindAny Kind = iota
	// KindFile fails on a directory (STATUS_FILE_IS_A_DIRECTORY).
	KindFile
	// KindDir fails on anything else (STATUS_NOT_A_DIRECTORY); a new one
	// is a directory.
	KindDir
)

// Deny is what other opens may not do while this one is open ([MS-SMB2]
// 2.2.13 ShareAccess, inverted). The zero value denies nothing: POSIX
// semantics, where an open file never blocks another process.
type Deny uint8

// Deny bits.
const (
	DenyRead Deny = 1 << iota
	DenyWrite
	DenyDelete
)

// LeaseState is the caching a lease allows ([MS-SMB2] 2.2.13.2.8): read,
// handle and write caching.
type LeaseState uint32

// Lease states.
const (
	LeaseRead   = LeaseState(wire.LeaseRead)
	LeaseHandle = LeaseState(wire.LeaseHandle)
	LeaseWrite  = LeaseState(wire.LeaseWrite)
)

// OplockLevel is the level of an oplock ([MS-SMB2] 2.2.13
// RequestedOplockLevel); the zero value is none.
type OplockLevel uint8

// Oplock levels.
const (
	OplockII        = OplockLevel(wire.OplockLevelII)
	OplockExclusive = OplockLevel(wire.OplockLevelExclusive)
	OplockBatch     = OplockLevel(wire.OplockLevelBatch)
)

// OpenOptions says how Tree.Open and Tree.Do open a name. The zero value
// opens an existing file or directory to read its attributes, sharing it
// with everyone.
type OpenOptions struct {
	// Access is what the open may do; Do adds what its operations need.
	Access Access
	// Disposition: open, create, or both; truncate or not.
	Disposition Disposition
	// Kind: a file, a directory, or either.
	Kind Kind
	// Deny is what other opens may not do meanwhile.
	Deny Deny
	// OpenReparsePoint opens a reparse point (a symlink) itself, not its
	// target.
	OpenReparsePoint bool
	// DiskID asks for the file's on-disk id (the QFid context):
	// File.DiskID, PathResult.DiskID.
	DiskID bool

	// What Open asks the server to grant, which Do refuses (its handle
	// closes at once).

	// Lease asks for a lease allowing this caching under a new random
	// LeaseKey ([MS-SMB2] 3.2.4.3.8): v2 on SMB 3.x, v1 on 2.1, none on
	// 2.0.2 or a server without leasing. File.Lease holds what was
	// granted. Close releases it.
	Lease LeaseState
	// Oplock asks for an oplock of this level instead of a lease
	// ([MS-SMB2] 3.2.4.3); File.Oplock holds what was granted.
	Oplock OplockLevel
	// Durable asks for a durable handle ([MS-SMB2] 3.2.4.3.5, a DH2Q
	// context with a random CreateGuid) that a reconnect reclaims. The
	// server grants one only with handle caching: a Lease without
	// LeaseHandle gets read and handle caching added. Before SMB 3.0, or
	// without leasing, the open is not durable (not an error).
	Durable bool
	// DurableTimeout is how long the server is asked to keep a durable
	// handle after a disconnect; 0 is the server's default. It is sent in
	// milliseconds, rounded down, at most about 49 days.
	DurableTimeout time.Duration
	// MaximalAccess asks for the access the caller could have to the file
	// (an MxAc context, [MS-SMB2] 3.2.4.3.1): File.MaximalAccess. The
	// response must carry it, with success.
	MaximalAccess bool
	// POSIX makes the open a POSIX open when the connection has the SMB3
	// POSIX extensions (posix.go): the POSIX create context with Mode,
	// the permission bits a new file gets. The answer (mode, owner,
	// group) is File.Posix or PathResult.Posix. Without the extensions
	// the open is an ordinary one.
	POSIX bool
	Mode  uint32
}

// grants is what an open asks the server to grant beyond the handle.
type grants struct {
	lease     LeaseState
	oplock    OplockLevel
	durable   bool
	timeout   time.Duration
	maxAccess bool
	// parent is the lease of the directory the name is in, sent as
	// ParentLeaseKey with the lease asked for (dirlease.go), or nil.
	parent *Lease
}

// asksGrants reports whether o asks for anything a handle closed at once
// cannot use.
func (o *OpenOptions) asksGrants() bool {
	return o.Lease != 0 || o.Oplock != 0 || o.Durable || o.DurableTimeout != 0 || o.MaximalAccess
}

// request builds the CREATE request for o; extra is access the caller
// adds.
func (o *OpenOptions) request(name string, extra Access) (*wire.CreateRequest, error) {
	if o.Disposition > OverwriteOrCreate || o.Kind > KindDir || o.Deny > DenyRead|DenyWrite|DenyDelete {
		return nil, fmt.Errorf("smb2: open %q: bad options %+v", name, *o)
	}
	if o.Lease != 0 && o.Oplock != 0 {
		return nil, fmt.Errorf("smb2: open %q: a lease and an oplock both asked for", name)
	}
	if o.Durable && o.Oplock != 0 {
		return nil, fmt.Errorf("smb2: open %q: a durable handle is asked for with a lease, not an oplock", name)
	}
	if o.Lease&^(LeaseRead|LeaseHandle|LeaseWrite) != 0 {
		return nil, fmt.Errorf("smb2: open %q: lease state 0x%x", name, uint32(o.Lease))
	}
	switch o.Oplock {
	case 0, OplockII, OplockExclusive, OplockBatch:
	default:
		return nil, fmt.Errorf("smb2: open %q: oplock level 0x%x", name, uint8(o.Oplock))
	}
	req := &wire.CreateRequest{
		Name:               name,
		ImpersonationLevel: wire.Impersonation,
		DesiredAccess:      uint32(o.Access | extra | AccessReadAttributes),
		ShareAccess:        shareAll &^ uint32(o.Deny),
		CreateDisposition:  o.Disposition.wire(),
	}
	switch o.Kind {
	case KindFile:
		req.CreateOptions = wire.FileNonDirectoryFile
	case KindDir:
		req.CreateOptions = wire.FileDirectoryFile
		if o.Disposition != OpenExisting {
			req.FileAttributes = wire.FileAttributeDirectory
		}
	}
	if o.OpenReparsePoint {
		req.CreateOptions |= wire.FileOpenReparsePoint
	}
	if o.DiskID {
		req.Contexts = append(req.Contexts, wire.CreateContext{Name: wire.CtxNameQueryOnDiskID})
	}
	if o.POSIX {
		// Removed again for a connection without the extensions
		// (posixRequest).
		req.Contexts = append(req.Contexts, wire.CreateContext{Name: wire.CtxNamePOSIX, Data: wire.EncodePosixCreateRequest(o.Mode & wire.PosixPermMask)})
	}
	return req, nil
}

// Open opens name (a share-relative path with backslashes, "" for the
// root) as o says, and returns the handle with what the server granted.
// Close it when done.
func (t *Tree) Open(ctx context.Context, name string, o OpenOptions) (*File, error) {
	req, err := o.request(name, 0)
	if err != nil {
		return nil, err
	}
	if err := t.timewarp(req); err != nil {
		return nil, err
	}
	// A snapshot's handles are not made durable: a reconnect's DH2C
	// carries no TWrp, and there is nothing to lose by reopening.
	durable := o.Durable && t.snapshot.IsZero()
	return t.open(ctx, name, req, grants{lease: o.Lease, oplock: o.Oplock, durable: durable, timeout: o.DurableTimeout, maxAccess: o.MaximalAccess})
}

// open sends req, with the contexts g asks for appended, and checks what
// the server granted. A grant it cannot accept closes the handle.
func (t *Tree) open(ctx context.Context, name string, req *wire.CreateRequest, g grants) (*File, error) {
	conn := t.cl.cur()
	req = posixRequest(req, &conn.state) // posix.go
	leasing := conn.state.Dialect != wire.Dialect202 && conn.state.ServerCapabilities&wire.CapLeasing != 0
	if g.durable && g.lease&LeaseHandle == 0 {
		// [MS-SMB2] 3.3.5.9.10: durability needs handle caching.
		g.lease |= LeaseRead | LeaseHandle
	}
	if !leasing {
		g.lease, g.durable = 0, false
	}
	if req.CreateOptions&wire.FileDirectoryFile != 0 && !conn.dirLeasing() {
		g.lease = 0 // [MS-SMB2] 3.2.4.3.8: no directory leases
	}
	if conn.state.Dialect < wire.Dialect300 {
		g.durable = false // DH2Q is SMB 3
	}
	var l *Lease
	if g.lease != 0 {
		var err error
		if l, err = t.askLease(req, conn, uint32(g.lease), g.parent); err != nil {
			return nil, err
		}
	}
	var d *durableGrant
	if g.durable {
		d = &durableGrant{leaseState: uint32(g.lease)}
		if _, err := rand.Read(d.CreateGUID[:]); err != nil {
			if l != nil {
				l.Release()
			}
			return nil, fmt.Errorf("smb2: durable CreateGuid: %w", err)
		}
		ms := max(g.timeout.Milliseconds(), 0)
		dh := &wire.DurableHandleRequestV2{Timeout: uint32(min(ms, math.MaxUint32)), CreateGUID: d.CreateGUID}
		req.Contexts = append(req.Contexts, wire.CreateContext{Name: wire.CtxNameDurableV2, Data: dh.Encode()})
	}
	if g.maxAccess {
		req.Contexts = append(req.Contexts, wire.CreateContext{Name: wire.CtxNameMaximalAccess})
	}
	var f *File
	var err error
	if g.oplock != 0 {
		f, err = t.openOplock(ctx, name, req, g.oplock)
	} else {
		f, err = t.create(ctx, name, req)
	}
	if err != nil {
		if l != nil {
			l.Release()
		}
		return nil, err
	}
	fail := func(err error) (*File, error) {
		if l != nil {
			l.Release()
		}
		cctx, cancel := context.WithTimeout(context.Background(), conn.timeout)
		f.Close(cctx)
		cancel()
		return nil, err
	}
	if l != nil {
		if err := l.granted(f.Create); err != nil {
			return fail(err)
		}
		if l.State() != 0 {
			f.lease = l
		}
	}
	if _, err := posixGranted(req, f.Create); err != nil {
		return fail(err)
	}
	if g.maxAccess {
		access, err := maximalAccess(f.Create)
		if err != nil {
			return fail(err)
		}
		f.maxAccess = Access(access)
	}
	if d != nil {
		r, err := durableGranted(f.Create)
		if err != nil {
			return fail(err)
		}
		if r != nil {
			d.Timeout = time.Duration(r.Timeout) * time.Millisecond
			d.Lease = f.lease
			t.cl.trackDurable(f, d, req)
		}
	}
	return f, nil
}

// Lease returns the lease the open holds, or nil: none was asked for, or
// none granted. Its state says what the client may cache now; Close
// releases it.
func (f *File) Lease() *Lease { return f.lease }

// Oplock returns the oplock the open holds, or nil: none was asked for,
// or none granted. Close releases it.
func (f *File) Oplock() *Oplock { return f.oplock }

// MaximalAccess returns the access the server says the caller could have
// to the file (OpenOptions.MaximalAccess), or 0 when not asked.
func (f *File) MaximalAccess() Access { return f.maxAccess }

// DiskID returns the file's on-disk id (OpenOptions.DiskID), or 0 when
// the server sent none.
func (f *File) DiskID() uint64 { return f.t.diskID(f.Create) }

// DurableTimeout returns how long the server keeps the handle after a
// disconnect, as granted, or 0 when the open is not durable.
func (f *File) DurableTimeout() time.Duration {
	if f.durable == nil {
		return 0
	}
	return f.durable.Timeout
}

// Tree returns the tree the file is open on.
func (f *File) Tree() *Tree { return f.t }
