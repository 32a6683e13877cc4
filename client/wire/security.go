package wire

import (
	"fmt"
	"strconv"
	"strings"
)

// Security descriptors as QUERY_INFO/SET_INFO carry them with InfoSecurity:
// the self-relative SECURITY_DESCRIPTOR of [MS-DTYP] 2.4.6, its SIDs
// (2.4.2) and ACLs (2.4.5, 2.4.4). Every offset and size is checked before
// use; nothing is trusted.

// SECURITY_DESCRIPTOR Control bits ([MS-DTYP] 2.4.6).
const (
	SEOwnerDefaulted     uint16 = 0x0001
	SEGroupDefaulted     uint16 = 0x0002
	SEDACLPresent        uint16 = 0x0004
	SEDACLDefaulted      uint16 = 0x0008
	SESACLPresent        uint16 = 0x0010
	SESACLDefaulted      uint16 = 0x0020
	SEDACLTrusted        uint16 = 0x0040
	SEServerSecurity     uint16 = 0x0080
	SEDACLAutoInheritReq uint16 = 0x0100
	SESACLAutoInheritReq uint16 = 0x0200
	SEDACLAutoInherited  uint16 = 0x0400
	SESACLAutoInherited  uint16 = 0x0800
	SEDACLProtected      uint16 = 0x1000
	SESACLProtected      uint16 = 0x2000
	SERMControlValid     uint16 = 0x4000
	SESelfRelative       uint16 = 0x8000
)

// ACE types ([MS-DTYP] 2.4.4.1). Only the first two are decoded into Mask
// and SID; the others are kept as raw bytes.
const (
	AccessAllowedACEType               uint8 = 0x00
	AccessDeniedACEType                uint8 = 0x01
	SystemAuditACEType                 uint8 = 0x02
	SystemAlarmACEType                 uint8 = 0x03
	AccessAllowedCompoundACEType       uint8 = 0x04
	AccessAllowedObjectACEType         uint8 = 0x05
	AccessDeniedObjectACEType          uint8 = 0x06
	SystemAuditObjectACEType           uint8 = 0x07
	SystemAlarmObjectACEType           uint8 = 0x08
	AccessAllowedCallbackACEType       uint8 = 0x09
	AccessDeniedCallbackACEType        uint8 = 0x0A
	AccessAllowedCallbackObjectACEType uint8 = 0x0B
	AccessDeniedCallbackObjectACEType  uint8 = 0x0C
	SystemMandatoryLabelACEType        uint8 = 0x11
	SystemResourceAttributeACEType     uint8 = 0x12
	SystemScopedPolicyIDACEType        uint8 = 0x13
)

// ACE flags ([MS-DTYP] 2.4.4.1).
const (
	ObjectInheritACE        uint8 = 0x01
	ContainerInheritACE     uint8 = 0x02
	NoPropagateInheritACE   uint8 = 0x04
	InheritOnlyACE          uint8 = 0x08
	InheritedACE            uint8 = 0x10
	SuccessfulAccessACEFlag uint8 = 0x40
	FailedAccessACEFlag     uint8 = 0x80
)

// ACL revisions ([MS-DTYP] 2.4.5).
const (
	ACLRevision   uint8 = 0x02
	ACLRevisionDS uint8 = 0x04
)

const (
	sidFixed           = 8
	sidMaxSubAuth      = 15
	aclHeaderSize      = 8
	aceHeaderSize      = 4
	sdHeaderSize       = 20
	sdRevision         = 1
	sidRevision        = 1
	maxSIDAuthority    = 1<<48 - 1
	accessACEFixedSize = aceHeaderSize + 4 // header + Mask, then the SID
)

// SID is a security identifier ([MS-DTYP] 2.4.2.2): revision 1, a 48-bit
// big-endian identifier authority and up to 15 sub-authorities.
type SID struct {
	Revision       uint8
	Authority      [6]byte
	SubAuthorities []uint32
}

// authority returns the identifier authority as a number.
func (s SID) authority() uint64 {
	var v uint64
	for _, b := range s.Authority {
		v = v<<8 | uint64(b)
	}
	return v
}

// String returns the SID in its string form ([MS-DTYP] 2.4.2.1), e.g.
// "S-1-5-21-1004336348-1177238915-682003330-512". An authority of 2^32 or
// more is written in hexadecimal, "0x" and 12 digits.
func (s SID) String() string {
	var sb strings.Builder
	sb.WriteString("S-")
	sb.WriteString(strconv.FormatUint(uint64(s.Revision), 10))
	if a := s.authority(); a >= 1<<32 {
		fmt.Fprintf(&sb, "-0x%012X", a)
	} else {
		sb.WriteString("-")
		sb.WriteString(strconv.FormatUint(a, 10))
	}
	for _, v := range s.SubAuthorities {
		sb.WriteString("-")
		sb.WriteString(strconv.FormatUint(uint64(v), 10))
	}
	return sb.String()
}

// Equal reports whether s and o are the same SID.
func (s SID) Equal(o SID) bool {
	if s.Revision != o.Revision || s.Authority != o.Authority || len(s.SubAuthorities) != len(o.SubAuthorities) {
		return false
	}
	for i, v := range s.SubAuthorities {
		if o.SubAuthorities[i] != v {
			return false
		}
	}
	return true
}

// ParseSID parses the string form of a SID ([MS-DTYP] 2.4.2.1):
// "S-1-" authority then up to 15 "-" sub-authorities, each a decimal
// uint32. The authority is decimal (below 2^48) or "0x" and up to 12 hex
// digits. Only revision 1 exists.
func ParseSID(str string) (SID, error) {
	var s SID
	parts := strings.Split(str, "-")
	if len(parts) < 3 || (parts[0] != "S" && parts[0] != "s") {
		return s, fmt.Errorf("smb2: SID %q: not of the form S-1-authority-...", str)
	}
	if parts[1] != "1" {
		return s, fmt.Errorf("smb2: SID %q: revision %q, want 1", str, parts[1])
	}
	s.Revision = sidRevision
	var auth uint64
	var err error
	if a := parts[2]; strings.HasPrefix(a, "0x") || strings.HasPrefix(a, "0X") {
		if len(a) == 2 || len(a) > 14 {
			err = fmt.Errorf("bad hexadecimal authority")
		} else {
			auth, err = strconv.ParseUint(a[2:], 16, 48)
		}
	} else {
		auth, err = strconv.ParseUint(a, 10, 48)
	}
	if err != nil {
		return SID{}, fmt.Errorf("smb2: SID %q: authority: %w", str, err)
	}
	for i := range s.Authority {
		s.Authority[5-i] = byte(auth >> (8 * i))
	}
	subs := parts[3:]
	if len(subs) > sidMaxSubAuth {
		return SID{}, fmt.Errorf("smb2: SID %q: %d sub-authorities, at most %d", str, len(subs), sidMaxSubAuth)
	}
	if len(subs) > 0 {
		s.SubAuthorities = make([]uint32, len(subs))
	}
	for i, p := range subs {
		v, err := strconv.ParseUint(p, 10, 32)
		if err != nil {
			return SID{}, fmt.Errorf("smb2: SID %q: sub-authority %d: %w", str, i, err)
		}
		s.SubAuthorities[i] = uint32(v)
	}
	return s, nil
}

// size is the encoded length of s.
func (s SID) size() int { return sidFixed + 4*len(s.SubAuthorities) }

// check reports whether s can be encoded. A zero Revision is taken as 1.
func (s SID) check() error {
	if s.Revision != 0 && s.Revision != sidRevision {
		return malformed("SID revision %d", s.Revision)
	}
	if len(s.SubAuthorities) > sidMaxSubAuth {
		return fmt.Errorf("smb2: SID with %d sub-authorities: %w", len(s.SubAuthorities), ErrTooLarge)
	}
	return nil
}

// append encodes s (which must pass check) into b.
func (s SID) append(b []byte) []byte {
	b = append(b, sidRevision, byte(len(s.SubAuthorities)))
	b = append(b, s.Authority[:]...)
	for _, v := range s.SubAuthorities {
		b = appendU32(b, v)
	}
	return b
}

// Encode returns the binary SID ([MS-DTYP] 2.4.2.2). It returns ErrTooLarge
// for more than 15 sub-authorities and an ErrMalformed error for a revision
// other than 1 (0 is taken as 1).
func (s SID) Encode() ([]byte, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	return s.append(make([]byte, 0, s.size())), nil
}

// DecodeSID decodes a binary SID at the start of b ([MS-DTYP] 2.4.2.2):
// revision 1, at most 15 sub-authorities, all inside b. Trailing bytes are
// ignored.
func DecodeSID(b []byte) (SID, error) {
	s, _, err := decodeSID(b)
	return s, err
}

// decodeSID decodes a SID at the start of b and returns its length.
func decodeSID(b []byte) (SID, int, error) {
	if len(b) < sidFixed {
		return SID{}, 0, malformed("SID: %d bytes, need %d", len(b), sidFixed)
	}
	if b[0] != sidRevision {
		return SID{}, 0, malformed("SID: revision %d", b[0])
	}
	n := int(b[1])
	if n > sidMaxSubAuth {
		return SID{}, 0, malformed("SID: %d sub-authorities", n)
	}
	size := sidFixed + 4*n
	if len(b) < size {
		return SID{}, 0, malformed("SID: %d sub-authorities in %d bytes", n, len(b))
	}
	s := SID{Revision: sidRevision}
	copy(s.Authority[:], b[2:8])
	if n > 0 {
		s.SubAuthorities = make([]uint32, n)
		for i := range s.SubAuthorities {
			s.SubAuthorities[i] = getU32(b, sidFixed+4*i)
		}
	}
	return s, size, nil
}

// ACE is an access control entry ([MS-DTYP] 2.4.4). ACCESS_ALLOWED_ACE and
// ACCESS_DENIED_ACE (2.4.4.2, 2.4.4.4) are decoded into Mask and SID; for
// every other type Raw holds the bytes after the 4-byte ACE header (aliasing
// the input when decoded) and Mask and SID are unused.
type ACE struct {
	Type  uint8
	Flags uint8
	Mask  uint32
	SID   SID
	Raw   []byte
}

// isAccessACE reports whether the type is decoded into Mask and SID.
func isAccessACE(t uint8) bool { return t == AccessAllowedACEType || t == AccessDeniedACEType }

func (a *ACE) size() int {
	if isAccessACE(a.Type) {
		return accessACEFixedSize + a.SID.size()
	}
	return aceHeaderSize + len(a.Raw)
}

func (a *ACE) append(b []byte) []byte {
	b = append(b, a.Type, a.Flags)
	b = appendU16(b, uint16(a.size()))
	if !isAccessACE(a.Type) {
		return append(b, a.Raw...)
	}
	b = appendU32(b, a.Mask)
	return a.SID.append(b)
}

// ACL is an access control list ([MS-DTYP] 2.4.5). A zero Revision encodes
// as ACLRevision.
type ACL struct {
	Revision uint8
	ACEs     []ACE
}

func (l *ACL) size() int {
	n := aclHeaderSize
	for i := range l.ACEs {
		n += l.ACEs[i].size()
	}
	return n
}

func (l *ACL) check() error {
	if len(l.ACEs) > 0xFFFF {
		return fmt.Errorf("smb2: ACL with %d ACEs: %w", len(l.ACEs), ErrTooLarge)
	}
	for i := range l.ACEs {
		a := &l.ACEs[i]
		if isAccessACE(a.Type) {
			if err := a.SID.check(); err != nil {
				return err
			}
		}
		if a.size() > 0xFFFF {
			return fmt.Errorf("smb2: ACE of %d bytes: %w", a.size(), ErrTooLarge)
		}
	}
	if l.size() > 0xFFFF {
		return fmt.Errorf("smb2: ACL of %d bytes: %w", l.size(), ErrTooLarge)
	}
	return nil
}

func (l *ACL) append(b []byte) []byte {
	rev := l.Revision
	if rev == 0 {
		rev = ACLRevision
	}
	b = append(b, rev, 0) // AclRevision, Sbz1
	b = appendU16(b, uint16(l.size()))
	b = appendU16(b, uint16(len(l.ACEs)))
	b = appendU16(b, 0) // Sbz2
	for i := range l.ACEs {
		b = l.ACEs[i].append(b)
	}
	return b
}

// decodeACL decodes the ACL at the start of b ([MS-DTYP] 2.4.5): revision 2
// or 4, AclSize inside b, AceCount ACEs each inside AclSize; an access ACE's
// SID must fit in its AceSize.
func decodeACL(b []byte) (*ACL, error) {
	if len(b) < aclHeaderSize {
		return nil, malformed("ACL: %d bytes, need %d", len(b), aclHeaderSize)
	}
	l := &ACL{Revision: b[0]}
	if l.Revision != ACLRevision && l.Revision != ACLRevisionDS {
		return nil, malformed("ACL: revision %d", l.Revision)
	}
	size := int(getU16(b, 2))
	count := int(getU16(b, 4))
	if size < aclHeaderSize || size > len(b) {
		return nil, malformed("ACL: AclSize %d in %d bytes", size, len(b))
	}
	body := b[aclHeaderSize:size]
	if count > len(body)/aceHeaderSize {
		return nil, malformed("ACL: %d ACEs in %d bytes", count, len(body))
	}
	if count > 0 {
		l.ACEs = make([]ACE, count)
	}
	for i := range l.ACEs {
		if len(body) < aceHeaderSize {
			return nil, malformed("ACE %d: %d bytes left", i, len(body))
		}
		a := &l.ACEs[i]
		a.Type, a.Flags = body[0], body[1]
		n := int(getU16(body, 2))
		if n < aceHeaderSize || n > len(body) {
			return nil, malformed("ACE %d: AceSize %d with %d bytes left", i, n, len(body))
		}
		ace := body[:n:n]
		if isAccessACE(a.Type) {
			if n < accessACEFixedSize {
				return nil, malformed("ACE %d: AceSize %d", i, n)
			}
			a.Mask = getU32(ace, aceHeaderSize)
			sid, _, err := decodeSID(ace[accessACEFixedSize:])
			if err != nil {
				return nil, fmt.Errorf("ACE %d: %w", i, err)
			}
			a.SID = sid
		} else if n > aceHeaderSize {
			a.Raw = ace[aceHeaderSize:]
		}
		body = body[n:]
	}
	return l, nil
}

// SecurityDescriptor is a self-relative SECURITY_DESCRIPTOR ([MS-DTYP]
// 2.4.6). Control keeps the wire bits. A nil DACL with SEDACLPresent in
// Control is a NULL DACL (everyone has every access); a nil DACL without it
// means no DACL was sent (AdditionalInformation did not ask for it). The
// same holds for SACL with SESACLPresent.
type SecurityDescriptor struct {
	Control uint16
	Owner   *SID
	Group   *SID
	SACL    *ACL
	DACL    *ACL
}

// Encode returns the self-relative descriptor: the 20-byte header, then
// owner, group, SACL and DACL. Control gains SESelfRelative, and
// SEDACLPresent/SESACLPresent when DACL/SACL is set. It returns ErrTooLarge
// when a SID or ACL exceeds its wire limits.
func (d *SecurityDescriptor) Encode() ([]byte, error) {
	for _, s := range []*SID{d.Owner, d.Group} {
		if s != nil {
			if err := s.check(); err != nil {
				return nil, err
			}
		}
	}
	for _, l := range []*ACL{d.SACL, d.DACL} {
		if l != nil {
			if err := l.check(); err != nil {
				return nil, err
			}
		}
	}
	control := d.Control | SESelfRelative
	if d.DACL != nil {
		control |= SEDACLPresent
	}
	if d.SACL != nil {
		control |= SESACLPresent
	}
	b := make([]byte, sdHeaderSize, sdHeaderSize+512)
	b[0] = sdRevision
	putU16(b, 2, control)
	if d.Owner != nil {
		putU32(b, 4, uint32(len(b)))
		b = d.Owner.append(b)
	}
	if d.Group != nil {
		putU32(b, 8, uint32(len(b)))
		b = d.Group.append(b)
	}
	if d.SACL != nil {
		putU32(b, 12, uint32(len(b)))
		b = d.SACL.append(b)
	}
	if d.DACL != nil {
		putU32(b, 16, uint32(len(b)))
		b = d.DACL.append(b)
	}
	return b, nil
}

// DecodeSecurityDescriptor decodes a self-relative SECURITY_DESCRIPTOR
// ([MS-DTYP] 2.4.6): revision 1, SESelfRelative set, every non-zero offset
// at or after the 20-byte header and the SID or ACL there entirely inside b.
// An ACL is read only when its *Present control bit is set.
func DecodeSecurityDescriptor(b []byte) (*SecurityDescriptor, error) {
	if len(b) < sdHeaderSize {
		return nil, malformed("security descriptor: %d bytes, need %d", len(b), sdHeaderSize)
	}
	if b[0] != sdRevision {
		return nil, malformed("security descriptor: revision %d", b[0])
	}
	d := &SecurityDescriptor{Control: getU16(b, 2)}
	if d.Control&SESelfRelative == 0 {
		return nil, malformed("security descriptor: not self-relative (control 0x%04X)", d.Control)
	}
	at := func(field int, what string) ([]byte, error) {
		off := uint64(getU32(b, field))
		if off == 0 {
			return nil, nil
		}
		if off < sdHeaderSize || off >= uint64(len(b)) {
			return nil, malformed("security descriptor: %s offset %d in %d bytes", what, off, len(b))
		}
		return b[off:], nil
	}
	sid := func(field int, what string) (*SID, error) {
		p, err := at(field, what)
		if p == nil || err != nil {
			return nil, err
		}
		s, _, err := decodeSID(p)
		if err != nil {
			return nil, fmt.Errorf("security descriptor %s: %w", what, err)
		}
		return &s, nil
	}
	acl := func(field int, present uint16, what string) (*ACL, error) {
		if d.Control&present == 0 {
			return nil, nil
		}
		p, err := at(field, what)
		if p == nil || err != nil {
			return nil, err
		}
		l, err := decodeACL(p)
		if err != nil {
			return nil, fmt.Errorf("security descriptor %s: %w", what, err)
		}
		return l, nil
	}
	var err error
	if d.Owner, err = sid(4, "owner"); err != nil {
		return nil, err
	}
	if d.Group, err = sid(8, "group"); err != nil {
		return nil, err
	}
	if d.SACL, err = acl(12, SESACLPresent, "SACL"); err != nil {
		return nil, err
	}
	if d.DACL, err = acl(16, SEDACLPresent, "DACL"); err != nil {
		return nil, err
	}
	return d, nil
}

// Well-known SIDs ([MS-DTYP] 2.4.2.4). They are functions so that callers
// cannot modify a shared value.

// EveryoneSID returns S-1-1-0.
func EveryoneSID() SID { return newSID(1, 0) }

// CreatorOwnerSID returns S-1-3-0.
func CreatorOwnerSID() SID { return newSID(3, 0) }

// CreatorGroupSID returns S-1-3-1.
func CreatorGroupSID() SID { return newSID(3, 1) }

// AuthenticatedUsersSID returns S-1-5-11.
func AuthenticatedUsersSID() SID { return newSID(5, 11) }

// LocalSystemSID returns S-1-5-18.
func LocalSystemSID() SID { return newSID(5, 18) }

// BuiltinAdministratorsSID returns S-1-5-32-544.
func BuiltinAdministratorsSID() SID { return newSID(5, 32, 544) }

func newSID(authority uint8, subs ...uint32) SID {
	return SID{Revision: sidRevision, Authority: [6]byte{5: authority}, SubAuthorities: subs}
}

// Kinds of the "NFS" SIDs S-1-5-88-<kind>-<value> with which Linux cifs
// (mount options modefromsid and idsfromsid) carries POSIX owner, group and
// mode in a security descriptor, as Windows' NFS server does.
const (
	UnixSIDUser  uint32 = 1 // S-1-5-88-1-<uid>
	UnixSIDGroup uint32 = 2 // S-1-5-88-2-<gid>
	UnixSIDMode  uint32 = 3 // S-1-5-88-3-<mode>
)

const unixNFSAuthority = 88

// UnixUserSID returns S-1-5-88-1-uid.
func UnixUserSID(uid uint32) SID { return newSID(5, unixNFSAuthority, UnixSIDUser, uid) }

// UnixGroupSID returns S-1-5-88-2-gid.
func UnixGroupSID(gid uint32) SID { return newSID(5, unixNFSAuthority, UnixSIDGroup, gid) }

// UnixModeSID returns S-1-5-88-3-mode; only the low 12 bits (07777) of a
// mode are meaningful.
func UnixModeSID(mode uint32) SID { return newSID(5, unixNFSAuthority, UnixSIDMode, mode) }

// UnixNFS reports whether s is one of the S-1-5-88-<kind>-<value> SIDs and
// returns its kind (UnixSIDUser, UnixSIDGroup or UnixSIDMode) and value.
func (s SID) UnixNFS() (kind, value uint32, ok bool) {
	if s.Revision != sidRevision || s.authority() != 5 || len(s.SubAuthorities) != 3 || s.SubAuthorities[0] != unixNFSAuthority {
		return 0, 0, false
	}
	switch k := s.SubAuthorities[1]; k {
	case UnixSIDUser, UnixSIDGroup, UnixSIDMode:
		return k, s.SubAuthorities[2], true
	}
	return 0, 0, false
}

// SambaUnixUserSID returns S-1-22-1-uid, the SID Samba gives a Unix user
// that has no Windows identity.
func SambaUnixUserSID(uid uint32) SID { return newSID(22, 1, uid) }

// SambaUnixGroupSID returns S-1-22-2-gid, Samba's SID for an unmapped Unix
// group.
func SambaUnixGroupSID(gid uint32) SID { return newSID(22, 2, gid) }

// SambaUnix reports whether s is S-1-22-1-uid (group false) or
// S-1-22-2-gid (group true) and returns the id.
func (s SID) SambaUnix() (group bool, id uint32, ok bool) {
	if s.Revision != sidRevision || s.authority() != 22 || len(s.SubAuthorities) != 2 {
		return false, 0, false
	}
	switch s.SubAuthorities[0] {
	case 1:
		return false, s.SubAuthorities[1], true
	case 2:
		return true, s.SubAuthorities[1], true
	}
	return false, 0, false
}

// ModeACE returns the ACE Linux cifs adds to carry a POSIX mode
// (modefromsid): ACCESS_ALLOWED, no flags, mask 0, SID S-1-5-88-3-mode,
// with mode masked to 07777.
func ModeACE(mode uint32) ACE {
	return ACE{Type: AccessAllowedACEType, SID: UnixModeSID(mode & 0o7777)}
}

// UnixMode returns the POSIX mode carried by an S-1-5-88-3 ACE in the DACL
// (see ModeACE), masked to 07777, and whether there is one.
func (d *SecurityDescriptor) UnixMode() (uint32, bool) {
	if d.DACL == nil {
		return 0, false
	}
	for i := range d.DACL.ACEs {
		a := &d.DACL.ACEs[i]
		if !isAccessACE(a.Type) {
			continue
		}
		if kind, v, ok := a.SID.UnixNFS(); ok && kind == UnixSIDMode {
			return v & 0o7777, true
		}
	}
	return 0, false
}
