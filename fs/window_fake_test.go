//go:build linux

package fs_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/smbtest"
	"github.com/smb3fs/smb3fs/client/wire"
	smbfs "github.com/smb3fs/smb3fs/fs"
	"github.com/smb3fs/smb3fs/internal/shaper"
)

// The read-ahead and write-behind windows (window.go) across a slow round
// trip: the in-memory server behind the benchmark's delay line
// (internal/shaper) on loopback TCP. The server answers one request at a
// time, but the delay line keeps many in flight, as a WAN does. What the
// tests check is where the server is asked to read or write compared
// with where the application is, and that every byte read is the one
// written: no time is asserted.

// farRTT is the round trip of the delay line: long enough that one READ
// or four WRITEs of 1 MiB a round trip are far below what the machine
// does, so the windows must open for the rate to rise.
const farRTT = 100 * time.Millisecond

// mountFar mounts srv's share through a delay line of farRTT.
func mountFar(t *testing.T, srv *smbtest.Server) *fakeMount {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			nc, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				srv.Serve(nc)
			}()
		}
	}()
	ctx, cancel := context.WithCancel(context.Background())
	toServer, toClient := shaper.Symmetric(farRTT, 0)
	px, err := shaper.Listen(ctx, "127.0.0.1:0", ln.Addr().String(), toServer, toClient)
	if err != nil {
		cancel()
		ln.Close()
		t.Fatal(err)
	}
	// Cleanups run last first: the mount goes, then the proxy and the
	// listener.
	t.Cleanup(func() {
		cancel()
		px.Close()
		ln.Close()
		wg.Wait()
	})
	dial := func(ctx context.Context, network, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, network, px.Addr().String())
	}
	return mountFakeOn(t, srv, smbfs.Options{}, func(o *client.Options) {
		o.Dial = dial
		o.Timeout = 10 * time.Second
	})
}

// maxGauge keeps the largest value it is shown.
type maxGauge struct{ v atomic.Int64 }

func (g *maxGauge) see(v int64) {
	for {
		old := g.v.Load()
		if v <= old || g.v.CompareAndSwap(old, v) {
			return
		}
	}
}

// A sequential reader across a long round trip keeps many READs past
// itself (one chunk, 1 MiB, was all it had; at most 32 MiB), and still reads what was
// written: data written through another descriptor of the mount in the
// middle of the read, over chunks already read ahead and chunks still in
// flight, is what the reader then gets.
func TestFakeReadWindowAcrossRTT(t *testing.T) {
	const size, chunk = 40 << 20, 1 << 20
	srv := &smbtest.Server{}
	want := pattern(1, size)
	srv.WriteFile("big", want)
	m := mountFar(t, srv)

	var pos atomic.Int64 // bytes the test has been given
	var ahead maxGauge   // how far past pos the server was asked to read
	srv.SetIntercept(func(r smbtest.Record) wire.Status {
		if r.Command == wire.CmdRead && r.Path == "big" {
			ahead.see(int64(r.Offset) + int64(r.Length) - pos.Load())
		}
		return wire.StatusSuccess
	})

	var f, w *os.File
	if err := m.do("open big", func() (err error) {
		if f, err = os.Open(m.path("big")); err != nil {
			return err
		}
		w, err = os.OpenFile(m.path("big"), os.O_WRONLY, 0)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	defer f.Close()

	// Written through w when the reader reaches the first offset: the
	// second one is a few chunks ahead (read ahead already, or in
	// flight), the third farther.
	overwrite := map[int64][]int64{20 << 20: {22 << 20, 34 << 20}}
	got := make([]byte, 0, size)
	buf := make([]byte, chunk)
	for {
		if at, ok := overwrite[int64(len(got))]; ok {
			for _, off := range at {
				b := pattern(9, chunk)
				copy(want[off:], b)
				if err := m.do("write", func() error { _, err := w.WriteAt(b, off); return err }); err != nil {
					t.Fatal(err)
				}
			}
		}
		var n int
		err := m.do("read", func() (err error) { n, err = f.Read(buf); return err })
		got = append(got, buf[:n]...)
		pos.Store(int64(len(got)))
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("read at %d: %v", len(got), err)
		}
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("read %d bytes, want %d; first difference at %d", len(got), len(want), firstDiff(got, want))
	}
	// One chunk ahead reaches 2 MiB past what the test was given (the
	// chunk of the read(2) under way and the next).
	// The window is at most 32 MiB past the chunk under the reader.
	if a := ahead.v.Load(); a <= 3*chunk || a > 34*chunk {
		t.Errorf("the server was asked to read at most %d bytes past the reader; want more than %d (a window of several chunks), at most %d (32 MiB past the chunk read)", a, 3*chunk, 34*chunk)
	}
}

// A writer across a long round trip keeps more than the window's floor
// (4 MiB, wbLimit) of WRITEs in flight, at most 32 MiB, and every byte
// lands in order.
func TestFakeWriteWindowAcrossRTT(t *testing.T) {
	const size, chunk = 64 << 20, 1 << 20
	srv := wbServer()
	m := mountFar(t, srv)

	var pos atomic.Int64 // bytes write(2) has returned for
	var behind maxGauge  // how far the server's WRITEs lag behind pos
	srv.SetIntercept(func(r smbtest.Record) wire.Status {
		if r.Command == wire.CmdWrite && r.Path == "big" {
			behind.see(pos.Load() - int64(r.Offset))
		}
		return wire.StatusSuccess
	})
	want := pattern(5, size)
	f := m.createFake(t, "big")
	for off := 0; off < size; off += chunk {
		if err := m.do("write", func() error { _, err := f.Write(want[off : off+chunk]); return err }); err != nil {
			t.Fatal(err)
		}
		pos.Store(int64(off + chunk))
	}
	if err := m.do("close", f.Close); err != nil {
		t.Fatal(err)
	}
	got, _ := srv.ReadFile("big")
	if !bytes.Equal(got, want) {
		t.Fatalf("server has %d bytes, want %d; first difference at %d", len(got), len(want), firstDiff(got, want))
	}
	// With the floor, the WRITE the server runs is at most the window
	// plus the write(2) under way behind the application.
	// The window's ceiling is 32 MiB.
	if b := behind.v.Load(); b <= 6*chunk || b > 33*chunk {
		t.Errorf("the server's WRITEs lagged at most %d bytes behind the writer; want more than %d (a window past its 4 MiB floor), at most %d (32 MiB and the write(2) under way)", b, 6*chunk, 33*chunk)
	}
}
