package wire

// InfoType values of QUERY_INFO and SET_INFO ([MS-SMB2] 2.2.37, 2.2.39).
const (
	InfoFile       uint8 = 0x01
	InfoFilesystem uint8 = 0x02
	InfoSecurity   uint8 = 0x03
	InfoQuota      uint8 = 0x04
)

// File information classes ([MS-FSCC] 2.4) for FileInfoClass with InfoFile
// and for QUERY_DIRECTORY's FileInformationClass.
const (
	ClassFileDirectoryInformation       uint8 = 1
	ClassFileFullDirectoryInformation   uint8 = 2
	ClassFileBothDirectoryInformation   uint8 = 3
	ClassFileBasicInformation           uint8 = 4
	ClassFileStandardInformation        uint8 = 5
	ClassFileInternalInformation        uint8 = 6
	ClassFileEaInformation              uint8 = 7
	ClassFileAccessInformation          uint8 = 8
	ClassFileNameInformation            uint8 = 9
	ClassFileRenameInformation          uint8 = 10
	ClassFileLinkInformation            uint8 = 11
	ClassFileNamesInformation           uint8 = 12
	ClassFileDispositionInformation     uint8 = 13
	ClassFilePositionInformation        uint8 = 14
	ClassFileFullEaInformation          uint8 = 15
	ClassFileModeInformation            uint8 = 16
	ClassFileAlignmentInformation       uint8 = 17
	ClassFileAllInformation             uint8 = 18
	ClassFileAllocationInformation      uint8 = 19
	ClassFileEndOfFileInformation       uint8 = 20
	ClassFileAlternateNameInformation   uint8 = 21
	ClassFileStreamInformation          uint8 = 22
	ClassFilePipeInformation            uint8 = 23
	ClassFileCompressionInformation     uint8 = 28
	ClassFileNetworkOpenInformation     uint8 = 34
	ClassFileAttributeTagInformation    uint8 = 35
	ClassFileIdBothDirectoryInformation uint8 = 37
	ClassFileIdFullDirectoryInformation uint8 = 38
	ClassFileValidDataLengthInformation uint8 = 39
	ClassFileShortNameInformation       uint8 = 40
	ClassFileNormalizedNameInformation  uint8 = 48
	ClassFileIdInformation              uint8 = 59
	ClassFileIdExtdDirectoryInformation uint8 = 60
	ClassFileDispositionInformationEx   uint8 = 64
	ClassFileRenameInformationEx        uint8 = 65
)

// File system information classes ([MS-FSCC] 2.5) for FileInfoClass with
// InfoFilesystem.
const (
	ClassFileFsVolumeInformation     uint8 = 1
	ClassFileFsLabelInformation      uint8 = 2
	ClassFileFsSizeInformation       uint8 = 3
	ClassFileFsDeviceInformation     uint8 = 4
	ClassFileFsAttributeInformation  uint8 = 5
	ClassFileFsControlInformation    uint8 = 6
	ClassFileFsFullSizeInformation   uint8 = 7
	ClassFileFsObjectIDInformation   uint8 = 8
	ClassFileFsSectorSizeInformation uint8 = 11
)

// AdditionalInformation bits for InfoSecurity ([MS-SMB2] 2.2.37): which
// parts of the security descriptor to query or set.
const (
	OwnerSecurityInformation     uint32 = 0x00000001
	GroupSecurityInformation     uint32 = 0x00000002
	DACLSecurityInformation      uint32 = 0x00000004
	SACLSecurityInformation      uint32 = 0x00000008
	LabelSecurityInformation     uint32 = 0x00000010
	AttributeSecurityInformation uint32 = 0x00000020
	ScopeSecurityInformation     uint32 = 0x00000040
	BackupSecurityInformation    uint32 = 0x00010000
)

// QUERY_INFO Flags ([MS-SMB2] 2.2.37), meaningful for FileFullEaInformation
// queries.
const (
	QueryInfoRestartScan       uint32 = 0x00000001
	QueryInfoReturnSingleEntry uint32 = 0x00000002
	QueryInfoIndexSpecified    uint32 = 0x00000004
)

const (
	queryInfoRequestFixed = 40
	setInfoRequestFixed   = 32
	// outputResponseFixed is the fixed part of the QUERY_INFO,
	// QUERY_DIRECTORY and CHANGE_NOTIFY responses (StructureSize 9):
	// StructureSize, OutputBufferOffset(2), OutputBufferLength(4).
	outputResponseFixed = 8
	setInfoResponseSize = 2
)

// QueryInfoRequest is the SMB2 QUERY_INFO Request ([MS-SMB2] 2.2.37). Input
// is the optional input buffer (a FileGetEaInformation list for EA queries,
// a quota query for InfoQuota); decoded Input aliases the message.
type QueryInfoRequest struct {
	InfoType              uint8
	FileInfoClass         uint8
	OutputBufferLength    uint32
	Input                 []byte
	AdditionalInformation uint32
	Flags                 uint32
	FileID                FileID
}

// Append appends the QUERY_INFO request body to msg (header at msg[0:64]).
// Without Input, InputBufferOffset is 0 and a one-byte Buffer is sent.
func (m *QueryInfoRequest) Append(msg []byte) []byte {
	inOff := 0
	if len(m.Input) > 0 {
		inOff = len(msg) + queryInfoRequestFixed
	}
	msg = appendU16(msg, queryInfoRequestFixed+1)
	msg = append(msg, m.InfoType, m.FileInfoClass)
	msg = appendU32(msg, m.OutputBufferLength)
	msg = appendU16(msg, mustFit16(inOff, "QUERY_INFO InputBufferOffset"))
	msg = appendU16(msg, 0) // Reserved
	msg = appendU32(msg, mustFit32(len(m.Input), "QUERY_INFO InputBufferLength"))
	msg = appendU32(msg, m.AdditionalInformation)
	msg = appendU32(msg, m.Flags)
	msg = m.FileID.append(msg)
	if len(m.Input) == 0 {
		return append(msg, 0) // Buffer[0]
	}
	return append(msg, m.Input...)
}

// DecodeQueryInfoRequest decodes an SMB2 QUERY_INFO Request ([MS-SMB2]
// 2.2.37). The input buffer must lie inside the message after the fixed
// part; Input aliases msg.
func DecodeQueryInfoRequest(msg []byte) (*QueryInfoRequest, error) {
	r, err := bodyReader(msg, queryInfoRequestFixed+1, queryInfoRequestFixed+1, "QUERY_INFO request")
	if err != nil {
		return nil, err
	}
	m := &QueryInfoRequest{InfoType: r.u8("InfoType"), FileInfoClass: r.u8("FileInfoClass")}
	m.OutputBufferLength = r.u32("OutputBufferLength")
	inOff := r.u16("InputBufferOffset")
	r.skip(2, "Reserved")
	inLen := r.u32("InputBufferLength")
	m.AdditionalInformation = r.u32("AdditionalInformation")
	m.Flags = r.u32("Flags")
	m.FileID = r.fileID("FileId")
	if r.err != nil {
		return nil, r.err
	}
	if m.Input, err = buffer(msg, uint64(inOff), uint64(inLen), HeaderSize+queryInfoRequestFixed, "QUERY_INFO input"); err != nil {
		return nil, err
	}
	return m, nil
}

// QueryInfoResponse is the SMB2 QUERY_INFO Response ([MS-SMB2] 2.2.38).
// Decoded Buffer aliases the message; the caller checks its length against
// the OutputBufferLength it asked for, then decodes it with the decoder of
// the class it queried.
type QueryInfoResponse struct {
	Buffer []byte
}

// Append appends the QUERY_INFO response body to msg (header at msg[0:64]).
func (m *QueryInfoResponse) Append(msg []byte) []byte {
	return appendOutputResponse(msg, m.Buffer, "QUERY_INFO")
}

// DecodeQueryInfoResponse decodes an SMB2 QUERY_INFO Response ([MS-SMB2]
// 2.2.38); the buffer must lie inside the message after the fixed part.
func DecodeQueryInfoResponse(msg []byte) (*QueryInfoResponse, error) {
	b, err := decodeOutputResponse(msg, "QUERY_INFO response")
	if err != nil {
		return nil, err
	}
	return &QueryInfoResponse{Buffer: b}, nil
}

// SetInfoRequest is the SMB2 SET_INFO Request ([MS-SMB2] 2.2.39). Buffer is
// the encoded information (FileBasicInformation.Encode(), ...); decoded
// Buffer aliases the message.
type SetInfoRequest struct {
	InfoType              uint8
	FileInfoClass         uint8
	Buffer                []byte
	AdditionalInformation uint32
	FileID                FileID
}

// Append appends the SET_INFO request body to msg (header at msg[0:64]): the
// fixed part, then Buffer (or one zero byte when it is empty).
func (m *SetInfoRequest) Append(msg []byte) []byte {
	off := len(msg) + setInfoRequestFixed
	msg = appendU16(msg, setInfoRequestFixed+1)
	msg = append(msg, m.InfoType, m.FileInfoClass)
	msg = appendU32(msg, mustFit32(len(m.Buffer), "SET_INFO BufferLength"))
	msg = appendU16(msg, mustFit16(off, "SET_INFO BufferOffset"))
	msg = appendU16(msg, 0) // Reserved
	msg = appendU32(msg, m.AdditionalInformation)
	msg = m.FileID.append(msg)
	if len(m.Buffer) == 0 {
		return append(msg, 0) // Buffer[0]
	}
	return append(msg, m.Buffer...)
}

// DecodeSetInfoRequest decodes an SMB2 SET_INFO Request ([MS-SMB2] 2.2.39);
// the buffer must lie inside the message after the fixed part. Buffer
// aliases msg.
func DecodeSetInfoRequest(msg []byte) (*SetInfoRequest, error) {
	r, err := bodyReader(msg, setInfoRequestFixed+1, setInfoRequestFixed+1, "SET_INFO request")
	if err != nil {
		return nil, err
	}
	m := &SetInfoRequest{InfoType: r.u8("InfoType"), FileInfoClass: r.u8("FileInfoClass")}
	n := r.u32("BufferLength")
	off := r.u16("BufferOffset")
	r.skip(2, "Reserved")
	m.AdditionalInformation = r.u32("AdditionalInformation")
	m.FileID = r.fileID("FileId")
	if r.err != nil {
		return nil, r.err
	}
	if m.Buffer, err = buffer(msg, uint64(off), uint64(n), HeaderSize+setInfoRequestFixed, "SET_INFO buffer"); err != nil {
		return nil, err
	}
	return m, nil
}

// SetInfoResponse is the SMB2 SET_INFO Response ([MS-SMB2] 2.2.40).
type SetInfoResponse struct{}

// Append appends the 2-byte SET_INFO response body to msg (header at
// msg[0:64]).
func (m *SetInfoResponse) Append(msg []byte) []byte {
	return appendU16(msg, setInfoResponseSize)
}

// DecodeSetInfoResponse decodes an SMB2 SET_INFO Response ([MS-SMB2]
// 2.2.40).
func DecodeSetInfoResponse(msg []byte) (*SetInfoResponse, error) {
	if _, err := bodyReader(msg, setInfoResponseSize, setInfoResponseSize, "SET_INFO response"); err != nil {
		return nil, err
	}
	return &SetInfoResponse{}, nil
}

// appendOutputResponse appends the body shared by the QUERY_INFO,
// QUERY_DIRECTORY and CHANGE_NOTIFY responses ([MS-SMB2] 2.2.38, 2.2.34,
// 2.2.36): StructureSize 9, OutputBufferOffset, OutputBufferLength, Buffer.
// An empty buffer gets offset 0 and the body ends after the fixed part.
func appendOutputResponse(msg, buf []byte, what string) []byte {
	off := 0
	if len(buf) > 0 {
		off = len(msg) + outputResponseFixed
	}
	msg = appendU16(msg, outputResponseFixed+1)
	msg = appendU16(msg, mustFit16(off, what+" OutputBufferOffset"))
	msg = appendU32(msg, mustFit32(len(buf), what+" OutputBufferLength"))
	return append(msg, buf...)
}

// decodeOutputResponse decodes the body shared by the QUERY_INFO,
// QUERY_DIRECTORY and CHANGE_NOTIFY responses and returns the buffer, which
// aliases msg and must lie after the fixed part.
func decodeOutputResponse(msg []byte, what string) ([]byte, error) {
	r, err := bodyReader(msg, outputResponseFixed+1, outputResponseFixed, what)
	if err != nil {
		return nil, err
	}
	off := r.u16("OutputBufferOffset")
	n := r.u32("OutputBufferLength")
	if r.err != nil {
		return nil, r.err
	}
	return buffer(msg, uint64(off), uint64(n), HeaderSize+outputResponseFixed, what+" buffer")
}
