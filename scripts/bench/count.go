package main

// --count: the SMB2 messages one mounted client sends during one timed
// operation, and the commands in them.
//
// The servers of the test environment are shared with other tests, so
// counting everything sent to port 445 would count their traffic too. Only
// the client's own connections are counted:
//
//   - messages: tshark on lo, filtered on the TCP source ports of the
//     connections the FUSE daemon's process tree holds to the DC (found with
//     ss -tnp inside the namespace right before the operation). A compound
//     or a transform-wrapped (sealed) message counts once.
//   - commands: the encrypted share hides them from the capture, so the
//     server says what it dispatched: the smbd process serving each of those
//     connections is put at debug level "1 smb2:10" (smbcontrol; the others
//     stay as they are) and the "smbd_smb2_request_dispatch: opcode[...]"
//     lines it writes to the DC's log during the operation are counted; a
//     compound of CREATE+QUERY_INFO+CLOSE counts as three commands. The
//     level is set back to 1 afterwards.

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/smb3fs/smb3fs/internal/testenv"
)

// capture is a running tshark that records what one client's connections
// send to the server, plus the server-side command log of those
// connections.
type capture struct {
	cmd     *exec.Cmd
	file    string
	done    chan error
	ports   []int  // client-side TCP ports of the counted connections
	smbd    []int  // server processes serving them (debug level raised)
	smbConf string // the DC's smb.conf, for smbcontrol
	logFile string // the DC's log
	logOff  int64  // its size when the capture started
	logStat os.FileInfo
}

// counts is what a capture saw: messages and dispatched commands by name
// (CREATE, GETINFO, ...); commands is nil when they could not be counted
// (errCommandsLost).
type counts struct {
	messages int
	commands map[string]int
}

// conn is one established TCP connection as ss shows it.
type conn struct {
	local, peer string // addr:port
	pids        []int
}

var ssPid = regexp.MustCompile(`pid=([0-9]+)`)

// tcpConns lists the established TCP connections of the namespace.
func tcpConns() ([]conn, error) {
	out, err := exec.Command("ss", "-tnpH", "state", "established").Output()
	if err != nil {
		return nil, fmt.Errorf("ss: %w", err)
	}
	var cs []conn
	for _, l := range strings.Split(string(out), "\n") {
		f := strings.Fields(l)
		if len(f) < 4 {
			continue
		}
		c := conn{local: f[2], peer: f[3]}
		for _, m := range ssPid.FindAllStringSubmatch(l, -1) {
			p, _ := strconv.Atoi(m[1])
			c.pids = append(c.pids, p)
		}
		cs = append(cs, c)
	}
	return cs, nil
}

// descendants returns pid and all its live descendants.
func descendants(pid int) map[int]bool {
	parent := map[int]int{}
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
		i := strings.LastIndexByte(string(data), ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(string(data[i+1:]))
		if len(f) < 2 {
			continue
		}
		parent[p], _ = strconv.Atoi(f[1])
	}
	set := map[int]bool{}
	for p := range parent {
		for q := p; q > 1; q = parent[q] {
			if q == pid {
				set[p] = true
				break
			}
		}
	}
	set[pid] = true
	return set
}

func port(addr string) int {
	i := strings.LastIndexByte(addr, ':')
	if i < 0 {
		return 0
	}
	p, _ := strconv.Atoi(addr[i+1:])
	return p
}

// startCapture finds the connections daemonPid's process tree holds to the
// server's port 445, raises the debug level of the smbd processes serving
// them, starts tshark on the loopback device (client and server addresses
// are both local in the namespace) filtered on their client-side ports,
// and waits until it captures.
func startCapture(ctx context.Context, dir string, env *testenv.Environment, daemonPid int) (*capture, error) {
	c := &capture{
		file:    filepath.Join(dir, "count.pcapng"),
		done:    make(chan error, 1),
		smbConf: filepath.Join(env.Base, "state", "dc", "etc", "smb.conf"),
		logFile: filepath.Join(env.LogDir, "dc.log"),
	}
	os.Remove(c.file)
	server := env.DC.Addr
	tree := descendants(daemonPid)
	cs, err := tcpConns()
	if err != nil {
		return nil, err
	}
	for _, k := range cs {
		if k.peer != server+":445" {
			continue
		}
		for _, p := range k.pids {
			if tree[p] {
				c.ports = append(c.ports, port(k.local))
				break
			}
		}
	}
	if len(c.ports) == 0 {
		return nil, fmt.Errorf("--count: the client (pid %d) has no connection to %s:445", daemonPid, server)
	}
	for _, k := range cs {
		if k.local != server+":445" {
			continue
		}
		for _, p := range c.ports {
			if port(k.peer) == p && len(k.pids) > 0 {
				c.smbd = append(c.smbd, k.pids[0])
			}
		}
	}
	if st, err := os.Stat(c.logFile); err == nil {
		c.logOff, c.logStat = st.Size(), st
	}
	for _, p := range c.smbd {
		if out, err := exec.Command("smbcontrol", "-s", c.smbConf, strconv.Itoa(p), "debug", "1 smb2:10").CombinedOutput(); err != nil {
			c.restoreDebug()
			return nil, fmt.Errorf("smbcontrol %d debug: %v: %s", p, err, out)
		}
	}
	var filt []string
	for _, p := range c.ports {
		filt = append(filt, "src port "+strconv.Itoa(p))
	}
	c.cmd = exec.Command("tshark", "-q", "-i", "lo", "-f",
		"tcp dst port 445 and dst host "+server+" and ("+strings.Join(filt, " or ")+")", "-w", c.file)
	stderr, err := c.cmd.StderrPipe()
	if err != nil {
		c.restoreDebug()
		return nil, err
	}
	if err := c.cmd.Start(); err != nil {
		c.restoreDebug()
		return nil, err
	}
	ready := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if strings.Contains(sc.Text(), "Capturing on") {
				ready <- true
			}
		}
		c.done <- c.cmd.Wait()
	}()
	select {
	case <-ready:
		// tshark says so before the capture filter is in place on a busy
		// machine, and smbd acts on smbcontrol's message when its event
		// loop comes to it: give both a moment.
		time.Sleep(time.Second)
		return c, nil
	case err := <-c.done:
		c.restoreDebug()
		return nil, fmt.Errorf("tshark: %v", err)
	case <-time.After(30 * time.Second):
		c.cmd.Process.Kill()
		<-c.done
		c.restoreDebug()
		return nil, errors.New("tshark did not start capturing")
	case <-ctx.Done():
		c.cmd.Process.Kill()
		<-c.done
		c.restoreDebug()
		return nil, ctx.Err()
	}
}

func (c *capture) restoreDebug() {
	for _, p := range c.smbd {
		exec.Command("smbcontrol", "-s", c.smbConf, strconv.Itoa(p), "debug", "1").Run()
	}
}

// errCommandsLost: the server's log of the operation is gone (an operation
// that logs a lot, such as a slow peer's 1 GiB write, had it rotated twice):
// its messages are counted, its commands are not.
var errCommandsLost = errors.New("server log lost: commands not counted")

var dispatchLine = regexp.MustCompile(`smbd_smb2_request_dispatch: opcode\[SMB2_OP_([A-Z_]+)\]`)

// stop ends the capture and counts the SMB2 messages in it and the
// commands the server dispatched for the counted connections.
func (c *capture) stop() (counts, error) {
	res := counts{commands: map[string]int{}}
	time.Sleep(time.Second) // let the last frames arrive (a busy machine delays them)
	c.restoreDebug()
	c.cmd.Process.Signal(os.Interrupt)
	select {
	case <-c.done:
	case <-time.After(30 * time.Second):
		c.cmd.Process.Kill()
		<-c.done
	}
	out, err := exec.Command("tshark", "-r", c.file, "-T", "fields", "-e", "smb2.protocol_id").Output()
	if err != nil {
		return res, fmt.Errorf("tshark -r: %w", err)
	}
	for _, l := range strings.Fields(string(out)) {
		for _, id := range strings.Split(l, ",") {
			// transform header (sealed) or plain SMB2 header
			if id == "0xfd534d42" || id == "0xfe534d42" {
				res.messages++
			}
		}
	}
	if len(c.smbd) == 0 {
		return res, nil
	}
	// Samba renames a log that grew past "max log size" to NAME.old: then
	// the lines are in the old file from logOff and in the new one.
	type part struct {
		path string
		off  int64
	}
	parts := []part{{c.logFile, c.logOff}}
	if st, err := os.Stat(c.logFile); err == nil && !os.SameFile(st, c.logStat) {
		old, err := os.Stat(c.logFile + ".old")
		if err != nil || !os.SameFile(old, c.logStat) {
			// The messages are counted; the commands are lost.
			res.commands = nil
			return res, fmt.Errorf("%w: %s was rotated more than once during the operation", errCommandsLost, c.logFile)
		}
		parts = []part{{c.logFile + ".old", c.logOff}, {c.logFile, 0}}
	}
	for _, p := range parts {
		if err := countDispatched(p.path, p.off, res.commands); err != nil {
			return res, err
		}
	}
	return res, nil
}

// countDispatched counts the dispatch lines of the file at path from off.
func countDispatched(path string, off int64, into map[string]int) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Seek(off, io.SeekStart); err != nil {
		return err
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if m := dispatchLine.FindSubmatch(sc.Bytes()); m != nil {
			into[string(m[1])]++
		}
	}
	return sc.Err()
}

// formatCommands prints command counts divided by div, largest first:
// "CREATE 3.00 CLOSE 3.00 GETINFO 1.00 (total 7.00)".
func formatCommands(m map[string]int, div float64) string {
	type kv struct {
		k string
		v int
	}
	var l []kv
	total := 0
	for k, v := range m {
		l = append(l, kv{k, v})
		total += v
	}
	if len(l) == 0 {
		return "-"
	}
	slices.SortFunc(l, func(a, b kv) int {
		if a.v != b.v {
			return b.v - a.v
		}
		return strings.Compare(a.k, b.k)
	})
	var sb strings.Builder
	for _, e := range l {
		if div == 1 {
			fmt.Fprintf(&sb, "%s %d ", e.k, e.v)
		} else {
			fmt.Fprintf(&sb, "%s %.2f ", e.k, float64(e.v)/div)
		}
	}
	if div == 1 {
		fmt.Fprintf(&sb, "(total %d)", total)
	} else {
		fmt.Fprintf(&sb, "(total %.2f)", float64(total)/div)
	}
	return sb.String()
}
