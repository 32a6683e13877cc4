package wire

import "errors"

// ErrTooLarge is returned by encoders whose input (typically from a user:
// extended attributes, symlink targets, ACLs) does not fit the wire fields
// that carry its size.
var ErrTooLarge = errors.New("smb2: value too large for its wire field")

const (
	validateNegotiateRequestFixed = 24
	validateNegotiateResponseSize = 24
)

// ValidateNegotiateInfoRequest is VALIDATE_NEGOTIATE_INFO Request, the input
// of FSCTL_VALIDATE_NEGOTIATE_INFO ([MS-SMB2] 2.2.31.4).
type ValidateNegotiateInfoRequest struct {
	Capabilities uint32
	GUID         [16]byte
	SecurityMode uint16
	Dialects     []Dialect
}

// Encode returns the request bytes. It panics on more than 65535 dialects.
func (v *ValidateNegotiateInfoRequest) Encode() []byte {
	b := make([]byte, 0, validateNegotiateRequestFixed+2*len(v.Dialects))
	b = appendU32(b, v.Capabilities)
	b = append(b, v.GUID[:]...)
	b = appendU16(b, v.SecurityMode)
	b = appendU16(b, mustFit16(len(v.Dialects), "VALIDATE_NEGOTIATE_INFO DialectCount"))
	for _, d := range v.Dialects {
		b = appendU16(b, uint16(d))
	}
	return b
}

// DecodeValidateNegotiateInfoRequest decodes a VALIDATE_NEGOTIATE_INFO
// Request ([MS-SMB2] 2.2.31.4). DialectCount must be at least 1 and the
// input must be exactly 24+2*DialectCount bytes.
func DecodeValidateNegotiateInfoRequest(b []byte) (*ValidateNegotiateInfoRequest, error) {
	r, err := fixedReader(b, validateNegotiateRequestFixed, "VALIDATE_NEGOTIATE_INFO request")
	if err != nil {
		return nil, err
	}
	v := &ValidateNegotiateInfoRequest{Capabilities: r.u32("Capabilities")}
	copy(v.GUID[:], r.bytes(16, "Guid"))
	v.SecurityMode = r.u16("SecurityMode")
	n := int(r.u16("DialectCount"))
	if n == 0 || len(b) != validateNegotiateRequestFixed+2*n {
		return nil, malformed("VALIDATE_NEGOTIATE_INFO request: %d dialects in %d bytes", n, len(b))
	}
	v.Dialects = make([]Dialect, n)
	for i := range v.Dialects {
		v.Dialects[i] = Dialect(r.u16("Dialects"))
	}
	return v, r.err
}

// ValidateNegotiateInfoResponse is VALIDATE_NEGOTIATE_INFO Response, the
// output of FSCTL_VALIDATE_NEGOTIATE_INFO ([MS-SMB2] 2.2.32.6).
type ValidateNegotiateInfoResponse struct {
	Capabilities uint32
	GUID         [16]byte
	SecurityMode uint16
	Dialect      Dialect
}

// Encode returns the 24 response bytes.
func (v *ValidateNegotiateInfoResponse) Encode() []byte {
	b := make([]byte, 0, validateNegotiateResponseSize)
	b = appendU32(b, v.Capabilities)
	b = append(b, v.GUID[:]...)
	b = appendU16(b, v.SecurityMode)
	return appendU16(b, uint16(v.Dialect))
}

// DecodeValidateNegotiateInfoResponse decodes a VALIDATE_NEGOTIATE_INFO
// Response ([MS-SMB2] 2.2.32.6); it must be exactly 24 bytes, since it
// protects the negotiation and nothing may hide in trailing bytes.
func DecodeValidateNegotiateInfoResponse(b []byte) (*ValidateNegotiateInfoResponse, error) {
	if len(b) != validateNegotiateResponseSize {
		return nil, malformed("VALIDATE_NEGOTIATE_INFO response: %d bytes, want %d", len(b), validateNegotiateResponseSize)
	}
	r := newReader(b, 0)
	v := &ValidateNegotiateInfoResponse{Capabilities: r.u32("Capabilities")}
	copy(v.GUID[:], r.bytes(16, "Guid"))
	v.SecurityMode = r.u16("SecurityMode")
	v.Dialect = Dialect(r.u16("Dialect"))
	return v, r.err
}

const resumeKeyResponseFixed = 28

// ResumeKeyResponse is SRV_REQUEST_RESUME_KEY Response, the output of
// FSCTL_SRV_REQUEST_RESUME_KEY ([MS-SMB2] 2.2.32.3). Its Context is
// reserved and not returned.
type ResumeKeyResponse struct {
	ResumeKey [24]byte
}

// Encode returns the 28 output bytes (ContextLength 0).
func (k *ResumeKeyResponse) Encode() []byte {
	b := append(make([]byte, 0, resumeKeyResponseFixed), k.ResumeKey[:]...)
	return appendU32(b, 0) // ContextLength
}

// DecodeResumeKeyResponse decodes an SRV_REQUEST_RESUME_KEY Response
// ([MS-SMB2] 2.2.32.3); ContextLength must fit in the buffer.
func DecodeResumeKeyResponse(b []byte) (*ResumeKeyResponse, error) {
	r, err := fixedReader(b, resumeKeyResponseFixed, "SRV_REQUEST_RESUME_KEY")
	if err != nil {
		return nil, err
	}
	k := &ResumeKeyResponse{}
	copy(k.ResumeKey[:], r.bytes(24, "ResumeKey"))
	if n := r.u32("ContextLength"); uint64(n) > uint64(len(b)-resumeKeyResponseFixed) {
		return nil, malformed("SRV_REQUEST_RESUME_KEY: ContextLength %d in %d bytes", n, len(b))
	}
	return k, r.err
}

const (
	copyChunkRequestFixed = 32
	copyChunkSize         = 24
	copyChunkResponseSize = 12
)

// CopyChunk is one SRV_COPYCHUNK range ([MS-SMB2] 2.2.31.1.1).
type CopyChunk struct {
	SourceOffset uint64
	TargetOffset uint64
	Length       uint32
}

// CopyChunkRequest is SRV_COPYCHUNK_COPY, the input of FSCTL_SRV_COPYCHUNK
// and FSCTL_SRV_COPYCHUNK_WRITE ([MS-SMB2] 2.2.31.1).
type CopyChunkRequest struct {
	SourceKey [24]byte
	Chunks    []CopyChunk
}

// Encode returns the request bytes.
func (c *CopyChunkRequest) Encode() []byte {
	b := make([]byte, 0, copyChunkRequestFixed+copyChunkSize*len(c.Chunks))
	b = append(b, c.SourceKey[:]...)
	b = appendU32(b, mustFit32(len(c.Chunks), "SRV_COPYCHUNK_COPY ChunkCount"))
	b = appendU32(b, 0) // Reserved
	for _, ch := range c.Chunks {
		b = appendU64(b, ch.SourceOffset)
		b = appendU64(b, ch.TargetOffset)
		b = appendU32(b, ch.Length)
		b = appendU32(b, 0) // Reserved
	}
	return b
}

// DecodeCopyChunkRequest decodes SRV_COPYCHUNK_COPY ([MS-SMB2] 2.2.31.1);
// ChunkCount chunks must fit in the buffer.
func DecodeCopyChunkRequest(b []byte) (*CopyChunkRequest, error) {
	r, err := fixedReader(b, copyChunkRequestFixed, "SRV_COPYCHUNK_COPY")
	if err != nil {
		return nil, err
	}
	c := &CopyChunkRequest{}
	copy(c.SourceKey[:], r.bytes(24, "SourceKey"))
	n := uint64(r.u32("ChunkCount"))
	r.skip(4, "Reserved")
	if n > uint64((len(b)-copyChunkRequestFixed)/copyChunkSize) {
		return nil, malformed("SRV_COPYCHUNK_COPY: %d chunks in %d bytes", n, len(b))
	}
	if n > 0 {
		c.Chunks = make([]CopyChunk, n)
	}
	for i := range c.Chunks {
		c.Chunks[i].SourceOffset = r.u64("SourceOffset")
		c.Chunks[i].TargetOffset = r.u64("TargetOffset")
		c.Chunks[i].Length = r.u32("Length")
		r.skip(4, "Reserved")
	}
	return c, r.err
}

// CopyChunkResponse is SRV_COPYCHUNK_RESPONSE ([MS-SMB2] 2.2.32.1). When the
// server fails with STATUS_INVALID_PARAMETER the fields carry its limits
// (chunks, bytes per chunk, total bytes) instead.
type CopyChunkResponse struct {
	ChunksWritten     uint32
	ChunkBytesWritten uint32
	TotalBytesWritten uint32
}

// Encode returns the 12 response bytes.
func (c *CopyChunkResponse) Encode() []byte {
	b := appendU32(make([]byte, 0, copyChunkResponseSize), c.ChunksWritten)
	b = appendU32(b, c.ChunkBytesWritten)
	return appendU32(b, c.TotalBytesWritten)
}

// DecodeCopyChunkResponse decodes SRV_COPYCHUNK_RESPONSE ([MS-SMB2]
// 2.2.32.1).
func DecodeCopyChunkResponse(b []byte) (*CopyChunkResponse, error) {
	r, err := fixedReader(b, copyChunkResponseSize, "SRV_COPYCHUNK_RESPONSE")
	if err != nil {
		return nil, err
	}
	c := &CopyChunkResponse{ChunksWritten: r.u32("ChunksWritten"), ChunkBytesWritten: r.u32("ChunkBytesWritten"), TotalBytesWritten: r.u32("TotalBytesWritten")}
	return c, r.err
}

// Reparse tags ([MS-FSCC] 2.1.2.1).
const (
	ReparseTagMountPoint uint32 = 0xA0000003
	ReparseTagSymlink    uint32 = 0xA000000C
	ReparseTagNFS        uint32 = 0x80000014
	ReparseTagLXSymlink  uint32 = 0xA000001D
	ReparseTagAFUnix     uint32 = 0x80000023
	ReparseTagLXFIFO     uint32 = 0x80000024
	ReparseTagLXChr      uint32 = 0x80000025
	ReparseTagLXBlk      uint32 = 0x80000026
)

const reparseHeaderSize = 8

// ReparseDataBuffer is a generic REPARSE_DATA_BUFFER ([MS-FSCC] 2.1.2.2):
// the tag and its tag-specific data. Decoded Data aliases the input.
type ReparseDataBuffer struct {
	Tag  uint32
	Data []byte
}

// Encode returns the reparse buffer, or ErrTooLarge when Data exceeds 65535
// bytes.
func (p *ReparseDataBuffer) Encode() ([]byte, error) {
	if len(p.Data) > 0xFFFF {
		return nil, ErrTooLarge
	}
	b := appendU32(make([]byte, 0, reparseHeaderSize+len(p.Data)), p.Tag)
	b = appendU16(b, uint16(len(p.Data)))
	b = appendU16(b, 0) // Reserved
	return append(b, p.Data...), nil
}

// DecodeReparseDataBuffer decodes the header of a REPARSE_DATA_BUFFER
// ([MS-FSCC] 2.1.2.2): ReparseDataLength bytes must follow it. Trailing
// bytes are ignored.
func DecodeReparseDataBuffer(b []byte) (*ReparseDataBuffer, error) {
	r, err := fixedReader(b, reparseHeaderSize, "reparse buffer")
	if err != nil {
		return nil, err
	}
	p := &ReparseDataBuffer{Tag: r.u32("ReparseTag")}
	n := int(r.u16("ReparseDataLength"))
	r.skip(2, "Reserved")
	if n > len(b)-reparseHeaderSize {
		return nil, malformed("reparse buffer: ReparseDataLength %d in %d bytes", n, len(b))
	}
	if n > 0 {
		p.Data = b[reparseHeaderSize : reparseHeaderSize+n : reparseHeaderSize+n]
	}
	return p, r.err
}

// SymlinkFlagRelative marks a symbolic link whose substitute name is
// relative to the link's directory ([MS-FSCC] 2.1.2.4).
const SymlinkFlagRelative uint32 = 0x00000001

const symlinkFixed = 12 // after the 8-byte reparse header

// SymlinkReparse is the Symbolic Link Reparse Data Buffer ([MS-FSCC]
// 2.1.2.4), tag ReparseTagSymlink, the input of FSCTL_SET_REPARSE_POINT and
// output of FSCTL_GET_REPARSE_POINT for symlinks. Names use backslashes.
type SymlinkReparse struct {
	SubstituteName string
	PrintName      string
	Flags          uint32
}

// Encode returns the complete reparse buffer: header, the fixed fields, then
// SubstituteName followed by PrintName in the PathBuffer. Equal names are
// stored once, both offsets 0: Samba 4.22 keeps the buffer in one extended
// attribute of the server's file system (ext4: at most about 4 KiB), which
// a 1023-byte target written twice would overflow (STATUS_DISK_FULL).
// It returns ErrTooLarge when the names do not fit ReparseDataLength (16
// bits).
func (s *SymlinkReparse) Encode() ([]byte, error) {
	subLen, printLen := UTF16Len(s.SubstituteName), UTF16Len(s.PrintName)
	printOff, dataLen := subLen, symlinkFixed+subLen+printLen
	shared := s.PrintName == s.SubstituteName
	if shared {
		printOff, dataLen = 0, symlinkFixed+subLen
	}
	if dataLen > 0xFFFF {
		return nil, ErrTooLarge
	}
	b := make([]byte, 0, reparseHeaderSize+dataLen)
	b = appendU32(b, ReparseTagSymlink)
	b = appendU16(b, uint16(dataLen))
	b = appendU16(b, 0)                // Reserved
	b = appendU16(b, 0)                // SubstituteNameOffset
	b = appendU16(b, uint16(subLen))   // SubstituteNameLength
	b = appendU16(b, uint16(printOff)) // PrintNameOffset
	b = appendU16(b, uint16(printLen)) // PrintNameLength
	b = appendU32(b, s.Flags)
	b = AppendUTF16(b, s.SubstituteName)
	if shared {
		return b, nil
	}
	return AppendUTF16(b, s.PrintName), nil
}

// DecodeSymlinkReparse decodes a symbolic link reparse buffer ([MS-FSCC]
// 2.1.2.4). The tag must be ReparseTagSymlink; both names, whose offsets are
// relative to the PathBuffer, must lie inside ReparseDataLength and have
// even lengths.
func DecodeSymlinkReparse(b []byte) (*SymlinkReparse, error) {
	p, err := DecodeReparseDataBuffer(b)
	if err != nil {
		return nil, err
	}
	if p.Tag != ReparseTagSymlink {
		return nil, malformed("symlink reparse: tag 0x%08X", p.Tag)
	}
	if len(p.Data) < symlinkFixed {
		return nil, malformed("symlink reparse: ReparseDataLength %d, need %d", len(p.Data), symlinkFixed)
	}
	r := newReader(p.Data, 0)
	subOff, subLen := int(r.u16("SubstituteNameOffset")), int(r.u16("SubstituteNameLength"))
	printOff, printLen := int(r.u16("PrintNameOffset")), int(r.u16("PrintNameLength"))
	s := &SymlinkReparse{Flags: r.u32("Flags")}
	if r.err != nil {
		return nil, r.err
	}
	path := p.Data[symlinkFixed:]
	sub, err := slice(path, subOff, subLen, "symlink SubstituteName")
	if err != nil {
		return nil, err
	}
	pr, err := slice(path, printOff, printLen, "symlink PrintName")
	if err != nil {
		return nil, err
	}
	if s.SubstituteName, err = utf16Field(sub, "symlink SubstituteName"); err != nil {
		return nil, err
	}
	if s.PrintName, err = utf16Field(pr, "symlink PrintName"); err != nil {
		return nil, err
	}
	return s, nil
}

const fileZeroDataSize = 16

// FileZeroDataInformation is FILE_ZERO_DATA_INFORMATION, the input of
// FSCTL_SET_ZERO_DATA ([MS-FSCC] 2.3.85 FSCTL_SET_ZERO_DATA Request): zero
// the range [FileOffset, BeyondFinalZero).
type FileZeroDataInformation struct {
	FileOffset      uint64
	BeyondFinalZero uint64
}

// Encode returns the 16 input bytes.
func (z *FileZeroDataInformation) Encode() []byte {
	return appendU64(appendU64(make([]byte, 0, fileZeroDataSize), z.FileOffset), z.BeyondFinalZero)
}

// DecodeFileZeroDataInformation decodes FILE_ZERO_DATA_INFORMATION
// ([MS-FSCC] 2.3.85).
func DecodeFileZeroDataInformation(b []byte) (*FileZeroDataInformation, error) {
	r, err := fixedReader(b, fileZeroDataSize, "FILE_ZERO_DATA_INFORMATION")
	if err != nil {
		return nil, err
	}
	return &FileZeroDataInformation{FileOffset: r.u64("FileOffset"), BeyondFinalZero: r.u64("BeyondFinalZero")}, r.err
}

const allocatedRangeSize = 16

// AllocatedRange is FILE_ALLOCATED_RANGE_BUFFER ([MS-FSCC] 2.3,
// FSCTL_QUERY_ALLOCATED_RANGES Request and Reply), the input (one) and output
// (a list) of FSCTL_QUERY_ALLOCATED_RANGES.
type AllocatedRange struct {
	FileOffset uint64
	Length     uint64
}

// EncodeAllocatedRanges returns the ranges back to back.
func EncodeAllocatedRanges(rs []AllocatedRange) []byte {
	b := make([]byte, 0, allocatedRangeSize*len(rs))
	for _, x := range rs {
		b = appendU64(appendU64(b, x.FileOffset), x.Length)
	}
	return b
}

// DecodeAllocatedRanges decodes a list of FILE_ALLOCATED_RANGE_BUFFER
// ([MS-FSCC] 2.3, FSCTL_QUERY_ALLOCATED_RANGES Reply); the length must be a
// multiple of 16.
func DecodeAllocatedRanges(b []byte) ([]AllocatedRange, error) {
	if len(b)%allocatedRangeSize != 0 {
		return nil, malformed("FILE_ALLOCATED_RANGE_BUFFER list: %d bytes", len(b))
	}
	if len(b) == 0 {
		return nil, nil
	}
	rs := make([]AllocatedRange, len(b)/allocatedRangeSize)
	r := newReader(b, 0)
	for i := range rs {
		rs[i] = AllocatedRange{FileOffset: r.u64("FileOffset"), Length: r.u64("Length")}
	}
	return rs, r.err
}

const duplicateExtentsSize = 40

// DuplicateExtentsData is SMB2_DUPLICATE_EXTENTS_DATA, the input of
// FSCTL_DUPLICATE_EXTENTS_TO_FILE over SMB2 ([MS-FSCC] 2.3.7.2): the source
// open's SMB2 FileID and the ranges; the FSCTL is issued on the target open.
type DuplicateExtentsData struct {
	SourceFileID     FileID
	SourceFileOffset uint64
	TargetFileOffset uint64
	ByteCount        uint64
}

// Encode returns the 40 input bytes.
func (d *DuplicateExtentsData) Encode() []byte {
	b := d.SourceFileID.append(make([]byte, 0, duplicateExtentsSize))
	b = appendU64(b, d.SourceFileOffset)
	b = appendU64(b, d.TargetFileOffset)
	return appendU64(b, d.ByteCount)
}

// DecodeDuplicateExtentsData decodes SMB2_DUPLICATE_EXTENTS_DATA ([MS-FSCC]
// 2.3.7.2).
func DecodeDuplicateExtentsData(b []byte) (*DuplicateExtentsData, error) {
	r, err := fixedReader(b, duplicateExtentsSize, "DUPLICATE_EXTENTS_DATA")
	if err != nil {
		return nil, err
	}
	d := &DuplicateExtentsData{SourceFileID: r.fileID("FileHandle")}
	d.SourceFileOffset = r.u64("SourceFileOffset")
	d.TargetFileOffset = r.u64("TargetFileOffset")
	d.ByteCount = r.u64("ByteCount")
	return d, r.err
}
