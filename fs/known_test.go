package fs

import (
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client/wire"
)

func TestKnownAttrs(t *testing.T) {
	n := &Node{fsys: &FS{opts: Options{Timeout: time.Hour}}}
	file := attrs{size: 4096, mtime: 133_000_000_000_000_000, attr: wire.FileAttributeArchive}
	withLinks := file
	withLinks.nlink = 2

	if _, ok := n.knownNow(); ok {
		t.Fatal("a new node knows attributes")
	}
	n.noteAttrs(n.attrGen(), file)
	if _, ok := n.knownNow(); ok {
		t.Fatal("attributes without a link count were kept, none known before")
	}
	n.noteAttrs(n.attrGen(), withLinks)
	if a, ok := n.knownNow(); !ok || a != withLinks {
		t.Fatalf("knownNow = %+v, %v; want the noted attributes", a, ok)
	}

	// A change this mount starts forgets them; a report asked for
	// before the change is not kept after it.
	gen := n.attrGen()
	n.forgetAttrs()
	if _, ok := n.knownNow(); ok {
		t.Fatal("attributes known after forgetAttrs")
	}
	n.noteAttrs(gen, withLinks)
	if _, ok := n.knownNow(); ok {
		t.Fatal("a report older than the change was kept")
	}

	// A CLOSE response has no link count: the last one known is used.
	n.noteAttrs(n.attrGen(), file)
	if a, ok := n.knownNow(); !ok || a.nlink != 2 || a.size != 4096 {
		t.Fatalf("knownNow after a report without links = %+v, %v; want nlink 2 kept", a, ok)
	}
	if got := n.knownLinks(); got != 2 {
		t.Fatalf("knownLinks = %d, want 2", got)
	}
	// ... until a link, unlink or rename may have changed it.
	n.forgetLinks()
	if got := n.knownLinks(); got != 0 {
		t.Fatalf("knownLinks after forgetLinks = %d, want 0 (unknown)", got)
	}
	n.noteAttrs(n.attrGen(), file)
	if _, ok := n.knownNow(); ok {
		t.Fatal("attributes kept with a link count that may have changed")
	}

	// Directories and possible symlink files are never answered.
	dir := withLinks
	dir.attr = wire.FileAttributeDirectory
	n.noteAttrs(n.attrGen(), dir)
	if _, ok := n.knownNow(); ok {
		t.Fatal("a directory's attributes were kept")
	}
	link := withLinks
	link.size = mfSymlinkSize
	n.noteAttrs(n.attrGen(), link)
	if _, ok := n.knownNow(); ok {
		t.Fatal("a possible symlink file was answered from known attributes")
	}
}

func TestKnownAttrsTimeout(t *testing.T) {
	a := attrs{size: 1, nlink: 1}
	// Older than the attribute timeout: not answered.
	n := &Node{fsys: &FS{opts: Options{Timeout: time.Nanosecond}}}
	n.noteAttrs(n.attrGen(), a)
	time.Sleep(time.Millisecond)
	if _, ok := n.knownNow(); ok {
		t.Fatal("attributes older than the timeout were answered")
	}
	if got := n.knownLinks(); got != 0 {
		t.Fatalf("a link count older than the timeout was answered: %d", got)
	}
	// actimeo=0 (NoCache): never kept.
	n = &Node{fsys: &FS{opts: Options{NoCache: true}}}
	n.noteAttrs(n.attrGen(), a)
	if _, ok := n.knownNow(); ok {
		t.Fatal("attributes kept with NoCache")
	}
}
