package wire

import (
	"bytes"
	"testing"
)

func TestOpenInfoHelpers(t *testing.T) {
	for _, tc := range []struct {
		attr                 uint32
		dir, reparse, rdonly bool
	}{
		{0, false, false, false},
		{FileAttributeNormal, false, false, false},
		{FileAttributeDirectory, true, false, false},
		{FileAttributeDirectory | FileAttributeReparsePoint, true, true, false},
		{FileAttributeReadOnly | FileAttributeArchive, false, false, true},
	} {
		o := OpenInfo{FileAttributes: tc.attr}
		if o.IsDir() != tc.dir || o.IsReparsePoint() != tc.reparse || o.IsReadOnly() != tc.rdonly {
			t.Errorf("attributes %#x: IsDir %v IsReparsePoint %v IsReadOnly %v", tc.attr, o.IsDir(), o.IsReparsePoint(), o.IsReadOnly())
		}
	}
}

// TestOpenInfoSharedLayout checks that CREATE, CLOSE and
// FILE_NETWORK_OPEN_INFORMATION carry OpenInfo in the same 52 bytes, and
// that a directory entry decodes into the same OpenInfo.
func TestOpenInfoSharedLayout(t *testing.T) {
	o := OpenInfo{CreationTime: 1, LastAccessTime: 2, LastWriteTime: 3, ChangeTime: 4, AllocationSize: 4096, EndOfFile: 5, FileAttributes: FileAttributeArchive}
	want := o.append(nil)
	if len(want) != openInfoSize {
		t.Fatalf("OpenInfo is %d bytes, want %d", len(want), openInfoSize)
	}
	cr := (&CreateResponse{OpenInfo: o}).Append(ftHeader(CmdCreate, true))
	cl := (&CloseResponse{Flags: CloseFlagPostQueryAttrib, OpenInfo: o}).Append(ftHeader(CmdClose, true))
	no := (&FileNetworkOpenInformation{OpenInfo: o}).Encode()
	for name, got := range map[string][]byte{
		"CREATE":                        cr[HeaderSize+8 : HeaderSize+8+openInfoSize],
		"CLOSE":                         cl[HeaderSize+8 : HeaderSize+8+openInfoSize],
		"FILE_NETWORK_OPEN_INFORMATION": no[:openInfoSize],
	} {
		if !bytes.Equal(got, want) {
			t.Errorf("%s: OpenInfo bytes % x, want % x", name, got, want)
		}
	}
	c, err := DecodeCloseResponse(cl)
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := c.PostQuery(); !ok || got != o {
		t.Errorf("PostQuery = %+v, %v", got, ok)
	}
	if _, ok := (&CloseResponse{OpenInfo: o}).PostQuery(); ok {
		t.Errorf("PostQuery without the flag reports attributes")
	}
	b, err := EncodeDirEntries(ClassFileIdBothDirectoryInformation, []DirEntry{{Name: "f", OpenInfo: o}})
	if err != nil {
		t.Fatal(err)
	}
	d, err := DecodeDirEntries(ClassFileIdBothDirectoryInformation, b)
	if err != nil || len(d) != 1 || d[0].OpenInfo != o {
		t.Fatalf("directory entry: %+v, %v", d, err)
	}
}
