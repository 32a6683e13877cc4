package wire

import (
	"bytes"
	"reflect"
	"testing"
)

func TestQueryInfoRequest(t *testing.T) {
	m := &QueryInfoRequest{InfoType: InfoFile, FileInfoClass: ClassFileAllInformation, OutputBufferLength: 4096, FileID: FileID{1, 2}}
	msg := ftMsgRoundTrip(t, CmdQueryInfo, false, m, (*QueryInfoRequest).Append, DecodeQueryInfoRequest)
	// [MS-SMB2] 2.2.37: StructureSize 41, InfoType, FileInfoClass,
	// OutputBufferLength, InputBufferOffset (0: no input), Reserved,
	// InputBufferLength, AdditionalInformation, Flags, FileId, Buffer.
	want := ftLE(ftHeader(CmdQueryInfo, false), uint16(41), uint8(1), uint8(18), uint32(4096), uint16(0), uint16(0), uint32(0), uint32(0), uint32(0), uint64(1), uint64(2), uint8(0))
	if !bytes.Equal(msg, want) {
		t.Fatalf("QUERY_INFO request % x", msg)
	}
	ftTruncations(t, msg, len(msg), DecodeQueryInfoRequest)

	in, _ := EncodeGetEAs([]string{"user.a"})
	m = &QueryInfoRequest{InfoType: InfoFile, FileInfoClass: ClassFileFullEaInformation, OutputBufferLength: 65536, Input: in, Flags: QueryInfoRestartScan, FileID: FileID{1, 2}}
	msg = ftMsgRoundTrip(t, CmdQueryInfo, false, m, (*QueryInfoRequest).Append, DecodeQueryInfoRequest)
	if got := ftLE(uint16(0x68)); !bytes.Equal(msg[72:74], got) {
		t.Fatalf("InputBufferOffset % x", msg[72:74])
	}
	ftTruncations(t, msg, len(msg), DecodeQueryInfoRequest)
	sec := &QueryInfoRequest{InfoType: InfoSecurity, OutputBufferLength: 4096, AdditionalInformation: OwnerSecurityInformation | GroupSecurityInformation | DACLSecurityInformation}
	ftMsgRoundTrip(t, CmdQueryInfo, false, sec, (*QueryInfoRequest).Append, DecodeQueryInfoRequest)
	cases := map[string][]byte{
		"StructureSize":       ftPatch(msg, 64, uint16(40)),
		"input in fixed part": ftPatch(msg, 72, uint16(0x60)),
		"input outside":       ftPatch(msg, 76, uint32(100)),
	}
	for name, b := range cases {
		_, err := DecodeQueryInfoRequest(b)
		ftMalformed(t, err, name)
	}
}

func TestQueryInfoResponse(t *testing.T) {
	buf := (&FileStandardInformation{EndOfFile: 5, NumberOfLinks: 1}).Encode()
	msg := ftMsgRoundTrip(t, CmdQueryInfo, true, &QueryInfoResponse{Buffer: buf}, (*QueryInfoResponse).Append, DecodeQueryInfoResponse)
	// [MS-SMB2] 2.2.38: StructureSize 9, OutputBufferOffset 0x48,
	// OutputBufferLength, Buffer.
	if want := ftLE(ftHeader(CmdQueryInfo, true), uint16(9), uint16(0x48), uint32(24), buf); !bytes.Equal(msg, want) {
		t.Fatalf("QUERY_INFO response % x", msg)
	}
	ftTruncations(t, msg, len(msg), DecodeQueryInfoResponse)
	cases := map[string][]byte{
		"StructureSize":   ftPatch(msg, 64, uint16(8)),
		"buffer in fixed": ftPatch(msg, 66, uint16(0x47)),
		"buffer outside":  ftPatch(msg, 68, uint32(25)),
	}
	for name, b := range cases {
		_, err := DecodeQueryInfoResponse(b)
		ftMalformed(t, err, name)
	}
}

func TestSetInfo(t *testing.T) {
	buf := (&FileEndOfFileInformation{EndOfFile: 1000}).Encode()
	m := &SetInfoRequest{InfoType: InfoFile, FileInfoClass: ClassFileEndOfFileInformation, Buffer: buf, FileID: FileID{3, 4}}
	msg := ftMsgRoundTrip(t, CmdSetInfo, false, m, (*SetInfoRequest).Append, DecodeSetInfoRequest)
	// [MS-SMB2] 2.2.39: StructureSize 33, InfoType, FileInfoClass,
	// BufferLength, BufferOffset (0x60), Reserved, AdditionalInformation,
	// FileId, Buffer.
	want := ftLE(ftHeader(CmdSetInfo, false), uint16(33), uint8(1), uint8(20), uint32(8), uint16(0x60), uint16(0), uint32(0), uint64(3), uint64(4), uint64(1000))
	if !bytes.Equal(msg, want) {
		t.Fatalf("SET_INFO request % x", msg)
	}
	ftTruncations(t, msg, len(msg), DecodeSetInfoRequest)
	ftMsgRoundTrip(t, CmdSetInfo, false, &SetInfoRequest{InfoType: InfoFile, FileInfoClass: 4}, (*SetInfoRequest).Append, DecodeSetInfoRequest)
	cases := map[string][]byte{
		"StructureSize":        ftPatch(msg, 64, uint16(32)),
		"buffer in fixed part": ftPatch(msg, 72, uint16(0x5F)),
		"buffer outside":       ftPatch(msg, 68, uint32(9)),
	}
	for name, b := range cases {
		_, err := DecodeSetInfoRequest(b)
		ftMalformed(t, err, name)
	}

	r := ftMsgRoundTrip(t, CmdSetInfo, true, &SetInfoResponse{}, (*SetInfoResponse).Append, DecodeSetInfoResponse)
	if want := ftLE(ftHeader(CmdSetInfo, true), uint16(2)); !bytes.Equal(r, want) {
		t.Fatalf("SET_INFO response % x", r)
	}
	ftTruncations(t, r, len(r), DecodeSetInfoResponse)
	_, err := DecodeSetInfoResponse(ftPatch(r, 64, uint16(4)))
	ftMalformed(t, err, "StructureSize")
}

func FuzzDecodeQueryInfoRequest(f *testing.F) {
	ftFuzzMsg(f, ftSeeds["FuzzDecodeQueryInfoRequest"], (*QueryInfoRequest).Append, DecodeQueryInfoRequest, nil)
}

func FuzzDecodeQueryInfoResponse(f *testing.F) {
	ftFuzzMsg(f, ftSeeds["FuzzDecodeQueryInfoResponse"], (*QueryInfoResponse).Append, DecodeQueryInfoResponse, nil)
}

func FuzzDecodeSetInfoRequest(f *testing.F) {
	ftFuzzMsg(f, ftSeeds["FuzzDecodeSetInfoRequest"], (*SetInfoRequest).Append, DecodeSetInfoRequest, nil)
}

func FuzzDecodeSetInfoResponse(f *testing.F) {
	ftFuzzMsg(f, ftSeeds["FuzzDecodeSetInfoResponse"], (*SetInfoResponse).Append, DecodeSetInfoResponse, nil)
}

func init() {
	ftAddSeeds("FuzzDecodeQueryInfoRequest",
		(&QueryInfoRequest{InfoType: 1, FileInfoClass: 18, OutputBufferLength: 4096}).Append(ftHeader(CmdQueryInfo, false)),
		(&QueryInfoRequest{InfoType: 1, FileInfoClass: 15, Input: []byte{0, 0, 0, 0, 1, 'a', 0}}).Append(ftHeader(CmdQueryInfo, false)))
	ftAddSeeds("FuzzDecodeQueryInfoResponse", (&QueryInfoResponse{Buffer: make([]byte, 24)}).Append(ftHeader(CmdQueryInfo, true)))
	ftAddSeeds("FuzzDecodeSetInfoRequest", (&SetInfoRequest{InfoType: 1, FileInfoClass: 20, Buffer: make([]byte, 8)}).Append(ftHeader(CmdSetInfo, false)))
	ftAddSeeds("FuzzDecodeSetInfoResponse", (&SetInfoResponse{}).Append(ftHeader(CmdSetInfo, true)))
}

// TestQueryInfoSambaFixtures decodes QUERY_INFO and SET_INFO messages
// captured from Samba 4.17 and the information classes inside them, and
// checks that both re-encode byte for byte.
func TestQueryInfoSambaFixtures(t *testing.T) {
	query := func(name string, infoType, class uint8) []byte {
		t.Helper()
		req, _ := ftSamba(t, "query-info-request-"+name, DecodeQueryInfoRequest, (*QueryInfoRequest).Append)
		if req.InfoType != infoType || req.FileInfoClass != class || req.OutputBufferLength != 65535 || req.Input != nil {
			t.Fatalf("%s request %+v", name, req)
		}
		resp, _ := ftSamba(t, "query-info-response-"+name, DecodeQueryInfoResponse, (*QueryInfoResponse).Append)
		return resp.Buffer
	}
	same := func(name string, got, want []byte) {
		t.Helper()
		if !bytes.Equal(got, want) {
			t.Fatalf("%s re-encoding\nsamba % x\n ours % x", name, want, got)
		}
	}

	b := query("fs-size", InfoFilesystem, ClassFileFsSizeInformation)
	fs, err := DecodeFileFsSizeInformation(b)
	if err != nil || fs.SectorsPerAllocationUnit != 2 || fs.BytesPerSector != 512 || fs.TotalAllocationUnits == 0 {
		t.Fatalf("fs size %+v %v", fs, err)
	}
	same("fs size", fs.Encode(), b)

	b = query("all", InfoFile, ClassFileAllInformation)
	all, err := DecodeFileAllInformation(b)
	if err != nil || all.Name != `\hello.txt` || all.NameTruncated || all.Standard.EndOfFile != 13 || all.Standard.NumberOfLinks != 1 ||
		all.Basic.FileAttributes != FileAttributeNormal || all.Internal.IndexNumber == 0 {
		t.Fatalf("all information %+v %v", all, err)
	}
	same("all information", all.Encode(), b)

	b = query("stream", InfoFile, ClassFileStreamInformation)
	streams, err := DecodeFileStreamInformation(b)
	if err != nil || !reflect.DeepEqual(streams, []FileStreamInformation{{Name: "::$DATA", Size: 13, AllocationSize: 4096}}) {
		t.Fatalf("streams %+v %v", streams, err)
	}
	same("streams", EncodeFileStreamInformation(streams), b)

	b = query("fs-volume", InfoFilesystem, ClassFileFsVolumeInformation)
	vol, err := DecodeFileFsVolumeInformation(b)
	if err != nil || vol.VolumeLabel != "share" || vol.VolumeSerialNumber != 0xEAD63C3D {
		t.Fatalf("volume %+v %v", vol, err)
	}
	same("volume", vol.Encode(), b)

	b = query("security", InfoSecurity, 0)
	sd, err := DecodeSecurityDescriptor(b)
	if err != nil {
		t.Fatal(err)
	}
	if sd.Owner.String() != "S-1-22-1-0" || sd.Group.String() != "S-1-22-2-0" || len(sd.DACL.ACEs) != 3 || sd.DACL.ACEs[2].SID.String() != "S-1-1-0" {
		t.Fatalf("security descriptor %+v", sd)
	}
	if isGroup, uid, ok := sd.Owner.SambaUnix(); !ok || isGroup || uid != 0 {
		t.Fatal("owner is not Samba's Unix uid 0")
	}
	enc, err := sd.Encode()
	if err != nil {
		t.Fatal(err)
	}
	same("security descriptor", enc, b)

	set, _ := ftSamba(t, "set-info-request-rename", DecodeSetInfoRequest, (*SetInfoRequest).Append)
	if set.InfoType != InfoFile || set.FileInfoClass != ClassFileRenameInformation {
		t.Fatalf("set info %+v", set)
	}
	// Samba's client sends no NUL after the name; we accept it either way.
	rn, err := DecodeFileRenameInformation(set.Buffer)
	if err != nil || rn.FileName != "up2.txt" || rn.ReplaceIfExists || len(set.Buffer) != 20+14 {
		t.Fatalf("rename %+v %v", rn, err)
	}
	ftSamba(t, "set-info-response", DecodeSetInfoResponse, (*SetInfoResponse).Append)
}
