package fs

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
)

func TestHiddenPath(t *testing.T) {
	for _, p := range []string{`dir\sub\file`, `file`} {
		h := hiddenPath(p)
		dir, name := "", h
		if i := strings.LastIndexByte(h, '\\'); i >= 0 {
			dir, name = h[:i+1], h[i+1:]
		}
		if want := p[:strings.LastIndexByte(p, '\\')+1]; dir != want {
			t.Errorf("%s: hidden %s not in the same directory", p, h)
		}
		if !hasHiddenPrefix(name) || len(name) != len(hiddenPrefix)+16 || checkName(name) != 0 {
			t.Errorf("%s: hidden name %q", p, name)
		}
	}
	if hiddenPath("a") == hiddenPath("a") {
		t.Errorf("hidden names repeat")
	}
	if hasHiddenPrefix("smb3fs-deleted-x") || hasHiddenPrefix("x.smb3fs-deleted-") {
		t.Errorf("isHidden too broad")
	}
}

func TestStaleAgain(t *testing.T) {
	var o openFiles
	if o.staleAgain("a") {
		t.Errorf("first ESTALE counted as a retry")
	}
	if !o.staleAgain("a") {
		t.Errorf("second ESTALE for a path not counted as the retry")
	}
	if o.staleAgain("a") {
		t.Errorf("third: a new first ESTALE")
	}
	o.staleDone("a")
	if o.staleAgain("a") {
		t.Errorf("ESTALE after a successful open counted as a retry")
	}
	if o.staleAgain("b") {
		t.Errorf("another path counted as a retry")
	}
	o.lastStaleAt = time.Now().Add(-2 * staleRetry)
	if o.staleAgain("b") {
		t.Errorf("an old ESTALE counted as a retry")
	}
}

func TestOpenFilesHoldsWaitsForPending(t *testing.T) {
	var o openFiles
	o.ids = map[uint64]int{42: 1}
	ctx := context.Background()
	if !o.holds(ctx, 42) || o.holds(ctx, 43) || o.holds(ctx, 0) {
		t.Fatalf("holds without pending opens")
	}
	done := o.opening()
	go func() {
		time.Sleep(20 * time.Millisecond)
		o.mu.Lock()
		o.ids[43]++
		o.mu.Unlock()
		done()
	}()
	if !o.holds(ctx, 43) {
		t.Errorf("holds did not wait for the open on its way")
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	stuck := o.opening()
	defer stuck()
	if o.holds(cctx, 44) {
		t.Errorf("holds with a cancelled context")
	}
}

func TestHiddenOnlyOurs(t *testing.T) {
	root := testRoot(t, Options{Timeout: time.Minute})
	fsys := root.fsys
	theirs := hiddenPrefix + "0123456789abcdef"
	if fsys.isHidden(theirs) {
		t.Errorf("%s hidden though this mount never made it", theirs)
	}
	p := hiddenPath(`dir\f`)
	n := &Node{fsys: fsys}
	fsys.hideAs(n, p)
	ours := p[len(`dir\`):]
	if !fsys.isHidden(ours) || fsys.isHidden(theirs) {
		t.Errorf("after hiding %s: ours %v, theirs %v", ours, fsys.isHidden(ours), fsys.isHidden(theirs))
	}
	// The last handle closes: the server deletes the file, the name goes.
	n.untrack(&handle{f: &client.File{Create: &wire.CreateResponse{}}})
	if fsys.isHidden(ours) {
		t.Errorf("%s still hidden after the last close", ours)
	}
}
