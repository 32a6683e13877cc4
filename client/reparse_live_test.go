package client_test

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/internal/testenv"
	"github.com/smb3fs/smb3fs/internal/testenv/liveauth"
)

// TestLiveReparsePoint pins what Samba does with reparse FSCTLs. Samba 4.17's
// default VFS implements none of them: GET, SET and DELETE all answer
// STATUS_NOT_A_REPARSE_POINT (observed for a symlink and an NFS-tagged
// buffer). Should a later Samba store reparse points, the test instead checks
// that GET returns the bytes SET stored and that DELETE removes them.
func TestLiveReparsePoint(t *testing.T) {
	env := testenv.Env(t)
	share := env.Shares.Encrypted
	cl := mustDial(t, env, client.StrictPolicy(), liveauth.Kerberos(t, env, "alice"))
	tr := connect(t, cl, share)
	dir := scratch(t, env, share)
	mkdir(t, tr, dir)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	f := createFile(t, tr, dir+`\plain.txt`)
	defer f.Close(context.Background())

	// A regular file is no reparse point: a plain status error.
	p, err := f.GetReparsePoint(ctx)
	if !client.IsStatus(err, wire.StatusNotAReparsePoint) {
		t.Fatalf("GetReparsePoint on a regular file = %+v, %v; want STATUS_NOT_A_REPARSE_POINT", p, err)
	}
	var se *client.StatusError
	if !errors.As(err, &se) || se.Command != wire.CmdIoctl {
		t.Fatalf("GetReparsePoint error %v is not an IOCTL StatusError", err)
	}
	if _, err := f.GetSymlink(ctx); !client.IsStatus(err, wire.StatusNotAReparsePoint) {
		t.Fatalf("GetSymlink on a regular file: %v; want STATUS_NOT_A_REPARSE_POINT", err)
	}

	// Malformed buffers are refused before anything is sent.
	link := &wire.SymlinkReparse{SubstituteName: `target.txt`, PrintName: `target.txt`, Flags: wire.SymlinkFlagRelative}
	buf, err := link.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetReparsePoint(ctx, buf[:len(buf)-1]); !errors.Is(err, client.ErrReparseBuffer) {
		t.Fatalf("SetReparsePoint of a truncated buffer: %v, want ErrReparseBuffer", err)
	}
	if err := f.SetReparsePoint(ctx, append(append([]byte(nil), buf...), 0, 0)); !errors.Is(err, client.ErrReparseBuffer) {
		t.Fatalf("SetReparsePoint with trailing bytes: %v, want ErrReparseBuffer", err)
	}

	err = f.SetReparsePoint(ctx, buf)
	if err != nil {
		// Samba 4.17: no reparse point support in the default VFS.
		if !client.IsStatus(err, wire.StatusNotAReparsePoint) {
			t.Fatalf("SetReparsePoint(symlink): %v; Samba 4.17 answers STATUS_NOT_A_REPARSE_POINT", err)
		}
		if _, err := f.GetReparsePoint(ctx); !client.IsStatus(err, wire.StatusNotAReparsePoint) {
			t.Fatalf("GetReparsePoint after a refused set: %v, want STATUS_NOT_A_REPARSE_POINT", err)
		}
		if err := f.DeleteReparsePoint(ctx, wire.ReparseTagSymlink); !client.IsStatus(err, wire.StatusNotAReparsePoint) {
			t.Fatalf("DeleteReparsePoint on a regular file: %v, want STATUS_NOT_A_REPARSE_POINT", err)
		}
		t.Logf("server stores no reparse points: SET, GET and DELETE answer STATUS_NOT_A_REPARSE_POINT")
		return
	}

	// The server stored it: GET must return the same bytes.
	p, err = f.GetReparsePoint(ctx)
	if err != nil {
		t.Fatalf("GetReparsePoint after set: %v", err)
	}
	got, err := p.Encode()
	if err != nil || p.Tag != wire.ReparseTagSymlink || !bytes.Equal(got, buf) {
		t.Fatalf("GetReparsePoint = %x (tag 0x%08x), set %x", got, p.Tag, buf)
	}
	s, err := f.GetSymlink(ctx)
	if err != nil || *s != *link {
		t.Fatalf("GetSymlink = %+v, %v; want %+v", s, err, link)
	}
	if err := f.DeleteReparsePoint(ctx, wire.ReparseTagSymlink); err != nil {
		t.Fatalf("DeleteReparsePoint: %v", err)
	}
	if _, err := f.GetReparsePoint(ctx); !client.IsStatus(err, wire.StatusNotAReparsePoint) {
		t.Fatalf("GetReparsePoint after delete: %v, want STATUS_NOT_A_REPARSE_POINT", err)
	}
}
