package auth

import (
	"context"
	"encoding/asn1"
	"errors"
	"fmt"
	"time"

	"github.com/jcmturner/gokrb5/v8/crypto"
	"github.com/jcmturner/gokrb5/v8/iana/errorcode"
	"github.com/jcmturner/gokrb5/v8/iana/keyusage"
	"github.com/jcmturner/gokrb5/v8/iana/msgtype"
	"github.com/jcmturner/gokrb5/v8/messages"
	"github.com/jcmturner/gokrb5/v8/types"
)

// Kerberos ASN.1 application tags (RFC 4120 5.10).
const (
	appTagAPRep        = 15
	appTagEncAPRepPart = 27
	appTagKRBError     = 30
)

// asn1 universal tags not in der.go.
const (
	tagInteger         = 2
	tagGeneralizedTime = 24
)

// Step consumes the acceptor's GSS token: an AP-REP completes the context
// once verified; a KRB-ERROR or anything else fails it. Every failure
// wraps ErrMutualAuthFailed.
func (k *kerberosMech) Step(ctx context.Context, in []byte) ([]byte, bool, error) {
	if k.state != krbAPReqSent {
		return nil, false, errKrbState
	}
	k.state = krbFailed
	if err := k.step(in); err != nil {
		return nil, false, fmt.Errorf("%w: kerberos: %w", ErrMutualAuthFailed, err)
	}
	k.state = krbComplete
	return nil, true, nil
}

func (k *kerberosMech) step(in []byte) error {
	oid, inner, err := unwrapGSS(in)
	if err != nil {
		return err
	}
	if !sameMech(oid, oidKRB5) {
		return fmt.Errorf("reply token is for mechanism %s", mechName(oid))
	}
	if len(inner) < 2 {
		return errors.New("reply token has no token id")
	}
	body := inner[2:]
	switch [2]byte(inner[:2]) {
	case tokIDAPRep:
		return k.verifyAPRep(body)
	case tokIDKRBError:
		return krbErrorDetail(body)
	}
	return fmt.Errorf("reply token id 0x%02x%02x is not an AP-REP", inner[0], inner[1])
}

// verifyAPRep implements the client side of RFC 4120 3.2.5 and RFC 4121
// 4.1: decrypt EncAPRepPart with the ticket session key (key usage 12),
// require the ctime and cusec of our authenticator, and take the acceptor
// subkey and sequence number.
func (k *kerberosMech) verifyAPRep(b []byte) error {
	rep, err := decodeAPRep(b)
	if err != nil {
		return err
	}
	plain, err := krbDecrypt(k.sessionKey, rep.etype, rep.cipher, keyusage.AP_REP_ENCPART)
	if err != nil {
		return fmt.Errorf("AP-REP: %w", err)
	}
	defer clear(plain)
	part, err := decodeEncAPRepPart(plain)
	if err != nil {
		return err
	}
	if !part.ctime.Equal(k.ctime) || part.cusec != k.cusec {
		return fmt.Errorf("AP-REP timestamp %s.%06d does not echo our authenticator's %s.%06d",
			part.ctime.Format(time.RFC3339), part.cusec, k.ctime.Format(time.RFC3339), k.cusec)
	}
	if part.subkey.KeyValue != nil {
		if !isStrongEnctype(part.subkey.KeyType) {
			clear(part.subkey.KeyValue)
			return fmt.Errorf("AP-REP subkey is %s; only AES is accepted", enctypeName(part.subkey.KeyType))
		}
		size, err := keySize(part.subkey.KeyType)
		if err != nil || len(part.subkey.KeyValue) != size {
			clear(part.subkey.KeyValue)
			return fmt.Errorf("AP-REP subkey of %d bytes for %s", len(part.subkey.KeyValue), enctypeName(part.subkey.KeyType))
		}
		k.acceptorSubkey = part.subkey
	}
	k.recvSeq = uint64(part.seq) // 0 when absent, as MIT and Heimdal assume
	return nil
}

// apRep is the outer AP-REP: the encrypted part's enctype and ciphertext.
type apRep struct {
	etype  int32
	cipher []byte
}

// encAPRepPart is a decrypted EncAPRepPart.
type encAPRepPart struct {
	ctime  time.Time
	cusec  int
	subkey types.EncryptionKey // KeyValue nil when absent
	seq    uint32
	hasSeq bool
}

// ctxFields walks the body of a SEQUENCE whose fields are EXPLICIT context
// tags [0]..[len(fields)-1], in ascending order, none repeated and none
// unknown, and stores each field's inner TLV in fields (nil when absent).
func ctxFields(body []byte, fields [][]byte) error {
	last := -1
	for rest := body; len(rest) > 0; {
		f, r, err := readDER(rest)
		if err != nil {
			return err
		}
		rest = r
		if f.class != classContext || !f.constructed {
			return fmt.Errorf("%w: field is not a context tag", errDER)
		}
		if f.tag <= last || f.tag >= len(fields) {
			return fmt.Errorf("%w: field [%d] repeated, out of order or unknown", errDER, f.tag)
		}
		last = f.tag
		if _, err := readOnlyDER(f.content); err != nil {
			return err
		}
		fields[f.tag] = f.content
	}
	return nil
}

// krbSequence unwraps [APPLICATION tag] SEQUENCE { ... } from exactly b and
// walks its fields.
func krbSequence(b []byte, appTag int, fields [][]byte) error {
	app, err := readOnlyDER(b)
	if err != nil {
		return err
	}
	if !app.is(classApplication, true, appTag) {
		return fmt.Errorf("%w: not [APPLICATION %d]", errDER, appTag)
	}
	seq, err := readExplicit(app.content, tagSequence, true)
	if err != nil {
		return err
	}
	return ctxFields(seq.content, fields)
}

// derInt decodes a complete INTEGER TLV into an int64.
func derInt(b []byte) (int64, error) {
	if _, err := readExplicit(b, tagInteger, false); err != nil {
		return 0, err
	}
	var v int64
	if _, err := asn1.Unmarshal(b, &v); err != nil {
		return 0, fmt.Errorf("%w: %w", errDER, err)
	}
	return v, nil
}

// decodeAPRep parses KRB-AP-REP (RFC 4120 5.5.2):
//
//	AP-REP ::= [APPLICATION 15] SEQUENCE {
//	    pvno [0] INTEGER (5), msg-type [1] INTEGER (15),
//	    enc-part [2] EncryptedData -- EncAPRepPart }
func decodeAPRep(b []byte) (*apRep, error) {
	f := make([][]byte, 3)
	if err := krbSequence(b, appTagAPRep, f); err != nil {
		return nil, fmt.Errorf("AP-REP: %w", err)
	}
	if f[0] == nil || f[1] == nil || f[2] == nil {
		return nil, errors.New("AP-REP: missing field")
	}
	if v, err := derInt(f[0]); err != nil || v != 5 {
		return nil, fmt.Errorf("AP-REP: pvno is not 5 (%w)", err)
	}
	if v, err := derInt(f[1]); err != nil || v != msgtype.KRB_AP_REP {
		return nil, fmt.Errorf("AP-REP: msg-type is not %d (%w)", msgtype.KRB_AP_REP, err)
	}
	// EncryptedData ::= SEQUENCE { etype [0] Int32, kvno [1] UInt32
	//     OPTIONAL, cipher [2] OCTET STRING }
	seq, err := readExplicit(f[2], tagSequence, true)
	if err != nil {
		return nil, fmt.Errorf("AP-REP enc-part: %w", err)
	}
	ed := make([][]byte, 3)
	if err := ctxFields(seq.content, ed); err != nil {
		return nil, fmt.Errorf("AP-REP enc-part: %w", err)
	}
	if ed[0] == nil || ed[2] == nil {
		return nil, errors.New("AP-REP enc-part: missing field")
	}
	etype, err := derInt(ed[0])
	if err != nil || etype != int64(int32(etype)) {
		return nil, fmt.Errorf("AP-REP enc-part: bad etype (%w)", err)
	}
	if ed[1] != nil {
		if _, err := derInt(ed[1]); err != nil {
			return nil, fmt.Errorf("AP-REP enc-part: kvno: %w", err)
		}
	}
	c, err := readExplicit(ed[2], tagOctetString, false)
	if err != nil {
		return nil, fmt.Errorf("AP-REP enc-part: cipher: %w", err)
	}
	return &apRep{etype: int32(etype), cipher: c.content}, nil
}

// decodeEncAPRepPart parses (RFC 4120 5.5.2):
//
//	EncAPRepPart ::= [APPLICATION 27] SEQUENCE {
//	    ctime [0] KerberosTime, cusec [1] Microseconds,
//	    subkey [2] EncryptionKey OPTIONAL, seq-number [3] UInt32 OPTIONAL }
func decodeEncAPRepPart(b []byte) (*encAPRepPart, error) {
	f := make([][]byte, 4)
	if err := krbSequence(b, appTagEncAPRepPart, f); err != nil {
		return nil, fmt.Errorf("EncAPRepPart: %w", err)
	}
	if f[0] == nil || f[1] == nil {
		return nil, errors.New("EncAPRepPart: missing ctime or cusec")
	}
	p := &encAPRepPart{}
	if _, err := readExplicit(f[0], tagGeneralizedTime, false); err != nil {
		return nil, fmt.Errorf("EncAPRepPart: ctime: %w", err)
	}
	if _, err := asn1.Unmarshal(f[0], &p.ctime); err != nil {
		return nil, fmt.Errorf("EncAPRepPart: ctime: %w", err)
	}
	cusec, err := derInt(f[1])
	if err != nil || cusec < 0 || cusec > 999999 {
		return nil, fmt.Errorf("EncAPRepPart: bad cusec (%w)", err)
	}
	p.cusec = int(cusec)
	if f[2] != nil {
		// EncryptionKey ::= SEQUENCE { keytype [0] Int32, keyvalue [1] OCTET STRING }
		seq, err := readExplicit(f[2], tagSequence, true)
		if err != nil {
			return nil, fmt.Errorf("EncAPRepPart: subkey: %w", err)
		}
		kf := make([][]byte, 2)
		if err := ctxFields(seq.content, kf); err != nil {
			return nil, fmt.Errorf("EncAPRepPart: subkey: %w", err)
		}
		if kf[0] == nil || kf[1] == nil {
			return nil, errors.New("EncAPRepPart: subkey: missing field")
		}
		kt, err := derInt(kf[0])
		if err != nil || kt != int64(int32(kt)) {
			return nil, fmt.Errorf("EncAPRepPart: subkey type (%w)", err)
		}
		kv, err := readExplicit(kf[1], tagOctetString, false)
		if err != nil {
			return nil, fmt.Errorf("EncAPRepPart: subkey value: %w", err)
		}
		p.subkey = types.EncryptionKey{KeyType: int32(kt), KeyValue: append([]byte(nil), kv.content...)}
	}
	if f[3] != nil {
		v, err := derInt(f[3])
		// UInt32, though some implementations encode it as a signed Int32.
		if err != nil || v < -1<<31 || v > 1<<32-1 {
			return nil, fmt.Errorf("EncAPRepPart: bad seq-number (%w)", err)
		}
		p.seq, p.hasSeq = uint32(v), true
	}
	return p, nil
}

// krbDecrypt decrypts an EncryptedData body with key. The enctype must be
// the key's, and the ciphertext long enough for the confounder and
// checksum: gokrb5 slices without checking and would panic. A recover
// guards against any other such slip in gokrb5.
func krbDecrypt(key types.EncryptionKey, etype int32, cipher []byte, usage uint32) (plain []byte, err error) {
	if etype != key.KeyType {
		return nil, fmt.Errorf("encrypted with %s, but the key is %s", enctypeName(etype), enctypeName(key.KeyType))
	}
	et, err := crypto.GetEtype(etype)
	if err != nil {
		return nil, fmt.Errorf("decrypt: %w", err)
	}
	if min := et.GetConfounderByteSize() + et.GetHMACBitLength()/8; len(cipher) < min {
		return nil, fmt.Errorf("ciphertext of %d bytes, shorter than %d", len(cipher), min)
	}
	defer func() {
		if r := recover(); r != nil {
			plain, err = nil, fmt.Errorf("decrypt: gokrb5 panicked: %v", r)
		}
	}()
	plain, err = et.DecryptMessage(key.KeyValue, cipher, usage)
	if err != nil {
		return nil, fmt.Errorf("decrypt: %w", err)
	}
	return plain, nil
}

// krbErrorDetail turns a KRB-ERROR body into an error naming its code.
func krbErrorDetail(b []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("server sent an unparseable KRB-ERROR")
		}
	}()
	var ke messages.KRBError
	if uerr := ke.Unmarshal(b); uerr != nil {
		return fmt.Errorf("server sent an unparseable KRB-ERROR: %w", uerr)
	}
	msg := fmt.Sprintf("server returned KRB-ERROR %s", errorcode.Lookup(ke.ErrorCode))
	if ke.EText != "" {
		t := ke.EText
		if len(t) > 200 {
			t = t[:200]
		}
		msg += fmt.Sprintf(" (%q)", t)
	}
	return errors.New(msg)
}
