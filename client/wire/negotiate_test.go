package wire

import (
	"bytes"
	"reflect"
	"testing"
)

var (
	sessGUID = [16]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}
	sessSalt = bytes.Repeat([]byte{0xA5}, 32)
)

// testNegotiateRequest is what smb3fs sends: every 2.x/3.x dialect, all four
// ciphers, two signing algorithms, the server name.
func testNegotiateRequest() *NegotiateRequest {
	return &NegotiateRequest{
		SecurityMode:          SecurityModeSigningEnabled,
		Capabilities:          0x7f,
		ClientGUID:            sessGUID,
		Dialects:              []Dialect{Dialect202, Dialect210, Dialect300, Dialect302, Dialect311},
		PreauthHashAlgorithms: []uint16{HashSHA512},
		PreauthSalt:           sessSalt,
		Ciphers:               []CipherID{CipherAES128GCM, CipherAES128CCM, CipherAES256GCM, CipherAES256CCM},
		SigningAlgorithms:     []SigningID{SigningAESGMAC, SigningAESCMAC},
		NetName:               "srv",
	}
}

func testNegotiateResponse() *NegotiateResponse {
	return &NegotiateResponse{
		SecurityMode:          SecurityModeSigningEnabled | SecurityModeSigningRequired,
		DialectRevision:       Dialect311,
		ServerGUID:            sessGUID,
		Capabilities:          CapDFS | CapLeasing | CapLargeMTU | CapEncryption,
		MaxTransactSize:       8 << 20,
		MaxReadSize:           8 << 20,
		MaxWriteSize:          8 << 20,
		SystemTime:            0x01dd7a2def2b80b0,
		ServerStartTime:       0,
		SecurityBuffer:        []byte("a GSS token of odd length"),
		PreauthHashAlgorithms: []uint16{HashSHA512},
		PreauthSalt:           sessSalt,
		Ciphers:               []CipherID{CipherAES128GCM},
		SigningAlgorithms:     []SigningID{SigningAESGMAC},
		ContextTypes:          []uint16{CtxPreauthIntegrity, CtxEncryption, CtxSigning},
	}
}

// The request encoding pinned byte by byte against the layout of [MS-SMB2]
// 2.2.3 and 2.2.3.1: context offset 8-aligned after the dialects, padding
// between contexts, none after the last.
func TestNegotiateRequestPinned(t *testing.T) {
	want := unhex(t, `
		2400 0500 0100 0000         // StructureSize 36, DialectCount 5, SecurityMode, Reserved
		7f000000                    // Capabilities
		000102030405060708090a0b0c0d0e0f // ClientGuid
		70000000 0400 0000          // NegotiateContextOffset 112, NegotiateContextCount 4, Reserved2
		0202 1002 0003 0203 1103    // Dialects (offset 100..109)
		0000                        // padding to 112
		0100 2600 00000000          // 112: PREAUTH_INTEGRITY, DataLength 38
		0100 2000 0100              //   HashAlgorithmCount 1, SaltLength 32, SHA-512
		a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5
		0000                        // padding to 160
		0200 0a00 00000000          // 160: ENCRYPTION, DataLength 10
		0400 0200 0100 0400 0300    //   CipherCount 4: GCM-128, CCM-128, GCM-256, CCM-256
		000000000000                // padding to 184
		0500 0600 00000000          // 184: NETNAME, DataLength 6
		7300 7200 7600              //   "srv"
		0000                        // padding to 200
		0800 0600 00000000          // 200: SIGNING, DataLength 6
		0200 0200 0100              //   SigningAlgorithmCount 2: AES-GMAC, AES-CMAC
	`)
	msg := testNegotiateRequest().Append(sessHeader(CmdNegotiate, false))
	if got := msg[HeaderSize:]; !bytes.Equal(got, want) {
		t.Fatalf("encoded body:\n% x\nwant\n% x", got, want)
	}
}

func TestNegotiateRequestRoundTrip(t *testing.T) {
	m := testNegotiateRequest()
	want := *m
	want.ContextTypes = []uint16{CtxPreauthIntegrity, CtxEncryption, CtxNetname, CtxSigning}
	sessRoundTrip(t, CmdNegotiate, false, m, &want, (*NegotiateRequest).Append, DecodeNegotiateRequest)

	// Unknown contexts travel in OtherContexts, after the known ones.
	m = testNegotiateRequest()
	m.OtherContexts = []NegotiateContext{
		{Type: CtxCompression, Data: []byte{1, 0, 0, 0, 0, 0, 0, 0, 1, 0}},
		{Type: 0x7777, Data: []byte{9}},
	}
	want = *m
	want.ContextTypes = []uint16{CtxPreauthIntegrity, CtxEncryption, CtxNetname, CtxSigning, CtxCompression, 0x7777}
	sessRoundTrip(t, CmdNegotiate, false, m, &want, (*NegotiateRequest).Append, DecodeNegotiateRequest)

	// Only preauth, no salt.
	m = &NegotiateRequest{Dialects: []Dialect{Dialect311}, PreauthHashAlgorithms: []uint16{HashSHA512}}
	want = *m
	want.ContextTypes = []uint16{CtxPreauthIntegrity}
	sessRoundTrip(t, CmdNegotiate, false, m, &want, (*NegotiateRequest).Append, DecodeNegotiateRequest)

	// Without 3.1.1 no context is sent, whatever the fields say.
	m = testNegotiateRequest()
	m.Dialects = []Dialect{Dialect210, Dialect300, Dialect302}
	msg := m.Append(sessHeader(CmdNegotiate, false))
	if len(msg) != HeaderSize+36+6 {
		t.Fatalf("request without 3.1.1: %d bytes, want %d", len(msg), HeaderSize+36+6)
	}
	sessRoundTrip(t, CmdNegotiate, false, m, &NegotiateRequest{
		SecurityMode: m.SecurityMode, Capabilities: m.Capabilities, ClientGUID: m.ClientGUID, Dialects: m.Dialects,
	}, (*NegotiateRequest).Append, DecodeNegotiateRequest)

	// 3.1.1 without any context: count and offset 0, no padding.
	m = &NegotiateRequest{Dialects: []Dialect{Dialect311}}
	msg = sessRoundTrip(t, CmdNegotiate, false, m, nil, (*NegotiateRequest).Append, DecodeNegotiateRequest)
	if len(msg) != HeaderSize+36+2 {
		t.Fatalf("3.1.1 request without contexts: %d bytes", len(msg))
	}
}

func TestNegotiateResponseRoundTrip(t *testing.T) {
	m := testNegotiateResponse()
	msg := sessRoundTrip(t, CmdNegotiate, true, m, nil, (*NegotiateResponse).Append, DecodeNegotiateResponse)
	sessTruncations(t, msg, DecodeNegotiateResponse)

	m.OtherContexts = []NegotiateContext{{Type: CtxRDMA, Data: nil}, {Type: CtxNetname, Data: []byte("x\x00")}}
	m.ContextTypes = append(m.ContextTypes, CtxRDMA, CtxNetname)
	sessRoundTrip(t, CmdNegotiate, true, m, nil, (*NegotiateResponse).Append, DecodeNegotiateResponse)

	// Empty security buffer, contexts right after the fixed part.
	m = testNegotiateResponse()
	m.SecurityBuffer = nil
	msg = sessRoundTrip(t, CmdNegotiate, true, m, nil, (*NegotiateResponse).Append, DecodeNegotiateResponse)
	if off := sessU32(msg[124:]); off != 128 {
		t.Errorf("NegotiateContextOffset %d, want 128", off)
	}

	// 3.0.2: no contexts, and the context fields are zero.
	m = testNegotiateResponse()
	m.DialectRevision = Dialect302
	msg = m.Append(sessHeader(CmdNegotiate, true))
	if want := HeaderSize + 64 + len(m.SecurityBuffer); len(msg) != want {
		t.Errorf("3.0.2 response: %d bytes, want %d", len(msg), want)
	}
	if sessU16(msg[70:]) != 0 || sessU32(msg[124:]) != 0 {
		t.Errorf("3.0.2 response: NegotiateContextCount/Offset not zero")
	}
	want := *m
	want.PreauthHashAlgorithms, want.PreauthSalt, want.Ciphers, want.SigningAlgorithms, want.ContextTypes = nil, nil, nil, nil, nil
	sessRoundTrip(t, CmdNegotiate, true, m, &want, (*NegotiateResponse).Append, DecodeNegotiateResponse)

	// 3.1.1 without contexts.
	m = &NegotiateResponse{DialectRevision: Dialect311}
	msg = sessRoundTrip(t, CmdNegotiate, true, m, nil, (*NegotiateResponse).Append, DecodeNegotiateResponse)
	if len(msg) != HeaderSize+64 {
		t.Errorf("bare 3.1.1 response: %d bytes", len(msg))
	}
}

// A real exchange: Samba 4.17's smbclient and smbd (see the fixture files).
func TestNegotiateSambaFixtures(t *testing.T) {
	req, err := DecodeNegotiateRequest(fixture(t, sessionCaptures, "negotiate-request-311"))
	if err != nil {
		t.Fatal(err)
	}
	wantReq := &NegotiateRequest{
		SecurityMode:          SecurityModeSigningEnabled,
		Capabilities:          0x7f,
		ClientGUID:            [16]byte{0x3f, 0xbd, 0xb8, 0x50, 0x3c, 0x3e, 0x88, 0x44, 0xa1, 0x95, 0x10, 0x34, 0x90, 0x67, 0xe3, 0x2f},
		Dialects:              []Dialect{Dialect202, Dialect210, Dialect300, Dialect302, Dialect311},
		PreauthHashAlgorithms: []uint16{HashSHA512},
		PreauthSalt:           unhex(t, "9d2045793309c4fcc71ccbd794c0847cb76ba19a2725c41239352724957f2570"),
		Ciphers:               []CipherID{CipherAES128GCM, CipherAES128CCM, CipherAES256GCM, CipherAES256CCM},
		SigningAlgorithms:     []SigningID{SigningAESGMAC, SigningAESCMAC, SigningHMACSHA256},
		NetName:               "dc1.smb3fs.test",
		ContextTypes:          []uint16{CtxPreauthIntegrity, CtxEncryption, CtxSigning, CtxNetname},
	}
	if !reflect.DeepEqual(req, wantReq) {
		t.Errorf("Samba request:\n got %+v\nwant %+v", req, wantReq)
	}

	raw := fixture(t, sessionCaptures, "negotiate-response-311")
	resp, err := DecodeNegotiateResponse(raw)
	if err != nil {
		t.Fatal(err)
	}
	if resp.DialectRevision != Dialect311 || resp.SecurityMode != 3 || resp.Capabilities != 0x0f ||
		resp.MaxTransactSize != 8<<20 || resp.MaxReadSize != 8<<20 || resp.MaxWriteSize != 8<<20 ||
		resp.SystemTime != 0x01dd7a2def2b80b0 || resp.ServerStartTime != 0 ||
		string(resp.ServerGUID[:4]) != "dc1\x00" || len(resp.SecurityBuffer) != 96 ||
		!bytes.Equal(resp.SecurityBuffer, raw[128:224]) ||
		!reflect.DeepEqual(resp.PreauthHashAlgorithms, []uint16{HashSHA512}) || len(resp.PreauthSalt) != 32 ||
		!reflect.DeepEqual(resp.Ciphers, []CipherID{CipherAES128GCM}) ||
		!reflect.DeepEqual(resp.SigningAlgorithms, []SigningID{SigningAESGMAC}) ||
		!reflect.DeepEqual(resp.ContextTypes, []uint16{CtxPreauthIntegrity, CtxEncryption, CtxSigning}) ||
		resp.OtherContexts != nil {
		t.Errorf("Samba 3.1.1 response decoded as %+v", resp)
	}
	// Our encoder lays the response out exactly as smbd does.
	if again := resp.Append(bytes.Clone(raw[:HeaderSize])); !bytes.Equal(again, raw) {
		t.Errorf("re-encoded Samba response differs:\n% x\nwant\n% x", again, raw)
	}
	sessTruncations(t, raw, DecodeNegotiateResponse)

	raw = fixture(t, sessionCaptures, "negotiate-response-300")
	resp, err = DecodeNegotiateResponse(raw)
	if err != nil {
		t.Fatal(err)
	}
	if resp.DialectRevision != Dialect300 || len(resp.SecurityBuffer) != 74 || resp.ContextTypes != nil || resp.Ciphers != nil {
		t.Errorf("Samba 3.0 response decoded as %+v", resp)
	}
	if again := resp.Append(bytes.Clone(raw[:HeaderSize])); !bytes.Equal(again, raw) {
		t.Errorf("re-encoded Samba 3.0 response differs:\n% x\nwant\n% x", again, raw)
	}
	sessTruncations(t, raw, DecodeNegotiateResponse)
}

func TestNegotiateRequestTruncated(t *testing.T) {
	sessTruncations(t, testNegotiateRequest().Append(sessHeader(CmdNegotiate, false)), DecodeNegotiateRequest)
	sessTruncations(t, fixture(t, sessionCaptures, "negotiate-request-311"), DecodeNegotiateRequest)
}

func TestNegotiateRequestMalformed(t *testing.T) {
	good := testNegotiateRequest().Append(sessHeader(CmdNegotiate, false))
	dec := DecodeNegotiateRequest
	// Offsets below are those of TestNegotiateRequestPinned.
	sessMalformed(t, "StructureSize", sessPatch(good, 64, 37), dec, "StructureSize 37")
	sessMalformed(t, "DialectCount 0", sessPatch(good, 66, 0, 0), dec, "DialectCount 0")
	sessMalformed(t, "DialectCount too large", sessPatch(good, 66, 0xff, 0xff), dec, "Dialects")
	sessMalformed(t, "context offset unaligned", sessPatch(good, 92, 114), dec, "not 8-byte aligned")
	sessMalformed(t, "context offset over dialects", sessPatch(good, 92, 104), dec, "before offset 110")
	sessMalformed(t, "context offset outside", sessPatch(good, 92, 0, 0, 1, 0), dec, "cannot fit")
	sessMalformed(t, "context count too large", sessPatch(good, 96, 5), dec, "negotiate context header")
	sessMalformed(t, "context count huge", sessPatch(good, 96, 0xff, 0xff), dec, "cannot fit")
	sessMalformed(t, "context DataLength outside", sessPatch(good, 202, 0xff), dec, "negotiate context data")
	sessMalformed(t, "duplicated context", sessPatch(good, 200, 2), dec, "duplicated negotiate context type 0x0002")
	sessMalformed(t, "duplicated unknown context", sessPatch(sessPatch(good, 184, 0x77, 0x77), 200, 0x77, 0x77), dec,
		"duplicated negotiate context type 0x7777")
	sessMalformed(t, "zero hash count", sessPatch(good, 120, 0), dec, "HashAlgorithmCount 0")
	sessMalformed(t, "hash count beyond data", sessPatch(good, 120, 20), dec, "HashAlgorithms")
	sessMalformed(t, "salt beyond data", sessPatch(good, 122, 33), dec, "Salt")
	sessMalformed(t, "bytes after salt", sessPatch(good, 122, 31), dec, "1 bytes after the salt")
	sessMalformed(t, "zero cipher count", sessPatch(good, 168, 0), dec, "CipherCount 0")
	sessMalformed(t, "cipher count inconsistent", sessPatch(good, 168, 3), dec, "CipherCount 3 with 10 bytes")
	sessMalformed(t, "empty encryption context", sessPatch(good, 162, 0), dec, "CipherCount")
	sessMalformed(t, "zero signing count", sessPatch(good, 208, 0), dec, "SigningAlgorithmCount 0")
	sessMalformed(t, "signing count inconsistent", sessPatch(good, 208, 3), dec, "SigningAlgorithmCount 3")
	sessMalformed(t, "odd netname", sessPatch(good, 186, 5), dec, "odd UTF-16 length 5")

	// Without 3.1.1 in the list, the context fields are ClientStartTime and
	// are not interpreted: garbage there is fine.
	m := &NegotiateRequest{Dialects: []Dialect{Dialect302}}
	msg := sessPatch(m.Append(sessHeader(CmdNegotiate, false)), 92, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)
	if _, err := DecodeNegotiateRequest(msg); err != nil {
		t.Errorf("ClientStartTime interpreted as contexts: %v", err)
	}
}

func TestNegotiateResponseMalformed(t *testing.T) {
	m := testNegotiateResponse()
	good := m.Append(sessHeader(CmdNegotiate, true))
	dec := DecodeNegotiateResponse
	// Layout: security buffer at 128 (25 bytes), contexts at 160:
	// preauth 160..205, encryption 208..219, signing 224..235.
	if sessU32(good[124:]) != 160 || len(good) != 236 {
		t.Fatalf("unexpected layout: offset %d, %d bytes", sessU32(good[124:]), len(good))
	}
	sessMalformed(t, "StructureSize", sessPatch(good, 64, 64), dec, "StructureSize 64")
	sessMalformed(t, "security buffer outside", sessPatch(good, 122, 0xff), dec, "security buffer")
	sessMalformed(t, "security buffer offset outside", sessPatch(good, 120, 0xff, 0xff), dec, "security buffer")
	sessMalformed(t, "security buffer in fixed part", sessPatch(good, 120, 120), dec, "inside the fixed part")
	sessMalformed(t, "security buffer in header", sessPatch(good, 120, 0), dec, "inside the fixed part")
	sessMalformed(t, "contexts overlap security buffer", sessPatch(good, 124, 152), dec, "before offset 153")
	sessMalformed(t, "contexts unaligned", sessPatch(good, 124, 164), dec, "not 8-byte aligned")
	sessMalformed(t, "contexts outside", sessPatch(good, 124, 0, 1), dec, "cannot fit")
	sessMalformed(t, "contexts offset huge", sessPatch(good, 124, 0xf8, 0xff, 0xff, 0xff), dec, "cannot fit")
	sessMalformed(t, "context count too large", sessPatch(good, 70, 4), dec, "negotiate context header")
	sessMalformed(t, "duplicated context", sessPatch(good, 224, 1), dec, "duplicated negotiate context type 0x0001")
	sessMalformed(t, "zero hash count", sessPatch(good, 168, 0), dec, "HashAlgorithmCount 0")
	sessMalformed(t, "zero cipher count", sessPatch(good, 216, 0), dec, "CipherCount 0")
	sessMalformed(t, "cipher count inconsistent", sessPatch(good, 216, 2), dec, "CipherCount 2 with 4 bytes")
	sessMalformed(t, "zero signing count", sessPatch(good, 232, 0), dec, "SigningAlgorithmCount 0")
	sessMalformed(t, "context DataLength outside", sessPatch(good, 226, 5), dec, "negotiate context data")

	// Not 3.1.1: NegotiateContextCount and Offset are not interpreted.
	for _, d := range []Dialect{Dialect202, Dialect210, Dialect300, Dialect302, DialectWildcard} {
		msg := sessPatch(good, 68, byte(d), byte(d>>8))
		msg = sessPatch(msg, 124, 0xff, 0xff, 0xff, 0xff)
		resp, err := DecodeNegotiateResponse(msg)
		if err != nil {
			t.Errorf("dialect %v: %v", d, err)
		} else if resp.ContextTypes != nil || resp.Ciphers != nil {
			t.Errorf("dialect %v: contexts decoded", d)
		}
	}

	// A netname context in a response is kept raw; an unknown type is
	// skipped but listed.
	m = testNegotiateResponse()
	m.OtherContexts = []NegotiateContext{{Type: 0xabcd, Data: []byte{1, 2, 3}}}
	m.ContextTypes = append(m.ContextTypes, 0xabcd)
	sessRoundTrip(t, CmdNegotiate, true, m, nil, (*NegotiateResponse).Append, DecodeNegotiateResponse)
}

// A response listing two ciphers is returned as sent: the count is the
// client's to check ([MS-SMB2] 3.2.5.2).
func TestNegotiateResponseReturnsWhatWasSent(t *testing.T) {
	m := testNegotiateResponse()
	m.PreauthHashAlgorithms = []uint16{HashSHA512, 0x0002}
	m.Ciphers = []CipherID{CipherAES128GCM, CipherAES256GCM}
	m.SigningAlgorithms = []SigningID{0x0009}
	sessRoundTrip(t, CmdNegotiate, true, m, nil, (*NegotiateResponse).Append, DecodeNegotiateResponse)
}

func sessU16(b []byte) uint16 { return uint16(b[0]) | uint16(b[1])<<8 }
func sessU32(b []byte) uint32 { return uint32(sessU16(b)) | uint32(sessU16(b[2:]))<<16 }

func FuzzDecodeNegotiateRequest(f *testing.F) {
	f.Add(testNegotiateRequest().Append(sessHeader(CmdNegotiate, false)))
	f.Add((&NegotiateRequest{Dialects: []Dialect{Dialect300}}).Append(sessHeader(CmdNegotiate, false)))
	f.Fuzz(func(t *testing.T, msg []byte) {
		m, err := DecodeNegotiateRequest(msg)
		if err != nil {
			return
		}
		// Whatever decodes re-encodes to the same message, up to the order
		// of the contexts.
		again, err := DecodeNegotiateRequest(m.Append(sessHeader(CmdNegotiate, false)))
		if err != nil {
			t.Fatalf("re-encoded %+v: %v", m, err)
		}
		m.ContextTypes, again.ContextTypes = nil, nil
		if !reflect.DeepEqual(m, again) {
			t.Fatalf("re-encoding changed\n%+v\ninto\n%+v", m, again)
		}
	})
}

func FuzzDecodeNegotiateResponse(f *testing.F) {
	f.Add(testNegotiateResponse().Append(sessHeader(CmdNegotiate, true)))
	m := testNegotiateResponse()
	m.DialectRevision = Dialect302
	f.Add(m.Append(sessHeader(CmdNegotiate, true)))
	f.Fuzz(func(t *testing.T, msg []byte) {
		m, err := DecodeNegotiateResponse(msg)
		if err != nil {
			return
		}
		again, err := DecodeNegotiateResponse(m.Append(sessHeader(CmdNegotiate, true)))
		if err != nil {
			t.Fatalf("re-encoded %+v: %v", m, err)
		}
		m.ContextTypes, again.ContextTypes = nil, nil
		if !reflect.DeepEqual(m, again) {
			t.Fatalf("re-encoding changed\n%+v\ninto\n%+v", m, again)
		}
	})
}

// A hostile server may send tens of thousands of contexts: duplicate
// detection stays linear, and every distinct unknown type is listed.
func TestNegotiateResponseManyContexts(t *testing.T) {
	m := &NegotiateResponse{DialectRevision: Dialect311}
	for typ := 0; typ < 1<<16; typ++ {
		switch uint16(typ) {
		case CtxPreauthIntegrity, CtxEncryption, CtxSigning, CtxPOSIX:
			continue
		}
		m.OtherContexts = append(m.OtherContexts, NegotiateContext{Type: uint16(typ)})
		m.ContextTypes = append(m.ContextTypes, uint16(typ))
	}
	msg := sessRoundTrip(t, CmdNegotiate, true, m, nil, (*NegotiateResponse).Append, DecodeNegotiateResponse)
	last := len(msg) - 8
	sessMalformed(t, "last context duplicated", sessPatch(msg, last, 0, 0), DecodeNegotiateResponse,
		"duplicated negotiate context type 0x0000")
}

// ParseDialect reads what String prints and "3.0", and nothing else.
func TestParseDialect(t *testing.T) {
	for _, d := range Dialects() {
		got, err := ParseDialect(d.String())
		if err != nil || got != d {
			t.Errorf("ParseDialect(%q) = %v, %v", d.String(), got, err)
		}
		if !d.Known() {
			t.Errorf("%v not Known", d)
		}
	}
	for s, want := range map[string]Dialect{"3.0": Dialect300, "3.0.0": Dialect300, "2.1": Dialect210} {
		if got, err := ParseDialect(s); err != nil || got != want {
			t.Errorf("ParseDialect(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	for _, s := range []string{"", "2.???", "3", "3.1", "3.11", "3.02", "0x0311", "3.1.1 ", "SMB3", "2.0"} {
		if d, err := ParseDialect(s); err == nil {
			t.Errorf("ParseDialect(%q) = %v, want an error", s, d)
		}
	}
	if DialectWildcard.Known() || Dialect(0x0312).Known() {
		t.Error("the wildcard or 0x0312 is Known")
	}
}

// ParseVers reads mount.cifs's vers= spellings and everything ParseDialect
// reads; a range ("3") and SMB1 are errors.
func TestParseVers(t *testing.T) {
	for _, d := range Dialects() {
		if got, err := ParseVers(d.String()); err != nil || got != d {
			t.Errorf("ParseVers(%q) = %v, %v", d.String(), got, err)
		}
	}
	for s, want := range map[string]Dialect{
		"2.0": Dialect202, "2.02": Dialect202, "2.1": Dialect210, "3.0": Dialect300,
		"3.02": Dialect302, "3.0.2": Dialect302, "3.11": Dialect311, "3.1.1": Dialect311,
	} {
		if got, err := ParseVers(s); err != nil || got != want {
			t.Errorf("ParseVers(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	for _, s := range []string{"", "1.0", "3", "3.1", "4", "3.11 ", "default", "0x0311"} {
		if d, err := ParseVers(s); err == nil {
			t.Errorf("ParseVers(%q) = %v, want an error", s, d)
		}
	}
}

// The identifiers print as the hardening file and `smb3fs check` name them.
func TestAlgorithmNames(t *testing.T) {
	for id, want := range map[CipherID]string{CipherNone: "none", CipherAES128CCM: "AES-128-CCM", CipherAES128GCM: "AES-128-GCM",
		CipherAES256CCM: "AES-256-CCM", CipherAES256GCM: "AES-256-GCM", 7: "cipher 0x0007"} {
		if id.String() != want {
			t.Errorf("CipherID(%d) = %q, want %q", uint16(id), id, want)
		}
	}
	for id, want := range map[SigningID]string{SigningHMACSHA256: "HMAC-SHA256", SigningAESCMAC: "AES-CMAC", SigningAESGMAC: "AES-GMAC", 3: "signing 0x0003"} {
		if id.String() != want {
			t.Errorf("SigningID(%d) = %q, want %q", uint16(id), id, want)
		}
	}
	for _, c := range Ciphers() {
		if k := c.KeySize(); k != 16 && k != 32 {
			t.Errorf("%v KeySize %d", c, k)
		}
	}
	if CipherNone.KeySize() != 0 || len(SigningAlgorithms()) != 3 {
		t.Error("CipherNone has a key size, or a signing algorithm is missing")
	}
}
