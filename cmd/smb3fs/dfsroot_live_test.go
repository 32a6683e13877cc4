package main

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/internal/testenv"
)

// TestLiveMountDFSRoot: a mount of the DC's DFS root (//dc1/dfs) follows
// its links while mounted. The links show as directories; inside the good
// link files are written, renamed and read on the DC's encrypted share; a
// rename out of a link is EXDEV; the legacy and weak links are refused
// under the default rule (EIO, the mount stays usable); the pair link
// (Samba 4.22 first, the DC second) serves from 4.22 until 4.22 becomes
// unreachable from the mount's network, then fails over to the DC.
func TestLiveMountDFSRoot(t *testing.T) {
	env := testenv.Env(t)
	s422 := env.Samba422(t)
	bin := testenv.DaemonBinary(t)
	cc := env.Kinit(t, "alice")
	secure := env.ShareDirs[env.Shares.Encrypted]
	name := "dfsroot-" + strings.ReplaceAll(time.Now().Format("150405.000000000"), ".", "")
	t.Cleanup(func() {
		os.RemoveAll(filepath.Join(secure, name))
		os.Remove(filepath.Join(secure, name+".r"))
		os.Remove(filepath.Join(s422.Path, name+".r"))
	})

	cn := env.ClientNet(t)
	dir := t.TempDir()
	cmd := exec.Command(bin, "mount", "//"+env.DC.Host+"/dfs", dir, "-o", "timeout=5")
	cmd.Env = append(os.Environ(), "KRB5_CONFIG="+env.KRB5Conf, "KRB5CCNAME=FILE:"+cc)
	cn.Enter(cmd)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("mount: %v: %s", err, out)
	}
	t.Cleanup(func() {
		if mountedAt(t, dir) {
			exec.Command(bin, "unmount", "--lazy", dir).Run()
		}
	})

	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	for _, link := range []string{"good", "legacy", "weak", "pair"} {
		if !slices.Contains(names, link) {
			t.Errorf("the root lists directories %v, not the link %s", names, link)
		}
	}

	t.Run("inside the good link", func(t *testing.T) {
		in := filepath.Join(dir, "good", name)
		if err := os.Mkdir(in, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, "a.txt"), []byte("through the root"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(filepath.Join(in, "a.txt"), filepath.Join(in, "b.txt")); err != nil {
			t.Fatal(err)
		}
		if got, err := os.ReadFile(filepath.Join(secure, name, "b.txt")); err != nil || string(got) != "through the root" {
			t.Errorf("on the DC's disk: %q, %v", got, err)
		}
		if got, err := os.ReadFile(filepath.Join(in, "b.txt")); err != nil || string(got) != "through the root" {
			t.Errorf("read back: %q, %v", got, err)
		}
		err := os.Rename(filepath.Join(in, "b.txt"), filepath.Join(dir, name+".moved"))
		if !errors.Is(err, syscall.EXDEV) {
			t.Errorf("a rename out of the link: %v, want EXDEV", err)
		}
	})
	for _, link := range []string{"legacy", "weak"} {
		t.Run("refused: "+link, func(t *testing.T) {
			_, err := os.ReadDir(filepath.Join(dir, link))
			if !errors.Is(err, syscall.EIO) {
				t.Errorf("%s: %v, want EIO (refused by the default rule)", link, err)
			}
		})
	}

	t.Run("failover when the first target goes", func(t *testing.T) {
		// The same name on both targets, as replicas would have it,
		// with contents that tell them apart.
		if err := os.WriteFile(filepath.Join(s422.Path, name+".r"), []byte("from 4.22"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(secure, name+".r"), []byte("from the DC"), 0o644); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, "pair", name+".r")
		if got, err := os.ReadFile(p); err != nil || string(got) != "from 4.22" {
			t.Fatalf("before: %q, %v (want the first target, 4.22)", got, err)
		}
		if err := cn.Unreachable(s422.Server.Addr); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(p)
		if err != nil || string(got) != "from the DC" {
			t.Fatalf("after 4.22 went: %q, %v (want the second target, the DC)", got, err)
		}
		if got, err := os.ReadFile(filepath.Join(dir, "good", name, "b.txt")); err != nil || string(got) != "through the root" {
			t.Errorf("the good link after the failover: %q, %v", got, err)
		}

		// smb3fs status shows each link and the target in use.
		out, err := exec.Command(bin, "status", "--json", dir).Output()
		if err != nil {
			t.Fatalf("status: %v", err)
		}
		var st []mountStatus
		if err := json.Unmarshal(out, &st); err != nil || len(st) != 1 {
			t.Fatalf("status: %v: %s", err, out)
		}
		targets := map[string]string{}
		for _, l := range st[0].DFSLinks {
			targets[l.Path[strings.LastIndex(l.Path, `\`)+1:]] = l.Target
		}
		if targets["pair"] != `\`+env.DC.Host+`\`+env.Shares.Encrypted || targets["legacy"] != "" || targets["good"] == "" {
			t.Errorf("status dfs_links %+v", st[0].DFSLinks)
		}
	})
}
