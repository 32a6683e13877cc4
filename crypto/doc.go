// Package crypto holds the cryptography of SMB 2 and 3 as [MS-SMB2] uses it:
// key derivation (section 3.1.4.2), the SMB 3.1.1 preauthentication integrity
// hash (3.2.5.2), message signing (3.1.4.1) and message encryption in the
// transform header (2.2.41, 3.1.4.3, 3.2.5.1.1).
//
// The package does no I/O and keeps no protocol state beyond one key per
// object. Its pipeline, for one session:
//
//	GSS session key ──┐
//	preauth hash ─────┴─ DeriveKeys ─► SessionKeys ─┬─ Signing ──────► NewSigner ────► Sign / Verify
//	                                                ├─ Encryption ───► NewEncryptor ─► Seal  (client to server)
//	                                                └─ Decryption ───► NewDecryptor ─► Open  (server to client)
//
// Signers, Encryptors and Decryptors are safe for concurrent use, and their
// Sign, Verify, Seal and Open do not allocate in the steady state. Encryptor
// nonces are a random per-Encryptor prefix followed by a 64-bit counter that
// starts at a random value and is never allowed to wrap, so one Encryptor may
// be shared by every goroutine and every channel that sends under the same
// key. Two Encryptors for one key are kept apart only by their random
// prefixes and starting points: do not create them.
//
// Keys are fixed-size arrays and are wiped by Zero. The AES key schedules
// that crypto/aes expands internally cannot be wiped from user code; Zero
// drops every reference to them and makes the object unusable.
//
// AES-CMAC ([RFC4493]) and AES-CCM ([SP800-38C]) are implemented here on top
// of crypto/aes, because the standard library has neither; AES-GCM and
// AES-GMAC use crypto/cipher.
package crypto
