package crypto

import (
	"crypto/cipher"
	"crypto/subtle"
	"encoding/binary"
	"errors"
	"sync"
)

// CCM nonce and tag bounds of [SP800-38C] section A.1: the nonce is 7 to 13
// bytes, the tag an even 4 to 16.
const (
	ccmMinNonce = 7
	ccmMaxNonce = 13
	ccmMinTag   = 4
	ccmMaxTag   = 16
)

var errCCMOpen = errors.New("crypto: CCM message authentication failed")

// ccm is AES-CCM as [SP800-38C] specifies it (the same as [RFC3610]) for a
// chosen nonce and tag length. It implements cipher.AEAD and is safe for
// concurrent use: its fields are read-only, and each call takes its working
// blocks from a pool, so that steady-state calls do not allocate (a block
// passed to cipher.Block.Encrypt escapes, so it cannot live on the stack).
type ccm struct {
	b         cipher.Block
	nonceSize int
	tagSize   int
	maxLen    uint64 // largest payload the q-byte length field can express
	scratch   sync.Pool
}

// ccmScratch holds one call's working blocks.
type ccmScratch struct {
	x   [blockSize]byte // CBC-MAC chaining value
	ctr [blockSize]byte // counter block
	ks  [blockSize]byte // key stream block
	s0  [blockSize]byte // first key stream block, which masks the tag
}

// newCCM returns CCM over b, which must have a 16-byte block.
func newCCM(b cipher.Block, nonceSize, tagSize int) (*ccm, error) {
	if b.BlockSize() != blockSize {
		return nil, errors.New("crypto: CCM needs a 128-bit block cipher")
	}
	if nonceSize < ccmMinNonce || nonceSize > ccmMaxNonce {
		return nil, errors.New("crypto: CCM nonce must be 7 to 13 bytes")
	}
	if tagSize < ccmMinTag || tagSize > ccmMaxTag || tagSize%2 != 0 {
		return nil, errors.New("crypto: CCM tag must be 4, 6, 8, 10, 12, 14 or 16 bytes")
	}
	c := &ccm{b: b, nonceSize: nonceSize, tagSize: tagSize}
	q := 15 - nonceSize // bytes of the payload length field
	if q >= 8 {
		c.maxLen = 1<<63 - 1
	} else {
		c.maxLen = 1<<(8*q) - 1
	}
	c.scratch.New = func() any { return new(ccmScratch) }
	return c, nil
}

// NonceSize returns the nonce length in bytes.
func (c *ccm) NonceSize() int { return c.nonceSize }

// Overhead returns the tag length in bytes.
func (c *ccm) Overhead() int { return c.tagSize }

// Seal encrypts and authenticates plaintext, authenticates additionalData,
// and appends ciphertext || tag to dst, with the cipher.AEAD contract:
// plaintext and dst may overlap exactly or not at all.
func (c *ccm) Seal(dst, nonce, plaintext, additionalData []byte) []byte {
	ret, out := sliceForAppend(dst, len(plaintext)+c.tagSize)
	if inexactOverlap(out, plaintext) {
		panic("crypto: CCM invalid buffer overlap")
	}
	// The tag goes after the ciphertext; plaintext is read block by block
	// before its block of out is written, so an exact overlap is fine.
	var tag [ccmMaxTag]byte
	c.sealDetached(out[:len(plaintext)], nonce, plaintext, additionalData, tag[:c.tagSize])
	copy(out[len(plaintext):], tag[:c.tagSize])
	return ret
}

// Open authenticates ciphertext || tag and additionalData and appends the
// plaintext to dst, with the cipher.AEAD contract.
func (c *ccm) Open(dst, nonce, ciphertext, additionalData []byte) ([]byte, error) {
	if len(ciphertext) < c.tagSize {
		return nil, errCCMOpen
	}
	n := len(ciphertext) - c.tagSize
	var tag [ccmMaxTag]byte
	copy(tag[:], ciphertext[n:])
	ret, out := sliceForAppend(dst, n)
	if inexactOverlap(out, ciphertext[:n]) {
		panic("crypto: CCM invalid buffer overlap")
	}
	if err := c.openDetached(out, nonce, ciphertext[:n], additionalData, tag[:c.tagSize]); err != nil {
		return nil, err
	}
	return ret, nil
}

// sealDetached encrypts plaintext into out (same length; exact or no
// overlap) and writes the tag into tag (c.tagSize bytes), which must not
// overlap the other arguments. [SP800-38C] section 6.1.
func (c *ccm) sealDetached(out, nonce, plaintext, aad, tag []byte) {
	if len(nonce) != c.nonceSize {
		panic("crypto: CCM incorrect nonce length")
	}
	if uint64(len(plaintext)) > c.maxLen {
		panic("crypto: CCM message too large for the nonce length")
	}
	s := c.scratch.Get().(*ccmScratch)
	c.start(s, nonce, len(plaintext), aad)
	p := plaintext
	for len(p) >= blockSize {
		subtle.XORBytes(s.x[:], s.x[:], p[:blockSize])
		c.b.Encrypt(s.x[:], s.x[:])
		c.nextKeyStream(s)
		subtle.XORBytes(out[:blockSize], p[:blockSize], s.ks[:])
		out, p = out[blockSize:], p[blockSize:]
	}
	if len(p) > 0 {
		c.absorbPayload(s, p)
		c.nextKeyStream(s)
		subtle.XORBytes(out, p, s.ks[:len(p)])
	}
	c.finish(s, tag)
	c.put(s)
}

// openDetached decrypts ciphertext into out (same length; exact or no
// overlap) and checks tag in constant time ([SP800-38C] section 6.2). On
// failure it wipes out and returns errCCMOpen.
func (c *ccm) openDetached(out, nonce, ciphertext, aad, tag []byte) error {
	if len(nonce) != c.nonceSize {
		panic("crypto: CCM incorrect nonce length")
	}
	if len(tag) != c.tagSize || uint64(len(ciphertext)) > c.maxLen {
		return errCCMOpen
	}
	s := c.scratch.Get().(*ccmScratch)
	c.start(s, nonce, len(ciphertext), aad)
	o, ct := out, ciphertext
	for len(ct) >= blockSize {
		c.nextKeyStream(s)
		subtle.XORBytes(o[:blockSize], ct[:blockSize], s.ks[:])
		subtle.XORBytes(s.x[:], s.x[:], o[:blockSize])
		c.b.Encrypt(s.x[:], s.x[:])
		o, ct = o[blockSize:], ct[blockSize:]
	}
	if len(ct) > 0 {
		c.nextKeyStream(s)
		subtle.XORBytes(o, ct, s.ks[:len(ct)])
		c.absorbPayload(s, o)
	}
	var want [ccmMaxTag]byte
	c.finish(s, want[:c.tagSize])
	c.put(s)
	if subtle.ConstantTimeCompare(want[:c.tagSize], tag) != 1 {
		clear(out)
		return errCCMOpen
	}
	return nil
}

// start formats B_0 and the associated data into the CBC-MAC ([SP800-38C]
// A.2.1, A.2.2) and sets up the counter blocks (A.3).
func (c *ccm) start(s *ccmScratch, nonce []byte, payloadLen int, aad []byte) {
	q := 15 - c.nonceSize

	// B_0 = flags || N || Q.
	b0 := &s.x
	clear(b0[:])
	b0[0] = byte(c.tagSize-2) / 2 << 3
	b0[0] |= byte(q - 1)
	if len(aad) > 0 {
		b0[0] |= 0x40
	}
	copy(b0[1:], nonce)
	putLength(b0[16-q:], uint64(payloadLen))
	c.b.Encrypt(s.x[:], b0[:])

	if len(aad) > 0 {
		// The length of a, then a, zero-padded to whole blocks.
		var hdr [10]byte
		var h []byte
		switch a := uint64(len(aad)); {
		case a < 1<<16-1<<8:
			binary.BigEndian.PutUint16(hdr[:], uint16(a))
			h = hdr[:2]
		case a < 1<<32:
			hdr[0], hdr[1] = 0xff, 0xfe
			binary.BigEndian.PutUint32(hdr[2:], uint32(a))
			h = hdr[:6]
		default:
			hdr[0], hdr[1] = 0xff, 0xff
			binary.BigEndian.PutUint64(hdr[2:], a)
			h = hdr[:10]
		}
		pos := c.absorb(s, 0, h)
		pos = c.absorb(s, pos, aad)
		if pos > 0 {
			c.b.Encrypt(s.x[:], s.x[:]) // zero padding leaves x as it is
		}
	}

	// Ctr_0 = flags' || N || 0; S_0 masks the tag.
	clear(s.ctr[:])
	s.ctr[0] = byte(q - 1)
	copy(s.ctr[1:], nonce)
	c.b.Encrypt(s.s0[:], s.ctr[:])
}

// putLength writes v big-endian into b, which is 2 to 8 bytes long.
func putLength(b []byte, v uint64) {
	for i := len(b) - 1; i >= 0; i-- {
		b[i] = byte(v)
		v >>= 8
	}
}

// absorb xors p into the CBC-MAC starting at byte pos of the current block
// and encrypts each block it completes. It returns the new position.
func (c *ccm) absorb(s *ccmScratch, pos int, p []byte) int {
	for len(p) > 0 {
		if pos == 0 {
			for len(p) >= blockSize {
				subtle.XORBytes(s.x[:], s.x[:], p[:blockSize])
				c.b.Encrypt(s.x[:], s.x[:])
				p = p[blockSize:]
			}
			if len(p) == 0 {
				break
			}
		}
		k := subtle.XORBytes(s.x[pos:], s.x[pos:], p)
		pos += k
		p = p[k:]
		if pos == blockSize {
			c.b.Encrypt(s.x[:], s.x[:])
			pos = 0
		}
	}
	return pos
}

// absorbPayload adds the last, short payload block, zero-padded, to the
// CBC-MAC.
func (c *ccm) absorbPayload(s *ccmScratch, p []byte) {
	subtle.XORBytes(s.x[:len(p)], s.x[:len(p)], p)
	c.b.Encrypt(s.x[:], s.x[:])
}

// nextKeyStream increments the counter field (the last q bytes of Ctr) and
// encrypts Ctr_i into s.ks.
func (c *ccm) nextKeyStream(s *ccmScratch) {
	for i := blockSize - 1; i > c.nonceSize; i-- {
		s.ctr[i]++
		if s.ctr[i] != 0 {
			break
		}
	}
	c.b.Encrypt(s.ks[:], s.ctr[:])
}

// finish writes T = MSB_Tlen(Y_r) xor MSB_Tlen(S_0) into tag.
func (c *ccm) finish(s *ccmScratch, tag []byte) {
	subtle.XORBytes(tag, s.x[:len(tag)], s.s0[:len(tag)])
}

// put wipes s and returns it to the pool.
func (c *ccm) put(s *ccmScratch) {
	*s = ccmScratch{}
	c.scratch.Put(s)
}

// sliceForAppend extends in by n bytes, reallocating if needed, and returns
// the whole slice and the n new bytes (as crypto/cipher does).
func sliceForAppend(in []byte, n int) (head, tail []byte) {
	if total := len(in) + n; cap(in) >= total {
		head = in[:total]
	} else {
		head = make([]byte, total)
		copy(head, in)
	}
	tail = head[len(in):]
	return
}
