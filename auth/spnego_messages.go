package auth

import (
	"encoding/asn1"
	"fmt"
)

// SPNEGO wire messages: RFC 4178 section 4.2 and MS-SPNG 2.2.
//
//	NegotiationToken ::= CHOICE {
//	    negTokenInit    [0] NegTokenInit,   -- or MS-SPNG NegTokenInit2
//	    negTokenResp    [1] NegTokenResp }
//
//	NegTokenInit ::= SEQUENCE {
//	    mechTypes       [0] MechTypeList,
//	    reqFlags        [1] ContextFlags  OPTIONAL,
//	    mechToken       [2] OCTET STRING  OPTIONAL,
//	    mechListMIC     [3] OCTET STRING  OPTIONAL }
//
//	NegTokenInit2 ::= SEQUENCE {          -- MS-SPNG 2.2.1
//	    mechTypes       [0] MechTypeList  OPTIONAL,
//	    reqFlags        [1] ContextFlags  OPTIONAL,
//	    mechToken       [2] OCTET STRING  OPTIONAL,
//	    negHints        [3] NegHints      OPTIONAL,
//	    mechListMIC     [4] OCTET STRING  OPTIONAL }
//	NegHints ::= SEQUENCE {
//	    hintName        [0] GeneralString OPTIONAL,
//	    hintAddress     [1] OCTET STRING  OPTIONAL }
//
//	NegTokenResp ::= SEQUENCE {
//	    negState        [0] ENUMERATED { accept-completed(0),
//	                        accept-incomplete(1), reject(2), request-mic(3) } OPTIONAL,
//	    supportedMech   [1] MechType      OPTIONAL,
//	    responseToken   [2] OCTET STRING  OPTIONAL,
//	    mechListMIC     [3] OCTET STRING  OPTIONAL }

// negState values (RFC 4178 section 4.2.2); negStateAbsent marks a
// NegTokenResp without the field.
const (
	negStateAbsent           = -1
	negStateAcceptCompleted  = 0
	negStateAcceptIncomplete = 1
	negStateReject           = 2
	negStateRequestMIC       = 3
)

// negStateName names a negState for errors.
func negStateName(s int) string {
	switch s {
	case negStateAbsent:
		return "absent"
	case negStateAcceptCompleted:
		return "accept-completed"
	case negStateAcceptIncomplete:
		return "accept-incomplete"
	case negStateReject:
		return "reject"
	case negStateRequestMIC:
		return "request-mic"
	}
	return fmt.Sprintf("unknown(%d)", s)
}

// negTokenInit is a decoded NegTokenInit or NegTokenInit2.
type negTokenInit struct {
	MechTypes    []asn1.ObjectIdentifier
	mechTypesDER []byte // the MechTypeList exactly as encoded
	MechToken    []byte // nil when absent
	MechListMIC  []byte // nil when absent
	HasNegHints  bool   // a NegTokenInit2 negHints field was present
}

// negTokenResp is a decoded NegTokenResp. Absent OCTET STRINGs are nil and
// an absent supportedMech is a nil OID.
type negTokenResp struct {
	NegState      int
	SupportedMech asn1.ObjectIdentifier
	ResponseToken []byte
	MechListMIC   []byte
}

// encodeMechTypeList returns the DER MechTypeList (SEQUENCE OF MechType).
// RFC 4178 section 5 computes the mechListMIC over exactly these bytes.
func encodeMechTypeList(oids []asn1.ObjectIdentifier) []byte {
	var body []byte
	for _, o := range oids {
		body = append(body, mustMarshalOID(o)...)
	}
	return appendDER(nil, idSequence, body)
}

// decodeMechTypeList parses a complete MechTypeList. An empty list is
// rejected: RFC 4178 requires at least one mechanism.
func decodeMechTypeList(b []byte) ([]asn1.ObjectIdentifier, error) {
	seq, err := readExplicit(b, tagSequence, true)
	if err != nil {
		return nil, fmt.Errorf("mechTypes: %w", err)
	}
	var oids []asn1.ObjectIdentifier
	rest := seq.content
	for len(rest) > 0 {
		var e derElem
		e, rest, err = readDER(rest)
		if err != nil {
			return nil, fmt.Errorf("mechTypes: %w", err)
		}
		if !e.is(classUniversal, false, tagOID) {
			return nil, fmt.Errorf("mechTypes: %w: element is not an OID", errDER)
		}
		oid, err := parseOID(e.full)
		if err != nil {
			return nil, fmt.Errorf("mechTypes: %w", err)
		}
		oids = append(oids, oid)
	}
	if len(oids) == 0 {
		return nil, fmt.Errorf("mechTypes: %w: empty list", errDER)
	}
	return oids, nil
}

// encodeNegTokenInit returns the bare [0] NegTokenInit carrying the given
// MechTypeList and optimistic mechanism token (omitted when empty). It is
// not GSS-wrapped; see wrapGSS.
func encodeNegTokenInit(mechTypesDER, mechToken []byte) []byte {
	body := appendDER(nil, idContext(0), mechTypesDER)
	if len(mechToken) > 0 {
		body = appendDER(body, idContext(2), appendDER(nil, idOctetString, mechToken))
	}
	return appendDER(nil, idContext(0), appendDER(nil, idSequence, body))
}

// decodeNegTokenInit parses a bare [0] NegTokenInit or MS-SPNG
// NegTokenInit2 (the GSS wrapper already removed). Fields must appear at
// most once, in ascending tag order, with nothing unknown and nothing
// trailing. Context tag [3] is a NegHints SEQUENCE in NegTokenInit2 and an
// OCTET STRING mechListMIC in RFC 4178's NegTokenInit; both are accepted.
func decodeNegTokenInit(b []byte) (*negTokenInit, error) {
	outer, err := readOnlyDER(b)
	if err != nil {
		return nil, fmt.Errorf("auth: spnego: NegTokenInit: %w", err)
	}
	if !outer.is(classContext, true, 0) {
		return nil, fmt.Errorf("auth: spnego: %w: not a NegTokenInit (identifier 0x%02x)", errDER, b[0])
	}
	seq, err := readExplicit(outer.content, tagSequence, true)
	if err != nil {
		return nil, fmt.Errorf("auth: spnego: NegTokenInit: %w", err)
	}
	t := &negTokenInit{}
	last := -1
	rest := seq.content
	for len(rest) > 0 {
		var f derElem
		f, rest, err = readDER(rest)
		if err != nil {
			return nil, fmt.Errorf("auth: spnego: NegTokenInit: %w", err)
		}
		if f.class != classContext || !f.constructed {
			return nil, fmt.Errorf("auth: spnego: NegTokenInit: %w: field is not a context tag", errDER)
		}
		if f.tag <= last {
			return nil, fmt.Errorf("auth: spnego: NegTokenInit: %w: field [%d] repeated or out of order", errDER, f.tag)
		}
		last = f.tag
		switch f.tag {
		case 0:
			t.MechTypes, err = decodeMechTypeList(f.content)
			if err != nil {
				return nil, fmt.Errorf("auth: spnego: NegTokenInit: %w", err)
			}
			t.mechTypesDER = f.content
		case 1:
			if _, err := readExplicit(f.content, tagBitString, false); err != nil {
				return nil, fmt.Errorf("auth: spnego: NegTokenInit: reqFlags: %w", err)
			}
		case 2:
			os, err := readExplicit(f.content, tagOctetString, false)
			if err != nil {
				return nil, fmt.Errorf("auth: spnego: NegTokenInit: mechToken: %w", err)
			}
			t.MechToken = os.content
		case 3:
			e, err := readOnlyDER(f.content)
			if err != nil {
				return nil, fmt.Errorf("auth: spnego: NegTokenInit: field [3]: %w", err)
			}
			switch {
			case e.is(classUniversal, true, tagSequence):
				if err := checkNegHints(e.content); err != nil {
					return nil, fmt.Errorf("auth: spnego: NegTokenInit2: negHints: %w", err)
				}
				t.HasNegHints = true
			case e.is(classUniversal, false, tagOctetString):
				t.MechListMIC = e.content
			default:
				return nil, fmt.Errorf("auth: spnego: NegTokenInit: %w: field [3] is neither NegHints nor mechListMIC", errDER)
			}
		case 4:
			if !t.HasNegHints && t.MechListMIC != nil {
				return nil, fmt.Errorf("auth: spnego: NegTokenInit: %w: two mechListMIC fields", errDER)
			}
			os, err := readExplicit(f.content, tagOctetString, false)
			if err != nil {
				return nil, fmt.Errorf("auth: spnego: NegTokenInit2: mechListMIC: %w", err)
			}
			t.MechListMIC = os.content
		default:
			return nil, fmt.Errorf("auth: spnego: NegTokenInit: %w: unknown field [%d]", errDER, f.tag)
		}
	}
	return t, nil
}

// checkNegHints validates the content of a NegHints SEQUENCE. The hint
// values are deliberately unused (Samba sends
// "not_defined_in_RFC4178@please_ignore"); only their shape is checked.
func checkNegHints(b []byte) error {
	last := -1
	rest := b
	for len(rest) > 0 {
		f, r, err := readDER(rest)
		if err != nil {
			return err
		}
		rest = r
		if f.class != classContext || !f.constructed || f.tag <= last || f.tag > 1 {
			return fmt.Errorf("%w: unexpected NegHints field", errDER)
		}
		last = f.tag
		want := tagGeneralStr
		if f.tag == 1 {
			want = tagOctetString
		}
		if _, err := readExplicit(f.content, want, false); err != nil {
			return err
		}
	}
	return nil
}

// encodeNegTokenResp returns the [1] NegTokenResp with the given fields;
// negState negStateAbsent, a nil supportedMech and empty tokens are omitted.
func encodeNegTokenResp(r *negTokenResp) []byte {
	var body []byte
	if r.NegState != negStateAbsent {
		body = appendDER(body, idContext(0), appendDER(nil, idEnumerated, []byte{byte(r.NegState)}))
	}
	if r.SupportedMech != nil {
		body = appendDER(body, idContext(1), mustMarshalOID(r.SupportedMech))
	}
	if len(r.ResponseToken) > 0 {
		body = appendDER(body, idContext(2), appendDER(nil, idOctetString, r.ResponseToken))
	}
	if len(r.MechListMIC) > 0 {
		body = appendDER(body, idContext(3), appendDER(nil, idOctetString, r.MechListMIC))
	}
	return appendDER(nil, idContext(1), appendDER(nil, idSequence, body))
}

// decodeNegTokenResp parses a bare [1] NegTokenResp, as servers send in
// every SESSION_SETUP response. Fields must appear at most once, in
// ascending tag order, with nothing unknown and nothing trailing; negState
// must be one of RFC 4178's four values. Zero-length responseToken and
// mechListMIC are treated as absent.
func decodeNegTokenResp(b []byte) (*negTokenResp, error) {
	if len(b) == 0 {
		return nil, fmt.Errorf("auth: spnego: empty NegTokenResp")
	}
	outer, err := readOnlyDER(b)
	if err != nil {
		return nil, fmt.Errorf("auth: spnego: NegTokenResp: %w", err)
	}
	if !outer.is(classContext, true, 1) {
		return nil, fmt.Errorf("auth: spnego: %w: not a NegTokenResp (identifier 0x%02x)", errDER, b[0])
	}
	seq, err := readExplicit(outer.content, tagSequence, true)
	if err != nil {
		return nil, fmt.Errorf("auth: spnego: NegTokenResp: %w", err)
	}
	r := &negTokenResp{NegState: negStateAbsent}
	last := -1
	rest := seq.content
	for len(rest) > 0 {
		var f derElem
		f, rest, err = readDER(rest)
		if err != nil {
			return nil, fmt.Errorf("auth: spnego: NegTokenResp: %w", err)
		}
		if f.class != classContext || !f.constructed {
			return nil, fmt.Errorf("auth: spnego: NegTokenResp: %w: field is not a context tag", errDER)
		}
		if f.tag <= last {
			return nil, fmt.Errorf("auth: spnego: NegTokenResp: %w: field [%d] repeated or out of order", errDER, f.tag)
		}
		last = f.tag
		switch f.tag {
		case 0:
			e, err := readExplicit(f.content, tagEnumerated, false)
			if err != nil {
				return nil, fmt.Errorf("auth: spnego: NegTokenResp: negState: %w", err)
			}
			var st asn1.Enumerated
			if _, err := asn1.Unmarshal(e.full, &st); err != nil {
				return nil, fmt.Errorf("auth: spnego: NegTokenResp: negState: %w: %w", errDER, err)
			}
			if st < negStateAcceptCompleted || st > negStateRequestMIC {
				return nil, fmt.Errorf("auth: spnego: NegTokenResp: unknown negState %d", st)
			}
			r.NegState = int(st)
		case 1:
			e, err := readExplicit(f.content, tagOID, false)
			if err != nil {
				return nil, fmt.Errorf("auth: spnego: NegTokenResp: supportedMech: %w", err)
			}
			r.SupportedMech, err = parseOID(e.full)
			if err != nil {
				return nil, fmt.Errorf("auth: spnego: NegTokenResp: supportedMech: %w", err)
			}
		case 2:
			e, err := readExplicit(f.content, tagOctetString, false)
			if err != nil {
				return nil, fmt.Errorf("auth: spnego: NegTokenResp: responseToken: %w", err)
			}
			if len(e.content) > 0 {
				r.ResponseToken = e.content
			}
		case 3:
			e, err := readExplicit(f.content, tagOctetString, false)
			if err != nil {
				return nil, fmt.Errorf("auth: spnego: NegTokenResp: mechListMIC: %w", err)
			}
			if len(e.content) > 0 {
				r.MechListMIC = e.content
			}
		default:
			return nil, fmt.Errorf("auth: spnego: NegTokenResp: %w: unknown field [%d]", errDER, f.tag)
		}
	}
	return r, nil
}

// parseServerHint decodes the SMB2 NEGOTIATE response security buffer: a
// GSS-wrapped SPNEGO NegTokenInit2 (MS-SPNG 3.2.5.2).
func parseServerHint(b []byte) (*negTokenInit, error) {
	oid, inner, err := unwrapGSS(b)
	if err != nil {
		return nil, fmt.Errorf("auth: spnego: server hint: %w", err)
	}
	if !oid.Equal(oidSPNEGO) {
		return nil, fmt.Errorf("auth: spnego: server hint is for mechanism %s, not SPNEGO", oid)
	}
	return decodeNegTokenInit(inner)
}
