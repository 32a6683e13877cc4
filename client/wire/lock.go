package wire

// Lock flags of an SMB2_LOCK_ELEMENT ([MS-SMB2] 2.2.26.1).
const (
	LockShared          uint32 = 0x00000001
	LockExclusive       uint32 = 0x00000002
	LockUnlock          uint32 = 0x00000004
	LockFailImmediately uint32 = 0x00000010
)

const (
	lockRequestFixed = 24 // up to the first element
	lockElementSize  = 24
	lockResponseSize = 4
)

// LockElement is an SMB2_LOCK_ELEMENT ([MS-SMB2] 2.2.26.1): a byte range and
// what to do with it.
type LockElement struct {
	Offset uint64
	Length uint64
	Flags  uint32
}

// LockRequest is the SMB2 LOCK Request ([MS-SMB2] 2.2.26). LockSequence
// packs LockSequenceNumber (low 4 bits) and LockSequenceIndex (high 28 bits)
// as on the wire. A request carries at least one element.
type LockRequest struct {
	LockSequence uint32
	FileID       FileID
	Locks        []LockElement
}

// Append appends the LOCK request body to msg (header at msg[0:64]). It
// panics on more than 65535 elements; with none it still emits the one
// (zero) element that StructureSize 48 counts, with LockCount 0, which a
// server rejects.
func (m *LockRequest) Append(msg []byte) []byte {
	msg = appendU16(msg, lockRequestFixed+lockElementSize)
	msg = appendU16(msg, mustFit16(len(m.Locks), "LOCK LockCount"))
	msg = appendU32(msg, m.LockSequence)
	msg = m.FileID.append(msg)
	if len(m.Locks) == 0 {
		return zeros(msg, lockElementSize)
	}
	for _, l := range m.Locks {
		msg = appendU64(msg, l.Offset)
		msg = appendU64(msg, l.Length)
		msg = appendU32(msg, l.Flags)
		msg = appendU32(msg, 0) // Reserved
	}
	return msg
}

// DecodeLockRequest decodes an SMB2 LOCK Request ([MS-SMB2] 2.2.26).
// LockCount must be at least 1 and its elements must fit in the message.
func DecodeLockRequest(msg []byte) (*LockRequest, error) {
	r, err := bodyReader(msg, lockRequestFixed+lockElementSize, lockRequestFixed+lockElementSize, "LOCK request")
	if err != nil {
		return nil, err
	}
	n := int(r.u16("LockCount"))
	m := &LockRequest{LockSequence: r.u32("LockSequence")}
	m.FileID = r.fileID("FileId")
	if r.err != nil {
		return nil, r.err
	}
	if n == 0 {
		return nil, malformed("LOCK request: LockCount 0")
	}
	if (len(msg)-r.off)/lockElementSize < n {
		return nil, malformed("LOCK request: %d elements do not fit in %d bytes", n, len(msg)-r.off)
	}
	m.Locks = make([]LockElement, n)
	for i := range m.Locks {
		m.Locks[i].Offset = r.u64("Offset")
		m.Locks[i].Length = r.u64("Length")
		m.Locks[i].Flags = r.u32("Flags")
		r.skip(4, "Reserved")
	}
	return m, r.err
}

// LockResponse is the SMB2 LOCK Response ([MS-SMB2] 2.2.27).
type LockResponse struct{}

// Append appends the 4-byte LOCK response body to msg (header at msg[0:64]).
func (m *LockResponse) Append(msg []byte) []byte {
	return appendU16(appendU16(msg, lockResponseSize), 0)
}

// DecodeLockResponse decodes an SMB2 LOCK Response ([MS-SMB2] 2.2.27).
func DecodeLockResponse(msg []byte) (*LockResponse, error) {
	if _, err := bodyReader(msg, lockResponseSize, lockResponseSize, "LOCK response"); err != nil {
		return nil, err
	}
	return &LockResponse{}, nil
}
