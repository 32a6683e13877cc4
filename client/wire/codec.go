package wire

// The codec core: the one set of little-endian, offset and length helpers
// every encoder and decoder of the package uses. Encoders append fields
// (appendU16...), patch placeholders (putU16...) and pad (pad, zeros);
// decoders read through a reader, which checks every read, or take a
// variable buffer with buffer, which checks an offset and a length from the
// wire in int arithmetic before slicing. getU16... read at a fixed offset of
// a slice whose length the caller has already checked.

import (
	"encoding/binary"
	"fmt"
)

// Encoding.

func appendU16(b []byte, v uint16) []byte { return binary.LittleEndian.AppendUint16(b, v) }
func appendU32(b []byte, v uint32) []byte { return binary.LittleEndian.AppendUint32(b, v) }
func appendU64(b []byte, v uint64) []byte { return binary.LittleEndian.AppendUint64(b, v) }

// putU16, putU32 and putU64 patch a field that was appended as a
// placeholder, or fill a zeroed fixed part; b must hold off+size bytes.
func putU16(b []byte, off int, v uint16) { binary.LittleEndian.PutUint16(b[off:], v) }
func putU32(b []byte, off int, v uint32) { binary.LittleEndian.PutUint32(b[off:], v) }
func putU64(b []byte, off int, v uint64) { binary.LittleEndian.PutUint64(b[off:], v) }

// getU16, getU32 and getU64 read the field at off of b. They do no bounds
// check of their own: the caller has checked that b holds off+size bytes
// (an entry of at least its fixed size, a header of HeaderSize bytes).
func getU16(b []byte, off int) uint16 { return binary.LittleEndian.Uint16(b[off:]) }
func getU32(b []byte, off int) uint32 { return binary.LittleEndian.Uint32(b[off:]) }
func getU64(b []byte, off int) uint64 { return binary.LittleEndian.Uint64(b[off:]) }

// appendU16List appends each value of v as a little-endian 16-bit field.
func appendU16List(b []byte, v []uint16) []byte {
	for _, x := range v {
		b = appendU16(b, x)
	}
	return b
}

// u16List decodes the little-endian 16-bit values of b (an odd last byte is
// ignored; callers pass an even length).
func u16List(b []byte) []uint16 {
	v := make([]uint16, len(b)/2)
	for i := range v {
		v[i] = getU16(b, 2*i)
	}
	return v
}

// align rounds n up to a multiple of a (a power of two). n is an offset
// inside a message, so it is far from overflowing.
func align(n, a int) int { return (n + a - 1) &^ (a - 1) }

// align8 is align(n, 8), the alignment of every SMB2 buffer and context.
func align8(n int) int { return align(n, 8) }

// pad appends zero bytes until len(b)-start is a multiple of a.
func pad(b []byte, start, a int) []byte {
	for (len(b)-start)%a != 0 {
		b = append(b, 0)
	}
	return b
}

// pad8 appends zero bytes to b until len(b) is a multiple of 8.
func pad8(b []byte) []byte { return pad(b, 0, 8) }

// zeros appends n zero bytes to b.
func zeros(b []byte, n int) []byte {
	for ; n > 0; n-- {
		b = append(b, 0)
	}
	return b
}

// boolByte encodes a BOOLEAN ([MS-FSCC] 2.1.8).
func boolByte(v bool) byte {
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

// appendReserved4 appends the body shared by every 4-byte message (LOGOFF,
// TREE_DISCONNECT, ECHO, CANCEL): StructureSize 4 and a reserved 16-bit field.
func appendReserved4(msg []byte) []byte {
	msg = appendU16(msg, 4)
	return appendU16(msg, 0)
}

// Decoding.

// reader reads little-endian fields from a message with bounds checks. The
// first failed read records an error and every later read returns zero, so a
// decoder may read a fixed layout and check r.err once.
type reader struct {
	b   []byte
	off int
	err error
}

func newReader(b []byte, off int) *reader { return &reader{b: b, off: off} }

func (r *reader) need(n int, what string) bool {
	if r.err != nil {
		return false
	}
	if n < 0 || r.off < 0 || r.off > len(r.b) || len(r.b)-r.off < n {
		r.err = malformed("%s: need %d bytes at offset %d of %d", what, n, r.off, len(r.b))
		return false
	}
	return true
}

func (r *reader) u8(what string) uint8 {
	if !r.need(1, what) {
		return 0
	}
	v := r.b[r.off]
	r.off++
	return v
}

func (r *reader) u16(what string) uint16 {
	if !r.need(2, what) {
		return 0
	}
	v := binary.LittleEndian.Uint16(r.b[r.off:])
	r.off += 2
	return v
}

func (r *reader) u32(what string) uint32 {
	if !r.need(4, what) {
		return 0
	}
	v := binary.LittleEndian.Uint32(r.b[r.off:])
	r.off += 4
	return v
}

func (r *reader) u64(what string) uint64 {
	if !r.need(8, what) {
		return 0
	}
	v := binary.LittleEndian.Uint64(r.b[r.off:])
	r.off += 8
	return v
}

// bytes returns the next n bytes (aliasing the message).
func (r *reader) bytes(n int, what string) []byte {
	if !r.need(n, what) {
		return nil
	}
	v := r.b[r.off : r.off+n : r.off+n]
	r.off += n
	return v
}

func (r *reader) skip(n int, what string) {
	if r.need(n, what) {
		r.off += n
	}
}

// structureSize reads the 2-byte StructureSize and checks it.
func (r *reader) structureSize(want uint16, what string) {
	if got := r.u16(what + " StructureSize"); r.err == nil && got != want {
		r.err = malformed("%s: StructureSize %d, want %d", what, got, want)
	}
}

// bodyReader checks that msg holds a header and a body of at least minBody
// bytes and that the body starts with StructureSize == want. It returns a
// reader positioned just after StructureSize.
//
// Requests whose StructureSize is odd count one byte of their variable
// Buffer; callers pass minBody = StructureSize for those (Samba requires
// that byte, and its client sends it) and StructureSize-1 for responses,
// which end right after the fixed part when the buffer is empty (Samba's
// CREATE and WRITE responses do).
func bodyReader(msg []byte, want uint16, minBody int, what string) (*reader, error) {
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

// fixedReader checks that an information-class buffer holds at least n bytes
// and returns a reader over it. Trailing bytes are allowed: servers may pad
// the output buffer.
func fixedReader(b []byte, n int, what string) (*reader, error) {
	if len(b) < n {
		return nil, malformed("%s: %d bytes, need %d", what, len(b), n)
	}
	return newReader(b, 0), nil
}

// decodeReserved4 checks a 4-byte message body (StructureSize 4, Reserved).
// The reserved field is ignored, as the specification requires.
func decodeReserved4(msg []byte, what string) error {
	r := newReader(msg, HeaderSize)
	r.structureSize(4, what)
	r.skip(2, what+" Reserved")
	return r.err
}

// slice returns msg[off:off+n] after checking, in int arithmetic, that the
// range lies inside msg. A zero length yields nil whatever the offset.
func slice(msg []byte, off, n int, what string) ([]byte, error) {
	if n == 0 {
		return nil, nil
	}
	if off < 0 || n < 0 || off > len(msg) || len(msg)-off < n {
		return nil, malformed("%s: %d bytes at offset %d outside %d-byte message", what, n, off, len(msg))
	}
	return msg[off : off+n : off+n], nil
}

// buffer returns the Offset/Length buffer of a message body: the n bytes at
// header-relative offset off in msg. A zero length yields nil whatever the
// offset, as servers send offset 0 for an empty buffer. A non-empty buffer
// must start at or after fixedEnd, the end of the body's fixed part (a
// buffer overlapping the header or the fixed fields is malformed), and lie
// inside msg. off and n come from the wire as unsigned values; they are
// checked against len(msg) before becoming ints.
func buffer(msg []byte, off, n uint64, fixedEnd int, what string) ([]byte, error) {
	if n == 0 {
		return nil, nil
	}
	if off > uint64(len(msg)) || n > uint64(len(msg)) {
		return nil, malformed("%s: %d bytes at offset %d outside %d-byte message", what, n, off, len(msg))
	}
	o, l := int(off), int(n)
	if o < fixedEnd {
		return nil, malformed("%s: offset %d inside the fixed part (ends at %d)", what, o, fixedEnd)
	}
	return slice(msg, o, l, what)
}

// bodyBuffer is buffer for an offset and a length already held in ints
// (negotiate.go's callers); a negative one is malformed.
func bodyBuffer(msg []byte, off, n, fixedEnd int, what string) ([]byte, error) {
	if off < 0 || n < 0 {
		return nil, malformed("%s: %d bytes at offset %d", what, n, off)
	}
	return buffer(msg, uint64(off), uint64(n), fixedEnd, what)
}

// utf16Field decodes a UTF-16LE name, adding what to the error.
func utf16Field(b []byte, what string) (string, error) {
	s, err := DecodeUTF16(b)
	if err != nil {
		return "", fmt.Errorf("%s: %w", what, err)
	}
	return s, nil
}

// Entry lists.

// walkEntries walks a list of variable-size entries chained by a leading
// 4-byte NextEntryOffset ([MS-FSCC] 2.4 and friends), calling fn with each
// entry. An entry is rest[:NextEntryOffset], or everything left for the last
// entry (NextEntryOffset 0). Every NextEntryOffset must be a multiple of
// align, at least minSize (so the walk always progresses) and point inside
// the buffer, at the next entry; every entry, the last included, must hold
// minSize bytes. fn checks that its variable parts fit in the entry it is
// given. An empty buffer holds no entries.
func walkEntries(buf []byte, align, minSize int, what string, fn func(entry []byte) error) error {
	rest := buf
	for i := 0; len(rest) > 0; i++ {
		if len(rest) < minSize {
			return malformed("%s %d: %d bytes left, an entry needs %d", what, i, len(rest), minSize)
		}
		next := uint64(getU32(rest, 0))
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
			b = pad(b, start, align)
			putU32(b, start, uint32(len(b)-start))
		}
	}
	return b
}
