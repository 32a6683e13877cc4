package crypto

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/subtle"
)

// blockSize is the AES block size, which CMAC, CCM and GCM all work in.
const blockSize = aes.BlockSize

// cmacRb is the constant R_128 of [RFC4493] section 2.3 (0^120 || 10000111).
const cmacRb = 0x87

// Why not github.com/aead/cmac, the design card's choice: measured against
// this file (issue 22, BenchmarkSign and BenchmarkVerify, AES-CMAC over
// 64 KiB, 2 shared cores), its Sum allocates a 16-byte block on every call,
// so signing and verifying are no longer allocation-free (TestAllocations
// fails), and verifying was about 1.5 times slower (108-118 µs against
// 161-195 µs per 64 KiB), its own XOR loop being slower than
// crypto/subtle's. It also keeps the subkeys in fields we cannot wipe. The
// RFC 4493 vectors (cmac_test.go) and the MS-SMB2 signing examples
// (vectors_test.go) pin this implementation instead.

// cmac computes AES-CMAC ([RFC4493], [SP800-38B]) with a fixed key. It is safe
// for concurrent use: its fields are read-only after newCMAC, and each
// computation keeps its chaining value in a cmacState owned by the caller.
type cmac struct {
	b      cipher.Block
	k1, k2 [blockSize]byte // subkeys, [RFC4493] section 2.3
}

// newCMAC expands key (16, 24 or 32 bytes) and derives the two subkeys.
func newCMAC(key []byte) (*cmac, error) {
	b, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	c := &cmac{b: b}
	var l [blockSize]byte
	b.Encrypt(l[:], l[:]) // L = AES-K(0^128)
	shiftLeft(&c.k1, &l)
	shiftLeft(&c.k2, &c.k1)
	clear(l[:])
	return c, nil
}

// shiftLeft sets dst to src << 1 in GF(2^128), that is the left shift,
// xored with Rb when the bit shifted out was set. It is constant-time.
func shiftLeft(dst, src *[blockSize]byte) {
	msb := src[0] >> 7
	for i := 0; i < blockSize-1; i++ {
		dst[i] = src[i]<<1 | src[i+1]>>7
	}
	dst[blockSize-1] = src[blockSize-1]<<1 ^ (-msb & cmacRb)
}

// zero wipes the subkeys. The AES key schedule inside c.b cannot be wiped;
// callers drop c afterwards.
func (c *cmac) zero() {
	clear(c.k1[:])
	clear(c.k2[:])
}

// cmacState is one CMAC computation in progress: the CBC chaining value and
// the pending last (possibly whole) block. The pending block is kept back
// because the last block is treated differently ([RFC4493] section 2.4).
type cmacState struct {
	x   [blockSize]byte
	buf [blockSize]byte
	n   int // bytes in buf
}

// reset prepares s for a new message and wipes what it held.
func (s *cmacState) reset() {
	clear(s.x[:])
	clear(s.buf[:])
	s.n = 0
}

// write absorbs p.
func (c *cmac) write(s *cmacState, p []byte) {
	for len(p) > 0 {
		if s.n == blockSize {
			// More data follows, so the buffered block is not the last.
			subtle.XORBytes(s.x[:], s.x[:], s.buf[:])
			c.b.Encrypt(s.x[:], s.x[:])
			s.n = 0
		}
		if s.n == 0 {
			// Whole blocks straight from p, keeping back the last one.
			for len(p) > blockSize {
				subtle.XORBytes(s.x[:], s.x[:], p[:blockSize])
				c.b.Encrypt(s.x[:], s.x[:])
				p = p[blockSize:]
			}
		}
		k := copy(s.buf[s.n:], p)
		s.n += k
		p = p[k:]
	}
}

// sum finishes the computation into out ([RFC4493] section 2.4 steps 3-6).
// s must be reset before it is used again.
func (c *cmac) sum(s *cmacState, out *[blockSize]byte) {
	if s.n == blockSize {
		subtle.XORBytes(s.x[:], s.x[:], s.buf[:])
		subtle.XORBytes(s.x[:], s.x[:], c.k1[:])
	} else {
		clear(s.buf[s.n:])
		s.buf[s.n] = 0x80 // padding: 10^i
		subtle.XORBytes(s.x[:], s.x[:], s.buf[:])
		subtle.XORBytes(s.x[:], s.x[:], c.k2[:])
	}
	c.b.Encrypt(out[:], s.x[:])
}
