package auth

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/md5"
	"crypto/rc4"
	"encoding/binary"
	"encoding/hex"
	"strings"
	"testing"
	"time"
)

// MS-NLMP 4.2.1 common values, used by the 4.2.4 NTLMv2 examples.
var (
	nlmpUser            = "User"
	nlmpDomain          = "Domain"
	nlmpPassword        = []byte("Password")
	nlmpRandomSessKey   = bytes.Repeat([]byte{0x55}, 16)
	nlmpServerChallenge = [8]byte{0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef}
	nlmpClientChallenge = [8]byte{0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa}
	nlmpPlaintext       = utf16le("Plaintext")
	// MS-NLMP 4.2.4 "AV Pair 1 - NetBIOS Server name" / "AV Pair 2 -
	// NetBIOS Domain name" as they appear in the example TargetInfo.
	nlmpTargetInfo = unhex("02000c0044006f006d00610069006e0001000c005300650072007600650072000000" + "0000")
	// MS-NLMP 4.2.4.3 CHALLENGE_MESSAGE.
	nlmpChallengeMsg = unhex("4e544c4d53535000020000000c000c003800000033828ae20123456789abcdef" +
		"00000000000000002400240044000000060070170000000f5300650072007600" +
		"6500720002000c0044006f006d00610069006e0001000c005300650072007600" +
		"6500720000000000")
)

// isZero reports whether b is all zero bytes.
func isZero(b []byte) bool { return len(bytes.Trim(b, "\x00")) == 0 }

func unhex(s string) []byte {
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		panic(err)
	}
	return b
}

func wantHex(t *testing.T, what string, got []byte, want string) {
	t.Helper()
	if !bytes.Equal(got, unhex(want)) {
		t.Errorf("%s\n got %x\nwant %s", what, got, strings.ReplaceAll(want, " ", ""))
	}
}

func TestNTOWFv1_MSNLMP_4_2_2_1_2(t *testing.T) {
	h := ntowfv1(nlmpPassword)
	wantHex(t, "NTOWFv1(Password) (MS-NLMP 4.2.2.1.2)", h[:], "a4f49c406510bdcab6824ee7c30fd852")
}

func TestNTOWFv2_MSNLMP_4_2_4_1_1(t *testing.T) {
	k := ntowfv2(nlmpPassword, nlmpUser, nlmpDomain)
	wantHex(t, "NTOWFv2 = ResponseKeyNT (MS-NLMP 4.2.4.1.1)", k[:], "0c868a403bfd7a93a3001ef22ef02e3f")
	// The user name is upper-cased, the domain is not.
	if k2 := ntowfv2(nlmpPassword, "user", nlmpDomain); k2 != k {
		t.Error("NTOWFv2 depends on the case of the user name")
	}
	if k3 := ntowfv2(nlmpPassword, nlmpUser, "domain"); k3 == k {
		t.Error("NTOWFv2 ignores the case of the domain")
	}
}

func TestLMv2Response_MSNLMP_4_2_4_2_1(t *testing.T) {
	k := ntowfv2(nlmpPassword, nlmpUser, nlmpDomain)
	lm := lmv2Response(k, nlmpServerChallenge, nlmpClientChallenge)
	wantHex(t, "LMv2 response (MS-NLMP 4.2.4.2.1)", lm, "86c35097ac9cec102554764a57cccc19 aaaaaaaaaaaaaaaa")
}

func TestNTLMv2Response_MSNLMP_4_2_4_2_2(t *testing.T) {
	k := ntowfv2(nlmpPassword, nlmpUser, nlmpDomain)
	temp := ntlmv2Temp(0, nlmpClientChallenge, nlmpTargetInfo)
	proof, resp, base := ntlmv2Response(k, nlmpServerChallenge, temp)
	wantHex(t, "NTProofStr (MS-NLMP 4.2.4.2.2)", proof[:], "68cd0ab851e51c96aabc927bebef6a1c")
	wantHex(t, "NTLMv2 response (MS-NLMP 4.2.4.2.2)", resp,
		"68cd0ab851e51c96aabc927bebef6a1c 0101000000000000 0000000000000000 aaaaaaaaaaaaaaaa 00000000"+
			"02000c0044006f006d00610069006e0001000c0053006500720076006500720000000000 00000000")
	wantHex(t, "SessionBaseKey (MS-NLMP 4.2.4.1.2)", base[:], "8de40ccadbc14a82f15cb0ad0de95ca3")

	// MS-NLMP 4.2.4.2.3: KeyExchangeKey = SessionBaseKey for NTLMv2, and
	// the RandomSessionKey travels RC4-encrypted under it.
	enc := rc4k(base[:], nlmpRandomSessKey)
	wantHex(t, "EncryptedRandomSessionKey (MS-NLMP 4.2.4.2.3)", enc, "c5dad2544fc9799094ce1ce90bc9d03e")
}

func TestSessionSecurity_MSNLMP_4_2_4_4(t *testing.T) {
	sign := ntlmSignKey(nlmpRandomSessKey, clientSignMagic)
	seal := ntlmSealKey(nlmpRandomSessKey, clientSealMagic)
	wantHex(t, "client signing key (MS-NLMP 4.2.4.4)", sign[:], "4788dc861b4782f35d43fd98fe1a2d39")
	wantHex(t, "client sealing key (MS-NLMP 4.2.4.4)", seal[:], "59f600973cc4960a25480a7c196e4c58")

	// GSS_WrapEx of "Plaintext" with sequence number 0: RC4 through
	// ClientHandle seals the message, then the same handle encrypts the
	// checksum inside the signature.
	h, _ := rc4.NewCipher(seal[:])
	sealed := make([]byte, len(nlmpPlaintext))
	h.XORKeyStream(sealed, nlmpPlaintext)
	sig := ntlmMAC(h, sign, 0, nlmpPlaintext)
	wantHex(t, "sealed message (MS-NLMP 4.2.4.4)", sealed, "54e50165bf1936dc996020c1811b0f06fb5f")
	wantHex(t, "signature (MS-NLMP 4.2.4.4)", sig[:], "01000000 7fb38ec5c55d4976 00000000")
}

func TestDecodeChallenge_MSNLMP_4_2_4_3(t *testing.T) {
	c, err := decodeChallenge(nlmpChallengeMsg)
	if err != nil {
		t.Fatal(err)
	}
	if c.flags != 0xe28a8233 {
		t.Errorf("flags %#x, want 0xe28a8233", c.flags)
	}
	if c.serverChallenge != nlmpServerChallenge {
		t.Errorf("server challenge %x", c.serverChallenge)
	}
	if !bytes.Equal(c.targetName, utf16le("Server")) {
		t.Errorf("target name %x", c.targetName)
	}
	if !bytes.Equal(c.targetInfo, nlmpTargetInfo) {
		t.Errorf("target info %x", c.targetInfo)
	}
	if d, _ := findAV(c.pairs, avNbDomainName); !bytes.Equal(d, utf16le("Domain")) {
		t.Errorf("MsvAvNbDomainName %x", d)
	}
	if s, _ := findAV(c.pairs, avNbComputerName); !bytes.Equal(s, utf16le("Server")) {
		t.Errorf("MsvAvNbComputerName %x", s)
	}
}

// fixedReader returns its bytes, then zeros.
type fixedReader struct{ b []byte }

func (r *fixedReader) Read(p []byte) (int, error) {
	n := copy(p, r.b)
	r.b = r.b[n:]
	clear(p[n:])
	return len(p), nil
}

// newTestNTLM returns an NTLM mechanism with MS-NLMP 4.2.4's client
// challenge and RandomSessionKey as its "random" bytes.
func newTestNTLM(pw []byte) *ntlmMech {
	m := NewNTLMv2(NTLMCredentials{User: nlmpUser, Domain: nlmpDomain, Password: pw, Workstation: "COMPUTER"}, "cifs/server.domain.test").(*ntlmMech)
	m.rand = &fixedReader{append(nlmpClientChallenge[:], nlmpRandomSessKey...)}
	m.now = func() time.Time { return time.Unix(0, 0) }
	return m
}

// challengeWith builds a CHALLENGE_MESSAGE with the given flags and AV
// pairs, the rest as in MS-NLMP 4.2.4.3.
func challengeWith(flags uint32, pairs []avPair) []byte {
	ti := encodeAVPairs(pairs)
	name := utf16le("Server")
	m := make([]byte, ntlmChallengeVersionLen)
	copy(m, ntlmSignature)
	binary.LittleEndian.PutUint32(m[8:], ntlmMessageTypeChallenge)
	binary.LittleEndian.PutUint16(m[12:], uint16(len(name)))
	binary.LittleEndian.PutUint16(m[14:], uint16(len(name)))
	binary.LittleEndian.PutUint32(m[16:], ntlmChallengeVersionLen)
	binary.LittleEndian.PutUint32(m[20:], flags)
	copy(m[24:], nlmpServerChallenge[:])
	binary.LittleEndian.PutUint16(m[40:], uint16(len(ti)))
	binary.LittleEndian.PutUint16(m[42:], uint16(len(ti)))
	binary.LittleEndian.PutUint32(m[44:], uint32(ntlmChallengeVersionLen+len(name)))
	copy(m[48:], []byte{6, 0, 0x70, 0x17, 0, 0, 0, 0x0f})
	return append(append(m, name...), ti...)
}

var nlmpPairs = []avPair{
	{avNbDomainName, utf16le("Domain")},
	{avNbComputerName, utf16le("Server")},
}

// testNTLMServer is an independent acceptor-side check of an
// AUTHENTICATE_MESSAGE, written from MS-NLMP 3.2.5.1.2 rather than from
// the client code.
type testNTLMServer struct {
	exportedKey []byte
}

func (s *testNTLMServer) verify(t *testing.T, negotiate, challenge, auth []byte, password []byte, user, domain string) {
	t.Helper()
	field := func(off int) []byte {
		n := int(binary.LittleEndian.Uint16(auth[off:]))
		o := int(binary.LittleEndian.Uint32(auth[off+4:]))
		if o+n > len(auth) || (n > 0 && o < ntlmAuthHeaderLen) {
			t.Fatalf("AUTHENTICATE field at %d out of range", off)
		}
		return auth[o : o+n]
	}
	if string(auth[:8]) != ntlmSignature || binary.LittleEndian.Uint32(auth[8:]) != 3 {
		t.Fatal("not an AUTHENTICATE_MESSAGE")
	}
	if got := field(36); !bytes.Equal(got, utf16le(user)) {
		t.Errorf("user %x", got)
	}
	if got := field(28); !bytes.Equal(got, utf16le(domain)) {
		t.Errorf("domain %x", got)
	}
	flags := binary.LittleEndian.Uint32(auth[60:])
	for _, f := range []uint32{ntlmNegotiateExtendedSecur, ntlmNegotiateKeyExch, ntlmNegotiate128, ntlmNegotiateSign, ntlmNegotiateUnicode} {
		if flags&f == 0 {
			t.Errorf("AUTHENTICATE flags %#x lack %#x", flags, f)
		}
	}
	chal, err := decodeChallenge(challenge)
	if err != nil {
		t.Fatal(err)
	}
	// NTOWFv2 from its definition, over ntowfv1 (MS-NLMP 4.2.2.1.2 vector).
	nt := ntowfv1(password)
	mac := hmac.New(md5.New, nt[:])
	mac.Write(utf16le(strings.ToUpper(user) + domain))
	key := mac.Sum(nil)
	ntr := field(20)
	if len(ntr) < 16+28 {
		t.Fatalf("NT response of %d bytes", len(ntr))
	}
	mac = hmac.New(md5.New, key)
	mac.Write(chal.serverChallenge[:])
	mac.Write(ntr[16:])
	if !hmac.Equal(mac.Sum(nil), ntr[:16]) {
		t.Fatal("NTProofStr does not verify")
	}
	mac = hmac.New(md5.New, key)
	mac.Write(ntr[:16])
	base := mac.Sum(nil)
	c, _ := rc4.NewCipher(base)
	s.exportedKey = make([]byte, 16)
	c.XORKeyStream(s.exportedKey, field(52))

	// The AV pairs inside the response: server's plus ours.
	temp := ntr[16:]
	avs := temp[28 : len(temp)-4]
	pairs, err := decodeAVPairs(avs)
	if err != nil {
		t.Fatalf("client AV pairs: %v", err)
	}
	if v, ok := findAV(pairs, avFlags); !ok || binary.LittleEndian.Uint32(v)&avFlagMICPresent == 0 {
		t.Error("MsvAvFlags without MIC-present")
	}
	if v, ok := findAV(pairs, avChannelBindings); !ok || !isZero(v) || len(v) != 16 {
		t.Errorf("MsvAvChannelBindings %x", v)
	}
	if v, ok := findAV(pairs, avTargetName); !ok || !bytes.Equal(v, utf16le("cifs/server.domain.test")) {
		t.Errorf("MsvAvTargetName %x", v)
	}

	// The MIC over all three messages.
	zeroed := append([]byte(nil), auth...)
	clear(zeroed[ntlmAuthMICOffset : ntlmAuthMICOffset+16])
	mac = hmac.New(md5.New, s.exportedKey)
	mac.Write(negotiate)
	mac.Write(challenge)
	mac.Write(zeroed)
	if !hmac.Equal(mac.Sum(nil), auth[ntlmAuthMICOffset:ntlmAuthMICOffset+16]) {
		t.Error("AUTHENTICATE MIC does not verify")
	}
}

// sign returns the server's NTLMSSP_MESSAGE_SIGNATURE over msg with
// sequence number seq and a fresh ServerHandle.
func (s *testNTLMServer) sign(msg []byte, seq uint32) []byte {
	sk := md5.Sum(append(append([]byte(nil), s.exportedKey...), serverSignMagic...))
	ek := md5.Sum(append(append([]byte(nil), s.exportedKey...), serverSealMagic...))
	mac := hmac.New(md5.New, sk[:])
	mac.Write(binary.LittleEndian.AppendUint32(nil, seq))
	mac.Write(msg)
	c, _ := rc4.NewCipher(ek[:])
	sig := binary.LittleEndian.AppendUint32(nil, 1)
	cs := make([]byte, 8)
	c.XORKeyStream(cs, mac.Sum(nil)[:8])
	sig = append(sig, cs...)
	return binary.LittleEndian.AppendUint32(sig, seq)
}

// verifyClient checks the client's signature over msg with sequence 0.
func (s *testNTLMServer) verifyClient(msg, sig []byte) bool {
	sk := md5.Sum(append(append([]byte(nil), s.exportedKey...), clientSignMagic...))
	ek := md5.Sum(append(append([]byte(nil), s.exportedKey...), clientSealMagic...))
	mac := hmac.New(md5.New, sk[:])
	mac.Write([]byte{0, 0, 0, 0})
	mac.Write(msg)
	c, _ := rc4.NewCipher(ek[:])
	cs := make([]byte, 8)
	c.XORKeyStream(cs, mac.Sum(nil)[:8])
	want := append(append([]byte{1, 0, 0, 0}, cs...), 0, 0, 0, 0)
	return hmac.Equal(want, sig)
}

func TestNTLMAuthenticate(t *testing.T) {
	for _, tc := range []struct {
		name      string
		pairs     []avPair
		timestamp bool
	}{
		{"MS-NLMP 4.2.4 pairs, no timestamp", nlmpPairs, false},
		{"with MsvAvTimestamp and MsvAvFlags", append(append([]avPair{}, nlmpPairs...),
			avPair{avTimestamp, unhex("0090d336b734c301")}, avPair{avFlags, unhex("00000000")}), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pw := append([]byte(nil), nlmpPassword...)
			m := newTestNTLM(pw)
			neg, err := m.InitToken(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if len(neg) != ntlmNegotiateLen || binary.LittleEndian.Uint32(neg[12:]) != ntlmClientNegotiateFlags {
				t.Fatalf("NEGOTIATE_MESSAGE %x", neg)
			}
			chal := challengeWith(0xe28a8233, tc.pairs)
			auth, complete, err := m.Step(context.Background(), chal)
			if err != nil || !complete {
				t.Fatalf("Step: %v %v", complete, err)
			}
			var srv testNTLMServer
			srv.verify(t, neg, chal, auth, nlmpPassword, nlmpUser, nlmpDomain)
			if !bytes.Equal(m.SessionKey(), nlmpRandomSessKey) || !bytes.Equal(srv.exportedKey, nlmpRandomSessKey) {
				t.Errorf("session key %x, server decrypted %x", m.SessionKey(), srv.exportedKey)
			}
			lmOff := int(binary.LittleEndian.Uint32(auth[16:]))
			lm := auth[lmOff : lmOff+24]
			if tc.timestamp != isZero(lm) {
				t.Errorf("LM response %x with timestamp=%v", lm, tc.timestamp)
			}
			if m.Mutual() {
				t.Error("NTLM claims mutual authentication")
			}

			// mechListMIC in both directions.
			msg := []byte("mechTypes")
			mic, err := m.GetMIC(msg)
			if err != nil || !srv.verifyClient(msg, mic) {
				t.Errorf("client MIC %x does not verify (%v)", mic, err)
			}
			if err := m.VerifyMIC(msg, srv.sign(msg, 0)); err != nil {
				t.Errorf("server MIC: %v", err)
			}
			m.Zero()
			if !isZero(pw) || m.SessionKey() != nil {
				t.Error("Zero left the password or key")
			}
			if p, want := Principal(m), nlmpDomain+`\`+nlmpUser; p != want {
				t.Errorf("Principal = %q, want %q", p, want)
			}
		})
	}
}

func TestNTLMVerifyMICRejects(t *testing.T) {
	setup := func() (*ntlmMech, *testNTLMServer) {
		m := newTestNTLM(append([]byte(nil), nlmpPassword...))
		neg, _ := m.InitToken(context.Background())
		chal := challengeWith(0xe28a8233, nlmpPairs)
		auth, _, err := m.Step(context.Background(), chal)
		if err != nil {
			t.Fatal(err)
		}
		srv := &testNTLMServer{}
		srv.verify(t, neg, chal, auth, nlmpPassword, nlmpUser, nlmpDomain)
		return m, srv
	}
	msg := []byte("mechTypes")
	for name, mutate := range map[string]func(s *testNTLMServer) []byte{
		"wrong message": func(s *testNTLMServer) []byte { return s.sign([]byte("other"), 0) },
		"wrong seq":     func(s *testNTLMServer) []byte { return s.sign(msg, 1) },
		"flipped bit": func(s *testNTLMServer) []byte {
			b := s.sign(msg, 0)
			b[5] ^= 1
			return b
		},
		"short":     func(s *testNTLMServer) []byte { return s.sign(msg, 0)[:15] },
		"version 2": func(s *testNTLMServer) []byte { b := s.sign(msg, 0); b[0] = 2; return b },
		"client's own": func(s *testNTLMServer) []byte {
			s.exportedKey = append([]byte(nil), s.exportedKey...)
			sk := ntlmSignKey(s.exportedKey, clientSignMagic)
			ek := ntlmSealKey(s.exportedKey, clientSealMagic)
			h, _ := rc4.NewCipher(ek[:])
			sig := ntlmMAC(h, sk, 0, msg)
			return sig[:]
		},
	} {
		t.Run(name, func(t *testing.T) {
			m, srv := setup()
			if err := m.VerifyMIC(msg, mutate(srv)); err == nil {
				t.Error("accepted")
			}
		})
	}
}

func TestNTLMChallengeRejects(t *testing.T) {
	good := uint32(0xe28a8233)
	for _, tc := range []struct {
		name string
		msg  []byte
		want string
	}{
		{"no key exchange", challengeWith(good&^ntlmNegotiateKeyExch, nlmpPairs), "KEY_EXCH"},
		{"no extended session security", challengeWith(good&^ntlmNegotiateExtendedSecur, nlmpPairs), "EXTENDED_SESSIONSECURITY"},
		{"no 128-bit", challengeWith(good&^ntlmNegotiate128, nlmpPairs), "128"},
		{"no signing", challengeWith(good&^ntlmNegotiateSign, nlmpPairs), "SIGN"},
		{"no unicode", challengeWith(good&^ntlmNegotiateUnicode, nlmpPairs), "UNICODE"},
		{"no target info flag", challengeWith(good&^ntlmNegotiateTargetInfo, nlmpPairs), "TARGET_INFO"},
		{"no NetBIOS computer name", challengeWith(good, nlmpPairs[:1]), "MsvAvNbComputerName"},
		{"no NetBIOS domain name", challengeWith(good, nlmpPairs[1:]), "MsvAvNbDomainName"},
		{"duplicate AV pair", challengeWith(good, append([]avPair{nlmpPairs[0]}, nlmpPairs...)), "repeated"},
		{"short timestamp", challengeWith(good, append([]avPair{{avTimestamp, []byte{1}}}, nlmpPairs...)), "MsvAvTimestamp"},
		{"truncated", nlmpChallengeMsg[:47], "malformed"},
		{"target info past the end", nlmpChallengeMsg[:100], "outside"},
		{"bad signature", append([]byte("NTLMSSQ\x00"), nlmpChallengeMsg[8:]...), "signature"},
		{"negotiate message", encodeNegotiate(ntlmClientNegotiateFlags), "malformed"},
		{"bytes after EOL", func() []byte {
			m := append([]byte(nil), nlmpChallengeMsg...)
			m = append(m, 0xff)
			binary.LittleEndian.PutUint16(m[40:], 37)
			binary.LittleEndian.PutUint16(m[42:], 37)
			return m
		}(), "after MsvAvEOL"},
		{"offset into header", func() []byte {
			m := append([]byte(nil), nlmpChallengeMsg...)
			binary.LittleEndian.PutUint32(m[44:], 8)
			return m
		}(), "outside"},
		{"huge offset", func() []byte {
			m := append([]byte(nil), nlmpChallengeMsg...)
			binary.LittleEndian.PutUint32(m[44:], 0xfffffff0)
			return m
		}(), "outside"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newTestNTLM(append([]byte(nil), nlmpPassword...))
			if _, err := m.InitToken(context.Background()); err != nil {
				t.Fatal(err)
			}
			_, _, err := m.Step(context.Background(), tc.msg)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to mention %q", err, tc.want)
			}
			if m.SessionKey() != nil {
				t.Error("session key after failure")
			}
			if _, _, err := m.Step(context.Background(), nlmpChallengeMsg); err == nil {
				t.Error("a failed mechanism accepted another step")
			}
		})
	}
}

func TestNTLMErrorsOmitPassword(t *testing.T) {
	pw := []byte("S3cret-Passw0rd!")
	m := NewNTLMv2(NTLMCredentials{User: "u", Domain: "d", Password: pw}, "cifs/x")
	m.InitToken(context.Background())
	_, _, err := m.Step(context.Background(), challengeWith(0x00000001, nlmpPairs))
	if err == nil || strings.Contains(err.Error(), string(pw)) {
		t.Fatalf("err = %v", err)
	}
}
