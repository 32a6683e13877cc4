package client

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client/smbtest"
	"github.com/smb3fs/smb3fs/client/wire"
)

// TestHostileLengths: a server that lies about a length or an offset in a
// READ, QUERY_INFO or QUERY_DIRECTORY answer (at the end of the message,
// one past it, far past it, pointing into the header or past the end, or
// more data than asked for, a READ answer padded to 1 MiB after its data)
// gets ErrProtocol, with its answer signed and sealed as the session
// requires; an honest answer at the bound is taken.
func TestHostileLengths(t *testing.T) {
	srv := &smbtest.Server{FileSystem: true, ShareFlags: map[string]uint32{"share": wire.ShareFlagEncryptData}}
	srv.WriteFile("f", []byte("0123456789"))
	cl, _ := mustDial(t, srv, StrictPolicy(), nil)
	ctx := context.Background()
	tr, err := cl.Connect(ctx, "share")
	if err != nil {
		t.Fatal(err)
	}
	ops := map[string]func() error{
		"READ": func() error {
			f, err := tr.create(ctx, "f", &wire.CreateRequest{DesiredAccess: wire.GenericRead, ShareAccess: shareAll, CreateDisposition: wire.FileOpen})
			if err != nil {
				return err
			}
			defer f.Close(ctx)
			p := make([]byte, 10)
			n, err := f.ReadAt(ctx, p, 0)
			if err == nil && string(p[:n]) != "0123456789" {
				return fmt.Errorf("read %q", p[:n])
			}
			return err
		},
		"QUERY_INFO": func() error {
			f, err := tr.create(ctx, "f", &wire.CreateRequest{DesiredAccess: wire.FileReadAttributes, ShareAccess: shareAll, CreateDisposition: wire.FileOpen})
			if err != nil {
				return err
			}
			defer f.Close(ctx)
			_, err = f.queryInfo(ctx, wire.InfoFile, wire.ClassFileStandardInformation, 0, 24)
			return err
		},
		"QUERY_DIRECTORY": func() error {
			f, err := tr.create(ctx, "", &wire.CreateRequest{DesiredAccess: wire.FileListDirectory, ShareAccess: shareAll,
				CreateDisposition: wire.FileOpen, CreateOptions: wire.FileDirectoryFile})
			if err != nil {
				return err
			}
			defer f.Close(ctx)
			ents, err := f.ReadDir(ctx, "*")
			if err == nil && (len(ents) != 1 || ents[0].Name != "f") {
				return fmt.Errorf("listed %+v", ents)
			}
			return err
		},
	}
	for _, lie := range append([]smbtest.LengthLie{smbtest.LenHonest}, smbtest.LengthLies()...) {
		for name, op := range ops {
			srv.SetHostile(smbtest.Hostile{Lengths: lie})
			err := op()
			srv.SetHostile(smbtest.Hostile{})
			switch {
			case lie == smbtest.LenHonest || lie == smbtest.LenAtEnd || (lie == smbtest.LenPadded && name != "READ"):
				if err != nil {
					t.Errorf("%s, %v: %v", name, lie, err)
				}
			case !errors.Is(err, ErrProtocol):
				t.Errorf("%s, %v: %v, want ErrProtocol", name, lie, err)
			}
		}
	}
}

// TestBreaksInFlightBound: acknowledgments of breaks run on goroutines of
// their own, at most maxBreaksInFlight at once; the next break ends the
// connection (errTooManyBreaks) rather than start another.
func TestBreaksInFlightBound(t *testing.T) {
	srv := &smbtest.Server{}
	cl, _ := mustDial(t, srv, StrictPolicy(), nil)
	bt := &cl.breaks
	release := make(chan struct{})
	bt.mu.Lock()
	for i := range maxBreaksInFlight {
		if !bt.spawn(func() { <-release }) {
			bt.mu.Unlock()
			close(release)
			t.Fatalf("break %d refused, bound is %d", i, maxBreaksInFlight)
		}
	}
	over := bt.spawn(func() { <-release })
	bt.mu.Unlock()
	close(release)
	if over {
		t.Fatalf("break %d started, bound is %d", maxBreaksInFlight+1, maxBreaksInFlight)
	}
	c := cl.cur()
	select {
	case <-c.closed:
	case <-time.After(10 * time.Second): // a hang detector, not a timing
		t.Fatal("connection still open after too many breaks")
	}
	if err := c.Err(); !errors.Is(err, errTooManyBreaks) {
		t.Fatalf("connection ended with %v, want errTooManyBreaks", err)
	}
}
