package wire

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestValidateNegotiateInfo(t *testing.T) {
	req := &ValidateNegotiateInfoRequest{Capabilities: 0x44, SecurityMode: 2, Dialects: []Dialect{Dialect202, Dialect311}}
	copy(req.GUID[:], ftSeq(0x30, 16))
	b := ftInfoRoundTrip(t, req, (*ValidateNegotiateInfoRequest).Encode, DecodeValidateNegotiateInfoRequest)
	// [MS-SMB2] 2.2.31.4: Capabilities, Guid, SecurityMode, DialectCount, Dialects.
	if want := ftLE(uint32(0x44), ftSeq(0x30, 16), uint16(2), uint16(2), uint16(0x202), uint16(0x311)); !bytes.Equal(b, want) {
		t.Fatalf("VNI request % x", b)
	}
	ftTruncations(t, b, len(b), DecodeValidateNegotiateInfoRequest)
	_, err := DecodeValidateNegotiateInfoRequest(append(b, 0))
	ftMalformed(t, err, "VNI request trailing byte")
	_, err = DecodeValidateNegotiateInfoRequest(ftPatch(b, 22, uint16(0))[:24])
	ftMalformed(t, err, "VNI request without dialects")

	resp := &ValidateNegotiateInfoResponse{Capabilities: 0x44, SecurityMode: 1, Dialect: Dialect311}
	copy(resp.GUID[:], ftSeq(0x50, 16))
	b = ftInfoRoundTrip(t, resp, (*ValidateNegotiateInfoResponse).Encode, DecodeValidateNegotiateInfoResponse)
	// [MS-SMB2] 2.2.32.6: Capabilities, Guid, SecurityMode, Dialect.
	if want := ftLE(uint32(0x44), ftSeq(0x50, 16), uint16(1), uint16(0x311)); !bytes.Equal(b, want) {
		t.Fatalf("VNI response % x", b)
	}
	ftTruncations(t, b, len(b), DecodeValidateNegotiateInfoResponse)
	_, err = DecodeValidateNegotiateInfoResponse(append(b, 0))
	ftMalformed(t, err, "VNI response trailing byte")
}

func TestCopyChunk(t *testing.T) {
	k := &ResumeKeyResponse{}
	copy(k.ResumeKey[:], ftSeq(1, 24))
	b := ftInfoRoundTrip(t, k, (*ResumeKeyResponse).Encode, DecodeResumeKeyResponse)
	if want := ftLE(ftSeq(1, 24), uint32(0)); !bytes.Equal(b, want) {
		t.Fatalf("resume key % x", b)
	}
	// ContextLength 0 with trailing bytes is fine.
	if _, err := DecodeResumeKeyResponse(ftLE(b, "ctx")); err != nil {
		t.Fatal(err)
	}
	_, err := DecodeResumeKeyResponse(ftPatch(b, 24, uint32(1)))
	ftMalformed(t, err, "ContextLength past the end")
	ftTruncations(t, b, len(b), DecodeResumeKeyResponse)

	req := &CopyChunkRequest{SourceKey: k.ResumeKey, Chunks: []CopyChunk{{SourceOffset: 0, TargetOffset: 4096, Length: 1 << 20}, {SourceOffset: 1 << 20, TargetOffset: 0, Length: 7}}}
	b = ftInfoRoundTrip(t, req, (*CopyChunkRequest).Encode, DecodeCopyChunkRequest)
	// [MS-SMB2] 2.2.31.1: SourceKey, ChunkCount, Reserved, then SRV_COPYCHUNK
	// entries (2.2.31.1.1): SourceOffset, TargetOffset, Length, Reserved.
	want := ftLE(ftSeq(1, 24), uint32(2), uint32(0),
		uint64(0), uint64(4096), uint32(1<<20), uint32(0),
		uint64(1<<20), uint64(0), uint32(7), uint32(0))
	if !bytes.Equal(b, want) {
		t.Fatalf("copychunk % x", b)
	}
	ftTruncations(t, b, len(b), DecodeCopyChunkRequest)
	_, err = DecodeCopyChunkRequest(ftPatch(b, 24, uint32(0xFFFFFFFF)))
	ftMalformed(t, err, "ChunkCount huge")
	ftInfoRoundTrip(t, &CopyChunkRequest{}, (*CopyChunkRequest).Encode, DecodeCopyChunkRequest)

	r := &CopyChunkResponse{ChunksWritten: 2, ChunkBytesWritten: 0, TotalBytesWritten: 1<<20 + 7}
	b = ftInfoRoundTrip(t, r, (*CopyChunkResponse).Encode, DecodeCopyChunkResponse)
	ftTruncations(t, b, len(b), DecodeCopyChunkResponse)
}

// TestSymlinkReparsePinned checks the layout of [MS-FSCC] 2.1.2.4: offsets
// of both names are relative to PathBuffer, which starts 20 bytes in; equal
// names are stored once.
func TestSymlinkReparsePinned(t *testing.T) {
	two, err := (&SymlinkReparse{SubstituteName: `d\t`, PrintName: `t`}).Encode()
	if err != nil {
		t.Fatal(err)
	}
	wantTwo := ftLE(
		uint32(0xA000000C), // ReparseTag: IO_REPARSE_TAG_SYMLINK
		uint16(20),         // ReparseDataLength: 12 + 6 + 2
		uint16(0),          // Reserved
		uint16(0),          // SubstituteNameOffset
		uint16(6),          // SubstituteNameLength
		uint16(6),          // PrintNameOffset
		uint16(2),          // PrintNameLength
		uint32(0),          // Flags
		ftU16s(`d\t`), ftU16s(`t`),
	)
	if !bytes.Equal(two, wantTwo) {
		t.Fatalf("symlink\n got % x\nwant % x", two, wantTwo)
	}
	s := &SymlinkReparse{SubstituteName: `dir\t`, PrintName: `dir\t`, Flags: SymlinkFlagRelative}
	b, err := s.Encode()
	if err != nil {
		t.Fatal(err)
	}
	want := ftLE(
		uint32(0xA000000C), // ReparseTag: IO_REPARSE_TAG_SYMLINK
		uint16(22),         // ReparseDataLength: 12 + 10, the name once
		uint16(0),          // Reserved
		uint16(0),          // SubstituteNameOffset
		uint16(10),         // SubstituteNameLength
		uint16(0),          // PrintNameOffset: the same bytes
		uint16(10),         // PrintNameLength
		uint32(1),          // Flags: SYMLINK_FLAG_RELATIVE
		ftU16s(`dir\t`),
	)
	if !bytes.Equal(b, want) {
		t.Fatalf("symlink\n got % x\nwant % x", b, want)
	}
	ftInfoRoundTrip(t, s, func(s *SymlinkReparse) []byte { b, _ := s.Encode(); return b }, DecodeSymlinkReparse)
	abs := &SymlinkReparse{SubstituteName: `\??\C:\Windows`, PrintName: `C:\Windows`}
	ftInfoRoundTrip(t, abs, func(s *SymlinkReparse) []byte { b, _ := s.Encode(); return b }, DecodeSymlinkReparse)
	ftTruncations(t, b, len(b), DecodeSymlinkReparse)
	cases := map[string][]byte{
		"other tag":                  ftPatch(b, 0, uint32(ReparseTagMountPoint)),
		"data length past the end":   ftPatch(b, 4, uint16(23)),
		"data length below fixed":    ftPatch(b, 4, uint16(11)),
		"substitute name outside":    ftPatch(b, 8, uint16(12)),
		"print name outside":         ftPatch(b, 14, uint16(12)),
		"odd substitute name length": ftPatch(b, 10, uint16(9)),
		"name past data length":      ftPatch(b, 4, uint16(20)),
	}
	for name, c := range cases {
		_, err := DecodeSymlinkReparse(c)
		ftMalformed(t, err, name)
	}
	long := &SymlinkReparse{SubstituteName: strings.Repeat("x", 40000)}
	if _, err := long.Encode(); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("long symlink: %v", err)
	}
}

func TestReparseDataBuffer(t *testing.T) {
	p := &ReparseDataBuffer{Tag: ReparseTagNFS, Data: []byte("LNK\x00\x00\x00\x00\x00target")}
	ftInfoRoundTrip(t, p, func(p *ReparseDataBuffer) []byte { b, _ := p.Encode(); return b }, DecodeReparseDataBuffer)
	b, _ := p.Encode()
	ftTruncations(t, b, len(b), DecodeReparseDataBuffer)
	if _, err := (&ReparseDataBuffer{Data: make([]byte, 70000)}).Encode(); !errors.Is(err, ErrTooLarge) {
		t.Fatal(err)
	}
	ftInfoRoundTrip(t, &ReparseDataBuffer{Tag: 1}, func(p *ReparseDataBuffer) []byte { b, _ := p.Encode(); return b }, DecodeReparseDataBuffer)
}

func TestFsctlSmallStructures(t *testing.T) {
	z := &FileZeroDataInformation{FileOffset: 10, BeyondFinalZero: 20}
	b := ftInfoRoundTrip(t, z, (*FileZeroDataInformation).Encode, DecodeFileZeroDataInformation)
	if want := ftLE(uint64(10), uint64(20)); !bytes.Equal(b, want) {
		t.Fatalf("zero data % x", b)
	}
	ftTruncations(t, b, len(b), DecodeFileZeroDataInformation)

	rs := []AllocatedRange{{0, 4096}, {1 << 20, 8192}}
	b = EncodeAllocatedRanges(rs)
	got, err := DecodeAllocatedRanges(b)
	if err != nil || len(got) != 2 || got[1] != rs[1] {
		t.Fatalf("ranges %v %v", got, err)
	}
	_, err = DecodeAllocatedRanges(b[:17])
	ftMalformed(t, err, "ranges 17 bytes")
	if got, err := DecodeAllocatedRanges(nil); got != nil || err != nil {
		t.Fatal("empty ranges")
	}

	d := &DuplicateExtentsData{SourceFileID: FileID{1, 2}, SourceFileOffset: 3, TargetFileOffset: 4, ByteCount: 5}
	b = ftInfoRoundTrip(t, d, (*DuplicateExtentsData).Encode, DecodeDuplicateExtentsData)
	// [MS-FSCC] 2.3.7.2: SMB2 FileID (16 bytes), SourceFileOffset,
	// TargetFileOffset, ByteCount.
	if want := ftLE(uint64(1), uint64(2), uint64(3), uint64(4), uint64(5)); !bytes.Equal(b, want) {
		t.Fatalf("duplicate extents % x", b)
	}
	ftTruncations(t, b, len(b), DecodeDuplicateExtentsData)
}

func FuzzDecodeValidateNegotiateInfoRequest(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeValidateNegotiateInfoRequest"], ftNoErr((*ValidateNegotiateInfoRequest).Encode), DecodeValidateNegotiateInfoRequest, nil)
}

func FuzzDecodeValidateNegotiateInfoResponse(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeValidateNegotiateInfoResponse"], ftNoErr((*ValidateNegotiateInfoResponse).Encode), DecodeValidateNegotiateInfoResponse, nil)
}

func FuzzDecodeResumeKeyResponse(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeResumeKeyResponse"], ftNoErr((*ResumeKeyResponse).Encode), DecodeResumeKeyResponse, nil)
}

func FuzzDecodeCopyChunkRequest(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeCopyChunkRequest"], ftNoErr((*CopyChunkRequest).Encode), DecodeCopyChunkRequest, nil)
}

func FuzzDecodeCopyChunkResponse(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeCopyChunkResponse"], ftNoErr((*CopyChunkResponse).Encode), DecodeCopyChunkResponse, nil)
}

func FuzzDecodeReparseDataBuffer(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeReparseDataBuffer"], (*ReparseDataBuffer).Encode, DecodeReparseDataBuffer, nil)
}

func FuzzDecodeSymlinkReparse(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeSymlinkReparse"], (*SymlinkReparse).Encode, DecodeSymlinkReparse, nil)
}

func FuzzDecodeFileZeroDataInformation(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeFileZeroDataInformation"], ftNoErr((*FileZeroDataInformation).Encode), DecodeFileZeroDataInformation, nil)
}

func FuzzDecodeAllocatedRanges(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeAllocatedRanges"], ftNoErr(EncodeAllocatedRanges), DecodeAllocatedRanges, nil)
}

func FuzzDecodeDuplicateExtentsData(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeDuplicateExtentsData"], ftNoErr((*DuplicateExtentsData).Encode), DecodeDuplicateExtentsData, nil)
}

func init() {
	ftAddSeeds("FuzzDecodeValidateNegotiateInfoRequest", (&ValidateNegotiateInfoRequest{Dialects: []Dialect{Dialect300, Dialect311}}).Encode())
	ftAddSeeds("FuzzDecodeValidateNegotiateInfoResponse", (&ValidateNegotiateInfoResponse{Dialect: Dialect311}).Encode())
	ftAddSeeds("FuzzDecodeResumeKeyResponse", (&ResumeKeyResponse{}).Encode())
	ftAddSeeds("FuzzDecodeCopyChunkRequest", (&CopyChunkRequest{Chunks: []CopyChunk{{1, 2, 3}}}).Encode())
	ftAddSeeds("FuzzDecodeCopyChunkResponse", (&CopyChunkResponse{1, 2, 3}).Encode())
	rb, _ := (&ReparseDataBuffer{Tag: ReparseTagNFS, Data: []byte("data")}).Encode()
	ftAddSeeds("FuzzDecodeReparseDataBuffer", rb)
	sb, _ := (&SymlinkReparse{SubstituteName: `\??\C:\x`, PrintName: `C:\x`}).Encode()
	ftAddSeeds("FuzzDecodeSymlinkReparse", sb)
	ftAddSeeds("FuzzDecodeFileZeroDataInformation", (&FileZeroDataInformation{1, 2}).Encode())
	ftAddSeeds("FuzzDecodeAllocatedRanges", EncodeAllocatedRanges([]AllocatedRange{{1, 2}, {3, 4}}))
	ftAddSeeds("FuzzDecodeDuplicateExtentsData", (&DuplicateExtentsData{SourceFileID: FileID{1, 2}, ByteCount: 3}).Encode())
}
