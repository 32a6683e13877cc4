package client_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/internal/testenv"
)

func openDir(t *testing.T, tr *client.Tree, name string) *client.File {
	t.Helper()
	f, err := tr.Open(context.Background(), name, client.OpenOptions{Access: client.AccessReadData, Kind: client.KindDir})
	if err != nil {
		t.Fatalf("open directory %s: %v", name, err)
	}
	t.Cleanup(func() { f.Close(context.Background()) })
	return f
}

type notifyResult struct {
	ents []wire.FileNotifyInformation
	err  error
}

// awaitCreate starts Notify on d and creates files in dir through creator
// until it returns (the first creates may land before the server has the
// request), then checks it reported one of them as added.
func awaitCreate(t *testing.T, ctx context.Context, d *client.File, creator *client.Tree, dir, prefix string) {
	t.Helper()
	ch := make(chan notifyResult, 1)
	go func() {
		ents, err := d.Notify(ctx, wire.FileNotifyChangeFileName, false)
		ch <- notifyResult{ents, err}
	}()
	created := map[string]bool{}
	for i := 0; ; i++ {
		name := fmt.Sprintf("%s%d.txt", prefix, i)
		createFile(t, creator, dir+`\`+name).Close(ctx)
		created[name] = true
		select {
		case r := <-ch:
			if r.err != nil {
				t.Fatalf("Notify: %v", r.err)
			}
			for _, e := range r.ents {
				if e.Action == wire.FileActionAdded && created[e.FileName] {
					return
				}
			}
			t.Fatalf("Notify returned %+v, none of the files created (%v)", r.ents, created)
		case <-time.After(200 * time.Millisecond): // not yet: create another
		case <-ctx.Done():
			t.Fatalf("Notify never returned after %d creates", i+1)
		}
	}
}

func TestLiveChangeNotify(t *testing.T) {
	env := testenv.Env(t)
	ta, tb, dir := twoClients(t, env)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	d := openDir(t, ta, dir)
	awaitCreate(t, ctx, d, tb, dir, "fromB-")
}

func TestLiveChangeNotifyCancel(t *testing.T) {
	env := testenv.Env(t)
	ta, _, dir := twoClients(t, env)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	d := openDir(t, ta, dir)

	nctx, ncancel := context.WithCancel(ctx)
	ch := make(chan error, 1)
	go func() {
		_, err := d.Notify(nctx, wire.FileNotifyChangeFileName, false)
		ch <- err
	}()
	// Give the request time to go async on the server: either way the
	// cancel must end it (CANCEL by MessageId or by AsyncId).
	time.Sleep(500 * time.Millisecond)
	ncancel()
	if err := <-ch; !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled Notify: %v, want context.Canceled", err)
	}
	// The connection and the handle keep working: a new Notify on the same
	// handle sees a create through the same connection.
	if _, err := ta.Do(ctx, dir, client.OpenOptions{}); err != nil {
		t.Fatalf("Stat after cancel: %v", err)
	}
	awaitCreate(t, ctx, d, ta, dir, "again-")
}
