package client

import (
	"errors"
	"testing"

	"github.com/smb3fs/smb3fs/client/smbtest"
	"github.com/smb3fs/smb3fs/client/wire"
)

// TestFakePosixNegotiate: the client offers the POSIX extensions unless
// NoPOSIX, inside the preauth-hashed NEGOTIATE (the fake server hashes the
// bytes it received: a handshake that completes agrees on them), records
// the server's answer, and refuses an answer it did not ask for.
func TestFakePosixNegotiate(t *testing.T) {
	for _, tc := range []struct {
		name            string
		noPOSIX, accept bool
		wantOffer, want bool
		wantErr         error
	}{
		{name: "offered, accepted", accept: true, wantOffer: true, want: true},
		{name: "offered, ignored", wantOffer: true},
		{name: "not offered", noPOSIX: true},
		{name: "not offered, accepted anyway", noPOSIX: true, accept: true, wantErr: ErrProtocol},
	} {
		t.Run(tc.name, func(t *testing.T) {
			offered := false
			srv := &smbtest.Server{}
			srv.Mutate.RequestBytes = func(m []byte) []byte {
				if h, err := wire.DecodeHeader(m); err == nil && h.Command == wire.CmdNegotiate {
					if req, err := wire.DecodeNegotiateRequest(m); err == nil {
						offered = req.POSIX
					}
				}
				return m
			}
			srv.Mutate.NegotiateResponse = func(r *wire.NegotiateResponse) { r.POSIX = tc.accept }
			cl, _, err := fakeDialOpts(t, srv, StrictPolicy(), func(o *Options) { o.NoPOSIX = tc.noPOSIX })
			if offered != tc.wantOffer {
				t.Errorf("offered %v, want %v", offered, tc.wantOffer)
			}
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("Dial: %v, want %v", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Dial: %v", err)
			}
			if cl.POSIX() != tc.want {
				t.Errorf("POSIX() = %v, want %v", cl.POSIX(), tc.want)
			}
		})
	}
}

// TestPosixRequest: the POSIX create context goes only to a connection
// with the extensions, and its answer is checked.
func TestPosixRequest(t *testing.T) {
	o := OpenOptions{POSIX: true, Mode: 0o640}
	req, err := o.request("a/b", 0)
	if err != nil {
		t.Fatal(err)
	}
	data, ok := req.Context(wire.CtxNamePOSIX)
	if !ok || string(data) != string(wire.EncodePosixCreateRequest(0o640)) {
		t.Fatalf("request contexts %+v", req.Contexts)
	}
	if r := posixRequest(req, &connState{POSIX: true}); r != req {
		t.Error("POSIX connection: request changed")
	}
	stripped := posixRequest(req, &connState{})
	if _, ok := stripped.Context(wire.CtxNamePOSIX); ok {
		t.Error("connection without POSIX: context still sent")
	}
	if _, ok := req.Context(wire.CtxNamePOSIX); !ok {
		t.Error("posixRequest changed the caller's request")
	}
	good, _ := (&wire.PosixInfo{NLinks: 1, Mode: 0o640, Owner: wire.SambaUnixUserSID(1), Group: wire.SambaUnixGroupSID(2)}).Encode()
	for _, c := range []struct {
		name    string
		ctx     []wire.CreateContext
		want    bool
		wantErr bool
	}{
		{"answered", []wire.CreateContext{{Name: wire.CtxNamePOSIX, Data: good}}, true, false},
		{"share without the extensions", nil, false, false},
		{"malformed", []wire.CreateContext{{Name: wire.CtxNamePOSIX, Data: good[:13]}}, false, true},
	} {
		p, err := posixGranted(req, &wire.CreateResponse{Contexts: c.ctx})
		if (err != nil) != c.wantErr || (p != nil) != c.want {
			t.Errorf("%s: %+v, %v", c.name, p, err)
		}
		if c.wantErr && !errors.Is(err, ErrProtocol) {
			t.Errorf("%s: %v does not wrap ErrProtocol", c.name, err)
		}
	}
	if p, err := posixGranted(stripped, &wire.CreateResponse{Contexts: []wire.CreateContext{{Name: wire.CtxNamePOSIX, Data: good}}}); p != nil || err != nil {
		t.Errorf("not asked: %+v, %v", p, err)
	}
	uid, uok, gid, gok := UnixIDs(&wire.PosixInfo{Owner: wire.SambaUnixUserSID(7), Group: wire.SambaUnixGroupSID(8)})
	if uid != 7 || !uok || gid != 8 || !gok {
		t.Errorf("UnixIDs = %d %v %d %v", uid, uok, gid, gok)
	}
	dom, _ := wire.ParseSID("S-1-5-21-1-2-3-1104")
	if _, uok, _, gok := UnixIDs(&wire.PosixInfo{Owner: dom, Group: wire.SambaUnixUserSID(8)}); uok || gok {
		t.Error("UnixIDs mapped a domain SID or a user SID as a group")
	}
}
