package smbtest_test

import (
	"context"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/smbtest"
	"github.com/smb3fs/smb3fs/client/wire"
)

// fsTree dials srv (FileSystem on, share "share") and connects its share.
func fsTree(t *testing.T, srv *smbtest.Server) (*client.Tree, context.Context) {
	t.Helper()
	srv.FileSystem = true
	srv.ShareFlags = map[string]uint32{"share": 0}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	cl, err := client.Dial(ctx, client.Options{Server: "fake", Policy: client.StrictPolicy(),
		Mechanism: &smbtest.Mechanism{IsMutual: true}, Dial: srv.Dial})
	if err != nil {
		t.Fatalf("Dial: %v", err)
	}
	t.Cleanup(func() { cl.Close(); srv.Close() })
	tree, err := cl.Connect(ctx, "share")
	if err != nil {
		t.Fatalf("Connect: %v", err)
	}
	return tree, ctx
}

func openFile(access client.Access, deny client.Deny, disposition client.Disposition) client.OpenOptions {
	return client.OpenOptions{Access: access, Deny: deny, Disposition: disposition, Kind: client.KindFile}
}

// TestShareModes checks ShareModes: a sharing violation, a name that stays
// delete-pending behind an open handle and goes at its last close, a
// rename over an open file refused.
func TestShareModes(t *testing.T) {
	srv := &smbtest.Server{ShareModes: true}
	tree, ctx := fsTree(t, srv)
	srv.WriteFile("f", []byte("f"))
	srv.WriteFile("g", []byte("g"))

	readOnly, err := tree.Open(ctx, "f", openFile(client.AccessReadData, client.DenyWrite, client.OpenExisting))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tree.Open(ctx, "f", openFile(client.AccessWriteData, 0, client.OpenExisting)); !client.IsStatus(err, wire.StatusSharingViolation) {
		t.Errorf("open for writing of a file open sharing reads only: %v, want STATUS_SHARING_VIOLATION", err)
	}
	if _, err := tree.Do(ctx, "g", client.OpenOptions{}, client.RenameTo("f", true)); !client.IsStatus(err, wire.StatusAccessDenied) {
		t.Errorf("rename over an open file: %v, want STATUS_ACCESS_DENIED", err)
	}
	if _, err := tree.Do(ctx, "f", client.OpenOptions{Kind: client.KindFile}, client.Delete()); err != nil {
		t.Fatalf("remove of a file open sharing deletes: %v", err)
	}
	if _, ok := srv.ReadFile("f"); !ok || !srv.DeletePending("f") || srv.OpenCount("f") != 1 {
		t.Errorf("removed while open: exists %v, delete-pending %v, opens %d; want it kept, delete-pending, one open",
			ok, srv.DeletePending("f"), srv.OpenCount("f"))
	}
	if _, err := tree.Open(ctx, "f", openFile(client.AccessReadData, 0, client.OpenOrCreate)); !client.IsStatus(err, wire.StatusDeletePending) {
		t.Errorf("open of a delete-pending name: %v, want STATUS_DELETE_PENDING", err)
	}
	if _, err := readOnly.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if _, ok := srv.ReadFile("f"); ok || srv.DeletePending("f") || srv.OpenCount("f") != 0 {
		t.Errorf("after the last close: exists %v, delete-pending %v, opens %d; want it gone", ok, srv.DeletePending("f"), srv.OpenCount("f"))
	}
}

// TestIntercept checks that the hook sees each request's name and range
// and that the status it returns fails the request unrun.
func TestIntercept(t *testing.T) {
	srv := &smbtest.Server{}
	tree, ctx := fsTree(t, srv)
	var seen []smbtest.Record
	srv.SetIntercept(func(r smbtest.Record) wire.Status {
		if r.Command == wire.CmdWrite {
			seen = append(seen, r)
			if r.Offset >= 100 {
				return wire.StatusDiskFull
			}
		}
		return wire.StatusSuccess
	})
	f, err := tree.Open(ctx, `w`, openFile(client.AccessWriteData, client.DenyWrite|client.DenyDelete, client.CreateNew))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close(ctx)
	if _, err := f.WriteAt(ctx, []byte("0123456789"), 0); err != nil {
		t.Fatalf("write at 0: %v", err)
	}
	if _, err := f.WriteAt(ctx, []byte("x"), 100); !client.IsStatus(err, wire.StatusDiskFull) {
		t.Errorf("write at 100: %v, want STATUS_DISK_FULL", err)
	}
	if got, _ := srv.ReadFile("w"); string(got) != "0123456789" {
		t.Errorf("file holds %q, want only the write that was let through", got)
	}
	if len(seen) != 2 || seen[0].Path != "w" || seen[0].Offset != 0 || seen[0].Length != 10 || seen[1].Offset != 100 {
		t.Errorf("intercepted WRITEs %+v; want w at 0 (10 bytes), then at 100", seen)
	}
	srv.SetIntercept(nil)
	if _, err := f.WriteAt(ctx, []byte("x"), 100); err != nil {
		t.Errorf("write at 100 with the hook removed: %v", err)
	}
}
