package client

import (
	"context"
	"crypto/rand"
	"fmt"
	"slices"

	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/crypto"
)

// negotiateState runs NEGOTIATE ([MS-SMB2] 3.2.4.2.2, 3.2.5.2) as a flat list
// of steps, each a check that refuses what the policy does not allow.
type negotiateState struct {
	c        *Conn
	policy   *Policy
	serverNm string

	req      wire.NegotiateRequest
	reqBytes []byte // exact bytes sent
	resp     *wire.NegotiateResponse
	respMsg  []byte // exact bytes received
}

// negotiate performs the NEGOTIATE exchange and records the result in c.state.
func (c *Conn) negotiate(ctx context.Context, p *Policy, serverName string) error {
	hs := &negotiateState{c: c, policy: p, serverNm: serverName}
	for _, step := range []func(context.Context) error{
		hs.send,
		hs.checkDialect,
		hs.checkSecurityMode,
		hs.checkPreauth,
		hs.checkCipher,
		hs.checkSigning,
		hs.checkSizes,
		hs.checkPOSIX, // posix.go
		hs.record,
	} {
		if err := step(ctx); err != nil {
			return err
		}
	}
	return nil
}

// send builds the request from the policy and exchanges it.
func (hs *negotiateState) send(ctx context.Context) error {
	p := hs.policy
	r := &hs.req
	r.Dialects = p.dialects()
	// We always sign; requiring it makes the server sign too (3.3.5.4).
	r.SecurityMode = wire.SecurityModeSigningEnabled
	if p.RequireIntegrity {
		r.SecurityMode |= wire.SecurityModeSigningRequired
	}
	r.Capabilities = wire.CapDFS | wire.CapLeasing | wire.CapLargeMTU
	if p.MaxDialect >= wire.Dialect300 {
		r.Capabilities |= wire.CapEncryption | wire.CapDirectoryLeasing
	}
	// A reconnecting client keeps its ClientGuid ([MS-SMB2] 3.2.4.4).
	r.ClientGUID = hs.c.state.ClientGUID
	if r.ClientGUID == ([16]byte{}) {
		if _, err := rand.Read(r.ClientGUID[:]); err != nil {
			return err
		}
	}
	if slices.Contains(r.Dialects, wire.Dialect311) {
		r.PreauthHashAlgorithms = []uint16{wire.HashSHA512}
		r.PreauthSalt = make([]byte, 32)
		if _, err := rand.Read(r.PreauthSalt); err != nil {
			return err
		}
		r.Ciphers = slices.Clone(p.Ciphers)
		r.SigningAlgorithms = slices.Clone(p.SigningAlgorithms)
		r.NetName = hs.serverNm
		// SMB2_POSIX_EXTENSIONS_AVAILABLE, among the preauth-hashed bytes
		// like every context (posix.go).
		r.POSIX = hs.c.state.OfferPOSIX
	}
	hs.reqBytes = newMessage(wire.CmdNegotiate, 0, 0, r)
	resp, err := hs.c.roundTrip(ctx, nil, false, hs.reqBytes, 1)
	if err != nil {
		var se *StatusError
		if asStatus(err, &se) {
			return fmt.Errorf("%w: server rejected NEGOTIATE offering %s: %s", ErrRefused, dialectList(r.Dialects), se.Status)
		}
		return err
	}
	hs.respMsg = resp
	hs.resp, err = wire.DecodeNegotiateResponse(resp)
	if err != nil {
		return fmt.Errorf("%w: NEGOTIATE response: %v", ErrProtocol, err)
	}
	return nil
}

// checkDialect: the server must choose one of the dialects we offered
// (3.2.5.2: "MUST fail ... if DialectRevision is not one that was sent").
func (hs *negotiateState) checkDialect(context.Context) error {
	d := hs.resp.DialectRevision
	if !slices.Contains(hs.req.Dialects, d) {
		return fmt.Errorf("%w: policy requires dialect %s, server chose %s", ErrRefused, dialectRange(hs.policy), d)
	}
	return nil
}

// checkSecurityMode: with integrity required, a 3.x server must allow
// signing (3.2.5.2); 3.1.1 servers always sign once a session exists.
func (hs *negotiateState) checkSecurityMode(context.Context) error {
	if hs.policy.RequireIntegrity && hs.resp.SecurityMode&wire.SecurityModeSigningEnabled == 0 {
		return fmt.Errorf("%w: policy requires integrity, server security mode 0x%x does not enable signing", ErrRefused, hs.resp.SecurityMode)
	}
	return nil
}

// checkPreauth: 3.1.1 needs exactly one preauth hash algorithm, SHA-512
// (3.2.5.2), and starts the preauth integrity hash with the exact bytes.
func (hs *negotiateState) checkPreauth(context.Context) error {
	if hs.resp.DialectRevision != wire.Dialect311 {
		return nil
	}
	algs := hs.resp.PreauthHashAlgorithms
	if len(algs) != 1 || algs[0] != wire.HashSHA512 {
		return fmt.Errorf("%w: NEGOTIATE response preauth hash algorithms %v, want exactly [SHA-512]", ErrProtocol, algs)
	}
	st := &hs.c.state
	st.Preauth = crypto.PreauthHash{}
	st.Preauth.Update(hs.reqBytes)
	st.Preauth.Update(hs.respMsg)
	return nil
}

// checkCipher: a 3.1.1 server that encrypts names exactly one cipher, which
// we offered and policy allows (3.2.5.2); 3.0.x implies AES-128-CCM when the
// server has CAP_ENCRYPTION. Privacy required but no cipher: refuse.
func (hs *negotiateState) checkCipher(context.Context) error {
	r, p := hs.resp, hs.policy
	var cipher wire.CipherID
	switch {
	case r.DialectRevision == wire.Dialect311 && r.Ciphers != nil:
		if len(r.Ciphers) != 1 {
			return fmt.Errorf("%w: NEGOTIATE response lists %d ciphers, want 1", ErrProtocol, len(r.Ciphers))
		}
		cipher = r.Ciphers[0]
		if cipher != 0 && (!slices.Contains(hs.req.Ciphers, cipher) || !p.allowsCipher(cipher)) {
			return fmt.Errorf("%w: server chose cipher %s, which we did not offer", ErrRefused, cipher)
		}
	case r.DialectRevision == wire.Dialect300 || r.DialectRevision == wire.Dialect302:
		if r.Capabilities&wire.CapEncryption != 0 && p.allowsCipher(wire.CipherAES128CCM) {
			cipher = wire.CipherAES128CCM
		}
	}
	if cipher == 0 && p.RequirePrivacy {
		return fmt.Errorf("%w: policy requires privacy (ciphers %s), server offered no cipher at dialect %s", ErrRefused, cipherList(p.Ciphers), r.DialectRevision)
	}
	hs.c.state.Cipher = cipher
	return nil
}

// checkSigning: 3.1.1 may name one signing algorithm we offered (3.2.5.2);
// without the context, AES-CMAC. 3.0.x signs with AES-CMAC, 2.x with
// HMAC-SHA256.
func (hs *negotiateState) checkSigning(context.Context) error {
	r, p := hs.resp, hs.policy
	var alg wire.SigningID
	switch r.DialectRevision {
	case wire.Dialect311:
		alg = wire.SigningAESCMAC
		if r.SigningAlgorithms != nil {
			if len(r.SigningAlgorithms) != 1 {
				return fmt.Errorf("%w: NEGOTIATE response lists %d signing algorithms, want 1", ErrProtocol, len(r.SigningAlgorithms))
			}
			alg = r.SigningAlgorithms[0]
			if !slices.Contains(hs.req.SigningAlgorithms, alg) {
				return fmt.Errorf("%w: server chose signing algorithm %s, which we did not offer", ErrRefused, alg)
			}
		}
		if !p.allowsSigning(alg) {
			return fmt.Errorf("%w: policy allows signing %v, server uses %s", ErrRefused, p.SigningAlgorithms, alg)
		}
	case wire.Dialect300, wire.Dialect302:
		alg = wire.SigningAESCMAC
	default:
		alg = wire.SigningHMACSHA256
	}
	hs.c.state.SigningAlgorithm = alg
	return nil
}

// checkSizes: the maximum sizes must allow at least one 64 KiB transfer
// (3.2.5.2 requires >= 65536 for 2.1+), and are capped at 8 MiB.
func (hs *negotiateState) checkSizes(context.Context) error {
	r := hs.resp
	for _, v := range []uint32{r.MaxReadSize, r.MaxWriteSize, r.MaxTransactSize} {
		if v < 65536 {
			return fmt.Errorf("%w: NEGOTIATE response maximum size %d below 65536", ErrProtocol, v)
		}
	}
	return nil
}

// record stores the negotiated state on the connection.
func (hs *negotiateState) record(context.Context) error {
	st, r := &hs.c.state, hs.resp
	const capSize = 8 << 20
	st.Dialect = r.DialectRevision
	st.ServerSecurityMode = r.SecurityMode
	st.ServerCapabilities = r.Capabilities
	st.ServerGUID = r.ServerGUID
	st.ClientGUID = hs.req.ClientGUID
	st.ClientSecurityMode = hs.req.SecurityMode
	st.ClientCapabilities = hs.req.Capabilities
	st.OfferedDialects = hs.req.Dialects
	st.MaxTransactSize = min(r.MaxTransactSize, capSize)
	st.MaxReadSize = min(r.MaxReadSize, capSize)
	st.MaxWriteSize = min(r.MaxWriteSize, capSize)
	st.SecurityBlob = r.SecurityBuffer
	st.POSIX = r.POSIX && hs.req.POSIX
	return nil
}

func dialectList(ds []wire.Dialect) string {
	s := ""
	for i, d := range ds {
		if i > 0 {
			s += ","
		}
		s += d.String()
	}
	return s
}

func dialectRange(p *Policy) string {
	if p.MinDialect == p.MaxDialect {
		return p.MinDialect.String()
	}
	return fmt.Sprintf(">= %s", p.MinDialect)
}

func cipherList(cs []wire.CipherID) string {
	s := ""
	for i, c := range cs {
		if i > 0 {
			s += ","
		}
		s += c.String()
	}
	return s
}
