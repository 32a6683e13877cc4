//go:build linux

package fs_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	smbfs "github.com/smb3fs/smb3fs/fs"
)

// loopRSSBound is the most memory (VmHWM) the test process, which serves
// the mount, may have used after walking the loop tree with every tool.
const loopRSSBound = 300 << 20

// TestLiveLoopWalks builds, on the server's own disk, a tree of symbolic
// links Samba follows (links to ., .., three levels up, a sibling) and a
// hard-linked pair, and walks it through the mount with find, du, ls -laR,
// tar and rsync -a, twice each: every walk ends within its time, both runs
// give the same output, the links to ancestors show as links, and the
// mount works afterwards. Before ino.go, ls -la loopd never ended and the
// mount grew to gigabytes.
func TestLiveLoopWalks(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	disk := m.onDisk("loopd")
	for _, d := range []string{"sub", "a/b/c", "other", "x"} {
		if err := os.MkdirAll(filepath.Join(disk, d), 0755); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{"self": ".", "sub/up": "..", "a/b/c/up3": "../../..", "x/sib": "../other"} {
		if err := os.Symlink(target, filepath.Join(disk, link)); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"other/f1", "other/f2", "hard1"} {
		if err := os.WriteFile(filepath.Join(disk, f), []byte(f), 0644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Link(filepath.Join(disk, "hard1"), filepath.Join(disk, "hard2")); err != nil {
		t.Fatal(err)
	}
	// The server's files belong to alice; the test runs as root.
	exec.Command("chown", "-R", "--no-dereference", strconv.Itoa(m.env.Users[0].UID), disk).Run()

	loopd := m.path("loopd")
	// Hard links: one inode, two links (the first lookup asks the server).
	var h1, h2 syscall.Stat_t
	if err := syscall.Lstat(filepath.Join(loopd, "hard1"), &h1); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Lstat(filepath.Join(loopd, "hard2"), &h2); err != nil {
		t.Fatal(err)
	}
	if h1.Ino != h2.Ino || h1.Nlink != 2 {
		t.Errorf("hard links: inodes %d %d, nlink %d; want one inode, nlink 2", h1.Ino, h2.Ino, h1.Nlink)
	}

	walk := func(name string, args ...string) string {
		t.Helper()
		var first string
		for i := 0; i < 2; i++ {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			// The shell changes into the mount, not the forked child:
			// until it execs, this process (which serves the mount)
			// waits for it.
			cmd := exec.CommandContext(ctx, "sh", "-c", "cd '"+loopd+"' && "+strings.Join(args, " "))
			out, err := cmd.CombinedOutput()
			cancel()
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				t.Fatalf("%s run %d: killed after 2 minutes (%s)", name, i+1, strings.Join(args, " "))
			}
			if err != nil {
				t.Errorf("%s run %d: %v\n%s", name, i+1, err, out)
			}
			if i == 0 {
				first = string(out)
			} else if string(out) != first {
				t.Errorf("%s: runs differ:\n%s\n---\n%s", name, first, out)
			}
		}
		return first
	}
	find := walk("find", "find . -printf '%y %p %l\\n' | sort")
	for _, want := range []string{"l ./self .", "l ./sub/up ..", "l ./a/b/c/up3 ../../..", "d ./x/sib", "f ./x/sib/f1", "f ./other/f2", "f ./hard2"} {
		if !strings.Contains(find, want+"\n") && !strings.Contains(find, want+" \n") {
			t.Errorf("find: no %q in\n%s", want, find)
		}
	}
	walk("du -a", "du -a . | sort -k2")
	walk("du -s", "du -s .")
	ls := walk("ls -laR", "ls -laR --time-style=+ .")
	if !strings.Contains(ls, " self -> .\n") || !strings.Contains(ls, " up3 -> ../../..\n") {
		t.Errorf("ls -laR: no self -> . or up3 -> ../../.. in\n%s", ls)
	}
	tarList := walk("tar", "tar -cf - . | tar -tvf - | sort -k6")
	if !strings.Contains(tarList, "./self -> .") {
		t.Errorf("tar: self not a link to .:\n%s", tarList)
	}
	dst := t.TempDir()
	walk("rsync", "rm -rf", dst, "&& rsync -a ./", dst+"/", "&& cd", dst, "&& find . -printf '%y %p %l\\n' | sort")
	if target, err := os.Readlink(filepath.Join(dst, "self")); err != nil || target != "." {
		t.Errorf("rsync copy: self -> %q (%v), want .", target, err)
	}
	if b, err := os.ReadFile(filepath.Join(dst, "x/sib/f1")); err != nil || string(b) != "other/f1" {
		t.Errorf("rsync copy: x/sib/f1 %q (%v)", b, err)
	}

	// Through the mount: the links read as links, the sibling is a
	// directory of its own.
	if target, err := os.Readlink(filepath.Join(loopd, "self")); err != nil || target != "." {
		t.Errorf("readlink self: %q %v", target, err)
	}
	var sib, other syscall.Stat_t
	syscall.Stat(filepath.Join(loopd, "x/sib"), &sib)
	syscall.Stat(filepath.Join(loopd, "other"), &other)
	if sib.Mode&syscall.S_IFMT != syscall.S_IFDIR || sib.Ino == other.Ino {
		t.Errorf("x/sib: mode %o inode %d (other: %d), want a directory with an inode of its own", sib.Mode, sib.Ino, other.Ino)
	}

	// A link to the share's root (not walked: other tests change the
	// root as they go).
	if err := os.Mkdir(m.onDisk("toroot"), 0755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../..", m.onDisk("toroot/top")); err != nil {
		t.Fatal(err)
	}
	exec.Command("chown", "-R", "--no-dereference", strconv.Itoa(m.env.Users[0].UID), m.onDisk("toroot")).Run()
	if target, err := os.Readlink(m.path("toroot/top")); err != nil || target != "../.." {
		t.Errorf("readlink of a link to the share's root: %q %v, want ../..", target, err)
	}

	// The mount still works.
	if err := os.WriteFile(filepath.Join(loopd, "after"), []byte("after"), 0644); err != nil {
		t.Fatalf("write after the walks: %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(disk, "after")); err != nil || string(b) != "after" {
		t.Errorf("after the walks, on disk: %q %v", b, err)
	}
	if _, err := os.Stat(m.path("loopd/sub")); err != nil {
		t.Errorf("stat after the walks: %v", err)
	}

	hwm := vmHWM(t)
	t.Logf("VmHWM after the walks: %d MiB", hwm>>20)
	if hwm > loopRSSBound {
		t.Errorf("VmHWM %d MiB, over the bound of %d MiB", hwm>>20, loopRSSBound>>20)
	}
}

// vmHWM returns this process's peak resident set size.
func vmHWM(t *testing.T) int64 {
	t.Helper()
	f, err := os.Open("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Fatal("no VmHWM in /proc/self/status")
	return 0
}

// TestLiveRepeatedFileIDs mounts, in smbd's mount namespace, two fresh
// tmpfs file systems inside the share (Samba mixes the device into its
// FileIds, so these do not collide), then bind-mounts the share's test
// directory inside one (an ancestor seen again: a loop) and one tmpfs
// inside the other (its directories' FileIds repeated elsewhere). find, du
// and ls -R end with the same output twice, the loop shows as a link, and
// every directory shows an inode number of its own.
func TestLiveRepeatedFileIDs(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	pidb, err := os.ReadFile(filepath.Join(m.env.Base, "state/dc/run/smbd.pid"))
	if err != nil {
		t.Fatalf("smbd's pid: %v", err)
	}
	pid := strings.TrimSpace(string(pidb))
	inSmbd := func(script string) {
		t.Helper()
		out, err := exec.Command("nsenter", "-t", pid, "-m", "sh", "-ec", script).CombinedOutput()
		if err != nil {
			t.Fatalf("in smbd's mount namespace: %s: %v\n%s", script, err, out)
		}
	}
	disk := m.onDisk("rep")
	uid := strconv.Itoa(m.env.Users[0].UID)
	var mounts []string
	mount := func(dir string) {
		inSmbd("mkdir -p " + dir + " && mount -t tmpfs -o size=1m,mode=0755,uid=" + uid + " smb3fs-rep " + dir)
		mounts = append([]string{dir}, mounts...)
	}
	t.Cleanup(func() {
		for _, d := range mounts {
			exec.Command("nsenter", "-t", pid, "-m", "umount", "-l", d).Run()
		}
	})
	tree := "mkdir -p d/e/f && echo x > d/e/file && chown -R " + uid + " ."
	mount(filepath.Join(disk, "A"))
	inSmbd("cd " + disk + "/A && " + tree)
	mount(filepath.Join(disk, "B"))
	inSmbd("cd " + disk + "/B && " + tree)
	inSmbd("chown " + uid + " " + disk)
	bind := func(from, to string) {
		inSmbd("mount --bind " + from + " " + to)
		mounts = append([]string{to}, mounts...)
	}
	bind(disk, filepath.Join(disk, "B/d/e/f"))
	bind(filepath.Join(disk, "B"), filepath.Join(disk, "A/d/e/f"))
	out, _ := exec.Command("nsenter", "-t", pid, "-m", "find", disk, "-printf", "%i %p\n").CombinedOutput()
	t.Logf("on the server's disk:\n%s", out)

	var first string
	for i := 0; i < 2; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		cmd := exec.CommandContext(ctx, "sh", "-c", "cd '"+m.path("rep")+"' && find . -printf '%y %i %p\\n' | sort -k3 && du -a . | sort -k2 && ls -laR --time-style=+ . >/dev/null")
		b, err := cmd.CombinedOutput()
		cancel()
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			t.Fatalf("walk %d: killed after 2 minutes", i+1)
		}
		if err != nil {
			t.Errorf("walk %d: %v\n%s", i+1, err, b)
		}
		if i == 0 {
			first = string(b)
		} else if string(b) != first {
			t.Errorf("walks differ:\n%s\n---\n%s", first, b)
		}
	}
	t.Logf("through the mount:\n%s", first)
	dirs := map[string]string{}
	for _, line := range strings.Split(first, "\n") {
		f := strings.Fields(line)
		if len(f) != 3 || f[0] != "d" {
			continue
		}
		if other, ok := dirs[f[1]]; ok {
			t.Errorf("directories %s and %s share inode %s", other, f[2], f[1])
		}
		dirs[f[1]] = f[2]
	}
	for _, want := range []string{"d ./A/d/e/f/d/e/f", "l ./B/d/e/f"} {
		f := strings.Fields(want)
		if !regexp.MustCompile(`(?m)^` + f[0] + ` [0-9]+ ` + regexp.QuoteMeta(f[1]) + `$`).MatchString(first) {
			t.Errorf("walk: no %s", want)
		}
	}
	if target, err := os.Readlink(m.path("rep/B/d/e/f")); err != nil || target != "../../.." {
		t.Errorf("B/d/e/f (the share's directory bound there): link to %q %v, want ../../..", target, err)
	}
	if b, err := os.ReadFile(m.path("rep/A/d/e/f/d/e/file")); err != nil || string(b) != "x\n" {
		t.Errorf("file in B bound into A: %q %v", b, err)
	}
}

// TestLiveReaddirStreams lists a directory of 12,000 entries (over
// maxListed, some 40 QUERY_DIRECTORY windows) through the mount, twice:
// every name once, the same both times, and lookups in it still work
// (per name, its listing not kept).
func TestLiveReaddirStreams(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	disk := m.onDisk("big")
	if err := os.Mkdir(disk, 0755); err != nil {
		t.Fatal(err)
	}
	const n = 12000
	pad := strings.Repeat("p", 60)
	for i := 0; i < n; i++ {
		if err := os.WriteFile(filepath.Join(disk, fmt.Sprintf("f%05d-%s", i, pad)), nil, 0644); err != nil {
			t.Fatal(err)
		}
	}
	exec.Command("chown", "-R", strconv.Itoa(m.env.Users[0].UID), disk).Run()
	var first []string
	for run := 0; run < 2; run++ {
		ents, err := os.ReadDir(m.path("big"))
		if err != nil {
			t.Fatalf("readdir %d: %v", run+1, err)
		}
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		if len(names) != n {
			t.Errorf("readdir %d: %d entries, want %d", run+1, len(names), n)
		}
		for i, name := range names {
			if want := fmt.Sprintf("f%05d-%s", i, pad); name != want {
				t.Fatalf("readdir %d: entry %d is %q, want %q", run+1, i, name, want)
			}
		}
		if run == 0 {
			first = names
		} else if strings.Join(names, "/") != strings.Join(first, "/") {
			t.Errorf("the two listings differ")
		}
	}
	if _, err := os.Stat(m.path(fmt.Sprintf("big/f%05d-%s", n-1, pad))); err != nil {
		t.Errorf("stat the last name: %v", err)
	}
	if _, err := os.Stat(m.path("big/missing")); !os.IsNotExist(err) {
		t.Errorf("stat a missing name: %v", err)
	}
}
