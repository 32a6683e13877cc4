package client_test

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/smbtest"
	"github.com/smb3fs/smb3fs/client/wire"
)

// Unit tests of File.WriteFinish (WRITE and SET_INFO of the time in one
// related compound) against the fake server.

func TestWriteFinish(t *testing.T) {
	r := newRig(t, &smbtest.Server{}, 0, nil)
	ctx := context.Background()
	f, err := r.tr.Open(ctx, "small", rwOpen(client.OverwriteOrCreate))
	if err != nil {
		t.Fatal(err)
	}
	want := pattern(4096)
	if err := f.WriteFinish(ctx, want, 0, &wire.FileBasicInformation{LastWriteTime: 133_000_000_000_000_000}); err != nil {
		t.Fatalf("WriteFinish: %v", err)
	}
	if disk, _ := r.srv.ReadFile("small"); !bytes.Equal(disk, want) {
		t.Fatalf("server holds %d bytes, differing from the %d written", len(disk), len(want))
	}
	if got := r.srv.WriteTime("small"); got != 133_000_000_000_000_000 {
		t.Fatalf("write time %d, want the one set", got)
	}
	recs := r.srv.Records()
	last := recs[len(recs)-2:]
	if last[0].Command != wire.CmdWrite || last[1].Command != wire.CmdSetInfo {
		t.Fatalf("last requests %v, want WRITE then SET_INFO", last)
	}
	for _, rec := range last {
		if rec.Status != wire.StatusSuccess {
			t.Fatalf("%v answered %v", rec.Command, rec.Status)
		}
	}
}

func TestWriteFinishDiskFull(t *testing.T) {
	// The WRITE fails (the fake server is full past 1 GiB): the error is
	// the WRITE's, not "time not set", and the time is not set (the
	// server fails the related SET_INFO with the WRITE's status).
	r := newRig(t, &smbtest.Server{}, 0, nil)
	ctx := context.Background()
	f, err := r.tr.Open(ctx, "full", rwOpen(client.OverwriteOrCreate))
	if err != nil {
		t.Fatal(err)
	}
	err = f.WriteFinish(ctx, []byte("does not fit"), 1<<30+1, &wire.FileBasicInformation{LastWriteTime: 1})
	if !client.IsStatus(err, wire.StatusDiskFull) || errors.Is(err, client.ErrTimeNotSet) {
		t.Fatalf("WriteFinish past 1 GiB: %v, want STATUS_DISK_FULL (data not written)", err)
	}
	if got := r.srv.WriteTime("full"); got != 0 {
		t.Fatalf("write time %d set after a failed WRITE", got)
	}
}

func TestWriteFinishTimeOnly(t *testing.T) {
	// No data: only the SET_INFO is sent; its failure is "time not set".
	r := newRig(t, &smbtest.Server{}, 0, nil)
	ctx := context.Background()
	f, err := r.tr.Open(ctx, "t", rwOpen(client.OverwriteOrCreate))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.WriteFinish(ctx, nil, 0, &wire.FileBasicInformation{LastWriteTime: 7}); err != nil {
		t.Fatalf("WriteFinish: %v", err)
	}
	if got := r.srv.WriteTime("t"); got != 7 {
		t.Fatalf("write time %d, want 7", got)
	}
	if n := r.srv.Seen(wire.CmdWrite); n != 0 {
		t.Fatalf("%d WRITEs sent for no data", n)
	}
	if _, err := f.Close(ctx); err != nil {
		t.Fatal(err)
	}
	err = f.WriteFinish(ctx, nil, 0, &wire.FileBasicInformation{LastWriteTime: 8})
	if !errors.Is(err, client.ErrTimeNotSet) {
		t.Fatalf("WriteFinish on a closed handle: %v, want ErrTimeNotSet", err)
	}
}
