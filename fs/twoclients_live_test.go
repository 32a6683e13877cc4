//go:build linux

package fs_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	smbfs "github.com/smb3fs/smb3fs/fs"
)

// TestLiveTwoClientsSeeEachOthersWrites mounts the share twice, through two
// daemons (two SMB connections, two kernels' worth of caches as far as the
// server can tell), and has each mount change a file the other read before:
// after close and reopen each must see the other's bytes, whether the file
// grew, shrank or kept its size (where only a stale page cache would tell
// the difference). A stat on the other mount must see a new size within the
// attribute timeout; the test waits for it with a deadline and logs how long
// it took.
func TestLiveTwoClientsSeeEachOthersWrites(t *testing.T) {
	a := mountDaemon(t, smbfs.Options{})
	b := mountDaemon(t, smbfs.Options{})
	onA := filepath.Join(a.dir, "shared.bin")
	onB := filepath.Join(b.mnt, filepath.Base(a.dir), "shared.bin")

	write := func(who, path string, data []byte) {
		t.Helper()
		if err := os.WriteFile(path, data, 0644); err != nil {
			t.Fatalf("%s: write: %v", who, err)
		}
	}
	expect := func(who, path string, want []byte, step string) {
		t.Helper()
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %s: read: %v", who, step, err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%s: %s: read %d bytes that differ from the %d the other client wrote", who, step, len(got), len(want))
		}
	}

	v1 := randBytes(300 << 10)
	write("A", onA, v1)
	expect("B", onB, v1, "first read of A's file")

	// Same size, other bytes: only the content can tell A it changed.
	v2 := randBytes(len(v1))
	write("B", onB, v2)
	expect("A", onA, v2, "same-size overwrite by B")

	// A grows it; B, which read the shorter file, must see every byte.
	f, err := os.OpenFile(onA, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	tail := randBytes(123457)
	if _, err := f.Write(tail); err != nil {
		t.Fatalf("A: append: %v", err)
	}
	if err := f.Close(); err != nil {
		t.Fatalf("A: close: %v", err)
	}
	v3 := append(append([]byte{}, v2...), tail...)
	expect("B", onB, v3, "after A appended")

	// B shrinks it; A must not read past the new end.
	if err := os.Truncate(onB, 4097); err != nil {
		t.Fatalf("B: truncate: %v", err)
	}
	expect("A", onA, v3[:4097], "after B truncated")

	// A stat on A converges on B's change (size and time) within the
	// attribute timeout (1 s by default): the deadline only bounds the wait.
	v4 := randBytes(777)
	write("B", onB, v4)
	start := time.Now()
	deadline := start.Add(20 * time.Second)
	for {
		st, err := os.Stat(onA)
		if err != nil {
			t.Fatalf("A: stat: %v", err)
		}
		if st.Size() == int64(len(v4)) {
			t.Logf("A saw B's new size after %v", time.Since(start).Round(time.Millisecond))
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("A still sees size %d, not %d, %v after B's write", st.Size(), len(v4), time.Since(start))
		}
		time.Sleep(50 * time.Millisecond)
	}
	expect("A", onA, v4, "after B rewrote it")

	// What both wrote is what is on the server's disk.
	disk, err := os.ReadFile(filepath.Join(a.disk, "shared.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(disk, v4) {
		t.Fatalf("server's disk holds %d bytes that differ from the last write", len(disk))
	}
}
