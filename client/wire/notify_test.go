package wire

import (
	"bytes"
	"reflect"
	"testing"
)

func TestChangeNotify(t *testing.T) {
	req := &ChangeNotifyRequest{Flags: WatchTree, OutputBufferLength: 4096, FileID: FileID{1, 2}, CompletionFilter: FileNotifyChangeFileName | FileNotifyChangeDirName}
	msg := ftMsgRoundTrip(t, CmdChangeNotify, false, req, (*ChangeNotifyRequest).Append, DecodeChangeNotifyRequest)
	// [MS-SMB2] 2.2.35: StructureSize 32, Flags, OutputBufferLength, FileId,
	// CompletionFilter, Reserved.
	if want := ftLE(ftHeader(CmdChangeNotify, false), uint16(32), uint16(1), uint32(4096), uint64(1), uint64(2), uint32(3), uint32(0)); !bytes.Equal(msg, want) {
		t.Fatalf("CHANGE_NOTIFY request % x", msg)
	}
	ftTruncations(t, msg, len(msg), DecodeChangeNotifyRequest)
	_, err := DecodeChangeNotifyRequest(ftPatch(msg, 64, uint16(33)))
	ftMalformed(t, err, "StructureSize")

	resp := &ChangeNotifyResponse{Buffer: EncodeFileNotifyInformation(ftNotifications())}
	msg = ftMsgRoundTrip(t, CmdChangeNotify, true, resp, (*ChangeNotifyResponse).Append, DecodeChangeNotifyResponse)
	ftTruncations(t, msg, len(msg), DecodeChangeNotifyResponse)
	_, err = DecodeChangeNotifyResponse(ftPatch(msg, 68, uint32(1000)))
	ftMalformed(t, err, "buffer outside")
}

func ftNotifications() []FileNotifyInformation {
	return []FileNotifyInformation{
		{Action: FileActionRenamedOldName, FileName: "a"},
		{Action: FileActionRenamedNewName, FileName: `dir\bb`},
	}
}

func TestFileNotifyInformationPinned(t *testing.T) {
	// [MS-FSCC] 2.7.1: NextEntryOffset (a multiple of 4), Action,
	// FileNameLength, FileName padded to 4 bytes.
	want := ftLE(
		uint32(16), uint32(4), uint32(2), ftU16s("a"), ftZeros(2),
		uint32(0), uint32(5), uint32(12), ftU16s(`dir\bb`),
	)
	got := EncodeFileNotifyInformation(ftNotifications())
	if !bytes.Equal(got, want) {
		t.Fatalf("notify\n got % x\nwant % x", got, want)
	}
	d, err := DecodeFileNotifyInformation(want)
	if err != nil || !reflect.DeepEqual(d, ftNotifications()) {
		t.Fatalf("decoded %+v %v", d, err)
	}
	ftListTruncations(t, want, len(want), DecodeFileNotifyInformation)
	cases := map[string][]byte{
		"NextEntryOffset misaligned": ftPatch(want, 0, uint32(14)),
		"NextEntryOffset below 12":   ftPatch(want, 0, uint32(8)),
		"NextEntryOffset at the end": ftPatch(want, 0, uint32(len(want))),
		"name cut by next entry":     ftPatch(want, 8, uint32(6)),
		"odd name length":            ftPatch(want, 16+8, uint32(11)),
		"empty name":                 ftPatch(want, 16+8, uint32(0)),
		"name past the end":          ftPatch(want, 16+8, uint32(14)),
	}
	for name, b := range cases {
		_, err := DecodeFileNotifyInformation(b)
		ftMalformed(t, err, name)
	}
}

func FuzzDecodeChangeNotifyRequest(f *testing.F) {
	ftFuzzMsg(f, ftSeeds["FuzzDecodeChangeNotifyRequest"], (*ChangeNotifyRequest).Append, DecodeChangeNotifyRequest, nil)
}

func FuzzDecodeChangeNotifyResponse(f *testing.F) {
	ftFuzzMsg(f, ftSeeds["FuzzDecodeChangeNotifyResponse"], (*ChangeNotifyResponse).Append, DecodeChangeNotifyResponse, nil)
}

func FuzzDecodeFileNotifyInformation(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeFileNotifyInformation"], ftNoErr(EncodeFileNotifyInformation), DecodeFileNotifyInformation, nil)
}

func init() {
	ftAddSeeds("FuzzDecodeChangeNotifyRequest", (&ChangeNotifyRequest{Flags: 1, OutputBufferLength: 4096, CompletionFilter: 0xFFF}).Append(ftHeader(CmdChangeNotify, false)))
	ftAddSeeds("FuzzDecodeChangeNotifyResponse", (&ChangeNotifyResponse{Buffer: EncodeFileNotifyInformation(ftNotifications())}).Append(ftHeader(CmdChangeNotify, true)))
	ftAddSeeds("FuzzDecodeFileNotifyInformation", EncodeFileNotifyInformation(ftNotifications()))
}

func TestChangeNotifySambaFixtures(t *testing.T) {
	req, _ := ftSamba(t, "change-notify-request", DecodeChangeNotifyRequest, (*ChangeNotifyRequest).Append)
	if req.Flags != WatchTree || req.CompletionFilter != 0xFFF || req.OutputBufferLength != 1000 {
		t.Fatalf("request %+v", req)
	}
	resp, _ := ftSamba(t, "change-notify-response", DecodeChangeNotifyResponse, (*ChangeNotifyResponse).Append)
	ns, err := DecodeFileNotifyInformation(resp.Buffer)
	if err != nil || !reflect.DeepEqual(ns, []FileNotifyInformation{{Action: FileActionAdded, FileName: "new"}}) {
		t.Fatalf("notifications %+v %v", ns, err)
	}
	// Samba pads even the last entry to 4 bytes; we do not.
	if enc := EncodeFileNotifyInformation(ns); !bytes.Equal(enc, resp.Buffer[:18]) || len(resp.Buffer) != 20 {
		t.Fatalf("re-encoded % x, Samba % x", enc, resp.Buffer)
	}
}
