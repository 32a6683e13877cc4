package client_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/internal/testenv"
	"github.com/smb3fs/smb3fs/internal/testenv/liveauth"
)

// TestLiveHandleOps changes a file through the handle alone against real
// Samba: WriteFinishStat writes, sets the time and reports the attributes
// after both; SetInfoStat sets a time and reports it; Rename moves the open
// file (refused over an open file, done over a closed one), and the handle
// keeps working under its new name. Each result is checked on the server's
// disk.
func TestLiveHandleOps(t *testing.T) {
	env := testenv.Env(t)
	share := env.Shares.Encrypted
	tr := connect(t, mustDial(t, env, client.StrictPolicy(), liveauth.Kerberos(t, env, "alice")), share)
	ctx := context.Background()
	dir := scratch(t, env, share)
	mkdir(t, tr, dir)
	disk := func(name string) string { return filepath.Join(env.ShareDirs[share], dir, name) }

	f := createFile(t, tr, dir+`\tmp`) // GenericWrite and Delete
	defer f.Close(ctx)
	data := bytes.Repeat([]byte("handle ops "), 400)
	const t1 = 133_500_000_000_000_000 // 2024-01-15, in FILETIME
	ni, si, err := f.WriteFinishStat(ctx, data, 0, &wire.FileBasicInformation{LastWriteTime: t1})
	if err != nil {
		t.Fatalf("WriteFinishStat: %v", err)
	}
	if ni == nil || si == nil {
		t.Fatal("WriteFinishStat returned no attributes")
	}
	if ni.EndOfFile != uint64(len(data)) || ni.LastWriteTime != t1 || si.NumberOfLinks != 1 {
		t.Fatalf("WriteFinishStat reports size %d, time %d, links %d; want %d, %d, 1", ni.EndOfFile, ni.LastWriteTime, si.NumberOfLinks, len(data), uint64(t1))
	}

	const t2 = 133_600_000_000_000_000
	res, err := f.Do(ctx, client.SetTimes(time.Unix((t2-116444736000000000)/1e7, 0), time.Time{}), client.QueryAttrs(), client.QueryStandard())
	if err != nil {
		t.Fatalf("set times and stat: %v", err)
	}
	if ni = res.Attrs; ni.LastWriteTime != t2 || ni.EndOfFile != uint64(len(data)) {
		t.Fatalf("set times and stat reports time %d, size %d; want %d, %d", ni.LastWriteTime, ni.EndOfFile, uint64(t2), len(data))
	}

	// A failed SET_INFO fails the whole compound with its status.
	_, err = f.Do(ctx, client.RenameTo(dir+`\no\such\dir\x`, false), client.QueryAttrs(), client.QueryStandard())
	if err == nil {
		t.Fatal("a rename into a missing directory succeeded")
	}

	// Over a file another handle holds open: refused, and nothing moved.
	busy := createFile(t, tr, dir+`\busy`)
	if err := f.Rename(ctx, dir+`\busy`, true); !client.IsStatus(err, wire.StatusAccessDenied) {
		t.Fatalf("rename over an open file: %v, want STATUS_ACCESS_DENIED", err)
	}
	if f.Name() != dir+`\tmp` {
		t.Fatalf("after a refused rename Name() = %q", f.Name())
	}
	busy.Close(ctx)

	// Over the same file once closed: replaced.
	if err := f.Rename(ctx, dir+`\busy`, true); err != nil {
		t.Fatalf("rename over a closed file: %v", err)
	}
	if f.Name() != dir+`\busy` {
		t.Fatalf("after the rename Name() = %q, want the new path", f.Name())
	}
	if _, err := os.Stat(disk("tmp")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("old name still on disk: %v", err)
	}
	got, err := os.ReadFile(disk("busy"))
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("renamed file on disk: %d bytes (%v), want the %d written", len(got), err, len(data))
	}
	st, err := os.Stat(disk("busy"))
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Unix(0, (t2-116_444_736_000_000_000)*100); !st.ModTime().Equal(want) {
		t.Fatalf("mtime on disk %v, want %v", st.ModTime(), want)
	}
	// The handle still works under its new name.
	if _, err := f.WriteAt(ctx, []byte("!"), 0); err != nil {
		t.Fatalf("write after rename: %v", err)
	}
}
