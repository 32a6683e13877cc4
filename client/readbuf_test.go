package client

import (
	"bytes"
	"context"
	"testing"

	"github.com/smb3fs/smb3fs/client/smbtest"
	"github.com/smb3fs/smb3fs/client/wire"
)

// concat joins a ReadBuffers' payloads.
func concat(rb *ReadBuffers) []byte {
	var b []byte
	for _, d := range rb.Bufs {
		b = append(b, d...)
	}
	return b
}

func TestFakeReadBuffers(t *testing.T) {
	// 64 KiB READs: a 300,000-byte read is five responses, delivered in
	// file order in their own (decrypted) frames.
	srv := &smbtest.Server{MaxSize: 65536}
	data := secretData(300_000)
	srv.WriteFile("big", data)
	cl, rec := mustDial(t, srv, StrictPolicy(), nil)
	ctx := context.Background()
	tr, err := cl.Connect(ctx, "share")
	if err != nil {
		t.Fatal(err)
	}
	f, err := tr.create(ctx, "big", &wire.CreateRequest{DesiredAccess: wire.GenericRead, ShareAccess: shareAll, CreateDisposition: wire.FileOpen})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		off, n int
		want   []byte
	}{
		{0, len(data), data},
		{1000, 200_000, data[1000:201_000]},
		{250_000, 100_000, data[250_000:]}, // short: end of file
		{len(data), 10, nil},               // at the end: nothing
		{len(data) + 100, 10, nil},         // past the end: nothing
	}
	var held []*ReadBuffers
	for _, c := range cases {
		rb, err := f.ReadBuffers(ctx, c.n, int64(c.off))
		if err != nil {
			t.Fatalf("ReadBuffers(%d, %d): %v", c.n, c.off, err)
		}
		if got := concat(rb); rb.Len() != len(c.want) || !bytes.Equal(got, c.want) {
			t.Fatalf("ReadBuffers(%d, %d): %d bytes (Len %d), equal %v; want %d bytes", c.n, c.off, len(got), rb.Len(), bytes.Equal(got, c.want), len(c.want))
		}
		if c.n == len(data) && len(rb.Bufs) != 5 {
			t.Fatalf("whole file in %d buffers, want 5 (one per 64 KiB READ)", len(rb.Bufs))
		}
		held = append(held, rb)
	}
	// Buffers held while others are read and released stay intact.
	first := held[0]
	for _, rb := range held[1:] {
		rb.Release()
		rb.Release() // twice is harmless
		if rb.Len() != 0 {
			t.Fatalf("released buffers still hold %d bytes", rb.Len())
		}
	}
	for range 3 {
		rb, err := f.ReadBuffers(ctx, len(data), 0)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(concat(rb), data) {
			t.Fatal("a read after releases returned different data")
		}
		rb.Release()
	}
	if !bytes.Equal(concat(first), data) {
		t.Fatal("buffers still held changed under later reads")
	}
	first.Release()
	checkAllEncrypted(t, srv, rec)
}

func TestFakeWriteBehindEncrypted(t *testing.T) {
	// Sealed out of place (the request is kept for a resend): the server
	// gets every byte, and every message after SESSION_SETUP is
	// encrypted.
	srv := &smbtest.Server{MaxSize: 65536}
	cl, rec := mustDial(t, srv, StrictPolicy(), nil)
	ctx := context.Background()
	tr, err := cl.Connect(ctx, "share")
	if err != nil {
		t.Fatal(err)
	}
	f, err := tr.create(ctx, "wb", &wire.CreateRequest{DesiredAccess: wire.GenericRead | wire.GenericWrite, ShareAccess: shareAll, CreateDisposition: wire.FileOverwriteIf})
	if err != nil {
		t.Fatal(err)
	}
	data := secretData(300_000)
	var ws []*Write
	for off := 0; off < len(data); off += 100_000 {
		ws = append(ws, f.StartWriteAt(ctx, data[off:off+100_000], int64(off)))
	}
	for _, w := range ws {
		if err := w.Wait(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := srv.ReadFile("wb"); !bytes.Equal(got, data) {
		t.Fatalf("server holds %d bytes, differing from the %d written", len(got), len(data))
	}
	checkAllEncrypted(t, srv, rec)
}
