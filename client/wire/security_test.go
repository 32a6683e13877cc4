package wire

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
)

func TestSIDStrings(t *testing.T) {
	cases := []struct {
		s    string
		want SID
	}{
		{"S-1-1-0", EveryoneSID()},
		{"S-1-5-32-544", BuiltinAdministratorsSID()},
		{"S-1-5-21-1004336348-1177238915-682003330-512", newSID(5, 21, 1004336348, 1177238915, 682003330, 512)},
		{"S-1-5-88-3-420", UnixModeSID(0o644)},
		{"S-1-22-1-1000", SambaUnixUserSID(1000)},
		{"S-1-0", SID{Revision: 1}},
		{"S-1-4294967295-1", SID{Revision: 1, Authority: [6]byte{0, 0, 0xFF, 0xFF, 0xFF, 0xFF}, SubAuthorities: []uint32{1}}},
		{"S-1-0x0000DEADBEEF-7", SID{Revision: 1, Authority: [6]byte{0, 0, 0xDE, 0xAD, 0xBE, 0xEF}, SubAuthorities: []uint32{7}}},
		{"S-1-0x123456789ABC-4294967295", SID{Revision: 1, Authority: [6]byte{0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC}, SubAuthorities: []uint32{4294967295}}},
	}
	for _, c := range cases {
		got, err := ParseSID(c.s)
		if err != nil {
			t.Fatalf("ParseSID(%q): %v", c.s, err)
		}
		if !got.Equal(c.want) || !reflect.DeepEqual(got, c.want) {
			t.Fatalf("ParseSID(%q) = %+v, want %+v", c.s, got, c.want)
		}
		// String is canonical: decimal below 2^32, else 12 hex digits.
		back, err := ParseSID(got.String())
		if err != nil || !back.Equal(got) {
			t.Fatalf("%q -> %q does not parse back", c.s, got.String())
		}
	}
	if s := (SID{Revision: 1, Authority: [6]byte{0, 0, 0xDE, 0xAD, 0xBE, 0xEF}, SubAuthorities: []uint32{7}}).String(); s != "S-1-3735928559-7" {
		t.Fatalf("String = %q", s)
	}
	if s := (SID{Revision: 1, Authority: [6]byte{0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC}}).String(); s != "S-1-0x123456789ABC" {
		t.Fatalf("String = %q", s)
	}
	for _, bad := range []string{"", "S", "S-1", "S-2-5-1", "X-1-5-1", "S-1--1", "S-1-5-", "S-1-5-+1", "S-1-5-4294967296",
		"S-1-281474976710656-1", "S-1-0x-1", "S-1-0x1234567890ABC-1", "S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15-16", "S-1-5-x"} {
		if _, err := ParseSID(bad); err == nil {
			t.Errorf("ParseSID(%q) accepted", bad)
		}
	}
}

func TestSIDBinary(t *testing.T) {
	// S-1-5-32-544 (BUILTIN\Administrators), [MS-DTYP] 2.4.2.2: Revision,
	// SubAuthorityCount, IdentifierAuthority (big-endian), SubAuthority
	// (little-endian).
	want := unhex(t, "01 02 00 00 00 00 00 05 20 00 00 00 20 02 00 00")
	b, err := BuiltinAdministratorsSID().Encode()
	if err != nil || !bytes.Equal(b, want) {
		t.Fatalf("SID % x %v", b, err)
	}
	s, err := DecodeSID(want)
	if err != nil || s.String() != "S-1-5-32-544" {
		t.Fatalf("decoded %v %v", s, err)
	}
	ftTruncations(t, want, len(want), DecodeSID)
	for name, c := range map[string][]byte{
		"revision 2":         ftPatch(want, 0, uint8(2)),
		"16 sub-authorities": ftLE(uint8(1), uint8(16), ftZeros(6+64)),
		"count past the end": ftPatch(want, 1, uint8(3)),
	} {
		_, err := DecodeSID(c)
		ftMalformed(t, err, name)
	}
	if _, err := (SID{SubAuthorities: make([]uint32, 16)}).Encode(); !errors.Is(err, ErrTooLarge) {
		t.Fatal(err)
	}
	if b, err := (SID{Authority: [6]byte{5: 1}}).Encode(); err != nil || b[0] != 1 {
		t.Fatal("zero revision should encode as 1")
	}
	if _, err := (SID{Revision: 3}).Encode(); err == nil {
		t.Fatal("revision 3 encoded")
	}
}

func ftSD() *SecurityDescriptor {
	owner, group := UnixUserSID(1000), UnixGroupSID(1000)
	return &SecurityDescriptor{
		Control: SESelfRelative | SEDACLPresent,
		Owner:   &owner, Group: &group,
		DACL: &ACL{Revision: ACLRevision, ACEs: []ACE{
			{Type: AccessAllowedACEType, Mask: 0x001200A9, SID: EveryoneSID()},
			ModeACE(0o644),
		}},
	}
}

// TestSecurityDescriptorPinned checks a self-relative descriptor laid out by
// hand from [MS-DTYP] 2.4.6 (header), 2.4.2.2 (SIDs), 2.4.5 (ACL) and
// 2.4.4.2 (ACCESS_ALLOWED_ACE).
func TestSecurityDescriptorPinned(t *testing.T) {
	want := ftLE(
		uint8(1), uint8(0), // 0   Revision, Sbz1
		uint16(0x8004), // 2   Control: SELF_RELATIVE | DACL_PRESENT
		uint32(20),     // 4   OffsetOwner
		uint32(40),     // 8   OffsetGroup
		uint32(0),      // 12  OffsetSacl
		uint32(60),     // 16  OffsetDacl
		// 20: owner S-1-5-88-1-1000
		uint8(1), uint8(3), []byte{0, 0, 0, 0, 0, 5}, uint32(88), uint32(1), uint32(1000),
		// 40: group S-1-5-88-2-1000
		uint8(1), uint8(3), []byte{0, 0, 0, 0, 0, 5}, uint32(88), uint32(2), uint32(1000),
		// 60: DACL: AclRevision 2, Sbz1, AclSize 56, AceCount 2, Sbz2
		uint8(2), uint8(0), uint16(56), uint16(2), uint16(0),
		// 68: ACCESS_ALLOWED, flags 0, size 20, mask, S-1-1-0
		uint8(0), uint8(0), uint16(20), uint32(0x001200A9), uint8(1), uint8(1), []byte{0, 0, 0, 0, 0, 1}, uint32(0),
		// 88: ACCESS_ALLOWED, flags 0, size 28, mask 0, S-1-5-88-3-420 (mode 0644)
		uint8(0), uint8(0), uint16(28), uint32(0), uint8(1), uint8(3), []byte{0, 0, 0, 0, 0, 5}, uint32(88), uint32(3), uint32(0o644),
	)
	got, err := ftSD().Encode()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("SD\n got % x\nwant % x", got, want)
	}
	d, err := DecodeSecurityDescriptor(want)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(d, ftSD()) {
		t.Fatalf("decoded %+v", d)
	}
	if mode, ok := d.UnixMode(); !ok || mode != 0o644 {
		t.Fatalf("UnixMode = %o %v", mode, ok)
	}
	if k, v, ok := d.Owner.UnixNFS(); !ok || k != UnixSIDUser || v != 1000 {
		t.Fatalf("owner %v %v %v", k, v, ok)
	}
	if k, v, ok := d.Group.UnixNFS(); !ok || k != UnixSIDGroup || v != 1000 {
		t.Fatalf("group %v %v %v", k, v, ok)
	}
	ftTruncations(t, want, len(want), DecodeSecurityDescriptor)
	cases := map[string][]byte{
		"revision 2":             ftPatch(want, 0, uint8(2)),
		"not self-relative":      ftPatch(want, 2, uint16(0x0004)),
		"owner in header":        ftPatch(want, 4, uint32(8)),
		"owner past the end":     ftPatch(want, 4, uint32(116)),
		"owner offset huge":      ftPatch(want, 4, uint32(0xFFFFFFFF)),
		"group SID cut":          ftPatch(want, 8, uint32(100)),
		"DACL past the end":      ftPatch(want, 16, uint32(200)),
		"ACL revision 3":         ftPatch(want, 60, uint8(3)),
		"AclSize past the end":   ftPatch(want, 62, uint16(57)),
		"AclSize below header":   ftPatch(want, 62, uint16(4)),
		"AceCount too big":       ftPatch(want, 64, uint16(3)),
		"AceCount huge":          ftPatch(want, 64, uint16(0xFFFF)),
		"AceSize past the ACL":   ftPatch(want, 88+2, uint16(32)),
		"AceSize below header":   ftPatch(want, 68+2, uint16(2)),
		"ACE SID cut":            ftPatch(want, 68+2, uint16(16)),
		"ACE SID revision":       ftPatch(want, 68+8, uint8(2)),
		"access ACE without SID": ftPatch(ftPatch(want, 68+2, uint16(8)), 62, uint16(56)),
	}
	for name, b := range cases {
		_, err := DecodeSecurityDescriptor(b)
		ftMalformed(t, err, name)
	}
}

func TestSecurityDescriptorVariants(t *testing.T) {
	// SACL, other ACE types kept raw, and a NULL DACL.
	owner := LocalSystemSID()
	d := &SecurityDescriptor{
		Control: SESelfRelative | SESACLPresent | SEDACLPresent | SEDACLProtected,
		Owner:   &owner,
		SACL:    &ACL{Revision: ACLRevisionDS, ACEs: []ACE{{Type: SystemMandatoryLabelACEType, Flags: 0, Raw: []byte{1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 16, 0, 0x20, 0, 0}}}},
		DACL:    &ACL{Revision: ACLRevision, ACEs: []ACE{{Type: AccessDeniedACEType, Flags: ObjectInheritACE | ContainerInheritACE, Mask: WriteDAC, SID: CreatorOwnerSID()}, {Type: AccessAllowedObjectACEType}}},
	}
	ftInfoRoundTrip(t, d, func(d *SecurityDescriptor) []byte { b, _ := d.Encode(); return b }, DecodeSecurityDescriptor)
	// NULL DACL: DACL_PRESENT with offset 0.
	null := &SecurityDescriptor{Control: SESelfRelative | SEDACLPresent}
	b := ftInfoRoundTrip(t, null, func(d *SecurityDescriptor) []byte { b, _ := d.Encode(); return b }, DecodeSecurityDescriptor)
	if len(b) != 20 {
		t.Fatalf("NULL DACL descriptor %d bytes", len(b))
	}
	// A DACL offset without DACL_PRESENT is not read.
	sd, _ := ftSD().Encode()
	got, err := DecodeSecurityDescriptor(ftPatch(sd, 2, uint16(0x8000)))
	if err != nil || got.DACL != nil {
		t.Fatalf("DACL without DACL_PRESENT: %+v %v", got, err)
	}
	// Encoder limits.
	big := &SecurityDescriptor{DACL: &ACL{ACEs: make([]ACE, 5000)}}
	for i := range big.DACL.ACEs {
		big.DACL.ACEs[i] = ACE{Type: AccessAllowedACEType, SID: newSID(5, 21, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14)}
	}
	if _, err := big.Encode(); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("huge ACL: %v", err)
	}
	bad := SID{SubAuthorities: make([]uint32, 16)}
	if _, err := (&SecurityDescriptor{Owner: &bad}).Encode(); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("bad owner: %v", err)
	}
}

func TestUnixSIDs(t *testing.T) {
	if s := UnixUserSID(1000).String(); s != "S-1-5-88-1-1000" {
		t.Fatal(s)
	}
	if s := UnixGroupSID(100).String(); s != "S-1-5-88-2-100" {
		t.Fatal(s)
	}
	if s := UnixModeSID(0o755).String(); s != "S-1-5-88-3-493" {
		t.Fatal(s)
	}
	if _, _, ok := newSID(5, 88, 4, 1).UnixNFS(); ok {
		t.Fatal("S-1-5-88-4-1 is not a Unix SID")
	}
	if _, _, ok := newSID(5, 88, 1).UnixNFS(); ok {
		t.Fatal("S-1-5-88-1 without a value")
	}
	if g, id, ok := SambaUnixGroupSID(50).SambaUnix(); !ok || !g || id != 50 {
		t.Fatal("Samba group SID")
	}
	if g, id, ok := SambaUnixUserSID(51).SambaUnix(); !ok || g || id != 51 {
		t.Fatal("Samba user SID")
	}
	if _, _, ok := newSID(22, 3, 1).SambaUnix(); ok {
		t.Fatal("S-1-22-3-1")
	}
	if a := ModeACE(0o100755); a.SID.SubAuthorities[2] != 0o755 || a.Mask != 0 || a.Type != AccessAllowedACEType {
		t.Fatalf("ModeACE %+v", a)
	}
	if _, ok := (&SecurityDescriptor{}).UnixMode(); ok {
		t.Fatal("mode without DACL")
	}
}

func FuzzDecodeSecurityDescriptor(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeSecurityDescriptor"], (*SecurityDescriptor).Encode, DecodeSecurityDescriptor, nil)
}

func FuzzDecodeSID(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeSID"], SID.Encode, DecodeSID, nil)
}

// FuzzParseSID checks that whatever ParseSID accepts prints to a string
// that parses to the same SID, and encodes to bytes that decode to it.
func FuzzParseSID(f *testing.F) {
	for _, s := range []string{"S-1-5-32-544", "S-1-0x123456789ABC-1", "S-1-0", "S-1-5-88-3-420"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sid, err := ParseSID(s)
		if err != nil {
			return
		}
		back, err := ParseSID(sid.String())
		if err != nil || !reflect.DeepEqual(back, sid) {
			t.Fatalf("%q -> %q -> %+v %v", s, sid.String(), back, err)
		}
		b, err := sid.Encode()
		if err != nil {
			t.Fatal(err)
		}
		dec, err := DecodeSID(b)
		if err != nil || !reflect.DeepEqual(dec, sid) {
			t.Fatalf("binary round trip of %q: %+v %v", s, dec, err)
		}
	})
}

func init() {
	sd, _ := ftSD().Encode()
	ftAddSeeds("FuzzDecodeSecurityDescriptor", sd)
	b, _ := BuiltinAdministratorsSID().Encode()
	ftAddSeeds("FuzzDecodeSID", b)
}
