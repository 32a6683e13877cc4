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

// The BIND for srvsvc (call 1, fragments of 4280 bytes), laid out from
// [C706] 12.6.4.3; Samba 4.17's decoder (ndr_unpack of
// samba.dcerpc.dcerpc.ncacn_packet) reads it as a BIND of srvsvc 3.0 over
// NDR 2.0 with those fragment sizes.
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

// NetrShareEnum level 1 for \\dc1, as Samba 4.17's own marshaller
// encodes it: ndr_pack_in and ndr_pack_out of samba.dcerpc.srvsvc's
// NetShareEnumAll (opnum 15) in Samba's Python bindings.
const (
	sambaRequestHex = "000002000600000000000000060000005c005c0064006300310000000100000001000000040002000000000000000000ffffffff0800020000000000"
	// Three shares: secure (Disk, "encrypted"), IPC$ (IPC|special,
	// "IPC Service (Samba 4.17.12-Debian)"), users (Disk, "").
	sambaEnumResponseHex = "01000000010000000000020003000000040002000300000008000200000000000c00020010000200030000801400020018000200000000001c0002000700000000000000070000007300650063007500720065000000" +
		"00000a000000000000000a00000065006e00630072007900700074006500640000000500000000000000050000004900500043002400000000002300000000000000230000004900500043002000530065007200760069006300650020002800530061006d0062006100200034002e00310037002e00310032002d00440065006200690061006e0029000000" +
		"00000600000000000000060000007500730065007200730000000100000000000000010000000000000003000000200002000000000000000000"
)

func TestShareEnumRequestVector(t *testing.T) {
	if got := hex.EncodeToString(shareEnumRequest("dc1")); got != sambaRequestHex {
		t.Fatalf("request\n got %s\nwant %s", got, sambaRequestHex)
	}
}

func TestShareEnumResponseVector(t *testing.T) {
	b, err := hex.DecodeString(sambaEnumResponseHex)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeShareEnumResponse(b)
	if err != nil {
		t.Fatal(err)
	}
	want := []Share{
		{Name: "secure", Type: TypeDisk, Comment: "encrypted"},
		{Name: "IPC$", Type: TypeIPC | TypeSpecial, Comment: "IPC Service (Samba 4.17.12-Debian)"},
		{Name: "users", Type: TypeDisk, Comment: ""},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
	// Our encoder writes the same bytes: the round trip is pinned to
	// Samba's marshaller, not only to itself.
	if again := shareEnumResponse(want, 0); !bytes.Equal(again, b) {
		t.Fatalf("re-encoded\n%x\nwant\n%x", again, b)
	}
}

// PDUs as Samba 4.17's marshaller encodes them (ndr_pack of
// samba.dcerpc.dcerpc.ncacn_packet): a BIND_ACK for srvsvc over
// \PIPE\srvsvc (secondary address, one pad byte, NDR accepted), a
// RESPONSE fragment with a 4-byte stub, and a FAULT
// nca_s_fault_op_rng_error. Samba's decoder reads bindHex as a BIND of
// srvsvc 3.0 over NDR 2.0.
const (
	sambaBindAckHex  = "05000c03100000004400000001000000b810b810f05300000d005c504950455c73727673766300000100000000000000045d888aeb1cc9119fe808002b10486002000000"
	sambaResponseHex = "05000203100000001c00000002000000040000000000000001020304"
	sambaFaultHex    = "0500030310000000200000000200000000000000000000000200011c00000000"
)

func TestBindAckVector(t *testing.T) {
	b, err := hex.DecodeString(sambaBindAckHex)
	if err != nil {
		t.Fatal(err)
	}
	a, err := decodeBindAck(b, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := bindAck{maxXmitFrag: 4280, maxRecvFrag: 4280, assocGroup: 0x53f0, secAddr: `\PIPE\srvsvc`, transfer: ndrSyntax}
	if a != want {
		t.Fatalf("got %+v want %+v", a, want)
	}
	if again := appendBindAck(nil, 1, a); !bytes.Equal(again, b) {
		t.Fatalf("re-encoded %x", again)
	}
}

func TestResponseVectors(t *testing.T) {
	b, _ := hex.DecodeString(sambaResponseHex)
	fr, err := decodeResponse(b, 2)
	if err != nil || !fr.first || !fr.last || fr.allocHint != 4 || !bytes.Equal(fr.stub, []byte{1, 2, 3, 4}) {
		t.Fatalf("response %+v %v", fr, err)
	}
	if again := responsePDU(2, 3, 4, fr.stub); !bytes.Equal(again, b) {
		t.Fatalf("re-encoded %x", again)
	}
	b, _ = hex.DecodeString(sambaFaultHex)
	var fe *FaultError
	if _, err := decodeResponse(b, 2); !errors.As(err, &fe) || fe.Status != 0x1c010002 {
		t.Fatalf("fault: %v", err)
	}
	if again := faultPDU(2, 0x1c010002); !bytes.Equal(again, b) {
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
