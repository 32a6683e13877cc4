package client_test

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/internal/testenv"
	"github.com/smb3fs/smb3fs/internal/testenv/liveauth"
)

// Live tests of the path compounds in fileops.go, checked on the server's
// disk.

func fileopsTree(t *testing.T) (*testenv.Environment, *client.Tree, string, string) {
	t.Helper()
	env := testenv.Env(t)
	cl := mustDial(t, env, client.StrictPolicy(), liveauth.Kerberos(t, env, "alice"))
	share := env.Shares.Encrypted
	tr := connect(t, cl, share)
	dir := scratch(t, env, share)
	mkdir(t, tr, dir)
	return env, tr, dir, filepath.Join(env.ShareDirs[share], dir)
}

func TestLiveFileOps(t *testing.T) {
	_, tr, dir, disk := fileopsTree(t)
	ctx := context.Background()
	mkdir := client.OpenOptions{Kind: client.KindDir, Disposition: client.CreateNew, DiskID: true}
	createWith := func(name string, data []byte) error {
		_, err := tr.Do(ctx, name, client.OpenOptions{Kind: client.KindFile, Disposition: client.CreateNew, DiskID: true}, client.WriteData(data))
		return err
	}
	remove := func(name string, dir bool) error {
		k := client.KindFile
		if dir {
			k = client.KindDir
		}
		_, err := tr.Do(ctx, name, client.OpenOptions{Kind: k, OpenReparsePoint: true}, client.Delete())
		return err
	}
	rename := func(from, to string, replace bool) error {
		_, err := tr.Do(ctx, from, client.OpenOptions{OpenReparsePoint: true}, client.RenameTo(to, replace))
		return err
	}

	res, err := tr.Do(ctx, dir+`\sub`, mkdir)
	if err != nil {
		t.Fatalf("mkdir: %v", err)
	}
	var st syscall.Stat_t
	if err := syscall.Stat(filepath.Join(disk, "sub"), &st); err != nil || res.DiskID() != st.Ino {
		t.Errorf("mkdir: QFid %d, inode on disk %d (%v)", res.DiskID(), st.Ino, err)
	}
	if res.Close.FileAttributes&wire.FileAttributeDirectory == 0 {
		t.Errorf("mkdir: attributes %#x", res.Close.FileAttributes)
	}
	if _, err := tr.Do(ctx, dir+`\sub`, mkdir); !errors.Is(err, fs.ErrExist) {
		t.Errorf("mkdir existing: %v", err)
	}

	data := []byte("compound write")
	if err := createWith(dir+`\f`, data); err != nil {
		t.Fatalf("create with data: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(disk, "f")); !bytes.Equal(got, data) {
		t.Errorf("on disk: %q", got)
	}
	if err := createWith(dir+`\f`, data); !errors.Is(err, fs.ErrExist) {
		t.Errorf("create with data existing: %v", err)
	}
	res, err = tr.Do(ctx, dir+`\f`, client.OpenOptions{Kind: client.KindFile}, client.ReadData(100))
	if err != nil || !bytes.Equal(res.Data, data) {
		t.Errorf("read: %+v %v", res, err)
	}

	if res, err := tr.Do(ctx, dir+`\f`, client.OpenOptions{}, client.Truncate(4)); err != nil || res.Close.EndOfFile != 4 {
		t.Errorf("truncate: %v", err)
	}
	if fi, _ := os.Stat(filepath.Join(disk, "f")); fi == nil || fi.Size() != 4 {
		t.Errorf("after truncate: %v", fi)
	}

	if _, err := tr.Do(ctx, dir+`\f`, client.OpenOptions{}, client.SetTimes(time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC), time.Time{})); err != nil {
		t.Errorf("set times: %v", err)
	}
	if fi, _ := os.Stat(filepath.Join(disk, "f")); fi == nil || fi.ModTime().UTC().Year() != 2001 {
		t.Errorf("after set times: %v", fi.ModTime())
	}

	res, err = tr.Do(ctx, dir+`\f`, client.OpenOptions{Kind: client.KindFile}, client.LinkTo(dir+`\hard`), client.QueryStandard())
	if err != nil {
		t.Errorf("link: %v", err)
	} else if res.Standard.NumberOfLinks != 2 {
		t.Errorf("link: the handle reports %d links", res.Standard.NumberOfLinks)
	}
	if err := syscall.Stat(filepath.Join(disk, "hard"), &st); err != nil || st.Nlink != 2 {
		t.Errorf("after link: nlink %d %v", st.Nlink, err)
	}

	if err := createWith(dir+`\g`, []byte("g")); err != nil {
		t.Fatal(err)
	}
	if err := rename(dir+`\g`, dir+`\f`, false); !errors.Is(err, fs.ErrExist) {
		t.Errorf("rename without replace over existing: %v", err)
	}
	if err := rename(dir+`\g`, dir+`\f`, true); err != nil {
		t.Errorf("rename with replace: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(disk, "f")); string(got) != "g" {
		t.Errorf("after rename: %q", got)
	}

	if err := createWith(dir+`\sub\x`, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if err := remove(dir+`\sub`, true); !errors.Is(err, syscall.ENOTEMPTY) {
		t.Errorf("remove non-empty dir: %v", err)
	}
	if err := remove(dir+`\sub`, false); !client.IsStatus(err, wire.StatusFileIsADirectory) {
		t.Errorf("remove dir as file: %v", err)
	}
	if err := remove(dir+`\sub\x`, false); err != nil {
		t.Errorf("remove file: %v", err)
	}
	if err := remove(dir+`\sub`, true); err != nil {
		t.Errorf("remove dir: %v", err)
	}
	if _, err := os.Stat(filepath.Join(disk, "sub")); !os.IsNotExist(err) {
		t.Errorf("sub still there: %v", err)
	}
	if err := remove(dir+`\missing`, false); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("remove missing: %v", err)
	}

	res, err = tr.Do(ctx, "", client.OpenOptions{Kind: client.KindDir}, client.QueryFSSize())
	if err != nil || res.FSSize.TotalAllocationUnits == 0 || res.FSSize.BytesPerSector == 0 {
		t.Errorf("statfs: %+v %v", res, err)
	}
}

func TestLiveFileHandleOps(t *testing.T) {
	_, tr, dir, disk := fileopsTree(t)
	ctx := context.Background()
	f := createFile(t, tr, dir+`\h`)
	defer f.Close(ctx)
	if _, err := f.WriteAt(ctx, []byte("0123456789"), 0); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Do(ctx, client.Truncate(3)); err != nil {
		t.Errorf("truncate: %v", err)
	}
	res, err := f.Do(ctx, client.QueryAttrs())
	if err != nil || res.Attrs.EndOfFile != 3 {
		t.Errorf("query attributes: %+v %v", res, err)
	}
	if _, err := f.Do(ctx, client.SetTimes(time.Date(2002, 1, 1, 0, 0, 0, 0, time.UTC), time.Time{})); err != nil {
		t.Errorf("set times: %v", err)
	}
	f.Close(ctx)
	if fi, _ := os.Stat(filepath.Join(disk, "h")); fi == nil || fi.Size() != 3 || fi.ModTime().UTC().Year() != 2002 {
		t.Errorf("on disk: %v", fi)
	}
}
