package auth

import (
	"context"
	"encoding/asn1"
	"errors"
	"fmt"
)

// ErrMutualAuthFailed reports that the server did not prove its identity:
// a missing, undecryptable or mismatched Kerberos AP-REP, a KRB-ERROR in its
// place, or SPNEGO success before the mechanism completed. It is always
// wrapped with the detail; test for it with errors.Is.
var ErrMutualAuthFailed = errors.New("auth: server did not prove its identity")

// ErrMechanismUnavailable reports that the server's SMB2 NEGOTIATE security
// buffer (the SPNEGO NegTokenInit2 hint) does not list the mechanism the
// caller required. The error matching it names what the server offered,
// as in "auth: server offers [NTLMSSP] only, kerberos required".
var ErrMechanismUnavailable = errors.New("auth: required mechanism not offered by server")

// ErrKDCUnreachable reports that the Kerberos KDC could not be reached, or
// did not answer in time: a network failure, not a problem with the
// credentials, so trying again later may work.
var ErrKDCUnreachable = errors.New("auth: kerberos: KDC unreachable")

// MechanismName names a mechanism: what Mechanism.Name returns. Policy
// decisions compare it with the constants below, never with a string.
type MechanismName string

// The names of this package's mechanisms.
const (
	// Kerberos ([RFC4121], [MS-KILE]) is the only mechanism whose server
	// proves its identity (a verified AP-REP).
	Kerberos MechanismName = "kerberos"
	// NTLMv2 ([MS-NLMP]) authenticates the client only.
	NTLMv2 MechanismName = "ntlmv2"
)

// Mechanism is one GSS-API mechanism carried inside SPNEGO.
//
// A Mechanism is a single-use state machine driven by one goroutine
// (the SESSION_SETUP exchange); it is not safe for concurrent use.
type Mechanism interface {
	// Name returns Kerberos or NTLMv2 (a test double may return another
	// name, which policies treat like NTLM: it cannot prove the server).
	Name() MechanismName
	// OID returns the mechanism's GSS-API object identifier.
	OID() asn1.ObjectIdentifier
	// InitToken returns the first mechanism token (a GSS-wrapped Kerberos
	// AP-REQ, or an NTLM NEGOTIATE_MESSAGE).
	InitToken(ctx context.Context) ([]byte, error)
	// Step consumes the server's mechanism token and returns the next token
	// (nil if none) and whether the mechanism has completed from the
	// client's side. For Kerberos, Step verifies the AP-REP (mutual auth).
	Step(ctx context.Context, in []byte) (out []byte, complete bool, err error)
	// SessionKey returns a copy of the full-length session key, or nil
	// before the mechanism has completed.
	SessionKey() []byte
	// Mutual reports whether the server proved knowledge of the service key
	// (a verified Kerberos AP-REP). It is always false for NTLM.
	Mutual() bool
	// GetMIC returns a per-message integrity token over msg, for the SPNEGO
	// mechListMIC.
	GetMIC(msg []byte) ([]byte, error)
	// VerifyMIC checks the peer's integrity token mic over msg.
	VerifyMIC(msg, mic []byte) error
	// Zero wipes keys and password material. The mechanism is unusable
	// afterwards.
	Zero()
}

// Principal returns the client identity m authenticates as, for the audit
// log and `smb3fs check`: "user@REALM" for Kerberos, the client name of
// the ticket obtained (known once InitToken has succeeded; "" before), and
// "DOMAIN\\user" (or "user" without a domain) for NTLM. It is not secret
// and survives Zero. A Mechanism of another package (a test double) that
// has no Principal method gives "".
func Principal(m Mechanism) string {
	if p, ok := m.(interface{ Principal() string }); ok {
		return p.Principal()
	}
	return ""
}

// Mechanism and framing object identifiers.
var (
	// oidSPNEGO is RFC 4178's SPNEGO mechanism, 1.3.6.1.5.5.2.
	oidSPNEGO = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 2}
	// oidKRB5 is RFC 4121's Kerberos V5 mechanism, 1.2.840.113554.1.2.2.
	oidKRB5 = asn1.ObjectIdentifier{1, 2, 840, 113554, 1, 2, 2}
	// oidMSKRB5 is the legacy Microsoft Kerberos OID (MS-KILE 3.1.5.1),
	// 1.2.840.48018.1.2.2: the same mechanism, mistruncated by Windows 2000.
	oidMSKRB5 = asn1.ObjectIdentifier{1, 2, 840, 48018, 1, 2, 2}
	// oidNTLMSSP is MS-NLMP's NTLM mechanism, 1.3.6.1.4.1.311.2.2.10.
	oidNTLMSSP = asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 311, 2, 2, 10}
	// oidNEGOEX is MS-NEGOEX, 1.3.6.1.4.1.311.2.2.30.
	oidNEGOEX = asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 311, 2, 2, 30}
)

// mechName returns a readable name for a mechanism OID, for errors.
func mechName(oid asn1.ObjectIdentifier) string {
	switch {
	case oid.Equal(oidKRB5):
		return "Kerberos"
	case oid.Equal(oidMSKRB5):
		return "MS-Kerberos"
	case oid.Equal(oidNTLMSSP):
		return "NTLMSSP"
	case oid.Equal(oidNEGOEX):
		return "NEGOEX"
	case oid.Equal(oidSPNEGO):
		return "SPNEGO"
	}
	return oid.String()
}

// sameMech reports whether a is the mechanism b. The two Kerberos OIDs name
// one mechanism (MS-KILE 3.1.5.1), so each matches the other.
func sameMech(a, b asn1.ObjectIdentifier) bool {
	if a.Equal(b) {
		return true
	}
	isKrb := func(o asn1.ObjectIdentifier) bool { return o.Equal(oidKRB5) || o.Equal(oidMSKRB5) }
	return isKrb(a) && isKrb(b)
}

// mechNames formats a list of OIDs as "[Kerberos NTLMSSP]".
func mechNames(oids []asn1.ObjectIdentifier) string {
	s := "["
	for i, o := range oids {
		if i > 0 {
			s += " "
		}
		s += mechName(o)
	}
	return s + "]"
}

// wrapGSS frames inner as an RFC 2743 section 3.1 InitialContextToken:
// [APPLICATION 0] IMPLICIT SEQUENCE { thisMech MechType, innerContextToken }.
func wrapGSS(oid asn1.ObjectIdentifier, inner []byte) []byte {
	body := mustMarshalOID(oid)
	body = append(body, inner...)
	return appendDER(nil, idGSSToken, body)
}

// unwrapGSS parses an RFC 2743 section 3.1 InitialContextToken and returns
// its mechanism OID and inner token. The whole of b must be the token.
func unwrapGSS(b []byte) (asn1.ObjectIdentifier, []byte, error) {
	e, err := readOnlyDER(b)
	if err != nil {
		return nil, nil, fmt.Errorf("auth: GSS token: %w", err)
	}
	if !e.is(classApplication, true, 0) {
		return nil, nil, fmt.Errorf("auth: GSS token: %w: not an [APPLICATION 0] token (identifier 0x%02x)", errDER, b[0])
	}
	o, inner, err := readDER(e.content)
	if err != nil {
		return nil, nil, fmt.Errorf("auth: GSS token: mechanism: %w", err)
	}
	if !o.is(classUniversal, false, tagOID) {
		return nil, nil, fmt.Errorf("auth: GSS token: %w: mechanism is not an OID", errDER)
	}
	oid, err := parseOID(o.full)
	if err != nil {
		return nil, nil, fmt.Errorf("auth: GSS token: %w", err)
	}
	if len(inner) == 0 {
		return nil, nil, fmt.Errorf("auth: GSS token: %w: empty inner token", errDER)
	}
	return oid, inner, nil
}
