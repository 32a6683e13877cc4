package mitm

import (
	"bytes"
	"sync"
)

// transformHeaderSize is the size of an SMB2 TRANSFORM_HEADER ([MS-SMB2]
// 2.2.41), which starts every encrypted frame.
const transformHeaderSize = 52

// Attack rewrites one encrypted frame from the server; last is the
// encrypted frame forwarded before it (to replay). It returns the frames
// to send in its place, as a Hook does.
type Attack func(f, last []byte) [][]byte

// Attacker is a server-to-client Hook that leaves frames alone until
// armed, then rewrites the next encrypted frame (one that follows at least
// one other) with the armed Attack, once. It keeps the last encrypted frame
// it forwarded, for replays.
type Attacker struct {
	mu     sync.Mutex // guards the fields below
	attack Attack
	last   []byte
	fired  int
}

// Arm makes the next encrypted frame go through a.
func (at *Attacker) Arm(a Attack) {
	at.mu.Lock()
	at.attack = a
	at.mu.Unlock()
}

// Fired returns how many frames were attacked so far.
func (at *Attacker) Fired() int {
	at.mu.Lock()
	defer at.mu.Unlock()
	return at.fired
}

// Hook is the Hook to give Start for the ToClient direction.
func (at *Attacker) Hook(_ int, f []byte) [][]byte {
	if len(f) < transformHeaderSize || !bytes.Equal(f[:4], []byte{0xfd, 'S', 'M', 'B'}) {
		return [][]byte{f}
	}
	at.mu.Lock()
	defer at.mu.Unlock()
	out := [][]byte{f}
	if at.attack != nil && at.last != nil {
		out = at.attack(bytes.Clone(f), at.last)
		at.attack = nil
		at.fired++
	}
	at.last = bytes.Clone(f)
	return out
}

// IntegrityAttacks are the three attacks on an encrypted session that
// must each cost one connection and never the mount (issue 16), with the
// Event.Failure the client must name for each.
var IntegrityAttacks = []struct {
	Name    string
	Attack  Attack
	Failure string
}{
	{"ciphertext bit flipped", func(f, _ []byte) [][]byte {
		f[transformHeaderSize+len(f[transformHeaderSize:])/2] ^= 0x10
		return [][]byte{f}
	}, "decryption failed"},
	{"4 plaintext junk bytes injected", func(f, _ []byte) [][]byte {
		return [][]byte{{0xfe, 'S', 'M', 'B'}, f}
	}, "malformed message"},
	{"earlier response replayed", func(f, last []byte) [][]byte {
		return [][]byte{last, f}
	}, "unknown or repeated MessageId"},
}
