package client

import (
	"context"
	"crypto/subtle"
	"fmt"
	"strings"

	"github.com/smb3fs/smb3fs/client/wire"
)

// Tree is a connected share ([MS-SMB2] 3.2.1.4).
type Tree struct {
	cl *Client
	s  *Session
	id uint32
	// encrypt: requests on this tree are sealed and responses must be.
	encrypt      bool
	share        string
	ShareFlags   uint32
	Capabilities uint32
	// MaximalAccess is the access mask the server grants on the share.
	MaximalAccess uint32
}

// Connect connects to share (a name like "secure", or IPC$). Every share is
// held to the client's policy: with privacy required, TREE_CONNECT itself is
// encrypted and so is everything after it.
func (cl *Client) Connect(ctx context.Context, share string) (*Tree, error) {
	if share == "" || strings.ContainsAny(share, `\/`) {
		return nil, fmt.Errorf("smb2: bad share name %q", share)
	}
	s := cl.session
	path := `\\` + cl.server + `\` + share
	msg := newMessage(wire.CmdTreeConnect, 0, 0, &wire.TreeConnectRequest{Path: path})
	resp, err := cl.conn.roundTrip(ctx, s, s.encryptAll, msg, 1)
	if err != nil {
		return nil, err
	}
	h, _ := wire.DecodeHeader(resp)
	r, err := wire.DecodeTreeConnectResponse(resp)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrProtocol, err)
	}
	t := &Tree{cl: cl, s: s, id: h.TreeID, share: share, ShareFlags: r.ShareFlags, Capabilities: r.Capabilities, MaximalAccess: r.MaximalAccess}
	encrypt := s.encryptAll || r.ShareFlags&wire.ShareFlagEncryptData != 0
	if encrypt && s.enc == nil {
		t.Disconnect(ctx) // signed, like the TREE_CONNECT: there is no cipher
		return nil, fmt.Errorf("%w: share %s requires encryption, session has no cipher", ErrRefused, path)
	}
	t.encrypt = encrypt
	if st := &cl.conn.state; st.Dialect == wire.Dialect300 || st.Dialect == wire.Dialect302 {
		if err := t.validateNegotiate(ctx); err != nil {
			cl.conn.fail(err)
			return nil, err
		}
	}
	return t, nil
}

// validateNegotiate runs FSCTL_VALIDATE_NEGOTIATE_INFO ([MS-SMB2] 3.2.5.5,
// 3.2.4.20.12), the 3.0.x defense against a rewritten NEGOTIATE. Any
// mismatch, or an unsigned or failed answer, is fatal.
func (t *Tree) validateNegotiate(ctx context.Context) error {
	st := &t.cl.conn.state
	in := (&wire.ValidateNegotiateInfoRequest{
		Capabilities: st.ClientCapabilities,
		GUID:         st.ClientGUID,
		SecurityMode: st.ClientSecurityMode,
		Dialects:     st.OfferedDialects,
	}).Encode()
	req := &wire.IoctlRequest{CtlCode: wire.FsctlValidateNegotiateInfo, FileID: wire.CompoundFileID, Input: in, MaxOutputResponse: 24, Flags: wire.IoctlIsFsctl}
	resp, err := t.cl.conn.roundTrip(ctx, t.s, t.encrypt, newMessage(wire.CmdIoctl, t.id, 0, req), 1)
	if err != nil {
		return fmt.Errorf("%w: VALIDATE_NEGOTIATE_INFO failed: %v", ErrRefused, err)
	}
	r, err := wire.DecodeIoctlResponse(resp)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrProtocol, err)
	}
	v, err := wire.DecodeValidateNegotiateInfoResponse(r.Output)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrProtocol, err)
	}
	if v.Dialect != st.Dialect || v.SecurityMode != st.ServerSecurityMode || v.Capabilities != st.ServerCapabilities ||
		subtle.ConstantTimeCompare(v.GUID[:], st.ServerGUID[:]) != 1 {
		return fmt.Errorf("%w: VALIDATE_NEGOTIATE_INFO mismatch: negotiated %s/0x%x/0x%x, server says %s/0x%x/0x%x",
			ErrRefused, st.Dialect, st.ServerSecurityMode, st.ServerCapabilities, v.Dialect, v.SecurityMode, v.Capabilities)
	}
	return nil
}

// Disconnect disconnects the tree ([MS-SMB2] 3.2.4.3).
func (t *Tree) Disconnect(ctx context.Context) error {
	_, err := t.cl.conn.roundTrip(ctx, t.s, t.encrypt, newMessage(wire.CmdTreeDisconnect, t.id, 0, &wire.TreeDisconnectRequest{}), 1)
	return err
}

// Encrypted reports whether messages on this tree are encrypted.
func (t *Tree) Encrypted() bool { return t.encrypt }
