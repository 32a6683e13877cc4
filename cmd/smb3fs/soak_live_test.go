//go:build linux

package main

// The soak: mixed file operations through a real mount for a while, with a
// fault every few seconds, and a tally at the end (issue 7).
//
//	SMB3FS_SOAK=30m scripts/testenv exec -- go test -run TestLiveSoak -v -timeout 40m ./cmd/smb3fs/
//
// runs it for 30 minutes; without SMB3FS_SOAK (`make test`) it runs for
// soakDefault.
//
// A delete is unlink(2) itself, not os.Remove: os.Remove tries rmdir(2)
// after a failed unlink and returns rmdir's error unless it is ENOTDIR. An
// unlink that the server executed but whose answer a fault cut off fails
// with EIO (it is never sent again), and the rmdir after it then finds no
// such name: ENOENT, which looked like a known file gone missing.
//
// The mount (bob's keytab, so tickets renew on their own; timeout=6) runs in
// a client network of its own (testenv.ClientNet). Workers each own a
// directory and write files (fsync and close checked), read them back,
// stat, rename, delete and list them. A file counts as known only when
// every step that made it succeeded; a file whose write, rename or delete
// failed is forgotten, since its fate is unknown. The faults rotate: the
// serving smbd killed, stopped for less than the timeout, the link down
// for a while, 30% packet loss.
//
// It fails on: different bytes from a known file (on the mount or on the
// server's disk), a known file missing, an errno that is not an I/O or
// connection error (ENOENT for a known file, EACCES, ...), any operation
// that does not return within the bound (a hang), and a mount that does
// not work again once the faults stop (no reconnect).

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/smb3fs/smb3fs/internal/testenv"
)

const (
	// soakDefault is how long the soak runs without SMB3FS_SOAK: about
	// fifteen faults, each kind three or four times.
	soakDefault = "2m"
	// soakFaultEvery is the pause between two faults.
	soakFaultEvery = 8 * time.Second
	// soakWorkers is the number of concurrent workers.
	soakWorkers = 4
	// soakOpBound is how long one operation may take before the soak
	// calls it hung: a few request timeouts past the longest fault.
	soakOpBound = 4*faultTimeout + 30*time.Second
)

// soakFile is a file a worker knows the contents of.
type soakFile struct {
	seed uint64
	size int
	sum  [32]byte
}

// soakContent returns the bytes of a file made from seed.
func soakContent(seed uint64, size int) []byte {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	b := make([]byte, size)
	for i := 0; i+8 <= size; i += 8 {
		v := r.Uint64()
		for j := 0; j < 8; j++ {
			b[i+j] = byte(v >> (8 * j))
		}
	}
	for i := size - size%8; i < size; i++ {
		b[i] = byte(r.Uint32())
	}
	return b
}

// soakTally counts what happened; its maps are guarded by mu.
type soakTally struct {
	mu         sync.Mutex
	ops        map[string]int // "write ok", "read error", ...
	errnos     map[string]int
	faults     map[string]int
	bad        []string // failures: corruption, lost files, unexpected errnos, hangs
	written    atomic.Int64
	verified   atomic.Int64
	inFlight   [soakWorkers]atomic.Int64 // unix nanos an op started, 0 when idle
	inFlightOp [soakWorkers]atomic.Value // string
	// mnt and disk are the mount point and the share's directory on the
	// server, for telling what the server has when an errno surprises.
	mnt, disk string
}

func (s *soakTally) count(m map[string]int, k string) {
	s.mu.Lock()
	m[k]++
	s.mu.Unlock()
}

func (s *soakTally) fail(format string, a ...any) {
	s.mu.Lock()
	s.bad = append(s.bad, fmt.Sprintf(format, a...))
	s.mu.Unlock()
}

// soakErr records an error of op; errnos outside faultErrnos (I/O and
// connection errors) are failures.
func (s *soakTally) soakErr(op, path string, err error) {
	s.count(s.ops, op+" error")
	what := filepath.Base(path)
	var en syscall.Errno
	if !errors.As(err, &en) {
		s.fail("%s %s: not an errno: %v", op, what, err)
		return
	}
	name := unix.ErrnoName(en)
	s.count(s.errnos, name)
	if !faultErrnos[en] {
		s.fail("%s %s: %v (%s), not an I/O or connection error; on the server: %s", op, what, err, name, s.onServer(path))
	}
}

// onServer says what the server's disk holds at path (a path on the
// mount) and which hidden (silly-renamed) files its directory has.
func (s *soakTally) onServer(path string) string {
	rel, err := filepath.Rel(s.mnt, path)
	if err != nil {
		return err.Error()
	}
	p := filepath.Join(s.disk, rel)
	state := "absent"
	if st, err := os.Lstat(p); err == nil {
		state = fmt.Sprintf("present, %d bytes, modified %s", st.Size(), st.ModTime().Format(time.RFC3339Nano))
	} else if !errors.Is(err, os.ErrNotExist) {
		state = err.Error()
	}
	var hidden []string
	ents, _ := os.ReadDir(filepath.Dir(p))
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".smb3fs-deleted-") {
			hidden = append(hidden, e.Name())
		}
	}
	return fmt.Sprintf("%s; %d hidden files in its directory %v", state, len(hidden), hidden)
}

func TestLiveSoak(t *testing.T) {
	v := os.Getenv("SMB3FS_SOAK")
	if v == "" {
		v = soakDefault
	}
	dur, err := time.ParseDuration(v)
	if err != nil || dur <= 0 {
		t.Fatalf("SMB3FS_SOAK=%q: want a duration like 30m", v)
	}
	env := testenv.Env(t)
	bob := env.User(t, "bob")
	if bob.Keytab == "" {
		t.Fatal("bob has no keytab in env.json")
	}
	bin := testenv.DaemonBinary(t)
	share := env.Shares.Encrypted
	unc := "//" + env.DC.Host + "/" + share
	dir := t.TempDir()
	cn := env.ClientNet(t)

	// The daemon in the foreground, so its log (reconnects) is ours.
	logf, err := os.Create(filepath.Join(t.TempDir(), "daemon.log"))
	if err != nil {
		t.Fatal(err)
	}
	mount := exec.Command(bin, "mount", unc, dir, "--foreground", "--keytab", bob.Keytab, "--principal", bob.Principal,
		"-o", fmt.Sprintf("timeout=%d", int(faultTimeout/time.Second)))
	mount.Env = append(os.Environ(), "KRB5_CONFIG="+env.KRB5Conf, "KRB5CCNAME=FILE:"+filepath.Join(t.TempDir(), "unused-ccache"))
	mount.Stdout, mount.Stderr = logf, logf
	cn.Enter(mount)
	if err := mount.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- mount.Wait() }()
	t.Cleanup(func() {
		if m, _ := isMounted(dir); m {
			exec.Command(bin, "unmount", "--lazy", dir).Run()
		}
		mount.Process.Kill()
	})
	for deadline := time.Now().Add(time.Minute); ; {
		if m, _ := isMounted(dir); m {
			break
		}
		select {
		case err := <-exited:
			log, _ := os.ReadFile(logf.Name())
			t.Fatalf("mount exited (%v) before the share was mounted:\n%s", err, log)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatal("not mounted after a minute")
		}
	}
	top := env.ScratchName(t, share, "soak")
	if err := os.Mkdir(filepath.Join(dir, top), 0755); err != nil {
		t.Fatal(err)
	}
	onDisk := filepath.Join(env.ShareDirs[share], top)

	tally := &soakTally{ops: map[string]int{}, errnos: map[string]int{}, faults: map[string]int{}, mnt: dir, disk: env.ShareDirs[share]}
	ctx, cancel := context.WithTimeout(context.Background(), dur)
	defer cancel()

	// The watchdog: an operation past soakOpBound is a hang. The FUSE
	// connection is aborted so that the test can end and say so.
	hung := make(chan struct{})
	var hangOnce sync.Once
	go func() {
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			select {
			case <-hung:
				return
			case <-tick.C:
			}
			for w := range tally.inFlight {
				if st := tally.inFlight[w].Load(); st != 0 && time.Since(time.Unix(0, st)) > soakOpBound {
					op, _ := tally.inFlightOp[w].Load().(string)
					hangOnce.Do(func() {
						tally.fail("HANG: worker %d: %s has not returned after %v", w, op, soakOpBound)
						err := testenv.AbortFUSE(dir)
						t.Logf("aborted the FUSE connection: %v", err)
						cancel()
					})
				}
			}
		}
	}()

	// The faults, one every soakFaultEvery, in turn.
	faultsDone := make(chan struct{})
	go func() {
		defer close(faultsDone)
		kinds := []string{"smbd killed", "smbd stopped 1.5s", "link down 3s", "30% loss 5s"}
		for i := 0; ; i++ {
			select {
			case <-ctx.Done():
				return
			case <-time.After(soakFaultEvery):
			}
			kind := kinds[i%len(kinds)]
			fctx, fcancel := context.WithTimeout(context.Background(), 30*time.Second)
			found, err := env.FindSmbd(fctx, cn.ClientAddr)
			fcancel()
			if err != nil {
				tally.fail("fault %s: %v", kind, err)
				return
			}
			switch kind {
			case "smbd killed":
				if len(found) == 0 {
					kind = "smbd killed (no connection to kill)"
				}
				for i := range found {
					found[i].Kill()
				}
			case "smbd stopped 1.5s":
				for i := range found {
					found[i].Stop()
				}
				time.Sleep(1500 * time.Millisecond)
				for i := range found {
					found[i].Cont()
				}
			case "link down 3s":
				if err := cn.Down(); err != nil {
					tally.fail("link down: %v", err)
				}
				time.Sleep(3 * time.Second)
				if err := cn.Up(); err != nil {
					tally.fail("link up: %v", err)
				}
			case "30% loss 5s":
				if err := cn.Loss(30); err != nil {
					tally.fail("loss: %v", err)
				}
				time.Sleep(5 * time.Second)
				if err := cn.Loss(0); err != nil {
					tally.fail("loss off: %v", err)
				}
			}
			tally.count(tally.faults, kind)
		}
	}()

	known := make([]map[string]soakFile, soakWorkers)
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < soakWorkers; w++ {
		known[w] = map[string]soakFile{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			soakWorker(ctx, tally, w, filepath.Join(dir, top, fmt.Sprintf("w%d", w)), known[w])
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	<-faultsDone
	close(hung)

	// Faults over, the mount must be usable again: reconnect, not a dead
	// mount that keeps answering EIO. (The bound is a deadline, not a
	// timing assertion.)
	probe := filepath.Join(dir, top, "recovery probe.bin")
	want := soakContent(42, 1<<20)
	recovered := time.Now()
	for deadline := recovered.Add(2 * time.Minute); ; {
		err := writeSynced(probe, want)
		if err == nil {
			var got []byte
			got, err = os.ReadFile(probe)
			if err == nil && !bytes.Equal(got, want) {
				tally.fail("CORRUPTION: the recovery probe read back different bytes")
			}
		}
		if err == nil {
			t.Logf("the mount worked again %v after the last fault", time.Since(recovered).Round(time.Millisecond))
			break
		}
		os.Remove(probe)
		if time.Now().After(deadline) {
			tally.fail("the mount did not recover within 2 minutes of the last fault: %v", err)
			break
		}
		time.Sleep(time.Second)
	}

	// Every known file is on the server's disk with the right bytes.
	files := 0
	for w := range known {
		for name, f := range known[w] {
			files++
			b, err := os.ReadFile(filepath.Join(onDisk, fmt.Sprintf("w%d", w), name))
			if err != nil {
				tally.fail("server's disk: w%d/%s: %v", w, name, err)
				continue
			}
			if sha256.Sum256(b) != f.sum {
				tally.fail("server's disk: w%d/%s: %d bytes differ from what was written", w, name, len(b))
				continue
			}
			tally.verified.Add(int64(len(b)))
		}
	}

	// Unmount: the daemon flushes and exits.
	if out, err := exec.Command(bin, "unmount", dir).CombinedOutput(); err != nil {
		tally.fail("unmount: %v: %s", err, out)
	}
	select {
	case <-exited:
	case <-time.After(time.Minute):
		tally.fail("the mount daemon did not exit within a minute of the unmount")
	}
	log, _ := os.ReadFile(logf.Name())
	reconnects := strings.Count(strings.ToLower(string(log)), "reconnected")

	t.Logf("soak: %v, %d workers, faults every %v", elapsed.Round(time.Second), soakWorkers, soakFaultEvery)
	t.Logf("operations: %s", sortedCounts(tally.ops))
	t.Logf("errors surfaced: %s", sortedCounts(tally.errnos))
	t.Logf("faults injected: %s", sortedCounts(tally.faults))
	t.Logf("reconnects logged by the daemon: %d", reconnects)
	t.Logf("bytes acknowledged (write+fsync+close): %d; bytes verified (reads and the server's disk): %d; known files at the end: %d",
		tally.written.Load(), tally.verified.Load(), files)
	if testing.Verbose() {
		t.Logf("daemon log:\n%s", log)
	}
	for _, b := range tally.bad {
		t.Error(b)
	}
	if tally.ops["write ok"] == 0 {
		t.Error("no write succeeded: nothing was tested")
	}
}

// sortedCounts formats m as "a=1 b=2" in key order.
func sortedCounts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s=%d ", k, m[k])
	}
	if b.Len() == 0 {
		return "none"
	}
	return strings.TrimSpace(b.String())
}

// soakWorker runs mixed operations in its own directory until ctx ends.
func soakWorker(ctx context.Context, s *soakTally, w int, dir string, known map[string]soakFile) {
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), uint64(w)))
	begin := func(op string) {
		s.inFlightOp[w].Store(op)
		s.inFlight[w].Store(time.Now().UnixNano())
	}
	end := func() { s.inFlight[w].Store(0) }
	for {
		begin("mkdir")
		err := os.Mkdir(dir, 0755)
		end()
		if err == nil || errors.Is(err, os.ErrExist) {
			break
		}
		s.soakErr("mkdir", dir, err)
		if ctx.Err() != nil {
			return
		}
		time.Sleep(time.Second)
	}
	pick := func() (string, soakFile, bool) {
		if len(known) == 0 {
			return "", soakFile{}, false
		}
		names := make([]string, 0, len(known))
		for n := range known {
			names = append(names, n)
		}
		sort.Strings(names)
		n := names[r.IntN(len(names))]
		return n, known[n], true
	}
	sizes := []int{0, 1, 4096, 65536 + 3, 1 << 20, 3<<20 + 17}
	seq := 0
	for ctx.Err() == nil {
		seq++
		switch p := r.IntN(100); {
		case p < 40 || len(known) < 3: // write a new file
			f := soakFile{seed: r.Uint64(), size: sizes[r.IntN(len(sizes))]}
			data := soakContent(f.seed, f.size)
			f.sum = sha256.Sum256(data)
			name := fmt.Sprintf("f%05d with space ü.bin", seq)
			begin("write " + name)
			err := writeSynced(filepath.Join(dir, name), data)
			end()
			if err != nil {
				s.soakErr("write", filepath.Join(dir, name), err)
				os.Remove(filepath.Join(dir, name)) // best effort; its fate is unknown
				continue
			}
			s.count(s.ops, "write ok")
			s.written.Add(int64(f.size))
			known[name] = f
		case p < 65: // read one back
			name, f, _ := pick()
			begin("read " + name)
			b, err := os.ReadFile(filepath.Join(dir, name))
			end()
			if err != nil {
				s.soakErr("read", filepath.Join(dir, name), err)
				continue
			}
			if !bytes.Equal(b, soakContent(f.seed, f.size)) {
				s.fail("CORRUPTION: read %s: %d bytes, not the %d written", name, len(b), f.size)
				continue
			}
			s.count(s.ops, "read ok")
			s.verified.Add(int64(len(b)))
		case p < 75: // rename
			name, f, _ := pick()
			to := fmt.Sprintf("r%05d.bin", seq)
			begin("rename " + name)
			err := os.Rename(filepath.Join(dir, name), filepath.Join(dir, to))
			end()
			delete(known, name)
			if err != nil {
				s.soakErr("rename", filepath.Join(dir, name), err)
				continue
			}
			s.count(s.ops, "rename ok")
			known[to] = f
		case p < 85: // delete
			name, _, _ := pick()
			begin("delete " + name)
			err := unix.Unlink(filepath.Join(dir, name))
			end()
			delete(known, name)
			if err != nil {
				s.soakErr("delete", filepath.Join(dir, name), err)
				continue
			}
			s.count(s.ops, "delete ok")
		case p < 93: // list: every known file is there
			begin("readdir")
			ents, err := os.ReadDir(dir)
			end()
			if err != nil {
				s.soakErr("readdir", dir, err)
				continue
			}
			have := map[string]bool{}
			for _, e := range ents {
				have[e.Name()] = true
			}
			for n := range known {
				if !have[n] {
					s.fail("LOST: %s is not in its directory", n)
				}
			}
			s.count(s.ops, "readdir ok")
		default: // stat
			name, f, _ := pick()
			begin("stat " + name)
			st, err := os.Stat(filepath.Join(dir, name))
			end()
			if err != nil {
				s.soakErr("stat", filepath.Join(dir, name), err)
				continue
			}
			if st.Size() != int64(f.size) {
				s.fail("stat %s: size %d, written %d", name, st.Size(), f.size)
			}
			s.count(s.ops, "stat ok")
		}
	}
}

// writeSynced creates path with data, fsyncs and closes it: nil only when
// every step succeeded.
func writeSynced(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0644)
	if err != nil {
		return err
	}
	_, werr := io.Copy(f, bytes.NewReader(data))
	serr := f.Sync()
	cerr := f.Close()
	return errors.Join(werr, serr, cerr)
}
