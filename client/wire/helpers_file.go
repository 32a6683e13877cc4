package wire

import (
	"encoding/binary"
	"fmt"
)

// Helpers shared by the file-operation codecs (CREATE through OPLOCK_BREAK and
// the [MS-FSCC] information classes). Names carry a "file" prefix so they do
// not collide with helpers of the negotiate/session codecs in this package.

// fileBody checks that msg holds a header and a body of at least minBody bytes
// and that the body starts with StructureSize == want. It returns a reader
// positioned just after StructureSize.
//
// Requests whose StructureSize is odd count one byte of their variable
// Buffer; callers pass minBody = StructureSize for those (Samba requires
// that byte, and its client sends it) and StructureSize-1 for responses,
// which end right after the fixed part when the buffer is empty (Samba's
// CREATE and WRITE responses do).
func fileBody(msg []byte, want uint16, minBody int, what string) (*reader, error) {
	if len(msg) < HeaderSize || len(msg)-HeaderSize < minBody {
		return nil, malformed("%s: %d-byte message, need a %d-byte header and a %d-byte body", what, len(msg), HeaderSize, minBody)
	}
	r := newReader(msg, HeaderSize)
	r.structureSize(want, what)
	if r.err != nil {
		return nil, r.err
	}
	return r, nil
}

// fileBuffer returns the n bytes at header-relative offset off in msg. A zero
// length yields nil whatever the offset. A non-empty buffer must start at or
// after minOff (the end of the fixed part, so a buffer never aliases the
// header or the fixed fields) and lie inside msg. off and n come from the
// wire as unsigned values; they are checked in int arithmetic.
func fileBuffer(msg []byte, off, n uint64, minOff int, what string) ([]byte, error) {
	if n == 0 {
		return nil, nil
	}
	if off > uint64(len(msg)) || n > uint64(len(msg)) {
		return nil, malformed("%s: %d bytes at offset %d outside %d-byte message", what, n, off, len(msg))
	}
	o, l := int(off), int(n)
	if o < minOff {
		return nil, malformed("%s: offset %d overlaps the fixed part ending at %d", what, o, minOff)
	}
	return slice(msg, o, l, what)
}

// fileUTF16 decodes a UTF-16LE name, adding what to the error.
func fileUTF16(b []byte, what string) (string, error) {
	s, err := DecodeUTF16(b)
	if err != nil {
		return "", fmt.Errorf("%s: %w", what, err)
	}
	return s, nil
}

// fileAlign rounds n up to a multiple of a (a power of two).
func fileAlign(n, a int) int { return (n + a - 1) &^ (a - 1) }

// fileZeros appends n zero bytes to b.
func fileZeros(b []byte, n int) []byte {
	for ; n > 0; n-- {
		b = append(b, 0)
	}
	return b
}

// filePad appends zero bytes until len(b)-start is a multiple of a.
func filePad(b []byte, start, a int) []byte {
	for (len(b)-start)%a != 0 {
		b = append(b, 0)
	}
	return b
}

// fileBool encodes a BOOLEAN ([MS-FSCC] 2.1.8).
func fileBool(v bool) byte {
	if v {
		return 1
	}
	return 0
}

// mustFit16 converts n to uint16 for an encoder. A value that does not fit is
// a programming error (the caller must bound names and buffers), never a wire
// condition, so it panics like Header.Encode does on a short slice.
func mustFit16(n int, what string) uint16 {
	if n < 0 || n > 0xFFFF {
		panic(fmt.Sprintf("wire: %s %d does not fit in 16 bits", what, n))
	}
	return uint16(n)
}

// mustFit32 is mustFit16 for 32-bit fields.
func mustFit32(n int, what string) uint32 {
	if n < 0 || uint64(n) > 0xFFFFFFFF {
		panic(fmt.Sprintf("wire: %s %d does not fit in 32 bits", what, n))
	}
	return uint32(n)
}

// walkEntries walks a list of variable-size entries chained by a leading
// 4-byte NextEntryOffset ([MS-FSCC] 2.4 and friends), calling fn with each
// entry. An entry is rest[:NextEntryOffset], or everything left for the last
// entry (NextEntryOffset 0). Every NextEntryOffset must be a multiple of
// align, at least minSize (so the walk always progresses) and point inside
// the buffer, at the next entry; every entry, the last included, must hold minSize bytes. fn checks
// that its variable parts fit in the entry it is given. An empty buffer holds
// no entries.
func walkEntries(buf []byte, align, minSize int, what string, fn func(entry []byte) error) error {
	rest := buf
	for i := 0; len(rest) > 0; i++ {
		if len(rest) < minSize {
			return malformed("%s %d: %d bytes left, an entry needs %d", what, i, len(rest), minSize)
		}
		next := uint64(binary.LittleEndian.Uint32(rest))
		entry := rest
		if next != 0 {
			// A non-zero NextEntryOffset promises another entry: it must
			// point strictly inside the buffer.
			if next%uint64(align) != 0 || next < uint64(minSize) || next >= uint64(len(rest)) {
				return malformed("%s %d: NextEntryOffset %d (align %d, min %d, %d bytes left)", what, i, next, align, minSize, len(rest))
			}
			entry = rest[:int(next):int(next)]
		}
		if err := fn(entry); err != nil {
			return fmt.Errorf("%s %d: %w", what, i, err)
		}
		if next == 0 {
			break
		}
		rest = rest[int(next):]
	}
	return nil
}

// appendEntries appends n entries chained by NextEntryOffset. fn appends
// entry i (starting with a 4-byte NextEntryOffset placeholder); every entry
// but the last is then padded to a multiple of align and its
// NextEntryOffset patched. The last entry keeps 0 and no padding.
func appendEntries(b []byte, n, align int, fn func(b []byte, i int) []byte) []byte {
	for i := range n {
		start := len(b)
		b = fn(b, i)
		if i < n-1 {
			b = filePad(b, start, align)
			binary.LittleEndian.PutUint32(b[start:], uint32(len(b)-start))
		}
	}
	return b
}

// fileFixed checks that an information-class buffer holds at least n bytes
// and returns a reader over it. Trailing bytes are allowed: servers may pad
// the output buffer.
func fileFixed(b []byte, n int, what string) (*reader, error) {
	if len(b) < n {
		return nil, malformed("%s: %d bytes, need %d", what, len(b), n)
	}
	return newReader(b, 0), nil
}
