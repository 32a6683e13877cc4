package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/internal/testenv"
)

// TestLiveMountPrefix: //server/share/dir/sub mounts that directory as the
// root: files written at the root of the mount land in dir/sub on the
// server, names above it are out of reach, df works, and a directory that
// does not exist, or is a file, fails the mount with exit status 32.
func TestLiveMountPrefix(t *testing.T) {
	env := testenv.Env(t)
	bin := testenv.DaemonBinary(t)
	cc := env.Kinit(t, "alice")
	share := env.ShareDirs[env.Shares.Encrypted]
	top := "prefix-" + strings.ReplaceAll(time.Now().Format("150405.000000000"), ".", "")
	if err := os.MkdirAll(filepath.Join(share, top, "sub"), 0o777); err != nil {
		t.Fatal(err)
	}
	os.Chmod(filepath.Join(share, top), 0o777)
	os.Chmod(filepath.Join(share, top, "sub"), 0o777)
	if err := os.WriteFile(filepath.Join(share, top, "above.txt"), []byte("above"), 0o666); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(filepath.Join(share, top)) })
	dir := mountLive(t, env, bin, cc, "//"+env.DC.Host+"/"+env.Shares.Encrypted+"/"+top+"/sub")
	if err := os.WriteFile(filepath.Join(dir, "inside.txt"), []byte("in sub"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(filepath.Join(share, top, "sub", "inside.txt")); err != nil || string(got) != "in sub" {
		t.Errorf("on the server: %q, %v", got, err)
	}
	if err := os.Mkdir(filepath.Join(dir, "d"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(dir, "inside.txt"), filepath.Join(dir, "d", "moved.txt")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(share, top, "sub", "d", "moved.txt")); err != nil {
		t.Errorf("rename inside the prefix: %v", err)
	}
	names, err := os.ReadDir(dir)
	if err != nil || len(names) != 1 || names[0].Name() != "d" {
		t.Errorf("root of the mount lists %v, %v; want only d", names, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "above.txt")); !os.IsNotExist(err) {
		t.Errorf("a file above the prefix: %v", err)
	}
	if out, err := exec.Command("df", dir).CombinedOutput(); err != nil {
		t.Errorf("df: %v: %s", err, out)
	}
	for _, bad := range []string{top + "/nonexistent", top + "/above.txt"} {
		d2 := t.TempDir()
		out, code := runMountCmd(t, env, bin, cc, nil, "mount", "//"+env.DC.Host+"/"+env.Shares.Encrypted+"/"+bad, d2)
		if code != exitFailure || !strings.Contains(out, "directory "+strings.ReplaceAll(bad, "/", `\`)+" of the share") {
			t.Errorf("mount of %s: exit %d: %s", bad, code, out)
		}
		if mountedAt(t, d2) {
			exec.Command(bin, "unmount", "--lazy", d2).Run()
		}
	}
}
