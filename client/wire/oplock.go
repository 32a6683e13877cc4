package wire

// StructureSize values that tell the OPLOCK_BREAK variants apart
// ([MS-SMB2] 2.2.23-2.2.25).
const (
	oplockBreakSize      = 24
	leaseBreakNotifySize = 44
	leaseBreakAckSize    = 36
)

// LeaseBreakFlagAckRequired is set in LeaseBreakNotification.Flags when the
// client must acknowledge the break ([MS-SMB2] 2.2.23.2).
const LeaseBreakFlagAckRequired uint32 = 0x00000001

// OplockBreakKind tells an OPLOCK_BREAK message that carries an oplock
// (StructureSize 24, [MS-SMB2] 2.2.23.1/2.2.24.1/2.2.25.1) from one that
// carries a lease (44 for the notification, 2.2.23.2; 36 for the
// acknowledgment and response, 2.2.24.2/2.2.25.2). Any other StructureSize
// is malformed.
func OplockBreakKind(msg []byte) (isLease bool, err error) {
	if len(msg) < HeaderSize+2 {
		return false, malformed("OPLOCK_BREAK: %d-byte message", len(msg))
	}
	switch n := getU16(msg, HeaderSize); n {
	case oplockBreakSize:
		return false, nil
	case leaseBreakNotifySize, leaseBreakAckSize:
		return true, nil
	default:
		return false, malformed("OPLOCK_BREAK: StructureSize %d", n)
	}
}

// OplockBreakNotification is the SMB2 Oplock Break Notification ([MS-SMB2]
// 2.2.23.1), sent by the server with MessageId 0xFFFFFFFFFFFFFFFF:
// OplockLevel is the level the client must break to.
type OplockBreakNotification struct {
	OplockLevel uint8
	FileID      FileID
}

// Append appends the 24-byte body to msg (header at msg[0:64]).
func (m *OplockBreakNotification) Append(msg []byte) []byte {
	return appendOplockBreak(msg, m.OplockLevel, m.FileID)
}

// DecodeOplockBreakNotification decodes an Oplock Break Notification
// ([MS-SMB2] 2.2.23.1).
func DecodeOplockBreakNotification(msg []byte) (*OplockBreakNotification, error) {
	level, id, err := decodeOplockBreak(msg, "oplock break notification")
	if err != nil {
		return nil, err
	}
	return &OplockBreakNotification{OplockLevel: level, FileID: id}, nil
}

// OplockBreakAck is the SMB2 Oplock Break Acknowledgment ([MS-SMB2]
// 2.2.24.1): the client accepts the level it was told to break to.
type OplockBreakAck struct {
	OplockLevel uint8
	FileID      FileID
}

// Append appends the 24-byte body to msg (header at msg[0:64]).
func (m *OplockBreakAck) Append(msg []byte) []byte {
	return appendOplockBreak(msg, m.OplockLevel, m.FileID)
}

// DecodeOplockBreakAck decodes an Oplock Break Acknowledgment ([MS-SMB2]
// 2.2.24.1).
func DecodeOplockBreakAck(msg []byte) (*OplockBreakAck, error) {
	level, id, err := decodeOplockBreak(msg, "oplock break acknowledgment")
	if err != nil {
		return nil, err
	}
	return &OplockBreakAck{OplockLevel: level, FileID: id}, nil
}

// OplockBreakResponse is the SMB2 Oplock Break Response ([MS-SMB2]
// 2.2.25.1), the server's answer to an acknowledgment.
type OplockBreakResponse struct {
	OplockLevel uint8
	FileID      FileID
}

// Append appends the 24-byte body to msg (header at msg[0:64]).
func (m *OplockBreakResponse) Append(msg []byte) []byte {
	return appendOplockBreak(msg, m.OplockLevel, m.FileID)
}

// DecodeOplockBreakResponse decodes an Oplock Break Response ([MS-SMB2]
// 2.2.25.1).
func DecodeOplockBreakResponse(msg []byte) (*OplockBreakResponse, error) {
	level, id, err := decodeOplockBreak(msg, "oplock break response")
	if err != nil {
		return nil, err
	}
	return &OplockBreakResponse{OplockLevel: level, FileID: id}, nil
}

func appendOplockBreak(msg []byte, level uint8, id FileID) []byte {
	msg = appendU16(msg, oplockBreakSize)
	msg = append(msg, level, 0) // OplockLevel, Reserved
	msg = appendU32(msg, 0)     // Reserved2
	return id.append(msg)
}

func decodeOplockBreak(msg []byte, what string) (uint8, FileID, error) {
	r, err := bodyReader(msg, oplockBreakSize, oplockBreakSize, what)
	if err != nil {
		return 0, FileID{}, err
	}
	level := r.u8("OplockLevel")
	r.skip(5, "Reserved")
	id := r.fileID("FileId")
	return level, id, r.err
}

// LeaseBreakNotification is the SMB2 Lease Break Notification ([MS-SMB2]
// 2.2.23.2): the server asks the holder of LeaseKey to go from
// CurrentLeaseState to NewLeaseState. BreakReason, AccessMaskHint and
// ShareMaskHint are reserved (zero).
type LeaseBreakNotification struct {
	NewEpoch          uint16
	Flags             uint32
	LeaseKey          [16]byte
	CurrentLeaseState uint32
	NewLeaseState     uint32
	BreakReason       uint32
	AccessMaskHint    uint32
	ShareMaskHint     uint32
}

// Append appends the 44-byte body to msg (header at msg[0:64]).
func (m *LeaseBreakNotification) Append(msg []byte) []byte {
	msg = appendU16(msg, leaseBreakNotifySize)
	msg = appendU16(msg, m.NewEpoch)
	msg = appendU32(msg, m.Flags)
	msg = append(msg, m.LeaseKey[:]...)
	msg = appendU32(msg, m.CurrentLeaseState)
	msg = appendU32(msg, m.NewLeaseState)
	msg = appendU32(msg, m.BreakReason)
	msg = appendU32(msg, m.AccessMaskHint)
	return appendU32(msg, m.ShareMaskHint)
}

// DecodeLeaseBreakNotification decodes a Lease Break Notification
// ([MS-SMB2] 2.2.23.2).
func DecodeLeaseBreakNotification(msg []byte) (*LeaseBreakNotification, error) {
	r, err := bodyReader(msg, leaseBreakNotifySize, leaseBreakNotifySize, "lease break notification")
	if err != nil {
		return nil, err
	}
	m := &LeaseBreakNotification{NewEpoch: r.u16("NewEpoch"), Flags: r.u32("Flags")}
	copy(m.LeaseKey[:], r.bytes(16, "LeaseKey"))
	m.CurrentLeaseState = r.u32("CurrentLeaseState")
	m.NewLeaseState = r.u32("NewLeaseState")
	m.BreakReason = r.u32("BreakReason")
	m.AccessMaskHint = r.u32("AccessMaskHint")
	m.ShareMaskHint = r.u32("ShareMaskHint")
	return m, r.err
}

// LeaseBreakAck is the SMB2 Lease Break Acknowledgment ([MS-SMB2] 2.2.24.2):
// the client accepts LeaseState for LeaseKey. Flags and LeaseDuration are
// reserved (zero).
type LeaseBreakAck struct {
	Flags         uint32
	LeaseKey      [16]byte
	LeaseState    uint32
	LeaseDuration uint64
}

// Append appends the 36-byte body to msg (header at msg[0:64]).
func (m *LeaseBreakAck) Append(msg []byte) []byte {
	return appendLeaseBreakAck(msg, m.Flags, m.LeaseKey, m.LeaseState, m.LeaseDuration)
}

// DecodeLeaseBreakAck decodes a Lease Break Acknowledgment ([MS-SMB2]
// 2.2.24.2).
func DecodeLeaseBreakAck(msg []byte) (*LeaseBreakAck, error) {
	m := &LeaseBreakAck{}
	if err := decodeLeaseBreakAck(msg, &m.Flags, &m.LeaseKey, &m.LeaseState, &m.LeaseDuration, "lease break acknowledgment"); err != nil {
		return nil, err
	}
	return m, nil
}

// LeaseBreakResponse is the SMB2 Lease Break Response ([MS-SMB2] 2.2.25.2),
// laid out as the acknowledgment.
type LeaseBreakResponse struct {
	Flags         uint32
	LeaseKey      [16]byte
	LeaseState    uint32
	LeaseDuration uint64
}

// Append appends the 36-byte body to msg (header at msg[0:64]).
func (m *LeaseBreakResponse) Append(msg []byte) []byte {
	return appendLeaseBreakAck(msg, m.Flags, m.LeaseKey, m.LeaseState, m.LeaseDuration)
}

// DecodeLeaseBreakResponse decodes a Lease Break Response ([MS-SMB2]
// 2.2.25.2).
func DecodeLeaseBreakResponse(msg []byte) (*LeaseBreakResponse, error) {
	m := &LeaseBreakResponse{}
	if err := decodeLeaseBreakAck(msg, &m.Flags, &m.LeaseKey, &m.LeaseState, &m.LeaseDuration, "lease break response"); err != nil {
		return nil, err
	}
	return m, nil
}

func appendLeaseBreakAck(msg []byte, flags uint32, key [16]byte, state uint32, duration uint64) []byte {
	msg = appendU16(msg, leaseBreakAckSize)
	msg = appendU16(msg, 0) // Reserved
	msg = appendU32(msg, flags)
	msg = append(msg, key[:]...)
	msg = appendU32(msg, state)
	return appendU64(msg, duration)
}

func decodeLeaseBreakAck(msg []byte, flags *uint32, key *[16]byte, state *uint32, duration *uint64, what string) error {
	r, err := bodyReader(msg, leaseBreakAckSize, leaseBreakAckSize, what)
	if err != nil {
		return err
	}
	r.skip(2, "Reserved")
	*flags = r.u32("Flags")
	copy(key[:], r.bytes(16, "LeaseKey"))
	*state = r.u32("LeaseState")
	*duration = r.u64("LeaseDuration")
	return r.err
}
