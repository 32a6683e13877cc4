package fs

// Interrupts of requests whose outcome matters.
//
// settled (silly.go) drops the FUSE interrupt altogether; that kept a stray
// signal from failing a lookup, and kept the caller from being told "not
// done" about a create or rename the server carried out anyway, but it
// also meant that lookup, create, mkdir, setattr, rename, unlink and rmdir
// on a server that acknowledged them (STATUS_PENDING) and went quiet
// ignored Ctrl-C until the client's async cap. interruptible keeps both
// guarantees and answers the interrupt:
//
//	FUSE interrupt ─ wait interruptPatience: most requests finish, the
//	               │ stray signal (Go's preemption SIGURG) changes nothing
//	               └ still running: ctx cancelled ─ each request in flight
//	                 gets SMB2 CANCEL, and its answer is waited for up to
//	                 cancelGrace (client.WithInterruptGrace)
//	                   ├ answered: that answer (done, or STATUS_CANCELLED:
//	                   │ not done, EINTR), the outcome is known
//	                   └ not answered: EINTR, outcome unknown; the
//	                     directory's cached listing is dropped (every error
//	                     path of those operations calls listingUnsure), so
//	                     the next lookup asks the server
//
// Without an interrupt nothing changes: the request is bounded by the
// client's timeout and, once acknowledged, by its async cap.

import (
	"context"
	"sync"
	"time"

	"github.com/smb3fs/smb3fs/client"
)

const (
	// interruptPatience is how long an interrupted request may still run
	// undisturbed: a round trip to a live server takes far less.
	interruptPatience = 5 * time.Second
	// cancelGrace is how long a request cancelled after an interrupt
	// still waits for the server's answer (done or cancelled).
	cancelGrace = 2 * time.Second
)

// interruptible returns the context for a request that changes the share
// or looks a name up: cancelled interruptPatience after the FUSE
// interrupt, carrying a cancelGrace for the requests then in flight (see
// the file comment). done must be called when the request ends.
func interruptible(ctx context.Context) (_ context.Context, done func()) {
	out, cancel := context.WithCancel(context.WithoutCancel(ctx))
	var mu sync.Mutex
	var timer *time.Timer
	stop := context.AfterFunc(ctx, func() {
		mu.Lock()
		timer = time.AfterFunc(interruptPatience, cancel)
		mu.Unlock()
	})
	return client.WithInterruptGrace(out, cancelGrace), func() {
		stop()
		mu.Lock()
		if timer != nil {
			timer.Stop()
		}
		mu.Unlock()
		cancel()
	}
}
