package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// TestTakeEnvPasswordAndHarden runs the test binary again with PASSWD set,
// as `smb3fs mount` is started: after takeEnvPassword the password is in
// neither Go's environment (what children inherit) nor the block
// /proc/<pid>/environ shows, and after hardenProcess the process is not
// dumpable and may not write core files.
func TestTakeEnvPasswordAndHarden(t *testing.T) {
	const secret = "s3cret-TestTakeEnvPassword"
	if os.Getenv("SMB3FS_TEST_TAKE_PASSWD") == "1" {
		pw, ok := takeEnvPassword()
		if !ok || string(pw) != secret {
			t.Fatalf("takeEnvPassword = %q, %v", pw, ok)
		}
		if _, ok := os.LookupEnv("PASSWD"); ok {
			t.Error("PASSWD still in the environment")
		}
		for _, kv := range environWithout("NOTHING") {
			if strings.Contains(kv, secret) {
				t.Errorf("a child would inherit %q", kv)
			}
		}
		environ, err := os.ReadFile("/proc/self/environ")
		if err != nil {
			t.Fatal(err)
		}
		for _, kv := range bytes.Split(environ, []byte{0}) {
			if bytes.HasPrefix(kv, []byte("PASSWD=")) || bytes.Contains(kv, []byte(secret)) {
				t.Errorf("/proc/self/environ still shows %q", kv)
			}
		}
		if !bytes.Contains(environ, []byte("SMB3FS_TEST_TAKE_PASSWD=1")) {
			t.Errorf("/proc/self/environ lost the other variables: %q", environ)
		}
		if err := hardenProcess(); err != nil {
			t.Fatal(err)
		}
		if d, err := unix.PrctlRetInt(unix.PR_GET_DUMPABLE, 0, 0, 0, 0); err != nil || d != 0 {
			t.Errorf("PR_GET_DUMPABLE = %d, %v; want 0", d, err)
		}
		var rl unix.Rlimit
		if err := unix.Getrlimit(unix.RLIMIT_CORE, &rl); err != nil || rl.Cur != 0 || rl.Max != 0 {
			t.Errorf("RLIMIT_CORE = %+v, %v; want 0", rl, err)
		}
		return
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^TestTakeEnvPasswordAndHarden$", "-test.v")
	cmd.Env = append(os.Environ(), "SMB3FS_TEST_TAKE_PASSWD=1", "PASSWD="+secret)
	out, err := cmd.CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("--- PASS: TestTakeEnvPasswordAndHarden")) {
		t.Fatalf("child: %v\n%s", err, out)
	}
}
