package client_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/internal/testenv"
	"github.com/smb3fs/smb3fs/internal/testenv/liveauth"
)

// parallel runs fn(i) for i in [0,n) on 16 goroutines sharing one
// connection, and fails the test on the first error.
func parallel(t *testing.T, n int, fn func(i int) error) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	next := make(chan int)
	for w := 0; w < 16; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := fn(i); err != nil {
					errs <- fmt.Errorf("item %d: %w", i, err)
				}
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

// listNames lists dir and returns the names other than . and ..
func listNames(t *testing.T, tr *client.Tree, dir string) map[string]wire.DirEntry {
	t.Helper()
	ctx := context.Background()
	d, err := tr.Open(ctx, dir, client.OpenOptions{Access: client.AccessRead, Kind: client.KindDir})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close(ctx)
	ents, err := d.ReadDir(ctx, "*")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]wire.DirEntry{}
	for _, e := range ents {
		if e.Name != "." && e.Name != ".." {
			m[e.Name] = e
		}
	}
	return m
}

func TestLiveThousandFiles(t *testing.T) {
	env := testenv.Env(t)
	cl := mustDial(t, env, client.StrictPolicy(), liveauth.Kerberos(t, env, "alice"))
	tr := connect(t, cl, env.Shares.Encrypted)
	ctx := context.Background()
	dir := scratch(t, env, env.Shares.Encrypted)
	if _, err := tr.Do(ctx, dir, client.OpenOptions{Kind: client.KindDir, Disposition: client.CreateNew}); err != nil {
		t.Fatal(err)
	}
	const n = 1000
	name := func(i int) string { return fmt.Sprintf("%s\\f%04d", dir, i) }
	renamed := func(i int) string { return fmt.Sprintf("%s\\g%04d.txt", dir, i) }
	content := func(i int) []byte { return []byte(fmt.Sprintf("file %d\n", i)) }

	parallel(t, n, func(i int) error {
		_, err := tr.Do(ctx, name(i), client.OpenOptions{Kind: client.KindFile, Disposition: client.CreateNew}, client.WriteData(content(i)))
		return err
	})
	ents := listNames(t, tr, dir)
	if len(ents) != n {
		t.Fatalf("listed %d entries, want %d", len(ents), n)
	}
	ids := map[uint64]bool{}
	for i := 0; i < n; i++ {
		e, ok := ents[fmt.Sprintf("f%04d", i)]
		if !ok || e.EndOfFile != uint64(len(content(i))) {
			t.Fatalf("entry f%04d: %+v (present %v)", i, e, ok)
		}
		ids[e.FileID] = true
	}
	if len(ids) != n {
		t.Fatalf("%d distinct file ids for %d files", len(ids), n)
	}
	var mu sync.Mutex
	statIDs := map[uint64]bool{}
	parallel(t, n, func(i int) error {
		res, err := tr.Do(ctx, name(i), client.OpenOptions{DiskID: true})
		if err != nil {
			return err
		}
		if res.Create.EndOfFile != uint64(len(content(i))) {
			return fmt.Errorf("stat size %d", res.Create.EndOfFile)
		}
		mu.Lock()
		statIDs[res.DiskID()] = true
		mu.Unlock()
		return nil
	})
	if len(statIDs) != n {
		t.Fatalf("stat gave %d distinct on-disk ids for %d files", len(statIDs), n)
	}
	parallel(t, n, func(i int) error {
		_, err := tr.Do(ctx, name(i), client.OpenOptions{}, client.RenameTo(renamed(i), false))
		return err
	})
	ents = listNames(t, tr, dir)
	for i := 0; i < n; i++ {
		if _, ok := ents[fmt.Sprintf("g%04d.txt", i)]; !ok {
			t.Fatalf("renamed file g%04d.txt missing (%d entries)", i, len(ents))
		}
	}
	if len(ents) != n {
		t.Fatalf("%d entries after rename, want %d", len(ents), n)
	}
	// The server's disk agrees, byte for byte.
	disk := filepath.Join(env.ShareDirs[env.Shares.Encrypted], dir)
	for _, i := range []int{0, 1, 499, 999} {
		b, err := os.ReadFile(filepath.Join(disk, fmt.Sprintf("g%04d.txt", i)))
		if err != nil || string(b) != string(content(i)) {
			t.Fatalf("server disk g%04d.txt: %q, %v", i, b, err)
		}
	}
	parallel(t, n, func(i int) error {
		_, err := tr.Do(ctx, renamed(i), client.OpenOptions{Kind: client.KindFile}, client.Delete())
		return err
	})
	if ents := listNames(t, tr, dir); len(ents) != 0 {
		t.Fatalf("%d entries left after deleting all", len(ents))
	}
	left, err := os.ReadDir(disk)
	if err != nil || len(left) != 0 {
		t.Fatalf("server disk still has %d entries (%v)", len(left), err)
	}
}
