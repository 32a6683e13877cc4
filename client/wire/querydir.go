package wire

// QUERY_DIRECTORY Flags ([MS-SMB2] 2.2.33).
const (
	RestartScans      uint8 = 0x01
	ReturnSingleEntry uint8 = 0x02
	IndexSpecified    uint8 = 0x04
	Reopen            uint8 = 0x10
)

const queryDirectoryRequestFixed = 32

// QueryDirectoryRequest is the SMB2 QUERY_DIRECTORY Request ([MS-SMB2]
// 2.2.33). FileName is the search pattern, "*" for everything.
type QueryDirectoryRequest struct {
	FileInformationClass uint8
	Flags                uint8
	FileIndex            uint32
	FileID               FileID
	FileName             string
	OutputBufferLength   uint32
}

// Append appends the QUERY_DIRECTORY request body to msg (header at
// msg[0:64]): the fixed part, then the pattern (or one zero byte when it is
// empty). It panics on a pattern longer than 65535 bytes in UTF-16.
func (m *QueryDirectoryRequest) Append(msg []byte) []byte {
	off := len(msg) + queryDirectoryRequestFixed
	n := mustFit16(UTF16Len(m.FileName), "QUERY_DIRECTORY FileNameLength")
	msg = appendU16(msg, queryDirectoryRequestFixed+1)
	msg = append(msg, m.FileInformationClass, m.Flags)
	msg = appendU32(msg, m.FileIndex)
	msg = m.FileID.append(msg)
	msg = appendU16(msg, mustFit16(off, "QUERY_DIRECTORY FileNameOffset"))
	msg = appendU16(msg, n)
	msg = appendU32(msg, m.OutputBufferLength)
	if n == 0 {
		return append(msg, 0) // Buffer[0]
	}
	return AppendUTF16(msg, m.FileName)
}

// DecodeQueryDirectoryRequest decodes an SMB2 QUERY_DIRECTORY Request
// ([MS-SMB2] 2.2.33). The pattern must lie after the fixed part and have an
// even length.
func DecodeQueryDirectoryRequest(msg []byte) (*QueryDirectoryRequest, error) {
	r, err := bodyReader(msg, queryDirectoryRequestFixed+1, queryDirectoryRequestFixed+1, "QUERY_DIRECTORY request")
	if err != nil {
		return nil, err
	}
	m := &QueryDirectoryRequest{FileInformationClass: r.u8("FileInformationClass"), Flags: r.u8("Flags")}
	m.FileIndex = r.u32("FileIndex")
	m.FileID = r.fileID("FileId")
	off := r.u16("FileNameOffset")
	n := r.u16("FileNameLength")
	m.OutputBufferLength = r.u32("OutputBufferLength")
	if r.err != nil {
		return nil, r.err
	}
	name, err := buffer(msg, uint64(off), uint64(n), HeaderSize+queryDirectoryRequestFixed, "QUERY_DIRECTORY FileName")
	if err != nil {
		return nil, err
	}
	if m.FileName, err = utf16Field(name, "QUERY_DIRECTORY FileName"); err != nil {
		return nil, err
	}
	return m, nil
}

// QueryDirectoryResponse is the SMB2 QUERY_DIRECTORY Response ([MS-SMB2]
// 2.2.34). Buffer holds the directory entries of the requested class, to be
// decoded with DecodeDirEntries; decoded Buffer aliases the message.
type QueryDirectoryResponse struct {
	Buffer []byte
}

// Append appends the QUERY_DIRECTORY response body to msg (header at
// msg[0:64]).
func (m *QueryDirectoryResponse) Append(msg []byte) []byte {
	return appendOutputResponse(msg, m.Buffer, "QUERY_DIRECTORY")
}

// DecodeQueryDirectoryResponse decodes an SMB2 QUERY_DIRECTORY Response
// ([MS-SMB2] 2.2.34); the buffer must lie inside the message after the fixed
// part.
func DecodeQueryDirectoryResponse(msg []byte) (*QueryDirectoryResponse, error) {
	b, err := decodeOutputResponse(msg, "QUERY_DIRECTORY response")
	if err != nil {
		return nil, err
	}
	return &QueryDirectoryResponse{Buffer: b}, nil
}

// DirEntry is one directory entry of any of the classes DecodeDirEntries
// understands ([MS-FSCC] 2.4, sections FileDirectoryInformation,
// FileFullDirectoryInformation, FileBothDirectoryInformation,
// FileIdBothDirectoryInformation, FileIdFullDirectoryInformation and
// FileNamesInformation). Fields a class lacks are zero.
//
// In the classes that carry EaSize, the field holds the reparse tag instead
// when FileAttributes has FileAttributeReparsePoint; the decoder puts it in
// ReparseTag and leaves EaSize zero, and the encoder does the reverse.
//
// OpenInfo holds the times, sizes and attributes of the classes that carry
// them (all but FileNamesInformation).
type DirEntry struct {
	Name      string
	FileIndex uint32
	OpenInfo
	EaSize     uint32
	ReparseTag uint32
	// FileID is the 8-byte file id of the FileId* classes.
	FileID uint64
	// ShortName is the 8.3 name of the *Both* classes, often empty.
	ShortName string
	// Posix is what a ClassFilePOSIXInformation entry carries (posix.go):
	// mode, owner, group and link count; nil for the other classes. Such
	// an entry's FileID is its Inode.
	Posix *PosixInfo
}

// dirLayout describes where a directory information class keeps its fields;
// -1 marks a field the class lacks. All offsets are from the entry start.
type dirLayout struct {
	fixed     int // offset of FileName
	nameLen   int // offset of FileNameLength
	times     bool
	eaSize    int
	shortName int // offset of ShortNameLength; ShortName is 2 bytes later, 24 bytes
	fileID    int
}

const dirShortNameMax = 24

func dirLayoutOf(class uint8) (dirLayout, bool) {
	switch class {
	case ClassFileDirectoryInformation:
		return dirLayout{fixed: 64, nameLen: 60, times: true, eaSize: -1, shortName: -1, fileID: -1}, true
	case ClassFileFullDirectoryInformation:
		return dirLayout{fixed: 68, nameLen: 60, times: true, eaSize: 64, shortName: -1, fileID: -1}, true
	case ClassFileBothDirectoryInformation:
		return dirLayout{fixed: 94, nameLen: 60, times: true, eaSize: 64, shortName: 68, fileID: -1}, true
	case ClassFileIdBothDirectoryInformation:
		return dirLayout{fixed: 104, nameLen: 60, times: true, eaSize: 64, shortName: 68, fileID: 96}, true
	case ClassFileIdFullDirectoryInformation:
		return dirLayout{fixed: 80, nameLen: 60, times: true, eaSize: 64, shortName: -1, fileID: 72}, true
	case ClassFileNamesInformation:
		return dirLayout{fixed: 12, nameLen: 8, eaSize: -1, shortName: -1, fileID: -1}, true
	}
	return dirLayout{}, false
}

// dirEntryAlign is the alignment of NextEntryOffset in directory listings:
// servers place each entry on an 8-byte boundary.
const dirEntryAlign = 8

// DecodeDirEntries decodes the QUERY_DIRECTORY output buffer buf of
// information class class (one of the Class*DirectoryInformation constants,
// ClassFileNamesInformation or ClassFilePOSIXInformation). The NextEntryOffset chain must be 8-byte
// aligned, make progress and stay inside buf; each FileName must fit in its
// entry and have a non-zero even length; ShortNameLength must be at most 24
// and even. An empty buffer yields no entries.
func DecodeDirEntries(class uint8, buf []byte) ([]DirEntry, error) {
	if class == ClassFilePOSIXInformation {
		var out []DirEntry
		err := walkEntries(buf, dirEntryAlign, posixDirMin, "directory entry", func(e []byte) error {
			d, err := decodePosixDirEntry(e)
			out = append(out, d)
			return err
		})
		if err != nil {
			return nil, err
		}
		return out, nil
	}
	l, ok := dirLayoutOf(class)
	if !ok {
		return nil, malformed("directory information class %d not supported", class)
	}
	var out []DirEntry
	err := walkEntries(buf, dirEntryAlign, l.fixed, "directory entry", func(e []byte) error {
		var d DirEntry
		d.FileIndex = getU32(e, 4)
		if l.times {
			d.CreationTime = getU64(e, 8)
			d.LastAccessTime = getU64(e, 16)
			d.LastWriteTime = getU64(e, 24)
			d.ChangeTime = getU64(e, 32)
			d.EndOfFile = getU64(e, 40)
			d.AllocationSize = getU64(e, 48)
			d.FileAttributes = getU32(e, 56)
		}
		if l.eaSize >= 0 {
			v := getU32(e, l.eaSize)
			if d.FileAttributes&FileAttributeReparsePoint != 0 {
				d.ReparseTag = v
			} else {
				d.EaSize = v
			}
		}
		if l.fileID >= 0 {
			d.FileID = getU64(e, l.fileID)
		}
		if l.shortName >= 0 {
			n := int(e[l.shortName])
			if n > dirShortNameMax {
				return malformed("ShortNameLength %d", n)
			}
			s, err := utf16Field(e[l.shortName+2:l.shortName+2+n], "ShortName")
			if err != nil {
				return err
			}
			d.ShortName = s
		}
		n := uint64(getU32(e, l.nameLen))
		if n == 0 {
			return malformed("empty FileName")
		}
		if n > uint64(len(e)-l.fixed) {
			return malformed("FileNameLength %d in a %d-byte entry", n, len(e))
		}
		name, err := utf16Field(e[l.fixed:l.fixed+int(n)], "FileName")
		if err != nil {
			return err
		}
		d.Name = name
		out = append(out, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// EncodeDirEntries encodes entries as a QUERY_DIRECTORY output buffer of
// information class class, each entry but the last padded to 8 bytes (for
// fake servers and tests). It returns ErrTooLarge for a ShortName longer
// than 24 bytes in UTF-16, and an ErrMalformed error for an unsupported
// class.
func EncodeDirEntries(class uint8, entries []DirEntry) ([]byte, error) {
	if class == ClassFilePOSIXInformation {
		for i := range entries {
			if entries[i].Posix == nil {
				return nil, malformed("POSIX directory entry %q without POSIX information", entries[i].Name)
			}
			if err := entries[i].Posix.check(); err != nil {
				return nil, err
			}
		}
		return appendEntries(nil, len(entries), dirEntryAlign, func(b []byte, i int) []byte {
			return appendPosixDirEntry(b, &entries[i])
		}), nil
	}
	l, ok := dirLayoutOf(class)
	if !ok {
		return nil, malformed("directory information class %d not supported", class)
	}
	for _, d := range entries {
		if l.shortName >= 0 && UTF16Len(d.ShortName) > dirShortNameMax {
			return nil, ErrTooLarge
		}
	}
	b := appendEntries(nil, len(entries), dirEntryAlign, func(b []byte, i int) []byte {
		d := &entries[i]
		start := len(b)
		b = zeros(b, l.fixed)
		e := b[start:]
		putU32(e, 4, d.FileIndex)
		if l.times {
			putU64(e, 8, d.CreationTime)
			putU64(e, 16, d.LastAccessTime)
			putU64(e, 24, d.LastWriteTime)
			putU64(e, 32, d.ChangeTime)
			putU64(e, 40, d.EndOfFile)
			putU64(e, 48, d.AllocationSize)
			putU32(e, 56, d.FileAttributes)
		}
		if l.eaSize >= 0 {
			v := d.EaSize
			if d.FileAttributes&FileAttributeReparsePoint != 0 {
				v = d.ReparseTag
			}
			putU32(e, l.eaSize, v)
		}
		if l.fileID >= 0 {
			putU64(e, l.fileID, d.FileID)
		}
		if l.shortName >= 0 {
			e[l.shortName] = byte(UTF16Len(d.ShortName))
			AppendUTF16(e[l.shortName+2:l.shortName+2], d.ShortName)
		}
		putU32(e, l.nameLen, mustFit32(UTF16Len(d.Name), "FileNameLength"))
		return AppendUTF16(b, d.Name)
	})
	return b, nil
}
