package wire

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestFixedInfoClassesRoundTrip(t *testing.T) {
	basic := &FileBasicInformation{CreationTime: 0x01D0000000000001, LastAccessTime: 2, LastWriteTime: 3, ChangeTime: ^uint64(0), FileAttributes: FileAttributeHidden}
	b := ftInfoRoundTrip(t, basic, (*FileBasicInformation).Encode, DecodeFileBasicInformation)
	// [MS-FSCC] 2.4 FileBasicInformation: four FILETIMEs, FileAttributes,
	// Reserved (4 bytes): 40 bytes.
	if want := ftLE(uint64(0x01D0000000000001), uint64(2), uint64(3), ^uint64(0), uint32(2), uint32(0)); !bytes.Equal(b, want) {
		t.Fatalf("basic % x", b)
	}
	ftTruncations(t, b, len(b), DecodeFileBasicInformation)

	std := &FileStandardInformation{AllocationSize: 4096, EndOfFile: 10, NumberOfLinks: 2, DeletePending: true, Directory: false}
	b = ftInfoRoundTrip(t, std, (*FileStandardInformation).Encode, DecodeFileStandardInformation)
	// AllocationSize, EndOfFile, NumberOfLinks, DeletePending, Directory,
	// Reserved (2 bytes): 24 bytes.
	if want := ftLE(uint64(4096), uint64(10), uint32(2), uint8(1), uint8(0), uint16(0)); !bytes.Equal(b, want) {
		t.Fatalf("standard % x", b)
	}
	ftTruncations(t, b, len(b), DecodeFileStandardInformation)
	if s, _ := DecodeFileStandardInformation(ftPatch(b, 21, uint8(0x80))); !s.Directory {
		t.Fatal("non-zero BOOLEAN is true")
	}

	b = ftInfoRoundTrip(t, &FileInternalInformation{IndexNumber: 0xDEADBEEF}, (*FileInternalInformation).Encode, DecodeFileInternalInformation)
	ftTruncations(t, b, len(b), DecodeFileInternalInformation)
	b = ftInfoRoundTrip(t, &FileEaInformation{EaSize: 77}, (*FileEaInformation).Encode, DecodeFileEaInformation)
	ftTruncations(t, b, len(b), DecodeFileEaInformation)
	no := &FileNetworkOpenInformation{OpenInfo{1, 2, 3, 4, 5, 6, FileAttributeNormal}}
	b = ftInfoRoundTrip(t, no, (*FileNetworkOpenInformation).Encode, DecodeFileNetworkOpenInformation)
	if len(b) != 56 {
		t.Fatalf("network open %d bytes", len(b))
	}
	ftTruncations(t, b, len(b), DecodeFileNetworkOpenInformation)
	b = ftInfoRoundTrip(t, &FileAttributeTagInformation{FileAttributes: FileAttributeReparsePoint, ReparseTag: ReparseTagSymlink}, (*FileAttributeTagInformation).Encode, DecodeFileAttributeTagInformation)
	ftTruncations(t, b, len(b), DecodeFileAttributeTagInformation)
	b = ftInfoRoundTrip(t, &FileEndOfFileInformation{EndOfFile: 1 << 33}, (*FileEndOfFileInformation).Encode, DecodeFileEndOfFileInformation)
	ftTruncations(t, b, len(b), DecodeFileEndOfFileInformation)
	b = ftInfoRoundTrip(t, &FileAllocationInformation{AllocationSize: 1 << 20}, (*FileAllocationInformation).Encode, DecodeFileAllocationInformation)
	ftTruncations(t, b, len(b), DecodeFileAllocationInformation)
	b = ftInfoRoundTrip(t, &FileDispositionInformation{DeletePending: true}, (*FileDispositionInformation).Encode, DecodeFileDispositionInformation)
	if !bytes.Equal(b, []byte{1}) {
		t.Fatalf("disposition % x", b)
	}
	ftTruncations(t, b, len(b), DecodeFileDispositionInformation)
	b = ftInfoRoundTrip(t, &FileDispositionInformationEx{Flags: FileDispositionDelete | FileDispositionPOSIXSemantics}, (*FileDispositionInformationEx).Encode, DecodeFileDispositionInformationEx)
	if want := ftLE(uint32(3)); !bytes.Equal(b, want) {
		t.Fatalf("disposition ex % x", b)
	}
	ftTruncations(t, b, len(b), DecodeFileDispositionInformationEx)

	fs := &FileFsFullSizeInformation{TotalAllocationUnits: 1000, CallerAvailableAllocationUnits: 100, ActualAvailableAllocationUnits: 200, SectorsPerAllocationUnit: 8, BytesPerSector: 512}
	b = ftInfoRoundTrip(t, fs, (*FileFsFullSizeInformation).Encode, DecodeFileFsFullSizeInformation)
	// [MS-FSCC] 2.5 FileFsFullSizeInformation: three 64-bit counts, then
	// SectorsPerAllocationUnit and BytesPerSector.
	if want := ftLE(uint64(1000), uint64(100), uint64(200), uint32(8), uint32(512)); !bytes.Equal(b, want) {
		t.Fatalf("fs full size % x", b)
	}
	ftTruncations(t, b, len(b), DecodeFileFsFullSizeInformation)
	b = ftInfoRoundTrip(t, &FileFsSizeInformation{1000, 100, 8, 512}, (*FileFsSizeInformation).Encode, DecodeFileFsSizeInformation)
	ftTruncations(t, b, len(b), DecodeFileFsSizeInformation)
}

// TestFileRenameInformationPinned checks FILE_RENAME_INFORMATION_TYPE_2
// ([MS-FSCC] 2.4.41.2) laid out by hand.
func TestFileRenameInformationPinned(t *testing.T) {
	r := &FileRenameInformation{ReplaceIfExists: true, FileName: `dir\new.txt`}
	want := ftLE(
		uint8(1),              // 0  ReplaceIfExists
		ftZeros(7),            // 1  Reserved
		uint64(0),             // 8  RootDirectory
		uint32(22),            // 16 FileNameLength
		ftU16s(`dir\new.txt`), // 20 FileName
		uint16(0),             // 42 NUL terminator, not counted
	)
	if got := r.Encode(); !bytes.Equal(got, want) {
		t.Fatalf("rename\n got % x\nwant % x", got, want)
	}
	ftInfoRoundTrip(t, r, (*FileRenameInformation).Encode, DecodeFileRenameInformation)
	ftTruncations(t, want, len(want)-2, DecodeFileRenameInformation)
	// A one-character name still makes a 24-byte buffer.
	if n := len((&FileRenameInformation{FileName: "a"}).Encode()); n != 24 {
		t.Fatalf("short rename buffer %d bytes", n)
	}
	cases := map[string][]byte{
		"odd name length":   ftPatch(want, 16, uint32(21)),
		"empty name":        ftPatch(want, 16, uint32(0)),
		"name past the end": ftPatch(want, 16, uint32(26)),
		"name huge":         ftPatch(want, 16, uint32(0xFFFFFFFE)),
	}
	for name, b := range cases {
		_, err := DecodeFileRenameInformation(b)
		ftMalformed(t, err, name)
	}
	l := &FileLinkInformation{FileName: `x\hard link`, RootDirectory: 0}
	b := ftInfoRoundTrip(t, l, (*FileLinkInformation).Encode, DecodeFileLinkInformation)
	ftTruncations(t, b, len(b)-2, DecodeFileLinkInformation)
}

func TestFileAllInformation(t *testing.T) {
	f := &FileAllInformation{
		Basic:    FileBasicInformation{1, 2, 3, 4, FileAttributeArchive},
		Standard: FileStandardInformation{AllocationSize: 8, EndOfFile: 7, NumberOfLinks: 1},
		Internal: FileInternalInformation{IndexNumber: 99}, EaSize: 0, AccessFlags: 0x1F01FF,
		CurrentByteOffset: 0, Mode: 0, AlignmentRequirement: 0, Name: `\dir\file`,
	}
	b := ftInfoRoundTrip(t, f, (*FileAllInformation).Encode, DecodeFileAllInformation)
	// [MS-FSCC] 2.4.2: the name length sits at 96, the name at 100.
	if len(b) != 100+18 || !bytes.Equal(b[96:100], ftLE(uint32(18))) {
		t.Fatalf("all information % x", b)
	}
	ftTruncations(t, b, 100, DecodeFileAllInformation)
	// Cut short (STATUS_BUFFER_OVERFLOW): keep the part that arrived.
	g, err := DecodeFileAllInformation(b[:107])
	if err != nil || !g.NameTruncated || g.Name != `\di` {
		t.Fatalf("truncated name: %+v %v", g, err)
	}
	_, err = DecodeFileAllInformation(ftPatch(b, 96, uint32(17)))
	ftMalformed(t, err, "odd name length")
}

func TestEAsPinned(t *testing.T) {
	eas := []EA{{Name: "user.a", Value: []byte("xyz")}, {Flags: FileNeedEA, Name: "B", Value: nil}}
	b, err := EncodeEAs(eas)
	if err != nil {
		t.Fatal(err)
	}
	// [MS-FSCC] 2.4 FileFullEaInformation: NextEntryOffset, Flags,
	// EaNameLength, EaValueLength, EaName + NUL, EaValue; entries 4-byte
	// aligned.
	want := ftLE(
		uint32(20), uint8(0), uint8(6), uint16(3), "user.a\x00", "xyz", ftZeros(2),
		uint32(0), uint8(0x80), uint8(1), uint16(0), "B\x00",
	)
	if !bytes.Equal(b, want) {
		t.Fatalf("EAs\n got % x\nwant % x", b, want)
	}
	got, err := DecodeEAs(b)
	if err != nil || !reflect.DeepEqual(got, eas) {
		t.Fatalf("decoded %+v %v", got, err)
	}
	ftListTruncations(t, b, len(b), DecodeEAs)
	cases := map[string][]byte{
		"NextEntryOffset misaligned": ftPatch(b, 0, uint32(18)),
		"NextEntryOffset below 8":    ftPatch(b, 0, uint32(4)),
		"NextEntryOffset at the end": ftPatch(b, 0, uint32(len(b))),
		"name without NUL":           ftPatch(b, 5, uint8(7)),
		"empty name":                 ftPatch(b, 5, uint8(0)),
		"NUL inside name":            ftPatch(b, 9, uint8(0)),
		"value past entry":           ftPatch(b, 6, uint16(6)),
		"value past the end":         ftPatch(b, 20+6, uint16(1)),
	}
	for name, c := range cases {
		_, err := DecodeEAs(c)
		ftMalformed(t, err, name)
	}
	for _, bad := range []EA{{Name: ""}, {Name: "a\x00b"}} {
		if _, err := EncodeEAs([]EA{bad}); !errors.Is(err, ErrInvalidEAName) {
			t.Fatalf("EA name %q: %v", bad.Name, err)
		}
	}
	for _, big := range []EA{{Name: strings.Repeat("n", 256)}, {Name: "v", Value: make([]byte, 65536)}} {
		if _, err := EncodeEAs([]EA{big}); !errors.Is(err, ErrTooLarge) {
			t.Fatalf("big EA: %v", err)
		}
	}
	max := []EA{{Name: strings.Repeat("n", 255), Value: make([]byte, 65535)}}
	mb, err := EncodeEAs(max)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := DecodeEAs(mb); err != nil || !reflect.DeepEqual(got, max) {
		t.Fatal("largest EA does not round trip")
	}
}

func TestGetEAs(t *testing.T) {
	b, err := EncodeGetEAs([]string{"user.a", "bb"})
	if err != nil {
		t.Fatal(err)
	}
	// FILE_GET_EA_INFORMATION: NextEntryOffset, EaNameLength, EaName + NUL.
	want := ftLE(uint32(12), uint8(6), "user.a\x00", uint32(0), uint8(2), "bb\x00")
	if !bytes.Equal(b, want) {
		t.Fatalf("get EAs % x", b)
	}
	got, err := DecodeGetEAs(b)
	if err != nil || !reflect.DeepEqual(got, []string{"user.a", "bb"}) {
		t.Fatalf("decoded %q %v", got, err)
	}
	ftListTruncations(t, b, len(b), DecodeGetEAs)
	for name, c := range map[string][]byte{
		"misaligned":   ftPatch(b, 0, uint32(10)),
		"no NUL":       ftPatch(b, 4, uint8(7)),
		"empty name":   ftPatch(b, 4, uint8(0)),
		"name too big": ftPatch(b, 12+4, uint8(3)),
	} {
		_, err := DecodeGetEAs(c)
		ftMalformed(t, err, name)
	}
	if _, err := EncodeGetEAs([]string{""}); !errors.Is(err, ErrInvalidEAName) {
		t.Fatal(err)
	}
}

func TestFileStreamInformation(t *testing.T) {
	in := []FileStreamInformation{{Name: "::$DATA", Size: 10, AllocationSize: 4096}, {Name: ":x:$DATA", Size: 1, AllocationSize: 8}}
	b := EncodeFileStreamInformation(in)
	// NextEntryOffset, StreamNameLength, StreamSize, StreamAllocationSize,
	// StreamName; 8-byte aligned.
	want := ftLE(uint32(40), uint32(14), uint64(10), uint64(4096), ftU16s("::$DATA"), ftZeros(2),
		uint32(0), uint32(16), uint64(1), uint64(8), ftU16s(":x:$DATA"))
	if !bytes.Equal(b, want) {
		t.Fatalf("streams % x", b)
	}
	got, err := DecodeFileStreamInformation(b)
	if err != nil || !reflect.DeepEqual(got, in) {
		t.Fatalf("decoded %+v %v", got, err)
	}
	ftListTruncations(t, b, len(b), DecodeFileStreamInformation)
	for name, c := range map[string][]byte{
		"misaligned":  ftPatch(b, 0, uint32(36)),
		"odd name":    ftPatch(b, 4, uint32(13)),
		"empty name":  ftPatch(b, 4, uint32(0)),
		"name past":   ftPatch(b, 4, uint32(18)),
		"last name":   ftPatch(b, 44, uint32(18)),
		"next at end": ftPatch(b, 0, uint32(len(b)+4)),
	} {
		_, err := DecodeFileStreamInformation(c)
		ftMalformed(t, err, name)
	}
}

func TestFsAttributeAndVolume(t *testing.T) {
	a := &FileFsAttributeInformation{Attributes: FileCaseSensitiveSearch | FileCasePreservedNames | FileSupportsSparseFiles, MaximumComponentNameLength: 255, FileSystemName: "NTFS"}
	b := ftInfoRoundTrip(t, a, (*FileFsAttributeInformation).Encode, DecodeFileFsAttributeInformation)
	if want := ftLE(uint32(0x43), uint32(255), uint32(8), ftU16s("NTFS")); !bytes.Equal(b, want) {
		t.Fatalf("fs attribute % x", b)
	}
	ftTruncations(t, b, len(b), DecodeFileFsAttributeInformation)
	_, err := DecodeFileFsAttributeInformation(ftPatch(b, 8, uint32(7)))
	ftMalformed(t, err, "odd name")

	v := &FileFsVolumeInformation{VolumeCreationTime: 5, VolumeSerialNumber: 0xCAFE, SupportsObjects: true, VolumeLabel: "share"}
	b = ftInfoRoundTrip(t, v, (*FileFsVolumeInformation).Encode, DecodeFileFsVolumeInformation)
	// VolumeCreationTime, VolumeSerialNumber, VolumeLabelLength,
	// SupportsObjects, Reserved, VolumeLabel.
	if want := ftLE(uint64(5), uint32(0xCAFE), uint32(10), uint8(1), uint8(0), ftU16s("share")); !bytes.Equal(b, want) {
		t.Fatalf("fs volume % x", b)
	}
	ftTruncations(t, b, len(b), DecodeFileFsVolumeInformation)
	ftInfoRoundTrip(t, &FileFsVolumeInformation{}, (*FileFsVolumeInformation).Encode, DecodeFileFsVolumeInformation)
}

func FuzzDecodeFileBasicInformation(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeFileBasicInformation"], ftNoErr((*FileBasicInformation).Encode), DecodeFileBasicInformation, nil)
}

func FuzzDecodeFileStandardInformation(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeFileStandardInformation"], ftNoErr((*FileStandardInformation).Encode), DecodeFileStandardInformation, nil)
}

func FuzzDecodeFileInternalInformation(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeFileInternalInformation"], ftNoErr((*FileInternalInformation).Encode), DecodeFileInternalInformation, nil)
}

func FuzzDecodeFileEaInformation(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeFileEaInformation"], ftNoErr((*FileEaInformation).Encode), DecodeFileEaInformation, nil)
}

func FuzzDecodeFileNetworkOpenInformation(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeFileNetworkOpenInformation"], ftNoErr((*FileNetworkOpenInformation).Encode), DecodeFileNetworkOpenInformation, nil)
}

func FuzzDecodeFileAllInformation(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeFileAllInformation"], ftNoErr((*FileAllInformation).Encode), DecodeFileAllInformation,
		func(f *FileAllInformation) { f.NameTruncated = false })
}

func FuzzDecodeFileAttributeTagInformation(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeFileAttributeTagInformation"], ftNoErr((*FileAttributeTagInformation).Encode), DecodeFileAttributeTagInformation, nil)
}

func FuzzDecodeFileEndOfFileInformation(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeFileEndOfFileInformation"], ftNoErr((*FileEndOfFileInformation).Encode), DecodeFileEndOfFileInformation, nil)
}

func FuzzDecodeFileAllocationInformation(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeFileAllocationInformation"], ftNoErr((*FileAllocationInformation).Encode), DecodeFileAllocationInformation, nil)
}

func FuzzDecodeFileRenameInformation(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeFileRenameInformation"], ftNoErr((*FileRenameInformation).Encode), DecodeFileRenameInformation, nil)
}

func FuzzDecodeFileLinkInformation(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeFileLinkInformation"], ftNoErr((*FileLinkInformation).Encode), DecodeFileLinkInformation, nil)
}

func FuzzDecodeFileDispositionInformation(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeFileDispositionInformation"], ftNoErr((*FileDispositionInformation).Encode), DecodeFileDispositionInformation, nil)
}

func FuzzDecodeFileDispositionInformationEx(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeFileDispositionInformationEx"], ftNoErr((*FileDispositionInformationEx).Encode), DecodeFileDispositionInformationEx, nil)
}

func FuzzDecodeEAs(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeEAs"], EncodeEAs, DecodeEAs, nil)
}

func FuzzDecodeGetEAs(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeGetEAs"], EncodeGetEAs, DecodeGetEAs, nil)
}

func FuzzDecodeFileStreamInformation(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeFileStreamInformation"], ftNoErr(EncodeFileStreamInformation), DecodeFileStreamInformation, nil)
}

func FuzzDecodeFileFsFullSizeInformation(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeFileFsFullSizeInformation"], ftNoErr((*FileFsFullSizeInformation).Encode), DecodeFileFsFullSizeInformation, nil)
}

func FuzzDecodeFileFsSizeInformation(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeFileFsSizeInformation"], ftNoErr((*FileFsSizeInformation).Encode), DecodeFileFsSizeInformation, nil)
}

func FuzzDecodeFileFsAttributeInformation(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeFileFsAttributeInformation"], ftNoErr((*FileFsAttributeInformation).Encode), DecodeFileFsAttributeInformation, nil)
}

func FuzzDecodeFileFsVolumeInformation(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeFileFsVolumeInformation"], ftNoErr((*FileFsVolumeInformation).Encode), DecodeFileFsVolumeInformation, nil)
}

func init() {
	ftAddSeeds("FuzzDecodeFileBasicInformation", (&FileBasicInformation{1, 2, 3, 4, 5}).Encode())
	ftAddSeeds("FuzzDecodeFileStandardInformation", (&FileStandardInformation{1, 2, 3, true, true}).Encode())
	ftAddSeeds("FuzzDecodeFileInternalInformation", (&FileInternalInformation{1}).Encode())
	ftAddSeeds("FuzzDecodeFileEaInformation", (&FileEaInformation{1}).Encode())
	ftAddSeeds("FuzzDecodeFileNetworkOpenInformation", (&FileNetworkOpenInformation{OpenInfo{1, 2, 3, 4, 5, 6, 7}}).Encode())
	ftAddSeeds("FuzzDecodeFileAllInformation", (&FileAllInformation{Name: `\a\b`}).Encode())
	ftAddSeeds("FuzzDecodeFileAttributeTagInformation", (&FileAttributeTagInformation{1, 2}).Encode())
	ftAddSeeds("FuzzDecodeFileEndOfFileInformation", (&FileEndOfFileInformation{1}).Encode())
	ftAddSeeds("FuzzDecodeFileAllocationInformation", (&FileAllocationInformation{1}).Encode())
	ftAddSeeds("FuzzDecodeFileRenameInformation", (&FileRenameInformation{true, 0, `a\b`}).Encode())
	ftAddSeeds("FuzzDecodeFileLinkInformation", (&FileLinkInformation{false, 0, `c`}).Encode())
	ftAddSeeds("FuzzDecodeFileDispositionInformation", (&FileDispositionInformation{true}).Encode())
	ftAddSeeds("FuzzDecodeFileDispositionInformationEx", (&FileDispositionInformationEx{3}).Encode())
	eas, _ := EncodeEAs([]EA{{Name: "user.x", Value: []byte("v")}, {Name: "y"}})
	ftAddSeeds("FuzzDecodeEAs", eas)
	geas, _ := EncodeGetEAs([]string{"user.x", "y"})
	ftAddSeeds("FuzzDecodeGetEAs", geas)
	ftAddSeeds("FuzzDecodeFileStreamInformation", EncodeFileStreamInformation([]FileStreamInformation{{Name: "::$DATA", Size: 1}, {Name: ":s:$DATA"}}))
	ftAddSeeds("FuzzDecodeFileFsFullSizeInformation", (&FileFsFullSizeInformation{1, 2, 3, 4, 5}).Encode())
	ftAddSeeds("FuzzDecodeFileFsSizeInformation", (&FileFsSizeInformation{1, 2, 3, 4}).Encode())
	ftAddSeeds("FuzzDecodeFileFsAttributeInformation", (&FileFsAttributeInformation{1, 255, "ext4"}).Encode())
	ftAddSeeds("FuzzDecodeFileFsVolumeInformation", (&FileFsVolumeInformation{1, 2, true, "vol"}).Encode())
}
