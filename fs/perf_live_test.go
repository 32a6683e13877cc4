//go:build linux

package fs_test

import (
	"bufio"
	"errors"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	smbfs "github.com/smb3fs/smb3fs/fs"
)

// mountDev returns MAJOR:MINOR of the mount at dir.
func mountDev(t *testing.T, dir string) string {
	t.Helper()
	f, err := os.Open("/proc/self/mountinfo")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fl := strings.Fields(sc.Text())
		if len(fl) > 4 && fl[4] == dir {
			return fl[2]
		}
	}
	t.Fatalf("%s not in /proc/self/mountinfo", dir)
	return ""
}

// A root mount raises the read-ahead window from the kernel's 128 KiB, so
// that sequential reads arrive as 1 MiB READs, several at a time.
func TestLiveReadAheadRaised(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root may raise a mount's read-ahead")
	}
	m := mountShare(t, smbfs.Options{})
	b, err := os.ReadFile("/sys/class/bdi/" + mountDev(t, m.mnt) + "/read_ahead_kb")
	if err != nil {
		t.Fatal(err)
	}
	kb, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	if kb < 1024 {
		t.Errorf("read_ahead_kb = %d, want at least 1024", kb)
	}
	// And the data still reads back right through the larger window.
	data := randBytes(5<<20 + 123)
	if err := os.WriteFile(m.onDisk("ra"), data, 0644); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(m.path("ra"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(data) {
		t.Errorf("read %d bytes, differ from the %d written on the server", len(got), len(data))
	}
}

// Failed lookups are cached for the attribute timeout only: with actimeo=0
// a file created on the server shows at once, with the default it shows
// once the timeout has passed.
func TestLiveNegativeEntry(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts smbfs.Options
	}{{"nocache", smbfs.Options{NoCache: true}}, {"default", smbfs.Options{}}} {
		t.Run(tc.name, func(t *testing.T) {
			m := mountShare(t, tc.opts)
			if _, err := os.Stat(m.path("late")); !errors.Is(err, syscall.ENOENT) {
				t.Fatalf("stat before: %v, want ENOENT", err)
			}
			if err := os.WriteFile(m.onDisk("late"), []byte("x"), 0644); err != nil {
				t.Fatal(err)
			}
			os.Chown(m.onDisk("late"), 10001, 10001)
			if tc.opts.NoCache {
				if _, err := os.Stat(m.path("late")); err != nil {
					t.Fatalf("actimeo=0: stat after the server created it: %v", err)
				}
				return
			}
			// Not a timing assertion: only that it does show up (the
			// deadline keeps a broken cache from hanging the test).
			deadline := time.Now().Add(30 * time.Second)
			for {
				_, err := os.Stat(m.path("late"))
				if err == nil {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("file created on the server still %v through the mount after 30 s", err)
				}
				time.Sleep(100 * time.Millisecond)
			}
		})
	}
}

// A SETATTR by path answers with the attributes its own compound returned:
// the times and size set, and the link count of a hard-linked file.
func TestLiveSetattrByPathAttributes(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	if err := os.WriteFile(m.path("a"), randBytes(1000), 0644); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(m.path("a"), m.path("b")); err != nil {
		t.Fatal(err)
	}
	mt := time.Date(2001, 2, 3, 4, 5, 6, 700, time.UTC)
	if err := os.Chtimes(m.path("a"), mt, mt); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(m.path("a"), 77); err != nil {
		t.Fatal(err)
	}
	var st syscall.Stat_t
	if err := syscall.Stat(m.path("a"), &st); err != nil {
		t.Fatal(err)
	}
	if st.Size != 77 {
		t.Errorf("size %d, want 77", st.Size)
	}
	if st.Nlink != 2 {
		t.Errorf("nlink %d, want 2", st.Nlink)
	}
	if err := os.Chtimes(m.path("b"), mt, mt); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Stat(m.path("b"), &st); err != nil {
		t.Fatal(err)
	}
	if got := time.Unix(st.Mtim.Sec, st.Mtim.Nsec).UTC(); !got.Equal(mt) {
		t.Errorf("mtime %v, want %v", got, mt)
	}
	if st.Nlink != 2 || st.Size != 77 {
		t.Errorf("after utimes: nlink %d size %d, want 2 and 77", st.Nlink, st.Size)
	}
	// What the server has agrees.
	fi, err := os.Stat(m.onDisk("a"))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Size() != 77 || !fi.ModTime().Equal(mt) {
		t.Errorf("on the server: size %d mtime %v", fi.Size(), fi.ModTime())
	}
}
