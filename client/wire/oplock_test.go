package wire

import (
	"bytes"
	"testing"
)

func TestOplockBreak(t *testing.T) {
	n := &OplockBreakNotification{OplockLevel: OplockLevelII, FileID: FileID{1, 2}}
	msg := ftMsgRoundTrip(t, CmdOplockBreak, true, n, (*OplockBreakNotification).Append, DecodeOplockBreakNotification)
	// [MS-SMB2] 2.2.23.1: StructureSize 24, OplockLevel, Reserved,
	// Reserved2, FileId.
	if want := ftLE(ftHeader(CmdOplockBreak, true), uint16(24), uint8(1), uint8(0), uint32(0), uint64(1), uint64(2)); !bytes.Equal(msg, want) {
		t.Fatalf("oplock break % x", msg)
	}
	if lease, err := OplockBreakKind(msg); err != nil || lease {
		t.Fatalf("kind %v %v", lease, err)
	}
	ftTruncations(t, msg, len(msg), DecodeOplockBreakNotification)
	_, err := DecodeOplockBreakNotification(ftPatch(msg, 64, uint16(44)))
	ftMalformed(t, err, "StructureSize")

	a := &OplockBreakAck{OplockLevel: OplockLevelNone, FileID: FileID{3, 4}}
	msg = ftMsgRoundTrip(t, CmdOplockBreak, false, a, (*OplockBreakAck).Append, DecodeOplockBreakAck)
	ftTruncations(t, msg, len(msg), DecodeOplockBreakAck)
	r := &OplockBreakResponse{OplockLevel: OplockLevelNone, FileID: FileID{3, 4}}
	msg = ftMsgRoundTrip(t, CmdOplockBreak, true, r, (*OplockBreakResponse).Append, DecodeOplockBreakResponse)
	ftTruncations(t, msg, len(msg), DecodeOplockBreakResponse)
}

func TestLeaseBreak(t *testing.T) {
	n := &LeaseBreakNotification{NewEpoch: 3, Flags: LeaseBreakFlagAckRequired, CurrentLeaseState: LeaseRead | LeaseHandle | LeaseWrite, NewLeaseState: LeaseRead}
	copy(n.LeaseKey[:], ftSeq(1, 16))
	msg := ftMsgRoundTrip(t, CmdOplockBreak, true, n, (*LeaseBreakNotification).Append, DecodeLeaseBreakNotification)
	// [MS-SMB2] 2.2.23.2: StructureSize 44, NewEpoch, Flags, LeaseKey,
	// CurrentLeaseState, NewLeaseState, BreakReason, AccessMaskHint,
	// ShareMaskHint.
	want := ftLE(ftHeader(CmdOplockBreak, true), uint16(44), uint16(3), uint32(1), ftSeq(1, 16), uint32(7), uint32(1), uint32(0), uint32(0), uint32(0))
	if !bytes.Equal(msg, want) {
		t.Fatalf("lease break % x", msg)
	}
	if lease, err := OplockBreakKind(msg); err != nil || !lease {
		t.Fatalf("kind %v %v", lease, err)
	}
	ftTruncations(t, msg, len(msg), DecodeLeaseBreakNotification)

	a := &LeaseBreakAck{LeaseKey: n.LeaseKey, LeaseState: LeaseRead}
	msg = ftMsgRoundTrip(t, CmdOplockBreak, false, a, (*LeaseBreakAck).Append, DecodeLeaseBreakAck)
	// [MS-SMB2] 2.2.24.2: StructureSize 36, Reserved, Flags, LeaseKey,
	// LeaseState, LeaseDuration.
	if want := ftLE(ftHeader(CmdOplockBreak, false), uint16(36), uint16(0), uint32(0), ftSeq(1, 16), uint32(1), uint64(0)); !bytes.Equal(msg, want) {
		t.Fatalf("lease ack % x", msg)
	}
	if lease, err := OplockBreakKind(msg); err != nil || !lease {
		t.Fatalf("kind %v %v", lease, err)
	}
	ftTruncations(t, msg, len(msg), DecodeLeaseBreakAck)
	_, err := DecodeLeaseBreakAck(ftPatch(msg, 64, uint16(24)))
	ftMalformed(t, err, "StructureSize")
	r := &LeaseBreakResponse{LeaseKey: n.LeaseKey, LeaseState: LeaseRead}
	msg = ftMsgRoundTrip(t, CmdOplockBreak, true, r, (*LeaseBreakResponse).Append, DecodeLeaseBreakResponse)
	ftTruncations(t, msg, len(msg), DecodeLeaseBreakResponse)

	for _, bad := range [][]byte{nil, ftHeader(CmdOplockBreak, true), ftLE(ftHeader(CmdOplockBreak, true), uint16(25))} {
		_, err := OplockBreakKind(bad)
		ftMalformed(t, err, "OplockBreakKind")
	}
}

func FuzzDecodeOplockBreakNotification(f *testing.F) {
	ftFuzzMsg(f, ftSeeds["FuzzDecodeOplockBreakNotification"], (*OplockBreakNotification).Append, DecodeOplockBreakNotification, nil)
}

func FuzzDecodeOplockBreakAck(f *testing.F) {
	ftFuzzMsg(f, ftSeeds["FuzzDecodeOplockBreakAck"], (*OplockBreakAck).Append, DecodeOplockBreakAck, nil)
}

func FuzzDecodeOplockBreakResponse(f *testing.F) {
	ftFuzzMsg(f, ftSeeds["FuzzDecodeOplockBreakResponse"], (*OplockBreakResponse).Append, DecodeOplockBreakResponse, nil)
}

func FuzzDecodeLeaseBreakNotification(f *testing.F) {
	ftFuzzMsg(f, ftSeeds["FuzzDecodeLeaseBreakNotification"], (*LeaseBreakNotification).Append, DecodeLeaseBreakNotification, nil)
}

func FuzzDecodeLeaseBreakAck(f *testing.F) {
	ftFuzzMsg(f, ftSeeds["FuzzDecodeLeaseBreakAck"], (*LeaseBreakAck).Append, DecodeLeaseBreakAck, nil)
}

func FuzzDecodeLeaseBreakResponse(f *testing.F) {
	ftFuzzMsg(f, ftSeeds["FuzzDecodeLeaseBreakResponse"], (*LeaseBreakResponse).Append, DecodeLeaseBreakResponse, nil)
}

// FuzzOplockBreakKind checks that OplockBreakKind agrees with the decoders:
// what it calls an oplock decodes as one, what it calls a lease decodes as a
// notification or an acknowledgment.
func FuzzOplockBreakKind(f *testing.F) {
	for _, s := range ftSeeds["FuzzOplockBreakKind"] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		lease, err := OplockBreakKind(b)
		if err != nil {
			return
		}
		_, errOplock := DecodeOplockBreakNotification(b)
		_, errNotify := DecodeLeaseBreakNotification(b)
		_, errAck := DecodeLeaseBreakAck(b)
		if !lease && (errNotify == nil || errAck == nil) {
			t.Fatal("an oplock break decodes as a lease break")
		}
		if lease && errOplock == nil {
			t.Fatal("a lease break decodes as an oplock break")
		}
	})
}

func init() {
	ftAddSeeds("FuzzDecodeOplockBreakNotification", (&OplockBreakNotification{OplockLevel: 1, FileID: FileID{1, 2}}).Append(ftHeader(CmdOplockBreak, true)))
	ftAddSeeds("FuzzDecodeOplockBreakAck", (&OplockBreakAck{FileID: FileID{1, 2}}).Append(ftHeader(CmdOplockBreak, false)))
	ftAddSeeds("FuzzDecodeOplockBreakResponse", (&OplockBreakResponse{FileID: FileID{1, 2}}).Append(ftHeader(CmdOplockBreak, true)))
	ln := (&LeaseBreakNotification{NewEpoch: 2, Flags: 1, CurrentLeaseState: 7, NewLeaseState: 1}).Append(ftHeader(CmdOplockBreak, true))
	ftAddSeeds("FuzzDecodeLeaseBreakNotification", ln)
	la := (&LeaseBreakAck{LeaseState: 1}).Append(ftHeader(CmdOplockBreak, false))
	ftAddSeeds("FuzzDecodeLeaseBreakAck", la)
	ftAddSeeds("FuzzDecodeLeaseBreakResponse", (&LeaseBreakResponse{LeaseState: 1}).Append(ftHeader(CmdOplockBreak, true)))
	ftAddSeeds("FuzzOplockBreakKind", ln, la, (&OplockBreakNotification{}).Append(ftHeader(CmdOplockBreak, true)))
}
