//go:build linux

package fs_test

import (
	"errors"
	"os"
	"syscall"
	"testing"
	"time"

	smbfs "github.com/smb3fs/smb3fs/fs"
)

// Live tests of the lookups answered from directory listings (dircache.go).

// serverFile writes a file on the server's disk, owned by alice (whom the
// mount's session is), as another client would.
func serverFile(t *testing.T, m *mounted, name string, data []byte) {
	t.Helper()
	if err := os.WriteFile(m.onDisk(name), data, 0644); err != nil {
		t.Fatal(err)
	}
	os.Chown(m.onDisk(name), 10001, 10000)
}

// listAfterTwoLookups makes the mount list m.dir: its second lookup within
// actimeo lists it. It returns when the listing was asked for (at the
// latest).
func listAfterTwoLookups(t *testing.T, m *mounted, a, b string) time.Time {
	t.Helper()
	at := time.Now()
	for _, n := range []string{a, b} {
		if _, err := os.Lstat(m.path(n)); err != nil && !errors.Is(err, syscall.ENOENT) {
			t.Fatalf("stat %s: %v", n, err)
		}
	}
	return at
}

// With a long actimeo the listing answers: a name created on the server
// after it is not seen and one removed there still is (which shows the
// answers come from the listing), while every change made through the
// mount is seen at once, and names the server matches under another
// spelling are still asked for.
func TestLiveLookupFromListing(t *testing.T) {
	m := mountShare(t, smbfs.Options{Timeout: 30 * time.Second})
	serverFile(t, m, "a", []byte("0123456789"))
	serverFile(t, m, "b", nil)
	serverFile(t, m, "c", nil)
	serverFile(t, m, "MixedCase", []byte("mc"))
	at := listAfterTwoLookups(t, m, "a", "b")

	serverFile(t, m, "late", nil)
	if err := os.Remove(m.onDisk("c")); err != nil {
		t.Fatal(err)
	}
	// Only meaningful while the listing is young (it is kept for
	// actimeo, 30 s): a machine that stalled longer skips these checks.
	if time.Since(at) < 20*time.Second {
		if _, err := os.Lstat(m.path("late")); !errors.Is(err, syscall.ENOENT) {
			t.Errorf("name created on the server after the listing: %v, want ENOENT from the listing", err)
		}
		if _, err := os.Lstat(m.path("c")); err != nil {
			t.Errorf("name removed on the server after the listing: %v, want it still listed", err)
		}
	} else {
		t.Logf("listing older than 20 s (slow machine): staleness not checked")
	}
	st, err := os.Lstat(m.path("a"))
	if err != nil || st.Size() != 10 || !st.Mode().IsRegular() {
		t.Fatalf("a from the listing: %v %v", st, err)
	}

	// Samba matches names without regard to case: not answered ENOENT.
	if st, err := os.Lstat(m.path("mixedcase")); err != nil || st.Size() != 2 {
		t.Errorf("mixedcase (server has MixedCase): %v %v", st, err)
	}

	// Our own changes, seen at once.
	if err := os.WriteFile(m.path("new"), []byte("0123456789"), 0644); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(m.path("new")); err != nil || st.Size() != 10 {
		t.Fatalf("created file: %v %v", st, err)
	}
	if err := os.Rename(m.path("new"), m.path("renamed")); err != nil {
		t.Fatal(err)
	}
	wantErrno(t, "stat rename source", statErr(m.path("new")), syscall.ENOENT)
	if st, err := os.Lstat(m.path("renamed")); err != nil || st.Size() != 10 {
		t.Errorf("rename target: %v %v", st, err)
	}
	// Rename over a listed name.
	if err := os.Rename(m.path("renamed"), m.path("b")); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(m.path("b")); err != nil || st.Size() != 10 {
		t.Errorf("renamed over b: %v %v", st, err)
	}
	if err := os.Remove(m.path("b")); err != nil {
		t.Fatal(err)
	}
	wantErrno(t, "stat after unlink", statErr(m.path("b")), syscall.ENOENT)
	if err := os.Mkdir(m.path("dir"), 0755); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(m.path("dir")); err != nil || !st.IsDir() {
		t.Errorf("mkdir: %v %v", st, err)
	}
	if err := os.Remove(m.path("dir")); err != nil {
		t.Fatal(err)
	}
	wantErrno(t, "stat after rmdir", statErr(m.path("dir")), syscall.ENOENT)
	if err := os.Symlink("a", m.path("ln")); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(m.path("ln")); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("symlink: %v %v", st, err)
	}
	if err := os.Link(m.path("a"), m.path("a2")); err != nil {
		t.Fatal(err)
	}
	var sst syscall.Stat_t
	if err := syscall.Lstat(m.path("a2"), &sst); err != nil || sst.Nlink != 2 {
		t.Errorf("hard link: nlink %d, %v", sst.Nlink, err)
	}
	if err := os.Truncate(m.path("a"), 3); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(m.path("a")); err != nil || st.Size() != 3 {
		t.Errorf("after truncate: %v %v", st, err)
	}
	f, err := os.OpenFile(m.path("a"), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("12345")); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"a", "a2"} {
		if st, err := os.Lstat(m.path(n)); err != nil || st.Size() != 8 {
			t.Errorf("%s after append: %v %v", n, st, err)
		}
	}
	mt := time.Date(2003, 4, 5, 6, 7, 8, 0, time.UTC)
	if err := os.Chtimes(m.path("a2"), mt, mt); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(m.path("a")); err != nil || !st.ModTime().Equal(mt) {
		t.Errorf("a after utimes of its link a2: %v %v", st, err)
	}
}

func statErr(p string) error {
	_, err := os.Lstat(p)
	return err
}

// With the default actimeo a listing does not hide other clients' changes
// for long: a name created and one removed on the server after the
// listing show up (the deadline only bounds the wait).
func TestLiveListingSeesOtherClients(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	serverFile(t, m, "gone", nil)
	serverFile(t, m, "x", nil)
	listAfterTwoLookups(t, m, "gone", "x")
	serverFile(t, m, "late", []byte("late"))
	if err := os.Remove(m.onDisk("gone")); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	deadline := start.Add(30 * time.Second)
	for {
		_, errLate := os.Lstat(m.path("late"))
		_, errGone := os.Lstat(m.path("gone"))
		if errLate == nil && errors.Is(errGone, syscall.ENOENT) {
			t.Logf("saw the server's changes after %v", time.Since(start).Round(time.Millisecond))
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("30 s after the server's changes: late %v, gone %v", errLate, errGone)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// actimeo=0: no listing answers; a server-side create is seen at once.
func TestLiveListingOffWithActimeo0(t *testing.T) {
	m := mountShare(t, smbfs.Options{NoCache: true})
	serverFile(t, m, "x", nil)
	listAfterTwoLookups(t, m, "x", "y")
	listAfterTwoLookups(t, m, "x", "y")
	serverFile(t, m, "late", nil)
	if _, err := os.Lstat(m.path("late")); err != nil {
		t.Errorf("actimeo=0: stat of a name the server just created: %v", err)
	}
	if err := os.Remove(m.onDisk("x")); err != nil {
		t.Fatal(err)
	}
	wantErrno(t, "actimeo=0: stat of a name the server just removed", statErr(m.path("x")), syscall.ENOENT)
}
