package srvsvc

// Connection-oriented DCE/RPC PDUs ([C706] 12.6, [MS-RPCE] 2.2.2): the
// common 16-byte header and the bodies of BIND, BIND_ACK, BIND_NAK,
// REQUEST, RESPONSE and FAULT. Only what an unauthenticated call over an
// SMB named pipe needs: one presentation context, NDR, little-endian data
// representation, no auth verifier (the SMB session signs or seals the
// pipe). Decoders check every length against the bytes they were given and
// reject what this client never asked for.

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// PDU types ([C706] 12.6.4.1 PTYPE).
const (
	ptypeRequest  = 0
	ptypeResponse = 2
	ptypeFault    = 3
	ptypeBind     = 11
	ptypeBindAck  = 12
	ptypeBindNak  = 13
)

// pfc_flags ([C706] 12.6.3.1).
const (
	pfcFirstFrag = 0x01
	pfcLastFrag  = 0x02
	pfcObjectID  = 0x80
)

// Sizes of the fixed parts ([C706] 12.6.4).
const (
	headerSize = 16
	// requestHeaderSize: header, alloc_hint, p_cont_id, opnum.
	requestHeaderSize = headerSize + 8
	// responseHeaderSize: header, alloc_hint, p_cont_id, cancel_count,
	// reserved.
	responseHeaderSize = headerSize + 8
	// faultSize: the response header and the status (and 4 reserved
	// bytes Windows sends; Samba too, but they are not required).
	faultSize = responseHeaderSize + 4
	// bindAckFixed: max_xmit_frag, max_recv_frag, assoc_group_id and
	// the length of sec_addr.
	bindAckFixed = headerSize + 10
	// resultSize is one p_result_t: result, reason, transfer syntax.
	resultSize = 4 + syntaxSize
	// syntaxSize is a p_syntax_id_t: a UUID and a 32-bit version.
	syntaxSize = 20
)

// Fragment sizes this client offers: the smallest every implementation
// must accept ([C706] 12.6.3.6: 1432 bytes) would do for srvsvc; 4280 is
// what Windows and Samba offer.
const maxFrag = 4280

// contextID is the only presentation context this client binds.
const contextID = 0

var (
	errShort = errors.New("dcerpc: PDU truncated")
	// ErrBindRefused: the server does not offer srvsvc over NDR.
	ErrBindRefused = errors.New("dcerpc: bind refused")
)

// syntaxID is an interface or transfer syntax and its version
// ([C706] 12.6.3.1 p_syntax_id_t), the UUID in its wire order.
type syntaxID struct {
	uuid    [16]byte
	version uint32 // major in the low 16 bits, minor in the high
}

func (s syntaxID) append(b []byte) []byte {
	b = append(b, s.uuid[:]...)
	return binary.LittleEndian.AppendUint32(b, s.version)
}

// uuidLE returns the wire (NDR little-endian) form of a UUID given as its
// fields: the first three little-endian, the last eight as they are.
func uuidLE(d1 uint32, d2, d3 uint16, d4 [8]byte) [16]byte {
	var u [16]byte
	binary.LittleEndian.PutUint32(u[0:], d1)
	binary.LittleEndian.PutUint16(u[4:], d2)
	binary.LittleEndian.PutUint16(u[6:], d3)
	copy(u[8:], d4[:])
	return u
}

var (
	// srvsvcSyntax is the srvsvc interface, 4b324fc8-1670-01d3-1278-
	// 5a47bf6ee188 version 3.0 ([MS-SRVS] 1.9).
	srvsvcSyntax = syntaxID{uuidLE(0x4b324fc8, 0x1670, 0x01d3, [8]byte{0x12, 0x78, 0x5a, 0x47, 0xbf, 0x6e, 0xe1, 0x88}), 3}
	// ndrSyntax is the NDR transfer syntax, 8a885d04-1ceb-11c9-9fe8-
	// 08002b104860 version 2 ([C706] appendix I, [MS-RPCE] 2.2.4.12).
	ndrSyntax = syntaxID{uuidLE(0x8a885d04, 0x1ceb, 0x11c9, [8]byte{0x9f, 0xe8, 0x08, 0x00, 0x2b, 0x10, 0x48, 0x60}), 2}
)

// header is the common header of every connection-oriented PDU
// ([C706] 12.6.3.1).
type header struct {
	ptype      uint8
	flags      uint8
	fragLength uint16
	authLength uint16
	callID     uint32
}

func (h header) append(b []byte) []byte {
	// rpc_vers 5.0; packed_drep: little-endian integers, ASCII
	// characters, IEEE floats ([C706] 14.1).
	b = append(b, 5, 0, h.ptype, h.flags, 0x10, 0, 0, 0)
	b = binary.LittleEndian.AppendUint16(b, h.fragLength)
	b = binary.LittleEndian.AppendUint16(b, h.authLength)
	return binary.LittleEndian.AppendUint32(b, h.callID)
}

// decodeHeader decodes the common header of pdu, which must hold exactly
// the fragment it announces, version 5.0, little-endian, with no auth
// verifier (this client binds without one).
func decodeHeader(pdu []byte) (header, error) {
	if len(pdu) < headerSize {
		return header{}, errShort
	}
	if pdu[0] != 5 || pdu[1] != 0 {
		return header{}, fmt.Errorf("dcerpc: version %d.%d, want 5.0", pdu[0], pdu[1])
	}
	if pdu[4]&0xf0 != 0x10 {
		return header{}, fmt.Errorf("dcerpc: data representation 0x%02x, want little-endian", pdu[4])
	}
	h := header{
		ptype:      pdu[2],
		flags:      pdu[3],
		fragLength: binary.LittleEndian.Uint16(pdu[8:]),
		authLength: binary.LittleEndian.Uint16(pdu[10:]),
		callID:     binary.LittleEndian.Uint32(pdu[12:]),
	}
	if int(h.fragLength) != len(pdu) {
		return header{}, fmt.Errorf("dcerpc: frag_length %d, PDU of %d bytes", h.fragLength, len(pdu))
	}
	if h.authLength != 0 {
		return header{}, fmt.Errorf("dcerpc: unexpected auth verifier of %d bytes", h.authLength)
	}
	return h, nil
}

// fragLength returns the length of the PDU that starts buf, or 0 if buf
// does not yet hold its header.
func fragLength(buf []byte) int {
	if len(buf) < headerSize {
		return 0
	}
	return int(binary.LittleEndian.Uint16(buf[8:]))
}

// bindPDU is a BIND ([C706] 12.6.4.3) offering srvsvc over NDR as context
// 0.
func bindPDU(callID uint32) []byte {
	b := header{ptype: ptypeBind, flags: pfcFirstFrag | pfcLastFrag, callID: callID}.append(nil)
	b = binary.LittleEndian.AppendUint16(b, maxFrag) // max_xmit_frag
	b = binary.LittleEndian.AppendUint16(b, maxFrag) // max_recv_frag
	b = binary.LittleEndian.AppendUint32(b, 0)       // assoc_group_id: a new group
	b = append(b, 1, 0, 0, 0)                        // n_context_elem, reserved
	b = binary.LittleEndian.AppendUint16(b, contextID)
	b = append(b, 1, 0) // n_transfer_syn, reserved
	b = srvsvcSyntax.append(b)
	b = ndrSyntax.append(b)
	binary.LittleEndian.PutUint16(b[8:], uint16(len(b)))
	return b
}

// bindAck is what a BIND_ACK says about the one context offered
// ([C706] 12.6.4.4).
type bindAck struct {
	maxXmitFrag uint16
	maxRecvFrag uint16
	assocGroup  uint32
	secAddr     string
	result      uint16 // 0: acceptance
	reason      uint16
	transfer    syntaxID
}

// appendBindAck encodes a (for tests and the fake server).
func appendBindAck(b []byte, callID uint32, a bindAck) []byte {
	start := len(b)
	b = header{ptype: ptypeBindAck, flags: pfcFirstFrag | pfcLastFrag, callID: callID}.append(b)
	b = binary.LittleEndian.AppendUint16(b, a.maxXmitFrag)
	b = binary.LittleEndian.AppendUint16(b, a.maxRecvFrag)
	b = binary.LittleEndian.AppendUint32(b, a.assocGroup)
	b = binary.LittleEndian.AppendUint16(b, uint16(len(a.secAddr)+1))
	b = append(b, a.secAddr...)
	b = append(b, 0)
	for (len(b)-start)%4 != 0 {
		b = append(b, 0)
	}
	b = append(b, 1, 0, 0, 0) // n_results, reserved
	b = binary.LittleEndian.AppendUint16(b, a.result)
	b = binary.LittleEndian.AppendUint16(b, a.reason)
	b = a.transfer.append(b)
	binary.LittleEndian.PutUint16(b[start+8:], uint16(len(b)-start))
	return b
}

// decodeBindAck decodes the answer to a BIND with callID: a BIND_ACK with
// exactly one result, or a BIND_NAK (ErrBindRefused).
func decodeBindAck(pdu []byte, callID uint32) (bindAck, error) {
	h, err := decodeHeader(pdu)
	if err != nil {
		return bindAck{}, err
	}
	if h.callID != callID {
		return bindAck{}, fmt.Errorf("dcerpc: bind answer for call %d, sent %d", h.callID, callID)
	}
	if h.ptype == ptypeBindNak {
		reason := -1
		if len(pdu) >= headerSize+2 {
			reason = int(binary.LittleEndian.Uint16(pdu[headerSize:]))
		}
		return bindAck{}, fmt.Errorf("%w: BIND_NAK, reason %d", ErrBindRefused, reason)
	}
	if h.ptype != ptypeBindAck {
		return bindAck{}, fmt.Errorf("dcerpc: PDU type %d in answer to BIND", h.ptype)
	}
	if h.flags&(pfcFirstFrag|pfcLastFrag) != pfcFirstFrag|pfcLastFrag {
		return bindAck{}, fmt.Errorf("dcerpc: BIND_ACK in fragments (flags 0x%02x)", h.flags)
	}
	if len(pdu) < bindAckFixed {
		return bindAck{}, errShort
	}
	a := bindAck{
		maxXmitFrag: binary.LittleEndian.Uint16(pdu[16:]),
		maxRecvFrag: binary.LittleEndian.Uint16(pdu[18:]),
		assocGroup:  binary.LittleEndian.Uint32(pdu[20:]),
	}
	addrLen := int(binary.LittleEndian.Uint16(pdu[24:]))
	off := bindAckFixed + addrLen
	if off > len(pdu) {
		return bindAck{}, errShort
	}
	if addrLen > 0 {
		addr := pdu[bindAckFixed:off]
		if addr[len(addr)-1] != 0 {
			return bindAck{}, errors.New("dcerpc: BIND_ACK secondary address not terminated")
		}
		a.secAddr = string(addr[:len(addr)-1])
	}
	off = (off + 3) &^ 3 // p_result_list is 4-aligned
	if off+4 > len(pdu) {
		return bindAck{}, errShort
	}
	if n := pdu[off]; n != 1 {
		return bindAck{}, fmt.Errorf("dcerpc: BIND_ACK with %d results for 1 context", n)
	}
	off += 4
	if off+resultSize != len(pdu) {
		return bindAck{}, fmt.Errorf("dcerpc: BIND_ACK result list of %d bytes, want %d", len(pdu)-off, resultSize)
	}
	a.result = binary.LittleEndian.Uint16(pdu[off:])
	a.reason = binary.LittleEndian.Uint16(pdu[off+2:])
	copy(a.transfer.uuid[:], pdu[off+4:])
	a.transfer.version = binary.LittleEndian.Uint32(pdu[off+20:])
	if a.result != 0 {
		return bindAck{}, fmt.Errorf("%w: context result %d, reason %d", ErrBindRefused, a.result, a.reason)
	}
	if a.transfer != ndrSyntax {
		return bindAck{}, fmt.Errorf("dcerpc: BIND_ACK accepted transfer syntax %x v%d, offered NDR", a.transfer.uuid, a.transfer.version)
	}
	return a, nil
}

// requestPDU is a REQUEST ([C706] 12.6.4.9) of opnum on context 0 with
// stub as its only fragment.
func requestPDU(callID uint32, opnum uint16, stub []byte) []byte {
	b := header{ptype: ptypeRequest, flags: pfcFirstFrag | pfcLastFrag, callID: callID}.append(nil)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(stub))) // alloc_hint
	b = binary.LittleEndian.AppendUint16(b, contextID)
	b = binary.LittleEndian.AppendUint16(b, opnum)
	b = append(b, stub...)
	binary.LittleEndian.PutUint16(b[8:], uint16(len(b)))
	return b
}

// decodeRequest decodes a REQUEST, for the fake server of the tests.
func decodeRequest(pdu []byte) (h header, opnum uint16, stub []byte, err error) {
	if h, err = decodeHeader(pdu); err != nil {
		return header{}, 0, nil, err
	}
	if h.ptype != ptypeRequest || h.flags&pfcObjectID != 0 {
		return header{}, 0, nil, fmt.Errorf("dcerpc: PDU type %d flags 0x%02x, want a REQUEST", h.ptype, h.flags)
	}
	if len(pdu) < requestHeaderSize {
		return header{}, 0, nil, errShort
	}
	if id := binary.LittleEndian.Uint16(pdu[20:]); id != contextID {
		return header{}, 0, nil, fmt.Errorf("dcerpc: REQUEST on context %d", id)
	}
	return h, binary.LittleEndian.Uint16(pdu[22:]), pdu[requestHeaderSize:], nil
}

// responsePDU is one RESPONSE fragment ([C706] 12.6.4.10) carrying stub;
// allocHint is the whole stub's length.
func responsePDU(callID uint32, flags uint8, allocHint uint32, stub []byte) []byte {
	b := header{ptype: ptypeResponse, flags: flags, callID: callID}.append(nil)
	b = binary.LittleEndian.AppendUint32(b, allocHint)
	b = binary.LittleEndian.AppendUint16(b, contextID)
	b = append(b, 0, 0) // cancel_count, reserved
	b = append(b, stub...)
	binary.LittleEndian.PutUint16(b[8:], uint16(len(b)))
	return b
}

// faultPDU is a FAULT ([C706] 12.6.4.7) with status.
func faultPDU(callID uint32, status uint32) []byte {
	b := header{ptype: ptypeFault, flags: pfcFirstFrag | pfcLastFrag, callID: callID}.append(nil)
	b = binary.LittleEndian.AppendUint32(b, 0)
	b = binary.LittleEndian.AppendUint16(b, contextID)
	b = append(b, 0, 0)
	b = binary.LittleEndian.AppendUint32(b, status)
	b = binary.LittleEndian.AppendUint32(b, 0)
	binary.LittleEndian.PutUint16(b[8:], uint16(len(b)))
	return b
}

// FaultError is a FAULT PDU: the server could not run the call
// ([C706] appendix E, [MS-RPCE] 3.1.1.5.5 lists the status codes).
type FaultError struct {
	Status uint32
}

func (e *FaultError) Error() string {
	switch e.Status {
	case 0x1c010002:
		return "dcerpc: fault nca_s_fault_op_rng_error (no such operation)"
	case 0x00000005:
		return "dcerpc: fault access denied"
	}
	return fmt.Sprintf("dcerpc: fault 0x%08x", e.Status)
}

// responseFragment is one decoded RESPONSE fragment.
type responseFragment struct {
	first, last bool
	allocHint   uint32
	stub        []byte
}

// decodeResponse decodes one fragment of the answer to REQUEST callID: a
// RESPONSE on context 0, or a FAULT (a *FaultError).
func decodeResponse(pdu []byte, callID uint32) (responseFragment, error) {
	h, err := decodeHeader(pdu)
	if err != nil {
		return responseFragment{}, err
	}
	if h.callID != callID {
		return responseFragment{}, fmt.Errorf("dcerpc: response for call %d, sent %d", h.callID, callID)
	}
	switch h.ptype {
	case ptypeResponse:
	case ptypeFault:
		if len(pdu) < faultSize {
			return responseFragment{}, errShort
		}
		return responseFragment{}, &FaultError{Status: binary.LittleEndian.Uint32(pdu[responseHeaderSize:])}
	default:
		return responseFragment{}, fmt.Errorf("dcerpc: PDU type %d in answer to REQUEST", h.ptype)
	}
	if len(pdu) < responseHeaderSize {
		return responseFragment{}, errShort
	}
	if id := binary.LittleEndian.Uint16(pdu[20:]); id != contextID {
		return responseFragment{}, fmt.Errorf("dcerpc: RESPONSE on context %d", id)
	}
	return responseFragment{
		first:     h.flags&pfcFirstFrag != 0,
		last:      h.flags&pfcLastFrag != 0,
		allocHint: binary.LittleEndian.Uint32(pdu[16:]),
		stub:      pdu[responseHeaderSize:],
	}, nil
}
