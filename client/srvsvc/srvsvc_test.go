package srvsvc

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// The BIND Windows and smbclient send for srvsvc (call 1, fragments of
// 4280 bytes), as captured in countless public traces: [C706] 12.6.4.3
// laid out by hand.
const bindHex = "05000b031000000048000000010000" + "00" +
	"b810b81000000000" + "01000000" +
	"00000100" + "c84f324b7016d30112785a47bf6ee188" + "03000000" +
	"045d888aeb1cc9119fe808002b104860" + "02000000"

func TestBindPDUVector(t *testing.T) {
	want, err := hex.DecodeString(bindHex)
	if err != nil {
		t.Fatal(err)
	}
	if got := bindPDU(1); !bytes.Equal(got, want) {
		t.Fatalf("bind\n got %x\nwant %x", got, want)
	}
}

// The NetrShareEnum level-1 request stub for \\dc1, laid out by hand from
// [MS-SRVS] 3.1.4.8 and [C706] 14.3.
func TestShareEnumRequestVector(t *testing.T) {
	want := "04000200" + // ServerName referent
		"06000000" + "00000000" + "06000000" + // max, offset, actual
		"5c005c00640063003100" + "0000" + // \\dc1 NUL
		"01000000" + "01000000" + // Level, switch
		"08000200" + // container referent
		"00000000" + "00000000" + // EntriesRead, null Buffer
		"ffffffff" + // PreferedMaximumLength
		"0c000200" + "00000000" // ResumeHandle
	if got := hex.EncodeToString(shareEnumRequest("dc1")); got != want {
		t.Fatalf("request\n got %s\nwant %s", got, want)
	}
}

// A BIND_ACK for srvsvc as Samba and Windows send it over \PIPE\srvsvc:
// fragments of 4280 bytes, secondary address "\PIPE\srvsvc" and one pad
// byte, NDR accepted ([C706] 12.6.4.4).
const bindAckHex = "05000c03100000004400000002000000" +
	"b810b810f01a0000" + "0d00" + "5c504950455c73727673766300" + "00" +
	"01000000" + "00000000" + "045d888aeb1cc9119fe808002b104860" + "02000000"

func TestBindAckVector(t *testing.T) {
	b, err := hex.DecodeString(bindAckHex)
	if err != nil {
		t.Fatal(err)
	}
	a, err := decodeBindAck(b, 2)
	if err != nil {
		t.Fatal(err)
	}
	want := bindAck{maxXmitFrag: 4280, maxRecvFrag: 4280, assocGroup: 0x1af0, secAddr: `\PIPE\srvsvc`, transfer: ndrSyntax}
	if a != want {
		t.Fatalf("got %+v want %+v", a, want)
	}
	if again := appendBindAck(nil, 2, a); !bytes.Equal(again, b) {
		t.Fatalf("re-encoded %x", again)
	}
}

func TestBindAckRoundTrip(t *testing.T) {
	a := bindAck{maxXmitFrag: 4280, maxRecvFrag: 4280, assocGroup: 0x1234, secAddr: `\PIPE\srvsvc`, transfer: ndrSyntax}
	for _, addr := range []string{`\PIPE\srvsvc`, "", "x", "ab"} {
		a.secAddr = addr
		got, err := decodeBindAck(appendBindAck(nil, 7, a), 7)
		if err != nil {
			t.Fatalf("%q: %v", addr, err)
		}
		if got != a {
			t.Fatalf("got %+v want %+v", got, a)
		}
	}
	if _, err := decodeBindAck(appendBindAck(nil, 7, a), 8); err == nil {
		t.Error("wrong call id accepted")
	}
	r := a
	r.result, r.reason = 2, 2
	if _, err := decodeBindAck(appendBindAck(nil, 7, r), 7); !errors.Is(err, ErrBindRefused) {
		t.Errorf("provider rejection: %v", err)
	}
	r = a
	r.transfer = srvsvcSyntax
	if _, err := decodeBindAck(appendBindAck(nil, 7, r), 7); err == nil {
		t.Error("wrong transfer syntax accepted")
	}
	nak := header{ptype: ptypeBindNak, flags: 3, fragLength: 18, callID: 7}.append(nil)
	nak = append(nak, 4, 0)
	if _, err := decodeBindAck(nak, 7); !errors.Is(err, ErrBindRefused) {
		t.Errorf("BIND_NAK: %v", err)
	}
}

func TestRequestRoundTrip(t *testing.T) {
	stub := shareEnumRequest("server")
	h, op, got, err := decodeRequest(requestPDU(9, opNetrShareEnum, stub))
	if err != nil || h.callID != 9 || op != opNetrShareEnum || !bytes.Equal(got, stub) {
		t.Fatalf("%+v %d %x %v", h, op, got, err)
	}
}

func TestResponseRoundTrip(t *testing.T) {
	fr, err := decodeResponse(responsePDU(3, pfcFirstFrag, 100, []byte{1, 2, 3}), 3)
	if err != nil || !fr.first || fr.last || fr.allocHint != 100 || !bytes.Equal(fr.stub, []byte{1, 2, 3}) {
		t.Fatalf("%+v %v", fr, err)
	}
	if _, err := decodeResponse(responsePDU(3, 3, 0, nil), 4); err == nil {
		t.Error("wrong call id accepted")
	}
	var fe *FaultError
	if _, err := decodeResponse(faultPDU(3, 0x1c010002), 3); !errors.As(err, &fe) || fe.Status != 0x1c010002 {
		t.Errorf("fault: %v", err)
	}
	pdu := responsePDU(3, 3, 0, nil)
	pdu[10] = 8 // auth_length
	if _, err := decodeResponse(pdu, 3); err == nil {
		t.Error("auth verifier accepted")
	}
	pdu = responsePDU(3, 3, 0, nil)
	pdu[8]++ // frag_length
	if _, err := decodeResponse(pdu, 3); err == nil {
		t.Error("frag_length mismatch accepted")
	}
}

var testShares = []Share{
	{Name: "secure", Type: TypeDisk, Comment: "encrypted"},
	{Name: "IPC$", Type: TypeIPC | TypeSpecial, Comment: "IPC Service (Samba 4.19)"},
	{Name: "prn", Type: TypePrintQ, Comment: ""},
	{Name: "ünïcødé 𝄞", Type: TypeDisk, Comment: "odd length"},
}

func TestShareEnumResponseRoundTrip(t *testing.T) {
	for _, want := range [][]Share{testShares, {}, testShares[:1]} {
		got, err := decodeShareEnumResponse(shareEnumResponse(want, 0))
		if err != nil {
			t.Fatal(err)
		}
		if len(want) == 0 && len(got) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("got %+v\nwant %+v", got, want)
		}
	}
	var se *StatusError
	if _, err := decodeShareEnumResponse(shareEnumResponse(nil, 5)); !errors.As(err, &se) || se.Status != 5 {
		t.Errorf("access denied: %v", err)
	}
	if _, err := decodeShareEnumResponse(shareEnumResponse(testShares, 234)); !errors.Is(err, errMoreData) {
		t.Errorf("more data: %v", err)
	}
	b := shareEnumResponse(testShares, 0)
	for i := range b {
		if _, err := decodeShareEnumResponse(b[:i]); err == nil {
			t.Fatalf("truncated to %d bytes: accepted", i)
		}
	}
	if _, err := decodeShareEnumResponse(append(b, 0, 0, 0, 0)); err == nil {
		t.Error("trailing bytes accepted")
	}
}

func TestShareEnumResponseBounds(t *testing.T) {
	long := Share{Name: strings.Repeat("a", maxStringUnits)}
	if _, err := decodeShareEnumResponse(shareEnumResponse([]Share{long}, 0)); err == nil {
		t.Error("name over the limit accepted") // with its NUL it has maxStringUnits+1
	}
	many := make([]Share, MaxShares+1)
	if _, err := decodeShareEnumResponse(shareEnumResponse(many, 0)); err == nil {
		t.Error("too many shares accepted")
	}
	// A count that promises more than the stub holds fails before
	// allocating.
	b := shareEnumResponse(nil, 0)
	hostile := append([]byte{}, b[:12]...)
	hostile = append(hostile, 0xff, 0x0f, 0, 0, 4, 0, 2, 0, 0xff, 0x0f, 0, 0)
	if _, err := decodeShareEnumResponse(hostile); err == nil {
		t.Error("hostile count accepted")
	}
}

// fakePipe answers as a srvsvc server would: BIND_ACK, then the response
// cut into fragments of frag bytes of stub, delivered split across reads
// of at most chunk bytes (0: one PDU per read).
type fakePipe struct {
	t      *testing.T
	shares []Share
	frag   int
	chunk  int
	fault  uint32
	out    []byte
	server string
}

func (p *fakePipe) Write(_ context.Context, b []byte) error {
	h, err := decodeHeader(b)
	if err != nil {
		p.t.Fatalf("client sent a bad PDU: %v", err)
	}
	switch h.ptype {
	case ptypeBind:
		if !bytes.Equal(b, bindPDU(h.callID)) {
			p.t.Fatalf("bind %x", b)
		}
		p.out = appendBindAck(p.out, h.callID, bindAck{maxXmitFrag: maxFrag, maxRecvFrag: maxFrag, secAddr: `\PIPE\srvsvc`, transfer: ndrSyntax})
	case ptypeRequest:
		_, op, stub, err := decodeRequest(b)
		if err != nil || op != opNetrShareEnum || !bytes.Equal(stub, shareEnumRequest(p.server)) {
			p.t.Fatalf("request op %d %x: %v", op, stub, err)
		}
		if p.fault != 0 {
			p.out = append(p.out, faultPDU(h.callID, p.fault)...)
			return nil
		}
		resp := shareEnumResponse(p.shares, 0)
		for off := 0; off < len(resp) || off == 0; off += p.frag {
			end := min(off+p.frag, len(resp))
			var flags uint8
			if off == 0 {
				flags |= pfcFirstFrag
			}
			if end == len(resp) {
				flags |= pfcLastFrag
			}
			p.out = append(p.out, responsePDU(h.callID, flags, uint32(len(resp)-off), resp[off:end])...)
			if end == len(resp) {
				break
			}
		}
	default:
		p.t.Fatalf("client sent PDU type %d", h.ptype)
	}
	return nil
}

func (p *fakePipe) Read(_ context.Context, b []byte) (int, error) {
	if len(p.out) == 0 {
		return 0, errors.New("nothing to read")
	}
	n := fragLength(p.out)
	if p.chunk != 0 {
		n = min(p.chunk, len(p.out))
	}
	n = copy(b, p.out[:n])
	p.out = p.out[n:]
	return n, nil
}

func TestListPipe(t *testing.T) {
	for _, c := range []struct{ frag, chunk int }{{4000, 0}, {8, 0}, {12, 5}, {4000, 1000}, {4000, 100000}} {
		p := &fakePipe{t: t, shares: testShares, frag: c.frag, chunk: c.chunk, server: "dc1"}
		got, err := ListPipe(context.Background(), p, "dc1")
		if err != nil {
			t.Fatalf("%+v: %v", c, err)
		}
		if !reflect.DeepEqual(got, testShares) {
			t.Fatalf("%+v: got %+v", c, got)
		}
	}
	p := &fakePipe{t: t, fault: 0x1c010002, frag: 4000, server: "dc1"}
	var fe *FaultError
	if _, err := ListPipe(context.Background(), p, "dc1"); !errors.As(err, &fe) {
		t.Errorf("fault: %v", err)
	}
}

func TestTypeName(t *testing.T) {
	for s, want := range map[Share]string{
		{Type: TypeDisk}: "Disk", {Type: TypeIPC | TypeSpecial}: "IPC",
		{Type: TypePrintQ}: "Printer", {Type: TypeDevice}: "Device", {Type: 9}: "0x9",
	} {
		if got := s.TypeName(); got != want {
			t.Errorf("%x: %s, want %s", s.Type, got, want)
		}
	}
}

func FuzzDecodeBindAck(f *testing.F) {
	f.Add(appendBindAck(nil, 1, bindAck{maxXmitFrag: 4280, maxRecvFrag: 4280, secAddr: `\PIPE\srvsvc`, transfer: ndrSyntax}))
	f.Fuzz(func(t *testing.T, b []byte) {
		if a, err := decodeBindAck(b, 1); err == nil {
			if again, err := decodeBindAck(appendBindAck(nil, 1, a), 1); err != nil || again != a {
				t.Fatalf("re-encoding %+v: %+v %v", a, again, err)
			}
		}
	})
}

func FuzzDecodeResponse(f *testing.F) {
	f.Add(responsePDU(2, 3, 10, []byte("0123456789")))
	f.Add(faultPDU(2, 5))
	f.Fuzz(func(t *testing.T, b []byte) {
		if fr, err := decodeResponse(b, 2); err == nil {
			var flags uint8
			if fr.first {
				flags |= pfcFirstFrag
			}
			if fr.last {
				flags |= pfcLastFrag
			}
			if _, err := decodeResponse(responsePDU(2, flags, fr.allocHint, fr.stub), 2); err != nil {
				t.Fatal(err)
			}
		}
	})
}

func FuzzDecodeRequest(f *testing.F) {
	f.Add(requestPDU(2, opNetrShareEnum, shareEnumRequest("dc1")))
	f.Fuzz(func(t *testing.T, b []byte) {
		if h, op, stub, err := decodeRequest(b); err == nil {
			if again := requestPDU(h.callID, op, stub); len(again) != len(b) {
				t.Fatalf("re-encoded %d bytes from %d", len(again), len(b))
			}
		}
	})
}

func FuzzDecodeShareEnumResponse(f *testing.F) {
	f.Add(shareEnumResponse(testShares, 0))
	f.Add(shareEnumResponse(nil, 0))
	f.Add(shareEnumResponse(nil, 5))
	f.Fuzz(func(t *testing.T, b []byte) {
		shares, err := decodeShareEnumResponse(b)
		if err != nil {
			return
		}
		if len(shares) > MaxShares {
			t.Fatalf("%d shares", len(shares))
		}
		again, err := decodeShareEnumResponse(shareEnumResponse(shares, 0))
		if err != nil || len(again) != len(shares) {
			t.Fatalf("re-encoding: %d shares, %v", len(again), err)
		}
	})
}

func FuzzPDUReader(f *testing.F) {
	f.Add(append(bindPDU(1), responsePDU(2, 3, 0, nil)...), 5)
	f.Fuzz(func(t *testing.T, b []byte, chunk int) {
		if chunk <= 0 {
			chunk = 1
		}
		p := &bytesPipe{b: b, chunk: chunk}
		rd := &pduReader{p: p}
		for range 100 {
			pdu, err := rd.next(context.Background())
			if err != nil {
				return
			}
			if len(pdu) < headerSize || fragLength(pdu) != len(pdu) {
				t.Fatalf("PDU of %d bytes", len(pdu))
			}
		}
	})
}

// bytesPipe returns b in reads of chunk bytes.
type bytesPipe struct {
	b     []byte
	chunk int
}

func (p *bytesPipe) Write(context.Context, []byte) error { return nil }
func (p *bytesPipe) Read(_ context.Context, b []byte) (int, error) {
	if len(p.b) == 0 {
		return 0, errors.New("end")
	}
	n := copy(b, p.b[:min(p.chunk, len(p.b))])
	p.b = p.b[n:]
	return n, nil
}
