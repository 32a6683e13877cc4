package auth

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/jcmturner/gokrb5/v8/iana/etypeID"
)

// Seed corpora live in testdata/fuzz/FuzzXxx. Each target checks that the
// decoder never panics and, where it accepts, that re-encoding is stable.

func FuzzNegTokenInit2(f *testing.F) {
	f.Add(sambaNTLMOnlyHint)
	f.Add(buildHint(oidKRB5))
	f.Fuzz(func(t *testing.T, b []byte) {
		h, err := parseServerHint(b)
		if err != nil {
			return
		}
		if len(h.MechTypes) > 0 {
			again, err := decodeMechTypeList(h.mechTypesDER)
			if err != nil || !reflect.DeepEqual(again, h.MechTypes) {
				t.Fatalf("mechTypes re-decode: %v %v", again, err)
			}
			if !bytes.Equal(encodeMechTypeList(h.MechTypes), h.mechTypesDER) {
				t.Fatalf("mechTypes re-encode differs")
			}
		}
	})
}

func FuzzNegTokenResp(f *testing.F) {
	f.Add(encodeNegTokenResp(&negTokenResp{NegState: negStateAcceptIncomplete, SupportedMech: oidNTLMSSP, ResponseToken: []byte("x")}))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := decodeNegTokenResp(b)
		if err != nil {
			return
		}
		enc := encodeNegTokenResp(r)
		r2, err := decodeNegTokenResp(enc)
		if err != nil || !reflect.DeepEqual(r, r2) {
			t.Fatalf("round trip: %+v / %+v (%v)", r, r2, err)
		}
		if !bytes.Equal(enc, b) {
			// Only empty OCTET STRINGs, which decode as absent, may be
			// dropped by the re-encoding.
			if len(enc) >= len(b) {
				t.Fatalf("re-encoding %x of %x", enc, b)
			}
		}
	})
}

func FuzzGSSWrapper(f *testing.F) {
	f.Add(sambaNTLMOnlyHint)
	f.Add(wrapGSS(oidKRB5, []byte{2, 0, 0x6f, 0}))
	f.Fuzz(func(t *testing.T, b []byte) {
		oid, inner, err := unwrapGSS(b)
		if err != nil {
			return
		}
		if got := wrapGSS(oid, inner); !bytes.Equal(got, b) {
			t.Fatalf("re-wrap %x of %x", got, b)
		}
	})
}

func FuzzNTLMChallenge(f *testing.F) {
	f.Add(nlmpChallengeMsg)
	f.Add(challengeWith(0xe28a8233, nlmpPairs))
	f.Fuzz(func(t *testing.T, b []byte) {
		if c, err := decodeChallenge(b); err == nil {
			if c.targetInfo != nil {
				if _, err := decodeAVPairs(c.targetInfo); err != nil {
					t.Fatal(err)
				}
			}
		}
		m := newTestNTLM([]byte("Password"))
		if _, err := m.InitToken(context.Background()); err != nil {
			t.Fatal(err)
		}
		auth, complete, err := m.Step(context.Background(), b)
		if err != nil {
			if complete || auth != nil || m.SessionKey() != nil {
				t.Fatal("failed Step produced output")
			}
			return
		}
		if !complete || len(auth) < ntlmAuthHeaderLen {
			t.Fatalf("AUTHENTICATE of %d bytes", len(auth))
		}
	})
}

// FuzzKerberosReply feeds arbitrary acceptor tokens to a Kerberos context
// that has sent its AP-REQ: nothing but a real AP-REP may complete it.
func FuzzKerberosReply(f *testing.F) {
	f.Add(wrapGSS(oidKRB5, append([]byte{2, 0}, unhex("6f0e300ca003020105a10302010fa200")...)))
	f.Fuzz(func(t *testing.T, b []byte) {
		kdc := newTestKDC(t, etypeID.AES128_CTS_HMAC_SHA1_96)
		k := newTestKerberos(kdc)
		if _, err := k.InitToken(context.Background()); err != nil {
			t.Fatal(err)
		}
		_, complete, err := k.Step(context.Background(), b)
		if err == nil || complete || k.Mutual() {
			t.Fatalf("arbitrary token completed the context: %x", b)
		}
		if !errors.Is(err, ErrMutualAuthFailed) {
			t.Fatalf("err = %v, not ErrMutualAuthFailed", err)
		}
	})
}

// FuzzEncAPRepPart covers the decoder behind the AP-REP decryption, which
// FuzzKerberosReply cannot reach.
func FuzzEncAPRepPart(f *testing.F) {
	f.Add(unhex("7b21301fa011180f32303234303130323033303430355aa1050203012345a303020101"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := decodeEncAPRepPart(b)
		if err != nil {
			return
		}
		if p.cusec < 0 || p.cusec > 999999 {
			t.Fatalf("cusec %d", p.cusec)
		}
	})
}
