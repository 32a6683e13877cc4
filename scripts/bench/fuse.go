package main

// The "fuse" mode: smb3fs through its FUSE mount against smbclient and two
// FUSE peers (smbnetfs, rclone mount), all on the encrypted share of the DC.
//
// How it measures (see printFuseTable for what the table says):
//
//	setup:   SRC (--size) and a tree of --files x 4 KiB files on tmpfs;
//	         READ (a copy of SRC) written on the server's side of the share,
//	         so that no client ever wrote the file it reads
//	rounds:  for each workload, for each client (A B C D, A B C D, ...):
//	           untimed: remove what the workload creates (server side),
//	                    sync, drop the page cache (echo 3 > drop_caches: the
//	                    client's and the server's cache alike, same machine),
//	                    mount the client on a fresh mount point
//	           timed:   the command (dd, rsync, cp, ls), wall clock and CPU
//	                    (the command's rusage + the FUSE daemon's process
//	                    tree, utime+stime from /proc/PID/stat before/after)
//	           untimed: check the result (sizes, file counts, sha256 of the
//	                    big file in round 1), unmount, wait for the daemon
//
// Every operation gets its own mount, so no client profits from what an
// earlier operation left in its caches.

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/smb3fs/smb3fs/internal/testenv"
)

// Client names of the fuse mode.
const (
	cSMB3FS    = "smb3fs"
	cSmbclient = "smbclient"
	cSmbnetfs  = "smbnetfs"
	cRclone    = "rclone"
	cLoopback  = "loopback" // go-fuse's loopback over tmpfs (loopback.go)
)

var allClients = []string{cSMB3FS, cSmbclient, cSmbnetfs, cRclone, cLoopback}

// Workloads of the fuse mode, in the order they run within a round.
const (
	wWrite    = "write"
	wRead     = "read"
	wRsync    = "rsync"
	wNoChange = "rsync-nochange"
	wCp       = "cp"
	wLs       = "ls"
	// wLsAgain is ls -lR of the rsync tree a second time in the same
	// mount (the first, untimed): what caches that outlive a listing
	// (directory leases) save.
	wLsAgain = "ls-again"
)

var allWorkloads = []string{wWrite, wRead, wRsync, wNoChange, wCp, wLs}

// knownWorkloads are allWorkloads and those run only when named.
var knownWorkloads = append(slices.Clone(allWorkloads), wLsAgain)

// fuseSample is one timed operation.
type fuseSample struct {
	sec  float64 // wall seconds of the operation
	cpu  float64 // client CPU seconds: command + daemon tree
	srv  float64 // server CPU seconds: every smbd process (serverCPU)
	note string  // anything unusual (rsync exit 23, files re-sent, ...)
	// requests is the number of SMB2 messages (a compound or a
	// transform-wrapped message counts once) the client sent during the
	// operation, with --count (count.go); commands counts the commands in
	// them by name.
	requests int
	commands map[string]int
}

// fuseBench is the state of one fuse-mode run.
type fuseBench struct {
	cfg      *config
	env      *testenv.Environment
	clients  []string
	loads    []string
	work     string // private directory on tmpfs
	src      string // big source file
	srcSum   string
	tree     string                  // small-file tree
	shareDir string                  // server side of the share
	tag      string                  // directory of this run on the share
	rcConf   string                  // rclone config
	snHome   string                  // HOME for smbnetfs (its config and libsmbclient's smb.conf)
	samples  map[string][]fuseSample // client + "/" + workload, of cur (or the shape printed)
	notes    map[string]bool
	shapes   []*shape // the network conditions (shape.go): one, or one per --rtt
	cur      *shape   // the condition being measured
}

func runFuse(ctx context.Context, cfg *config) error {
	if os.Geteuid() != 0 {
		return errors.New("the fuse mode mounts and drops the page cache: run it as root under scripts/testenv exec --user alice")
	}
	env, err := loadEnv()
	if err != nil {
		return err
	}
	if os.Getenv("KRB5CCNAME") == "" {
		return errors.New("KRB5CCNAME is not set: run under scripts/testenv exec --user alice")
	}
	b := &fuseBench{cfg: cfg, env: env, samples: map[string][]fuseSample{}, notes: map[string]bool{}}
	if b.clients, err = subset("--clients", cfg.clients, allClients); err != nil {
		return err
	}
	if cfg.workloads == "" || cfg.workloads == "all" {
		b.loads = allWorkloads
	} else if b.loads, err = subset("--workloads", cfg.workloads, knownWorkloads); err != nil {
		return err
	}
	if err := b.checkTools(); err != nil {
		return err
	}
	b.shareDir = env.ShareDirs[share(cfg, env)]
	if b.shareDir == "" {
		return fmt.Errorf("env.json has no directory for share %q", share(cfg, env))
	}
	if b.work, err = os.MkdirTemp("/dev/shm", "smb3fs-bench-"); err != nil {
		return err
	}
	defer os.RemoveAll(b.work)
	b.tag = "smb3fs-bench-" + filepath.Base(b.work)[len("smb3fs-bench-"):]
	defer func() {
		if !cfg.keep {
			os.RemoveAll(filepath.Join(b.shareDir, b.tag))
		}
	}()
	if err := b.setup(); err != nil {
		return err
	}
	if err := b.startShapes(ctx); err != nil {
		return err
	}
	defer b.closeShapes()
	b.printFuseHeader()
	for r := 1; r <= cfg.rounds; r++ {
		for _, sh := range b.shapes {
			b.cur, b.samples = sh, sh.samples
			for _, w := range b.loads {
				for _, c := range b.clients {
					if c == cSmbclient && w != wWrite && w != wRead && w != wCp {
						continue
					}
					if c == cLoopback && w != wRsync && w != wCp {
						continue
					}
					if err := ctx.Err(); err != nil {
						return err
					}
					s, err := b.runShaped(ctx, c, w, r)
					if err != nil {
						return fmt.Errorf("round %d, %s, %s %s: %w", r, sh.label(), c, w, err)
					}
					fmt.Fprintf(os.Stderr, "bench: round %d %-9s %-9s %-14s %8.3fs  cpu %6.2fs  server %6.2fs  %s\n", r, sh.label(), c, w, s.sec, s.cpu, s.srv, s.note)
					b.samples[c+"/"+w] = append(b.samples[c+"/"+w], s)
				}
			}
		}
	}
	for _, sh := range b.shapes {
		b.cur, b.samples = sh, sh.samples
		if sh.proxy != nil {
			st := sh.proxy.Stats()
			capped := ""
			if b.cfg.rate > 0 {
				capped = fmt.Sprintf(", each direction capped at %s/s", &b.cfg.rate)
			}
			fmt.Printf("### %s (through the proxy%s: %d connections, %.0f MB to the server, %.0f MB back, at most %s held per direction)\n\n",
				sh.label(), capped, st.Conns, float64(st.ToServer)/1e6, float64(st.ToClient)/1e6, (*byteSize)(&st.MaxHeld))
		}
		b.printFuseTable()
	}
	b.printRTTTable()
	b.printFuseTail()
	return nil
}

func subset(flag, list string, all []string) ([]string, error) {
	if list == "" || list == "all" {
		return all, nil
	}
	var out []string
	for _, s := range strings.Split(list, ",") {
		if !slices.Contains(all, s) {
			return nil, fmt.Errorf("%s: unknown %q (want some of %s)", flag, s, strings.Join(all, ","))
		}
		out = append(out, s)
	}
	// keep the canonical order
	slices.SortFunc(out, func(a, b string) int { return slices.Index(all, a) - slices.Index(all, b) })
	return slices.Compact(out), nil
}

func (b *fuseBench) checkTools() error {
	need := []string{"dd", "rsync", "cp", "ls", "fusermount"}
	for _, c := range b.clients {
		switch c {
		case cSMB3FS:
			need = append(need, b.cfg.smb3fs)
		case cSmbclient:
			need = append(need, b.cfg.smbclient)
		case cSmbnetfs:
			need = append(need, "smbnetfs")
		case cRclone:
			need = append(need, "rclone")
		}
	}
	for _, n := range need {
		if _, err := exec.LookPath(n); err != nil {
			return fmt.Errorf("%w (scripts/bench.sh installs smbnetfs and rclone)", err)
		}
	}
	return nil
}

// setup creates the sources, the server-side directories and the peers'
// configuration.
func (b *fuseBench) setup() error {
	b.src = filepath.Join(b.work, "src.bin")
	sum, err := writeRandom(b.src, int64(b.cfg.size))
	if err != nil {
		return err
	}
	b.srcSum = sum
	b.tree = filepath.Join(b.work, "tree")
	rng := rand.NewChaCha8([32]byte{'t', 'r', 'e', 'e'})
	buf := make([]byte, 4096)
	for i := 0; i < b.cfg.files; i++ {
		d := filepath.Join(b.tree, fmt.Sprintf("d%03d", i/100))
		if i%100 == 0 {
			if err := os.MkdirAll(d, 0755); err != nil {
				return err
			}
		}
		rng.Read(buf)
		if err := os.WriteFile(filepath.Join(d, fmt.Sprintf("f%05d.dat", i)), buf, 0644); err != nil {
			return err
		}
	}

	// Server side: <share>/<tag>/read.bin and one directory per client,
	// owned by the user the server maps alice to.
	alice, err := b.user("alice")
	if err != nil {
		return err
	}
	top := filepath.Join(b.shareDir, b.tag)
	for _, d := range append([]string{top}, prefixAll(top+"/", b.clients)...) {
		if err := os.Mkdir(d, 0775); err != nil {
			return err
		}
		if err := os.Chown(d, alice.UID, alice.GID); err != nil {
			return err
		}
	}
	if slices.Contains(b.loads, wRead) {
		rb := filepath.Join(top, "read.bin")
		if err := copyFile(b.src, rb); err != nil {
			return err
		}
		if err := os.Chown(rb, alice.UID, alice.GID); err != nil {
			return err
		}
	}

	for _, c := range b.clients {
		if c != cSmbclient {
			if err := os.Mkdir(filepath.Join(b.work, "mnt-"+c), 0755); err != nil {
				return err
			}
		}
	}
	if slices.Contains(b.clients, cLoopback) {
		if err := os.MkdirAll(b.serverDir(cLoopback), 0755); err != nil {
			return err
		}
	}
	if slices.Contains(b.clients, cSmbnetfs) {
		// smbnetfs reads ~/.smb/smbnetfs.conf, libsmbclient ~/.smb/smb.conf.
		b.snHome = filepath.Join(b.work, "smbnetfs-home")
		if err := os.MkdirAll(filepath.Join(b.snHome, ".smb"), 0700); err != nil {
			return err
		}
		base, err := os.ReadFile(b.env.ClientSMBConf)
		if err != nil {
			return err
		}
		// Same demands as smbclient and smb3fs: SMB 3.1.1, Kerberos, sealed.
		smbconf := strings.Replace(string(base), "[global]\n", "[global]\n"+
			"    client min protocol = SMB3_11\n    client max protocol = SMB3_11\n"+
			"    client smb encrypt = required\n    client use kerberos = required\n"+
			"    client smb3 encryption algorithms = "+b.cfg.cipher+"\n", 1)
		if err := os.WriteFile(filepath.Join(b.snHome, ".smb", "smb.conf"), []byte(smbconf), 0600); err != nil {
			return err
		}
		snconf := "smb_query_browsers false\nshow_hidden_hosts true\nhost " + b.env.DC.Host + " visible=true\n"
		if err := os.WriteFile(filepath.Join(b.snHome, ".smb", "smbnetfs.conf"), []byte(snconf), 0600); err != nil {
			return err
		}
	}
	if slices.Contains(b.clients, cRclone) {
		// rclone 1.60's smb backend knows only NTLM (user + password); the
		// password goes to `rclone obscure -` on stdin and into a 0600 file.
		ob := exec.Command("rclone", "obscure", "-")
		ob.Stdin = strings.NewReader(alice.Password)
		out, err := ob.Output()
		if err != nil {
			return fmt.Errorf("rclone obscure: %w", err)
		}
		b.rcConf = filepath.Join(b.work, "rclone.conf")
		conf := fmt.Sprintf("[bench]\ntype = smb\nhost = %s\nuser = alice\ndomain = %s\npass = %s\n",
			b.env.DC.Host, b.env.Domain, strings.TrimSpace(string(out)))
		if err := os.WriteFile(b.rcConf, []byte(conf), 0600); err != nil {
			return err
		}
	}
	return nil
}

func (b *fuseBench) user(name string) (*testenv.User, error) {
	for i := range b.env.Users {
		if b.env.Users[i].Name == name {
			return &b.env.Users[i], nil
		}
	}
	return nil, fmt.Errorf("env.json has no user %s", name)
}

func prefixAll(p string, s []string) []string {
	out := make([]string, len(s))
	for i := range s {
		out[i] = p + s[i]
	}
	return out
}

// writeRandom writes n pseudo-random bytes to path and returns their sha256.
func writeRandom(path string, n int64) (string, error) {
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	rng := rand.NewChaCha8([32]byte{'s', 'm', 'b', '3', 'f', 's'})
	h := sha256.New()
	buf := make([]byte, 8<<20)
	for n > 0 {
		k := min(n, int64(len(buf)))
		rng.Read(buf[:k])
		h.Write(buf[:k])
		if _, err := f.Write(buf[:k]); err != nil {
			f.Close()
			return "", err
		}
		n -= k
	}
	return hex.EncodeToString(h.Sum(nil)), f.Close()
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// mount is one mounted client.
type mount struct {
	dir    string // mount point
	root   string // this client's directory on the share, through the mount
	share  string // the share's root, through the mount
	cmd    *exec.Cmd
	done   chan error
	logf   *os.File
	client string
}

// mountClient starts a FUSE client in the foreground and waits until its
// mount point is mounted.
func (b *fuseBench) mountClient(ctx context.Context, c, w string, round int) (*mount, error) {
	m := &mount{dir: filepath.Join(b.work, "mnt-"+c), done: make(chan error, 1), client: c}
	var err error
	m.logf, err = os.OpenFile(filepath.Join(b.work, c+".log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0600)
	if err != nil {
		return nil, err
	}
	env := os.Environ()
	switch c {
	case cSMB3FS:
		// file_mode=0644 as rclone shows files by default: the mount's own
		// default is mount.cifs's 0755, which a source tree of 0644 files
		// differs from, so every no-change rsync would chmod each file.
		m.cmd = exec.Command(b.cfg.smb3fs, "mount", b.env.DC.UNC(share(b.cfg, b.env)), m.dir, "--foreground", "-o", "file_mode=0644")
		if p := b.port(); p != 0 {
			m.cmd.Args = append(m.cmd.Args, "-o", "port="+strconv.Itoa(p))
		}
		if b.cfg.smb3fsOpts != "" {
			m.cmd.Args = append(m.cmd.Args, "-o", b.cfg.smb3fsOpts)
		}
		if b.cfg.profile != "" {
			p := filepath.Join(b.cfg.profile, fmt.Sprintf("smb3fs-%s-r%d", w, round))
			env = append(env, "SMB3FS_CPUPROFILE="+p+".cpu.pprof", "SMB3FS_MEMPROFILE="+p+".mem.pprof")
		}
		m.share = m.dir
	case cSmbnetfs:
		m.cmd = exec.Command("smbnetfs", m.dir, "-f")
		env = append(env, "HOME="+b.snHome)
		host := b.env.DC.Host
		if p := b.port(); p != 0 {
			// smbnetfs makes smb://HOST:PORT/SHARE of this path, and
			// libsmbclient connects to that port, keeping HOST for
			// Kerberos; it ignores smb.conf's "smb ports".
			host += ":" + strconv.Itoa(p)
		}
		m.share = filepath.Join(m.dir, host, share(b.cfg, b.env))
	case cRclone:
		m.cmd = exec.Command("rclone", "mount", "bench:"+share(b.cfg, b.env), m.dir, "--config", b.rcConf)
		if p := b.port(); p != 0 {
			env = append(env, "RCLONE_CONFIG_BENCH_PORT="+strconv.Itoa(p)) // the remote's port option
		}
		m.share = m.dir
	case cLoopback:
		self, err := os.Executable()
		if err != nil {
			m.logf.Close()
			return nil, err
		}
		m.cmd = exec.Command(self, "--loopback-serve", filepath.Join(b.work, "loopback")+" "+m.dir)
		m.share = m.dir
	default:
		return nil, fmt.Errorf("%s is no FUSE client", c)
	}
	m.root = filepath.Join(m.share, b.tag, c)
	m.cmd.Env = env
	m.cmd.Stdout, m.cmd.Stderr = m.logf, m.logf
	fmt.Fprintf(m.logf, "--- round %d %s\n", round, w)
	if err := m.cmd.Start(); err != nil {
		m.logf.Close()
		return nil, err
	}
	go func() { m.done <- m.cmd.Wait() }()
	deadline := time.Now().Add(60 * time.Second)
	for {
		if ok, _ := mountedFuse(m.dir); ok {
			break
		}
		select {
		case err := <-m.done:
			m.done <- err
			m.logf.Close()
			return nil, fmt.Errorf("%s exited before mounting (%v); see its log", c, err)
		case <-time.After(20 * time.Millisecond):
		case <-ctx.Done():
			m.kill()
			return nil, ctx.Err()
		}
		if time.Now().After(deadline) {
			m.kill()
			return nil, fmt.Errorf("%s did not mount within a minute", c)
		}
	}
	// The first access sets up the SMB session for the peers that connect
	// lazily (smbnetfs, rclone): not part of any timed operation.
	if _, err := os.Stat(m.root); err != nil {
		m.unmount()
		return nil, fmt.Errorf("%s: %w", c, err)
	}
	return m, nil
}

func (m *mount) kill() {
	m.cmd.Process.Kill()
	<-m.done
	exec.Command("fusermount", "-u", "-z", m.dir).Run()
	m.logf.Close()
}

// unmount unmounts and waits for the daemon to exit (profiles written).
func (m *mount) unmount() error {
	defer m.logf.Close()
	var err error
	for i := 0; i < 50; i++ {
		var out []byte
		out, err = exec.Command("fusermount", "-u", m.dir).CombinedOutput()
		if err == nil {
			break
		}
		err = fmt.Errorf("fusermount -u %s: %v: %s", m.dir, err, bytes.TrimSpace(out))
		time.Sleep(200 * time.Millisecond)
	}
	if err != nil {
		m.kill()
		return err
	}
	select {
	case <-m.done:
		return nil
	case <-time.After(60 * time.Second):
		m.cmd.Process.Kill()
		<-m.done
		return fmt.Errorf("%s did not exit within a minute of the unmount", m.client)
	}
}

// mountedFuse reports whether dir is a FUSE mount point.
func mountedFuse(dir string) (bool, error) {
	f, err := os.Open("/proc/self/mountinfo")
	if err != nil {
		return false, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 5 || fields[4] != dir {
			continue
		}
		for i, fl := range fields {
			if fl == "-" && i+1 < len(fields) && strings.HasPrefix(fields[i+1], "fuse") {
				return true, nil
			}
		}
	}
	return false, sc.Err()
}

// procTime is one process of /proc: its name, parent and CPU ticks
// (utime+stime, plus those of its reaped children).
type procTime struct {
	comm   string
	parent int
	ticks  float64
}

// userHZ is the unit of the CPU times of /proc/PID/stat (USER_HZ on Linux).
const userHZ = 100

// procTimes reads every live process's procTime.
func procTimes() map[int]procTime {
	out := map[int]procTime{}
	ents, _ := os.ReadDir("/proc")
	for _, e := range ents {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		data, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// comm may contain spaces: fields after the last ')'.
		i := bytes.LastIndexByte(data, ')')
		j := bytes.IndexByte(data, '(')
		if i < 0 || j < 0 || j > i {
			continue
		}
		f := strings.Fields(string(data[i+1:]))
		if len(f) < 15 {
			continue
		}
		pp, _ := strconv.Atoi(f[1])
		var t float64
		for _, k := range []int{11, 12, 13, 14} { // utime stime cutime cstime
			v, _ := strconv.ParseFloat(f[k], 64)
			t += v
		}
		out[p] = procTime{comm: string(data[j+1 : i]), parent: pp, ticks: t}
	}
	return out
}

// treeCPU returns the CPU seconds (utime+stime, plus those of reaped
// children) of pid and all its live descendants.
func treeCPU(pid int) float64 {
	procs := procTimes()
	var sum float64
	for p, pt := range procs {
		for q := p; q > 1; q = procs[q].parent {
			if q == pid {
				sum += pt.ticks
				break
			}
		}
	}
	return sum / userHZ
}

// serverCPU returns the CPU seconds of every smbd process (the name is
// smbd, or smbd-notifyd and the like), including reaped children: the
// server work of the test environment's Samba servers, of which only the
// DC serves the benchmark (the others stand idle). A difference of two
// readings is the server's work during the span, as long as no smbd exits
// unreaped in it.
func serverCPU() float64 {
	var sum float64
	for _, pt := range procTimes() {
		if strings.HasPrefix(pt.comm, "smbd") {
			sum += pt.ticks
		}
	}
	return sum / userHZ
}

// dropCaches writes back dirty pages and drops the page cache, dentries
// and inodes: the server's files and the client's alike (same machine).
func dropCaches() error {
	syscall.Sync()
	return os.WriteFile("/proc/sys/vm/drop_caches", []byte("3\n"), 0200)
}

// runOne prepares, mounts, times and checks one operation.
func (b *fuseBench) runOne(ctx context.Context, c, w string, round int) (fuseSample, error) {
	var s fuseSample
	srvDir := b.serverDir(c)
	switch w {
	case wWrite:
		os.Remove(filepath.Join(srvDir, "big.bin"))
	case wRsync:
		os.RemoveAll(filepath.Join(srvDir, "rsync"))
	case wCp:
		os.RemoveAll(filepath.Join(srvDir, "cp"))
	case wNoChange, wLs, wLsAgain:
		if _, err := os.Stat(filepath.Join(srvDir, "rsync")); err != nil {
			return s, fmt.Errorf("%s needs the rsync workload before it: %w", w, err)
		}
	}
	if b.cfg.serverCache == "cold" {
		if err := dropCaches(); err != nil {
			return s, err
		}
	} else {
		// warm: the server's files in its page cache for every client
		// alike (the client's own caches die with the fresh mount).
		syscall.Sync()
		if w == wRead {
			if _, err := sha256File(filepath.Join(b.shareDir, b.tag, "read.bin")); err != nil {
				return s, err
			}
		}
	}
	if c == cSmbclient {
		return b.runSmbclientOp(ctx, w, round)
	}
	m, err := b.mountClient(ctx, c, w, round)
	if err != nil {
		return s, err
	}
	var capt *capture
	if b.cfg.count && c != cLoopback { // the loopback client has no SMB
		if capt, err = startCapture(ctx, b.work, b.env, m.cmd.Process.Pid); err != nil {
			m.unmount()
			return s, err
		}
	}
	s, err = b.timed(ctx, m, w, round)
	if capt != nil {
		n, cerr := capt.stop()
		if errors.Is(cerr, errCommandsLost) {
			s.note += " [" + cerr.Error() + "]"
			b.notes[c+" "+w+": "+cerr.Error()+"; that sample is left out of the command medians"] = true
		} else if err == nil {
			err = cerr
		}
		s.note += fmt.Sprintf(" [%d SMB messages, commands %s]", n.messages, formatCommands(n.commands, 1))
		s.requests, s.commands = n.messages, n.commands
	}
	if uerr := m.unmount(); err == nil {
		err = uerr
	}
	if err != nil {
		return s, err
	}
	return s, b.checkServer(c, w, round)
}

// timed runs the workload's command on a mounted client.
func (b *fuseBench) timed(ctx context.Context, m *mount, w string, round int) (fuseSample, error) {
	var s fuseSample
	var cmd *exec.Cmd
	switch w {
	case wWrite:
		cmd = exec.CommandContext(ctx, "dd", "if="+b.src, "of="+filepath.Join(m.root, "big.bin"), "bs=1M", "conv=fsync")
	case wRead:
		cmd = exec.CommandContext(ctx, "dd", "if="+filepath.Join(m.share, b.tag, "read.bin"), "of=/dev/null", "bs=1M")
	case wRsync:
		cmd = exec.CommandContext(ctx, "rsync", "-a", b.tree+"/", filepath.Join(m.root, "rsync")+"/")
	case wNoChange:
		cmd = exec.CommandContext(ctx, "rsync", "-a", "--stats", b.tree+"/", filepath.Join(m.root, "rsync")+"/")
	case wCp:
		cmd = exec.CommandContext(ctx, "cp", "-r", b.tree, filepath.Join(m.root, "cp"))
	case wLs:
		cmd = exec.CommandContext(ctx, "ls", "-lR", filepath.Join(m.root, "rsync"))
	case wLsAgain:
		if out, err := exec.CommandContext(ctx, "ls", "-lR", filepath.Join(m.root, "rsync")).CombinedOutput(); err != nil {
			return s, fmt.Errorf("the first ls -lR: %w: %s", err, firstLine(string(out)))
		}
		cmd = exec.CommandContext(ctx, "ls", "-lR", filepath.Join(m.root, "rsync"))
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cpu0, srv0 := treeCPU(m.cmd.Process.Pid), serverCPU()
	start := time.Now()
	err := cmd.Run()
	s.sec = time.Since(start).Seconds()
	s.cpu = treeCPU(m.cmd.Process.Pid) - cpu0
	s.srv = serverCPU() - srv0
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.cpu += tv(ru.Utime) + tv(ru.Stime)
	}
	if err != nil {
		var ee *exec.ExitError
		if (w == wRsync || w == wNoChange) && errors.As(err, &ee) && ee.ExitCode() == 23 {
			// "some files/attrs were not transferred": the peer refused
			// to set some attribute (permissions, times).
			s.note = "rsync exit 23 (attributes not set)"
			b.notes[m.client+": rsync -a ended with exit status 23: some attributes could not be set: "+
				firstLine(stderr.String())] = true
		} else {
			return s, fmt.Errorf("%s: %w: %s", cmd.Args[0], err, lastLines(stderr.String(), 5))
		}
	}
	switch w {
	case wWrite, wRead:
		n, err := ddBytes(stderr.String())
		if err != nil {
			return s, err
		}
		if n != int64(b.cfg.size) {
			return s, fmt.Errorf("dd moved %d bytes, want %d", n, int64(b.cfg.size))
		}
		if w == wRead && round == 1 {
			// What the client delivered (from the kernel's cache now).
			sum, err := sha256File(filepath.Join(m.share, b.tag, "read.bin"))
			if err != nil {
				return s, err
			}
			if sum != b.srcSum {
				return s, fmt.Errorf("read through %s: sha256 %s, want %s", m.client, sum, b.srcSum)
			}
		}
	case wNoChange:
		mt := regexp.MustCompile(`Number of regular files transferred: ([0-9,]+)`).FindStringSubmatch(stdout.String())
		if mt == nil {
			return s, fmt.Errorf("rsync --stats: no transfer count in %q", stdout.String())
		}
		if mt[1] != "0" {
			s.note += " re-sent " + mt[1] + " files"
			b.notes[m.client+": the no-change rsync -a re-sent "+mt[1]+" files (times or sizes did not match)"] = true
		}
	case wLs, wLsAgain:
		if n := strings.Count(stdout.String(), ".dat\n"); n != b.cfg.files {
			return s, fmt.Errorf("ls -lR listed %d files, want %d", n, b.cfg.files)
		}
	}
	return s, nil
}

// serverDir is client c's directory on the server's disk (for the loopback
// client, in the tmpfs directory it serves).
func (b *fuseBench) serverDir(c string) string {
	if c == cLoopback {
		return filepath.Join(b.work, "loopback", b.tag, c)
	}
	return filepath.Join(b.shareDir, b.tag, c)
}

// checkServer checks on the server's disk what a workload left there.
func (b *fuseBench) checkServer(c, w string, round int) error {
	srvDir := b.serverDir(c)
	switch w {
	case wWrite:
		st, err := os.Stat(filepath.Join(srvDir, "big.bin"))
		if err != nil {
			return err
		}
		if st.Size() != int64(b.cfg.size) {
			return fmt.Errorf("server has %d bytes, want %d", st.Size(), int64(b.cfg.size))
		}
		if round == 1 {
			sum, err := sha256File(filepath.Join(srvDir, "big.bin"))
			if err != nil {
				return err
			}
			if sum != b.srcSum {
				return fmt.Errorf("%s wrote sha256 %s, want %s", c, sum, b.srcSum)
			}
		}
	case wRsync, wCp:
		dir := filepath.Join(srvDir, map[string]string{wRsync: "rsync", wCp: "cp"}[w])
		n, err := compareTrees(b.tree, dir)
		if err != nil {
			return fmt.Errorf("%s: %w", c, err)
		}
		if n != b.cfg.files {
			return fmt.Errorf("server has %d files, want %d", n, b.cfg.files)
		}
	}
	return nil
}

// compareTrees checks that every file of src is in dst with the same
// content, and returns the number of files.
func compareTrees(src, dst string) (int, error) {
	n := 0
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		a, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		c, err := os.ReadFile(filepath.Join(dst, rel))
		if err != nil {
			return err
		}
		if !bytes.Equal(a, c) {
			return fmt.Errorf("%s differs on the server", rel)
		}
		n++
		return nil
	})
	return n, err
}

// runSmbclientOp times smbclient put (of SRC) or get (of READ to
// /dev/null), with smb3fs's demands (see runSmbclient).
func (b *fuseBench) runSmbclientOp(ctx context.Context, w string, round int) (fuseSample, error) {
	var s fuseSample
	if w == wCp {
		return b.runSmbclientMput(ctx, round)
	}
	remote := b.tag + `\` + cSmbclient + `\big.bin`
	cmd := "put " + b.src + " " + remote
	if w == wRead {
		cmd = "get " + b.tag + `\read.bin /dev/null`
	}
	srv0 := serverCPU()
	out, ps, kibps, err := smbclientRun(ctx, b.cfg, b.env, cmd, b.port())
	s.srv = serverCPU() - srv0
	if err != nil {
		return s, err
	}
	if w == wRead {
		m := smbclientGetSize.FindSubmatch(out)
		if m == nil || string(m[1]) != strconv.FormatInt(int64(b.cfg.size), 10) {
			return s, fmt.Errorf("smbclient get: size in output %q, want %d", out, int64(b.cfg.size))
		}
	} else if err := b.checkServer(cSmbclient, wWrite, round); err != nil {
		return s, err
	}
	// smbclient's own transfer time (open..close): the session setup that
	// the mounts did before the timed span is not counted either.
	s.sec = float64(b.cfg.size) / (kibps * 1024)
	s.cpu = ps.cpu
	s.note = fmt.Sprintf("(process %.3fs)", ps.proc)
	return s, nil
}

// runSmbclientMput copies the tree with smbclient's recursive mput, a
// reference for cp -r: Samba's own client, no FUSE in the way. Its time is
// the process's wall clock, session setup included (smbclient prints no
// rate for a whole mput).
func (b *fuseBench) runSmbclientMput(ctx context.Context, round int) (fuseSample, error) {
	var s fuseSample
	remote := b.tag + `\` + cSmbclient + `\cp`
	cmd := fmt.Sprintf("prompt OFF; recurse ON; lcd %s; mkdir %s; cd %s; mput *", b.tree, remote, remote)
	srv0 := serverCPU()
	out, ps, _, err := smbclientRun(ctx, b.cfg, b.env, cmd, b.port())
	s.srv = serverCPU() - srv0
	if err != nil {
		return s, err
	}
	if n := bytes.Count(out, []byte("putting file ")); n != b.cfg.files {
		return s, fmt.Errorf("smbclient mput put %d files, want %d", n, b.cfg.files)
	}
	if err := b.checkServer(cSmbclient, wCp, round); err != nil {
		return s, err
	}
	s.sec, s.cpu = ps.proc, ps.cpu
	s.note = "(mput, process wall time)"
	return s, nil
}

var ddBytesRe = regexp.MustCompile(`(?m)^([0-9]+) bytes`)

func ddBytes(out string) (int64, error) {
	m := ddBytesRe.FindStringSubmatch(out)
	if m == nil {
		return 0, fmt.Errorf("dd: no byte count in %q", out)
	}
	return strconv.ParseInt(m[1], 10, 64)
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return l
}

func lastLines(s string, n int) string {
	l := strings.Split(strings.TrimSpace(s), "\n")
	if len(l) > n {
		l = l[len(l)-n:]
	}
	return strings.Join(l, "\n")
}

func (b *fuseBench) printFuseHeader() {
	ver := func(name string, args ...string) string {
		out, err := exec.Command(name, args...).Output()
		if err != nil {
			return "?"
		}
		return firstLine(string(out))
	}
	fmt.Printf("## smb3fs FUSE benchmark, %s\n\n", time.Now().UTC().Format("2006-01-02 15:04 MST"))
	fmt.Printf("- machine: %d CPUs (%s), %s\n", runtime.NumCPU(), cpuModel(), machineLoad())
	server := "Samba " + strings.TrimPrefix(ver("smbd", "--version"), "Version ") + " (AD DC)"
	if s, ok := b.env.Samba422Server(); ok && benchServer == "s422" {
		server = "Samba " + s.SambaVersion + " (domain member, directory leases)"
	}
	fmt.Printf("- server: %s on the same machine, %s, share %s (smb encrypt = required), cipher %s\n",
		server, b.env.DC.Host, share(b.cfg, b.env), b.cfg.cipher)
	fmt.Printf("- clients: smb3fs %s; smbclient %s; smbnetfs %s; %s\n", ver(b.cfg.smb3fs, "version"),
		strings.TrimPrefix(ver(b.cfg.smbclient, "--version"), "Version "), pkgVersion("smbnetfs"), ver("rclone", "version"))
	if slices.Contains(b.clients, cLoopback) {
		fmt.Printf("- loopback: go-fuse's loopback file system over tmpfs, served by the benchmark (no network, no SMB):\n  what rsync and cp -r cost through FUSE alone\n")
	}
	fmt.Printf("- sizes: big file %s, tree %d x 4 KiB files in %d directories; rounds %d (interleaved); server cache %s\n\n",
		&b.cfg.size, b.cfg.files, (b.cfg.files+99)/100, b.cfg.rounds, b.cfg.serverCache)
}

func cpuModel() string {
	data, _ := os.ReadFile("/proc/cpuinfo")
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "model name") {
			_, v, _ := strings.Cut(l, ":")
			return strings.TrimSpace(v)
		}
	}
	return "?"
}

func pkgVersion(pkg string) string {
	out, err := exec.Command("dpkg-query", "-W", "-f", "${Version}", pkg).Output()
	if err != nil {
		return "?"
	}
	return string(out)
}

// target is the goal for one row.
type target struct {
	row    string
	load   string
	peer   string
	want   float64
	kind   string // "speed": higher throughput wanted; "time": lower time; "cpu": lower CPU/GiB
	suffix string
}

var targets = []target{
	{"sequential read, MB/s", wRead, cSmbclient, 1.0, "speed", ""},
	{"sequential write + fsync, MB/s", wWrite, cSmbclient, 1.0, "speed", ""},
	{"rsync -a tree, s", wRsync, cRclone, 5, "time", ""},
	{"cp -r tree, s", wCp, cRclone, 5, "time", ""},
	{"no-change rsync -a, s", wNoChange, cSmbnetfs, 10, "time", ""},
	{"ls -lR tree, s", wLs, cRclone, 1, "time", ""},
	{"client CPU per GiB read, s", wRead, cSmbclient, 1, "cpu", ""},
	{"client CPU per GiB written, s", wWrite, cSmbclient, 1, "cpu", ""},
}

// value is the median of one cell: MB/s, seconds or CPU s/GiB.
func (b *fuseBench) value(c string, t target) (float64, bool) {
	ss := b.samples[c+"/"+t.load]
	if len(ss) == 0 {
		return 0, false
	}
	var v []float64
	for _, s := range ss {
		switch t.kind {
		case "speed":
			v = append(v, float64(b.cfg.size)/1e6/s.sec)
		case "time":
			v = append(v, s.sec)
		case "cpu":
			v = append(v, s.cpu/(float64(b.cfg.size)/(1<<30)))
		}
	}
	return median(v), true
}

// medianOf returns the median of f over client c's samples of workload w.
func (b *fuseBench) medianOf(c, w string, f func(fuseSample) float64) (float64, bool) {
	ss := b.samples[c+"/"+w]
	if len(ss) == 0 {
		return 0, false
	}
	v := make([]float64, len(ss))
	for i, s := range ss {
		v[i] = f(s)
	}
	return median(v), true
}

// printPerFile prints, for the tree workloads, where a file's time goes:
// wall clock, the server's CPU and the client's, per file (medians); and
// for each tree target, the time per file it allows against the server's
// CPU per file for smb3fs's requests alone. A sequential writer (cp,
// rsync) waits for every CREATE, close and rename, so the server's work
// per file is a floor for its wall clock, before any client or FUSE cost.
func (b *fuseBench) printPerFile() {
	n := float64(b.cfg.files) / 1000 // seconds / n = ms per file
	srvOf := func(s fuseSample) float64 { return s.srv }
	var rows []string
	for _, w := range []string{wRsync, wCp} {
		for _, c := range b.clients {
			sec, ok := b.medianSec(c, w)
			if !ok {
				continue
			}
			srv, _ := b.medianOf(c, w, srvOf)
			cpu, _ := b.medianOf(c, w, func(s fuseSample) float64 { return s.cpu })
			rows = append(rows, fmt.Sprintf("    %-9s %-14s %8.2f %8.2f %8.2f", c, w, sec/n, srv/n, cpu/n))
		}
	}
	if len(rows) == 0 {
		return
	}
	fmt.Println()
	fmt.Println("Per file of the tree workloads (medians, ms): wall clock; server = the smbd processes' CPU; client =")
	fmt.Println("the command's and the FUSE daemon's CPU (smbclient: its own):")
	fmt.Println()
	fmt.Printf("    %-9s %-14s %8s %8s %8s\n", "", "", "wall", "server", "client")
	for _, r := range rows {
		fmt.Println(r)
	}
	for _, t := range targets {
		if t.kind != "time" || (t.load != wRsync && t.load != wCp) {
			continue
		}
		peer, ok1 := b.medianSec(t.peer, t.load)
		srv, ok2 := b.medianOf(cSMB3FS, t.load, srvOf)
		if !ok1 || !ok2 {
			continue
		}
		fmt.Printf("%s: %gx %s (%.2f s) allows %.2f ms per file; the server alone spent %.2f ms per file on smb3fs's requests",
			t.load, t.want, t.peer, peer, peer/t.want/n, srv/n)
		if lo, ok := b.medianSec(cLoopback, t.load); ok {
			fmt.Printf(",\nand FUSE alone (loopback) took %.2f ms per file: together %.2f ms", lo/n, (srv+lo)/n)
		}
		fmt.Println(".")
	}
}

// medianSec returns the median seconds of client c's samples of workload w.
func (b *fuseBench) medianSec(c, w string) (float64, bool) {
	return b.medianOf(c, w, func(s fuseSample) float64 { return s.sec })
}

func (b *fuseBench) printFuseTable() {
	fmt.Printf("| workload (median of %d) |", b.cfg.rounds)
	for _, c := range b.clients {
		fmt.Printf(" %s |", c)
	}
	fmt.Printf(" target | smb3fs vs target peer |\n|---|")
	for range b.clients {
		fmt.Printf("---:|")
	}
	fmt.Printf("---|---|\n")
	for _, t := range targets {
		if !slices.Contains(b.loads, t.load) {
			continue
		}
		fmt.Printf("| %s |", t.row)
		for _, c := range b.clients {
			if v, ok := b.value(c, t); ok {
				if t.kind == "speed" {
					fmt.Printf(" %s |", fmtMBps(v))
				} else {
					fmt.Printf(" %.2f |", v)
				}
			} else {
				fmt.Printf(" - |")
			}
		}
		var goal string
		switch t.kind {
		case "speed":
			goal = fmt.Sprintf(">= %.1fx %s", t.want, t.peer)
		case "time":
			goal = fmt.Sprintf(">= %gx faster than %s", t.want, t.peer)
		case "cpu":
			goal = fmt.Sprintf("<= %s", t.peer)
		}
		mine, ok1 := b.value(cSMB3FS, t)
		peer, ok2 := b.value(t.peer, t)
		ratio := "-"
		if ok1 && ok2 && mine > 0 && peer > 0 {
			var r float64
			var met bool
			switch t.kind {
			case "speed":
				r = mine / peer
				met = r >= t.want
			case "time":
				r = peer / mine
				met = r >= t.want
			case "cpu":
				r = mine / peer
				met = r <= t.want
			}
			ratio = fmt.Sprintf("%.2fx %s", r, map[bool]string{true: "met", false: "NOT met"}[met])
		}
		fmt.Printf(" %s | %s |\n", goal, ratio)
	}
	if mine, ok1 := b.medianSec(cSMB3FS, wCp); ok1 {
		if ref, ok2 := b.medianSec(cSmbclient, wCp); ok2 && ref > 0 {
			fmt.Printf("\nReference, not a target: cp -r onto the smb3fs mount took %.2fx the time of smbclient's recursive mput\n", mine/ref)
			fmt.Printf("of the same tree (%.2f s vs %.2f s, medians; Samba's own client, no FUSE).\n", mine, ref)
		}
	}
	b.printPerFile()
	fmt.Println()
	fmt.Println("Per round (seconds; cpu = command + FUSE daemon process tree, or smbclient's own; srv = the server's")
	fmt.Println("smbd processes during the same span):")
	fmt.Println()
	for _, w := range b.loads {
		for _, c := range b.clients {
			ss := b.samples[c+"/"+w]
			if len(ss) == 0 {
				continue
			}
			fmt.Printf("    %-9s %-14s", c, w)
			for _, s := range ss {
				fmt.Printf("  %8.3fs cpu %6.2fs srv %6.2fs", s.sec, s.cpu, s.srv)
			}
			fmt.Println()
		}
	}
	fmt.Println()
}

// printFuseTail prints the message counts, the notes and how the run
// measured.
func (b *fuseBench) printFuseTail() {
	if b.cfg.count {
		fmt.Println("SMB2 messages the client's own connections sent per operation (median; per file for the tree")
		fmt.Println("workloads; a compound counts once) and the commands the server dispatched for them (median per")
		fmt.Println("command; a CREATE+GETINFO+CLOSE compound is 1 message and 3 commands):")
		fmt.Println()
		for _, w := range b.loads {
			for _, c := range b.clients {
				ss := b.samples[c+"/"+w]
				if len(ss) == 0 || c == cSmbclient || c == cLoopback {
					continue
				}
				var v []float64
				byCmd := map[string][]float64{}
				for _, s := range ss {
					v = append(v, float64(s.requests))
					for k := range s.commands {
						byCmd[k] = nil
					}
				}
				for k := range byCmd {
					for _, s := range ss {
						if s.commands != nil { // nil: not counted (errCommandsLost)
							byCmd[k] = append(byCmd[k], float64(s.commands[k]))
						}
					}
				}
				med := map[string]int{}
				for k, xs := range byCmd {
					med[k] = int(median(xs) + 0.5)
				}
				n := median(v)
				div, unit := 1.0, ""
				if w != wWrite && w != wRead {
					div, unit = float64(b.cfg.files), " per file"
				}
				fmt.Printf("    %-9s %-14s %8.0f messages (%.2f%s)\n", c, w, n, n/div, unit)
				if len(med) > 0 {
					fmt.Printf("    %-9s %-14s commands%s: %s\n", "", "", unit, formatCommands(med, div))
				}
			}
		}
		fmt.Println()
	}
	if len(b.notes) > 0 {
		fmt.Println("Notes:")
		for _, n := range slices.Sorted(maps.Keys(b.notes)) {
			fmt.Println("- " + n)
		}
		fmt.Println()
	}
	if b.cfg.serverCache == "cold" {
		fmt.Println("MB/s = 10^6 bytes/s. Every operation runs on a fresh mount after sync + drop_caches (client and server")
		fmt.Println("page cache cold: reads come from the server's disk).")
	} else {
		fmt.Println("MB/s = 10^6 bytes/s. Every operation runs on a fresh mount (client caches empty) after sync; the server's")
		fmt.Println("files are in its page cache for every client alike (read.bin is read on the server side first).")
	}
	fmt.Println("write: dd bs=1M conv=fsync until dd exits (data fsynced on the server; smbclient: its")
	fmt.Println("own put time, open..close, no fsync). read: dd bs=1M of a file written on the server side. smbclient")
	fmt.Println("read and write timings are its own open..close rate (no session setup, as for the mounted clients);")
	fmt.Println("its cp -r is a recursive mput of the tree, timed as the process's wall clock (session setup included),")
	fmt.Println("a reference for what Samba's own client gets from the server, not a target. rclone: smb")
	fmt.Println("backend, NTLMv2 (no Kerberos in rclone 1.60), --vfs-cache-mode off; smbnetfs and smbclient: Kerberos.")
	fmt.Printf("end: %s  %s\n", machineLoad(), time.Now().UTC().Format(time.RFC3339))
}
