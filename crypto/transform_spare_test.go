package crypto

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
)

// The GCM paths of Seal and Open differ by whether the buffer has 16 bytes
// of capacity past the message (the tag is then built there and the
// ciphertext never moves) or not (the ciphertext is shifted by 16 bytes).
// These tests run both paths, and a few capacities either side of 16, for
// every cipher.

// spareCases are the capacities past the message the tests try: none, one
// byte short of the GCM scratch space, exactly it, and more.
var spareCases = []int{0, transformTagSize - 1, transformTagSize, 100}

const guardByte = 0x99

// guarded returns a buffer of length n whose capacity ends spare bytes past
// it, then guard bytes beyond the capacity (in the same array, out of reach
// of the slice); all of the bytes past n are guardByte. check reports
// whether they still are.
func guarded(n, spare int) (buf []byte, check func() bool) {
	const guard = 64
	all := make([]byte, n+spare+guard)
	for i := n; i < len(all); i++ {
		all[i] = guardByte
	}
	return all[: n : n+spare], func() bool {
		for _, b := range all[n:] {
			if b != guardByte {
				return false
			}
		}
		return true
	}
}

// sampledSizes is roundTripSizes thinned out for the many-layout tests.
func sampledSizes() []int {
	var s []int
	for i, n := range roundTripSizes() {
		if n > 40 && n <= 300 && i%7 != 0 {
			continue
		}
		s = append(s, n)
	}
	return s
}

// TestSealSpare seals each size with a fixed nonce through every layout
// (a separate plaintext and in place, each with every spare capacity) and
// expects the same bytes as the tight-capacity reference, which the other
// cipher paths check against published vectors; the bytes past the output,
// within and beyond the capacity, must be as they were.
func TestSealSpare(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	src := make([]byte, 70000)
	for i := range src {
		src[i] = byte(rng.Uint32())
	}
	prefix := []byte{1, 2, 3, 4}
	for _, c := range allCiphers {
		e, d := newPair(t, c)
		for _, n := range sampledSizes() {
			nonce := nonceField(fmt.Sprintf("%032x", rng.Uint64()))
			sid := rng.Uint64()
			plain := src[:n]
			tight, check := guarded(len(prefix)+TransformHeaderSize+n, 0)
			copy(tight, prefix)
			want, err := e.seal(tight[:len(prefix)], sid, nonce, plain)
			if err != nil || !check() || &want[0] != &tight[0] {
				t.Fatalf("%v len %d: tight seal: %v, guard intact %v", c, n, err, check())
			}
			if _, p, err := d.Open(bytes.Clone(want[len(prefix):])); err != nil || !bytes.Equal(p, plain) {
				t.Fatalf("%v len %d: reference does not open: %v", c, n, err)
			}
			for _, spare := range spareCases {
				for _, inPlace := range []bool{false, true} {
					buf, check := guarded(len(prefix)+TransformHeaderSize+n, spare)
					copy(buf, prefix)
					p := plain
					if inPlace {
						p = buf[len(prefix)+TransformHeaderSize:]
						copy(p, plain)
					}
					got, err := e.seal(buf[:len(prefix)], sid, nonce, p)
					if err != nil || !bytes.Equal(got, want) {
						t.Fatalf("%v len %d spare %d in place %v: seal differs: %v", c, n, spare, inPlace, err)
					}
					if &got[0] != &buf[0] || cap(got) != cap(buf) {
						t.Fatalf("%v len %d spare %d in place %v: seal reallocated", c, n, spare, inPlace)
					}
					if !check() {
						t.Fatalf("%v len %d spare %d in place %v: seal changed bytes past its output", c, n, spare, inPlace)
					}
				}
			}
			// A fresh buffer (nil dst) gives the same bytes.
			got, err := e.seal(prefix[:len(prefix):len(prefix)], sid, nonce, plain)
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("%v len %d: seal into a new buffer differs: %v", c, n, err)
			}
		}
	}
}

// TestSealPlaintextInScratch: a plaintext that lies just past the output,
// where the GCM scratch space would be, is read correctly and left intact.
func TestSealPlaintextInScratch(t *testing.T) {
	for _, c := range allCiphers {
		e, d := newPair(t, c)
		for _, n := range []int{1, 15, 16, 17, 100, 4096} {
			for _, gap := range []int{0, 1, 15} {
				buf := make([]byte, TransformHeaderSize+n+gap+n)
				src := buf[TransformHeaderSize+n+gap:]
				for i := range src {
					src[i] = byte(i*31 + n)
				}
				orig := bytes.Clone(src)
				out, err := e.Seal(buf[:0], 7, src)
				if err != nil {
					t.Fatalf("%v len %d gap %d: %v", c, n, gap, err)
				}
				if !bytes.Equal(src, orig) {
					t.Fatalf("%v len %d gap %d: Seal changed its plaintext", c, n, gap)
				}
				if _, p, err := d.Open(bytes.Clone(out)); err != nil || !bytes.Equal(p, orig) {
					t.Fatalf("%v len %d gap %d: Open: %v", c, n, gap, err)
				}
			}
		}
	}
}

// TestOpenSpare opens each size through every spare capacity and checks the
// plaintext, that it aliases the message (at the offset of the path taken,
// for GCM), and that the bytes past the message are as they were, on
// success and on an authentication failure.
func TestOpenSpare(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 24))
	src := make([]byte, 70000)
	for i := range src {
		src[i] = byte(rng.Uint32())
	}
	for _, c := range allCiphers {
		e, d := newPair(t, c)
		for _, n := range sampledSizes() {
			sid := rng.Uint64()
			sealed, err := e.Seal(nil, sid, src[:n])
			if err != nil {
				t.Fatal(err)
			}
			for _, spare := range spareCases {
				msg, check := guarded(len(sealed), spare)
				copy(msg, sealed)
				gotSID, p, err := d.Open(msg)
				if err != nil || gotSID != sid || !bytes.Equal(p, src[:n]) {
					t.Fatalf("%v len %d spare %d: Open = %#x, %v", c, n, spare, gotSID, err)
				}
				if !check() {
					t.Fatalf("%v len %d spare %d: Open changed bytes past the message", c, n, spare)
				}
				if n > 0 {
					off := TransformHeaderSize
					if isGCM(c) && spare < transformTagSize {
						off = offOriginalSize
					}
					if &p[0] != &msg[off] {
						t.Fatalf("%v len %d spare %d: plaintext not at msg[%d]", c, n, spare, off)
					}
				}
				// Tampered: a tag bit, then a ciphertext bit.
				for _, at := range []int{offTransformSignature + 5, len(sealed) - 1} {
					msg, check := guarded(len(sealed), spare)
					copy(msg, sealed)
					msg[at] ^= 0x10
					if _, _, err := d.Open(msg); !errors.Is(err, ErrDecrypt) {
						t.Fatalf("%v len %d spare %d: tampered byte %d: Open = %v", c, n, spare, at, err)
					}
					if !check() {
						t.Fatalf("%v len %d spare %d: failed Open changed bytes past the message", c, n, spare)
					}
				}
			}
		}
	}
}

// TestVectorsSpare runs the published examples through both GCM paths:
// the requests are sealed, and the requests and responses opened, with no
// capacity to spare and with 16 bytes of it.
func TestVectorsSpare(t *testing.T) {
	for _, v := range sealVectors {
		e, err := NewEncryptor(v.cipher, unhex(v.key))
		if err != nil {
			t.Fatal(err)
		}
		plain, want := unhex(v.plain), unhex(v.sealed)
		for _, spare := range []int{0, transformTagSize} {
			for _, inPlace := range []bool{false, true} {
				buf, check := guarded(len(want), spare)
				p := plain
				if inPlace {
					p = buf[TransformHeaderSize:]
					copy(p, plain)
				}
				got, err := e.seal(buf[:0], v.sessionID, nonceField(v.nonce), p)
				if err != nil || !bytes.Equal(got, want) || !check() {
					t.Errorf("%s (spare %d, in place %v): seal = %X, %v, guard intact %v", v.source, spare, inPlace, got, err, check())
				}
			}
		}
	}
	for _, set := range [][]transformVector{sealVectors, openVectors} {
		for _, v := range set {
			d, err := NewDecryptor(v.cipher, unhex(v.key))
			if err != nil {
				t.Fatal(err)
			}
			sealed := unhex(v.sealed)
			for _, spare := range []int{0, transformTagSize} {
				msg, check := guarded(len(sealed), spare)
				copy(msg, sealed)
				sid, p, err := d.Open(msg)
				if err != nil || sid != v.sessionID || !bytes.Equal(p, unhex(v.plain)) || !check() {
					t.Errorf("%s (spare %d): Open = %#x, %X, %v, guard intact %v", v.source, spare, sid, p, err, check())
				}
				if len(p) > 0 && !anyOverlap(p, msg) {
					t.Errorf("%s (spare %d): plaintext does not alias msg", v.source, spare)
				}
			}
		}
	}
}

// TestAllocationsSpare: neither GCM path allocates, with or without spare
// capacity.
func TestAllocationsSpare(t *testing.T) {
	if testing.Short() {
		t.Skip("allocation counts")
	}
	msg := make([]byte, 4096)
	for _, c := range allCiphers {
		e, d := newPair(t, c)
		for _, spare := range []int{0, transformTagSize} {
			buf := make([]byte, TransformHeaderSize+len(msg), TransformHeaderSize+len(msg)+spare)
			inPlace := buf[TransformHeaderSize:]
			if a := testing.AllocsPerRun(100, func() { _, _ = e.Seal(buf[:0], 1, inPlace) }); a != 0 {
				t.Errorf("%v Seal in place (spare %d): %v allocations", c, spare, a)
			}
			sealed, _ := e.Seal(nil, 1, msg)
			work := make([]byte, len(sealed), len(sealed)+spare)
			if a := testing.AllocsPerRun(100, func() {
				copy(work, sealed)
				if _, _, err := d.Open(work); err != nil {
					t.Fatal(err)
				}
			}); a != 0 {
				t.Errorf("%v Open (spare %d): %v allocations", c, spare, a)
			}
		}
	}
}
