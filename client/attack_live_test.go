package client_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/crypto"
	"github.com/smb3fs/smb3fs/internal/mitm"
	"github.com/smb3fs/smb3fs/internal/testenv"
	"github.com/smb3fs/smb3fs/internal/testenv/liveauth"
)

// The hostile proxy sits between the client and the real Samba DC and
// attacks one thing per case. Each case must end in the expected refusal;
// the baseline (no attack) must work through the same proxy, so a refusal
// is the attack's doing. ToClient frame 0 is the NEGOTIATE response, frame 1
// the (Kerberos: final) SESSION_SETUP response, frame 2 the TREE_CONNECT
// response, then the file operations.

// pass forwards every frame unchanged.
func pass(_ int, f []byte) [][]byte { return [][]byte{f} }

// onFrame applies edit to frame n only.
func onFrame(n int, edit func(f []byte) [][]byte) mitm.Hook {
	return func(i int, f []byte) [][]byte {
		if i != n {
			return [][]byte{f}
		}
		return edit(append([]byte(nil), f...))
	}
}

// editNegotiateResponse rewrites the decoded NEGOTIATE response.
func editNegotiateResponse(t *testing.T, edit func(r *wire.NegotiateResponse)) mitm.Hook {
	return onFrame(0, func(f []byte) [][]byte {
		r, err := wire.DecodeNegotiateResponse(f)
		if err != nil {
			t.Errorf("proxy: %v", err)
			return [][]byte{f}
		}
		edit(r)
		return [][]byte{r.Append(append([]byte(nil), f[:wire.HeaderSize]...))}
	})
}

// editNegotiateRequest rewrites the client's NEGOTIATE request.
func editNegotiateRequest(t *testing.T, edit func(r *wire.NegotiateRequest)) mitm.Hook {
	return onFrame(0, func(f []byte) [][]byte {
		r, err := wire.DecodeNegotiateRequest(f)
		if err != nil {
			t.Errorf("proxy: %v", err)
			return [][]byte{f}
		}
		edit(r)
		return [][]byte{r.Append(append([]byte(nil), f[:wire.HeaderSize]...))}
	})
}

// session runs a whole session through the proxy: dial, tree connect,
// write, read back. It returns the first error; data read back that differs
// from what was written is an error too (attacker data must never arrive).
func session(t *testing.T, env *testenv.Environment, p client.Policy, share string, toServer, toClient mitm.Hook) error {
	t.Helper()
	px, err := mitm.Start(env.DC.SMBAddr(), toServer, toClient)
	if err != nil {
		t.Fatal(err)
	}
	defer px.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cl, err := client.Dial(ctx, client.Options{Server: env.DC.Host, Address: px.Addr(), Policy: p,
		Mechanism: liveauth.Kerberos(t, env, "alice"), Timeout: 3 * time.Second})
	if err != nil {
		return err
	}
	defer cl.Close()
	tr, err := cl.Connect(ctx, share)
	if err != nil {
		return err
	}
	name := scratch(t, env, share)
	f, err := tr.Open(ctx, name, client.OpenOptions{Access: client.AccessRead | client.AccessWrite, Disposition: client.OverwriteOrCreate, Kind: client.KindFile})
	if err != nil {
		return err
	}
	want := bytes.Repeat([]byte("integrity "), 1000)
	if _, err := f.WriteAt(ctx, want, 0); err != nil {
		return err
	}
	got := make([]byte, len(want))
	if _, err := f.ReadAt(ctx, got, 0); err != nil {
		return err
	}
	if !bytes.Equal(got, want) {
		t.Fatal("ATTACKER DATA DELIVERED: read back differs from what was written")
	}
	_, err = f.Close(ctx)
	return err
}

type attackCase struct {
	name     string
	policy   func() client.Policy
	share    func(env *testenv.Environment) string
	toServer func(t *testing.T) mitm.Hook
	toClient func(t *testing.T) mitm.Hook
	want     []error // the error must match one of these
}

func strict() client.Policy { return client.StrictPolicy() }

func signedOnly() client.Policy {
	p := client.StrictPolicy()
	p.RequirePrivacy = false
	return p
}

func encShare(env *testenv.Environment) string    { return env.Shares.Encrypted }
func signedShare(env *testenv.Environment) string { return env.Shares.Signed }

func passHook(*testing.T) mitm.Hook { return pass }

func TestLiveHostileProxy(t *testing.T) {
	env := testenv.Env(t)
	cases := []attackCase{
		{name: "baseline encrypted", want: nil},
		{name: "baseline signed", policy: signedOnly, share: signedShare, want: nil},
		{
			name: "server dialect rewritten to 3.0.2",
			toClient: func(t *testing.T) mitm.Hook {
				return editNegotiateResponse(t, func(r *wire.NegotiateResponse) { r.DialectRevision = wire.Dialect302 })
			},
			want: []error{client.ErrRefused},
		},
		{
			name: "client offer stripped to 3.0.2",
			toServer: func(t *testing.T) mitm.Hook {
				return editNegotiateRequest(t, func(r *wire.NegotiateRequest) {
					r.Dialects = []wire.Dialect{wire.Dialect302}
					r.PreauthHashAlgorithms, r.PreauthSalt, r.Ciphers, r.SigningAlgorithms, r.NetName = nil, nil, nil, nil, ""
				})
			},
			want: []error{client.ErrRefused},
		},
		{
			// A policy that tolerates 3.0.2: the downgrade passes NEGOTIATE
			// and is caught by VALIDATE_NEGOTIATE_INFO.
			name: "3.1.1 stripped under a 3.0.2-tolerant policy",
			policy: func() client.Policy {
				p := client.StrictPolicy()
				p.MinDialect = wire.Dialect302
				return p
			},
			toServer: func(t *testing.T) mitm.Hook {
				return editNegotiateRequest(t, func(r *wire.NegotiateRequest) {
					r.Dialects = []wire.Dialect{wire.Dialect302}
					r.PreauthHashAlgorithms, r.PreauthSalt, r.Ciphers, r.SigningAlgorithms, r.NetName = nil, nil, nil, nil, ""
				})
			},
			want: []error{client.ErrRefused, client.ErrConnectionClosed},
		},
		{
			name: "cipher rewritten to another offered cipher",
			policy: func() client.Policy {
				p := client.StrictPolicy()
				p.Ciphers = []wire.CipherID{wire.CipherAES256GCM, wire.CipherAES128GCM}
				return p
			},
			toClient: func(t *testing.T) mitm.Hook {
				return editNegotiateResponse(t, func(r *wire.NegotiateResponse) {
					if r.Ciphers[0] == wire.CipherAES128GCM {
						r.Ciphers = []wire.CipherID{wire.CipherAES256GCM}
					} else {
						r.Ciphers = []wire.CipherID{wire.CipherAES128GCM}
					}
				})
			},
			want: []error{client.ErrUnprotected},
		},
		{
			name: "cipher rewritten to one not offered",
			policy: func() client.Policy {
				p := client.StrictPolicy()
				p.Ciphers = []wire.CipherID{wire.CipherAES256GCM, wire.CipherAES128GCM}
				return p
			},
			toClient: func(t *testing.T) mitm.Hook {
				return editNegotiateResponse(t, func(r *wire.NegotiateResponse) { r.Ciphers = []wire.CipherID{wire.CipherAES128CCM} })
			},
			want: []error{client.ErrRefused},
		},
		{
			name: "encryption context stripped",
			toClient: func(t *testing.T) mitm.Hook {
				return editNegotiateResponse(t, func(r *wire.NegotiateResponse) { r.Ciphers = nil })
			},
			want: []error{client.ErrRefused},
		},
		{
			name: "signing algorithm rewritten",
			toClient: func(t *testing.T) mitm.Hook {
				return editNegotiateResponse(t, func(r *wire.NegotiateResponse) {
					if r.SigningAlgorithms[0] == wire.SigningAESGMAC {
						r.SigningAlgorithms = []wire.SigningID{wire.SigningAESCMAC}
					} else {
						r.SigningAlgorithms = []wire.SigningID{wire.SigningAESGMAC}
					}
				})
			},
			want: []error{client.ErrUnprotected},
		},
		{
			name: "signing algorithm rewritten to HMAC-SHA256 (not offered)",
			toClient: func(t *testing.T) mitm.Hook {
				return editNegotiateResponse(t, func(r *wire.NegotiateResponse) { r.SigningAlgorithms = []wire.SigningID{wire.SigningHMACSHA256} })
			},
			want: []error{client.ErrRefused},
		},
		{
			name: "signing-enabled bit cleared",
			toClient: func(t *testing.T) mitm.Hook {
				return editNegotiateResponse(t, func(r *wire.NegotiateResponse) { r.SecurityMode = 0 })
			},
			want: []error{client.ErrRefused},
		},
		{
			name: "preauth salt rewritten",
			toClient: func(t *testing.T) mitm.Hook {
				return editNegotiateResponse(t, func(r *wire.NegotiateResponse) { r.PreauthSalt = bytes.Repeat([]byte{0x42}, len(r.PreauthSalt)) })
			},
			want: []error{client.ErrUnprotected},
		},
		{
			name: "duplicated negotiate context",
			toClient: func(t *testing.T) mitm.Hook {
				return editNegotiateResponse(t, func(r *wire.NegotiateResponse) {
					r.OtherContexts = append(r.OtherContexts, wire.NegotiateContext{Type: wire.CtxEncryption, Data: []byte{1, 0, 1, 0}})
				})
			},
			want: []error{client.ErrProtocol},
		},
		{
			name: "final SESSION_SETUP flagged guest",
			toClient: func(*testing.T) mitm.Hook {
				return onFrame(1, func(f []byte) [][]byte {
					f[wire.HeaderSize+2] |= byte(wire.SessionFlagIsGuest)
					return [][]byte{f}
				})
			},
			want: []error{client.ErrRefused, client.ErrUnprotected}, // "guest" is refused before anything is verified
		},
		{
			name: "final SESSION_SETUP signature stripped",
			toClient: func(*testing.T) mitm.Hook {
				return onFrame(1, func(f []byte) [][]byte {
					fl := binary.LittleEndian.Uint32(f[wire.OffsetFlags:])
					binary.LittleEndian.PutUint32(f[wire.OffsetFlags:], fl&^wire.FlagSigned)
					clear(f[wire.OffsetSignature : wire.OffsetSignature+16])
					return [][]byte{f}
				})
			},
			want: []error{client.ErrUnprotected},
		},
		{
			name: "AP-REP tampered",
			toClient: func(*testing.T) mitm.Hook {
				return onFrame(1, func(f []byte) [][]byte {
					f[len(f)-20] ^= 0x01 // inside the encrypted part of the AP-REP
					return [][]byte{f}
				})
			},
			want: []error{auth.ErrMutualAuthFailed, client.ErrRefused},
		},
		{
			name: "encrypted TREE_CONNECT response bit-flipped",
			toClient: func(*testing.T) mitm.Hook {
				return onFrame(2, func(f []byte) [][]byte {
					f[len(f)-1] ^= 0x01
					return [][]byte{f}
				})
			},
			want: []error{client.ErrUnprotected},
		},
		{
			name: "encrypted READ response: ciphertext flipped",
			toClient: func(*testing.T) mitm.Hook {
				// The READ response is the only frame carrying the 10,000
				// data bytes; its position varies (Samba may send an
				// interim response first).
				done := false
				return func(_ int, f []byte) [][]byte {
					if !done && len(f) > 4096 {
						done = true
						f = append([]byte(nil), f...)
						f[crypto.TransformHeaderSize+wire.HeaderSize+20] ^= 0x55
					}
					return [][]byte{f}
				}
			},
			want: []error{client.ErrUnprotected},
		},
		{
			name: "plaintext TREE_CONNECT response injected",
			toClient: func(*testing.T) mitm.Hook {
				var sessionID uint64
				return func(i int, f []byte) [][]byte {
					switch i {
					case 1:
						sessionID = binary.LittleEndian.Uint64(f[wire.OffsetSessionID:])
					case 2:
						h := wire.Header{Command: wire.CmdTreeConnect, Flags: wire.FlagServerToRedir, MessageID: 2, SessionID: sessionID, Credits: 1, TreeID: 7}
						return [][]byte{(&wire.TreeConnectResponse{ShareType: wire.ShareTypeDisk, MaximalAccess: 0x1f01ff}).Append(h.Append(nil))}
					}
					return [][]byte{f}
				}
			},
			want: []error{client.ErrUnprotected},
		},
		{
			name:     "response replayed",
			toClient: func(*testing.T) mitm.Hook { return onFrame(2, func(f []byte) [][]byte { return [][]byte{f, f} }) },
			want:     []error{client.ErrProtocol},
		},
		{
			name: "server stalls after SESSION_SETUP",
			toClient: func(*testing.T) mitm.Hook {
				return func(i int, f []byte) [][]byte { return map[bool][][]byte{true: nil, false: {f}}[i >= 2] }
			},
			want: []error{client.ErrTimeout},
		},
		{
			name:     "connection cut after TREE_CONNECT",
			toClient: func(*testing.T) mitm.Hook { return onFrame(3, func([]byte) [][]byte { return mitm.Cut }) },
			want:     []error{client.ErrConnectionClosed},
		},
		{
			name:   "signed session: TREE_CONNECT response bit-flipped",
			policy: signedOnly, share: signedShare,
			toClient: func(*testing.T) mitm.Hook {
				return onFrame(2, func(f []byte) [][]byte { f[wire.HeaderSize+4] ^= 0x08; return [][]byte{f} })
			},
			want: []error{client.ErrUnprotected},
		},
		{
			name:   "signed session: ENCRYPT_DATA cleared on the encrypted share",
			policy: signedOnly, share: encShare,
			toClient: func(*testing.T) mitm.Hook {
				return onFrame(2, func(f []byte) [][]byte {
					if string(f[:4]) == wire.TransformProtocolID {
						return [][]byte{f} // Samba sealed it: nothing to strip
					}
					fl := binary.LittleEndian.Uint32(f[wire.HeaderSize+4:])
					binary.LittleEndian.PutUint32(f[wire.HeaderSize+4:], fl&^wire.ShareFlagEncryptData)
					return [][]byte{f}
				})
			},
			want: []error{client.ErrUnprotected},
		},
		{
			name:   "signed session: signature stripped from CREATE response",
			policy: signedOnly, share: signedShare,
			toClient: func(*testing.T) mitm.Hook {
				return onFrame(3, func(f []byte) [][]byte {
					fl := binary.LittleEndian.Uint32(f[wire.OffsetFlags:])
					binary.LittleEndian.PutUint32(f[wire.OffsetFlags:], fl&^wire.FlagSigned)
					return [][]byte{f}
				})
			},
			want: []error{client.ErrUnprotected},
		},
		{
			name:   "signed session: unsigned ACCESS_DENIED injected",
			policy: signedOnly, share: signedShare,
			toClient: func(*testing.T) mitm.Hook {
				return onFrame(3, func(f []byte) [][]byte {
					h, _ := wire.DecodeHeader(f)
					h.Status, h.Flags, h.Signature = wire.StatusAccessDenied, wire.FlagServerToRedir, [16]byte{}
					return [][]byte{(&wire.ErrorResponse{}).Append(h.Append(nil))}
				})
			},
			want: []error{client.ErrUnprotected},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := strict()
			if tc.policy != nil {
				p = tc.policy()
			}
			share := env.Shares.Encrypted
			if tc.share != nil {
				share = tc.share(env)
			}
			toServer, toClient := passHook(t), passHook(t)
			if tc.toServer != nil {
				toServer = tc.toServer(t)
			}
			if tc.toClient != nil {
				toClient = tc.toClient(t)
			}
			err := session(t, env, p, share, toServer, toClient)
			if tc.want == nil {
				if err != nil {
					t.Fatalf("baseline failed: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("attack succeeded: the session completed")
			}
			for _, w := range tc.want {
				if errors.Is(err, w) {
					t.Logf("refused: %v", err)
					return
				}
			}
			t.Fatalf("error %v, want one of %v", err, tc.want)
		})
	}
}
