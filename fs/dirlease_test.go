package fs

import (
	"fmt"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client"
)

// TestDirLeaseRawCounted: the entries a leased listing keeps as listed
// count against maxHeld beside its names, and stop counting when they
// go.
func TestDirLeaseRawCounted(t *testing.T) {
	fsys := &FS{opts: Options{Timeout: time.Minute}}
	c := &fsys.dc
	c.mu.Lock()
	defer c.mu.Unlock()
	ents := make([]client.DirEntry, 100)
	for i := range ents {
		ents[i].Name = fmt.Sprint("f", i)
		ents[i].FileID = uint64(1000 + i)
	}
	st := &dirState{}
	c.dirs = map[*Node]*dirState{{}: st}
	c.keepLeased(fsys, st, time.Now(), ents, listStamp{})
	if st.list == nil || st.list.raw == nil || c.held != 200 {
		t.Fatalf("held %d (raw kept: %v), want 200", c.held, st.list != nil && st.list.raw != nil)
	}
	c.setRaw(st.list, nil)
	if c.held != 100 {
		t.Fatalf("held %d after the raw entries went, want 100", c.held)
	}
	c.setRaw(st.list, ents)
	c.setList(st, nil)
	if c.held != 0 {
		t.Fatalf("held %d after the listing went, want 0", c.held)
	}
}
