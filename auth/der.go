package auth

import (
	"encoding/asn1"
	"errors"
	"fmt"
)

// This file holds the small, strict DER reader and writer that the SPNEGO
// and GSS-API framing code is built on. encoding/asn1 decodes the leaf
// values (OIDs, ENUMERATED); the structure is walked by hand so that every
// field is checked for order, duplication and trailing bytes, the way
// crypto/tls's handshake_messages.go checks its extensions.

// DER identifier classes (X.690 8.1.2.2).
const (
	classUniversal   = 0
	classApplication = 1
	classContext     = 2
)

// Universal tag numbers used here.
const (
	tagBitString   = 3
	tagOctetString = 4
	tagOID         = 6
	tagEnumerated  = 10
	tagSequence    = 16
	tagGeneralStr  = 27
)

// maxDERLen bounds any single DER length we accept. SPNEGO tokens in SMB2
// SESSION_SETUP fit in a 16-bit security buffer length; Samba limits
// SPNEGO input to 0xFFFF as well. A larger claim is malformed, not big.
const maxDERLen = 1 << 20

var errDER = errors.New("auth: malformed DER")

// derElem is one decoded TLV.
type derElem struct {
	class       int
	constructed bool
	tag         int
	content     []byte // the value bytes
	full        []byte // identifier, length and value
}

// is reports whether e has the given class, form and tag.
func (e derElem) is(class int, constructed bool, tag int) bool {
	return e.class == class && e.constructed == constructed && e.tag == tag
}

// readDER decodes the TLV at the start of b and returns it with the bytes
// after it. Only the definite, minimal length forms are accepted, and only
// low tag numbers (< 31); nothing SPNEGO, GSS-API or Kerberos framing uses
// needs more.
func readDER(b []byte) (derElem, []byte, error) {
	var e derElem
	if len(b) < 2 {
		return e, nil, fmt.Errorf("%w: truncated header", errDER)
	}
	id := b[0]
	e.class = int(id >> 6)
	e.constructed = id&0x20 != 0
	e.tag = int(id & 0x1f)
	if e.tag == 0x1f {
		return e, nil, fmt.Errorf("%w: high tag number form", errDER)
	}
	n := int(b[1])
	off := 2
	switch {
	case n < 0x80:
		// short form
	case n == 0x80:
		return e, nil, fmt.Errorf("%w: indefinite length", errDER)
	default:
		k := n & 0x7f
		if k > 3 {
			return e, nil, fmt.Errorf("%w: length of %d bytes", errDER, k)
		}
		if len(b) < 2+k {
			return e, nil, fmt.Errorf("%w: truncated length", errDER)
		}
		if b[2] == 0 {
			return e, nil, fmt.Errorf("%w: non-minimal length", errDER)
		}
		n = 0
		for i := 0; i < k; i++ {
			n = n<<8 | int(b[2+i])
		}
		if n < 0x80 {
			return e, nil, fmt.Errorf("%w: non-minimal length", errDER)
		}
		off = 2 + k
	}
	if n > maxDERLen {
		return e, nil, fmt.Errorf("%w: length %d too large", errDER, n)
	}
	if n > len(b)-off {
		return e, nil, fmt.Errorf("%w: length %d overruns %d bytes", errDER, n, len(b)-off)
	}
	e.content = b[off : off+n]
	e.full = b[:off+n]
	return e, b[off+n:], nil
}

// readOnlyDER decodes b as exactly one TLV with nothing after it.
func readOnlyDER(b []byte) (derElem, error) {
	e, rest, err := readDER(b)
	if err != nil {
		return e, err
	}
	if len(rest) != 0 {
		return e, fmt.Errorf("%w: %d trailing bytes", errDER, len(rest))
	}
	return e, nil
}

// readExplicit decodes b as exactly one element of the expected universal
// type (the content of an EXPLICIT context tag).
func readExplicit(b []byte, tag int, constructed bool) (derElem, error) {
	e, err := readOnlyDER(b)
	if err != nil {
		return e, err
	}
	if !e.is(classUniversal, constructed, tag) {
		return e, fmt.Errorf("%w: expected universal tag %d, got class %d tag %d", errDER, tag, e.class, e.tag)
	}
	return e, nil
}

// parseOID decodes one complete OBJECT IDENTIFIER TLV.
func parseOID(full []byte) (asn1.ObjectIdentifier, error) {
	var oid asn1.ObjectIdentifier
	rest, err := asn1.Unmarshal(full, &oid)
	if err != nil {
		return nil, fmt.Errorf("%w: object identifier: %v", errDER, err)
	}
	if len(rest) != 0 {
		return nil, fmt.Errorf("%w: trailing bytes after object identifier", errDER)
	}
	return oid, nil
}

// appendDER appends the TLV with identifier byte id and the given content.
func appendDER(dst []byte, id byte, content []byte) []byte {
	dst = append(dst, id)
	n := len(content)
	switch {
	case n < 0x80:
		dst = append(dst, byte(n))
	case n < 0x100:
		dst = append(dst, 0x81, byte(n))
	case n < 0x10000:
		dst = append(dst, 0x82, byte(n>>8), byte(n))
	default:
		dst = append(dst, 0x83, byte(n>>16), byte(n>>8), byte(n))
	}
	return append(dst, content...)
}

// Identifier bytes for the forms we write.
const (
	idSequence    = 0x30
	idOctetString = 0x04
	idEnumerated  = 0x0a
	idGSSToken    = 0x60 // [APPLICATION 0] constructed
)

// idContext returns the identifier byte of a constructed [n] tag.
func idContext(n int) byte { return 0xa0 | byte(n) }

// mustMarshalOID encodes an OID; the OIDs we encode are compile-time
// constants or were decoded from DER, so failure is a programming error.
func mustMarshalOID(oid asn1.ObjectIdentifier) []byte {
	b, err := asn1.Marshal(oid)
	if err != nil {
		panic("auth: cannot encode OID " + oid.String() + ": " + err.Error())
	}
	return b
}
