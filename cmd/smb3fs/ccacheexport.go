package main

// Another user's Kerberos credentials, for multiuser mounts (multiuser.go)
// and cruid=. As cifs.upcall does for the kernel, root's daemon never
// resolves a user's credential cache itself: it runs its own executable
// as that user, with the hidden command ccache-export, which finds the
// user's default cache as MIT Kerberos does (KRB5CCNAME is not passed on;
// krb5.conf's default_ccache_name and the uid decide), checks it
// (auth.ExportCCache) and writes it to standard output:
//
//	daemon (root) ── exec, as uid U (Credential; gid: U's primary group
//	  │               from passwd, else nogroupGID; no supplementary groups),
//	  │               environment: PATH and KRB5_CONFIG only, 10 s deadline
//	  └─ smb3fs ccache-export ── auth.ExportCCache ── frame on stdout
//	daemon ◄── stdout (at most maxExportOutput bytes): decodeCCacheExport
//	       ◄── stderr: one line saying why not (no secrets), on failure
//
// The frame (exportMagic, then the cache's name and its FILE-format bytes,
// each after a big-endian length) is all the child writes on stdout;
// decodeCCacheExport checks every length and refuses trailing bytes.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/user"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/smb3fs/smb3fs/auth"
)

// exportMagic starts the child's output: the format and its version.
const exportMagic = "smb3fs-ccache-1\n"

// Bounds of the frame: a cache's name is a path or KEYRING:/KCM: name,
// its data at most what auth reads of a cache (1 MiB).
const (
	maxExportName   = 4096
	maxExportData   = 1 << 20
	maxExportOutput = len(exportMagic) + 2 + maxExportName + 4 + maxExportData
)

// exportTimeout bounds the child process.
const exportTimeout = 10 * time.Second

// nogroupGID is the group the child runs in for a uid that has no passwd
// entry (a user known only to the directory, or a bare number): Debian's
// nogroup, so that it gains no group's access. A cache is checked by its
// owner's uid alone.
const nogroupGID = 65534

// errBadExport is the child's output not being a frame.
var errBadExport = errors.New("smb3fs: ccache-export: malformed output")

// encodeCCacheExport returns the frame of a cache named name holding data.
func encodeCCacheExport(name string, data []byte) ([]byte, error) {
	if len(name) == 0 || len(name) > maxExportName {
		return nil, fmt.Errorf("smb3fs: ccache-export: cache name of %d bytes (1 to %d)", len(name), maxExportName)
	}
	if len(data) > maxExportData {
		return nil, fmt.Errorf("smb3fs: ccache-export: cache of %d bytes (limit %d)", len(data), maxExportData)
	}
	b := make([]byte, 0, len(exportMagic)+2+len(name)+4+len(data))
	b = append(b, exportMagic...)
	b = binary.BigEndian.AppendUint16(b, uint16(len(name)))
	b = append(b, name...)
	b = binary.BigEndian.AppendUint32(b, uint32(len(data)))
	return append(b, data...), nil
}

// decodeCCacheExport reads a frame: the cache's name and its data (a copy
// the caller owns). The name must be printable; nothing may follow data.
func decodeCCacheExport(b []byte) (name string, data []byte, err error) {
	rest, ok := bytes.CutPrefix(b, []byte(exportMagic))
	if !ok {
		return "", nil, fmt.Errorf("%w: no header", errBadExport)
	}
	if len(rest) < 2 {
		return "", nil, fmt.Errorf("%w: short name length", errBadExport)
	}
	n := int(binary.BigEndian.Uint16(rest))
	rest = rest[2:]
	if n == 0 || n > maxExportName || n > len(rest) {
		return "", nil, fmt.Errorf("%w: name of %d bytes", errBadExport, n)
	}
	name = string(rest[:n])
	rest = rest[n:]
	for _, r := range name {
		if r < 0x20 || r == 0x7f || r == '\uFFFD' {
			return "", nil, fmt.Errorf("%w: unprintable cache name", errBadExport)
		}
	}
	if len(rest) < 4 {
		return "", nil, fmt.Errorf("%w: short data length", errBadExport)
	}
	d := int(binary.BigEndian.Uint32(rest))
	rest = rest[4:]
	if d > maxExportData || d != len(rest) {
		return "", nil, fmt.Errorf("%w: %d bytes of data announced, %d there", errBadExport, d, len(rest))
	}
	return name, bytes.Clone(rest), nil
}

// runCCacheExport is the hidden command ccache-export: the child side.
// It writes the frame of this process's default credential cache to
// standard output, or one line on standard error and exits 1.
func runCCacheExport(args []string) int {
	if err := hardenProcess(); err != nil {
		fmt.Fprintf(os.Stderr, "smb3fs: ccache-export: %v\n", err)
		return exitSystem
	}
	if len(args) != 0 {
		fmt.Fprintln(os.Stderr, "smb3fs: ccache-export takes no arguments (internal command)")
		return exitUsage
	}
	name, data, err := auth.ExportCCache(os.Getenv("KRB5_CONFIG"))
	if err == nil {
		var frame []byte
		if frame, err = encodeCCacheExport(name, data); err == nil {
			_, err = os.Stdout.Write(frame)
			clear(frame)
		}
	}
	clear(data)
	if err != nil {
		fmt.Fprintln(os.Stderr, oneLine(err.Error()))
		return exitFailure
	}
	return exitOK
}

// oneLine is s on one line, at most 512 bytes.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 512 {
		s = s[:512] + "..."
	}
	return s
}

// exportRunner runs the child for a uid and returns the cache's name and
// data. Tests replace it.
type exportRunner func(ctx context.Context, uid uint32) (name string, data []byte, err error)

// execCCacheExport is the daemon side: it runs this executable as uid
// with ccache-export and decodes what it writes.
func execCCacheExport(ctx context.Context, uid uint32) (string, []byte, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", nil, fmt.Errorf("smb3fs: credentials of uid %d: %w", uid, err)
	}
	ctx, cancel := context.WithTimeout(ctx, exportTimeout)
	defer cancel()
	env := []string{"PATH=/usr/local/bin:/usr/bin:/bin"}
	if v, ok := os.LookupEnv("KRB5_CONFIG"); ok {
		env = append(env, "KRB5_CONFIG="+v)
	}
	cmd := exec.CommandContext(ctx, exe, "ccache-export")
	cmd.Args[0] = "smb3fs"
	cmd.Env = env
	cmd.Dir = "/"
	// Groups empty (and NoSetGroups false): setgroups(0) drops root's
	// supplementary groups, which NoSetGroups would leave to the child.
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uid, Gid: primaryGID(uid), Groups: []uint32{}}}
	stdout := &limitedBuffer{max: maxExportOutput}
	stderr := &limitedBuffer{max: 4096}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.WaitDelay = time.Second
	err = cmd.Run()
	defer clear(stdout.b)
	if ctx.Err() != nil {
		return "", nil, fmt.Errorf("smb3fs: credentials of uid %d: ccache-export did not finish within %v", uid, exportTimeout)
	}
	if err != nil {
		msg := oneLine(firstLine(stderr.b))
		if msg == "" {
			msg = err.Error()
		}
		return "", nil, fmt.Errorf("smb3fs: credentials of uid %d: %s", uid, msg)
	}
	if stdout.over {
		return "", nil, fmt.Errorf("smb3fs: credentials of uid %d: %w: more than %d bytes", uid, errBadExport, maxExportOutput)
	}
	name, data, err := decodeCCacheExport(stdout.b)
	if err != nil {
		return "", nil, fmt.Errorf("smb3fs: credentials of uid %d: %w", uid, err)
	}
	return name, data, nil
}

// firstLine is the first line of b.
func firstLine(b []byte) string {
	line, _, _ := bufio.NewReader(bytes.NewReader(b)).ReadLine()
	return string(line)
}

// primaryGID is uid's primary group from passwd, else nogroupGID.
func primaryGID(uid uint32) uint32 {
	u, err := user.LookupId(strconv.FormatUint(uint64(uid), 10))
	if err != nil {
		return nogroupGID
	}
	g, err := strconv.ParseUint(u.Gid, 10, 32)
	if err != nil {
		return nogroupGID
	}
	return uint32(g)
}

// limitedBuffer keeps the first max bytes written to it and notes whether
// more came; it never fails a write (the child is not stopped by it).
type limitedBuffer struct {
	b    []byte
	max  int
	over bool
}

func (l *limitedBuffer) Write(p []byte) (int, error) {
	room := l.max - len(l.b)
	if len(p) > room {
		l.over = true
		l.b = append(l.b, p[:max(room, 0)]...)
		return len(p), nil
	}
	l.b = append(l.b, p...)
	return len(p), nil
}

var _ io.Writer = (*limitedBuffer)(nil)

// kerberosAs builds a mechanism for server from uid's credential cache,
// read by the child process.
func kerberosAs(ctx context.Context, run exportRunner, uid uint32, server string) (auth.Mechanism, error) {
	name, data, err := run(ctx, uid)
	if err != nil {
		return nil, err
	}
	// Not wiped here: the parsed cache may share data's bytes (gokrb5's
	// parser slices it); the mechanism's Zero wipes what it holds.
	return auth.NewKerberos(auth.KerberosCredentials{CCache: name, CCacheData: data}, "cifs/"+server)
}
