// Package auth authenticates an SMB 3.1.1 session: SPNEGO (RFC 4178,
// MS-SPNG) carrying exactly one GSS-API mechanism, Kerberos (RFC 4120,
// RFC 4121, MS-KILE) or NTLMv2 (MS-NLMP).
//
// The client layer drives it alongside SMB2 SESSION_SETUP:
//
//	NEGOTIATE response security buffer (NegTokenInit2 hint)
//	   │
//	   ▼
//	SPNEGO.InitialToken ── Mechanism.InitToken ──► SESSION_SETUP request #1
//	   │                     (Kerberos: KDC exchange via gokrb5, AP-REQ;
//	   │                      NTLM: NEGOTIATE_MESSAGE)
//	   ▼
//	SESSION_SETUP response ──► SPNEGO.Step ── Mechanism.Step, VerifyMIC
//	   │                     (Kerberos: verify AP-REP -> Mutual;
//	   │                      NTLM: CHALLENGE -> AUTHENTICATE + MIC)
//	   ▼ out != nil: next SESSION_SETUP request; done: SPNEGO.SessionKey
//
// # Security policy
//
// The network never chooses less than the caller asked for:
//
//   - SPNEGO offers one mechanism. A server that selects another, rejects,
//     or claims success before the mechanism completed fails the exchange;
//     there is no fallback from Kerberos to NTLM here or anywhere below.
//   - Kerberos always requests mutual authentication and the exchange only
//     succeeds after the AP-REP decrypts under the ticket session key and
//     echoes our authenticator's ctime and cusec. Anything else wraps
//     ErrMutualAuthFailed.
//   - Kerberos keys are AES only (RFC 3962, RFC 8009), whatever krb5.conf
//     permits; RC4-HMAC, DES and 3DES tickets and subkeys are refused.
//   - NTLM is v2 only, with extended session security, 128-bit keys, key
//     exchange, signing and the AUTHENTICATE_MESSAGE MIC; a CHALLENGE
//     that drops any of these fails.
//   - Every decoder (SPNEGO, GSS-API framing, AP-REP, NTLM CHALLENGE)
//     checks each length and rejects duplicated, unknown, misordered or
//     trailing fields; each has a fuzz test.
//   - Keys are returned as copies; Zero wipes keys and the caller's
//     password bytes. Passwords never appear in errors. gokrb5 takes a
//     Kerberos password only as a Go string, which cannot be wiped (see
//     KerberosCredentials); smb3fs mount never uses one.
//   - A credential cache is read only if it, every directory above it and
//     every symbolic link on the way belong to the user the process runs
//     as or to root and nothing is writable by others but a sticky
//     directory (openOwnedFile, after OpenSSH's secure_filename); the file
//     is opened with O_NOFOLLOW and judged by fstat of that descriptor.
//     The cache is chosen as MIT chooses it (ccache_select.go) and may be
//     FILE, DIR, KEYRING (every key the user's) or KCM (a root-owned socket
//     and daemon); each is turned into the FILE format and goes through the
//     one validator. See docs/kerberos.md.
//   - Principal names who logged in (user@REALM of the ticket, or
//     DOMAIN\user), for audit lines.
//
// The caller must still check the SMB layer agrees: a SESSION_SETUP
// response with STATUS_SUCCESS must coincide with SPNEGO.Step returning
// done, and a final response must be signed with the derived key.
package auth
