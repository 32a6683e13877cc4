package wire

import (
	"bytes"
	"testing"
)

func TestFlushRoundTrip(t *testing.T) {
	req := &FlushRequest{FileID: FileID{3, 4}}
	msg := ftMsgRoundTrip(t, CmdFlush, false, req, (*FlushRequest).Append, DecodeFlushRequest)
	// [MS-SMB2] 2.2.17: StructureSize 24, Reserved1, Reserved2, FileId.
	if want := ftLE(ftHeader(CmdFlush, false), uint16(24), uint16(0), uint32(0), uint64(3), uint64(4)); !bytes.Equal(msg, want) {
		t.Fatalf("FLUSH request % x", msg)
	}
	ftTruncations(t, msg, len(msg), DecodeFlushRequest)
	_, err := DecodeFlushRequest(ftPatch(msg, 64, uint16(4)))
	ftMalformed(t, err, "StructureSize")

	msg = ftMsgRoundTrip(t, CmdFlush, true, &FlushResponse{}, (*FlushResponse).Append, DecodeFlushResponse)
	if want := ftLE(ftHeader(CmdFlush, true), uint16(4), uint16(0)); !bytes.Equal(msg, want) {
		t.Fatalf("FLUSH response % x", msg)
	}
	ftTruncations(t, msg, len(msg), DecodeFlushResponse)
	_, err = DecodeFlushResponse(ftPatch(msg, 64, uint16(24)))
	ftMalformed(t, err, "StructureSize")
}

func FuzzDecodeFlushRequest(f *testing.F) {
	ftFuzzMsg(f, ftSeeds["FuzzDecodeFlushRequest"], (*FlushRequest).Append, DecodeFlushRequest, nil)
}

func FuzzDecodeFlushResponse(f *testing.F) {
	ftFuzzMsg(f, ftSeeds["FuzzDecodeFlushResponse"], (*FlushResponse).Append, DecodeFlushResponse, nil)
}

func init() {
	ftAddSeeds("FuzzDecodeFlushRequest", (&FlushRequest{FileID: FileID{1, 2}}).Append(ftHeader(CmdFlush, false)))
	ftAddSeeds("FuzzDecodeFlushResponse", (&FlushResponse{}).Append(ftHeader(CmdFlush, true)))
}
