// Command bench measures the throughput of the smb3fs client library against
// Samba's own smbclient on the encrypted share of the live test environment
// (scripts/testenv): write a large file, read it back, several rounds,
// interleaved, and print per-round rates, medians, ratios and the client CPU
// time spent per GiB.
//
// It runs inside the test namespace with a Kerberos ticket:
//
//	scripts/testenv exec --user alice -- go run ./scripts/bench [flags]
//
// or, building outside the namespace (which has no network), simply
//
//	scripts/bench.sh [flags]
//
// How it measures:
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

	"github.com/smb3fs/smb3fs/crypto"
)

// config holds the flags shared by the parent and the library child.
type config struct {
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

	// child mode (internal: the parent runs itself with these)
	child  string // "write" or "read"
	src    string // write: local source file
	remote string // file name on the share
	sum    bool   // read: print the sha256 of what was read
}

func main() {
	var cfg config
	cfg.size = 1 << 30
	cfg.block = 8 << 20
	fs := pflag.NewFlagSet("bench", pflag.ExitOnError)
	fs.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: scripts/testenv exec --user alice -- go run ./scripts/bench [flags]\n\n"+
			"Throughput of smb3fs vs smbclient on the encrypted share of the test environment.\n\nFlags:\n")
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
	for _, h := range []string{"child", "src", "remote", "sum"} {
		fs.MarkHidden(h)
	}
	fs.Parse(os.Args[1:])
	if fs.NArg() > 0 {
		fatalf("unexpected arguments %q", fs.Args())
	}
	if _, err := parseCipher(cfg.cipher); err != nil {
		fatalf("%v", err)
	}
	if cfg.size <= 0 || cfg.block <= 0 || cfg.rounds <= 0 {
		fatalf("--size, --block and --rounds must be positive")
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var err error
	if cfg.child != "" {
		err = runChild(ctx, &cfg)
	} else {
		err = runParent(ctx, &cfg)
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
func parseCipher(name string) (crypto.CipherID, error) {
	for _, c := range []crypto.CipherID{crypto.AES128GCM, crypto.AES256GCM, crypto.AES128CCM, crypto.AES256CCM} {
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
