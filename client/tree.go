package client

import (
	"context"
	"crypto/subtle"
	"fmt"
	"strings"
	"time"

	"github.com/smb3fs/smb3fs/client/wire"
)

// Tree is a connected share ([MS-SMB2] 3.2.1.4). It survives reconnects:
// the client connects it again on each new connection.
type Tree struct {
	cl *Client
	// s, id, encrypt and gen are guarded by cl.mu (a reconnect changes
	// them); lost is why the tree was not connected again.
	s  *Session
	id uint32
	// encrypt: requests on this tree are sealed and responses must be.
	encrypt      bool
	gen          uint64
	lost         error
	share        string
	ShareFlags   uint32
	Capabilities uint32
	// MaximalAccess is the access mask the server grants on the share.
	MaximalAccess uint32
	// snapshot is the time of the previous version every open sees (a
	// TWrp context), zero for the live share; set by ConnectSnapshot,
	// never changed after.
	snapshot time.Time
	// idSalt, when not 0, mixes the file ids of this tree so that they
	// do not collide with another server's: the trees of a DFS
	// namespace's targets (dfsns.go). Set before the tree is used, never
	// changed after.
	idSalt uint64
}

// diskID is the file id of cr as this tree shows it (see idSalt).
func (t *Tree) diskID(cr *wire.CreateResponse) uint64 { return t.mixID(diskFileID(cr)) }

// mixID is id as this tree shows it: id itself, or, on a tree with a
// salt, a bijection of id keyed by the salt (a SplitMix64 finalizer),
// never 0 for an id that is not 0, and below 2^63 (the inode numbers
// above are the file system's own).
func (t *Tree) mixID(id uint64) uint64 {
	if id == 0 || t.idSalt == 0 {
		return id
	}
	z := id ^ (t.idSalt * 0x9e3779b97f4a7c15)
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	z ^= z >> 31
	z &^= 1 << 63
	if z == 0 {
		z = 1
	}
	return z
}

// mixEntries applies mixID to the file ids of a listing.
func (t *Tree) mixEntries(ents []wire.DirEntry) {
	if t.idSalt == 0 {
		return
	}
	for i := range ents {
		ents[i].FileID = t.mixID(ents[i].FileID)
	}
}

// treeConn is what one TREE_CONNECT established.
type treeConn struct {
	id      uint32
	encrypt bool
	resp    *wire.TreeConnectResponse
}

// Connect connects to share (a name like "secure", or IPC$). Every share is
// held to the client's policy: with privacy required, TREE_CONNECT itself is
// encrypted and so is everything after it.
func (cl *Client) Connect(ctx context.Context, share string) (*Tree, error) {
	return cl.ConnectSnapshot(ctx, share, time.Time{})
}

// ConnectSnapshot connects to share as it was at the snapshot time at
// (cifs's snapshot=, [MS-SMB2] 3.2.4.3.2): every open of the tree carries
// a TWrp context with at, and opens that could change anything are
// refused locally with ErrReadOnly. The zero time is the live share, as
// Connect.
func (cl *Client) ConnectSnapshot(ctx context.Context, share string, at time.Time) (*Tree, error) {
	if share == "" || strings.ContainsAny(share, `\/`) {
		return nil, fmt.Errorf("smb2: bad share name %q", share)
	}
	c, s := cl.current()
	tc, err := connectTree(ctx, c, s, cl.server, share)
	if err != nil {
		return nil, err
	}
	r := tc.resp
	t := &Tree{cl: cl, s: s, id: tc.id, encrypt: tc.encrypt, share: share, ShareFlags: r.ShareFlags, Capabilities: r.Capabilities, MaximalAccess: r.MaximalAccess, snapshot: at}
	cl.mu.Lock()
	if cl.conn != c {
		cl.mu.Unlock()
		return nil, fmt.Errorf("%w: reconnected while connecting %s", ErrConnectionClosed, share)
	}
	t.gen = cl.gen
	if cl.trees == nil {
		cl.trees = make(map[*Tree]struct{})
	}
	cl.trees[t] = struct{}{}
	cl.mu.Unlock()
	return t, nil
}

// connectTree sends TREE_CONNECT for share on c and applies the policy
// ([MS-SMB2] 3.2.4.2, 3.2.5.5): a share that requires encryption on a
// session without a cipher is refused; 3.0.x connections validate the
// negotiation. Connect and every reconnect use it.
func connectTree(ctx context.Context, c *Conn, s *Session, server, share string) (treeConn, error) {
	path := `\\` + server + `\` + share
	msg := newMessage(wire.CmdTreeConnect, 0, 0, &wire.TreeConnectRequest{Path: path})
	resp, err := c.roundTrip(ctx, s, s.encryptAll, msg, 1)
	if err != nil {
		return treeConn{}, err
	}
	h, _ := wire.DecodeHeader(resp)
	r, err := wire.DecodeTreeConnectResponse(resp)
	if err != nil {
		return treeConn{}, fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	tc := treeConn{id: h.TreeID, resp: r}
	encrypt := s.encryptAll || r.ShareFlags&wire.ShareFlagEncryptData != 0
	if encrypt && s.enc == nil {
		// Signed, like the TREE_CONNECT: there is no cipher.
		c.roundTrip(ctx, s, false, newMessage(wire.CmdTreeDisconnect, tc.id, 0, &wire.TreeDisconnectRequest{}), 1)
		return treeConn{}, fmt.Errorf("%w: share %s requires encryption, session has no cipher", ErrRefused, path)
	}
	tc.encrypt = encrypt
	if st := &c.state; st.Dialect == wire.Dialect300 || st.Dialect == wire.Dialect302 {
		if err := validateNegotiate(ctx, c, s, tc.id, tc.encrypt); err != nil {
			c.fail(err)
			return treeConn{}, err
		}
	}
	return tc, nil
}

// validateNegotiate runs FSCTL_VALIDATE_NEGOTIATE_INFO ([MS-SMB2] 3.2.5.5,
// 3.2.4.20.12), the 3.0.x defense against a rewritten NEGOTIATE. Any
// mismatch, or an unsigned or failed answer, is fatal.
func validateNegotiate(ctx context.Context, c *Conn, s *Session, tid uint32, encrypt bool) error {
	st := &c.state
	in := (&wire.ValidateNegotiateInfoRequest{
		Capabilities: st.ClientCapabilities,
		GUID:         st.ClientGUID,
		SecurityMode: st.ClientSecurityMode,
		Dialects:     st.OfferedDialects,
	}).Encode()
	req := &wire.IoctlRequest{CtlCode: wire.FsctlValidateNegotiateInfo, FileID: wire.CompoundFileID, Input: in, MaxOutputResponse: 24, Flags: wire.IoctlIsFsctl}
	resp, err := c.roundTrip(ctx, s, encrypt, newMessage(wire.CmdIoctl, tid, 0, req), 1)
	if err != nil {
		return fmt.Errorf("%w: VALIDATE_NEGOTIATE_INFO failed: %v", ErrRefused, err)
	}
	r, err := wire.DecodeIoctlResponse(resp)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	v, err := wire.DecodeValidateNegotiateInfoResponse(r.Output)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	if v.Dialect != st.Dialect || v.SecurityMode != st.ServerSecurityMode || v.Capabilities != st.ServerCapabilities ||
		subtle.ConstantTimeCompare(v.GUID[:], st.ServerGUID[:]) != 1 {
		return fmt.Errorf("%w: VALIDATE_NEGOTIATE_INFO mismatch: negotiated %s/0x%x/0x%x, server says %s/0x%x/0x%x",
			ErrRefused, st.Dialect, st.ServerSecurityMode, st.ServerCapabilities, v.Dialect, v.SecurityMode, v.Capabilities)
	}
	return nil
}

// Disconnect disconnects the tree ([MS-SMB2] 3.2.4.3); a reconnect no
// longer connects it.
func (t *Tree) Disconnect(ctx context.Context) error {
	t.cl.mu.Lock()
	delete(t.cl.trees, t)
	t.cl.mu.Unlock()
	sn, err := t.snap(nil)
	if err != nil {
		return err
	}
	_, err = sn.request(ctx, wire.CmdTreeDisconnect, &wire.TreeDisconnectRequest{}, 1)
	return err
}

// Encrypted reports whether messages on this tree are encrypted.
func (t *Tree) Encrypted() bool {
	t.cl.mu.Lock()
	defer t.cl.mu.Unlock()
	return t.encrypt
}

// Snapshot returns the time of the previous version the tree shows, or the
// zero time for the live share.
func (t *Tree) Snapshot() time.Time { return t.snapshot }

// snapshotReadAccess is every access right that only reads: the rights an
// open of a snapshot may ask for.
const snapshotReadAccess = wire.FileReadData | wire.FileReadEA | wire.FileExecute | wire.FileReadAttributes |
	wire.ReadControl | wire.Synchronize | wire.GenericRead | wire.GenericExecute | wire.MaximumAllowed

// timewarp readies req for a snapshot tree: an open that could create,
// change or delete anything is refused with ErrReadOnly, and the TWrp
// context ([MS-SMB2] 2.2.13.2.7) asks for the file as it was at the
// snapshot's time. A live tree's requests are left alone.
func (t *Tree) timewarp(req *wire.CreateRequest) error {
	if t.snapshot.IsZero() {
		return nil
	}
	if req.CreateDisposition != wire.FileOpen || req.DesiredAccess&^snapshotReadAccess != 0 || req.CreateOptions&wire.FileDeleteOnClose != 0 {
		return fmt.Errorf("smb2: open %q (access 0x%x, disposition %d) on snapshot %s: %w",
			req.Name, req.DesiredAccess, req.CreateDisposition, wire.GMTToken(t.snapshot), ErrReadOnly)
	}
	if _, ok := req.Context(wire.CtxNameTimewarpToken); !ok {
		tw := &wire.TimewarpToken{Timestamp: wire.FileTime(t.snapshot)}
		req.Contexts = append(req.Contexts, wire.CreateContext{Name: wire.CtxNameTimewarpToken, Data: tw.Encode()})
	}
	return nil
}
