package testenv_test

// Live tests that prove the ground under smb3fs: the test environment works
// with Samba's own client (smbclient). They run inside the namespace via
// `scripts/testenv exec -- go test ./scripts/...` and fail if it is missing.

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/internal/testenv"
)

// smbclient runs Samba's smbclient with the environment's client smb.conf,
// without a Kerberos ticket cache, and with no stdin (so it can never wait
// for a password prompt).
func smbclient(t *testing.T, env *testenv.Environment, args ...string) (string, error) {
	t.Helper()
	return smbclientCCache(t, env, "", args...)
}

// smbclientCCache is smbclient with the Kerberos tickets in ccache (if not "").
func smbclientCCache(t *testing.T, env *testenv.Environment, ccache string, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	args = append([]string{"-s", env.ClientSMBConf}, args...)
	cmd := env.Command(ctx, "smbclient", args...)
	if ccache != "" {
		cmd = env.CommandCCache(ctx, ccache, "smbclient", args...)
	}
	cmd.Stdin = strings.NewReader("")
	out, err := cmd.CombinedOutput()
	t.Logf("smbclient %s\n%s", strings.Join(args, " "), out)
	return string(out), err
}

// authFile writes an smbclient authentication file (0600) so that no
// password appears on a command line.
func authFile(t *testing.T, env *testenv.Environment, user, password string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "auth-"+user)
	content := fmt.Sprintf("username = %s\npassword = %s\ndomain = %s\n", user, password, env.Domain)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func randomName(t *testing.T, prefix string) string {
	t.Helper()
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return prefix + "-" + hex.EncodeToString(b) + ".bin"
}

// mustFail asserts that smbclient failed and that its output names status.
func mustFail(t *testing.T, what, out string, err error, status string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: smbclient succeeded, want failure with %s", what, status)
		return
	}
	if !strings.Contains(out, status) {
		t.Errorf("%s: smbclient failed (%v) but output lacks %s:\n%s", what, err, status, out)
	}
}

// kerberosRoundTrip writes a random file to the encrypted share of the DC
// as user (ticket in ccache) over SMB 3.1.1 with encryption required, reads
// it back, and checks the contents on both ends and the owner on the server.
func kerberosRoundTrip(t *testing.T, env *testenv.Environment, user, ccache string) {
	t.Helper()
	u := env.User(t, user)
	dir := t.TempDir()
	data := make([]byte, 200_000) // several SMB credits' worth
	if _, err := rand.Read(data); err != nil {
		t.Fatal(err)
	}
	src, back := filepath.Join(dir, "src"), filepath.Join(dir, "back")
	if err := os.WriteFile(src, data, 0o600); err != nil {
		t.Fatal(err)
	}
	remote := randomName(t, user)
	serverPath := filepath.Join(env.ShareDirs[env.Shares.Encrypted], remote)
	t.Cleanup(func() { os.Remove(serverPath) })

	out, err := smbclientCCache(t, env, ccache, env.DC.UNC(env.Shares.Encrypted),
		"--use-kerberos=required",
		"-m", "SMB3_11", "--option=client min protocol=SMB3_11",
		"--client-protection=encrypt",
		"-c", fmt.Sprintf(`put "%s" "%s"; get "%s" "%s"; ls "%s"`, src, remote, remote, back, remote))
	if err != nil {
		t.Fatalf("smbclient as %s: %v\n%s", user, err, out)
	}
	if !strings.Contains(out, remote) {
		t.Errorf("ls output does not list %s", remote)
	}
	got, err := os.ReadFile(back)
	if err != nil {
		t.Fatalf("reading the file fetched back: %v", err)
	}
	if !bytes.Equal(got, data) {
		t.Errorf("fetched %d bytes differ from the %d written", len(got), len(data))
	}
	// On the server side (same machine): same bytes, owned by the user's uid,
	// which proves that the Kerberos identity mapped to the right account.
	onServer, err := os.ReadFile(serverPath)
	if err != nil {
		t.Fatalf("file not on the server: %v", err)
	}
	if !bytes.Equal(onServer, data) {
		t.Errorf("server copy differs from the data written")
	}
	st, err := os.Stat(serverPath)
	if err != nil {
		t.Fatal(err)
	}
	if uid := st.Sys().(*syscall.Stat_t).Uid; int(uid) != u.UID {
		t.Errorf("server file owned by uid %d, want %s's uid %d", uid, user, u.UID)
	}
}

// (a) alice with a password-obtained Kerberos ticket, encrypted share.
func TestSmbclientAliceKerberosEncrypted(t *testing.T) {
	t.Parallel()
	env := testenv.Env(t)
	kerberosRoundTrip(t, env, "alice", env.Kinit(t, "alice"))
}

// (b) bob with a ticket from his keytab, encrypted share.
func TestSmbclientBobKeytabEncrypted(t *testing.T) {
	t.Parallel()
	env := testenv.Env(t)
	kerberosRoundTrip(t, env, "bob", env.KeytabKinit(t, "bob"))
}

// (c) a 3.1.1-only client must refuse the SMB 3.0 server.
func TestSmbclientLegacyRefusesSMB311Only(t *testing.T) {
	t.Parallel()
	env := testenv.Env(t)
	auth := authFile(t, env, "alice", env.User(t, "alice").Password)
	unc := env.Legacy.UNC(env.Shares.Legacy)

	// Control: the same credentials work when SMB 3.0 is allowed.
	out, err := smbclient(t, env, unc, "-A", auth, "--use-kerberos=off", "-c", "ls")
	if err != nil {
		t.Fatalf("control: alice cannot list %s at all: %v\n%s", unc, err, out)
	}
	out, err = smbclient(t, env, unc, "-A", auth, "--use-kerberos=off",
		"-m", "SMB3_11", "--option=client min protocol=SMB3_11", "-c", "ls")
	mustFail(t, "SMB3_11-only against "+env.Legacy.MaxProtocol+" server", out, err, "NT_STATUS_NOT_SUPPORTED")
}

// (d) a wrong password fails (NTLM: LOGON_FAILURE; kinit: refused).
func TestSmbclientWrongPassword(t *testing.T) {
	t.Parallel()
	env := testenv.Env(t)
	alice := env.User(t, "alice")
	unc := env.DC.UNC(env.Shares.Users)

	// Control: the right password works over NTLM.
	out, err := smbclient(t, env, unc, "-A", authFile(t, env, "alice", alice.Password),
		"--use-kerberos=off", "-c", "ls")
	if err != nil {
		t.Fatalf("control: right password refused: %v\n%s", err, out)
	}
	out, err = smbclient(t, env, unc, "-A", authFile(t, env, "alice", alice.Password+"x"),
		"--use-kerberos=off", "-c", "ls")
	mustFail(t, "wrong password", out, err, "NT_STATUS_LOGON_FAILURE")

	_, kout, err := env.KinitPassword(t, "alice", alice.Password+"x")
	if err == nil {
		t.Errorf("kinit with a wrong password succeeded")
	} else if !strings.Contains(kout, "Password incorrect") && !strings.Contains(kout, "Preauthentication failed") {
		t.Errorf("kinit with a wrong password failed for another reason: %v\n%s", err, kout)
	}
}

// Private directories on the users share: alice gets into hers, not bob's.
func TestSmbclientUsersShareAccessDenied(t *testing.T) {
	t.Parallel()
	env := testenv.Env(t)
	cc := env.Kinit(t, "alice")
	unc := env.DC.UNC(env.Shares.Users)
	out, err := smbclientCCache(t, env, cc, unc, "--use-kerberos=required", "-c", `ls "alice\*"`)
	if err != nil {
		t.Fatalf("control: alice cannot list her own directory: %v\n%s", err, out)
	}
	out, err = smbclientCCache(t, env, cc, unc, "--use-kerberos=required", "-c", `ls "bob\*"`)
	mustFail(t, "alice listing bob's directory", out, err, "NT_STATUS_ACCESS_DENIED")
}

// Guests: allowed on the guest shares, refused on the encrypted share; the
// weak server cannot encrypt, so a client that demands encryption fails.
func TestSmbclientGuestAndWeak(t *testing.T) {
	t.Parallel()
	env := testenv.Env(t)
	anon := []string{"-N", "--use-kerberos=off", "-c", "ls"}

	out, err := smbclient(t, env, append([]string{env.DC.UNC(env.Shares.Guest)}, anon...)...)
	if err != nil {
		t.Errorf("guest on %s refused: %v\n%s", env.Shares.Guest, err, out)
	}
	out, err = smbclient(t, env, append([]string{env.DC.UNC(env.Shares.Encrypted)}, anon...)...)
	mustFail(t, "guest on the encrypted share", out, err, "NT_STATUS_ACCESS_DENIED")

	out, err = smbclient(t, env, append([]string{env.Weak.UNC(env.Shares.WeakGuest)}, anon...)...)
	if err != nil {
		t.Errorf("guest on weak %s refused: %v\n%s", env.Shares.WeakGuest, err, out)
	}

	auth := authFile(t, env, "alice", env.User(t, "alice").Password)
	unc := env.Weak.UNC(env.Shares.Weak)
	out, err = smbclient(t, env, unc, "-A", auth, "--use-kerberos=off", "-c", "ls")
	if err != nil {
		t.Fatalf("control: alice cannot list %s: %v\n%s", unc, err, out)
	}
	out, err = smbclient(t, env, unc, "-A", auth, "--use-kerberos=off", "--client-protection=encrypt", "-c", "ls")
	mustFail(t, "encryption required against the weak server", out, err, "doesn't support SMB3 encryption")
}
