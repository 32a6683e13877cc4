package wire

import (
	"bytes"
	"testing"
)

// TestReadRequestPinned checks a READ request against [MS-SMB2] 2.2.19,
// field by field (offsets from the header start).
func TestReadRequestPinned(t *testing.T) {
	m := &ReadRequest{Padding: 0x50, Length: 65536, Offset: 0x1000, FileID: FileID{1, 2}, MinimumCount: 1}
	hdr := ftHeader(CmdRead, false)
	want := ftLE(hdr,
		uint16(49),     // 64  StructureSize
		uint8(0x50),    // 66  Padding: where the server should put the data
		uint8(0),       // 67  Flags
		uint32(65536),  // 68  Length
		uint64(0x1000), // 72  Offset
		uint64(1),      // 80  FileId.Persistent
		uint64(2),      // 88  FileId.Volatile
		uint32(1),      // 96  MinimumCount
		uint32(0),      // 100 Channel: SMB2_CHANNEL_NONE
		uint32(0),      // 104 RemainingBytes
		uint16(0),      // 108 ReadChannelInfoOffset
		uint16(0),      // 110 ReadChannelInfoLength
		uint8(0),       // 112 Buffer: the one byte StructureSize 49 counts
	)
	if got := m.Append(hdr); !bytes.Equal(got, want) {
		t.Fatalf("READ request\n got % x\nwant % x", got, want)
	}
	ftMsgRoundTrip(t, CmdRead, false, m, (*ReadRequest).Append, DecodeReadRequest)
	// The Buffer byte is required.
	ftTruncations(t, want, len(want), DecodeReadRequest)
	cases := map[string][]byte{
		"StructureSize":              ftPatch(want, 64, uint16(48)),
		"channel info outside":       ftPatch(ftPatch(want, 108, uint16(112)), 110, uint16(2)),
		"channel info in fixed part": ftPatch(ftPatch(want, 108, uint16(100)), 110, uint16(1)),
	}
	for name, msg := range cases {
		_, err := DecodeReadRequest(msg)
		ftMalformed(t, err, name)
	}
}

func TestReadResponse(t *testing.T) {
	m := &ReadResponse{DataRemaining: 0, Flags: 0, Data: []byte("hello, world")}
	msg := ftMsgRoundTrip(t, CmdRead, true, m, (*ReadResponse).Append, DecodeReadResponse)
	// [MS-SMB2] 2.2.20: StructureSize 17, DataOffset 0x50, Reserved,
	// DataLength, DataRemaining, Flags, then the data.
	want := ftLE(ftHeader(CmdRead, true), uint16(17), uint8(0x50), uint8(0), uint32(12), uint32(0), uint32(0), "hello, world")
	if !bytes.Equal(msg, want) {
		t.Fatalf("READ response % x", msg)
	}
	d, err := DecodeReadResponse(msg)
	if err != nil {
		t.Fatal(err)
	}
	if &d.Data[0] != &msg[ReadResponseDataOffset] {
		t.Fatal("Data does not alias the message")
	}
	ftTruncations(t, msg, len(msg), DecodeReadResponse)
	// An empty read: DataOffset 0 is fine.
	empty := ftLE(ftHeader(CmdRead, true), uint16(17), uint8(0), uint8(0), uint32(0), uint32(0), uint32(0))
	if d, err := DecodeReadResponse(empty); err != nil || d.Data != nil {
		t.Fatalf("empty read: %+v %v", d, err)
	}
	ftMsgRoundTrip(t, CmdRead, true, &ReadResponse{DataRemaining: 3}, (*ReadResponse).Append, DecodeReadResponse)
	cases := map[string][]byte{
		"StructureSize":         ftPatch(msg, 64, uint16(16)),
		"data in header":        ftPatch(msg, 66, uint8(0x10)),
		"data in fixed part":    ftPatch(msg, 66, uint8(0x4F)),
		"data past the end":     ftPatch(msg, 66, uint8(0x51)),
		"length past the end":   ftPatch(msg, 68, uint32(13)),
		"length huge":           ftPatch(msg, 68, uint32(0xFFFFFFFF)),
		"empty read, short msg": empty[:HeaderSize+15],
	}
	for name, b := range cases {
		_, err := DecodeReadResponse(b)
		ftMalformed(t, err, name)
	}
}

func FuzzDecodeReadRequest(f *testing.F) {
	ftFuzzMsg(f, ftSeeds["FuzzDecodeReadRequest"], (*ReadRequest).Append, DecodeReadRequest, nil)
}

func FuzzDecodeReadResponse(f *testing.F) {
	ftFuzzMsg(f, ftSeeds["FuzzDecodeReadResponse"], (*ReadResponse).Append, DecodeReadResponse, nil)
}

func init() {
	ftAddSeeds("FuzzDecodeReadRequest", (&ReadRequest{Length: 4096, Offset: 8192, FileID: FileID{1, 2}}).Append(ftHeader(CmdRead, false)))
	ftAddSeeds("FuzzDecodeReadResponse",
		(&ReadResponse{Data: []byte("data")}).Append(ftHeader(CmdRead, true)),
		(&ReadResponse{}).Append(ftHeader(CmdRead, true)))
}

func TestReadSambaFixtures(t *testing.T) {
	req, _ := ftSamba(t, "read-request", DecodeReadRequest, (*ReadRequest).Append)
	if req.Length != 13 || req.Offset != 0 || req.Channel != ChannelNone {
		t.Fatalf("request %+v", req)
	}
	resp, b := ftSamba(t, "read-response", DecodeReadResponse, (*ReadResponse).Append)
	if string(resp.Data) != "hello, world\n" || &resp.Data[0] != &b[ReadResponseDataOffset] {
		t.Fatalf("response %+v", resp)
	}
}
