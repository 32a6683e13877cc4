//go:build linux

package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/internal/testenv"
)

// TestLiveMountFstabLine: util-linux mount(8) mounts the documented fstab
// line of mount.cifs spellings (testdata/fstab/cifs-spellings.fstab, its
// first line, with the test server's share and a temporary mount point)
// through /sbin/mount.smb3fs, as a system would; status shows what the
// line asked for (3.1.1, encrypted), and umount(8) unmounts. The helper
// is put in /sbin only in a private mount namespace (a view of /usr/sbin
// with the link added), so the system's /sbin is never touched.
func TestLiveMountFstabLine(t *testing.T) {
	env := testenv.Env(t)
	if os.Geteuid() != 0 {
		t.Fatal("needs root to run mount(8) with an fstab of its own (make test runs as root)")
	}
	if os.Getenv(privateNSVar) != "1" {
		reexecInPrivateMountNS(t)
		return
	}
	bin := testenv.DaemonBinary(t)
	cc := env.Kinit(t, "alice")
	data, err := os.ReadFile(filepath.Join(docsTestdata, "fstab", "cifs-spellings.fstab"))
	if err != nil {
		t.Fatal(err)
	}
	var f []string
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" && line[0] != '#' {
			f = strings.Fields(line)
			break
		}
	}
	if len(f) != 6 || f[2] != "smb3fs" {
		t.Fatalf("first line of cifs-spellings.fstab: %q", f)
	}
	dir := t.TempDir()
	src := "//" + env.DC.Host + "/" + env.Shares.Encrypted
	fstab := filepath.Join(t.TempDir(), "fstab")
	line := strings.Join([]string{src, dir, f[2], f[3], f[4], f[5]}, "  ") + "\n"
	if err := os.WriteFile(fstab, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("fstab: %s", line)

	// /sbin is /usr/sbin here: a directory of links to the real one
	// (bound elsewhere first, so the links do not point at themselves),
	// plus mount.smb3fs, bound over it.
	sbin, err := filepath.EvalSymlinks("/sbin")
	if err != nil {
		t.Fatal(err)
	}
	orig := filepath.Join(t.TempDir(), "orig")
	view := filepath.Join(t.TempDir(), "sbin")
	for _, d := range []string{orig, view} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	bind(t, sbin, orig)
	ents, err := os.ReadDir(orig)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.Name() == "mount.smb3fs" {
			continue
		}
		if err := os.Symlink(filepath.Join(orig, e.Name()), filepath.Join(view, e.Name())); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(bin, filepath.Join(view, "mount.smb3fs")); err != nil {
		t.Fatal(err)
	}
	bind(t, view, sbin)

	mount8 := func(args ...string) (string, int) {
		t.Helper()
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Env = append(os.Environ(), "KRB5_CONFIG="+env.KRB5Conf, "KRB5CCNAME=FILE:"+cc)
		return runBounded(t, cmd, time.Minute)
	}
	if out, code := mount8("mount", "-T", fstab, dir); code != 0 {
		t.Fatalf("mount -T %s %s: exit %d: %s", fstab, dir, code, out)
	}
	t.Cleanup(func() { detach(dir) })
	if !mountedAt(t, dir) {
		t.Fatalf("%s is not an smb3fs mount after mount(8)", dir)
	}
	if _, err := os.ReadDir(dir); err != nil {
		t.Errorf("readdir through the mount: %v", err)
	}
	flags := "," + mountFlags(t, dir) + ","
	for _, want := range []string{"nosuid", "nodev", "noatime", "nodiratime"} {
		if !strings.Contains(flags, ","+want+",") {
			t.Errorf("mount flags %s lack %s", flags, want)
		}
	}
	out, code := mount8(bin, "status", "--json", dir)
	var sts []mountStatus
	if err := json.Unmarshal([]byte(out), &sts); code != 0 || err != nil || len(sts) != 1 {
		t.Fatalf("status --json %s: exit %d, %v: %s", dir, code, err, out)
	}
	if st := sts[0]; st.Dialect != "3.1.1" || !st.Encrypted || st.Source != src || st.Principal != "alice@"+env.Realm {
		t.Errorf("status of the fstab mount: %+v", st)
	}
	if out, code := mount8("umount", dir); code != 0 {
		t.Fatalf("umount %s: exit %d: %s", dir, code, out)
	}
	if mountedAt(t, dir) {
		t.Errorf("%s still mounted after umount", dir)
	}
}
