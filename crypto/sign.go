package crypto

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/binary"
	"errors"
	"fmt"
	"github.com/smb3fs/smb3fs/client/wire"
	"hash"
	"sync"
)

// SMB2 header layout ([MS-SMB2] 2.2.1) as far as signing needs it.
const (
	headerSize        = 64 // SMB2 packet header, sync and async alike
	offCommand        = 12 // Command, 2 bytes
	offFlags          = 16 // Flags, 4 bytes
	offMessageID      = 24 // MessageId, 8 bytes
	offSignature      = 48 // Signature, 16 bytes
	signatureSize     = 16
	flagServerToRedir = 0x00000001 // SMB2_FLAGS_SERVER_TO_REDIR
	commandCancel     = 0x000C     // SMB2 CANCEL
	signingKeySize    = 16         // every signing key is 128 bits ([MS-SMB2] 3.2.1.3, 3.1.4.2)
	gmacNonceSize     = 12         // [MS-SMB2] 3.1.4.1, [RFC4543]
)

// ErrBadSignature is wrapped by every error Verify returns: the signature
// does not match, the message is too short to carry one, or the Signer was
// zeroed.
var ErrBadSignature = errors.New("smb2: bad signature")

// ErrKeyWiped is wrapped by the error every Sign, Seal, Open and Verify
// returns once its key was zeroed (a session logged off or replaced while
// a request was still on its way): an error for the caller, never a panic.
var ErrKeyWiped = errors.New("smb2: key has been wiped")

// Verify errors, made once so that a flood of forged messages allocates
// nothing.
var (
	errShortSigned   = fmt.Errorf("%w: message shorter than the %d-byte SMB2 header", ErrBadSignature, headerSize)
	errSignerZeroed  = fmt.Errorf("%w: %w (signing)", ErrBadSignature, ErrKeyWiped)
	errSignZeroed    = fmt.Errorf("%w (signing)", ErrKeyWiped)
	errBadHMACSHA256 = fmt.Errorf("%w (%v)", ErrBadSignature, wire.SigningHMACSHA256)
	errBadAESCMAC    = fmt.Errorf("%w (%v)", ErrBadSignature, wire.SigningAESCMAC)
	errBadAESGMAC    = fmt.Errorf("%w (%v)", ErrBadSignature, wire.SigningAESGMAC)
)

// zeroSignature stands in for the signature field while a signature is
// computed over a message that must not be modified.
var zeroSignature [signatureSize]byte

// Signer signs and verifies single SMB2 messages ([MS-SMB2] 3.1.4.1, and
// 3.2.5.1.3 for verification). A Signer is safe for concurrent use, and Sign
// and Verify do not allocate in the steady state.
type Signer interface {
	// Sign computes the signature of msg (one SMB2 message, header and body;
	// inside a compound chain exactly that message's bytes including its
	// padding), with the 16-byte signature field msg[48:64] taken as zero,
	// and stores it in msg[48:64]. The caller sets SMB2_FLAGS_SIGNED in the
	// header first. Sign panics if msg is shorter than the 64-byte header
	// (a programming error); once the Signer was zeroed it leaves msg alone
	// and returns an error wrapping ErrKeyWiped, since a session may be
	// logged off while a request is on its way.
	Sign(msg []byte) error
	// Verify checks msg's signature without modifying msg. Any failure
	// returns an error wrapping ErrBadSignature. The comparison is
	// constant-time.
	Verify(msg []byte) error
	// Algorithm returns the signing algorithm.
	Algorithm() wire.SigningID
	// Zero wipes the key. Afterwards Verify and Sign fail. Zero
	// waits for Sign and Verify calls in progress.
	Zero()
}

// NewSigner returns a Signer for alg with key, which must be 16 bytes (the
// signing key of SessionKeys, or Channel.SigningKey for a bound channel).
// wire.SigningHMACSHA256 is for dialects 2.0.2 and 2.1, wire.SigningAESCMAC for 3.x, and wire.SigningAESGMAC for
// 3.1.1 when negotiated in SMB2_SIGNING_CAPABILITIES ([MS-SMB2] 3.1.4.1).
func NewSigner(alg wire.SigningID, key []byte) (Signer, error) {
	if len(key) != signingKeySize {
		return nil, fmt.Errorf("smb2: %v signing key is %d bytes, want %d", alg, len(key), signingKeySize)
	}
	switch alg {
	case wire.SigningHMACSHA256:
		s := &hmacSigner{live: true}
		// [RFC2104]: the key, zero-padded to the block size, xored with
		// the pads. A 16-byte key never needs hashing first.
		for i := range s.ipad {
			s.ipad[i], s.opad[i] = 0x36, 0x5c
		}
		subtle.XORBytes(s.ipad[:len(key)], s.ipad[:len(key)], key)
		subtle.XORBytes(s.opad[:len(key)], s.opad[:len(key)], key)
		s.pool.New = func() any { return &hmacScratch{h: sha256.New()} }
		return s, nil
	case wire.SigningAESCMAC:
		c, err := newCMAC(key)
		if err != nil {
			return nil, err
		}
		s := &cmacSigner{c: c}
		s.pool.New = func() any { return new(cmacScratch) }
		return s, nil
	case wire.SigningAESGMAC:
		g, err := newGMAC(key)
		if err != nil {
			return nil, err
		}
		s := &gmacSigner{aead: g}
		s.pool.New = func() any { return new(gmacScratch) }
		return s, nil
	}
	return nil, fmt.Errorf("smb2: unknown signing algorithm %v", alg)
}

// checkSignable panics if msg cannot hold an SMB2 header.
func checkSignable(msg []byte) {
	if len(msg) < headerSize {
		panic(fmt.Sprintf("crypto: Sign: message of %d bytes is shorter than the SMB2 header", len(msg)))
	}
}

// hmacSigner signs with HMAC-SHA256 truncated to 16 bytes ([MS-SMB2]
// 3.1.4.1, dialects 2.0.2 and 2.1). HMAC is computed by hand from the
// precomputed pads so that Zero can wipe them; the pooled SHA-256 states are
// reset after each use and so hold nothing derived from the key.
type hmacSigner struct {
	mu         sync.RWMutex // write-held by Zero; guards live, ipad, opad
	live       bool
	ipad, opad [sha256.BlockSize]byte
	pool       sync.Pool // *hmacScratch
}

type hmacScratch struct {
	h   hash.Hash
	sum [sha256.Size]byte
}

// mac computes HMAC over a || b || c into sc.sum.
func (s *hmacSigner) mac(sc *hmacScratch, a, b, c []byte) {
	h := sc.h
	h.Reset()
	h.Write(s.ipad[:])
	h.Write(a)
	h.Write(b)
	h.Write(c)
	h.Sum(sc.sum[:0])
	h.Reset()
	h.Write(s.opad[:])
	h.Write(sc.sum[:])
	h.Sum(sc.sum[:0])
	h.Reset()
}

func (s *hmacSigner) put(sc *hmacScratch) {
	clear(sc.sum[:])
	s.pool.Put(sc)
}

// Sign implements Signer.
func (s *hmacSigner) Sign(msg []byte) error {
	checkSignable(msg)
	s.mu.RLock()
	defer s.mu.RUnlock()
	if !s.live {
		return errSignZeroed
	}
	clear(msg[offSignature : offSignature+signatureSize])
	sc := s.pool.Get().(*hmacScratch)
	s.mac(sc, msg, nil, nil)
	copy(msg[offSignature:], sc.sum[:signatureSize])
	s.put(sc)
	return nil
}

// Verify implements Signer.
func (s *hmacSigner) Verify(msg []byte) error {
	if len(msg) < headerSize {
		return errShortSigned
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if !s.live {
		return errSignerZeroed
	}
	sc := s.pool.Get().(*hmacScratch)
	s.mac(sc, msg[:offSignature], zeroSignature[:], msg[offSignature+signatureSize:])
	ok := subtle.ConstantTimeCompare(sc.sum[:signatureSize], msg[offSignature:offSignature+signatureSize])
	s.put(sc)
	if ok != 1 {
		return errBadHMACSHA256
	}
	return nil
}

// Algorithm implements Signer.
func (s *hmacSigner) Algorithm() wire.SigningID { return wire.SigningHMACSHA256 }

// Zero implements Signer.
func (s *hmacSigner) Zero() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.live = false
	clear(s.ipad[:])
	clear(s.opad[:])
}

// cmacSigner signs with AES-128-CMAC ([MS-SMB2] 3.1.4.1, [RFC4493]).
type cmacSigner struct {
	mu   sync.RWMutex // write-held by Zero; guards c
	c    *cmac        // nil once zeroed
	pool sync.Pool    // *cmacScratch
}

type cmacScratch struct {
	st  cmacState
	out [blockSize]byte
}

func (s *cmacSigner) put(sc *cmacScratch) {
	sc.st.reset()
	clear(sc.out[:])
	s.pool.Put(sc)
}

// Sign implements Signer.
func (s *cmacSigner) Sign(msg []byte) error {
	checkSignable(msg)
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.c == nil {
		return errSignZeroed
	}
	clear(msg[offSignature : offSignature+signatureSize])
	sc := s.pool.Get().(*cmacScratch)
	s.c.write(&sc.st, msg)
	s.c.sum(&sc.st, &sc.out)
	copy(msg[offSignature:], sc.out[:])
	s.put(sc)
	return nil
}

// Verify implements Signer.
func (s *cmacSigner) Verify(msg []byte) error {
	if len(msg) < headerSize {
		return errShortSigned
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.c == nil {
		return errSignerZeroed
	}
	sc := s.pool.Get().(*cmacScratch)
	s.c.write(&sc.st, msg[:offSignature])
	s.c.write(&sc.st, zeroSignature[:])
	s.c.write(&sc.st, msg[offSignature+signatureSize:])
	s.c.sum(&sc.st, &sc.out)
	ok := subtle.ConstantTimeCompare(sc.out[:], msg[offSignature:offSignature+signatureSize])
	s.put(sc)
	if ok != 1 {
		return errBadAESCMAC
	}
	return nil
}

// Algorithm implements Signer.
func (s *cmacSigner) Algorithm() wire.SigningID { return wire.SigningAESCMAC }

// Zero implements Signer.
func (s *cmacSigner) Zero() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.c != nil {
		s.c.zero()
		s.c = nil
	}
}

// gmacSigner signs with AES-128-GMAC: AES-GCM with an empty plaintext and
// the message as additional data, whose tag is the signature ([MS-SMB2]
// 3.1.4.1, [RFC4543]). GCM takes the additional data in one piece, so Verify
// computes over a pooled copy of the message with its signature zeroed.
type gmacSigner struct {
	mu   sync.RWMutex // write-held by Zero; guards aead
	aead cipher.AEAD  // nil once zeroed
	pool sync.Pool    // *gmacScratch
}

type gmacScratch struct {
	nonce [gmacNonceSize]byte
	tag   [blockSize]byte
	buf   []byte // Verify's copy of the message
}

// newGMAC returns the AEAD whose tag over an empty plaintext is AES-GMAC
// ([RFC4543]): AES-GCM with a 12-byte nonce and a 16-byte tag.
func newGMAC(key []byte) (cipher.AEAD, error) {
	b, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(b)
}

// gmacNonce builds the nonce of [MS-SMB2] 3.1.4.1 from msg's header: the
// 8-byte MessageId, then 4 bytes whose least significant bit is set when
// the sender is the server (SMB2_FLAGS_SERVER_TO_REDIR) and whose next bit is
// set for an SMB2 CANCEL request; the other 30 bits are zero.
func gmacNonce(n *[gmacNonceSize]byte, msg []byte) {
	copy(n[:8], msg[offMessageID:offMessageID+8])
	var role uint32
	if binary.LittleEndian.Uint32(msg[offFlags:])&flagServerToRedir != 0 {
		role |= 1
	}
	if binary.LittleEndian.Uint16(msg[offCommand:]) == commandCancel {
		role |= 2
	}
	binary.LittleEndian.PutUint32(n[8:], role)
}

func (s *gmacSigner) put(sc *gmacScratch) {
	clear(sc.nonce[:])
	clear(sc.tag[:])
	s.pool.Put(sc)
}

// Sign implements Signer.
func (s *gmacSigner) Sign(msg []byte) error {
	checkSignable(msg)
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.aead == nil {
		return errSignZeroed
	}
	clear(msg[offSignature : offSignature+signatureSize])
	sc := s.pool.Get().(*gmacScratch)
	gmacNonce(&sc.nonce, msg)
	tag := s.aead.Seal(sc.tag[:0], sc.nonce[:], nil, msg)
	copy(msg[offSignature:], tag)
	s.put(sc)
	return nil
}

// Verify implements Signer.
func (s *gmacSigner) Verify(msg []byte) error {
	if len(msg) < headerSize {
		return errShortSigned
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.aead == nil {
		return errSignerZeroed
	}
	sc := s.pool.Get().(*gmacScratch)
	if cap(sc.buf) < len(msg) {
		sc.buf = make([]byte, len(msg))
	}
	buf := sc.buf[:len(msg)]
	copy(buf, msg)
	clear(buf[offSignature : offSignature+signatureSize])
	gmacNonce(&sc.nonce, msg)
	tag := s.aead.Seal(sc.tag[:0], sc.nonce[:], nil, buf)
	ok := subtle.ConstantTimeCompare(tag, msg[offSignature:offSignature+signatureSize])
	s.put(sc)
	if ok != 1 {
		return errBadAESGMAC
	}
	return nil
}

// Algorithm implements Signer.
func (s *gmacSigner) Algorithm() wire.SigningID { return wire.SigningAESGMAC }

// Zero implements Signer.
func (s *gmacSigner) Zero() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.aead = nil
}
