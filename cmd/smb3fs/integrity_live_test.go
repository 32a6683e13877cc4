//go:build linux

package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/internal/mitm"
	"github.com/smb3fs/smb3fs/internal/testenv"
)

// Issue 16: one bad frame from the network costs one connection, not the
// mount. The daemon mounts the encrypted share through the hostile proxy;
// each attack hits the reply to a read, and then the same mount reads the
// genuine bytes, and the daemon's log has the WARNING line.

func TestLiveMountIntegrityFailures(t *testing.T) {
	env := testenv.Env(t)
	bin := testenv.DaemonBinary(t)
	cc := env.Kinit(t, "alice")
	a := &mitm.Attacker{}
	px, err := mitm.Start(env.DC.SMBAddr(), nil, a.Hook)
	if err != nil {
		t.Fatal(err)
	}
	port := dcForwarder(t, env, px)
	share := env.Shares.Encrypted
	dir := t.TempDir()
	onServer := filepath.Join(env.ShareDirs[share], fmt.Sprintf("integrity-%d", time.Now().UnixNano()))
	if err := os.Mkdir(onServer, 0o777); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(onServer) })
	d := startExpiryDaemon(t, bin, "//"+env.DC.Host+"/"+share, dir,
		[]string{"KRB5_CONFIG=" + env.KRB5Conf, "KRB5CCNAME=FILE:" + cc},
		"-o", fmt.Sprintf("timeout=5,port=%d", port))
	w := newExpiryWatchdog(t, dir)
	mnt := filepath.Join(dir, filepath.Base(onServer))

	attacks := mitm.IntegrityAttacks
	// Every file is on the server before the mount looks (its listing
	// cache would not know of one written on the disk later).
	files := map[string][]byte{}
	for i, at := range attacks {
		for _, n := range []string{"hit", "next"} {
			name := fmt.Sprintf("%s-%d", n, i)
			files[name] = bytes.Repeat([]byte(fmt.Sprintf("%s: %s, genuine\n", at.Name, name)), 200)
			if err := os.WriteFile(filepath.Join(onServer, name), files[name], 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for i, at := range attacks {
		read := func(name string) ([]byte, error) {
			var b []byte
			err := w.do("read "+name, func() (err error) {
				b, err = os.ReadFile(filepath.Join(mnt, name))
				return err
			})
			return b, err
		}
		a.Arm(at.Attack)
		hit := fmt.Sprintf("hit-%d", i)
		got, err := read(hit)
		if err == nil && !bytes.Equal(got, files[hit]) {
			t.Fatalf("%s: ATTACKER DATA DELIVERED", at.Name)
		}
		t.Logf("%s: the read under attack: %v", at.Name, err)
		if a.Fired() != i+1 {
			t.Fatalf("%s: the attack never fired", at.Name)
		}
		for _, name := range []string{hit, fmt.Sprintf("next-%d", i)} {
			if got, err := read(name); err != nil || !bytes.Equal(got, files[name]) {
				t.Fatalf("%s: then %s on the same mount: %v (genuine: %v)", at.Name, name, err, bytes.Equal(got, files[name]))
			}
		}
		var warned bool
		for _, r := range d.records(t) {
			if r.attrs["level"] == "WARN" && strings.Contains(r.msg, "possible tampering") &&
				r.attrs["server"] == env.DC.Host && r.attrs["failure"] == at.Failure {
				warned = true
				t.Logf("%s: audit: %s error=%q", at.Name, r.msg, r.attrs["error"])
			}
		}
		if !warned {
			t.Fatalf("%s: no WARNING audit line naming %s and %q:\n%s", at.Name, env.DC.Host, at.Failure, d.text())
		}
	}
	// Each reconnect's line names who logged in again.
	principal, reconnects := "alice@"+env.Realm, 0
	for _, r := range d.records(t) {
		if r.msg == "smb3fs: reconnected" {
			reconnects++
			if r.attrs["principal"] != principal {
				t.Errorf("reconnected line with principal %q, want %q", r.attrs["principal"], principal)
			}
		}
	}
	if reconnects < len(attacks) {
		t.Errorf("%d reconnected lines, want at least %d:\n%s", reconnects, len(attacks), d.text())
	}
	d.stop(t)
}
