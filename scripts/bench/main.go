// Command bench measures smb3fs on the encrypted share of the live test
// environment (scripts/testenv). It has two modes.
//
// --mode fuse (the default, fuse.go): the smb3fs FUSE mount against
// smbclient (put/get; a recursive mput as a cp -r reference), smbnetfs and
// rclone mount: 1 GiB sequential write
// (with fsync) and read, rsync -a / cp -r of a tree of 2,000 4 KiB files, a
// no-change rsync -a and ls -lR of that tree; interleaved rounds, each
// operation on a fresh mount with cold caches; prints a markdown table of
// medians with the ratios against the targets. --quick checks the
// harness in a minute; --clients and --workloads run a subset; --profile
// DIR collects CPU and heap profiles of the smb3fs daemon per operation;
// --rtt 0,2,10,40 runs every client through a delaying proxy at each round
// trip time (shape.go) and prints one table per RTT.
// It runs as root (mounting, drop_caches) inside the namespace with
// alice's ticket:
//
//	scripts/bench.sh [flags]        # or: make bench BENCHFLAGS=--quick
//
// --mode lib (the rest of this comment): the smb3fs client library against
// smbclient: write a large file, read it back, several rounds, interleaved,
// and print per-round rates, medians, ratios and the client CPU time spent
// per GiB.
//
// How the lib mode measures:
//
//	parent (this process)                   children, one per timed operation
//	  generate SRC on tmpfs, sha256 it
//	  for each round:
//	    for each client (smb3fs, smbclient):
//	      evict the server file's pages ─────► write: SRC ─► share/<client>.bin
//	      (fsync + POSIX_FADV_DONTNEED)        read:  share/<client>.bin ─► discard
//	  verify sha256 of both server files against SRC (after round 1)
//	  verify one untimed smb3fs read by sha256
//	  print the table
//
// Both clients run as child processes, so the same two clocks apply to both:
// the wall time around the process ("proc", which includes start-up,
// Kerberos and NEGOTIATE/SESSION_SETUP) and the client's own transfer time
// ("xfer": for smb3fs from CREATE until FLUSH (write) or the last READ
// returns, for smbclient the rate it prints for put/get, which spans
// open..close). CPU time is the child's user+system rusage, i.e. everything
// the client process spent, including start-up.
//
// smb3fs writes with File.WriteAt in --block sized calls read from SRC and
// ends with File.Flush, which makes Samba fsync the file ("strict sync" is on
// by default); smbclient's put has no flush and ends with CLOSE. The flush
// time is shown separately so the difference is visible; --flush=false
// leaves it out.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/spf13/pflag"

	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/internal/shaper"
)

// config holds the flags shared by the parent and the library child.
type config struct {
	// smb3fsOpts is --smb3fs-options: more mount options for smb3fs.
	smb3fsOpts string
	size       byteSize
	block      byteSize
	rounds     int
	cipher     string
	share      string
	flush      bool
	evict      bool
	smbclient  string
	cpuprofile string
	keep       bool

	// fuse mode (see fuse.go)
	mode      string // "fuse" or "lib"
	clients   string
	workloads string
	files     int
	smb3fs    string
	profile   string
	quick     bool
	count     bool
	// serverCache is "cold" (drop_caches before every operation) or
	// "warm" (the server's files cached alike for every client).
	serverCache string
	// rtt, rate and proxyQueue shape the path to the server (shape.go):
	// rtt is a comma-separated list of round trip times in ms ("" for
	// none: clients connect straight to the server).
	rtt        string
	rate       byteSize
	proxyQueue byteSize

	// child mode (internal: the parent runs itself with these)
	child  string // "write" or "read"
	src    string // write: local source file
	remote string // file name on the share
	sum    bool   // read: print the sha256 of what was read

	// loopbackServe is "DIR MOUNTPOINT": serve go-fuse's loopback of DIR
	// (internal: the loopback client of the fuse mode, loopback.go).
	loopbackServe string
}

func main() {
	var cfg config
	cfg.size = 1 << 30
	cfg.block = 8 << 20
	cfg.proxyQueue = shaper.DefaultLimit
	fs := pflag.NewFlagSet("bench", pflag.ExitOnError)
	fs.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: scripts/bench.sh [flags]   (root; runs scripts/testenv exec --user alice -- bench [flags])\n\n"+
			"Performance of smb3fs (its FUSE mount, or with --mode lib its library) against smbclient and FUSE peers\non the encrypted share of the test environment.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	fs.Var(&cfg.size, "size", "size of the file written and read back (suffixes KiB, MiB, GiB)")
	fs.Var(&cfg.block, "block", "size of each smb3fs WriteAt/ReadAt call (suffixes KiB, MiB, GiB)")
	fs.IntVar(&cfg.rounds, "rounds", 3, "rounds; each round runs smb3fs then smbclient, write then read")
	fs.StringVar(&cfg.cipher, "cipher", "AES-128-GCM", "encryption algorithm offered (the only one) by both clients: AES-128-GCM, AES-256-GCM, AES-128-CCM or AES-256-CCM")
	fs.StringVar(&cfg.share, "share", "", "share to use (default: the encrypted share of env.json, \"secure\")")
	fs.BoolVar(&cfg.flush, "flush", true, "end the smb3fs write with FLUSH (server fsync) inside the timed span; smbclient has no equivalent")
	fs.BoolVar(&cfg.evict, "evict", true, "before every timed operation, fsync the server-side files and evict them from the page cache (POSIX_FADV_DONTNEED), for both clients alike")
	fs.StringVar(&cfg.smbclient, "smbclient", "smbclient", "smbclient executable")
	fs.StringVar(&cfg.cpuprofile, "cpuprofile", "", "write CPU profiles of the smb3fs children to `PREFIX`-{write,read}-ROUND.pprof")
	fs.BoolVar(&cfg.keep, "keep", false, "keep the files on the share (default: remove them at the end)")
	fs.StringVar(&cfg.child, "child", "", "internal: run one smb3fs operation (write|read) and print its result as JSON")
	fs.StringVar(&cfg.src, "src", "", "internal: source file of -child write")
	fs.StringVar(&cfg.remote, "remote", "", "internal: file name on the share for -child")
	fs.BoolVar(&cfg.sum, "sum", false, "internal: -child read prints the sha256 of the data")
	fs.StringVar(&cfg.loopbackServe, "loopback-serve", "", "internal: serve go-fuse's loopback of `DIR` at MOUNTPOINT (\"DIR MOUNTPOINT\") until unmounted")
	for _, h := range []string{"child", "src", "remote", "sum", "loopback-serve"} {
		fs.MarkHidden(h)
	}
	fs.StringVar(&cfg.mode, "mode", "fuse", "fuse: the smb3fs mount vs smbclient, smbnetfs and rclone mount (fuse.go); lib: the smb3fs library vs smbclient")
	fs.StringVar(&cfg.clients, "clients", "all", "fuse mode: comma-separated subset of smb3fs,smbclient,smbnetfs,rclone,loopback (loopback: go-fuse's loopback over tmpfs, no network, for rsync and cp only: the FUSE cost alone)")
	fs.StringVar(&cfg.workloads, "workloads", "all", "fuse mode: comma-separated subset of write,read,rsync,rsync-nochange,cp,ls, and ls-again (ls -lR twice in one mount, the second timed; not in all) (rsync-nochange and the ls ones need rsync)")
	fs.IntVar(&cfg.files, "files", 2000, "fuse mode: number of 4 KiB files in the tree")
	fs.StringVar(&cfg.smb3fs, "smb3fs", "smb3fs", "fuse mode: smb3fs executable")
	fs.StringVar(&cfg.profile, "profile", "", "fuse mode: write CPU and heap profiles of every smb3fs daemon to `DIR`/smb3fs-WORKLOAD-rROUND.{cpu,mem}.pprof")
	fs.StringVar(&cfg.serverCache, "server-cache", "cold", "fuse mode: cold: sync + drop_caches before every operation (reads come from the server's disk); warm: sync, the server's files stay in its page cache (read.bin read first), so a busy shared disk does not dominate; the client's caches are always empty (fresh mount)")
	fs.BoolVar(&cfg.count, "count", false, "fuse mode: count the SMB2 messages the mounted client's own connections send during each operation (tshark on lo, filtered on their ports) and the commands the server dispatched for them (its smbd at debug level smb2:10); slows the operations down, so the times are then not comparable (count.go)")
	fs.StringVar(&cfg.rtt, "rtt", "", "fuse mode: comma-separated round trip times in ms (e.g. 0,2,10,40): every client reaches the server through the benchmark's shaping proxy (half the time added each way; shape.go), each RTT in turn within every round, and one table per RTT plus a table against the first RTT is printed; default: no proxy, clients connect straight to the server")
	fs.Var(&cfg.rate, "rate", "fuse mode with --rtt: cap each direction of every proxied connection at this many bytes per second (suffixes KiB, MiB, GiB; 0: no cap)")
	fs.Var(&cfg.proxyQueue, "proxy-queue", "fuse mode with --rtt: the most bytes the proxy holds per direction and connection (the data in flight on the emulated path; reading stops when full)")
	fs.StringVar(&benchServer, "server", "dc", "server of the shares: dc (Samba 4.17, the AD DC) or s422 (Samba 4.22, with --share plain or posix; directory leases)")
	fs.StringVar(&cfg.smb3fsOpts, "smb3fs-options", "", "fuse mode: more mount options for smb3fs (e.g. nohandlecache)")
	fs.BoolVar(&cfg.quick, "quick", false, "check the harness: --size 64MiB --files 200 --rounds 1 unless given")
	fs.Parse(os.Args[1:])
	if cfg.quick {
		if !fs.Changed("size") {
			cfg.size = 64 << 20
		}
		if !fs.Changed("files") {
			cfg.files = 200
		}
		if !fs.Changed("rounds") {
			cfg.rounds = 1
		}
	}
	if fs.NArg() > 0 {
		fatalf("unexpected arguments %q", fs.Args())
	}
	if _, err := parseCipher(cfg.cipher); err != nil {
		fatalf("%v", err)
	}
	if cfg.size <= 0 || cfg.block <= 0 || cfg.rounds <= 0 || cfg.files <= 0 {
		fatalf("--size, --block and --rounds must be positive")
	}
	if cfg.rtt != "" && (cfg.mode != "fuse" || cfg.count) {
		fatalf("--rtt is for the fuse mode without --count (the proxy hides the clients' own connections from the counting)")
	}
	if cfg.proxyQueue <= 0 {
		fatalf("--proxy-queue must be positive")
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var err error
	if cfg.loopbackServe != "" {
		dir, mnt, ok := strings.Cut(cfg.loopbackServe, " ")
		if !ok {
			fatalf("--loopback-serve %q: want \"DIR MOUNTPOINT\"", cfg.loopbackServe)
		}
		err = serveLoopback(dir, mnt)
	} else if cfg.child != "" {
		err = runChild(ctx, &cfg)
	} else if cfg.mode == "lib" {
		err = runParent(ctx, &cfg)
	} else if cfg.mode == "fuse" && cfg.serverCache != "cold" && cfg.serverCache != "warm" {
		err = fmt.Errorf("--server-cache %q: cold or warm", cfg.serverCache)
	} else if cfg.mode == "fuse" {
		err = runFuse(ctx, &cfg)
	} else {
		err = fmt.Errorf("unknown --mode %q (fuse or lib)", cfg.mode)
	}
	if err != nil {
		stop()
		fatalf("%v", err)
	}
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
	os.Exit(1)
}

// parseCipher maps a cipher name to its identifier.
func parseCipher(name string) (wire.CipherID, error) {
	for _, c := range []wire.CipherID{wire.CipherAES128GCM, wire.CipherAES256GCM, wire.CipherAES128CCM, wire.CipherAES256CCM} {
		if strings.EqualFold(name, c.String()) {
			return c, nil
		}
	}
	return 0, fmt.Errorf("unknown cipher %q (want AES-128-GCM, AES-256-GCM, AES-128-CCM or AES-256-CCM)", name)
}

// byteSize is a flag value: a byte count with an optional binary suffix.
type byteSize int64

func (b *byteSize) String() string {
	v := int64(*b)
	for _, u := range []struct {
		s string
		n int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if v != 0 && v%u.n == 0 {
			return strconv.FormatInt(v/u.n, 10) + u.s
		}
	}
	return strconv.FormatInt(v, 10)
}

func (b *byteSize) Set(arg string) error {
	s, mult := arg, int64(1)
	for _, u := range []struct {
		s string
		n int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}} {
		if strings.HasSuffix(s, u.s) {
			s, mult = strings.TrimSuffix(s, u.s), u.n
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > (1<<50)/mult {
		return fmt.Errorf("bad size %q", arg)
	}
	*b = byteSize(n * mult)
	return nil
}

func (b *byteSize) Type() string { return "size" }
