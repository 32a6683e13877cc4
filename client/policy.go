package client

import (
	"fmt"

	"github.com/smb3fs/smb3fs/client/wire"
)

// Policy is the security a connection must reach or refuse to proceed. The
// zero value is not valid; start from StrictPolicy. The core never proceeds
// below what the policy demands; where the rules come from (the hardening
// file, mount options) is the business of the caller.
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

// validate reports a policy that cannot be met by any server.
func (p *Policy) validate() error {
	if len(p.dialects()) == 0 {
		return fmt.Errorf("%w: no dialect between %v and %v", ErrRefused, p.MinDialect, p.MaxDialect)
	}
	if p.RequirePrivacy && (p.MaxDialect < wire.Dialect300 || len(p.Ciphers) == 0) {
		return fmt.Errorf("%w: privacy required but no SMB3 dialect or cipher allowed", ErrRefused)
	}
	return nil
}

func (p *Policy) allowsCipher(c wire.CipherID) bool {
	for _, x := range p.Ciphers {
		if x == c {
			return true
		}
	}
	return false
}

func (p *Policy) allowsSigning(s wire.SigningID) bool {
	for _, x := range p.SigningAlgorithms {
		if x == s {
			return true
		}
	}
	return false
}

// allowsMechanism refuses an authentication mechanism the policy rules out
// before anything is sent: only Kerberos can prove the server's identity.
func (p *Policy) allowsMechanism(name string) error {
	if name == "kerberos" {
		return nil
	}
	if p.RequireMutualAuth {
		return fmt.Errorf("%w: policy requires mutual authentication, %s cannot provide it", ErrRefused, name)
	}
	if !p.AllowNTLM {
		return fmt.Errorf("%w: policy does not allow %s", ErrRefused, name)
	}
	return nil
}
