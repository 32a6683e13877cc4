//go:build linux

package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/rules"
	"github.com/smb3fs/smb3fs/client/smbtest"
	"github.com/smb3fs/smb3fs/client/wire"
	smbfs "github.com/smb3fs/smb3fs/fs"
)

// TestStatusFakeMount: a real FUSE mount of the fake server, served as
// the daemon serves it, is found by `smb3fs status` in the mount table
// and answers through its control socket; a cut connection shows as one
// reconnect with its reason. It needs root and /dev/fuse (the live test
// does the same against Samba as a user).
func TestStatusFakeMount(t *testing.T) {
	needFUSEMount(t)
	srv := &smbtest.Server{FileSystem: true, ShareFlags: map[string]uint32{"share": wire.ShareFlagEncryptData}}
	events := make(chan client.Event, 4)
	newMech := func() (auth.Mechanism, error) { return &smbtest.Mechanism{IsMutual: true}, nil }
	ma := &mountArgs{server: "fake", share: "share", dir: t.TempDir()}
	policy := client.StrictPolicy()
	stat := newStatusSource(ma, policy, rules.Match{})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cl, err := client.Dial(ctx, client.Options{Server: "fake", Policy: policy, NewMechanism: newMech,
		Dial: srv.Dial, Timeout: 5 * time.Second, OnEvent: stat.onEvent(func(e client.Event) { events <- e })})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	defer cl.Close()
	tree, err := cl.Connect(ctx, "share")
	if err != nil {
		t.Fatal(err)
	}
	fsrv, err := smbfs.Mount(ma.dir, tree, smbfs.Options{FsName: uncName("fake", "share")})
	if err != nil {
		t.Fatalf("cannot mount here: %v", err)
	}
	defer fsrv.Unmount()
	stat.cl, stat.encrypted = cl, tree.Encrypted
	stat.setPrincipal("alice@FAKE")
	stop, err := listenStatus(stat)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()

	status := func(args ...string) *mountStatus {
		t.Helper()
		out, errOut, code := capture(t, func() int { return run(append([]string{"smb3fs", "status", "--json"}, args...)) })
		// Listing every mount, another test's mount (served by no daemon)
		// may make it exit 32; ours must answer all the same.
		if code != exitOK && (len(args) > 0 || code != exitFailure) {
			t.Fatalf("status %v: exit %d: %s %s", args, code, out, errOut)
		}
		var ms []mountStatus
		if err := json.Unmarshal([]byte(out), &ms); err != nil {
			t.Fatalf("status %v: %v: %q", args, err, out)
		}
		for _, m := range ms {
			if m.Mountpoint == stat.mountpoint {
				return &m
			}
		}
		t.Fatalf("status %v does not list %s: %s", args, stat.mountpoint, out)
		return nil
	}
	for _, args := range [][]string{nil, {ma.dir}} {
		ms := status(args...)
		if ms.Dialect != "3.1.1" || !ms.Encrypted || ms.Cipher == "none" || ms.Principal != "alice@FAKE" ||
			ms.Rule != "built-in strict default" || ms.Reconnects != 0 || ms.UID != 0 || ms.Error != "" {
			t.Errorf("status %v: %+v", args, ms)
		}
	}
	srv.Cut()
	select {
	case e := <-events:
		if e.Kind != client.EventReconnected {
			t.Fatalf("event %+v", e)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no reconnect within 20s")
	}
	out, _, code := capture(t, func() int { return run([]string{"smb3fs", "status", ma.dir}) })
	if code != exitOK || !strings.Contains(out, "\n  reconnects  1\n") || !strings.Contains(out, "\n  principal   alice@FAKE\n") {
		t.Errorf("status as text: exit %d:\n%s", code, out)
	}
	t.Logf("smb3fs status %s:\n%s", ma.dir, out)
	if ms := status(ma.dir); ms.Reconnects != 1 || ms.LastError == "" || ms.LastErrorAt == nil {
		t.Errorf("after the cut: %+v", ms)
	}
}
