package rules

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"

	"github.com/smb3fs/smb3fs/client"
)

const sample = "[\\\\oldnas\\*]\nMinDialect = 3.0.2\n"

// testDir returns a root-owned 0755 directory for hardening files, and a
// loader with the real ownership check that stops its walk at the
// directory's parent (t.TempDir lives under a world-writable /tmp).
func testDir(t *testing.T) (string, loader) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("file-safety tests need root (files must be owned by uid 0)")
	}
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil { // whatever the umask
		t.Fatal(err)
	}
	return dir, loader{defaultPath: filepath.Join(dir, "default.conf"), stopAt: filepath.Dir(dir)}
}

func writeFile(t *testing.T, path string, mode fs.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(sample), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

func mkdir(t *testing.T, path string, mode fs.FileMode) {
	t.Helper()
	if err := os.Mkdir(path, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

func wantOK(t *testing.T, l loader, path string) {
	t.Helper()
	r, err := l.load(path)
	if err != nil {
		t.Fatalf("load(%s): %v", path, err)
	}
	if rs := r.List(); len(rs) != 1 || rs[0].Match.Pattern != `\\oldnas\*` || rs[0].Match.File != path {
		t.Fatalf("load(%s) = %+v", path, rs)
	}
}

func wantUnsafe(t *testing.T, l loader, path string, want ...string) {
	t.Helper()
	r, err := l.load(path)
	if err == nil {
		t.Fatalf("load(%s) accepted an unsafe file: %+v", path, r.List())
	}
	if !errors.Is(err, ErrUnsafeFile) {
		t.Errorf("load(%s) = %v, want ErrUnsafeFile", path, err)
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("load(%s) = %q, want it to mention %q", path, err, w)
		}
	}
}

func TestLoadSafeFile(t *testing.T) {
	dir, l := testDir(t)
	for _, mode := range []fs.FileMode{0o644, 0o600, 0o400, 0o640, 0o755} {
		p := filepath.Join(dir, "h"+mode.String()+".conf")
		writeFile(t, p, mode)
		wantOK(t, l, p)
	}
}

// The refusals below go through the real ownership check: l.trustUID is
// nil, so only uid 0 is trusted.

func TestLoadGroupWritable(t *testing.T) {
	dir, l := testDir(t)
	p := filepath.Join(dir, "h.conf")
	writeFile(t, p, 0o664)
	wantUnsafe(t, l, p, p+" is writable by group (mode 0664)")
}

func TestLoadOtherWritable(t *testing.T) {
	dir, l := testDir(t)
	p := filepath.Join(dir, "h.conf")
	writeFile(t, p, 0o646)
	wantUnsafe(t, l, p, p+" is writable by others (mode 0646)")
}

func TestLoadNotOwnedByRoot(t *testing.T) {
	dir, l := testDir(t)
	p := filepath.Join(dir, "h.conf")
	writeFile(t, p, 0o644)
	if err := os.Chown(p, 1234, 1234); err != nil {
		t.Fatal(err)
	}
	wantUnsafe(t, l, p, p, "owned by uid 1234, not root")

	// The test-only hook trusts that owner, and only that one.
	l.trustUID = new(uint32)
	*l.trustUID = 1234
	wantOK(t, l, p)
	*l.trustUID = 1235
	wantUnsafe(t, l, p, "owned by uid 1234")
}

func TestLoadUnsafeParent(t *testing.T) {
	dir, l := testDir(t)
	for _, tc := range []struct {
		mode fs.FileMode
		uid  int
		want string
	}{
		{0o757, 0, "writable by others (mode 0757)"},
		{0o777, 0, "writable by group and others (mode 0777)"},
		{0o775, 0, "writable by group (mode 0775)"},
		{0o755, 1234, "owned by uid 1234"},
	} {
		sub := filepath.Join(dir, "d"+tc.mode.String()+"-"+string(rune('a'+tc.uid%26)))
		mkdir(t, sub, tc.mode)
		p := filepath.Join(sub, "h.conf")
		writeFile(t, p, 0o644)
		if err := os.Chown(sub, tc.uid, 0); err != nil {
			t.Fatal(err)
		}
		wantUnsafe(t, l, p, sub+" is", tc.want)
	}
	// Deeper: a bad grandparent is found too.
	top := filepath.Join(dir, "top")
	mkdir(t, top, 0o777)
	mid := filepath.Join(top, "mid")
	mkdir(t, mid, 0o755)
	p := filepath.Join(mid, "h.conf")
	writeFile(t, p, 0o644)
	wantUnsafe(t, l, p, top+" is writable by group and others")
}

func TestLoadSymlinks(t *testing.T) {
	dir, l := testDir(t)
	good := filepath.Join(dir, "good.conf")
	writeFile(t, good, 0o644)
	bad := filepath.Join(dir, "bad.conf")
	writeFile(t, bad, 0o666)
	badDir := filepath.Join(dir, "open")
	mkdir(t, badDir, 0o777)
	inBadDir := filepath.Join(badDir, "h.conf")
	writeFile(t, inBadDir, 0o644)

	link := func(name, target string) string {
		p := filepath.Join(dir, name)
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	wantOK(t, l, link("to-good", good))
	wantOK(t, l, link("to-good-relative", "good.conf"))
	wantUnsafe(t, l, link("to-bad", bad), bad+" is writable by group and others (mode 0666)")
	wantUnsafe(t, l, link("to-bad-dir", inBadDir), badDir+" is writable by group and others")
	wantUnsafe(t, l, link("to-link-to-bad", filepath.Join(dir, "to-bad")), bad+" is writable by group and others (mode 0666)")

	// A link anyone but root owns could be repointed.
	theirs := link("theirs", good)
	if err := os.Lchown(theirs, 1234, 1234); err != nil {
		t.Fatal(err)
	}
	wantUnsafe(t, l, theirs, theirs+" is owned by uid 1234")

	// A directory on the path that is a link to a safe directory is fine;
	// to an unsafe one, not.
	wantOK(t, l, filepath.Join(link("dirlink", dir), "good.conf"))
	wantUnsafe(t, l, filepath.Join(link("baddirlink", badDir), "h.conf"), badDir+" is writable by group and others")

	// A dangling link is an error, even at the default path.
	dangling := link("dangling", filepath.Join(dir, "nothing"))
	l.defaultPath = dangling
	if _, err := l.load(""); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("dangling default link: err = %v, want ErrNotExist", err)
	}
}

func TestLoadNotRegular(t *testing.T) {
	dir, l := testDir(t)
	sub := filepath.Join(dir, "sub")
	mkdir(t, sub, 0o755)
	wantUnsafe(t, l, sub, "not a regular file")
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	wantUnsafe(t, l, fifo, "not a regular file")
}

func TestLoadMissing(t *testing.T) {
	dir, l := testDir(t)
	for _, p := range []string{"", l.defaultPath, l.defaultPath + "/"} {
		r, err := l.load(p)
		if err != nil {
			t.Errorf("load(%q) with a missing default file: %v", p, err)
			continue
		}
		pol, m, err := r.Resolve("srv", "share", Request{})
		if err != nil || !m.IsDefault() || !reflect.DeepEqual(pol, client.StrictPolicy()) {
			t.Errorf("load(%q): Resolve = %+v, %v, %v; want the strict default", p, pol, m, err)
		}
	}
	explicit := filepath.Join(dir, "missing.conf")
	if _, err := l.load(explicit); !errors.Is(err, fs.ErrNotExist) || !strings.HasPrefix(err.Error(), "rules: ") {
		t.Errorf("load(%s) = %v, want a rules: error wrapping ErrNotExist", explicit, err)
	}
	// A missing directory is as missing as a missing file.
	l.defaultPath = filepath.Join(dir, "nodir", "hardening.conf")
	if _, err := l.load(""); err != nil {
		t.Errorf("missing default directory: %v", err)
	}
	// The default path present: it is read, and checked.
	l.defaultPath = filepath.Join(dir, "default.conf")
	writeFile(t, l.defaultPath, 0o644)
	wantOK(t, l, l.defaultPath)
	if r, err := l.load(""); err != nil || len(r.List()) != 1 {
		t.Errorf("load(\"\") with a default file: %v", err)
	}
	if err := os.Chmod(l.defaultPath, 0o666); err != nil {
		t.Fatal(err)
	}
	if _, err := l.load(""); !errors.Is(err, ErrUnsafeFile) {
		t.Errorf("load(\"\") with an unsafe default file: err = %v", err)
	}
}

func TestLoadParseErrorAndSize(t *testing.T) {
	dir, l := testDir(t)
	p := filepath.Join(dir, "h.conf")
	if err := os.WriteFile(p, []byte("[\\\\*\\*]\nBogus = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := l.load(p)
	var pe *ParseError
	if !errors.As(err, &pe) || pe.File != p || pe.Line != 2 {
		t.Errorf("load(%s) = %v, want a ParseError at line 2", p, err)
	}
	big := filepath.Join(dir, "big.conf")
	if err := os.WriteFile(big, []byte(strings.Repeat("#\n", maxFileSize)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := l.load(big); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("load(big) = %v", err)
	}
}

// TestLoadIsStrict: the exported Load trusts only root and walks up to /,
// so a file under a world-writable, sticky /tmp is refused.
func TestLoadIsStrict(t *testing.T) {
	dir, _ := testDir(t)
	var top string
	for d := dir; ; d = filepath.Dir(d) {
		fi, err := os.Stat(d)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm()&0o002 != 0 {
			top = d
			break
		}
		if d == "/" {
			t.Skip("no world-writable directory above t.TempDir()")
		}
	}
	p := filepath.Join(dir, "h.conf")
	writeFile(t, p, 0o644)
	_, err := Load(p)
	if !errors.Is(err, ErrUnsafeFile) || !strings.Contains(err.Error(), top+" is writable by group and others") {
		t.Errorf("Load(%s) = %v, want refusal naming %s", p, err, top)
	}
}

// TestLoadDefault: Load("") reads DefaultPath; where it is absent (as on a
// test machine), that is the strict default.
func TestLoadDefault(t *testing.T) {
	if _, err := os.Lstat(DefaultPath); !errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s exists here (%v)", DefaultPath, err)
	}
	for _, p := range []string{"", DefaultPath} {
		r, err := Load(p)
		if err != nil {
			t.Fatalf("Load(%q): %v", p, err)
		}
		if len(r.List()) != 0 {
			t.Errorf("Load(%q) = %d rules", p, len(r.List()))
		}
	}
}
