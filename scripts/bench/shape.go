package main

// --rtt: distance between the clients and the server. This kernel has no
// netem, so the benchmark runs a shaping TCP proxy of its own
// (internal/shaper) per round trip time, each listening on the DC's own
// address on a port of its own, and points every client at that port:
//
//	smb3fs    -o port=P
//	smbclient -p P
//	rclone    RCLONE_CONFIG_BENCH_PORT=P (the remote's port option)
//	smbnetfs  the path MOUNT/dc1.smb3fs.test:P/SHARE (libsmbclient ignores
//	          smb.conf's "smb ports", but takes a port in the server name)
//
// The host name stays the server's (dc1.smb3fs.test), so Kerberos asks for
// the server's own ticket (cifs/dc1.smb3fs.test) and the name resolves as
// before; only the port differs. The proxy adds half the round trip to
// each direction as a delay line (many frames in flight), optionally caps
// each direction's rate (--rate) and holds at most --proxy-queue bytes per
// direction and connection. It runs in the benchmark's own process, so its
// CPU is counted neither as the client's nor as the server's; at 0 ms it
// still costs a copy each way, which is why a run with --rtt measures 0 ms
// through the proxy too, and compares each RTT with that.

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/smb3fs/smb3fs/internal/shaper"
)

// shape is one network condition of the run.
type shape struct {
	rtt   time.Duration
	proxy *shaper.Proxy // nil: straight to the server
	port  int           // the proxy's port on the DC's address; 0 without proxy
	// samples are this condition's results, by client + "/" + workload.
	samples map[string][]fuseSample
}

// label names the condition in tables and progress lines.
func (s *shape) label() string {
	if s.proxy == nil {
		return "direct"
	}
	return fmtRTT(s.rtt) + " RTT"
}

func fmtRTT(d time.Duration) string {
	return strconv.FormatFloat(float64(d)/float64(time.Millisecond), 'f', -1, 64) + " ms"
}

// parseRTTs parses --rtt: comma-separated milliseconds, each at most 10 s,
// no repeats.
func parseRTTs(list string) ([]time.Duration, error) {
	var out []time.Duration
	for _, f := range strings.Split(list, ",") {
		ms, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil || ms < 0 || ms > 10000 {
			return nil, fmt.Errorf("--rtt %q: want comma-separated milliseconds from 0 to 10000", list)
		}
		d := time.Duration(ms * float64(time.Millisecond))
		for _, o := range out {
			if o == d {
				return nil, fmt.Errorf("--rtt %q: %s given twice", list, fmtRTT(d))
			}
		}
		out = append(out, d)
	}
	return out, nil
}

// startShapes sets up the run's conditions: one without proxy, or with
// --rtt one proxy per round trip time, each to the DC's SMB port.
func (b *fuseBench) startShapes(ctx context.Context) error {
	if b.cfg.rtt == "" {
		b.shapes = []*shape{{samples: map[string][]fuseSample{}}}
		return nil
	}
	rtts, err := parseRTTs(b.cfg.rtt)
	if err != nil {
		return err
	}
	target := net.JoinHostPort(b.env.DC.Addr, strconv.Itoa(b.env.DC.SMBPort))
	for _, rtt := range rtts {
		up, down := shaper.Symmetric(rtt, int64(b.cfg.rate))
		up.Limit, down.Limit = int64(b.cfg.proxyQueue), int64(b.cfg.proxyQueue)
		p, err := shaper.Listen(ctx, net.JoinHostPort(b.env.DC.Addr, "0"), target, up, down)
		if err != nil {
			b.closeShapes()
			return fmt.Errorf("proxy for %s: %w", fmtRTT(rtt), err)
		}
		b.shapes = append(b.shapes, &shape{rtt: rtt, proxy: p, port: p.Addr().(*net.TCPAddr).Port,
			samples: map[string][]fuseSample{}})
	}
	return nil
}

// closeShapes stops the proxies.
func (b *fuseBench) closeShapes() {
	for _, s := range b.shapes {
		if s.proxy != nil {
			s.proxy.Close()
		}
	}
}

// port is the port the clients connect to in the current condition, 0 for
// the server's own.
func (b *fuseBench) port() int {
	if b.cur == nil {
		return 0
	}
	return b.cur.port
}

// printRTTTable compares each condition with the first (--rtt's first
// value, normally 0): for the big file the throughput kept, for the tree
// workloads the time and the round trips per file the difference comes
// to, (t - t0) / (files x (rtt - rtt0)), which is how many round trips
// each file waited for one after the other.
func (b *fuseBench) printRTTTable() {
	if len(b.shapes) < 2 {
		return
	}
	base := b.shapes[0]
	fmt.Printf("### Against %s\n\n", base.label())
	fmt.Printf("Medians; MB/s for write and read with the fraction of the %s throughput kept; seconds for the tree\n", base.label())
	fmt.Printf("workloads with how many times slower than at %s, and the round trips per file that comes to.\n\n", base.label())
	fmt.Printf("| workload | client |")
	for _, sh := range b.shapes {
		fmt.Printf(" %s |", sh.label())
	}
	fmt.Printf("\n|---|---|")
	for range b.shapes {
		fmt.Printf("---:|")
	}
	fmt.Println()
	for _, w := range b.loads {
		for _, c := range b.clients {
			sec0, ok := medianSecOf(base.samples, c, w)
			if !ok {
				continue
			}
			fmt.Printf("| %s | %s |", w, c)
			for i, sh := range b.shapes {
				sec, ok := medianSecOf(sh.samples, c, w)
				switch {
				case !ok || sec <= 0:
					fmt.Printf(" - |")
				case w == wWrite || w == wRead:
					mbps := fmtMBps(float64(b.cfg.size) / 1e6 / sec)
					if i == 0 {
						fmt.Printf(" %s |", mbps)
					} else {
						fmt.Printf(" %s (%.2fx) |", mbps, sec0/sec)
					}
				case i == 0:
					fmt.Printf(" %.2f |", sec)
				default:
					cell := fmt.Sprintf(" %.2f (%.1fx", sec, sec/sec0)
					if d := sh.rtt - base.rtt; d > 0 {
						rt := (sec - sec0) / (float64(b.cfg.files) * d.Seconds())
						cell += fmt.Sprintf(", %.1f RT/file", rt)
					}
					fmt.Printf("%s) |", cell)
				}
			}
			fmt.Println()
		}
	}
	fmt.Println()
	fmt.Println("RT/file: extra time over the first column divided by files x the extra round trip time. The proxy")
	fmt.Println("runs in the benchmark's process; its CPU is in neither the client's nor the server's column.")
	fmt.Println()
}

// medianSecOf is the median seconds of client c's samples of workload w in
// samples.
func medianSecOf(samples map[string][]fuseSample, c, w string) (float64, bool) {
	ss := samples[c+"/"+w]
	if len(ss) == 0 {
		return 0, false
	}
	v := make([]float64, len(ss))
	for i, s := range ss {
		v[i] = s.sec
	}
	return median(v), true
}

// runShaped is runOne, and with a proxy a check that the client's traffic
// went through it: a client that found another way to the server would
// measure no distance at all.
func (b *fuseBench) runShaped(ctx context.Context, c, w string, round int) (fuseSample, error) {
	if b.cur == nil || b.cur.proxy == nil || c == cLoopback {
		return b.runOne(ctx, c, w, round)
	}
	before := b.cur.proxy.Stats()
	s, err := b.runOne(ctx, c, w, round)
	if after := b.cur.proxy.Stats(); err == nil && after.ToServer == before.ToServer {
		err = fmt.Errorf("%s sent nothing through the %s proxy: it reached the server another way", c, b.cur.label())
	}
	return s, err
}

// fmtMBps formats a rate in MB/s: whole numbers, one decimal below 10 (a
// peer at 0.3 MB/s is not 0).
func fmtMBps(v float64) string {
	if v < 10 {
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return strconv.FormatFloat(v, 'f', 0, 64)
}
