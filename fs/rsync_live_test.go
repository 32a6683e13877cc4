//go:build linux

package fs_test

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	smbfs "github.com/smb3fs/smb3fs/fs"
)

// oddName is a file name and what becomes of it on the mount (Samba 4.17
// with its defaults: mangled names = illegal, case sensitive = auto).
type oddName struct {
	what, name string
	// fate: "ok" (created, read back, listed and on the server's disk
	// under its own name), "mangled" (created and reachable by its name,
	// stored under it on the server, but listed under an 8.3 name like
	// TIXEP6~1), or "EINVAL" (refused).
	fate string
}

var oddNames = []oddName{
	{"NFC", "caf\u00e9 nfc", "ok"},
	{"NFD (e + combining acute)", "cafe\u0301 nfd", "ok"},
	{"leading space", " leading space", "ok"},
	{"leading dot", ".x", "ok"},
	{"DEL (0x7f)", "del\x7f", "ok"},
	{"private use U+F020", "pua\uf020", "ok"},
	{"255 ASCII bytes", strings.Repeat("n", 255), "ok"},
	{"255 UTF-8 bytes (2-byte chars)", strings.Repeat("\u00e9", 127) + "x", "ok"},
	{"255 UTF-8 bytes (4-byte chars)", strings.Repeat("\U0001F642", 63) + "xyz", "ok"},
	{"trailing space", "trailing space ", "mangled"},
	{"trailing dot", "trailing dot.", "mangled"},
	{"dots only", "...", "mangled"},
	{"question mark", "what?", "EINVAL"},
	{"asterisk", "star*", "EINVAL"},
	{"double quote", "say \"hi\"", "EINVAL"},
	{"angle brackets", "<tag>", "EINVAL"},
	{"pipe", "a|b", "EINVAL"},
	{"tab", "tab\there", "EINVAL"},
	{"newline", "new\nline", "EINVAL"},
}

// TestLiveOddNames pins which names survive the mount to Samba and which do
// not (fs/doc.go, "Names"), two names differing only in case, and times
// before 1970.
func TestLiveOddNames(t *testing.T) {
	m := mountDaemon(t, smbfs.Options{})
	for _, o := range oddNames {
		p := m.path(o.name)
		err := os.WriteFile(p, []byte(o.what), 0644)
		if o.fate == "EINVAL" {
			if !errors.Is(err, unix.EINVAL) {
				t.Errorf("%s: create %q: %v, want EINVAL", o.what, o.name, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: create %q: %v", o.what, o.name, err)
			continue
		}
		if b, err := os.ReadFile(p); err != nil || string(b) != o.what {
			t.Errorf("%s: read back %q: %q, %v", o.what, o.name, b, err)
		}
		if b, err := os.ReadFile(m.onDisk(o.name)); err != nil || string(b) != o.what {
			t.Errorf("%s: %q on the server: %q, %v", o.what, o.name, b, err)
		}
		ents, err := os.ReadDir(m.dir)
		if err != nil {
			t.Fatal(err)
		}
		var listed []string
		for _, e := range ents {
			listed = append(listed, e.Name())
		}
		switch {
		case o.fate == "ok" && (len(listed) != 1 || listed[0] != o.name):
			t.Errorf("%s: listing %q, want [%q]", o.what, listed, o.name)
		case o.fate == "mangled" && (len(listed) != 1 || !strings.Contains(listed[0], "~")):
			t.Errorf("%s: listing %q, want one mangled 8.3 name (mangled names = no on the server? then fs/doc.go is out of date)", o.what, listed)
		}
		if err := os.Remove(p); err != nil {
			t.Errorf("%s: remove: %v", o.what, err)
		}
	}

	// Samba matches names without case for SMB2 clients: "case" opens
	// (here: truncates and rewrites) the existing "Case".
	if err := os.WriteFile(m.path("Case"), []byte("upper"), 0644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(m.path("case"), []byte("lower"), 0644); err != nil {
		t.Fatal(err)
	}
	ents, _ := os.ReadDir(m.dir)
	if b, err := os.ReadFile(m.path("Case")); err != nil || string(b) != "lower" || len(ents) != 1 || ents[0].Name() != "Case" {
		t.Errorf("names differing in case: Case holds %q (%v), listing %v; want one file, Case, holding \"lower\"", b, err, ents)
	}

	// Times before 1970 (FILETIME counts from 1601), to 100 ns.
	mt := time.Date(1960, 5, 6, 7, 8, 9, 123456789, time.UTC)
	if err := os.WriteFile(m.path("old"), nil, 0644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(m.path("old"), mt, mt); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(m.path("old"))
	if err != nil || !st.ModTime().Equal(mt.Truncate(100)) {
		t.Errorf("mtime 1960: mount shows %v (%v), want %v", st.ModTime().UTC(), err, mt.Truncate(100))
	}
	if st, err := os.Stat(m.onDisk("old")); err != nil || !st.ModTime().Equal(mt.Truncate(100)) {
		t.Errorf("mtime 1960: server's disk has %v (%v)", st.ModTime().UTC(), err)
	}
}

// rsyncEntry is one file, directory or symbolic link of the rsync tree.
type rsyncEntry struct {
	kind   byte // 'f', 'd' or 'l'
	size   int64
	sum    [32]byte
	target string
	mtime  time.Time
}

// rsyncNames are the name patterns of the rsync tree: each is a format for
// fmt.Sprintf with the entry's number. They survive SMB to Samba (see
// TestLiveOddNames for those that do not).
var rsyncNames = []string{
	"f%d",
	"file with spaces %d.txt",
	" leading space %d",
	".hidden%d",
	"..two dots %d",
	"gr\u00fc\u00dfe na\u00efve r\u00e9sum\u00e9 %d", // NFC
	"cafe\u0301 %d nfd", // NFD: e + combining acute
	"\u65e5\u672c\u8a9e\u306e\u30d5\u30a1\u30a4\u30eb%d",
	"emoji \U0001F642 %d",
	"\u0391\u0392\u0393 \u043a\u0438\u0440\u0438\u043b\u043b\u0438\u0446\u0430 %d",
	"semi;colon,comma'quote %d",
	"%d-" + strings.Repeat("long", 60), // 240+ bytes
}

// buildRsyncTree writes the test tree under root and returns what it holds,
// by relative path. It is deterministic: directories nested up to depth 6,
// files of 0 to 1 MiB (mostly small), symbolic links of every kind, empty
// directories, a 255-byte name, and distinct modification times, some
// before 1970 and all with sub-second parts (multiples of 100 ns, the
// FILETIME unit).
func buildRsyncTree(t *testing.T, root string, files int) map[string]rsyncEntry {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	dirs := []string{"."}
	depth := map[string]int{".": 0}
	uniq := 0
	name := func() string {
		uniq++
		return fmt.Sprintf(rsyncNames[uniq%len(rsyncNames)], uniq)
	}
	mtime := func() time.Time {
		// 1950 to 2030, with a sub-second part in 100 ns units.
		sec := int64(-631152000) + rng.Int64N(2524608000)
		return time.Unix(sec, rng.Int64N(1e7)*100)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for len(dirs) < files/12 {
		parent := dirs[rng.IntN(len(dirs))]
		if depth[parent] >= 6 {
			continue
		}
		d := filepath.Join(parent, name())
		must(os.Mkdir(filepath.Join(root, d), 0755))
		dirs = append(dirs, d)
		depth[d] = depth[parent] + 1
	}
	deepest := "."
	for _, d := range dirs {
		if depth[d] > depth[deepest] {
			deepest = d
		}
	}
	var regular []string
	for i := 0; i < files; i++ {
		dir := dirs[rng.IntN(len(dirs))]
		if i == 0 {
			dir = deepest
		}
		var size int
		switch r := rng.IntN(100); {
		case r < 5:
			size = 0
		case r < 85:
			size = rng.IntN(4096)
		case r < 99:
			size = 4096 + rng.IntN(60<<10)
		default:
			size = 64<<10 + rng.IntN(960<<10)
		}
		data := make([]byte, size)
		rand.NewChaCha8([32]byte{byte(i), byte(i >> 8), 7}).Read(data)
		rel := filepath.Join(dir, name())
		must(os.WriteFile(filepath.Join(root, rel), data, 0644))
		regular = append(regular, rel)
	}
	// A name of exactly 255 bytes (NAME_MAX), ASCII and UTF-8.
	for _, n := range []string{strings.Repeat("x", 255), strings.Repeat("\u00e9", 127) + "y"} {
		rel := filepath.Join(dirs[1], n)
		must(os.WriteFile(filepath.Join(root, rel), []byte(n[:10]), 0644))
		regular = append(regular, rel)
	}
	// Empty directories, one of them deep.
	for _, d := range []string{"empty", filepath.Join(deepest, "empty deep")} {
		must(os.Mkdir(filepath.Join(root, d), 0755))
		dirs = append(dirs, d)
	}
	// Symbolic links: relative to a file and to a directory, absolute,
	// dangling, and one pointing up and across.
	links := map[string]string{
		"link to file":                       regular[1],
		"link to dir":                        dirs[1],
		filepath.Join(dirs[2], "abs"):        "/etc/hostname",
		"dangling":                           "no/such/file",
		filepath.Join(deepest, "up"):         strings.Repeat("../", depth[deepest]) + regular[2],
		"link with spaces \u00fc \U0001F642": "target with spaces \u00fc",
	}
	for rel, target := range links {
		must(os.Symlink(target, filepath.Join(root, rel)))
	}
	// Times last, deepest first, so that creating entries does not change
	// a directory's time afterwards.
	var all []string
	all = append(all, regular...)
	for rel := range links {
		all = append(all, rel)
	}
	all = append(all, dirs[1:]...)
	sort.SliceStable(all, func(i, j int) bool { return strings.Count(all[i], "/") > strings.Count(all[j], "/") })
	for _, rel := range all {
		tm := mtime()
		ts := []unix.Timespec{unix.NsecToTimespec(tm.UnixNano()), unix.NsecToTimespec(tm.UnixNano())}
		must(unix.UtimesNanoAt(unix.AT_FDCWD, filepath.Join(root, rel), ts, unix.AT_SYMLINK_NOFOLLOW))
	}
	got := walkTree(t, root)
	if len(got) != len(regular)+len(links)+len(dirs)-1 {
		t.Fatalf("built %d entries, walked %d", len(regular)+len(links)+len(dirs)-1, len(got))
	}
	return got
}

// walkTree describes every entry under root by relative path.
func walkTree(t *testing.T, root string) map[string]rsyncEntry {
	t.Helper()
	tree := map[string]rsyncEntry{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == root {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		st, err := os.Lstat(p)
		if err != nil {
			return err
		}
		e := rsyncEntry{mtime: st.ModTime()}
		switch {
		case st.Mode().IsDir():
			e.kind = 'd'
		case st.Mode()&os.ModeSymlink != 0:
			e.kind = 'l'
			if e.target, err = os.Readlink(p); err != nil {
				return err
			}
		case st.Mode().IsRegular():
			e.kind = 'f'
			e.size = st.Size()
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			e.sum = sha256.Sum256(b)
			if int64(len(b)) != e.size {
				return fmt.Errorf("%s: stat says %d bytes, read %d", rel, e.size, len(b))
			}
		default:
			return fmt.Errorf("%s: unexpected type %v", rel, st.Mode())
		}
		tree[rel] = e
		return nil
	})
	if err != nil {
		t.Fatalf("walk %s: %v", root, err)
	}
	return tree
}

// compareTrees reports every difference between want and got: missing or
// extra entries, type, size, content, link target and, unless symlink
// times are not kept (linkTimes false), modification time to 100 ns.
func compareTrees(t *testing.T, what string, want, got map[string]rsyncEntry, linkTimes bool) {
	t.Helper()
	bad := 0
	report := func(format string, args ...any) {
		t.Helper()
		if bad++; bad <= 20 {
			t.Errorf(what+": "+format, args...)
		}
	}
	for rel, w := range want {
		g, ok := got[rel]
		switch {
		case !ok:
			report("%q missing", rel)
		case g.kind != w.kind:
			report("%q is %c, want %c", rel, g.kind, w.kind)
		case g.size != w.size || g.sum != w.sum:
			report("%q: %d bytes, want %d (or the content differs)", rel, g.size, w.size)
		case g.target != w.target:
			report("%q -> %q, want -> %q", rel, g.target, w.target)
		case (w.kind != 'l' || linkTimes) && !g.mtime.Equal(w.mtime.Truncate(100)):
			report("%q (%c): mtime %v, want %v", rel, w.kind, g.mtime.UTC(), w.mtime.UTC())
		}
	}
	for rel := range got {
		if _, ok := want[rel]; !ok {
			report("%q is extra", rel)
		}
	}
	if bad > 20 {
		t.Errorf("%s: %d differences in all", what, bad)
	}
}

// TestLiveRsyncTree is the round trip the issue asks for: rsync -a of a
// tree of about 3,000 files onto the mount and back, compared entry by
// entry (type, size, SHA-256, link target, mtime to 100 ns), then a second
// rsync -a that must find nothing to do, and the server's disk checked.
// It runs through the daemon mount, since rsync is another process.
func TestLiveRsyncTree(t *testing.T) {
	if _, err := exec.LookPath("rsync"); err != nil {
		t.Fatalf("rsync not installed: %v", err)
	}
	// The tree's files are 0644; the default file_mode (0755, as
	// mount.cifs) would differ from them and make every rsync chmod.
	m := mountDaemon(t, smbfs.Options{FileMode: 0644})
	src := filepath.Join(t.TempDir(), "src")
	if err := os.Mkdir(src, 0755); err != nil {
		t.Fatal(err)
	}
	want := buildRsyncTree(t, src, 3000)
	kinds := map[byte]int{}
	var bytes int64
	deepest, oldest := 0, time.Now()
	for rel, e := range want {
		kinds[e.kind]++
		bytes += e.size
		deepest = max(deepest, strings.Count(rel, "/")+1)
		if e.mtime.Before(oldest) {
			oldest = e.mtime
		}
	}
	t.Logf("tree: %d entries: %d files (%.1f MiB), %d directories, %d symbolic links; %d levels deep; oldest mtime %v",
		len(want), kinds['f'], float64(bytes)/(1<<20), kinds['d'], kinds['l'], deepest, oldest.UTC())

	rsync := func(args ...string) string {
		t.Helper()
		start := time.Now()
		out := run(t, "rsync", args...)
		t.Logf("rsync %s: %v", strings.Join(args, " "), time.Since(start).Round(time.Millisecond))
		return out
	}
	dst := m.path("tree")
	rsync("-a", src+"/", dst)
	compareTrees(t, "on the mount", want, walkTree(t, dst), true)

	back := filepath.Join(t.TempDir(), "back")
	rsync("-a", dst+"/", back)
	compareTrees(t, "copied back", want, walkTree(t, back), true)

	if out := rsync("-a", "--itemize-changes", src+"/", dst); strings.TrimSpace(out) != "" {
		t.Errorf("second rsync -a onto the mount was not empty:\n%.3000s", out)
	}
	if out := rsync("-a", "--itemize-changes", dst+"/", back); strings.TrimSpace(out) != "" {
		t.Errorf("second rsync -a from the mount was not empty:\n%.3000s", out)
	}

	// The server's disk: the same names, contents and times; symbolic
	// links are Minshall-French files there (1067 bytes, "XSym").
	disk := walkTree(t, m.onDisk("tree"))
	diskWant := map[string]rsyncEntry{}
	for rel, e := range want {
		if e.kind == 'l' {
			if d, ok := disk[rel]; !ok || d.kind != 'f' || d.size != 1067 {
				t.Errorf("on the server: symbolic link %q is %+v, want a 1067-byte file", rel, d)
			} else if b, err := os.ReadFile(filepath.Join(m.onDisk("tree"), rel)); err != nil ||
				!strings.HasPrefix(string(b), "XSym\n") || !strings.Contains(string(b), "\n"+e.target+"\n") {
				t.Errorf("on the server: %q is not a Minshall-French link to %q", rel, e.target)
			}
			diskWant[rel] = disk[rel]
			continue
		}
		diskWant[rel] = e
	}
	compareTrees(t, "on the server", diskWant, disk, true)
}
