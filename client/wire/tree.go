package wire

// SMB2 TREE_CONNECT ([MS-SMB2] 2.2.9, 2.2.10) and TREE_DISCONNECT (2.2.11,
// 2.2.12).

// TREE_CONNECT request flags ([MS-SMB2] 2.2.9, dialect 3.1.1 only).
const (
	TreeConnectFlagClusterReconnect uint16 = 0x0001 // SMB2_TREE_CONNECT_FLAG_CLUSTER_RECONNECT
	TreeConnectFlagRedirectToOwner  uint16 = 0x0002 // SMB2_TREE_CONNECT_FLAG_REDIRECT_TO_OWNER
	// TreeConnectFlagExtensionPresent says the buffer holds a
	// TREE_CONNECT_Request_Extension (2.2.9.1), which this package does not
	// implement: DecodeTreeConnectRequest rejects it.
	TreeConnectFlagExtensionPresent uint16 = 0x0004 // SMB2_TREE_CONNECT_FLAG_EXTENSION_PRESENT
)

// Share types of the TREE_CONNECT response ([MS-SMB2] 2.2.10).
const (
	ShareTypeDisk  uint8 = 0x01 // SMB2_SHARE_TYPE_DISK
	ShareTypePipe  uint8 = 0x02 // SMB2_SHARE_TYPE_PIPE
	ShareTypePrint uint8 = 0x03 // SMB2_SHARE_TYPE_PRINT
)

// Share flags of the TREE_CONNECT response ([MS-SMB2] 2.2.10). The caching
// policy is the two-bit field ShareFlagCachingMask, one of
// ShareFlagManualCaching, ShareFlagAutoCaching, ShareFlagVDOCaching and
// ShareFlagNoCaching; the other values are single bits.
const (
	ShareFlagManualCaching            uint32 = 0x00000000 // SMB2_SHAREFLAG_MANUAL_CACHING
	ShareFlagAutoCaching              uint32 = 0x00000010 // SMB2_SHAREFLAG_AUTO_CACHING
	ShareFlagVDOCaching               uint32 = 0x00000020 // SMB2_SHAREFLAG_VDO_CACHING
	ShareFlagNoCaching                uint32 = 0x00000030 // SMB2_SHAREFLAG_NO_CACHING
	ShareFlagCachingMask              uint32 = 0x00000030
	ShareFlagDFS                      uint32 = 0x00000001 // SMB2_SHAREFLAG_DFS
	ShareFlagDFSRoot                  uint32 = 0x00000002 // SMB2_SHAREFLAG_DFS_ROOT
	ShareFlagRestrictExclusiveOpens   uint32 = 0x00000100 // SMB2_SHAREFLAG_RESTRICT_EXCLUSIVE_OPENS
	ShareFlagForceSharedDelete        uint32 = 0x00000200 // SMB2_SHAREFLAG_FORCE_SHARED_DELETE
	ShareFlagAllowNamespaceCaching    uint32 = 0x00000400 // SMB2_SHAREFLAG_ALLOW_NAMESPACE_CACHING
	ShareFlagAccessBasedDirectoryEnum uint32 = 0x00000800 // SMB2_SHAREFLAG_ACCESS_BASED_DIRECTORY_ENUM
	ShareFlagForceLevelIIOplock       uint32 = 0x00001000 // SMB2_SHAREFLAG_FORCE_LEVELII_OPLOCK
	ShareFlagEnableHashV1             uint32 = 0x00002000 // SMB2_SHAREFLAG_ENABLE_HASH_V1
	ShareFlagEnableHashV2             uint32 = 0x00004000 // SMB2_SHAREFLAG_ENABLE_HASH_V2
	ShareFlagEncryptData              uint32 = 0x00008000 // SMB2_SHAREFLAG_ENCRYPT_DATA
	ShareFlagIdentityRemoting         uint32 = 0x00040000 // SMB2_SHAREFLAG_IDENTITY_REMOTING
	ShareFlagCompressData             uint32 = 0x00100000 // SMB2_SHAREFLAG_COMPRESS_DATA
	ShareFlagIsolatedTransport        uint32 = 0x00200000 // SMB2_SHAREFLAG_ISOLATED_TRANSPORT
)

// Share capabilities of the TREE_CONNECT response ([MS-SMB2] 2.2.10).
const (
	ShareCapDFS                    uint32 = 0x00000008 // SMB2_SHARE_CAP_DFS
	ShareCapContinuousAvailability uint32 = 0x00000010 // SMB2_SHARE_CAP_CONTINUOUS_AVAILABILITY
	ShareCapScaleout               uint32 = 0x00000020 // SMB2_SHARE_CAP_SCALEOUT
	ShareCapCluster                uint32 = 0x00000040 // SMB2_SHARE_CAP_CLUSTER
	ShareCapAsymmetric             uint32 = 0x00000080 // SMB2_SHARE_CAP_ASYMMETRIC
	ShareCapRedirectToOwner        uint32 = 0x00000100 // SMB2_SHARE_CAP_REDIRECT_TO_OWNER
)

// Sizes of the fixed TREE_CONNECT bodies.
const (
	treeConnectRequestFixed = 8 // StructureSize says 9: the path's first byte counted
	treeConnectResponseSize = 16
)

// TreeConnectRequest is the SMB2 TREE_CONNECT Request ([MS-SMB2] 2.2.9).
type TreeConnectRequest struct {
	Flags uint16 // TreeConnectFlag*; reserved (0) before dialect 3.1.1
	// Path is the share path, \\server\share, sent as UTF-16LE without a
	// terminator.
	Path string
}

// Append appends the TREE_CONNECT request body to msg, which holds the
// header. The path follows the fixed part (offset 72); its UTF-16 form must
// fit in 16 bits.
func (m *TreeConnectRequest) Append(msg []byte) []byte {
	msg = appendU16(msg, treeConnectRequestFixed+1)
	msg = appendU16(msg, m.Flags)
	msg = appendU16(msg, uint16(len(msg)+4)) // PathOffset: after the 4 bytes below
	msg = appendU16(msg, uint16(UTF16Len(m.Path)))
	return AppendUTF16(msg, m.Path)
}

// DecodeTreeConnectRequest decodes an SMB2 TREE_CONNECT Request ([MS-SMB2]
// 2.2.9). The path must lie inside msg after the fixed part and have an even
// length. A request with TreeConnectFlagExtensionPresent is rejected: this
// package does not implement the extension (2.2.9.1).
func DecodeTreeConnectRequest(msg []byte) (*TreeConnectRequest, error) {
	const what = "tree connect request"
	r := newReader(msg, HeaderSize)
	r.structureSize(treeConnectRequestFixed+1, what)
	m := &TreeConnectRequest{}
	m.Flags = r.u16(what + " Flags")
	off := r.u16(what + " PathOffset")
	n := r.u16(what + " PathLength")
	if r.err != nil {
		return nil, r.err
	}
	if m.Flags&TreeConnectFlagExtensionPresent != 0 {
		return nil, malformed("%s: tree connect request extension not supported", what)
	}
	path, err := buffer(msg, uint64(off), uint64(n), r.off, what+" path")
	if err != nil {
		return nil, err
	}
	if len(path)%2 != 0 {
		return nil, malformed("%s: odd path length %d", what, len(path))
	}
	if m.Path, err = DecodeUTF16(path); err != nil {
		return nil, err
	}
	return m, nil
}

// TreeConnectResponse is the SMB2 TREE_CONNECT Response ([MS-SMB2] 2.2.10).
type TreeConnectResponse struct {
	ShareType     uint8  // ShareType*
	ShareFlags    uint32 // ShareFlag*
	Capabilities  uint32 // ShareCap*
	MaximalAccess uint32 // access mask of the user on the share
}

// Append appends the TREE_CONNECT response body to msg, which holds the
// header.
func (m *TreeConnectResponse) Append(msg []byte) []byte {
	msg = appendU16(msg, treeConnectResponseSize)
	msg = append(msg, m.ShareType, 0) // Reserved
	msg = appendU32(msg, m.ShareFlags)
	msg = appendU32(msg, m.Capabilities)
	return appendU32(msg, m.MaximalAccess)
}

// DecodeTreeConnectResponse decodes an SMB2 TREE_CONNECT Response
// ([MS-SMB2] 2.2.10). The share type is returned as sent: the caller decides
// what to do with a type it does not know.
func DecodeTreeConnectResponse(msg []byte) (*TreeConnectResponse, error) {
	const what = "tree connect response"
	r := newReader(msg, HeaderSize)
	r.structureSize(treeConnectResponseSize, what)
	m := &TreeConnectResponse{}
	m.ShareType = r.u8(what + " ShareType")
	r.skip(1, what+" Reserved")
	m.ShareFlags = r.u32(what + " ShareFlags")
	m.Capabilities = r.u32(what + " Capabilities")
	m.MaximalAccess = r.u32(what + " MaximalAccess")
	if r.err != nil {
		return nil, r.err
	}
	return m, nil
}

// TreeDisconnectRequest is the SMB2 TREE_DISCONNECT Request ([MS-SMB2]
// 2.2.11): StructureSize 4 and a reserved field.
type TreeDisconnectRequest struct{}

// Append appends the TREE_DISCONNECT request body to msg, which holds the
// header.
func (m *TreeDisconnectRequest) Append(msg []byte) []byte { return appendReserved4(msg) }

// DecodeTreeDisconnectRequest decodes an SMB2 TREE_DISCONNECT Request
// ([MS-SMB2] 2.2.11).
func DecodeTreeDisconnectRequest(msg []byte) (*TreeDisconnectRequest, error) {
	if err := decodeReserved4(msg, "tree disconnect request"); err != nil {
		return nil, err
	}
	return &TreeDisconnectRequest{}, nil
}

// TreeDisconnectResponse is the SMB2 TREE_DISCONNECT Response ([MS-SMB2]
// 2.2.12): StructureSize 4 and a reserved field.
type TreeDisconnectResponse struct{}

// Append appends the TREE_DISCONNECT response body to msg, which holds the
// header.
func (m *TreeDisconnectResponse) Append(msg []byte) []byte { return appendReserved4(msg) }

// DecodeTreeDisconnectResponse decodes an SMB2 TREE_DISCONNECT Response
// ([MS-SMB2] 2.2.12).
func DecodeTreeDisconnectResponse(msg []byte) (*TreeDisconnectResponse, error) {
	if err := decodeReserved4(msg, "tree disconnect response"); err != nil {
		return nil, err
	}
	return &TreeDisconnectResponse{}, nil
}
