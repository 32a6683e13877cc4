package auth

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/rc4"
	"encoding/binary"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/crypto/md4"
)

// NTLMv2 key and response computation, MS-NLMP 3.3.2 and 3.4.
// MD4, MD5, HMAC-MD5 and RC4 are what the protocol prescribes; nothing
// here is a choice.

// ntowfv1 returns MD4(UNICODE(password)), the NT hash (MS-NLMP 3.3.1).
func ntowfv1(password []byte) [16]byte {
	u := utf16lePassword(password)
	h := md4.New()
	h.Write(u)
	clear(u)
	var out [16]byte
	h.Sum(out[:0])
	return out
}

// utf16lePassword encodes UTF-8 password bytes as UTF-16LE without making
// an immutable (unwipeable) string copy. The caller clears the result.
func utf16lePassword(password []byte) []byte {
	out := make([]byte, 0, 2*len(password))
	var u []uint16
	for p := password; len(p) > 0; {
		r, n := utf8.DecodeRune(p)
		p = p[n:]
		u = utf16.AppendRune(u[:0], r)
		for _, c := range u {
			out = binary.LittleEndian.AppendUint16(out, c)
		}
	}
	return out
}

// ntowfv2 returns HMAC_MD5(NTOWFv1(password), UNICODE(Uppercase(user) +
// domain)), MS-NLMP 3.3.2. It is both ResponseKeyNT and ResponseKeyLM.
func ntowfv2(password []byte, user, domain string) [16]byte {
	nt := ntowfv1(password)
	m := hmac.New(md5.New, nt[:])
	clear(nt[:])
	m.Write(utf16le(strings.ToUpper(user) + domain))
	var out [16]byte
	m.Sum(out[:0])
	return out
}

// ntlmv2Temp returns the NTLMv2_CLIENT_CHALLENGE "temp" of MS-NLMP 3.3.2:
// Responserversion, HiResponserversion, Z(6), Time, ClientChallenge, Z(4),
// ServerName (the AV_PAIR list), Z(4).
func ntlmv2Temp(timestamp uint64, clientChallenge [8]byte, avPairs []byte) []byte {
	t := make([]byte, 0, 28+len(avPairs)+4)
	t = append(t, 1, 1, 0, 0, 0, 0, 0, 0)
	t = binary.LittleEndian.AppendUint64(t, timestamp)
	t = append(t, clientChallenge[:]...)
	t = append(t, 0, 0, 0, 0)
	t = append(t, avPairs...)
	return append(t, 0, 0, 0, 0)
}

// ntlmv2Response computes NTProofStr = HMAC_MD5(ResponseKeyNT,
// ServerChallenge + temp), the NtChallengeResponse NTProofStr + temp, and
// SessionBaseKey = HMAC_MD5(ResponseKeyNT, NTProofStr) (MS-NLMP 3.3.2).
func ntlmv2Response(responseKey [16]byte, serverChallenge [8]byte, temp []byte) (ntProof [16]byte, ntResponse []byte, sessionBaseKey [16]byte) {
	m := hmac.New(md5.New, responseKey[:])
	m.Write(serverChallenge[:])
	m.Write(temp)
	m.Sum(ntProof[:0])
	ntResponse = append(append(make([]byte, 0, 16+len(temp)), ntProof[:]...), temp...)
	m = hmac.New(md5.New, responseKey[:])
	m.Write(ntProof[:])
	m.Sum(sessionBaseKey[:0])
	return ntProof, ntResponse, sessionBaseKey
}

// lmv2Response computes the LMv2 LmChallengeResponse, HMAC_MD5(
// ResponseKeyLM, ServerChallenge + ClientChallenge) + ClientChallenge.
func lmv2Response(responseKey [16]byte, serverChallenge, clientChallenge [8]byte) []byte {
	m := hmac.New(md5.New, responseKey[:])
	m.Write(serverChallenge[:])
	m.Write(clientChallenge[:])
	return append(m.Sum(nil), clientChallenge[:]...)
}

// rc4k returns RC4K(key, data) (MS-NLMP 6): a fresh RC4 keystream.
func rc4k(key, data []byte) []byte {
	c, err := rc4.NewCipher(key)
	if err != nil {
		panic("auth: ntlm: rc4: " + err.Error()) // keys here are 16 bytes
	}
	out := make([]byte, len(data))
	c.XORKeyStream(out, data)
	c.Reset()
	return out
}

// Magic constants of MS-NLMP 3.4.5.2 and 3.4.5.3, each with its NUL.
const (
	clientSignMagic = "session key to client-to-server signing key magic constant\x00"
	serverSignMagic = "session key to server-to-client signing key magic constant\x00"
	clientSealMagic = "session key to client-to-server sealing key magic constant\x00"
	serverSealMagic = "session key to server-to-client sealing key magic constant\x00"
)

// ntlmSignKey is SIGNKEY with extended session security (MS-NLMP 3.4.5.2).
func ntlmSignKey(exportedSessionKey []byte, magic string) [16]byte {
	h := md5.New()
	h.Write(exportedSessionKey)
	h.Write([]byte(magic))
	var out [16]byte
	h.Sum(out[:0])
	return out
}

// ntlmSealKey is SEALKEY with extended session security and
// NTLMSSP_NEGOTIATE_128 (MS-NLMP 3.4.5.3); we require 128-bit keys.
func ntlmSealKey(exportedSessionKey []byte, magic string) [16]byte {
	return ntlmSignKey(exportedSessionKey, magic)
}

// ntlmSigLen is the size of an NTLMSSP_MESSAGE_SIGNATURE (MS-NLMP 2.2.2.9.1).
const ntlmSigLen = 16

// ntlmMAC computes the NTLMSSP_MESSAGE_SIGNATURE of MS-NLMP 3.4.4.2 with
// extended session security and key exchange: Version 1, Checksum =
// RC4(handle, HMAC_MD5(signKey, SeqNum + msg)[0..7]), SeqNum. It advances
// the RC4 handle by eight bytes.
func ntlmMAC(handle *rc4.Cipher, signKey [16]byte, seq uint32, msg []byte) [ntlmSigLen]byte {
	var seqb [4]byte
	binary.LittleEndian.PutUint32(seqb[:], seq)
	m := hmac.New(md5.New, signKey[:])
	m.Write(seqb[:])
	m.Write(msg)
	sum := m.Sum(nil)
	var sig [ntlmSigLen]byte
	binary.LittleEndian.PutUint32(sig[0:], 1)
	handle.XORKeyStream(sig[4:12], sum[:8])
	copy(sig[12:], seqb[:])
	return sig
}
