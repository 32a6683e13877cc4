package crypto

import "github.com/smb3fs/smb3fs/client/wire"

// The algorithm identifiers are defined once, in client/wire (CipherID,
// SigningID and their constants); this package takes them in its API.

// isGCM reports whether c is one of the GCM ciphers.
func isGCM(c wire.CipherID) bool { return c == wire.CipherAES128GCM || c == wire.CipherAES256GCM }
