package fs

import (
	"context"
	"strings"
	"syscall"
	"testing"
	"time"

	gofs "github.com/hanwen/go-fuse/v2/fs"
	"github.com/hanwen/go-fuse/v2/fuse"

	"github.com/smb3fs/smb3fs/client/wire"
)

// dirA returns directory attributes with times t.
func dirA(t uint64) attrs {
	return attrs{ctime: t, mtime: t + 1, chtime: t + 2, attr: wire.FileAttributeDirectory}
}

// inoTree is a test tree: FileIds and attributes by share path, as a
// server would stat them.
type inoTree struct {
	t    *testing.T
	root *Node
	ids  map[string]uint64
	as   map[string]attrs
}

func newInoTree(t *testing.T) *inoTree {
	it := &inoTree{t: t, root: testRoot(t, Options{Timeout: time.Minute}), ids: map[string]uint64{}, as: map[string]attrs{}}
	it.root.fsys.inos.testStat = func(p string) (uint64, attrs, error) {
		if p == "" {
			return testRootID, dirA(1), nil
		}
		id, ok := it.ids[p]
		if !ok {
			return 0, attrs{}, syscall.ENOENT
		}
		return id, it.as[p], nil
	}
	return it
}

// add looks name up in dir as Lookup would (the server says id, a) and
// places the answer in the tree, as go-fuse does.
func (it *inoTree) add(dir *Node, name string, id uint64, a attrs) *Node {
	it.t.Helper()
	p, errno := dir.childPath(name)
	if errno != 0 {
		it.t.Fatal(errno)
	}
	it.ids[p], it.as[p] = id, a
	var out fuse.EntryOut
	ch := dir.newChild(context.Background(), name, id, a, &out)
	if out.Attr.Mode&syscall.S_IFMT != ch.StableAttr().Mode {
		it.t.Errorf("%s: attributes say mode %o, inode %o", p, out.Attr.Mode, ch.StableAttr().Mode)
	}
	dir.AddChild(name, ch, true)
	n, _ := nodeOf(ch)
	return n
}

func TestInoLoopsAreLinks(t *testing.T) {
	it := newInoTree(t)
	r := it.root
	loopd := it.add(r, "loopd", 100, dirA(10))
	self := it.add(loopd, "self", 100, dirA(10))
	sub := it.add(loopd, "sub", 101, dirA(20))
	up := it.add(sub, "up", 100, dirA(10))
	a := it.add(r, "a", 102, dirA(30))
	b := it.add(a, "b", 103, dirA(31))
	c := it.add(b, "c", 104, dirA(32))
	up3 := it.add(c, "up3", testRootID, dirA(1)) // the root, via a fresh stat
	for _, tc := range []struct {
		n    *Node
		want string
	}{{self, "."}, {up, ".."}, {up3, "../../.."}} {
		p, _ := tc.n.path()
		if tc.n.StableAttr().Mode != syscall.S_IFLNK || tc.n.loop != tc.want {
			t.Errorf("%s: mode %o target %q, want a link to %q", p, tc.n.StableAttr().Mode, tc.n.loop, tc.want)
			continue
		}
		if ino := tc.n.StableAttr().Ino; ino == 100 || ino < ownInoTop-1000 {
			t.Errorf("%s: inode %d, want one of ours", p, ino)
		}
		if got, errno := tc.n.Readlink(context.Background()); errno != 0 || string(got) != tc.want {
			t.Errorf("%s: readlink %q %v", p, got, errno)
		}
	}
	if loopd.StableAttr().Ino != 100 || sub.StableAttr().Ino != 101 {
		t.Errorf("plain directories: inodes %d %d, want their FileIds", loopd.StableAttr().Ino, sub.StableAttr().Ino)
	}
	// Looked up again: the same inode.
	var out fuse.EntryOut
	if again := loopd.newChild(context.Background(), "self", 100, dirA(10), &out); again != self.EmbeddedInode() {
		t.Errorf("self looked up again: another inode")
	}
}

func TestInoRepeatedFileIDs(t *testing.T) {
	it := newInoTree(t)
	r := it.root
	other := it.add(r, "other", 200, dirA(40))
	sib := it.add(r, "sib", 200, dirA(40)) // sib -> other, on the server
	if sib.StableAttr().Mode != syscall.S_IFDIR || sib.StableAttr().Ino == other.StableAttr().Ino {
		t.Errorf("sibling link: mode %o inode %d, want a directory apart from other (%d)", sib.StableAttr().Mode, sib.StableAttr().Ino, other.StableAttr().Ino)
	}
	if sib.StableAttr() == other.StableAttr() {
		t.Errorf("sib and other share a StableAttr: go-fuse would merge them")
	}
	// A second file system inside the share: its root directory has the
	// FileId of an ancestor, with other times.
	m := it.add(r, "mnt", 300, dirA(50))
	inner := it.add(m, "inner", 300, dirA(60))
	deeper := it.add(inner, "deeper", 300, dirA(70))
	for _, n := range []*Node{inner, deeper} {
		p, _ := n.path()
		if n.StableAttr().Mode != syscall.S_IFDIR || n.StableAttr().Ino == 300 {
			t.Errorf("%s: mode %o inode %d, want a directory with a number of ours", p, n.StableAttr().Mode, n.StableAttr().Ino)
		}
	}
	if inner.StableAttr().Ino == deeper.StableAttr().Ino {
		t.Errorf("inner and deeper share inode %d", inner.StableAttr().Ino)
	}
	// Files keep their FileId: hard links are one inode.
	f1 := it.add(r, "f1", 400, attrs{size: 3})
	f2 := it.add(other, "f2", 400, attrs{size: 3})
	if f1.StableAttr() != f2.StableAttr() || f1.StableAttr().Ino != 400 {
		t.Errorf("hard links: %v and %v, want one inode 400", f1.StableAttr(), f2.StableAttr())
	}
	// A forgotten directory frees its number.
	other.OnForget()
	again := it.add(r, "again", 200, dirA(41))
	if again.StableAttr().Ino != 200 {
		t.Errorf("FileId of a forgotten directory: inode %d, want 200", again.StableAttr().Ino)
	}
}

func TestPathEndsOnCycle(t *testing.T) {
	it := newInoTree(t)
	r := it.root
	d1 := it.add(r, "d1", 10, dirA(1))
	d2 := it.add(d1, "d2", 11, dirA(2))
	// A cycle as go-fuse made one before: d1 moved under d2.
	d2.AddChild("back", d1.EmbeddedInode(), true)
	r.RmChild("d1")
	done := make(chan syscall.Errno, 1)
	go func() { _, errno := d2.path(); done <- errno }()
	select {
	case errno := <-done:
		if errno != syscall.ENAMETOOLONG {
			t.Errorf("path in a cycle: %v, want ENAMETOOLONG", errno)
		}
	case <-time.After(time.Minute):
		t.Fatal("path in a cycle never ended")
	}
	// A long path that fits is fine.
	p := r
	for i := 0; i < 100; i++ {
		p = it.add(p, strings.Repeat("x", 200), uint64(1000+i), dirA(uint64(i)))
	}
	if s, errno := p.path(); errno != 0 || len(s) != 100*201-1 {
		t.Errorf("deep path: %d bytes, %v", len(s), errno)
	}
}

var _ = gofs.StableAttr{}
