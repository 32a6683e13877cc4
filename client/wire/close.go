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

// CloseResponse is the SMB2 CLOSE Response ([MS-SMB2] 2.2.16). OpenInfo
// is meaningful only when Flags has CloseFlagPostQueryAttrib; otherwise the
// server sends zeros. PostQuery says which.
type CloseResponse struct {
	Flags uint16
	OpenInfo
}

// PostQuery returns the file's attributes as the server saw them at close,
// and whether it sent them (Flags has CloseFlagPostQueryAttrib).
func (m *CloseResponse) PostQuery() (OpenInfo, bool) {
	return m.OpenInfo, m.Flags&CloseFlagPostQueryAttrib != 0
}

// Append appends the 60-byte CLOSE response body to msg (header at msg[0:64]).
func (m *CloseResponse) Append(msg []byte) []byte {
	msg = appendU16(msg, closeResponseSize)
	msg = appendU16(msg, m.Flags)
	msg = appendU32(msg, 0) // Reserved
	return m.OpenInfo.append(msg)
}

// DecodeCloseResponse decodes an SMB2 CLOSE Response ([MS-SMB2] 2.2.16).
func DecodeCloseResponse(msg []byte) (*CloseResponse, error) {
	r, err := bodyReader(msg, closeResponseSize, closeResponseSize, "CLOSE response")
	if err != nil {
		return nil, err
	}
	m := &CloseResponse{Flags: r.u16("Flags")}
	r.skip(4, "Reserved")
	m.OpenInfo.read(r)
	return m, r.err
}
