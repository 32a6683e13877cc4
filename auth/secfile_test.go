package auth

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// otherUID owns the files of another user in these tests.
const otherUID = 12345

func needRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		// make test runs as root (CI too); only an explicit unit-only
		// run by a normal user may leave these checks out.
		if os.Getenv("SMB3FS_UNIT_ONLY") == "1" {
			t.Skip("needs root to give files to another user")
		}
		t.Fatal("needs root to give files to another user: run as root, as make test does")
	}
}

// TestCCacheOwnership: a credential cache is used only if it, every
// directory above it and every symbolic link on the way belong to the user
// (here root, who runs the tests) or to root, and nothing is writable by
// others except a sticky directory. Each refusal names the file and why.
func TestCCacheOwnership(t *testing.T) {
	needRoot(t)
	data := buildCCache(4, ccTestCred{server: ccTestTGT, end: time.Now().Add(time.Hour)})
	mk := func(t *testing.T, dir string) string {
		t.Helper()
		p := filepath.Join(dir, "ccache")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	mkdir := func(t *testing.T, p string, mode os.FileMode, uid int) string {
		t.Helper()
		if err := os.Mkdir(p, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chown(p, uid, uid); err != nil {
			t.Fatal(err)
		}
		return p
	}
	symlink := func(t *testing.T, target, link string, uid int) string {
		t.Helper()
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
		if err := os.Lchown(link, uid, uid); err != nil {
			t.Fatal(err)
		}
		return link
	}
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, dir string) string // returns the path to load
		want  string                                // "" = accepted
	}{
		{"own file", mk, ""},
		{"other user's file", func(t *testing.T, dir string) string {
			p := mk(t, dir)
			os.Chown(p, otherUID, otherUID)
			return p
		}, "refused: owned by uid 12345, not by uid 0 or root"},
		{"group-writable", func(t *testing.T, dir string) string {
			p := mk(t, dir)
			os.Chmod(p, 0o620)
			return p
		}, "refused: group- or other-writable (mode 0620)"},
		{"other-writable", func(t *testing.T, dir string) string {
			p := mk(t, dir)
			os.Chmod(p, 0o602)
			return p
		}, "refused: group- or other-writable (mode 0602)"},
		{"group-readable only", func(t *testing.T, dir string) string {
			p := mk(t, dir)
			os.Chmod(p, 0o640)
			return p
		}, ""},
		{"own symbolic link", func(t *testing.T, dir string) string {
			return symlink(t, mk(t, dir), filepath.Join(dir, "link"), 0)
		}, ""},
		{"symbolic link of another user", func(t *testing.T, dir string) string {
			return symlink(t, mk(t, dir), filepath.Join(dir, "link"), otherUID)
		}, "refused: reached through symbolic link "},
		{"directory link of another user", func(t *testing.T, dir string) string {
			sub := mkdir(t, filepath.Join(dir, "sub"), 0o700, 0)
			mk(t, sub)
			symlink(t, "sub", filepath.Join(dir, "via"), otherUID)
			return filepath.Join(dir, "via", "ccache")
		}, "refused: reached through symbolic link "},
		{"relative links through ..", func(t *testing.T, dir string) string {
			sub := mkdir(t, filepath.Join(dir, "sub"), 0o700, 0)
			mk(t, dir)
			symlink(t, "../ccache", filepath.Join(sub, "up"), 0)
			return filepath.Join(sub, "up")
		}, ""},
		{"sticky world-writable directory", func(t *testing.T, dir string) string {
			return mk(t, mkdir(t, filepath.Join(dir, "tmp"), 0o777|os.ModeSticky, 0))
		}, ""},
		{"another user's link in a sticky directory", func(t *testing.T, dir string) string {
			tmp := mkdir(t, filepath.Join(dir, "tmp"), 0o777|os.ModeSticky, 0)
			return symlink(t, mk(t, dir), filepath.Join(tmp, "krb5cc_0"), otherUID)
		}, "refused: reached through symbolic link "},
		{"world-writable directory", func(t *testing.T, dir string) string {
			return mk(t, mkdir(t, filepath.Join(dir, "open"), 0o777, 0))
		}, "refused: directory " + "DIR/open is writable by others (mode 0777) and not sticky"},
		{"group-writable directory", func(t *testing.T, dir string) string {
			return mk(t, mkdir(t, filepath.Join(dir, "grp"), 0o770, 0))
		}, "refused: directory DIR/grp is writable by others (mode 0770) and not sticky"},
		{"another user's directory", func(t *testing.T, dir string) string {
			return mk(t, mkdir(t, filepath.Join(dir, "theirs"), 0o755, otherUID))
		}, "refused: directory DIR/theirs is owned by uid 12345 (not uid 0 or root)"},
		{"another user's sticky directory", func(t *testing.T, dir string) string {
			return mk(t, mkdir(t, filepath.Join(dir, "theirtmp"), 0o777|os.ModeSticky, otherUID))
		}, "refused: directory DIR/theirtmp is owned by uid 12345"},
		{"link loop", func(t *testing.T, dir string) string {
			symlink(t, "b", filepath.Join(dir, "a"), 0)
			return symlink(t, "a", filepath.Join(dir, "b"), 0)
		}, "refused: more than 40 symbolic links on the way"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			p := tc.setup(t, dir)
			_, err := loadCCache(p, time.Now())
			if tc.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			wantCCacheErr(t, err, "auth: kerberos: credential cache "+p+": "+strings.ReplaceAll(tc.want, "DIR", dir))
			if !errors.Is(err, errUnsafeFile) {
				t.Errorf("%v does not wrap errUnsafeFile", err)
			}
		})
	}
}

// TestCCacheSwappedForLink: the last name is opened with O_NOFOLLOW, so a
// link put there after the walk looked fails instead of being followed.
func TestCCacheSwappedForLink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target")
	if err := os.WriteFile(target, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if f, _, err := openLast(link, os.Getuid()); err == nil {
		f.Close()
		t.Fatal("openLast followed a symbolic link")
	}
}
