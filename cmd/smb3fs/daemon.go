package main

// The mount daemon: spawn re-executes smb3fs mount with --foreground in a
// new session and waits for its word on the ready pipe; serve (in that
// child, or in the foreground) connects, mounts, reports readiness, and
// serves until the file system is unmounted or a signal asks for it.

import (
	"bufio"
	"context"
	"fmt"
	"log"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/hanwen/go-fuse/v2/fuse"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/rules"
	"github.com/smb3fs/smb3fs/client/wire"
	smbfs "github.com/smb3fs/smb3fs/fs"
)

// serve mounts and serves in this process until the file system is
// unmounted or a signal asks for it.
func serve(ma *mountArgs) int {
	defer startProfiles()() // SMB3FS_CPUPROFILE, SMB3FS_MEMPROFILE: see profile.go
	ready := readyReporter(ma.readyFD)
	// systemd (Type=notify) hears READY=1 once the mount answers, and
	// STOPPING=1 when it goes (notify.go).
	sd := newSystemdNotifier(ma.readyFD <= 0)
	fail := func(err error) int {
		ready(err)
		return mountFailed(ma, err)
	}
	logCfg := daemonLogConfig(ma)
	if ma.readyFD <= 0 && ma.opts.LogFile != "" {
		f, err := openLogFile(ma.opts.LogFile)
		if err != nil {
			return fail(err)
		}
		defer f.Close()
		logCfg.w = f
	}
	setupLogging(logCfg)
	policy, match, err := ma.resolvePolicy()
	if err != nil {
		return fail(err)
	}
	slog.Debug("smb3fs: policy", "server", ma.server, "share", ma.share, "rule", match.String(), "policy", rules.Describe(policy))
	ctx, cancel := context.WithTimeout(context.Background(), 2*client.DefaultTimeout)
	defer cancel()
	mechFor, wipe, err := ma.mechanismFactory()
	if err != nil {
		return fail(err)
	}
	defer wipe() // after cl.Close (deferred below): no reconnect needs it then
	if ma.followsDFS(ctx) {
		// A path through a DFS link mounts the link's target, held to its
		// own rule and this one (dfs.go); ma then names the target.
		if policy, match, err = ma.resolveDFS(ctx, policy, match, mechFor); err != nil {
			return fail(err)
		}
	}
	newMech := mechFor(ma.server)
	mech, err := newMech()
	if err != nil {
		return fail(err)
	}
	stat := newStatusSource(ma, policy, match) // smb3fs status, see status.go
	opts := ma.clientOptions(policy, match, mech, newMech)
	opts.OnEvent = stat.onEvent(opts.OnEvent)
	cl, err := client.Dial(ctx, opts)
	if err != nil {
		return fail(ma.refusedIf(match, err))
	}
	defer cl.Close()
	tree, err := cl.ConnectSnapshot(ctx, ma.share, ma.opts.Snapshot)
	if err != nil {
		return fail(ma.refusedIf(match, err))
	}
	ns, err := ma.namespace(tree, policy, match, mechFor)
	if err != nil {
		return fail(err)
	}
	if ns != nil {
		defer ns.Close() // after the file system is unmounted, before cl.Close
	}
	if err := checkPrefix(ctx, tree, ns, ma.prefix); err != nil {
		return fail(ma.refusedIf(match, err))
	}
	auditEstablished(ma.server, ma.share, cl.Info(), auth.Principal(mech), tree.Encrypted(), match)
	stat.cl, stat.encrypted = cl, tree.Encrypted
	stat.setPrincipal(auth.Principal(mech))
	// Signals are caught from before the mount appears: a SIGTERM sent as
	// soon as it is visible unmounts it instead of killing the process.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)
	fo := ma.fsOptions()
	if ma.opts.Multiuser {
		// Each user's requests in their own session (multiuser.go).
		pool := newSessionPool(ma.sessionFactory(policy, match, execCCacheExport), idleClose)
		defer pool.close() // after the file system is unmounted
		fo.Trees = pool
	}
	if ns != nil {
		fo.Namespace = ns
		stat.ns = ns
	}
	srv, err := mountFS(ma.dir, tree, fo)
	if err != nil {
		return fail(err)
	}
	go unmountOnSignal(srv, ma.dir, sig, sd)
	stat.mountedAt = time.Now()
	if stop, err := listenStatus(stat); err != nil {
		slog.Warn("smb3fs: smb3fs status will not see this mount: " + err.Error())
	} else {
		defer stop()
	}
	if err := applyMountFlags(ma.dir, ma.rawOpts); err != nil {
		slog.Warn("smb3fs: " + err.Error())
	}
	ready(nil)
	slog.Info("smb3fs: mounted", "source", uncName(ma.server, ma.share), "mountpoint", ma.dir)
	if err := sd.ready(uncName(ma.server, ma.share), ma.dir); err != nil {
		slog.Warn(err.Error())
	}
	srv.Wait()
	if err := sd.stop(); err != nil { // unmounted from outside: umount, fusermount3 -u
		slog.Warn(err.Error())
	}
	dctx, dcancel := context.WithTimeout(context.Background(), 5*time.Second)
	tree.Disconnect(dctx)
	dcancel()
	return 0
}

// readyReporter returns the function serve calls once, with nil when the
// file system is mounted or with why it is not: it writes "OK" or "ERR
// status reason" (status: exitStatus) on one line to fd, which spawn
// reads, and closes it. Without an fd (--foreground run by hand) it does
// nothing.
func readyReporter(fd int) func(err error) {
	if fd <= 0 {
		return func(err error) {}
	}
	f := os.NewFile(uintptr(fd), "ready")
	return func(err error) {
		if err == nil {
			fmt.Fprintln(f, "OK")
		} else {
			fmt.Fprintf(f, "ERR %d %s\n", exitStatus(err), strings.ReplaceAll(err.Error(), "\n", " "))
		}
		f.Close()
	}
}

// resolvePolicy loads the hardening rules and resolves this share's
// policy, which the options may only tighten. A rule that cannot be met is
// a refusal.
func (ma *mountArgs) resolvePolicy() (client.Policy, rules.Match, error) {
	rs, err := rules.Load(ma.rulesPath)
	if err != nil {
		return client.Policy{}, rules.Match{}, err
	}
	if w := rs.NameWarning(ma.server); w != "" {
		slog.Warn("smb3fs: " + w)
	}
	policy, match, err := resolveAtLeast(rs, ma.server, ma.share, ma.rulesRequest(), ma.opts.VersAtLeast)
	if err != nil {
		return policy, match, ma.refused(match, err)
	}
	return policy, match, nil
}

// rulesRequest is what the mount options ask of the rules.
func (ma *mountArgs) rulesRequest() rules.Request {
	req := rules.Request{Sec: ma.opts.Sec}
	if ma.opts.Seal {
		req.RequirePrivacy = &ma.opts.Seal
	}
	if ma.opts.Vers != nil {
		req.MinDialect, req.MaxDialect = ma.opts.Vers, ma.opts.Vers
	}
	return req
}

// refused records a connection the policy (rule match) refused in the
// audit log and returns it as a refusal, which prints as
// "smb3fs: refused //server/share: rule R: why".
func (ma *mountArgs) refused(match rules.Match, err error) error {
	auditRefused(ma.server, ma.share, match, err)
	return &refusal{fmt.Sprintf("refused %s: rule %s: %v", uncName(ma.server, ma.share), match, err)}
}

// refusedIf is err from Dial or Connect: refused when the policy (or the
// wire verification behind it) refused the connection, as it is
// otherwise.
func (ma *mountArgs) refusedIf(match rules.Match, err error) error {
	if isRefusal(err) {
		return ma.refused(match, err)
	}
	return err
}

// clientOptions are the options of the connection to the server, with the
// first mechanism and the factory for the ones reconnects use.
func (ma *mountArgs) clientOptions(policy client.Policy, match rules.Match, mech auth.Mechanism, newMech func() (auth.Mechanism, error)) client.Options {
	addr := ""
	if ma.opts.Port != 0 {
		addr = net.JoinHostPort(ma.server, strconv.Itoa(ma.opts.Port))
	}
	return client.Options{Server: ma.server, Address: addr, Policy: policy, Mechanism: mech,
		NewMechanism: newMech, Timeout: ma.opts.Timeout, EchoInterval: ma.opts.EchoInterval, NoPOSIX: ma.opts.NoPOSIX,
		OnEvent: func(e client.Event) { auditReconnect(ma.server, ma.share, match, e) }}
}

// fsOptions are the file system's options: the share's name, and the
// owner, modes, caching and locking the mount options ask for. Files
// belong to the mounting user unless uid= or gid= say otherwise; when root
// mounts for another owner, the mount is allow_other (rootMountsForOther).
func (ma *mountArgs) fsOptions() smbfs.Options {
	fo := smbfs.Options{
		FileMode:    ma.opts.FileMode,
		DirMode:     ma.opts.DirMode,
		ReadOnly:    ma.opts.ReadOnly || !ma.opts.Snapshot.IsZero(), // a snapshot is read-only, rw or not
		FsName:      uncName(ma.server, ma.share) + strings.ReplaceAll(prefixSuffix(ma.prefix), `\\`, "/"),
		Prefix:      ma.prefix,
		Kernel:      ma.opts.Kernel,
		LocalLocks:  ma.opts.LocalLocks,
		NoDirLeases: ma.opts.NoDirLeases,
		AllowOther:  ma.opts.AllowOther,
		CachedReads: ma.opts.CachedReads,
	}
	fo.UID, fo.GID = uint32(os.Getuid()), uint32(os.Getgid())
	if ma.opts.UID != nil {
		fo.UID = *ma.opts.UID
	}
	if ma.opts.GID != nil {
		fo.GID = *ma.opts.GID
	}
	// Given explicitly, they win over the server's (SMB3 POSIX extensions).
	fo.ForceUID, fo.ForceGID = ma.opts.UID != nil, ma.opts.GID != nil
	fo.ForceFileMode, fo.ForceDirMode = ma.opts.FileMode != 0, ma.opts.DirMode != 0
	fo.AllowOther = fo.AllowOther || rootMountsForOther(os.Geteuid(), fo.UID, fo.GID)
	if ma.opts.ACTimeo != nil {
		fo.Timeout = *ma.opts.ACTimeo
		fo.NoCache = *ma.opts.ACTimeo == 0
	}
	return fo
}

// rootMountsForOther reports whether a mount by the user euid showing
// files owned by uid and gid is root's mount for another owner (uid= or
// gid= other than root's). Such a mount gets allow_other, and with it
// default_permissions (smbfs.Options.AllowOther), as a cifs mount is: the
// kernel lets every local user in and decides access by the owner and the
// modes shown (file_mode, dir_mode), so uid=1000 means user 1000 may
// write where the modes say, not that only root may enter. Every request
// still goes to the server as the mount's SMB identity. A user's own
// mount stays the user's alone unless allow_other is asked for.
func rootMountsForOther(euid int, uid, gid uint32) bool {
	return euid == 0 && (uid != 0 || gid != 0)
}

// unmountOnSignal unmounts srv (at dir) when a signal arrives on sig,
// telling systemd it is stopping (sd). A busy mount may refuse: it tries
// ten times, half a second apart, then logs why and waits for the next
// signal.
func unmountOnSignal(srv *fuse.Server, dir string, sig <-chan os.Signal, sd *systemdNotifier) {
	for range sig {
		if err := sd.stop(); err != nil {
			slog.Warn(err.Error())
		}
		for i := 0; i < 10; i++ {
			if err := srv.Unmount(); err == nil {
				return
			} else if i == 9 {
				log.Printf("smb3fs: unmount %s: %v", dir, err)
			}
			time.Sleep(500 * time.Millisecond)
		}
	}
}

// resolveAtLeast is rs.Resolve, and then, if atLeast is set (vers=3) and
// the policy would accept a lower dialect, Resolve again with atLeast as
// the lowest: vers=3 only ever raises the floor.
func resolveAtLeast(rs *rules.Rules, server, share string, req rules.Request, atLeast *wire.Dialect) (client.Policy, rules.Match, error) {
	policy, match, err := rs.Resolve(server, share, req)
	if err != nil || atLeast == nil || policy.MinDialect >= *atLeast {
		return policy, match, err
	}
	req.MinDialect = atLeast
	return rs.Resolve(server, share, req)
}

// spawn re-executes smb3fs in the background with --foreground and waits
// for it to report the mount ready or failed. The daemon's standard error
// is the logfile= file, journald's stream (JOURNAL_STREAM), or /dev/null.
// SIGINT or SIGTERM while waiting stops the daemon and returns
// exitInterrupt.
func spawn(ma *mountArgs, args []string) int {
	exe, err := os.Executable()
	if err != nil {
		return mountFailed(ma, systemError(err))
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		return mountFailed(ma, systemError(err))
	}
	childArgs := append([]string{"smb3fs", "mount"}, args...)
	childArgs = append(childArgs, "--foreground", "--ready-fd=3")
	extra := []*os.File{pw}
	// The child gets the password (from PASSWD or the terminal) on a
	// pipe; one from a credentials file it reads itself. This process
	// keeps none of it.
	defer clear(ma.envPassword)
	ppr, err := ma.passwordForChild()
	if err != nil {
		return mountFailed(ma, err)
	}
	if ppr != nil {
		defer ppr.Close()
		extra = append(extra, ppr)
		childArgs = append(childArgs, "--password-fd=4")
	}
	null, err := os.OpenFile(os.DevNull, os.O_RDWR, 0)
	if err != nil {
		return mountFailed(ma, systemError(err))
	}
	defer null.Close()
	stderr := null
	switch {
	case ma.opts.LogFile != "":
		f, err := openLogFile(ma.opts.LogFile)
		if err != nil {
			return mountFailed(ma, err)
		}
		defer f.Close()
		stderr = f
	case journalStream():
		stderr = os.Stderr
	}
	cmd := &exec.Cmd{
		Path:        exe,
		Args:        childArgs,
		Stdin:       null,
		Stdout:      null,
		Stderr:      stderr,
		ExtraFiles:  extra,
		Env:         environWithout("PASSWD"),
		SysProcAttr: &syscall.SysProcAttr{Setsid: true},
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	defer signal.Stop(sig)
	if err := cmd.Start(); err != nil {
		return mountFailed(ma, systemError(err))
	}
	pw.Close()
	lines := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(pr).ReadString('\n')
		pr.Close()
		lines <- strings.TrimSpace(line)
	}()
	var line string
	select {
	case line = <-lines:
	case s := <-sig:
		// The daemon catches SIGTERM once it is about to mount, and
		// then unmounts; before that, it dies of it.
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
		return mountFailed(ma, fmt.Errorf("%w by %v", errInterrupted, s))
	}
	if line == "OK" {
		cmd.Process.Release()
		return exitOK
	}
	if rest, ok := strings.CutPrefix(line, "ERR "); ok {
		cmd.Wait()
		status := exitFailure
		if code, msg, ok := strings.Cut(rest, " "); ok {
			if n, err := strconv.Atoi(code); err == nil && n > 0 {
				status, rest = n, msg
			}
		}
		if strings.HasPrefix(rest, "refused ") {
			fmt.Fprintf(os.Stderr, "smb3fs: %s\n", rest)
		} else {
			fmt.Fprintf(os.Stderr, "smb3fs: mount %s on %s: %s\n", uncName(ma.server, ma.share), ma.dir, rest)
		}
		return status
	}
	err = cmd.Wait()
	fmt.Fprintf(os.Stderr, "smb3fs: mount %s on %s: mount process ended without reporting (%v)\n", uncName(ma.server, ma.share), ma.dir, err)
	return exitInternal
}

// checkPrefix checks that the directory a mount of //server/share/dir
// shows as its root exists and is a directory, so that a typo fails the
// mount instead of giving an empty one.
func checkPrefix(ctx context.Context, tree *client.Tree, ns *client.Namespace, prefix string) error {
	if prefix == "" {
		return nil
	}
	// Opening it as a directory fails on a file (STATUS_NOT_A_DIRECTORY).
	stat := func(t *client.Tree, name string) error {
		_, err := t.Do(ctx, name, client.OpenOptions{Kind: client.KindDir})
		return err
	}
	var err error
	if ns != nil {
		err = ns.Run(ctx, prefix, stat) // through the links it crosses
	} else {
		err = stat(tree, prefix)
	}
	if err != nil {
		return fmt.Errorf("directory %s of the share: %w", prefix, err)
	}
	return nil
}

// prefixSuffix is "\\"+prefix, or "" for the whole share.
func prefixSuffix(prefix string) string {
	if prefix == "" {
		return ""
	}
	return `\\` + prefix
}
