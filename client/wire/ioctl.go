package wire

// IoctlIsFsctl marks an IOCTL request as an FSCTL ([MS-SMB2] 2.2.31); servers
// reject requests without it.
const IoctlIsFsctl uint32 = 0x00000001

// FSCTL control codes for IoctlRequest.CtlCode ([MS-SMB2] 2.2.31, [MS-FSCC]
// 2.3).
const (
	FsctlDfsGetReferrals           uint32 = 0x00060194
	FsctlDfsGetReferralsEx         uint32 = 0x000601B0
	FsctlPipePeek                  uint32 = 0x0011400C
	FsctlPipeWait                  uint32 = 0x00110018
	FsctlPipeTransceive            uint32 = 0x0011C017
	FsctlSrvCopyChunk              uint32 = 0x001440F2
	FsctlSrvCopyChunkWrite         uint32 = 0x001480F2
	FsctlSrvEnumerateSnapshots     uint32 = 0x00144064
	FsctlSrvRequestResumeKey       uint32 = 0x00140078
	FsctlSrvReadHash               uint32 = 0x001441BB
	FsctlLmrRequestResiliency      uint32 = 0x001401D4
	FsctlQueryNetworkInterfaceInfo uint32 = 0x001401FC
	FsctlValidateNegotiateInfo     uint32 = 0x00140204
	FsctlGetReparsePoint           uint32 = 0x000900A8
	FsctlSetReparsePoint           uint32 = 0x000900A4
	FsctlDeleteReparsePoint        uint32 = 0x000900AC
	FsctlCreateOrGetObjectID       uint32 = 0x000900C0
	FsctlSetSparse                 uint32 = 0x000900C4
	FsctlSetZeroData               uint32 = 0x000980C8
	FsctlQueryAllocatedRanges      uint32 = 0x000940CF
	FsctlDuplicateExtentsToFile    uint32 = 0x00098344
	FsctlFileLevelTrim             uint32 = 0x00098208
	FsctlGetCompression            uint32 = 0x0009003C
	FsctlSetCompression            uint32 = 0x0009C040
	FsctlGetIntegrityInformation   uint32 = 0x0009027C
	FsctlSetIntegrityInformation   uint32 = 0x0009C280
	FsctlOffloadRead               uint32 = 0x00094264
	FsctlOffloadWrite              uint32 = 0x00098268
	FsctlDuplicateExtentsToFileEx  uint32 = 0x000983E8
)

const (
	ioctlRequestFixed  = 56
	ioctlResponseFixed = 48
)

// IoctlRequest is the SMB2 IOCTL Request ([MS-SMB2] 2.2.31). The request
// carries no output buffer (OutputOffset and OutputCount are sent as zero).
// Decoded Input aliases the message.
type IoctlRequest struct {
	CtlCode           uint32
	FileID            FileID
	Input             []byte
	MaxInputResponse  uint32
	MaxOutputResponse uint32
	Flags             uint32
}

// Append appends the IOCTL request body to msg (header at msg[0:64]): the
// fixed part and Input (or the one-byte Buffer when Input is empty, with
// InputOffset 0).
func (m *IoctlRequest) Append(msg []byte) []byte {
	inOff := 0
	if len(m.Input) > 0 {
		inOff = len(msg) + ioctlRequestFixed
	}
	msg = appendU16(msg, ioctlRequestFixed+1)
	msg = appendU16(msg, 0) // Reserved
	msg = appendU32(msg, m.CtlCode)
	msg = m.FileID.append(msg)
	msg = appendU32(msg, mustFit32(inOff, "IOCTL InputOffset"))
	msg = appendU32(msg, mustFit32(len(m.Input), "IOCTL InputCount"))
	msg = appendU32(msg, m.MaxInputResponse)
	msg = appendU32(msg, 0) // OutputOffset
	msg = appendU32(msg, 0) // OutputCount
	msg = appendU32(msg, m.MaxOutputResponse)
	msg = appendU32(msg, m.Flags)
	msg = appendU32(msg, 0) // Reserved2
	if len(m.Input) == 0 {
		return append(msg, 0) // Buffer[0]
	}
	return append(msg, m.Input...)
}

// DecodeIoctlRequest decodes an SMB2 IOCTL Request ([MS-SMB2] 2.2.31). The
// input and (ignored) output buffers must lie inside the message after the
// fixed part. Input aliases msg.
func DecodeIoctlRequest(msg []byte) (*IoctlRequest, error) {
	r, err := bodyReader(msg, ioctlRequestFixed+1, ioctlRequestFixed+1, "IOCTL request")
	if err != nil {
		return nil, err
	}
	r.skip(2, "Reserved")
	m := &IoctlRequest{CtlCode: r.u32("CtlCode")}
	m.FileID = r.fileID("FileId")
	inOff := r.u32("InputOffset")
	inLen := r.u32("InputCount")
	m.MaxInputResponse = r.u32("MaxInputResponse")
	outOff := r.u32("OutputOffset")
	outLen := r.u32("OutputCount")
	m.MaxOutputResponse = r.u32("MaxOutputResponse")
	m.Flags = r.u32("Flags")
	r.skip(4, "Reserved2")
	if r.err != nil {
		return nil, r.err
	}
	fixedEnd := HeaderSize + ioctlRequestFixed
	if m.Input, err = buffer(msg, uint64(inOff), uint64(inLen), fixedEnd, "IOCTL request input"); err != nil {
		return nil, err
	}
	if _, err := buffer(msg, uint64(outOff), uint64(outLen), fixedEnd, "IOCTL request output"); err != nil {
		return nil, err
	}
	return m, nil
}

// IoctlResponse is the SMB2 IOCTL Response ([MS-SMB2] 2.2.32). Decoded Input
// and Output alias the message; the caller must check their lengths against
// MaxInputResponse/MaxOutputResponse of its request.
type IoctlResponse struct {
	CtlCode uint32
	FileID  FileID
	Input   []byte
	Output  []byte
	Flags   uint32
}

// Append appends the IOCTL response body to msg (header at msg[0:64]):
// Input right after the fixed part, Output at the next 8-byte boundary.
// Empty buffers get offset 0; a response without buffers ends after the
// fixed part.
func (m *IoctlResponse) Append(msg []byte) []byte {
	pos := len(msg) + ioctlResponseFixed
	inOff, outOff := 0, 0
	if len(m.Input) > 0 {
		inOff = pos
		pos += len(m.Input)
	}
	if len(m.Output) > 0 {
		outOff = align(pos, 8)
	}
	msg = appendU16(msg, ioctlResponseFixed+1)
	msg = appendU16(msg, 0) // Reserved
	msg = appendU32(msg, m.CtlCode)
	msg = m.FileID.append(msg)
	msg = appendU32(msg, mustFit32(inOff, "IOCTL InputOffset"))
	msg = appendU32(msg, mustFit32(len(m.Input), "IOCTL InputCount"))
	msg = appendU32(msg, mustFit32(outOff, "IOCTL OutputOffset"))
	msg = appendU32(msg, mustFit32(len(m.Output), "IOCTL OutputCount"))
	msg = appendU32(msg, m.Flags)
	msg = appendU32(msg, 0) // Reserved2
	msg = append(msg, m.Input...)
	if len(m.Output) > 0 {
		msg = zeros(msg, outOff-len(msg))
		msg = append(msg, m.Output...)
	}
	return msg
}

// DecodeIoctlResponse decodes an SMB2 IOCTL Response ([MS-SMB2] 2.2.32).
// Both buffers must lie inside the message after the fixed part; Input and
// Output alias msg.
func DecodeIoctlResponse(msg []byte) (*IoctlResponse, error) {
	r, err := bodyReader(msg, ioctlResponseFixed+1, ioctlResponseFixed, "IOCTL response")
	if err != nil {
		return nil, err
	}
	r.skip(2, "Reserved")
	m := &IoctlResponse{CtlCode: r.u32("CtlCode")}
	m.FileID = r.fileID("FileId")
	inOff := r.u32("InputOffset")
	inLen := r.u32("InputCount")
	outOff := r.u32("OutputOffset")
	outLen := r.u32("OutputCount")
	m.Flags = r.u32("Flags")
	r.skip(4, "Reserved2")
	if r.err != nil {
		return nil, r.err
	}
	fixedEnd := HeaderSize + ioctlResponseFixed
	if m.Input, err = buffer(msg, uint64(inOff), uint64(inLen), fixedEnd, "IOCTL response input"); err != nil {
		return nil, err
	}
	if m.Output, err = buffer(msg, uint64(outOff), uint64(outLen), fixedEnd, "IOCTL response output"); err != nil {
		return nil, err
	}
	return m, nil
}
