package wire

import (
	"bytes"
	"testing"
)

// TestWriteRequestPinned checks a WRITE request against [MS-SMB2] 2.2.21,
// field by field (offsets from the header start).
func TestWriteRequestPinned(t *testing.T) {
	m := &WriteRequest{Offset: 0x2000, FileID: FileID{5, 6}, Flags: WriteFlagWriteThrough, Data: []byte("hello")}
	hdr := ftHeader(CmdWrite, false)
	want := ftLE(hdr,
		uint16(49),     // 64  StructureSize
		uint16(0x70),   // 66  DataOffset = 64+48
		uint32(5),      // 68  Length
		uint64(0x2000), // 72  Offset
		uint64(5),      // 80  FileId.Persistent
		uint64(6),      // 88  FileId.Volatile
		uint32(0),      // 96  Channel
		uint32(0),      // 100 RemainingBytes
		uint16(0),      // 104 WriteChannelInfoOffset
		uint16(0),      // 106 WriteChannelInfoLength
		uint32(1),      // 108 Flags: SMB2_WRITEFLAG_WRITE_THROUGH
		"hello",        // 112 data
	)
	if got := m.Append(hdr); !bytes.Equal(got, want) {
		t.Fatalf("WRITE request\n got % x\nwant % x", got, want)
	}
	if WriteRequestDataOffset != 0x70 || WriteRequestFixedSize != 48 {
		t.Fatal("WRITE constants")
	}
	// AppendFixed writes the same fixed part without the payload, so a
	// caller can send the payload from its own buffer.
	fixed := m.AppendFixed(ftHeader(CmdWrite, false))
	if !bytes.Equal(fixed, want[:WriteRequestDataOffset]) {
		t.Fatalf("AppendFixed % x", fixed)
	}
	d, err := DecodeWriteRequest(want)
	if err != nil {
		t.Fatal(err)
	}
	if &d.Data[0] != &want[WriteRequestDataOffset] {
		t.Fatal("Data does not alias the message")
	}
	ftMsgRoundTrip(t, CmdWrite, false, m, (*WriteRequest).Append, DecodeWriteRequest)
	ftTruncations(t, want, len(want), DecodeWriteRequest)
	// An empty write still carries one Buffer byte.
	e := ftMsgRoundTrip(t, CmdWrite, false, &WriteRequest{FileID: FileID{1, 1}}, (*WriteRequest).Append, DecodeWriteRequest)
	if len(e) != HeaderSize+49 {
		t.Fatalf("empty write body %d", len(e)-HeaderSize)
	}
	cases := map[string][]byte{
		"StructureSize":          ftPatch(want, 64, uint16(48)),
		"data in fixed part":     ftPatch(want, 66, uint16(0x6F)),
		"data past the end":      ftPatch(want, 66, uint16(0x71)),
		"length past the end":    ftPatch(want, 68, uint32(6)),
		"length huge":            ftPatch(want, 68, uint32(0xFFFFFFFF)),
		"channel info outside":   ftPatch(ftPatch(want, 104, uint16(0x70)), 106, uint16(6)),
		"empty write, no Buffer": e[:len(e)-1],
	}
	for name, b := range cases {
		_, err := DecodeWriteRequest(b)
		ftMalformed(t, err, name)
	}
}

func TestWriteResponse(t *testing.T) {
	m := &WriteResponse{Count: 5, Remaining: 0}
	msg := ftMsgRoundTrip(t, CmdWrite, true, m, (*WriteResponse).Append, DecodeWriteResponse)
	// [MS-SMB2] 2.2.22: StructureSize 17, Reserved, Count, Remaining,
	// WriteChannelInfoOffset, WriteChannelInfoLength; no Buffer byte.
	if want := ftLE(ftHeader(CmdWrite, true), uint16(17), uint16(0), uint32(5), uint32(0), uint16(0), uint16(0)); !bytes.Equal(msg, want) {
		t.Fatalf("WRITE response % x", msg)
	}
	ftTruncations(t, msg, len(msg), DecodeWriteResponse)
	_, err := DecodeWriteResponse(ftPatch(msg, 64, uint16(16)))
	ftMalformed(t, err, "StructureSize")
}

func FuzzDecodeWriteRequest(f *testing.F) {
	ftFuzzMsg(f, ftSeeds["FuzzDecodeWriteRequest"], (*WriteRequest).Append, DecodeWriteRequest, nil)
}

func FuzzDecodeWriteResponse(f *testing.F) {
	ftFuzzMsg(f, ftSeeds["FuzzDecodeWriteResponse"], (*WriteResponse).Append, DecodeWriteResponse, nil)
}

func init() {
	ftAddSeeds("FuzzDecodeWriteRequest",
		(&WriteRequest{Offset: 1, FileID: FileID{1, 2}, Data: []byte("payload")}).Append(ftHeader(CmdWrite, false)),
		(&WriteRequest{}).Append(ftHeader(CmdWrite, false)))
	ftAddSeeds("FuzzDecodeWriteResponse", (&WriteResponse{Count: 7}).Append(ftHeader(CmdWrite, true)))
}

func TestWriteSambaFixtures(t *testing.T) {
	req, b := ftSamba(t, "write-request", DecodeWriteRequest, (*WriteRequest).Append)
	if string(req.Data) != "payload-from-client\n" || req.Offset != 0 {
		t.Fatalf("request %+v", req)
	}
	// Samba's client builds the fixed part as AppendFixed does.
	if fixed := req.AppendFixed(append([]byte(nil), b[:HeaderSize]...)); !bytes.Equal(fixed, b[:WriteRequestDataOffset]) {
		t.Fatal("AppendFixed differs from Samba's fixed part")
	}
	// Samba's response has no Buffer byte.
	resp, b := ftSamba(t, "write-response", DecodeWriteResponse, (*WriteResponse).Append)
	if resp.Count != 20 || len(b) != HeaderSize+16 {
		t.Fatalf("response %+v (%d bytes)", resp, len(b))
	}
}
