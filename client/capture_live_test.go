package client_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/hex"
	"fmt"
	"net"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/internal/mitm"
	"github.com/smb3fs/smb3fs/internal/testenv"
	"github.com/smb3fs/smb3fs/internal/testenv/liveauth"
)

// TestLiveCaptureShowsNoPlaintext captures a whole encrypted session with
// tshark inside the test namespace, reassembles both TCP directions and
// checks that apart from NEGOTIATE and SESSION_SETUP every SMB message on
// the wire is an SMB2 TRANSFORM (0xFD 'SMB') frame, independently of the
// client's own view.
func TestLiveCaptureShowsNoPlaintext(t *testing.T) {
	env := testenv.Env(t)
	// A capture that lost packets (tshark under load) proves nothing
	// either way: try again. Plaintext on the wire fails at once.
	var incomplete error
	for attempt := 1; attempt <= 3; attempt++ {
		toServer, toClient := captureSession(t, env)
		incomplete = nil
		for _, dir := range []struct {
			name   string
			stream []byte
		}{{"client to server", toServer}, {"server to client", toClient}} {
			plain, sealed, err := checkStream(t, dir.name, dir.stream)
			if err != nil {
				incomplete = err
				break
			}
			t.Logf("%s: %d handshake frames, then %d frames, all encrypted", dir.name, plain, sealed)
		}
		if incomplete == nil {
			return
		}
		t.Logf("attempt %d: incomplete capture: %v", attempt, incomplete)
	}
	t.Fatalf("no complete capture in 3 attempts: %v", incomplete)
}

// checkStream parses one reassembled direction. Plaintext other than
// NEGOTIATE and SESSION_SETUP, or plaintext after encryption began, fails
// the test; a stream that does not parse or misses the handshake is
// returned as an error (an incomplete capture).
func checkStream(t *testing.T, name string, stream []byte) (plain, sealed int, err error) {
	t.Helper()
	r := bytes.NewReader(stream)
	for r.Len() > 0 {
		f, err := mitm.ReadFrame(r)
		if err != nil {
			return 0, 0, fmt.Errorf("%s: reassembled stream: %w", name, err)
		}
		switch string(f[:4]) {
		case wire.TransformProtocolID:
			sealed++
		case wire.ProtocolID:
			h, err := wire.DecodeHeader(f)
			if err != nil {
				return 0, 0, fmt.Errorf("%s: %w", name, err)
			}
			if h.Command != wire.CmdNegotiate && h.Command != wire.CmdSessionSetup {
				t.Fatalf("%s: plaintext %s on the wire", name, h.Command)
			}
			if sealed > 0 {
				t.Fatalf("%s: plaintext %s after encryption began", name, h.Command)
			}
			if plain == 0 && h.Command != wire.CmdNegotiate {
				return 0, 0, fmt.Errorf("%s: capture starts with %s, not NEGOTIATE", name, h.Command)
			}
			plain++
		default:
			return 0, 0, fmt.Errorf("%s: frame with protocol id %x", name, f[:4])
		}
	}
	if plain < 2 || sealed < 5 {
		return 0, 0, fmt.Errorf("%s: %d plaintext and %d sealed frames", name, plain, sealed)
	}
	return plain, sealed, nil
}

// captureSession runs one encrypted session under tshark and returns the
// two directions of its TCP connection, reassembled.
func captureSession(t *testing.T, env *testenv.Environment) (toServer, toClient []byte) {
	t.Helper()
	pcap := filepath.Join(t.TempDir(), "session.pcap")
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	capture := exec.CommandContext(ctx, "tshark", "-i", "any", "-B", "64", "-f", "tcp port 445 and host "+env.DC.Addr, "-w", pcap)
	stderr, err := capture.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := capture.Start(); err != nil {
		t.Fatalf("tshark: %v", err)
	}
	ready := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if strings.Contains(sc.Text(), "Capturing on") {
				close(ready)
				break
			}
		}
		for sc.Scan() {
		}
	}()
	select {
	case <-ready:
		// dumpcap reports before its socket sees every packet; the
		// checks fail a capture that missed the start anyway.
		time.Sleep(time.Second)
	case <-ctx.Done():
		t.Fatal("tshark did not start capturing")
	}

	// Other packages' tests talk to the same server at the same time:
	// remember our connection's local address and follow only it.
	var local string
	dialer := func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
		if err == nil {
			local = c.LocalAddr().String()
		}
		return c, err
	}
	cl, err := client.Dial(ctx, client.Options{Server: env.DC.Host, Address: env.DC.SMBAddr(), Dial: dialer, Policy: client.StrictPolicy(), Mechanism: liveauth.Kerberos(t, env, "alice"), Timeout: 20 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := cl.Connect(ctx, env.Shares.Encrypted)
	if err != nil {
		t.Fatal(err)
	}
	roundTripSmall(t, env, tr, env.Shares.Encrypted)
	tr.Disconnect(ctx)
	cl.Close()
	time.Sleep(500 * time.Millisecond) // let the last segments reach the capture
	capture.Process.Signal(syscall.SIGINT)
	capture.Wait()

	out, err := exec.CommandContext(ctx, "tshark", "-r", pcap, "-q", "-z", "follow,tcp,raw,"+local+","+env.DC.SMBAddr()).Output()
	if err != nil {
		t.Fatalf("tshark -r: %v", err)
	}
	return splitFollow(t, out)
}

// splitFollow parses `tshark -z follow,tcp,raw` output: lines of hex from
// node 0 (the client) start at column 0, node 1's are indented by a tab.
func splitFollow(t *testing.T, out []byte) (node0, node1 []byte) {
	t.Helper()
	for _, line := range strings.Split(string(out), "\n") {
		if line == "" || strings.HasPrefix(line, "=") || strings.Contains(line, ":") {
			continue
		}
		indented := strings.HasPrefix(line, "\t")
		b, err := hex.DecodeString(strings.TrimSpace(line))
		if err != nil {
			t.Fatalf("follow output line %q: %v", line, err)
		}
		if indented {
			node1 = append(node1, b...)
		} else {
			node0 = append(node0, b...)
		}
	}
	return node0, node1
}
