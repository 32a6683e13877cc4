package testenv

// Fault injection against the live servers, without disturbing the other
// tests that use them at the same time:
//
//   - ClientNet gives one test a network of its own (`scripts/testenv
//     client-net add`): a second network namespace joined to the servers'
//     by a veth pair with its own /30. A client started through
//     ClientNet.Enter has only its network namespace switched, so a FUSE
//     mount it makes stays visible to the test and names resolve as in the
//     servers' namespace. Down/Up, Loss and Netem then hit that client's
//     traffic only.
//   - FindSmbd/SmbdFor find the smbd child that Samba forked for one client
//     connection (by the client's address), so a test kills or stops only
//     the process serving its own connection, never the parent smbd or the
//     DC's samba master.
//   - AbortFUSE ends a hung FUSE connection so that a test that found a
//     hang can still finish (and fail, saying so).

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/moby/sys/mountinfo"
)

// ErrNetemUnavailable reports that the kernel has no sch_netem qdisc
// (CONFIG_NET_SCH_NETEM), so ClientNet.Netem cannot work on this machine.
var ErrNetemUnavailable = errors.New("testenv: netem unavailable: the kernel has no sch_netem (CONFIG_NET_SCH_NETEM)")

// ClientNet is a client-side network of one test: the network namespace
// Netns, whose only link is a veth pair to the servers' namespace. It is
// made by Environment.ClientNet and removed by the test's cleanup.
type ClientNet struct {
	// Name is the name given to `scripts/testenv client-net`.
	Name string
	// Netns is the network namespace's name (<env netns>-cn-<Name>).
	Netns string
	// NetnsPath is the namespace file to give to nsenter --net=.
	NetnsPath string
	// Veth is the servers' end of the veth pair (in the servers' namespace).
	Veth string
	// ClientAddr is the client's address: the peer address servers see.
	ClientAddr string
	// Gateway is the servers' end's address, the client's route to them.
	Gateway string

	env *Environment
}

// testenvScript returns the path of scripts/testenv, from the repository root.
func testenvScript() (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", errors.New("testenv: cannot locate scripts/testenv")
	}
	p := filepath.Join(filepath.Dir(file), "..", "..", "scripts", "testenv")
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("testenv: %w", err)
	}
	return p, nil
}

// Testenv runs `scripts/testenv ARGS...` for this environment (its base
// directory and namespace) and returns the combined output. The command is
// bounded by ctx.
func (e *Environment) Testenv(ctx context.Context, args ...string) (string, error) {
	script, err := testenvScript()
	if err != nil {
		return "", err
	}
	cmd := exec.CommandContext(ctx, script, args...)
	cmd.Env = append(os.Environ(), "SMB3FS_TESTENV_DIR="+e.Base, "SMB3FS_TESTENV_NETNS="+e.Netns)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	if err != nil {
		return stdout.String(), fmt.Errorf("testenv: testenv %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return stdout.String(), nil
}

var nonName = regexp.MustCompile(`[^a-z0-9]+`)

// ClientNet makes a client network for the test (`scripts/testenv
// client-net add`) and removes it, with every process still inside, when
// the test ends. It fails the test if the network cannot be made.
func (e *Environment) ClientNet(t testing.TB) *ClientNet {
	t.Helper()
	base := strings.Trim(nonName.ReplaceAllString(strings.ToLower(t.Name()), "-"), "-")
	if len(base) > 24 {
		base = base[len(base)-24:]
		base = strings.TrimLeft(base, "-_")
	}
	var rnd [3]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		t.Fatal(err)
	}
	name := hex.EncodeToString(rnd[:])
	if base != "" {
		name = base + "-" + name
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := e.Testenv(ctx, "client-net", "add", name)
	if err != nil {
		t.Fatalf("client network: %v", err)
	}
	c := &ClientNet{Name: name, env: e}
	for _, line := range strings.Split(out, "\n") {
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		switch k {
		case "netns":
			c.Netns = v
		case "netns_path":
			c.NetnsPath = v
		case "veth":
			c.Veth = v
		case "client_addr":
			c.ClientAddr = v
		case "gateway":
			c.Gateway = v
		}
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		if _, err := e.Testenv(ctx, "client-net", "del", name); err != nil {
			t.Errorf("removing client network: %v", err)
		}
	})
	if c.NetnsPath == "" || c.ClientAddr == "" || c.Veth == "" {
		t.Fatalf("client-net add %s printed no netns_path/client_addr/veth: %q", name, out)
	}
	return c
}

func (c *ClientNet) run(args ...string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_, err := c.env.Testenv(ctx, append([]string{"client-net"}, args...)...)
	return err
}

// Down takes the link down at the servers' end, as if the cable were
// pulled: the client's packets go nowhere, and the client sees no error
// from its own interface.
func (c *ClientNet) Down() error { return c.run("link", c.Name, "down") }

// Up brings the link back.
func (c *ClientNet) Up() error { return c.run("link", c.Name, "up") }

// Loss drops percent (0..100) percent of the packets in both directions,
// with nftables rules inside the client namespace; Loss(0) removes them.
func (c *ClientNet) Loss(percent int) error {
	if percent == 0 {
		return c.run("loss", c.Name, "off")
	}
	return c.run("loss", c.Name, strconv.Itoa(percent))
}

// Rate limits the link to about rate (tc tbf, e.g. "400mbit") in both
// directions, so that a copy lasts long enough to be hit by a fault;
// Rate("off") removes the limit. tbf is coarse on small VMs: measure, do
// not trust the number.
func (c *ClientNet) Rate(rate string) error { return c.run("rate", c.Name, rate) }

// Netem puts `tc qdisc ... netem ARGS` on both ends of the link (so a
// delay counts twice in a round trip), in place of a Rate limit;
// Netem("off") removes it (and any rate limit). The error
// wraps ErrNetemUnavailable when the kernel lacks netem.
func (c *ClientNet) Netem(args ...string) error {
	err := c.run(append([]string{"netem", c.Name}, args...)...)
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() == 3 {
		return fmt.Errorf("%w (%v)", ErrNetemUnavailable, err)
	}
	return err
}

// Enter changes cmd (not yet started) to run inside the client network:
// nsenter switches the network namespace only, so the mount namespace,
// /etc and the environment stay the caller's.
func (c *ClientNet) Enter(cmd *exec.Cmd) *exec.Cmd {
	nsenter, err := exec.LookPath("nsenter")
	if err != nil {
		nsenter = "/usr/bin/nsenter"
	}
	cmd.Args = append([]string{"nsenter", "--net=" + c.NetnsPath, "--", cmd.Path}, cmd.Args[1:]...)
	cmd.Path = nsenter
	cmd.Err = nil
	return cmd
}

// Smbd is an smbd process that serves one client connection: a child that
// the server's smbd forked for it.
type Smbd struct {
	// Pid is the process serving the connection.
	Pid int
	// Parent is the smbd that forked it (and forks the next one).
	Parent int
	// Local and Peer are the connection's addresses, server side first.
	Local, Peer string
}

var ssPid = regexp.MustCompile(`pid=([0-9]+)`)

// FindSmbd lists the smbd children serving established connections to
// port 445 from peer, which is an address ("10.213.128.2": every
// connection from it) or address:port (one connection). It looks in the
// servers' network namespace. Only per-connection children are returned:
// a process whose parent is not an smbd (the server's main smbd) never is.
func (e *Environment) FindSmbd(ctx context.Context, peer string) ([]Smbd, error) {
	args := []string{"ss", "-tnpH", "state", "established", "( sport = :445 )"}
	if e.Netns != "" {
		args = append([]string{"nsenter", "--net=/run/netns/" + e.Netns, "--"}, args...)
	}
	out, err := exec.CommandContext(ctx, args[0], args[1:]...).Output()
	if err != nil {
		return nil, fmt.Errorf("testenv: %s: %w", strings.Join(args, " "), err)
	}
	var found []Smbd
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		// Recv-Q Send-Q Local Peer users:(("smbd",pid=N,fd=M),...)
		if len(f) < 5 {
			continue
		}
		local, remote := f[2], f[3]
		if remote != peer && !strings.HasPrefix(remote, peer+":") {
			continue
		}
		for _, m := range ssPid.FindAllStringSubmatch(strings.Join(f[4:], " "), -1) {
			pid, _ := strconv.Atoi(m[1])
			if !isSmbd(pid) {
				continue
			}
			ppid, err := parentPid(pid)
			if err != nil || !isSmbd(ppid) {
				continue
			}
			found = append(found, Smbd{Pid: pid, Parent: ppid, Local: local, Peer: remote})
		}
	}
	return found, sc.Err()
}

// SmbdFor waits (up to 30 s) for exactly one smbd child serving peer (see
// FindSmbd) and returns it; it fails the test if there is none, or more
// than one.
func (e *Environment) SmbdFor(t testing.TB, peer string) *Smbd {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for {
		found, err := e.FindSmbd(ctx, peer)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case len(found) == 1:
			return &found[0]
		case len(found) > 1:
			t.Fatalf("testenv: %d smbd processes serve %s: %+v", len(found), peer, found)
		}
		select {
		case <-ctx.Done():
			t.Fatalf("testenv: no smbd serves a connection from %s", peer)
			return nil
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func isSmbd(pid int) bool {
	exe, err := os.Readlink(fmt.Sprintf("/proc/%d/exe", pid))
	return err == nil && strings.TrimSuffix(exe, " (deleted)") == "/usr/sbin/smbd"
}

func parentPid(pid int) (int, error) {
	_, rest, err := procStat(pid)
	if err != nil {
		return 0, err
	}
	f := strings.Fields(rest)
	if len(f) < 2 {
		return 0, fmt.Errorf("testenv: short /proc/%d/stat", pid)
	}
	return strconv.Atoi(f[1])
}

// procStat returns the state letter of pid and the fields after it.
func procStat(pid int) (state byte, rest string, err error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, "", err
	}
	i := bytes.LastIndexByte(b, ')')
	if i < 0 || i+2 >= len(b) {
		return 0, "", fmt.Errorf("testenv: bad /proc/%d/stat", pid)
	}
	return b[i+2], string(b[i+2:]), nil
}

// ProcState returns the state letter of process pid from /proc/PID/stat
// (R, S, D: uninterruptible sleep, T: stopped, Z: zombie, ...).
func ProcState(pid int) (byte, error) {
	s, _, err := procStat(pid)
	return s, err
}

// Kill sends SIGKILL to the smbd child; its parent reaps it and keeps
// accepting new connections.
func (s *Smbd) Kill() error { return s.signal(syscall.SIGKILL) }

// Stop sends SIGSTOP: the connection stays open, and nothing answers.
func (s *Smbd) Stop() error { return s.signal(syscall.SIGSTOP) }

// Cont sends SIGCONT after Stop.
func (s *Smbd) Cont() error { return s.signal(syscall.SIGCONT) }

func (s *Smbd) signal(sig syscall.Signal) error {
	// Never signal anything but the serving child we found: check again
	// that pid is still an smbd forked by Parent (pids get reused).
	if !isSmbd(s.Pid) {
		return fmt.Errorf("testenv: pid %d is no longer an smbd", s.Pid)
	}
	if ppid, err := parentPid(s.Pid); err != nil || ppid != s.Parent {
		return fmt.Errorf("testenv: pid %d is no longer a child of smbd %d", s.Pid, s.Parent)
	}
	if err := syscall.Kill(s.Pid, sig); err != nil {
		return fmt.Errorf("testenv: kill -%d %d: %w", sig, s.Pid, err)
	}
	return nil
}

// Gone reports whether the smbd child has exited (and been reaped, or is a
// zombie waiting for its parent).
func (s *Smbd) Gone() bool {
	st, err := ProcState(s.Pid)
	return err != nil || st == 'Z' || st == 'X'
}

// FUSEConn returns the FUSE connection number of the mount at dir (the
// minor device number in the mount table; /sys/fs/fuse/connections/N),
// without touching the mount itself (a hung mount would hang a stat).
// The table is read by github.com/moby/sys/mountinfo.
func FUSEConn(dir string) (int, error) {
	mounts, err := mountinfo.GetMounts(mountinfo.SingleEntryFilter(dir))
	if err != nil {
		return 0, fmt.Errorf("testenv: reading the mount table: %w", err)
	}
	if len(mounts) == 0 {
		return 0, fmt.Errorf("testenv: %s is not a mount point", dir)
	}
	return mounts[0].Minor, nil
}

// AbortFUSE aborts the FUSE connection of the mount at dir, as writing to
// /sys/fs/fuse/connections/N/abort does: every pending and later request
// fails with ENOTCONN, so processes stuck in the mount return. The fusectl
// file system is mounted on a temporary directory of this mount namespace
// for that and unmounted again.
func AbortFUSE(dir string) error {
	n, err := FUSEConn(dir)
	if err != nil {
		return err
	}
	ctl, err := os.MkdirTemp("", "testenv-fusectl-")
	if err != nil {
		return err
	}
	defer os.Remove(ctl)
	if out, err := exec.Command("mount", "-t", "fusectl", "fusectl", ctl).CombinedOutput(); err != nil {
		return fmt.Errorf("testenv: mount fusectl: %w: %s", err, bytes.TrimSpace(out))
	}
	defer exec.Command("umount", ctl).Run()
	if err := os.WriteFile(filepath.Join(ctl, strconv.Itoa(n), "abort"), []byte("1"), 0); err != nil {
		return fmt.Errorf("testenv: aborting FUSE connection %d of %s: %w", n, dir, err)
	}
	return nil
}

// Unreachable makes addr unreachable from the client network (a route of
// type unreachable: connections to it fail at once with EHOSTUNREACH, and
// what was on its way to it is lost), as if that server were stopped;
// the other servers stay reachable. The route goes with the network.
func (c *ClientNet) Unreachable(addr string) error {
	return c.run("exec", c.Name, "ip", "route", "add", "unreachable", addr+"/32")
}
