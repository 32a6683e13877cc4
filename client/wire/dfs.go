package wire

import "fmt"

// DFS referrals ([MS-DFSC] 2.2): the input and output of
// FSCTL_DFS_GET_REFERRALS, sent on IPC$ ([MS-SMB2] 3.2.4.20.3). A
// referral response lists targets for the path it covers (PathConsumed),
// every entry of one version; V2 to V4 entries hold their strings by
// offset from the entry's start (anywhere in the response, often shared
// between entries), V1 entries inline.

// ReferralHeaderFlags of RESP_GET_DFS_REFERRAL ([MS-DFSC] 2.2.4).
const (
	DFSReferralServers = 0x00000001 // R: the targets are root targets or DC/domain referral servers
	DFSStorageServers  = 0x00000002 // S: the targets hold the data (no further referral needed)
	DFSTargetFailback  = 0x00000004 // T: fail back to the first target when it returns
)

// ReferralEntryFlags ([MS-DFSC] 2.2.5.3, 2.2.5.4).
const (
	DFSNameListReferral  = 0x0002 // a domain or DC referral: SpecialName and ExpandedNames
	DFSTargetSetBoundary = 0x0004 // V4: this entry starts a new target set
)

// ServerType of a referral entry ([MS-DFSC] 2.2.5.2).
const (
	DFSServerTypeLink = 0x0000 // non-root targets
	DFSServerTypeRoot = 0x0001 // root targets
)

// Fixed sizes of the referral structures ([MS-DFSC] 2.2.4, 2.2.5).
const (
	dfsResponseHeaderSize = 8
	dfsV1Fixed            = 8
	dfsV2Fixed            = 22
	dfsV3NameListFixed    = 18
	dfsV3Fixed            = 34
)

// DFSReferralRequest is REQ_GET_DFS_REFERRAL ([MS-DFSC] 2.2.2).
type DFSReferralRequest struct {
	// MaxReferralLevel is the highest referral version the client
	// understands (1 to 4).
	MaxReferralLevel uint16
	// RequestFileName is the path to resolve: "" for a domain referral,
	// `\domain` for a DC referral, `\server\share[\path]` otherwise
	// ([MS-DFSC] 3.1.4.2).
	RequestFileName string
}

// Encode returns the request bytes: the level and the NUL-terminated name.
func (r *DFSReferralRequest) Encode() []byte {
	b := make([]byte, 0, 4+UTF16Len(r.RequestFileName))
	b = appendU16(b, r.MaxReferralLevel)
	b = AppendUTF16(b, r.RequestFileName)
	return appendU16(b, 0)
}

// DecodeDFSReferralRequest decodes a REQ_GET_DFS_REFERRAL; the name must
// be NUL-terminated and nothing may follow it.
func DecodeDFSReferralRequest(b []byte) (*DFSReferralRequest, error) {
	r, err := fixedReader(b, 4, "DFS referral request")
	if err != nil {
		return nil, err
	}
	req := &DFSReferralRequest{MaxReferralLevel: r.u16("MaxReferralLevel")}
	name, end, err := dfsString(b, 2, "DFS referral request RequestFileName")
	if err != nil {
		return nil, err
	}
	if end != len(b) {
		return nil, malformed("DFS referral request: %d bytes after RequestFileName", len(b)-end)
	}
	req.RequestFileName = name
	return req, nil
}

// DFSReferral is one referral entry, DFS_REFERRAL_V1 to V4 ([MS-DFSC]
// 2.2.5). Which fields are used depends on Version and on the
// NameListReferral flag.
type DFSReferral struct {
	Version    uint16 // 1 to 4, the same in every entry of a response
	ServerType uint16 // DFSServerTypeLink or DFSServerTypeRoot
	EntryFlags uint16 // DFSNameListReferral, DFSTargetSetBoundary (V3, V4; zero below)
	TTL        uint32 // seconds the entry may be cached (V2 and later)

	// A root or link referral: the DFS path the entry is for, its
	// alternate (8.3) form and the target's network address,
	// `\server\share[\path]`. V1 has only NetworkAddress (its ShareName).
	DFSPath, DFSAlternatePath, NetworkAddress string

	// A domain or DC referral (V3, V4 with DFSNameListReferral): the
	// domain name asked about and the DC (or domain) names it expands to.
	SpecialName   string
	ExpandedNames []string
}

// NameList reports whether the entry is a domain or DC referral.
func (e *DFSReferral) NameList() bool {
	return e.Version >= 3 && e.EntryFlags&DFSNameListReferral != 0
}

// DFSReferralResponse is RESP_GET_DFS_REFERRAL ([MS-DFSC] 2.2.4).
type DFSReferralResponse struct {
	// PathConsumed is how many bytes of the request's RequestFileName
	// (in UTF-16, without the terminator) the referral covers.
	PathConsumed uint16
	HeaderFlags  uint32 // DFSReferralServers, DFSStorageServers, DFSTargetFailback
	Referrals    []DFSReferral
}

// Encode returns the response bytes: the header, the entries, then every
// string of V2 to V4 entries after the last entry. It returns ErrTooLarge
// when a string offset, an entry or a count does not fit its field, and a
// malformed error for entries that no response could hold (mixed or
// unknown versions, a name list below V3).
func (r *DFSReferralResponse) Encode() ([]byte, error) {
	if len(r.Referrals) > 0xFFFF {
		return nil, ErrTooLarge
	}
	b := appendU16(nil, r.PathConsumed)
	b = appendU16(b, uint16(len(r.Referrals)))
	b = appendU32(b, r.HeaderFlags)
	type pending struct {
		field int // offset of the 16-bit offset field
		entry int // offset of its entry
		names []string
	}
	var strs []pending
	for i := range r.Referrals {
		e := &r.Referrals[i]
		if e.Version != r.Referrals[0].Version || e.Version < 1 || e.Version > 4 {
			return nil, malformed("DFS referral %d: version %d in a version %d response", i, e.Version, r.Referrals[0].Version)
		}
		if e.Version < 3 && e.EntryFlags != 0 {
			return nil, malformed("DFS referral %d: flags %#x in a version %d entry", i, e.EntryFlags, e.Version)
		}
		start := len(b)
		b = appendU16(b, e.Version)
		b = appendU16(b, 0) // Size, patched below
		b = appendU16(b, e.ServerType)
		b = appendU16(b, e.EntryFlags)
		switch {
		case e.Version == 1:
			b = AppendUTF16(b, e.NetworkAddress)
			b = appendU16(b, 0)
		case e.Version == 2:
			b = appendU32(b, 0) // Proximity
			b = appendU32(b, e.TTL)
			for _, s := range []string{e.DFSPath, e.DFSAlternatePath, e.NetworkAddress} {
				strs = append(strs, pending{len(b), start, []string{s}})
				b = appendU16(b, 0)
			}
		case e.NameList():
			b = appendU32(b, e.TTL)
			strs = append(strs, pending{len(b), start, []string{e.SpecialName}})
			b = appendU16(b, 0)
			if len(e.ExpandedNames) > 0xFFFF {
				return nil, ErrTooLarge
			}
			b = appendU16(b, uint16(len(e.ExpandedNames)))
			if len(e.ExpandedNames) > 0 {
				strs = append(strs, pending{len(b), start, e.ExpandedNames})
			}
			b = appendU16(b, 0)
		default:
			b = appendU32(b, e.TTL)
			for _, s := range []string{e.DFSPath, e.DFSAlternatePath, e.NetworkAddress} {
				strs = append(strs, pending{len(b), start, []string{s}})
				b = appendU16(b, 0)
			}
			b = zeros(b, 16) // ServiceSiteGuid
		}
		if len(b)-start > 0xFFFF {
			return nil, ErrTooLarge
		}
		putU16(b, start+2, uint16(len(b)-start))
	}
	for _, s := range strs {
		off := len(b) - s.entry
		if off > 0xFFFF {
			return nil, ErrTooLarge
		}
		putU16(b, s.field, uint16(off))
		for _, name := range s.names {
			b = AppendUTF16(b, name)
			b = appendU16(b, 0)
		}
	}
	return b, nil
}

// DecodeDFSReferralResponse decodes a RESP_GET_DFS_REFERRAL. Every entry
// must lie inside the response, be at least its version's fixed size and
// have the version of the first; every string must start inside the
// response and end with a NUL before its end. Counts are checked against
// the bytes that could hold them before anything is allocated.
func DecodeDFSReferralResponse(b []byte) (*DFSReferralResponse, error) {
	r, err := fixedReader(b, dfsResponseHeaderSize, "DFS referral response")
	if err != nil {
		return nil, err
	}
	resp := &DFSReferralResponse{PathConsumed: r.u16("PathConsumed")}
	n := int(r.u16("NumberOfReferrals"))
	resp.HeaderFlags = r.u32("ReferralHeaderFlags")
	if n > (len(b)-dfsResponseHeaderSize)/dfsV1Fixed {
		return nil, malformed("DFS referral response: %d referrals in %d bytes", n, len(b))
	}
	if n > 0 {
		resp.Referrals = make([]DFSReferral, n)
	}
	off := dfsResponseHeaderSize
	for i := range resp.Referrals {
		size, err := decodeDFSReferral(b, off, &resp.Referrals[i], i)
		if err != nil {
			return nil, err
		}
		if v := resp.Referrals[i].Version; v != resp.Referrals[0].Version {
			return nil, malformed("DFS referral %d: version %d after version %d", i, v, resp.Referrals[0].Version)
		}
		off += size
	}
	return resp, nil
}

// decodeDFSReferral decodes the entry at off of the response b into e and
// returns its Size.
func decodeDFSReferral(b []byte, off int, e *DFSReferral, i int) (int, error) {
	what := func(field string) string { return fmt.Sprintf("DFS referral %d %s", i, field) }
	if len(b)-off < 4 {
		return 0, malformed("DFS referral %d: %d bytes left at offset %d, need 4", i, len(b)-off, off)
	}
	e.Version = getU16(b, off)
	size := int(getU16(b, off+2))
	var fixed int
	switch e.Version {
	case 1:
		fixed = dfsV1Fixed
	case 2:
		fixed = dfsV2Fixed
	case 3, 4:
		fixed = dfsV3NameListFixed
	default:
		return 0, malformed("DFS referral %d: unknown version %d", i, e.Version)
	}
	if size < fixed || size > len(b)-off {
		return 0, malformed("DFS referral %d: size %d (fixed part %d, %d bytes left)", i, size, fixed, len(b)-off)
	}
	entry := b[off : off+size : off+size]
	e.ServerType = getU16(entry, 4)
	e.EntryFlags = getU16(entry, 6)
	str := func(at int, field string) (string, error) {
		rel := int(getU16(entry, at))
		s, _, err := dfsString(b, off+rel, what(field))
		return s, err
	}
	var err error
	switch {
	case e.Version == 1:
		e.EntryFlags = 0 // V1 and V2: MUST be zero, ignored on receipt
		e.NetworkAddress, _, err = dfsString(entry, dfsV1Fixed, what("ShareName"))
		return size, err
	case e.Version == 2:
		e.EntryFlags = 0
		e.TTL = getU32(entry, 12)
		if e.DFSPath, err = str(16, "DFSPath"); err != nil {
			return 0, err
		}
		if e.DFSAlternatePath, err = str(18, "DFSAlternatePath"); err != nil {
			return 0, err
		}
		e.NetworkAddress, err = str(20, "NetworkAddress")
		return size, err
	}
	e.TTL = getU32(entry, 8)
	if e.EntryFlags&DFSNameListReferral != 0 {
		if e.SpecialName, err = str(12, "SpecialName"); err != nil {
			return 0, err
		}
		count := int(getU16(entry, 14))
		at := off + int(getU16(entry, 16))
		if count > 0 && (at > len(b) || count > (len(b)-at)/2) {
			return 0, malformed("DFS referral %d: %d expanded names at offset %d of %d", i, count, at, len(b))
		}
		if count > 0 {
			e.ExpandedNames = make([]string, count)
		}
		for j := range e.ExpandedNames {
			if e.ExpandedNames[j], at, err = dfsString(b, at, what("ExpandedName")); err != nil {
				return 0, err
			}
		}
		return size, nil
	}
	if size < dfsV3Fixed {
		return 0, malformed("DFS referral %d: size %d, a version %d entry needs %d", i, size, e.Version, dfsV3Fixed)
	}
	if e.DFSPath, err = str(12, "DFSPath"); err != nil {
		return 0, err
	}
	if e.DFSAlternatePath, err = str(14, "DFSAlternatePath"); err != nil {
		return 0, err
	}
	e.NetworkAddress, err = str(16, "NetworkAddress")
	return size, err
}

// dfsString decodes the NUL-terminated UTF-16LE string at off of b and
// returns it with the offset just after its terminator. The string must
// start inside b and its terminator lie inside b.
func dfsString(b []byte, off int, what string) (string, int, error) {
	if off < 0 || off > len(b) {
		return "", 0, malformed("%s: offset %d outside %d bytes", what, off, len(b))
	}
	for p := off; len(b)-p >= 2; p += 2 {
		if b[p] == 0 && b[p+1] == 0 {
			s, err := utf16Field(b[off:p], what)
			return s, p + 2, err
		}
	}
	return "", 0, malformed("%s: no terminator in the %d bytes from offset %d", what, len(b)-off, off)
}
