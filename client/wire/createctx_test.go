package wire

import (
	"bytes"
	"reflect"
	"testing"
)

func TestLeaseV2(t *testing.T) {
	l := ftLease()
	b := ftInfoRoundTrip(t, l, (*LeaseRequestV2).Encode, DecodeLeaseV2)
	// [MS-SMB2] 2.2.13.2.10: LeaseKey, LeaseState, LeaseFlags,
	// LeaseDuration, ParentLeaseKey, Epoch, Reserved.
	want := ftLE(ftSeq(1, 16), uint32(7), uint32(4), uint64(0), ftSeq(0x11, 16), uint16(1), uint16(0))
	if !bytes.Equal(b, want) {
		t.Fatalf("lease v2 % x", b)
	}
	// The v1 form (2.2.13.2.8) decodes with ParentKey and Epoch zero.
	v1 := l.EncodeV1()
	if want := ftLE(ftSeq(1, 16), uint32(7), uint32(4), uint64(0)); !bytes.Equal(v1, want) {
		t.Fatalf("lease v1 % x", v1)
	}
	got, err := DecodeLeaseV2(v1)
	if err != nil {
		t.Fatal(err)
	}
	if got.Key != l.Key || got.State != l.State || got.Flags != l.Flags || got.Epoch != 0 || got.ParentKey != [16]byte{} {
		t.Fatalf("v1 decoded %+v", got)
	}
	for _, n := range []int{0, 31, 33, 51, 53} {
		_, err := DecodeLeaseV2(make([]byte, n))
		ftMalformed(t, err, "lease length")
	}
}

func TestDurableContexts(t *testing.T) {
	b := ftInfoRoundTrip(t, ftDurable(), (*DurableHandleRequestV2).Encode, DecodeDurableHandleRequestV2)
	if want := ftLE(uint32(0), uint32(0), uint64(0), ftSeq(0xA0, 16)); !bytes.Equal(b, want) {
		t.Fatalf("DH2Q % x", b)
	}
	d := &DurableHandleRequestV2{Timeout: 30000, Flags: DurableHandleFlagPersistent}
	ftInfoRoundTrip(t, d, (*DurableHandleRequestV2).Encode, DecodeDurableHandleRequestV2)
	ftInfoRoundTrip(t, &DurableHandleResponseV2{Timeout: 1, Flags: 2}, (*DurableHandleResponseV2).Encode, DecodeDurableHandleResponseV2)
	rc := &DurableHandleReconnectV2{FileID: FileID{1, 2}, Flags: DurableHandleFlagPersistent}
	copy(rc.CreateGUID[:], ftSeq(0x40, 16))
	b = ftInfoRoundTrip(t, rc, (*DurableHandleReconnectV2).Encode, DecodeDurableHandleReconnectV2)
	if want := ftLE(uint64(1), uint64(2), ftSeq(0x40, 16), uint32(2)); !bytes.Equal(b, want) {
		t.Fatalf("DH2C % x", b)
	}
	ftMalformed(t, func() error { _, err := DecodeDurableHandleRequestV2(make([]byte, 31)); return err }(), "DH2Q 31")
	ftMalformed(t, func() error { _, err := DecodeDurableHandleResponseV2(make([]byte, 9)); return err }(), "DH2Q resp 9")
	ftMalformed(t, func() error { _, err := DecodeDurableHandleReconnectV2(make([]byte, 35)); return err }(), "DH2C 35")
}

func TestMaximalAccessAndOnDiskID(t *testing.T) {
	mx := &MaximalAccessResponse{QueryStatus: StatusAccessDenied, MaximalAccess: 0x1F01FF}
	b := ftInfoRoundTrip(t, mx, (*MaximalAccessResponse).Encode, DecodeMaximalAccessResponse)
	if want := ftLE(uint32(0xC0000022), uint32(0x1F01FF)); !bytes.Equal(b, want) {
		t.Fatalf("MxAc % x", b)
	}
	q := &QueryOnDiskIDResponse{DiskFileID: 0x0102030405060708, VolumeID: 9}
	b = ftInfoRoundTrip(t, q, (*QueryOnDiskIDResponse).Encode, DecodeQueryOnDiskIDResponse)
	if want := ftLE(uint64(0x0102030405060708), uint64(9), ftZeros(16)); !bytes.Equal(b, want) {
		t.Fatalf("QFid % x", b)
	}
	ftMalformed(t, func() error { _, err := DecodeMaximalAccessResponse(make([]byte, 4)); return err }(), "MxAc 4")
	ftMalformed(t, func() error { _, err := DecodeQueryOnDiskIDResponse(make([]byte, 16)); return err }(), "QFid 16")
}

func TestCreateContextNames(t *testing.T) {
	for _, n := range []string{CtxNameLeaseRequest, CtxNameDurableV2, CtxNameDurableReconnectV2, CtxNameMaximalAccess, CtxNameQueryOnDiskID, CtxNameEABuffer, CtxNameSDBuffer} {
		if len(n) != 4 {
			t.Errorf("%q is not a 4-byte tag", n)
		}
	}
	for _, n := range []string{CtxNamePOSIX, CtxNameAppInstanceID, CtxNameAppInstanceVersion, CtxNameSVHDXOpenDeviceContext} {
		if len(n) != 16 {
			t.Errorf("% x is not a 16-byte GUID", n)
		}
	}
	// SMB2_CREATE_TAG_POSIX 0x93AD25509CB411E7B42383DE968BCD7C, byte for byte.
	if want := unhex(t, "93AD25509CB411E7B42383DE968BCD7C"); !reflect.DeepEqual([]byte(CtxNamePOSIX), want) {
		t.Fatalf("POSIX tag % x", CtxNamePOSIX)
	}
}

func FuzzDecodeLeaseV2(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeLeaseV2"], ftNoErr((*LeaseRequestV2).Encode), DecodeLeaseV2, nil)
}

func FuzzDecodeDurableHandleRequestV2(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeDurableHandleRequestV2"], ftNoErr((*DurableHandleRequestV2).Encode), DecodeDurableHandleRequestV2, nil)
}

func FuzzDecodeDurableHandleResponseV2(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeDurableHandleResponseV2"], ftNoErr((*DurableHandleResponseV2).Encode), DecodeDurableHandleResponseV2, nil)
}

func FuzzDecodeDurableHandleReconnectV2(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeDurableHandleReconnectV2"], ftNoErr((*DurableHandleReconnectV2).Encode), DecodeDurableHandleReconnectV2, nil)
}

func FuzzDecodeMaximalAccessResponse(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeMaximalAccessResponse"], ftNoErr((*MaximalAccessResponse).Encode), DecodeMaximalAccessResponse, nil)
}

func FuzzDecodeQueryOnDiskIDResponse(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeQueryOnDiskIDResponse"], ftNoErr((*QueryOnDiskIDResponse).Encode), DecodeQueryOnDiskIDResponse, nil)
}

func init() {
	ftAddSeeds("FuzzDecodeLeaseV2", ftLease().Encode(), ftLease().EncodeV1())
	ftAddSeeds("FuzzDecodeDurableHandleRequestV2", ftDurable().Encode())
	ftAddSeeds("FuzzDecodeDurableHandleResponseV2", (&DurableHandleResponseV2{Timeout: 5, Flags: 2}).Encode())
	ftAddSeeds("FuzzDecodeDurableHandleReconnectV2", (&DurableHandleReconnectV2{FileID: FileID{1, 2}, Flags: 2}).Encode())
	ftAddSeeds("FuzzDecodeMaximalAccessResponse", (&MaximalAccessResponse{MaximalAccess: 0x1F01FF}).Encode())
	ftAddSeeds("FuzzDecodeQueryOnDiskIDResponse", (&QueryOnDiskIDResponse{DiskFileID: 1, VolumeID: 2}).Encode())
}
