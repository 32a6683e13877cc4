//go:build linux

package fs_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
	smbfs "github.com/smb3fs/smb3fs/fs"
	"github.com/smb3fs/smb3fs/internal/testenv"
)

// Directory leases (dirlease.go) against real servers: Samba 4.22 (s422,
// `smb3 directory leases = yes`) grants them, the 4.17 DC does not offer
// them. A second client (a client.Client of its own, another SMB
// connection) changes names in a directory the mount holds a lease on.

// dialAs connects to share on srv as alice (Kerberos, strict policy); the
// test's cleanup closes the client.
func dialAs(t *testing.T, env *testenv.Environment, srv testenv.Server, share string) (*client.Client, *client.Tree) {
	t.Helper()
	mech, err := auth.NewKerberos(auth.KerberosCredentials{Krb5Conf: env.KRB5Conf, CCache: env.Kinit(t, "alice")}, "cifs/"+srv.Host)
	if err != nil {
		t.Fatalf("NewKerberos: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cl, err := client.Dial(ctx, client.Options{Server: srv.Host, Address: srv.SMBAddr(),
		Policy: client.StrictPolicy(), Mechanism: mech, Timeout: 20 * time.Second})
	if err != nil {
		t.Fatalf("Dial %s: %v", srv.Host, err)
	}
	tree, err := cl.Connect(ctx, share)
	if err != nil {
		cl.Close()
		t.Fatalf("Connect %s: %v", share, err)
	}
	t.Cleanup(func() { cl.Close() })
	return cl, tree
}

// leaseMount is a live mount with its client, for the client's Stats.
type leaseMount struct {
	cl  *client.Client
	dir string // this test's scratch directory in the mount
	rel string // the same, share-relative with backslashes
}

// mountLeased mounts share of srv with opts and makes a scratch
// directory in it.
func mountLeased(t *testing.T, env *testenv.Environment, srv testenv.Server, share string, opts smbfs.Options) *leaseMount {
	t.Helper()
	cl, tree := dialAs(t, env, srv, share)
	mnt := t.TempDir()
	opts.FsName = srv.UNC(share)
	fsrv, err := smbfs.Mount(mnt, tree, opts)
	if err != nil {
		t.Fatalf("Mount: %v", err)
	}
	t.Cleanup(func() {
		if err := fsrv.Unmount(); err != nil {
			t.Errorf("Unmount: %v", err)
		}
		fsrv.Wait()
	})
	name := env.ScratchName(t, share, "dl")
	m := &leaseMount{cl: cl, dir: filepath.Join(mnt, name), rel: name}
	if err := os.Mkdir(m.dir, 0o755); err != nil {
		t.Fatalf("mkdir scratch: %v", err)
	}
	return m
}

// fill makes dirs directories of files files each in m's scratch
// directory, through other (another client: the mount's own changes would
// keep it from taking leases there for a while, leaseCooldown).
func (m *leaseMount) fill(t *testing.T, other *client.Tree, dirs, files int) {
	t.Helper()
	for i := range dirs {
		d := m.rel + `\d` + string(rune('0'+i))
		do(t, other, d, client.OpenOptions{Kind: client.KindDir, Disposition: client.CreateNew})
		for j := range files {
			do(t, other, d+`\f`+string(rune('0'+j)), client.OpenOptions{Kind: client.KindFile, Disposition: client.CreateNew}, client.WriteData([]byte("data")))
		}
	}
}

// lsLR is ls -lR of m's scratch directory: every directory read, every
// entry stat'ed; it returns the paths seen.
func (m *leaseMount) lsLR(t *testing.T) []string {
	t.Helper()
	var seen []string
	err := filepath.WalkDir(m.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if _, err := os.Lstat(p); err != nil {
			return err
		}
		seen = append(seen, strings.TrimPrefix(p, m.dir))
		return nil
	})
	if err != nil {
		t.Fatalf("ls -lR: %v", err)
	}
	return seen
}

// names lists directory rel of m's scratch directory.
func (m *leaseMount) names(t *testing.T, rel string) []string {
	t.Helper()
	ents, err := os.ReadDir(filepath.Join(m.dir, rel))
	if err != nil {
		t.Fatalf("readdir %s: %v", rel, err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

func (m *leaseMount) exists(rel string) bool {
	_, err := os.Lstat(filepath.Join(m.dir, rel))
	return err == nil
}

// waitFor waits for cond with a deadline and fails the test with what if
// it never holds; it returns how long it took.
func waitFor(t *testing.T, what string, cond func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for !cond() {
		if time.Since(start) > 10*time.Second {
			t.Fatalf("%s: not within 10 s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
	return time.Since(start)
}

// do runs one plan of the second client on name (share-relative).
func do(t *testing.T, tr *client.Tree, name string, o client.OpenOptions, ops ...client.Op) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if _, err := tr.Do(ctx, name, o, ops...); err != nil {
		t.Fatalf("second client: %s: %v", name, err)
	}
}

// TestLiveDirLease422: on Samba 4.22 a repeated ls -lR under directory
// leases sends no QUERY_DIRECTORY (with NoDirLeases, one per directory
// each time), and a second client's create, delete and rename in a leased
// directory, and its create of a name the mount answered as absent, are
// seen once the break is handled, though the mount's attribute timeout
// (a minute here) would hide them.
func TestLiveDirLease422(t *testing.T) {
	env := testenv.Env(t)
	s := env.Samba422(t)
	t.Run("counts", func(t *testing.T) {
		for _, tc := range []struct {
			name   string
			share  string
			opts   smbfs.Options
			leased bool
		}{
			{"leases", s.Share, smbfs.Options{Timeout: time.Minute}, true},
			{"NoDirLeases", s.Share, smbfs.Options{Timeout: time.Minute, NoDirLeases: true}, false},
			{"POSIX leases", s.PosixShare, smbfs.Options{Timeout: time.Minute}, true},
		} {
			t.Run(tc.name, func(t *testing.T) {
				m := mountLeased(t, env, s.Server, tc.share, tc.opts)
				_, other := dialAs(t, env, s.Server, tc.share)
				m.fill(t, other, 3, 4)
				var counts []uint64
				for range 3 {
					before := m.cl.Stats().QueryDirectories
					if got := len(m.lsLR(t)); got != 1+3+12 {
						t.Fatalf("ls -lR saw %d paths, want 16", got)
					}
					counts = append(counts, m.cl.Stats().QueryDirectories-before)
				}
				st := m.cl.Stats()
				t.Logf("QUERY_DIRECTORY per ls -lR of 4 directories: %v; directory leases granted %d, broken %d",
					counts, st.DirLeasesGranted, st.DirLeasesBroken)
				if tc.leased {
					if counts[1] != 0 || counts[2] != 0 {
						t.Errorf("a repeated ls -lR under leases sent QUERY_DIRECTORY: %v", counts)
					}
					if st.DirLeasesGranted < 4 {
						t.Errorf("%d directory leases granted, want at least 4", st.DirLeasesGranted)
					}
				} else {
					if counts[1] < 4 || counts[2] < 4 {
						t.Errorf("a repeated ls -lR without leases sent %v QUERY_DIRECTORY, want one per directory at least", counts)
					}
					if st.DirLeasesGranted != 0 {
						t.Errorf("%d directory leases with NoDirLeases", st.DirLeasesGranted)
					}
				}
			})
		}
	})
	t.Run("second client", func(t *testing.T) {
		m := mountLeased(t, env, s.Server, s.Share, smbfs.Options{Timeout: time.Minute})
		_, other := dialAs(t, env, s.Server, s.Share)
		m.fill(t, other, 1, 3)
		d := m.rel + `\d0\`
		var before client.Stats
		// prime makes the listings held under leases again before a
		// change: then only the break can show it.
		prime := func(what string) {
			t.Helper()
			m.lsLR(t)
			before = m.cl.Stats()
			m.lsLR(t)
			if q := m.cl.Stats().QueryDirectories - before.QueryDirectories; q != 0 {
				t.Fatalf("%s: the listings are not held under leases (%d QUERY_DIRECTORY)", what, q)
			}
		}
		seen := func(what string, cond func() bool) {
			t.Helper()
			took := waitFor(t, what, cond)
			after := m.cl.Stats()
			t.Logf("%s: seen after %v; breaks %d -> %d", what, took.Round(time.Millisecond), before.DirLeasesBroken, after.DirLeasesBroken)
			if after.DirLeasesBroken == before.DirLeasesBroken {
				t.Errorf("%s: seen with no break", what)
			}
		}

		prime("create")
		if m.exists("d0/ghost") || m.exists("d0/ghost") {
			t.Fatal("d0/ghost exists")
		}
		do(t, other, d+"ghost", client.OpenOptions{Kind: client.KindFile, Disposition: client.CreateNew})
		seen("create of a name seen absent", func() bool {
			return slices.Contains(m.names(t, "d0"), "ghost") && m.exists("d0/ghost")
		})

		prime("delete")
		do(t, other, d+"f0", client.OpenOptions{Kind: client.KindFile}, client.Delete())
		seen("delete", func() bool {
			_, err := os.Lstat(filepath.Join(m.dir, "d0/f0"))
			return !slices.Contains(m.names(t, "d0"), "f0") && errors.Is(err, syscall.ENOENT)
		})

		prime("rename")
		do(t, other, d+"f1", client.OpenOptions{Kind: client.KindFile}, client.RenameTo(d+"f1-renamed", false))
		seen("rename", func() bool {
			n := m.names(t, "d0")
			return slices.Contains(n, "f1-renamed") && !slices.Contains(n, "f1") && m.exists("d0/f1-renamed") && !m.exists("d0/f1")
		})

		prime("write")
		do(t, other, d+"f2", client.OpenOptions{Kind: client.KindFile}, client.WriteData([]byte("longer data")))
		seen("write by the second client", func() bool {
			fi, err := os.Lstat(filepath.Join(m.dir, "d0/f2"))
			return err == nil && fi.Size() == int64(len("longer data"))
		})
	})
	t.Run("renames", func(t *testing.T) {
		m := mountLeased(t, env, s.Server, s.Share, smbfs.Options{Timeout: time.Minute})
		_, other := dialAs(t, env, s.Server, s.Share)
		m.fill(t, other, 1, 1)
		do(t, other, m.rel+`\d0\inner`, client.OpenOptions{Kind: client.KindDir, Disposition: client.CreateNew})
		// held checks that directories are held under leases: listed
		// twice, the second time with no QUERY_DIRECTORY.
		held := func(what string, dirs ...string) {
			t.Helper()
			for _, d := range dirs {
				m.names(t, d)
			}
			q := m.cl.Stats().QueryDirectories
			for _, d := range dirs {
				m.names(t, d)
			}
			if q2 := m.cl.Stats().QueryDirectories; q2 != q {
				t.Fatalf("%s: %v not held under leases (%d QUERY_DIRECTORY)", what, dirs, q2-q)
			}
		}
		m.lsLR(t)
		held("before the mount's rename", ".", "d0", "d0/inner")
		// The mount renames a leased directory with a leased one below.
		if err := os.Rename(filepath.Join(m.dir, "d0"), filepath.Join(m.dir, "d1")); err != nil {
			t.Fatalf("rename of a leased directory: %v", err)
		}
		// (The scratch directory, where the mount renamed, is listed
		// without a lease for a while: leaseCooldown.)
		m.lsLR(t)
		held("before the second client's rename", "d1", "d1/inner")
		// The second client renames it: Samba refuses to rename a
		// directory with a handle open below it, but 4.22 first breaks
		// the handle caching of the leases there and waits: the mount
		// closes its handles on the break, and the rename goes through
		// at the first attempt.
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		var first error
		attempts := 0
		took := waitFor(t, "the second client's rename", func() bool {
			attempts++
			t0 := time.Now()
			_, err := other.Do(ctx, m.rel+`\d1`, client.OpenOptions{Kind: client.KindDir}, client.RenameTo(m.rel+`\d2`, false))
			if attempts == 1 {
				first = err
			}
			if err != nil && attempts < 5 {
				t.Logf("attempt %d: %v after %v; stats %+v", attempts, err, time.Since(t0), m.cl.Stats())
			}
			return err == nil
		})
		t.Logf("second client's rename of a directory with a leased one below: first attempt %v; done after %d attempts, %v", first, attempts, took.Round(time.Millisecond))
		if first != nil {
			t.Errorf("the second client's first rename failed: %v", first)
		}
		waitFor(t, "the rename seen", func() bool {
			n := m.names(t, ".")
			return slices.Contains(n, "d2") && !slices.Contains(n, "d1") && m.exists("d2/inner") && !m.exists("d1")
		})
	})
}

// TestLiveDirLeaseFallback417: the 4.17 DC offers no directory leases;
// the mount lists as before: every ls -lR reads every directory again.
func TestLiveDirLeaseFallback417(t *testing.T) {
	env := testenv.Env(t)
	share := env.Shares.Encrypted
	m := mountLeased(t, env, env.DC, share, smbfs.Options{Timeout: time.Minute})
	_, other := dialAs(t, env, env.DC, share)
	m.fill(t, other, 2, 3)
	var counts []uint64
	for range 2 {
		before := m.cl.Stats().QueryDirectories
		if got := len(m.lsLR(t)); got != 1+2+6 {
			t.Fatalf("ls -lR saw %d paths, want 9", got)
		}
		counts = append(counts, m.cl.Stats().QueryDirectories-before)
	}
	st := m.cl.Stats()
	t.Logf("QUERY_DIRECTORY per ls -lR of 3 directories: %v; directory leases granted %d", counts, st.DirLeasesGranted)
	if st.DirLeasesGranted != 0 || st.DirLeasesBroken != 0 {
		t.Errorf("directory leases from 4.17: %+v", st)
	}
	if counts[1] < 3 {
		t.Errorf("the repeated ls -lR sent %d QUERY_DIRECTORY, want one per directory at least", counts[1])
	}
	// Another client's create is seen within the attribute timeout as
	// before: here a minute, so the listing in the kernel and ours hide
	// it until a readdir lists again (readdir always does).
	do(t, other, m.rel+`\d0\new`, client.OpenOptions{Kind: client.KindFile, Disposition: client.CreateNew})
	waitFor(t, "the create, by readdir", func() bool { return slices.Contains(m.names(t, "d0"), "new") })
}
