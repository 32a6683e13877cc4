package wire

import "encoding/binary"

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

// checkStructureSize reads the 2-byte StructureSize and checks it.
func (r *reader) structureSize(want uint16, what string) {
	if got := r.u16(what + " StructureSize"); r.err == nil && got != want {
		r.err = malformed("%s: StructureSize %d, want %d", what, got, want)
	}
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

// pad8 appends zero bytes to b until len(b) is a multiple of 8.
func pad8(b []byte) []byte {
	for len(b)%8 != 0 {
		b = append(b, 0)
	}
	return b
}

// le helpers for encoders.
func appendU16(b []byte, v uint16) []byte { return binary.LittleEndian.AppendUint16(b, v) }
func appendU32(b []byte, v uint32) []byte { return binary.LittleEndian.AppendUint32(b, v) }
func appendU64(b []byte, v uint64) []byte { return binary.LittleEndian.AppendUint64(b, v) }
