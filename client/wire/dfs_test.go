package wire

import (
	"bytes"
	"errors"
	"testing"
)

func TestDFSReferralRequest(t *testing.T) {
	req := &DFSReferralRequest{MaxReferralLevel: 4, RequestFileName: `\dc1.smb3fs.test\dfs\good`}
	b := ftInfoRoundTrip(t, req, (*DFSReferralRequest).Encode, DecodeDFSReferralRequest)
	// [MS-DFSC] 2.2.2: MaxReferralLevel, then the NUL-terminated name.
	want := append(ftLE(uint16(4)), AppendUTF16(nil, req.RequestFileName)...)
	want = append(want, 0, 0)
	if !bytes.Equal(b, want) {
		t.Fatalf("request % x\nwant    % x", b, want)
	}
	ftTruncations(t, b, len(b), DecodeDFSReferralRequest)
	_, err := DecodeDFSReferralRequest(append(b, 0, 0))
	ftMalformed(t, err, "bytes after the name")
	empty := ftInfoRoundTrip(t, &DFSReferralRequest{MaxReferralLevel: 3}, (*DFSReferralRequest).Encode, DecodeDFSReferralRequest)
	if len(empty) != 4 {
		t.Fatalf("domain referral request is %d bytes, want 4", len(empty))
	}
}

func dfsTestResponses() []*DFSReferralResponse {
	return []*DFSReferralResponse{
		{PathConsumed: 40, HeaderFlags: DFSStorageServers, Referrals: []DFSReferral{
			{Version: 1, ServerType: DFSServerTypeLink, NetworkAddress: `\dc1\secure`},
		}},
		{PathConsumed: 40, HeaderFlags: DFSStorageServers, Referrals: []DFSReferral{
			{Version: 2, TTL: 300, DFSPath: `\dc1\dfs\good`, DFSAlternatePath: `\dc1\dfs\good`, NetworkAddress: `\dc1\secure`},
		}},
		{PathConsumed: 52, HeaderFlags: DFSStorageServers | DFSTargetFailback, Referrals: []DFSReferral{
			{Version: 3, ServerType: DFSServerTypeLink, TTL: 300, DFSPath: `\dc1\dfs\two`, DFSAlternatePath: `\dc1\dfs\two`, NetworkAddress: `\legacy\data`},
			{Version: 3, ServerType: DFSServerTypeLink, TTL: 300, DFSPath: `\dc1\dfs\two`, DFSAlternatePath: `\dc1\dfs\two`, NetworkAddress: `\weak\data`},
		}},
		{Referrals: []DFSReferral{
			{Version: 4, EntryFlags: DFSNameListReferral, TTL: 600, SpecialName: `\SMB3FS`, ExpandedNames: []string{`\smb3fs.test`}},
			{Version: 4, EntryFlags: DFSNameListReferral, TTL: 600, SpecialName: `\smb3fs.test`},
		}},
		{PathConsumed: 20, HeaderFlags: DFSReferralServers, Referrals: []DFSReferral{
			{Version: 4, ServerType: DFSServerTypeRoot, EntryFlags: DFSTargetSetBoundary, TTL: 300, DFSPath: `\smb3fs.test\dfs`, DFSAlternatePath: `\smb3fs.test\dfs`, NetworkAddress: `\dc1.smb3fs.test\dfs`},
		}},
		{},
	}
}

func TestDFSReferralResponseRoundTrip(t *testing.T) {
	for _, resp := range dfsTestResponses() {
		b := ftInfoRoundTrip(t, resp, ftMust((*DFSReferralResponse).Encode), DecodeDFSReferralResponse)
		if n := len(resp.Referrals); n > 0 {
			// Every entry's Size leads to the next, and the strings follow
			// the last one ([MS-DFSC] 2.2.5).
			off := dfsResponseHeaderSize
			for i := 0; i < n; i++ {
				off += int(getU16(b, off+2))
			}
			if off >= len(b) && resp.Referrals[0].Version != 1 {
				t.Fatalf("v%d: no string area after %d-byte entries", resp.Referrals[0].Version, off)
			}
		}
		ftTruncations(t, b, len(b), DecodeDFSReferralResponse)
	}
}

// A V3 response laid out as Samba and Windows lay it out ([MS-DFSC] 4.5):
// two entries whose DFSPath and DFSAlternatePath share one string.
func TestDFSReferralResponseSharedStrings(t *testing.T) {
	path := append(AppendUTF16(nil, `\dc1\dfs\two`), 0, 0)
	t1 := append(AppendUTF16(nil, `\legacy\data`), 0, 0)
	t2 := append(AppendUTF16(nil, `\weak\data`), 0, 0)
	b := ftLE(uint16(26), uint16(2), uint32(DFSStorageServers))
	entries := dfsResponseHeaderSize + 2*dfsV3Fixed
	strPath, strT1, strT2 := entries, entries+len(path), entries+len(path)+len(t1)
	for i, target := range []int{strT1, strT2} {
		start := dfsResponseHeaderSize + i*dfsV3Fixed
		b = append(b, ftLE(uint16(3), uint16(dfsV3Fixed), uint16(0), uint16(0), uint32(1800),
			uint16(strPath-start), uint16(strPath-start), uint16(target-start))...)
		b = zeros(b, 16)
	}
	b = append(append(append(b, path...), t1...), t2...)
	resp, err := DecodeDFSReferralResponse(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Referrals) != 2 || resp.PathConsumed != 26 || resp.Referrals[1].NetworkAddress != `\weak\data` ||
		resp.Referrals[0].DFSPath != `\dc1\dfs\two` || resp.Referrals[1].DFSAlternatePath != `\dc1\dfs\two` || resp.Referrals[0].TTL != 1800 {
		t.Fatalf("decoded %+v", resp)
	}
}

func TestDFSReferralResponseMalformed(t *testing.T) {
	good, err := dfsTestResponses()[2].Encode()
	if err != nil {
		t.Fatal(err)
	}
	mod := func(f func(b []byte) []byte) []byte { return f(append([]byte(nil), good...)) }
	second := dfsResponseHeaderSize + dfsV3Fixed
	for name, b := range map[string][]byte{
		"count beyond the bytes": mod(func(b []byte) []byte { putU16(b, 2, 0xFFFF); return b }),
		"count one too many":     mod(func(b []byte) []byte { putU16(b, 2, 3); return b }),
		"unknown version":        mod(func(b []byte) []byte { putU16(b, 8, 5); return b }),
		"mixed versions":         mod(func(b []byte) []byte { putU16(b, second, 4); return b }),
		"size below fixed":       mod(func(b []byte) []byte { putU16(b, 10, 20); return b }),
		"size past the end":      mod(func(b []byte) []byte { putU16(b, 10, 0xFFFF); return b }),
		"string offset past end": mod(func(b []byte) []byte { putU16(b, 8+16, 0xFFF0); return b }),
		"string without NUL":     mod(func(b []byte) []byte { return b[:len(b)-2] }),
		"odd string":             mod(func(b []byte) []byte { putU16(b, 8+12, getU16(b, 8+12)+1); return b[:len(b)-1] }),
		"name list count past end": func() []byte {
			b, _ := dfsTestResponses()[3].Encode()
			putU16(b, 8+14, 0x7FFF)
			return b
		}(),
	} {
		if _, err := DecodeDFSReferralResponse(b); err == nil || !errors.Is(err, ErrMalformed) {
			t.Errorf("%s: err = %v, want malformed", name, err)
		}
	}
	bad := &DFSReferralResponse{Referrals: []DFSReferral{{Version: 3}, {Version: 2}}}
	if _, err := bad.Encode(); err == nil {
		t.Fatal("mixed versions encoded")
	}
}

func ftMust[T any](enc func(T) ([]byte, error)) func(T) []byte {
	return func(m T) []byte {
		b, err := enc(m)
		if err != nil {
			panic(err)
		}
		return b
	}
}

func FuzzDecodeDFSReferralRequest(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeDFSReferralRequest"], ftNoErr((*DFSReferralRequest).Encode), DecodeDFSReferralRequest, nil)
}

func FuzzDecodeDFSReferralResponse(f *testing.F) {
	ftFuzzInfo(f, ftSeeds["FuzzDecodeDFSReferralResponse"], (*DFSReferralResponse).Encode, DecodeDFSReferralResponse, nil)
}

func init() {
	ftAddSeeds("FuzzDecodeDFSReferralRequest", (&DFSReferralRequest{MaxReferralLevel: 4, RequestFileName: `\srv\dfs\link`}).Encode())
	for _, r := range dfsTestResponses() {
		b, err := r.Encode()
		if err != nil {
			panic(err)
		}
		ftAddSeeds("FuzzDecodeDFSReferralResponse", b)
	}
}
