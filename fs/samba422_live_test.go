//go:build linux

package fs_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
	smbfs "github.com/smb3fs/smb3fs/fs"
	"github.com/smb3fs/smb3fs/internal/testenv"
)

// mount422 mounts share of the Samba 4.22 server s422 as alice (Kerberos,
// strict policy) into t.TempDir() and returns the mount point; the test's
// cleanup unmounts it.
func mount422(t *testing.T, env *testenv.Environment, s *testenv.Samba422, share string) string {
	t.Helper()
	mech, err := auth.NewKerberos(auth.KerberosCredentials{Krb5Conf: env.KRB5Conf, CCache: env.Kinit(t, "alice")}, "cifs/"+s.Server.Host)
	if err != nil {
		t.Fatalf("NewKerberos: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cl, err := client.Dial(ctx, client.Options{Server: s.Server.Host, Address: s.Server.SMBAddr(),
		Policy: client.StrictPolicy(), Mechanism: mech, Timeout: 20 * time.Second})
	if err != nil {
		t.Fatalf("Dial %s: %v", s.Server.Host, err)
	}
	tree, err := cl.Connect(ctx, share)
	if err != nil {
		cl.Close()
		t.Fatalf("Connect %s: %v", share, err)
	}
	if !tree.Encrypted() {
		cl.Close()
		t.Fatalf("share %s not encrypted", share)
	}
	mnt := t.TempDir()
	mountTree(t, mnt, cl, tree, smbfs.Options{FsName: s.Server.UNC(share)})
	return mnt
}

// TestLiveSamba422Mount: both shares of s422 (with and without the POSIX
// extensions) mounted; a directory and a file written through the mount
// read back and are on the server's disk, owned by alice.
func TestLiveSamba422Mount(t *testing.T) {
	env := testenv.Env(t)
	s := env.Samba422(t)
	alice := env.User(t, "alice")
	for _, share := range []string{s.PosixShare, s.Share} {
		t.Run(share, func(t *testing.T) {
			// The scratch name first: its cleanup (on the server's disk)
			// then runs after the unmount.
			name := env.ScratchName(t, share, "fs")
			mnt := mount422(t, env, s, share)
			dir := filepath.Join(mnt, name)
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatalf("mkdir: %v", err)
			}
			data := randBytes(70000)
			if err := os.WriteFile(filepath.Join(dir, "f"), data, 0o644); err != nil {
				t.Fatalf("write: %v", err)
			}
			got, err := os.ReadFile(filepath.Join(dir, "f"))
			if err != nil || !bytes.Equal(got, data) {
				t.Fatalf("read back %d bytes (err %v), differ from the %d written", len(got), err, len(data))
			}
			disk := filepath.Join(env.ShareDirs[share], name)
			if b, err := os.ReadFile(filepath.Join(disk, "f")); err != nil || !bytes.Equal(b, data) {
				t.Fatalf("server's disk has %d bytes (err %v), differ from the %d written", len(b), err, len(data))
			}
			for _, p := range []string{disk, filepath.Join(disk, "f")} {
				fi, err := os.Stat(p)
				if err != nil {
					t.Fatal(err)
				}
				st := fi.Sys().(*syscall.Stat_t)
				if int(st.Uid) != alice.UID || int(st.Gid) != alice.GID {
					t.Errorf("%s on the server's disk is owned by %d:%d, want alice's %d:%d", p, st.Uid, st.Gid, alice.UID, alice.GID)
				}
			}
		})
	}
}
