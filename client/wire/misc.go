package wire

// SMB2 ECHO ([MS-SMB2] 2.2.28, 2.2.29), CANCEL (2.2.30) and the ERROR
// response (2.2.2) with its error contexts (2.2.2.1) and the Symbolic Link
// Error Response (2.2.2.2.1).

// EchoRequest is the SMB2 ECHO Request ([MS-SMB2] 2.2.28): StructureSize 4
// and a reserved field.
type EchoRequest struct{}

// Append appends the ECHO request body to msg, which holds the header.
func (m *EchoRequest) Append(msg []byte) []byte { return appendReserved4(msg) }

// DecodeEchoRequest decodes an SMB2 ECHO Request ([MS-SMB2] 2.2.28).
func DecodeEchoRequest(msg []byte) (*EchoRequest, error) {
	if err := decodeReserved4(msg, "echo request"); err != nil {
		return nil, err
	}
	return &EchoRequest{}, nil
}

// EchoResponse is the SMB2 ECHO Response ([MS-SMB2] 2.2.29): StructureSize
// 4 and a reserved field.
type EchoResponse struct{}

// Append appends the ECHO response body to msg, which holds the header.
func (m *EchoResponse) Append(msg []byte) []byte { return appendReserved4(msg) }

// DecodeEchoResponse decodes an SMB2 ECHO Response ([MS-SMB2] 2.2.29).
func DecodeEchoResponse(msg []byte) (*EchoResponse, error) {
	if err := decodeReserved4(msg, "echo response"); err != nil {
		return nil, err
	}
	return &EchoResponse{}, nil
}

// CancelRequest is the SMB2 CANCEL Request ([MS-SMB2] 2.2.30):
// StructureSize 4 and a reserved field. Its header carries the MessageId (or
// AsyncId) of the request to cancel; the server sends no response.
type CancelRequest struct{}

// Append appends the CANCEL request body to msg, which holds the header.
func (m *CancelRequest) Append(msg []byte) []byte { return appendReserved4(msg) }

// DecodeCancelRequest decodes an SMB2 CANCEL Request ([MS-SMB2] 2.2.30).
func DecodeCancelRequest(msg []byte) (*CancelRequest, error) {
	if err := decodeReserved4(msg, "cancel request"); err != nil {
		return nil, err
	}
	return &CancelRequest{}, nil
}

// errorResponseFixed is the fixed part of the ERROR response body; its
// StructureSize, 9, counts the first byte of ErrorData.
const errorResponseFixed = 8

// ErrorResponse is the SMB2 ERROR Response ([MS-SMB2] 2.2.2), the body of
// any response whose Status is an error (and of some warnings, such as
// STATUS_STOPPED_ON_SYMLINK).
//
// With ErrorContextCount zero, ErrorData is the error-specific data of
// 2.2.2.2 (for example a Symbolic Link Error Response); in dialect 3.1.1 a
// nonzero ErrorContextCount means ErrorData is that many error contexts
// (2.2.2.1), which Contexts decodes.
type ErrorResponse struct {
	ErrorContextCount uint8
	// ErrorData is nil when ByteCount is 0.
	ErrorData []byte
}

// Append appends the ERROR response body to msg, which holds the header.
// Empty ErrorData is sent as ByteCount 0 and the one zero byte the
// specification requires.
func (m *ErrorResponse) Append(msg []byte) []byte {
	msg = appendU16(msg, errorResponseFixed+1)
	msg = append(msg, m.ErrorContextCount, 0) // Reserved
	msg = appendU32(msg, uint32(len(m.ErrorData)))
	if len(m.ErrorData) == 0 {
		return append(msg, 0)
	}
	return append(msg, m.ErrorData...)
}

// DecodeErrorResponse decodes an SMB2 ERROR Response ([MS-SMB2] 2.2.2).
// ByteCount bytes of ErrorData must follow the fixed part. When ByteCount is
// 0 the one padding byte the specification requires is not demanded: some
// servers omit it, and nothing depends on it.
func DecodeErrorResponse(msg []byte) (*ErrorResponse, error) {
	const what = "error response"
	r := newReader(msg, HeaderSize)
	r.structureSize(errorResponseFixed+1, what)
	m := &ErrorResponse{}
	m.ErrorContextCount = r.u8(what + " ErrorContextCount")
	r.skip(1, what+" Reserved")
	n := int(r.u32(what + " ByteCount"))
	if r.err == nil && n > 0 {
		m.ErrorData = r.bytes(n, what+" ErrorData")
	}
	if r.err != nil {
		return nil, r.err
	}
	return m, nil
}

// Error context identifiers, ErrorId of 2.2.2.1.
const (
	ErrorIDDefault       uint32 = 0x00000000 // SMB2_ERROR_ID_DEFAULT
	ErrorIDShareRedirect uint32 = 0x72645253 // SMB2_ERROR_ID_SHARE_REDIRECT
)

// errorContextHeader is ErrorDataLength (4) and ErrorId (4).
const errorContextHeader = 8

// ErrorContext is one SMB2 ERROR Context Response ([MS-SMB2] 2.2.2.1).
type ErrorContext struct {
	ErrorID uint32 // ErrorID*
	// Data is ErrorContextData, formatted as in 2.2.2.2 for the status.
	Data []byte
}

// Contexts decodes ErrorData as ErrorContextCount error contexts
// ([MS-SMB2] 2.2.2.1), each starting 8-byte aligned. It returns nil when
// ErrorContextCount is 0. Every context must lie inside ErrorData; at most
// the 7 bytes of alignment padding may follow the last one.
func (m *ErrorResponse) Contexts() ([]ErrorContext, error) {
	const what = "error response context"
	count := int(m.ErrorContextCount)
	if count == 0 {
		return nil, nil
	}
	data := m.ErrorData
	ctxs := make([]ErrorContext, 0, count)
	off := 0
	for i := 0; i < count; i++ {
		off = align8(off) // ErrorData is 8-aligned from the header: same alignment
		r := newReader(data, off)
		n := int(r.u32(what + " ErrorDataLength"))
		id := r.u32(what + " ErrorId")
		ctxData := r.bytes(n, what+" ErrorContextData")
		if r.err != nil {
			return nil, r.err
		}
		if n == 0 {
			ctxData = nil
		}
		ctxs = append(ctxs, ErrorContext{ErrorID: id, Data: ctxData})
		off = r.off
	}
	if len(data)-off >= 8 {
		return nil, malformed("%s: %d bytes after %d contexts", what, len(data)-off, count)
	}
	return ctxs, nil
}

// AppendErrorContexts appends ctxs as error contexts ([MS-SMB2] 2.2.2.1) to
// b, which must be empty or end 8-byte aligned relative to the start of the
// ErrorData (contexts are aligned on len(b)). The result is the ErrorData of
// an ErrorResponse whose ErrorContextCount is len(ctxs).
func AppendErrorContexts(b []byte, ctxs []ErrorContext) []byte {
	for i, c := range ctxs {
		if i > 0 {
			b = pad8(b)
		}
		b = appendU32(b, uint32(len(c.Data)))
		b = appendU32(b, c.ErrorID)
		b = append(b, c.Data...)
	}
	return b
}

// SymlinkError extracts the Symbolic Link Error Response ([MS-SMB2]
// 2.2.2.2.1) of a STATUS_STOPPED_ON_SYMLINK response: ErrorData itself when
// ErrorContextCount is 0, else the data of the one SMB2_ERROR_ID_DEFAULT
// context (dialect 3.1.1). A response with no or several default contexts,
// or with empty ErrorData (which some servers send), is an error: the caller
// may then read the link with FSCTL_GET_REPARSE_POINT.
func (m *ErrorResponse) SymlinkError() (*SymlinkError, error) {
	if m.ErrorContextCount == 0 {
		return DecodeSymlinkError(m.ErrorData)
	}
	ctxs, err := m.Contexts()
	if err != nil {
		return nil, err
	}
	var found []byte
	n := 0
	for _, c := range ctxs {
		if c.ErrorID == ErrorIDDefault {
			found = c.Data
			n++
		}
	}
	if n != 1 {
		return nil, malformed("symlink error: %d default error contexts, want 1", n)
	}
	return DecodeSymlinkError(found)
}

// SymlinkErrorTag is the SymLinkErrorTag of a Symbolic Link Error Response
// ([MS-SMB2] 2.2.2.2.1), "SYML" read little-endian. Its ReparseTag must be
// ReparseTagSymlink and its Flags use SymlinkFlagRelative (both [MS-FSCC]).
const SymlinkErrorTag uint32 = 0x4C4D5953

// symlinkErrorFixed is the fixed part of the Symbolic Link Error Response:
// SymLinkLength through Flags. symlinkReparseFixed is the part of it that
// ReparseDataLength counts (SubstituteNameOffset through Flags).
const (
	symlinkErrorFixed   = 28
	symlinkReparseFixed = 12
)

// SymlinkError is the Symbolic Link Error Response ([MS-SMB2] 2.2.2.2.1)
// that comes with STATUS_STOPPED_ON_SYMLINK. The names are as the server sent
// them; the client must validate UnparsedPathLength against the path it
// opened and resolve SubstituteName itself ([MS-SMB2] 2.2.2.2.1.1).
type SymlinkError struct {
	// UnparsedPathLength is the length in bytes of the part of the opened
	// path (UTF-16) that follows the link.
	UnparsedPathLength uint16
	// SubstituteName is the link target; PrintName its display form.
	SubstituteName string
	PrintName      string
	Flags          uint32 // SymlinkFlagRelative
}

// Append appends the Symbolic Link Error Response to b (as ErrorData, or as
// the data of an error context). The path buffer holds SubstituteName then
// PrintName; lengths must fit their 16-bit fields.
func (m *SymlinkError) Append(b []byte) []byte {
	subLen := UTF16Len(m.SubstituteName)
	printLen := UTF16Len(m.PrintName)
	pathLen := subLen + printLen
	b = appendU32(b, uint32(symlinkErrorFixed-4+pathLen)) // SymLinkLength excludes itself
	b = appendU32(b, SymlinkErrorTag)
	b = appendU32(b, ReparseTagSymlink)
	b = appendU16(b, uint16(symlinkReparseFixed+pathLen))
	b = appendU16(b, m.UnparsedPathLength)
	b = appendU16(b, 0) // SubstituteNameOffset
	b = appendU16(b, uint16(subLen))
	b = appendU16(b, uint16(subLen)) // PrintNameOffset
	b = appendU16(b, uint16(printLen))
	b = appendU32(b, m.Flags)
	b = AppendUTF16(b, m.SubstituteName)
	return AppendUTF16(b, m.PrintName)
}

// DecodeSymlinkError decodes a Symbolic Link Error Response ([MS-SMB2]
// 2.2.2.2.1) from data, the ErrorData of an ERROR response or the data of
// its default error context. SymLinkLength must fit in data, the tags must
// be SymlinkErrorTag and ReparseTagSymlink, ReparseDataLength must fit in
// SymLinkLength, and both names must lie inside the path buffer it delimits
// and have even lengths. Bytes after SymLinkLength are ignored.
func DecodeSymlinkError(data []byte) (*SymlinkError, error) {
	const what = "symlink error response"
	r := newReader(data, 0)
	symLen := int(r.u32(what + " SymLinkLength"))
	if r.err != nil {
		return nil, r.err
	}
	if symLen > len(data)-4 {
		return nil, malformed("%s: SymLinkLength %d exceeds %d bytes", what, symLen, len(data)-4)
	}
	r = newReader(data[:4+symLen], 4)
	if tag := r.u32(what + " SymLinkErrorTag"); r.err == nil && tag != SymlinkErrorTag {
		return nil, malformed("%s: SymLinkErrorTag 0x%08X", what, tag)
	}
	if tag := r.u32(what + " ReparseTag"); r.err == nil && tag != ReparseTagSymlink {
		return nil, malformed("%s: ReparseTag 0x%08X", what, tag)
	}
	reparseLen := int(r.u16(what + " ReparseDataLength"))
	m := &SymlinkError{}
	m.UnparsedPathLength = r.u16(what + " UnparsedPathLength")
	subOff := int(r.u16(what + " SubstituteNameOffset"))
	subLen := int(r.u16(what + " SubstituteNameLength"))
	printOff := int(r.u16(what + " PrintNameOffset"))
	printLen := int(r.u16(what + " PrintNameLength"))
	m.Flags = r.u32(what + " Flags")
	if r.err != nil {
		return nil, r.err
	}
	if reparseLen < symlinkReparseFixed {
		return nil, malformed("%s: ReparseDataLength %d", what, reparseLen)
	}
	pathBuf := r.bytes(reparseLen-symlinkReparseFixed, what+" PathBuffer")
	if r.err != nil {
		return nil, r.err
	}
	var err error
	if m.SubstituteName, err = symlinkName(pathBuf, subOff, subLen, what+" SubstituteName"); err != nil {
		return nil, err
	}
	if m.PrintName, err = symlinkName(pathBuf, printOff, printLen, what+" PrintName"); err != nil {
		return nil, err
	}
	return m, nil
}

// symlinkName decodes the UTF-16 name at off/n inside the path buffer.
func symlinkName(pathBuf []byte, off, n int, what string) (string, error) {
	if n%2 != 0 {
		return "", malformed("%s: odd length %d", what, n)
	}
	if n > 0 && (off > len(pathBuf) || len(pathBuf)-off < n) {
		return "", malformed("%s: %d bytes at offset %d outside the %d-byte path buffer", what, n, off, len(pathBuf))
	}
	if n == 0 {
		return "", nil
	}
	return DecodeUTF16(pathBuf[off : off+n])
}
