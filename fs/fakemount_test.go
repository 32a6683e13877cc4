//go:build linux

package fs_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/hanwen/go-fuse/v2/fuse"
	"golang.org/x/sys/unix"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/smbtest"
	"github.com/smb3fs/smb3fs/client/wire"
	smbfs "github.com/smb3fs/smb3fs/fs"
)

// A real FUSE mount over the in-memory server (client/smbtest): no Samba,
// no network, so it runs in unit-only runs. Every syscall a test makes on
// it goes through a watchdog (fakeMount.do): a call that outlives it is a
// hang, reported as a failure, after which the server stops lying and
// drops its connections so that the call returns and the mount can be
// unmounted.

// fakeTimeout is the client's request timeout on fake mounts, and
// watchdogFactor times it the watchdog of each syscall: more than any call
// needs, so only a hang trips it. A call that waits out the client's
// timeout and reconnects once takes about two of it; one that meets a
// server withholding acknowledged answers waits out one async cap (four
// timeouts, client.Conn.wait), however many requests and syscalls it
// makes in a row (os.Rename: lstat, then rename), which fs/doc.go states.
const (
	fakeTimeout    = 2 * time.Second
	watchdogFactor = 5
)

// errHung is what fakeMount.do returns for a call that outlived its
// watchdog; the test has already failed.
var errHung = errors.New("hung: no answer within the watchdog")

// fakeMount is a mount of a fake server's share "share" (encrypted, as
// the strict policy requires) in a temporary directory.
type fakeMount struct {
	t   *testing.T
	srv *smbtest.Server
	cl  *client.Client
	dir string
	fs  *fuse.Server
	// watchdog is how long one syscall may take.
	watchdog time.Duration
	// abortPath is the mount's abort file in the fuse control file
	// system (fusectl), "" where it is not mounted.
	abortPath string
	// unmounted: unmountFS ran (once).
	unmounted sync.Once

	mu sync.Mutex
	// hung: a call outlived its watchdog (the test failed); stuck: one
	// did not return even after the rescue, and nothing more is run.
	hung, stuck bool
	// calls are the syscalls running, by what they do.
	calls map[string]int
}

// running returns what the calls running now do.
func (m *fakeMount) running() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []string
	for what := range m.calls {
		out = append(out, what)
	}
	return out
}

// mountFake starts a fake server that serves what a mount needs and
// mounts its share; cleanup unmounts and stops both.
func mountFake(t *testing.T, opts smbfs.Options) *fakeMount {
	t.Helper()
	return mountFakeOn(t, &smbtest.Server{}, opts)
}

// mountFakeOn mounts the share of srv, a server the caller set up (files,
// Leasing, ShareModes, ...): FileSystem is switched on and, when it names
// none, the share "share" exists with encryption required. tweak, if any,
// changes the client's options (the watchdog follows their Timeout).
// Cleanup unmounts and stops the client and srv.
func mountFakeOn(t *testing.T, srv *smbtest.Server, opts smbfs.Options, tweak ...func(*client.Options)) *fakeMount {
	t.Helper()
	ensureFusectl(t)
	srv.FileSystem = true
	if srv.ShareFlags == nil {
		srv.ShareFlags = map[string]uint32{"share": wire.ShareFlagEncryptData}
	}
	newMech := func() (auth.Mechanism, error) { return &smbtest.Mechanism{IsMutual: true}, nil }
	mech, _ := newMech()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	copts := client.Options{Server: "fake", Policy: client.StrictPolicy(), Mechanism: mech,
		NewMechanism: newMech, Dial: srv.Dial, Timeout: fakeTimeout}
	for _, f := range tweak {
		f(&copts)
	}
	cl, err := client.Dial(ctx, copts)
	if err != nil {
		srv.Close()
		t.Fatalf("Dial: %v", err)
	}
	tree, err := cl.Connect(ctx, "share")
	if err != nil {
		cl.Close()
		srv.Close()
		t.Fatalf("Connect: %v", err)
	}
	dir := t.TempDir()
	opts.FsName = "//fake/share"
	fsrv, err := smbfs.Mount(dir, tree, opts)
	if err != nil {
		cl.Close()
		srv.Close()
		t.Fatalf("Mount: %v", err)
	}
	m := &fakeMount{t: t, srv: srv, cl: cl, dir: dir, fs: fsrv, watchdog: watchdogFactor * copts.Timeout,
		abortPath: fuseAbortPath(dir)}
	t.Cleanup(m.unmount)
	return m
}

// unmount stops lying, unmounts (detaching a mount a hung call keeps busy)
// and closes the client and the server.
func (m *fakeMount) unmount() {
	m.unmountFS()
	m.cl.Close()
	m.srv.Close()
}

// unmountFS unmounts, once, and waits until the file system is done: what
// the mount does at its end (closing the handles it kept open) is done by
// then. The client and the server stay up, so a test can look at what the
// server holds afterwards.
func (m *fakeMount) unmountFS() {
	m.unmounted.Do(func() {
		m.srv.SetHostile(smbtest.Hostile{})
		m.srv.SetIntercept(nil)
		if m.isHung() {
			m.srv.Cut()
		}
		done := make(chan error, 1)
		go func() { done <- m.fs.Unmount() }()
		var err error
		select {
		case err = <-done:
		case <-time.After(m.watchdog):
			// Unmounted, but the kernel keeps the connection (and
			// go-fuse's read loops, which Unmount waits for): a
			// process that made a mount namespace meanwhile (ip
			// netns exec, as the live tests' scripts/testenv exec
			// does) holds a copy of the mount. Abort it.
			m.t.Logf("unmount still waiting after %v for the FUSE connection to end (a copy of the mount in another mount namespace?): aborting it", m.watchdog)
			m.abort()
			err = <-done
		}
		if err != nil {
			m.t.Errorf("Unmount: %v", err)
			m.abort()
			syscall.Unmount(m.dir, syscall.MNT_DETACH)
		} else {
			m.fs.Wait()
		}
	})
}

func (m *fakeMount) isHung() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.hung
}

func (m *fakeMount) isStuck() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.stuck
}

// do runs one syscall (fn) with the watchdog. A call that outlives it
// fails the test; the server then stops lying and cuts its connections
// (the client fails the call's requests, reconnects and resends what it
// may), so that the call returns and the test can go on: do returns
// errHung. Once a call did not return even then, do runs nothing more.
func (m *fakeMount) do(what string, fn func() error) error {
	if m.isStuck() {
		return errHung
	}
	m.mu.Lock()
	if m.calls == nil {
		m.calls = map[string]int{}
	}
	m.calls[what]++
	m.mu.Unlock()
	done := make(chan error, 1)
	go func() {
		err := fn()
		m.mu.Lock()
		if m.calls[what]--; m.calls[what] == 0 {
			delete(m.calls, what)
		}
		m.mu.Unlock()
		done <- err
	}()
	timer := time.NewTimer(m.watchdog)
	defer timer.Stop()
	select {
	case err := <-done:
		return err
	case <-timer.C:
	}
	m.mu.Lock()
	m.hung = true
	m.mu.Unlock()
	m.t.Errorf("%s: no answer within %v (server lying with %+v)", what, m.watchdog, m.srv.Hostile())
	m.srv.SetHostile(smbtest.Hostile{})
	m.srv.Cut()
	select {
	case <-done:
	case <-time.After(m.watchdog):
		m.t.Errorf("%s: still no answer %v after the server stopped lying and cut its connections; aborting the FUSE connection", what, m.watchdog)
		m.mu.Lock()
		m.stuck = true
		m.mu.Unlock()
		m.abort()
	}
	return errHung
}

// abort aborts the mount's FUSE connection (fusectl): every request
// waiting in the kernel fails with ENOTCONN. A process cannot otherwise
// exit while one of its threads waits on a request to its own mount.
func (m *fakeMount) abort() {
	if m.abortPath != "" {
		os.WriteFile(m.abortPath, []byte("1"), 0)
	}
}

// fusectlDir is where the fuse control file system shows each FUSE
// connection, with an abort file.
const fusectlDir = "/sys/fs/fuse/connections"

// ensureFusectl mounts the fuse control file system where it is missing:
// `ip netns exec` (the test namespace of make test) gives the process a
// sysfs without it. Without it a hung call cannot be aborted, and a child
// that exits while one of its threads waits on its own mount never ends
// (the thread holds /dev/fuse open, so the kernel waits for an answer only
// the exiting process could give).
func ensureFusectl(t *testing.T) {
	if _, err := os.Stat(fusectlDir); err != nil {
		t.Logf("no %s: hung calls cannot be aborted (%v)", fusectlDir, err)
		return
	}
	mi, err := os.ReadFile("/proc/self/mountinfo")
	if err == nil && strings.Contains(string(mi), " "+fusectlDir+" ") {
		return
	}
	if err := syscall.Mount("fusectl", fusectlDir, "fusectl", 0, ""); err != nil && !errors.Is(err, syscall.EBUSY) {
		t.Logf("mount fusectl on %s: %v: hung calls cannot be aborted", fusectlDir, err)
	}
}

// fuseAbortPath returns the abort file of the FUSE connection mounted at
// dir, or "" without fusectl.
func fuseAbortPath(dir string) string {
	var st syscall.Stat_t
	if err := syscall.Stat(dir, &st); err != nil {
		return ""
	}
	p := fmt.Sprintf("%s/%d/abort", fusectlDir, unix.Minor(st.Dev))
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// abortMountsUnder aborts the FUSE connections of the mounts below dir
// (a child process's) and detaches them.
func abortMountsUnder(dir string) {
	data, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		return
	}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) < 5 || !strings.HasPrefix(f[4], dir+"/") {
			continue
		}
		var maj, min uint32
		if _, err := fmt.Sscanf(f[2], "%d:%d", &maj, &min); err == nil {
			os.WriteFile(fmt.Sprintf("/sys/fs/fuse/connections/%d/abort", min), []byte("1"), 0)
		}
		syscall.Unmount(f[4], syscall.MNT_DETACH)
	}
}

func (m *fakeMount) path(name string) string { return m.dir + "/" + name }

// readDir lists dir in batches, each getdents under the watchdog, and
// stops after limit entries (a listing that never ends must not make the
// test's own copy of it endless). more says whether it stopped early.
func (m *fakeMount) readDir(what, dir string, limit int) (ents []os.DirEntry, more bool, err error) {
	var f *os.File
	if err := m.do("open "+what, func() (err error) { f, err = os.Open(dir); return err }); err != nil {
		return nil, false, err
	}
	defer m.do("close "+what, f.Close)
	for len(ents) < limit {
		var batch []os.DirEntry
		err := m.do("readdir "+what, func() (err error) { batch, err = f.ReadDir(min(500, limit-len(ents))); return err })
		ents = append(ents, batch...)
		if err == io.EOF {
			return ents, false, nil
		}
		if err != nil {
			return ents, false, err
		}
	}
	return ents, true, nil
}

// quiesce waits until the kernel has no request of the mount waiting for
// an answer (fusectl's waiting count is 0): the releases the kernel sends
// in the background after close(2) returned have been answered. A test
// that runs nothing else on the mount meanwhile knows that every handle
// it closed reached Release.
func (m *fakeMount) quiesce() {
	m.t.Helper()
	if m.abortPath == "" {
		m.t.Fatalf("no fusectl: cannot tell when the kernel's releases are done")
	}
	waiting := strings.TrimSuffix(m.abortPath, "abort") + "waiting"
	deadline := time.Now().Add(m.watchdog)
	for {
		b, err := os.ReadFile(waiting)
		if err != nil {
			m.t.Fatalf("quiesce: %v", err)
		}
		if strings.TrimSpace(string(b)) == "0" {
			return
		}
		if time.Now().After(deadline) {
			m.t.Fatalf("quiesce: %s FUSE requests still waiting after %v", strings.TrimSpace(string(b)), m.watchdog)
		}
		time.Sleep(time.Millisecond)
	}
}

// mark returns the number of requests the server has seen so far, for
// seen.
func (m *fakeMount) mark() int { return len(m.srv.Records()) }

// seen returns the requests the server saw since mark was taken that
// have command cmd (any when 0, which leaves NEGOTIATE out of reach) and,
// when path is not "", act on path (share-relative, backslashes).
func (m *fakeMount) seen(mark int, cmd wire.Command, path string) []smbtest.Record {
	var out []smbtest.Record
	for _, r := range m.srv.Records()[mark:] {
		if (cmd == 0 || r.Command == cmd) && (path == "" || r.Path == path) {
			out = append(out, r)
		}
	}
	return out
}

// pollUntil calls cond until it returns true, failing the test when it
// has not within the deadline (a bound on a wait, not an assertion on how
// long anything takes).
func pollUntil(t *testing.T, what string, deadline time.Duration, cond func() bool) {
	t.Helper()
	end := time.Now().Add(deadline)
	for !cond() {
		if time.Now().After(end) {
			t.Fatalf("%s: not within %v", what, deadline)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
