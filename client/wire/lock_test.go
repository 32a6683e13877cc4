package wire

import (
	"bytes"
	"testing"
)

func TestLockRoundTrip(t *testing.T) {
	m := &LockRequest{LockSequence: 0x15, FileID: FileID{7, 8}, Locks: []LockElement{
		{Offset: 0, Length: 100, Flags: LockExclusive | LockFailImmediately},
		{Offset: 200, Length: 1, Flags: LockUnlock},
	}}
	msg := ftMsgRoundTrip(t, CmdLock, false, m, (*LockRequest).Append, DecodeLockRequest)
	// [MS-SMB2] 2.2.26: StructureSize 48, LockCount, LockSequence, FileId,
	// then 24-byte SMB2_LOCK_ELEMENTs (2.2.26.1).
	want := ftLE(ftHeader(CmdLock, false), uint16(48), uint16(2), uint32(0x15), uint64(7), uint64(8),
		uint64(0), uint64(100), uint32(0x12), uint32(0),
		uint64(200), uint64(1), uint32(4), uint32(0))
	if !bytes.Equal(msg, want) {
		t.Fatalf("LOCK request % x", msg)
	}
	ftTruncations(t, msg, len(msg), DecodeLockRequest)
	cases := map[string][]byte{
		"StructureSize":  ftPatch(msg, 64, uint16(24)),
		"LockCount 0":    ftPatch(msg, 66, uint16(0)),
		"LockCount 3":    ftPatch(msg, 66, uint16(3)),
		"LockCount huge": ftPatch(msg, 66, uint16(0xFFFF)),
	}
	for name, b := range cases {
		_, err := DecodeLockRequest(b)
		ftMalformed(t, err, name)
	}
	// No locks still emits the 48-byte body, with LockCount 0 (rejected).
	e := (&LockRequest{}).Append(ftHeader(CmdLock, false))
	if len(e) != HeaderSize+48 {
		t.Fatalf("empty LOCK body %d", len(e)-HeaderSize)
	}

	r := ftMsgRoundTrip(t, CmdLock, true, &LockResponse{}, (*LockResponse).Append, DecodeLockResponse)
	if want := ftLE(ftHeader(CmdLock, true), uint16(4), uint16(0)); !bytes.Equal(r, want) {
		t.Fatalf("LOCK response % x", r)
	}
	ftTruncations(t, r, len(r), DecodeLockResponse)
	_, err := DecodeLockResponse(ftPatch(r, 64, uint16(2)))
	ftMalformed(t, err, "StructureSize")
}

func FuzzDecodeLockRequest(f *testing.F) {
	ftFuzzMsg(f, ftSeeds["FuzzDecodeLockRequest"], (*LockRequest).Append, DecodeLockRequest, nil)
}

func FuzzDecodeLockResponse(f *testing.F) {
	ftFuzzMsg(f, ftSeeds["FuzzDecodeLockResponse"], (*LockResponse).Append, DecodeLockResponse, nil)
}

func init() {
	ftAddSeeds("FuzzDecodeLockRequest", (&LockRequest{FileID: FileID{1, 2}, Locks: []LockElement{{Offset: 1, Length: 2, Flags: LockShared}}}).Append(ftHeader(CmdLock, false)))
	ftAddSeeds("FuzzDecodeLockResponse", (&LockResponse{}).Append(ftHeader(CmdLock, true)))
}
