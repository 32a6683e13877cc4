package client

import (
	"context"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client/smbtest"
	"github.com/smb3fs/smb3fs/client/wire"
)

// TestOpenOptionsRequest pins the CREATE request each option builds.
func TestOpenOptionsRequest(t *testing.T) {
	const base = wire.FileReadAttributes
	cases := []struct {
		what  string
		o     OpenOptions
		extra Access
		check func(r *wire.CreateRequest) bool
	}{
		{"zero value: open to read attributes, share all", OpenOptions{}, 0, func(r *wire.CreateRequest) bool {
			return r.DesiredAccess == base && r.ShareAccess == shareAll && r.CreateDisposition == wire.FileOpen &&
				r.CreateOptions == 0 && r.FileAttributes == 0 && len(r.Contexts) == 0 &&
				r.ImpersonationLevel == wire.Impersonation && r.RequestedOplockLevel == 0
		}},
		{"read access", OpenOptions{Access: AccessRead}, 0, func(r *wire.CreateRequest) bool {
			return r.DesiredAccess == base|wire.FileReadData|wire.FileReadEA|wire.ReadControl
		}},
		{"write access", OpenOptions{Access: AccessWrite}, 0, func(r *wire.CreateRequest) bool {
			return r.DesiredAccess == base|wire.FileWriteData|wire.FileAppendData|wire.FileWriteAttributes|wire.FileWriteEA
		}},
		{"access an operation adds", OpenOptions{Access: AccessReadData}, AccessDelete, func(r *wire.CreateRequest) bool {
			return r.DesiredAccess == base|wire.FileReadData|wire.Delete
		}},
		{"create new", OpenOptions{Disposition: CreateNew}, 0, func(r *wire.CreateRequest) bool { return r.CreateDisposition == wire.FileCreate }},
		{"open or create", OpenOptions{Disposition: OpenOrCreate}, 0, func(r *wire.CreateRequest) bool { return r.CreateDisposition == wire.FileOpenIf }},
		{"overwrite", OpenOptions{Disposition: Overwrite}, 0, func(r *wire.CreateRequest) bool { return r.CreateDisposition == wire.FileOverwrite }},
		{"overwrite or create", OpenOptions{Disposition: OverwriteOrCreate}, 0, func(r *wire.CreateRequest) bool {
			return r.CreateDisposition == wire.FileOverwriteIf
		}},
		{"a file", OpenOptions{Kind: KindFile}, 0, func(r *wire.CreateRequest) bool {
			return r.CreateOptions == wire.FileNonDirectoryFile && r.FileAttributes == 0
		}},
		{"open a directory", OpenOptions{Kind: KindDir}, 0, func(r *wire.CreateRequest) bool {
			return r.CreateOptions == wire.FileDirectoryFile && r.FileAttributes == 0
		}},
		{"create a directory", OpenOptions{Kind: KindDir, Disposition: CreateNew}, 0, func(r *wire.CreateRequest) bool {
			return r.CreateOptions == wire.FileDirectoryFile && r.FileAttributes == wire.FileAttributeDirectory
		}},
		{"deny write", OpenOptions{Deny: DenyWrite}, 0, func(r *wire.CreateRequest) bool {
			return r.ShareAccess == wire.ShareRead|wire.ShareDelete
		}},
		{"deny everything", OpenOptions{Deny: DenyRead | DenyWrite | DenyDelete}, 0, func(r *wire.CreateRequest) bool { return r.ShareAccess == 0 }},
		{"reparse point itself", OpenOptions{Kind: KindFile, OpenReparsePoint: true}, 0, func(r *wire.CreateRequest) bool {
			return r.CreateOptions == wire.FileNonDirectoryFile|wire.FileOpenReparsePoint
		}},
		{"disk id", OpenOptions{DiskID: true}, 0, func(r *wire.CreateRequest) bool {
			_, ok := r.Context(wire.CtxNameQueryOnDiskID)
			return ok && len(r.Contexts) == 1
		}},
	}
	for _, c := range cases {
		r, err := c.o.request("a\\b", c.extra)
		if err != nil {
			t.Errorf("%s: %v", c.what, err)
			continue
		}
		if r.Name != "a\\b" || !c.check(r) {
			t.Errorf("%s: request %+v", c.what, r)
		}
	}
}

// TestOpenOptionsRefused: options that contradict each other or name
// nothing are refused before anything is sent.
func TestOpenOptionsRefused(t *testing.T) {
	for _, o := range []OpenOptions{
		{Lease: LeaseRead, Oplock: OplockBatch},
		{Durable: true, Oplock: OplockBatch},
		{Lease: 0x08},
		{Oplock: 0x03},
		{Disposition: OverwriteOrCreate + 1},
		{Kind: KindDir + 1},
		{Deny: 0x08},
	} {
		if _, err := o.request("x", 0); err == nil {
			t.Errorf("%+v: accepted", o)
		}
	}
	// A plan's handle closes at once: grants are refused.
	for _, o := range []OpenOptions{
		{Lease: LeaseRead}, {Oplock: OplockII}, {Durable: true}, {DurableTimeout: time.Second}, {MaximalAccess: true},
	} {
		if _, err := newPlan("x", o, nil); err == nil {
			t.Errorf("plan with %+v: accepted", o)
		}
	}
	// So is an operation that could not be built.
	if _, err := newPlan("x", OpenOptions{}, []Op{SetEAs(EA{Name: string(make([]byte, 300))})}); err == nil {
		t.Error("plan with an EA name of 300 bytes: accepted")
	}
}

// TestPlanResendClass pins which plans are sent again after a reconnect
// when the old server may have run them: only those whose every step may
// run twice.
func TestPlanResendClass(t *testing.T) {
	cases := []struct {
		what string
		o    OpenOptions
		ops  []Op
		want replayClass
	}{
		{"stat", OpenOptions{DiskID: true}, nil, replayIdempotent},
		{"stat with link count", OpenOptions{}, []Op{QueryStandard()}, replayIdempotent},
		{"statfs", OpenOptions{Kind: KindDir}, []Op{QueryFSSize()}, replayIdempotent},
		{"read EAs", OpenOptions{}, []Op{QueryEAs("user.a")}, replayIdempotent},
		{"read a small file", OpenOptions{Kind: KindFile}, []Op{ReadData(100)}, replayIdempotent},
		{"list", OpenOptions{Kind: KindDir}, []Op{List(4096)}, replayIdempotent},
		{"truncate", OpenOptions{}, []Op{Truncate(4)}, replayIdempotent},
		{"set times", OpenOptions{}, []Op{SetTimes(time.Unix(1, 0), time.Time{})}, replayIdempotent},
		{"set EAs", OpenOptions{}, []Op{SetEAs(EA{Name: "user.a", Value: []byte("v")})}, replayIdempotent},
		{"truncate then stat", OpenOptions{}, []Op{Truncate(0), QueryStandard()}, replayIdempotent},
		{"mkdir", OpenOptions{Kind: KindDir, Disposition: CreateNew}, nil, replayNever},
		{"open or create", OpenOptions{Disposition: OpenOrCreate}, nil, replayNever},
		{"overwrite", OpenOptions{Disposition: Overwrite}, nil, replayNever},
		{"overwrite or create", OpenOptions{Disposition: OverwriteOrCreate}, nil, replayNever},
		{"create with data", OpenOptions{Disposition: CreateNew}, []Op{WriteData([]byte("x"))}, replayNever},
		{"write on an open", OpenOptions{}, []Op{WriteData([]byte("x"))}, replayNever},
		{"delete", OpenOptions{OpenReparsePoint: true}, []Op{Delete()}, replayNever},
		{"rename", OpenOptions{}, []Op{RenameTo("b", false)}, replayNever},
		{"link", OpenOptions{Kind: KindFile}, []Op{LinkTo("b")}, replayNever},
		{"stat then delete", OpenOptions{}, []Op{QueryStandard(), Delete()}, replayNever},
		{"a stat that creates", OpenOptions{Disposition: CreateNew}, []Op{QueryStandard()}, replayNever},
	}
	for _, c := range cases {
		p, err := newPlan("x", c.o, c.ops)
		if err != nil {
			t.Errorf("%s: %v", c.what, err)
			continue
		}
		if got := p.class(); got != c.want {
			t.Errorf("%s: class %v, want %v", c.what, got, c.want)
		}
	}
}

// TestFileTime pins the FILETIME conversion of SetTimes.
// TestFakeDurableCreateGUID: each durable open asks with a random
// CreateGuid of its own, which the File keeps for its reconnect.
func TestFakeDurableCreateGUID(t *testing.T) {
	srv := &smbtest.Server{Leasing: true, ShareFlags: map[string]uint32{"share": 0}}
	srv.WriteFile("f", []byte("data"))
	cl, _ := mustDial(t, srv, StrictPolicy(), nil)
	ctx := context.Background()
	tr, err := cl.Connect(ctx, "share")
	if err != nil {
		t.Fatal(err)
	}
	var guids [][16]byte
	for range 2 {
		f, err := tr.Open(ctx, "f", OpenOptions{Access: AccessRead, Durable: true})
		if err != nil {
			t.Fatal(err)
		}
		if f.durable == nil || !f.Durable() {
			t.Fatal("no durable handle from a server that grants them")
		}
		guids = append(guids, f.durable.CreateGUID)
		if _, err := f.Close(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if guids[0] == ([16]byte{}) || guids[0] == guids[1] {
		t.Errorf("CreateGuids %x and %x: want random, distinct", guids[0], guids[1])
	}
}
