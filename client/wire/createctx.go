package wire

// Create context names ([MS-SMB2] 2.2.13.2, 2.2.14.2). The four-byte tags are
// ASCII; the others are 16-byte GUIDs in the byte order they have on the wire.
const (
	CtxNameEABuffer               = "ExtA"
	CtxNameSDBuffer               = "SecD"
	CtxNameDurableHandle          = "DHnQ"
	CtxNameDurableReconnect       = "DHnC"
	CtxNameAllocationSize         = "AlSi"
	CtxNameMaximalAccess          = "MxAc"
	CtxNameTimewarpToken          = "TWrp"
	CtxNameQueryOnDiskID          = "QFid"
	CtxNameLeaseRequest           = "RqLs"
	CtxNameDurableV2              = "DH2Q"
	CtxNameDurableReconnectV2     = "DH2C"
	CtxNameAppInstanceID          = "\x45\xBC\xA6\x6A\xEF\xA7\xF7\x4A\x90\x08\xFA\x46\x2E\x14\x4D\x74"
	CtxNameAppInstanceVersion     = "\xB9\x82\xD0\xB7\x3B\x56\x07\x4F\xA0\x7B\x52\x4A\x81\x16\xA0\x10"
	CtxNameSVHDXOpenDeviceContext = "\x9C\xCB\xCF\x9E\x04\xC1\xE6\x43\x98\x0E\x15\x8D\xA1\xF6\xEC\x83"
	// CtxNamePOSIX is SMB2_CREATE_TAG_POSIX, the create context of the SMB3
	// POSIX extensions (smb3posix.org, POSIX-SMB2 2.2.13.2 / 2.2.14.2), the
	// GUID 93AD2550-9CB4-11E7-B423-83DE968BCD7C written byte for byte as
	// Samba and Linux put it on the wire. It is not in [MS-SMB2].
	CtxNamePOSIX = "\x93\xAD\x25\x50\x9C\xB4\x11\xE7\xB4\x23\x83\xDE\x96\x8B\xCD\x7C"
)

// Lease state bits ([MS-SMB2] 2.2.13.2.8).
const (
	LeaseNone   uint32 = 0x00
	LeaseRead   uint32 = 0x01
	LeaseHandle uint32 = 0x02
	LeaseWrite  uint32 = 0x04
)

// Lease flags of SMB2_CREATE_REQUEST_LEASE(_V2) and its response
// ([MS-SMB2] 2.2.13.2.10, 2.2.14.2.11).
const (
	LeaseFlagBreakInProgress uint32 = 0x02
	LeaseFlagParentKeySet    uint32 = 0x04
)

// Sizes of the lease context data.
const (
	leaseV1Size = 32
	leaseV2Size = 52
)

// LeaseRequestV2 is SMB2_CREATE_REQUEST_LEASE_V2 ([MS-SMB2] 2.2.13.2.10),
// also the layout of SMB2_CREATE_RESPONSE_LEASE_V2 (2.2.14.2.11). The
// 8-byte LeaseDuration field is reserved and always zero.
type LeaseRequestV2 struct {
	Key       [16]byte
	State     uint32
	Flags     uint32
	ParentKey [16]byte
	Epoch     uint16
}

// Encode returns the 52-byte context data.
func (l *LeaseRequestV2) Encode() []byte {
	b := make([]byte, 0, leaseV2Size)
	b = append(b, l.Key[:]...)
	b = appendU32(b, l.State)
	b = appendU32(b, l.Flags)
	b = appendU64(b, 0) // LeaseDuration
	b = append(b, l.ParentKey[:]...)
	b = appendU16(b, l.Epoch)
	return appendU16(b, 0) // Reserved
}

// EncodeV1 returns the 32-byte SMB2_CREATE_REQUEST_LEASE form ([MS-SMB2]
// 2.2.13.2.8) used by dialect 2.1; ParentKey and Epoch are dropped.
func (l *LeaseRequestV2) EncodeV1() []byte {
	b := make([]byte, 0, leaseV1Size)
	b = append(b, l.Key[:]...)
	b = appendU32(b, l.State)
	b = appendU32(b, l.Flags)
	return appendU64(b, 0) // LeaseDuration
}

// DecodeLeaseV2 decodes the data of an RqLs context: the 52-byte v2 form
// ([MS-SMB2] 2.2.13.2.10, 2.2.14.2.11) or the 32-byte v1 form (2.2.13.2.8,
// 2.2.14.2.10), which leaves ParentKey and Epoch zero. Any other length is
// malformed.
func DecodeLeaseV2(data []byte) (*LeaseRequestV2, error) {
	if len(data) != leaseV1Size && len(data) != leaseV2Size {
		return nil, malformed("lease context: %d bytes, want %d or %d", len(data), leaseV1Size, leaseV2Size)
	}
	r := newReader(data, 0)
	l := &LeaseRequestV2{}
	copy(l.Key[:], r.bytes(16, "LeaseKey"))
	l.State = r.u32("LeaseState")
	l.Flags = r.u32("LeaseFlags")
	r.skip(8, "LeaseDuration")
	if len(data) == leaseV2Size {
		copy(l.ParentKey[:], r.bytes(16, "ParentLeaseKey"))
		l.Epoch = r.u16("Epoch")
	}
	return l, r.err
}

// Durable handle v2 flags ([MS-SMB2] 2.2.13.2.11).
const DurableHandleFlagPersistent uint32 = 0x00000002

const durableV2RequestSize = 32

// DurableHandleRequestV2 is SMB2_CREATE_DURABLE_HANDLE_REQUEST_V2, the data
// of a DH2Q request context ([MS-SMB2] 2.2.13.2.11).
type DurableHandleRequestV2 struct {
	Timeout    uint32
	Flags      uint32
	CreateGUID [16]byte
}

// Encode returns the 32-byte context data.
func (d *DurableHandleRequestV2) Encode() []byte {
	b := make([]byte, 0, durableV2RequestSize)
	b = appendU32(b, d.Timeout)
	b = appendU32(b, d.Flags)
	b = appendU64(b, 0) // Reserved
	return append(b, d.CreateGUID[:]...)
}

// DecodeDurableHandleRequestV2 decodes DH2Q request data ([MS-SMB2]
// 2.2.13.2.11); it must be exactly 32 bytes.
func DecodeDurableHandleRequestV2(data []byte) (*DurableHandleRequestV2, error) {
	if len(data) != durableV2RequestSize {
		return nil, malformed("DH2Q request: %d bytes, want %d", len(data), durableV2RequestSize)
	}
	r := newReader(data, 0)
	d := &DurableHandleRequestV2{Timeout: r.u32("Timeout"), Flags: r.u32("Flags")}
	r.skip(8, "Reserved")
	copy(d.CreateGUID[:], r.bytes(16, "CreateGuid"))
	return d, r.err
}

const durableV2ResponseSize = 8

// DurableHandleResponseV2 is SMB2_CREATE_DURABLE_HANDLE_RESPONSE_V2, the data
// of a DH2Q response context ([MS-SMB2] 2.2.14.2.12).
type DurableHandleResponseV2 struct {
	Timeout uint32
	Flags   uint32
}

// Encode returns the 8-byte context data.
func (d *DurableHandleResponseV2) Encode() []byte {
	return appendU32(appendU32(make([]byte, 0, durableV2ResponseSize), d.Timeout), d.Flags)
}

// DecodeDurableHandleResponseV2 decodes DH2Q response data ([MS-SMB2]
// 2.2.14.2.12); it must be exactly 8 bytes.
func DecodeDurableHandleResponseV2(data []byte) (*DurableHandleResponseV2, error) {
	if len(data) != durableV2ResponseSize {
		return nil, malformed("DH2Q response: %d bytes, want %d", len(data), durableV2ResponseSize)
	}
	r := newReader(data, 0)
	return &DurableHandleResponseV2{Timeout: r.u32("Timeout"), Flags: r.u32("Flags")}, r.err
}

const durableReconnectV2Size = 36

// DurableHandleReconnectV2 is SMB2_CREATE_DURABLE_HANDLE_RECONNECT_V2, the
// data of a DH2C request context ([MS-SMB2] 2.2.13.2.12).
type DurableHandleReconnectV2 struct {
	FileID     FileID
	CreateGUID [16]byte
	Flags      uint32
}

// Encode returns the 36-byte context data.
func (d *DurableHandleReconnectV2) Encode() []byte {
	b := d.FileID.append(make([]byte, 0, durableReconnectV2Size))
	b = append(b, d.CreateGUID[:]...)
	return appendU32(b, d.Flags)
}

// DecodeDurableHandleReconnectV2 decodes DH2C data ([MS-SMB2] 2.2.13.2.12);
// it must be exactly 36 bytes.
func DecodeDurableHandleReconnectV2(data []byte) (*DurableHandleReconnectV2, error) {
	if len(data) != durableReconnectV2Size {
		return nil, malformed("DH2C: %d bytes, want %d", len(data), durableReconnectV2Size)
	}
	r := newReader(data, 0)
	d := &DurableHandleReconnectV2{FileID: r.fileID("FileId")}
	copy(d.CreateGUID[:], r.bytes(16, "CreateGuid"))
	d.Flags = r.u32("Flags")
	return d, r.err
}

const maximalAccessResponseSize = 8

// MaximalAccessResponse is SMB2_CREATE_QUERY_MAXIMAL_ACCESS_RESPONSE, the
// data of an MxAc response context ([MS-SMB2] 2.2.14.2.5). MaximalAccess is
// meaningful only when QueryStatus is StatusSuccess. (The MxAc request
// context carries no data, or an optional 8-byte timestamp, 2.2.13.2.5.)
type MaximalAccessResponse struct {
	QueryStatus   Status
	MaximalAccess uint32
}

// Encode returns the 8-byte context data.
func (m *MaximalAccessResponse) Encode() []byte {
	return appendU32(appendU32(make([]byte, 0, maximalAccessResponseSize), uint32(m.QueryStatus)), m.MaximalAccess)
}

// DecodeMaximalAccessResponse decodes MxAc response data ([MS-SMB2]
// 2.2.14.2.5); it must be exactly 8 bytes.
func DecodeMaximalAccessResponse(data []byte) (*MaximalAccessResponse, error) {
	if len(data) != maximalAccessResponseSize {
		return nil, malformed("MxAc response: %d bytes, want %d", len(data), maximalAccessResponseSize)
	}
	r := newReader(data, 0)
	return &MaximalAccessResponse{QueryStatus: Status(r.u32("QueryStatus")), MaximalAccess: r.u32("MaximalAccess")}, r.err
}

const queryOnDiskIDResponseSize = 32

// QueryOnDiskIDResponse is SMB2_CREATE_QUERY_ON_DISK_ID response data
// ([MS-SMB2] 2.2.14.2.9): the on-disk file id and volume id, followed by 16
// reserved bytes. (The QFid request context carries no data, 2.2.13.2.9.)
type QueryOnDiskIDResponse struct {
	DiskFileID uint64
	VolumeID   uint64
}

// Encode returns the 32-byte context data.
func (q *QueryOnDiskIDResponse) Encode() []byte {
	b := appendU64(make([]byte, 0, queryOnDiskIDResponseSize), q.DiskFileID)
	b = appendU64(b, q.VolumeID)
	return zeros(b, 16) // Reserved
}

// DecodeQueryOnDiskIDResponse decodes QFid response data ([MS-SMB2]
// 2.2.14.2.9); it must be exactly 32 bytes.
func DecodeQueryOnDiskIDResponse(data []byte) (*QueryOnDiskIDResponse, error) {
	if len(data) != queryOnDiskIDResponseSize {
		return nil, malformed("QFid response: %d bytes, want %d", len(data), queryOnDiskIDResponseSize)
	}
	r := newReader(data, 0)
	return &QueryOnDiskIDResponse{DiskFileID: r.u64("DiskFileId"), VolumeID: r.u64("VolumeId")}, r.err
}
