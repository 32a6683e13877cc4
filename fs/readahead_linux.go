package fs

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// readAheadKB is the read-ahead window, in KiB, the mount asks the kernel
// for: four FUSE READs of MaxWrite (1 MiB) each, in flight together.
//
// The kernel offers FUSE 128 KiB of read-ahead in INIT and lets the file
// system only lower it (go-fuse's MaxReadAhead cannot raise it), so a
// sequential reader got one 128 KiB READ at a time: one SMB READ per
// 128 KiB, each a round trip. The window is a property of the mount's
// backing device (/sys/class/bdi/MAJOR:MINOR/read_ahead_kb), which root
// may raise after INIT; the kernel then splits it into READs of up to
// max_pages (1 MiB).
const readAheadKB = 4096

// errNoMount: the mount point is not in /proc/self/mountinfo.
var errNoMount = errors.New("smb3fs: mount point not in /proc/self/mountinfo")

// raiseReadAhead sets the read-ahead window of the FUSE mount at dir to kb
// KiB unless it is already at least that. It needs root (the sysfs file is
// root's): unprivileged mounts keep the kernel's 128 KiB.
func raiseReadAhead(dir string, kb int) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	dev, err := mountDevice(abs)
	if err != nil {
		return err
	}
	p := "/sys/class/bdi/" + dev + "/read_ahead_kb"
	cur, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	if n, err := strconv.Atoi(strings.TrimSpace(string(cur))); err == nil && n >= kb {
		return nil
	}
	return os.WriteFile(p, []byte(strconv.Itoa(kb)+"\n"), 0)
}

// mountDevice returns the MAJOR:MINOR of the FUSE file system mounted at
// dir (the last one, if several are stacked there).
func mountDevice(dir string) (string, error) {
	f, err := os.Open("/proc/self/mountinfo")
	if err != nil {
		return "", err
	}
	defer f.Close()
	dev := ""
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		// ID PARENT MAJOR:MINOR ROOT MOUNTPOINT OPTIONS [TAGS...] - FSTYPE ...
		fields := strings.Fields(sc.Text())
		if len(fields) < 5 || unescapeMountinfo(fields[4]) != dir {
			continue
		}
		for i, fl := range fields {
			if fl == "-" && i+1 < len(fields) && strings.HasPrefix(fields[i+1], "fuse") {
				dev = fields[2]
			}
		}
	}
	if err := sc.Err(); err != nil {
		return "", err
	}
	if dev == "" || strings.ContainsAny(dev, "/.") {
		return "", fmt.Errorf("%w: %s", errNoMount, dir)
	}
	return dev, nil
}

// unescapeMountinfo undoes the octal escapes (\040 for a space, ...) of a
// path in /proc/self/mountinfo.
func unescapeMountinfo(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+4 <= len(s) {
			if v, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(v))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
