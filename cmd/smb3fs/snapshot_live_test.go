package main

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/smb3fs/smb3fs/internal/testenv"
)

// TestLiveMountSnapshot: -o snapshot=@GMT-... mounts the shadow_copy2
// share as it was at the snapshot (the file's old content), read-only
// even with rw; without it the same share shows today's content.
func TestLiveMountSnapshot(t *testing.T) {
	env := testenv.Env(t)
	sn := env.Snapshot
	if env.Shares.Snapshots == "" || sn.Token == "" {
		t.Fatalf("env.json %s has no snapshot share: run scripts/testenv up", env.Base)
	}
	bin := testenv.DaemonBinary(t)
	cc := env.Kinit(t, "alice")
	src := "//" + env.DC.Host + "/" + env.Shares.Snapshots

	mount := func(opts string) string {
		t.Helper()
		dir := t.TempDir()
		out, code := runMountCmd(t, env, bin, cc, nil, "mount", src, dir, "-o", opts)
		if code != 0 {
			t.Fatalf("mount -o %s: exit %d: %s", opts, code, out)
		}
		t.Cleanup(func() {
			if mountedAt(t, dir) {
				exec.Command(bin, "unmount", "--lazy", dir).Run()
			}
		})
		return dir
	}

	old := mount("snapshot=" + sn.Token + ",rw,actimeo=0")
	if flags := "," + mountFlags(t, old) + ","; !strings.Contains(flags, ",ro,") {
		t.Errorf("snapshot mount flags %s lack ro", flags)
	}
	got, err := os.ReadFile(filepath.Join(old, sn.File))
	if err != nil || string(got) != sn.Old {
		t.Errorf("%s at %s: %q, %v; want %q", sn.File, sn.Token, got, err, sn.Old)
	}
	if err := os.WriteFile(filepath.Join(old, sn.File), []byte("x"), 0644); !errors.Is(err, syscall.EROFS) {
		t.Errorf("write to a snapshot's file: %v, want EROFS", err)
	}
	if err := os.WriteFile(filepath.Join(old, "new-in-snapshot"), nil, 0644); !errors.Is(err, syscall.EROFS) {
		t.Errorf("create in a snapshot: %v, want EROFS", err)
	}
	if err := os.Remove(filepath.Join(old, sn.File)); !errors.Is(err, syscall.EROFS) {
		t.Errorf("remove in a snapshot: %v, want EROFS", err)
	}

	// smb3fs status shows the mount's snapshot, and that it is read-only.
	out, code := runMountCmd(t, env, bin, cc, nil, "status", "--json", old)
	var sts []mountStatus
	if err := json.Unmarshal([]byte(out), &sts); code != 0 || err != nil || len(sts) != 1 {
		t.Errorf("status --json %s: exit %d, %v: %s", old, code, err, out)
	} else if st := sts[0]; st.Snapshot != sn.Token || !st.ReadOnly || st.Share != env.Shares.Snapshots {
		t.Errorf("status of the snapshot mount: snapshot %q read_only %v share %s, want %s", st.Snapshot, st.ReadOnly, st.Share, sn.Token)
	}
	if out, code := runMountCmd(t, env, bin, cc, nil, "status", old); code != 0 || !strings.Contains(out, "\n  snapshot    "+sn.Token+"\n") {
		t.Errorf("status %s: exit %d:\n%s", old, code, out)
	} else {
		t.Logf("smb3fs status %s:\n%s", old, out)
	}

	live := mount("actimeo=0")
	got, err = os.ReadFile(filepath.Join(live, sn.File))
	if err != nil || string(got) != sn.Live {
		t.Errorf("%s live: %q, %v; want %q", sn.File, got, err, sn.Live)
	}
	// The snapshot mount still reads the old version next to it.
	if got, err := os.ReadFile(filepath.Join(old, sn.File)); err != nil || string(got) != sn.Old {
		t.Errorf("%s at %s after the live mount: %q, %v", sn.File, sn.Token, got, err)
	}
	for _, dir := range []string{old, live} {
		if out, code := runMountCmd(t, env, bin, cc, nil, "unmount", dir); code != 0 {
			t.Errorf("unmount %s: %d %s", dir, code, out)
		}
	}
}

// TestLiveSnapshotsCommand: smb3fs snapshots lists the shadow_copy2
// share's one snapshot, as a line and as JSON, over an encrypted session.
func TestLiveSnapshotsCommand(t *testing.T) {
	env := testenv.Env(t)
	sn := env.Snapshot
	if env.Shares.Snapshots == "" || sn.Token == "" {
		t.Fatalf("env.json %s has no snapshot share: run scripts/testenv up", env.Base)
	}
	bin := testenv.DaemonBinary(t)
	cc := env.Kinit(t, "alice")
	src := "//" + env.DC.Host + "/" + env.Shares.Snapshots
	run := func(args ...string) (string, string, int) {
		t.Helper()
		cmd := exec.Command(bin, append([]string{"snapshots"}, args...)...)
		cmd.Env = append(os.Environ(), "KRB5_CONFIG="+env.KRB5Conf, "KRB5CCNAME=FILE:"+cc)
		var o, e strings.Builder
		cmd.Stdout, cmd.Stderr = &o, &e
		err := cmd.Run()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return o.String(), e.String(), ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return o.String(), e.String(), 0
	}
	out, errOut, code := run(src)
	if code != 0 || out != sn.Token+"\n" || !strings.Contains(errOut, "1 snapshots of") {
		t.Errorf("snapshots %s: exit %d: %q %s", src, code, out, errOut)
	}
	out, errOut, code = run("--json", src)
	var res snapshotsResult
	if err := json.Unmarshal([]byte(out), &res); code != 0 || err != nil {
		t.Fatalf("snapshots --json: exit %d, %v: %q %s", code, err, out, errOut)
	}
	if len(res.Snapshots) != 1 || res.Snapshots[0] != sn.Token || !res.Encrypted || res.Share != env.Shares.Snapshots {
		t.Errorf("snapshots --json: %+v", res)
	}
	// A share without shadow_copy2 has none: listed, successfully.
	out, errOut, code = run("//" + env.DC.Host + "/" + env.Shares.Encrypted)
	if code != 0 || out != "" || !strings.Contains(errOut, "0 snapshots of") {
		t.Errorf("snapshots of %s: exit %d: %q %s", env.Shares.Encrypted, code, out, errOut)
	}
}
