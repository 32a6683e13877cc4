package fs

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
)

// fakeLister serves a listing of total entries (endless when total < 0)
// in batches of batch, as a server would, and counts restarts.
type fakeLister struct {
	total, batch int
	next         int
	restarts     int
	closed       bool
	// loseAt: the batch read when next reaches it fails as a handle
	// lost in a reconnect would (once).
	loseAt int
}

func (f *fakeLister) ReadDirBatch(ctx context.Context, restart bool, bufLen uint32) ([]wire.DirEntry, error) {
	if restart {
		f.next = 0
		f.restarts++
	} else if f.loseAt > 0 && f.next == f.loseAt {
		f.loseAt = 0
		return nil, client.ErrHandleLost
	}
	var ents []wire.DirEntry
	for len(ents) < f.batch && (f.total < 0 || f.next < f.total) {
		ents = append(ents, wire.DirEntry{Name: fmt.Sprintf("f%07d", f.next), FileID: uint64(1000 + f.next)})
		f.next++
	}
	return ents, nil
}

func (f *fakeLister) Close(ctx context.Context) (*wire.CloseResponse, error) {
	f.closed = true
	return &wire.CloseResponse{}, nil
}

// TestReaddirStreams: a listing of any length is read one window at a
// time, held entries stay bounded, a seek inside the window or the entries
// read so far stays in the listing, and one before the window of a
// listing too long to keep lists again from the start.
func TestReaddirStreams(t *testing.T) {
	ctx := context.Background()
	root := testRoot(t, Options{Timeout: time.Minute})
	var fl *fakeLister
	root.fsys.testLister = func(p string) dirLister { return fl }

	// A long, finite listing: every name once, in order.
	fl = &fakeLister{total: 3*maxListed + 7, batch: 500}
	d := &dirHandle{node: root}
	held := 0
	for i := 0; ; i++ {
		de, errno := d.Readdirent(ctx)
		if errno != 0 {
			t.Fatal(errno)
		}
		if de == nil {
			if i != fl.total {
				t.Errorf("listing ended after %d entries, want %d", i, fl.total)
			}
			break
		}
		if want := fmt.Sprintf("f%07d", i); de.Name != want || de.Off != uint64(i+1) {
			t.Fatalf("entry %d: %q off %d, want %q off %d", i, de.Name, de.Off, want, i+1)
		}
		held = max(held, len(d.window)+len(d.all))
	}
	if held > fl.batch+maxListed {
		t.Errorf("held up to %d entries, want at most a window (%d) and the gathered listing (%d)", held, fl.batch, maxListed)
	}
	if !fl.closed || d.all != nil {
		t.Errorf("after the end: handle closed %v, gathered %d", fl.closed, len(d.all))
	}

	// Seek back inside the window: no new listing.
	fl = &fakeLister{total: 2000, batch: 500}
	d = &dirHandle{node: root}
	for i := 0; i < 700; i++ {
		d.Readdirent(ctx)
	}
	if errno := d.Seekdir(ctx, 600); errno != 0 {
		t.Fatal(errno)
	}
	if de, _ := d.Readdirent(ctx); de == nil || de.Name != "f0000600" || fl.restarts != 1 {
		t.Errorf("after seek to 600 in the window: %v, restarts %d", de, fl.restarts)
	}
	// Seek before the window, to an entry read already: no new listing
	// either (offsets stay the same entries: xfstests generic/676), and
	// reading on continues the listing where the server left it.
	if errno := d.Seekdir(ctx, 100); errno != 0 {
		t.Fatal(errno)
	}
	if de, _ := d.Readdirent(ctx); de == nil || de.Name != "f0000100" || fl.restarts != 1 {
		t.Errorf("after seek to 100: %v, restarts %d", de, fl.restarts)
	}
	if errno := d.Seekdir(ctx, 999); errno != 0 {
		t.Fatal(errno)
	}
	for i := 999; i < 1200; i++ {
		if de, _ := d.Readdirent(ctx); de == nil || de.Name != fmt.Sprintf("f%07d", i) || fl.restarts != 1 {
			t.Fatalf("reading on after seek to 999: entry %d is %v, restarts %d", i, de, fl.restarts)
		}
	}
	d.Releasedir(ctx, 0)
	if !fl.closed {
		t.Errorf("Releasedir left the listing's handle open")
	}

	// A listing too long to keep: a seek before the window lists again
	// from the start and skips to the offset.
	fl = &fakeLister{total: maxListed + 2000, batch: 500}
	d = &dirHandle{node: root}
	for i := 0; i < maxListed+700; i++ {
		d.Readdirent(ctx)
	}
	if errno := d.Seekdir(ctx, 100); errno != 0 {
		t.Fatal(errno)
	}
	if de, _ := d.Readdirent(ctx); de == nil || de.Name != "f0000100" || fl.restarts != 2 {
		t.Errorf("after seek to 100 in a long listing: %v, restarts %d", de, fl.restarts)
	}
	d.Releasedir(ctx, 0)

	// A rewind lists anew, and a seek after the end of a short listing
	// (read to its end: the handle is closed) comes from what was read.
	fl = &fakeLister{total: 1200, batch: 500}
	d = &dirHandle{node: root}
	for de, _ := d.Readdirent(ctx); de != nil; de, _ = d.Readdirent(ctx) {
	}
	if !fl.closed {
		t.Errorf("a listing read to its end left its handle open")
	}
	for _, off := range []int{700, 3, 1199} {
		if errno := d.Seekdir(ctx, uint64(off)); errno != 0 {
			t.Fatal(errno)
		}
		if de, _ := d.Readdirent(ctx); de == nil || de.Name != fmt.Sprintf("f%07d", off) || fl.restarts != 1 {
			t.Errorf("after the end, seek to %d: %v, restarts %d", off, de, fl.restarts)
		}
	}
	if errno := d.Seekdir(ctx, 0); errno != 0 {
		t.Fatal(errno)
	}
	if de, _ := d.Readdirent(ctx); de == nil || de.Name != "f0000000" || fl.restarts != 2 {
		t.Errorf("after rewind: %v, restarts %d", de, fl.restarts)
	}
	d.Releasedir(ctx, 0)

	// A reconnect loses the handle halfway: listed again from the start
	// and skipped to where it was; every name once.
	fl = &fakeLister{total: 2000, batch: 500, loseAt: 1000}
	d = &dirHandle{node: root}
	for i := 0; ; i++ {
		de, errno := d.Readdirent(ctx)
		if errno != 0 {
			t.Fatalf("after a lost handle: %v", errno)
		}
		if de == nil {
			if i != 2000 || fl.restarts != 2 {
				t.Errorf("after a lost handle: %d entries, %d listings; want 2000, 2", i, fl.restarts)
			}
			break
		}
		if want := fmt.Sprintf("f%07d", i); de.Name != want {
			t.Fatalf("after a lost handle: entry %d is %q, want %q", i, de.Name, want)
		}
	}

	// An endless listing (a hostile server): memory stays bounded.
	fl = &fakeLister{total: -1, batch: 500}
	d = &dirHandle{node: root}
	held = 0
	for i := 0; i < 20*maxListed; i++ {
		if de, errno := d.Readdirent(ctx); de == nil || errno != 0 {
			t.Fatalf("endless listing ended at %d: %v", i, errno)
		}
		held = max(held, len(d.window)+len(d.all))
	}
	if held > fl.batch+maxListed {
		t.Errorf("endless listing: held up to %d entries", held)
	}
	d.Releasedir(ctx, 0)
}

// TestListDirCapped: a listing for lookups stops past maxListed entries,
// which keep then refuses.
func TestListDirCapped(t *testing.T) {
	root := testRoot(t, Options{Timeout: time.Minute})
	fl := &fakeLister{total: -1, batch: 500}
	root.fsys.testLister = func(p string) dirLister { return fl }
	ents, errno := root.listDir(context.Background())
	if errno != 0 || len(ents) != maxListed+1 || !fl.closed {
		t.Errorf("endless listing for lookups: %d entries, %v, closed %v; want %d", len(ents), errno, fl.closed, maxListed+1)
	}
	if fl.next > maxListed+fl.batch {
		t.Errorf("endless listing for lookups: read %d entries, want at most %d", fl.next, maxListed+fl.batch)
	}
}

// TestReaddirSeekForward: a seek past the window of a listing still being
// read reads on to it, in the same listing (telldir/seekdir at random over
// a directory larger than one window: xfstests generic/676), and what it
// read on the way is kept for seeks back.
func TestReaddirSeekForward(t *testing.T) {
	ctx := context.Background()
	root := testRoot(t, Options{Timeout: time.Minute})
	fl := &fakeLister{total: 2000, batch: 500}
	root.fsys.testLister = func(p string) dirLister { return fl }
	d := &dirHandle{node: root}
	for i := 0; i < 10; i++ {
		d.Readdirent(ctx)
	}
	for _, off := range []int{1700, 20, 1999, 600, 1200} {
		if errno := d.Seekdir(ctx, uint64(off)); errno != 0 {
			t.Fatal(errno)
		}
		if de, _ := d.Readdirent(ctx); de == nil || de.Name != fmt.Sprintf("f%07d", off) || fl.restarts != 1 {
			t.Errorf("seek to %d: %v, restarts %d; want f%07d from the one listing", off, de, fl.restarts, off)
		}
	}
	if errno := d.Seekdir(ctx, 2000); errno != 0 {
		t.Fatal(errno)
	}
	if de, errno := d.Readdirent(ctx); de != nil || errno != 0 || fl.restarts != 1 {
		t.Errorf("seek to the end: %v %v, restarts %d; want the end", de, errno, fl.restarts)
	}
	d.Releasedir(ctx, 0)
}
