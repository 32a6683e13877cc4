package main

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// listenNotify listens on a datagram unix socket named name (a path, or
// @name) as systemd does for $NOTIFY_SOCKET.
func listenNotify(t *testing.T, name string) *net.UnixConn {
	t.Helper()
	c, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: name, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// readNotify reads one datagram, or fails after five seconds.
func readNotify(t *testing.T, c *net.UnixConn) string {
	t.Helper()
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	buf := make([]byte, 4096)
	n, err := c.Read(buf)
	if err != nil {
		t.Fatalf("reading the notify socket: %v", err)
	}
	return string(buf[:n])
}

func TestSdNotify(t *testing.T) {
	names := []string{filepath.Join(t.TempDir(), "notify")}
	if runtime.GOOS == "linux" {
		names = append(names, fmt.Sprintf("@smb3fs-test-notify-%d", os.Getpid()))
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			c := listenNotify(t, name)
			n := &systemdNotifier{socket: name}
			if err := n.ready("//srv/share", "/mnt/share"); err != nil {
				t.Fatal(err)
			}
			if got := readNotify(t, c); got != "READY=1\nSTATUS=Mounted //srv/share on /mnt/share" {
				t.Errorf("ready: %q", got)
			}
			// STOPPING=1 is sent once, however many times stop is called
			// (a signal, then the end of serving).
			for i := 0; i < 3; i++ {
				if err := n.stop(); err != nil {
					t.Fatal(err)
				}
			}
			if got := readNotify(t, c); !strings.HasPrefix(got, "STOPPING=1\n") {
				t.Errorf("stop: %q", got)
			}
			c.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
			if n, err := c.Read(make([]byte, 64)); err == nil {
				t.Errorf("a second datagram after stop: %d bytes", n)
			}
		})
	}
}

func TestSdNotifyErrors(t *testing.T) {
	// No socket: nothing to do, no error.
	if err := sdNotify("", "READY=1"); err != nil {
		t.Errorf("no socket: %v", err)
	}
	if err := (&systemdNotifier{}).ready("//s/sh", "/mnt"); err != nil {
		t.Errorf("notifier without a socket: %v", err)
	}
	if err := sdNotify("relative/socket", "READY=1"); err == nil || !strings.Contains(err.Error(), "NOTIFY_SOCKET=relative/socket: want an absolute path or @name") {
		t.Errorf("relative path: %v", err)
	}
	if err := sdNotify(filepath.Join(t.TempDir(), "nobody-listens"), "READY=1"); err == nil || !strings.HasPrefix(err.Error(), "smb3fs: notify systemd: ") {
		t.Errorf("nobody listening: %v", err)
	}
}

// TestSystemdNotifierEnvironment: the variable is taken out of the
// environment either way; only an enabled notifier keeps the socket (a
// background mount's daemon is not the service's main process).
func TestSystemdNotifierEnvironment(t *testing.T) {
	name := filepath.Join(t.TempDir(), "notify")
	t.Setenv(notifySocketVar, name)
	if n := newSystemdNotifier(false); n.socket != "" {
		t.Errorf("disabled notifier has socket %q", n.socket)
	}
	if _, ok := os.LookupEnv(notifySocketVar); ok {
		t.Errorf("%s still set", notifySocketVar)
	}
	t.Setenv(notifySocketVar, name)
	if n := newSystemdNotifier(true); n.socket != name {
		t.Errorf("enabled notifier has socket %q, want %q", n.socket, name)
	}
	if _, ok := os.LookupEnv(notifySocketVar); ok {
		t.Errorf("%s still set", notifySocketVar)
	}
}
