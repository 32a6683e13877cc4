//go:build !linux

package auth

import "net"

// kcmCheckPeer: outside Linux only the socket file's owner is checked
// (dialKCM).
func kcmCheckPeer(net.Conn, int) error { return nil }
