package wire

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestEchoCancelRoundTrip(t *testing.T) {
	msg := sessRoundTrip(t, CmdEcho, false, &EchoRequest{}, nil, (*EchoRequest).Append, DecodeEchoRequest)
	sessTruncations(t, msg, DecodeEchoRequest)
	sessMalformed(t, "echo StructureSize", sessPatch(msg, 64, 3), DecodeEchoRequest, "StructureSize 3")
	msg = sessRoundTrip(t, CmdEcho, true, &EchoResponse{}, nil, (*EchoResponse).Append, DecodeEchoResponse)
	sessTruncations(t, msg, DecodeEchoResponse)
	sessMalformed(t, "echo response StructureSize", sessPatch(msg, 65, 1), DecodeEchoResponse, "StructureSize 260")
	msg = sessRoundTrip(t, CmdCancel, false, &CancelRequest{}, nil, (*CancelRequest).Append, DecodeCancelRequest)
	if !bytes.Equal(msg[HeaderSize:], []byte{4, 0, 0, 0}) {
		t.Errorf("cancel body % x", msg[HeaderSize:])
	}
	sessTruncations(t, msg, DecodeCancelRequest)
	sessMalformed(t, "cancel StructureSize", sessPatch(msg, 64, 9), DecodeCancelRequest, "StructureSize 9")
}

func TestErrorResponseRoundTrip(t *testing.T) {
	// ByteCount 0 is sent with one pad byte: StructureSize 9 counts it.
	msg := sessRoundTrip(t, CmdCreate, true, &ErrorResponse{}, nil, (*ErrorResponse).Append, DecodeErrorResponse)
	if want := []byte{9, 0, 0, 0, 0, 0, 0, 0, 0}; !bytes.Equal(msg[HeaderSize:], want) {
		t.Errorf("empty error body % x, want % x", msg[HeaderSize:], want)
	}
	// The pad byte is not demanded on receipt.
	sessTruncations(t, msg, DecodeErrorResponse, len(msg)-1)

	m := &ErrorResponse{ErrorData: []byte{0x10, 0, 0, 0}} // STATUS_BUFFER_TOO_SMALL: required length
	msg = sessRoundTrip(t, CmdIoctl, true, m, nil, (*ErrorResponse).Append, DecodeErrorResponse)
	sessTruncations(t, msg, DecodeErrorResponse)

	m = &ErrorResponse{ErrorContextCount: 2, ErrorData: AppendErrorContexts(nil, []ErrorContext{
		{ErrorID: ErrorIDDefault, Data: []byte{1, 2, 3}},
		{ErrorID: ErrorIDShareRedirect, Data: []byte{4}},
	})}
	msg = sessRoundTrip(t, CmdTreeConnect, true, m, nil, (*ErrorResponse).Append, DecodeErrorResponse)
	sessTruncations(t, msg, DecodeErrorResponse)
}

func TestErrorResponseSamba(t *testing.T) {
	raw := fixture(t, sessionCaptures, "error-bad-network-name")
	h, err := DecodeHeader(raw)
	if err != nil || h.Status != StatusBadNetworkName || h.Status.String() != "STATUS_BAD_NETWORK_NAME" {
		t.Fatalf("header %+v, %v", h, err)
	}
	m, err := DecodeErrorResponse(raw)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m, &ErrorResponse{}) {
		t.Errorf("decoded %+v", m)
	}
	if again := m.Append(bytes.Clone(raw[:HeaderSize])); !bytes.Equal(again, raw) {
		t.Errorf("re-encoded error response differs:\n% x\nwant\n% x", again, raw)
	}
	sessTruncations(t, raw, DecodeErrorResponse, len(raw)-1)
}

func TestErrorResponseMalformed(t *testing.T) {
	good := (&ErrorResponse{ErrorData: []byte("data")}).Append(sessHeader(CmdCreate, true))
	sessMalformed(t, "StructureSize", sessPatch(good, 64, 8), DecodeErrorResponse, "StructureSize 8")
	sessMalformed(t, "ByteCount outside", sessPatch(good, 68, 5), DecodeErrorResponse, "ErrorData")
	sessMalformed(t, "ByteCount huge", sessPatch(good, 68, 0xff, 0xff, 0xff, 0xff), DecodeErrorResponse, "ErrorData")
}

func TestErrorContextsMalformed(t *testing.T) {
	data := AppendErrorContexts(nil, []ErrorContext{{Data: []byte{1, 2, 3}}, {ErrorID: 7, Data: []byte{4, 5}}})
	// Layout: context 0 at 0 (11 bytes), padding, context 1 at 16 (10 bytes).
	if len(data) != 26 || sessU32(data[16:]) != 2 {
		t.Fatalf("unexpected layout % x", data)
	}
	m := &ErrorResponse{ErrorContextCount: 2, ErrorData: data}
	ctxs, err := m.Contexts()
	if err != nil || len(ctxs) != 2 || ctxs[1].ErrorID != 7 || !bytes.Equal(ctxs[0].Data, []byte{1, 2, 3}) {
		t.Fatalf("contexts %+v, %v", ctxs, err)
	}
	for _, tc := range []struct {
		name  string
		count uint8
		data  []byte
		sub   string
	}{
		{"count too large", 3, data, "ErrorDataLength"},
		{"length outside", 2, sessPatch(data, 16, 3), "ErrorContextData"},
		{"length huge", 2, sessPatch(data, 0, 0xff, 0xff, 0xff, 0xff), "ErrorContextData"},
		{"trailing bytes", 1, data, "bytes after 1 contexts"},
		{"truncated header", 2, data[:20], "ErrorId"},
	} {
		m := &ErrorResponse{ErrorContextCount: tc.count, ErrorData: tc.data}
		_, err := m.Contexts()
		if err == nil || !strings.Contains(err.Error(), tc.sub) {
			t.Errorf("%s: error %v, want one mentioning %q", tc.name, err, tc.sub)
		}
	}
	if ctxs, err := (&ErrorResponse{}).Contexts(); ctxs != nil || err != nil {
		t.Errorf("no contexts: %+v, %v", ctxs, err)
	}
}

func testSymlinkError() *SymlinkError {
	return &SymlinkError{
		UnparsedPathLength: 10,
		SubstituteName:     `\??\C:\target dir`,
		PrintName:          `C:\target dir`,
	}
}

func TestSymlinkErrorRoundTrip(t *testing.T) {
	m := testSymlinkError()
	data := m.Append(nil)
	got, err := DecodeSymlinkError(data)
	if err != nil || !reflect.DeepEqual(got, m) {
		t.Fatalf("round trip: %+v, %v", got, err)
	}
	if sessU32(data) != uint32(len(data)-4) || sessU16(data[12:]) != uint16(len(data)-16) {
		t.Errorf("SymLinkLength %d ReparseDataLength %d for %d bytes", sessU32(data), sessU16(data[12:]), len(data))
	}
	for n := 0; n < len(data); n++ {
		if _, err := DecodeSymlinkError(data[:n:n]); err == nil {
			t.Errorf("truncated to %d bytes: no error", n)
		}
	}

	// Relative link, empty print name, padding after the structure.
	m = &SymlinkError{SubstituteName: `..\x`, Flags: SymlinkFlagRelative}
	got, err = DecodeSymlinkError(append(m.Append(nil), 0, 0, 0))
	if err != nil || !reflect.DeepEqual(got, m) {
		t.Fatalf("relative link: %+v, %v", got, err)
	}
}

// Through an ERROR response, before 3.1.1 (ErrorData is the structure) and
// in 3.1.1 (one default error context holds it), as smbd sends them.
func TestErrorResponseSymlink(t *testing.T) {
	want := testSymlinkError()
	plain := &ErrorResponse{ErrorData: want.Append(nil)}
	withCtx := &ErrorResponse{ErrorContextCount: 1, ErrorData: AppendErrorContexts(nil, []ErrorContext{{Data: want.Append(nil)}})}
	for name, m := range map[string]*ErrorResponse{"plain": plain, "context": withCtx} {
		msg := m.Append(sessHeader(CmdCreate, true))
		e, err := DecodeErrorResponse(msg)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, err := e.SymlinkError()
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %+v, %v", name, got, err)
		}
	}

	two := &ErrorResponse{ErrorContextCount: 2, ErrorData: AppendErrorContexts(nil, []ErrorContext{
		{Data: want.Append(nil)}, {Data: want.Append(nil)},
	})}
	if _, err := two.SymlinkError(); err == nil || !strings.Contains(err.Error(), "2 default error contexts") {
		t.Errorf("two default contexts: %v", err)
	}
	redirect := &ErrorResponse{ErrorContextCount: 1, ErrorData: AppendErrorContexts(nil, []ErrorContext{
		{ErrorID: ErrorIDShareRedirect, Data: want.Append(nil)},
	})}
	if _, err := redirect.SymlinkError(); err == nil {
		t.Errorf("no default context: no error")
	}
	if _, err := (&ErrorResponse{}).SymlinkError(); err == nil {
		t.Errorf("empty ErrorData: no error")
	}
}

func TestSymlinkErrorMalformed(t *testing.T) {
	good := testSymlinkError().Append(nil)
	// Offsets: SymLinkLength 0, tag 4, ReparseTag 8, ReparseDataLength 12,
	// UnparsedPathLength 14, SubstituteNameOffset 16, SubstituteNameLength 18,
	// PrintNameOffset 20, PrintNameLength 22, Flags 24, PathBuffer 28.
	for _, tc := range []struct {
		name string
		data []byte
		sub  string
	}{
		{"SymLinkLength beyond data", sessPatch(good, 0, byte(len(good)-3)), "SymLinkLength"},
		{"SymLinkLength huge", sessPatch(good, 0, 0xff, 0xff, 0xff, 0xff), "SymLinkLength"},
		{"SymLinkLength short", sessPatch(good, 0, 20), "Flags"},
		{"bad tag", sessPatch(good, 4, 'X'), "SymLinkErrorTag"},
		{"bad reparse tag", sessPatch(good, 8, 3), "ReparseTag 0xA0000003"},
		{"ReparseDataLength small", sessPatch(good, 12, 11, 0), "ReparseDataLength 11"},
		{"ReparseDataLength beyond", sessPatch(good, 12, byte(len(good)-15)), "PathBuffer"},
		{"substitute outside", sessPatch(good, 16, 40), "SubstituteName"},
		{"substitute odd", sessPatch(good, 18, 5), "SubstituteName: odd length 5"},
		{"print outside", sessPatch(good, 22, 0xfe), "PrintName: 254 bytes"},
		{"print offset huge", sessPatch(good, 20, 0xff, 0xff), "PrintName"},
	} {
		_, err := DecodeSymlinkError(tc.data)
		if err == nil || !strings.Contains(err.Error(), tc.sub) {
			t.Errorf("%s: error %v, want one mentioning %q", tc.name, err, tc.sub)
		}
	}
}

func FuzzDecodeErrorResponse(f *testing.F) {
	f.Add((&ErrorResponse{}).Append(sessHeader(CmdCreate, true)))
	f.Add((&ErrorResponse{ErrorData: testSymlinkError().Append(nil)}).Append(sessHeader(CmdCreate, true)))
	f.Add((&ErrorResponse{ErrorContextCount: 1, ErrorData: AppendErrorContexts(nil, []ErrorContext{
		{Data: testSymlinkError().Append(nil)},
	})}).Append(sessHeader(CmdCreate, true)))
	f.Fuzz(func(t *testing.T, msg []byte) {
		m, err := DecodeErrorResponse(msg)
		if err != nil {
			return
		}
		again, err := DecodeErrorResponse(m.Append(sessHeader(CmdCreate, true)))
		if err != nil || !reflect.DeepEqual(m, again) {
			t.Fatalf("re-encoding %+v gave %+v, %v", m, again, err)
		}
		if ctxs, err := m.Contexts(); err == nil && len(ctxs) > 0 {
			if b := AppendErrorContexts(nil, ctxs); len(b) > len(m.ErrorData) {
				t.Fatalf("contexts re-encoded to %d bytes from %d", len(b), len(m.ErrorData))
			}
		}
		m.SymlinkError() // must not panic
	})
}

func FuzzDecodeSymlinkError(f *testing.F) {
	f.Add(testSymlinkError().Append(nil))
	f.Add((&SymlinkError{SubstituteName: "x", Flags: 1}).Append(nil))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := DecodeSymlinkError(data)
		if err != nil {
			return
		}
		if 28+UTF16Len(m.SubstituteName)+UTF16Len(m.PrintName) > 0xffff {
			return // names may overlap on the wire; re-encoded they might not fit
		}
		again, err := DecodeSymlinkError(m.Append(nil))
		if err != nil || !reflect.DeepEqual(m, again) {
			t.Fatalf("re-encoding %+v gave %+v, %v", m, again, err)
		}
	})
}

// FuzzDecodeFixed covers the decoders of the fixed-size bodies: the seven
// 4-byte ones (LOGOFF, TREE_DISCONNECT, ECHO, CANCEL).
func FuzzDecodeFixed(f *testing.F) {
	f.Add((&EchoRequest{}).Append(sessHeader(CmdEcho, false)))
	f.Fuzz(func(t *testing.T, msg []byte) {
		errs := []error{}
		_, err := DecodeLogoffRequest(msg)
		errs = append(errs, err)
		_, err = DecodeLogoffResponse(msg)
		errs = append(errs, err)
		_, err = DecodeTreeDisconnectRequest(msg)
		errs = append(errs, err)
		_, err = DecodeTreeDisconnectResponse(msg)
		errs = append(errs, err)
		_, err = DecodeEchoRequest(msg)
		errs = append(errs, err)
		_, err = DecodeEchoResponse(msg)
		errs = append(errs, err)
		_, err = DecodeCancelRequest(msg)
		errs = append(errs, err)
		valid := len(msg) >= HeaderSize+4 && msg[HeaderSize] == 4 && msg[HeaderSize+1] == 0
		for i, err := range errs {
			if (err == nil) != valid {
				t.Fatalf("decoder %d: error %v for % x", i, err, msg)
			}
		}
	})
}
