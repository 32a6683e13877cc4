package auth

import (
	"bytes"
	"encoding/asn1"
	"encoding/hex"
	"os"
	"reflect"
	"strings"
	"testing"
)

// sambaNTLMOnlyHint is the SMB2 NEGOTIATE security buffer of a Samba file
// server without Kerberos: NegTokenInit2 { mechTypes [NTLMSSP], negHints
// { hintName "not_defined_in_RFC4178@please_ignore" } }.
var sambaNTLMOnlyHint = unhex("604806062b0601050502a03e303ca00e300c060a2b06010401823702020a" +
	"a32a3028a0261b246e6f745f646566696e65645f696e5f5246433431373840706c656173655f69676e6f7265")

// readHexFile reads a testdata file of hex with '#' comment lines.
func readHexFile(t *testing.T, name string) []byte {
	t.Helper()
	raw, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var h strings.Builder
	for _, line := range strings.Split(string(raw), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			h.WriteString(strings.ReplaceAll(line, " ", ""))
		}
	}
	b, err := hex.DecodeString(h.String())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// buildHint builds a NegTokenInit2 the way Samba's smbd does
// (gensec_spnego_create_negTokenInit): mechTypes and a negHints hintName.
func buildHint(mechs ...asn1.ObjectIdentifier) []byte {
	name := appendDER(nil, 0x1b, []byte("not_defined_in_RFC4178@please_ignore"))
	hints := appendDER(nil, idSequence, appendDER(nil, idContext(0), name))
	body := appendDER(nil, idContext(0), encodeMechTypeList(mechs))
	body = appendDER(body, idContext(3), hints)
	return wrapGSS(oidSPNEGO, appendDER(nil, idContext(0), appendDER(nil, idSequence, body)))
}

func TestServerHints(t *testing.T) {
	dcHint := readHexFile(t, "samba-dc-negotiate-secbuf.hex")
	for _, tc := range []struct {
		name  string
		hint  []byte
		mechs []asn1.ObjectIdentifier
	}{
		{"Samba without Kerberos", sambaNTLMOnlyHint, []asn1.ObjectIdentifier{oidNTLMSSP}},
		{"Samba AD DC (captured)", dcHint, []asn1.ObjectIdentifier{oidMSKRB5, oidKRB5, oidNTLMSSP}},
		{"with NEGOEX (hand-built)", buildHint(oidNEGOEX, oidMSKRB5, oidKRB5, oidNTLMSSP), []asn1.ObjectIdentifier{oidNEGOEX, oidMSKRB5, oidKRB5, oidNTLMSSP}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h, err := parseServerHint(tc.hint)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(h.MechTypes, tc.mechs) || !h.HasNegHints || h.MechToken != nil {
				t.Errorf("hint %+v", h)
			}
			if got := buildHint(tc.mechs...); !bytes.Equal(got, tc.hint) {
				t.Errorf("re-encoded hint differs:\n got %x\nwant %x", got, tc.hint)
			}
		})
	}
}

func TestNegTokenInitRoundTrip(t *testing.T) {
	for _, mechs := range [][]asn1.ObjectIdentifier{
		{oidKRB5}, {oidNTLMSSP}, {oidMSKRB5, oidKRB5, oidNTLMSSP},
	} {
		for _, tok := range [][]byte{nil, {1}, bytes.Repeat([]byte{0xab}, 300), bytes.Repeat([]byte{0xcd}, 70000)} {
			mt := encodeMechTypeList(mechs)
			enc := wrapGSS(oidSPNEGO, encodeNegTokenInit(mt, tok))
			oid, inner, err := unwrapGSS(enc)
			if err != nil || !oid.Equal(oidSPNEGO) {
				t.Fatalf("unwrap: %v %v", oid, err)
			}
			d, err := decodeNegTokenInit(inner)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(d.MechTypes, mechs) || !bytes.Equal(d.mechTypesDER, mt) || !bytes.Equal(d.MechToken, tok) {
				t.Errorf("round trip of %v / %d-byte token: %+v", mechs, len(tok), d)
			}
		}
	}
}

func TestNegTokenRespRoundTrip(t *testing.T) {
	for _, r := range []*negTokenResp{
		{NegState: negStateAbsent},
		{NegState: negStateAcceptCompleted},
		{NegState: negStateAcceptIncomplete, SupportedMech: oidNTLMSSP, ResponseToken: []byte("challenge")},
		{NegState: negStateReject},
		{NegState: negStateRequestMIC, SupportedMech: oidKRB5, ResponseToken: bytes.Repeat([]byte{1}, 200), MechListMIC: []byte("mic")},
		{NegState: negStateAbsent, MechListMIC: bytes.Repeat([]byte{2}, 28)},
	} {
		d, err := decodeNegTokenResp(encodeNegTokenResp(r))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(d, r) {
			t.Errorf("round trip\n got %+v\nwant %+v", d, r)
		}
	}
}

// A NegTokenResp as Windows sends it (RFC 4178 encoding by hand):
// accept-completed, supportedMech NTLMSSP, mechListMIC of 16 bytes.
func TestDecodeNegTokenRespKnownBytes(t *testing.T) {
	b := unhex("a1 29 30 27 a0 03 0a 01 00 a1 0c 06 0a 2b 06 01 04 01 82 37 02 02 0a" +
		" a3 12 04 10 01 00 00 00 00 11 22 33 44 55 66 77 00 00 00 00")
	r, err := decodeNegTokenResp(b)
	if err != nil {
		t.Fatal(err)
	}
	if r.NegState != negStateAcceptCompleted || !r.SupportedMech.Equal(oidNTLMSSP) || r.ResponseToken != nil || len(r.MechListMIC) != 16 {
		t.Errorf("%+v", r)
	}
	if !bytes.Equal(encodeNegTokenResp(r), b) {
		t.Error("re-encoding differs")
	}
}

func TestDecodeNegTokenRespRejects(t *testing.T) {
	ok := encodeNegTokenResp(&negTokenResp{NegState: negStateAcceptIncomplete, SupportedMech: oidKRB5, ResponseToken: []byte("t")})
	for _, tc := range []struct {
		name string
		b    string
	}{
		{"empty", ""},
		{"trailing byte", hex.EncodeToString(ok) + "00"},
		{"truncated", hex.EncodeToString(ok[:len(ok)-1])},
		{"NegTokenInit", "a0 02 30 00"},
		{"GSS-wrapped", hex.EncodeToString(wrapGSS(oidSPNEGO, ok))},
		{"negState 4", "a1 07 30 05 a0 03 0a 01 04"},
		{"negState -1", "a1 07 30 05 a0 03 0a 01 ff"},
		{"negState as INTEGER", "a1 07 30 05 a0 03 02 01 00"},
		{"negState twice", "a1 0c 30 0a a0 03 0a 01 00 a0 03 0a 01 01"},
		{"fields out of order", "a1 0c 30 0a a2 03 04 01 41 a0 03 0a 01 01"},
		{"unknown field [4]", "a1 07 30 05 a4 03 04 01 41"},
		{"primitive context tag", "a1 05 30 03 82 01 41"},
		{"constructed OCTET STRING", "a1 09 30 07 a2 05 24 03 04 01 41"},
		{"two values in a field", "a1 0a 30 08 a2 06 04 01 41 04 01 42"},
		{"indefinite length", "a1 80 30 00 00 00"},
		{"non-minimal length", "a1 81 02 30 00"},
		{"length past end", "a1 05 30 03 a2 09"},
		{"5-byte length", "a1 85 00 00 00 00 02 30 00"},
		{"high tag number", "bf 1f 02 30 00"},
		{"bad OID", "a1 06 30 04 a1 02 06 00"},
		{"not a SEQUENCE", "a1 02 31 00"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if r, err := decodeNegTokenResp(unhex(tc.b)); err == nil {
				t.Errorf("accepted: %+v", r)
			}
		})
	}
}

func TestDecodeNegTokenInitRejects(t *testing.T) {
	mt := hex.EncodeToString(appendDER(nil, idContext(0), encodeMechTypeList([]asn1.ObjectIdentifier{oidKRB5})))
	for _, tc := range []struct {
		name string
		body string // SEQUENCE content
	}{
		{"empty mechTypes", "a0 02 30 00"},
		{"mechTypes twice", mt + mt},
		{"mechToken before mechTypes", "a2 03 04 01 41" + mt},
		{"unknown field", mt + "a5 03 04 01 41"},
		{"mechType not an OID", "a0 05 30 03 04 01 41"},
		{"reqFlags not a BIT STRING", mt + "a1 03 04 01 00"},
		{"two mechListMICs", mt + "a3 03 04 01 41 a4 03 04 01 42"},
		{"negHints bad field", mt + "a3 07 30 05 a2 03 04 01 41"},
		{"negHints name not GeneralString", mt + "a3 07 30 05 a0 03 04 01 41"},
		{"field [3] INTEGER", mt + "a3 03 02 01 01"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := unhex(tc.body)
			b := appendDER(nil, idContext(0), appendDER(nil, idSequence, body))
			if r, err := decodeNegTokenInit(b); err == nil {
				t.Errorf("accepted: %+v", r)
			}
		})
	}
	if _, err := parseServerHint(wrapGSS(oidKRB5, unhex("a0 02 30 00"))); err == nil {
		t.Error("hint with the Kerberos OID accepted")
	}
}

func TestUnwrapGSSRejects(t *testing.T) {
	for _, tc := range []struct{ name, b string }{
		{"empty", ""},
		{"not application 0", "61 03 06 01 00"},
		{"primitive", "40 03 06 01 2a"},
		{"no OID", "60 03 04 01 00"},
		{"OID only", "60 08 06 06 2b 06 01 05 05 02"},
		{"trailing", "60 09 06 06 2b 06 01 05 05 02 a0 00"},
		{"bad OID", "60 04 06 00 a0 00"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, _, err := unwrapGSS(unhex(tc.b)); err == nil {
				t.Error("accepted")
			}
		})
	}
}
