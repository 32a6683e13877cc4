package wire

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The test helpers of every codec. They were written twice, once for the
// file-operation codecs ("ft" names) and once for the negotiate/session
// ones ("sess" names); where both halves need the same thing, one name now
// calls the other so there is one implementation (fixture_test.go has the
// fixture loader).

// ftHeader returns a 64-byte SMB2 header for cmd (a request, or a response
// when resp is set).
func ftHeader(cmd Command, resp bool) []byte {
	h := Header{Command: cmd, MessageID: 7, TreeID: 1, SessionID: 0x1122334455667788, Credits: 1}
	if resp {
		h.Flags = FlagServerToRedir
	}
	return h.Append(nil)
}

// ftLE builds expected bytes field by field: each argument is a uint8,
// uint16, uint32, uint64 (little-endian), []byte or string (raw bytes).
func ftLE(fields ...any) []byte {
	var b []byte
	for _, f := range fields {
		switch v := f.(type) {
		case uint8:
			b = append(b, v)
		case uint16:
			b = binary.LittleEndian.AppendUint16(b, v)
		case uint32:
			b = binary.LittleEndian.AppendUint32(b, v)
		case uint64:
			b = binary.LittleEndian.AppendUint64(b, v)
		case []byte:
			b = append(b, v...)
		case string:
			b = append(b, v...)
		default:
			panic(fmt.Sprintf("ftLE: unsupported %T", f))
		}
	}
	return b
}

// ftU16s is the UTF-16LE encoding of an ASCII string, written out by hand
// (not with AppendUTF16) for pinned tests.
func ftU16s(s string) []byte {
	var b []byte
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}

// ftZeros returns n zero bytes.
func ftZeros(n int) []byte { return make([]byte, n) }

// ftPatch returns a copy of b with v written little-endian at off; v is a
// uint8, uint16, uint32 or uint64.
func ftPatch(b []byte, off int, v any) []byte {
	c := append([]byte(nil), b...)
	switch x := v.(type) {
	case uint8:
		c[off] = x
	case uint16:
		binary.LittleEndian.PutUint16(c[off:], x)
	case uint32:
		binary.LittleEndian.PutUint32(c[off:], x)
	case uint64:
		binary.LittleEndian.PutUint64(c[off:], x)
	default:
		panic(fmt.Sprintf("ftPatch: unsupported %T", v))
	}
	return c
}

// ftMalformed fails unless err wraps ErrMalformed.
func ftMalformed(t testing.TB, err error, what string) {
	t.Helper()
	if err == nil {
		t.Fatalf("%s: decoded without error", what)
	}
	if !errors.Is(err, ErrMalformed) {
		t.Fatalf("%s: error %v does not wrap ErrMalformed", what, err)
	}
}

// ftMsgRoundTrip is sessRoundTrip expecting m itself back.
func ftMsgRoundTrip[T any](t *testing.T, cmd Command, resp bool, m *T, enc func(*T, []byte) []byte, dec func([]byte) (*T, error)) []byte {
	t.Helper()
	return sessRoundTrip(t, cmd, resp, m, nil, enc, dec)
}

// ftInfoRoundTrip is ftMsgRoundTrip for information-class structures.
func ftInfoRoundTrip[T any](t *testing.T, m *T, enc func(*T) []byte, dec func([]byte) (*T, error)) []byte {
	t.Helper()
	b := enc(m)
	got, err := dec(b)
	if err != nil {
		t.Fatalf("%T: decode of own encoding: %v", m, err)
	}
	if !reflect.DeepEqual(got, m) {
		t.Fatalf("%T round trip:\n got %+v\nwant %+v", m, got, m)
	}
	return b
}

// ftTruncations decodes every prefix of b shorter than mustFailBelow and
// requires an ErrMalformed error; longer prefixes only must not panic.
func ftTruncations[T any](t *testing.T, b []byte, mustFailBelow int, dec func([]byte) (T, error)) {
	t.Helper()
	for n := 0; n < len(b); n++ {
		_, err := dec(b[:n:n])
		if n < mustFailBelow {
			ftMalformed(t, err, fmt.Sprintf("truncated to %d of %d bytes", n, len(b)))
		}
	}
}

// ftListTruncations is ftTruncations for entry lists, where an empty
// buffer is a valid, empty list.
func ftListTruncations[T any](t *testing.T, b []byte, mustFailBelow int, dec func([]byte) (T, error)) {
	t.Helper()
	ftTruncations(t, b[1:], mustFailBelow-1, func(c []byte) (T, error) { return dec(b[:len(c)+1]) })
}

// ftFuzzMsg runs a message decoder on arbitrary bytes; whatever it accepts
// must re-encode (after the same header) to a message that decodes to the
// same value.
func ftFuzzMsg[T any](f *testing.F, seeds [][]byte, enc func(*T, []byte) []byte, dec func([]byte) (*T, error), norm func(*T)) {
	reencode := func(in []byte, m *T) ([]byte, error) { return enc(m, append([]byte(nil), in[:HeaderSize]...)), nil }
	fuzzReencode(f, seeds, reencode, dec, norm)
}

// ftFuzzInfo is ftFuzzMsg for information-class structures and other
// buffers without a header.
func ftFuzzInfo[T any](f *testing.F, seeds [][]byte, enc func(T) ([]byte, error), dec func([]byte) (T, error), norm func(T)) {
	fuzzReencode(f, seeds, func(_ []byte, m T) ([]byte, error) { return enc(m) }, dec, norm)
}

// fuzzReencode is the one fuzz body of the package: dec either rejects the
// input with an error wrapping ErrMalformed, or accepts it, and then
// reencode (given the input, for its header) must produce bytes that
// decode to the same value, after norm when it is not nil. An encoder may
// refuse a decoded value with ErrTooLarge: a valid input need not have a
// canonical encoding that fits (two symlink names sharing bytes, for
// instance).
func fuzzReencode[T any](f *testing.F, seeds [][]byte, reencode func(in []byte, m T) ([]byte, error), dec func([]byte) (T, error), norm func(T)) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := dec(b)
		if err != nil {
			if !errors.Is(err, ErrMalformed) {
				t.Fatalf("error %v does not wrap ErrMalformed", err)
			}
			return
		}
		if norm != nil {
			norm(m)
		}
		out, err := reencode(b, m)
		if errors.Is(err, ErrTooLarge) {
			return
		}
		if err != nil {
			t.Fatalf("re-encoding of %+v: %v", m, err)
		}
		again, err := dec(out)
		if err != nil {
			t.Fatalf("re-encoding of %+v does not decode: %v", m, err)
		}
		if norm != nil {
			norm(again)
		}
		if !reflect.DeepEqual(m, again) {
			t.Fatalf("re-encoding changed the value:\n%+v\n%+v", m, again)
		}
	})
}

// ftNoErr adapts an encoder without error to ftFuzzInfo.
func ftNoErr[T any](enc func(T) []byte) func(T) ([]byte, error) {
	return func(m T) ([]byte, error) { return enc(m), nil }
}

// ftSambaSeeds registers Samba captures as fuzz seeds: each fixture as a
// whole message for its message decoder, and the buffer inside the
// QUERY_INFO/QUERY_DIRECTORY/CHANGE_NOTIFY/SET_INFO ones for the decoder of
// its class.
func ftSambaSeeds() {
	msg := map[string]string{
		"create-request-root": "FuzzDecodeCreateRequest", "create-request-file": "FuzzDecodeCreateRequest",
		"create-response-root": "FuzzDecodeCreateResponse", "create-response-file": "FuzzDecodeCreateResponse",
		"query-directory-request": "FuzzDecodeQueryDirectoryRequest", "query-directory-response": "FuzzDecodeQueryDirectoryResponse",
		"close-request": "FuzzDecodeCloseRequest", "close-response": "FuzzDecodeCloseResponse",
		"read-request": "FuzzDecodeReadRequest", "read-response": "FuzzDecodeReadResponse",
		"write-request": "FuzzDecodeWriteRequest", "write-response": "FuzzDecodeWriteResponse",
		"ioctl-request-snapshots": "FuzzDecodeIoctlRequest", "set-info-request-rename": "FuzzDecodeSetInfoRequest",
		"set-info-response": "FuzzDecodeSetInfoResponse", "change-notify-request": "FuzzDecodeChangeNotifyRequest",
		"change-notify-response": "FuzzDecodeChangeNotifyResponse",
		"query-info-request-all": "FuzzDecodeQueryInfoRequest", "query-info-response-all": "FuzzDecodeQueryInfoResponse",
	}
	for _, name := range slices.Sorted(maps.Keys(msg)) {
		if b, err := readFixture(fileopsCaptures, name); err == nil {
			ftAddSeeds(msg[name], b)
		}
	}
	buffers := map[string]string{
		"query-info-response-fs-size": "FuzzDecodeFileFsSizeInformation", "query-info-response-all": "FuzzDecodeFileAllInformation",
		"query-info-response-stream": "FuzzDecodeFileStreamInformation", "query-info-response-fs-volume": "FuzzDecodeFileFsVolumeInformation",
		"query-info-response-security": "FuzzDecodeSecurityDescriptor", "change-notify-response": "FuzzDecodeFileNotifyInformation",
	}
	for _, name := range slices.Sorted(maps.Keys(buffers)) {
		if b, err := readFixture(fileopsCaptures, name); err == nil {
			if buf, err := decodeOutputResponse(b, name); err == nil {
				ftAddSeeds(buffers[name], buf)
			}
		}
	}
	if b, err := readFixture(fileopsCaptures, "query-directory-response"); err == nil {
		if buf, err := decodeOutputResponse(b, "dir"); err == nil {
			// Index 3 of ftDirClasses is FileIdBothDirectoryInformation.
			ftAddSeeds("FuzzDecodeDirEntries", append([]byte{3}, buf...))
		}
	}
	if b, err := readFixture(fileopsCaptures, "set-info-request-rename"); err == nil {
		if m, err := DecodeSetInfoRequest(b); err == nil {
			ftAddSeeds("FuzzDecodeFileRenameInformation", m.Buffer)
		}
	}
}

func init() { ftSambaSeeds() }

// ftSamba decodes the Samba capture name with dec and checks that enc,
// given the captured header, reproduces the capture byte for byte (Samba
// and this package lay messages out the same way). It returns the decoded
// message and the capture.
func ftSamba[T any](t *testing.T, name string, dec func([]byte) (*T, error), enc func(*T, []byte) []byte) (*T, []byte) {
	t.Helper()
	b := fixture(t, fileopsCaptures, name)
	m, err := dec(b)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if out := enc(m, append([]byte(nil), b[:HeaderSize]...)); !bytes.Equal(out, b) {
		t.Fatalf("%s: re-encoding differs from Samba's\nsamba % x\n ours % x", name, b[HeaderSize:], out[HeaderSize:])
	}
	return m, b
}

// ftSeeds collects the encodings the fuzz targets start from. Each test file
// registers its seeds here (see init functions); TestFileOpsWriteFuzzSeeds
// writes them to testdata/fuzz when WIRE_WRITE_FUZZ_SEEDS=1.
var ftSeeds = map[string][][]byte{}

func ftAddSeeds(fuzzName string, seeds ...[]byte) {
	ftSeeds[fuzzName] = append(ftSeeds[fuzzName], seeds...)
}

// TestFileOpsWriteFuzzSeeds writes each registered seed as a corpus file
// testdata/fuzz/FuzzName/seed-N, in the format go test reads. It runs only
// with WIRE_WRITE_FUZZ_SEEDS=1, to refresh the checked-in corpus.
func TestFileOpsWriteFuzzSeeds(t *testing.T) {
	if os.Getenv("WIRE_WRITE_FUZZ_SEEDS") != "1" {
		t.Skip("set WIRE_WRITE_FUZZ_SEEDS=1 to rewrite testdata/fuzz seeds")
	}
	for name, seeds := range ftSeeds {
		dir := filepath.Join("testdata", "fuzz", name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for i, s := range seeds {
			content := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", s)
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("seed-%d", i)), []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func TestWalkEntries(t *testing.T) {
	// Three 8-byte entries: 16 -> 8 -> end.
	buf := ftLE(uint32(16), uint32(1), ftZeros(8), uint32(8), uint32(2), uint32(0), uint32(3))
	var got []uint32
	err := walkEntries(buf, 8, 8, "entry", func(e []byte) error {
		got = append(got, binary.LittleEndian.Uint32(e[4:]))
		return nil
	})
	if err != nil || !reflect.DeepEqual(got, []uint32{1, 2, 3}) {
		t.Fatalf("walk = %v, %v", got, err)
	}
	bad := map[string][]byte{
		"misaligned next":   ftLE(uint32(12), uint32(1), uint32(0), uint32(0), uint32(0), uint32(0)),
		"next below min":    ftLE(uint32(4), uint32(1), uint32(0), uint32(0)),
		"next outside":      ftLE(uint32(16), uint32(1)),
		"short last entry":  ftLE(uint32(8), uint32(1), uint32(0)),
		"short first entry": ftLE(uint32(0)),
	}
	for name, b := range bad {
		err := walkEntries(b, 8, 8, "entry", func([]byte) error { return nil })
		ftMalformed(t, err, name)
	}
	// An empty buffer has no entries.
	if err := walkEntries(nil, 8, 8, "entry", func([]byte) error { t.Fatal("called"); return nil }); err != nil {
		t.Fatal(err)
	}
}

func TestAppendEntriesPads(t *testing.T) {
	b := appendEntries(nil, 3, 8, func(b []byte, i int) []byte {
		return append(appendU32(b, 0), byte(i))
	})
	want := ftLE(uint32(8), uint8(0), ftZeros(3), uint32(8), uint8(1), ftZeros(3), uint32(0), uint8(2))
	if !reflect.DeepEqual(b, want) {
		t.Fatalf("appendEntries = % x, want % x", b, want)
	}
}

func TestFileBufferBounds(t *testing.T) {
	msg := make([]byte, 100)
	cases := []struct {
		off, n uint64
		ok     bool
	}{
		{80, 20, true},
		{80, 21, false},
		{79, 1, false}, // inside the fixed part
		{0, 0, true},   // empty: any offset
		{1 << 40, 0, true},
		{1 << 40, 1, false},
		{80, 1 << 40, false},
		{^uint64(0), ^uint64(0), false},
	}
	for _, c := range cases {
		_, err := buffer(msg, c.off, c.n, 80, "buf")
		if (err == nil) != c.ok {
			t.Errorf("buffer(off %d, n %d) err = %v, want ok %v", c.off, c.n, err, c.ok)
		}
	}
}

func TestFileBodyStructureSize(t *testing.T) {
	msg := append(ftHeader(CmdClose, false), ftLE(uint16(25), ftZeros(22))...)
	_, err := bodyReader(msg, 24, 24, "CLOSE")
	ftMalformed(t, err, "bad StructureSize")
	_, err = bodyReader(msg[:70], 24, 24, "CLOSE")
	ftMalformed(t, err, "short body")
}

// Helpers first written for the NEGOTIATE, SESSION_SETUP, TREE_CONNECT and
// misc message tests.

// sessHeader is ftHeader.
func sessHeader(cmd Command, response bool) []byte { return ftHeader(cmd, response) }

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
		case err == nil && !slices.Contains(ok, n):
			t.Errorf("truncated to %d of %d bytes: no error", n, len(msg))
		case err != nil && !errors.Is(err, ErrMalformed):
			t.Errorf("truncated to %d bytes: error %v does not wrap ErrMalformed", n, err)
		}
	}
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
