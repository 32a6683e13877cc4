package main

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// Terminal ioctls for the password prompt.
const (
	ioctlGetTermios = unix.TCGETS
	ioctlSetTermios = unix.TCSETS
)

// lazyUnmountFlag detaches a busy mount (umount -l).
const lazyUnmountFlag = unix.MNT_DETACH

// hardenProcess keeps the process's memory (keys, the NTLM password) out
// of core files and away from other users' debuggers: no core files
// (RLIMIT_CORE 0), and not dumpable, which also makes /proc/<pid>/mem,
// environ and the like root's and refuses ptrace to anyone without
// CAP_SYS_PTRACE, the same user included. Both are reset by execve, so the
// daemon does this again after the re-exec.
func hardenProcess() error {
	if err := unix.Setrlimit(unix.RLIMIT_CORE, &unix.Rlimit{}); err != nil {
		return fmt.Errorf("setrlimit RLIMIT_CORE: %w", err)
	}
	if err := unix.Prctl(unix.PR_SET_DUMPABLE, 0, 0, 0, 0); err != nil {
		return fmt.Errorf("prctl PR_SET_DUMPABLE: %w", err)
	}
	return nil
}

// scrubInitialEnviron blanks the NAME=value entries for name in the block
// execve copied onto the stack, which is what /proc/<pid>/environ shows
// (os.Unsetenv only forgets Go's own copy of it). It is best effort: the
// block is found from /proc/self/stat (env_start, env_end: fields 50 and
// 51 of proc(5)) and rewritten through /proc/self/mem.
func scrubInitialEnviron(name string) {
	stat, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return
	}
	// Fields after the command name, which may hold spaces and ")", start
	// at field 3.
	i := bytes.LastIndexByte(stat, ')')
	if i < 0 {
		return
	}
	f := strings.Fields(string(stat[i+1:]))
	if len(f) < 51-2 {
		return
	}
	start, err1 := strconv.ParseInt(f[50-3], 10, 64)
	end, err2 := strconv.ParseInt(f[51-3], 10, 64)
	if err1 != nil || err2 != nil || start <= 0 || end <= start || end-start > 1<<20 {
		return
	}
	mem, err := os.OpenFile("/proc/self/mem", os.O_RDWR, 0)
	if err != nil {
		return
	}
	defer mem.Close()
	block := make([]byte, end-start)
	if _, err := mem.ReadAt(block, start); err != nil {
		return
	}
	prefix := []byte(name + "=")
	changed := false
	for off := 0; off < len(block); {
		n := bytes.IndexByte(block[off:], 0)
		if n < 0 {
			n = len(block) - off
		}
		if bytes.HasPrefix(block[off:off+n], prefix) {
			clear(block[off : off+n])
			changed = true
		}
		off += n + 1
	}
	if changed {
		mem.WriteAt(block, start)
	}
	clear(block)
}

// remount changes the mount flags of the smb3fs mount at dir, as mount -o
// remount does: ro or rw, noexec, the atime flags, sync and dirsync; the
// mount stays nosuid,nodev, and keeps the flags raw does not change.
// Only root may (mount(2) needs CAP_SYS_ADMIN).
func remount(dir string, o *mountOptions, raw []string) error {
	if os.Geteuid() != 0 {
		return usageErrorf("remount: only root may remount")
	}
	flags, err := remountFlags(dir, raw)
	if err != nil {
		return err
	}
	flags &^= unix.MS_RDONLY
	if o.ReadOnly {
		flags |= unix.MS_RDONLY
	}
	if err := unix.Mount("", dir, "", unix.MS_REMOUNT|flags, ""); err != nil {
		return fmt.Errorf("remount %s: %w", dir, err)
	}
	return nil
}

// applyMountFlags sets the flags raw asks for that the FUSE mount does
// not (the access-time flags noatime, nodiratime, relatime, strictatime,
// lazytime and their opposites; sync) on the new mount at dir,
// as mount(8) sets them on any file system: a remount that keeps every
// other flag. Only root may; a user's mount (through fusermount3) keeps
// the kernel's defaults.
func applyMountFlags(dir string, raw []string) error {
	if os.Geteuid() != 0 {
		return nil
	}
	asked := false
	for _, s := range raw {
		for _, opt := range strings.Split(s, ",") {
			_, set := atimeSet[opt]
			_, clr := atimeClear[opt]
			asked = asked || set || clr || opt == "sync"
		}
	}
	if !asked {
		return nil
	}
	flags, err := remountFlags(dir, raw)
	if err != nil {
		return err
	}
	if err := unix.Mount("", dir, "", unix.MS_REMOUNT|flags, ""); err != nil {
		return fmt.Errorf("setting mount flags on %s: %w", dir, err)
	}
	return nil
}

// Mount flags that options set and clear, for remount and
// applyMountFlags.
var (
	atimeSet = map[string]uintptr{"noatime": unix.MS_NOATIME, "nodiratime": unix.MS_NODIRATIME,
		"relatime": unix.MS_RELATIME, "strictatime": unix.MS_STRICTATIME, "lazytime": unix.MS_LAZYTIME}
	atimeClear = map[string]uintptr{"atime": unix.MS_NOATIME, "diratime": unix.MS_NODIRATIME,
		"norelatime": unix.MS_RELATIME, "nostrictatime": unix.MS_STRICTATIME, "nolazytime": unix.MS_LAZYTIME}
	flagSet   = map[string]uintptr{"noexec": unix.MS_NOEXEC, "sync": unix.MS_SYNCHRONOUS, "dirsync": unix.MS_DIRSYNC}
	flagClear = map[string]uintptr{"exec": unix.MS_NOEXEC, "async": unix.MS_SYNCHRONOUS}
)

// remountFlags are the flags dir is mounted with now (statfs), always
// nosuid and nodev, changed by the options in raw.
func remountFlags(dir string, raw []string) (uintptr, error) {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return 0, fmt.Errorf("remount: %w", err)
	}
	flags := uintptr(unix.MS_NOSUID | unix.MS_NODEV)
	keep := map[int64]uintptr{unix.ST_RDONLY: unix.MS_RDONLY, unix.ST_NOEXEC: unix.MS_NOEXEC,
		unix.ST_NOATIME: unix.MS_NOATIME, unix.ST_NODIRATIME: unix.MS_NODIRATIME,
		unix.ST_RELATIME: unix.MS_RELATIME, unix.ST_SYNCHRONOUS: unix.MS_SYNCHRONOUS}
	for stFlag, ms := range keep {
		if int64(st.Flags)&stFlag != 0 {
			flags |= ms
		}
	}
	for _, s := range raw {
		for _, opt := range strings.Split(s, ",") {
			const policy = unix.MS_NOATIME | unix.MS_RELATIME | unix.MS_STRICTATIME
			if f := atimeSet[opt]; f&policy != 0 {
				flags &^= policy // one access-time policy at a time
			}
			flags |= atimeSet[opt]
			flags &^= atimeClear[opt]
			flags |= flagSet[opt]
			flags &^= flagClear[opt]
		}
	}
	return flags, nil
}
