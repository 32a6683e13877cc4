package wire

// OpenInfo is what a server reports about a file in the stat-like fields
// shared by the CREATE response ([MS-SMB2] 2.2.14), the CLOSE response with
// CloseFlagPostQueryAttrib ([MS-SMB2] 2.2.16), FILE_NETWORK_OPEN_INFORMATION
// ([MS-FSCC] 2.4.29) and the directory entries of QUERY_DIRECTORY
// ([MS-FSCC] 2.4.8 and friends). Those messages embed it, so one converter
// turns any of them into file attributes.
//
// Times are FILETIMEs: 100 ns units since 1601-01-01 UTC, 0 when the server
// does not know. EndOfFile is the file's size in bytes, AllocationSize the
// bytes it occupies on disk. FileAttributes holds FileAttribute* bits.
type OpenInfo struct {
	CreationTime   uint64
	LastAccessTime uint64
	LastWriteTime  uint64
	ChangeTime     uint64
	AllocationSize uint64
	EndOfFile      uint64
	FileAttributes uint32
}

// openInfoSize is the size of OpenInfo as CREATE, CLOSE and
// FILE_NETWORK_OPEN_INFORMATION lay it out: the four times, AllocationSize,
// EndOfFile, FileAttributes. (Directory entries order EndOfFile before
// AllocationSize; querydir.go places those fields itself.)
const openInfoSize = 4*8 + 2*8 + 4

// IsDir reports whether the file is a directory (FileAttributeDirectory).
func (o *OpenInfo) IsDir() bool { return o.FileAttributes&FileAttributeDirectory != 0 }

// IsReparsePoint reports whether the file is a reparse point
// (FileAttributeReparsePoint): a symbolic link, a junction or another kind
// of reparse data the server did not follow.
func (o *OpenInfo) IsReparsePoint() bool { return o.FileAttributes&FileAttributeReparsePoint != 0 }

// IsReadOnly reports whether the file has FileAttributeReadOnly, which a
// server enforces on writes and deletes whatever the file's ACL says.
func (o *OpenInfo) IsReadOnly() bool { return o.FileAttributes&FileAttributeReadOnly != 0 }

// append appends the 52-byte CREATE/CLOSE/FILE_NETWORK_OPEN_INFORMATION
// layout of o.
func (o *OpenInfo) append(b []byte) []byte {
	b = appendU64(b, o.CreationTime)
	b = appendU64(b, o.LastAccessTime)
	b = appendU64(b, o.LastWriteTime)
	b = appendU64(b, o.ChangeTime)
	b = appendU64(b, o.AllocationSize)
	b = appendU64(b, o.EndOfFile)
	return appendU32(b, o.FileAttributes)
}

// read reads the layout append writes; r records any short read.
func (o *OpenInfo) read(r *reader) {
	o.CreationTime = r.u64("CreationTime")
	o.LastAccessTime = r.u64("LastAccessTime")
	o.LastWriteTime = r.u64("LastWriteTime")
	o.ChangeTime = r.u64("ChangeTime")
	o.AllocationSize = r.u64("AllocationSize")
	o.EndOfFile = r.u64("EndOfFile")
	o.FileAttributes = r.u32("FileAttributes")
}
