package smbtest

// The fake GSS mechanism and the server's side of SPNEGO.
//
// The mechanism's tokens are short strings; round i of n is
//
//	client: "smbtest-client i/n"  ──►  server: "smbtest-server i/n"
//
// and the mechanism completes when it reads the server's token of round n.
// Both sides share a fixed session key (DefaultSessionKey), so the server
// derives the same SMB keys the client does.

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/asn1"
	"errors"
	"fmt"

	"github.com/smb3fs/smb3fs/auth"
)

// OIDKerberos is the Kerberos V5 mechanism OID (RFC 4121), which the fake
// mechanism presents by default.
var OIDKerberos = asn1.ObjectIdentifier{1, 2, 840, 113554, 1, 2, 2}

// DefaultSessionKey returns the session key the fake mechanism and the
// server agree on unless told otherwise: 32 bytes, as Kerberos with an
// AES-256 enctype produces, so AES-256 ciphers use the full key.
func DefaultSessionKey() []byte {
	k := make([]byte, 32)
	for i := range k {
		k[i] = byte(0xa0 + i)
	}
	return k
}

// Mechanism is a fake GSS mechanism for the client under test. Its zero
// value plays a one-round, non-mutual "kerberos"; set the fields before use.
// Like every auth.Mechanism it serves one authentication.
type Mechanism struct {
	// MechName is what Name returns; "" means "kerberos". Use "ntlmv2" to
	// play NTLM for the policy checks.
	MechName string
	// IsMutual is what Mutual reports once the exchange completed: whether
	// the fake server "proved its identity".
	IsMutual bool
	// Rounds is the number of SESSION_SETUP round trips; 0 means 1.
	Rounds int
	// Key is the session key; nil means DefaultSessionKey().
	Key []byte
	// InitErr, when set, is what InitToken returns (a KDC that cannot be
	// reached, an expired ticket).
	InitErr error

	round  int
	done   bool
	zeroed bool
}

var _ auth.Mechanism = (*Mechanism)(nil)

func (m *Mechanism) rounds() int { return max(m.Rounds, 1) }

func (m *Mechanism) key() []byte {
	if m.Key != nil {
		return m.Key
	}
	return DefaultSessionKey()
}

// Name returns MechName, or "kerberos".
func (m *Mechanism) Name() auth.MechanismName {
	if m.MechName == "" {
		return auth.Kerberos
	}
	return auth.MechanismName(m.MechName)
}

// OID returns the Kerberos OID; the fake server answers with whatever OID
// the client offered first.
func (m *Mechanism) OID() asn1.ObjectIdentifier { return OIDKerberos }

// InitToken returns the token of round 1.
func (m *Mechanism) InitToken(context.Context) ([]byte, error) {
	if m.zeroed || m.round != 0 {
		return nil, errors.New("smbtest: mechanism used twice")
	}
	if m.InitErr != nil {
		return nil, m.InitErr
	}
	m.round = 1
	return clientToken(1, m.rounds()), nil
}

// Step accepts only the server token of the current round and returns the
// next round's token, or completes after the last round.
func (m *Mechanism) Step(_ context.Context, in []byte) ([]byte, bool, error) {
	if m.zeroed || m.done || m.round == 0 {
		return nil, false, errors.New("smbtest: mechanism step out of order")
	}
	n := m.rounds()
	if want := serverToken(m.round, n); string(in) != string(want) {
		return nil, false, fmt.Errorf("smbtest: mechanism: server token %q, want %q", in, want)
	}
	if m.round == n {
		m.done = true
		return nil, true, nil
	}
	m.round++
	return clientToken(m.round, n), false, nil
}

// SessionKey returns a copy of the key once the exchange completed.
func (m *Mechanism) SessionKey() []byte {
	if !m.done || m.zeroed {
		return nil
	}
	return append([]byte(nil), m.key()...)
}

// Mutual returns IsMutual once the exchange completed.
func (m *Mechanism) Mutual() bool { return m.done && m.IsMutual }

// GetMIC returns HMAC-SHA256(key, msg) truncated to 16 bytes.
func (m *Mechanism) GetMIC(msg []byte) ([]byte, error) {
	if !m.done || m.zeroed {
		return nil, errors.New("smbtest: MIC before the mechanism completed")
	}
	return mic(m.key(), msg), nil
}

// VerifyMIC checks a MIC made by GetMIC with the same key.
func (m *Mechanism) VerifyMIC(msg, got []byte) error {
	want, err := m.GetMIC(msg)
	if err != nil {
		return err
	}
	if !hmac.Equal(want, got) {
		return errors.New("smbtest: bad MIC")
	}
	return nil
}

// Zero makes the mechanism unusable.
func (m *Mechanism) Zero() { m.zeroed = true }

func mic(key, msg []byte) []byte {
	h := hmac.New(sha256.New, key)
	h.Write(msg)
	return h.Sum(nil)[:16]
}

func clientToken(i, n int) []byte { return fmt.Appendf(nil, "smbtest-client %d/%d", i, n) }
func serverToken(i, n int) []byte { return fmt.Appendf(nil, "smbtest-server %d/%d", i, n) }

// parseClientToken reads the round i of n from a client token.
func parseClientToken(tok []byte) (i, n int, ok bool) {
	_, err := fmt.Sscanf(string(tok), "smbtest-client %d/%d", &i, &n)
	return i, n, err == nil && i >= 1 && i <= n && string(tok) == string(clientToken(i, n))
}

// SPNEGO negState values (RFC 4178 4.2.2).
const (
	negAcceptCompleted  = 0
	negAcceptIncomplete = 1
)

// parseSPNEGO extracts the offered mechanisms (first token only) and the
// mechanism token from the client's SPNEGO token: a GSS-wrapped
// NegTokenInit in the first round, a bare NegTokenResp afterwards.
func parseSPNEGO(b []byte) (mechs []asn1.ObjectIdentifier, token []byte, err error) {
	var outer asn1.RawValue
	if err := unmarshalAll(b, &outer); err != nil {
		return nil, nil, err
	}
	var choice asn1.RawValue
	switch {
	case outer.Class == asn1.ClassApplication && outer.Tag == 0:
		var oid asn1.ObjectIdentifier
		rest, err := asn1.Unmarshal(outer.Bytes, &oid)
		if err != nil {
			return nil, nil, err
		}
		if err := unmarshalAll(rest, &choice); err != nil {
			return nil, nil, err
		}
		if choice.Class != asn1.ClassContextSpecific || choice.Tag != 0 {
			return nil, nil, errors.New("smbtest: first token is not a NegTokenInit")
		}
	case outer.Class == asn1.ClassContextSpecific && outer.Tag == 1:
		choice = outer
	default:
		return nil, nil, errors.New("smbtest: not a SPNEGO token")
	}
	var seq asn1.RawValue
	if err := unmarshalAll(choice.Bytes, &seq); err != nil {
		return nil, nil, err
	}
	for rest := seq.Bytes; len(rest) > 0; {
		var f asn1.RawValue
		if rest, err = asn1.Unmarshal(rest, &f); err != nil {
			return nil, nil, err
		}
		switch {
		case choice.Tag == 0 && f.Tag == 0: // NegTokenInit mechTypes
			err = unmarshalAll(f.Bytes, &mechs)
		case f.Tag == 2: // mechToken, responseToken
			err = unmarshalAll(f.Bytes, &token)
		}
		if err != nil {
			return nil, nil, err
		}
	}
	return mechs, token, nil
}

func unmarshalAll(b []byte, v any) error {
	rest, err := asn1.Unmarshal(b, v)
	if err == nil && len(rest) != 0 {
		err = errors.New("smbtest: trailing bytes after DER value")
	}
	return err
}

// negTokenResp encodes RFC 4178's [1] NegTokenResp; a nil mech or token is
// left out.
func negTokenResp(state int, mech asn1.ObjectIdentifier, token []byte) []byte {
	field := func(tag int, v any) []byte {
		inner, err := asn1.Marshal(v)
		if err != nil {
			panic(err)
		}
		b, _ := asn1.Marshal(asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: tag, IsCompound: true, Bytes: inner})
		return b
	}
	body := field(0, asn1.Enumerated(state))
	if mech != nil {
		body = append(body, field(1, mech)...)
	}
	if token != nil {
		body = append(body, field(2, token)...)
	}
	seq, _ := asn1.Marshal(asn1.RawValue{Class: asn1.ClassUniversal, Tag: asn1.TagSequence, IsCompound: true, Bytes: body})
	out, _ := asn1.Marshal(asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 1, IsCompound: true, Bytes: seq})
	return out
}
