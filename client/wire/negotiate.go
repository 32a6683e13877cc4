package wire

// SMB2 NEGOTIATE ([MS-SMB2] 2.2.3, 2.2.4) and its negotiate contexts
// (2.2.3.1, 2.2.4.1).
//
// Layout of the request body, offsets from the header start:
//
//	64  StructureSize (36)   DialectCount   SecurityMode   Reserved
//	72  Capabilities
//	76  ClientGuid (16)
//	92  NegotiateContextOffset (4) NegotiateContextCount (2) Reserved2 (2)
//	    -- or ClientStartTime (8) when 3.1.1 is not offered
//	100 Dialects (2 each), padding to 8, NegotiateContextList
//
// Layout of the response body:
//
//	64  StructureSize (65)  SecurityMode  DialectRevision  NegotiateContextCount
//	72  ServerGuid (16)
//	88  Capabilities MaxTransactSize MaxReadSize MaxWriteSize
//	104 SystemTime (8) ServerStartTime (8)
//	120 SecurityBufferOffset (2) SecurityBufferLength (2) NegotiateContextOffset (4)
//	128 Buffer, padding to 8, NegotiateContextList
//
// Every negotiate context is ContextType (2), DataLength (2), Reserved (4),
// Data; the first starts at NegotiateContextOffset, each later one at the
// first 8-byte-aligned offset (from the header start) after the previous one,
// and the last one is not followed by padding.

import (
	"fmt"
	"slices"
)

// Security mode bits of NEGOTIATE ([MS-SMB2] 2.2.3, 2.2.4). SESSION_SETUP
// carries the same bits in one byte (2.2.5).
const (
	SecurityModeSigningEnabled  uint16 = 0x0001
	SecurityModeSigningRequired uint16 = 0x0002
)

// Global capabilities, SMB2_GLOBAL_CAP_* ([MS-SMB2] 2.2.3, 2.2.4).
const (
	CapDFS               uint32 = 0x00000001
	CapLeasing           uint32 = 0x00000002
	CapLargeMTU          uint32 = 0x00000004
	CapMultiChannel      uint32 = 0x00000008
	CapPersistentHandles uint32 = 0x00000010
	CapDirectoryLeasing  uint32 = 0x00000020
	CapEncryption        uint32 = 0x00000040
	CapNotifications     uint32 = 0x00000080
)

// Negotiate context types ([MS-SMB2] 2.2.3.1).
const (
	CtxPreauthIntegrity uint16 = 0x0001 // SMB2_PREAUTH_INTEGRITY_CAPABILITIES
	CtxEncryption       uint16 = 0x0002 // SMB2_ENCRYPTION_CAPABILITIES
	CtxCompression      uint16 = 0x0003 // SMB2_COMPRESSION_CAPABILITIES
	CtxNetname          uint16 = 0x0005 // SMB2_NETNAME_NEGOTIATE_CONTEXT_ID
	CtxTransport        uint16 = 0x0006 // SMB2_TRANSPORT_CAPABILITIES
	CtxRDMA             uint16 = 0x0007 // SMB2_RDMA_TRANSFORM_CAPABILITIES
	CtxSigning          uint16 = 0x0008 // SMB2_SIGNING_CAPABILITIES
)

// HashSHA512 is the only preauthentication integrity hash algorithm
// ([MS-SMB2] 2.2.3.1.1).
const HashSHA512 uint16 = 0x0001

// CipherID names an encryption algorithm as SMB2_ENCRYPTION_CAPABILITIES
// carries it ([MS-SMB2] 2.2.3.1.2). This is the one definition: crypto,
// client and rules use it.
type CipherID uint16

// Cipher identifiers ([MS-SMB2] 2.2.3.1.2). A server with no cipher in
// common answers with the single value CipherNone. Dialects 3.0 and 3.0.2
// know only CipherAES128CCM ([MS-SMB2] 3.2.5.2); the others need 3.1.1.
const (
	CipherNone      CipherID = 0x0000
	CipherAES128CCM CipherID = 0x0001
	CipherAES128GCM CipherID = 0x0002
	CipherAES256CCM CipherID = 0x0003
	CipherAES256GCM CipherID = 0x0004
)

// Ciphers returns the known ciphers (all but CipherNone), in identifier
// order.
func Ciphers() []CipherID {
	return []CipherID{CipherAES128CCM, CipherAES128GCM, CipherAES256CCM, CipherAES256GCM}
}

// String returns the algorithm's name, such as "AES-128-GCM", "none" for
// CipherNone, or "cipher 0x%04X" for an unknown identifier.
func (c CipherID) String() string {
	switch c {
	case CipherNone:
		return "none"
	case CipherAES128CCM:
		return "AES-128-CCM"
	case CipherAES128GCM:
		return "AES-128-GCM"
	case CipherAES256CCM:
		return "AES-256-CCM"
	case CipherAES256GCM:
		return "AES-256-GCM"
	}
	return fmt.Sprintf("cipher 0x%04X", uint16(c))
}

// KeySize returns the cipher's key length in bytes, 16 or 32 ([MS-SMB2]
// 3.2.5.3.1), or 0 for CipherNone and unknown identifiers.
func (c CipherID) KeySize() int {
	switch c {
	case CipherAES128CCM, CipherAES128GCM:
		return 16
	case CipherAES256CCM, CipherAES256GCM:
		return 32
	}
	return 0
}

// SigningID names a signing algorithm as SMB2_SIGNING_CAPABILITIES carries
// it ([MS-SMB2] 2.2.3.1.7). This is the one definition: crypto, client and
// rules use it.
type SigningID uint16

// Signing algorithm identifiers ([MS-SMB2] 2.2.3.1.7). SigningHMACSHA256 is
// what dialects 2.0.2 and 2.1 use, and SigningAESCMAC what 3.x uses when no
// signing capabilities were negotiated ([MS-SMB2] 3.1.4.1).
const (
	SigningHMACSHA256 SigningID = 0x0000
	SigningAESCMAC    SigningID = 0x0001
	SigningAESGMAC    SigningID = 0x0002
)

// SigningAlgorithms returns the known signing algorithms, in identifier
// order.
func SigningAlgorithms() []SigningID {
	return []SigningID{SigningHMACSHA256, SigningAESCMAC, SigningAESGMAC}
}

// String returns the algorithm's name, such as "AES-GMAC", or
// "signing 0x%04X" for an unknown identifier.
func (s SigningID) String() string {
	switch s {
	case SigningHMACSHA256:
		return "HMAC-SHA256"
	case SigningAESCMAC:
		return "AES-CMAC"
	case SigningAESGMAC:
		return "AES-GMAC"
	}
	return fmt.Sprintf("signing 0x%04X", uint16(s))
}

// Dialects returns the dialects this package knows ([MS-SMB2] 2.2.3),
// ascending; DialectWildcard is not one of them.
func Dialects() []Dialect {
	return []Dialect{Dialect202, Dialect210, Dialect300, Dialect302, Dialect311}
}

// Known reports whether d is one of Dialects.
func (d Dialect) Known() bool {
	return slices.Contains(Dialects(), d)
}

// ParseDialect reads a dialect as people write it: as String prints it
// ("2.0.2", "2.1", "3.0.0", "3.0.2", "3.1.1"), or "3.0". It is the one
// parser of dialects, for the hardening file, mount options and `smb3fs
// check`. Other spellings (mount.cifs's "3.11", "3.02") are errors: a
// hardening file names dialects one way.
func ParseDialect(s string) (Dialect, error) {
	for _, d := range Dialects() {
		if s == d.String() {
			return d, nil
		}
	}
	if s == "3.0" {
		return Dialect300, nil
	}
	return 0, fmt.Errorf("%q is not a dialect (2.0.2, 2.1, 3.0, 3.0.2, 3.1.1)", s)
}

// cifsDialects are mount.cifs's spellings of vers= that String does not
// print (fs/smb/client/fs_context.c, cifs_smb_vers_tokens).
var cifsDialects = map[string]Dialect{
	"2.0":  Dialect202,
	"2.02": Dialect202,
	"3.02": Dialect302,
	"3.11": Dialect311,
}

// ParseVers reads a dialect as mount.cifs's vers= spells it: what
// ParseDialect reads, and "2.0", "2.02", "3.02" and "3.11". It is for the
// mount option and `smb3fs check --vers`; the hardening file keeps
// ParseDialect's one spelling. "3" (3.0 or later) is a range, not a
// dialect: the caller handles it.
func ParseVers(s string) (Dialect, error) {
	if d, ok := cifsDialects[s]; ok {
		return d, nil
	}
	d, err := ParseDialect(s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a dialect (2.0.2, 2.1, 3.0, 3.0.2 or 3.02, 3.1.1 or 3.11)", s)
	}
	return d, nil
}

// Sizes of the fixed parts of the NEGOTIATE bodies.
const (
	negotiateRequestFixed  = 36 // StructureSize says 36: no variable byte counted
	negotiateResponseFixed = 64 // StructureSize says 65: the buffer's first byte counted
	negotiateContextHeader = 8
)

// NegotiateContext is one SMB2_NEGOTIATE_CONTEXT ([MS-SMB2] 2.2.3.1) that
// this package does not interpret (compression, transport, RDMA, ...). Its
// Data is kept as sent.
type NegotiateContext struct {
	Type uint16
	Data []byte
}

// NegotiateRequest is the SMB2 NEGOTIATE Request ([MS-SMB2] 2.2.3).
//
// The negotiate contexts (2.2.3.1) are sent only when Dialects contains
// Dialect311; each is omitted when its fields are empty. Append writes them
// in the order preauth integrity, encryption, netname, signing, POSIX, then
// OtherContexts, with the padding Windows and Samba expect.
type NegotiateRequest struct {
	SecurityMode uint16 // SecurityModeSigning*
	Capabilities uint32 // Cap*
	ClientGUID   [16]byte
	Dialects     []Dialect

	// SMB2_PREAUTH_INTEGRITY_CAPABILITIES (2.2.3.1.1): hash algorithms
	// (HashSHA512) and the salt. Decode never returns a context with no
	// algorithm: a request without the context has nil PreauthHashAlgorithms.
	PreauthHashAlgorithms []uint16
	PreauthSalt           []byte
	// Ciphers is SMB2_ENCRYPTION_CAPABILITIES (2.2.3.1.2), in preference order.
	Ciphers []CipherID
	// SigningAlgorithms is SMB2_SIGNING_CAPABILITIES (2.2.3.1.7).
	SigningAlgorithms []SigningID
	// NetName is SMB2_NETNAME_NEGOTIATE_CONTEXT_ID (2.2.3.1.4), the server
	// name the client connects to.
	NetName string
	// POSIX offers the SMB3 POSIX extensions: SMB2_POSIX_EXTENSIONS_AVAILABLE
	// (CtxPOSIX) with the CtxNamePOSIX GUID (posix.go). Decode sets it when
	// the context lists that GUID.
	POSIX bool
	// OtherContexts are contexts of any other type, kept raw. Append writes
	// them after the ones above (a test can put a duplicate or unknown
	// context here); Decode returns every context it does not interpret.
	OtherContexts []NegotiateContext
	// ContextTypes lists every context type received, in wire order. Decode
	// fills it; Append ignores it.
	ContextTypes []uint16
}

// offers311 reports whether the request offers dialect 3.1.1, which is what
// makes the negotiate context fields meaningful.
func (m *NegotiateRequest) offers311() bool {
	for _, d := range m.Dialects {
		if d == Dialect311 {
			return true
		}
	}
	return false
}

// Append appends the NEGOTIATE request body to msg, which holds the header.
// Lengths (dialect count, context data) must fit their 16-bit fields.
func (m *NegotiateRequest) Append(msg []byte) []byte {
	msg = appendU16(msg, negotiateRequestFixed)
	msg = appendU16(msg, uint16(len(m.Dialects)))
	msg = appendU16(msg, m.SecurityMode)
	msg = appendU16(msg, 0) // Reserved
	msg = appendU32(msg, m.Capabilities)
	msg = append(msg, m.ClientGUID[:]...)
	ctxField := len(msg)
	msg = appendU64(msg, 0) // NegotiateContextOffset/Count/Reserved2, or ClientStartTime (0)
	for _, d := range m.Dialects {
		msg = appendU16(msg, uint16(d))
	}
	if !m.offers311() {
		return msg
	}
	c := negotiateContexts{
		hashes:  m.PreauthHashAlgorithms,
		salt:    m.PreauthSalt,
		ciphers: m.Ciphers,
		signing: m.SigningAlgorithms,
		netName: m.NetName,
		posix:   m.POSIX,
		other:   m.OtherContexts,
	}
	end := len(msg)
	msg = pad8(msg)
	off := len(msg)
	msg, n := c.append(msg)
	if n == 0 {
		return msg[:end] // no contexts: no padding either
	}
	putU32(msg, ctxField, uint32(off))
	putU16(msg, ctxField+4, uint16(n))
	return msg
}

// DecodeNegotiateRequest decodes an SMB2 NEGOTIATE Request ([MS-SMB2] 2.2.3).
// The negotiate context list is read only when Dialects contains Dialect311;
// a duplicated context type, a context outside the message and a malformed
// preauth, encryption, signing or netname context are errors.
func DecodeNegotiateRequest(msg []byte) (*NegotiateRequest, error) {
	const what = "negotiate request"
	r := newReader(msg, HeaderSize)
	r.structureSize(negotiateRequestFixed, what)
	count := int(r.u16(what + " DialectCount"))
	m := &NegotiateRequest{}
	m.SecurityMode = r.u16(what + " SecurityMode")
	r.skip(2, what+" Reserved")
	m.Capabilities = r.u32(what + " Capabilities")
	copy(m.ClientGUID[:], r.bytes(16, what+" ClientGuid"))
	ctxOff := int(r.u32(what + " NegotiateContextOffset"))
	ctxCount := int(r.u16(what + " NegotiateContextCount"))
	r.skip(2, what+" Reserved2")
	if r.err == nil && count == 0 {
		return nil, malformed("%s: DialectCount 0", what)
	}
	dialects := r.bytes(2*count, what+" Dialects")
	if r.err != nil {
		return nil, r.err
	}
	m.Dialects = make([]Dialect, count)
	for i, d := range u16List(dialects) {
		m.Dialects[i] = Dialect(d)
	}
	if !m.offers311() || ctxCount == 0 {
		return m, nil
	}
	c, err := parseNegotiateContexts(msg, ctxOff, ctxCount, r.off, true, what)
	if err != nil {
		return nil, err
	}
	m.PreauthHashAlgorithms, m.PreauthSalt = c.hashes, c.salt
	m.Ciphers, m.SigningAlgorithms = c.ciphers, c.signing
	m.NetName, m.POSIX = c.netName, c.posix
	m.OtherContexts, m.ContextTypes = c.other, c.types
	return m, nil
}

// NegotiateResponse is the SMB2 NEGOTIATE Response ([MS-SMB2] 2.2.4).
//
// The negotiate context fields (2.2.4.1) are meaningful only when
// DialectRevision is Dialect311. Decode returns what the server sent and
// leaves the policy to the client: it must check that exactly one hash
// algorithm and at most one cipher and signing algorithm came back, and that
// each is one it offered ([MS-SMB2] 3.2.5.2).
type NegotiateResponse struct {
	SecurityMode    uint16 // SecurityModeSigning*
	DialectRevision Dialect
	ServerGUID      [16]byte
	Capabilities    uint32 // Cap*
	MaxTransactSize uint32
	MaxReadSize     uint32
	MaxWriteSize    uint32
	SystemTime      uint64 // FILETIME
	ServerStartTime uint64 // FILETIME
	// SecurityBuffer is the server's GSS token (SPNEGO), nil when empty.
	SecurityBuffer []byte

	// SMB2_PREAUTH_INTEGRITY_CAPABILITIES (2.2.3.1.1); nil without the
	// context. Decode rejects a context with no algorithm.
	PreauthHashAlgorithms []uint16
	PreauthSalt           []byte
	// Ciphers is SMB2_ENCRYPTION_CAPABILITIES, nil without the context. The
	// server must send exactly one (CipherNone if nothing is in common);
	// Decode rejects a count of zero and returns any other list as sent.
	Ciphers []CipherID
	// SigningAlgorithms is SMB2_SIGNING_CAPABILITIES, nil without the context.
	SigningAlgorithms []SigningID
	// POSIX: the server accepted the SMB3 POSIX extensions (a CtxPOSIX
	// context listing the CtxNamePOSIX GUID, posix.go).
	POSIX bool
	// OtherContexts are contexts of any other type, kept raw (see
	// NegotiateRequest.OtherContexts). A netname context, which servers do
	// not send, lands here too.
	OtherContexts []NegotiateContext
	// ContextTypes lists every context type received, in wire order,
	// including unknown ones. Decode fills it; Append ignores it.
	ContextTypes []uint16
}

// Append appends the NEGOTIATE response body to msg, which holds the header.
// Negotiate contexts are written only when DialectRevision is Dialect311.
func (m *NegotiateResponse) Append(msg []byte) []byte {
	is311 := m.DialectRevision == Dialect311
	body := len(msg)
	msg = appendU16(msg, negotiateResponseFixed+1)
	msg = appendU16(msg, m.SecurityMode)
	msg = appendU16(msg, uint16(m.DialectRevision))
	msg = appendU16(msg, 0) // NegotiateContextCount/Reserved
	msg = append(msg, m.ServerGUID[:]...)
	msg = appendU32(msg, m.Capabilities)
	msg = appendU32(msg, m.MaxTransactSize)
	msg = appendU32(msg, m.MaxReadSize)
	msg = appendU32(msg, m.MaxWriteSize)
	msg = appendU64(msg, m.SystemTime)
	msg = appendU64(msg, m.ServerStartTime)
	secField := len(msg)
	msg = appendU16(msg, 0) // SecurityBufferOffset
	msg = appendU16(msg, uint16(len(m.SecurityBuffer)))
	msg = appendU32(msg, 0) // NegotiateContextOffset/Reserved2
	putU16(msg, secField, uint16(len(msg)))
	msg = append(msg, m.SecurityBuffer...)
	if !is311 {
		return msg
	}
	c := negotiateContexts{
		hashes:  m.PreauthHashAlgorithms,
		salt:    m.PreauthSalt,
		ciphers: m.Ciphers,
		signing: m.SigningAlgorithms,
		posix:   m.POSIX,
		other:   m.OtherContexts,
	}
	end := len(msg)
	msg = pad8(msg)
	off := len(msg)
	msg, n := c.append(msg)
	if n == 0 {
		return msg[:end] // no contexts: no padding either
	}
	putU16(msg, body+6, uint16(n))
	putU32(msg, secField+4, uint32(off))
	return msg
}

// DecodeNegotiateResponse decodes an SMB2 NEGOTIATE Response ([MS-SMB2]
// 2.2.4). NegotiateContextCount and NegotiateContextOffset are interpreted
// only for DialectRevision 3.1.1. The security buffer and the context list
// must lie inside msg, after the fixed part, and must not overlap; a
// duplicated context type or a malformed preauth, encryption or signing
// context is an error. Unknown context types are returned in OtherContexts.
func DecodeNegotiateResponse(msg []byte) (*NegotiateResponse, error) {
	const what = "negotiate response"
	r := newReader(msg, HeaderSize)
	r.structureSize(negotiateResponseFixed+1, what)
	m := &NegotiateResponse{}
	m.SecurityMode = r.u16(what + " SecurityMode")
	m.DialectRevision = Dialect(r.u16(what + " DialectRevision"))
	ctxCount := int(r.u16(what + " NegotiateContextCount"))
	copy(m.ServerGUID[:], r.bytes(16, what+" ServerGuid"))
	m.Capabilities = r.u32(what + " Capabilities")
	m.MaxTransactSize = r.u32(what + " MaxTransactSize")
	m.MaxReadSize = r.u32(what + " MaxReadSize")
	m.MaxWriteSize = r.u32(what + " MaxWriteSize")
	m.SystemTime = r.u64(what + " SystemTime")
	m.ServerStartTime = r.u64(what + " ServerStartTime")
	secOff := int(r.u16(what + " SecurityBufferOffset"))
	secLen := int(r.u16(what + " SecurityBufferLength"))
	ctxOff := int(r.u32(what + " NegotiateContextOffset"))
	if r.err != nil {
		return nil, r.err
	}
	fixedEnd := r.off
	var err error
	if m.SecurityBuffer, err = bodyBuffer(msg, secOff, secLen, fixedEnd, what+" security buffer"); err != nil {
		return nil, err
	}
	if m.DialectRevision != Dialect311 || ctxCount == 0 {
		return m, nil
	}
	minOff := fixedEnd
	if secLen > 0 {
		minOff = secOff + secLen
	}
	c, err := parseNegotiateContexts(msg, ctxOff, ctxCount, minOff, false, what)
	if err != nil {
		return nil, err
	}
	m.PreauthHashAlgorithms, m.PreauthSalt = c.hashes, c.salt
	m.Ciphers, m.SigningAlgorithms = c.ciphers, c.signing
	m.POSIX = c.posix
	m.OtherContexts, m.ContextTypes = c.other, c.types
	return m, nil
}

// negotiateContexts is a negotiate context list in either direction.
type negotiateContexts struct {
	hashes  []uint16
	salt    []byte
	ciphers []CipherID
	signing []SigningID
	netName string
	posix   bool
	other   []NegotiateContext
	types   []uint16
}

// append appends the contexts that have content, each 8-byte aligned from
// the header start (msg[0]), and returns how many it wrote. The caller has
// already aligned len(msg) and recorded it as NegotiateContextOffset.
func (c *negotiateContexts) append(msg []byte) ([]byte, int) {
	n := 0
	if len(c.hashes) > 0 || len(c.salt) > 0 {
		msg = appendNegotiateContext(msg, CtxPreauthIntegrity, func(b []byte) []byte {
			b = appendU16(b, uint16(len(c.hashes)))
			b = appendU16(b, uint16(len(c.salt)))
			b = appendU16List(b, c.hashes)
			return append(b, c.salt...)
		})
		n++
	}
	if len(c.ciphers) > 0 {
		msg = appendNegotiateContext(msg, CtxEncryption, func(b []byte) []byte {
			b = appendU16(b, uint16(len(c.ciphers)))
			return appendIDList(b, c.ciphers)
		})
		n++
	}
	if c.netName != "" {
		msg = appendNegotiateContext(msg, CtxNetname, func(b []byte) []byte {
			return AppendUTF16(b, c.netName)
		})
		n++
	}
	if len(c.signing) > 0 {
		msg = appendNegotiateContext(msg, CtxSigning, func(b []byte) []byte {
			b = appendU16(b, uint16(len(c.signing)))
			return appendIDList(b, c.signing)
		})
		n++
	}
	if c.posix {
		msg = appendNegotiateContext(msg, CtxPOSIX, func(b []byte) []byte {
			return append(b, posixGUID...)
		})
		n++
	}
	for _, o := range c.other {
		msg = appendNegotiateContext(msg, o.Type, func(b []byte) []byte {
			return append(b, o.Data...)
		})
		n++
	}
	return msg, n
}

// appendNegotiateContext aligns msg to 8 bytes and appends one context whose
// data data appends.
func appendNegotiateContext(msg []byte, typ uint16, data func([]byte) []byte) []byte {
	msg = pad8(msg)
	at := len(msg)
	msg = appendU16(msg, typ)
	msg = appendU16(msg, 0) // DataLength, patched below
	msg = appendU32(msg, 0) // Reserved
	msg = data(msg)
	putU16(msg, at+2, uint16(len(msg)-at-negotiateContextHeader))
	return msg
}

// parseNegotiateContexts decodes count contexts starting at off, which must
// be 8-byte aligned and not before minOff. withNetName says whether the
// netname context is interpreted (requests) or kept raw (responses).
func parseNegotiateContexts(msg []byte, off, count, minOff int, withNetName bool, what string) (*negotiateContexts, error) {
	if off%8 != 0 {
		return nil, malformed("%s: NegotiateContextOffset %d not 8-byte aligned", what, off)
	}
	if off < minOff {
		return nil, malformed("%s: NegotiateContextOffset %d before offset %d", what, off, minOff)
	}
	// Each context takes at least 8 bytes: a count the message cannot hold
	// fails here, before anything is allocated for it.
	if count > (len(msg)-off)/negotiateContextHeader {
		return nil, malformed("%s: %d negotiate contexts cannot fit in %d bytes", what, count, len(msg)-off)
	}
	c := &negotiateContexts{types: make([]uint16, 0, count)}
	var seen [1 << 16 / 64]uint64 // one bit per context type: linear even for 65535 contexts
	for i := 0; i < count; i++ {
		if i > 0 {
			off = align8(off)
		}
		hdr, err := slice(msg, off, negotiateContextHeader, what+" negotiate context header")
		if err != nil {
			return nil, err
		}
		typ := uint16(hdr[0]) | uint16(hdr[1])<<8
		n := int(hdr[2]) | int(hdr[3])<<8
		data, err := slice(msg, off+negotiateContextHeader, n, what+" negotiate context data")
		if err != nil {
			return nil, err
		}
		off += negotiateContextHeader + n
		if seen[typ/64]&(1<<(typ%64)) != 0 {
			return nil, malformed("%s: duplicated negotiate context type 0x%04X", what, typ)
		}
		seen[typ/64] |= 1 << (typ % 64)
		c.types = append(c.types, typ)
		switch {
		case typ == CtxPreauthIntegrity:
			c.hashes, c.salt, err = parsePreauthContext(data, what+" preauth integrity context")
		case typ == CtxEncryption:
			c.ciphers, err = parseAlgorithmList[CipherID](data, what+" encryption context CipherCount")
		case typ == CtxSigning:
			c.signing, err = parseAlgorithmList[SigningID](data, what+" signing context SigningAlgorithmCount")
		case typ == CtxNetname && withNetName:
			if len(data)%2 != 0 {
				return nil, malformed("%s netname context: odd UTF-16 length %d", what, len(data))
			}
			c.netName, err = DecodeUTF16(data)
		case typ == CtxPOSIX:
			c.posix, err = hasPosixGUID(data, what)
		default:
			c.other = append(c.other, NegotiateContext{Type: typ, Data: data})
		}
		if err != nil {
			return nil, err
		}
	}
	return c, nil
}

// parsePreauthContext decodes SMB2_PREAUTH_INTEGRITY_CAPABILITIES
// ([MS-SMB2] 2.2.3.1.1): HashAlgorithmCount (2), SaltLength (2),
// HashAlgorithms, Salt. At least one algorithm is required and the data
// must be consumed exactly.
func parsePreauthContext(data []byte, what string) ([]uint16, []byte, error) {
	r := newReader(data, 0)
	n := int(r.u16(what + " HashAlgorithmCount"))
	saltLen := int(r.u16(what + " SaltLength"))
	if r.err == nil && n == 0 {
		return nil, nil, malformed("%s: HashAlgorithmCount 0", what)
	}
	hashes := r.bytes(2*n, what+" HashAlgorithms")
	salt := r.bytes(saltLen, what+" Salt")
	if r.err != nil {
		return nil, nil, r.err
	}
	if r.off != len(data) {
		return nil, nil, malformed("%s: %d bytes after the salt", what, len(data)-r.off)
	}
	if saltLen == 0 {
		salt = nil
	}
	return u16List(hashes), salt, nil
}

// parseAlgorithmList decodes a count-prefixed list of 16-bit identifiers
// (SMB2_ENCRYPTION_CAPABILITIES 2.2.3.1.2, SMB2_SIGNING_CAPABILITIES
// 2.2.3.1.7). The count must be positive and match the data length exactly.
func parseAlgorithmList[T ~uint16](data []byte, what string) ([]T, error) {
	r := newReader(data, 0)
	n := int(r.u16(what))
	if r.err != nil {
		return nil, r.err
	}
	if n == 0 {
		return nil, malformed("%s 0", what)
	}
	if len(data) != 2+2*n {
		return nil, malformed("%s %d with %d bytes of data", what, n, len(data))
	}
	ids := make([]T, n)
	for i, v := range u16List(data[2:]) {
		ids[i] = T(v)
	}
	return ids, nil
}

// appendIDList appends 16-bit algorithm identifiers, little-endian.
func appendIDList[T ~uint16](b []byte, ids []T) []byte {
	for _, id := range ids {
		b = appendU16(b, uint16(id))
	}
	return b
}
