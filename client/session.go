package client

import (
	"context"
	"errors"
	"fmt"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/crypto"
)

// Session is an authenticated SMB2 session ([MS-SMB2] 3.2.1.3). Its keys
// are fixed once SESSION_SETUP completes and zeroed by Logoff.
type Session struct {
	conn *Conn
	id   uint64

	// Set by the handshake before the session is used concurrently;
	// read-only afterwards (until Logoff, which holds no other user).
	established bool
	signer      crypto.Signer
	enc         *crypto.Encryptor
	dec         *crypto.Decryptor
	keys        *crypto.SessionKeys
	// encryptAll: every request is sealed and every response must be
	// (policy RequirePrivacy, or the server set SESSION_FLAG_ENCRYPT_DATA).
	encryptAll bool
	// Mechanism is the authentication mechanism that established it.
	mech   string
	mutual bool
	flags  uint16
}

// ID returns the SessionId.
func (s *Session) ID() uint64 { return s.id }

// sessionSetup authenticates with mech through SPNEGO ([MS-SMB2] 3.2.4.2.3,
// 3.2.5.3) and applies the policy to the result. The policy has already
// allowed mech (Client.establish, before the connection was made).
func (c *Conn) sessionSetup(ctx context.Context, p *Policy, mech auth.Mechanism) (*Session, error) {
	ss := &sessionState{c: c, policy: p, spnego: auth.NewSPNEGO(mech), s: &Session{conn: c}}
	ss.preauth = c.state.Preauth
	for _, step := range []func(context.Context) error{
		ss.exchange,
		ss.checkMutual,
		ss.deriveKeys,
		ss.verifyFinal, // before believing anything else the final response says
		ss.checkFlags,
		ss.checkEncryption,
	} {
		if err := step(ctx); err != nil {
			// The caller closes the connection: a failed handshake leaves
			// nothing half made behind.
			ss.s.zero()
			mech.Zero()
			return nil, err
		}
	}
	mech.Zero()
	ss.s.established = true
	c.registerSession(ss.s)
	return ss.s, nil
}

// sessionState carries one SESSION_SETUP handshake.
type sessionState struct {
	c      *Conn
	policy *Policy
	spnego *auth.SPNEGO
	s      *Session

	preauth    crypto.PreauthHash // session's preauth integrity hash
	final      []byte             // the final (SUCCESS) response, exact bytes
	finalResp  *wire.SessionSetupResponse
	sessionKey []byte
}

// exchange loops SESSION_SETUP until STATUS_SUCCESS, feeding every request
// and every non-final response to the preauth hash (3.2.5.3.1).
func (ss *sessionState) exchange(ctx context.Context) error {
	c := ss.c
	token, err := ss.spnego.InitialToken(ctx, c.state.SecurityBlob)
	if errors.Is(err, auth.ErrMechanismUnavailable) {
		return fmt.Errorf("%w: %w", ErrRefused, err)
	}
	if errors.Is(err, auth.ErrKDCUnreachable) {
		// The network failed, not the credentials: a reconnect may try
		// again, and the errno is a timeout, not a permission error.
		return fmt.Errorf("%w: %w", ErrTimeout, err)
	}
	if err != nil {
		// No ticket, an expired one, an unknown service principal: the
		// client cannot authenticate, which is not a policy decision.
		return fmt.Errorf("%w: %w", ErrAuthentication, err)
	}
	for round := 0; ; round++ {
		if round > 8 {
			return fmt.Errorf("%w: SESSION_SETUP did not complete in 8 rounds", ErrProtocol)
		}
		req := &wire.SessionSetupRequest{
			SecurityMode:   uint8(c.state.ClientSecurityMode),
			Capabilities:   c.state.ClientCapabilities & wire.CapDFS,
			SecurityBuffer: token,
		}
		msg := newMessage(wire.CmdSessionSetup, 0, 0, req)
		calls, err := c.start(ctx, ss.s, false, []outgoing{{msg: msg}})
		if err != nil {
			return err
		}
		ss.preauth.Update(msg)
		resp, err := c.wait(ctx, calls[0])
		if err != nil {
			return err
		}
		h, err := wire.DecodeHeader(resp)
		if err != nil {
			return fmt.Errorf("%w: %w", ErrProtocol, err)
		}
		if ss.s.id != 0 && h.SessionID != ss.s.id {
			return fmt.Errorf("%w: SESSION_SETUP response changed SessionId", ErrProtocol)
		}
		ss.s.id = h.SessionID
		r, derr := wire.DecodeSessionSetupResponse(resp)
		switch h.Status {
		case wire.StatusMoreProcessingRequired:
			if derr != nil {
				return fmt.Errorf("%w: %w", ErrProtocol, derr)
			}
			ss.preauth.Update(resp)
			out, done, err := ss.spnego.Step(ctx, r.SecurityBuffer)
			if err != nil {
				return fmt.Errorf("%w: %w", ErrRefused, err)
			}
			if done || out == nil {
				return fmt.Errorf("%w: server wants another round, authentication has nothing to send", ErrProtocol)
			}
			token = out
		case wire.StatusSuccess:
			if derr != nil {
				return fmt.Errorf("%w: %w", ErrProtocol, derr)
			}
			if f := r.SessionFlags; f&(wire.SessionFlagIsGuest|wire.SessionFlagIsNull) != 0 {
				// Refuse before anything else, so the message says why
				// (a guest session has no keys to verify anything with).
				return fmt.Errorf("%w: server made a guest or anonymous session (flags 0x%x)", ErrRefused, f)
			}
			ss.final, ss.finalResp = resp, r
			done := false
			if len(r.SecurityBuffer) > 0 {
				var out []byte
				out, done, err = ss.spnego.Step(ctx, r.SecurityBuffer)
				if err != nil {
					return fmt.Errorf("%w: %w", ErrRefused, err)
				}
				if out != nil {
					return fmt.Errorf("%w: server completed SESSION_SETUP while authentication had more to send", ErrProtocol)
				}
			}
			if !done {
				return fmt.Errorf("%w: server completed SESSION_SETUP before %s authentication finished (no proof from the server)", ErrRefused, ss.spnego.MechName())
			}
			ss.sessionKey = ss.spnego.SessionKey()
			return nil
		default:
			return &StatusError{Status: h.Status, Command: wire.CmdSessionSetup}
		}
	}
}

// checkFlags: never a guest or anonymous session (3.2.5.3.1 IS_GUEST/IS_NULL).
func (ss *sessionState) checkFlags(context.Context) error {
	f := ss.finalResp.SessionFlags
	ss.s.flags = f
	if f&(wire.SessionFlagIsGuest|wire.SessionFlagIsNull) != 0 {
		return fmt.Errorf("%w: server made a guest or anonymous session (flags 0x%x)", ErrRefused, f)
	}
	return nil
}

// checkMutual: RequireMutualAuthentication means the server proved itself.
func (ss *sessionState) checkMutual(context.Context) error {
	ss.s.mech, ss.s.mutual = string(ss.spnego.MechName()), ss.spnego.Mutual()
	if ss.policy.RequireMutualAuth && !ss.s.mutual {
		return fmt.Errorf("%w: policy requires mutual authentication, %s did not verify the server", ErrRefused, ss.s.mech)
	}
	return nil
}

// deriveKeys derives the session keys (3.2.5.3.1) and makes the signer.
func (ss *sessionState) deriveKeys(context.Context) error {
	if len(ss.sessionKey) == 0 {
		return fmt.Errorf("%w: authentication produced no session key", ErrRefused)
	}
	st := &ss.c.state
	keys, err := crypto.DeriveKeys(st.Dialect, ss.sessionKey, &ss.preauth, st.Cipher)
	clear(ss.sessionKey)
	if err != nil {
		return err
	}
	ss.s.keys = keys
	ss.s.signer, err = crypto.NewSigner(st.SigningAlgorithm, keys.Signing[:])
	return err
}

// verifyFinal: the final SESSION_SETUP response must be signed with the new
// signing key (3.2.5.3.1); this is what proves that nobody rewrote NEGOTIATE
// or SESSION_SETUP, since the key depends on the preauth hash of both.
func (ss *sessionState) verifyFinal(context.Context) error {
	h, _ := wire.DecodeHeader(ss.final)
	if h.Flags&wire.FlagSigned == 0 {
		return fmt.Errorf("%w: final SESSION_SETUP response is not signed", ErrUnprotected)
	}
	if err := ss.s.signer.Verify(ss.final); err != nil {
		return fmt.Errorf("%w: final SESSION_SETUP response: %v (negotiation tampered with, or wrong key)", ErrUnprotected, err)
	}
	return nil
}

// checkEncryption sets up encryption and applies RequirePrivacy.
func (ss *sessionState) checkEncryption(context.Context) error {
	st, s := &ss.c.state, ss.s
	serverWants := ss.finalResp.SessionFlags&wire.SessionFlagEncryptData != 0
	if st.Cipher == 0 {
		if ss.policy.RequirePrivacy || serverWants {
			return fmt.Errorf("%w: policy requires privacy, no cipher was negotiated", ErrRefused)
		}
		return nil
	}
	var err error
	if s.enc, err = crypto.NewEncryptor(st.Cipher, s.keys.Encryption[:st.Cipher.KeySize()]); err != nil {
		return err
	}
	if s.dec, err = crypto.NewDecryptor(st.Cipher, s.keys.Decryption[:st.Cipher.KeySize()]); err != nil {
		return err
	}
	s.encryptAll = ss.policy.RequirePrivacy || serverWants
	return nil
}

// zero wipes the session's keys.
func (s *Session) zero() {
	if s.keys != nil {
		s.keys.Zero()
	}
	if s.signer != nil {
		s.signer.Zero()
	}
	if s.enc != nil {
		s.enc.Zero()
	}
	if s.dec != nil {
		s.dec.Zero()
	}
}

// Logoff ends the session ([MS-SMB2] 3.2.4.4) and zeroes its keys.
func (s *Session) Logoff(ctx context.Context) error {
	_, err := s.conn.roundTrip(ctx, s, s.encryptAll, newMessage(wire.CmdLogoff, 0, 0, &wire.LogoffRequest{}), 1)
	s.conn.unregisterSession(s)
	s.zero()
	return err
}
