package client

import (
	"context"
	"fmt"

	"github.com/smb3fs/smb3fs/client/wire"
)

// maxReferralOutput bounds a DFS referral response: room for hundreds of
// targets, and what this client will hold of one answer whatever the
// server would send.
const maxReferralOutput = 56 << 10

// maxReferralLevel is the highest referral version this client decodes
// ([MS-DFSC] 2.2.5).
const maxReferralLevel = 4

// Referral asks the server for the DFS referral of path ([MS-DFSC]
// 3.1.4.2, [MS-SMB2] 3.2.4.20.3): `\server\share[\rest]` for a root or
// link referral, `\domain` for a DC referral, "" for a domain referral. It
// is FSCTL_DFS_GET_REFERRALS on IPC$, which is held to the client's policy
// like any share (encrypted when privacy is required). A path the server
// has no referral for fails with a StatusError (STATUS_NOT_FOUND, or
// STATUS_FS_DRIVER_REQUIRED from a server without DFS).
//
// The answer is checked before it is returned: PathConsumed must lie
// within path, and the entries be of a version this client decodes. What the targets may be used for is the caller's decision, under
// the policy of each target.
func (cl *Client) Referral(ctx context.Context, path string) (*wire.DFSReferralResponse, error) {
	t, err := cl.Connect(ctx, "IPC$")
	if err != nil {
		return nil, fmt.Errorf("smb2: DFS referral for %q: %w", path, err)
	}
	defer t.Disconnect(ctx)
	in := (&wire.DFSReferralRequest{MaxReferralLevel: maxReferralLevel, RequestFileName: path}).Encode()
	var resp []byte
	err = t.do(ctx, nil, replayIdempotent, func(sn *snap) error {
		req := &wire.IoctlRequest{CtlCode: wire.FsctlDfsGetReferrals, FileID: wire.CompoundFileID, Input: in,
			MaxOutputResponse: maxReferralOutput, Flags: wire.IoctlIsFsctl}
		var err error
		resp, err = sn.request(ctx, wire.CmdIoctl, req, sn.conn.creditCharge(maxReferralOutput))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("smb2: DFS referral for %q: %w", path, err)
	}
	out, err := ioctlOutput(resp, wire.FsctlDfsGetReferrals, maxReferralOutput)
	if err != nil {
		return nil, fmt.Errorf("smb2: DFS referral for %q: %w", path, err)
	}
	r, err := wire.DecodeDFSReferralResponse(out)
	if err != nil {
		return nil, fmt.Errorf("smb2: DFS referral for %q: %w: %w", path, ErrProtocol, err)
	}
	if int(r.PathConsumed) > wire.UTF16Len(path) {
		return nil, fmt.Errorf("smb2: DFS referral for %q: %w: PathConsumed %d beyond the %d-byte path", path, ErrProtocol, r.PathConsumed, wire.UTF16Len(path))
	}
	return r, nil
}
