package wire

import (
	"bytes"
	"reflect"
	"testing"
)

func TestTreeConnectRequestRoundTrip(t *testing.T) {
	m := &TreeConnectRequest{Path: `\\server.example\Ünïcode 😀 share`}
	msg := sessRoundTrip(t, CmdTreeConnect, false, m, nil, (*TreeConnectRequest).Append, DecodeTreeConnectRequest)
	if off, n := sessU16(msg[68:]), int(sessU16(msg[70:])); off != 72 || n != UTF16Len(m.Path) {
		t.Errorf("PathOffset %d PathLength %d", off, n)
	}
	sessTruncations(t, msg, DecodeTreeConnectRequest)
	sessRoundTrip(t, CmdTreeConnect, false, &TreeConnectRequest{Flags: TreeConnectFlagClusterReconnect}, nil,
		(*TreeConnectRequest).Append, DecodeTreeConnectRequest)
}

func TestTreeConnectResponseRoundTrip(t *testing.T) {
	m := &TreeConnectResponse{
		ShareType:     ShareTypeDisk,
		ShareFlags:    ShareFlagEncryptData | ShareFlagNoCaching | ShareFlagAccessBasedDirectoryEnum,
		Capabilities:  ShareCapContinuousAvailability | ShareCapDFS,
		MaximalAccess: 0x001f01ff,
	}
	msg := sessRoundTrip(t, CmdTreeConnect, true, m, nil, (*TreeConnectResponse).Append, DecodeTreeConnectResponse)
	if len(msg) != HeaderSize+16 {
		t.Errorf("response %d bytes", len(msg))
	}
	sessTruncations(t, msg, DecodeTreeConnectResponse)
	sessMalformed(t, "StructureSize", sessPatch(msg, 64, 17), DecodeTreeConnectResponse, "StructureSize 17")
}

func TestTreeSambaFixtures(t *testing.T) {
	raw := fixture(t, sessionCaptures, "tree-connect-request")
	req, err := DecodeTreeConnectRequest(raw)
	if err != nil {
		t.Fatal(err)
	}
	if want := (&TreeConnectRequest{Path: `\\dc1.smb3fs.test\IPC$`}); !reflect.DeepEqual(req, want) {
		t.Errorf("Samba tree connect request: %+v, want %+v", req, want)
	}
	if again := req.Append(bytes.Clone(raw[:HeaderSize])); !bytes.Equal(again, raw) {
		t.Errorf("re-encoded request differs:\n% x\nwant\n% x", again, raw)
	}
	sessTruncations(t, raw, DecodeTreeConnectRequest)

	raw = fixture(t, sessionCaptures, "tree-connect-response")
	resp, err := DecodeTreeConnectResponse(raw)
	if err != nil {
		t.Fatal(err)
	}
	if want := (&TreeConnectResponse{ShareType: ShareTypePipe, MaximalAccess: 0x001f00a9}); !reflect.DeepEqual(resp, want) {
		t.Errorf("Samba tree connect response: %+v, want %+v", resp, want)
	}
	if again := resp.Append(bytes.Clone(raw[:HeaderSize])); !bytes.Equal(again, raw) {
		t.Errorf("re-encoded response differs:\n% x\nwant\n% x", again, raw)
	}

	for _, name := range []string{"tree-disconnect-request", "tree-disconnect-response"} {
		raw := fixture(t, sessionCaptures, name)
		var err error
		if name == "tree-disconnect-request" {
			_, err = DecodeTreeDisconnectRequest(raw)
			sessTruncations(t, raw, DecodeTreeDisconnectRequest)
		} else {
			_, err = DecodeTreeDisconnectResponse(raw)
			sessTruncations(t, raw, DecodeTreeDisconnectResponse)
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if again := (&TreeDisconnectRequest{}).Append(bytes.Clone(raw[:HeaderSize])); !bytes.Equal(again, raw) {
			t.Errorf("%s: re-encoded body differs", name)
		}
	}
}

func TestTreeConnectRequestMalformed(t *testing.T) {
	good := (&TreeConnectRequest{Path: `\\s\x`}).Append(sessHeader(CmdTreeConnect, false))
	dec := DecodeTreeConnectRequest
	sessMalformed(t, "StructureSize", sessPatch(good, 64, 8), dec, "StructureSize 8")
	sessMalformed(t, "odd path length", sessPatch(good, 70, 9), dec, "odd path length 9")
	sessMalformed(t, "path outside", sessPatch(good, 70, 12), dec, "path")
	sessMalformed(t, "path offset outside", sessPatch(good, 68, 0xff, 0xff), dec, "path")
	sessMalformed(t, "path in fixed part", sessPatch(good, 68, 70), dec, "inside the fixed part")
	sessMalformed(t, "extension", sessPatch(good, 66, byte(TreeConnectFlagExtensionPresent)), dec, "extension not supported")
}

func TestTreeDisconnectRoundTrip(t *testing.T) {
	msg := sessRoundTrip(t, CmdTreeDisconnect, false, &TreeDisconnectRequest{}, nil,
		(*TreeDisconnectRequest).Append, DecodeTreeDisconnectRequest)
	sessMalformed(t, "StructureSize", sessPatch(msg, 64, 0), DecodeTreeDisconnectRequest, "StructureSize 0")
	msg = sessRoundTrip(t, CmdTreeDisconnect, true, &TreeDisconnectResponse{}, nil,
		(*TreeDisconnectResponse).Append, DecodeTreeDisconnectResponse)
	sessMalformed(t, "StructureSize", sessPatch(msg, 64, 2), DecodeTreeDisconnectResponse, "StructureSize 2")
}

func FuzzDecodeTreeConnectRequest(f *testing.F) {
	f.Add((&TreeConnectRequest{Path: `\\server\share`}).Append(sessHeader(CmdTreeConnect, false)))
	f.Fuzz(func(t *testing.T, msg []byte) {
		m, err := DecodeTreeConnectRequest(msg)
		if err != nil {
			return
		}
		again, err := DecodeTreeConnectRequest(m.Append(sessHeader(CmdTreeConnect, false)))
		if err != nil || !reflect.DeepEqual(m, again) {
			t.Fatalf("re-encoding %+v gave %+v, %v", m, again, err)
		}
	})
}

func FuzzDecodeTreeConnectResponse(f *testing.F) {
	f.Add((&TreeConnectResponse{ShareType: 1, ShareFlags: 0x8000, MaximalAccess: 0x1f01ff}).Append(sessHeader(CmdTreeConnect, true)))
	f.Fuzz(func(t *testing.T, msg []byte) {
		m, err := DecodeTreeConnectResponse(msg)
		if err != nil {
			return
		}
		again, err := DecodeTreeConnectResponse(m.Append(sessHeader(CmdTreeConnect, true)))
		if err != nil || !reflect.DeepEqual(m, again) {
			t.Fatalf("re-encoding %+v gave %+v, %v", m, again, err)
		}
	})
}
