package crypto

import "fmt"

// CipherID names an encryption algorithm as it appears in the
// SMB2_ENCRYPTION_CAPABILITIES negotiate context ([MS-SMB2] 2.2.3.1.2).
type CipherID uint16

// Cipher identifiers ([MS-SMB2] 2.2.3.1.2). SMB 3.0 and 3.0.2 know only
// AES128CCM; the others need dialect 3.1.1.
const (
	AES128CCM CipherID = 0x0001
	AES128GCM CipherID = 0x0002
	AES256CCM CipherID = 0x0003
	AES256GCM CipherID = 0x0004
)

// String returns the algorithm's name, such as "AES-128-GCM", or
// "cipher 0x%04X" for an unknown identifier.
func (c CipherID) String() string {
	switch c {
	case AES128CCM:
		return "AES-128-CCM"
	case AES128GCM:
		return "AES-128-GCM"
	case AES256CCM:
		return "AES-256-CCM"
	case AES256GCM:
		return "AES-256-GCM"
	}
	return fmt.Sprintf("cipher 0x%04X", uint16(c))
}

// KeySize returns the cipher's key length in bytes (16 or 32), or 0 for an
// unknown identifier.
func (c CipherID) KeySize() int {
	switch c {
	case AES128CCM, AES128GCM:
		return 16
	case AES256CCM, AES256GCM:
		return 32
	}
	return 0
}

// isGCM reports whether c is one of the GCM ciphers.
func (c CipherID) isGCM() bool { return c == AES128GCM || c == AES256GCM }

// SigningID names a signing algorithm as it appears in the
// SMB2_SIGNING_CAPABILITIES negotiate context ([MS-SMB2] 2.2.3.1.7).
type SigningID uint16

// Signing algorithm identifiers ([MS-SMB2] 2.2.3.1.7). HMACSHA256 is what
// dialects 2.0.2 and 2.1 use and AESCMAC what 3.x uses when no signing
// capabilities were negotiated ([MS-SMB2] 3.1.4.1).
const (
	HMACSHA256 SigningID = 0x0000
	AESCMAC    SigningID = 0x0001
	AESGMAC    SigningID = 0x0002
)

// String returns the algorithm's name, such as "AES-GMAC", or
// "signing 0x%04X" for an unknown identifier.
func (s SigningID) String() string {
	switch s {
	case HMACSHA256:
		return "HMAC-SHA256"
	case AESCMAC:
		return "AES-CMAC"
	case AESGMAC:
		return "AES-GMAC"
	}
	return fmt.Sprintf("signing 0x%04X", uint16(s))
}
