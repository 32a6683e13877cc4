package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/moby/sys/mountinfo"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/rules"
	"github.com/smb3fs/smb3fs/client/wire"
)

// fakeStatusClient stands in for the mount's client.Client.
type fakeStatusClient struct {
	info  client.Info
	stats client.Stats
}

func (f *fakeStatusClient) Info() client.Info   { return f.info }
func (f *fakeStatusClient) Stats() client.Stats { return f.stats }

func testStatusSource() *statusSource {
	now := time.Now()
	src := &statusSource{mountpoint: "/mnt/p", server: "fs1.example.com", share: "projects",
		rule: `[\\fs1.example.com\projects]`, policy: "3.1.1 only, encryption required",
		mountedAt: now.Add(-time.Hour), snapshot: time.Date(2026, 11, 30, 12, 0, 5, 0, time.UTC), readOnly: true,
		cl: &fakeStatusClient{
			info: client.Info{Server: "fs1.example.com", Dialect: wire.Dialect311, Cipher: wire.CipherAES256GCM,
				SigningAlgorithm: wire.SigningAESGMAC, Encrypted: true, Signed: true, Mechanism: "kerberos", MutualAuth: true},
			stats: client.Stats{ConnectedAt: now.Add(-90 * time.Second), Reconnects: 2, DurableHandles: 3,
				BytesIn: 1000, BytesOut: 2000, LastError: "smb2: connection reset", LastErrorAt: now.Add(-91 * time.Second)},
		}}
	src.setPrincipal("alice@EXAMPLE.COM")
	return src
}

// startTestStatus serves src in a temporary directory as owner, with
// peer standing in for SO_PEERCRED when not nil.
func startTestStatus(t *testing.T, src *statusSource, owner int, peer func(*net.UnixConn) (int, error)) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), socketName(src.mountpoint))
	stop, err := serveStatusAt(path, &statusServer{src: src, owner: owner, peerUID: peer})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	return path
}

// TestStatusSocket: the daemon answers "status" with the mount's status
// over a 0600 socket, which goes away when it stops.
func TestStatusSocket(t *testing.T) {
	src := testStatusSource()
	path := filepath.Join(t.TempDir(), socketName(src.mountpoint))
	stop, err := serveStatusAt(path, &statusServer{src: src, owner: os.Getuid()})
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 || fi.Mode()&os.ModeSocket == 0 {
		t.Errorf("socket: %v %v, want a 0600 socket", fi.Mode(), err)
	}
	ms, err := queryStatus(path, -1)
	if err != nil {
		t.Fatal(err)
	}
	if ms.Dialect != "3.1.1" || ms.Cipher != "AES-256-GCM" || ms.Signing != "AES-GMAC" || !ms.Encrypted ||
		ms.Auth != "kerberos" || ms.Principal != "alice@EXAMPLE.COM" || !ms.MutualAuth ||
		ms.Source != "//fs1.example.com/projects" || ms.Rule != src.rule || ms.Policy != src.policy ||
		ms.Reconnects != 2 || ms.DurableHandles != 3 || ms.BytesIn != 1000 || ms.BytesOut != 2000 ||
		ms.LastError != "smb2: connection reset" || ms.LastErrorAt == nil ||
		ms.UID != os.Getuid() || ms.PID != os.Getpid() || ms.ConnectionAge < 89 || ms.ConnectionAge > 100 ||
		ms.Snapshot != "@GMT-2026.11.30-12.00.05" || !ms.ReadOnly {
		t.Errorf("status %+v", ms)
	}
	// A request it does not know is answered with an error.
	c, err := net.Dial("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(c, "dump keys\n")
	var r statusReply
	if err := json.NewDecoder(c).Decode(&r); err != nil || r.Status != nil || !strings.Contains(r.Error, "unknown request") {
		t.Errorf("unknown request: %+v %v", r, err)
	}
	c.Close()
	stop()
	if _, err := os.Lstat(path); !os.IsNotExist(err) {
		t.Errorf("socket left behind: %v", err)
	}
	// A stale socket (a daemon that died) is replaced.
	l, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	l.SetUnlinkOnClose(false)
	l.Close()
	stop, err = serveStatusAt(path, &statusServer{src: src, owner: os.Getuid()})
	if err != nil {
		t.Fatalf("over a stale socket: %v", err)
	}
	defer stop()
	if _, err := queryStatus(path, -1); err != nil {
		t.Errorf("over a stale socket: %v", err)
	}
}

// TestStatusPeerUID: SO_PEERCRED names this process's user, and only the
// mount's owner and root are answered.
func TestStatusPeerUID(t *testing.T) {
	src := testStatusSource()
	var seen int
	path := startTestStatus(t, src, os.Getuid(), func(c *net.UnixConn) (int, error) {
		uid, err := peerUID(c)
		seen = uid
		return uid, err
	})
	if _, err := queryStatus(path, -1); err != nil {
		t.Fatal(err)
	}
	if seen != os.Getuid() {
		t.Errorf("SO_PEERCRED says uid %d, we are %d", seen, os.Getuid())
	}
	for _, tc := range []struct {
		owner, peer int
		ok          bool
	}{
		{1000, 1000, true}, // the owner
		{1000, 0, true},    // root
		{1000, 1001, false},
		{0, 1001, false}, // root's mount, another user
	} {
		path := startTestStatus(t, src, tc.owner, func(*net.UnixConn) (int, error) { return tc.peer, nil })
		ms, err := queryStatus(path, -1)
		if tc.ok != (err == nil) {
			t.Errorf("owner %d, peer %d: %+v %v", tc.owner, tc.peer, ms, err)
		}
		if !tc.ok && (ms != nil || err == nil || !strings.Contains(err.Error(), "permission denied")) {
			t.Errorf("owner %d, peer %d: refusal %v", tc.owner, tc.peer, err)
		}
	}
}

// statusFields are the JSON names of mountStatus that docs/cli.md
// documents.
var statusFields = []string{"mountpoint", "source", "server", "share", "uid", "pid", "dialect", "cipher",
	"signing", "encrypted", "auth", "principal", "mutual_auth", "rule", "policy", "snapshot", "read_only", "mounted_at",
	"connected_at", "connection_age_seconds", "reconnects", "durable_handles", "bytes_in", "bytes_out",
	"last_error", "last_error_at", "error"}

// TestStatusJSONShape: the JSON has exactly the documented fields, and
// docs/cli.md names each of them.
func TestStatusJSONShape(t *testing.T) {
	ms := testStatusSource().status(time.Now())
	ms.Error = "x"
	b, err := json.Marshal(ms)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	var got []string
	for k := range m {
		got = append(got, k)
	}
	slices.Sort(got)
	want := slices.Sorted(slices.Values(statusFields))
	if !slices.Equal(got, want) {
		t.Errorf("JSON fields %v, documented %v", got, want)
	}
	for _, k := range []string{"connected_at", "mounted_at", "last_error_at"} {
		if _, err := time.Parse(time.RFC3339Nano, m[k].(string)); err != nil {
			t.Errorf("%s: %v", k, err)
		}
	}
	doc, err := os.ReadFile("../../docs/cli.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range statusFields {
		if !bytes.Contains(doc, []byte("`"+k+"`")) {
			t.Errorf("docs/cli.md does not document status field %s", k)
		}
	}
}

// TestStatusNoSecrets: nothing the status shows can carry a secret: no
// field holds bytes or a name that suggests a key, password or ticket,
// and the text and JSON hold only what the source gave them.
func TestStatusNoSecrets(t *testing.T) {
	// Every field, also those of the structs in lists (dfs_links).
	var check func(typ reflect.Type)
	check = func(typ reflect.Type) {
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			name := strings.ToLower(f.Name)
			for _, bad := range []string{"key", "pass", "ticket", "secret", "token", "cred", "hash"} {
				if strings.Contains(name, bad) {
					t.Errorf("status field %s may hold a secret", f.Name)
				}
			}
			switch k := f.Type.Kind(); {
			case (k == reflect.Slice || k == reflect.Array) && f.Type.Elem().Kind() == reflect.Uint8:
				t.Errorf("status field %s holds raw bytes", f.Name)
			case (k == reflect.Slice || k == reflect.Array) && f.Type.Elem().Kind() == reflect.Struct:
				check(f.Type.Elem())
			case (k == reflect.Slice || k == reflect.Array) && f.Type.Elem().Kind() != reflect.String:
				t.Errorf("status field %s is a list of %v", f.Name, f.Type.Elem())
			}
		}
	}
	check(reflect.TypeOf(mountStatus{}))
	// A client error that quoted a secret would show; the client's errors
	// never do (client tests), and the status adds nothing of its own.
	src := testStatusSource()
	ms := src.status(time.Now())
	var text bytes.Buffer
	printStatus(&text, ms, time.Now())
	js, _ := json.Marshal(ms)
	for _, out := range []string{text.String(), string(js)} {
		for _, bad := range []string{"password", "PASSWD", "KRB5CCNAME", "keytab"} {
			if strings.Contains(out, bad) {
				t.Errorf("status output has %q: %s", bad, out)
			}
		}
	}
	for _, want := range []string{"3.1.1", "AES-256-GCM", "alice@EXAMPLE.COM", "reconnects  2", "last error  smb2: connection reset (",
		"snapshot    @GMT-2026.11.30-12.00.05\n", "read-only   true\n"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, text.String())
		}
	}
}

func TestSmb3fsMountsOf(t *testing.T) {
	table := []*mountinfo.Info{
		{Mountpoint: "/proc", FSType: "proc", Source: "proc", VFSOptions: "rw"},
		{Mountpoint: "/mnt/with space", FSType: "fuse.smb3fs", Source: "//fs1/projects", VFSOptions: "rw,user_id=10001,group_id=10001"},
		{Mountpoint: "/mnt/other", FSType: "fuse", Source: "sshfs", VFSOptions: "rw,user_id=0,group_id=0"},
		{Mountpoint: "/mnt/root", FSType: "fuse.smb3fs", Source: "//fs1/root", VFSOptions: "rw,user_id=0,group_id=0,allow_other"},
		{Mountpoint: "/mnt/bad", FSType: "fuse.smb3fs", Source: "//fs1/bad", VFSOptions: "rw"},
	}
	got := smb3fsMountsOf(table)
	want := []smb3fsMount{
		{"/mnt/with space", "//fs1/projects", 10001},
		{"/mnt/root", "//fs1/root", 0},
		{"/mnt/bad", "//fs1/bad", -1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

// TestStatusControlDirs: root's daemons use /run/smb3fs; a user's, the
// runtime directory only when it is the caller's own.
func TestStatusControlDirs(t *testing.T) {
	if d := controlDirs(0, "/run/user/0"); !slices.Equal(d, []string{"/run/smb3fs"}) {
		t.Errorf("root: %v", d)
	}
	other := os.Getuid() + 1
	for _, d := range controlDirs(other, "/xdg") {
		if strings.HasPrefix(d, "/xdg") {
			t.Errorf("uid %d: another user's runtime directory %s", other, d)
		}
	}
	if me := os.Getuid(); me != 0 {
		if d := controlDirs(me, "/xdg"); d[0] != "/xdg/smb3fs" {
			t.Errorf("uid %d: %v", me, d)
		}
	}
	dir := filepath.Join(t.TempDir(), "c")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o755)
	if err := checkPrivateDir(dir, os.Getuid()); err == nil {
		t.Errorf("a 0755 control directory accepted")
	}
	os.Chmod(dir, 0o700)
	if err := checkPrivateDir(dir, os.Getuid()); err != nil {
		t.Errorf("a 0700 control directory: %v", err)
	}
	if err := checkPrivateDir(dir, os.Getuid()+1); err == nil {
		t.Errorf("another user's control directory accepted")
	}
}

// TestStatusCommandLine: help on standard output; flag errors and a
// second MOUNTPOINT are usage errors; a directory that is not an smb3fs
// mount is a failure.
func TestStatusCommandLine(t *testing.T) {
	for _, args := range [][]string{{"smb3fs", "status", "--help"}, {"smb3fs", "status", "-h"}, {"smb3fs", "help", "status"}} {
		out, errOut, status := capture(t, func() int { return run(args) })
		if status != exitOK || !strings.HasPrefix(out, "usage: smb3fs status") || !strings.Contains(out, "--json") || errOut != "" {
			t.Errorf("%q: exit %d, stdout %.80q, stderr %q", args, status, out, errOut)
		}
	}
	for _, args := range [][]string{{"smb3fs", "status", "--bogus"}, {"smb3fs", "status", "/a", "/b"}} {
		_, errOut, status := capture(t, func() int { return run(args) })
		if status != exitUsage || !strings.Contains(errOut, "usage: smb3fs status") {
			t.Errorf("%q: exit %d, stderr %q", args, status, errOut)
		}
	}
	dir := t.TempDir()
	_, errOut, status := capture(t, func() int { return run([]string{"smb3fs", "status", dir}) })
	if status != exitFailure || !strings.Contains(errOut, "not an smb3fs mount point") {
		t.Errorf("status on a plain directory: exit %d, stderr %q", status, errOut)
	}
}

// TestStatusFollowsPrincipal: a reconnect that logs in as another
// principal (kinit refilled the cache) shows in the status, and the
// audit hook still gets every event.
func TestStatusFollowsPrincipal(t *testing.T) {
	src := testStatusSource()
	var seen []client.EventKind
	on := src.onEvent(func(e client.Event) { seen = append(seen, e.Kind) })
	on(client.Event{Kind: client.EventReconnectFailed, Principal: "mallory@EXAMPLE.COM"})
	if p := src.status(time.Now()).Principal; p != "alice@EXAMPLE.COM" {
		t.Errorf("after a failed reconnect: principal %q", p)
	}
	on(client.Event{Kind: client.EventReconnected, Principal: "bob@EXAMPLE.COM"})
	if p := src.status(time.Now()).Principal; p != "bob@EXAMPLE.COM" {
		t.Errorf("after a reconnect as bob: principal %q", p)
	}
	if len(seen) != 2 {
		t.Errorf("audit hook saw %v", seen)
	}
}

// TestStatusSourceOptions: the mount's options give the status its
// snapshot and read-only fields: a snapshot= mount is read-only whatever
// rw says; a mount of the live share shows no snapshot.
func TestStatusSourceOptions(t *testing.T) {
	for _, tc := range []struct {
		opts     string
		snapshot string
		readOnly bool
	}{
		{"rw", "", false},
		{"ro", "", true},
		{"snapshot=@GMT-2026.11.30-12.00.05,rw", "@GMT-2026.11.30-12.00.05", true},
	} {
		o, err := parseMountOptions([]string{tc.opts})
		if err != nil {
			t.Fatal(err)
		}
		src := newStatusSource(&mountArgs{server: "fs1", share: "s", dir: "/mnt/p", opts: o}, client.StrictPolicy(), rules.Match{})
		src.cl = testStatusSource().cl
		ms := src.status(time.Now())
		if ms.Snapshot != tc.snapshot || ms.ReadOnly != tc.readOnly {
			t.Errorf("-o %s: snapshot %q read_only %v, want %q %v", tc.opts, ms.Snapshot, ms.ReadOnly, tc.snapshot, tc.readOnly)
		}
		var text bytes.Buffer
		printStatus(&text, ms, time.Now())
		if tc.snapshot == "" && !strings.Contains(text.String(), "snapshot    none (the live share)\n") {
			t.Errorf("-o %s as text:\n%s", tc.opts, text.String())
		}
	}
}

// TestStatusLinkedSocket: a daemon whose socket is in a directory only its
// session knows ($XDG_RUNTIME_DIR) links it from the first usable of the
// directories root searches; status finds it there, believes it only
// when the daemon is the mount's owner, and the link goes with the
// daemon.
func TestStatusLinkedSocket(t *testing.T) {
	base := t.TempDir()
	me := os.Getuid()
	src := testStatusSource()
	xdg := filepath.Join(base, "xdg", "smb3fs")
	if err := os.MkdirAll(xdg, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(xdg, socketName(src.mountpoint))
	stop, err := serveStatusAt(path, &statusServer{src: src, owner: me})
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	// The first directory is open to others: skipped. The second's parent
	// is missing: skipped. The third is made, 0700.
	open := filepath.Join(base, "open")
	if err := os.Mkdir(open, 0o755); err != nil {
		t.Fatal(err)
	}
	os.Chmod(open, 0o755)
	dirs := []string{open, filepath.Join(base, "missing", "smb3fs"), filepath.Join(base, "run", "smb3fs")}
	if err := os.Mkdir(filepath.Join(base, "run"), 0o755); err != nil {
		t.Fatal(err)
	}
	unlink, err := linkControlSocket(path, dirs, me)
	if err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dirs[2], socketName(src.mountpoint))
	if target, err := os.Readlink(link); err != nil || target != path {
		t.Fatalf("link %s -> %q, %v; want %s", link, target, err, path)
	}
	if err := checkPrivateDir(dirs[2], me); err != nil {
		t.Errorf("the link's directory: %v", err)
	}
	m := smb3fsMount{mountpoint: src.mountpoint, source: "//fs1.example.com/projects", uid: me}
	if ms, err := statusIn(m, dirs); err != nil || ms.Principal != "alice@EXAMPLE.COM" {
		t.Errorf("status through the link: %+v, %v", ms, err)
	}
	// A socket that answers as another user is not the mount's daemon.
	other := m
	other.uid = me + 1
	if ms, err := statusIn(other, dirs); err == nil || !strings.Contains(err.Error(), "not the mount's owner") {
		t.Errorf("status of uid %d's mount answered by uid %d: %+v, %v", other.uid, me, ms, err)
	}
	// A stale link (a daemon that died) is replaced.
	unlink, err = linkControlSocket(path, dirs, me)
	if err != nil {
		t.Fatalf("over a stale link: %v", err)
	}
	unlink()
	if _, err := os.Lstat(link); !os.IsNotExist(err) {
		t.Errorf("link left behind: %v", err)
	}
	// A link pointing elsewhere (another daemon's now) is left alone.
	if err := os.Symlink(filepath.Join(xdg, "other.sock"), link); err != nil {
		t.Fatal(err)
	}
	unlink()
	if _, err := os.Lstat(link); err != nil {
		t.Errorf("another daemon's link removed: %v", err)
	}
}

// TestMacMountsOf: on macOS, status lists the macFUSE mounts whose source
// is //server/share, owned by who mounted them; other macFUSE file
// systems (sshfs) and other types are left out.
func TestMacMountsOf(t *testing.T) {
	got := macMountsOf([]fsstatEntry{
		{"/", "apfs", "/dev/disk3s1s1", 0},
		{"/Users/alice/projects", "macfuse", "//fs1.example.com/projects", 501},
		{"/Users/alice/remote", "macfuse", "alice@host:/srv", 501},
		{"/private/tmp/x", "osxfuse", "//[::1]/share", 0},
		{"/Volumes/share", "smbfs", "//alice@fs1/share", 501},
		{"/mnt/plain", "fuse", "//fs1/share", 501},
	})
	want := []smb3fsMount{
		{"/Users/alice/projects", "//fs1.example.com/projects", 501},
		{"/private/tmp/x", "//[::1]/share", 0},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}
