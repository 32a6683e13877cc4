package wire

// SMB2 SESSION_SETUP ([MS-SMB2] 2.2.5, 2.2.6) and LOGOFF (2.2.7, 2.2.8).

// SessionFlagBinding is the SESSION_SETUP request flag
// SMB2_SESSION_FLAG_BINDING ([MS-SMB2] 2.2.5): bind an existing session to
// a new connection (multichannel).
const SessionFlagBinding uint8 = 0x01

// SESSION_SETUP response SessionFlags ([MS-SMB2] 2.2.6).
const (
	SessionFlagIsGuest     uint16 = 0x0001 // SMB2_SESSION_FLAG_IS_GUEST
	SessionFlagIsNull      uint16 = 0x0002 // SMB2_SESSION_FLAG_IS_NULL
	SessionFlagEncryptData uint16 = 0x0004 // SMB2_SESSION_FLAG_ENCRYPT_DATA
)

// Sizes of the fixed parts of the SESSION_SETUP bodies; each StructureSize
// counts one byte more (the first byte of the buffer).
const (
	sessionSetupRequestFixed  = 24
	sessionSetupResponseFixed = 8
)

// SessionSetupRequest is the SMB2 SESSION_SETUP Request ([MS-SMB2] 2.2.5).
type SessionSetupRequest struct {
	Flags             uint8 // SessionFlagBinding
	SecurityMode      uint8 // SecurityModeSigning* in one byte
	Capabilities      uint32
	Channel           uint32 // reserved: 0
	PreviousSessionID uint64
	// SecurityBuffer is the GSS token (SPNEGO); nil when empty.
	SecurityBuffer []byte
}

// Append appends the SESSION_SETUP request body to msg, which holds the
// header. The security buffer follows the fixed part (offset 88); its length
// must fit in 16 bits.
func (m *SessionSetupRequest) Append(msg []byte) []byte {
	msg = appendU16(msg, sessionSetupRequestFixed+1)
	msg = append(msg, m.Flags, m.SecurityMode)
	msg = appendU32(msg, m.Capabilities)
	msg = appendU32(msg, m.Channel)
	msg = appendU16(msg, uint16(len(msg)+12)) // SecurityBufferOffset: after the 12 bytes below
	msg = appendU16(msg, uint16(len(m.SecurityBuffer)))
	msg = appendU64(msg, m.PreviousSessionID)
	return append(msg, m.SecurityBuffer...)
}

// DecodeSessionSetupRequest decodes an SMB2 SESSION_SETUP Request
// ([MS-SMB2] 2.2.5). The security buffer must lie inside msg after the
// fixed part.
func DecodeSessionSetupRequest(msg []byte) (*SessionSetupRequest, error) {
	const what = "session setup request"
	r := newReader(msg, HeaderSize)
	r.structureSize(sessionSetupRequestFixed+1, what)
	m := &SessionSetupRequest{}
	m.Flags = r.u8(what + " Flags")
	m.SecurityMode = r.u8(what + " SecurityMode")
	m.Capabilities = r.u32(what + " Capabilities")
	m.Channel = r.u32(what + " Channel")
	off := r.u16(what + " SecurityBufferOffset")
	n := r.u16(what + " SecurityBufferLength")
	m.PreviousSessionID = r.u64(what + " PreviousSessionId")
	if r.err != nil {
		return nil, r.err
	}
	var err error
	if m.SecurityBuffer, err = buffer(msg, uint64(off), uint64(n), r.off, what+" security buffer"); err != nil {
		return nil, err
	}
	return m, nil
}

// SessionSetupResponse is the SMB2 SESSION_SETUP Response ([MS-SMB2] 2.2.6).
type SessionSetupResponse struct {
	SessionFlags uint16 // SessionFlag*
	// SecurityBuffer is the server's GSS token (SPNEGO); nil when empty.
	SecurityBuffer []byte
}

// Append appends the SESSION_SETUP response body to msg, which holds the
// header. The security buffer follows the fixed part (offset 72).
func (m *SessionSetupResponse) Append(msg []byte) []byte {
	msg = appendU16(msg, sessionSetupResponseFixed+1)
	msg = appendU16(msg, m.SessionFlags)
	msg = appendU16(msg, uint16(len(msg)+4)) // SecurityBufferOffset: after the 4 bytes below
	msg = appendU16(msg, uint16(len(m.SecurityBuffer)))
	return append(msg, m.SecurityBuffer...)
}

// DecodeSessionSetupResponse decodes an SMB2 SESSION_SETUP Response
// ([MS-SMB2] 2.2.6). The security buffer must lie inside msg after the fixed
// part; an empty one may have any offset.
func DecodeSessionSetupResponse(msg []byte) (*SessionSetupResponse, error) {
	const what = "session setup response"
	r := newReader(msg, HeaderSize)
	r.structureSize(sessionSetupResponseFixed+1, what)
	m := &SessionSetupResponse{}
	m.SessionFlags = r.u16(what + " SessionFlags")
	off := r.u16(what + " SecurityBufferOffset")
	n := r.u16(what + " SecurityBufferLength")
	if r.err != nil {
		return nil, r.err
	}
	var err error
	if m.SecurityBuffer, err = buffer(msg, uint64(off), uint64(n), r.off, what+" security buffer"); err != nil {
		return nil, err
	}
	return m, nil
}

// LogoffRequest is the SMB2 LOGOFF Request ([MS-SMB2] 2.2.7): StructureSize
// 4 and a reserved field.
type LogoffRequest struct{}

// Append appends the LOGOFF request body to msg, which holds the header.
func (m *LogoffRequest) Append(msg []byte) []byte { return appendReserved4(msg) }

// DecodeLogoffRequest decodes an SMB2 LOGOFF Request ([MS-SMB2] 2.2.7).
func DecodeLogoffRequest(msg []byte) (*LogoffRequest, error) {
	if err := decodeReserved4(msg, "logoff request"); err != nil {
		return nil, err
	}
	return &LogoffRequest{}, nil
}

// LogoffResponse is the SMB2 LOGOFF Response ([MS-SMB2] 2.2.8):
// StructureSize 4 and a reserved field.
type LogoffResponse struct{}

// Append appends the LOGOFF response body to msg, which holds the header.
func (m *LogoffResponse) Append(msg []byte) []byte { return appendReserved4(msg) }

// DecodeLogoffResponse decodes an SMB2 LOGOFF Response ([MS-SMB2] 2.2.8).
func DecodeLogoffResponse(msg []byte) (*LogoffResponse, error) {
	if err := decodeReserved4(msg, "logoff response"); err != nil {
		return nil, err
	}
	return &LogoffResponse{}, nil
}
