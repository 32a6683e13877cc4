package auth

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/asn1"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jcmturner/gokrb5/v8/config"
	"github.com/jcmturner/gokrb5/v8/crypto"
	"github.com/jcmturner/gokrb5/v8/gssapi"
	"github.com/jcmturner/gokrb5/v8/iana/chksumtype"
	"github.com/jcmturner/gokrb5/v8/iana/errorcode"
	"github.com/jcmturner/gokrb5/v8/iana/etypeID"
	"github.com/jcmturner/gokrb5/v8/iana/flags"
	"github.com/jcmturner/gokrb5/v8/iana/keyusage"
	"github.com/jcmturner/gokrb5/v8/iana/nametype"
	"github.com/jcmturner/gokrb5/v8/keytab"
	"github.com/jcmturner/gokrb5/v8/krberror"
	"github.com/jcmturner/gokrb5/v8/messages"
	"github.com/jcmturner/gokrb5/v8/types"
)

const testSPN = "cifs/dc1.smb3fs.test"

// testKDC hands out a made-up service ticket: the acceptor in these tests
// never decrypts the ticket, it is given the session key directly.
type testKDC struct {
	sessionKey types.EncryptionKey
	ticket     messages.Ticket
}

func newTestKDC(t *testing.T, etype int32) *testKDC {
	t.Helper()
	n, err := keySize(etype)
	if err != nil {
		t.Fatal(err)
	}
	key := make([]byte, n)
	rand.Read(key)
	cipher := make([]byte, 64)
	rand.Read(cipher)
	return &testKDC{
		sessionKey: types.EncryptionKey{KeyType: etype, KeyValue: key},
		ticket: messages.Ticket{
			TktVNO:  5,
			Realm:   "SMB3FS.TEST",
			SName:   types.NewPrincipalName(nametype.KRB_NT_SRV_INST, testSPN),
			EncPart: types.EncryptedData{EType: etypeID.AES256_CTS_HMAC_SHA1_96, KVNO: 2, Cipher: cipher},
		},
	}
}

// newTestKerberos returns a Kerberos mechanism whose ticket comes from kdc.
func newTestKerberos(kdc *testKDC) *kerberosMech {
	return &kerberosMech{
		spn:  testSPN,
		rand: rand.Reader,
		now:  time.Now,
		fetch: func(string) (*krbTicket, error) {
			return &krbTicket{
				ticket: kdc.ticket,
				key:    types.EncryptionKey{KeyType: kdc.sessionKey.KeyType, KeyValue: append([]byte(nil), kdc.sessionKey.KeyValue...)},
				crealm: "SMB3FS.TEST",
				cname:  types.NewPrincipalName(nametype.KRB_NT_PRINCIPAL, "alice"),
			}, nil
		},
	}
}

// testAcceptor is the server side of the AP exchange, from the AP-REQ it
// received.
type testAcceptor struct {
	kdc    *testKDC
	auth   types.Authenticator
	apreq  messages.APReq
	subkey types.EncryptionKey // acceptor subkey; zero for none
	seq    int64
}

// accept parses and decrypts a GSS-wrapped AP-REQ the way an acceptor
// would (with gokrb5's own types).
func accept(t *testing.T, kdc *testKDC, tok []byte) *testAcceptor {
	t.Helper()
	oid, inner, err := unwrapGSS(tok)
	if err != nil {
		t.Fatal(err)
	}
	if !oid.Equal(oidKRB5) || !bytes.Equal(inner[:2], []byte{1, 0}) {
		t.Fatalf("AP-REQ token: oid %v tok id %x", oid, inner[:2])
	}
	a := &testAcceptor{kdc: kdc, seq: 0x12345678}
	if err := a.apreq.Unmarshal(inner[2:]); err != nil {
		t.Fatal(err)
	}
	if err := a.apreq.DecryptAuthenticator(kdc.sessionKey); err != nil {
		t.Fatal(err)
	}
	a.auth = a.apreq.Authenticator
	return a
}

// Test-side ASN.1 for building AP-REPs with encoding/asn1.
type testEncryptionKey struct {
	KeyType  int32  `asn1:"explicit,tag:0"`
	KeyValue []byte `asn1:"explicit,tag:1"`
}
type testEncAPRepPart struct {
	CTime     time.Time         `asn1:"generalized,explicit,tag:0"`
	Cusec     int               `asn1:"explicit,tag:1"`
	Subkey    testEncryptionKey `asn1:"optional,explicit,tag:2"`
	SeqNumber int64             `asn1:"optional,explicit,tag:3"`
}
type testEncryptedData struct {
	EType  int32  `asn1:"explicit,tag:0"`
	KVNO   int    `asn1:"optional,explicit,tag:1"`
	Cipher []byte `asn1:"explicit,tag:2"`
}
type testAPRep struct {
	PVNO    int               `asn1:"explicit,tag:0"`
	MsgType int               `asn1:"explicit,tag:1"`
	EncPart testEncryptedData `asn1:"explicit,tag:2"`
}

// apRepOpts perturb the AP-REP for negative tests.
type apRepOpts struct {
	ctimeDelta time.Duration
	cusecDelta int
	key        *types.EncryptionKey // encrypt with this instead
	usage      uint32               // instead of 12
	etypeLabel int32                // claimed etype, if non-zero
	noSubkey   bool
	subkeyType int32
}

// apRep returns the GSS-wrapped AP-REP answering a.
func (a *testAcceptor) apRep(t *testing.T, o apRepOpts) []byte {
	t.Helper()
	part := testEncAPRepPart{
		CTime:     a.auth.CTime.Add(o.ctimeDelta),
		Cusec:     a.auth.Cusec + o.cusecDelta,
		SeqNumber: a.seq,
	}
	if !o.noSubkey {
		typ := a.auth.SubKey.KeyType
		if o.subkeyType != 0 {
			typ = o.subkeyType
		}
		n, err := keySize(typ)
		if err != nil {
			n = 32
		}
		v := make([]byte, n)
		rand.Read(v)
		a.subkey = types.EncryptionKey{KeyType: typ, KeyValue: v}
		part.Subkey = testEncryptionKey{KeyType: typ, KeyValue: v}
	}
	plain, err := asn1.MarshalWithParams(part, "application,explicit,tag:27")
	if err != nil {
		t.Fatal(err)
	}
	key := a.kdc.sessionKey
	if o.key != nil {
		key = *o.key
	}
	usage := uint32(keyusage.AP_REP_ENCPART)
	if o.usage != 0 {
		usage = o.usage
	}
	ed, err := crypto.GetEncryptedData(plain, key, usage, 0)
	if err != nil {
		t.Fatal(err)
	}
	if o.etypeLabel != 0 {
		ed.EType = o.etypeLabel
	}
	rep, err := asn1.MarshalWithParams(testAPRep{PVNO: 5, MsgType: 15,
		EncPart: testEncryptedData{EType: ed.EType, Cipher: ed.Cipher}}, "application,explicit,tag:15")
	if err != nil {
		t.Fatal(err)
	}
	return wrapGSS(oidKRB5, append([]byte{2, 0}, rep...))
}

// krbError returns a GSS-wrapped KRB-ERROR.
func krbError(t *testing.T, code int32) []byte {
	t.Helper()
	ke := messages.NewKRBError(types.NewPrincipalName(nametype.KRB_NT_SRV_INST, testSPN), "SMB3FS.TEST", code, "test error")
	b, err := ke.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return wrapGSS(oidKRB5, append([]byte{3, 0}, b...))
}

func TestKerberosAPReq(t *testing.T) {
	kdc := newTestKDC(t, etypeID.AES256_CTS_HMAC_SHA1_96)
	k := newTestKerberos(kdc)
	if p := Principal(k); p != "" {
		t.Errorf("Principal before InitToken = %q", p)
	}
	tok, err := k.InitToken(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if p := Principal(k); p != "alice@SMB3FS.TEST" {
		t.Errorf("Principal = %q, want alice@SMB3FS.TEST", p)
	}
	// RFC 2743 3.1 framing: 0x60 len, the krb5 OID, then TOK_ID 01 00.
	if tok[0] != 0x60 || !bytes.Contains(tok[:20], unhex("06092a864886f712010202 0100")) {
		t.Errorf("GSS framing %x", tok[:16])
	}
	a := accept(t, kdc, tok)
	if !types.IsFlagSet(&a.apreq.APOptions, flags.APOptionMutualRequired) {
		t.Error("AP-REQ without mutual-required")
	}
	ck := a.auth.Cksum
	if ck.CksumType != chksumtype.GSSAPI || len(ck.Checksum) != 24 {
		t.Fatalf("checksum type %d, %d bytes", ck.CksumType, len(ck.Checksum))
	}
	if binary.LittleEndian.Uint32(ck.Checksum) != 16 || !isZero(ck.Checksum[4:20]) {
		t.Errorf("checksum Lgth/Bnd %x", ck.Checksum[:20])
	}
	if f := binary.LittleEndian.Uint32(ck.Checksum[20:]); f != gssMutualFlag|gssReplayFlag|gssSequenceFlag|gssConfFlag|gssIntegFlag {
		t.Errorf("GSS flags %#x", f)
	}
	if a.auth.SubKey.KeyType != etypeID.AES256_CTS_HMAC_SHA1_96 || len(a.auth.SubKey.KeyValue) != 32 {
		t.Errorf("subkey type %d, %d bytes", a.auth.SubKey.KeyType, len(a.auth.SubKey.KeyValue))
	}
	if a.auth.CRealm != "SMB3FS.TEST" || a.auth.CName.PrincipalNameString() != "alice" {
		t.Errorf("client %s@%s", a.auth.CName.PrincipalNameString(), a.auth.CRealm)
	}
	if d := time.Since(a.auth.CTime); d < 0 || d > time.Minute {
		t.Errorf("ctime %v", a.auth.CTime)
	}
}

func TestKerberosAPRepAccepted(t *testing.T) {
	for _, etype := range []int32{
		etypeID.AES256_CTS_HMAC_SHA1_96, etypeID.AES128_CTS_HMAC_SHA1_96,
		etypeID.AES256_CTS_HMAC_SHA384_192, etypeID.AES128_CTS_HMAC_SHA256_128,
	} {
		t.Run(enctypeName(etype), func(t *testing.T) {
			kdc := newTestKDC(t, etype)
			k := newTestKerberos(kdc)
			tok, err := k.InitToken(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			a := accept(t, kdc, tok)
			out, complete, err := k.Step(context.Background(), a.apRep(t, apRepOpts{}))
			if err != nil || !complete || out != nil {
				t.Fatalf("Step: out %x complete %v err %v", out, complete, err)
			}
			if !k.Mutual() {
				t.Error("not mutual after a verified AP-REP")
			}
			if sk := k.SessionKey(); !bytes.Equal(sk, a.subkey.KeyValue) {
				t.Errorf("session key %x, want the acceptor subkey %x", sk, a.subkey.KeyValue)
			}
			if n, _ := keySize(etype); len(k.SessionKey()) != n {
				t.Errorf("session key truncated to %d bytes", len(k.SessionKey()))
			}
			if k.recvSeq != uint64(a.seq) {
				t.Errorf("acceptor seq %d, want %d", k.recvSeq, a.seq)
			}
		})
	}
}

func TestKerberosAPRepWithoutSubkey(t *testing.T) {
	kdc := newTestKDC(t, etypeID.AES256_CTS_HMAC_SHA1_96)
	k := newTestKerberos(kdc)
	tok, _ := k.InitToken(context.Background())
	a := accept(t, kdc, tok)
	if _, _, err := k.Step(context.Background(), a.apRep(t, apRepOpts{noSubkey: true})); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(k.SessionKey(), a.auth.SubKey.KeyValue) {
		t.Error("without an acceptor subkey the session key is not our subkey")
	}
}

func TestKerberosAPRepRejected(t *testing.T) {
	wrong := types.EncryptionKey{KeyType: etypeID.AES256_CTS_HMAC_SHA1_96, KeyValue: bytes.Repeat([]byte{7}, 32)}
	rc4 := types.EncryptionKey{KeyType: etypeID.RC4_HMAC, KeyValue: bytes.Repeat([]byte{7}, 16)}
	for _, tc := range []struct {
		name string
		tok  func(t *testing.T, a *testAcceptor) []byte
		want string
	}{
		{"ctime differs", func(t *testing.T, a *testAcceptor) []byte { return a.apRep(t, apRepOpts{ctimeDelta: time.Second}) }, "timestamp"},
		{"cusec differs", func(t *testing.T, a *testAcceptor) []byte { return a.apRep(t, apRepOpts{cusecDelta: 1}) }, "timestamp"},
		{"wrong key", func(t *testing.T, a *testAcceptor) []byte { return a.apRep(t, apRepOpts{key: &wrong}) }, "integrity"},
		{"wrong key usage", func(t *testing.T, a *testAcceptor) []byte { return a.apRep(t, apRepOpts{usage: 11}) }, "integrity"},
		{"rc4 enc-part", func(t *testing.T, a *testAcceptor) []byte { return a.apRep(t, apRepOpts{key: &rc4}) }, "rc4-hmac"},
		{"relabelled etype", func(t *testing.T, a *testAcceptor) []byte {
			return a.apRep(t, apRepOpts{etypeLabel: etypeID.AES128_CTS_HMAC_SHA1_96})
		}, "aes128"},
		{"rc4 subkey", func(t *testing.T, a *testAcceptor) []byte { return a.apRep(t, apRepOpts{subkeyType: etypeID.RC4_HMAC}) }, "only AES"},
		{"KRB-ERROR", func(t *testing.T, a *testAcceptor) []byte { return krbError(t, errorcode.KRB_AP_ERR_SKEW) }, "KRB_AP_ERR_SKEW"},
		{"AP-REQ echoed", func(t *testing.T, a *testAcceptor) []byte {
			b, _ := a.apreq.Marshal()
			return wrapGSS(oidKRB5, append([]byte{1, 0}, b...))
		}, "not an AP-REP"},
		{"NTLM OID", func(t *testing.T, a *testAcceptor) []byte {
			_, inner, _ := unwrapGSS(a.apRep(t, apRepOpts{}))
			return wrapGSS(oidNTLMSSP, inner)
		}, "NTLMSSP"},
		{"unwrapped", func(t *testing.T, a *testAcceptor) []byte {
			_, inner, _ := unwrapGSS(a.apRep(t, apRepOpts{}))
			return inner[2:]
		}, "APPLICATION 0"},
		{"truncated ciphertext", func(t *testing.T, a *testAcceptor) []byte {
			rep, _ := asn1.MarshalWithParams(testAPRep{PVNO: 5, MsgType: 15,
				EncPart: testEncryptedData{EType: etypeID.AES256_CTS_HMAC_SHA1_96, Cipher: []byte{1, 2, 3}}}, "application,explicit,tag:15")
			return wrapGSS(oidKRB5, append([]byte{2, 0}, rep...))
		}, "shorter"},
		{"trailing bytes", func(t *testing.T, a *testAcceptor) []byte {
			_, inner, _ := unwrapGSS(a.apRep(t, apRepOpts{}))
			return wrapGSS(oidKRB5, append(inner, 0))
		}, "trailing"},
		{"empty", func(t *testing.T, a *testAcceptor) []byte { return nil }, "GSS token"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			kdc := newTestKDC(t, etypeID.AES256_CTS_HMAC_SHA1_96)
			k := newTestKerberos(kdc)
			tok, err := k.InitToken(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			a := accept(t, kdc, tok)
			_, complete, err := k.Step(context.Background(), tc.tok(t, a))
			if !errors.Is(err, ErrMutualAuthFailed) {
				t.Fatalf("err = %v, want ErrMutualAuthFailed", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to mention %q", err, tc.want)
			}
			if complete || k.Mutual() || k.SessionKey() != nil {
				t.Error("failed AP-REP left the mechanism complete")
			}
			if _, _, err := k.Step(context.Background(), a.apRep(t, apRepOpts{})); err == nil {
				t.Error("a failed mechanism accepted a later valid AP-REP")
			}
		})
	}
}

func TestKerberosRefusesWeakTicket(t *testing.T) {
	kdc := newTestKDC(t, etypeID.RC4_HMAC)
	k := newTestKerberos(kdc)
	_, err := k.InitToken(context.Background())
	if err == nil || !strings.Contains(err.Error(), "rc4-hmac") {
		t.Fatalf("err = %v", err)
	}
}

func TestKerberosRefusesOtherService(t *testing.T) {
	kdc := newTestKDC(t, etypeID.AES256_CTS_HMAC_SHA1_96)
	kdc.ticket.SName = types.NewPrincipalName(nametype.KRB_NT_SRV_INST, "cifs/evil.smb3fs.test")
	if _, err := newTestKerberos(kdc).InitToken(context.Background()); err == nil {
		t.Fatal("accepted a ticket for another service")
	}
}

func TestKerberosInitTokenHonoursContext(t *testing.T) {
	kdc := newTestKDC(t, etypeID.AES256_CTS_HMAC_SHA1_96)
	k := newTestKerberos(kdc)
	release := make(chan struct{})
	inner := k.fetch
	k.fetch = func(pw string) (*krbTicket, error) { <-release; return inner(pw) }
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	_, err := k.InitToken(ctx)
	close(release)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
}

// completedKerberos returns a mechanism that has verified an AP-REP, and
// its acceptor.
func completedKerberos(t *testing.T, etype int32, o apRepOpts) (*kerberosMech, *testAcceptor) {
	t.Helper()
	kdc := newTestKDC(t, etype)
	k := newTestKerberos(kdc)
	tok, err := k.InitToken(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	a := accept(t, kdc, tok)
	if _, _, err := k.Step(context.Background(), a.apRep(t, o)); err != nil {
		t.Fatal(err)
	}
	return k, a
}

// gokrb5MIC builds an RFC 4121 MIC token with gokrb5's independent
// implementation.
func gokrb5MIC(t *testing.T, key types.EncryptionKey, flags byte, seq uint64, usage uint32, msg []byte) []byte {
	t.Helper()
	m := gssapi.MICToken{Flags: flags, SndSeqNum: seq, Payload: msg}
	if err := m.SetChecksum(key, usage); err != nil {
		t.Fatal(err)
	}
	b, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestKerberosMIC(t *testing.T) {
	msg := encodeMechTypeList([]asn1.ObjectIdentifier{oidKRB5})
	for _, tc := range []struct {
		name     string
		etype    int32
		noSubkey bool
	}{
		{"aes256 with acceptor subkey", etypeID.AES256_CTS_HMAC_SHA1_96, false},
		{"aes128 with acceptor subkey", etypeID.AES128_CTS_HMAC_SHA1_96, false},
		{"aes256-sha384", etypeID.AES256_CTS_HMAC_SHA384_192, false},
		{"aes256 initiator subkey only", etypeID.AES256_CTS_HMAC_SHA1_96, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k, a := completedKerberos(t, tc.etype, apRepOpts{noSubkey: tc.noSubkey})
			key, keyFlag := a.subkey, byte(gssapi.MICTokenFlagAcceptorSubkey)
			if tc.noSubkey {
				key, keyFlag = a.auth.SubKey, 0
			}
			// Ours: initiator usage 25, our sequence number, matching
			// gokrb5's encoding byte for byte.
			seq := uint64(a.auth.SeqNumber)
			got, err := k.GetMIC(msg)
			if err != nil {
				t.Fatal(err)
			}
			if want := gokrb5MIC(t, key, keyFlag, seq, keyusage.GSSAPI_INITIATOR_SIGN, msg); !bytes.Equal(got, want) {
				t.Errorf("GetMIC\n got %x\nwant %x", got, want)
			}
			// The server's: acceptor usage 23, SentByAcceptor, its sequence
			// number from the AP-REP.
			srv := gokrb5MIC(t, key, keyFlag|gssapi.MICTokenFlagSentByAcceptor, uint64(a.seq), keyusage.GSSAPI_ACCEPTOR_SIGN, msg)
			if err := k.VerifyMIC(msg, srv); err != nil {
				t.Errorf("VerifyMIC: %v", err)
			}
		})
	}
}

func TestKerberosVerifyMICRejects(t *testing.T) {
	msg := encodeMechTypeList([]asn1.ObjectIdentifier{oidKRB5})
	for _, tc := range []struct {
		name string
		mic  func(t *testing.T, a *testAcceptor) []byte
	}{
		{"initiator usage", func(t *testing.T, a *testAcceptor) []byte {
			return gokrb5MIC(t, a.subkey, 5, uint64(a.seq), keyusage.GSSAPI_INITIATOR_SIGN, msg)
		}},
		{"not SentByAcceptor", func(t *testing.T, a *testAcceptor) []byte {
			return gokrb5MIC(t, a.subkey, 4, uint64(a.seq), keyusage.GSSAPI_ACCEPTOR_SIGN, msg)
		}},
		{"no AcceptorSubkey flag", func(t *testing.T, a *testAcceptor) []byte {
			return gokrb5MIC(t, a.subkey, 1, uint64(a.seq), keyusage.GSSAPI_ACCEPTOR_SIGN, msg)
		}},
		{"sealed flag", func(t *testing.T, a *testAcceptor) []byte {
			return gokrb5MIC(t, a.subkey, 7, uint64(a.seq), keyusage.GSSAPI_ACCEPTOR_SIGN, msg)
		}},
		{"wrong sequence number", func(t *testing.T, a *testAcceptor) []byte {
			return gokrb5MIC(t, a.subkey, 5, uint64(a.seq)+1, keyusage.GSSAPI_ACCEPTOR_SIGN, msg)
		}},
		{"initiator subkey", func(t *testing.T, a *testAcceptor) []byte {
			return gokrb5MIC(t, a.auth.SubKey, 5, uint64(a.seq), keyusage.GSSAPI_ACCEPTOR_SIGN, msg)
		}},
		{"other message", func(t *testing.T, a *testAcceptor) []byte {
			return gokrb5MIC(t, a.subkey, 5, uint64(a.seq), keyusage.GSSAPI_ACCEPTOR_SIGN, []byte("x"))
		}},
		{"truncated", func(t *testing.T, a *testAcceptor) []byte {
			return gokrb5MIC(t, a.subkey, 5, uint64(a.seq), keyusage.GSSAPI_ACCEPTOR_SIGN, msg)[:20]
		}},
		{"bad filler", func(t *testing.T, a *testAcceptor) []byte {
			b := gokrb5MIC(t, a.subkey, 5, uint64(a.seq), keyusage.GSSAPI_ACCEPTOR_SIGN, msg)
			b[4] = 0
			return b
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k, a := completedKerberos(t, etypeID.AES256_CTS_HMAC_SHA1_96, apRepOpts{})
			if err := k.VerifyMIC(msg, tc.mic(t, a)); err == nil {
				t.Error("accepted")
			}
		})
	}
}

func TestKerberosZero(t *testing.T) {
	k, _ := completedKerberos(t, etypeID.AES256_CTS_HMAC_SHA1_96, apRepOpts{})
	key := k.acceptorSubkey.KeyValue
	pw := []byte("secret")
	k.password = pw
	k.Zero()
	if !isZero(key) || !isZero(pw) || k.SessionKey() != nil || k.Mutual() {
		t.Error("Zero left key or password material")
	}
	if _, err := k.GetMIC([]byte("x")); err == nil {
		t.Error("GetMIC after Zero")
	}
}

// RFC 3962 Appendix B: PBKDF2 string-to-key, which gokrb5 performs for
// password logins (the keys that decrypt the AS-REP).
func TestRFC3962StringToKey(t *testing.T) {
	for _, tc := range []struct {
		iter           uint32
		pass, salt     string
		aes128, aes256 string
	}{
		{1, "password", "ATHENA.MIT.EDUraeburn", "42263c6e89f4fc28b8df68ee09799f15",
			"fe697b52bc0d3ce14432ba036a92e65bbb52280990a2fa27883998d72af30161"},
		{2, "password", "ATHENA.MIT.EDUraeburn", "c651bf29e2300ac27fa469d693bdda13",
			"a2e16d16b36069c135d5e9d2e25f896102685618b95914b467c67622225824ff"},
		{1200, "password", "ATHENA.MIT.EDUraeburn", "4c01cd46d632d01e6dbe230a01ed642a",
			"55a6ac740ad17b4846941051e1e8b0a7548d93b0ab30a8bc3ff16280382b8c2a"},
	} {
		params := hex.EncodeToString(binary.BigEndian.AppendUint32(nil, tc.iter))
		for _, c := range []struct {
			etype int32
			want  string
		}{{etypeID.AES128_CTS_HMAC_SHA1_96, tc.aes128}, {etypeID.AES256_CTS_HMAC_SHA1_96, tc.aes256}} {
			et, _ := crypto.GetEtype(c.etype)
			k, err := et.StringToKey(tc.pass, tc.salt, params)
			if err != nil {
				t.Fatal(err)
			}
			wantHex(t, "RFC 3962 B string-to-key "+enctypeName(c.etype), k, c.want)
		}
	}
}

// RFC 8009 Appendix A checksum vectors: the keyed checksum our MIC tokens
// use for the SHA-2 enctypes (RFC 4121 4.2.4 with RFC 8009's checksum).
func TestRFC8009Checksum(t *testing.T) {
	pt := unhex("000102030405060708090a0b0c0d0e0f1011121314")
	for _, tc := range []struct {
		etype     int32
		key, want string
	}{
		{etypeID.AES128_CTS_HMAC_SHA256_128, "3705d96080c17728a0e800eab6e0d23c", "d78367186643d67b411cba9139fc1dee"},
		{etypeID.AES256_CTS_HMAC_SHA384_192, "6d404d37faf79f9df0d33568d320669800eb4836472ea8a026d16b7182460c52",
			"45ee791567eefca37f4ac1e0222de80d43c3bfa06699672a"},
	} {
		et, _ := crypto.GetEtype(tc.etype)
		sum, err := et.GetChecksumHash(unhex(tc.key), pt, 2)
		if err != nil {
			t.Fatal(err)
		}
		wantHex(t, "RFC 8009 checksum "+enctypeName(tc.etype), sum, tc.want)
	}
}

func TestKerberosConfig(t *testing.T) {
	dir := t.TempDir()
	conf := filepath.Join(dir, "krb5.conf")
	os.WriteFile(conf, []byte(`[libdefaults]
  default_realm = SMB3FS.TEST
  default_tkt_enctypes = rc4-hmac aes256-cts-hmac-sha1-96
  default_tgs_enctypes = arcfour-hmac-md5 aes128-cts-hmac-sha1-96 des3-cbc-sha1
[realms]
  SMB3FS.TEST = {
    kdc = 127.0.0.1:1
  }
[domain_realm]
  .smb3fs.test = SMB3FS.TEST
`), 0o600)

	kt := keytab.New()
	if err := kt.AddEntry("bob", "SMB3FS.TEST", "bobpw", time.Now(), 1, etypeID.AES256_CTS_HMAC_SHA1_96); err != nil {
		t.Fatal(err)
	}
	ktb, _ := kt.Marshal()
	ktPath := filepath.Join(dir, "bob.keytab")
	os.WriteFile(ktPath, ktb, 0o600)

	if m, err := NewKerberos(KerberosCredentials{Krb5Conf: conf, Keytab: ktPath, Principal: "bob"}, testSPN); err != nil {
		t.Errorf("keytab: %v", err)
	} else {
		// The keytab's keys are password equivalents: Zero wipes them.
		k := m.(*kerberosMech)
		if len(k.keytab.Entries) != 1 || isZero(k.keytab.Entries[0].Key.KeyValue) {
			t.Fatalf("keytab not loaded: %+v", k.keytab)
		}
		m.Zero()
		if !isZero(k.keytab.Entries[0].Key.KeyValue) {
			t.Error("Zero left the keytab's key")
		}
	}
	if _, err := NewKerberos(KerberosCredentials{Krb5Conf: conf, Password: []byte("pw"), Principal: "alice@SMB3FS.TEST"}, testSPN); err != nil {
		t.Errorf("password: %v", err)
	}
	// A realm in the SPN must be the one krb5.conf maps the host to; the
	// check runs before any KDC traffic.
	m, err := NewKerberos(KerberosCredentials{Krb5Conf: conf, Password: []byte("pw"), Principal: "alice"}, testSPN+"@OTHER.TEST")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.InitToken(context.Background()); err == nil || !strings.Contains(err.Error(), "not OTHER.TEST") {
		t.Errorf("SPN realm mismatch: %v", err)
	}
	for _, tc := range []struct {
		name  string
		creds KerberosCredentials
		spn   string
		want  string
	}{
		{"keytab and password", KerberosCredentials{Krb5Conf: conf, Keytab: ktPath, Password: []byte("pw"), Principal: "bob"}, testSPN, "choose one"},
		{"keytab without principal", KerberosCredentials{Krb5Conf: conf, Keytab: ktPath}, testSPN, "principal is required"},
		{"missing keytab", KerberosCredentials{Krb5Conf: conf, Keytab: filepath.Join(dir, "nope"), Principal: "bob"}, testSPN, "keytab"},
		{"missing krb5.conf", KerberosCredentials{Krb5Conf: filepath.Join(dir, "nope"), Password: []byte("pw"), Principal: "a"}, testSPN, "krb5.conf"},
		{"missing ccache", KerberosCredentials{Krb5Conf: conf, CCache: "FILE:" + filepath.Join(dir, "nope")}, testSPN, "credential cache"},
		{"keyring ccache", KerberosCredentials{Krb5Conf: conf, CCache: "KEYRING:persistent:1000"}, testSPN, "KEYRING"},
		{"bad spn", KerberosCredentials{Krb5Conf: conf, Password: []byte("pw"), Principal: "a"}, "dc1.smb3fs.test", "service/host"},
		{"spn with empty realm", KerberosCredentials{Krb5Conf: conf, Password: []byte("pw"), Principal: "a"}, "cifs/dc1@", "service/host"},
		{"spn with two realms", KerberosCredentials{Krb5Conf: conf, Password: []byte("pw"), Principal: "a"}, "cifs/dc1@A@B", "service/host"},
		{"spn without host", KerberosCredentials{Krb5Conf: conf, Password: []byte("pw"), Principal: "a"}, "cifs/@SMB3FS.TEST", "service/host"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewKerberos(tc.creds, tc.spn)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
			if err != nil && strings.Contains(err.Error(), "pw\"") {
				t.Errorf("error mentions the password: %v", err)
			}
		})
	}

	cfg, err := config.Load(conf)
	if err != nil {
		t.Fatal(err)
	}
	if err := restrictEnctypes(cfg); err != nil {
		t.Fatal(err)
	}
	if got := cfg.LibDefaults.DefaultTktEnctypeIDs; len(got) != 1 || got[0] != etypeID.AES256_CTS_HMAC_SHA1_96 {
		t.Errorf("ticket enctypes %v", got)
	}
	if got := cfg.LibDefaults.DefaultTGSEnctypeIDs; len(got) != 1 || got[0] != etypeID.AES128_CTS_HMAC_SHA1_96 {
		t.Errorf("TGS enctypes %v", got)
	}
	weak, _ := config.NewFromString("[libdefaults]\n default_tgs_enctypes = rc4-hmac\n default_tkt_enctypes = rc4-hmac\n")
	if err := restrictEnctypes(weak); err == nil {
		t.Error("an RC4-only krb5.conf was accepted")
	}
}

func TestCCachePath(t *testing.T) {
	t.Setenv("KRB5CCNAME", "")
	noConf := filepath.Join(t.TempDir(), "krb5.conf")
	if p, _ := ccacheName("", noConf, 1234); p != "FILE:/tmp/krb5cc_1234" {
		t.Errorf("default %q", p)
	}
	t.Setenv("KRB5CCNAME", "FILE:/run/cc")
	if p, _ := ccacheName("", noConf, 1234); p != "FILE:/run/cc" {
		t.Errorf("env %q", p)
	}
	if p, _ := ccacheName("/x/y", noConf, 1234); p != "FILE:/x/y" {
		t.Errorf("plain %q", p)
	}
	if p, err := ccacheName("KCM:", noConf, 1234); p != "KCM:" || err != nil {
		t.Errorf("KCM: %q %v", p, err)
	}
	if _, _, err := readCCacheNamed("API:x", noConf, 1234); err == nil || !strings.Contains(err.Error(), "type API is not supported") {
		t.Errorf("API: %v", err)
	}
	t.Setenv("KRB5_CONFIG", "/a/krb5.conf:/b/krb5.conf")
	if p := krb5ConfPath(""); p != "/a/krb5.conf" {
		t.Errorf("krb5.conf %q", p)
	}
}

// An unreachable KDC is a network failure, never a credentials one: the
// client retries it, and the mount reports a timeout, not EACCES.
func TestKDCUnreachableClassified(t *testing.T) {
	netErr := krberror.Errorf(errors.New("dial tcp 10.213.0.1:88: i/o timeout"), krberror.NetworkingError, "AS Exchange Error: failed sending AS_REQ to KDC")
	wrapped := fmt.Errorf("auth: kerberos: service ticket for cifs/x: %w", krberror.Errorf(netErr, krberror.KRBMsgError, "TGS"))
	if err := kdcError(wrapped); !errors.Is(err, ErrKDCUnreachable) {
		t.Errorf("networking error not marked: %v", err)
	}
	kdcSaidNo := krberror.Errorf(errors.New("KDC_ERR_PREAUTH_FAILED"), krberror.KDCError, "AS Exchange Error")
	if err := kdcError(kdcSaidNo); errors.Is(err, ErrKDCUnreachable) {
		t.Errorf("an answer from the KDC marked unreachable: %v", err)
	}
	if err := kdcError(errors.New("auth: kerberos: the ticket expired (run kinit)")); errors.Is(err, ErrKDCUnreachable) {
		t.Errorf("an expired ticket marked unreachable: %v", err)
	}

	// A KDC that does not answer before the deadline.
	release := make(chan struct{})
	defer close(release)
	k := &kerberosMech{fetch: func(string) (*krbTicket, error) {
		<-release
		return nil, errors.New("too late")
	}}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := k.getTicket(ctx); !errors.Is(err, ErrKDCUnreachable) || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("silent KDC: %v", err)
	}
}
