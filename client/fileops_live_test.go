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

	res, err := tr.Mkdir(ctx, dir+`\sub`)
	if err != nil {
		t.Fatalf("Mkdir: %v", err)
	}
	var st syscall.Stat_t
	if err := syscall.Stat(filepath.Join(disk, "sub"), &st); err != nil || client.DiskFileID(res.Create) != st.Ino {
		t.Errorf("Mkdir: QFid %d, inode on disk %d (%v)", client.DiskFileID(res.Create), st.Ino, err)
	}
	if res.Close.FileAttributes&wire.FileAttributeDirectory == 0 {
		t.Errorf("Mkdir: attributes %#x", res.Close.FileAttributes)
	}
	if _, err := tr.Mkdir(ctx, dir+`\sub`); !errors.Is(err, fs.ErrExist) {
		t.Errorf("Mkdir existing: %v", err)
	}

	data := []byte("compound write")
	if _, err := tr.CreateWithData(ctx, dir+`\f`, data); err != nil {
		t.Fatalf("CreateWithData: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(disk, "f")); !bytes.Equal(got, data) {
		t.Errorf("on disk: %q", got)
	}
	if _, err := tr.CreateWithData(ctx, dir+`\f`, data); !errors.Is(err, fs.ErrExist) {
		t.Errorf("CreateWithData existing: %v", err)
	}
	_, got, err := tr.ReadSmall(ctx, dir+`\f`, 100)
	if err != nil || !bytes.Equal(got, data) {
		t.Errorf("ReadSmall: %q %v", got, err)
	}

	if res, err := tr.Truncate(ctx, dir+`\f`, 4); err != nil || res.Close.EndOfFile != 4 {
		t.Errorf("Truncate: %v", err)
	}
	if fi, _ := os.Stat(filepath.Join(disk, "f")); fi == nil || fi.Size() != 4 {
		t.Errorf("after Truncate: %v", fi)
	}

	const ft2001 = 126227808000000000 // 2001-01-01T00:00:00Z
	if _, err := tr.SetBasicInfo(ctx, dir+`\f`, &wire.FileBasicInformation{LastWriteTime: ft2001}); err != nil {
		t.Errorf("SetBasicInfo: %v", err)
	}
	if fi, _ := os.Stat(filepath.Join(disk, "f")); fi == nil || fi.ModTime().UTC().Year() != 2001 {
		t.Errorf("after SetBasicInfo: %v", fi.ModTime())
	}

	if _, err := tr.Link(ctx, dir+`\f`, dir+`\hard`); err != nil {
		t.Errorf("Link: %v", err)
	}
	if err := syscall.Stat(filepath.Join(disk, "hard"), &st); err != nil || st.Nlink != 2 {
		t.Errorf("after Link: nlink %d %v", st.Nlink, err)
	}

	if _, err := tr.CreateWithData(ctx, dir+`\g`, []byte("g")); err != nil {
		t.Fatal(err)
	}
	if err := tr.Rename(ctx, dir+`\g`, dir+`\f`, false); !errors.Is(err, fs.ErrExist) {
		t.Errorf("Rename without replace over existing: %v", err)
	}
	if err := tr.Rename(ctx, dir+`\g`, dir+`\f`, true); err != nil {
		t.Errorf("Rename with replace: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(disk, "f")); string(got) != "g" {
		t.Errorf("after Rename: %q", got)
	}

	if _, err := tr.CreateWithData(ctx, dir+`\sub\x`, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if err := tr.Remove(ctx, dir+`\sub`, true); !errors.Is(err, syscall.ENOTEMPTY) {
		t.Errorf("Remove non-empty dir: %v", err)
	}
	if err := tr.Remove(ctx, dir+`\sub`, false); !client.IsStatus(err, wire.StatusFileIsADirectory) {
		t.Errorf("Remove dir as file: %v", err)
	}
	if err := tr.Remove(ctx, dir+`\sub\x`, false); err != nil {
		t.Errorf("Remove file: %v", err)
	}
	if err := tr.Remove(ctx, dir+`\sub`, true); err != nil {
		t.Errorf("Remove dir: %v", err)
	}
	if _, err := os.Stat(filepath.Join(disk, "sub")); !os.IsNotExist(err) {
		t.Errorf("sub still there: %v", err)
	}
	if err := tr.Remove(ctx, dir+`\missing`, false); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Remove missing: %v", err)
	}

	fi, err := tr.Statfs(ctx)
	if err != nil || fi.TotalAllocationUnits == 0 || fi.BytesPerSector == 0 {
		t.Errorf("Statfs: %+v %v", fi, err)
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
	if err := f.SetEndOfFile(ctx, 3); err != nil {
		t.Errorf("SetEndOfFile: %v", err)
	}
	info, err := f.NetworkOpenInfo(ctx)
	if err != nil || info.EndOfFile != 3 {
		t.Errorf("NetworkOpenInfo: %+v %v", info, err)
	}
	const ft2002 = 126543168000000000 // 2002-01-01T00:00:00Z
	if err := f.SetBasicInfo(ctx, &wire.FileBasicInformation{LastWriteTime: ft2002}); err != nil {
		t.Errorf("SetBasicInfo: %v", err)
	}
	f.Close(ctx)
	if fi, _ := os.Stat(filepath.Join(disk, "h")); fi == nil || fi.Size() != 3 || fi.ModTime().UTC().Year() != 2002 {
		t.Errorf("on disk: %v", fi)
	}
}
