package fs

import (
	"context"
	"syscall"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
)

func TestInterruptible(t *testing.T) {
	// Without an interrupt the context stays live until done; after one,
	// it is cancelled, but not at once (a stray signal changes nothing).
	parent, interrupt := context.WithCancel(context.Background())
	ctx, done := interruptible(parent)
	interrupt()
	time.Sleep(interruptPatience / 5) // well inside the patience
	select {
	case <-ctx.Done():
		t.Fatal("cancelled at the interrupt, before the patience ran out")
	default:
	}
	select {
	case <-ctx.Done():
	case <-time.After(10 * interruptPatience):
		t.Fatal("never cancelled after the interrupt")
	}
	done()

	ctx, done = interruptible(context.Background())
	done()
	if ctx.Err() == nil {
		t.Fatal("done left the context live")
	}
	if e := ToErrno(&client.StatusError{Status: wire.StatusCancelled, Command: wire.CmdCreate}); e != syscall.EINTR {
		t.Fatalf("STATUS_CANCELLED is %v, want EINTR", e)
	}
	if e := ToErrno(context.Canceled); e != syscall.EINTR {
		t.Fatalf("context.Canceled is %v, want EINTR", e)
	}
}
