package auth

import (
	"encoding/binary"
	"strings"
	"testing"
	"time"
)

func TestParseKeyringResidual(t *testing.T) {
	for res, want := range map[string]keyringName{
		"persistent:1000":        {anchor: "persistent", collection: "1000"},
		"persistent:1000:krb_x1": {anchor: "persistent", collection: "1000", subsidiary: "krb_x1", hasSubsidiary: true},
		"persistent":             {anchor: "legacy", collection: "persistent"},
		"session:foo":            {anchor: "session", collection: "foo"},
		"user:":                  {anchor: "user", collection: ""},
		"process:p:q:r":          {anchor: "process", collection: "p", subsidiary: "q:r", hasSubsidiary: true},
		"thread:t":               {anchor: "thread", collection: "t"},
		"mycache":                {anchor: "legacy", collection: "mycache"},
	} {
		got, err := parseKeyringResidual(res)
		if err != nil || got != want {
			t.Errorf("%q = %+v, %v; want %+v", res, got, err, want)
		}
	}
	for _, res := range []string{"bogus:x", "session:x:", "", "legacy:"} {
		if n, err := parseKeyringResidual(res); err == nil {
			t.Errorf("%q accepted: %+v", res, n)
		}
	}
	n, _ := parseKeyringResidual("persistent:")
	if u, err := n.persistentUID(42); u != 42 || err != nil || n.defaultSubsidiary() != "tkt" {
		t.Errorf("persistent: %d %v %q", u, err, n.defaultSubsidiary())
	}
	n, _ = parseKeyringResidual("persistent:x1")
	if _, err := n.persistentUID(42); err == nil {
		t.Error("persistent:x1 accepted")
	}
	n, _ = parseKeyringResidual("persistent:1000")
	n.subsidiary = n.defaultSubsidiary()
	if n.full() != "KEYRING:persistent:1000:1000" {
		t.Errorf("full %q", n.full())
	}
}

func keyringPrimary(version uint32, name string) []byte {
	b := binary.BigEndian.AppendUint32(nil, version)
	b = binary.BigEndian.AppendUint32(b, uint32(len(name)))
	return append(b, name...)
}

func TestParseKeyringPrimary(t *testing.T) {
	if n, err := parseKeyringPrimary(keyringPrimary(1, "krb_ccache_AbC")); err != nil || n != "krb_ccache_AbC" {
		t.Errorf("%q %v", n, err)
	}
	for _, b := range [][]byte{
		nil, {0, 0, 0, 1}, keyringPrimary(2, "x"), keyringPrimary(1, ""),
		append(keyringPrimary(1, "x"), 0), keyringPrimary(1, "x")[:8], keyringPrimary(1, "a\x00b"),
	} {
		if _, err := parseKeyringPrimary(b); err == nil {
			t.Errorf("%x accepted", b)
		}
	}
}

func TestParseKeyDescription(t *testing.T) {
	d, err := parseKeyDescription("user;1000;1000;3f010000;krbtgt/X@X;with;semicolons")
	if err != nil || d.typ != "user" || d.uid != 1000 || d.desc != "krbtgt/X@X;with;semicolons" {
		t.Errorf("%+v %v", d, err)
	}
	for _, s := range []string{"", "user;1000", "user;x;0;0;d"} {
		if _, err := parseKeyDescription(s); err == nil {
			t.Errorf("%q accepted", s)
		}
	}
	if l, err := parseKeyList(binary.NativeEndian.AppendUint32(binary.NativeEndian.AppendUint32(nil, 7), 0xfffffffe)); err != nil || len(l) != 2 || l[0] != 7 || l[1] != -2 {
		t.Errorf("%v %v", l, err)
	}
	if _, err := parseKeyList(make([]byte, 5)); err == nil {
		t.Error("5 bytes accepted")
	}
	if _, err := parseKeyList(make([]byte, 4*(maxKeyringKeys+1))); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Error("too many keys accepted")
	}
}

// FuzzKeyringPayload: the decoders of keyring key payloads and
// descriptions (and the DIR primary file) never panic, and a principal
// and credential pair fileCCache accepts is a cache the FILE validator
// accepts.
func FuzzKeyringPayload(f *testing.F) {
	later := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	princ, creds := ccParts(f, buildCCache(4, ccTestCred{server: ccTestCIFS, end: later, addrs: 2}))
	f.Add(princ, creds[0])
	f.Add(keyringPrimary(1, "krb_ccache_X"), []byte("user;0;0;3f010000;__krb5_princ__"))
	f.Add([]byte("tkt\n"), []byte{1, 0, 0, 0, 2, 0, 0, 0})
	f.Fuzz(func(t *testing.T, a, b []byte) {
		parseKeyringPrimary(a)
		parseKeyDescription(string(b))
		parseKeyList(b)
		parseDirPrimary(a)
		if data, err := fileCCache(a, [][]byte{b}); err == nil {
			if _, err := parseCCache(data); err != nil {
				t.Fatalf("key payloads accepted, cache refused: %v", err)
			}
		}
	})
}
