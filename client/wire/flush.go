package wire

const (
	flushRequestSize  = 24
	flushResponseSize = 4
)

// FlushRequest is the SMB2 FLUSH Request ([MS-SMB2] 2.2.17).
type FlushRequest struct {
	FileID FileID
}

// Append appends the 24-byte FLUSH request body to msg (header at msg[0:64]).
func (m *FlushRequest) Append(msg []byte) []byte {
	msg = appendU16(msg, flushRequestSize)
	msg = appendU16(msg, 0) // Reserved1
	msg = appendU32(msg, 0) // Reserved2
	return m.FileID.append(msg)
}

// DecodeFlushRequest decodes an SMB2 FLUSH Request ([MS-SMB2] 2.2.17).
func DecodeFlushRequest(msg []byte) (*FlushRequest, error) {
	r, err := bodyReader(msg, flushRequestSize, flushRequestSize, "FLUSH request")
	if err != nil {
		return nil, err
	}
	r.skip(6, "Reserved")
	m := &FlushRequest{FileID: r.fileID("FileId")}
	return m, r.err
}

// FlushResponse is the SMB2 FLUSH Response ([MS-SMB2] 2.2.18); it carries
// nothing but its StructureSize.
type FlushResponse struct{}

// Append appends the 4-byte FLUSH response body to msg (header at msg[0:64]).
func (m *FlushResponse) Append(msg []byte) []byte {
	return appendU16(appendU16(msg, flushResponseSize), 0)
}

// DecodeFlushResponse decodes an SMB2 FLUSH Response ([MS-SMB2] 2.2.18).
func DecodeFlushResponse(msg []byte) (*FlushResponse, error) {
	if _, err := bodyReader(msg, flushResponseSize, flushResponseSize, "FLUSH response"); err != nil {
		return nil, err
	}
	return &FlushResponse{}, nil
}
