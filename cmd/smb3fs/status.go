package main

// smb3fs status: what each running mount negotiated, asked of its daemon.
//
//	smb3fs status ── /proc/self/mountinfo: fuse.smb3fs mounts (the caller's; root: all)
//	     │            user_id= of each names the owner, hence the control directory
//	     │            (macOS: getfsstat(2), macFUSE mounts of //server/share, f_owner)
//	     └── connect DIR/mnt-HASH.sock ── "status\n" ──► daemon: SO_PEERCRED is the
//	                                                    owner or root? ── {"status":{...}}
//	                                                    else           ── {"error":"..."}
//
// Each daemon serves one unix socket, named after its mount point, in a
// control directory of its user's (0700): /run/smb3fs for root, else
// $XDG_RUNTIME_DIR/smb3fs, /run/user/UID/smb3fs, or /tmp/smb3fs-UID,
// the first that is there and the user's. The socket is mode 0600 and the
// daemon answers only its owner and root; the answer holds no secret (no
// key, password or ticket: see mountStatus).
//
// Root (or the user in another session) knows only the uid, not the
// daemon's $XDG_RUNTIME_DIR: a socket there is also linked, under the
// same name, from the first of /run/user/UID/smb3fs and /tmp/smb3fs-UID
// that is usable, so that every mount is found from its mount-table entry
// (mount point and user_id=) alone. A link can point anywhere, so the
// caller checks that the process answering is the mount's owner
// (SO_PEERCRED on its side of the connection) before believing it.

import (
	"bufio"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/moby/sys/mountinfo"
	"github.com/spf13/pflag"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/rules"
	"github.com/smb3fs/smb3fs/client/wire"
)

// mountStatus is one mount's status, the JSON object `smb3fs status
// --json` prints for it (docs/cli.md lists the fields). It holds no
// secret.
type mountStatus struct {
	Mountpoint string `json:"mountpoint"`
	Source     string `json:"source"` // //server/share
	Server     string `json:"server"`
	Share      string `json:"share"`
	UID        int    `json:"uid"` // the mount's owner
	PID        int    `json:"pid"` // the daemon's
	Dialect    string `json:"dialect"`
	Cipher     string `json:"cipher"` // "none" when not encrypted
	Signing    string `json:"signing"`
	Encrypted  bool   `json:"encrypted"` // the share's traffic is encrypted
	Auth       string `json:"auth"`      // the mechanism: kerberos, ntlmv2
	Principal  string `json:"principal"` // who logged in, user@REALM or DOMAIN\user
	MutualAuth bool   `json:"mutual_auth"`
	Rule       string `json:"rule"`   // the hardening rule section that matched
	Policy     string `json:"policy"` // what it demands
	// Snapshot is the @GMT token of a -o snapshot= mount (absent for
	// the live share); ReadOnly says the mount refuses writes (ro, or a
	// snapshot).
	Snapshot string `json:"snapshot,omitempty"`
	ReadOnly bool   `json:"read_only"`
	// MountedAt is when the mount was made, ConnectedAt when its current
	// connection was; ConnectionAge is the latter's age in seconds.
	MountedAt      time.Time `json:"mounted_at"`
	ConnectedAt    time.Time `json:"connected_at"`
	ConnectionAge  int64     `json:"connection_age_seconds"`
	Reconnects     uint64    `json:"reconnects"`
	DurableHandles int       `json:"durable_handles"`
	BytesIn        uint64    `json:"bytes_in"`
	BytesOut       uint64    `json:"bytes_out"`
	// LastError is the last reason the connection ended or a reconnect
	// failed, LastErrorAt when (absent when none).
	LastError   string     `json:"last_error,omitempty"`
	LastErrorAt *time.Time `json:"last_error_at,omitempty"`
	// DFSLinks are the DFS links the mount routes to now, on a mount of
	// a DFS root (absent otherwise).
	DFSLinks []dfsLinkStatus `json:"dfs_links,omitempty"`
	// Error says why this mount's daemon did not answer (set by the
	// status command, never by the daemon; then only Mountpoint, Source
	// and UID are known).
	Error string `json:"error,omitempty"`
}

// dfsLinkStatus is one DFS link of a mount's namespace: the link's path,
// the target in use (empty: none could be used) and the referral's
// targets in order.
type dfsLinkStatus struct {
	Path    string   `json:"path"`
	Target  string   `json:"target"`
	Targets []string `json:"targets"`
}

// statusReply is the daemon's answer on the control socket: the status,
// or why it is refused.
type statusReply struct {
	Status *mountStatus `json:"status,omitempty"`
	Error  string       `json:"error,omitempty"`
}

// statusRequest is the one request the control socket knows.
const statusRequest = "status"

// statusTimeout bounds a status exchange, on both ends.
const statusTimeout = 5 * time.Second

// statusSource is what a daemon reports: fixed facts of the mount, and
// the live client. The fields above mu are set by serve before the
// control socket is served and only read afterwards; principal is
// guarded by mu (a reconnect may log in as another principal, see
// client.Event.Principal).
type statusSource struct {
	mountpoint, server, share string
	rule, policy              string
	snapshot                  time.Time // zero: the live share
	readOnly                  bool
	mountedAt                 time.Time
	cl                        interface {
		Info() client.Info
		Stats() client.Stats
	}
	encrypted func() bool
	// ns is the mount's DFS namespace, nil on a mount of no DFS root.
	ns interface{ Links() []client.DFSHop }

	mu        sync.Mutex
	principal string
}

// newStatusSource describes the mount ma made under policy and match.
func newStatusSource(ma *mountArgs, policy client.Policy, match rules.Match) *statusSource {
	// Resolved before the mount covers it, as the mount table will show it.
	s := &statusSource{mountpoint: canonicalMountpoint(ma.dir), server: ma.server, share: ma.share,
		rule: match.String(), policy: rules.Describe(policy), mountedAt: time.Now()}
	if ma.opts != nil {
		s.snapshot, s.readOnly = ma.opts.Snapshot, ma.opts.ReadOnly || !ma.opts.Snapshot.IsZero()
	}
	return s
}

// setPrincipal records who the session logged in as.
func (s *statusSource) setPrincipal(p string) {
	s.mu.Lock()
	s.principal = p
	s.mu.Unlock()
}

// onEvent wraps next (an Options.OnEvent) to follow the principal
// across reconnects.
func (s *statusSource) onEvent(next func(client.Event)) func(client.Event) {
	return func(e client.Event) {
		if e.Kind == client.EventReconnected && e.Principal != "" {
			s.setPrincipal(e.Principal)
		}
		if next != nil {
			next(e)
		}
	}
}

// status is the mount's status now.
func (s *statusSource) status(now time.Time) *mountStatus {
	info, st := s.cl.Info(), s.cl.Stats()
	s.mu.Lock()
	principal := s.principal
	s.mu.Unlock()
	ms := &mountStatus{
		Mountpoint: s.mountpoint, Source: uncName(s.server, s.share), Server: s.server, Share: s.share,
		UID: os.Getuid(), PID: os.Getpid(),
		Dialect: info.Dialect.String(), Cipher: "none", Signing: info.SigningAlgorithm.String(),
		Encrypted: info.Encrypted, Auth: info.Mechanism, Principal: principal, MutualAuth: info.MutualAuth,
		Rule: s.rule, Policy: s.policy, ReadOnly: s.readOnly,
		MountedAt: s.mountedAt.UTC(), ConnectedAt: st.ConnectedAt.UTC(),
		ConnectionAge: int64(now.Sub(st.ConnectedAt) / time.Second),
		Reconnects:    st.Reconnects, DurableHandles: st.DurableHandles,
		BytesIn: st.BytesIn, BytesOut: st.BytesOut,
		LastError: st.LastError,
	}
	if info.Cipher != 0 {
		ms.Cipher = info.Cipher.String()
	}
	if !s.snapshot.IsZero() {
		ms.Snapshot = wire.GMTToken(s.snapshot)
	}
	if s.encrypted != nil {
		ms.Encrypted = ms.Encrypted || s.encrypted()
	}
	if !st.LastErrorAt.IsZero() {
		at := st.LastErrorAt.UTC()
		ms.LastErrorAt = &at
	}
	if s.ns != nil {
		for _, h := range s.ns.Links() {
			ms.DFSLinks = append(ms.DFSLinks, dfsLinkStatus{Path: h.Path, Target: h.Chosen, Targets: h.Targets})
		}
	}
	return ms
}

// controlDirs are the directories where the daemons of user uid may keep
// their sockets, in the order a daemon picks them. env is the caller's
// XDG_RUNTIME_DIR, used only when the caller is uid.
func controlDirs(uid int, xdg string) []string {
	if uid == 0 {
		return []string{"/run/smb3fs"}
	}
	var dirs []string
	if xdg != "" && os.Getuid() == uid {
		dirs = append(dirs, filepath.Join(xdg, "smb3fs"))
	}
	dirs = append(dirs, filepath.Join("/run/user", strconv.Itoa(uid), "smb3fs"))
	return append(dirs, filepath.Join("/tmp", "smb3fs-"+strconv.Itoa(uid)))
}

// socketName is the name of the control socket of the mount on
// mountpoint (as /proc/self/mountinfo shows it).
func socketName(mountpoint string) string {
	h := sha256.Sum256([]byte(mountpoint))
	return "mnt-" + hex.EncodeToString(h[:12]) + ".sock"
}

// canonicalMountpoint is dir as the mount table will show it: absolute,
// symbolic links resolved (when they can be).
func canonicalMountpoint(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		return real
	}
	return dir
}

// makeControlDir returns the control directory of this process's user,
// making it (0700) if need be: the first of controlDirs whose parent
// exists, that is a directory (not a link), owned by the user, and
// closed to others.
func makeControlDir() (string, error) {
	return firstPrivateDir(controlDirs(os.Getuid(), os.Getenv("XDG_RUNTIME_DIR")), os.Getuid())
}

// firstPrivateDir returns the first of dirs whose parent exists that is,
// or can be made (0700), a directory of uid's closed to others.
func firstPrivateDir(dirs []string, uid int) (string, error) {
	var errs []error
	for _, dir := range dirs {
		if _, err := os.Stat(filepath.Dir(dir)); err != nil {
			errs = append(errs, err)
			continue
		}
		if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, os.ErrExist) {
			errs = append(errs, err)
			continue
		}
		if err := checkPrivateDir(dir, uid); err != nil {
			errs = append(errs, err)
			continue
		}
		return dir, nil
	}
	return "", fmt.Errorf("no control directory: %w", errors.Join(errs...))
}

// listenStatus serves src on its control socket in the background; the
// returned function stops serving and removes the socket.
func listenStatus(src *statusSource) (stop func(), err error) {
	dir, err := makeControlDir()
	if err != nil {
		return nil, err
	}
	uid := os.Getuid()
	path := filepath.Join(dir, socketName(src.mountpoint))
	stop, err = serveStatusAt(path, &statusServer{src: src, owner: uid})
	if err != nil || uid == 0 || slices.Contains(controlDirs(uid, ""), dir) {
		return stop, err
	}
	unlink, err := linkControlSocket(path, controlDirs(uid, ""), uid)
	if err != nil {
		slog.Warn("smb3fs: only this session's smb3fs status will see this mount: " + err.Error())
		return stop, nil
	}
	return func() { unlink(); stop() }, nil
}

// linkControlSocket links the socket at path from the first usable of
// dirs (see firstPrivateDir), under its own name, where another session of
// uid's or root looks for it; the returned function removes the link, if
// it still points to path.
func linkControlSocket(path string, dirs []string, uid int) (unlink func(), err error) {
	dir, err := firstPrivateDir(dirs, uid)
	if err != nil {
		return nil, err
	}
	link := filepath.Join(dir, filepath.Base(path))
	// A link or socket left by a daemon that died (the mount point is
	// not mounted twice, so no live daemon uses this name).
	if fi, err := os.Lstat(link); err == nil && fi.Mode()&(os.ModeSymlink|os.ModeSocket) != 0 {
		os.Remove(link)
	}
	if err := os.Symlink(path, link); err != nil {
		return nil, err
	}
	return func() {
		if target, err := os.Readlink(link); err == nil && target == path {
			os.Remove(link)
		}
	}, nil
}

// serveStatusAt serves srv on a unix socket at path (mode 0600) in the
// background; the returned function stops serving and removes the
// socket.
func serveStatusAt(path string, srv *statusServer) (stop func(), err error) {
	// A socket left by a daemon that died; no live daemon serves this
	// mount point, since it is not mounted twice.
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&os.ModeSocket != 0 {
		os.Remove(path)
	}
	l, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		return nil, err
	}
	l.SetUnlinkOnClose(true)
	if err := os.Chmod(path, 0o600); err != nil {
		l.Close()
		return nil, err
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		srv.serve(l)
	}()
	return func() { l.Close(); <-done }, nil
}

// statusServer answers status requests on a control socket.
type statusServer struct {
	src   *statusSource
	owner int // the mount's owner: with root, the only peer answered
	// peerUID finds the peer's user (SO_PEERCRED); tests replace it.
	peerUID func(c *net.UnixConn) (int, error)
}

// serve answers each connection on l, one at a time (an answer is small
// and quick; a slow peer is cut off by statusTimeout), until l is
// closed.
func (srv *statusServer) serve(l *net.UnixListener) {
	for {
		c, err := l.AcceptUnix()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			time.Sleep(10 * time.Millisecond) // EMFILE and the like
			continue
		}
		srv.answer(c)
	}
}

// answer reads one request from c and answers it, if c's peer is the
// mount's owner or root.
func (srv *statusServer) answer(c *net.UnixConn) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(statusTimeout))
	peer := srv.peerUID
	if peer == nil {
		peer = peerUID
	}
	reply := func(r statusReply) { json.NewEncoder(c).Encode(r) }
	// The request is read first, so that a refused peer reads the
	// refusal rather than a broken pipe.
	line, rerr := bufio.NewReader(io.LimitReader(c, 64)).ReadString('\n')
	uid, err := peer(c)
	if err != nil {
		reply(statusReply{Error: "cannot identify the peer: " + err.Error()})
		return
	}
	if uid != srv.owner && uid != 0 {
		reply(statusReply{Error: fmt.Sprintf("permission denied: uid %d is neither the mount's owner (uid %d) nor root", uid, srv.owner)})
		return
	}
	if rerr != nil || strings.TrimSpace(line) != statusRequest {
		reply(statusReply{Error: fmt.Sprintf("unknown request %.40q", line)})
		return
	}
	reply(statusReply{Status: srv.src.status(time.Now())})
}

// queryStatus asks the daemon listening on path for its status. With
// owner >= 0, only a daemon of that user is believed: path may be a link
// (see linkControlSocket), and the mount table names the owner.
func queryStatus(path string, owner int) (*mountStatus, error) {
	c, err := net.DialTimeout("unix", path, statusTimeout)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(statusTimeout))
	if owner >= 0 {
		uid, err := peerUID(c.(*net.UnixConn))
		if err != nil {
			return nil, fmt.Errorf("cannot identify the daemon: %w", err)
		}
		if uid != owner {
			return nil, fmt.Errorf("answered by uid %d, not the mount's owner (uid %d)", uid, owner)
		}
	}
	_, werr := io.WriteString(c, statusRequest+"\n")
	var r statusReply
	if err := json.NewDecoder(io.LimitReader(c, 1<<20)).Decode(&r); err != nil {
		if werr != nil {
			return nil, werr
		}
		return nil, fmt.Errorf("reading the daemon's answer: %w", err)
	}
	if r.Error != "" {
		return nil, errors.New("daemon: " + r.Error)
	}
	if r.Status == nil {
		return nil, errors.New("daemon: empty answer")
	}
	return r.Status, nil
}

// smb3fsMount is an smb3fs entry of the mount table.
type smb3fsMount struct {
	mountpoint, source string
	uid                int // user_id=, the owner; -1 if absent
}

// smb3fsMountsOf returns the fuse.smb3fs entries of a mount table, in its
// order, with their owners (the user_id= super option).
func smb3fsMountsOf(infos []*mountinfo.Info) []smb3fsMount {
	var ms []smb3fsMount
	for _, in := range infos {
		if in.FSType != "fuse.smb3fs" {
			continue
		}
		m := smb3fsMount{mountpoint: in.Mountpoint, source: in.Source, uid: -1}
		for _, o := range strings.Split(in.VFSOptions, ",") {
			if v, ok := strings.CutPrefix(o, "user_id="); ok {
				if n, err := strconv.Atoi(v); err == nil {
					m.uid = n
				}
			}
		}
		ms = append(ms, m)
	}
	return ms
}

// fsstatEntry is one entry of macOS's mount table (getfsstat(2)): what
// macMountsOf needs of a unix.Statfs_t there.
type fsstatEntry struct {
	mountpoint, fstype, source string
	owner                      int // f_owner: who mounted it
}

// macMountsOf returns the smb3fs mounts of a macOS mount table: macFUSE
// file systems (isSmb3fsType) whose source is an smb3fs one, //server/share
// (go-fuse passes it as fsname, which macFUSE makes f_mntfromname), with
// the user who mounted each, who runs its daemon.
func macMountsOf(entries []fsstatEntry) []smb3fsMount {
	var ms []smb3fsMount
	for _, e := range entries {
		if e.fstype == "fuse" || !isSmb3fsType(e.fstype) || !strings.HasPrefix(e.source, "//") {
			continue
		}
		ms = append(ms, smb3fsMount{mountpoint: e.mountpoint, source: e.source, uid: e.owner})
	}
	return ms
}

// statusUsage is the help of smb3fs status.
var statusUsage = usageText{
	synopsis: "smb3fs status [--json] [MOUNTPOINT]",
	about: `Ask running mounts what their connection negotiated and under which rule: server,
share, dialect, cipher, signing, authentication and principal, rule and policy,
connection age, reconnects, durable handles, bytes in and out, last error.
Without MOUNTPOINT, every smb3fs mount of yours (root: everybody's). Each
daemon answers only its owner and root; nothing secret is shown.
Exit status: 0 every mount listed answered (none is fine); 1 incorrect
invocation; 2 system error (cannot read the mount table); 32 failure
(MOUNTPOINT is not an smb3fs mount or not yours, or a daemon did not answer).`,
}

// newStatusFlags returns the flags of smb3fs status and its --json.
func newStatusFlags() (*pflag.FlagSet, *bool) {
	fl := pflag.NewFlagSet("status", pflag.ContinueOnError)
	return fl, fl.Bool("json", false, "print a JSON array, one object per mount")
}

// runStatus is `smb3fs status [--json] [MOUNTPOINT]`.
func runStatus(args []string) int {
	fl, asJSON := newStatusFlags()
	if status, done := parseFlags(fl, statusUsage, args); done {
		return status
	}
	if fl.NArg() > 1 {
		return usageFailed(fl, statusUsage, "want at most one MOUNTPOINT")
	}
	mounts, err := listSmb3fsMounts()
	if err != nil {
		fmt.Fprintf(os.Stderr, "smb3fs: status: %v\n", err)
		return exitSystem
	}
	me := os.Getuid()
	var chosen []smb3fsMount
	if fl.NArg() == 1 {
		dir := canonicalMountpoint(fl.Arg(0))
		var found *smb3fsMount
		for i := range mounts {
			if mounts[i].mountpoint == dir {
				found = &mounts[i] // the last: the mount on top
			}
		}
		if found == nil {
			fmt.Fprintf(os.Stderr, "smb3fs: status %s: not an smb3fs mount point\n", dir)
			return exitFailure
		}
		if me != 0 && found.uid != me {
			fmt.Fprintf(os.Stderr, "smb3fs: status %s: permission denied: the mount is uid %d's\n", dir, found.uid)
			return exitFailure
		}
		chosen = []smb3fsMount{*found}
	} else {
		for _, m := range mounts {
			if me == 0 || m.uid == me {
				chosen = append(chosen, m)
			}
		}
	}
	status := exitOK
	out := make([]*mountStatus, 0, len(chosen))
	for _, m := range chosen {
		ms, err := statusOf(m)
		if err != nil {
			status = exitFailure
			ms = &mountStatus{Mountpoint: m.mountpoint, Source: m.source, UID: m.uid, Error: err.Error()}
			fmt.Fprintf(os.Stderr, "smb3fs: status %s: %v\n", m.mountpoint, err)
		}
		out = append(out, ms)
	}
	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		enc.Encode(out)
		return status
	}
	for i, ms := range out {
		if i > 0 {
			fmt.Println()
		}
		if ms.Error == "" {
			printStatus(os.Stdout, ms, time.Now())
		}
	}
	return status
}

// statusOf asks m's daemon, at the first control socket that answers.
func statusOf(m smb3fsMount) (*mountStatus, error) {
	if m.uid < 0 {
		return nil, errors.New("no user_id in the mount table")
	}
	return statusIn(m, controlDirs(m.uid, os.Getenv("XDG_RUNTIME_DIR")))
}

// statusIn asks m's daemon at the first socket (or link to one) of the
// mount's name in dirs that answers as m's owner.
func statusIn(m smb3fsMount, dirs []string) (*mountStatus, error) {
	var errs []error
	name := socketName(m.mountpoint)
	for _, dir := range dirs {
		path := filepath.Join(dir, name)
		if _, err := os.Lstat(path); err != nil {
			continue
		}
		ms, err := queryStatus(path, m.uid)
		if err == nil {
			return ms, nil
		}
		errs = append(errs, fmt.Errorf("%s: %w", path, err))
	}
	if len(errs) == 0 {
		return nil, errors.New("no control socket (a daemon from before smb3fs status, or not running)")
	}
	return nil, errors.Join(errs...)
}

// printStatus writes ms as text, one "name value" line per field.
func printStatus(w io.Writer, ms *mountStatus, now time.Time) {
	lastErr := "none"
	if ms.LastError != "" {
		lastErr = ms.LastError
		if ms.LastErrorAt != nil {
			lastErr += " (" + now.Sub(*ms.LastErrorAt).Round(time.Second).String() + " ago)"
		}
	}
	fmt.Fprintf(w, "%s on %s\n", ms.Source, ms.Mountpoint)
	for _, kv := range [][2]string{
		{"server", ms.Server},
		{"share", ms.Share},
		{"uid", strconv.Itoa(ms.UID)},
		{"pid", strconv.Itoa(ms.PID)},
		{"dialect", ms.Dialect},
		{"cipher", ms.Cipher},
		{"encrypted", strconv.FormatBool(ms.Encrypted)},
		{"signing", ms.Signing},
		{"auth", ms.Auth},
		{"principal", ms.Principal},
		{"mutual auth", strconv.FormatBool(ms.MutualAuth)},
		{"rule", ms.Rule},
		{"policy", ms.Policy},
		{"snapshot", cmp.Or(ms.Snapshot, "none (the live share)")},
		{"read-only", strconv.FormatBool(ms.ReadOnly)},
		{"mounted", ms.MountedAt.Local().Format(time.RFC3339)},
		{"connected", fmt.Sprintf("%s (%v ago)", ms.ConnectedAt.Local().Format(time.RFC3339), time.Duration(ms.ConnectionAge)*time.Second)},
		{"reconnects", strconv.FormatUint(ms.Reconnects, 10)},
		{"durable", strconv.Itoa(ms.DurableHandles)},
		{"bytes in", strconv.FormatUint(ms.BytesIn, 10)},
		{"bytes out", strconv.FormatUint(ms.BytesOut, 10)},
		{"last error", lastErr},
	} {
		fmt.Fprintf(w, "  %-12s%s\n", kv[0], kv[1])
	}
	for _, l := range ms.DFSLinks {
		fmt.Fprintf(w, "  %-12s%s -> %s (targets %s)\n", "dfs link", l.Path, cmp.Or(l.Target, "none usable"), strings.Join(l.Targets, ", "))
	}
}

// checkPrivateDir checks that dir is a directory (not a link) of uid's
// that no one else may enter.
func checkPrivateDir(dir string, uid int) error {
	fi, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	switch {
	case !fi.IsDir():
		return fmt.Errorf("%s is not a directory", dir)
	case !ok || int(st.Uid) != uid:
		return fmt.Errorf("%s is not uid %d's", dir, uid)
	case fi.Mode().Perm()&0o077 != 0:
		return fmt.Errorf("%s is open to others (mode %v)", dir, fi.Mode().Perm())
	}
	return nil
}
