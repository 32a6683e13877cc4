package crypto

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"errors"
	"fmt"
	"github.com/smb3fs/smb3fs/client/wire"
)

// KDF is the key derivation function of [MS-SMB2] 3.1.4.2: [SP800-108]
// section 5.1, counter mode, with HMAC-SHA256 as the PRF and r = 32. Block i
// (from 1) is
//
//	HMAC-SHA256(key, [i]_32 || label || 0x00 || context || [L]_32)
//
// with both counters big-endian, and the result is the first L bits of the
// blocks concatenated. lengthBits is L: 128 or 256 for SMB, and in general any
// positive multiple of 8. MS-SMB2 labels carry their own terminating NUL, so
// "SMBSigningKey\x00" is followed by the 0x00 separator.
//
// KDF panics if lengthBits is not a positive multiple of 8.
func KDF(key, label, context []byte, lengthBits int) []byte {
	if lengthBits <= 0 || lengthBits%8 != 0 || uint64(lengthBits) > 1<<32-1 {
		panic(fmt.Sprintf("crypto: KDF output length %d bits is not a positive multiple of 8", lengthBits))
	}
	out := make([]byte, 0, (lengthBits/8+sha256.Size-1)/sha256.Size*sha256.Size)
	mac := hmac.New(sha256.New, key)
	var i, l [4]byte
	binary.BigEndian.PutUint32(l[:], uint32(lengthBits))
	for n := uint32(1); len(out) < lengthBits/8; n++ {
		binary.BigEndian.PutUint32(i[:], n)
		mac.Reset()
		mac.Write(i[:])
		mac.Write(label)
		mac.Write([]byte{0})
		mac.Write(context)
		mac.Write(l[:])
		out = mac.Sum(out)
	}
	clear(out[lengthBits/8 : cap(out)])
	return out[:lengthBits/8]
}

// PreauthHash is the SMB 3.1.1 preauthentication integrity hash value, the
// SHA-512 chain of [MS-SMB2] 3.2.5.2 (Connection.PreauthIntegrityHashValue)
// and 3.2.5.3.1 (Session.PreauthIntegrityHashValue). Its zero value is the
// all-zero starting value the chain begins with.
type PreauthHash [sha512.Size]byte

// Update folds one message into the chain: h = SHA-512(h || msg). msg must be
// the exact bytes of one SMB2 message as sent or received (header and body,
// without the 4-byte transport framing), never a re-encoding.
func (h *PreauthHash) Update(msg []byte) {
	d := sha512.New()
	d.Write(h[:])
	d.Write(msg)
	d.Sum(h[:0])
}

// SessionKeys are the keys of one authenticated session, derived by
// DeriveKeys as [MS-SMB2] 3.2.5.3.1 (client) and 3.3.5.5.3 (server)
// describe. Encryption and Decryption are from the client's point of view.
// Call Zero when the session ends.
type SessionKeys struct {
	Signing     [16]byte      // Session.SigningKey; always 128 bits
	Application [16]byte      // Session.ApplicationKey
	Encryption  [32]byte      // client to server; the first Cipher.KeySize() bytes are the key
	Decryption  [32]byte      // server to client; the first Cipher.KeySize() bytes are the key
	Cipher      wire.CipherID // 0 when the session has no encryption keys
}

// EncryptionKey returns the meaningful part of k.Encryption (nil when k.Cipher
// is 0). The slice aliases k.
func (k *SessionKeys) EncryptionKey() []byte { return k.Encryption[:k.Cipher.KeySize()] }

// DecryptionKey returns the meaningful part of k.Decryption (nil when k.Cipher
// is 0). The slice aliases k.
func (k *SessionKeys) DecryptionKey() []byte { return k.Decryption[:k.Cipher.KeySize()] }

// Zero wipes every key and sets Cipher to 0.
func (k *SessionKeys) Zero() {
	clear(k.Signing[:])
	clear(k.Application[:])
	clear(k.Encryption[:])
	clear(k.Decryption[:])
	k.Cipher = 0
}

// KDF labels and contexts of [MS-SMB2] 3.2.5.3.1, each with its terminating
// NUL, as the spec counts it in the label and context sizes.
var (
	label30Signing   = []byte("SMB2AESCMAC\x00")
	context30Signing = []byte("SmbSign\x00")
	label30App       = []byte("SMB2APP\x00")
	context30App     = []byte("SmbRpc\x00")
	label30Cipher    = []byte("SMB2AESCCM\x00")
	context30C2S     = []byte("ServerIn \x00") // the space is part of the constant
	context30S2C     = []byte("ServerOut\x00")

	label311Signing = []byte("SMBSigningKey\x00")
	label311App     = []byte("SMBAppKey\x00")
	label311C2S     = []byte("SMBC2SCipherKey\x00")
	label311S2C     = []byte("SMBS2CCipherKey\x00")
)

// Errors of DeriveKeys.
var (
	errNoSessionKey     = errors.New("smb2: empty session key: guest and anonymous sessions have no keys")
	errNoPreauth        = errors.New("smb2: dialect 3.1.1 needs the preauth integrity hash")
	errUnknownDialect   = errors.New("smb2: no key derivation for this dialect")
	errCipherForDialect = errors.New("smb2: cipher not available in this dialect")
)

// DeriveKeys derives the keys of a session that negotiated dialect
// (0x0202, 0x0210, 0x0300, 0x0302 or 0x0311) and cipher (0 for none).
//
// sessionKey is the full key of the GSS context. As [MS-SMB2] 3.2.5.3.1 says,
// Session.SessionKey is its first 16 bytes, right-padded with zeros when it is
// shorter; it is the key derivation key for every key except the AES-256
// cipher keys, which are derived from the full key (Session.FullSessionKey)
// with L = 256 (3.1.4.2). Signing and application keys always use L = 128.
//
//   - 2.0.2 and 2.1: Signing and Application are Session.SessionKey; cipher
//     must be 0.
//   - 3.0 and 3.0.2: labels "SMB2AESCMAC", "SMB2APP", "SMB2AESCCM" with the
//     constant contexts "SmbSign", "SmbRpc", "ServerIn " and "ServerOut";
//     cipher must be 0 or wire.CipherAES128CCM.
//   - 3.1.1: labels "SMBSigningKey", "SMBAppKey", "SMBC2SCipherKey" and
//     "SMBS2CCipherKey" with the session's preauth hash as context; preauth
//     must not be nil.
//
// Encryption and Decryption are derived only when cipher is not 0.
func DeriveKeys(dialect wire.Dialect, sessionKey []byte, preauth *PreauthHash, cipher wire.CipherID) (*SessionKeys, error) {
	if len(sessionKey) == 0 {
		return nil, errNoSessionKey
	}
	var kdk [16]byte // Session.SessionKey
	defer clear(kdk[:])
	copy(kdk[:], sessionKey)

	k := new(SessionKeys)
	switch dialect {
	case wire.Dialect202, wire.Dialect210:
		if cipher != 0 {
			return nil, fmt.Errorf("%w: %v with dialect %v", errCipherForDialect, cipher, dialect)
		}
		k.Signing = kdk
		k.Application = kdk
		return k, nil

	case wire.Dialect300, wire.Dialect302:
		if cipher != 0 && cipher != wire.CipherAES128CCM {
			return nil, fmt.Errorf("%w: %v with dialect %v", errCipherForDialect, cipher, dialect)
		}
		derive(k.Signing[:], kdk[:], label30Signing, context30Signing)
		derive(k.Application[:], kdk[:], label30App, context30App)
		if cipher != 0 {
			derive(k.Encryption[:16], kdk[:], label30Cipher, context30C2S)
			derive(k.Decryption[:16], kdk[:], label30Cipher, context30S2C)
		}
		k.Cipher = cipher
		return k, nil

	case wire.Dialect311:
		if preauth == nil {
			return nil, errNoPreauth
		}
		if cipher != 0 && cipher.KeySize() == 0 {
			return nil, fmt.Errorf("%w: %v with dialect %v", errCipherForDialect, cipher, dialect)
		}
		derive(k.Signing[:], kdk[:], label311Signing, preauth[:])
		derive(k.Application[:], kdk[:], label311App, preauth[:])
		cipherKDK := kdk[:]
		if cipher.KeySize() == 32 {
			cipherKDK = sessionKey // Session.FullSessionKey
		}
		if n := cipher.KeySize(); n != 0 {
			derive(k.Encryption[:n], cipherKDK, label311C2S, preauth[:])
			derive(k.Decryption[:n], cipherKDK, label311S2C, preauth[:])
		}
		k.Cipher = cipher
		return k, nil
	}
	return nil, fmt.Errorf("%w: %v", errUnknownDialect, dialect)
}

// derive fills out with KDF(kdk, label, context, 8*len(out)) and wipes the
// intermediate copy.
func derive(out, kdk, label, context []byte) {
	key := KDF(kdk, label, context, 8*len(out))
	copy(out, key)
	clear(key)
}
