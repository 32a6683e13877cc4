package auth

import (
	"bytes"
	"context"
	"encoding/asn1"
	"errors"
	"strings"
	"testing"

	"github.com/jcmturner/gokrb5/v8/gssapi"
	"github.com/jcmturner/gokrb5/v8/iana/errorcode"
	"github.com/jcmturner/gokrb5/v8/iana/etypeID"
	"github.com/jcmturner/gokrb5/v8/iana/keyusage"
)

var ctx = context.Background()

// resp encodes a server NegTokenResp.
func resp(state int, mech asn1.ObjectIdentifier, tok, mic []byte) []byte {
	return encodeNegTokenResp(&negTokenResp{NegState: state, SupportedMech: mech, ResponseToken: tok, MechListMIC: mic})
}

// clientInit decodes our InitialToken and returns the NegTokenInit.
func clientInit(t *testing.T, tok []byte) *negTokenInit {
	t.Helper()
	oid, inner, err := unwrapGSS(tok)
	if err != nil || !oid.Equal(oidSPNEGO) {
		t.Fatalf("initial token: %v %v", oid, err)
	}
	init, err := decodeNegTokenInit(inner)
	if err != nil {
		t.Fatal(err)
	}
	return init
}

// kerberosStart runs InitialToken for a Kerberos SPNEGO and returns the
// acceptor's view.
func kerberosStart(t *testing.T, hint []byte) (*SPNEGO, *testAcceptor, *negTokenInit) {
	t.Helper()
	kdc := newTestKDC(t, etypeID.AES256_CTS_HMAC_SHA1_96)
	s := NewSPNEGO(newTestKerberos(kdc))
	tok, err := s.InitialToken(ctx, hint)
	if err != nil {
		t.Fatal(err)
	}
	init := clientInit(t, tok)
	if len(init.MechTypes) != 1 || !init.MechTypes[0].Equal(oidKRB5) {
		t.Fatalf("mechTypes %v", init.MechTypes)
	}
	return s, accept(t, kdc, init.MechToken), init
}

func TestSPNEGOKerberos(t *testing.T) {
	s, a, _ := kerberosStart(t, readHexFile(t, "samba-dc-negotiate-secbuf.hex"))
	if s.SessionKey() != nil || s.Mutual() {
		t.Error("key or mutual before completion")
	}
	out, done, err := s.Step(ctx, resp(negStateAcceptCompleted, oidKRB5, a.apRep(t, apRepOpts{}), nil))
	if err != nil || !done || out != nil {
		t.Fatalf("Step: %x %v %v", out, done, err)
	}
	if !s.Mutual() || s.MechName() != "kerberos" {
		t.Error("not mutual")
	}
	if !bytes.Equal(s.SessionKey(), a.subkey.KeyValue) || len(s.SessionKey()) != 32 {
		t.Errorf("session key %x", s.SessionKey())
	}
	if _, _, err := s.Step(ctx, resp(negStateAcceptCompleted, nil, nil, nil)); err == nil {
		t.Error("Step after completion accepted")
	}
}

// The server answers with the legacy Microsoft Kerberos OID, as Windows
// does when the client's first mechType is that OID.
func TestSPNEGOKerberosMSOID(t *testing.T) {
	s, a, _ := kerberosStart(t, nil)
	if _, done, err := s.Step(ctx, resp(negStateAcceptCompleted, oidMSKRB5, a.apRep(t, apRepOpts{}), nil)); err != nil || !done {
		t.Fatalf("done %v err %v", done, err)
	}
}

// RFC 4178 section 5 with an acceptor that wants mechListMICs: the AP-REP
// arrives with accept-incomplete and the server's MIC; we answer with ours.
func TestSPNEGOKerberosMICExchange(t *testing.T) {
	s, a, init := kerberosStart(t, nil)
	rep := a.apRep(t, apRepOpts{}) // chooses the acceptor subkey
	srvMIC := gokrb5MIC(t, a.subkey, gssapi.MICTokenFlagSentByAcceptor|gssapi.MICTokenFlagAcceptorSubkey,
		uint64(a.seq), keyusage.GSSAPI_ACCEPTOR_SIGN, init.mechTypesDER)
	out, done, err := s.Step(ctx, resp(negStateAcceptIncomplete, oidKRB5, rep, srvMIC))
	if err != nil || done || out == nil {
		t.Fatalf("Step 1: %x %v %v", out, done, err)
	}
	r, err := decodeNegTokenResp(out)
	if err != nil {
		t.Fatal(err)
	}
	if r.ResponseToken != nil || r.NegState != negStateAbsent {
		t.Errorf("client reply %+v", r)
	}
	var mt gssapi.MICToken
	if err := mt.Unmarshal(r.MechListMIC, false); err != nil {
		t.Fatal(err)
	}
	mt.Payload = init.mechTypesDER
	if ok, err := mt.Verify(a.subkey, keyusage.GSSAPI_INITIATOR_SIGN); !ok {
		t.Errorf("our mechListMIC does not verify: %v", err)
	}
	if mt.SndSeqNum != uint64(a.auth.SeqNumber) {
		t.Errorf("our MIC seq %d, want %d", mt.SndSeqNum, a.auth.SeqNumber)
	}
	out, done, err = s.Step(ctx, resp(negStateAcceptCompleted, nil, nil, nil))
	if err != nil || !done || out != nil {
		t.Fatalf("Step 2: %x %v %v", out, done, err)
	}
}

func TestSPNEGONTLM(t *testing.T) {
	m := newTestNTLM(append([]byte(nil), nlmpPassword...))
	s := NewSPNEGO(m)
	tok, err := s.InitialToken(ctx, sambaNTLMOnlyHint)
	if err != nil {
		t.Fatal(err)
	}
	init := clientInit(t, tok)
	if len(init.MechTypes) != 1 || !init.MechTypes[0].Equal(oidNTLMSSP) {
		t.Fatalf("mechTypes %v", init.MechTypes)
	}
	chal := challengeWith(0xe28a8233, nlmpPairs)
	out, done, err := s.Step(ctx, resp(negStateAcceptIncomplete, oidNTLMSSP, chal, nil))
	if err != nil || done {
		t.Fatalf("Step 1: %v %v", done, err)
	}
	r, err := decodeNegTokenResp(out)
	if err != nil {
		t.Fatal(err)
	}
	// MS-SPNG 3.1.5.1: the AUTHENTICATE_MESSAGE travels with our mechListMIC.
	var srv testNTLMServer
	srv.verify(t, init.MechToken, chal, r.ResponseToken, nlmpPassword, nlmpUser, nlmpDomain)
	if !srv.verifyClient(init.mechTypesDER, r.MechListMIC) {
		t.Error("client mechListMIC does not verify")
	}
	out, done, err = s.Step(ctx, resp(negStateAcceptCompleted, nil, nil, srv.sign(init.mechTypesDER, 0)))
	if err != nil || !done || out != nil {
		t.Fatalf("Step 2: %x %v %v", out, done, err)
	}
	if s.Mutual() {
		t.Error("NTLM reported mutual")
	}
	if !bytes.Equal(s.SessionKey(), nlmpRandomSessKey) {
		t.Errorf("session key %x", s.SessionKey())
	}
}

// ntlmAfterChallenge returns an NTLM SPNEGO that has sent AUTHENTICATE,
// with the server's view.
func ntlmAfterChallenge(t *testing.T) (*SPNEGO, *testNTLMServer, []byte) {
	t.Helper()
	s := NewSPNEGO(newTestNTLM(append([]byte(nil), nlmpPassword...)))
	tok, err := s.InitialToken(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	init := clientInit(t, tok)
	chal := challengeWith(0xe28a8233, nlmpPairs)
	out, _, err := s.Step(ctx, resp(negStateAcceptIncomplete, oidNTLMSSP, chal, nil))
	if err != nil {
		t.Fatal(err)
	}
	r, _ := decodeNegTokenResp(out)
	srv := &testNTLMServer{}
	srv.verify(t, init.MechToken, chal, r.ResponseToken, nlmpPassword, nlmpUser, nlmpDomain)
	return s, srv, init.mechTypesDER
}

func TestSPNEGORejects(t *testing.T) {
	type step struct {
		name  string
		run   func(t *testing.T) error
		is    error
		wants string
	}
	for _, tc := range []step{
		{"hint offers NTLM only", func(t *testing.T) error {
			_, err := NewSPNEGO(newTestKerberos(newTestKDC(t, etypeID.AES256_CTS_HMAC_SHA1_96))).InitialToken(ctx, sambaNTLMOnlyHint)
			return err
		}, ErrMechanismUnavailable, "auth: server offers [NTLMSSP] only, kerberos required"},
		{"hint offers Kerberos only", func(t *testing.T) error {
			_, err := NewSPNEGO(newTestNTLM(nlmpPassword)).InitialToken(ctx, buildHint(oidMSKRB5, oidKRB5))
			return err
		}, ErrMechanismUnavailable, "[MS-Kerberos Kerberos] only, ntlmv2 required"},
		{"malformed hint", func(t *testing.T) error {
			_, err := NewSPNEGO(newTestNTLM(nlmpPassword)).InitialToken(ctx, sambaNTLMOnlyHint[:40])
			return err
		}, nil, "GSS token"},
		{"server chooses NTLM", func(t *testing.T) error {
			s, _, _ := kerberosStart(t, nil)
			_, _, err := s.Step(ctx, resp(negStateAcceptIncomplete, oidNTLMSSP, challengeWith(0xe28a8233, nlmpPairs), nil))
			return err
		}, nil, "server chose NTLMSSP, but only kerberos was offered"},
		{"server chooses NTLM later", func(t *testing.T) error {
			s, _, _ := ntlmAfterChallenge(t)
			_, _, err := s.Step(ctx, resp(negStateAcceptCompleted, oidKRB5, nil, nil))
			return err
		}, nil, "server chose Kerberos"},
		{"reject", func(t *testing.T) error {
			s, _, _ := kerberosStart(t, nil)
			_, _, err := s.Step(ctx, resp(negStateReject, nil, nil, nil))
			return err
		}, errServerReject, "rejected"},
		{"reject with KRB-ERROR", func(t *testing.T) error {
			s, _, _ := kerberosStart(t, nil)
			_, _, err := s.Step(ctx, resp(negStateReject, oidKRB5, krbError(t, errorcode.KRB_AP_ERR_MODIFIED), nil))
			return err
		}, ErrMutualAuthFailed, "KRB_AP_ERR_MODIFIED"},
		{"accept-completed without AP-REP", func(t *testing.T) error {
			s, _, _ := kerberosStart(t, nil)
			_, _, err := s.Step(ctx, resp(negStateAcceptCompleted, oidKRB5, nil, nil))
			return err
		}, ErrMutualAuthFailed, "before kerberos completed"},
		{"accept-incomplete without AP-REP", func(t *testing.T) error {
			s, _, _ := kerberosStart(t, nil)
			_, _, err := s.Step(ctx, resp(negStateAcceptIncomplete, oidKRB5, nil, nil))
			return err
		}, nil, "no kerberos token"},
		{"KRB-ERROR with accept-completed", func(t *testing.T) error {
			s, _, _ := kerberosStart(t, nil)
			_, _, err := s.Step(ctx, resp(negStateAcceptCompleted, oidKRB5, krbError(t, errorcode.KRB_AP_ERR_SKEW), nil))
			return err
		}, ErrMutualAuthFailed, "KRB_AP_ERR_SKEW"},
		{"AP-REP with old ctime", func(t *testing.T) error {
			s, a, _ := kerberosStart(t, nil)
			_, _, err := s.Step(ctx, resp(negStateAcceptCompleted, oidKRB5, a.apRep(t, apRepOpts{ctimeDelta: -1e9}), nil))
			return err
		}, ErrMutualAuthFailed, "timestamp"},
		{"bad Kerberos mechListMIC", func(t *testing.T) error {
			s, a, init := kerberosStart(t, nil)
			rep := a.apRep(t, apRepOpts{})
			mic := gokrb5MIC(t, a.subkey, 5, uint64(a.seq), keyusage.GSSAPI_ACCEPTOR_SIGN, append(init.mechTypesDER, 0))
			_, _, err := s.Step(ctx, resp(negStateAcceptCompleted, oidKRB5, rep, mic))
			return err
		}, errMICFailed, "checksum"},
		{"bad NTLM mechListMIC", func(t *testing.T) error {
			s, srv, mt := ntlmAfterChallenge(t)
			_, _, err := s.Step(ctx, resp(negStateAcceptCompleted, nil, nil, srv.sign(append(mt, 0), 0)))
			return err
		}, errMICFailed, "signature"},
		{"NTLM completed without mechListMIC", func(t *testing.T) error {
			s, _, _ := ntlmAfterChallenge(t)
			_, _, err := s.Step(ctx, resp(negStateAcceptCompleted, nil, nil, nil))
			return err
		}, errMICMissing, "mechListMIC"},
		{"Kerberos MIC sent, none returned", func(t *testing.T) error {
			s, a, _ := kerberosStart(t, nil)
			if _, _, err := s.Step(ctx, resp(negStateAcceptIncomplete, oidKRB5, a.apRep(t, apRepOpts{}), nil)); err != nil {
				return errors.New("first step failed: " + err.Error())
			}
			_, _, err := s.Step(ctx, resp(negStateAcceptCompleted, nil, nil, nil))
			return err
		}, errMICMissing, "mechListMIC"},
		{"NTLM accept-completed with CHALLENGE", func(t *testing.T) error {
			s := NewSPNEGO(newTestNTLM(nlmpPassword))
			s.InitialToken(ctx, nil)
			_, _, err := s.Step(ctx, resp(negStateAcceptCompleted, oidNTLMSSP, challengeWith(0xe28a8233, nlmpPairs), nil))
			return err
		}, nil, "has a token to send"},
		{"mechListMIC before completion", func(t *testing.T) error {
			s := NewSPNEGO(&fakeMech{rounds: 2})
			s.InitialToken(ctx, nil)
			_, _, err := s.Step(ctx, resp(negStateAcceptIncomplete, oidNTLMSSP, []byte("t1"), []byte("mic")))
			return err
		}, nil, "before the mechanism completed"},
		{"server wants more, mechanism has nothing", func(t *testing.T) error {
			s := NewSPNEGO(&fakeMech{rounds: 1})
			s.InitialToken(ctx, nil)
			if _, _, err := s.Step(ctx, resp(negStateAcceptIncomplete, oidNTLMSSP, []byte("t1"), []byte("mic"))); err != nil {
				return errors.New("first step failed: " + err.Error())
			}
			_, _, err := s.Step(ctx, resp(negStateAcceptIncomplete, nil, nil, nil))
			return err
		}, nil, "nothing to send"},
		{"second server mechListMIC", func(t *testing.T) error {
			s := NewSPNEGO(&fakeMech{rounds: 1})
			s.InitialToken(ctx, nil)
			if _, _, err := s.Step(ctx, resp(negStateAcceptIncomplete, oidNTLMSSP, []byte("t1"), []byte("mic"))); err != nil {
				return errors.New("first step failed: " + err.Error())
			}
			_, _, err := s.Step(ctx, resp(negStateAcceptCompleted, nil, nil, []byte("mic")))
			return err
		}, nil, "second mechListMIC"},
		{"first reply without negState", func(t *testing.T) error {
			s, a, _ := kerberosStart(t, nil)
			_, _, err := s.Step(ctx, resp(negStateAbsent, oidKRB5, a.apRep(t, apRepOpts{}), nil))
			return err
		}, nil, "no negState"},
		{"first reply without supportedMech", func(t *testing.T) error {
			s, a, _ := kerberosStart(t, nil)
			_, _, err := s.Step(ctx, resp(negStateAcceptCompleted, nil, a.apRep(t, apRepOpts{}), nil))
			return err
		}, nil, "no supportedMech"},
		{"request-mic after the first reply", func(t *testing.T) error {
			s, _, _ := ntlmAfterChallenge(t)
			_, _, err := s.Step(ctx, resp(negStateRequestMIC, nil, nil, nil))
			return err
		}, nil, "request-mic"},
		{"token after completion", func(t *testing.T) error {
			s, a, init := kerberosStart(t, nil)
			rep := a.apRep(t, apRepOpts{})
			mic := gokrb5MIC(t, a.subkey, 5, uint64(a.seq), keyusage.GSSAPI_ACCEPTOR_SIGN, init.mechTypesDER)
			if _, _, err := s.Step(ctx, resp(negStateAcceptIncomplete, oidKRB5, rep, mic)); err != nil {
				return errors.New("first step failed: " + err.Error())
			}
			_, _, err := s.Step(ctx, resp(negStateAcceptCompleted, nil, rep, nil))
			return err
		}, nil, "after kerberos completed"},
		{"garbage", func(t *testing.T) error {
			s, _, _ := kerberosStart(t, nil)
			_, _, err := s.Step(ctx, []byte("NTLMSSP\x00"))
			return err
		}, nil, "NegTokenResp"},
		{"Step before InitialToken", func(t *testing.T) error {
			_, _, err := NewSPNEGO(newTestNTLM(nlmpPassword)).Step(ctx, resp(negStateAcceptCompleted, nil, nil, nil))
			return err
		}, errSPNEGOState, "out of order"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.run(t)
			if err == nil {
				t.Fatal("accepted")
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("err = %v, want errors.Is %v", err, tc.is)
			}
			if !strings.Contains(err.Error(), tc.wants) {
				t.Errorf("err = %v, want it to contain %q", err, tc.wants)
			}
		})
	}
}

// fakeMech completes after rounds tokens from the server, answering each
// but the last with a token; its MICs are the literal "mic".
type fakeMech struct {
	rounds, seen int
}

func (f *fakeMech) Name() MechanismName                       { return "fake" }
func (f *fakeMech) OID() asn1.ObjectIdentifier                { return oidNTLMSSP }
func (f *fakeMech) InitToken(context.Context) ([]byte, error) { return []byte("t0"), nil }
func (f *fakeMech) SessionKey() []byte                        { return []byte("key") }
func (f *fakeMech) Mutual() bool                              { return false }
func (f *fakeMech) Zero()                                     {}
func (f *fakeMech) GetMIC([]byte) ([]byte, error)             { return []byte("mic"), nil }
func (f *fakeMech) VerifyMIC(_, mic []byte) error {
	if string(mic) != "mic" {
		return errors.New("bad fake MIC")
	}
	return nil
}
func (f *fakeMech) Step(_ context.Context, in []byte) ([]byte, bool, error) {
	f.seen++
	if f.seen < f.rounds {
		return []byte("more"), false, nil
	}
	return nil, true, nil
}

// After any failure the SPNEGO refuses further steps, even valid ones.
func TestSPNEGOFailureIsFinal(t *testing.T) {
	s, a, _ := kerberosStart(t, nil)
	if _, _, err := s.Step(ctx, resp(negStateAcceptCompleted, oidNTLMSSP, nil, nil)); err == nil {
		t.Fatal("accepted")
	}
	if _, _, err := s.Step(ctx, resp(negStateAcceptCompleted, oidKRB5, a.apRep(t, apRepOpts{}), nil)); !errors.Is(err, errSPNEGOState) {
		t.Errorf("err = %v", err)
	}
	if s.SessionKey() != nil || s.Mutual() {
		t.Error("key or mutual after failure")
	}
}
