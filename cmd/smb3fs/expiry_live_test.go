//go:build linux

package main

// Kerberos tickets expiring under a real mount (issue 7): the `smb3fs mount`
// daemon, with tickets as short as the test KDC grants.
//
//	keytab: bob, --keytab, krb5.conf ticket_lifetime = 3m
//	  mount ─ write a record every second to one open (durable) file + fsync,
//	          and a new file every second ─ ... ─ ticket ends: the server
//	          answers STATUS_NETWORK_SESSION_EXPIRED ─ reconnect, new ticket
//	          from the keytab, long file reclaimed (DH2C) ─ ... twice
//	  every byte checked through the mount and on the server's disk; the
//	  daemon's log shows two expiry reconnects that reopened the file.
//
//	ccache: alice, kinit -l 3m, no keytab
//	  mount ─ works ─ ticket ends ─ stat/read/create/readdir: EACCES (not EIO,
//	  not a hang), the log says to run kinit ─ kinit into the same cache ─
//	  the same mount works again.
//
// Samba 4.17's KDC refuses a TGS-REQ with a TGT that has less than about
// 2.5 minutes left, so tickets cannot be much shorter than 3 minutes; the
// two parts run in parallel, so the test takes a little over two lifetimes.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	krbclient "github.com/jcmturner/gokrb5/v8/client"
	krbconfig "github.com/jcmturner/gokrb5/v8/config"
	"github.com/jcmturner/gokrb5/v8/credentials"
	"github.com/jcmturner/gokrb5/v8/keytab"

	"github.com/smb3fs/smb3fs/internal/testenv"
)

const (
	// expiryLife is the ticket lifetime asked for.
	expiryLife = 3 * time.Minute
	// expiryMaxLife is the longest lifetime the test accepts from the KDC:
	// longer tickets would not expire twice within the test's deadline.
	expiryMaxLife = expiryLife + time.Minute
	// expiryTimeout is the mount's timeout= (seconds a request may take).
	expiryTimeout = 20
	// expiryOpBound is how long one file operation may take before it is
	// called a hang: a reconnect waits at most twice the request timeout.
	expiryOpBound = 2 * time.Minute
)

func TestLiveTicketExpiry(t *testing.T) {
	env := testenv.Env(t)
	bin := testenv.DaemonBinary(t)
	t.Run("keytab renews", func(t *testing.T) {
		t.Parallel()
		expiryKeytab(t, env, bin)
	})
	t.Run("ccache needs kinit", func(t *testing.T) {
		t.Parallel()
		expiryCCache(t, env, bin)
	})
}

// keytabTicketLifetime logs in from the keytab with gokrb5 under conf, as
// the daemon does, gets a ticket for spn, and returns the lifetimes the
// KDC granted to the TGT and to the service ticket.
func keytabTicketLifetime(t *testing.T, conf, ktPath, principal, spn string) (tgt, service time.Duration) {
	t.Helper()
	cfg, err := krbconfig.Load(conf)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.LibDefaults.TicketLifetime != expiryLife {
		t.Fatalf("gokrb5 read ticket_lifetime as %v from %s, want %v", cfg.LibDefaults.TicketLifetime, conf, expiryLife)
	}
	kt, err := keytab.Load(ktPath)
	if err != nil {
		t.Fatal(err)
	}
	user, realm, _ := strings.Cut(principal, "@")
	cl := krbclient.NewWithKeytab(user, realm, kt, cfg, krbclient.DisablePAFXFAST(true))
	defer cl.Destroy()
	if err := cl.Login(); err != nil {
		t.Fatalf("gokrb5 keytab login: %v", err)
	}
	if _, _, err := cl.GetServiceTicket(spn); err != nil {
		t.Fatalf("gokrb5 service ticket: %v", err)
	}
	// gokrb5 exposes ticket times only through Print (JSON sections). The
	// output also holds the keytab: it is parsed here, never logged.
	var b bytes.Buffer
	cl.Print(&b)
	section := func(name, next string) string {
		s := b.String()
		i := strings.Index(s, name+":\n")
		j := strings.Index(s, "\n"+next+":\n")
		if i < 0 || j < i {
			t.Fatalf("gokrb5 Print has no %q section", name)
		}
		return s[i+len(name)+2 : j]
	}
	var sessions []struct{ AuthTime, EndTime time.Time }
	if err := json.Unmarshal([]byte(section("TGT Sessions", "Service ticket cache")), &sessions); err != nil || len(sessions) != 1 {
		t.Fatalf("TGT sessions: %v (%d)", err, len(sessions))
	}
	var tickets []struct {
		SPN                string
		StartTime, EndTime time.Time
	}
	if err := json.Unmarshal([]byte(section("Service ticket cache", "Settings")), &tickets); err != nil || len(tickets) != 1 {
		t.Fatalf("service tickets: %v (%d)", err, len(tickets))
	}
	return sessions[0].EndTime.Sub(sessions[0].AuthTime), tickets[0].EndTime.Sub(tickets[0].StartTime)
}

// expiryDaemon runs `smb3fs mount ... --foreground` with extraEnv, its
// stderr (audit lines and logged errors) going to the returned file, and
// waits until dir is mounted.
type expiryDaemon struct {
	bin, dir, log string
	cmd           *exec.Cmd
	exited        chan error
}

func startExpiryDaemon(t *testing.T, bin, unc, dir string, extraEnv []string, flags ...string) *expiryDaemon {
	t.Helper()
	d := &expiryDaemon{bin: bin, dir: dir, log: filepath.Join(t.TempDir(), "daemon.log"), exited: make(chan error, 1)}
	logf, err := os.Create(d.log)
	if err != nil {
		t.Fatal(err)
	}
	defer logf.Close()
	d.cmd = exec.Command(bin, append([]string{"mount", unc, dir, "--foreground"}, flags...)...)
	d.cmd.Env = append(os.Environ(), extraEnv...)
	d.cmd.Stdout, d.cmd.Stderr = logf, logf
	if err := d.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { d.exited <- d.cmd.Wait() }()
	t.Cleanup(func() {
		if m, _ := isMounted(dir); m {
			exec.Command(bin, "unmount", "--lazy", dir).Run()
		}
		d.cmd.Process.Kill()
	})
	for deadline := time.Now().Add(time.Minute); ; {
		if m, _ := isMounted(dir); m {
			return d
		}
		select {
		case err := <-d.exited:
			t.Fatalf("mount exited (%v) before the share was mounted:\n%s", err, d.text())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatal("not mounted after a minute")
		}
	}
}

func (d *expiryDaemon) text() string {
	b, _ := os.ReadFile(d.log)
	return string(b)
}

// stop unmounts and waits for the daemon to exit.
func (d *expiryDaemon) stop(t *testing.T) {
	t.Helper()
	if out, err := exec.Command(d.bin, "unmount", d.dir).CombinedOutput(); err != nil {
		t.Errorf("unmount: %v: %s", err, out)
	}
	select {
	case err := <-d.exited:
		if err != nil {
			t.Errorf("daemon exit: %v", err)
		}
	case <-time.After(time.Minute):
		t.Error("the mount daemon did not exit within a minute of the unmount")
	}
}

// logRecord is one slog text line of the daemon.
type logRecord struct {
	time  time.Time
	msg   string
	attrs map[string]string
}

var logAttr = regexp.MustCompile(`([A-Za-z_]+)=("(?:[^"\\]|\\.)*"|\S*)`)

// records parses the daemon's slog lines (other lines are skipped).
func (d *expiryDaemon) records(t *testing.T) []logRecord {
	t.Helper()
	var rs []logRecord
	sc := bufio.NewScanner(strings.NewReader(d.text()))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "time=") {
			continue
		}
		r := logRecord{attrs: map[string]string{}}
		for _, m := range logAttr.FindAllStringSubmatch(line, -1) {
			v := m[2]
			if strings.HasPrefix(v, `"`) {
				u, err := strconv.Unquote(v)
				if err != nil {
					t.Fatalf("log line %q: %s: %v", line, m[1], err)
				}
				v = u
			}
			r.attrs[m[1]] = v
		}
		r.msg = r.attrs["msg"]
		r.time, _ = time.Parse(time.RFC3339Nano, r.attrs["time"])
		rs = append(rs, r)
	}
	return rs
}

// expiryWatchdog calls an operation that has not returned within
// expiryOpBound a hang: it fails the test and aborts the FUSE connection,
// so that the operation returns and the test ends.
type expiryWatchdog struct {
	start atomic.Int64 // unix nanos the current operation started; 0 when idle
	op    atomic.Value // string
	hung  atomic.Bool
	stop  chan struct{}
	done  sync.WaitGroup
}

func newExpiryWatchdog(t *testing.T, dir string) *expiryWatchdog {
	w := &expiryWatchdog{stop: make(chan struct{})}
	w.done.Add(1)
	go func() {
		defer w.done.Done()
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			select {
			case <-w.stop:
				return
			case <-tick.C:
			}
			if st := w.start.Load(); st != 0 && time.Since(time.Unix(0, st)) > expiryOpBound && w.hung.CompareAndSwap(false, true) {
				op, _ := w.op.Load().(string)
				t.Errorf("HANG: %s has not returned after %v", op, expiryOpBound)
				t.Logf("aborting the FUSE connection: %v", testenv.AbortFUSE(dir))
			}
		}
	}()
	t.Cleanup(func() { close(w.stop); w.done.Wait() })
	return w
}

// do runs one file operation under the watchdog.
func (w *expiryWatchdog) do(op string, fn func() error) error {
	w.op.Store(op)
	w.start.Store(time.Now().UnixNano())
	defer w.start.Store(0)
	return fn()
}

// expiryReconnects returns the daemon's "reconnected" records whose reason
// is the session expiry.
func expiryReconnects(rs []logRecord) []logRecord {
	var out []logRecord
	for _, r := range rs {
		if r.msg == "smb3fs: reconnected" && strings.Contains(r.attrs["reason"], "STATUS_NETWORK_SESSION_EXPIRED") {
			out = append(out, r)
		}
	}
	return out
}

// expiryRecord is the size of one record written to the long-open file.
const expiryRecord = 4096

// expiryReason is the reason the daemon logs for a reconnect after the
// server answered STATUS_NETWORK_SESSION_EXPIRED, however it started.
const expiryReason = "smb2: session expired (STATUS_NETWORK_SESSION_EXPIRED), re-authenticating"

// expiryKeytab: a keytab mount with 3-minute tickets keeps working for more
// than two lifetimes, reconnecting on each expiry, reclaiming the open file.
func expiryKeytab(t *testing.T, env *testenv.Environment, bin string) {
	bob := env.User(t, "bob")
	if bob.Keytab == "" {
		t.Fatal("bob has no keytab in env.json")
	}
	conf := env.Krb5ConfLifetime(t, expiryLife)
	tgtLife, svcLife := keytabTicketLifetime(t, conf, bob.Keytab, bob.Principal, "cifs/"+env.DC.Host)
	t.Logf("gokrb5 keytab login with ticket_lifetime=%v: the KDC granted a TGT for %v and a service ticket for %v", expiryLife, tgtLife, svcLife)
	if svcLife > expiryMaxLife || tgtLife > expiryMaxLife {
		t.Fatalf("the KDC granted tickets longer than %v: the test cannot see them expire twice", expiryMaxLife)
	}

	share := env.Shares.Encrypted
	dir := t.TempDir()
	start := time.Now()
	d := startExpiryDaemon(t, bin, "//"+env.DC.Host+"/"+share, dir,
		[]string{"KRB5_CONFIG=" + conf, "KRB5CCNAME=FILE:" + filepath.Join(t.TempDir(), "unused-ccache")},
		"--keytab", bob.Keytab, "--principal", bob.Principal,
		"-o", fmt.Sprintf("timeout=%d", expiryTimeout))
	wd := newExpiryWatchdog(t, dir)

	top := env.ScratchName(t, share, "expiry-keytab")
	onDisk := filepath.Join(env.ShareDirs[share], top)
	if err := os.Mkdir(filepath.Join(dir, top), 0o755); err != nil {
		t.Fatal(err)
	}
	long, err := os.OpenFile(filepath.Join(dir, top, "long.bin"), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer long.Close()

	var (
		records  int
		newFiles = map[string][]byte{}
		failures int
		fail     = func(format string, a ...any) {
			failures++
			t.Errorf(format, a...)
		}
	)
	deadline := start.Add(2*expiryMaxLife + 2*time.Minute)
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for i := 0; ; i++ {
		// One record to the long-open file, on the server when fsync
		// returns. After a failure the file's contents are unknown: no
		// more records.
		if records == i {
			rec := soakContent(uint64(i), expiryRecord)
			err := wd.do(fmt.Sprintf("write record %d", i), func() error {
				if _, err := long.WriteAt(rec, int64(i)*expiryRecord); err != nil {
					return err
				}
				return long.Sync()
			})
			if err != nil {
				fail("%v after %v: long-open file: record %d: %v", time.Now().Format(time.TimeOnly), time.Since(start).Round(time.Second), i, err)
			} else {
				records = i + 1
			}
		}
		// One new file, written, closed and read back.
		name := fmt.Sprintf("new-%04d.bin", i)
		data := soakContent(uint64(1_000_000+i), 1000+37*i)
		err := wd.do("new file "+name, func() error {
			p := filepath.Join(dir, top, name)
			if err := writeSynced(p, data); err != nil {
				return err
			}
			got, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if !bytes.Equal(got, data) {
				return errors.New("read back different bytes")
			}
			return nil
		})
		if err != nil {
			fail("%v after %v: %s: %v", time.Now().Format(time.TimeOnly), time.Since(start).Round(time.Second), name, err)
		} else {
			newFiles[name] = data
		}
		if failures > 20 || wd.hung.Load() {
			t.Fatalf("giving up after %d failed operations; daemon log:\n%s", failures, d.text())
		}
		if time.Since(start) > 2*expiryLife && len(expiryReconnects(d.records(t))) >= 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no two session-expiry reconnects within %v; daemon log:\n%s", deadline.Sub(start), d.text())
		}
		<-tick.C
	}
	elapsed := time.Since(start)

	// Every record through the handle that stayed open, through a new
	// open, and on the server's disk.
	want := make([]byte, 0, records*expiryRecord)
	for i := 0; i < records; i++ {
		want = append(want, soakContent(uint64(i), expiryRecord)...)
	}
	got := make([]byte, len(want)+1)
	n, err := long.ReadAt(got, 0)
	if n != len(want) || !bytes.Equal(got[:n], want) {
		t.Errorf("long-open file read through its handle: %d bytes (%v), want %d written; equal=%v", n, err, len(want), bytes.Equal(got[:min(n, len(want))], want[:min(n, len(want))]))
	}
	if err := long.Close(); err != nil {
		t.Errorf("close of the long-open file: %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, top, "long.bin")); err != nil || !bytes.Equal(b, want) {
		t.Errorf("long.bin through a new open: %d bytes (%v), want %d", len(b), err, len(want))
	}
	if b, err := os.ReadFile(filepath.Join(onDisk, "long.bin")); err != nil || !bytes.Equal(b, want) {
		t.Errorf("long.bin on the server's disk: %d bytes (%v), want %d", len(b), err, len(want))
	}
	var verified int
	for name, data := range newFiles {
		b, err := os.ReadFile(filepath.Join(onDisk, name))
		if err != nil || !bytes.Equal(b, data) {
			t.Errorf("%s on the server's disk: %d bytes (%v), want %d", name, len(b), err, len(data))
			continue
		}
		verified += len(b)
	}
	d.stop(t)

	// The daemon's log: two reconnects for the session expiry, each
	// reclaiming the long-open file; nothing lost, failed or refused.
	rs := d.records(t)
	exp := expiryReconnects(rs)
	var established time.Time
	for _, r := range rs {
		switch r.msg {
		case "smb3fs: connection established":
			established = r.time
		case "smb3fs: reconnected":
			t.Logf("reconnected at +%v: reason=%q attempts=%s duration=%s reopened_files=%q lost=%s",
				r.time.Sub(established).Round(time.Second), r.attrs["reason"], r.attrs["attempts"], r.attrs["duration"], r.attrs["reopened_files"], r.attrs["lost"])
		case "smb3fs: reconnect failed", "smb3fs: reconnect refused":
			t.Errorf("%s: %s", r.msg, r.attrs["error"])
		}
	}
	if len(exp) < 2 {
		t.Errorf("%d reconnects for the session expiry in the daemon's log, want at least 2", len(exp))
	}
	for _, r := range exp {
		if r.attrs["reason"] != expiryReason {
			t.Errorf("reconnect at %v: reason %q, want %q", r.time, r.attrs["reason"], expiryReason)
		}
		if r.attrs["lost"] != "0" {
			t.Errorf("reconnect at %v lost handles: %s", r.time, r.attrs["lost_files"])
		}
		if !strings.Contains(r.attrs["reopened_files"], top+`\long.bin`) {
			t.Errorf("reconnect at %v did not reopen the long-open file: reopened_files=%q", r.time, r.attrs["reopened_files"])
		}
	}
	t.Logf("%v: %d records to the long-open file, %d new files (%d bytes) verified on the server's disk, %d session-expiry reconnects",
		elapsed.Round(time.Second), records, len(newFiles), verified, len(exp))
	if t.Failed() {
		t.Logf("daemon log:\n%s", d.text())
	}
}

// expiryKinit gets a ticket for u into the cache cc (lifetime "" for the
// KDC's default), the password on kinit's stdin.
func expiryKinit(t *testing.T, env *testenv.Environment, u *testenv.User, cc, lifetime string) {
	t.Helper()
	args := []string{"-c", "FILE:" + cc}
	if lifetime != "" {
		args = append(args, "-l", lifetime)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := env.Command(ctx, "kinit", append(args, u.Principal)...)
	cmd.Stdin = strings.NewReader(u.Password + "\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("kinit %s: %v\n%s", u.Principal, err, out)
	}
}

// ccacheEnd returns when the cache's TGT was issued and when it ends.
func ccacheEnd(t *testing.T, cc string) (start, end time.Time) {
	t.Helper()
	c, err := credentials.LoadCCache(cc)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range c.GetEntries() {
		if strings.HasPrefix(e.Server.PrincipalName.PrincipalNameString(), "krbtgt/") {
			return e.StartTime, e.EndTime
		}
	}
	t.Fatalf("no TGT in %s", cc)
	return
}

// expiryCCache: a mount from a ticket cache whose ticket expires fails
// clearly (EACCES, "run kinit") and works again after kinit.
func expiryCCache(t *testing.T, env *testenv.Environment, bin string) {
	alice := env.User(t, "alice")
	cc := filepath.Join(t.TempDir(), "ccache-alice")
	expiryKinit(t, env, alice, cc, fmt.Sprintf("%ds", int(expiryLife/time.Second)))
	tgtStart, tgtEnd := ccacheEnd(t, cc)
	t.Logf("kinit -l %v: the KDC granted a TGT for %v (ends %s)", expiryLife, tgtEnd.Sub(tgtStart), tgtEnd.Format(time.TimeOnly))
	if tgtEnd.Sub(tgtStart) > expiryMaxLife {
		t.Fatalf("the KDC granted a TGT longer than %v", expiryMaxLife)
	}

	share := env.Shares.Encrypted
	dir := t.TempDir()
	d := startExpiryDaemon(t, bin, "//"+env.DC.Host+"/"+share, dir,
		[]string{"KRB5_CONFIG=" + env.KRB5Conf, "KRB5CCNAME=FILE:" + cc}, "-o", fmt.Sprintf("actimeo=0,timeout=%d", expiryTimeout))
	wd := newExpiryWatchdog(t, dir)

	top := env.ScratchName(t, share, "expiry-ccache")
	onDisk := filepath.Join(env.ShareDirs[share], top)
	if err := os.Mkdir(filepath.Join(dir, top), 0o755); err != nil {
		t.Fatal(err)
	}
	before := filepath.Join(dir, top, "before.txt")
	if err := writeSynced(before, []byte("written before the ticket expired\n")); err != nil {
		t.Fatal(err)
	}
	// The mount works until the ticket ends (a stat every 10 s, stopping
	// short of the end).
	for time.Until(tgtEnd) > 15*time.Second {
		if err := wd.do("stat before expiry", func() error { _, err := os.Stat(before); return err }); err != nil {
			t.Fatalf("stat %v before the ticket ends: %v", time.Until(tgtEnd).Round(time.Second), err)
		}
		time.Sleep(min(10*time.Second, time.Until(tgtEnd)-15*time.Second+time.Millisecond))
	}
	time.Sleep(time.Until(tgtEnd) + 5*time.Second)

	// Expired: every operation fails with EACCES, promptly.
	newName := filepath.Join(dir, top, "during.txt")
	for _, op := range []struct {
		name string
		fn   func() error
	}{
		{"stat", func() error { _, err := os.Stat(before); return err }},
		{"read", func() error { _, err := os.ReadFile(before); return err }},
		{"create", func() error { return writeSynced(newName, []byte("x")) }},
		{"readdir", func() error { _, err := os.ReadDir(filepath.Join(dir, top)); return err }},
		{"stat again", func() error { _, err := os.Stat(before); return err }},
	} {
		t0 := time.Now()
		err := wd.do(op.name+" after expiry", op.fn)
		t.Logf("%s after the ticket expired: %v (%v)", op.name, err, time.Since(t0).Round(time.Millisecond))
		if !errors.Is(err, syscall.EACCES) {
			t.Errorf("%s after the ticket expired: %v, want EACCES", op.name, err)
		}
	}
	if _, err := os.Stat(filepath.Join(onDisk, "during.txt")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("during.txt on the server's disk: %v, want it absent", err)
	}
	// The log says what the user got and what to do, once per message:
	// "smb3fs: cannot authenticate, reported as EACCES: ... (run kinit)".
	log := d.text()
	var said bool
	for _, l := range strings.Split(log, "\n") {
		if strings.Contains(l, "reported as EIO") {
			t.Errorf("the daemon's log calls an error EIO: %s", l)
		}
		said = said || strings.Contains(l, "smb3fs: cannot authenticate, reported as EACCES: ") && strings.Contains(l, "(run kinit)")
	}
	if !said {
		t.Errorf("the daemon's log does not say the operations got EACCES and to run kinit:\n%s", log)
	}
	if strings.Contains(log, alice.Password) {
		t.Error("the daemon's log contains alice's password")
	}

	// kinit into the same cache: the same mount works again.
	expiryKinit(t, env, alice, cc, "")
	for _, op := range []struct {
		name string
		fn   func() error
	}{
		{"stat", func() error { _, err := os.Stat(before); return err }},
		{"read", func() error {
			b, err := os.ReadFile(before)
			if err == nil && string(b) != "written before the ticket expired\n" {
				err = fmt.Errorf("read %q", b)
			}
			return err
		}},
		{"create", func() error {
			return writeSynced(filepath.Join(dir, top, "after.txt"), []byte("written after kinit\n"))
		}},
		{"readdir", func() error {
			ents, err := os.ReadDir(filepath.Join(dir, top))
			if err == nil && len(ents) != 2 {
				err = fmt.Errorf("%d entries, want before.txt and after.txt", len(ents))
			}
			return err
		}},
	} {
		if err := wd.do(op.name+" after kinit", op.fn); err != nil {
			t.Errorf("%s after kinit: %v", op.name, err)
		}
	}
	if b, err := os.ReadFile(filepath.Join(onDisk, "after.txt")); err != nil || string(b) != "written after kinit\n" {
		t.Errorf("after.txt on the server's disk: %q, %v", b, err)
	}
	select {
	case err := <-d.exited:
		t.Fatalf("the daemon exited (%v): the mount was not the same one", err)
	default:
	}
	d.stop(t)

	rs := d.records(t)
	var reconnected, failed int
	for _, r := range rs {
		switch r.msg {
		case "smb3fs: reconnected":
			reconnected++
			t.Logf("reconnected: reason=%q attempts=%s", r.attrs["reason"], r.attrs["attempts"])
		case "smb3fs: reconnect failed":
			failed++
			t.Logf("reconnect failed: reason=%q error=%q", r.attrs["reason"], r.attrs["error"])
			if r.attrs["reason"] != expiryReason {
				t.Errorf("reconnect failed: reason %q, want %q", r.attrs["reason"], expiryReason)
			}
			if !strings.Contains(r.attrs["error"], "run kinit") {
				t.Errorf("reconnect failed without saying to run kinit: %q", r.attrs["error"])
			}
		case "smb3fs: reconnect refused":
			t.Errorf("reconnect refused: %s", r.attrs["error"])
		}
	}
	if failed == 0 || reconnected != 1 {
		t.Errorf("%d failed reconnects (want at least 1, with the expired ticket) and %d reconnects (want 1, after kinit)", failed, reconnected)
	}
	if t.Failed() {
		t.Logf("daemon log:\n%s", d.text())
	}
}
