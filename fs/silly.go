package fs

// "Silly rename": POSIX lets a program unlink or rename over a file that
// is still open, and the open file lives on, nameless, until its last
// close. SMB does not: a rename refuses to replace a file that has a
// handle open (STATUS_ACCESS_DENIED), and an unlinked file keeps its name,
// delete-pending, until every handle closes, so that name cannot be
// created again. When the open handles are this mount's own (the nodes
// know them), we do what NFS clients do:
//
//	unlink NAME, NAME open here:   NAME ─rename─► .smb3fs-deleted-<random>
//	                               then set delete-pending on the hidden name
//	rename SRC over NAME, NAME open here:
//	                               NAME ─rename─► .smb3fs-deleted-<random>
//	                               SRC ─rename─► NAME
//	                               then set delete-pending on the hidden name
//
// The name is free at once, the open handles keep reading and writing
// the file, fstat on them shows nlink 0 (delete pending), and the server
// deletes the file when the last handle closes (also when this client
// dies: the server closes its handles). Hidden names are left out of
// directory listings. Handles opened by other clients are not known
// here: the server still refuses (EACCES for rename; unlink leaves a
// delete-pending name). A crash between the first rename and the
// delete-pending leaves a hidden file behind, as with NFS and cifs; it
// can be removed by its name. For a rename over a file, other clients
// can see NAME missing for the moment between the two renames.

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
)

// hiddenPrefix starts the names of files renamed away while open.
const hiddenPrefix = ".smb3fs-deleted-"

// hasHiddenPrefix reports whether name looks like a hidden name, ours or
// not: lookups of such names always ask the server (dircache.go).
func hasHiddenPrefix(name string) bool { return strings.HasPrefix(name, hiddenPrefix) }

// hiddenNames is the set of hidden names this mount made: only those are
// left out of listings. A name goes when the last handle of the mount on
// its file closes (the server then deletes the file), or stays for the
// mount's life when the file was opened through another inode.
type hiddenNames struct {
	mu    sync.Mutex
	names map[string]struct{} // guarded by mu
	// gone is closed (and replaced) whenever names lose one, guarded by
	// mu: rmdirAgain waits on it.
	gone chan struct{}
}

func (h *hiddenNames) add(name string) {
	h.mu.Lock()
	if h.names == nil {
		h.names = map[string]struct{}{}
	}
	h.names[name] = struct{}{}
	h.mu.Unlock()
}

// waiting reports whether a hidden name is waiting for its file's last
// close, and returns a channel that is closed when a name goes.
func (h *hiddenNames) waiting() (bool, <-chan struct{}) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.gone == nil {
		h.gone = make(chan struct{})
	}
	return len(h.names) > 0, h.gone
}

func (h *hiddenNames) remove(names []string) {
	if len(names) == 0 {
		return
	}
	h.mu.Lock()
	for _, name := range names {
		delete(h.names, name)
	}
	if h.gone != nil {
		close(h.gone)
		h.gone = nil
	}
	h.mu.Unlock()
}

// isHidden reports whether name (in any directory) is a hidden name this
// mount made.
func (fsys *FS) isHidden(name string) bool {
	if !hasHiddenPrefix(name) {
		return false
	}
	h := &fsys.hidden
	h.mu.Lock()
	defer h.mu.Unlock()
	_, ok := h.names[name]
	return ok
}

// hideAs notes that fsys renamed the file at p (of node n, nil if not
// known) to the hidden path hidden.
func (fsys *FS) hideAs(n *Node, hidden string) {
	name := hidden[strings.LastIndexAny(hidden, `\/`)+1:] // separators: node.go
	fsys.hidden.add(name)
	if n != nil {
		n.mu.Lock()
		n.hiddenAs = append(n.hiddenAs, name)
		n.mu.Unlock()
		n.hidden.Store(true)
	}
}

// hiddenPath returns a new hidden name in the directory of path p
// (share-relative, backslashes).
func hiddenPath(p string) string {
	var b [8]byte
	rand.Read(b[:]) // never fails (crypto/rand)
	name := hiddenPrefix + hex.EncodeToString(b[:])
	if i := strings.LastIndexAny(p, `\/`); i >= 0 {
		return p[:i+1] + name
	}
	return name
}

// openHere reports whether name in n is a file with handles this mount
// holds open, after closing its parked handles and waiting for the closes
// already under way. The kernel sends a release in the background, so a
// handle can park after the caller closed the parked ones: had it been
// left out as parked, an unlink would have left the name delete-pending
// on the server until that handle closed, and an O_CREAT of the same name
// (SQLite re-creating its journal) would have met STATUS_DELETE_PENDING.
// A handle that keeps parking is counted as open: the silly rename frees
// the name either way.
func (n *Node) openHere(ctx context.Context, name string) bool {
	ch := n.GetChild(name)
	if ch == nil {
		return false
	}
	cn, ok := ch.Operations().(*Node)
	if !ok {
		return false
	}
	for try := 0; try < 3; try++ {
		cn.closeParked(ctx)
		cn.waitClosing(ctx)
		if cn.isOpen() {
			return true
		}
		if !cn.hasParked() {
			return false
		}
	}
	return true
}

// hasParked reports whether a handle on n is parked (park.go).
func (n *Node) hasParked() bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	for h := range n.open {
		if h.parked.Load() {
			return true
		}
	}
	return false
}

// sillyRemove removes the file at p, which this mount holds open: it
// renames it to a hidden name and sets delete-pending there.
func (fsys *FS) sillyRemove(ctx context.Context, p string, n *Node) error {
	hidden := hiddenPath(p)
	fsys.hideAs(n, hidden)
	if err := fsys.renamePath(ctx, p, hidden, false); err != nil {
		return err
	}
	if err := fsys.remove(ctx, hidden, false); err != nil {
		// Put it back: the unlink failed, the file must keep its name.
		if rerr := fsys.renamePath(context.WithoutCancel(ctx), hidden, p, false); rerr != nil {
			log.Printf("smb3fs: unlink %s: %v; and it stays as %s: %v", p, err, hidden, rerr)
		}
		return err
	}
	return nil
}

// sillyRename renames from over to, whose file this mount holds open:
// the target first goes to a hidden name, delete-pending once the
// rename is done.
func (fsys *FS) sillyRename(ctx context.Context, from, to string, n *Node) error {
	hidden := hiddenPath(to)
	fsys.hideAs(n, hidden)
	if err := fsys.renamePath(ctx, to, hidden, false); err != nil {
		return err
	}
	if err := fsys.renamePath(ctx, from, to, true); err != nil {
		if rerr := fsys.renamePath(context.WithoutCancel(ctx), hidden, to, false); rerr != nil {
			log.Printf("smb3fs: rename %s to %s: %v; and %s stays as %s: %v", from, to, err, to, hidden, rerr)
		}
		return err
	}
	if err := fsys.remove(context.WithoutCancel(ctx), hidden, false); err != nil {
		// The rename is done; the old file stays under the hidden name.
		log.Printf("smb3fs: rename %s to %s: the replaced file stays as %s: %v", from, to, hidden, err)
	}
	return nil
}

// renameOverOpen is the rename of from over to for rename(2) (replace):
// a silly rename when this mount holds the target open. The target's node
// tells when the kernel opened it by that name; when the server refuses
// the plain rename, the file id at to is checked against every handle the
// mount holds (it may have been opened through an older inode of the
// name, or while the rename was on its way). A refusal with no handle of
// ours open is tried again a few times: the handle in the way may be one
// that was closing, or the moment's open of a lookup (a stat opens and
// closes the file in one round trip).
func (n *Node) renameOverOpen(ctx context.Context, np *Node, newName, from, to string, via *handle) error {
	fsys := n.fsys
	if np.openHere(ctx, newName) {
		target, _ := nodeOf(np.GetChild(newName))
		return fsys.sillyRename(ctx, from, to, target)
	}
	var err error
	for try := 0; try < renameTries; try++ {
		err = fsys.rename(ctx, via, from, to, true)
		if !accessDenied(err) {
			return err
		}
		res, serr := fsys.do(ctx, to, client.OpenOptions{DiskID: true})
		if serr != nil {
			return err
		}
		id := res.DiskID()
		if fsys.closeParkedID(ctx, id) {
			continue // it was only kept open (park.go)
		}
		if fsys.open.holds(ctx, id) {
			return fsys.sillyRename(ctx, from, to, nil)
		}
	}
	return err
}

// rename renames from to to: on via (a handle of the file at from, opened
// with DELETE access) when not nil, else (or when via is gone) by path.
func (fsys *FS) rename(ctx context.Context, via *handle, from, to string, replace bool) error {
	if via != nil {
		name, err := fsys.nameIn(via.f.Tree(), to)
		if err != nil {
			return err
		}
		err = via.f.Rename(ctx, name, replace)
		if !handleGone(via, err) {
			return err
		}
	}
	return fsys.renamePath(ctx, from, to, replace)
}

// renamePath renames from to to by path (FileRenameInformation). On a
// POSIX mount the open is a POSIX one: Samba resolves the new name by the
// handle's kind, and a Windows handle's rename of R to Z replaced an
// existing z (case-insensitive match).
func (fsys *FS) renamePath(ctx context.Context, from, to string, replace bool) error {
	return fsys.onTree(ctx, from, func(t *client.Tree, name string) error {
		toName, err := fsys.nameIn(t, to)
		if err != nil {
			return err
		}
		_, err = t.Do(ctx, name, fsys.posixOpen(client.OpenOptions{OpenReparsePoint: true}), client.RenameTo(toName, replace))
		return err
	})
}

// remove deletes p, an empty directory if dir, a file (or symlink)
// otherwise: delete-pending on an open handle, so the name goes when the
// last handle on the file closes.
func (fsys *FS) remove(ctx context.Context, p string, dir bool) error {
	k := client.KindFile
	if dir {
		k = client.KindDir
	}
	_, err := fsys.do(ctx, p, client.OpenOptions{Kind: k, OpenReparsePoint: true}, client.Delete())
	return err
}

// rmdirAgain tries the removal of directory p again when the server
// refused it (err) as not empty while files this mount unlinked when open
// may still be in it under hidden names: the server deletes each at its
// last close, and the kernel sends the release of a file closed just
// before (rm -r: close(2), unlink, rmdir) in the background. Each time a
// hidden file's last close completes, the removal is tried again, for at
// most rmdirWait; a directory with other files in it stays refused.
func (fsys *FS) rmdirAgain(ctx context.Context, p string, err error) error {
	deadline := time.NewTimer(rmdirWait)
	defer deadline.Stop()
	for again := true; client.IsStatus(err, wire.StatusDirectoryNotEmpty); {
		waiting, gone := fsys.hidden.waiting()
		if !waiting {
			if !again {
				return err
			}
			// The last hidden file may have gone since the refusal.
			again = false
		} else {
			select {
			case <-gone:
			case <-deadline.C:
				return err
			case <-ctx.Done():
				return err
			}
		}
		err = fsys.remove(ctx, p, true)
	}
	return err
}

// rmdirWait bounds how long rmdirAgain waits for hidden files' closes.
const rmdirWait = 2 * time.Second

// renameTries bounds the plain renames renameOverOpen tries.
const renameTries = 4

// openFiles counts the handles a mount holds open, by the server's file
// id, and the opens still on their way to being counted.
type openFiles struct {
	mu      sync.Mutex
	cond    sync.Cond      // signalled when pending drops; L is &mu
	ids     map[uint64]int // file id → handles open on it, guarded by mu
	pending int            // opens sent and not yet counted, guarded by mu
	// lastStale and lastStaleAt: the path and time of the last ESTALE
	// of checkSameFile, guarded by mu.
	lastStale   string
	lastStaleAt time.Time
}

// opening notes an open on its way; the function it returns ends it (call
// it once the handle is tracked or the open failed).
func (o *openFiles) opening() func() {
	o.mu.Lock()
	o.pending++
	o.mu.Unlock()
	return func() {
		o.mu.Lock()
		o.pending--
		if o.cond.L != nil {
			o.cond.Broadcast()
		}
		o.mu.Unlock()
	}
}

func (o *openFiles) add(h *handle) {
	id := usableIno(h.f.DiskID())
	if id == 0 {
		return
	}
	o.mu.Lock()
	if o.ids == nil {
		o.ids = map[uint64]int{}
	}
	o.ids[id]++
	o.mu.Unlock()
}

func (o *openFiles) remove(h *handle) {
	id := usableIno(h.f.DiskID())
	if id == 0 {
		return
	}
	o.mu.Lock()
	if o.ids[id]--; o.ids[id] <= 0 {
		delete(o.ids, id)
	}
	o.mu.Unlock()
}

// has reports whether the mount has a handle open on file id now.
func (o *openFiles) has(id uint64) bool {
	id = usableIno(id)
	if id == 0 {
		return false
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.ids[id] > 0
}

// openIDs returns the file ids the mount has handles open on.
func (o *openFiles) openIDs() []uint64 {
	o.mu.Lock()
	defer o.mu.Unlock()
	ids := make([]uint64, 0, len(o.ids))
	for id := range o.ids {
		ids = append(ids, id)
	}
	return ids
}

// holds reports whether the mount has a handle open on file id, after the
// opens on their way have been counted (bounded by ctx and a second).
func (o *openFiles) holds(ctx context.Context, id uint64) bool {
	id = usableIno(id)
	if id == 0 {
		return false
	}
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.cond.L == nil {
		o.cond.L = &o.mu
	}
	stop := context.AfterFunc(ctx, func() {
		o.mu.Lock()
		o.cond.Broadcast()
		o.mu.Unlock()
	})
	defer stop()
	for o.ids[id] == 0 && o.pending > 0 && ctx.Err() == nil {
		o.cond.Wait()
	}
	return o.ids[id] > 0
}

// checkSameFile guards open(2) of path p against a rename that replaced
// the file since the kernel looked its name up: p may now hold another
// file than n's inode. Another regular file is opened as it is (what a
// fresh lookup would give: open sees the latest file under a name, as
// close-to-open consistency asks). A file that may be a symbolic link
// (symlink.go) must not be: its bytes would read as the data of a regular
// file. Then f is closed and ESTALE makes the kernel look the name up
// again, see the link and follow it. The kernel retries only once: when
// the retry, too, finds a link where its lookup saw a file (the name is
// being swapped as we go: a second ESTALE for the path within staleRetry,
// with no successful open of it between), the answer is ELOOP.
func (n *Node) checkSameFile(f *client.File, p string) syscall.Errno {
	got, want := usableIno(f.DiskID()), n.StableAttr().Ino
	if got == 0 || got == want || !maybeSymlink(attrsOf(f.Create.OpenInfo)) {
		n.fsys.open.staleDone(p)
		return 0
	}
	cctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	f.Close(cctx)
	if n.fsys.open.staleAgain(p) {
		return syscall.ELOOP
	}
	return syscall.ESTALE
}

// staleDone forgets an ESTALE for path p: p was opened since.
func (o *openFiles) staleDone(p string) {
	o.mu.Lock()
	if o.lastStale == p {
		o.lastStale = ""
	}
	o.mu.Unlock()
}

// staleRetry is how soon a second ESTALE for one path counts as the
// kernel's retry of the first.
const staleRetry = time.Second

// staleAgain notes an ESTALE for path p and reports whether one was given
// for p within staleRetry.
func (o *openFiles) staleAgain(p string) bool {
	now := time.Now()
	o.mu.Lock()
	defer o.mu.Unlock()
	again := o.lastStale == p && now.Sub(o.lastStaleAt) < staleRetry
	o.lastStale, o.lastStaleAt = p, now
	if again {
		o.lastStale = ""
	}
	return again
}

// settled returns ctx without its cancellation: the FUSE interrupt of a
// request that is one or a few short round trips is not passed on. Only
// read, write, fsync, copy_file_range and lock waits, which can take
// long, stay interruptible (SMB2 CANCEL, EINTR). A request that changes
// the share (create, mkdir, symlink, link, setattr, setxattr, rename,
// unlink, rmdir) may be carried out by the server whatever we do once it
// is sent: EINTR would tell the caller "not done", and its retry would
// meet EEXIST or ENOENT; a silly rename is several steps that must not
// stop halfway. (Lookup, create, mkdir, setattr, rename, unlink and rmdir
// use interruptible instead, which keeps that safety but still answers
// an interrupt on a server that went quiet: interrupt.go.) And a caught signal, even the Go runtime's preemption
// SIGURG, is enough to interrupt a FUSE request: lookups and stats would
// fail with EINTR, which few callers retry. The client's timeout still
// bounds every request.
func settled(ctx context.Context) context.Context { return context.WithoutCancel(ctx) }
