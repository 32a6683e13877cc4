package wire

// CloseFlagPostQueryAttrib asks the server to return the file's attributes in
// the CLOSE response ([MS-SMB2] 2.2.15).
const CloseFlagPostQueryAttrib uint16 = 0x0001

const (
	closeRequestSize  = 24
	closeResponseSize = 60
)

// CloseRequest is the SMB2 CLOSE Request ([MS-SMB2] 2.2.15).
type CloseRequest struct {
	Flags  uint16
	FileID FileID
}

// Append appends the 24-byte CLOSE request body to msg (header at msg[0:64]).
func (m *CloseRequest) Append(msg []byte) []byte {
	msg = appendU16(msg, closeRequestSize)
	msg = appendU16(msg, m.Flags)
	msg = appendU32(msg, 0) // Reserved
	return m.FileID.append(msg)
}

// DecodeCloseRequest decodes an SMB2 CLOSE Request ([MS-SMB2] 2.2.15).
func DecodeCloseRequest(msg []byte) (*CloseRequest, error) {
	r, err := bodyReader(msg, closeRequestSize, closeRequestSize, "CLOSE request")
	if err != nil {
		return nil, err
	}
	m := &CloseRequest{Flags: r.u16("Flags")}
	r.skip(4, "Reserved")
	m.FileID = r.fileID("FileId")
	return m, r.err
}

// CloseResponse is the SMB2 CLOSE Response ([MS-SMB2] 2.2.16). The times,
// sizes and attributes are meaningful only when Flags has
// CloseFlagPostQueryAttrib; otherwise the server sends zeros.
type CloseResponse struct {
	Flags          uint16
	CreationTime   uint64
	LastAccessTime uint64
	LastWriteTime  uint64
	ChangeTime     uint64
	AllocationSize uint64
	EndOfFile      uint64
	FileAttributes uint32
}

// Append appends the 60-byte CLOSE response body to msg (header at msg[0:64]).
func (m *CloseResponse) Append(msg []byte) []byte {
	msg = appendU16(msg, closeResponseSize)
	msg = appendU16(msg, m.Flags)
	msg = appendU32(msg, 0) // Reserved
	msg = appendU64(msg, m.CreationTime)
	msg = appendU64(msg, m.LastAccessTime)
	msg = appendU64(msg, m.LastWriteTime)
	msg = appendU64(msg, m.ChangeTime)
	msg = appendU64(msg, m.AllocationSize)
	msg = appendU64(msg, m.EndOfFile)
	return appendU32(msg, m.FileAttributes)
}

// DecodeCloseResponse decodes an SMB2 CLOSE Response ([MS-SMB2] 2.2.16).
func DecodeCloseResponse(msg []byte) (*CloseResponse, error) {
	r, err := bodyReader(msg, closeResponseSize, closeResponseSize, "CLOSE response")
	if err != nil {
		return nil, err
	}
	m := &CloseResponse{Flags: r.u16("Flags")}
	r.skip(4, "Reserved")
	m.CreationTime = r.u64("CreationTime")
	m.LastAccessTime = r.u64("LastAccessTime")
	m.LastWriteTime = r.u64("LastWriteTime")
	m.ChangeTime = r.u64("ChangeTime")
	m.AllocationSize = r.u64("AllocationSize")
	m.EndOfFile = r.u64("EndofFile")
	m.FileAttributes = r.u32("FileAttributes")
	return m, r.err
}
