package wire

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Test helpers for the NEGOTIATE, SESSION_SETUP, TREE_CONNECT and misc
// message tests.

// sambaFixture reads testdata/samba-4.17/NAME.hex: a message captured from
// Samba 4.17 (see the comment lines of each file), hex with '#' comments.
func sambaFixture(t testing.TB, name string) []byte {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "samba-4.17", name+".hex"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b []byte
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := strings.TrimSpace(s.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		v, err := hex.DecodeString(line)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b = append(b, v...)
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return b
}

// sessUnhex decodes hex written with spaces, newlines and // comments, for
// messages pinned by hand in tests.
func sessUnhex(t testing.TB, s string) []byte {
	t.Helper()
	var clean strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if i := strings.Index(line, "//"); i >= 0 {
			line = line[:i]
		}
		clean.WriteString(strings.Join(strings.Fields(line), ""))
	}
	b, err := hex.DecodeString(clean.String())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sessHeader returns a 64-byte header for cmd, as a request or a response.
func sessHeader(cmd Command, response bool) []byte {
	h := Header{Command: cmd, Credits: 1, MessageID: 7, SessionID: 0x1122334455667788, TreeID: 9}
	if response {
		h.Flags |= FlagServerToRedir
	}
	return h.Append(make([]byte, 0, 512))
}

// sessRoundTrip encodes m after a header, decodes the result and checks that it
// equals want (m itself when want is nil). It returns the encoded message.
func sessRoundTrip[T any](t *testing.T, cmd Command, response bool, m, want *T,
	enc func(*T, []byte) []byte, dec func([]byte) (*T, error)) []byte {
	t.Helper()
	if want == nil {
		want = m
	}
	msg := enc(m, sessHeader(cmd, response))
	got, err := dec(msg)
	if err != nil {
		t.Fatalf("decode(encode(...)): %v\nmessage starts % x", err, msg[:min(len(msg), 256)])
	}
	if !reflect.DeepEqual(got, want) {
		g, w := fmt.Sprintf("%+v", got), fmt.Sprintf("%+v", want)
		t.Fatalf("round trip:\n got %s\nwant %s", g[:min(len(g), 2000)], w[:min(len(w), 2000)])
	}
	return msg
}

// sessTruncations decodes every proper prefix of msg and requires an error
// wrapping ErrMalformed, except at the lengths listed in ok.
func sessTruncations[T any](t *testing.T, msg []byte, dec func([]byte) (*T, error), ok ...int) {
	t.Helper()
	for n := 0; n < len(msg); n++ {
		_, err := dec(msg[:n:n])
		switch {
		case err == nil && !sessContains(ok, n):
			t.Errorf("truncated to %d of %d bytes: no error", n, len(msg))
		case err != nil && !errors.Is(err, ErrMalformed):
			t.Errorf("truncated to %d bytes: error %v does not wrap ErrMalformed", n, err)
		}
	}
}

func sessContains(v []int, x int) bool {
	for _, y := range v {
		if y == x {
			return true
		}
	}
	return false
}

// sessMalformed decodes msg and requires an error wrapping ErrMalformed
// whose text contains sub.
func sessMalformed[T any](t *testing.T, name string, msg []byte, dec func([]byte) (*T, error), sub string) {
	t.Helper()
	m, err := dec(msg)
	if err == nil {
		t.Errorf("%s: decoded %+v, want an error", name, m)
		return
	}
	if !errors.Is(err, ErrMalformed) {
		t.Errorf("%s: error %v does not wrap ErrMalformed", name, err)
	}
	if !strings.Contains(err.Error(), sub) {
		t.Errorf("%s: error %q does not mention %q", name, err, sub)
	}
}

// sessPatch returns a copy of msg with b written at off.
func sessPatch(msg []byte, off int, b ...byte) []byte {
	c := bytes.Clone(msg)
	copy(c[off:], b)
	return c
}
