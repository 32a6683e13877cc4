package wire

import (
	"bytes"
	"testing"
)

func TestCloseRoundTrip(t *testing.T) {
	req := &CloseRequest{Flags: CloseFlagPostQueryAttrib, FileID: FileID{0x0102030405060708, 0x1112131415161718}}
	msg := ftMsgRoundTrip(t, CmdClose, false, req, (*CloseRequest).Append, DecodeCloseRequest)
	// [MS-SMB2] 2.2.15: StructureSize 24, Flags, Reserved, FileId.
	want := ftLE(ftHeader(CmdClose, false), uint16(24), uint16(1), uint32(0), uint64(0x0102030405060708), uint64(0x1112131415161718))
	if !bytes.Equal(msg, want) {
		t.Fatalf("CLOSE request % x", msg)
	}
	ftTruncations(t, msg, len(msg), DecodeCloseRequest)
	_, err := DecodeCloseRequest(ftPatch(msg, 64, uint16(25)))
	ftMalformed(t, err, "StructureSize")

	resp := &CloseResponse{Flags: CloseFlagPostQueryAttrib, OpenInfo: OpenInfo{CreationTime: 1, LastAccessTime: 2, LastWriteTime: 3, ChangeTime: 4, AllocationSize: 5, EndOfFile: 6, FileAttributes: FileAttributeDirectory}}
	msg = ftMsgRoundTrip(t, CmdClose, true, resp, (*CloseResponse).Append, DecodeCloseResponse)
	if len(msg) != HeaderSize+60 {
		t.Fatalf("CLOSE response body %d", len(msg)-HeaderSize)
	}
	ftTruncations(t, msg, len(msg), DecodeCloseResponse)
	_, err = DecodeCloseResponse(ftPatch(msg, 64, uint16(24)))
	ftMalformed(t, err, "StructureSize")
}

func FuzzDecodeCloseRequest(f *testing.F) {
	ftFuzzMsg(f, ftSeeds["FuzzDecodeCloseRequest"], (*CloseRequest).Append, DecodeCloseRequest, nil)
}

func FuzzDecodeCloseResponse(f *testing.F) {
	ftFuzzMsg(f, ftSeeds["FuzzDecodeCloseResponse"], (*CloseResponse).Append, DecodeCloseResponse, nil)
}

func init() {
	ftAddSeeds("FuzzDecodeCloseRequest", (&CloseRequest{Flags: 1, FileID: FileID{1, 2}}).Append(ftHeader(CmdClose, false)))
	ftAddSeeds("FuzzDecodeCloseResponse", (&CloseResponse{Flags: 1, OpenInfo: OpenInfo{EndOfFile: 9}}).Append(ftHeader(CmdClose, true)))
}

func TestCloseSambaFixtures(t *testing.T) {
	req, _ := ftSamba(t, "close-request", DecodeCloseRequest, (*CloseRequest).Append)
	if req.Flags != 0 || req.FileID == (FileID{}) {
		t.Fatalf("close request %+v", req)
	}
	resp, _ := ftSamba(t, "close-response", DecodeCloseResponse, (*CloseResponse).Append)
	if *resp != (CloseResponse{}) {
		t.Fatalf("close response without PostQueryAttrib %+v", resp)
	}
}
