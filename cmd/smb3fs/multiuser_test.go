package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
	smbfs "github.com/smb3fs/smb3fs/fs"
)

func TestCCacheExportRoundTrip(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"FILE:/tmp/krb5cc_1000", []byte{5, 4, 0, 12, 1, 2, 3}},
		{"KEYRING:persistent:1000:krb_ccache_x", nil},
		{strings.Repeat("n", maxExportName), bytes.Repeat([]byte{0xff}, 1000)},
	} {
		b, err := encodeCCacheExport(c.name, c.data)
		if err != nil {
			t.Fatalf("encode %q: %v", c.name, err)
		}
		name, data, err := decodeCCacheExport(b)
		if err != nil || name != c.name || !bytes.Equal(data, c.data) {
			t.Errorf("round trip of %q: %q %x %v", c.name, name, data, err)
		}
	}
	if _, err := encodeCCacheExport("", nil); err == nil {
		t.Error("encode accepted an empty name")
	}
	if _, err := encodeCCacheExport("x", make([]byte, maxExportData+1)); err == nil {
		t.Error("encode accepted too much data")
	}
}

func TestCCacheExportDecodeRejects(t *testing.T) {
	good, _ := encodeCCacheExport("FILE:/c", []byte("data"))
	frame := func(name string, announced uint32, data string) []byte {
		b := []byte(exportMagic)
		b = binary.BigEndian.AppendUint16(b, uint16(len(name)))
		b = append(b, name...)
		b = binary.BigEndian.AppendUint32(b, announced)
		return append(b, data...)
	}
	for what, b := range map[string][]byte{
		"empty":              nil,
		"other magic":        append([]byte("smb3fs-ccache-2\n"), good[len(exportMagic):]...),
		"no name length":     []byte(exportMagic + "\x00"),
		"zero name":          frame("", 0, ""),
		"name past the end":  append([]byte(exportMagic), 0x00, 0x09, 'F'),
		"newline in name":    frame("FILE:/a\nb", 4, "data"),
		"NUL in name":        frame("FILE:/a\x00b", 4, "data"),
		"invalid UTF-8":      frame("FILE:/\xff", 4, "data"),
		"no data length":     append([]byte(exportMagic), 0x00, 0x01, 'F', 0x00),
		"short data":         frame("F", 5, "data"),
		"trailing bytes":     append(bytes.Clone(good), 'x'),
		"too much announced": frame("F", maxExportData+1, ""),
	} {
		if _, _, err := decodeCCacheExport(b); !errors.Is(err, errBadExport) {
			t.Errorf("%s: %v, want errBadExport", what, err)
		}
	}
}

func FuzzCCacheExportDecode(f *testing.F) {
	good, _ := encodeCCacheExport("FILE:/tmp/krb5cc_1000", []byte{5, 4, 1, 2})
	f.Add(good)
	f.Add([]byte(exportMagic))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		name, data, err := decodeCCacheExport(b)
		if err != nil {
			return
		}
		again, err := encodeCCacheExport(name, data)
		if err != nil || !bytes.Equal(again, b) {
			t.Fatalf("decoded %q %x from %x, which encodes as %x (%v)", name, data, b, again, err)
		}
	})
}

// fakeClock is a settable now for the pool.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// newTestPool returns a pool with factory and a fake clock whose reaper
// is left to the test (closeIdle); log lines are counted.
func newTestPool(t *testing.T, factory sessionFactory) (*sessionPool, *fakeClock, *atomic.Int32) {
	clock := &fakeClock{t: time.Unix(1e9, 0)}
	p := newSessionPool(factory, time.Hour) // the reaper's tick never comes
	p.now = clock.now
	var logs atomic.Int32
	p.logf = func(string, ...any) { logs.Add(1) }
	t.Cleanup(p.close)
	return p, clock, &logs
}

// TestSessionPoolOncePerUID: concurrent first requests of one uid share
// one set-up; each uid gets its own tree.
func TestSessionPoolOncePerUID(t *testing.T) {
	var calls sync.Map
	release := make(chan struct{})
	factory := func(ctx context.Context, uid uint32) (userTree, error) {
		n, _ := calls.LoadOrStore(uid, new(atomic.Int32))
		n.(*atomic.Int32).Add(1)
		<-release
		return userTree{tree: &client.Tree{}, close: func() {}}, nil
	}
	p, _, _ := newTestPool(t, factory)
	var wg sync.WaitGroup
	got := make([]*client.Tree, 40)
	errs := make([]error, 40)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], errs[i] = p.TreeFor(context.Background(), uint32(1000+i%2))
		}()
	}
	time.Sleep(20 * time.Millisecond)
	close(release)
	wg.Wait()
	for i := range got {
		if errs[i] != nil || got[i] == nil {
			t.Fatalf("request %d: %v", i, errs[i])
		}
		if got[i] != got[i%2] {
			t.Errorf("request %d got another tree than request %d of the same uid", i, i%2)
		}
	}
	if got[0] == got[1] {
		t.Error("two uids share a tree")
	}
	for _, uid := range []uint32{1000, 1001} {
		if n, _ := calls.Load(uid); n.(*atomic.Int32).Load() != 1 {
			t.Errorf("uid %d set up %d times", uid, n.(*atomic.Int32).Load())
		}
	}
}

// TestSessionPoolFailure: a uid whose set-up fails gets ErrNoSession
// (EACCES), logged once a minute at most, and is tried again after
// failureMemory; other uids are not affected.
func TestSessionPoolFailure(t *testing.T) {
	var mu sync.Mutex
	fail := map[uint32]bool{7: true}
	var tries atomic.Int32
	factory := func(ctx context.Context, uid uint32) (userTree, error) {
		tries.Add(1)
		mu.Lock()
		defer mu.Unlock()
		if fail[uid] {
			return userTree{}, fmt.Errorf("no ticket for %d", uid)
		}
		return userTree{tree: &client.Tree{}, close: func() {}}, nil
	}
	p, clock, logs := newTestPool(t, factory)
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		if _, err := p.TreeFor(ctx, 7); !errors.Is(err, smbfs.ErrNoSession) {
			t.Fatalf("TreeFor(7): %v, want ErrNoSession", err)
		}
	}
	if tries.Load() != 1 || logs.Load() != 1 {
		t.Errorf("within failureMemory: %d tries, %d log lines, want 1 and 1", tries.Load(), logs.Load())
	}
	if tree, err := p.TreeFor(ctx, 8); err != nil || tree == nil {
		t.Errorf("TreeFor(8): %v", err)
	}
	clock.add(failureMemory)
	if _, err := p.TreeFor(ctx, 7); !errors.Is(err, smbfs.ErrNoSession) {
		t.Fatalf("TreeFor(7) again: %v", err)
	}
	if tries.Load() != 3 || logs.Load() != 1 {
		t.Errorf("after failureMemory: %d tries, %d log lines, want 3 (7, 8, 7) and still 1", tries.Load(), logs.Load())
	}
	clock.add(failureLogEvery)
	p.TreeFor(ctx, 7)
	if logs.Load() != 2 {
		t.Errorf("a minute later: %d log lines, want 2", logs.Load())
	}
	// kinit: the next try after failureMemory succeeds.
	mu.Lock()
	fail[7] = false
	mu.Unlock()
	clock.add(failureMemory)
	if tree, err := p.TreeFor(ctx, 7); err != nil || tree == nil {
		t.Errorf("TreeFor(7) after kinit: %v", err)
	}
}

// TestSessionPoolIdleClose: a session unused for the idle time is closed,
// unless a handle holds it; the next request sets up a new one.
func TestSessionPoolIdleClose(t *testing.T) {
	var closed, made atomic.Int32
	factory := func(ctx context.Context, uid uint32) (userTree, error) {
		made.Add(1)
		return userTree{tree: &client.Tree{}, close: func() { closed.Add(1) }}, nil
	}
	p, clock, _ := newTestPool(t, factory)
	ctx := context.Background()
	if _, err := p.TreeFor(ctx, 5); err != nil {
		t.Fatal(err)
	}
	release := p.Hold(5)
	clock.add(2 * time.Hour)
	p.closeIdle()
	if closed.Load() != 0 {
		t.Fatal("a held session was closed")
	}
	release()
	release() // a second call does nothing
	clock.add(time.Hour - time.Second)
	p.closeIdle()
	if closed.Load() != 0 {
		t.Fatal("closed before the idle time since the release")
	}
	clock.add(time.Second)
	p.closeIdle()
	if closed.Load() != 1 || len(p.sessions()) != 0 {
		t.Fatalf("idle session: %d closed, sessions %v", closed.Load(), p.sessions())
	}
	if _, err := p.TreeFor(ctx, 5); err != nil || made.Load() != 2 {
		t.Errorf("after the idle close: %v, %d set-ups", err, made.Load())
	}
	p.close()
	if closed.Load() != 2 {
		t.Errorf("close: %d sessions closed, want 2", closed.Load())
	}
	if _, err := p.TreeFor(ctx, 5); !errors.Is(err, smbfs.ErrNoSession) {
		t.Errorf("TreeFor after close: %v", err)
	}
}

// TestSessionPoolWaitBounded: a request waiting for a set-up ends with its
// context; the set-up goes on for the next.
func TestSessionPoolWaitBounded(t *testing.T) {
	release := make(chan struct{})
	factory := func(ctx context.Context, uid uint32) (userTree, error) {
		<-release
		return userTree{tree: &client.Tree{}, close: func() {}}, nil
	}
	p, _, _ := newTestPool(t, factory)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := p.TreeFor(ctx, 9); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("TreeFor with an expiring context: %v", err)
	}
	close(release)
	if tree, err := p.TreeFor(context.Background(), 9); err != nil || tree == nil {
		t.Errorf("TreeFor after the set-up: %v", err)
	}
}

func TestCheckUserOptions(t *testing.T) {
	uid := func(n uint32) *uint32 { return &n }
	krb := func(f func(o *mountOptions)) *mountOptions {
		o := &mountOptions{Sec: defaultSec}
		f(o)
		return o
	}
	for _, c := range []struct {
		what   string
		o      *mountOptions
		keytab string
		euid   int
		want   string // "" : accepted
	}{
		{"multiuser as root", krb(func(o *mountOptions) { o.Multiuser = true }), "", 0, ""},
		{"multiuser with root's keytab", krb(func(o *mountOptions) { o.Multiuser = true }), "/k", 0, ""},
		{"multiuser as a user", krb(func(o *mountOptions) { o.Multiuser = true }), "", 1000, "root only"},
		{"multiuser with NTLM", krb(func(o *mountOptions) { o.Multiuser = true; o.Sec.Mechanism = auth.NTLMv2 }), "", 0, "needs Kerberos"},
		{"multiuser with a password", krb(func(o *mountOptions) { o.Multiuser = true; o.Password = []byte("x") }), "", 0, "no password"},
		{"cruid as root", krb(func(o *mountOptions) { o.CRUID = uid(1000) }), "", 0, ""},
		{"cruid of oneself", krb(func(o *mountOptions) { o.CRUID = uid(1000) }), "", 1000, ""},
		{"cruid of another", krb(func(o *mountOptions) { o.CRUID = uid(1001) }), "", 1000, "root only"},
		{"cruid with NTLM", krb(func(o *mountOptions) { o.CRUID = uid(1000); o.Sec.Mechanism = auth.NTLMv2 }), "", 0, "needs Kerberos"},
		{"cruid with a keytab", krb(func(o *mountOptions) { o.CRUID = uid(1000) }), "/k", 0, "choose one"},
	} {
		err := checkUserOptions(c.o, c.keytab, c.euid)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.what, err)
		case c.want != "" && (!errors.Is(err, errUsage) || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: %v, want a usage error saying %q", c.what, err, c.want)
		case c.want == "" && c.o.Multiuser && !c.o.AllowOther:
			t.Errorf("%s: allow_other not implied", c.what)
		}
	}
}

func TestParseMultiuserOptions(t *testing.T) {
	o, err := parseMountOptions([]string{"multiuser,cruid=0"})
	if err != nil || !o.Multiuser || o.CRUID == nil || *o.CRUID != 0 {
		t.Fatalf("multiuser,cruid=0: %+v %v", o, err)
	}
	if _, err := parseMountOptions([]string{"cruid=no-such-user-here"}); !errors.Is(err, errUsage) {
		t.Errorf("cruid= of an unknown user: %v", err)
	}
	if _, err := parseMountOptions([]string{"cruid="}); !errors.Is(err, errUsage) {
		t.Errorf("empty cruid=: %v", err)
	}
}

// TestCCacheExportChildFails: the child says why on one line of standard
// error, writes nothing on standard output, and exits non-zero.
func TestCCacheExportChildFails(t *testing.T) {
	missing := t.TempDir() + "/no-such-cache"
	t.Setenv("KRB5CCNAME", "FILE:"+missing)
	out, errOut, status := capture(t, func() int { return run([]string{"smb3fs", "ccache-export"}) })
	if status != exitFailure || out != "" || !strings.Contains(errOut, missing) || strings.Count(errOut, "\n") != 1 {
		t.Errorf("exit %d, stdout %q, stderr %q: want exit %d, one line naming the cache", status, out, errOut, exitFailure)
	}
	if _, _, status := capture(t, func() int { return run([]string{"smb3fs", "ccache-export", "x"}) }); status != exitUsage {
		t.Errorf("with an argument: exit %d, want %d", status, exitUsage)
	}
}

// TestKerberosAsPassesChildError: the child's failure is the mechanism's
// error, naming the uid (it becomes the pool's log line).
func TestKerberosAsPassesChildError(t *testing.T) {
	run := func(ctx context.Context, uid uint32) (string, []byte, error) {
		return "", nil, fmt.Errorf("smb3fs: credentials of uid %d: no cache", uid)
	}
	if _, err := kerberosAs(context.Background(), run, 1234, "srv"); err == nil || !strings.Contains(err.Error(), "uid 1234: no cache") {
		t.Errorf("kerberosAs: %v", err)
	}
}
