package client_test

import (
	"context"
	"errors"
	"testing"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/smbtest"
	"github.com/smb3fs/smb3fs/client/wire"
)

// Referral sends FSCTL_DFS_GET_REFERRALS on IPC$ with the path as asked
// and returns the decoded answer; an answer that claims more of the path
// than was sent, or does not decode, is a protocol error; a server
// status comes back as a StatusError.
func TestReferral(t *testing.T) {
	good := &wire.DFSReferralResponse{PathConsumed: uint16(wire.UTF16Len(`\fake\dfs\good`)), HeaderFlags: wire.DFSStorageServers,
		Referrals: []wire.DFSReferral{{Version: 3, TTL: 300, DFSPath: `\fake\dfs\good`, DFSAlternatePath: `\fake\dfs\good`, NetworkAddress: `\fake\share`}}}
	var asked []string
	answer := func(req *wire.DFSReferralRequest) ([]byte, wire.Status) {
		asked = append(asked, req.RequestFileName)
		if req.MaxReferralLevel != 4 {
			return nil, wire.StatusInvalidParameter
		}
		switch req.RequestFileName {
		case `\fake\dfs\good\sub`:
			b, _ := good.Encode()
			return b, wire.StatusSuccess
		case `\fake\dfs\greedy`:
			r := *good
			r.PathConsumed = 200
			b, _ := r.Encode()
			return b, wire.StatusSuccess
		case `\fake\dfs\garbage`:
			return []byte{1, 2, 3}, wire.StatusSuccess
		}
		return nil, wire.StatusNotFound
	}
	r := newRigShares(t, &smbtest.Server{Referral: answer})
	ctx := context.Background()
	got, err := r.cl.Referral(ctx, `\fake\dfs\good\sub`)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Referrals) != 1 || got.Referrals[0].NetworkAddress != `\fake\share` || got.PathConsumed != good.PathConsumed {
		t.Fatalf("referral %+v", got)
	}
	for _, p := range []string{`\fake\dfs\greedy`, `\fake\dfs\garbage`} {
		if _, err := r.cl.Referral(ctx, p); !errors.Is(err, client.ErrProtocol) {
			t.Errorf("%s: err = %v, want ErrProtocol", p, err)
		}
	}
	if _, err := r.cl.Referral(ctx, `\fake\nodfs`); !client.IsStatus(err, wire.StatusNotFound) {
		t.Errorf("no referral: err = %v, want STATUS_NOT_FOUND", err)
	}
	if len(asked) != 4 || asked[0] != `\fake\dfs\good\sub` {
		t.Fatalf("server was asked %q", asked)
	}
}

// newRigShares is newRig with IPC$ served beside the test share.
func newRigShares(t *testing.T, srv *smbtest.Server) *rig {
	srv.ShareFlags = map[string]uint32{"share": 0, "IPC$": 0}
	return newRig(t, srv, 0, nil)
}
