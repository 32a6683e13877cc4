package fs

import (
	"bytes"
	"testing"

	"github.com/hanwen/go-fuse/v2/fuse"

	"github.com/smb3fs/smb3fs/client"
)

func TestFrameResult(t *testing.T) {
	for _, bufs := range [][][]byte{nil, {[]byte("abc")}, {[]byte("abc"), []byte("defg"), []byte("h")}} {
		rb := &client.ReadBuffers{Bufs: bufs}
		want := bytes.Join(bufs, nil)
		r := &frameResult{rb: rb, n: rb.Len()}
		if r.Size() != len(want) {
			t.Fatalf("Size = %d, want %d", r.Size(), len(want))
		}
		for _, scratch := range [][]byte{nil, make([]byte, 2), make([]byte, 64)} {
			got, st := r.Bytes(scratch)
			if st != fuse.OK || !bytes.Equal(got, want) {
				t.Fatalf("Bytes(%d-byte buffer) = %q, %v; want %q", len(scratch), got, st, want)
			}
		}
		sl, st := r.Slices()
		if st != fuse.OK || !bytes.Equal(bytes.Join(sl, nil), want) {
			t.Fatalf("Slices = %q, %v; want %q", sl, st, want)
		}
		r.Done()
		if rb.Len() != 0 {
			t.Fatal("Done left the buffers held")
		}
	}
	// go-fuse writes a result with Slices straight to /dev/fuse with
	// writev: it must keep satisfying that (unexported) interface.
	var r fuse.ReadResult = &frameResult{rb: &client.ReadBuffers{}}
	if _, ok := r.(interface {
		Slices() ([][]byte, fuse.Status)
	}); !ok {
		t.Fatal("frameResult has no Slices method")
	}
}
