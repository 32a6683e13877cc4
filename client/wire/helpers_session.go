package wire

import "encoding/binary"

// Helpers shared by the NEGOTIATE, SESSION_SETUP, TREE_CONNECT and small
// fixed-size messages.

// align8 rounds n up to a multiple of 8. n is an offset inside a message, so
// it is far from overflowing.
func align8(n int) int { return (n + 7) &^ 7 }

// putU16 and putU32 patch a field that was appended as a placeholder.
func putU16(b []byte, off int, v uint16) { binary.LittleEndian.PutUint16(b[off:], v) }
func putU32(b []byte, off int, v uint32) { binary.LittleEndian.PutUint32(b[off:], v) }

// bodyBuffer returns the OffsetN/LengthN buffer of a message body after
// checking that it lies inside msg and does not start before fixedEnd, the
// end of the body's fixed part (a buffer overlapping the header or the fixed
// fields is malformed). A zero length yields nil whatever the offset, as
// servers send offset 0 for an empty buffer.
func bodyBuffer(msg []byte, off, n, fixedEnd int, what string) ([]byte, error) {
	if n == 0 {
		return nil, nil
	}
	if off < fixedEnd {
		return nil, malformed("%s: offset %d inside the fixed part (ends at %d)", what, off, fixedEnd)
	}
	return slice(msg, off, n, what)
}

// appendReserved4 appends the body shared by every 4-byte message (LOGOFF,
// TREE_DISCONNECT, ECHO, CANCEL): StructureSize 4 and a reserved 16-bit field.
func appendReserved4(msg []byte) []byte {
	msg = appendU16(msg, 4)
	return appendU16(msg, 0)
}

// decodeReserved4 checks a 4-byte message body (StructureSize 4, Reserved).
// The reserved field is ignored, as the specification requires.
func decodeReserved4(msg []byte, what string) error {
	r := newReader(msg, HeaderSize)
	r.structureSize(4, what)
	r.skip(2, what+" Reserved")
	return r.err
}

// u16List decodes count little-endian 16-bit values from b.
func u16List(b []byte) []uint16 {
	v := make([]uint16, len(b)/2)
	for i := range v {
		v[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	return v
}

// appendU16List appends each value of v as a little-endian 16-bit field.
func appendU16List(b []byte, v []uint16) []byte {
	for _, x := range v {
		b = appendU16(b, x)
	}
	return b
}
