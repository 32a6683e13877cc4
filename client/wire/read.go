package wire

// READ request flags ([MS-SMB2] 2.2.19).
const (
	ReadFlagUnbuffered        uint8 = 0x01
	ReadFlagRequestCompressed uint8 = 0x02
)

// ReadResponseFlagRDMATransform is set in ReadResponse.Flags when the data
// was sent with an RDMA transform ([MS-SMB2] 2.2.20).
const ReadResponseFlagRDMATransform uint32 = 0x00000001

// Channel values of READ and WRITE requests ([MS-SMB2] 2.2.19, 2.2.21). This
// client never uses RDMA and sends ChannelNone.
const (
	ChannelNone             uint32 = 0x00000000
	ChannelRDMAV1           uint32 = 0x00000001
	ChannelRDMAV1Invalidate uint32 = 0x00000002
	ChannelRDMATransform    uint32 = 0x00000003
)

// Sizes of the READ fixed parts; ReadResponseDataOffset is where the data of
// a READ response built by ReadResponse.Append starts.
const (
	readRequestFixed       = 48
	ReadResponseFixedSize  = 16
	ReadResponseDataOffset = HeaderSize + ReadResponseFixedSize
)

// ReadRequest is the SMB2 READ Request ([MS-SMB2] 2.2.19). RDMA channel info
// is not supported: ReadChannelInfoOffset/Length are sent as zero.
type ReadRequest struct {
	Padding        uint8
	Flags          uint8
	Length         uint32
	Offset         uint64
	FileID         FileID
	MinimumCount   uint32
	Channel        uint32
	RemainingBytes uint32
}

// Append appends the READ request body to msg (header at msg[0:64]): the
// 48-byte fixed part and the one-byte Buffer that StructureSize 49 demands.
func (m *ReadRequest) Append(msg []byte) []byte {
	msg = appendU16(msg, readRequestFixed+1)
	msg = append(msg, m.Padding, m.Flags)
	msg = appendU32(msg, m.Length)
	msg = appendU64(msg, m.Offset)
	msg = m.FileID.append(msg)
	msg = appendU32(msg, m.MinimumCount)
	msg = appendU32(msg, m.Channel)
	msg = appendU32(msg, m.RemainingBytes)
	msg = appendU16(msg, 0) // ReadChannelInfoOffset
	msg = appendU16(msg, 0) // ReadChannelInfoLength
	return append(msg, 0)   // Buffer[0]
}

// DecodeReadRequest decodes an SMB2 READ Request ([MS-SMB2] 2.2.19). The
// one-byte Buffer must be present. Channel info, if any, must lie inside the
// message after the fixed part; it is not returned.
func DecodeReadRequest(msg []byte) (*ReadRequest, error) {
	r, err := bodyReader(msg, readRequestFixed+1, readRequestFixed+1, "READ request")
	if err != nil {
		return nil, err
	}
	m := &ReadRequest{}
	m.Padding = r.u8("Padding")
	m.Flags = r.u8("Flags")
	m.Length = r.u32("Length")
	m.Offset = r.u64("Offset")
	m.FileID = r.fileID("FileId")
	m.MinimumCount = r.u32("MinimumCount")
	m.Channel = r.u32("Channel")
	m.RemainingBytes = r.u32("RemainingBytes")
	infoOff := r.u16("ReadChannelInfoOffset")
	infoLen := r.u16("ReadChannelInfoLength")
	if r.err != nil {
		return nil, r.err
	}
	if _, err := buffer(msg, uint64(infoOff), uint64(infoLen), HeaderSize+readRequestFixed, "READ channel info"); err != nil {
		return nil, err
	}
	return m, nil
}

// ReadResponse is the SMB2 READ Response ([MS-SMB2] 2.2.20). Data aliases the
// message it was decoded from (no copy on the hot path); the caller must
// still check len(Data) against the Length it asked for.
type ReadResponse struct {
	DataRemaining uint32
	Flags         uint32
	Data          []byte
}

// Append appends the READ response body and m.Data to msg (header at
// msg[0:64]); the data starts right after the 16-byte fixed part. An empty
// read gets DataOffset 0 and no Buffer byte.
func (m *ReadResponse) Append(msg []byte) []byte {
	off := 0
	if len(m.Data) > 0 {
		off = len(msg) + ReadResponseFixedSize
		if off > 0xFF {
			panic("wire: READ response DataOffset does not fit in 8 bits")
		}
	}
	msg = appendU16(msg, ReadResponseFixedSize+1)
	msg = append(msg, byte(off), 0) // DataOffset, Reserved
	msg = appendU32(msg, mustFit32(len(m.Data), "READ DataLength"))
	msg = appendU32(msg, m.DataRemaining)
	msg = appendU32(msg, m.Flags)
	return append(msg, m.Data...)
}

// DecodeReadResponse decodes an SMB2 READ Response ([MS-SMB2] 2.2.20).
// DataOffset may be anything when DataLength is 0; otherwise the data must
// lie inside the message after the fixed part. Data aliases msg.
func DecodeReadResponse(msg []byte) (*ReadResponse, error) {
	r, err := bodyReader(msg, ReadResponseFixedSize+1, ReadResponseFixedSize, "READ response")
	if err != nil {
		return nil, err
	}
	off := r.u8("DataOffset")
	r.skip(1, "Reserved")
	n := r.u32("DataLength")
	m := &ReadResponse{DataRemaining: r.u32("DataRemaining"), Flags: r.u32("Flags")}
	if r.err != nil {
		return nil, r.err
	}
	if m.Data, err = buffer(msg, uint64(off), uint64(n), ReadResponseDataOffset, "READ data"); err != nil {
		return nil, err
	}
	return m, nil
}
