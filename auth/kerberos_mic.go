package auth

import (
	"crypto/hmac"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/jcmturner/gokrb5/v8/crypto"
	"github.com/jcmturner/gokrb5/v8/iana/keyusage"
)

// RFC 4121 4.2.6.1 MIC tokens:
//
//	0..1   TOK_ID   04 04
//	2      Flags    SentByAcceptor 0x01, Sealed 0x02, AcceptorSubkey 0x04
//	3..7   Filler   FF FF FF FF FF
//	8..15  SND_SEQ  big-endian
//	16..   SGN_CKSUM  checksum(key, usage, message || bytes 0..15)
//
// The key is the acceptor subkey when the AP-REP carried one (and then
// AcceptorSubkey is set in both directions), else our subkey. Usages: 25
// (KG-USAGE-INITIATOR-SIGN) for ours, 23 (KG-USAGE-ACCEPTOR-SIGN) for the
// server's (RFC 4121 2).

const (
	micHeaderLen           = 16
	micFlagSentByAcceptor  = 0x01
	micFlagSealed          = 0x02
	micFlagAcceptorSubkey  = 0x04
	micFlagsKnown          = micFlagSentByAcceptor | micFlagSealed | micFlagAcceptorSubkey
	micTokID0, micTokID1   = 0x04, 0x04
	micFillerByte          = 0xff
	micFillerStart, micEnd = 3, 8
)

// micHeader returns the 16-byte MIC token header.
func micHeader(flags byte, seq uint64) []byte {
	h := make([]byte, micHeaderLen)
	h[0], h[1], h[2] = micTokID0, micTokID1, flags
	for i := micFillerStart; i < micEnd; i++ {
		h[i] = micFillerByte
	}
	binary.BigEndian.PutUint64(h[8:], seq)
	return h
}

// micChecksum computes SGN_CKSUM over msg || header with the context key.
func (k *kerberosMech) micChecksum(msg, header []byte, usage uint32) ([]byte, error) {
	key := k.contextKey()
	et, err := crypto.GetEtype(key.KeyType)
	if err != nil {
		return nil, fmt.Errorf("auth: kerberos: MIC: %w", err)
	}
	data := make([]byte, 0, len(msg)+len(header))
	data = append(append(data, msg...), header...)
	sum, err := et.GetChecksumHash(key.KeyValue, data, usage)
	if err != nil {
		return nil, fmt.Errorf("auth: kerberos: MIC: %w", err)
	}
	return sum, nil
}

// micFlags returns the flags for a token sent by us (acceptor=false) or
// the server (acceptor=true).
func (k *kerberosMech) micFlags(acceptor bool) byte {
	var f byte
	if acceptor {
		f |= micFlagSentByAcceptor
	}
	if k.acceptorSubkey.KeyValue != nil {
		f |= micFlagAcceptorSubkey
	}
	return f
}

// GetMIC returns an RFC 4121 MIC token over msg with our next sequence
// number.
func (k *kerberosMech) GetMIC(msg []byte) ([]byte, error) {
	if k.state != krbComplete {
		return nil, errKrbState
	}
	h := micHeader(k.micFlags(false), k.sendSeq)
	sum, err := k.micChecksum(msg, h, keyusage.GSSAPI_INITIATOR_SIGN)
	if err != nil {
		return nil, err
	}
	k.sendSeq++
	return append(h, sum...), nil
}

// VerifyMIC checks the server's RFC 4121 MIC token over msg: token id,
// flags (sent by the acceptor, not sealed, AcceptorSubkey exactly when the
// AP-REP carried a subkey), filler, the expected sequence number and the
// checksum, compared in constant time.
func (k *kerberosMech) VerifyMIC(msg, mic []byte) error {
	if k.state != krbComplete {
		return errKrbState
	}
	key := k.contextKey()
	et, err := crypto.GetEtype(key.KeyType)
	if err != nil {
		return fmt.Errorf("auth: kerberos: MIC: %w", err)
	}
	if want := micHeaderLen + et.GetHMACBitLength()/8; len(mic) != want {
		return fmt.Errorf("auth: kerberos: MIC token of %d bytes, want %d", len(mic), want)
	}
	if mic[0] != micTokID0 || mic[1] != micTokID1 {
		return fmt.Errorf("auth: kerberos: MIC token id 0x%02x%02x", mic[0], mic[1])
	}
	if f := mic[2]; f != k.micFlags(true) {
		return fmt.Errorf("auth: kerberos: MIC token flags 0x%02x, want 0x%02x", f, k.micFlags(true))
	}
	for i := micFillerStart; i < micEnd; i++ {
		if mic[i] != micFillerByte {
			return errors.New("auth: kerberos: MIC token filler is not FF")
		}
	}
	if seq := binary.BigEndian.Uint64(mic[8:]); seq != k.recvSeq {
		return fmt.Errorf("auth: kerberos: MIC token sequence number %d, want %d", seq, k.recvSeq)
	}
	sum, err := k.micChecksum(msg, mic[:micHeaderLen], keyusage.GSSAPI_ACCEPTOR_SIGN)
	if err != nil {
		return err
	}
	if !hmac.Equal(sum, mic[micHeaderLen:]) {
		return errors.New("auth: kerberos: MIC token checksum does not verify")
	}
	k.recvSeq++
	return nil
}
