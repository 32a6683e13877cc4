package wire

import (
	"encoding/binary"
	"errors"
	"testing"
)

// chainOf returns a compound chain of n bare headers (NextCommand set on
// all but the last).
func chainOf(n int) []byte {
	var buf []byte
	for i := range n {
		h := Header{Command: CmdEcho, MessageID: uint64(i), Flags: FlagServerToRedir}
		m := h.Append(nil)
		if i < n-1 {
			binary.LittleEndian.PutUint32(m[OffsetNextCommand:], uint32(len(m)))
		}
		buf = append(buf, m...)
	}
	return buf
}

func TestSplitCompound(t *testing.T) {
	for _, n := range []int{1, 2, 4, MaxCompoundMessages} {
		msgs, err := SplitCompound(chainOf(n))
		if err != nil || len(msgs) != n {
			t.Fatalf("chain of %d: %d messages, %v", n, len(msgs), err)
		}
		for i, m := range msgs {
			h, err := DecodeHeader(m)
			if err != nil || h.MessageID != uint64(i) || len(m) != HeaderSize {
				t.Fatalf("chain of %d, message %d: %+v, %d bytes, %v", n, i, h, len(m), err)
			}
		}
	}
}

// TestSplitCompoundBound: a chain one longer than MaxCompoundMessages, and
// a 16 MiB frame of headers, are refused without splitting them.
func TestSplitCompoundBound(t *testing.T) {
	for _, n := range []int{MaxCompoundMessages + 1, (1<<24 - 1) / HeaderSize} {
		msgs, err := SplitCompound(chainOf(n))
		if !errors.Is(err, ErrMalformed) || msgs != nil {
			t.Fatalf("chain of %d messages: %d split, %v; want ErrMalformed", n, len(msgs), err)
		}
	}
}

func TestSplitCompoundMalformed(t *testing.T) {
	two := chainOf(2)
	for name, mutate := range map[string]func([]byte) []byte{
		"short last message":    func(b []byte) []byte { binary.LittleEndian.PutUint32(b[OffsetNextCommand:], 2*HeaderSize-8); return b },
		"NextCommand unaligned": func(b []byte) []byte { binary.LittleEndian.PutUint32(b[OffsetNextCommand:], HeaderSize+4); return b },
		"NextCommand short":     func(b []byte) []byte { binary.LittleEndian.PutUint32(b[OffsetNextCommand:], 8); return b },
		"NextCommand past end":  func(b []byte) []byte { binary.LittleEndian.PutUint32(b[OffsetNextCommand:], 1<<20); return b },
		"protocol id":           func(b []byte) []byte { b[HeaderSize] = 0xfd; return b },
	} {
		b := mutate(append([]byte(nil), two...))
		if _, err := SplitCompound(b); !errors.Is(err, ErrMalformed) {
			t.Errorf("%s: %v, want ErrMalformed", name, err)
		}
	}
}

func FuzzSplitCompound(f *testing.F) {
	f.Add(chainOf(1))
	f.Add(chainOf(3))
	f.Fuzz(func(t *testing.T, b []byte) {
		msgs, err := SplitCompound(b)
		if err != nil {
			return
		}
		if len(msgs) > MaxCompoundMessages {
			t.Fatalf("%d messages", len(msgs))
		}
		total := 0
		for _, m := range msgs {
			if len(m) < HeaderSize {
				t.Fatalf("message of %d bytes", len(m))
			}
			total += len(m)
		}
		if total != len(b) {
			t.Fatalf("messages cover %d of %d bytes", total, len(b))
		}
	})
}
