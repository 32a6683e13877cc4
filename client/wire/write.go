package wire

// WRITE request flags ([MS-SMB2] 2.2.21).
const (
	WriteFlagWriteThrough uint32 = 0x00000001
	WriteFlagUnbuffered   uint32 = 0x00000002
)

// WriteRequestFixedSize is the size of the fixed part of a WRITE request
// body; WriteRequestDataOffset is where its data starts in a message whose
// header is at offset 0 ([MS-SMB2] 2.2.21). A sender that scatters the
// payload builds the message with WriteRequest.AppendFixed and sends the
// payload after it without copying.
const (
	WriteRequestFixedSize  = 48
	WriteRequestDataOffset = HeaderSize + WriteRequestFixedSize
	writeResponseFixed     = 16
)

// WriteRequest is the SMB2 WRITE Request ([MS-SMB2] 2.2.21). RDMA channel
// info is not supported: WriteChannelInfoOffset/Length are sent as zero.
// Decoded Data aliases the message.
type WriteRequest struct {
	Offset         uint64
	FileID         FileID
	Channel        uint32
	RemainingBytes uint32
	Flags          uint32
	Data           []byte
}

// Append appends the fixed part and m.Data to msg (header at msg[0:64]). An
// empty write still gets the one-byte Buffer that StructureSize 49 demands.
func (m *WriteRequest) Append(msg []byte) []byte {
	msg = m.AppendFixed(msg)
	if len(m.Data) == 0 {
		return append(msg, 0)
	}
	return append(msg, m.Data...)
}

// AppendFixed appends only the 48-byte fixed part, with Length = len(m.Data)
// and DataOffset = len(msg)+48 (WriteRequestDataOffset when msg holds just
// the header). The caller sends m.Data right after it, for instance as a
// second buffer of a vectored write, so the payload is never copied; the
// signature or encryption must cover both. For an empty write it must send
// one zero byte instead.
func (m *WriteRequest) AppendFixed(msg []byte) []byte {
	off := len(msg) + WriteRequestFixedSize
	msg = appendU16(msg, WriteRequestFixedSize+1)
	msg = appendU16(msg, mustFit16(off, "WRITE DataOffset"))
	msg = appendU32(msg, mustFit32(len(m.Data), "WRITE Length"))
	msg = appendU64(msg, m.Offset)
	msg = m.FileID.append(msg)
	msg = appendU32(msg, m.Channel)
	msg = appendU32(msg, m.RemainingBytes)
	msg = appendU16(msg, 0) // WriteChannelInfoOffset
	msg = appendU16(msg, 0) // WriteChannelInfoLength
	return appendU32(msg, m.Flags)
}

// DecodeWriteRequest decodes an SMB2 WRITE Request ([MS-SMB2] 2.2.21). The
// body must hold the fixed part plus at least one byte; the data must lie
// inside the message after the fixed part. Data aliases msg.
func DecodeWriteRequest(msg []byte) (*WriteRequest, error) {
	r, err := bodyReader(msg, WriteRequestFixedSize+1, WriteRequestFixedSize+1, "WRITE request")
	if err != nil {
		return nil, err
	}
	off := r.u16("DataOffset")
	n := r.u32("Length")
	m := &WriteRequest{}
	m.Offset = r.u64("Offset")
	m.FileID = r.fileID("FileId")
	m.Channel = r.u32("Channel")
	m.RemainingBytes = r.u32("RemainingBytes")
	infoOff := r.u16("WriteChannelInfoOffset")
	infoLen := r.u16("WriteChannelInfoLength")
	m.Flags = r.u32("Flags")
	if r.err != nil {
		return nil, r.err
	}
	if m.Data, err = buffer(msg, uint64(off), uint64(n), WriteRequestDataOffset, "WRITE data"); err != nil {
		return nil, err
	}
	if _, err := buffer(msg, uint64(infoOff), uint64(infoLen), WriteRequestDataOffset, "WRITE channel info"); err != nil {
		return nil, err
	}
	return m, nil
}

// WriteResponse is the SMB2 WRITE Response ([MS-SMB2] 2.2.22). The caller
// must check Count against the length it wrote.
type WriteResponse struct {
	Count     uint32
	Remaining uint32
}

// Append appends the 16-byte WRITE response body to msg (header at
// msg[0:64]), without a Buffer byte, as Samba sends it.
func (m *WriteResponse) Append(msg []byte) []byte {
	msg = appendU16(msg, writeResponseFixed+1)
	msg = appendU16(msg, 0) // Reserved
	msg = appendU32(msg, m.Count)
	msg = appendU32(msg, m.Remaining)
	msg = appendU16(msg, 0)  // WriteChannelInfoOffset
	return appendU16(msg, 0) // WriteChannelInfoLength
}

// DecodeWriteResponse decodes an SMB2 WRITE Response ([MS-SMB2] 2.2.22).
// The channel info fields are reserved and ignored.
func DecodeWriteResponse(msg []byte) (*WriteResponse, error) {
	r, err := bodyReader(msg, writeResponseFixed+1, writeResponseFixed, "WRITE response")
	if err != nil {
		return nil, err
	}
	r.skip(2, "Reserved")
	m := &WriteResponse{Count: r.u32("Count"), Remaining: r.u32("Remaining")}
	return m, r.err
}
