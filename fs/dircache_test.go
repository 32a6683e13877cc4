package fs

import (
	"context"
	"fmt"
	"syscall"
	"testing"
	"time"

	gofs "github.com/hanwen/go-fuse/v2/fs"
	"github.com/hanwen/go-fuse/v2/fuse"

	"github.com/smb3fs/smb3fs/client/wire"
)

func TestAbsentIsSure(t *testing.T) {
	for name, want := range map[string]bool{
		"file.dat":               true,
		".file.dat.AbC123":       true,
		"with space":             true,
		"":                       false,
		".":                      false,
		"..":                     false,
		"TIXEP6~1":               false, // a mangled 8.3 name
		"trailing.":              false, // listed mangled
		"trailing ":              false,
		"é":                      false, // folds in ways not repeated here
		"a*b":                    false, // EINVAL on the server
		"a?b":                    false,
		"tab\tname":              false,
		hiddenPrefix + "0123abc": false,
	} {
		if got := absentIsSure(name); got != want {
			t.Errorf("absentIsSure(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestListingIndexes(t *testing.T) {
	l := newListing(time.Now(), []wire.DirEntry{
		{Name: "."}, {Name: ".."},
		{Name: "a", FileID: 100, OpenInfo: wire.OpenInfo{EndOfFile: 10}},
		{Name: "b", FileID: 100}, // a hard link
		{Name: "Kelvin\u212a", FileID: 7},
	})
	if len(l.entries) != 3 {
		t.Fatalf("%d entries, want 3 (no . and ..)", len(l.entries))
	}
	if got := l.byID[100]; len(got) != 2 {
		t.Fatalf("byID[100] = %q", got)
	}
	if l.folded["kelvink"] != 1 || l.folded["a"] != 1 {
		t.Fatalf("folded = %v", l.folded)
	}
	l.unknown("a")
	if e := l.entries["a"]; e.known || e.id != 0 {
		t.Errorf("unknown(a): %+v", e)
	}
	if got := l.byID[100]; len(got) != 1 || got[0] != "b" {
		t.Errorf("byID[100] after unknown(a) = %q", got)
	}
	if l.folded["a"] != 1 {
		t.Errorf("unknown counted a twice: %v", l.folded)
	}
	l.remove("b")
	l.remove("a")
	l.remove("missing")
	if len(l.byID) != 1 || len(l.byID[7]) != 1 || l.folded["a"] != 0 || len(l.entries) != 1 {
		t.Errorf("after removes: entries %v byID %v folded %v", l.entries, l.byID, l.folded)
	}
}

// testRoot returns a root node with a go-fuse bridge (so it can make
// child inodes) and no server: a test must never let it list.
func testRoot(t *testing.T, opts Options) *Node {
	t.Helper()
	root := NewRoot(nil, opts)
	gofs.NewNodeFS(root, root.MountOptions())
	// The root's FileId, which ino.go would ask the server for.
	root.fsys.inos.rootID, root.fsys.inos.rootKnown = testRootID, true
	return root
}

// testRootID is the FileId of testRoot's root.
const testRootID = 1 << 40

func TestLookupListed(t *testing.T) {
	ctx := context.Background()
	root := testRoot(t, Options{Timeout: time.Minute})
	ents := []wire.DirEntry{
		{Name: "a", FileID: 100, OpenInfo: wire.OpenInfo{EndOfFile: 10, FileAttributes: wire.FileAttributeArchive}},
		{Name: "Dir", FileID: 101, OpenInfo: wire.OpenInfo{FileAttributes: wire.FileAttributeDirectory}},
		{Name: "link", FileID: 102, OpenInfo: wire.OpenInfo{EndOfFile: mfSymlinkSize}},
	}
	ask := func(name string) (lookupAnswer, *fuse.EntryOut, *gofs.Inode) {
		var out fuse.EntryOut
		ch, ans := root.lookupListed(ctx, name, &out)
		return ans, &out, ch
	}
	expect := func(name string, want lookupAnswer) {
		t.Helper()
		if got, _, _ := ask(name); got != want {
			t.Errorf("lookup %q: answer %d, want %d", name, got, want)
		}
	}

	// No listing yet: the first lookup asks the server (and lists nothing).
	expect("a", askServer)

	root.keepListing(ents, time.Now(), root.listStamp())
	ans, out, _ := ask("b")
	if ans != absent {
		t.Fatalf("missing name: answer %d, want absent", ans)
	}
	if d := out.EntryTimeout(); d <= 0 || d > time.Minute {
		t.Errorf("absent: entry timeout %v, want the listing's time left", d)
	}
	ans, out, ch := ask("a")
	if ans != listed || ch == nil {
		t.Fatalf("listed name: answer %d", ans)
	}
	if ch.StableAttr().Ino != 100 || out.Attr.Size != 10 || out.Attr.Mode&syscall.S_IFREG == 0 {
		t.Errorf("listed a: ino %d size %d mode %o", ch.StableAttr().Ino, out.Attr.Size, out.Attr.Mode)
	}
	if d := out.AttrTimeout(); d <= 0 || d > time.Minute {
		t.Errorf("listed: attr timeout %v", d)
	}
	expect("Dir", listed)
	expect("A", askServer)    // Samba would find a
	expect("dir", askServer)  // and Dir
	expect("link", askServer) // may be a symlink file: read it
	expect("b.", askServer)
	expect("B~1", askServer)
	expect("\u00e9", askServer)
	expect(hiddenPrefix+"00", askServer)

	// Our own changes.
	root.nameAdded("b")
	expect("b", askServer)
	root.nameRemoved("a")
	expect("a", absent)
	root.attrsChanging(101) // by file id: Dir
	expect("Dir", askServer)

	// A file open here: its attributes move.
	root.keepListing(ents, time.Now(), root.listStamp())
	root.fsys.open.ids = map[uint64]int{100: 1}
	expect("a", askServer)
	root.fsys.open.ids = nil
	expect("a", listed)
	// ... and one open when the listing is read is marked in it.
	root.fsys.open.ids = map[uint64]int{100: 1}
	root.keepListing(ents, time.Now(), root.listStamp())
	root.fsys.open.ids = nil
	expect("a", askServer)

	// An error of unknown outcome drops the listing.
	root.keepListing(ents, time.Now(), root.listStamp())
	expect("zzz", absent)
	root.listingUnsure()
	root.fsys.dc.dirs[root].lastMiss = time.Time{} // no second miss: no listing
	expect("zzz", askServer)

	// A listing read while a change was made is not kept.
	stamp := root.listStamp()
	root.nameAdded("other")
	root.keepListing(ents, time.Now(), stamp)
	root.fsys.dc.dirs[root].lastMiss = time.Time{}
	expect("zzz", askServer)

	// A listing read while attributes changed keeps its names only.
	stamp = root.listStamp()
	root.attrsChanging(999)
	root.keepListing(ents, time.Now(), stamp)
	expect("zzz", absent)
	expect("a", askServer)

	// An old listing answers nothing.
	root.listingUnsure()
	root.keepListing(ents, time.Now().Add(-time.Minute), root.listStamp())
	root.fsys.dc.dirs[root].lastMiss = time.Time{}
	expect("zzz", askServer)

	// A huge directory is not kept.
	var many []wire.DirEntry
	for i := 0; i <= maxListed; i++ {
		many = append(many, wire.DirEntry{Name: fmt.Sprintf("f%d", i), FileID: uint64(1000 + i)})
	}
	root.listingUnsure()
	root.keepListing(many, time.Now(), root.listStamp())
	root.fsys.dc.dirs[root].lastMiss = time.Time{}
	expect("zzz", askServer)
	if st := root.fsys.dc.dirs[root]; !time.Now().Before(st.noListUntil) {
		t.Errorf("a directory with too many entries may be listed again at once")
	}
	expect("zzz", askServer) // the second miss does not list it (no server here)
	if held := root.fsys.dc.held; held != 0 {
		t.Errorf("held %d entries with no listing kept", held)
	}
}

func TestLookupListedDisabled(t *testing.T) {
	root := testRoot(t, Options{NoCache: true})
	root.keepListing([]wire.DirEntry{{Name: "a", FileID: 100}}, time.Now(), root.listStamp())
	var out fuse.EntryOut
	for _, name := range []string{"a", "b", "b"} {
		if _, ans := root.lookupListed(context.Background(), name, &out); ans != askServer {
			t.Errorf("actimeo=0: lookup %q answered %d from a listing", name, ans)
		}
	}
}

// A change in a directory marks its own entry in its parent's listing
// unknown: its modification time moved.
func TestDirChangedMarksParent(t *testing.T) {
	ctx := context.Background()
	root := testRoot(t, Options{Timeout: time.Minute})
	root.keepListing([]wire.DirEntry{{Name: "sub", FileID: 5, OpenInfo: wire.OpenInfo{FileAttributes: wire.FileAttributeDirectory}}}, time.Now(), root.listStamp())
	var out fuse.EntryOut
	ch, ans := root.lookupListed(ctx, "sub", &out)
	if ans != listed {
		t.Fatalf("sub: answer %d", ans)
	}
	root.AddChild("sub", ch, true)
	sub := ch.Operations().(*Node)
	sub.nameAdded("new")
	if _, ans := root.lookupListed(ctx, "sub", &out); ans != askServer {
		t.Errorf("sub after a create in it: answer %d, want askServer", ans)
	}
}
