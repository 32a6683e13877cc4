//go:build linux

package fs_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client"
	smbfs "github.com/smb3fs/smb3fs/fs"
	"github.com/smb3fs/smb3fs/internal/shaper"
	"github.com/smb3fs/smb3fs/internal/testenv"
)

// The read-ahead and write-behind windows (window.go) against Samba
// across the benchmark's delay line, where they open: what is read is
// what was written, through another descriptor of the mount in the middle
// of a read, and through write-behind.

// liveRTT is the delay line's round trip: a WAN's, and short enough that
// the test takes a few seconds.
const liveRTT = 20 * time.Millisecond

// mountFarShare mounts the encrypted share through a delay line of
// liveRTT; the proxy reports how much it forwarded.
func mountFarShare(t *testing.T) (*mounted, *shaper.Proxy) {
	t.Helper()
	env := testenv.Env(t)
	ctx, cancel := context.WithCancel(context.Background())
	toServer, toClient := shaper.Symmetric(liveRTT, 0)
	px, err := shaper.Listen(ctx, "127.0.0.1:0", env.DC.SMBAddr(), toServer, toClient)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		px.Close()
	})
	m := mountWith(t, env.Shares.Encrypted, smbfs.Options{}, func(o *client.Options) {
		o.Address = px.Addr().String()
	})
	return m, px
}

func TestLiveWindowsAcrossRTT(t *testing.T) {
	const size, chunk = 32 << 20, 1 << 20
	m, px := mountFarShare(t)

	// Written through the mount with write-behind (O_TRUNC asks for
	// the write-caching lease), in 1 MiB write(2)s.
	want := randBytes(size)
	w, err := os.OpenFile(m.path("big"), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0644)
	if err != nil {
		t.Fatal(err)
	}
	for off := 0; off < size; off += chunk {
		if _, err := w.Write(want[off : off+chunk]); err != nil {
			t.Fatalf("write at %d: %v", off, err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if disk, err := os.ReadFile(m.onDisk("big")); err != nil || !bytes.Equal(disk, want) {
		t.Fatalf("server's disk after write-behind: %d bytes (%v), want %d; first difference at %d", len(disk), err, len(want), firstDiff(disk, want))
	}

	// Read back in 1 MiB read(2)s (read-only: the mount's read-ahead),
	// while another descriptor overwrites chunks ahead of the reader:
	// one just ahead (read ahead already, or in flight), one farther.
	r, err := os.Open(m.path("big"))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	ow, err := os.OpenFile(m.path("big"), os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer ow.Close()
	overwrite := map[int][]int64{12 << 20: {13 << 20, 24<<20 + 4096}}
	got := make([]byte, 0, size)
	buf := make([]byte, chunk)
	for {
		for _, off := range overwrite[len(got)] {
			b := randBytes(chunk)
			copy(want[off:], b)
			if _, err := ow.WriteAt(b, off); err != nil {
				t.Fatalf("overwrite at %d: %v", off, err)
			}
		}
		n, err := r.Read(buf)
		got = append(got, buf[:n]...)
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
	if st := px.Stats(); st.ToClient < size {
		t.Errorf("the proxy forwarded %d bytes to the client, less than the file: the mount went around it", st.ToClient)
	}
}
