package auth

import (
	"context"
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/rc4"
	"encoding/asn1"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// NTLMCredentials are the inputs of NTLMv2 authentication.
//
// The mechanism keeps Password (it does not copy it) and Zero overwrites
// it. Password is UTF-8.
type NTLMCredentials struct {
	User        string
	Domain      string
	Password    []byte
	Workstation string
}

// ntlmMech is NTLMv2 (MS-NLMP) as a GSS-API mechanism, always with
// extended session security, 128-bit keys, key exchange and the
// AUTHENTICATE_MESSAGE MIC.
//
//	InitToken: NEGOTIATE_MESSAGE
//	Step(CHALLENGE_MESSAGE): check flags and AV pairs, compute the NTLMv2
//	    response, encrypt a random ExportedSessionKey, sign all three
//	    messages (MIC) -> AUTHENTICATE_MESSAGE, complete
//
// NTLM never authenticates the server: Mutual is always false.
type ntlmMech struct {
	creds NTLMCredentials
	spn   string

	// Test hooks; crypto/rand and time.Now otherwise.
	rand io.Reader
	now  func() time.Time

	state     ntlmState
	negotiate []byte // the NEGOTIATE_MESSAGE as sent, for the MIC

	exportedKey [16]byte
	clientSign  [16]byte
	serverSign  [16]byte
	clientSeal  *rc4.Cipher // ClientHandle
	serverSeal  *rc4.Cipher // ServerHandle
	sendSeq     uint32
	recvSeq     uint32
}

type ntlmState int

const (
	ntlmNew ntlmState = iota
	ntlmNegotiateSent
	ntlmComplete
	ntlmFailed
	ntlmZeroed
)

var errNTLMState = errors.New("auth: ntlm: called out of order")

// NewNTLMv2 returns an NTLMv2 mechanism for creds. spn (for example
// "cifs/fs1.example.com"; an "@REALM" suffix is dropped) is sent as
// MsvAvTargetName. NTLM cannot prove the server's identity, so Mutual is
// always false.
func NewNTLMv2(creds NTLMCredentials, spn string) Mechanism {
	spn, _, _ = strings.Cut(spn, "@")
	return &ntlmMech{creds: creds, spn: spn, rand: rand.Reader, now: time.Now}
}

// Name returns NTLMv2.
func (n *ntlmMech) Name() MechanismName { return NTLMv2 }

// OID returns the NTLMSSP OID, 1.3.6.1.4.1.311.2.2.10.
func (n *ntlmMech) OID() asn1.ObjectIdentifier { return oidNTLMSSP }

// Principal returns "DOMAIN\\user", or "user" without a domain.
func (n *ntlmMech) Principal() string {
	if n.creds.Domain == "" {
		return n.creds.User
	}
	return n.creds.Domain + `\` + n.creds.User
}

// Mutual is always false: NTLM does not authenticate the server.
func (n *ntlmMech) Mutual() bool { return false }

// InitToken returns the NEGOTIATE_MESSAGE.
func (n *ntlmMech) InitToken(ctx context.Context) ([]byte, error) {
	if n.state != ntlmNew {
		return nil, errNTLMState
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("auth: ntlm: %w", err)
	}
	n.negotiate = encodeNegotiate(ntlmClientNegotiateFlags)
	n.state = ntlmNegotiateSent
	return append([]byte(nil), n.negotiate...), nil
}

// Step consumes the CHALLENGE_MESSAGE and returns the
// AUTHENTICATE_MESSAGE; the mechanism is then complete.
func (n *ntlmMech) Step(ctx context.Context, in []byte) ([]byte, bool, error) {
	if n.state != ntlmNegotiateSent {
		return nil, false, errNTLMState
	}
	n.state = ntlmFailed
	if err := ctx.Err(); err != nil {
		return nil, false, fmt.Errorf("auth: ntlm: %w", err)
	}
	out, err := n.authenticate(in)
	if err != nil {
		n.wipeKeys()
		return nil, false, err
	}
	n.state = ntlmComplete
	return out, true, nil
}

// authenticate implements MS-NLMP 3.1.5.1.2 for NTLMv2.
func (n *ntlmMech) authenticate(challengeMsg []byte) ([]byte, error) {
	chal, err := decodeChallenge(challengeMsg)
	if err != nil {
		return nil, err
	}
	// MS-NLMP 3.1.5.1.2: the client MUST check that the server's choices
	// meet its policy. Ours: NTLMv2 with extended session security,
	// 128-bit keys, key exchange and signing, never less.
	if miss := missingFlags(chal.flags); len(miss) > 0 {
		return nil, fmt.Errorf("auth: ntlm: server did not negotiate %s", strings.Join(miss, ", "))
	}
	if chal.targetInfo == nil {
		return nil, errors.New("auth: ntlm: CHALLENGE_MESSAGE has no TargetInfo")
	}
	// MS-NLMP 3.1.5.1.2: with integrity requested, both NetBIOS names
	// must be present.
	if _, ok := findAV(chal.pairs, avNbComputerName); !ok {
		return nil, errors.New("auth: ntlm: CHALLENGE_MESSAGE has no MsvAvNbComputerName")
	}
	if _, ok := findAV(chal.pairs, avNbDomainName); !ok {
		return nil, errors.New("auth: ntlm: CHALLENGE_MESSAGE has no MsvAvNbDomainName")
	}
	flags := chal.flags & ntlmClientNegotiateFlags

	var random [8 + 16]byte
	if _, err := io.ReadFull(n.rand, random[:]); err != nil {
		return nil, fmt.Errorf("auth: ntlm: random: %w", err)
	}
	var clientChallenge [8]byte
	copy(clientChallenge[:], random[:8])
	copy(n.exportedKey[:], random[8:])
	clear(random[:])

	// The time: the server's MsvAvTimestamp if present, else ours.
	ts, hasTimestamp := findAV(chal.pairs, avTimestamp)
	var timestamp uint64
	if hasTimestamp {
		timestamp = binary.LittleEndian.Uint64(ts)
	} else {
		timestamp = fileTime(n.now())
	}

	// The AV pairs we return: the server's, plus MsvAvFlags with "MIC
	// present", an all-zero MsvAvChannelBindings (no channel binding on
	// SMB) and MsvAvTargetName = our SPN (MS-NLMP 3.1.5.1.2).
	var avFlagsValue uint32
	var pairs []avPair
	for _, p := range chal.pairs {
		switch p.id {
		case avFlags:
			avFlagsValue = binary.LittleEndian.Uint32(p.value)
		case avTargetName, avChannelBindings:
			// replaced below
		default:
			pairs = append(pairs, p)
		}
	}
	pairs = append(pairs, avPair{id: avFlags, value: binary.LittleEndian.AppendUint32(nil, avFlagsValue|avFlagMICPresent)})
	pairs = append(pairs, avPair{id: avChannelBindings, value: make([]byte, 16)})
	if n.spn != "" {
		pairs = append(pairs, avPair{id: avTargetName, value: utf16le(n.spn)})
	}

	responseKey := ntowfv2(n.creds.Password, n.creds.User, n.creds.Domain)
	defer clear(responseKey[:])
	temp := ntlmv2Temp(timestamp, clientChallenge, encodeAVPairs(pairs))
	_, ntResponse, sessionBaseKey := ntlmv2Response(responseKey, chal.serverChallenge, temp)
	defer clear(sessionBaseKey[:])
	var lmResponse []byte
	if hasTimestamp {
		lmResponse = make([]byte, 24) // MS-NLMP 3.1.5.1.2: Z(24) with MsvAvTimestamp
	} else {
		lmResponse = lmv2Response(responseKey, chal.serverChallenge, clientChallenge)
	}

	// KEY_EXCH (required above): KeyExchangeKey is SessionBaseKey for
	// NTLMv2, and the random ExportedSessionKey travels under RC4.
	encryptedKey := rc4k(sessionBaseKey[:], n.exportedKey[:])

	auth := &ntlmAuthenticate{
		flags:               flags,
		lmResponse:          lmResponse,
		ntResponse:          ntResponse,
		domain:              utf16le(n.creds.Domain),
		user:                utf16le(n.creds.User),
		wksta:               utf16le(n.creds.Workstation),
		encryptedSessionKey: encryptedKey,
	}
	msg, err := auth.encode()
	if err != nil {
		return nil, err
	}
	// MIC = HMAC_MD5(ExportedSessionKey, NEGOTIATE + CHALLENGE +
	// AUTHENTICATE with a zero MIC), MS-NLMP 3.1.5.1.2.
	m := hmac.New(md5.New, n.exportedKey[:])
	m.Write(n.negotiate)
	m.Write(challengeMsg)
	m.Write(msg)
	copy(msg[ntlmAuthMICOffset:], m.Sum(nil))

	// Session security keys, MS-NLMP 3.4.5.
	n.clientSign = ntlmSignKey(n.exportedKey[:], clientSignMagic)
	n.serverSign = ntlmSignKey(n.exportedKey[:], serverSignMagic)
	cs := ntlmSealKey(n.exportedKey[:], clientSealMagic)
	ss := ntlmSealKey(n.exportedKey[:], serverSealMagic)
	n.clientSeal, _ = rc4.NewCipher(cs[:])
	n.serverSeal, _ = rc4.NewCipher(ss[:])
	clear(cs[:])
	clear(ss[:])
	return msg, nil
}

// fileTime converts t to a Windows FILETIME (100 ns since 1601-01-01 UTC).
func fileTime(t time.Time) uint64 {
	const epochDelta = 116444736000000000 // 1601 to 1970 in 100 ns units
	return uint64(t.UnixNano()/100) + epochDelta
}

// SessionKey returns a copy of the ExportedSessionKey once complete.
func (n *ntlmMech) SessionKey() []byte {
	if n.state != ntlmComplete {
		return nil
	}
	return append([]byte(nil), n.exportedKey[:]...)
}

// GetMIC returns the NTLMSSP_MESSAGE_SIGNATURE of msg under the client
// signing key and ClientHandle (MS-NLMP 3.4.4.2), as SPNEGO sends for its
// mechListMIC, and advances the client sequence number. SPNEGO computes
// one mechListMIC per direction, so the MS-SPNG 3.3.5.1 RC4 state reset
// for the first application message never arises here.
func (n *ntlmMech) GetMIC(msg []byte) ([]byte, error) {
	if n.state != ntlmComplete {
		return nil, errNTLMState
	}
	sig := ntlmMAC(n.clientSeal, n.clientSign, n.sendSeq, msg)
	n.sendSeq++
	return sig[:], nil
}

// VerifyMIC checks the server's NTLMSSP_MESSAGE_SIGNATURE over msg under
// the server signing key and ServerHandle, with the expected server
// sequence number.
func (n *ntlmMech) VerifyMIC(msg, mic []byte) error {
	if n.state != ntlmComplete {
		return errNTLMState
	}
	if len(mic) != ntlmSigLen {
		return fmt.Errorf("auth: ntlm: signature of %d bytes, want %d", len(mic), ntlmSigLen)
	}
	if v := binary.LittleEndian.Uint32(mic); v != 1 {
		return fmt.Errorf("auth: ntlm: signature version %d", v)
	}
	if seq := binary.LittleEndian.Uint32(mic[12:]); seq != n.recvSeq {
		return fmt.Errorf("auth: ntlm: signature sequence number %d, want %d", seq, n.recvSeq)
	}
	want := ntlmMAC(n.serverSeal, n.serverSign, n.recvSeq, msg)
	n.recvSeq++
	if !hmac.Equal(want[:], mic) {
		return errors.New("auth: ntlm: signature does not verify")
	}
	return nil
}

// wipeKeys zeroes all derived key material.
func (n *ntlmMech) wipeKeys() {
	clear(n.exportedKey[:])
	clear(n.clientSign[:])
	clear(n.serverSign[:])
	if n.clientSeal != nil {
		n.clientSeal.Reset()
		n.clientSeal = nil
	}
	if n.serverSeal != nil {
		n.serverSeal.Reset()
		n.serverSeal = nil
	}
}

// Zero wipes the keys and overwrites the caller's password bytes.
func (n *ntlmMech) Zero() {
	n.wipeKeys()
	clear(n.creds.Password)
	n.state = ntlmZeroed
}
