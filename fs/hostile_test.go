//go:build linux

package fs_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client/smbtest"
	smbfs "github.com/smb3fs/smb3fs/fs"
)

// The hostile-server test: a real mount over the fake server, driven with
// random file operations (a seeded sequence, reproducible) while the
// server lies in one way after another (smbtest.Hostile). Each way is a
// subtest that runs alone (-run 'TestHostileMount/pending'). Whatever the
// server does, the test asserts:
//   - no panic: the mount is served in this process, a panic ends it;
//   - no syscall past its watchdog (fakeMount.do): nothing hangs;
//   - the heap stays under the bound fs/doc.go states (heapBound);
//   - with the server honest again, the mount creates, writes, reads back
//     and lists.
//
// Errors from the syscalls while the server lies are expected (EIO,
// ENOENT): the test asserts none of their values.

// hostileSeed seeds the operations; the default is fixed so that every run
// is the same. SMB3FS_HOSTILE_SEED overrides it as the flag does.
var hostileSeed = flag.Uint64("hostile.seed", 1, "seed of TestHostileMount's random operations")

func seed(t *testing.T) uint64 {
	s := *hostileSeed
	if v := os.Getenv("SMB3FS_HOSTILE_SEED"); v != "" {
		n, err := strconv.ParseUint(v, 0, 64)
		if err != nil {
			t.Fatalf("SMB3FS_HOSTILE_SEED=%q: %v", v, err)
		}
		s = n
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("seed %d: run again with -hostile.seed=%d or SMB3FS_HOSTILE_SEED=%d", s, s, s)
		}
	})
	return s
}

// heapBound is the most heap the whole test process (the mount, its
// client and the fake server with its files) may have in use while the
// server lies: the per-mount bound fs/doc.go states, for the one FUSE
// request and the one open file the test has at a time and for the inodes
// the kernel may hold (inodes: what the server listed at most), with
// testOverhead on top for the test and the fake server.
func heapBound(inodes int) uint64 {
	return smbfs.MemoryBase + smbfs.MemoryPerRequest + smbfs.MemoryPerWriteFile +
		uint64(inodes)*smbfs.MemoryPerInode + testOverhead
}

// testOverhead is the heap of the test and the fake server (its files,
// the page of a listing being sent) beyond the mount's.
const testOverhead = 16 << 20

// giantEntries is the size of the giant listing; endlessRead is how much of
// an endless one the test reads.
const (
	giantEntries = 200_000
	endlessRead  = 300_000
)

// stepRead is the most entries one random operation reads from a listing
// (a readdir; a walk reads at most driver.maxEntries in all).
const stepRead = 10_000

// driver runs random operations on a fake mount.
type driver struct {
	t   *testing.T
	m   *fakeMount
	rng *rand.Rand
	// maxWalk bounds one walk: how deep and how many entries.
	maxDepth, maxEntries int
}

// names a driver picks from: a few, so that operations meet each other.
var (
	fileNames = []string{"a", "b", "c.txt", "d.bin"}
	dirNames  = []string{"d1", "d2", "d1/e1", "d2/e2", "d1/e1/f1"}
)

func pick[T any](rng *rand.Rand, s []T) T { return s[rng.IntN(len(s))] }

func (d *driver) pickPath() string {
	switch d.rng.IntN(3) {
	case 0:
		return pick(d.rng, dirNames)
	case 1:
		return pick(d.rng, fileNames)
	}
	return pick(d.rng, dirNames) + "/" + pick(d.rng, fileNames)
}

// step runs one random operation; it returns false once a call hung.
func (d *driver) step() bool {
	m := d.m
	p := d.pickPath()
	var err error
	switch op := d.rng.IntN(11); op {
	case 0:
		err = m.do("stat "+p, func() error { _, err := os.Lstat(m.path(p)); return err })
	case 1:
		_, _, err = m.readDir(p, m.path(p), stepRead)
	case 2:
		data := make([]byte, d.rng.IntN(200_000))
		for i := range data {
			data[i] = byte(i * 7)
		}
		err = m.do("write "+p, func() error { return os.WriteFile(m.path(p), data, 0644) })
	case 3:
		err = m.do("read "+p, func() error {
			f, err := os.Open(m.path(p))
			if err != nil {
				return err
			}
			defer f.Close()
			_, err = io.Copy(io.Discard, f)
			return err
		})
	case 4:
		err = m.do("mkdir "+p, func() error { return os.Mkdir(m.path(p), 0755) })
	case 5:
		q := d.pickPath()
		err = m.do("rename "+p+" "+q, func() error { return os.Rename(m.path(p), m.path(q)) })
	case 6:
		err = m.do("unlink "+p, func() error { return os.Remove(m.path(p)) })
	case 7:
		err = d.walk(m.path(pick(d.rng, append(dirNames, "."))), 0, new(int))
	case 8:
		err = m.do("open-write-close "+p, func() error {
			f, err := os.OpenFile(m.path(p), os.O_RDWR|os.O_CREATE, 0644)
			if err != nil {
				return err
			}
			_, err = f.WriteAt([]byte("hello"), int64(d.rng.IntN(1<<16)))
			return errors.Join(err, f.Close())
		})
	case 9:
		err = m.do("truncate "+p, func() error { return os.Truncate(m.path(p), int64(d.rng.IntN(1<<20))) })
	case 10:
		err = m.do("statfs", func() error { var st syscall.Statfs_t; return syscall.Statfs(m.dir, &st) })
	}
	return !errors.Is(err, errHung)
}

// walk is find(1) with bounds: every entry under dir is stat'ed, at most
// d.maxDepth deep and d.maxEntries in all (a loop the server makes must
// not make the test itself endless).
func (d *driver) walk(dir string, depth int, seen *int) error {
	if depth > d.maxDepth || *seen > d.maxEntries {
		return nil
	}
	ents, _, err := d.m.readDir("walk "+dir, dir, d.maxEntries-*seen+1)
	if errors.Is(err, errHung) {
		return err
	}
	for _, e := range ents {
		*seen++
		if *seen > d.maxEntries {
			return nil
		}
		p := filepath.Join(dir, e.Name())
		var fi os.FileInfo
		err := d.m.do("walk stat "+p, func() (err error) { fi, err = os.Lstat(p); return err })
		if errors.Is(err, errHung) {
			return err
		}
		if err == nil && fi.IsDir() {
			if err := d.walk(p, depth+1, seen); errors.Is(err, errHung) {
				return err
			}
		}
	}
	return nil
}

// populate makes the tree the operations start from, with the server
// honest.
func (d *driver) populate() {
	for _, p := range dirNames {
		d.m.do("mkdir "+p, func() error { return os.MkdirAll(d.m.path(p), 0755) })
	}
	for _, dir := range append(dirNames, ".") {
		for _, f := range fileNames[:2] {
			p := filepath.Join(dir, f)
			d.m.do("write "+p, func() error { return os.WriteFile(d.m.path(p), []byte(p), 0644) })
		}
	}
	d.m.do("mkdir giant", func() error { return os.Mkdir(d.m.path("giant"), 0755) })
	d.m.do("mkdir many", func() error { return os.Mkdir(d.m.path("many"), 0755) })
}

// hostileModes are the subtests: one lie each, and "random", which
// switches among them.
var hostileModes = []struct {
	name string
	h    smbtest.Hostile
	// opts are the mount's options.
	opts smbfs.Options
	// ops is how many random operations run while the server lies.
	ops int
	// extra runs after them, with the server still lying.
	extra func(d *driver)
}{
	{name: "honest", ops: 300},
	{name: "repeat-ids", h: smbtest.Hostile{RepeatDirIDs: true}, ops: 200},
	{name: "cycle", h: smbtest.Hostile{ParentDirIDs: true}, ops: 200},
	{name: "loops", h: smbtest.Hostile{Loops: true}, ops: 100},
	{name: "giant", h: smbtest.Hostile{GiantDir: "giant", GiantEntries: giantN(), Credits: 65535}, ops: 20, extra: func(d *driver) {
		var n int
		d.m.do("readdir giant", func() error {
			// In batches: the test's own copy of the listing is not
			// the mount's memory.
			f, err := os.Open(d.m.path("giant"))
			if err != nil {
				return err
			}
			defer f.Close()
			for {
				names, err := f.Readdirnames(1000)
				n += len(names)
				if err == io.EOF {
					return nil
				}
				if err != nil {
					return err
				}
			}
		})
		d.t.Logf("giant listing: %d entries read", n)
		d.m.do("stat giant/giant-0123456", func() error { _, err := os.Lstat(d.m.path("giant/giant-0123456")); return err })
	}},
	{name: "endless", h: smbtest.Hostile{EndlessListing: true}, ops: 5, extra: func(d *driver) {
		// Streamed or not, a listing that never ends is read only
		// so far: the mount must answer each batch and stay within
		// its memory bound meanwhile.
		ents, more, err := d.m.readDir("d1", d.m.path("d1"), endlessRead)
		d.t.Logf("endless listing: %d entries read, more: %v, %v", len(ents), more, err)
	}},
	{name: "pending", h: smbtest.Hostile{Pending: true}, ops: 5},
	// Pages a quarter full: every name of a directory of 2,000 must
	// still be listed.
	{name: "short-pages", h: smbtest.Hostile{ShortPages: true}, ops: 50, extra: func(d *driver) {
		for i := range 2000 {
			d.m.srv.WriteFile(fmt.Sprintf(`many\f%04d`, i), nil)
		}
		ents, _, err := d.m.readDir("many", d.m.path("many"), 100_000)
		if err != nil || len(ents) != 2000 {
			d.t.Errorf("listed %d entries of 2000 in pages a quarter full: %v", len(ents), err)
		}
	}},
	// More than 65,536 responses granting 65535 credits each: a sum in 32
	// bits overflows.
	{name: "credits", h: smbtest.Hostile{Credits: 65535}, opts: smbfs.Options{NoCache: true}, ops: 200, extra: func(d *driver) {
		for i := range 35_000 {
			err := d.m.do("stat a", func() error { _, err := os.Lstat(d.m.path("a")); return err })
			if err != nil {
				d.t.Errorf("stat %d of a: %v", i, err)
				return
			}
		}
	}},
	{name: "lengths", opts: smbfs.Options{NoCache: true}, ops: 60},
	{name: "random", ops: 300},
}

// hostileChildVar, set, makes TestHostileMount run its subtests in this
// process; unset, each subtest runs itself in a child process (this test
// binary, -test.run of the one subtest): a mode that makes the mount
// allocate without end, or hang in the kernel, takes down the child only,
// and the other modes still run.
const hostileChildVar = "SMB3FS_HOSTILE_CHILD"

// childDeadline bounds a child process: every syscall in it has its
// watchdog, so only a hang the watchdog could not end reaches it.
const childDeadline = 45 * time.Second

func TestHostileMount(t *testing.T) {
	for _, mode := range hostileModes {
		t.Run(mode.name, func(t *testing.T) {
			if os.Getenv(hostileChildVar) == "" {
				runHostileChild(t, mode.name)
				return
			}
			runHostileMode(t, mode.name, mode.h, mode.opts, mode.ops, mode.extra)
		})
	}
}

// runHostileChild runs subtest name of TestHostileMount in a child
// process and fails if it does; the child's output is logged.
func runHostileChild(t *testing.T, name string) {
	s := seed(t)
	tmp := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHostileMount$/^"+name+"$", "-test.v", "-test.count=1",
		"-hostile.seed="+strconv.FormatUint(s, 10))
	cmd.Env = append(os.Environ(), hostileChildVar+"=1", "TMPDIR="+tmp, "SMB3FS_HOSTILE_SEED=")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(childDeadline):
		t.Errorf("child still running after %v: its goroutines, then abort its mounts and kill it", childDeadline)
		cmd.Process.Signal(syscall.SIGQUIT)
		select {
		case err = <-done:
		case <-time.After(5 * time.Second):
			abortMountsUnder(tmp)
			cmd.Process.Kill()
			err = <-done
		}
	}
	abortMountsUnder(tmp)
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if strings.HasPrefix(line, "=== RUN") || strings.HasPrefix(line, "PASS") || strings.HasPrefix(line, "ok ") {
			continue
		}
		t.Log("child: " + line)
	}
	if err != nil {
		t.Errorf("child: %v", err)
	}
}

// runHostileMode mounts the fake server, lets the server lie by h while
// ops random operations run, then checks the heap's peak and that the
// mount works.
func runHostileMode(t *testing.T, name string, h smbtest.Hostile, opts smbfs.Options, ops int, extra func(*driver)) {
	rng := rand.New(rand.NewPCG(seed(t), uint64(len(name))))
	m := mountFake(t, opts)
	d := &driver{t: t, m: m, rng: rng, maxDepth: 8, maxEntries: 5000}
	d.populate()
	runtime.GC()
	// The inodes the kernel may hold: READDIRPLUS makes one for each
	// entry it returns, up to MaxPlusInodes per open directory (dir.go).
	// An endless listing makes new names in every directory: each
	// operation reads at most stepRead of them, and the long read of
	// endlessRead in one open directory makes MaxPlusInodes.
	inodes := 2000
	if h.GiantEntries > 0 || name == "random" {
		inodes += giantN()
	}
	switch {
	case name == "random":
		inodes += endlessRead
	case h.EndlessListing:
		inodes += ops*max(stepRead, d.maxEntries) + smbfs.MaxPlusInodes
	}
	bound := heapBound(inodes)
	heap := sampleHeap(bound, func(peak uint64) {
		// Something grows without bound: end the process before it
		// takes the machine with it (the parent reports the exit).
		fmt.Fprintf(os.Stderr, "FAIL: heap %d MiB, over the bound of %d MiB, during %q (server lying with %+v); exiting\n",
			peak>>20, bound>>20, m.running(), m.srv.Hostile())
		if p := os.Getenv("SMB3FS_HOSTILE_HEAPPROFILE"); p != "" {
			if f, err := os.Create(p); err == nil {
				pprof.Lookup("heap").WriteTo(f, 0)
				f.Close()
			}
		}
		m.abort()
		syscall.Unmount(m.dir, syscall.MNT_DETACH)
		os.Exit(3)
	})
	switch name {
	case "lengths":
		for _, lie := range smbtest.LengthLies() {
			m.srv.SetHostile(smbtest.Hostile{Lengths: lie})
			// Each lie meets a READ, a QUERY_INFO and a
			// QUERY_DIRECTORY at least once, then random operations.
			m.do("read a", func() error { _, err := os.ReadFile(m.path("a")); return err })
			m.do("stat d1/a", func() error { _, err := os.Stat(m.path("d1/a")); return err })
			m.do("statfs", func() error { var st syscall.Statfs_t; return syscall.Statfs(m.dir, &st) })
			m.readDir("d2", m.path("d2"), 10_000)
			for range ops / len(smbtest.LengthLies()) {
				if !d.step() {
					break
				}
			}
		}
	case "random":
		d.random(ops)
	default:
		m.srv.SetHostile(h)
		for range ops {
			if !d.step() {
				break
			}
		}
		if extra != nil && !m.isHung() {
			extra(d)
		}
	}
	m.srv.SetHostile(smbtest.Hostile{})
	peak := heap.Stop()
	t.Logf("peak heap: %d MiB (bound %d MiB)", peak>>20, bound>>20)
	m.usable(t)
}

// random runs n operations, switching every ten to another lie (or none)
// drawn from the modes that have one.
// SMB3FS_HOSTILE_LIES, a comma-separated list of mode names ("cycle,loops,
// lengths"), narrows the lies to those.
func (d *driver) random(n int) {
	only := map[string]bool{}
	for _, name := range strings.Split(os.Getenv("SMB3FS_HOSTILE_LIES"), ",") {
		if name != "" {
			only[name] = true
		}
	}
	var lies []smbtest.Hostile
	for _, mode := range hostileModes {
		if mode.h != (smbtest.Hostile{}) && (len(only) == 0 || only[mode.name]) {
			lies = append(lies, mode.h)
		}
	}
	if len(only) == 0 || only["lengths"] {
		for _, l := range smbtest.LengthLies() {
			lies = append(lies, smbtest.Hostile{Lengths: l})
		}
	}
	if len(lies) == 0 {
		d.t.Fatalf("SMB3FS_HOSTILE_LIES=%q names no lie", os.Getenv("SMB3FS_HOSTILE_LIES"))
	}
	var on []string
	for i := 0; i < n; i++ {
		if i%10 == 0 {
			h := smbtest.Hostile{}
			if d.rng.IntN(3) > 0 {
				h = pick(d.rng, lies)
			}
			on = append(on, fmt.Sprintf("%+v", h))
			d.m.srv.SetHostile(h)
		}
		if !d.step() {
			d.t.Logf("lies so far: %s", strings.Join(on, ", "))
			return
		}
	}
}

// giantN is giantEntries, or SMB3FS_HOSTILE_GIANT (to measure what each
// entry costs).
func giantN() int {
	if n, err := strconv.Atoi(os.Getenv("SMB3FS_HOSTILE_GIANT")); err == nil {
		return n
	}
	return giantEntries
}

// usable checks, with the server honest, that the mount still creates,
// writes, reads back and lists.
func (m *fakeMount) usable(t *testing.T) {
	t.Helper()
	m.srv.SetHostile(smbtest.Hostile{})
	if m.isStuck() {
		t.Errorf("mount not checked: a call never returned")
		return
	}
	name := fmt.Sprintf("after-%d", time.Now().UnixNano())
	want := []byte("still working " + name)
	if err := m.do("write "+name, func() error { return os.WriteFile(m.path(name), want, 0644) }); err != nil {
		t.Errorf("mount unusable afterwards: write: %v", err)
		return
	}
	var got []byte
	if err := m.do("read "+name, func() (err error) { got, err = os.ReadFile(m.path(name)); return err }); err != nil || string(got) != string(want) {
		t.Errorf("mount unusable afterwards: read back %q, %v; want %q", got, err, want)
	}
	ents, _, err := m.readDir("list", m.dir, 100_000)
	if err != nil {
		t.Errorf("mount unusable afterwards: list: %v", err)
	}
	found := false
	for _, e := range ents {
		found = found || e.Name() == name
	}
	if !found {
		t.Errorf("mount unusable afterwards: %s not listed among %d entries", name, len(ents))
	}
}

// heapSampler records the largest heap seen while it runs (the bytes of
// live and not yet swept objects, read without stopping the world every
// 2 ms: a loop that allocates can take gigabytes in a second); when it
// passes limit it calls over once, on the sampler's goroutine.
type heapSampler struct {
	stop chan struct{}
	done chan struct{}
	peak uint64
}

func sampleHeap(limit uint64, over func(uint64)) *heapSampler {
	h := &heapSampler{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(h.done)
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		fired := false
		for {
			metrics.Read(sample)
			h.peak = max(h.peak, sample[0].Value.Uint64())
			if h.peak > limit && !fired {
				fired = true
				over(h.peak)
			}
			select {
			case <-h.stop:
				return
			case <-tick.C:
			}
		}
	}()
	return h
}

// Stop ends sampling and returns the peak.
func (h *heapSampler) Stop() uint64 {
	close(h.stop)
	<-h.done
	return h.peak
}
