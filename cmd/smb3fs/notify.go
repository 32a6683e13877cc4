package main

// systemd's readiness protocol (sd_notify(3)), for a service of
// Type=notify that runs `smb3fs mount --foreground`: systemd passes the
// name of a datagram unix socket in $NOTIFY_SOCKET (a path, or "@name" in
// the abstract namespace), and the service sends it "READY=1" once it
// serves and "STOPPING=1" when it begins to stop. systemd then starts the
// units ordered after the mount only once the mount answers, and shows
// the STATUS= line in systemctl status.
//
// Hand-written (about thirty lines) rather than taken from
// github.com/coreos/go-systemd/v22/daemon: the protocol is one datagram
// per state change, and that module is not among the packages this
// project may fetch.

import (
	"fmt"
	"net"
	"os"
	"strings"
	"sync"
	"time"
)

// notifySocketVar names the environment variable systemd sets.
const notifySocketVar = "NOTIFY_SOCKET"

// sdNotify sends state (newline-separated VAR=value assignments) to the
// datagram socket socket names: an absolute path, or "@name" for the
// abstract namespace (Go's net package maps a leading "@" to it). An
// empty socket sends nothing. The send has a deadline of one second.
func sdNotify(socket, state string) error {
	if socket == "" {
		return nil
	}
	if !strings.HasPrefix(socket, "/") && !strings.HasPrefix(socket, "@") {
		return fmt.Errorf("smb3fs: %s=%s: want an absolute path or @name", notifySocketVar, socket)
	}
	conn, err := net.DialUnix("unixgram", nil, &net.UnixAddr{Name: socket, Net: "unixgram"})
	if err != nil {
		return fmt.Errorf("smb3fs: notify systemd: %w", err)
	}
	defer conn.Close()
	if err := conn.SetWriteDeadline(time.Now().Add(time.Second)); err != nil {
		return fmt.Errorf("smb3fs: notify systemd: %w", err)
	}
	if _, err := conn.Write([]byte(state)); err != nil {
		return fmt.Errorf("smb3fs: notify systemd: %w", err)
	}
	return nil
}

// systemdNotifier tells systemd, if it asked ($NOTIFY_SOCKET), when the
// mount is ready and when it stops. The zero value, or one without a
// socket, sends nothing.
type systemdNotifier struct {
	socket   string    // $NOTIFY_SOCKET as it was; "" to send nothing
	stopping sync.Once // STOPPING=1 is sent once, by whoever stops first
}

// newSystemdNotifier takes $NOTIFY_SOCKET out of the environment (so the
// processes this one starts, fusermount3, do not see it), and returns a
// notifier for it when enabled: only a --foreground mount run directly by
// the service notifies, not the daemon a background mount spawns, which is
// not the service's main process.
func newSystemdNotifier(enabled bool) *systemdNotifier {
	socket := os.Getenv(notifySocketVar)
	os.Unsetenv(notifySocketVar)
	if !enabled {
		socket = ""
	}
	return &systemdNotifier{socket: socket}
}

// ready sends READY=1 and a STATUS= line naming what is mounted where.
func (n *systemdNotifier) ready(what, where string) error {
	return sdNotify(n.socket, fmt.Sprintf("READY=1\nSTATUS=Mounted %s on %s", what, where))
}

// stop sends STOPPING=1, the first time it is called.
func (n *systemdNotifier) stop() error {
	var err error
	n.stopping.Do(func() { err = sdNotify(n.socket, "STOPPING=1\nSTATUS=Unmounting") })
	return err
}
