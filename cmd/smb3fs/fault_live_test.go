//go:build linux

package main

// Fault injection through a real mount against real Samba (issue 7).
//
// Each case mounts the encrypted share with a short request timeout,
// starts a large copy onto the mount in a child process (dd conv=fsync),
// injects one fault partway, and checks the invariant:
//
//   - the copy ends within a bound derived from the mount's timeout (never
//     a hang; a watchdog kills it and aborts the FUSE connection if not);
//   - exit 0: the file on the server's disk has the source's SHA-256;
//   - otherwise: dd reports an errno (EIO, ETIMEDOUT, ...);
//   - the mount then unmounts cleanly, its daemon exits, no process is left
//     in D state, and a fresh mount works.
//
// Today a dropped connection makes later requests fail (EIO); once
// reconnect and durable reopen land, copies may complete instead. Both are
// accepted; each case logs its outcome ("outcome: ...") so the test can be
// tightened later.
//
// The faults touch only this test's traffic: the mount daemon runs in a
// client network of its own (testenv.ClientNet), the smbd that is killed
// or stopped is the child Samba forked for this mount's connection (found
// by the client network's address), and the proxy case listens on a port
// of its own.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/smb3fs/smb3fs/internal/mitm"
	"github.com/smb3fs/smb3fs/internal/testenv"
)

const (
	// faultFileSize is the size of the copied file.
	faultFileSize = 128 << 20
	// faultTimeout is the mount's timeout= (seconds per request).
	faultTimeout = 6 * time.Second
	// faultInjectAt: the fault comes once this much of the file is on the
	// server's disk.
	faultInjectAt = 16 << 20
	// faultProxyCut: the proxy cuts the first connection after this many
	// client-to-server messages (negotiate, session setup, tree connect,
	// create, then writes of at most 1 MiB each: well inside the copy).
	faultProxyCut = 64
	// faultRate limits the client network so that the copy lasts seconds,
	// not the 0.4 s it takes over an unlimited veth: a fault then lands
	// with most of the file still to go (about 7 s for 128 MiB here).
	faultRate = "400mbit"
	// faultProxyDelay slows the proxy the same way: a pause per message
	// to the server (a write of up to 1 MiB).
	faultProxyDelay = 30 * time.Millisecond
)

// faultErrBound is how long after the fault began a copy that fails may
// take to report it: the fault itself, then a few request timeouts (the
// request in flight, the flush on close), plus slack for a loaded machine.
func faultErrBound(faultLen time.Duration) time.Duration {
	return faultLen + 4*faultTimeout + 20*time.Second
}

// faultWatchdog is how long a copy may run after the fault before the test
// calls it hung: long enough to finish the rest of the copy after a
// reconnect on a slow machine.
const faultWatchdog = 4 * time.Minute

// faultRun is the state of one case that its inject function sees.
type faultRun struct {
	env  *testenv.Environment
	cn   *testenv.ClientNet // nil for the proxy case
	smbd *testenv.Smbd      // the serving smbd child (nil for the proxy case)
	done <-chan struct{}    // closed when the copy has exited
}

// hold waits d, or less if the copy ends first.
func (r *faultRun) hold(d time.Duration) {
	select {
	case <-time.After(d):
	case <-r.done:
	}
}

type faultCase struct {
	name string
	// proxy: mount through a proxy that cuts the first connection after
	// faultProxyCut client messages, instead of a client network.
	proxy bool
	// mustComplete: the fault is within what the mount must ride out.
	mustComplete bool
	// check runs before mounting (e.g. skip when the kernel lacks netem).
	check func(t *testing.T, cn *testenv.ClientNet)
	// inject injects the fault and returns once it is over.
	inject func(t *testing.T, r *faultRun)
}

func faultCases() []faultCase {
	return []faultCase{
		{
			name: "smbd killed",
			inject: func(t *testing.T, r *faultRun) {
				if err := r.smbd.Kill(); err != nil {
					t.Fatal(err)
				}
				deadline := time.Now().Add(30 * time.Second)
				for !r.smbd.Gone() {
					if time.Now().After(deadline) {
						t.Fatalf("smbd %d still there 30 s after SIGKILL", r.smbd.Pid)
					}
					time.Sleep(50 * time.Millisecond)
				}
			},
		},
		{
			name: "smbd stopped past the timeout",
			inject: func(t *testing.T, r *faultRun) {
				if err := r.smbd.Stop(); err != nil {
					t.Fatal(err)
				}
				cont := func() {
					if err := r.smbd.Cont(); err != nil && !r.smbd.Gone() {
						t.Errorf("SIGCONT: %v", err)
					}
				}
				t.Cleanup(cont) // never leave a stopped smbd behind
				time.Sleep(2 * faultTimeout)
				cont()
			},
		},
		{
			name:         "smbd stopped shorter than the timeout",
			mustComplete: true,
			inject: func(t *testing.T, r *faultRun) {
				if err := r.smbd.Stop(); err != nil {
					t.Fatal(err)
				}
				cont := func() {
					if err := r.smbd.Cont(); err != nil && !r.smbd.Gone() {
						t.Errorf("SIGCONT: %v", err)
					}
				}
				t.Cleanup(cont)
				time.Sleep(faultTimeout / 4)
				cont()
			},
		},
		{
			name: "link down",
			inject: func(t *testing.T, r *faultRun) {
				if err := r.cn.Down(); err != nil {
					t.Fatal(err)
				}
				up := func() {
					if err := r.cn.Up(); err != nil {
						t.Errorf("link up: %v", err)
					}
				}
				r.hold(3 * faultTimeout)
				up()
			},
		},
		{
			name: "packet loss 30% (nft)",
			inject: func(t *testing.T, r *faultRun) {
				if err := r.cn.Loss(30); err != nil {
					t.Fatal(err)
				}
				r.hold(2 * faultTimeout)
				if err := r.cn.Loss(0); err != nil {
					t.Errorf("removing the loss: %v", err)
				}
			},
		},
		{
			name: "netem loss 30% delay 50ms",
			check: func(t *testing.T, cn *testenv.ClientNet) {
				err := cn.Netem("delay", "1ms")
				if errors.Is(err, testenv.ErrNetemUnavailable) {
					t.Skipf("skipped: %v (the nft loss case covers packet loss; nothing here can delay packets)", err)
				}
				if err != nil {
					t.Fatal(err)
				}
				if err := cn.Netem("off"); err != nil {
					t.Fatal(err)
				}
			},
			inject: func(t *testing.T, r *faultRun) {
				if err := r.cn.Netem("loss", "30%", "delay", "50ms"); err != nil {
					t.Fatal(err)
				}
				r.hold(2 * faultTimeout)
				if err := r.cn.Netem("off"); err != nil {
					t.Errorf("removing netem: %v", err)
				}
			},
		},
		{
			name:   fmt.Sprintf("proxy cuts after %d messages", faultProxyCut),
			proxy:  true,
			inject: func(*testing.T, *faultRun) {}, // the cut, awaited before
		},
	}
}

func TestLiveFaultCopy(t *testing.T) {
	env := testenv.Env(t)
	bin := testenv.DaemonBinary(t)
	cc := env.Kinit(t, "alice")
	src, sum := faultSource(t)
	for _, fc := range faultCases() {
		t.Run(strings.ReplaceAll(fc.name, " ", "_"), func(t *testing.T) {
			runFaultCase(t, env, bin, cc, src, sum, fc)
		})
	}
}

// faultSource writes faultFileSize random bytes to a temporary file and
// returns its path and SHA-256.
func faultSource(t *testing.T) (string, [32]byte) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "source")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	var seed [32]byte
	binaryTime := time.Now().UnixNano()
	for i := range 8 {
		seed[i] = byte(binaryTime >> (8 * i))
	}
	h := sha256.New()
	w := io.MultiWriter(f, h)
	r := rand.NewChaCha8(seed)
	buf := make([]byte, 1<<20)
	for n := 0; n < faultFileSize; n += len(buf) {
		r.Read(buf)
		if _, err := w.Write(buf); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	var sum [32]byte
	h.Sum(sum[:0])
	return p, sum
}

// strerrors maps strerror texts, as dd prints them, to errnos.
var strerrors = func() map[string]syscall.Errno {
	m := map[string]syscall.Errno{}
	for e := syscall.Errno(1); e < 200; e++ {
		if unix.ErrnoName(e) != "" {
			m[strings.ToLower(e.Error())] = e
		}
	}
	return m
}()

// faultErrnos are the errors a copy may fail with after a fault: each says
// that the I/O or the connection failed. An errno that claims something
// about the file instead (ENOENT, EACCES, EEXIST, ...) misleads the
// application and fails the test.
var faultErrnos = map[syscall.Errno]bool{
	syscall.EIO: true, syscall.ETIMEDOUT: true, syscall.ENOTCONN: true, syscall.ECONNRESET: true,
	syscall.ECONNABORTED: true, syscall.EHOSTUNREACH: true, syscall.ENETUNREACH: true,
	syscall.EPIPE: true, syscall.ESTALE: true,
}

// ddErrno returns the errno of the first of dd's error lines that ends in
// one ("dd: error writing 'x': Input/output error"), or 0.
func ddErrno(stderr string) syscall.Errno {
	for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
		i := strings.LastIndex(line, ": ")
		if i < 0 {
			continue
		}
		if e, ok := strerrors[strings.ToLower(strings.TrimSpace(line[i+2:]))]; ok {
			return e
		}
	}
	return 0
}

// daemonOf returns the pid of the background daemon serving the mount at
// dir (bin mount ... dir ... --foreground), or 0.
func daemonOf(bin, dir string) int {
	ents, _ := os.ReadDir("/proc")
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if exe, err := os.Readlink(filepath.Join("/proc", e.Name(), "exe")); err != nil || exe != bin {
			continue
		}
		cl, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err != nil {
			continue
		}
		args := strings.Split(string(cl), "\x00")
		hasDir, fg := false, false
		for _, a := range args {
			hasDir = hasDir || a == dir
			fg = fg || a == "--foreground"
		}
		if hasDir && fg {
			return pid
		}
	}
	return 0
}

// serverBytes returns how much of the file at p is on disk (allocated).
func serverBytes(p string) int64 {
	var st syscall.Stat_t
	if err := syscall.Stat(p, &st); err != nil {
		return 0
	}
	return st.Blocks * 512
}

func fileSHA256(p string) ([32]byte, int64, error) {
	var sum [32]byte
	f, err := os.Open(p)
	if err != nil {
		return sum, 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	h.Sum(sum[:0])
	return sum, n, err
}

// cutProxy starts a mitm.Proxy to the DC that cuts the first connection
// after n client messages, behind a forwarder listening on the DC's own
// address (a port of its own), so that the daemon can keep using the DC's
// host name (and Kerberos its SPN) with -o port=. It returns the port and
// a channel closed at the cut.
func cutProxy(t *testing.T, env *testenv.Environment, n int) (int, <-chan struct{}) {
	t.Helper()
	cut := make(chan struct{})
	var cutDone atomic.Bool
	hook := func(i int, f []byte) [][]byte {
		if i >= n && cutDone.CompareAndSwap(false, true) {
			close(cut)
			return mitm.Cut
		}
		if cutDone.Load() {
			return [][]byte{f}
		}
		time.Sleep(faultProxyDelay)
		return [][]byte{f}
	}
	px, err := mitm.Start(env.DC.SMBAddr(), hook, nil)
	if err != nil {
		t.Fatal(err)
	}
	return dcForwarder(t, env, px), cut
}

// dcForwarder listens on the DC's own address (a port of its own) and
// forwards each connection to px, so that a daemon can keep using the
// DC's host name (and Kerberos its SPN) with -o port=. It returns the
// port; cleanup closes px.
func dcForwarder(t *testing.T, env *testenv.Environment, px *mitm.Proxy) int {
	t.Helper()
	ln, err := net.Listen("tcp", net.JoinHostPort(env.DC.Addr, "0"))
	if err != nil {
		px.Close()
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var conns []net.Conn
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			p, err := net.Dial("tcp", px.Addr())
			if err != nil {
				c.Close()
				continue
			}
			mu.Lock()
			conns = append(conns, c, p)
			mu.Unlock()
			wg.Add(2)
			pipe := func(dst, src net.Conn) {
				defer wg.Done()
				io.Copy(dst, src)
				dst.Close()
				src.Close()
			}
			go pipe(p, c)
			go pipe(c, p)
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
		px.Close()
		wg.Wait()
	})
	return ln.Addr().(*net.TCPAddr).Port
}

func runFaultCase(t *testing.T, env *testenv.Environment, bin, cc, src string, sum [32]byte, fc faultCase) {
	share := env.Shares.Encrypted
	unc := "//" + env.DC.Host + "/" + share
	dir := t.TempDir()
	name := env.ScratchName(t, share, "fault")
	onServer := filepath.Join(env.ShareDirs[share], name)

	opts := fmt.Sprintf("timeout=%d", int(faultTimeout/time.Second))
	var cn *testenv.ClientNet
	var cut <-chan struct{}
	if fc.proxy {
		var port int
		port, cut = cutProxy(t, env, faultProxyCut)
		opts += fmt.Sprintf(",port=%d", port)
	} else {
		cn = env.ClientNet(t)
		if err := cn.Rate(faultRate); err != nil {
			t.Fatal(err)
		}
	}
	if fc.check != nil {
		fc.check(t, cn)
	}
	mountCmd := func() *exec.Cmd {
		cmd := exec.Command(bin, "mount", unc, dir, "-o", opts)
		cmd.Env = append(os.Environ(), "KRB5_CONFIG="+env.KRB5Conf, "KRB5CCNAME=FILE:"+cc)
		if cn != nil {
			cn.Enter(cmd)
		}
		return cmd
	}
	// Whatever happens, leave nothing mounted.
	t.Cleanup(func() {
		if m, _ := isMounted(dir); m {
			exec.Command(bin, "unmount", "--lazy", dir).Run()
		}
	})

	if out, code := runBounded(t, mountCmd(), time.Minute); code != 0 {
		t.Fatalf("mount: exit %d: %s", code, out)
	}
	daemon := daemonOf(bin, dir)
	if daemon == 0 {
		t.Fatalf("no daemon serves %s", dir)
	}
	r := &faultRun{env: env, cn: cn}
	if cn != nil {
		r.smbd = env.SmbdFor(t, cn.ClientAddr)
		// Leave no smbd behind holding this test's dead connection (after
		// a link cut the server may not learn of the client's end for
		// many minutes): kill it if it still serves this client network.
		t.Cleanup(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			found, _ := env.FindSmbd(ctx, cn.ClientAddr)
			for _, s := range found {
				if s.Pid == r.smbd.Pid {
					t.Logf("killing smbd %d, still holding the dead connection from %s", s.Pid, s.Peer)
					s.Kill()
				}
			}
		})
		t.Logf("mount daemon %d in %s (%s); served by smbd %d (parent %d)", daemon, cn.Netns, cn.ClientAddr, r.smbd.Pid, r.smbd.Parent)
	}

	// The copy, in a child process of its own (a hang is then visible).
	dd := exec.Command("dd", "if="+src, "of="+filepath.Join(dir, name), "bs=1M", "conv=fsync", "status=none")
	var ddErr bytes.Buffer
	dd.Stdout, dd.Stderr = io.Discard, &ddErr
	dd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	start := time.Now()
	if err := dd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var ddWaitErr error
	go func() { ddWaitErr = dd.Wait(); close(done) }()
	r.done = done
	ddPid := dd.Process.Pid
	t.Cleanup(func() { // after a Fatal: no copy left running
		syscall.Kill(-ddPid, syscall.SIGKILL)
		select {
		case <-done:
		case <-time.After(30 * time.Second):
		}
	})
	watchdog := func(limit time.Duration, what string) bool {
		select {
		case <-done:
			return true
		case <-time.After(limit):
		}
		st, _ := testenv.ProcState(ddPid)
		syscall.Kill(-ddPid, syscall.SIGKILL)
		select {
		case <-done:
			t.Errorf("HANG: the copy had not ended %v %s (state %c); killed it", limit, what, st)
		case <-time.After(10 * time.Second):
			err := testenv.AbortFUSE(dir)
			t.Errorf("HANG: the copy had not ended %v %s (state %c) and survived SIGKILL; FUSE connection aborted (%v)", limit, what, st, err)
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				t.Fatalf("dd %d still there after the FUSE abort", ddPid)
			}
		}
		return false
	}

	// Partway: once faultInjectAt bytes are on the server (the proxy case
	// cuts by message count on its own: wait for that).
	if fc.proxy {
		select {
		case <-cut:
		case <-done:
		case <-time.After(2 * time.Minute):
			t.Fatalf("no cut after 2 minutes (%d bytes on the server)", serverBytes(onServer))
		}
	} else {
		deadline := time.Now().Add(2 * time.Minute)
		for serverBytes(onServer) < faultInjectAt {
			select {
			case <-done:
				t.Fatalf("the copy ended (%v, %s) before %d bytes reached the server", ddWaitErr, ddErr.String(), faultInjectAt)
			case <-time.After(20 * time.Millisecond):
			}
			if time.Now().After(deadline) {
				t.Fatalf("after 2 minutes only %d bytes on the server", serverBytes(onServer))
			}
		}
	}
	if fc.proxy {
		select {
		case <-cut:
		default:
			t.Fatalf("the copy ended (%v, %s) before the proxy cut: nothing tested", ddWaitErr, ddErr.String())
		}
	} else {
		select {
		case <-done:
			t.Fatalf("the copy ended (%v, %s) before the fault: nothing tested", ddWaitErr, ddErr.String())
		default:
		}
	}
	atFault := serverBytes(onServer)
	faultAt := time.Now()
	fc.inject(t, r)
	faultLen := time.Since(faultAt)
	t.Logf("fault injected %.1fs into the copy, %d MiB of %d on the server; it lasted %.1fs",
		faultAt.Sub(start).Seconds(), atFault>>20, faultFileSize>>20, faultLen.Seconds())

	if !watchdog(faultWatchdog, "after the fault") {
		t.FailNow()
	}
	ended := time.Since(faultAt)
	if ddWaitErr == nil {
		got, n, err := fileSHA256(onServer)
		if err != nil {
			t.Fatalf("reading the copy on the server: %v", err)
		}
		if got != sum || n != faultFileSize {
			t.Errorf("SILENT CORRUPTION: dd exited 0 but the server's file has %d bytes, sha256 %s (want %d, %s)",
				n, hex.EncodeToString(got[:]), faultFileSize, hex.EncodeToString(sum[:]))
		} else {
			t.Logf("outcome: completed, identical bytes on the server (sha256 %s), %.1fs after the fault began, %.1fs in all",
				hex.EncodeToString(sum[:8]), ended.Seconds(), time.Since(start).Seconds())
		}
	} else {
		errno := ddErrno(ddErr.String())
		first, _, _ := strings.Cut(strings.TrimSpace(ddErr.String()), "\n")
		var ee *exec.ExitError
		switch {
		case !errors.As(ddWaitErr, &ee) || !ee.Exited():
			t.Errorf("dd did not exit normally: %v: %s", ddWaitErr, ddErr.String())
		case errno == 0:
			t.Errorf("dd failed without an errno: %v: %q", ddWaitErr, ddErr.String())
		default:
			t.Logf("outcome: %s after %.1fs from the start of the fault (%s)", unix.ErrnoName(errno), ended.Seconds(), first)
			if !faultErrnos[errno] {
				t.Errorf("the copy failed with %s (%v), which is no I/O or connection error: %s",
					unix.ErrnoName(errno), errno, strings.TrimSpace(ddErr.String()))
			}
		}
		if fc.mustComplete {
			t.Errorf("the copy must ride out this fault, but failed: %s", strings.TrimSpace(ddErr.String()))
		}
		if bound := faultErrBound(faultLen); ended > bound {
			t.Errorf("the error came %.1fs after the fault began, beyond %v (timeout=%v)", ended.Seconds(), bound, faultTimeout)
		}
	}
	// No process of the mount left in D state, then a clean unmount.
	if st, err := testenv.ProcState(daemon); err == nil && st == 'D' {
		t.Errorf("mount daemon %d is in D state after the copy", daemon)
	}
	t0 := time.Now()
	if out, code := runBounded(t, exec.Command(bin, "unmount", dir), time.Minute); code != 0 {
		t.Errorf("unmount after the fault: exit %d: %s", code, out)
		if err := testenv.AbortFUSE(dir); err != nil {
			t.Logf("abort: %v", err)
		}
		exec.Command(bin, "unmount", "--lazy", dir).Run()
	}
	if m, _ := isMounted(dir); m {
		t.Fatalf("%s still mounted after unmount", dir)
	}
	deadline := time.Now().Add(2*faultTimeout + 30*time.Second)
	for {
		st, err := testenv.ProcState(daemon)
		if err != nil || st == 'Z' {
			break
		}
		if time.Now().After(deadline) {
			t.Errorf("mount daemon %d still running (state %c) %v after unmount", daemon, st, time.Since(t0).Round(time.Second))
			syscall.Kill(daemon, syscall.SIGKILL)
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("unmounted in %.1fs (daemon gone)", time.Since(t0).Seconds())

	// A fresh mount works (the smbd parent forks a new child after a kill).
	if out, code := runBounded(t, mountCmd(), time.Minute); code != 0 {
		t.Fatalf("fresh mount after the fault: exit %d: %s", code, out)
	}
	again := name + "-again"
	t.Cleanup(func() { os.Remove(filepath.Join(env.ShareDirs[share], again)) })
	msg := []byte("fresh mount after " + fc.name + "\n")
	if err := os.WriteFile(filepath.Join(dir, again), msg, 0o644); err != nil {
		t.Errorf("write through the fresh mount: %v", err)
	} else if b, err := os.ReadFile(filepath.Join(env.ShareDirs[share], again)); err != nil || !bytes.Equal(b, msg) {
		t.Errorf("server disk after the fresh mount: %q, %v", b, err)
	}
	if cn != nil {
		// The fresh mount has a new smbd child, forked by the same parent.
		// The old child may still be there: after a link cut the server
		// never heard the client go (its FIN was lost), so it keeps the
		// dead connection, and its open handles, until TCP gives up.
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		var fresh []testenv.Smbd
		ghost := false
		for len(fresh) == 0 && ctx.Err() == nil {
			all, err := env.FindSmbd(ctx, cn.ClientAddr)
			if err != nil {
				t.Fatal(err)
			}
			fresh, ghost = fresh[:0], false
			for _, s := range all {
				if s.Pid == r.smbd.Pid {
					ghost = true
				} else {
					fresh = append(fresh, s)
				}
			}
			if len(fresh) == 0 {
				time.Sleep(100 * time.Millisecond)
			}
		}
		switch {
		case len(fresh) != 1:
			t.Errorf("the fresh mount is served by %d new smbd processes: %+v", len(fresh), fresh)
		case fresh[0].Parent != r.smbd.Parent:
			t.Errorf("fresh mount served by a child of smbd %d, the first by one of %d", fresh[0].Parent, r.smbd.Parent)
		default:
			t.Logf("fresh mount served by smbd %d (parent %d)", fresh[0].Pid, fresh[0].Parent)
		}
		if ghost {
			t.Logf("note: smbd %d still holds the old, dead connection", r.smbd.Pid)
		}
	}
	if out, code := runBounded(t, exec.Command(bin, "unmount", dir), time.Minute); code != 0 {
		t.Errorf("unmount of the fresh mount: exit %d: %s", code, out)
	}
}

// TestLiveFaultAbortHungMount checks the watchdog's last resort: with the
// mount daemon stopped, a process in the mount hangs; aborting the FUSE
// connection (testenv.AbortFUSE) ends it with an error, and the mount
// can then be unmounted.
func TestLiveFaultAbortHungMount(t *testing.T) {
	env := testenv.Env(t)
	bin := testenv.DaemonBinary(t)
	cc := env.Kinit(t, "alice")
	dir := t.TempDir()
	cmd := exec.Command(bin, "mount", "//"+env.DC.Host+"/"+env.Shares.Encrypted, dir, "-o", "timeout=5")
	cmd.Env = append(os.Environ(), "KRB5_CONFIG="+env.KRB5Conf, "KRB5CCNAME=FILE:"+cc)
	if out, code := runBounded(t, cmd, time.Minute); code != 0 {
		t.Fatalf("mount: exit %d: %s", code, out)
	}
	t.Cleanup(func() {
		if m, _ := isMounted(dir); m {
			exec.Command(bin, "unmount", "--lazy", dir).Run()
		}
	})
	daemon := daemonOf(bin, dir)
	if daemon == 0 {
		t.Fatalf("no daemon serves %s", dir)
	}
	if err := syscall.Kill(daemon, syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { syscall.Kill(daemon, syscall.SIGCONT) })

	stat := exec.Command("stat", filepath.Join(dir, "no-such-file"))
	var out bytes.Buffer
	stat.Stdout, stat.Stderr = &out, &out
	if err := stat.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- stat.Wait() }()
	select {
	case err := <-done:
		t.Fatalf("stat in a mount whose daemon is stopped returned: %v: %s", err, out.String())
	case <-time.After(2 * time.Second):
	}
	st, _ := testenv.ProcState(stat.Process.Pid)
	if err := testenv.AbortFUSE(dir); err != nil {
		stat.Process.Kill()
		t.Fatal(err)
	}
	select {
	case err := <-done:
		// ENOTCONN, or ECONNABORTED from kernels that tell an aborted
		// connection apart (6.x).
		if err == nil || !strings.Contains(out.String(), "Transport endpoint is not connected") &&
			!strings.Contains(out.String(), "Software caused connection abort") {
			t.Errorf("stat after the abort: %v: %s", err, out.String())
		}
		t.Logf("stat was in state %c; after the abort: %v: %s", st, err, strings.TrimSpace(out.String()))
	case <-time.After(30 * time.Second):
		stat.Process.Kill()
		t.Fatalf("stat still hangs 30 s after the FUSE abort")
	}
	syscall.Kill(daemon, syscall.SIGCONT)
	if out, code := runBounded(t, exec.Command(bin, "unmount", dir), time.Minute); code != 0 {
		t.Errorf("unmount after the abort: exit %d: %s", code, out)
	}
	if m, _ := isMounted(dir); m {
		t.Errorf("%s still mounted", dir)
	}
	deadline := time.Now().Add(time.Minute)
	for {
		st, err := testenv.ProcState(daemon)
		if err != nil || st == 'Z' {
			break
		}
		if time.Now().After(deadline) {
			t.Errorf("daemon %d still there (state %c) after the abort and unmount", daemon, st)
			syscall.Kill(daemon, syscall.SIGKILL)
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestDDErrno: dd's error lines map to errnos; other text does not.
func TestDDErrno(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want syscall.Errno
	}{
		{"dd: error writing '/m/x': Input/output error\ndd: fsync failed for '/m/x': Input/output error\n", syscall.EIO},
		{"dd: error writing '/m/a: b': Connection timed out", syscall.ETIMEDOUT},
		{"dd: fsync failed for '/m/x': Connection reset by peer", syscall.ECONNRESET},
		{"dd: closing output file '/m/x': Transport endpoint is not connected", syscall.ENOTCONN},
		{"dd: error writing '/m/x': No such file or directory", syscall.ENOENT},
		{"dd: error writing '/m/x': Permission denied", syscall.EACCES},
		{"Killed", 0},
		{"", 0},
		{"dd: error writing '/m/x': something else", 0},
	} {
		if got := ddErrno(tc.in); got != tc.want {
			t.Errorf("ddErrno(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
	if faultErrnos[syscall.ENOENT] || faultErrnos[syscall.EACCES] || !faultErrnos[syscall.EIO] {
		t.Errorf("faultErrnos: %v", faultErrnos)
	}
}
