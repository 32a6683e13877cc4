package wire

import (
	"errors"
	"strings"
)

// Information classes of [MS-FSCC] 2.4 (file) and 2.5 (file system). Each
// type has Encode (the bytes of a SET_INFO buffer or of a fake server's
// QUERY_INFO output) and a Decode function that checks every length. Times
// are FILETIMEs (100 ns since 1601-01-01 UTC). Fixed-size decoders ignore
// trailing bytes, which servers may add as padding; decoded names are
// copies, decoded EA values alias the input.

const (
	fileBasicSize       = 40
	fileStandardSize    = 24
	fileInternalSize    = 8
	fileEaSize          = 4
	fileNetworkOpenSize = 56
	fileAllFixed        = 100
	fileEndOfFileSize   = 8
	fileAllocationSize  = 8
	fileRenameFixed     = 20
	fileDispositionSize = 1
	fileDispositionEx   = 4
	fileAttributeTag    = 8
)

// FileBasicInformation is FILE_BASIC_INFORMATION ([MS-FSCC] 2.4
// FileBasicInformation, class 4): 40 bytes including 4 reserved. In SET_INFO
// a time of 0 means "leave unchanged" and 0xFFFFFFFFFFFFFFFF "stop updating
// it on this handle"; FileAttributes 0 means "leave unchanged".
type FileBasicInformation struct {
	CreationTime   uint64
	LastAccessTime uint64
	LastWriteTime  uint64
	ChangeTime     uint64
	FileAttributes uint32
}

// Encode returns the 40-byte structure.
func (f *FileBasicInformation) Encode() []byte {
	return f.append(make([]byte, 0, fileBasicSize))
}

func (f *FileBasicInformation) append(b []byte) []byte {
	b = appendU64(b, f.CreationTime)
	b = appendU64(b, f.LastAccessTime)
	b = appendU64(b, f.LastWriteTime)
	b = appendU64(b, f.ChangeTime)
	b = appendU32(b, f.FileAttributes)
	return appendU32(b, 0) // Reserved
}

func (f *FileBasicInformation) read(r *reader) {
	f.CreationTime = r.u64("CreationTime")
	f.LastAccessTime = r.u64("LastAccessTime")
	f.LastWriteTime = r.u64("LastWriteTime")
	f.ChangeTime = r.u64("ChangeTime")
	f.FileAttributes = r.u32("FileAttributes")
	r.skip(4, "Reserved")
}

// DecodeFileBasicInformation decodes FILE_BASIC_INFORMATION ([MS-FSCC] 2.4
// FileBasicInformation); b must hold at least 40 bytes.
func DecodeFileBasicInformation(b []byte) (*FileBasicInformation, error) {
	r, err := fixedReader(b, fileBasicSize, "FileBasicInformation")
	if err != nil {
		return nil, err
	}
	f := &FileBasicInformation{}
	f.read(r)
	return f, r.err
}

// FileStandardInformation is FILE_STANDARD_INFORMATION ([MS-FSCC] 2.4
// FileStandardInformation, class 5): 24 bytes including 2 reserved.
type FileStandardInformation struct {
	AllocationSize uint64
	EndOfFile      uint64
	NumberOfLinks  uint32
	DeletePending  bool
	Directory      bool
}

// Encode returns the 24-byte structure.
func (f *FileStandardInformation) Encode() []byte {
	return f.append(make([]byte, 0, fileStandardSize))
}

func (f *FileStandardInformation) append(b []byte) []byte {
	b = appendU64(b, f.AllocationSize)
	b = appendU64(b, f.EndOfFile)
	b = appendU32(b, f.NumberOfLinks)
	b = append(b, boolByte(f.DeletePending), boolByte(f.Directory))
	return appendU16(b, 0) // Reserved
}

func (f *FileStandardInformation) read(r *reader) {
	f.AllocationSize = r.u64("AllocationSize")
	f.EndOfFile = r.u64("EndOfFile")
	f.NumberOfLinks = r.u32("NumberOfLinks")
	f.DeletePending = r.u8("DeletePending") != 0
	f.Directory = r.u8("Directory") != 0
	r.skip(2, "Reserved")
}

// DecodeFileStandardInformation decodes FILE_STANDARD_INFORMATION ([MS-FSCC]
// 2.4 FileStandardInformation); b must hold at least 24 bytes. A non-zero
// BOOLEAN byte is true.
func DecodeFileStandardInformation(b []byte) (*FileStandardInformation, error) {
	r, err := fixedReader(b, fileStandardSize, "FileStandardInformation")
	if err != nil {
		return nil, err
	}
	f := &FileStandardInformation{}
	f.read(r)
	return f, r.err
}

// FileInternalInformation is FILE_INTERNAL_INFORMATION ([MS-FSCC] 2.4
// FileInternalInformation, class 6): the file's 64-bit index number, the
// inode number when the server has one.
type FileInternalInformation struct {
	IndexNumber uint64
}

// Encode returns the 8-byte structure.
func (f *FileInternalInformation) Encode() []byte {
	return appendU64(make([]byte, 0, fileInternalSize), f.IndexNumber)
}

// DecodeFileInternalInformation decodes FILE_INTERNAL_INFORMATION
// ([MS-FSCC] 2.4 FileInternalInformation).
func DecodeFileInternalInformation(b []byte) (*FileInternalInformation, error) {
	r, err := fixedReader(b, fileInternalSize, "FileInternalInformation")
	if err != nil {
		return nil, err
	}
	return &FileInternalInformation{IndexNumber: r.u64("IndexNumber")}, r.err
}

// FileEaInformation is FILE_EA_INFORMATION ([MS-FSCC] 2.4
// FileEaInformation, class 7): the size of the file's extended attributes.
type FileEaInformation struct {
	EaSize uint32
}

// Encode returns the 4-byte structure.
func (f *FileEaInformation) Encode() []byte {
	return appendU32(make([]byte, 0, fileEaSize), f.EaSize)
}

// DecodeFileEaInformation decodes FILE_EA_INFORMATION ([MS-FSCC] 2.4
// FileEaInformation).
func DecodeFileEaInformation(b []byte) (*FileEaInformation, error) {
	r, err := fixedReader(b, fileEaSize, "FileEaInformation")
	if err != nil {
		return nil, err
	}
	return &FileEaInformation{EaSize: r.u32("EaSize")}, r.err
}

// FileNetworkOpenInformation is FILE_NETWORK_OPEN_INFORMATION ([MS-FSCC]
// 2.4 FileNetworkOpenInformation, class 34): the stat fields in one 56-byte
// structure: OpenInfo followed by 4 reserved bytes.
type FileNetworkOpenInformation struct {
	OpenInfo
}

// Encode returns the 56-byte structure.
func (f *FileNetworkOpenInformation) Encode() []byte {
	b := f.OpenInfo.append(make([]byte, 0, fileNetworkOpenSize))
	return appendU32(b, 0) // Reserved
}

// DecodeFileNetworkOpenInformation decodes FILE_NETWORK_OPEN_INFORMATION
// ([MS-FSCC] 2.4 FileNetworkOpenInformation).
func DecodeFileNetworkOpenInformation(b []byte) (*FileNetworkOpenInformation, error) {
	r, err := fixedReader(b, fileNetworkOpenSize, "FileNetworkOpenInformation")
	if err != nil {
		return nil, err
	}
	f := &FileNetworkOpenInformation{}
	f.OpenInfo.read(r)
	return f, r.err
}

// FileAllInformation is FILE_ALL_INFORMATION ([MS-FSCC] 2.4.2
// FileAllInformation, class 18), query only: the basic, standard, internal,
// EA, access, position, mode and alignment information followed by the
// file's name. A server that runs out of output space returns
// STATUS_BUFFER_OVERFLOW with the name cut short; the decoder then keeps the
// part that arrived and sets NameTruncated.
type FileAllInformation struct {
	Basic                FileBasicInformation
	Standard             FileStandardInformation
	Internal             FileInternalInformation
	EaSize               uint32
	AccessFlags          uint32
	CurrentByteOffset    uint64
	Mode                 uint32
	AlignmentRequirement uint32
	Name                 string
	NameTruncated        bool
}

// Encode returns the structure with the full name (NameTruncated is
// ignored).
func (f *FileAllInformation) Encode() []byte {
	b := make([]byte, 0, fileAllFixed+UTF16Len(f.Name))
	b = f.Basic.append(b)
	b = f.Standard.append(b)
	b = appendU64(b, f.Internal.IndexNumber)
	b = appendU32(b, f.EaSize)
	b = appendU32(b, f.AccessFlags)
	b = appendU64(b, f.CurrentByteOffset)
	b = appendU32(b, f.Mode)
	b = appendU32(b, f.AlignmentRequirement)
	b = appendU32(b, mustFit32(UTF16Len(f.Name), "FileNameLength"))
	return AppendUTF16(b, f.Name)
}

// DecodeFileAllInformation decodes FILE_ALL_INFORMATION ([MS-FSCC] 2.4.2).
// The 100-byte fixed part must be present; a name longer than what follows
// it is taken as truncated (an even number of its bytes is kept).
func DecodeFileAllInformation(b []byte) (*FileAllInformation, error) {
	r, err := fixedReader(b, fileAllFixed, "FileAllInformation")
	if err != nil {
		return nil, err
	}
	f := &FileAllInformation{}
	f.Basic.read(r)
	f.Standard.read(r)
	f.Internal.IndexNumber = r.u64("IndexNumber")
	f.EaSize = r.u32("EaSize")
	f.AccessFlags = r.u32("AccessFlags")
	f.CurrentByteOffset = r.u64("CurrentByteOffset")
	f.Mode = r.u32("Mode")
	f.AlignmentRequirement = r.u32("AlignmentRequirement")
	n := uint64(r.u32("FileNameLength"))
	if r.err != nil {
		return nil, r.err
	}
	if n%2 != 0 {
		return nil, malformed("FileAllInformation: odd FileNameLength %d", n)
	}
	rest := b[fileAllFixed:]
	if n > uint64(len(rest)) {
		f.NameTruncated = true
		n = uint64(len(rest) &^ 1)
	}
	if f.Name, err = utf16Field(rest[:n], "FileAllInformation name"); err != nil {
		return nil, err
	}
	return f, nil
}

// FileAttributeTagInformation is FILE_ATTRIBUTE_TAG_INFORMATION ([MS-FSCC]
// 2.4 FileAttributeTagInformation, class 35): the attributes and, for a
// reparse point, its tag.
type FileAttributeTagInformation struct {
	FileAttributes uint32
	ReparseTag     uint32
}

// Encode returns the 8-byte structure.
func (f *FileAttributeTagInformation) Encode() []byte {
	return appendU32(appendU32(make([]byte, 0, fileAttributeTag), f.FileAttributes), f.ReparseTag)
}

// DecodeFileAttributeTagInformation decodes FILE_ATTRIBUTE_TAG_INFORMATION
// ([MS-FSCC] 2.4 FileAttributeTagInformation).
func DecodeFileAttributeTagInformation(b []byte) (*FileAttributeTagInformation, error) {
	r, err := fixedReader(b, fileAttributeTag, "FileAttributeTagInformation")
	if err != nil {
		return nil, err
	}
	return &FileAttributeTagInformation{FileAttributes: r.u32("FileAttributes"), ReparseTag: r.u32("ReparseTag")}, r.err
}

// FileEndOfFileInformation is FILE_END_OF_FILE_INFORMATION ([MS-FSCC] 2.4
// FileEndOfFileInformation, class 20), set only: truncate or extend.
type FileEndOfFileInformation struct {
	EndOfFile uint64
}

// Encode returns the 8-byte structure.
func (f *FileEndOfFileInformation) Encode() []byte {
	return appendU64(make([]byte, 0, fileEndOfFileSize), f.EndOfFile)
}

// DecodeFileEndOfFileInformation decodes FILE_END_OF_FILE_INFORMATION
// ([MS-FSCC] 2.4 FileEndOfFileInformation).
func DecodeFileEndOfFileInformation(b []byte) (*FileEndOfFileInformation, error) {
	r, err := fixedReader(b, fileEndOfFileSize, "FileEndOfFileInformation")
	if err != nil {
		return nil, err
	}
	return &FileEndOfFileInformation{EndOfFile: r.u64("EndOfFile")}, r.err
}

// FileAllocationInformation is FILE_ALLOCATION_INFORMATION ([MS-FSCC] 2.4
// FileAllocationInformation, class 19), set only.
type FileAllocationInformation struct {
	AllocationSize uint64
}

// Encode returns the 8-byte structure.
func (f *FileAllocationInformation) Encode() []byte {
	return appendU64(make([]byte, 0, fileAllocationSize), f.AllocationSize)
}

// DecodeFileAllocationInformation decodes FILE_ALLOCATION_INFORMATION
// ([MS-FSCC] 2.4 FileAllocationInformation).
func DecodeFileAllocationInformation(b []byte) (*FileAllocationInformation, error) {
	r, err := fixedReader(b, fileAllocationSize, "FileAllocationInformation")
	if err != nil {
		return nil, err
	}
	return &FileAllocationInformation{AllocationSize: r.u64("AllocationSize")}, r.err
}

// FileRenameInformation is FILE_RENAME_INFORMATION_TYPE_2, the SMB2 form
// ([MS-FSCC] 2.4.41.2 FileRenameInformation for SMB2, class 10).
// RootDirectory must be 0 over the network; FileName is the full
// share-relative target path.
type FileRenameInformation struct {
	ReplaceIfExists bool
	RootDirectory   uint64
	FileName        string
}

// Encode returns ReplaceIfExists, 7 reserved bytes, RootDirectory,
// FileNameLength and the name, followed by a UTF-16 NUL that FileNameLength
// does not count. The terminator, as Linux cifs sends it, keeps the buffer
// at least as long as Windows' 24-byte FILE_RENAME_INFORMATION for short
// names; servers ignore it.
func (f *FileRenameInformation) Encode() []byte {
	return encodeRenameLike(f.ReplaceIfExists, f.RootDirectory, f.FileName)
}

// DecodeFileRenameInformation decodes FILE_RENAME_INFORMATION_TYPE_2
// ([MS-FSCC] 2.4.41.2). The name must fit in b and have a non-zero even
// length; trailing bytes (terminator, padding) are ignored.
func DecodeFileRenameInformation(b []byte) (*FileRenameInformation, error) {
	replace, root, name, err := decodeRenameLike(b, "FileRenameInformation")
	if err != nil {
		return nil, err
	}
	return &FileRenameInformation{ReplaceIfExists: replace, RootDirectory: root, FileName: name}, nil
}

// FileLinkInformation is FILE_LINK_INFORMATION_TYPE_2, the SMB2 form
// ([MS-FSCC] 2.4 FileLinkInformation for SMB2, class 11): create a hard
// link named FileName to the open file. Same layout as
// FileRenameInformation.
type FileLinkInformation struct {
	ReplaceIfExists bool
	RootDirectory   uint64
	FileName        string
}

// Encode returns the structure, laid out as FileRenameInformation.Encode.
func (f *FileLinkInformation) Encode() []byte {
	return encodeRenameLike(f.ReplaceIfExists, f.RootDirectory, f.FileName)
}

// DecodeFileLinkInformation decodes FILE_LINK_INFORMATION_TYPE_2 ([MS-FSCC]
// 2.4 FileLinkInformation for SMB2), as DecodeFileRenameInformation.
func DecodeFileLinkInformation(b []byte) (*FileLinkInformation, error) {
	replace, root, name, err := decodeRenameLike(b, "FileLinkInformation")
	if err != nil {
		return nil, err
	}
	return &FileLinkInformation{ReplaceIfExists: replace, RootDirectory: root, FileName: name}, nil
}

func encodeRenameLike(replace bool, root uint64, name string) []byte {
	n := UTF16Len(name)
	b := make([]byte, 0, fileRenameFixed+n+2)
	b = append(b, boolByte(replace))
	b = zeros(b, 7) // Reserved
	b = appendU64(b, root)
	b = appendU32(b, mustFit32(n, "FileNameLength"))
	b = AppendUTF16(b, name)
	return append(b, 0, 0) // UTF-16 NUL, not counted
}

func decodeRenameLike(b []byte, what string) (bool, uint64, string, error) {
	r, err := fixedReader(b, fileRenameFixed, what)
	if err != nil {
		return false, 0, "", err
	}
	replace := r.u8("ReplaceIfExists") != 0
	r.skip(7, "Reserved")
	root := r.u64("RootDirectory")
	n := uint64(r.u32("FileNameLength"))
	if r.err != nil {
		return false, 0, "", r.err
	}
	if n == 0 || n > uint64(len(b)-fileRenameFixed) {
		return false, 0, "", malformed("%s: FileNameLength %d in %d bytes", what, n, len(b))
	}
	name, err := utf16Field(b[fileRenameFixed:fileRenameFixed+int(n)], what)
	if err != nil {
		return false, 0, "", err
	}
	return replace, root, name, nil
}

// FileDispositionInformation is FILE_DISPOSITION_INFORMATION ([MS-FSCC] 2.4
// FileDispositionInformation, class 13), set only: mark the open file for
// deletion on last close (or clear the mark).
type FileDispositionInformation struct {
	DeletePending bool
}

// Encode returns the 1-byte structure.
func (f *FileDispositionInformation) Encode() []byte {
	return []byte{boolByte(f.DeletePending)}
}

// DecodeFileDispositionInformation decodes FILE_DISPOSITION_INFORMATION
// ([MS-FSCC] 2.4 FileDispositionInformation).
func DecodeFileDispositionInformation(b []byte) (*FileDispositionInformation, error) {
	if len(b) < fileDispositionSize {
		return nil, malformed("FileDispositionInformation: %d bytes", len(b))
	}
	return &FileDispositionInformation{DeletePending: b[0] != 0}, nil
}

// Flags of FILE_DISPOSITION_INFORMATION_EX ([MS-FSCC] 2.4
// FileDispositionInformationEx).
const (
	FileDispositionDoNotDelete             uint32 = 0x00000000
	FileDispositionDelete                  uint32 = 0x00000001
	FileDispositionPOSIXSemantics          uint32 = 0x00000002
	FileDispositionForceImageSectionCheck  uint32 = 0x00000004
	FileDispositionOnClose                 uint32 = 0x00000008
	FileDispositionIgnoreReadonlyAttribute uint32 = 0x00000010
)

// FileDispositionInformationEx is FILE_DISPOSITION_INFORMATION_EX
// ([MS-FSCC] 2.4 FileDispositionInformationEx, class 64), set only: delete
// with POSIX semantics (the name goes away at once) when the server
// supports it.
type FileDispositionInformationEx struct {
	Flags uint32
}

// Encode returns the 4-byte structure.
func (f *FileDispositionInformationEx) Encode() []byte {
	return appendU32(make([]byte, 0, fileDispositionEx), f.Flags)
}

// DecodeFileDispositionInformationEx decodes FILE_DISPOSITION_INFORMATION_EX
// ([MS-FSCC] 2.4 FileDispositionInformationEx).
func DecodeFileDispositionInformationEx(b []byte) (*FileDispositionInformationEx, error) {
	r, err := fixedReader(b, fileDispositionEx, "FileDispositionInformationEx")
	if err != nil {
		return nil, err
	}
	return &FileDispositionInformationEx{Flags: r.u32("Flags")}, r.err
}

// ErrInvalidEAName is returned by EncodeEAs and EncodeGetEAs for an empty
// extended attribute name or one containing a NUL byte.
var ErrInvalidEAName = errors.New("smb2: invalid extended attribute name")

// FileNeedEA is the EA flag that marks an attribute the file cannot be
// understood without ([MS-FSCC] 2.4 FileFullEaInformation).
const FileNeedEA uint8 = 0x80

const (
	eaFixed    = 8
	getEaFixed = 5
	eaAlign    = 4
	eaNameMax  = 0xFF
	eaValueMax = 0xFFFF
)

// EA is one FILE_FULL_EA_INFORMATION entry ([MS-FSCC] 2.4
// FileFullEaInformation, class 15): an extended attribute. Names are 8-bit
// strings of 1 to 255 bytes without NUL; setting an EA with an empty Value
// deletes it. Decoded Value aliases the input.
type EA struct {
	Flags uint8
	Name  string
	Value []byte
}

// EncodeEAs encodes a FILE_FULL_EA_INFORMATION list ([MS-FSCC] 2.4
// FileFullEaInformation): each entry is NextEntryOffset, Flags,
// EaNameLength, EaValueLength, the NUL-terminated name and the value, padded
// to 4 bytes except the last. Names come from users, so limits are errors,
// not panics: ErrInvalidEAName for an empty name or one with a NUL,
// ErrTooLarge for a name over 255 bytes or a value over 65535.
func EncodeEAs(eas []EA) ([]byte, error) {
	for _, ea := range eas {
		if err := checkEAName(ea.Name); err != nil {
			return nil, err
		}
		if len(ea.Value) > eaValueMax {
			return nil, ErrTooLarge
		}
	}
	return appendEntries(nil, len(eas), eaAlign, func(b []byte, i int) []byte {
		ea := eas[i]
		b = appendU32(b, 0) // NextEntryOffset, patched by appendEntries
		b = append(b, ea.Flags, byte(len(ea.Name)))
		b = appendU16(b, uint16(len(ea.Value)))
		b = append(b, ea.Name...)
		b = append(b, 0)
		return append(b, ea.Value...)
	}), nil
}

func checkEAName(name string) error {
	if name == "" || strings.IndexByte(name, 0) >= 0 {
		return ErrInvalidEAName
	}
	if len(name) > eaNameMax {
		return ErrTooLarge
	}
	return nil
}

// DecodeEAs decodes a FILE_FULL_EA_INFORMATION list ([MS-FSCC] 2.4
// FileFullEaInformation). NextEntryOffset must be a multiple of 4, make
// progress and stay inside b; each name must be non-empty, NUL-free and
// followed by its NUL, and name and value must fit in the entry. An empty
// buffer yields no EAs.
func DecodeEAs(b []byte) ([]EA, error) {
	var out []EA
	err := walkEntries(b, eaAlign, eaFixed, "FILE_FULL_EA_INFORMATION", func(e []byte) error {
		nameLen := int(e[5])
		valueLen := int(getU16(e, 6))
		if len(e)-eaFixed < nameLen+1+valueLen {
			return malformed("EA name %d + value %d bytes in a %d-byte entry", nameLen, valueLen, len(e))
		}
		name := e[eaFixed : eaFixed+nameLen]
		if nameLen == 0 || e[eaFixed+nameLen] != 0 || strings.IndexByte(string(name), 0) >= 0 {
			return malformed("bad EA name %q", name)
		}
		ea := EA{Flags: e[4], Name: string(name)}
		if valueLen > 0 {
			v := eaFixed + nameLen + 1
			ea.Value = e[v : v+valueLen : v+valueLen]
		}
		out = append(out, ea)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// EncodeGetEAs encodes a FILE_GET_EA_INFORMATION list ([MS-FSCC] 2.4
// FileFullEaInformation, FILE_GET_EA_INFORMATION), the QUERY_INFO input that
// asks for specific EAs: NextEntryOffset, EaNameLength and the
// NUL-terminated name, padded to 4 bytes except the last. Limits as for
// EncodeEAs.
func EncodeGetEAs(names []string) ([]byte, error) {
	for _, n := range names {
		if err := checkEAName(n); err != nil {
			return nil, err
		}
	}
	return appendEntries(nil, len(names), eaAlign, func(b []byte, i int) []byte {
		b = appendU32(b, 0) // NextEntryOffset, patched by appendEntries
		b = append(b, byte(len(names[i])))
		b = append(b, names[i]...)
		return append(b, 0)
	}), nil
}

// DecodeGetEAs decodes a FILE_GET_EA_INFORMATION list, with the checks of
// DecodeEAs.
func DecodeGetEAs(b []byte) ([]string, error) {
	var out []string
	err := walkEntries(b, eaAlign, getEaFixed, "FILE_GET_EA_INFORMATION", func(e []byte) error {
		n := int(e[4])
		if len(e)-getEaFixed < n+1 {
			return malformed("EA name of %d bytes in a %d-byte entry", n, len(e))
		}
		name := e[getEaFixed : getEaFixed+n]
		if n == 0 || e[getEaFixed+n] != 0 || strings.IndexByte(string(name), 0) >= 0 {
			return malformed("bad EA name %q", name)
		}
		out = append(out, string(name))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

const (
	fileStreamFixed = 24
	fileStreamAlign = 8
)

// FileStreamInformation is one FILE_STREAM_INFORMATION entry ([MS-FSCC] 2.4
// FileStreamInformation, class 22): a named stream of the file, such as
// "::$DATA" or ":name:$DATA".
type FileStreamInformation struct {
	Name           string
	Size           uint64
	AllocationSize uint64
}

// EncodeFileStreamInformation encodes a stream list, entries but the last
// padded to 8 bytes.
func EncodeFileStreamInformation(streams []FileStreamInformation) []byte {
	return appendEntries(nil, len(streams), fileStreamAlign, func(b []byte, i int) []byte {
		s := streams[i]
		b = appendU32(b, 0) // NextEntryOffset, patched by appendEntries
		b = appendU32(b, mustFit32(UTF16Len(s.Name), "StreamNameLength"))
		b = appendU64(b, s.Size)
		b = appendU64(b, s.AllocationSize)
		return AppendUTF16(b, s.Name)
	})
}

// DecodeFileStreamInformation decodes a FILE_STREAM_INFORMATION list
// ([MS-FSCC] 2.4 FileStreamInformation). NextEntryOffset must be a multiple
// of 8, make progress and stay inside b; each name must fit in its entry and
// have a non-zero even length.
func DecodeFileStreamInformation(b []byte) ([]FileStreamInformation, error) {
	var out []FileStreamInformation
	err := walkEntries(b, fileStreamAlign, fileStreamFixed, "FILE_STREAM_INFORMATION", func(e []byte) error {
		n := uint64(getU32(e, 4))
		if n == 0 || n > uint64(len(e)-fileStreamFixed) {
			return malformed("StreamNameLength %d in a %d-byte entry", n, len(e))
		}
		name, err := utf16Field(e[fileStreamFixed:fileStreamFixed+int(n)], "StreamName")
		if err != nil {
			return err
		}
		out = append(out, FileStreamInformation{Name: name, Size: getU64(e, 8), AllocationSize: getU64(e, 16)})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

const (
	fileFsSizeSize     = 24
	fileFsFullSizeSize = 32
	fileFsAttrFixed    = 12
	fileFsVolumeFixed  = 18
)

// FileFsFullSizeInformation is FILE_FS_FULL_SIZE_INFORMATION ([MS-FSCC] 2.5
// FileFsFullSizeInformation, class 7): statfs with the caller's quota.
type FileFsFullSizeInformation struct {
	TotalAllocationUnits           uint64
	CallerAvailableAllocationUnits uint64
	ActualAvailableAllocationUnits uint64
	SectorsPerAllocationUnit       uint32
	BytesPerSector                 uint32
}

// Encode returns the 32-byte structure.
func (f *FileFsFullSizeInformation) Encode() []byte {
	b := make([]byte, 0, fileFsFullSizeSize)
	b = appendU64(b, f.TotalAllocationUnits)
	b = appendU64(b, f.CallerAvailableAllocationUnits)
	b = appendU64(b, f.ActualAvailableAllocationUnits)
	b = appendU32(b, f.SectorsPerAllocationUnit)
	return appendU32(b, f.BytesPerSector)
}

// DecodeFileFsFullSizeInformation decodes FILE_FS_FULL_SIZE_INFORMATION
// ([MS-FSCC] 2.5 FileFsFullSizeInformation).
func DecodeFileFsFullSizeInformation(b []byte) (*FileFsFullSizeInformation, error) {
	r, err := fixedReader(b, fileFsFullSizeSize, "FileFsFullSizeInformation")
	if err != nil {
		return nil, err
	}
	f := &FileFsFullSizeInformation{}
	f.TotalAllocationUnits = r.u64("TotalAllocationUnits")
	f.CallerAvailableAllocationUnits = r.u64("CallerAvailableAllocationUnits")
	f.ActualAvailableAllocationUnits = r.u64("ActualAvailableAllocationUnits")
	f.SectorsPerAllocationUnit = r.u32("SectorsPerAllocationUnit")
	f.BytesPerSector = r.u32("BytesPerSector")
	return f, r.err
}

// FileFsSizeInformation is FILE_FS_SIZE_INFORMATION ([MS-FSCC] 2.5
// FileFsSizeInformation, class 3).
type FileFsSizeInformation struct {
	TotalAllocationUnits     uint64
	AvailableAllocationUnits uint64
	SectorsPerAllocationUnit uint32
	BytesPerSector           uint32
}

// Encode returns the 24-byte structure.
func (f *FileFsSizeInformation) Encode() []byte {
	b := make([]byte, 0, fileFsSizeSize)
	b = appendU64(b, f.TotalAllocationUnits)
	b = appendU64(b, f.AvailableAllocationUnits)
	b = appendU32(b, f.SectorsPerAllocationUnit)
	return appendU32(b, f.BytesPerSector)
}

// DecodeFileFsSizeInformation decodes FILE_FS_SIZE_INFORMATION ([MS-FSCC]
// 2.5 FileFsSizeInformation).
func DecodeFileFsSizeInformation(b []byte) (*FileFsSizeInformation, error) {
	r, err := fixedReader(b, fileFsSizeSize, "FileFsSizeInformation")
	if err != nil {
		return nil, err
	}
	f := &FileFsSizeInformation{}
	f.TotalAllocationUnits = r.u64("TotalAllocationUnits")
	f.AvailableAllocationUnits = r.u64("AvailableAllocationUnits")
	f.SectorsPerAllocationUnit = r.u32("SectorsPerAllocationUnit")
	f.BytesPerSector = r.u32("BytesPerSector")
	return f, r.err
}

// FileSystemAttributes bits of FILE_FS_ATTRIBUTE_INFORMATION ([MS-FSCC] 2.5
// FileFsAttributeInformation).
const (
	FileCaseSensitiveSearch        uint32 = 0x00000001
	FileCasePreservedNames         uint32 = 0x00000002
	FileUnicodeOnDisk              uint32 = 0x00000004
	FilePersistentAcls             uint32 = 0x00000008
	FileFileCompression            uint32 = 0x00000010
	FileVolumeQuotas               uint32 = 0x00000020
	FileSupportsSparseFiles        uint32 = 0x00000040
	FileSupportsReparsePoints      uint32 = 0x00000080
	FileSupportsRemoteStorage      uint32 = 0x00000100
	FileReturnsCleanupResultInfo   uint32 = 0x00000200
	FileSupportsPOSIXUnlinkRename  uint32 = 0x00000400
	FileVolumeIsCompressed         uint32 = 0x00008000
	FileSupportsObjectIDs          uint32 = 0x00010000
	FileSupportsEncryption         uint32 = 0x00020000
	FileNamedStreams               uint32 = 0x00040000
	FileReadOnlyVolume             uint32 = 0x00080000
	FileSequentialWriteOnce        uint32 = 0x00100000
	FileSupportsTransactions       uint32 = 0x00200000
	FileSupportsHardLinks          uint32 = 0x00400000
	FileSupportsExtendedAttributes uint32 = 0x00800000
	FileSupportsOpenByFileID       uint32 = 0x01000000
	FileSupportsUsnJournal         uint32 = 0x02000000
	FileSupportsIntegrityStreams   uint32 = 0x04000000
	FileSupportsBlockRefcounting   uint32 = 0x08000000
	FileSupportsSparseVdl          uint32 = 0x10000000
)

// FileFsAttributeInformation is FILE_FS_ATTRIBUTE_INFORMATION ([MS-FSCC]
// 2.5 FileFsAttributeInformation, class 5): what the share's file system can
// do, and its name ("NTFS", "ext4"...).
type FileFsAttributeInformation struct {
	Attributes                 uint32
	MaximumComponentNameLength uint32
	FileSystemName             string
}

// Encode returns the structure.
func (f *FileFsAttributeInformation) Encode() []byte {
	b := make([]byte, 0, fileFsAttrFixed+UTF16Len(f.FileSystemName))
	b = appendU32(b, f.Attributes)
	b = appendU32(b, f.MaximumComponentNameLength)
	b = appendU32(b, mustFit32(UTF16Len(f.FileSystemName), "FileSystemNameLength"))
	return AppendUTF16(b, f.FileSystemName)
}

// DecodeFileFsAttributeInformation decodes FILE_FS_ATTRIBUTE_INFORMATION
// ([MS-FSCC] 2.5 FileFsAttributeInformation); the name must fit in b and
// have an even length.
func DecodeFileFsAttributeInformation(b []byte) (*FileFsAttributeInformation, error) {
	r, err := fixedReader(b, fileFsAttrFixed, "FileFsAttributeInformation")
	if err != nil {
		return nil, err
	}
	f := &FileFsAttributeInformation{Attributes: r.u32("FileSystemAttributes"), MaximumComponentNameLength: r.u32("MaximumComponentNameLength")}
	n := uint64(r.u32("FileSystemNameLength"))
	if r.err != nil {
		return nil, r.err
	}
	if n > uint64(len(b)-fileFsAttrFixed) {
		return nil, malformed("FileFsAttributeInformation: FileSystemNameLength %d in %d bytes", n, len(b))
	}
	if f.FileSystemName, err = utf16Field(b[fileFsAttrFixed:fileFsAttrFixed+int(n)], "FileSystemName"); err != nil {
		return nil, err
	}
	return f, nil
}

// FileFsVolumeInformation is FILE_FS_VOLUME_INFORMATION ([MS-FSCC] 2.5
// FileFsVolumeInformation, class 1).
type FileFsVolumeInformation struct {
	VolumeCreationTime uint64
	VolumeSerialNumber uint32
	SupportsObjects    bool
	VolumeLabel        string
}

// Encode returns the structure.
func (f *FileFsVolumeInformation) Encode() []byte {
	b := make([]byte, 0, fileFsVolumeFixed+UTF16Len(f.VolumeLabel))
	b = appendU64(b, f.VolumeCreationTime)
	b = appendU32(b, f.VolumeSerialNumber)
	b = appendU32(b, mustFit32(UTF16Len(f.VolumeLabel), "VolumeLabelLength"))
	b = append(b, boolByte(f.SupportsObjects), 0) // SupportsObjects, Reserved
	return AppendUTF16(b, f.VolumeLabel)
}

// DecodeFileFsVolumeInformation decodes FILE_FS_VOLUME_INFORMATION
// ([MS-FSCC] 2.5 FileFsVolumeInformation); the label must fit in b and have
// an even length.
func DecodeFileFsVolumeInformation(b []byte) (*FileFsVolumeInformation, error) {
	r, err := fixedReader(b, fileFsVolumeFixed, "FileFsVolumeInformation")
	if err != nil {
		return nil, err
	}
	f := &FileFsVolumeInformation{VolumeCreationTime: r.u64("VolumeCreationTime"), VolumeSerialNumber: r.u32("VolumeSerialNumber")}
	n := uint64(r.u32("VolumeLabelLength"))
	f.SupportsObjects = r.u8("SupportsObjects") != 0
	r.skip(1, "Reserved")
	if r.err != nil {
		return nil, r.err
	}
	if n > uint64(len(b)-fileFsVolumeFixed) {
		return nil, malformed("FileFsVolumeInformation: VolumeLabelLength %d in %d bytes", n, len(b))
	}
	if f.VolumeLabel, err = utf16Field(b[fileFsVolumeFixed:fileFsVolumeFixed+int(n)], "VolumeLabel"); err != nil {
		return nil, err
	}
	return f, nil
}
