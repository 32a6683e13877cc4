package wire

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
)

func TestQueryDirectoryRequest(t *testing.T) {
	m := &QueryDirectoryRequest{FileInformationClass: ClassFileIdBothDirectoryInformation, Flags: RestartScans, FileID: FileID{1, 2}, FileName: "*", OutputBufferLength: 65536}
	msg := ftMsgRoundTrip(t, CmdQueryDirectory, false, m, (*QueryDirectoryRequest).Append, DecodeQueryDirectoryRequest)
	// [MS-SMB2] 2.2.33: StructureSize 33, FileInformationClass, Flags,
	// FileIndex, FileId, FileNameOffset (0x60), FileNameLength,
	// OutputBufferLength, Buffer.
	want := ftLE(ftHeader(CmdQueryDirectory, false), uint16(33), uint8(37), uint8(1), uint32(0), uint64(1), uint64(2),
		uint16(0x60), uint16(2), uint32(65536), ftU16s("*"))
	if !bytes.Equal(msg, want) {
		t.Fatalf("QUERY_DIRECTORY request % x", msg)
	}
	ftTruncations(t, msg, len(msg), DecodeQueryDirectoryRequest)
	e := ftMsgRoundTrip(t, CmdQueryDirectory, false, &QueryDirectoryRequest{FileInformationClass: 1}, (*QueryDirectoryRequest).Append, DecodeQueryDirectoryRequest)
	if len(e) != HeaderSize+33 {
		t.Fatalf("empty pattern body %d", len(e)-HeaderSize)
	}
	cases := map[string][]byte{
		"StructureSize":      ftPatch(msg, 64, uint16(32)),
		"odd name length":    ftPatch(msg, 90, uint16(1)),
		"name in fixed part": ftPatch(msg, 88, uint16(0x5E)),
		"name outside":       ftPatch(msg, 90, uint16(4)),
	}
	for name, b := range cases {
		_, err := DecodeQueryDirectoryRequest(b)
		ftMalformed(t, err, name)
	}
}

func TestQueryDirectoryResponse(t *testing.T) {
	m := &QueryDirectoryResponse{Buffer: []byte("entries.")}
	msg := ftMsgRoundTrip(t, CmdQueryDirectory, true, m, (*QueryDirectoryResponse).Append, DecodeQueryDirectoryResponse)
	// [MS-SMB2] 2.2.34: StructureSize 9, OutputBufferOffset 0x48,
	// OutputBufferLength, Buffer.
	if want := ftLE(ftHeader(CmdQueryDirectory, true), uint16(9), uint16(0x48), uint32(8), "entries."); !bytes.Equal(msg, want) {
		t.Fatalf("QUERY_DIRECTORY response % x", msg)
	}
	d, _ := DecodeQueryDirectoryResponse(msg)
	if &d.Buffer[0] != &msg[0x48] {
		t.Fatal("Buffer does not alias the message")
	}
	ftTruncations(t, msg, len(msg), DecodeQueryDirectoryResponse)
	ftMsgRoundTrip(t, CmdQueryDirectory, true, &QueryDirectoryResponse{}, (*QueryDirectoryResponse).Append, DecodeQueryDirectoryResponse)
	cases := map[string][]byte{
		"StructureSize":   ftPatch(msg, 64, uint16(8)),
		"buffer in fixed": ftPatch(msg, 66, uint16(0x40)),
		"buffer outside":  ftPatch(msg, 68, uint32(9)),
	}
	for name, b := range cases {
		_, err := DecodeQueryDirectoryResponse(b)
		ftMalformed(t, err, name)
	}
}

func ftDirEntries() []DirEntry {
	return []DirEntry{
		{Name: ".", OpenInfo: OpenInfo{CreationTime: 1, LastAccessTime: 2, LastWriteTime: 3, ChangeTime: 4, FileAttributes: FileAttributeDirectory}, FileID: 0x100},
		{Name: "link", FileIndex: 9, OpenInfo: OpenInfo{CreationTime: 5, LastAccessTime: 6, LastWriteTime: 7, ChangeTime: 8, EndOfFile: 5, AllocationSize: 8,
			FileAttributes: FileAttributeReparsePoint | FileAttributeArchive}, ReparseTag: ReparseTagSymlink, FileID: 0x200, ShortName: "LINK"},
	}
}

// TestFileIdBothDirectoryInformationPinned checks two entries of class 37
// laid out by hand from [MS-FSCC] 2.4 FileIdBothDirectoryInformation.
func TestFileIdBothDirectoryInformationPinned(t *testing.T) {
	want := ftLE(
		// Entry 0 at 0: 104-byte fixed part + "." (2 bytes), padded to 112.
		uint32(112),   // 0   NextEntryOffset
		uint32(0),     // 4   FileIndex
		uint64(1),     // 8   CreationTime
		uint64(2),     // 16  LastAccessTime
		uint64(3),     // 24  LastWriteTime
		uint64(4),     // 32  ChangeTime
		uint64(0),     // 40  EndOfFile
		uint64(0),     // 48  AllocationSize
		uint32(0x10),  // 56  FileAttributes: DIRECTORY
		uint32(2),     // 60  FileNameLength
		uint32(0),     // 64  EaSize
		uint8(0),      // 68  ShortNameLength
		uint8(0),      // 69  Reserved1
		ftZeros(24),   // 70  ShortName
		uint16(0),     // 94  Reserved2
		uint64(0x100), // 96  FileId
		ftU16s("."),   // 104 FileName
		ftZeros(6),    // 106 padding to 112
		// Entry 1 at 112, the last: no padding.
		uint32(0), uint32(9), uint64(5), uint64(6), uint64(7), uint64(8), uint64(5), uint64(8),
		uint32(0x420),      // FileAttributes: REPARSE_POINT | ARCHIVE
		uint32(8),          // FileNameLength
		uint32(0xA000000C), // EaSize holds the reparse tag
		uint8(8), uint8(0), ftU16s("LINK"), ftZeros(16), uint16(0),
		uint64(0x200), ftU16s("link"),
	)
	got, err := EncodeDirEntries(ClassFileIdBothDirectoryInformation, ftDirEntries())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("entries\n got % x\nwant % x", got, want)
	}
	entries, err := DecodeDirEntries(ClassFileIdBothDirectoryInformation, want)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(entries, ftDirEntries()) {
		t.Fatalf("decoded %+v", entries)
	}
	ftListTruncations(t, want, len(want), func(b []byte) ([]DirEntry, error) {
		return DecodeDirEntries(ClassFileIdBothDirectoryInformation, b)
	})
	cases := map[string][]byte{
		"NextEntryOffset misaligned":     ftPatch(want, 0, uint32(108)),
		"NextEntryOffset below fixed":    ftPatch(want, 0, uint32(8)),
		"NextEntryOffset cuts the name":  ftPatch(ftPatch(want, 0, uint32(104)), 60, uint32(2)),
		"NextEntryOffset outside":        ftPatch(want, 0, uint32(232)),
		"NextEntryOffset huge":           ftPatch(want, 0, uint32(0xFFFFFFF8)),
		"FileNameLength odd":             ftPatch(want, 60, uint32(1)),
		"FileNameLength zero":            ftPatch(want, 60, uint32(0)),
		"FileNameLength past entry":      ftPatch(want, 60, uint32(10)),
		"FileNameLength past buffer":     ftPatch(want, 112+60, uint32(10)),
		"FileNameLength huge":            ftPatch(want, 112+60, uint32(0xFFFFFFFE)),
		"ShortNameLength 26":             ftPatch(want, 112+68, uint8(26)),
		"ShortNameLength odd":            ftPatch(want, 112+68, uint8(7)),
		"last entry shorter than fixed":  want[:112+100],
		"last entry NextEntryOffset set": ftPatch(want, 112, uint32(8)),
	}
	for name, b := range cases {
		_, err := DecodeDirEntries(ClassFileIdBothDirectoryInformation, b)
		ftMalformed(t, err, name)
	}
	// Trailing bytes after the last entry (padding) are ignored.
	if got, err := DecodeDirEntries(ClassFileIdBothDirectoryInformation, ftLE(want, ftZeros(8))); err != nil || len(got) != 2 {
		t.Fatalf("padded buffer: %d entries, %v", len(got), err)
	}
	if got, err := DecodeDirEntries(ClassFileIdBothDirectoryInformation, nil); got != nil || err != nil {
		t.Fatal("empty buffer")
	}
	_, err = DecodeDirEntries(99, want)
	ftMalformed(t, err, "unsupported class")
}

func TestDirEntriesAllClasses(t *testing.T) {
	classes := []uint8{ClassFileDirectoryInformation, ClassFileFullDirectoryInformation, ClassFileBothDirectoryInformation,
		ClassFileIdBothDirectoryInformation, ClassFileIdFullDirectoryInformation, ClassFileNamesInformation}
	for _, c := range classes {
		in := ftDirEntries()
		in = append(in, DirEntry{Name: "é😀 long name.txt", OpenInfo: OpenInfo{EndOfFile: 1 << 40, FileAttributes: FileAttributeArchive}, EaSize: 12, FileID: 77})
		b, err := EncodeDirEntries(c, in)
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecodeDirEntries(c, b)
		if err != nil {
			t.Fatalf("class %d: %v", c, err)
		}
		l, _ := dirLayoutOf(c)
		for i := range in {
			want := in[i]
			if !l.times {
				want = DirEntry{Name: want.Name, FileIndex: want.FileIndex}
			}
			if l.eaSize < 0 {
				want.EaSize, want.ReparseTag = 0, 0
			}
			if l.fileID < 0 {
				want.FileID = 0
			}
			if l.shortName < 0 {
				want.ShortName = ""
			}
			if !reflect.DeepEqual(got[i], want) {
				t.Fatalf("class %d entry %d:\n got %+v\nwant %+v", c, i, got[i], want)
			}
		}
		ftListTruncations(t, b, len(b), func(b []byte) ([]DirEntry, error) { return DecodeDirEntries(c, b) })
	}
	if _, err := EncodeDirEntries(ClassFileBothDirectoryInformation, []DirEntry{{Name: "x", ShortName: "ABCDEFGHIJKLM"}}); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("long short name: %v", err)
	}
	_, err := EncodeDirEntries(99, nil)
	ftMalformed(t, err, "unsupported class")
}

func FuzzDecodeQueryDirectoryRequest(f *testing.F) {
	ftFuzzMsg(f, ftSeeds["FuzzDecodeQueryDirectoryRequest"], (*QueryDirectoryRequest).Append, DecodeQueryDirectoryRequest, nil)
}

func FuzzDecodeQueryDirectoryResponse(f *testing.F) {
	ftFuzzMsg(f, ftSeeds["FuzzDecodeQueryDirectoryResponse"], (*QueryDirectoryResponse).Append, DecodeQueryDirectoryResponse, nil)
}

var ftDirClasses = []uint8{ClassFileDirectoryInformation, ClassFileFullDirectoryInformation, ClassFileBothDirectoryInformation,
	ClassFileIdBothDirectoryInformation, ClassFileIdFullDirectoryInformation, ClassFileNamesInformation}

// FuzzDecodeDirEntries takes the class from the first byte (an index into
// the supported classes) and the buffer from the rest.
func FuzzDecodeDirEntries(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeDirEntries"],
		func(v ftClassEntries) ([]byte, error) {
			b, err := EncodeDirEntries(ftDirClasses[v.idx], v.entries)
			return append([]byte{v.idx}, b...), err
		},
		func(b []byte) (ftClassEntries, error) {
			if len(b) == 0 {
				return ftClassEntries{}, malformed("empty fuzz input")
			}
			idx := b[0] % uint8(len(ftDirClasses))
			e, err := DecodeDirEntries(ftDirClasses[idx], b[1:])
			return ftClassEntries{idx, e}, err
		}, nil)
}

type ftClassEntries struct {
	idx     uint8
	entries []DirEntry
}

func init() {
	ftAddSeeds("FuzzDecodeQueryDirectoryRequest", (&QueryDirectoryRequest{FileInformationClass: 37, FileName: "*", OutputBufferLength: 4096}).Append(ftHeader(CmdQueryDirectory, false)))
	ftAddSeeds("FuzzDecodeQueryDirectoryResponse", (&QueryDirectoryResponse{Buffer: []byte("x")}).Append(ftHeader(CmdQueryDirectory, true)))
	for i, c := range ftDirClasses {
		b, _ := EncodeDirEntries(c, ftDirEntries())
		ftAddSeeds("FuzzDecodeDirEntries", append([]byte{byte(i)}, b...))
	}
}

// TestQueryDirectorySambaFixtures decodes a Samba 4.17 directory listing
// (FileIdBothDirectoryInformation) and checks that EncodeDirEntries lays
// the entries out exactly as Samba does.
func TestQueryDirectorySambaFixtures(t *testing.T) {
	req, _ := ftSamba(t, "query-directory-request", DecodeQueryDirectoryRequest, (*QueryDirectoryRequest).Append)
	if req.FileInformationClass != ClassFileIdBothDirectoryInformation || req.FileName != "*" || req.OutputBufferLength != 8<<20 {
		t.Fatalf("request %+v", req)
	}
	resp, _ := ftSamba(t, "query-directory-response", DecodeQueryDirectoryResponse, (*QueryDirectoryResponse).Append)
	entries, err := DecodeDirEntries(ClassFileIdBothDirectoryInformation, resp.Buffer)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name)
	}
	if !reflect.DeepEqual(names, []string{".", "..", "hello.txt", "sub"}) {
		t.Fatalf("names %q", names)
	}
	if h := entries[2]; h.EndOfFile != 13 || h.AllocationSize != 4096 || h.FileAttributes != FileAttributeNormal || h.FileID == 0 {
		t.Fatalf("hello.txt %+v", h)
	}
	if s := entries[3]; s.FileAttributes != FileAttributeDirectory {
		t.Fatalf("sub %+v", s)
	}
	again, err := EncodeDirEntries(ClassFileIdBothDirectoryInformation, entries)
	if err != nil || !bytes.Equal(again, resp.Buffer) {
		t.Fatalf("re-encoded entries differ from Samba's (%v)", err)
	}
}
