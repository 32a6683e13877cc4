package auth

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf16"
)

// NTLM wire messages, MS-NLMP 2.2. All integers are little-endian.

// NegotiateFlags bits (MS-NLMP 2.2.2.5).
const (
	ntlmNegotiateUnicode        = 0x00000001
	ntlmNegotiateOEM            = 0x00000002
	ntlmRequestTarget           = 0x00000004
	ntlmNegotiateSign           = 0x00000010
	ntlmNegotiateSeal           = 0x00000020
	ntlmNegotiateDatagram       = 0x00000040
	ntlmNegotiateLMKey          = 0x00000080
	ntlmNegotiateNTLM           = 0x00000200
	ntlmNegotiateAnonymous      = 0x00000800
	ntlmNegotiateAlwaysSign     = 0x00008000
	ntlmTargetTypeDomain        = 0x00010000
	ntlmTargetTypeServer        = 0x00020000
	ntlmNegotiateExtendedSecur  = 0x00080000
	ntlmNegotiateIdentify       = 0x00100000
	ntlmRequestNonNTSessionKey  = 0x00400000
	ntlmNegotiateTargetInfo     = 0x00800000
	ntlmNegotiateVersion        = 0x02000000
	ntlmNegotiate128            = 0x20000000
	ntlmNegotiateKeyExch        = 0x40000000
	ntlmNegotiate56             = 0x80000000
	ntlmClientNegotiateFlags    = ntlmNegotiateUnicode | ntlmRequestTarget | ntlmNegotiateSign | ntlmNegotiateSeal | ntlmNegotiateNTLM | ntlmNegotiateAlwaysSign | ntlmNegotiateExtendedSecur | ntlmNegotiateTargetInfo | ntlmNegotiateVersion | ntlm128And56 | ntlmNegotiateKeyExch
	ntlm128And56                = ntlmNegotiate128 | ntlmNegotiate56
	ntlmMessageTypeNegotiate    = 1
	ntlmMessageTypeChallenge    = 2
	ntlmMessageTypeAuthenticate = 3
)

// ntlmFlagNames names the flags a CHALLENGE_MESSAGE must carry: NTLMv2
// with extended session security, 128-bit keys, key exchange and signing.
var ntlmFlagNames = []struct {
	bit  uint32
	name string
}{
	{ntlmNegotiateUnicode, "UNICODE"},
	{ntlmNegotiateNTLM, "NTLM"},
	{ntlmNegotiateSign, "SIGN"},
	{ntlmNegotiateExtendedSecur, "EXTENDED_SESSIONSECURITY"},
	{ntlmNegotiateTargetInfo, "TARGET_INFO"},
	{ntlmNegotiate128, "128"},
	{ntlmNegotiateKeyExch, "KEY_EXCH"},
}

// Message layout (MS-NLMP 2.2.1).
const (
	ntlmSignature           = "NTLMSSP\x00"
	ntlmNegotiateLen        = 40 // header with Version, no payload
	ntlmChallengeMinLen     = 48 // header without Version
	ntlmChallengeVersionLen = 56 // header with Version
	ntlmAuthHeaderLen       = 88 // header with Version and MIC
	ntlmAuthMICOffset       = 72
	ntlmVersionLen          = 8
)

// ntlmVersion is the VERSION structure we send (MS-NLMP 2.2.2.10): 10.0,
// build 0, NTLMSSP_REVISION_W2K3. It is informational only.
var ntlmVersion = [ntlmVersionLen]byte{10, 0, 0, 0, 0, 0, 0, 0x0f}

// AV_PAIR identifiers (MS-NLMP 2.2.2.1).
const (
	avEOL             = 0
	avNbComputerName  = 1
	avNbDomainName    = 2
	avDNSComputerName = 3
	avDNSDomainName   = 4
	avDNSTreeName     = 5
	avFlags           = 6
	avTimestamp       = 7
	avSingleHost      = 8
	avTargetName      = 9
	avChannelBindings = 10
)

// MsvAvFlags bits.
const avFlagMICPresent = 0x00000002

var errNTLMMessage = errors.New("auth: ntlm: malformed message")

// avPair is one AV_PAIR.
type avPair struct {
	id    uint16
	value []byte
}

// ntlmChallenge is a decoded CHALLENGE_MESSAGE. Byte slices alias the
// message.
type ntlmChallenge struct {
	flags           uint32
	serverChallenge [8]byte
	targetName      []byte
	targetInfo      []byte   // raw AV_PAIR list
	pairs           []avPair // parsed targetInfo, without MsvAvEOL
}

// encodeNegotiate returns the NEGOTIATE_MESSAGE (MS-NLMP 2.2.1.1) with no
// domain or workstation supplied.
func encodeNegotiate(flags uint32) []byte {
	m := make([]byte, ntlmNegotiateLen)
	copy(m, ntlmSignature)
	binary.LittleEndian.PutUint32(m[8:], ntlmMessageTypeNegotiate)
	binary.LittleEndian.PutUint32(m[12:], flags)
	// DomainNameFields and WorkstationFields: empty, offset at the payload.
	binary.LittleEndian.PutUint32(m[20:], ntlmNegotiateLen)
	binary.LittleEndian.PutUint32(m[28:], ntlmNegotiateLen)
	copy(m[32:], ntlmVersion[:])
	return m
}

// ntlmField reads the 8-byte Len/MaxLen/Offset descriptor at off and
// returns the bytes it points to. A non-empty field must lie wholly
// within msg and after the fixed header of hdr bytes.
func ntlmField(msg []byte, off, hdr int) ([]byte, error) {
	n := int(binary.LittleEndian.Uint16(msg[off:]))
	start := int64(binary.LittleEndian.Uint32(msg[off+4:]))
	if n == 0 {
		return nil, nil
	}
	if start < int64(hdr) || start+int64(n) > int64(len(msg)) {
		return nil, fmt.Errorf("%w: field at %d (length %d, offset %d) outside the %d-byte payload",
			errNTLMMessage, off, n, start, len(msg))
	}
	return msg[start : start+int64(n)], nil
}

// decodeChallenge parses a CHALLENGE_MESSAGE (MS-NLMP 2.2.1.2), checking
// every length and offset, and parses its TargetInfo AV_PAIR list.
func decodeChallenge(msg []byte) (*ntlmChallenge, error) {
	if len(msg) < ntlmChallengeMinLen {
		return nil, fmt.Errorf("%w: CHALLENGE_MESSAGE of %d bytes", errNTLMMessage, len(msg))
	}
	if string(msg[:8]) != ntlmSignature {
		return nil, fmt.Errorf("%w: bad signature", errNTLMMessage)
	}
	if t := binary.LittleEndian.Uint32(msg[8:]); t != ntlmMessageTypeChallenge {
		return nil, fmt.Errorf("%w: message type %d, want CHALLENGE_MESSAGE", errNTLMMessage, t)
	}
	c := &ntlmChallenge{flags: binary.LittleEndian.Uint32(msg[20:])}
	hdr := ntlmChallengeMinLen
	if c.flags&ntlmNegotiateVersion != 0 {
		hdr = ntlmChallengeVersionLen
		if len(msg) < hdr {
			return nil, fmt.Errorf("%w: CHALLENGE_MESSAGE of %d bytes has no Version", errNTLMMessage, len(msg))
		}
	}
	copy(c.serverChallenge[:], msg[24:32])
	var err error
	if c.targetName, err = ntlmField(msg, 12, hdr); err != nil {
		return nil, fmt.Errorf("%w (TargetName)", err)
	}
	if c.targetInfo, err = ntlmField(msg, 40, hdr); err != nil {
		return nil, fmt.Errorf("%w (TargetInfo)", err)
	}
	if c.targetInfo != nil {
		if c.pairs, err = decodeAVPairs(c.targetInfo); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// decodeAVPairs parses an AV_PAIR list (MS-NLMP 2.2.2.1). The list must
// end with exactly one MsvAvEOL and nothing after it, and no AvId may
// repeat. The returned pairs omit the terminator.
func decodeAVPairs(b []byte) ([]avPair, error) {
	var pairs []avPair
	seen := map[uint16]bool{}
	for off := 0; ; {
		if len(b)-off < 4 {
			return nil, fmt.Errorf("%w: AV_PAIR list not terminated by MsvAvEOL", errNTLMMessage)
		}
		id := binary.LittleEndian.Uint16(b[off:])
		n := int(binary.LittleEndian.Uint16(b[off+2:]))
		off += 4
		if n > len(b)-off {
			return nil, fmt.Errorf("%w: AV_PAIR %d of length %d overruns the list", errNTLMMessage, id, n)
		}
		if id == avEOL {
			if n != 0 || off != len(b) {
				return nil, fmt.Errorf("%w: bytes after MsvAvEOL", errNTLMMessage)
			}
			return pairs, nil
		}
		if seen[id] {
			return nil, fmt.Errorf("%w: AV_PAIR %d repeated", errNTLMMessage, id)
		}
		seen[id] = true
		switch id {
		case avFlags:
			if n != 4 {
				return nil, fmt.Errorf("%w: MsvAvFlags of length %d", errNTLMMessage, n)
			}
		case avTimestamp:
			if n != 8 {
				return nil, fmt.Errorf("%w: MsvAvTimestamp of length %d", errNTLMMessage, n)
			}
		}
		pairs = append(pairs, avPair{id: id, value: b[off : off+n]})
		off += n
	}
}

// encodeAVPairs returns the AV_PAIR list for pairs, terminated by
// MsvAvEOL.
func encodeAVPairs(pairs []avPair) []byte {
	var b []byte
	for _, p := range pairs {
		b = binary.LittleEndian.AppendUint16(b, p.id)
		b = binary.LittleEndian.AppendUint16(b, uint16(len(p.value)))
		b = append(b, p.value...)
	}
	return append(b, 0, 0, 0, 0)
}

// findAV returns the value of the pair with id and whether it is present.
func findAV(pairs []avPair, id uint16) ([]byte, bool) {
	for _, p := range pairs {
		if p.id == id {
			return p.value, true
		}
	}
	return nil, false
}

// ntlmAuthenticate holds the fields of an AUTHENTICATE_MESSAGE
// (MS-NLMP 2.2.1.3) before encoding.
type ntlmAuthenticate struct {
	flags               uint32
	lmResponse          []byte
	ntResponse          []byte
	domain, user, wksta []byte // UTF-16LE
	encryptedSessionKey []byte
}

// encode returns the AUTHENTICATE_MESSAGE with Version and a zero MIC
// field at ntlmAuthMICOffset. The payload order follows Windows: domain,
// user, workstation, LM response, NT response, session key.
func (a *ntlmAuthenticate) encode() ([]byte, error) {
	fields := [][]byte{a.lmResponse, a.ntResponse, a.domain, a.user, a.wksta, a.encryptedSessionKey}
	for _, f := range fields {
		if len(f) > 0xffff {
			return nil, fmt.Errorf("auth: ntlm: AUTHENTICATE_MESSAGE field of %d bytes", len(f))
		}
	}
	m := make([]byte, ntlmAuthHeaderLen)
	copy(m, ntlmSignature)
	binary.LittleEndian.PutUint32(m[8:], ntlmMessageTypeAuthenticate)
	put := func(descOff int, f []byte) {
		binary.LittleEndian.PutUint16(m[descOff:], uint16(len(f)))
		binary.LittleEndian.PutUint16(m[descOff+2:], uint16(len(f)))
		binary.LittleEndian.PutUint32(m[descOff+4:], uint32(len(m)))
		m = append(m, f...)
	}
	put(28, a.domain)
	put(36, a.user)
	put(44, a.wksta)
	put(12, a.lmResponse)
	put(20, a.ntResponse)
	put(52, a.encryptedSessionKey)
	binary.LittleEndian.PutUint32(m[60:], a.flags)
	copy(m[64:], ntlmVersion[:])
	return m, nil
}

// utf16le encodes s as UTF-16LE without a terminator.
func utf16le(s string) []byte {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 2*len(u))
	for i, c := range u {
		binary.LittleEndian.PutUint16(b[2*i:], c)
	}
	return b
}

// missingFlags names the required flags (ntlmFlagNames) absent from have.
func missingFlags(have uint32) []string {
	var names []string
	for _, f := range ntlmFlagNames {
		if have&f.bit == 0 {
			names = append(names, f.name)
		}
	}
	return names
}
