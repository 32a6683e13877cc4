package wire

import (
	"bytes"
	"reflect"
	"testing"
)

func TestSessionSetupRequestRoundTrip(t *testing.T) {
	m := &SessionSetupRequest{
		Flags:             SessionFlagBinding,
		SecurityMode:      uint8(SecurityModeSigningEnabled),
		Capabilities:      CapDFS,
		Channel:           0,
		PreviousSessionID: 0x0102030405060708,
		SecurityBuffer:    []byte("\x60\x48 a SPNEGO token"),
	}
	msg := sessRoundTrip(t, CmdSessionSetup, false, m, nil, (*SessionSetupRequest).Append, DecodeSessionSetupRequest)
	if off := sessU16(msg[76:]); off != 88 {
		t.Errorf("SecurityBufferOffset %d, want 88", off)
	}
	sessTruncations(t, msg, DecodeSessionSetupRequest)

	msg = sessRoundTrip(t, CmdSessionSetup, false, &SessionSetupRequest{}, nil, (*SessionSetupRequest).Append, DecodeSessionSetupRequest)
	if len(msg) != HeaderSize+24 {
		t.Errorf("empty request: %d bytes", len(msg))
	}
}

func TestSessionSetupResponseRoundTrip(t *testing.T) {
	m := &SessionSetupResponse{SessionFlags: SessionFlagEncryptData, SecurityBuffer: []byte{0xa1, 0x07, 0x30}}
	msg := sessRoundTrip(t, CmdSessionSetup, true, m, nil, (*SessionSetupResponse).Append, DecodeSessionSetupResponse)
	if off := sessU16(msg[68:]); off != 72 {
		t.Errorf("SecurityBufferOffset %d, want 72", off)
	}
	sessTruncations(t, msg, DecodeSessionSetupResponse)
	sessRoundTrip(t, CmdSessionSetup, true, &SessionSetupResponse{SessionFlags: SessionFlagIsGuest | SessionFlagIsNull}, nil,
		(*SessionSetupResponse).Append, DecodeSessionSetupResponse)
}

func TestSessionSetupSambaFixtures(t *testing.T) {
	raw := fixture(t, sessionCaptures, "session-setup-request-1")
	req, err := DecodeSessionSetupRequest(raw)
	if err != nil {
		t.Fatal(err)
	}
	if req.Flags != 0 || req.SecurityMode != 1 || req.Capabilities != CapDFS || req.PreviousSessionID != 0 ||
		!bytes.Equal(req.SecurityBuffer, raw[88:]) || !bytes.HasPrefix(req.SecurityBuffer, []byte{0x60}) {
		t.Errorf("Samba session setup request decoded as %+v", req)
	}
	if again := req.Append(bytes.Clone(raw[:HeaderSize])); !bytes.Equal(again, raw) {
		t.Errorf("re-encoded request differs:\n% x\nwant\n% x", again, raw)
	}
	sessTruncations(t, raw, DecodeSessionSetupRequest)

	for _, name := range []string{"session-setup-response-1", "session-setup-response-final"} {
		raw := fixture(t, sessionCaptures, name)
		resp, err := DecodeSessionSetupResponse(raw)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if resp.SessionFlags != 0 || !bytes.Equal(resp.SecurityBuffer, raw[72:]) {
			t.Errorf("%s decoded as %+v", name, resp)
		}
		if again := resp.Append(bytes.Clone(raw[:HeaderSize])); !bytes.Equal(again, raw) {
			t.Errorf("%s: re-encoded response differs:\n% x\nwant\n% x", name, again, raw)
		}
		sessTruncations(t, raw, DecodeSessionSetupResponse)
	}
}

func TestSessionSetupMalformed(t *testing.T) {
	req := (&SessionSetupRequest{SecurityBuffer: []byte("token")}).Append(sessHeader(CmdSessionSetup, false))
	sessMalformed(t, "request StructureSize", sessPatch(req, 64, 24), DecodeSessionSetupRequest, "StructureSize 24")
	sessMalformed(t, "request buffer in fixed part", sessPatch(req, 76, 87), DecodeSessionSetupRequest, "inside the fixed part")
	sessMalformed(t, "request buffer outside", sessPatch(req, 78, 6), DecodeSessionSetupRequest, "security buffer")
	sessMalformed(t, "request offset outside", sessPatch(req, 76, 0xff, 0xff), DecodeSessionSetupRequest, "security buffer")

	resp := (&SessionSetupResponse{SecurityBuffer: []byte("token")}).Append(sessHeader(CmdSessionSetup, true))
	sessMalformed(t, "response StructureSize", sessPatch(resp, 64, 8), DecodeSessionSetupResponse, "StructureSize 8")
	sessMalformed(t, "response buffer in header", sessPatch(resp, 68, 0), DecodeSessionSetupResponse, "inside the fixed part")
	sessMalformed(t, "response buffer outside", sessPatch(resp, 70, 6), DecodeSessionSetupResponse, "security buffer")

	// An empty buffer may have any offset, as servers send 0.
	empty := sessPatch((&SessionSetupResponse{}).Append(sessHeader(CmdSessionSetup, true)), 68, 0, 0)
	if m, err := DecodeSessionSetupResponse(empty); err != nil || m.SecurityBuffer != nil {
		t.Errorf("empty buffer at offset 0: %+v, %v", m, err)
	}
}

func TestLogoffRoundTrip(t *testing.T) {
	msg := sessRoundTrip(t, CmdLogoff, false, &LogoffRequest{}, nil, (*LogoffRequest).Append, DecodeLogoffRequest)
	if !bytes.Equal(msg[HeaderSize:], []byte{4, 0, 0, 0}) {
		t.Errorf("logoff request body % x", msg[HeaderSize:])
	}
	sessTruncations(t, msg, DecodeLogoffRequest)
	sessMalformed(t, "logoff StructureSize", sessPatch(msg, 64, 5), DecodeLogoffRequest, "StructureSize 5")
	msg = sessRoundTrip(t, CmdLogoff, true, &LogoffResponse{}, nil, (*LogoffResponse).Append, DecodeLogoffResponse)
	sessTruncations(t, msg, DecodeLogoffResponse)
	sessMalformed(t, "logoff response StructureSize", sessPatch(msg, 64, 9), DecodeLogoffResponse, "StructureSize 9")
}

func FuzzDecodeSessionSetupRequest(f *testing.F) {
	f.Add((&SessionSetupRequest{Flags: 1, SecurityBuffer: []byte("token")}).Append(sessHeader(CmdSessionSetup, false)))
	f.Fuzz(func(t *testing.T, msg []byte) {
		m, err := DecodeSessionSetupRequest(msg)
		if err != nil {
			return
		}
		again, err := DecodeSessionSetupRequest(m.Append(sessHeader(CmdSessionSetup, false)))
		if err != nil || !reflect.DeepEqual(m, again) {
			t.Fatalf("re-encoding %+v gave %+v, %v", m, again, err)
		}
	})
}

func FuzzDecodeSessionSetupResponse(f *testing.F) {
	f.Add((&SessionSetupResponse{SessionFlags: 4, SecurityBuffer: []byte("token")}).Append(sessHeader(CmdSessionSetup, true)))
	f.Fuzz(func(t *testing.T, msg []byte) {
		m, err := DecodeSessionSetupResponse(msg)
		if err != nil {
			return
		}
		again, err := DecodeSessionSetupResponse(m.Append(sessHeader(CmdSessionSetup, true)))
		if err != nil || !reflect.DeepEqual(m, again) {
			t.Fatalf("re-encoding %+v gave %+v, %v", m, again, err)
		}
	})
}
