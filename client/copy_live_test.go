package client_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/internal/mitm"
	"github.com/smb3fs/smb3fs/internal/testenv"
	"github.com/smb3fs/smb3fs/internal/testenv/liveauth"
)

// copySource writes size random bytes to name on tr and returns them.
func copySource(t *testing.T, tr *client.Tree, name string, size int) []byte {
	t.Helper()
	data := make([]byte, size)
	rand.NewChaCha8([32]byte{7, 7, 7}).Read(data)
	f := createFile(t, tr, name)
	if n, err := f.WriteAt(context.Background(), data, 0); err != nil || n != size {
		t.Fatalf("write source: %d, %v", n, err)
	}
	if _, err := f.Close(context.Background()); err != nil {
		t.Fatalf("close source: %v", err)
	}
	return data
}

func openRead(t *testing.T, tr *client.Tree, name string) *client.File {
	t.Helper()
	f, err := tr.Open(context.Background(), name, client.OpenOptions{Access: client.AccessReadData, Kind: client.KindFile, DiskID: true})
	if err != nil {
		t.Fatalf("open %s: %v", name, err)
	}
	t.Cleanup(func() { f.Close(context.Background()) })
	return f
}

// openWriteOnly creates name with write access only: COPYCHUNK_WRITE must
// not need read access on the target ([MS-SMB2] 3.3.5.15.6).
func openWriteOnly(t *testing.T, tr *client.Tree, name string) *client.File {
	t.Helper()
	f, err := tr.Open(context.Background(), name, client.OpenOptions{Access: client.AccessWriteData, Disposition: client.OverwriteOrCreate, Kind: client.KindFile, DiskID: true})
	if err != nil {
		t.Fatalf("create %s: %v", name, err)
	}
	return f
}

func wireBytes(px *mitm.Proxy) int {
	n := 0
	for _, f := range px.Frames() {
		n += len(f.Data)
	}
	return n
}

// TestLiveCopyChunks copies a 40 MiB file on the server with
// FSCTL_SRV_COPYCHUNK_WRITE, whole and from unaligned offsets across the
// chunk and request limits, checks the bytes on the server's disk, and
// checks on the wire (through a counting proxy) that the data did not
// travel through the client.
func TestLiveCopyChunks(t *testing.T) {
	env := testenv.Env(t)
	share := env.Shares.Encrypted
	mech := liveauth.Kerberos(t, env, "alice")
	setup := connect(t, mustDial(t, env, client.StrictPolicy(), mech), share)
	dir := scratch(t, env, share)
	mkdir(t, setup, dir)
	const size = 40 << 20
	src := copySource(t, setup, dir+`\src.bin`, size)

	// The copying client goes through a proxy that records every frame.
	px, err := mitm.Start(env.DC.SMBAddr(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer px.Close()
	dctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cl, err := client.Dial(dctx, client.Options{Server: env.DC.Host, Address: env.DC.SMBAddr(), Dial: px.Dial,
		Policy: client.StrictPolicy(), Mechanism: liveauth.Kerberos(t, env, "alice"), Timeout: 20 * time.Second})
	if err != nil {
		t.Fatalf("Dial via proxy: %v", err)
	}
	defer cl.Close()
	tr := connect(t, cl, share)
	ctx := context.Background()
	in := openRead(t, tr, dir+`\src.bin`)
	disk := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(env.ShareDirs[share], dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}

	t.Run("whole", func(t *testing.T) {
		out := openWriteOnly(t, tr, dir+`\whole.bin`)
		before := wireBytes(px)
		n, err := out.CopyChunks(ctx, in, 0, 0, size)
		if err != nil || n != size {
			t.Fatalf("CopyChunks: %d, %v", n, err)
		}
		onWire := wireBytes(px) - before
		cr, err := out.Close(ctx)
		if err != nil || cr.EndOfFile != size {
			t.Fatalf("close: %+v, %v", cr, err)
		}
		if got, want := sha256.Sum256(disk("whole.bin")), sha256.Sum256(src); got != want {
			t.Fatal("copy on the server's disk differs from the source")
		}
		// 40 MiB moved; the requests and responses are a few KiB.
		if onWire > 256<<10 {
			t.Errorf("copy sent %d bytes over the wire: the data went through the client", onWire)
		}
		t.Logf("40 MiB server-side copy: %d bytes on the wire", onWire)
	})

	t.Run("unaligned", func(t *testing.T) {
		// 17 MiB + odd bytes: more than one request (16 MiB) and chunks
		// (1 MiB) that start and end mid-block on both sides.
		const srcOff, dstOff, length = 12345, 777, 17<<20 + 4321
		out := openWriteOnly(t, tr, dir+`\part.bin`)
		n, err := out.CopyChunks(ctx, in, srcOff, dstOff, length)
		if err != nil || n != length {
			t.Fatalf("CopyChunks: %d, %v", n, err)
		}
		// A second range after a gap, from the source's tail.
		const srcOff2, dstOff2, length2 = size - 3<<20 - 5, dstOff + length + 1000, 3<<20 + 5
		n, err = out.CopyChunks(ctx, in, srcOff2, dstOff2, length2)
		if err != nil || n != length2 {
			t.Fatalf("CopyChunks tail: %d, %v", n, err)
		}
		if _, err := out.Close(ctx); err != nil {
			t.Fatal(err)
		}
		got := disk("part.bin")
		want := make([]byte, dstOff2+length2)
		copy(want[dstOff:], src[srcOff:srcOff+length])
		copy(want[dstOff2:], src[srcOff2:srcOff2+length2])
		if !bytes.Equal(got, want) {
			t.Fatalf("unaligned copy: disk has %d bytes, want %d, contents differ", len(got), len(want))
		}
	})

	t.Run("refused", func(t *testing.T) {
		out := openWriteOnly(t, tr, dir+`\refused.bin`)
		defer out.Close(ctx)
		// Another tree of the same share, even on the same session.
		other := connect(t, cl, share)
		in2 := openRead(t, other, dir+`\src.bin`)
		if _, err := out.CopyChunks(ctx, in2, 0, 0, 4096); !errors.Is(err, client.ErrCopyCrossTree) {
			t.Errorf("cross-tree copy: %v, want ErrCopyCrossTree", err)
		}
		// Overlapping ranges of one file.
		rw := createFile(t, tr, dir+`\self.bin`)
		defer rw.Close(ctx)
		if _, err := rw.CopyChunks(ctx, rw, 0, 100, 4096); !errors.Is(err, client.ErrCopyOverlap) {
			t.Errorf("overlapping copy: %v, want ErrCopyOverlap", err)
		}
		// A source range past the end is an error, never a short copy.
		n, err := out.CopyChunks(ctx, in, size-1000, 0, 2<<20)
		if err == nil {
			t.Errorf("copy past the source's end: %d bytes, no error", n)
		}
		t.Logf("copy past the end: %d, %v", n, err)
		// The source needs read access.
		wo := openWriteOnly(t, tr, dir+`\wo.bin`)
		defer wo.Close(ctx)
		if _, err := out.CopyChunks(ctx, wo, 0, 0, 1); err == nil {
			t.Error("copy from a handle without read access succeeded")
		}
	})
}

// TestLiveCopyChunksSpeed measures, once and for information only, a
// 200 MiB server-side copy against reading and writing it through the
// client. It runs only with
// SMB3FS_COPY_SPEED=1: it moves 400 MiB through port 445, which would slow
// the suite and crowd out the tests that capture that port.
func TestLiveCopyChunksSpeed(t *testing.T) {
	if os.Getenv("SMB3FS_COPY_SPEED") != "1" {
		t.Skip("informational; set SMB3FS_COPY_SPEED=1 to measure")
	}
	env := testenv.Env(t)
	share := env.Shares.Encrypted
	tr := connect(t, mustDial(t, env, client.StrictPolicy(), liveauth.Kerberos(t, env, "alice")), share)
	dir := scratch(t, env, share)
	mkdir(t, tr, dir)
	const size = 200 << 20
	src := copySource(t, tr, dir+`\src.bin`, size)
	ctx := context.Background()
	in := openRead(t, tr, dir+`\src.bin`)

	out := openWriteOnly(t, tr, dir+`\server.bin`)
	start := time.Now()
	if n, err := out.CopyChunks(ctx, in, 0, 0, size); err != nil || n != size {
		t.Fatalf("CopyChunks: %d, %v", n, err)
	}
	server := time.Since(start)
	out.Close(ctx)

	out = openWriteOnly(t, tr, dir+`\client.bin`)
	buf := make([]byte, 8<<20)
	start = time.Now()
	for off := int64(0); off < size; off += int64(len(buf)) {
		if _, err := in.ReadAt(ctx, buf, off); err != nil {
			t.Fatal(err)
		}
		if _, err := out.WriteAt(ctx, buf, off); err != nil {
			t.Fatal(err)
		}
	}
	through := time.Since(start)
	out.Close(ctx)

	mbps := func(d time.Duration) float64 { return float64(size) / (1 << 20) / d.Seconds() }
	t.Logf("200 MiB: server-side copy %v (%.0f MB/s), read+write through the client %v (%.0f MB/s)",
		server, mbps(server), through, mbps(through))
	if got, want := sha256.Sum256(mustRead(t, filepath.Join(env.ShareDirs[share], dir, "server.bin"))), sha256.Sum256(src); got != want {
		t.Fatal("server-side copy differs from the source")
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
