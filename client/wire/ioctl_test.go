package wire

import (
	"bytes"
	"testing"
)

func TestIoctlRequest(t *testing.T) {
	vni := &ValidateNegotiateInfoRequest{Capabilities: 0x7F, SecurityMode: 1, Dialects: []Dialect{Dialect300, Dialect302, Dialect311}}
	m := &IoctlRequest{CtlCode: FsctlValidateNegotiateInfo, FileID: CompoundFileID, Input: vni.Encode(), MaxOutputResponse: 24, Flags: IoctlIsFsctl}
	msg := ftMsgRoundTrip(t, CmdIoctl, false, m, (*IoctlRequest).Append, DecodeIoctlRequest)
	// [MS-SMB2] 2.2.31: StructureSize 57, Reserved, CtlCode, FileId,
	// InputOffset, InputCount, MaxInputResponse, OutputOffset, OutputCount,
	// MaxOutputResponse, Flags, Reserved2, Buffer.
	want := ftLE(ftHeader(CmdIoctl, false), uint16(57), uint16(0), uint32(0x00140204),
		^uint64(0), ^uint64(0), uint32(0x78), uint32(30), uint32(0), uint32(0), uint32(0), uint32(24), uint32(1), uint32(0),
		uint32(0x7F), ftZeros(16), uint16(1), uint16(3), uint16(0x300), uint16(0x302), uint16(0x311))
	if !bytes.Equal(msg, want) {
		t.Fatalf("IOCTL request\n got % x\nwant % x", msg, want)
	}
	ftTruncations(t, msg, len(msg), DecodeIoctlRequest)
	// No input: offset 0 and a one-byte Buffer.
	e := ftMsgRoundTrip(t, CmdIoctl, false, &IoctlRequest{CtlCode: FsctlSrvRequestResumeKey, FileID: FileID{1, 2}, MaxOutputResponse: 32, Flags: IoctlIsFsctl}, (*IoctlRequest).Append, DecodeIoctlRequest)
	if len(e) != HeaderSize+57 {
		t.Fatalf("empty IOCTL body %d", len(e)-HeaderSize)
	}
	cases := map[string][]byte{
		"StructureSize":       ftPatch(msg, 64, uint16(56)),
		"input in fixed part": ftPatch(msg, 88, uint32(0x70)),
		"input outside":       ftPatch(msg, 92, uint32(31)),
		"output outside":      ftPatch(ftPatch(msg, 100, uint32(0x78)), 104, uint32(40)),
		"input offset huge":   ftPatch(msg, 88, uint32(0xFFFFFFF0)),
		"no Buffer byte":      e[:len(e)-1],
	}
	for name, b := range cases {
		_, err := DecodeIoctlRequest(b)
		ftMalformed(t, err, name)
	}
}

func TestIoctlResponse(t *testing.T) {
	out := (&CopyChunkResponse{ChunksWritten: 1, ChunkBytesWritten: 2, TotalBytesWritten: 3}).Encode()
	m := &IoctlResponse{CtlCode: FsctlSrvCopyChunk, FileID: FileID{1, 2}, Input: []byte{1, 2, 3}, Output: out}
	msg := ftMsgRoundTrip(t, CmdIoctl, true, m, (*IoctlResponse).Append, DecodeIoctlResponse)
	// [MS-SMB2] 2.2.32: Input at 0x70, Output at the next 8-byte boundary.
	want := ftLE(ftHeader(CmdIoctl, true), uint16(49), uint16(0), uint32(0x001440F2), uint64(1), uint64(2),
		uint32(0x70), uint32(3), uint32(0x78), uint32(12), uint32(0), uint32(0),
		[]byte{1, 2, 3}, ftZeros(5), out)
	if !bytes.Equal(msg, want) {
		t.Fatalf("IOCTL response\n got % x\nwant % x", msg, want)
	}
	ftTruncations(t, msg, len(msg), DecodeIoctlResponse)
	ftMsgRoundTrip(t, CmdIoctl, true, &IoctlResponse{CtlCode: FsctlSetSparse}, (*IoctlResponse).Append, DecodeIoctlResponse)
	ftMsgRoundTrip(t, CmdIoctl, true, &IoctlResponse{CtlCode: FsctlGetReparsePoint, Output: []byte("x")}, (*IoctlResponse).Append, DecodeIoctlResponse)
	cases := map[string][]byte{
		"StructureSize":        ftPatch(msg, 64, uint16(48)),
		"output in fixed part": ftPatch(msg, 96, uint32(0x6C)),
		"output outside":       ftPatch(msg, 100, uint32(13)),
		"input outside":        ftPatch(msg, 88, uint32(0x7FFFFFFF)),
	}
	for name, b := range cases {
		_, err := DecodeIoctlResponse(b)
		ftMalformed(t, err, name)
	}
}

func FuzzDecodeIoctlRequest(f *testing.F) {
	ftFuzzMsg(f, ftSeeds["FuzzDecodeIoctlRequest"], (*IoctlRequest).Append, DecodeIoctlRequest, nil)
}

func FuzzDecodeIoctlResponse(f *testing.F) {
	ftFuzzMsg(f, ftSeeds["FuzzDecodeIoctlResponse"], (*IoctlResponse).Append, DecodeIoctlResponse, nil)
}

func init() {
	ftAddSeeds("FuzzDecodeIoctlRequest",
		(&IoctlRequest{CtlCode: FsctlPipeTransceive, Input: []byte("rpc"), MaxOutputResponse: 1024, Flags: 1}).Append(ftHeader(CmdIoctl, false)),
		(&IoctlRequest{CtlCode: FsctlSetSparse}).Append(ftHeader(CmdIoctl, false)))
	ftAddSeeds("FuzzDecodeIoctlResponse",
		(&IoctlResponse{CtlCode: FsctlPipeTransceive, Input: []byte("in"), Output: []byte("output")}).Append(ftHeader(CmdIoctl, true)),
		(&IoctlResponse{}).Append(ftHeader(CmdIoctl, true)))
}

func TestIoctlSambaFixtures(t *testing.T) {
	req, _ := ftSamba(t, "ioctl-request-snapshots", DecodeIoctlRequest, (*IoctlRequest).Append)
	if req.CtlCode != FsctlSrvEnumerateSnapshots || req.Flags != IoctlIsFsctl || req.MaxOutputResponse != 16 || req.Input != nil {
		t.Fatalf("request %+v", req)
	}
}
