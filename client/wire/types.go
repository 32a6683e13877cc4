package wire

import (
	"fmt"
	"unicode/utf16"
)

// Dialect is an SMB2 dialect revision ([MS-SMB2] 2.2.3).
type Dialect uint16

// Dialect revisions.
const (
	Dialect202      Dialect = 0x0202
	Dialect210      Dialect = 0x0210
	Dialect300      Dialect = 0x0300
	Dialect302      Dialect = 0x0302
	Dialect311      Dialect = 0x0311
	DialectWildcard Dialect = 0x02FF
)

// String returns the dialect as people write it: "3.1.1", "2.1", ...
func (d Dialect) String() string {
	switch d {
	case Dialect202:
		return "2.0.2"
	case Dialect210:
		return "2.1"
	case Dialect300:
		return "3.0.0"
	case Dialect302:
		return "3.0.2"
	case Dialect311:
		return "3.1.1"
	case DialectWildcard:
		return "2.???"
	}
	return fmt.Sprintf("0x%04X", uint16(d))
}

// FileID is an SMB2_FILEID ([MS-SMB2] 2.2.14.1).
type FileID struct {
	Persistent uint64
	Volatile   uint64
}

// CompoundFileID is the FileID that, in a related compound request, means
// "the file opened by the previous request" ([MS-SMB2] 3.2.4.1.4).
var CompoundFileID = FileID{^uint64(0), ^uint64(0)}

func (f FileID) append(b []byte) []byte {
	b = appendU64(b, f.Persistent)
	return appendU64(b, f.Volatile)
}

func (r *reader) fileID(what string) FileID {
	return FileID{Persistent: r.u64(what), Volatile: r.u64(what)}
}

// AppendUTF16 appends s encoded as UTF-16LE, without terminator.
func AppendUTF16(b []byte, s string) []byte {
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// UTF16Len returns the length in bytes of s encoded as UTF-16LE.
func UTF16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 4
		} else {
			n += 2
		}
	}
	return n
}

// DecodeUTF16 decodes UTF-16LE bytes; an odd length is malformed.
func DecodeUTF16(b []byte) (string, error) {
	if len(b)%2 != 0 {
		return "", malformed("UTF-16 string of odd length %d", len(b))
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
	}
	return string(utf16.Decode(u)), nil
}
