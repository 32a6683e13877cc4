package wire

import (
	"bytes"
	"reflect"
	"testing"
)

// ftPosixInfo is what Samba answers for a 0751 directory of uid 3000000,
// group 100 (S-1-22-2-100), owner a domain user.
func ftPosixInfo() PosixInfo {
	dom, _ := ParseSID("S-1-5-21-1-2-3-1104")
	return PosixInfo{NLinks: 2, Mode: PosixTypeDir<<PosixTypeShift | 0o751, Owner: dom, Group: SambaUnixGroupSID(100)}
}

// TestPosixCreateContextLayout pins the layout against the smb3posix.idl
// field order (NLinks, ReparseTag, Mode, owner, group; no padding).
func TestPosixCreateContextLayout(t *testing.T) {
	p := PosixInfo{NLinks: 1, ReparseTag: 0xA000000C, Mode: 0o100644 & 0o7777, Owner: SambaUnixUserSID(1000), Group: SambaUnixGroupSID(1000)}
	want := unhex(t, `
		01000000 0c0000a0 a4010000             // NLinks 1, tag SYMLINK, mode 0644
		01 02 000000000016 01000000 e8030000   // S-1-22-1-1000
		01 02 000000000016 02000000 e8030000   // S-1-22-2-1000`)
	got, err := p.Encode()
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("Encode = % x, %v\nwant % x", got, err, want)
	}
	back, err := DecodePosixCreateResponse(want)
	if err != nil || !reflect.DeepEqual(*back, p) {
		t.Fatalf("decode = %+v, %v", back, err)
	}
	for name, b := range map[string][]byte{
		"short":          want[:11],
		"no group":       want[:12+16],
		"truncated sid":  want[:len(want)-1],
		"trailing bytes": append(append([]byte(nil), want...), 0),
		"bad revision":   ftPatch(want, 12, uint8(2)),
		"too many subs":  ftPatch(want, 13, uint8(16)),
	} {
		_, err := DecodePosixCreateResponse(b)
		ftMalformed(t, err, name)
	}
	if got := EncodePosixCreateRequest(0o755); !bytes.Equal(got, []byte{0xed, 0x01, 0, 0}) {
		t.Fatalf("request % x", got)
	}
	if m, err := DecodePosixCreateRequest([]byte{0xed, 0x01, 0, 0}); err != nil || m != 0o755 {
		t.Fatalf("request decode %o, %v", m, err)
	}
	_, err = DecodePosixCreateRequest([]byte{1, 2, 3})
	ftMalformed(t, err, "3-byte request")
	if PosixType(0o10644) != PosixTypeDir || PosixType(0o20777) != PosixTypeSymlink {
		t.Fatal("PosixType")
	}
}

func TestFilePOSIXInformation(t *testing.T) {
	i := FilePOSIXInformation{
		OpenInfo: OpenInfo{CreationTime: 1, LastAccessTime: 2, LastWriteTime: 3, ChangeTime: 4, EndOfFile: 5, AllocationSize: 6, FileAttributes: FileAttributeDirectory},
		Inode:    0x1122334455667788, Device: 0x99,
		PosixInfo: ftPosixInfo(),
	}
	b, err := i.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if len(b) != 68+12+28+16 {
		t.Fatalf("%d bytes", len(b))
	}
	// EndOfFile comes before AllocationSize, Inode right after the
	// attributes, no padding anywhere.
	if getU64(b, 32) != 5 || getU64(b, 40) != 6 || getU32(b, 48) != FileAttributeDirectory || getU64(b, 52) != i.Inode || getU32(b, 60) != 0x99 || getU32(b, 76) != i.Mode {
		t.Fatalf("layout % x", b)
	}
	back, err := DecodeFilePOSIXInformation(b)
	if err != nil || !reflect.DeepEqual(*back, i) {
		t.Fatalf("decode = %+v, %v", back, err)
	}
	for name, c := range map[string][]byte{
		"fixed part only": b[:68],
		"short":           b[:len(b)-3],
		"trailing":        append(append([]byte(nil), b...), 0, 0, 0, 0),
	} {
		_, err := DecodeFilePOSIXInformation(c)
		ftMalformed(t, err, name)
	}
}

func ftPosixDirEntries() []DirEntry {
	p := ftPosixInfo()
	f := PosixInfo{NLinks: 1, Mode: 0o644, Owner: SambaUnixUserSID(0), Group: SambaUnixGroupSID(0)}
	l := PosixInfo{NLinks: 1, ReparseTag: 0xA000000C, Mode: PosixTypeSymlink<<PosixTypeShift | 0o777, Owner: SambaUnixUserSID(0), Group: SambaUnixGroupSID(0)}
	return []DirEntry{
		{Name: ".", OpenInfo: OpenInfo{CreationTime: 1, FileAttributes: FileAttributeDirectory}, FileID: 9, Posix: &p},
		{Name: "file.txt", FileIndex: 7, OpenInfo: OpenInfo{EndOfFile: 3, AllocationSize: 4096, FileAttributes: FileAttributeArchive}, FileID: 10, Posix: &f},
		{Name: "link", OpenInfo: OpenInfo{FileAttributes: FileAttributeReparsePoint}, FileID: 11, ReparseTag: 0xA000000C, Posix: &l},
	}
}

func TestPosixDirEntries(t *testing.T) {
	ents := ftPosixDirEntries()
	b, err := EncodeDirEntries(ClassFilePOSIXInformation, ents)
	if err != nil {
		t.Fatal(err)
	}
	// First entry: 8 + 68 + 12 + 28 (domain SID) + 16 + 4 + 2 = 138,
	// padded to 144.
	if next := getU32(b, 0); next != 144 {
		t.Fatalf("NextEntryOffset %d", next)
	}
	if getU32(b, 8+68+12+28+16) != 2 { // FileNameLength of "."
		t.Fatalf("first entry % x", b[:144])
	}
	got, err := DecodeDirEntries(ClassFilePOSIXInformation, b)
	if err != nil || !reflect.DeepEqual(got, ents) {
		t.Fatalf("decode = %+v, %v", got, err)
	}
	for name, c := range map[string][]byte{
		"name past the entry": ftPatch(b, 8+68+12+28+16, uint32(200)),
		"empty name":          ftPatch(b, 8+68+12+28+16, uint32(0)),
		"odd name":            ftPatch(b, 8+68+12+28+16, uint32(1)),
		"sid count too big":   ftPatch(b, 8+68+12+1, uint8(15)),
		"short entry":         b[:posixDirMin-1],
	} {
		_, err := DecodeDirEntries(ClassFilePOSIXInformation, c)
		ftMalformed(t, err, name)
	}
	if _, err := EncodeDirEntries(ClassFilePOSIXInformation, []DirEntry{{Name: "x"}}); err == nil {
		t.Fatal("an entry without POSIX information encoded")
	}
}

func TestNegotiatePosixContext(t *testing.T) {
	req := &NegotiateRequest{Dialects: []Dialect{Dialect311}, PreauthHashAlgorithms: []uint16{HashSHA512}, PreauthSalt: make([]byte, 32), POSIX: true}
	msg := req.Append(ftHeader(CmdNegotiate, false))
	// The context is the last one: type 0x100, 16 bytes, the GUID.
	tail := msg[len(msg)-24:]
	if !bytes.Equal(tail[:8], []byte{0x00, 0x01, 0x10, 0x00, 0, 0, 0, 0}) || string(tail[8:]) != CtxNamePOSIX {
		t.Fatalf("context % x", tail)
	}
	back, err := DecodeNegotiateRequest(msg)
	if err != nil || !back.POSIX {
		t.Fatalf("decode: %+v, %v", back, err)
	}
	resp := &NegotiateResponse{DialectRevision: Dialect311, PreauthHashAlgorithms: []uint16{HashSHA512}, POSIX: true}
	rmsg := resp.Append(ftHeader(CmdNegotiate, true))
	rb, err := DecodeNegotiateResponse(rmsg)
	if err != nil || !rb.POSIX {
		t.Fatalf("response decode: %+v, %v", rb, err)
	}
	// A foreign GUID is not the extensions; a length that is not a
	// multiple of 16 is malformed.
	other := &NegotiateResponse{DialectRevision: Dialect311, OtherContexts: []NegotiateContext{{Type: CtxPOSIX, Data: make([]byte, 16)}}}
	if ob, err := DecodeNegotiateResponse(other.Append(ftHeader(CmdNegotiate, true))); err != nil || ob.POSIX {
		t.Fatalf("foreign GUID: %+v, %v", ob, err)
	}
	other.OtherContexts[0].Data = make([]byte, 15)
	_, err = DecodeNegotiateResponse(other.Append(ftHeader(CmdNegotiate, true)))
	ftMalformed(t, err, "15-byte POSIX context")
}

func init() {
	p := ftPosixInfo()
	cc, _ := p.Encode()
	ftAddSeeds("FuzzDecodePosixCreateResponse", cc)
	ftAddSeeds("FuzzDecodePosixCreateRequest", EncodePosixCreateRequest(0o644))
	fi := FilePOSIXInformation{OpenInfo: OpenInfo{EndOfFile: 1}, Inode: 2, PosixInfo: p}
	fb, _ := fi.Encode()
	ftAddSeeds("FuzzDecodeFilePOSIXInformation", fb)
	db, _ := EncodeDirEntries(ClassFilePOSIXInformation, ftPosixDirEntries())
	ftAddSeeds("FuzzDecodePosixDirEntries", db)
}

func FuzzDecodePosixCreateResponse(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodePosixCreateResponse"], (*PosixInfo).Encode, DecodePosixCreateResponse, nil)
}

func FuzzDecodePosixCreateRequest(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodePosixCreateRequest"], ftNoErr(EncodePosixCreateRequest), DecodePosixCreateRequest, nil)
}

func FuzzDecodeFilePOSIXInformation(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeFilePOSIXInformation"], (*FilePOSIXInformation).Encode, DecodeFilePOSIXInformation, nil)
}

func FuzzDecodePosixDirEntries(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodePosixDirEntries"],
		func(e []DirEntry) ([]byte, error) { return EncodeDirEntries(ClassFilePOSIXInformation, e) },
		func(b []byte) ([]DirEntry, error) { return DecodeDirEntries(ClassFilePOSIXInformation, b) }, nil)
}

func TestEncodeNFSSpecialFile(t *testing.T) {
	b := EncodeNFSSpecialFile(NFSSpecFileFIFO)
	want := unhex(t, "14000080 0800 0000 4649464f00000000") // tag, length 8, "FIFO"
	if !bytes.Equal(b, want) {
		t.Fatalf("% x", b)
	}
	p, err := DecodeReparseDataBuffer(b)
	if err != nil || p.Tag != ReparseTagNFS || len(p.Data) != 8 {
		t.Fatalf("%+v, %v", p, err)
	}
}
