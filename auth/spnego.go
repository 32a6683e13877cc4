package auth

import (
	"context"
	"encoding/asn1"
	"errors"
	"fmt"
)

// SPNEGO drives one mechanism through RFC 4178 / MS-SPNG.
//
// It offers exactly one mechanism, so there is nothing to negotiate down:
// the server either accepts that mechanism or the exchange fails. The
// exchange, with the SMB2 SESSION_SETUP round trips that carry it:
//
//	InitialToken:  NegTokenInit{mechTypes: [mech], mechToken: mech.InitToken}
//	Step (each server NegTokenResp):
//	    reject                         -> error
//	    supportedMech != mech          -> error
//	    responseToken                  -> mech.Step (Kerberos: verify AP-REP)
//	    mechListMIC                    -> mech.VerifyMIC(mechTypes), must pass
//	    mechanism just completed and we still talk (NTLM AUTHENTICATE, or
//	    the server is not yet done)    -> send our mechListMIC with it
//	    accept-completed               -> done, only if the mechanism
//	                                      completed and, when we sent a
//	                                      mechListMIC, the server's verified
//
// An SPNEGO value is used by one goroutine for one authentication. After
// any error it refuses further steps.
type SPNEGO struct {
	mech Mechanism

	state      spnegoState
	mechTypes  []byte // DER MechTypeList we sent; the mechListMIC covers it
	replies    int    // NegTokenResp messages consumed
	mechDone   bool   // mechanism completed from the client's side
	sentMIC    bool   // we sent our mechListMIC
	peerMIC    bool   // the server's mechListMIC verified
	requestMIC bool   // the server's first reply was request-mic
}

type spnegoState int

const (
	spnegoNew spnegoState = iota
	spnegoSent
	spnegoDone
	spnegoFailed
)

var (
	errSPNEGOState  = errors.New("auth: spnego: called out of order")
	errServerReject = errors.New("auth: spnego: server rejected authentication")
	errMICFailed    = errors.New("auth: spnego: mechListMIC did not verify")
	errMICMissing   = errors.New("auth: spnego: server completed without the required mechListMIC")
)

// mechUnavailableError reports the mechanisms a server offered when ours
// was not among them. It matches ErrMechanismUnavailable.
type mechUnavailableError struct{ offered, want string }

func (e *mechUnavailableError) Error() string {
	return fmt.Sprintf("auth: server offers %s only, %s required", e.offered, e.want)
}

func (e *mechUnavailableError) Is(target error) bool { return target == ErrMechanismUnavailable }

// NewSPNEGO returns an SPNEGO negotiation that offers only mech.
func NewSPNEGO(mech Mechanism) *SPNEGO {
	return &SPNEGO{mech: mech}
}

// MechName returns the name of the mechanism being negotiated.
func (s *SPNEGO) MechName() MechanismName { return s.mech.Name() }

// Mutual reports whether the negotiation completed with the server proving
// its identity (a verified Kerberos AP-REP). It is false before completion
// and always false for NTLM.
func (s *SPNEGO) Mutual() bool { return s.state == spnegoDone && s.mech.Mutual() }

// SessionKey returns a copy of the mechanism's full-length session key once
// the negotiation is done, and nil before.
func (s *SPNEGO) SessionKey() []byte {
	if s.state != spnegoDone {
		return nil
	}
	return s.mech.SessionKey()
}

// InitialToken builds the NegTokenInit (GSS-wrapped with the SPNEGO OID)
// carrying mechTypes [our mechanism] and the mechanism's first token.
//
// serverHint is the security buffer of the SMB2 NEGOTIATE response (a
// NegTokenInit2 listing the server's mechanisms) and may be empty. When it
// is present it must parse, and if it lists mechanisms without ours the
// error wraps ErrMechanismUnavailable and names what the server offered.
// The hint is unauthenticated and only ever makes us fail earlier.
func (s *SPNEGO) InitialToken(ctx context.Context, serverHint []byte) ([]byte, error) {
	if s.state != spnegoNew {
		return nil, errSPNEGOState
	}
	s.state = spnegoFailed // until we succeed
	if len(serverHint) > 0 {
		hint, err := parseServerHint(serverHint)
		if err != nil {
			return nil, err
		}
		if len(hint.MechTypes) > 0 {
			offered := false
			for _, m := range hint.MechTypes {
				if sameMech(m, s.mech.OID()) {
					offered = true
					break
				}
			}
			if !offered {
				return nil, &mechUnavailableError{offered: mechNames(hint.MechTypes), want: string(s.mech.Name())}
			}
		}
	}
	tok, err := s.mech.InitToken(ctx)
	if err != nil {
		return nil, err
	}
	s.mechTypes = encodeMechTypeList([]asn1.ObjectIdentifier{s.mech.OID()})
	s.state = spnegoSent
	return wrapGSS(oidSPNEGO, encodeNegTokenInit(s.mechTypes, tok)), nil
}

// Step consumes a NegTokenResp from the server. It returns the token to
// send next (nil when nothing is to be sent) and done=true when negState is
// accept-completed, the mechanism completed, and the server's mechListMIC
// verified if one was sent or required.
//
// Failures: negState reject; a supportedMech other than ours; a mechanism
// error (for Kerberos, a bad or missing AP-REP wraps ErrMutualAuthFailed);
// a mechListMIC that does not verify; accept-completed before the
// mechanism completed (wraps ErrMutualAuthFailed); accept-completed
// without the server's mechListMIC after we sent ours.
func (s *SPNEGO) Step(ctx context.Context, in []byte) (out []byte, done bool, err error) {
	if s.state != spnegoSent {
		return nil, false, errSPNEGOState
	}
	s.state = spnegoFailed // until this step succeeds
	out, done, err = s.step(ctx, in)
	if err != nil {
		return nil, false, err
	}
	if done {
		s.state = spnegoDone
	} else {
		s.state = spnegoSent
	}
	return out, done, nil
}

func (s *SPNEGO) step(ctx context.Context, in []byte) ([]byte, bool, error) {
	resp, err := decodeNegTokenResp(in)
	if err != nil {
		return nil, false, err
	}
	first := s.replies == 0
	s.replies++
	name := s.mech.Name()

	// RFC 4178 4.2.2: reject ends the negotiation. A mechanism error token
	// (a KRB-ERROR) often rides along; let the mechanism name it.
	if resp.NegState == negStateReject {
		if len(resp.ResponseToken) > 0 && !s.mechDone {
			if _, _, merr := s.mech.Step(ctx, resp.ResponseToken); merr != nil {
				return nil, false, fmt.Errorf("%w: %w", errServerReject, merr)
			}
		}
		return nil, false, errServerReject
	}

	// RFC 4178 4.2.2: negState and supportedMech are present in the first
	// reply; later, an absent negState means the exchange goes on.
	state := resp.NegState
	if first {
		if state == negStateAbsent {
			return nil, false, errors.New("auth: spnego: first server reply has no negState")
		}
		if resp.SupportedMech == nil {
			return nil, false, errors.New("auth: spnego: first server reply has no supportedMech")
		}
	} else if state == negStateAbsent {
		state = negStateAcceptIncomplete
	}
	if resp.SupportedMech != nil && !sameMech(resp.SupportedMech, s.mech.OID()) {
		return nil, false, fmt.Errorf("auth: spnego: server chose %s, but only %s was offered",
			mechName(resp.SupportedMech), name)
	}
	if state == negStateRequestMIC {
		if !first {
			return nil, false, errors.New("auth: spnego: request-mic after the first reply")
		}
		s.requestMIC = true
	}

	// The mechanism's token.
	var mechOut []byte
	switch {
	case len(resp.ResponseToken) > 0:
		if s.mechDone {
			return nil, false, fmt.Errorf("auth: spnego: %s token after %s completed", name, name)
		}
		var complete bool
		mechOut, complete, err = s.mech.Step(ctx, resp.ResponseToken)
		if err != nil {
			return nil, false, err
		}
		s.mechDone = complete
	case !s.mechDone && state == negStateAcceptCompleted:
		return nil, false, fmt.Errorf("%w: server reported success before %s completed (no reply token)",
			ErrMutualAuthFailed, name)
	case !s.mechDone:
		return nil, false, fmt.Errorf("auth: spnego: server sent no %s token", name)
	}

	// RFC 4178 section 5: the server's mechListMIC, over the MechTypeList
	// we sent, must verify.
	if len(resp.MechListMIC) > 0 {
		if !s.mechDone {
			return nil, false, errors.New("auth: spnego: mechListMIC before the mechanism completed")
		}
		if s.peerMIC {
			return nil, false, errors.New("auth: spnego: second mechListMIC from server")
		}
		if err := s.mech.VerifyMIC(s.mechTypes, resp.MechListMIC); err != nil {
			return nil, false, fmt.Errorf("%w: %w", errMICFailed, err)
		}
		s.peerMIC = true
	}

	if state == negStateAcceptCompleted {
		if mechOut != nil {
			return nil, false, fmt.Errorf("auth: spnego: server completed but %s has a token to send", name)
		}
		if s.sentMIC && !s.peerMIC {
			return nil, false, errMICMissing
		}
		return nil, true, nil
	}

	// The exchange goes on. Once the mechanism has completed, every further
	// token we send carries our mechListMIC (MS-SPNG 3.1.5.1: with the NTLM
	// AUTHENTICATE_MESSAGE; RFC 4178 section 5: in reply to the server's).
	var mic []byte
	if s.mechDone && !s.sentMIC {
		mic, err = s.mech.GetMIC(s.mechTypes)
		if err != nil {
			return nil, false, fmt.Errorf("auth: spnego: mechListMIC: %w", err)
		}
		s.sentMIC = true
	}
	if mechOut == nil && mic == nil {
		return nil, false, fmt.Errorf("auth: spnego: server expects more (%s) but %s has nothing to send",
			negStateName(state), name)
	}
	return encodeNegTokenResp(&negTokenResp{NegState: negStateAbsent, ResponseToken: mechOut, MechListMIC: mic}), false, nil
}
