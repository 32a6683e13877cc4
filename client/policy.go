package client

import (
	"fmt"
	"slices"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client/wire"
)

// Policy is the security a connection must reach or refuse to proceed. The
// zero value is not valid; start from StrictPolicy. The core never proceeds
// below what the policy demands; where the rules come from (the hardening
// file, mount options) is the business of the caller.
//
// Policy is the single decider of what is feasible: Validate is the one
// check of a policy, used by Dial and by the hardening rules alike.
type Policy struct {
	// RequirePrivacy: every message after SESSION_SETUP is encrypted, and a
	// plaintext response kills the connection.
	RequirePrivacy bool
	// RequireIntegrity: the session is signed (or encrypted) and every
	// response after SESSION_SETUP is verified.
	RequireIntegrity bool
	// RequireMutualAuth: the server must prove its identity (Kerberos with a
	// verified AP-REP). NTLM never satisfies it.
	RequireMutualAuth bool
	// MinDialect and MaxDialect bound the dialects offered and accepted.
	MinDialect, MaxDialect wire.Dialect
	// Ciphers lists the encryption algorithms offered, in preference order.
	Ciphers []wire.CipherID
	// SigningAlgorithms lists the 3.1.1 signing algorithms offered, in
	// preference order.
	SigningAlgorithms []wire.SigningID
	// AllowNTLM permits NTLMv2 where mutual authentication is not required.
	AllowNTLM bool
}

// StrictPolicy returns the default: all three requirements, SMB 3.1.1 only,
// all four ciphers (AES-256 first) and the AES signing algorithms, no NTLM.
func StrictPolicy() Policy {
	return Policy{
		RequirePrivacy:    true,
		RequireIntegrity:  true,
		RequireMutualAuth: true,
		MinDialect:        wire.Dialect311,
		MaxDialect:        wire.Dialect311,
		Ciphers:           []wire.CipherID{wire.CipherAES256GCM, wire.CipherAES128GCM, wire.CipherAES256CCM, wire.CipherAES128CCM},
		SigningAlgorithms: []wire.SigningID{wire.SigningAESGMAC, wire.SigningAESCMAC},
	}
}

// Validate reports a policy that no server could meet, with an error
// wrapping ErrRefused that says why. Dial calls it before anything is sent,
// and the hardening rules call it on every rule and on every rule tightened
// by mount options, so a policy is judged the same way wherever it comes
// from. The checks, in order:
//
//   - MinDialect and MaxDialect are dialects this client knows
//     ([MS-SMB2] 2.2.3), and MinDialect <= MaxDialect.
//   - Every cipher is one of [MS-SMB2] 2.2.3.1.2 and every signing
//     algorithm one of 2.2.3.1.7: an identifier we cannot use is never
//     offered.
//   - RequirePrivacy needs a dialect of 3.0 or later, the first to encrypt
//     (SMB2_GLOBAL_CAP_ENCRYPTION, [MS-SMB2] 2.2.3, 3.1.4.3), and at least
//     one cipher.
//   - RequirePrivacy with no 3.1.1 allowed needs AES-128-CCM among the
//     ciphers: 3.0 and 3.0.2 encrypt with it alone ([MS-SMB2] 3.2.5.2).
func (p *Policy) Validate() error {
	if !p.MinDialect.Known() || !p.MaxDialect.Known() {
		return fmt.Errorf("%w: unknown dialect in MinDialect %v, MaxDialect %v", ErrRefused, p.MinDialect, p.MaxDialect)
	}
	if p.MinDialect > p.MaxDialect {
		return fmt.Errorf("%w: no dialect between MinDialect %v and MaxDialect %v", ErrRefused, p.MinDialect, p.MaxDialect)
	}
	for _, c := range p.Ciphers {
		if c.KeySize() == 0 {
			return fmt.Errorf("%w: unknown %v", ErrRefused, c)
		}
	}
	for _, s := range p.SigningAlgorithms {
		if !slices.Contains(wire.SigningAlgorithms(), s) {
			return fmt.Errorf("%w: unknown %v", ErrRefused, s)
		}
	}
	if !p.RequirePrivacy {
		return nil
	}
	switch {
	case p.MaxDialect < wire.Dialect300:
		return fmt.Errorf("%w: privacy needs dialect 3.0 or later, but the highest allowed is %v", ErrRefused, p.MaxDialect)
	case len(p.Ciphers) == 0:
		return fmt.Errorf("%w: privacy required but no cipher allowed", ErrRefused)
	case p.MaxDialect < wire.Dialect311 && !p.allowsCipher(wire.CipherAES128CCM):
		return fmt.Errorf("%w: privacy below dialect 3.1.1 needs AES-128-CCM, but the highest dialect allowed is %v and the ciphers are %s",
			ErrRefused, p.MaxDialect, cipherList(p.Ciphers))
	}
	return nil
}

// dialects returns the dialects the policy lets us offer, ascending.
func (p *Policy) dialects() []wire.Dialect {
	var ds []wire.Dialect
	for _, d := range wire.Dialects() {
		if d >= p.MinDialect && d <= p.MaxDialect {
			ds = append(ds, d)
		}
	}
	return ds
}

func (p *Policy) allowsCipher(c wire.CipherID) bool {
	return slices.Contains(p.Ciphers, c)
}

func (p *Policy) allowsSigning(s wire.SigningID) bool {
	return slices.Contains(p.SigningAlgorithms, s)
}

// allowsMechanism refuses an authentication mechanism the policy rules out,
// before anything is sent: only Kerberos can prove the server's identity,
// and NTLM needs AllowNTLM. It is the one check of the mechanism, made in
// establish, the path both Dial and a reconnect take.
func (p *Policy) allowsMechanism(m auth.Mechanism) error {
	name := m.Name()
	switch {
	case name == auth.Kerberos:
		return nil
	case p.RequireMutualAuth:
		return fmt.Errorf("%w: policy requires mutual authentication, %s cannot provide it", ErrRefused, name)
	case !p.AllowNTLM:
		return fmt.Errorf("%w: policy does not allow %s", ErrRefused, name)
	}
	return nil
}

// Both returns the policy that meets p and q: on each setting the stricter
// of the two (every requirement either demands, the higher MinDialect and
// lower MaxDialect, the ciphers and signing algorithms both allow in p's
// order, NTLM only if both allow it). A DFS referral target is held to
// Both of its own rule and the rule of the path the user named, so a
// referral can never loosen. The result may be unsatisfiable: callers
// Validate it.
func (p Policy) Both(q Policy) Policy {
	r := Policy{
		RequirePrivacy:    p.RequirePrivacy || q.RequirePrivacy,
		RequireIntegrity:  p.RequireIntegrity || q.RequireIntegrity,
		RequireMutualAuth: p.RequireMutualAuth || q.RequireMutualAuth,
		MinDialect:        max(p.MinDialect, q.MinDialect),
		MaxDialect:        min(p.MaxDialect, q.MaxDialect),
		AllowNTLM:         p.AllowNTLM && q.AllowNTLM,
	}
	for _, c := range p.Ciphers {
		if q.allowsCipher(c) {
			r.Ciphers = append(r.Ciphers, c)
		}
	}
	for _, s := range p.SigningAlgorithms {
		if q.allowsSigning(s) {
			r.SigningAlgorithms = append(r.SigningAlgorithms, s)
		}
	}
	if r.RequireMutualAuth {
		r.AllowNTLM = false
	}
	return r
}
