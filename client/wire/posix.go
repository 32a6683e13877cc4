package wire

// The SMB3 POSIX extensions (the Samba team's smb3-posix-spec, "SMB3 POSIX
// Extensions", at smb3posix.org; not part of [MS-SMB2]). What this file
// encodes follows that text as Samba 4.22 implements it:
// librpc/idl/smb3posix.idl (smb3_posix_cc_info, smb3_file_posix_information,
// the UNIX_* mode bits), libcli/smb/util.c (unix_mode_to_wire),
// source3/smbd/smb2_negprot.c (the negotiate context), smb2_create.c (the
// create context) and smb2_trans2.c (the information level), and as Linux
// cifs reads it (fs/smb/client/smb2pdu.c, parse_posix_ctxt and
// posix_info_parse).
//
// The negotiate context SMB2_POSIX_EXTENSIONS_AVAILABLE (0x100) carries the
// 16-byte CtxNamePOSIX GUID; a server that supports the extensions answers
// with the same context. Then:
//
//	create context (CtxNamePOSIX)  request:  Mode (4)
//	                               response: NLinks (4) ReparseTag (4) Mode (4)
//	                                         OwnerSID GroupSID
//	FILE_POSIX_INFORMATION (100)   CreationTime LastAccessTime LastWriteTime
//	                               ChangeTime (8 each) EndOfFile (8)
//	                               AllocationSize (8) FileAttributes (4)
//	                               Inode (8) Device (4) Reserved (4),
//	                               then the create context response
//	directory entry (class 100)    NextEntryOffset (4) FileIndex (4),
//	                               FILE_POSIX_INFORMATION, FileNameLength (4),
//	                               FileName
//
// Nothing is aligned inside these structures (NDR_NOALIGN in the IDL); a
// SID is the [MS-DTYP] 2.4.2.2 binary form, whose length follows from its
// SubAuthorityCount.

import "fmt"

// CtxPOSIX is SMB2_POSIX_EXTENSIONS_AVAILABLE, the negotiate context that
// offers (request) and accepts (response) the SMB3 POSIX extensions. Its
// data is the 16-byte CtxNamePOSIX GUID.
const CtxPOSIX uint16 = 0x0100

// ClassFilePOSIXInformation is FSCC_FILE_POSIX_INFORMATION (100): the
// QUERY_INFO class of FilePOSIXInformation, and the QUERY_DIRECTORY class
// (SMB2_FIND_POSIX_INFORMATION, 0x64) of directory entries that carry it.
// Samba answers it only on a handle opened with the POSIX create context.
const ClassFilePOSIXInformation uint8 = 100

// POSIX mode on the wire (smb3posix.idl): the permission bits have their
// Unix octal values (UNIX_X_OTH 01 ... UNIX_SET_UID 04000), and bits 12-14
// hold a file type number, not the S_IFMT value.
const (
	PosixPermMask  uint32 = 0o7777
	PosixTypeMask  uint32 = 0o70000
	PosixTypeShift        = 12
)

// POSIX file types as the mode's type field numbers them (UNIX_TYPE_*).
const (
	PosixTypeFile     uint32 = 0
	PosixTypeDir      uint32 = 1
	PosixTypeSymlink  uint32 = 2
	PosixTypeCharDev  uint32 = 3
	PosixTypeBlockDev uint32 = 4
	PosixTypeFIFO     uint32 = 5
	PosixTypeSocket   uint32 = 6
)

// PosixType returns the file type number of a wire mode (PosixType*).
func PosixType(mode uint32) uint32 { return mode & PosixTypeMask >> PosixTypeShift }

// posixGUID is the data of the negotiate context: the create context's
// name, byte for byte (smb2_negprot.c compares each 16 bytes with
// SMB2_CREATE_TAG_POSIX).
var posixGUID = []byte(CtxNamePOSIX)

// hasPosixGUID reports whether data, a multiple of 16 bytes, contains the
// POSIX GUID; any other length is malformed.
func hasPosixGUID(data []byte, what string) (bool, error) {
	if len(data) == 0 || len(data)%16 != 0 {
		return false, malformed("%s POSIX extensions context: %d bytes, want a multiple of 16", what, len(data))
	}
	for off := 0; off < len(data); off += 16 {
		if string(data[off:off+16]) == CtxNamePOSIX {
			return true, nil
		}
	}
	return false, nil
}

// posixCreateRequestSize is the POSIX create context request: the mode.
const posixCreateRequestSize = 4

// EncodePosixCreateRequest returns the data of the POSIX create context of
// a request: the mode a new file gets (permission bits only; Samba ignores
// the type bits and applies its create masks).
func EncodePosixCreateRequest(mode uint32) []byte {
	return appendU32(make([]byte, 0, posixCreateRequestSize), mode)
}

// DecodePosixCreateRequest decodes the data of a POSIX create context
// request; it must be exactly 4 bytes (smb2_create.c refuses any other
// length with STATUS_INVALID_PARAMETER).
func DecodePosixCreateRequest(data []byte) (uint32, error) {
	if len(data) != posixCreateRequestSize {
		return 0, malformed("POSIX create context request: %d bytes, want %d", len(data), posixCreateRequestSize)
	}
	return getU32(data, 0), nil
}

// posixInfoFixed is NLinks, ReparseTag and Mode; two SIDs follow.
const posixInfoFixed = 12

// PosixInfo is smb3_posix_cc_info: the POSIX create context's response
// data, also the tail of FilePOSIXInformation and of POSIX directory
// entries. Samba fills Owner with the SID of the file's uid (S-1-22-1-uid
// for an unmapped Unix user, a domain SID for a domain user) and Group
// likewise (S-1-22-2-gid).
type PosixInfo struct {
	NLinks     uint32
	ReparseTag uint32
	// Mode is the wire mode: permissions and a type number (PosixType).
	Mode  uint32
	Owner SID
	Group SID
}

// size returns the encoded length.
func (p *PosixInfo) size() int { return posixInfoFixed + p.Owner.size() + p.Group.size() }

// append appends the encoding; the SIDs must be valid.
func (p *PosixInfo) append(b []byte) []byte {
	b = appendU32(b, p.NLinks)
	b = appendU32(b, p.ReparseTag)
	b = appendU32(b, p.Mode)
	return p.Group.append(p.Owner.append(b))
}

// check checks the SIDs.
func (p *PosixInfo) check() error {
	if err := p.Owner.check(); err != nil {
		return err
	}
	return p.Group.check()
}

// Encode returns the create context response data. A SID with more than 15
// sub-authorities is an error.
func (p *PosixInfo) Encode() ([]byte, error) {
	if err := p.check(); err != nil {
		return nil, err
	}
	return p.append(make([]byte, 0, p.size())), nil
}

// decodePosixInfo decodes a PosixInfo at the start of b and returns the
// bytes it took.
func decodePosixInfo(b []byte, what string) (*PosixInfo, int, error) {
	if len(b) < posixInfoFixed {
		return nil, 0, malformed("%s: %d bytes, need at least %d", what, len(b), posixInfoFixed)
	}
	p := &PosixInfo{NLinks: getU32(b, 0), ReparseTag: getU32(b, 4), Mode: getU32(b, 8)}
	off := posixInfoFixed
	var n int
	var err error
	if p.Owner, n, err = decodeSID(b[off:]); err != nil {
		return nil, 0, fmt.Errorf("%s owner: %w", what, err)
	}
	off += n
	if p.Group, n, err = decodeSID(b[off:]); err != nil {
		return nil, 0, fmt.Errorf("%s group: %w", what, err)
	}
	return p, off + n, nil
}

// DecodePosixCreateResponse decodes the data of a POSIX create context
// response: NLinks, ReparseTag, Mode, then the owner and group SIDs, which
// must take every remaining byte.
func DecodePosixCreateResponse(data []byte) (*PosixInfo, error) {
	const what = "POSIX create context response"
	p, n, err := decodePosixInfo(data, what)
	if err != nil {
		return nil, err
	}
	if n != len(data) {
		return nil, malformed("%s: %d bytes after the group SID", what, len(data)-n)
	}
	return p, nil
}

// filePosixFixed is FilePOSIXInformation up to the PosixInfo: four times,
// EndOfFile, AllocationSize, FileAttributes, Inode, Device, Reserved.
const filePosixFixed = 4*8 + 2*8 + 4 + 8 + 4 + 4

// FilePOSIXInformation is smb3_file_posix_information, the answer to a
// QUERY_INFO of ClassFilePOSIXInformation on a POSIX handle.
type FilePOSIXInformation struct {
	OpenInfo
	Inode  uint64
	Device uint32
	PosixInfo
}

// appendFilePosix appends the fixed part of i (not the PosixInfo).
func (i *FilePOSIXInformation) appendFixed(b []byte) []byte {
	b = appendU64(b, i.CreationTime)
	b = appendU64(b, i.LastAccessTime)
	b = appendU64(b, i.LastWriteTime)
	b = appendU64(b, i.ChangeTime)
	b = appendU64(b, i.EndOfFile)
	b = appendU64(b, i.AllocationSize)
	b = appendU32(b, i.FileAttributes)
	b = appendU64(b, i.Inode)
	b = appendU32(b, i.Device)
	return appendU32(b, 0) // Reserved
}

// decodeFixed reads the fixed part from b, which holds filePosixFixed
// bytes.
func (i *FilePOSIXInformation) decodeFixed(b []byte) {
	i.CreationTime = getU64(b, 0)
	i.LastAccessTime = getU64(b, 8)
	i.LastWriteTime = getU64(b, 16)
	i.ChangeTime = getU64(b, 24)
	i.EndOfFile = getU64(b, 32)
	i.AllocationSize = getU64(b, 40)
	i.FileAttributes = getU32(b, 48)
	i.Inode = getU64(b, 52)
	i.Device = getU32(b, 60)
}

// Encode returns the encoding. A SID with more than 15 sub-authorities is
// an error.
func (i *FilePOSIXInformation) Encode() ([]byte, error) {
	if err := i.PosixInfo.check(); err != nil {
		return nil, err
	}
	b := i.appendFixed(make([]byte, 0, filePosixFixed+i.PosixInfo.size()))
	return i.PosixInfo.append(b), nil
}

// DecodeFilePOSIXInformation decodes FilePOSIXInformation; the group SID
// must end the buffer.
func DecodeFilePOSIXInformation(b []byte) (*FilePOSIXInformation, error) {
	const what = "FilePOSIXInformation"
	if len(b) < filePosixFixed {
		return nil, malformed("%s: %d bytes, need at least %d", what, len(b), filePosixFixed)
	}
	i := &FilePOSIXInformation{}
	i.decodeFixed(b)
	p, n, err := decodePosixInfo(b[filePosixFixed:], what)
	if err != nil {
		return nil, err
	}
	if filePosixFixed+n != len(b) {
		return nil, malformed("%s: %d bytes after the group SID", what, len(b)-filePosixFixed-n)
	}
	i.PosixInfo = *p
	return i, nil
}

// posixDirFixed is where the PosixInfo of a POSIX directory entry starts:
// NextEntryOffset, FileIndex and the fixed part of FilePOSIXInformation.
const posixDirFixed = 8 + filePosixFixed

// posixDirMin is the smallest POSIX directory entry: two SIDs without
// sub-authorities, FileNameLength and a 2-byte name.
const posixDirMin = posixDirFixed + posixInfoFixed + 2*sidFixed + 4 + 2

// decodePosixDirEntry decodes one POSIX directory entry e (at least
// posixDirMin bytes): the name must fit after the SIDs.
func decodePosixDirEntry(e []byte) (DirEntry, error) {
	var fi FilePOSIXInformation
	fi.decodeFixed(e[8:])
	d := DirEntry{FileIndex: getU32(e, 4), OpenInfo: fi.OpenInfo, FileID: fi.Inode}
	p, n, err := decodePosixInfo(e[posixDirFixed:], "POSIX directory entry")
	if err != nil {
		return DirEntry{}, err
	}
	p2 := *p
	d.Posix = &p2
	d.ReparseTag = p.ReparseTag
	off := posixDirFixed + n
	if len(e)-off < 4 {
		return DirEntry{}, malformed("POSIX directory entry: no FileNameLength after the SIDs")
	}
	nl := uint64(getU32(e, off))
	off += 4
	if nl == 0 {
		return DirEntry{}, malformed("empty FileName")
	}
	if nl > uint64(len(e)-off) {
		return DirEntry{}, malformed("FileNameLength %d with %d bytes left in the entry", nl, len(e)-off)
	}
	if d.Name, err = utf16Field(e[off:off+int(nl)], "FileName"); err != nil {
		return DirEntry{}, err
	}
	return d, nil
}

// appendPosixDirEntry appends d as a POSIX directory entry (Posix must not
// be nil; its SIDs must be valid), NextEntryOffset 0.
func appendPosixDirEntry(b []byte, d *DirEntry) []byte {
	b = appendU32(b, 0)
	b = appendU32(b, d.FileIndex)
	fi := FilePOSIXInformation{OpenInfo: d.OpenInfo, Inode: d.FileID}
	b = fi.appendFixed(b)
	b = d.Posix.append(b)
	b = appendU32(b, mustFit32(UTF16Len(d.Name), "FileNameLength"))
	return AppendUTF16(b, d.Name)
}

// NFS special file types: the first 8 bytes of an IO_REPARSE_TAG_NFS
// reparse buffer ([MS-FSCC] 2.1.2.6), with which Samba 4.22 reports FIFOs,
// sockets and devices to POSIX clients and Linux cifs creates them
// (libcli/smb/smb_constants.h NFS_SPECFILE_*).
const (
	NFSSpecFileFIFO uint64 = 0x000000004F464946 // "FIFO"
	NFSSpecFileSock uint64 = 0x000000004B434F53 // "SOCK"
	NFSSpecFileChr  uint64 = 0x0000000000524843 // "CHR"
	NFSSpecFileBlk  uint64 = 0x00000000004B4C42 // "BLK"
)

// EncodeNFSSpecialFile returns the reparse buffer of a FIFO or socket
// (typ NFSSpecFileFIFO or NFSSpecFileSock): tag ReparseTagNFS, the type,
// no further data.
func EncodeNFSSpecialFile(typ uint64) []byte {
	b := appendU32(make([]byte, 0, reparseHeaderSize+8), ReparseTagNFS)
	b = appendU16(b, 8) // ReparseDataLength
	b = appendU16(b, 0) // Reserved
	return appendU64(b, typ)
}
