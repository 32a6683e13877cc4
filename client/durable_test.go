package client

import (
	"errors"
	"testing"

	"github.com/smb3fs/smb3fs/client/wire"
)

// Unit tests for the response checks of durable.go and reparse.go: what a
// server sends back is decoded strictly, whatever the server.

func createResponseWith(cs ...wire.CreateContext) *wire.CreateResponse {
	return &wire.CreateResponse{Contexts: cs}
}

func TestMaximalAccessContext(t *testing.T) {
	ok := (&wire.MaximalAccessResponse{QueryStatus: wire.StatusSuccess, MaximalAccess: 0x1f01ff}).Encode()
	if acc, err := maximalAccess(createResponseWith(wire.CreateContext{Name: wire.CtxNameMaximalAccess, Data: ok})); err != nil || acc != 0x1f01ff {
		t.Fatalf("well-formed MxAc: 0x%x, %v", acc, err)
	}
	for name, r := range map[string]*wire.CreateResponse{
		"absent":    createResponseWith(),
		"short":     createResponseWith(wire.CreateContext{Name: wire.CtxNameMaximalAccess, Data: ok[:7]}),
		"long":      createResponseWith(wire.CreateContext{Name: wire.CtxNameMaximalAccess, Data: append(ok, 0)}),
		"no data":   createResponseWith(wire.CreateContext{Name: wire.CtxNameMaximalAccess}),
		"other ctx": createResponseWith(wire.CreateContext{Name: wire.CtxNameQueryOnDiskID, Data: make([]byte, 32)}),
	} {
		if _, err := maximalAccess(r); !errors.Is(err, ErrProtocol) {
			t.Errorf("%s: %v, want ErrProtocol", name, err)
		}
	}
	denied := (&wire.MaximalAccessResponse{QueryStatus: wire.StatusAccessDenied, MaximalAccess: 0x1f01ff}).Encode()
	acc, err := maximalAccess(createResponseWith(wire.CreateContext{Name: wire.CtxNameMaximalAccess, Data: denied}))
	if !IsStatus(err, wire.StatusAccessDenied) || acc != 0 {
		t.Fatalf("failed QueryStatus: 0x%x, %v; want STATUS_ACCESS_DENIED and no access", acc, err)
	}
}

func TestDurableGrantedContext(t *testing.T) {
	if d, err := durableGranted(createResponseWith()); d != nil || err != nil {
		t.Fatalf("no DH2Q: %+v, %v; want not granted, no error", d, err)
	}
	ok := (&wire.DurableHandleResponseV2{Timeout: 60000}).Encode()
	if d, err := durableGranted(createResponseWith(wire.CreateContext{Name: wire.CtxNameDurableV2, Data: ok})); err != nil || d == nil || d.Timeout != 60000 {
		t.Fatalf("well-formed DH2Q: %+v, %v", d, err)
	}
	persistent := (&wire.DurableHandleResponseV2{Timeout: 60000, Flags: wire.DurableHandleFlagPersistent}).Encode()
	for name, data := range map[string][]byte{
		"short":      ok[:7],
		"long":       append(ok, 0),
		"empty":      nil,
		"persistent": persistent,
	} {
		d, err := durableGranted(createResponseWith(wire.CreateContext{Name: wire.CtxNameDurableV2, Data: data}))
		if !errors.Is(err, ErrProtocol) || d != nil {
			t.Errorf("%s: %+v, %v; want ErrProtocol", name, d, err)
		}
	}
}

func reparseBuf(tag uint32, dataLen uint16, rest []byte) []byte {
	b := []byte{byte(tag), byte(tag >> 8), byte(tag >> 16), byte(tag >> 24), byte(dataLen), byte(dataLen >> 8), 0, 0}
	return append(b, rest...)
}

func TestCheckReparseBuffer(t *testing.T) {
	link, err := (&wire.SymlinkReparse{SubstituteName: `a\b`, PrintName: `a\b`}).Encode()
	if err != nil {
		t.Fatal(err)
	}
	guid := make([]byte, 16)
	good := map[string][]byte{
		"symlink":             link,
		"microsoft, no data":  reparseBuf(wire.ReparseTagSymlink, 0, nil),
		"third party + GUID":  reparseBuf(0x00001234, 3, append(guid, 1, 2, 3)),
		"third party no data": reparseBuf(0x00001234, 0, guid),
	}
	for name, b := range good {
		p, err := checkReparseBuffer(b)
		if err != nil || len(p.Data) != len(b)-reparseHeader {
			t.Errorf("%s: %+v, %v", name, p, err)
		}
	}
	bad := map[string][]byte{
		"empty":                   nil,
		"header only, short":      reparseBuf(wire.ReparseTagSymlink, 0, nil)[:7],
		"length past end":         reparseBuf(wire.ReparseTagSymlink, 4, []byte{1, 2, 3}),
		"trailing bytes":          reparseBuf(wire.ReparseTagSymlink, 2, []byte{1, 2, 3}),
		"tag 0":                   reparseBuf(0, 0, nil),
		"tag 1":                   reparseBuf(1, 0, nil),
		"third party, no GUID":    reparseBuf(0x00001234, 3, []byte{1, 2, 3}),
		"third party, short GUID": reparseBuf(0x00001234, 0, guid[:15]),
	}
	for name, b := range bad {
		if p, err := checkReparseBuffer(b); err == nil {
			t.Errorf("%s: accepted %+v", name, p)
		}
	}
}

func FuzzCheckReparseBuffer(f *testing.F) {
	link, _ := (&wire.SymlinkReparse{SubstituteName: `x`, PrintName: `x`}).Encode()
	f.Add(link)
	f.Add(reparseBuf(0x00001234, 1, make([]byte, 17)))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := checkReparseBuffer(b)
		if err != nil {
			return
		}
		hdr := reparseHeader
		if p.Tag&reparseTagMicrosoft == 0 {
			hdr = reparseGUIDHeader
		}
		if len(b) < hdr || len(p.Data) != len(b)-reparseHeader {
			t.Fatalf("accepted %d bytes with %d data bytes for tag 0x%08x", len(b), len(p.Data), p.Tag)
		}
		if p.Tag == wire.ReparseTagSymlink {
			wire.DecodeSymlinkReparse(b) // must not panic
		}
	})
}
