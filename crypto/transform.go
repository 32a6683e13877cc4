package crypto

// Encrypted messages ([MS-SMB2] 2.2.41, 3.1.4.3, 3.2.5.1.1).
//
// Seal, for one message or a whole compound chain of n bytes:
//
//	dst ─► dst || ProtocolId | Signature | Nonce | OriginalMessageSize | Reserved | Flags | SessionId || ciphertext
//	                 0xFD'SMB'   tag (16)    16       n                    0          0x0001  8
//	                                         └──────────────── AAD: 32 bytes ───────────────────┘
//
// The nonce is the leftmost 11 (CCM) or 12 (GCM) bytes of the Nonce field,
// the rest of which is zero. Each Encryptor draws a random prefix and a random
// starting counter once; every Seal takes the next counter value atomically,
// so nonces never repeat under one Encryptor, and Seal fails rather than wrap
// the counter.
//
// Open works in place: it checks the header, then authenticates and decrypts
// the ciphertext where it lies and returns the plaintext as a sub-slice of
// the message.
//
// crypto/cipher's GCM wants the tag right after the ciphertext, while the
// transform header carries it in front, in the Signature field. When the
// buffer has 16 bytes of capacity past the message, Seal and Open borrow
// them for the tag (saving and restoring what was there), so the ciphertext
// never moves; without that room, the GCM paths shift the whole ciphertext
// by 16 bytes, once or twice. CCM seals and opens with a detached tag.

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"github.com/smb3fs/smb3fs/client/wire"
	"math"
	"sync"
	"sync/atomic"
)

// Transform header layout ([MS-SMB2] 2.2.41).
const (
	// TransformHeaderSize is the size of the SMB2 TRANSFORM_HEADER that
	// precedes every encrypted message.
	TransformHeaderSize = 52

	offTransformSignature = 4  // Signature, 16 bytes: the AEAD tag
	offTransformNonce     = 20 // Nonce, 16 bytes; start of the AAD
	offOriginalSize       = 36 // OriginalMessageSize, 4 bytes
	offTransformFlags     = 42 // Flags (EncryptionAlgorithm in 3.0.x), 2 bytes
	offTransformSessionID = 44 // SessionId, 8 bytes
	transformNonceSize    = 16
	transformAADSize      = TransformHeaderSize - offTransformNonce // 32
	transformTagSize      = 16
	transformFlagsEncrypt = 0x0001 // Flags: Encrypted; in 3.0.x, EncryptionAlgorithm AES-128-CCM
	ccmNonceSize          = 11     // AES-CCM nonce in the Nonce field ([MS-SMB2] 2.2.41)
	gcmNonceSize          = 12     // AES-GCM nonce in the Nonce field
	nonceCounterSize      = 8      // the counter part of a generated nonce
)

// transformProtocolID is 0xFD 'S' 'M' 'B' ([MS-SMB2] 2.2.41).
var transformProtocolID = [4]byte{0xFD, 'S', 'M', 'B'}

// ErrDecrypt is wrapped by every error Open and TransformSessionID return:
// a malformed transform header, a size mismatch, a failed authentication
// check, or a zeroed Decryptor.
var ErrDecrypt = errors.New("smb2: decryption failed")

// Open and TransformSessionID errors, made once so that a flood of forged
// messages allocates nothing.
var (
	errTransformShort    = fmt.Errorf("%w: message shorter than the %d-byte transform header", ErrDecrypt, TransformHeaderSize)
	errTransformProtocol = fmt.Errorf("%w: not a transform header (protocol id)", ErrDecrypt)
	errTransformFlags    = fmt.Errorf("%w: transform header flags are not 0x0001 (encrypted)", ErrDecrypt)
	errTransformSize     = fmt.Errorf("%w: OriginalMessageSize does not match the ciphertext", ErrDecrypt)
	errTransformAuth     = fmt.Errorf("%w: message authentication failed", ErrDecrypt)
	errDecryptorZeroed   = fmt.Errorf("%w: %w (decryption)", ErrDecrypt, ErrKeyWiped)
)

// Seal errors.
var (
	errEncryptorZeroed = fmt.Errorf("%w (encryption)", ErrKeyWiped)
	errNoncesExhausted = errors.New("smb2: encryption nonces exhausted for this key; a new session key is needed")
	errSealTooLarge    = errors.New("smb2: message too large to encrypt (OriginalMessageSize is 32 bits)")
	errSealOverlap     = errors.New("smb2: Seal plaintext overlaps the output at a different position")
)

// aeadFor returns the AEAD of cipher c with key, which must be c.KeySize()
// bytes: AES-GCM with a 12-byte nonce, or AES-CCM with an 11-byte nonce, both
// with 16-byte tags.
func aeadFor(c wire.CipherID, key []byte) (gcm cipher.AEAD, ccmAEAD *ccm, err error) {
	if c.KeySize() == 0 {
		return nil, nil, fmt.Errorf("smb2: unknown cipher %v", c)
	}
	if len(key) != c.KeySize() {
		return nil, nil, fmt.Errorf("smb2: %v key is %d bytes, want %d", c, len(key), c.KeySize())
	}
	b, err := aes.NewCipher(key)
	if err != nil {
		return nil, nil, err
	}
	if isGCM(c) {
		g, err := cipher.NewGCM(b)
		return g, nil, err
	}
	m, err := newCCM(b, ccmNonceSize, transformTagSize)
	return nil, m, err
}

// transformScratch keeps a copy of the header while the GCM paths without
// spare capacity move ciphertext over it, and a bounce buffer for the move.
// It is pooled because blocks handed to cipher.AEAD escape to the heap.
type transformScratch struct {
	hdr    [TransformHeaderSize]byte
	bounce [4096]byte
}

var transformPool = sync.Pool{New: func() any { return new(transformScratch) }}

func putTransformScratch(s *transformScratch) {
	*s = transformScratch{}
	transformPool.Put(s)
}

// shift moves b[from:from+n] to b[to:to+n] through tmp, a chunk at a time,
// so that no single copy overlaps itself: a memmove over a distance as small
// as the 16-byte GCM tag runs several times slower than two cache-hot copies.
func shift(b []byte, to, from, n int, tmp []byte) {
	if to < from {
		for i := 0; i < n; i += len(tmp) {
			k := min(len(tmp), n-i)
			copy(tmp[:k], b[from+i:from+i+k])
			copy(b[to+i:to+i+k], tmp[:k])
		}
		return
	}
	for end := n; end > 0; end -= len(tmp) {
		start := max(0, end-len(tmp))
		copy(tmp[:end-start], b[from+start:from+end])
		copy(b[to+start:to+end], tmp[:end-start])
	}
}

// Encryptor seals messages for one direction of one session, normally client
// to server with SessionKeys.Encryption ([MS-SMB2] 3.1.4.3). It is safe for
// concurrent use; share one Encryptor among all users of a key.
type Encryptor struct {
	cipher wire.CipherID
	prefix [gcmNonceSize - nonceCounterSize]byte // random; CCM uses the first 3 bytes

	// counter is the next nonce counter. It starts at a random value below
	// 2^63 and is never incremented past math.MaxUint64, which is never used.
	counter atomic.Uint64

	mu  sync.RWMutex // write-held by Zero; guards gcm and ccm
	gcm cipher.AEAD  // GCM ciphers; nil otherwise or once zeroed
	ccm *ccm         // CCM ciphers; nil otherwise or once zeroed
}

// NewEncryptor returns an Encryptor for cipher c with key, which must be
// c.KeySize() bytes.
func NewEncryptor(c wire.CipherID, key []byte) (*Encryptor, error) {
	g, m, err := aeadFor(c, key)
	if err != nil {
		return nil, err
	}
	e := &Encryptor{cipher: c, gcm: g, ccm: m}
	var start [8]byte
	if _, err := rand.Read(e.prefix[:]); err != nil {
		return nil, err
	}
	if _, err := rand.Read(start[:]); err != nil {
		return nil, err
	}
	e.counter.Store(binary.LittleEndian.Uint64(start[:]) >> 1)
	return e, nil
}

// Cipher returns the Encryptor's cipher.
func (e *Encryptor) Cipher() wire.CipherID { return e.cipher }

// nextNonce fills the Nonce field with a fresh nonce: the random prefix then
// the little-endian counter, in the cipher's nonce length, then zeros.
func (e *Encryptor) nextNonce(n *[transformNonceSize]byte) error {
	for {
		c := e.counter.Load()
		if c == math.MaxUint64 {
			return errNoncesExhausted
		}
		if e.counter.CompareAndSwap(c, c+1) {
			clear(n[:])
			p := gcmNonceSize - nonceCounterSize
			if !isGCM(e.cipher) {
				p = ccmNonceSize - nonceCounterSize
			}
			copy(n[:p], e.prefix[:])
			binary.LittleEndian.PutUint64(n[p:], c)
			return nil
		}
	}
}

// Seal appends to dst the transform header for sessionID followed by the
// encryption of plaintext, one SMB2 message or a whole compound chain, and
// returns the extended slice ([MS-SMB2] 3.1.4.3). The AAD is the header from
// the Nonce field to its end.
//
// Seal writes only the bytes it appends, and does not allocate when
// cap(dst)-len(dst) >= TransformHeaderSize+len(plaintext). plaintext may lie
// where the ciphertext goes, dst[len(dst)+TransformHeaderSize:], to encrypt
// in place, but must not otherwise overlap the output. Seal fails when the
// Encryptor has used up its nonces (after at least 2^63 messages) or was
// zeroed.
//
// With an AES-GCM cipher, 16 more bytes of capacity (cap(dst)-len(dst) >=
// TransformHeaderSize+len(plaintext)+16) make Seal faster: it uses the 16
// bytes after its output as scratch space for the tag, restoring their
// contents before it returns, so nothing may access them concurrently with
// Seal. (If plaintext lies in those bytes, Seal does without them.) The
// returned slice then has that spare capacity too.
func (e *Encryptor) Seal(dst []byte, sessionID uint64, plaintext []byte) ([]byte, error) {
	var nonce [transformNonceSize]byte
	if err := e.nextNonce(&nonce); err != nil {
		return dst, err
	}
	return e.seal(dst, sessionID, &nonce, plaintext)
}

// seal is Seal with the Nonce field given, which tests use to reproduce
// published examples. Any bytes of nonce beyond the cipher's nonce length
// are written to the header (and so authenticated) but not otherwise used.
func (e *Encryptor) seal(dst []byte, sessionID uint64, nonce *[transformNonceSize]byte, plaintext []byte) ([]byte, error) {
	n := len(plaintext)
	if uint64(n) > math.MaxUint32 {
		return dst, errSealTooLarge
	}
	e.mu.RLock()
	defer e.mu.RUnlock()
	if e.gcm == nil && e.ccm == nil {
		return dst, errEncryptorZeroed
	}

	base := len(dst)
	end := base + TransformHeaderSize + n
	var out []byte
	if cap(dst) >= end {
		out = dst[:end]
		body := out[base+TransformHeaderSize:]
		if anyOverlap(out[base:], plaintext) && !(len(body) > 0 && &body[0] == &plaintext[0]) {
			return dst, errSealOverlap
		}
	} else {
		// Room for the GCM tag past the end: see sealGCMSpare.
		out = make([]byte, end, end+transformTagSize)
		copy(out, dst)
	}

	hdr := out[base : base+TransformHeaderSize]
	copy(hdr, transformProtocolID[:])
	clear(hdr[offTransformSignature : offTransformSignature+transformTagSize])
	copy(hdr[offTransformNonce:], nonce[:])
	binary.LittleEndian.PutUint32(hdr[offOriginalSize:], uint32(n))
	binary.LittleEndian.PutUint16(hdr[offOriginalSize+4:], 0) // Reserved
	binary.LittleEndian.PutUint16(hdr[offTransformFlags:], transformFlagsEncrypt)
	binary.LittleEndian.PutUint64(hdr[offTransformSessionID:], sessionID)
	// The AEAD reads the nonce and AAD from the header (heap memory that
	// does not overlap the ciphertext), so that nothing escapes from here.
	aad := hdr[offTransformNonce : offTransformNonce+transformAADSize]
	tag := hdr[offTransformSignature : offTransformSignature+transformTagSize]

	if e.ccm != nil {
		e.ccm.sealDetached(out[base+TransformHeaderSize:], aad[:ccmNonceSize], plaintext, aad, tag)
		return out, nil
	}
	if cap(out)-end >= transformTagSize && !anyOverlap(out[end:end+transformTagSize], plaintext) {
		sealGCMSpare(e.gcm, out[base:end+transformTagSize], plaintext)
		return out, nil
	}

	// No room past the end: crypto/cipher's GCM appends its tag to the
	// ciphertext, and Seal writes nothing past the transform header and
	// ciphertext: so seal 16 bytes early, over the header's Nonce field and
	// the rest of the AAD (saved first), then move the ciphertext up and
	// restore the header.
	s := transformPool.Get().(*transformScratch)
	defer putTransformScratch(s)
	copy(s.hdr[:], hdr)
	early := out[base+offOriginalSize : base+offOriginalSize+n]
	if n > 0 && &plaintext[0] == &out[base+TransformHeaderSize] {
		// In place: move the plaintext down first.
		shift(out, base+offOriginalSize, base+TransformHeaderSize, n, s.bounce[:])
		plaintext = early
	}
	sealed := e.gcm.Seal(early[:0], s.hdr[offTransformNonce:offTransformNonce+gcmNonceSize], plaintext, s.hdr[offTransformNonce:])
	copy(s.hdr[offTransformSignature:], sealed[n:])
	shift(out, base+TransformHeaderSize, base+offOriginalSize, n, s.bounce[:])
	copy(hdr, s.hdr[:])
	return out, nil
}

// sealGCMSpare seals plaintext with gcm into buf, a filled-in transform
// header, then room for the ciphertext, then 16 bytes of scratch space past
// the message. gcm writes ciphertext || tag there, in place when plaintext
// lies at buf[TransformHeaderSize:] (its [:0] is then exactly the output,
// as crypto/cipher requires), and the tag goes to the Signature field. The
// scratch bytes get their contents back. The nonce and AAD come from the
// header, which does not overlap the output. plaintext must not overlap
// buf other than in place.
func sealGCMSpare(gcm cipher.AEAD, buf, plaintext []byte) {
	n := len(plaintext)
	scratch := buf[TransformHeaderSize+n:]
	var saved [transformTagSize]byte
	copy(saved[:], scratch)
	body := buf[TransformHeaderSize:]
	sealed := gcm.Seal(body[:0], buf[offTransformNonce:offTransformNonce+gcmNonceSize], plaintext, buf[offTransformNonce:TransformHeaderSize])
	copy(buf[offTransformSignature:offTransformSignature+transformTagSize], sealed[n:])
	copy(scratch, saved[:])
}

// Zero makes the Encryptor unusable and drops its key. It waits for Seal
// calls in progress.
func (e *Encryptor) Zero() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.gcm, e.ccm = nil, nil
	clear(e.prefix[:])
}

// Decryptor opens messages for one direction of one session, normally
// server to client with SessionKeys.Decryption ([MS-SMB2] 3.2.5.1.1). It is
// safe for concurrent use.
type Decryptor struct {
	cipher wire.CipherID
	mu     sync.RWMutex // write-held by Zero; guards gcm and ccm
	gcm    cipher.AEAD  // GCM ciphers; nil otherwise or once zeroed
	ccm    *ccm         // CCM ciphers; nil otherwise or once zeroed
}

// NewDecryptor returns a Decryptor for cipher c with key, which must be
// c.KeySize() bytes.
func NewDecryptor(c wire.CipherID, key []byte) (*Decryptor, error) {
	g, m, err := aeadFor(c, key)
	if err != nil {
		return nil, err
	}
	return &Decryptor{cipher: c, gcm: g, ccm: m}, nil
}

// Cipher returns the Decryptor's cipher.
func (d *Decryptor) Cipher() wire.CipherID { return d.cipher }

// parseTransform checks the fixed parts of a transform header and returns
// its SessionId and the ciphertext length.
func parseTransform(msg []byte) (sessionID uint64, n int, err error) {
	if len(msg) < TransformHeaderSize {
		return 0, 0, errTransformShort
	}
	if [4]byte(msg[:4]) != transformProtocolID {
		return 0, 0, errTransformProtocol
	}
	if binary.LittleEndian.Uint16(msg[offTransformFlags:]) != transformFlagsEncrypt {
		return 0, 0, errTransformFlags
	}
	n = len(msg) - TransformHeaderSize
	if uint64(binary.LittleEndian.Uint32(msg[offOriginalSize:])) != uint64(n) {
		return 0, 0, errTransformSize
	}
	return binary.LittleEndian.Uint64(msg[offTransformSessionID:]), n, nil
}

// TransformSessionID returns the SessionId of msg, a transform header
// followed by its ciphertext (without transport framing), after checking the
// protocol id, the length (at least TransformHeaderSize, and
// OriginalMessageSize equal to the ciphertext length) and that Flags is
// 0x0001. It lets a receiver find the session, and so the Decryptor, before
// decrypting ([MS-SMB2] 3.2.5.1.1). Errors wrap ErrDecrypt.
func TransformSessionID(msg []byte) (uint64, error) {
	id, _, err := parseTransform(msg)
	return id, err
}

// Open authenticates and decrypts msg, a transform header followed by its
// ciphertext, in place, and returns the header's SessionId and the
// plaintext, which aliases msg ([MS-SMB2] 3.2.5.1.1). It checks everything
// TransformSessionID checks, then the tag; the Reserved field and the unused
// tail of the Nonce field are authenticated but not otherwise examined. Any
// failure returns an error wrapping ErrDecrypt, and the contents of msg are
// then unspecified.
//
// Where in msg the plaintext lies depends on the cipher and the buffer. With
// an AES-GCM cipher, 16 bytes of capacity past the message (cap(msg) >=
// len(msg)+16) make Open faster: it uses them as scratch space for the tag,
// restoring their contents before it returns, so nothing may access them
// concurrently with Open.
func (d *Decryptor) Open(msg []byte) (sessionID uint64, plaintext []byte, err error) {
	sessionID, n, err := parseTransform(msg)
	if err != nil {
		return 0, nil, err
	}
	d.mu.RLock()
	defer d.mu.RUnlock()
	if d.gcm == nil && d.ccm == nil {
		return 0, nil, errDecryptorZeroed
	}

	if d.ccm != nil {
		aad := msg[offTransformNonce:TransformHeaderSize]
		tag := msg[offTransformSignature : offTransformSignature+transformTagSize]
		body := msg[TransformHeaderSize:]
		if d.ccm.openDetached(body, aad[:ccmNonceSize], body, aad, tag) != nil {
			return 0, nil, errTransformAuth
		}
		return sessionID, body, nil
	}

	// crypto/cipher's GCM wants ciphertext || tag. With room past the end,
	// put a copy of the tag there (saving those bytes) and open in place:
	// the header, which holds the nonce and the AAD, does not overlap the
	// output.
	if cap(msg)-len(msg) >= transformTagSize {
		sealed := msg[TransformHeaderSize : len(msg)+transformTagSize]
		scratch := sealed[n:]
		var saved [transformTagSize]byte
		copy(saved[:], scratch)
		copy(scratch, msg[offTransformSignature:offTransformSignature+transformTagSize])
		plaintext, err = d.gcm.Open(sealed[:0], msg[offTransformNonce:offTransformNonce+gcmNonceSize], sealed, msg[offTransformNonce:TransformHeaderSize])
		copy(scratch, saved[:])
		if err != nil {
			return 0, nil, errTransformAuth
		}
		return sessionID, plaintext, nil
	}

	// Otherwise save the header, move the ciphertext 16 bytes down over it
	// and put the tag after it.
	s := transformPool.Get().(*transformScratch)
	defer putTransformScratch(s)
	copy(s.hdr[:], msg[:TransformHeaderSize])
	sealed := msg[offOriginalSize : offOriginalSize+n+transformTagSize]
	shift(msg, offOriginalSize, TransformHeaderSize, n, s.bounce[:])
	copy(sealed[n:], s.hdr[offTransformSignature:offTransformSignature+transformTagSize])
	plaintext, err = d.gcm.Open(sealed[:0], s.hdr[offTransformNonce:offTransformNonce+gcmNonceSize], sealed, s.hdr[offTransformNonce:])
	if err != nil {
		return 0, nil, errTransformAuth
	}
	return sessionID, plaintext, nil
}

// Zero makes the Decryptor unusable and drops its key. It waits for Open
// calls in progress.
func (d *Decryptor) Zero() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.gcm, d.ccm = nil, nil
}
