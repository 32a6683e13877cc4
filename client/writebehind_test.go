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

// Unit tests of File.StartWriteAt and Write.Wait (write-behind) against
// the fake server.

// startAll starts want in writes of size bytes, reusing one buffer (the
// data must be copied by StartWriteAt), and returns them.
func startAll(f *client.File, want []byte, size int) []*client.Write {
	ctx := context.Background()
	buf := make([]byte, size)
	var ws []*client.Write
	for off := 0; off < len(want); off += size {
		n := copy(buf, want[off:])
		ws = append(ws, f.StartWriteAt(ctx, buf[:n], int64(off)))
		clear(buf) // the caller's buffer is free once StartWriteAt returns
	}
	return ws
}

func TestWriteBehindInOrderData(t *testing.T) {
	// 64 KiB WRITEs: each 200,000-byte write is four requests.
	r := newRig(t, &smbtest.Server{MaxSize: 65536}, 0, nil)
	ctx := context.Background()
	f, err := r.tr.Open(ctx, "wb", rwOpen(client.OverwriteOrCreate))
	if err != nil {
		t.Fatal(err)
	}
	want := pattern(2_000_000)
	ws := startAll(f, want, 200_000)
	for i, w := range ws {
		if err := w.Wait(ctx); err != nil {
			t.Fatalf("write %d: %v", i, err)
		}
		if err := w.Wait(ctx); err != nil {
			t.Fatalf("write %d, second Wait: %v", i, err)
		}
	}
	if disk, _ := r.srv.ReadFile("wb"); !bytes.Equal(disk, want) {
		t.Fatalf("server holds %d bytes, differing from the %d written", len(disk), len(want))
	}
	if n := r.srv.Seen(wire.CmdWrite); n != 40 {
		t.Fatalf("server saw %d WRITEs, want 40", n)
	}
}

func TestWriteBehindDiskFull(t *testing.T) {
	// The fake server answers STATUS_DISK_FULL past 1 GiB: the failure
	// comes out of Wait, every time it is asked.
	r := newRig(t, &smbtest.Server{}, 0, nil)
	ctx := context.Background()
	f, err := r.tr.Open(ctx, "full", rwOpen(client.OverwriteOrCreate))
	if err != nil {
		t.Fatal(err)
	}
	ok := f.StartWriteAt(ctx, []byte("fits"), 0)
	full := f.StartWriteAt(ctx, []byte("does not fit"), 1<<30+1)
	if err := ok.Wait(ctx); err != nil {
		t.Fatalf("write at 0: %v", err)
	}
	for range 2 {
		if err := full.Wait(ctx); !client.IsStatus(err, wire.StatusDiskFull) {
			t.Fatalf("write past 1 GiB: %v, want STATUS_DISK_FULL", err)
		}
	}
}

func TestWriteBehindDurableAcrossCut(t *testing.T) {
	// The first connection dies after 3.5 MiB, with 1 MiB writes in
	// flight and more being started: the durable handle is reclaimed and
	// Wait sends again what was not acknowledged. Every byte arrives.
	r := newRig(t, &smbtest.Server{Leasing: true}, 3<<20+512<<10, nil)
	ctx := context.Background()
	f, err := r.tr.Open(ctx, "big.bin", durableOpen(client.OverwriteOrCreate))
	if err != nil {
		t.Fatal(err)
	}
	if !f.Durable() {
		t.Fatal("the fake server granted durability, File is not durable")
	}
	want := pattern(8 << 20)
	ws := startAll(f, want, 1<<20)
	for i, w := range ws {
		if err := w.Wait(ctx); err != nil {
			t.Fatalf("write %d: %v", i, err)
		}
	}
	if e := r.event(t); e.Kind != client.EventReconnected || len(e.Reopened) != 1 {
		t.Fatalf("event %+v", e)
	}
	if disk, _ := r.srv.ReadFile("big.bin"); !bytes.Equal(disk, want) {
		t.Fatalf("bytes differ after reconnect (server %d bytes)", len(disk))
	}
	if _, err := f.Close(ctx); err != nil {
		t.Fatalf("Close: %v", err)
	}
}

func TestWriteBehindNonDurableLost(t *testing.T) {
	// The WRITE reaches the server, its response is lost with the
	// connection: on a handle that is not durable, Wait reports the
	// handle lost, not success.
	r := newRig(t, &smbtest.Server{Leasing: true}, 0, nil)
	ctx := context.Background()
	f, err := r.tr.Open(ctx, "plain", rwOpen(client.OverwriteOrCreate))
	if err != nil {
		t.Fatal(err)
	}
	r.tap(0).armed.Store(true)
	w := f.StartWriteAt(ctx, pattern(100_000), 0)
	if err := w.Wait(ctx); !errors.Is(err, client.ErrHandleLost) {
		t.Fatalf("Wait across a cut on a non-durable handle: %v, want ErrHandleLost", err)
	}
	// Started after the reconnect: not sent, and the same error.
	if err := f.StartWriteAt(ctx, []byte("x"), 0).Wait(ctx); !errors.Is(err, client.ErrHandleLost) {
		t.Fatalf("write after the reconnect: %v, want ErrHandleLost", err)
	}
}
