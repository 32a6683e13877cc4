package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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
	"text/tabwriter"
	"time"

	"github.com/smb3fs/smb3fs/internal/testenv"
)

// Client and operation names, in the order they run and are printed.
const (
	clientLib = "smb3fs"
	clientSC  = "smbclient"
	opWrite   = "write"
	opRead    = "read"
)

// sample is one timed operation of one client.
type sample struct {
	bytes int64
	proc  float64 // wall seconds around the child process
	xfer  float64 // the client's own transfer time (see the package comment)
	flush float64 // smb3fs write: seconds of the final FLUSH (inside xfer)
	cpu   float64 // child user+system CPU seconds
}

// bench is the state of one parent run.
type bench struct {
	cfg      *config
	env      *testenv.Environment
	exe      string // this program, run again as the smb3fs child
	shareDir string // server-side directory of the share
	src      string // source file on tmpfs
	srcSum   string // its sha256
	remote   map[string]string
	samples  map[string][]sample // key client+"/"+op
}

func runParent(ctx context.Context, cfg *config) error {
	env, err := loadEnv()
	if err != nil {
		return err
	}
	if os.Getenv("KRB5CCNAME") == "" {
		return errors.New("KRB5CCNAME is not set: run under scripts/testenv exec --user alice")
	}
	b := &bench{cfg: cfg, env: env, samples: map[string][]sample{}}
	b.shareDir = env.ShareDirs[share(cfg, env)]
	if b.shareDir == "" {
		return fmt.Errorf("env.json has no directory for share %q", share(cfg, env))
	}
	if b.exe, err = os.Executable(); err != nil {
		return err
	}
	if _, err := exec.LookPath(cfg.smbclient); err != nil {
		return err
	}
	tag := fmt.Sprintf("smb3fs-bench-%d", os.Getpid())
	b.remote = map[string]string{clientLib: tag + "-smb3fs.bin", clientSC: tag + "-smbclient.bin"}
	if !cfg.keep {
		defer func() {
			for _, name := range b.remote {
				os.Remove(filepath.Join(b.shareDir, name))
			}
		}()
	}
	if err := b.makeSource(); err != nil {
		return err
	}
	defer os.Remove(b.src)
	b.printHeader()

	for r := 1; r <= cfg.rounds; r++ {
		for _, op := range []string{opWrite, opRead} {
			for _, cl := range []string{clientLib, clientSC} {
				if err := ctx.Err(); err != nil {
					return err
				}
				if err := b.evict(); err != nil {
					return err
				}
				var s sample
				var err error
				if cl == clientLib {
					s, err = b.runLib(ctx, op, r)
				} else {
					s, err = b.runSmbclient(ctx, op)
				}
				if err != nil {
					return fmt.Errorf("round %d, %s %s: %w", r, cl, op, err)
				}
				if s.bytes != int64(cfg.size) {
					return fmt.Errorf("round %d, %s %s: moved %d bytes, want %d", r, cl, op, s.bytes, int64(cfg.size))
				}
				fmt.Fprintf(os.Stderr, "bench: round %d %-9s %-5s %8.1f MB/s (xfer %8.1f MB/s, cpu %.2fs)\n",
					r, cl, op, mbps(s.bytes, s.proc), mbps(s.bytes, s.xfer), s.cpu)
				b.samples[cl+"/"+op] = append(b.samples[cl+"/"+op], s)
			}
			if r == 1 && op == opWrite {
				if err := b.verifyServerFiles(); err != nil {
					return err
				}
			}
		}
	}
	if err := b.verifyLibRead(ctx); err != nil {
		return err
	}
	b.printTable()
	return nil
}

// makeSource writes cfg.size pseudo-random bytes to a file on tmpfs (so that
// reading it costs no disk I/O) and records its sha256.
func (b *bench) makeSource() error {
	f, err := os.CreateTemp("/dev/shm", "smb3fs-bench-*.src")
	if err != nil {
		return fmt.Errorf("source file on tmpfs: %w", err)
	}
	b.src = f.Name()
	rng := rand.NewChaCha8([32]byte{'s', 'm', 'b', '3', 'f', 's'})
	h := sha256.New()
	buf := make([]byte, 8<<20)
	for left := int64(b.cfg.size); left > 0; {
		n := min(left, int64(len(buf)))
		rng.Read(buf[:n])
		h.Write(buf[:n])
		if _, err := f.Write(buf[:n]); err != nil {
			f.Close()
			return err
		}
		left -= n
	}
	b.srcSum = hex.EncodeToString(h.Sum(nil))
	return f.Close()
}

// evict makes every timed operation start alike: the server-side files are
// on disk (fsync) and not in the page cache (POSIX_FADV_DONTNEED), so that
// neither client pays for the other's dirty pages or reads from the cache.
func (b *bench) evict() error {
	if !b.cfg.evict {
		return nil
	}
	for _, name := range b.remote {
		f, err := os.Open(filepath.Join(b.shareDir, name))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return err
		}
		err = f.Sync()
		if err == nil {
			err = fadviseDontNeed(f)
		}
		f.Close()
		if err != nil {
			return fmt.Errorf("evicting %s: %w", name, err)
		}
	}
	return nil
}

// runLib runs this program as a child doing one smb3fs operation.
func (b *bench) runLib(ctx context.Context, op string, round int) (sample, error) {
	args := []string{"--child", op, "--remote", b.remote[clientLib], "--cipher", b.cfg.cipher,
		"--block", strconv.FormatInt(int64(b.cfg.block), 10), "--flush=" + strconv.FormatBool(b.cfg.flush)}
	if b.cfg.share != "" {
		args = append(args, "--share", b.cfg.share)
	}
	if op == opWrite {
		args = append(args, "--src", b.src)
	}
	if b.cfg.cpuprofile != "" {
		args = append(args, "--cpuprofile", fmt.Sprintf("%s-%s-%d.pprof", b.cfg.cpuprofile, op, round))
	}
	out, s, err := run(exec.CommandContext(ctx, b.exe, args...))
	if err != nil {
		return s, err
	}
	var res childResult
	if err := json.Unmarshal(out, &res); err != nil {
		return s, fmt.Errorf("child output %q: %w", out, err)
	}
	s.bytes, s.xfer, s.flush = res.Bytes, res.Xfer, res.Flush
	return s, nil
}

// smbclientRate matches the rate smbclient prints after put and get, in
// KiB/s of its own transfer time (open..close, in milliseconds).
var smbclientRate = regexp.MustCompile(`\(([0-9.]+) (?:kb/s|KiloBytes/sec)\)`)

// smbclientGetSize matches the size smbclient's get reports.
var smbclientGetSize = regexp.MustCompile(`getting file \S+ of size ([0-9]+) as`)

// runSmbclient runs smbclient for one operation with the same demands as the
// library: Kerberos only, SMB 3.1.1 only, encryption required, one cipher.
// (Samba 4.17 has "client smb3 encryption algorithms"; a capture shows that
// smbclient then offers only that cipher in NEGOTIATE and the server picks it.)
func (b *bench) runSmbclient(ctx context.Context, op string) (sample, error) {
	cmd := "put " + b.src + " " + b.remote[clientSC]
	if op == opRead {
		cmd = "get " + b.remote[clientSC] + " /dev/null"
	}
	out, s, kibps, err := smbclientRun(ctx, b.cfg, b.env, cmd, 0)
	if err != nil {
		return s, err
	}
	if op == opRead {
		// "getting file \NAME of size N as /dev/null (...)"
		m := smbclientGetSize.FindSubmatch(out)
		if m == nil {
			return s, fmt.Errorf("smbclient %q: no size in output %q", cmd, out)
		}
		if s.bytes, err = strconv.ParseInt(string(m[1]), 10, 64); err != nil {
			return s, err
		}
	} else {
		// put prints no size: what arrived is what the server has.
		st, err := os.Stat(filepath.Join(b.shareDir, b.remote[clientSC]))
		if err != nil {
			return s, err
		}
		s.bytes = st.Size()
	}
	s.xfer = float64(s.bytes) / (kibps * 1024)
	return s, nil
}

// run runs a child and returns its stdout, wall time and CPU time.
func run(c *exec.Cmd) ([]byte, sample, error) {
	var stdout, stderr bytes.Buffer
	c.Stdout = &stdout
	c.Stderr = &stderr
	start := time.Now()
	err := c.Run()
	s := sample{proc: time.Since(start).Seconds()}
	if err != nil {
		return nil, s, fmt.Errorf("%s: %w\n%s%s", filepath.Base(c.Path), err, stdout.Bytes(), stderr.Bytes())
	}
	if ru, ok := c.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.cpu = tv(ru.Utime) + tv(ru.Stime)
	}
	return append(stdout.Bytes(), stderr.Bytes()...), s, nil
}

func tv(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }

// verifyServerFiles checks, on the server's disk, that both clients wrote
// exactly the source file.
func (b *bench) verifyServerFiles() error {
	for _, cl := range []string{clientLib, clientSC} {
		sum, err := sha256File(filepath.Join(b.shareDir, b.remote[cl]))
		if err != nil {
			return err
		}
		if sum != b.srcSum {
			return fmt.Errorf("%s wrote a file with sha256 %s, source has %s", cl, sum, b.srcSum)
		}
	}
	fmt.Fprintf(os.Stderr, "bench: verified: both server-side files have the source's sha256 %s\n", b.srcSum[:16])
	return nil
}

// verifyLibRead reads the file once more through smb3fs (untimed) and checks
// the sha256 of what came back.
func (b *bench) verifyLibRead(ctx context.Context) error {
	args := []string{"--child", opRead, "--sum", "--remote", b.remote[clientLib], "--cipher", b.cfg.cipher,
		"--block", strconv.FormatInt(int64(b.cfg.block), 10)}
	if b.cfg.share != "" {
		args = append(args, "--share", b.cfg.share)
	}
	out, _, err := run(exec.CommandContext(ctx, b.exe, args...))
	if err != nil {
		return err
	}
	var res childResult
	if err := json.Unmarshal(out, &res); err != nil {
		return fmt.Errorf("child output %q: %w", out, err)
	}
	if res.SHA256 != b.srcSum {
		return fmt.Errorf("smb3fs read back sha256 %s, source has %s", res.SHA256, b.srcSum)
	}
	fmt.Fprintf(os.Stderr, "bench: verified: smb3fs read back the source's sha256\n")
	return nil
}

func sha256File(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func (b *bench) printHeader() {
	scv, _ := exec.Command(b.cfg.smbclient, "--version").Output()
	fmt.Printf("smb3fs throughput benchmark  %s\n", time.Now().UTC().Format(time.RFC3339))
	fmt.Printf("start: %s\n", machineLoad())
	fmt.Printf("cpus: %d  %s  smbclient %s\n", runtime.NumCPU(), runtime.Version(), strings.TrimSpace(string(scv)))
	fmt.Printf("server: %s  share: %s (encrypted)  cipher: %s  size: %s  block: %s  rounds: %d  flush: %v  evict: %v\n\n",
		b.env.DC.UNC(share(b.cfg, b.env)), share(b.cfg, b.env), b.cfg.cipher, &b.cfg.size, &b.cfg.block, b.cfg.rounds, b.cfg.flush, b.cfg.evict)
}

// printTable prints per-round rates (wall time around the process), the
// medians of both clocks, CPU seconds per GiB, and the ratios.
func (b *bench) printTable() {
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(w, "client\top\t")
	for r := 1; r <= b.cfg.rounds; r++ {
		fmt.Fprintf(w, "r%d MB/s\t", r)
	}
	fmt.Fprintf(w, "best MB/s\tmedian MB/s\txfer MB/s\tCPU s/GiB\tflush s\t\n")
	type med struct{ proc, xfer, noFlush, cpu float64 }
	meds := map[string]med{}
	for _, op := range []string{opWrite, opRead} {
		for _, cl := range []string{clientLib, clientSC} {
			ss := b.samples[cl+"/"+op]
			var procs, xfers, noFlush, cpus, flushes []float64
			fmt.Fprintf(w, "%s\t%s\t", cl, op)
			for _, s := range ss {
				fmt.Fprintf(w, "%.1f\t", mbps(s.bytes, s.proc))
				procs = append(procs, mbps(s.bytes, s.proc))
				xfers = append(xfers, mbps(s.bytes, s.xfer))
				noFlush = append(noFlush, mbps(s.bytes, s.xfer-s.flush))
				cpus = append(cpus, s.cpu/(float64(s.bytes)/(1<<30)))
				flushes = append(flushes, s.flush)
			}
			m := med{median(procs), median(xfers), median(noFlush), median(cpus)}
			meds[cl+"/"+op] = m
			fl := "-"
			if cl == clientLib && op == opWrite && b.cfg.flush {
				fl = fmt.Sprintf("%.2f", median(flushes))
			}
			fmt.Fprintf(w, "%.1f\t%.1f\t%.1f\t%.2f\t%s\t\n", slices.Max(procs), m.proc, m.xfer, m.cpu, fl)
		}
	}
	w.Flush()
	fmt.Println()
	fmt.Println("smb3fs / smbclient (medians; throughput >1 = smb3fs faster, CPU <1 = smb3fs cheaper):")
	for _, op := range []string{opWrite, opRead} {
		l, s := meds[clientLib+"/"+op], meds[clientSC+"/"+op]
		fmt.Printf("  %-5s  throughput %.2f (process)  %.2f (xfer)   CPU per GiB %.2f\n", op, l.proc/s.proc, l.xfer/s.xfer, l.cpu/s.cpu)
		if op == opWrite && b.cfg.flush {
			fmt.Printf("         throughput %.2f (xfer without smb3fs's FLUSH, which smbclient does not send)\n", l.noFlush/s.xfer)
		}
	}
	fmt.Println()
	fmt.Println("MB/s = 10^6 bytes/s. r1..rN, best and median: wall time around the client process (start-up, Kerberos and")
	fmt.Println("session setup included). xfer: the client's own transfer time (smb3fs: CREATE..last byte (+FLUSH);")
	fmt.Println("smbclient: the rate it prints, open..close). CPU: user+system of the client process.")
	fmt.Printf("end: %s  %s\n", machineLoad(), time.Now().UTC().Format(time.RFC3339))
}

// machineLoad describes how busy the machine is: the load averages and the
// CPU pressure (share of time some task waited for a CPU), since other work
// on the machine makes throughput numbers noisy.
func machineLoad() string {
	s := "load average ?"
	if load, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(load)); len(f) >= 3 {
			s = "load average " + strings.Join(f[:3], " ")
		}
	}
	if psi, err := os.ReadFile("/proc/pressure/cpu"); err == nil {
		if line, _, _ := strings.Cut(string(psi), "\n"); strings.HasPrefix(line, "some ") {
			s += "  cpu pressure " + strings.TrimPrefix(line, "some ")
		}
	}
	return s
}

func mbps(n int64, sec float64) float64 {
	if sec <= 0 {
		return 0
	}
	return float64(n) / 1e6 / sec
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	v = slices.Clone(v)
	slices.Sort(v)
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

// smbclientRun runs smbclient's command cmd on the benchmark share with the
// demands smb3fs makes (Kerberos only, SMB 3.1.1 only, encryption required,
// the configured cipher) and returns its output, its resource use and the
// rate it reports in KiB/s; an NT_STATUS in the output is an error. A
// port other than 0 is where to connect instead of the server's own (the
// shaping proxy, shape.go); the name, and so the Kerberos ticket, stay the
// server's.
func smbclientRun(ctx context.Context, cfg *config, env *testenv.Environment, cmd string, port int) ([]byte, sample, float64, error) {
	args := []string{env.DC.UNC(share(cfg, env)),
		"-s", env.ClientSMBConf, "-N", "--use-kerberos=required",
		"-m", "SMB3_11", "--option=client min protocol=SMB3_11",
		"--option=client smb encrypt=required",
		"--option=client smb3 encryption algorithms=" + cfg.cipher,
		"-c", cmd}
	if port != 0 {
		args = append(args, "-p", strconv.Itoa(port)) // the shaping proxy (shape.go)
	}
	c := exec.CommandContext(ctx, cfg.smbclient, args...)
	out, s, err := run(c)
	if err != nil {
		return out, s, 0, err
	}
	m := smbclientRate.FindSubmatch(out)
	if m == nil || bytes.Contains(out, []byte("NT_STATUS_")) {
		return out, s, 0, fmt.Errorf("smbclient %q: unexpected output %q", cmd, out)
	}
	kibps, err := strconv.ParseFloat(string(m[1]), 64)
	if err != nil || kibps <= 0 {
		return out, s, 0, fmt.Errorf("smbclient rate %q", m[1])
	}
	return out, s, kibps, nil
}
