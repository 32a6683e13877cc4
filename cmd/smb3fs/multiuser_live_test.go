//go:build linux

package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/internal/testenv"
)

// The multiuser and cruid= tests put the users' ticket caches where
// krb5.conf's default_ccache_name says (FILE:<base>/ccache/krb5cc_%{uid}):
// the daemon's child process finds them as any Kerberos program of that
// user would, and no real /tmp/krb5cc_* is touched.

// userCaches is the set-up of the two tests: a directory everybody may
// traverse (base) holding the binary, a krb5.conf whose default cache is
// <base>/ccache/krb5cc_%{uid}, and a ticket cache there for each user
// named, owned by that user (mode 0600).
type userCaches struct {
	base, bin, krb5conf string
}

func setUpUserCaches(t *testing.T, env *testenv.Environment, users ...*testenv.User) *userCaches {
	t.Helper()
	base := traversableDir(t, "smb3fs-multiuser-")
	uc := &userCaches{base: base, bin: filepath.Join(base, "smb3fs"), krb5conf: filepath.Join(base, "krb5.conf")}
	copyFile(t, testenv.DaemonBinary(t), uc.bin, 0o755)
	ccdir := filepath.Join(base, "ccache")
	if err := os.Mkdir(ccdir, 0o755); err != nil {
		t.Fatal(err)
	}
	conf, err := os.ReadFile(env.KRB5Conf)
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`(?m)^\s*default_ccache_name\s*=.*$`)
	s := re.ReplaceAllString(string(conf), "")
	s = strings.Replace(s, "[libdefaults]", "[libdefaults]\n    default_ccache_name = FILE:"+ccdir+"/krb5cc_%{uid}", 1)
	if err := os.WriteFile(uc.krb5conf, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		p := filepath.Join(ccdir, fmt.Sprintf("krb5cc_%d", u.UID))
		copyFile(t, env.Kinit(t, u.Name), p, 0o600) // MIT kinit, the password on stdin
		if err := os.Chown(p, u.UID, u.GID); err != nil {
			t.Fatal(err)
		}
	}
	return uc
}

// mountAsRoot runs smb3fs mount as root with the given mount options
// (plus logfile=, whose content it logs at cleanup) and extra arguments,
// and unmounts at cleanup.
func (uc *userCaches) mountAsRoot(t *testing.T, env *testenv.Environment, share, opts string, extra ...string) string {
	t.Helper()
	mnt := filepath.Join(uc.base, "mnt")
	if err := os.Mkdir(mnt, 0o755); err != nil {
		t.Fatal(err)
	}
	logf := filepath.Join(uc.base, "daemon.log")
	args := append([]string{"mount", "//" + env.DC.Host + "/" + share, mnt, "-o", opts + ",loglevel=debug,logfile=" + logf}, extra...)
	cmd := env.Command(context.Background(), uc.bin, args...)
	cmd.Env = append(cmd.Env, "KRB5_CONFIG="+uc.krb5conf)
	out, code := runBounded(t, cmd, time.Minute)
	if code != 0 {
		t.Fatalf("mount: exit %d: %s", code, out)
	}
	t.Cleanup(func() {
		if mountedAt(t, mnt) {
			if out, code := runBounded(t, env.Command(context.Background(), uc.bin, "unmount", mnt), time.Minute); code != 0 {
				t.Errorf("unmount: exit %d: %s", code, out)
				detach(mnt)
			}
		}
		if b, err := os.ReadFile(logf); err == nil {
			t.Logf("daemon log:\n%s", b)
		}
	})
	return mnt
}

// ownerOnServer is the uid owning p on the server's disk.
func ownerOnServer(t *testing.T, p string) int {
	t.Helper()
	st, err := os.Stat(p)
	if err != nil {
		t.Fatalf("on the server: %v", err)
	}
	return int(st.Sys().(*syscall.Stat_t).Uid)
}

// TestLiveMultiuser: root mounts the users share once with -o multiuser
// (its own session: bob's keytab); alice's and bob's processes each work
// in their own 0700 directory with their own identity (the files they
// create belong to them on the server's disk), each is refused the
// other's directory, and a uid without a ticket is refused everything.
func TestLiveMultiuser(t *testing.T) {
	env := testenv.Env(t)
	if os.Geteuid() != 0 {
		t.Fatal("needs root: multiuser mounts are root's, and the test acts as alice and bob")
	}
	if os.Getenv(privateNSVar) != "1" {
		reexecInPrivateMountNS(t)
		return
	}
	alice, bob := env.User(t, "alice"), env.User(t, "bob")
	if bob.Keytab == "" {
		t.Fatal("bob has no keytab in env.json")
	}
	uc := setUpUserCaches(t, env, alice, bob)
	share := env.Shares.Users
	mnt := uc.mountAsRoot(t, env, share, "multiuser", "--keytab", bob.Keytab, "--principal", bob.Principal)

	name := fmt.Sprintf("mu-%d", time.Now().UnixNano())
	disk := env.ShareDirs[share]
	t.Cleanup(func() {
		os.Remove(filepath.Join(disk, "alice", name))
		os.Remove(filepath.Join(disk, "bob", name))
	})
	kenv := []string{"KRB5_CONFIG=" + uc.krb5conf}
	for _, u := range []*testenv.User{alice, bob} {
		p := filepath.Join(mnt, u.Name, name)
		if out, code := runAs(t, u, kenv, "/bin/sh", "-c", `echo "$1" > "$2" && cat "$2"`, "sh", "by "+u.Name, p); code != 0 || out != "by "+u.Name+"\n" {
			t.Errorf("%s writes %s: exit %d: %q", u.Name, p, code, out)
			continue
		}
		if got := ownerOnServer(t, filepath.Join(disk, u.Name, name)); got != u.UID {
			t.Errorf("%s's file belongs to uid %d on the server, want %d (%s)", u.Name, got, u.UID, u.Name)
		}
	}
	// Each is refused the other's directory: the server decides, with
	// each one's identity (and nothing cached answers for the other).
	for _, c := range []struct{ who, other *testenv.User }{{alice, bob}, {bob, alice}} {
		for _, args := range [][]string{
			{"ls", filepath.Join(mnt, c.other.Name)},
			{"cat", filepath.Join(mnt, c.other.Name, name)},
			{"/bin/sh", "-c", `echo x > "$1"`, "sh", filepath.Join(mnt, c.other.Name, "intruder-"+name)},
		} {
			out, code := runAs(t, c.who, kenv, args...)
			if code == 0 || !strings.Contains(out, "Permission denied") {
				t.Errorf("%s: %v: exit %d: %q, want Permission denied", c.who.Name, args, code, out)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(disk, "bob", "intruder-"+name)); err == nil {
		t.Errorf("alice created a file in bob's directory")
	}
	// A uid without a ticket gets EACCES on anything, never another's
	// session.
	nobody := &testenv.User{Name: "noticket", UID: 10999, GID: alice.GID}
	for _, args := range [][]string{{"ls", mnt}, {"stat", filepath.Join(mnt, "alice")}, {"cat", filepath.Join(mnt, "alice", name)}} {
		out, code := runAs(t, nobody, kenv, args...)
		if code == 0 || !strings.Contains(out, "Permission denied") {
			t.Errorf("uid %d without a ticket: %v: exit %d: %q, want Permission denied", nobody.UID, args, code, out)
		}
	}
	// Root's requests run in the mount's own session (bob's keytab).
	if b, err := os.ReadFile(filepath.Join(mnt, "bob", name)); err != nil || string(b) != "by bob\n" {
		t.Errorf("root reads bob's file: %q %v", b, err)
	}
	if _, err := os.ReadDir(filepath.Join(mnt, "alice")); err == nil {
		t.Errorf("root (as bob) lists alice's directory")
	}
}

// TestLiveMountCRUID: root mounts single-user with cruid= naming alice's
// uid: the mount's session is alice's, from her ticket cache (read by a
// process running as her), so the file root creates belongs to alice.
func TestLiveMountCRUID(t *testing.T) {
	env := testenv.Env(t)
	if os.Geteuid() != 0 {
		t.Fatal("needs root: cruid= is root's")
	}
	if os.Getenv(privateNSVar) != "1" {
		reexecInPrivateMountNS(t)
		return
	}
	alice := env.User(t, "alice")
	uc := setUpUserCaches(t, env, alice)
	share := env.Shares.Users
	mnt := uc.mountAsRoot(t, env, share, fmt.Sprintf("cruid=%d", alice.UID))
	name := fmt.Sprintf("cruid-%d", time.Now().UnixNano())
	disk := env.ShareDirs[share]
	t.Cleanup(func() { os.Remove(filepath.Join(disk, "alice", name)) })
	if err := os.WriteFile(filepath.Join(mnt, "alice", name), []byte("cruid"), 0o644); err != nil {
		t.Fatalf("write as alice's session: %v", err)
	}
	if got := ownerOnServer(t, filepath.Join(disk, "alice", name)); got != alice.UID {
		t.Errorf("the file belongs to uid %d on the server, want alice's %d", got, alice.UID)
	}
	if _, err := os.ReadDir(filepath.Join(mnt, "bob")); err == nil {
		t.Errorf("alice's session lists bob's directory")
	}
}
