package client

import (
	"context"
	"errors"
	"net"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client/wire"
)

// TestSessionExpiredOneReason: a reconnect after STATUS_NETWORK_SESSION_EXPIRED
// reports the same reason whether the request that met the expiry starts it
// or the connection's onFail (which runs on its own goroutine and may win),
// so that the daemon's audit line always says "session expired".
func TestSessionExpiredOneReason(t *testing.T) {
	a, b := net.Pipe()
	defer b.Close()
	c := newConn(a, time.Second)
	defer c.Close()
	cl := &Client{}
	fromOnFail := make(chan error, 1)
	c.mu.Lock()
	c.onFail = func(err error) {
		why, ok := cl.needsReconnect(c, err)
		if !ok {
			why = errors.New("no reconnect")
		}
		fromOnFail <- why
	}
	c.mu.Unlock()

	why, ok := cl.needsReconnect(c, &StatusError{Status: wire.StatusNetworkSessionExpired, Command: wire.CmdWrite})
	if !ok || why != errSessionExpired {
		t.Fatalf("request path: reason %v (reconnect %v), want %v", why, ok, errSessionExpired)
	}
	select {
	case why := <-fromOnFail:
		if why != errSessionExpired {
			t.Fatalf("onFail path: reason %v, want %v", why, errSessionExpired)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("onFail never ran")
	}
	if err := c.Err(); !errors.Is(err, ErrConnectionClosed) || !errors.Is(err, errSessionExpired) {
		t.Fatalf("connection error %v: want it to match ErrConnectionClosed and the expiry", err)
	}
}

func TestDurableRetryAllowed(t *testing.T) {
	bg := context.Background()
	soon, cancel := context.WithTimeout(bg, 1500*time.Millisecond)
	defer cancel()
	now := time.Now()
	cases := []struct {
		name  string
		ctx   context.Context
		until time.Time
		wait  time.Duration
		want  bool
	}{
		{"inside the window", bg, now.Add(3 * time.Second), 800 * time.Millisecond, true},
		{"past the window", bg, now.Add(500 * time.Millisecond), 800 * time.Millisecond, false},
		{"window over", bg, now.Add(-time.Millisecond), durableRetryFirst, false},
		{"inside the window, deadline near", soon, now.Add(3 * time.Second), 800 * time.Millisecond, false},
		{"inside the window and deadline", soon, now.Add(3 * time.Second), 100 * time.Millisecond, true},
	}
	for _, c := range cases {
		if got := durableRetryAllowed(c.ctx, c.until, c.wait); got != c.want {
			t.Errorf("%s: durableRetryAllowed = %v, want %v", c.name, got, c.want)
		}
	}
}
