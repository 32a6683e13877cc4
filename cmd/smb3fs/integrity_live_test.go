//go:build linux

package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client/mitm"
	"github.com/smb3fs/smb3fs/scripts/livetest"
)

// Issue 16: one bad frame from the network costs one connection, not the
// mount. The daemon mounts the encrypted share through the hostile proxy;
// each attack hits the reply to a read, and then the same mount reads the
// genuine bytes, and the daemon's log has the WARNING line.

// frameAttacker attacks the next encrypted server-to-client frame once
// armed, and keeps the last one it forwarded, to replay.
type frameAttacker struct {
	mu     sync.Mutex // guards the fields below
	attack func(f, last []byte) [][]byte
	last   []byte
	fired  int
}

func (a *frameAttacker) arm(attack func(f, last []byte) [][]byte) {
	a.mu.Lock()
	a.attack = attack
	a.mu.Unlock()
}

func (a *frameAttacker) hook(_ int, f []byte) [][]byte {
	if len(f) < 52 || !bytes.Equal(f[:4], []byte{0xfd, 'S', 'M', 'B'}) {
		return [][]byte{f}
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	out := [][]byte{f}
	if a.attack != nil && a.last != nil {
		out = a.attack(bytes.Clone(f), a.last)
		a.attack = nil
		a.fired++
	}
	a.last = bytes.Clone(f)
	return out
}

func TestLiveMountIntegrityFailures(t *testing.T) {
	env := livetest.Env(t)
	bin := buildBinary(t)
	cc := env.Kinit(t, "alice")
	a := &frameAttacker{}
	px, err := mitm.Start(env.DC.SMBAddr(), nil, a.hook)
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

	attacks := []struct {
		name    string
		attack  func(f, last []byte) [][]byte
		failure string
	}{
		{"ciphertext bit flipped", func(f, _ []byte) [][]byte {
			f[52+len(f[52:])/2] ^= 0x10 // past the 52-byte transform header
			return [][]byte{f}
		}, "decryption failed"},
		{"4 plaintext junk bytes injected", func(f, _ []byte) [][]byte {
			return [][]byte{{0xfe, 'S', 'M', 'B'}, f}
		}, "malformed message"},
		{"earlier response replayed", func(f, last []byte) [][]byte {
			return [][]byte{last, f}
		}, "unknown or repeated MessageId"},
	}
	// Every file is on the server before the mount looks (its listing
	// cache would not know of one written on the disk later).
	files := map[string][]byte{}
	for i, at := range attacks {
		for _, n := range []string{"hit", "next"} {
			name := fmt.Sprintf("%s-%d", n, i)
			files[name] = bytes.Repeat([]byte(fmt.Sprintf("%s: %s, genuine\n", at.name, name)), 200)
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
		a.arm(at.attack)
		hit := fmt.Sprintf("hit-%d", i)
		got, err := read(hit)
		if err == nil && !bytes.Equal(got, files[hit]) {
			t.Fatalf("%s: ATTACKER DATA DELIVERED", at.name)
		}
		t.Logf("%s: the read under attack: %v", at.name, err)
		a.mu.Lock()
		fired := a.fired
		a.mu.Unlock()
		if fired != i+1 {
			t.Fatalf("%s: the attack never fired", at.name)
		}
		for _, name := range []string{hit, fmt.Sprintf("next-%d", i)} {
			if got, err := read(name); err != nil || !bytes.Equal(got, files[name]) {
				t.Fatalf("%s: then %s on the same mount: %v (genuine: %v)", at.name, name, err, bytes.Equal(got, files[name]))
			}
		}
		var warned bool
		for _, r := range d.records(t) {
			if r.attrs["level"] == "WARN" && strings.Contains(r.msg, "possible tampering") &&
				r.attrs["server"] == env.DC.Host && r.attrs["failure"] == at.failure {
				warned = true
				t.Logf("%s: audit: %s error=%q", at.name, r.msg, r.attrs["error"])
			}
		}
		if !warned {
			t.Fatalf("%s: no WARNING audit line naming %s and %q:\n%s", at.name, env.DC.Host, at.failure, d.text())
		}
	}
	d.stop(t)
}
