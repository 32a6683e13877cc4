package client_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/internal/mitm"
	"github.com/smb3fs/smb3fs/internal/testenv"
	"github.com/smb3fs/smb3fs/internal/testenv/liveauth"
)

// Live tests of reconnect: a cut through the hostile proxy, a killed smbd,
// a downgrade on the second connection, and session expiry, against the
// real Samba DC.

// liveRig is a reconnecting client on the DC's encrypted share.
type liveRig struct {
	cl     *client.Client
	tr     *client.Tree
	events chan client.Event
	mu     sync.Mutex
	locals []string // local address of each connection the client made
}

func (r *liveRig) local(i int) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.locals[i]
}

// newLiveRig dials through dial (nil: straight to the DC) with a
// mechanism factory newMech.
func newLiveRig(t *testing.T, env *testenv.Environment, address string, newMech func() (auth.Mechanism, error), timeout time.Duration) (*liveRig, error) {
	t.Helper()
	r := &liveRig{events: make(chan client.Event, 16)}
	if address == "" {
		address = env.DC.SMBAddr()
	}
	dialer := func(ctx context.Context, network, addr string) (net.Conn, error) {
		nc, err := (&net.Dialer{}).DialContext(ctx, network, addr)
		if err == nil {
			r.mu.Lock()
			r.locals = append(r.locals, nc.LocalAddr().String())
			r.mu.Unlock()
		}
		return nc, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cl, err := client.Dial(ctx, client.Options{Server: env.DC.Host, Address: address, Policy: client.StrictPolicy(),
		NewMechanism: newMech, Timeout: timeout, Dial: dialer,
		OnEvent: func(e client.Event) {
			t.Logf("event: %s reason=%v attempts=%d duration=%v trees=%d reopened=%v lost=%v err=%v",
				e.Kind, e.Reason, e.Attempts, e.Duration, e.Trees, e.Reopened, e.Lost, e.Err)
			r.events <- e
		}})
	if err != nil {
		return nil, err
	}
	r.cl = cl
	t.Cleanup(func() { cl.Close() })
	if r.tr, err = cl.Connect(ctx, env.Shares.Encrypted); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *liveRig) event(t *testing.T, within time.Duration) client.Event {
	t.Helper()
	select {
	case e := <-r.events:
		return e
	case <-time.After(within):
		t.Fatalf("no reconnect event within %v", within)
		return client.Event{}
	}
}

// writeBig writes size bytes of a pattern in 4 MiB WriteAt calls, calling
// at(off) before each; it returns the data and the first error.
func writeBig(ctx context.Context, f *client.File, size int, at func(off int)) ([]byte, error) {
	want := pattern(size)
	const step = 4 << 20
	for off := 0; off < size; off += step {
		if at != nil {
			at(off)
		}
		n, err := f.WriteAt(ctx, want[off:min(off+step, size)], int64(off))
		if err != nil {
			return want, err
		}
		if n != min(step, size-off) {
			return want, errors.New("short write")
		}
	}
	return want, nil
}

func checkBytes(t *testing.T, env *testenv.Environment, f *client.File, name string, want []byte) {
	t.Helper()
	got := make([]byte, len(want))
	if _, err := f.ReadAt(context.Background(), got, 0); err != nil {
		t.Fatalf("read back: %v", err)
	}
	if sha256.Sum256(got) != sha256.Sum256(want) {
		t.Fatal("SHA-256 of the bytes read back differs from what was written")
	}
	disk, err := os.ReadFile(filepath.Join(env.ShareDirs[env.Shares.Encrypted], filepath.FromSlash(strings.ReplaceAll(name, `\`, "/"))))
	if err != nil {
		t.Fatal(err)
	}
	if sha256.Sum256(disk) != sha256.Sum256(want) {
		t.Fatalf("SHA-256 on the server's disk differs (%d bytes, want %d)", len(disk), len(want))
	}
}

func TestLiveReconnectCutMidWrite(t *testing.T) {
	env := testenv.Env(t)
	cc := env.Kinit(t, "alice")
	// The proxy cuts the first connection once 24 MiB went to the server.
	var sent atomic.Int64
	var cut atomic.Bool
	px, err := mitm.Start(env.DC.SMBAddr(), func(n int, f []byte) [][]byte {
		if !cut.Load() && sent.Add(int64(len(f))) > 24<<20 {
			cut.Store(true)
			return mitm.Cut
		}
		return [][]byte{f}
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(px.Close) // after the client closes: no reconnect into a closed proxy
	r, err := newLiveRig(t, env, px.Addr(), liveauth.CCacheFactory(env, env.KRB5Conf, cc), 20*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	dir := scratch(t, env, env.Shares.Encrypted)
	mkdir(t, r.tr, dir)
	name := dir + `\big.bin`
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Second)
	defer cancel()
	f, err := r.tr.Open(ctx, name, durableOpen(client.OverwriteOrCreate))
	if err != nil {
		t.Fatal(err)
	}
	if !f.Durable() {
		t.Fatal("Samba did not grant a durable handle")
	}
	start := time.Now()
	want, err := writeBig(ctx, f, 64<<20, nil)
	if err != nil {
		t.Fatalf("write across the cut: %v", err)
	}
	t.Logf("64 MiB written in %v across the cut", time.Since(start))
	if !cut.Load() {
		t.Fatal("the proxy never cut: the test proves nothing")
	}
	e := r.event(t, 10*time.Second)
	if e.Kind != client.EventReconnected || len(e.Reopened) != 1 || len(e.Lost) != 0 {
		t.Fatalf("event %+v", e)
	}
	if r.cl.Generation() != 1 {
		t.Fatalf("generation %d", r.cl.Generation())
	}
	checkBytes(t, env, f, name, want)
	if _, err := f.Close(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestLiveReconnectKilledSmbd(t *testing.T) {
	env := testenv.Env(t)
	cc := env.Kinit(t, "alice")
	r, err := newLiveRig(t, env, "", liveauth.CCacheFactory(env, env.KRB5Conf, cc), 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	dir := scratch(t, env, env.Shares.Encrypted)
	mkdir(t, r.tr, dir)
	name := dir + `\copy.bin`
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Second)
	defer cancel()
	f, err := r.tr.Open(ctx, name, durableOpen(client.OverwriteOrCreate))
	if err != nil {
		t.Fatal(err)
	}
	if !f.Durable() {
		t.Fatal("Samba did not grant a durable handle")
	}
	smbd := env.SmbdFor(t, r.local(0))
	start := time.Now()
	want, err := writeBig(ctx, f, 64<<20, func(off int) {
		if off == 16<<20 {
			if err := smbd.Kill(); err != nil {
				t.Fatalf("kill smbd %d: %v", smbd.Pid, err)
			}
			t.Logf("killed smbd %d serving %s", smbd.Pid, smbd.Peer)
		}
	})
	took := time.Since(start)
	e := r.event(t, 20*time.Second)
	t.Logf("write result after kill -9: %v (after %v)", err, took)
	// Samba 4.17 keeps a durable handle only when the smbd serving it
	// marks it disconnected as the connection ends; a smbd killed with
	// SIGKILL cannot, and the next smbd finds the open's record owned by
	// a dead process and drops it. So the DH2C is answered
	// STATUS_OBJECT_NAME_NOT_FOUND and the write fails, promptly, with
	// ErrHandleLost: it is never reported as done, and it never hangs.
	if !errors.Is(err, client.ErrHandleLost) || !client.IsStatus(err, wire.StatusObjectNameNotFound) {
		t.Fatalf("write after kill -9: %v, want ErrHandleLost (STATUS_OBJECT_NAME_NOT_FOUND)", err)
	}
	if e.Kind != client.EventReconnected || len(e.Lost) != 1 || len(e.Reopened) != 0 {
		t.Fatalf("event %+v", e)
	}
	if took > 45*time.Second {
		t.Fatalf("the write took %v, longer than the deadline", took)
	}
	// The acknowledged prefix is on the server; the tree works on the new
	// connection.
	res, err := r.tr.Do(ctx, name, client.OpenOptions{})
	if err != nil {
		t.Fatalf("Stat after reconnect: %v", err)
	}
	attrs := res.Close
	if attrs.EndOfFile < 16<<20 {
		t.Fatalf("the file lost acknowledged data: size %d", attrs.EndOfFile)
	}
	disk, err := os.ReadFile(filepath.Join(env.ShareDirs[env.Shares.Encrypted], strings.ReplaceAll(name, `\`, "/")))
	if err != nil || len(disk) < 16<<20 || !bytes.Equal(disk[:16<<20], want[:16<<20]) {
		t.Fatalf("the acknowledged 16 MiB are not on the server's disk (%d bytes, %v)", len(disk), err)
	}
}

func TestLiveReconnectDowngradeRefused(t *testing.T) {
	env := testenv.Env(t)
	cc := env.Kinit(t, "alice")
	var conns atomic.Int32
	var cutNow atomic.Bool
	px, err := mitm.Start(env.DC.SMBAddr(),
		func(n int, f []byte) [][]byte {
			if cutNow.CompareAndSwap(true, false) {
				return mitm.Cut
			}
			return [][]byte{f}
		},
		func(n int, f []byte) [][]byte {
			if n != 0 || conns.Add(1) < 2 {
				return [][]byte{f}
			}
			// The second NEGOTIATE response loses its cipher: a strip
			// of encryption that the reconnect must refuse.
			r, err := wire.DecodeNegotiateResponse(f)
			if err != nil {
				t.Errorf("proxy: %v", err)
				return [][]byte{f}
			}
			r.Ciphers = []wire.CipherID{wire.CipherNone}
			return [][]byte{r.Append(append([]byte(nil), f[:wire.HeaderSize]...))}
		})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(px.Close) // after the client closes: no reconnect into a closed proxy
	r, err := newLiveRig(t, env, px.Addr(), liveauth.CCacheFactory(env, env.KRB5Conf, cc), 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Second)
	defer cancel()
	cutNow.Store(true)
	_, err = r.tr.Do(ctx, "", client.OpenOptions{})
	if !errors.Is(err, client.ErrRefused) || !strings.Contains(err.Error(), "policy requires privacy") {
		t.Fatalf("Stat across a downgraded reconnect: %v, want a refusal naming the policy", err)
	}
	if e := r.event(t, 10*time.Second); e.Kind != client.EventRefused {
		t.Fatalf("event %+v", e)
	}
	if _, err := r.tr.Do(ctx, "", client.OpenOptions{}); !errors.Is(err, client.ErrRefused) {
		t.Fatalf("later call: %v", err)
	}
	if n := conns.Load(); n != 2 {
		t.Fatalf("%d connections, want 2 (no retry after a refusal)", n)
	}
}

func TestLiveReconnectSessionExpiry(t *testing.T) {
	env := testenv.Env(t)
	const life = 3 * time.Minute
	conf := env.Krb5ConfLifetime(t, life)
	bob := env.User(t, "bob")

	// A keytab client with short tickets: re-authenticates on its own.
	kt, err := newLiveRig(t, env, "", liveauth.KeytabFactory(t, env, conf, "bob"), 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	// A ccache-only client whose ticket expires and is not renewed.
	cc := filepath.Join(t.TempDir(), "ccache-short")
	kctx, kcancel := context.WithTimeout(context.Background(), 20*time.Second)
	out, err := env.Command(kctx, "kinit", "-l", "3m", "-c", "FILE:"+cc, "-k", "-t", bob.Keytab, bob.Principal).CombinedOutput()
	kcancel()
	if err != nil {
		t.Fatalf("kinit -l 3m: %v\n%s", err, out)
	}
	ccr, err := newLiveRig(t, env, "", liveauth.CCacheFactory(env, env.KRB5Conf, cc), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	dir := scratch(t, env, env.Shares.Encrypted)
	mkdir(t, kt.tr, dir)
	ctx, cancel := context.WithTimeout(context.Background(), life+time.Minute)
	defer cancel()
	f, err := kt.tr.Open(ctx, dir+`\k`, durableOpen(client.OverwriteOrCreate))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt(ctx, []byte("before"), 0); err != nil {
		t.Fatal(err)
	}
	if _, err := ccr.tr.Do(ctx, dir, client.OpenOptions{}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(life + 3*time.Second)

	if _, err := f.WriteAt(ctx, []byte("after!"), 0); err != nil {
		t.Fatalf("keytab client after its ticket expired: %v", err)
	}
	e := kt.event(t, 10*time.Second)
	if e.Kind != client.EventReconnected || !strings.Contains(e.Reason.Error(), "expired") || len(e.Reopened) != 1 {
		t.Fatalf("keytab client event %+v", e)
	}
	got := make([]byte, 6)
	if _, err := f.ReadAt(ctx, got, 0); err != nil || string(got) != "after!" {
		t.Fatalf("read back %q, %v", got, err)
	}

	_, err = ccr.tr.Do(ctx, dir, client.OpenOptions{})
	if !errors.Is(err, client.ErrAuthentication) || !strings.Contains(err.Error(), "kinit") {
		t.Fatalf("ccache client after its ticket expired: %v, want an authentication error saying to run kinit", err)
	}
	t.Logf("ccache client: %v", err)
	if !bytes.Contains([]byte(err.Error()), []byte("expired")) {
		t.Fatalf("error does not say the ticket expired: %v", err)
	}
}

func TestLiveReconnectLockedHandle(t *testing.T) {
	// Samba 4.17 does not keep a durable handle holding a byte-range lock
	// (vfs_default_durable_cookie: NT_STATUS_NOT_SUPPORTED), and its smbd
	// PANICs (fd_handle.c:39 assertion) on the DH2C for one, after which
	// the handle is STATUS_OBJECT_NAME_NOT_FOUND. So the client never
	// tries: a locked File is lost at once, other durable Files survive.
	env := testenv.Env(t)
	cc := env.Kinit(t, "alice")
	var cutNow atomic.Bool
	px, err := mitm.Start(env.DC.SMBAddr(), func(n int, f []byte) [][]byte {
		if cutNow.CompareAndSwap(true, false) {
			return mitm.Cut
		}
		return [][]byte{f}
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(px.Close) // after the client closes: no reconnect into a closed proxy
	r, err := newLiveRig(t, env, px.Addr(), liveauth.CCacheFactory(env, env.KRB5Conf, cc), 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	dir := scratch(t, env, env.Shares.Encrypted)
	mkdir(t, r.tr, dir)
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Second)
	defer cancel()
	locked, err := r.tr.Open(ctx, dir+`\locked`, durableOpen(client.OverwriteOrCreate))
	if err != nil {
		t.Fatal(err)
	}
	free, err := r.tr.Open(ctx, dir+`\free`, durableOpen(client.OverwriteOrCreate))
	if err != nil {
		t.Fatal(err)
	}
	if !locked.Durable() || !free.Durable() {
		t.Fatal("Samba did not grant durable handles")
	}
	if err := locked.Lock(ctx, 0, 10, true, false); err != nil {
		t.Fatal(err)
	}
	cutNow.Store(true)
	if _, err := free.WriteAt(ctx, []byte("free"), 0); err != nil {
		t.Fatalf("write on the unlocked durable handle across a cut: %v", err)
	}
	e := r.event(t, 10*time.Second)
	if e.Kind != client.EventReconnected || len(e.Reopened) != 1 || !strings.HasSuffix(e.Reopened[0], `\free`) ||
		len(e.Lost) != 1 || !strings.Contains(e.Lost[0], "byte-range locks") || e.Attempts != 1 {
		t.Fatalf("event %+v: want the unlocked handle reopened and the locked one lost, in one attempt", e)
	}
	if _, err := locked.WriteAt(ctx, []byte("x"), 20); !errors.Is(err, client.ErrHandleLost) {
		t.Fatalf("write on the locked handle after reconnect: %v, want ErrHandleLost", err)
	}
}
