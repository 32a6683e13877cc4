// Package testenv gives Go tests access to the live SMB/Kerberos test
// environment that scripts/testenv runs inside the network namespace
// "smb3fs": a Samba AD DC (dc1, realm SMB3FS.TEST), a standalone smbd limited
// to SMB 3.0 (legacy), one limited to SMB 2.1 without signing or
// encryption (weak), and a Samba 4.22 member server with SMB3 POSIX
// extensions and directory leases (s422, see Environment.Samba422).
//
// `scripts/testenv up` writes a description of the environment to
// <base>/env.json; `scripts/testenv exec -- go test ./...` runs the tests
// inside the namespace with SMB3FS_TESTENV naming that file. A live test
// starts with
//
//	env := testenv.Env(t)
//
// which fails the test when the environment is missing (live tests must not
// pass silently), unless SMB3FS_UNIT_ONLY=1 asks for a unit-only run, in
// which case the test is skipped.
//
// Besides the environment itself (this file) the package gives what tests
// of several packages need: ticket caches (Kinit, KeytabKinit), scratch
// names on a share (ScratchName), a krb5.conf with short tickets
// (Krb5ConfLifetime), the smb3fs daemon binary (DaemonBinary), a bound on
// hanging calls (Bounded) (helpers.go), and fault injection: a client
// network of one's own, the smbd serving one client, aborting a FUSE
// connection (faults.go). Kerberos mechanisms for the environment's users
// are in the subpackage liveauth, and the hostile proxy in internal/mitm.
// Every test file that uses the live environment is named *_live_test.go.
package testenv

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// EnvVar names the environment variable holding the path of env.json.
const EnvVar = "SMB3FS_TESTENV"

// UnitOnlyVar names the environment variable that, set to "1", turns live
// tests into skipped tests when EnvVar is unset.
const UnitOnlyVar = "SMB3FS_UNIT_ONLY"

// SupportedVersion is the env.json format version this package understands.
const SupportedVersion = 1

// Environment describes the running test environment; it mirrors env.json.
type Environment struct {
	// Version of the env.json format (SupportedVersion).
	Version int `json:"version"`
	// Base is the directory holding all state of the environment.
	Base string `json:"base"`
	// Netns is the name of the network namespace the servers run in.
	Netns string `json:"netns"`
	// Realm is the Kerberos realm (SMB3FS.TEST).
	Realm string `json:"realm"`
	// Domain is the NetBIOS domain name (SMB3FS).
	Domain string `json:"domain"`
	// DNSDomain is the DNS domain of the hosts (smb3fs.test).
	DNSDomain string `json:"dns_domain"`
	// KRB5Conf is the krb5.conf to use (set KRB5_CONFIG to it).
	KRB5Conf string `json:"krb5_conf"`
	// ClientSMBConf is an smb.conf for Samba's client tools (smbclient -s).
	ClientSMBConf string `json:"client_smb_conf"`
	// CCacheDir holds the ticket caches of `scripts/testenv exec --user`.
	CCacheDir string `json:"ccache_dir"`
	// LogDir holds the server logs (dc.log, legacy.log, weak.log).
	LogDir string `json:"log_dir"`
	// KCMSocket is the socket of the environment's KCM daemon (sssd_kcm),
	// for KCM: credential caches (krb5.conf kcm_socket). Use KCMSocketPath:
	// an env.json written before the daemon existed lacks it.
	KCMSocket string `json:"kcm_socket,omitempty"`
	// ClientAddr is an address inside the namespace a client may bind to.
	ClientAddr string `json:"client_addr"`
	// DC is the Samba AD domain controller: KDC and SMB 3.1.1 server.
	DC Server `json:"dc"`
	// Legacy is a standalone smbd that speaks at most SMB 3.0.
	Legacy Server `json:"legacy"`
	// Weak is a standalone smbd that speaks at most SMB 2.1, without
	// signing or encryption.
	Weak Server `json:"weak"`
	// Users are the accounts (alice: password; bob: password and keytab).
	Users []User `json:"users"`
	// Shares names the shares by their purpose.
	Shares Shares `json:"shares"`
	// ShareDirs maps a share name to the directory behind it on the
	// server side (same machine), for checking results from outside SMB.
	ShareDirs map[string]string `json:"share_dirs"`
	// Snapshot is the previous version held by Shares.Snapshots; empty in
	// environments made before it.
	Snapshot Snapshot `json:"snapshot"`

	// samba422 is the Samba 4.22 server, read by Load from Samba422File
	// (see Samba422); nil when the environment has none.
	samba422 *Samba422
}

// Server describes one SMB server of the environment.
type Server struct {
	// Name is the short host name (dc1, legacy, weak).
	Name string `json:"name"`
	// Host is the fully qualified host name (dc1.smb3fs.test).
	Host string `json:"host"`
	// Addr is the IPv4 address inside the namespace.
	Addr string `json:"addr"`
	// SMBPort is the SMB TCP port (445).
	SMBPort int `json:"smb_port"`
	// KDCPort is the Kerberos KDC port, 0 when the server is no KDC.
	KDCPort int `json:"kdc_port,omitempty"`
	// SPN is the server's SMB service principal, empty outside the realm.
	SPN string `json:"spn,omitempty"`
	// MaxProtocol is the highest dialect the server offers (Samba's name).
	MaxProtocol string `json:"max_protocol"`
	// Signing is the server's signing setting (mandatory, default, disabled).
	Signing string `json:"signing"`
	// Encryption is the server's encryption setting (per-share, if_required, off).
	Encryption string `json:"encryption"`
}

// SMBAddr returns "addr:port" of the server's SMB endpoint.
func (s Server) SMBAddr() string { return fmt.Sprintf("%s:%d", s.Addr, s.SMBPort) }

// KDCAddr returns "addr:port" of the server's KDC, or "" if it has none.
func (s Server) KDCAddr() string {
	if s.KDCPort == 0 {
		return ""
	}
	return fmt.Sprintf("%s:%d", s.Addr, s.KDCPort)
}

// UNC returns the share path //host/share in the form smbclient takes.
func (s Server) UNC(share string) string { return "//" + s.Host + "/" + share }

// User is an account of the environment.
type User struct {
	// Name is the account name (alice, bob).
	Name string `json:"name"`
	// Principal is the Kerberos principal (alice@SMB3FS.TEST).
	Principal string `json:"principal"`
	// Password is the account's password (on every server in Servers).
	Password string `json:"password"`
	// PasswordFile is a 0600 file holding Password (no newline).
	PasswordFile string `json:"password_file"`
	// UID is the Unix uid the servers map the user to.
	UID int `json:"uid"`
	// GID is the Unix primary gid of the user.
	GID int `json:"gid"`
	// Keytab is a keytab with the user's keys, empty if none was exported.
	Keytab string `json:"keytab,omitempty"`
	// Servers lists the servers knowing the account ("dc", "legacy", "weak").
	Servers []string `json:"servers"`
}

// Shares names the shares of the environment by purpose.
type Shares struct {
	// Encrypted is the DC share with "smb encrypt = required".
	Encrypted string `json:"encrypted"`
	// Signed is the DC share that requires signing but not encryption.
	Signed string `json:"signed"`
	// Guest is the DC share open to guests.
	Guest string `json:"guest"`
	// Users is the DC share with the private 0700 directories alice/, bob/.
	Users string `json:"users"`
	// Legacy is the share of the SMB 3.0 server.
	Legacy string `json:"legacy"`
	// WeakGuest is the guest share of the weak server.
	WeakGuest string `json:"weak_guest"`
	// Weak is the user share (alice) of the weak server.
	Weak string `json:"weak"`
	// Full is the DC share (encrypted) on a small tmpfs of its own, for
	// tests of a full disk. Environments made before it have none.
	Full string `json:"full"`
	// Snapshots is the DC share (encrypted) served through Samba's
	// shadow_copy2: it has previous versions (see Env.Snapshot).
	// Environments made before it have none.
	Snapshots string `json:"snapshots"`
}

// Snapshot describes the one previous version of the snapshot share: the
// file File reads Old at Token's time and Live today.
type Snapshot struct {
	// Share is the share holding the snapshot (Shares.Snapshots).
	Share string `json:"share"`
	// Token is the snapshot's time as an @GMT-YYYY.MM.DD-HH.MM.SS token.
	Token string `json:"token"`
	// File is a file at the share's root that differs in the snapshot.
	File string `json:"file"`
	// Old is File's content in the snapshot.
	Old string `json:"old"`
	// Live is File's content today.
	Live string `json:"live"`
}

// Load reads and checks an env.json file, and the description of the
// Samba 4.22 server beside it (Samba422File) when there is one.
func Load(path string) (*Environment, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	e, err := Parse(data)
	if err != nil {
		return nil, err
	}
	if err := e.loadSamba422(filepath.Dir(path)); err != nil {
		return nil, err
	}
	return e, nil
}

// Parse decodes and checks the contents of an env.json file. Unknown fields
// are rejected so that a format change is noticed.
func Parse(data []byte) (*Environment, error) {
	var e Environment
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		return nil, fmt.Errorf("testenv: parsing env.json: %w", err)
	}
	if err := e.validate(); err != nil {
		return nil, err
	}
	return &e, nil
}

func (e *Environment) validate() error {
	var missing []string
	need := func(name, v string) {
		if v == "" {
			missing = append(missing, name)
		}
	}
	if e.Version != SupportedVersion {
		return fmt.Errorf("testenv: env.json version %d, want %d (re-run scripts/testenv up)", e.Version, SupportedVersion)
	}
	need("netns", e.Netns)
	need("realm", e.Realm)
	need("domain", e.Domain)
	need("krb5_conf", e.KRB5Conf)
	need("client_smb_conf", e.ClientSMBConf)
	for _, s := range []struct {
		name string
		srv  Server
	}{{"dc", e.DC}, {"legacy", e.Legacy}, {"weak", e.Weak}} {
		need(s.name+".host", s.srv.Host)
		need(s.name+".addr", s.srv.Addr)
		if s.srv.SMBPort == 0 {
			missing = append(missing, s.name+".smb_port")
		}
	}
	if e.DC.KDCPort == 0 {
		missing = append(missing, "dc.kdc_port")
	}
	if len(e.Users) == 0 {
		missing = append(missing, "users")
	}
	for i, u := range e.Users {
		need(fmt.Sprintf("users[%d].name", i), u.Name)
		need(fmt.Sprintf("users[%d].principal", i), u.Principal)
		need(fmt.Sprintf("users[%d].password", i), u.Password)
	}
	need("shares.encrypted", e.Shares.Encrypted)
	need("shares.signed", e.Shares.Signed)
	need("shares.guest", e.Shares.Guest)
	need("shares.users", e.Shares.Users)
	need("shares.legacy", e.Shares.Legacy)
	need("shares.weak_guest", e.Shares.WeakGuest)
	need("shares.weak", e.Shares.Weak)
	if len(missing) > 0 {
		return fmt.Errorf("testenv: env.json lacks %s", strings.Join(missing, ", "))
	}
	return nil
}

// Env returns the live test environment named by $SMB3FS_TESTENV. If the
// variable is unset it skips the test when SMB3FS_UNIT_ONLY=1 and fails it
// otherwise; it also fails the test if the file cannot be read or parsed.
func Env(t testing.TB) *Environment {
	t.Helper()
	path := os.Getenv(EnvVar)
	if path == "" {
		if os.Getenv(UnitOnlyVar) == "1" {
			t.Skip("unit-only run: SMB3FS_UNIT_ONLY=1")
			return nil
		}
		t.Fatalf("live test environment missing: %s is not set. Run `make test` "+
			"(it runs scripts/testenv up, then the tests inside the namespace via "+
			"scripts/testenv exec -- go test ./...), or set %s=1 for a unit-only run",
			EnvVar, UnitOnlyVar)
		return nil
	}
	e, err := Load(path)
	if err != nil {
		t.Fatalf("live test environment %s=%s: %v (re-run scripts/testenv up)", EnvVar, path, err)
		return nil
	}
	return e
}

// User returns the named user, failing the test if there is none.
func (e *Environment) User(t testing.TB, name string) *User {
	t.Helper()
	for i := range e.Users {
		if e.Users[i].Name == name {
			return &e.Users[i]
		}
	}
	t.Fatalf("testenv: no user %q in env.json", name)
	return nil
}

// KCMSocketPath is the KCM daemon's socket: KCMSocket, or where
// scripts/testenv puts it (Base/kcm/kcm.sock) when env.json predates the
// field. `scripts/testenv kcm` starts the daemon in a running environment.
func (e *Environment) KCMSocketPath() string {
	if e.KCMSocket != "" {
		return e.KCMSocket
	}
	return filepath.Join(e.Base, "kcm", "kcm.sock")
}

// Command returns an exec.Cmd for name with args whose environment points
// Kerberos at the test realm (KRB5_CONFIG) and has no KRB5CCNAME, so that no
// ticket leaks in from the caller.
func (e *Environment) Command(ctx context.Context, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, name, args...)
	env := make([]string, 0, len(os.Environ())+1)
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "KRB5_CONFIG=") || strings.HasPrefix(kv, "KRB5CCNAME=") {
			continue
		}
		env = append(env, kv)
	}
	cmd.Env = append(env, "KRB5_CONFIG="+e.KRB5Conf)
	return cmd
}

// CommandCCache is Command with KRB5CCNAME=FILE:ccachePath, so that
// Kerberos clients use the tickets Kinit or KeytabKinit put there. (Samba
// 4.17's smbclient ignores --use-krb5-ccache; it honours KRB5CCNAME.)
func (e *Environment) CommandCCache(ctx context.Context, ccachePath, name string, args ...string) *exec.Cmd {
	cmd := e.Command(ctx, name, args...)
	cmd.Env = append(cmd.Env, "KRB5CCNAME=FILE:"+ccachePath)
	return cmd
}

// Kinit obtains a ticket for user with its password (fed to kinit on stdin)
// into a new ticket cache in t.TempDir() and returns the cache's file path
// (use it as "FILE:"+path for KRB5CCNAME). It fails the test on error.
func (e *Environment) Kinit(t testing.TB, user string) (ccachePath string) {
	t.Helper()
	u := e.User(t, user)
	ccachePath = filepath.Join(t.TempDir(), "ccache-"+u.Name)
	out, err := e.kinit(ccachePath, u.Password+"\n", u.Principal)
	if err != nil {
		t.Fatalf("kinit %s: %v\n%s", u.Principal, err, out)
	}
	return ccachePath
}

// KinitPassword runs kinit for user with the given password (on stdin) into
// a new cache in t.TempDir(); it returns kinit's output and error instead of
// failing, for tests of wrong credentials.
func (e *Environment) KinitPassword(t testing.TB, user, password string) (ccachePath, output string, err error) {
	t.Helper()
	u := e.User(t, user)
	ccachePath = filepath.Join(t.TempDir(), "ccache-"+u.Name)
	out, err := e.kinit(ccachePath, password+"\n", u.Principal)
	return ccachePath, out, err
}

// KeytabKinit obtains a ticket for user from the user's keytab into a new
// ticket cache in t.TempDir() and returns the cache's file path. It fails
// the test if the user has no keytab or kinit fails.
func (e *Environment) KeytabKinit(t testing.TB, user string) (ccachePath string) {
	t.Helper()
	u := e.User(t, user)
	if u.Keytab == "" {
		t.Fatalf("testenv: user %q has no keytab", user)
	}
	ccachePath = filepath.Join(t.TempDir(), "ccache-"+u.Name)
	out, err := e.kinit(ccachePath, "", "-k", "-t", u.Keytab, u.Principal)
	if err != nil {
		t.Fatalf("kinit -k %s: %v\n%s", u.Principal, err, out)
	}
	return ccachePath
}

func (e *Environment) kinit(ccachePath, stdin string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := e.Command(ctx, "kinit", append([]string{"-c", "FILE:" + ccachePath}, args...)...)
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	if err == nil {
		return string(out), nil
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		err = fmt.Errorf("%w (timed out)", err)
	}
	return string(out), err
}
