package rules

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// DefaultPath is where Load looks when given "" (or this path itself).
const DefaultPath = "/etc/smb3fs/hardening.conf"

// maxFileSize bounds what Load reads: a hardening file is a few lines.
const maxFileSize = 1 << 20

// ErrUnsafeFile: the hardening file, a directory above it or a symbolic
// link on its path could have been written by someone other than root.
var ErrUnsafeFile = errors.New("rules: unsafe hardening file")

// Load reads and parses the hardening file at path after checking that
// only root could have written it (see the package comment). path "" means
// DefaultPath. A missing file at DefaultPath yields Strict rules; a missing
// file elsewhere is an error.
func Load(path string) (*Rules, error) {
	return loader{defaultPath: DefaultPath}.load(path)
}

// loader holds what tests may change; the zero trust settings are the
// strict ones that Load uses.
type loader struct {
	// defaultPath is the path used for "" and whose absence means strict.
	defaultPath string
	// trustUID, if set, trusts this owner as well as root. Tests only.
	trustUID *uint32
	// stopAt, if set, is a directory whose ancestors (it included) are not
	// checked, for test files under a world-writable /tmp. Tests only.
	stopAt string
}

func (l loader) load(path string) (*Rules, error) {
	missingOK := false
	if path == "" || filepath.Clean(path) == l.defaultPath {
		path, missingOK = l.defaultPath, true
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	if _, err := os.Lstat(abs); err != nil {
		if missingOK && errors.Is(err, fs.ErrNotExist) {
			return Strict(), nil
		}
		return nil, fmt.Errorf("rules: hardening file: %w", err)
	}

	// The path as written: directories and the file itself, with any
	// symbolic link owned by a trusted user.
	if err := l.checkChain(abs, path); err != nil {
		return nil, err
	}
	// The path with every link resolved: the file and directories that
	// will actually be read.
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, fmt.Errorf("rules: hardening file %s: %w", path, err)
	}
	if real != abs {
		if err := l.checkChain(real, path+" -> "+real); err != nil {
			return nil, err
		}
	}
	want, err := os.Lstat(real)
	if err != nil {
		return nil, fmt.Errorf("rules: hardening file: %w", err)
	}
	if !want.Mode().IsRegular() {
		return nil, fmt.Errorf("%w: %s is not a regular file (%v)", ErrUnsafeFile, real, want.Mode().Type())
	}

	f, err := os.OpenFile(real, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, fmt.Errorf("rules: hardening file: %w", err)
	}
	defer f.Close()
	got, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("rules: hardening file: %w", err)
	}
	// The file opened is the file checked, and it is still safe.
	if !os.SameFile(want, got) {
		return nil, fmt.Errorf("%w: %s changed while it was being checked", ErrUnsafeFile, real)
	}
	if err := l.checkOne(real, got, false); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("rules: hardening file: %w", err)
	}
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("rules: hardening file %s is larger than %d bytes", path, maxFileSize)
	}
	return Parse(path, data)
}

// checkChain checks p and each directory above it up to / (or up to
// l.stopAt). shown names the file in messages.
func (l loader) checkChain(p, shown string) error {
	for {
		if l.stopAt != "" && p == l.stopAt {
			return nil
		}
		fi, err := os.Lstat(p)
		if err != nil {
			return fmt.Errorf("rules: hardening file %s: %w", shown, err)
		}
		if err := l.checkOne(p, fi, fi.Mode()&fs.ModeSymlink != 0); err != nil {
			if p != shown {
				return fmt.Errorf("%w (checking %s)", err, shown)
			}
			return err
		}
		parent := filepath.Dir(p)
		if parent == p {
			return nil
		}
		p = parent
	}
}

// checkOne refuses fi (the Lstat of p) unless a trusted user owns it and,
// unless it is a symbolic link (whose mode means nothing), neither group nor
// others may write it.
func (l loader) checkOne(p string, fi fs.FileInfo, link bool) error {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fmt.Errorf("%w: %s: cannot read its owner", ErrUnsafeFile, p)
	}
	if st.Uid != 0 && (l.trustUID == nil || st.Uid != *l.trustUID) {
		return fmt.Errorf("%w: %s is owned by uid %d, not root", ErrUnsafeFile, p, st.Uid)
	}
	if link {
		return nil
	}
	// No exception for sticky directories: /etc needs none, and a sticky
	// directory still lets anyone create a name that is not yet there.
	var who string
	switch st.Mode & 0o022 {
	case 0:
		return nil
	case 0o020:
		who = "group"
	case 0o002:
		who = "others"
	default:
		who = "group and others"
	}
	return fmt.Errorf("%w: %s is writable by %s (mode %04o)", ErrUnsafeFile, p, who, st.Mode&0o7777)
}
