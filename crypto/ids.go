package crypto

import "github.com/smb3fs/smb3fs/client/wire"

// The algorithm identifiers are defined once, in client/wire (CipherID,
// SigningID and their constants), and this package takes them in its API.
// The names below are aliases for the callers not yet switched over.

// CipherID is wire.CipherID.
//
// Deprecated: use wire.CipherID.
type CipherID = wire.CipherID

// SigningID is wire.SigningID.
//
// Deprecated: use wire.SigningID.
type SigningID = wire.SigningID

// Aliases of the wire cipher and signing identifiers.
//
// Deprecated: use wire.CipherAES128CCM and the other wire.Cipher* and
// wire.Signing* constants.
const (
	AES128CCM  = wire.CipherAES128CCM
	AES128GCM  = wire.CipherAES128GCM
	AES256CCM  = wire.CipherAES256CCM
	AES256GCM  = wire.CipherAES256GCM
	HMACSHA256 = wire.SigningHMACSHA256
	AESCMAC    = wire.SigningAESCMAC
	AESGMAC    = wire.SigningAESGMAC
)

// isGCM reports whether c is one of the GCM ciphers.
func isGCM(c wire.CipherID) bool { return c == wire.CipherAES128GCM || c == wire.CipherAES256GCM }
