package auth

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// ccBuilder marshals an MIT FILE credential cache by hand, following
// https://web.mit.edu/kerberos/krb5-1.12/doc/formats/ccache_file_format.html.
type ccBuilder struct {
	bytes.Buffer
	version int
}

func (b *ccBuilder) u16(v int)    { b.Write(binary.BigEndian.AppendUint16(nil, uint16(v))) }
func (b *ccBuilder) u32(v uint32) { b.Write(binary.BigEndian.AppendUint32(nil, v)) }
func (b *ccBuilder) data(d []byte) {
	b.u32(uint32(len(d)))
	b.Write(d)
}

func (b *ccBuilder) principal(realm string, comps ...string) {
	b.u32(1) // KRB5_NT_PRINCIPAL
	b.u32(uint32(len(comps)))
	b.data([]byte(realm))
	for _, c := range comps {
		b.data([]byte(c))
	}
}

type ccTestCred struct {
	server      []string // components; realm is the default realm
	end         time.Time
	addrs, auth int // entries of address and authorization data
}

const ccTestRealm = "SMB3FS.TEST"

func (b *ccBuilder) cred(c ccTestCred) {
	b.principal(ccTestRealm, "alice")
	b.principal(ccTestRealm, c.server...)
	b.u16(18) // aes256-cts-hmac-sha1-96
	if b.version == 3 {
		b.u16(18)
	}
	b.data(bytes.Repeat([]byte{0x4b}, 32))
	start := c.end.Add(-10 * time.Hour)
	b.u32(uint32(start.Unix()))
	b.u32(uint32(start.Unix()))
	b.u32(uint32(c.end.Unix()))
	b.u32(uint32(c.end.Add(14 * time.Hour).Unix()))
	b.WriteByte(0)
	b.u32(0x50e10000) // forwardable, renewable, initial, pre-authent
	b.u32(uint32(c.addrs))
	for i := 0; i < c.addrs; i++ {
		b.u16(2)
		b.data([]byte{192, 0, 2, byte(i)})
	}
	b.u32(uint32(c.auth))
	for i := 0; i < c.auth; i++ {
		b.u16(1)
		b.data([]byte{0x30, 0})
	}
	b.data([]byte{0x61, 0x03, 0x02, 0x01, 0x05}) // not a real ticket; not decoded here
	b.data(nil)
}

func buildCCache(version int, creds ...ccTestCred) []byte {
	b := &ccBuilder{version: version}
	b.WriteByte(5)
	b.WriteByte(byte(version))
	if version == 4 {
		b.u16(12)
		b.u16(1)
		b.u16(8)
		b.u32(0)
		b.u32(0)
	}
	b.principal(ccTestRealm, "alice")
	for _, c := range creds {
		b.cred(c)
	}
	return b.Bytes()
}

var ccTestTGT = []string{"krbtgt", ccTestRealm}
var ccTestCIFS = []string{"cifs", "dc1.smb3fs.test"}

func writeCCache(t *testing.T, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "ccache")
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func wantCCacheErr(t *testing.T, err error, want ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %q", want)
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Fatalf("err = %v, want %q", err, w)
		}
	}
}

// The cache kinit wrote for alice in the test environment: a config entry,
// the TGT and a cifs ticket, version 0x0504.
func realCCache(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/ccache-alice.bin")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestLoadCCacheReal(t *testing.T) {
	data := realCCache(t)
	p := writeCCache(t, data)
	cc, err := parseCCache(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := cc.DefaultPrincipal.PrincipalName.PrincipalNameString() + "@" + cc.DefaultPrincipal.Realm; got != "alice@"+ccTestRealm {
		t.Fatalf("default principal %s", got)
	}
	var tgtEnd time.Time
	for _, c := range cc.Credentials {
		if c.Server.PrincipalName.PrincipalNameString() == "krbtgt/"+ccTestRealm {
			tgtEnd = c.EndTime
		}
	}
	if tgtEnd.IsZero() {
		t.Fatal("no TGT in the test cache")
	}
	if _, err := loadCCache(p, tgtEnd.Add(-time.Minute)); err != nil {
		t.Fatalf("while current: %v", err)
	}
	// The stored ticket is long expired by the time this runs; a clock past
	// its end time shows the expiry error either way.
	_, err = loadCCache(p, tgtEnd.Add(time.Second))
	wantCCacheErr(t, err, "auth: kerberos: the ticket in credential cache "+p+" expired at "+tgtEnd.UTC().Format(time.RFC3339)+" (run kinit)")
	_, err = loadCCache(p, time.Now())
	if time.Now().Before(tgtEnd) {
		if err != nil {
			t.Fatal(err)
		}
	} else {
		wantCCacheErr(t, err, "expired at", "(run kinit)")
	}
}

// The walker's offsets locate the end times gokrb5 reads: rewriting them
// makes the real cache current or expired at will.
func TestCCacheRewriteEndTimes(t *testing.T) {
	data := realCCache(t)
	layout, err := ccWalk(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(layout.creds) < 2 || layout.version != 4 {
		t.Fatalf("layout %+v", layout)
	}
	rewrite := func(end time.Time) string {
		d := bytes.Clone(data)
		for _, c := range layout.creds {
			binary.BigEndian.PutUint32(d[c.endTimeOff:], uint32(end.Unix()))
			binary.BigEndian.PutUint32(d[c.renewOff:], uint32(end.Add(time.Hour).Unix()))
		}
		cc, err := parseCCache(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cc.Credentials {
			if !c.EndTime.Equal(end) {
				t.Fatalf("end time %v, want %v", c.EndTime, end)
			}
		}
		return writeCCache(t, d)
	}
	future := time.Now().Add(2 * time.Hour).Truncate(time.Second)
	cc, err := loadCCache(rewrite(future), time.Now())
	if err != nil {
		t.Fatalf("unexpired: %v", err)
	}
	if len(cc.Credentials) != len(layout.creds) {
		t.Fatalf("%d credentials", len(cc.Credentials))
	}
	past := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	p := rewrite(past)
	_, err = loadCCache(p, time.Now())
	wantCCacheErr(t, err, "auth: kerberos: the ticket in credential cache "+p+" expired at 2020-01-02T03:04:05Z (run kinit)")
}

func TestLoadCCacheBuilt(t *testing.T) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	later, earlier := now.Add(time.Hour), now.Add(-time.Hour)
	for _, v := range []int{3, 4} {
		cc, err := loadCCache(writeCCache(t, buildCCache(v,
			ccTestCred{server: ccTestTGT, end: later, addrs: 2, auth: 1},
			ccTestCred{server: ccTestCIFS, end: later})), now)
		if err != nil {
			t.Fatalf("version %d: %v", v, err)
		}
		if len(cc.Credentials) != 2 || len(cc.Credentials[0].Addresses) != 2 || len(cc.Credentials[0].AuthData) != 1 {
			t.Fatalf("version %d: parsed %+v", v, cc.Credentials)
		}
	}
	// An expired TGT is refused even beside a current service ticket.
	p := writeCCache(t, buildCCache(4, ccTestCred{server: ccTestCIFS, end: later}, ccTestCred{server: ccTestTGT, end: earlier}))
	_, err := loadCCache(p, now)
	wantCCacheErr(t, err, "auth: kerberos: the ticket in credential cache "+p+" expired at 2026-06-01T11:00:00Z (run kinit)")
	// No TGT but a current service ticket: passed on to gokrb5.
	if _, err := loadCCache(writeCCache(t, buildCCache(4, ccTestCred{server: ccTestCIFS, end: later})), now); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"no credentials":                 buildCCache(4),
		"only an expired service ticket": buildCCache(4, ccTestCred{server: ccTestCIFS, end: earlier}),
		"only a TGT of another realm":    buildCCache(4, ccTestCred{server: []string{"krbtgt", "OTHER.TEST"}, end: earlier}),
	} {
		p := writeCCache(t, data)
		_, err := loadCCache(p, now)
		if err == nil || err.Error() != "auth: kerberos: credential cache "+p+" holds no ticket for SMB3FS.TEST (run kinit)" {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestLoadCCacheDamaged(t *testing.T) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	good := buildCCache(4, ccTestCred{server: ccTestTGT, end: now.Add(time.Hour)})
	headerEnd := 2 + 2 + 12
	defPrincEnd := headerEnd + 4 + 4 + 4 + len(ccTestRealm) + 4 + len("alice")
	credStart := defPrincEnd
	// Offsets inside the first credential of good.
	princLen := func(comps ...string) int {
		n := 4 + 4 + 4 + len(ccTestRealm)
		for _, c := range comps {
			n += 4 + len(c)
		}
		return n
	}
	keyOff := credStart + princLen("alice") + princLen(ccTestTGT...)
	addrCountOff := keyOff + 2 + 4 + 32 + 16 + 1 + 4
	authCountOff := addrCountOff + 4
	ticketLenOff := authCountOff + 4
	set32 := func(off int, v uint32) []byte {
		d := bytes.Clone(good)
		binary.BigEndian.PutUint32(d[off:], v)
		return d
	}
	set16 := func(off int, v uint16) []byte {
		d := bytes.Clone(good)
		binary.BigEndian.PutUint16(d[off:], v)
		return d
	}
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "the file is empty"},
		{"one byte", []byte{5}, "version: truncated"},
		{"not a ccache", []byte("hello world"), "not an MIT credential cache"},
		{"version 0x0502", []byte{5, 2, 0, 0}, "unsupported version 0x0502"},
		{"version 0x0505", []byte{5, 5, 0, 0}, "unsupported version 0x0505"},
		{"header longer than the file", set16(2, 0xfff0), "header length"},
		{"header not whole fields", set16(2, 8), "header length 8"},
		{"unknown header tag", set16(4, 7), "header field tag 7"},
		{"huge component count", set32(headerEnd+4, 0xffffffff), "default principal component count"},
		{"negative realm length", set32(headerEnd+8, 0x80000000), "default principal realm"},
		{"realm longer than the file", set32(headerEnd+8, 1000), "exceeds"},
		{"huge key length", set32(keyOff+2, 0x7fffffff), "credential 1: key"},
		{"huge address count", set32(addrCountOff, 0x7fffffff), "credential 1: address count"},
		{"negative address count", set32(addrCountOff, 0xffffffff), "credential 1: address count"},
		{"address count beyond the data", set32(addrCountOff, 3), "credential 1: address"},
		{"huge authdata count", set32(authCountOff, 0x7fffffff), "credential 1: authorization data count"},
		{"negative authdata count", set32(authCountOff, 0x80000000), "credential 1: authorization data count"},
		{"huge ticket length", set32(ticketLenOff, 0xfffffffe), "credential 1: ticket"},
		{"trailing byte", append(bytes.Clone(good), 0), "credential 2: client name type: truncated"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := writeCCache(t, tc.data)
			_, err := loadCCache(p, now)
			wantCCacheErr(t, err, "auth: kerberos: credential cache "+p+" is damaged: ", tc.want)
			if strings.Contains(err.Error(), "KKKK") {
				t.Errorf("key bytes in the error: %v", err)
			}
		})
	}
	// The huge counts would make gokrb5 panic or allocate gigabytes.
	if cc, err := parseCCache(set32(addrCountOff, 0x7fffffff)); err == nil || cc != nil {
		t.Error("huge address count accepted")
	}
}

// Every truncation of a valid cache is refused as damaged, except the
// prefixes that end exactly at a credential boundary, which are valid
// caches with fewer credentials.
func TestLoadCCacheTruncated(t *testing.T) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	for name, data := range map[string][]byte{
		"real": realCCache(t),
		"v4":   buildCCache(4, ccTestCred{server: ccTestTGT, end: now.Add(time.Hour), addrs: 1, auth: 2}, ccTestCred{server: ccTestCIFS, end: now.Add(time.Hour)}),
		"v3":   buildCCache(3, ccTestCred{server: ccTestTGT, end: now.Add(time.Hour), addrs: 1, auth: 2}),
	} {
		layout, err := ccWalk(data)
		if err != nil {
			t.Fatal(err)
		}
		boundary := map[int]bool{}
		for _, c := range layout.creds {
			boundary[c.start] = true
		}
		for n := 0; n < len(data); n++ {
			_, err := parseCCache(data[:n])
			if boundary[n] {
				if err != nil {
					t.Errorf("%s: prefix %d at a credential boundary: %v", name, n, err)
				}
				continue
			}
			if err == nil {
				t.Errorf("%s: prefix of %d bytes accepted", name, n)
			}
		}
		p := writeCCache(t, data[:len(data)-1])
		_, err = loadCCache(p, now)
		wantCCacheErr(t, err, "auth: kerberos: credential cache "+p+" is damaged: credential ")
	}
}

func TestLoadCCacheFileKinds(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	_, err := loadCCache(dir, now)
	wantCCacheErr(t, err, "auth: kerberos: credential cache "+dir+" is not a regular file (a directory)")

	_, err = loadCCache(filepath.Join(dir, "missing"), now)
	wantCCacheErr(t, err, "auth: kerberos: credential cache "+filepath.Join(dir, "missing")+": ")
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}

	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := loadCCache(fifo, now)
		done <- err
	}()
	select {
	case err := <-done:
		wantCCacheErr(t, err, "auth: kerberos: credential cache "+fifo+" is not a regular file (a FIFO)")
	case <-time.After(10 * time.Second):
		// Unblock the stuck open before failing.
		if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
		t.Fatal("loading a FIFO blocked")
	}

	if _, err := os.Stat("/dev/zero"); err == nil {
		_, err := loadCCache("/dev/zero", now)
		wantCCacheErr(t, err, "auth: kerberos: credential cache /dev/zero is not a regular file (a character device)")
	}

	big := bytes.Clone(realCCache(t))
	big = append(big, make([]byte, maxCCacheSize)...)
	p := writeCCache(t, big)
	_, err = loadCCache(p, now)
	wantCCacheErr(t, err, "auth: kerberos: credential cache "+p+" is too large")

	// Exactly at the limit is read (and then found damaged, not too large).
	p = writeCCache(t, big[:maxCCacheSize])
	_, err = loadCCache(p, now)
	wantCCacheErr(t, err, "auth: kerberos: credential cache "+p+" is damaged: ")
}

// NewKerberos reports damaged and expired caches before any network
// traffic, and accepts a current one.
func TestNewKerberosCCache(t *testing.T) {
	dir := t.TempDir()
	conf := filepath.Join(dir, "krb5.conf")
	if err := os.WriteFile(conf, []byte("[libdefaults]\n default_realm = SMB3FS.TEST\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	expired := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, " is damaged: the file is empty"},
		{"one byte", []byte{5}, " is damaged: version: truncated"},
		{"huge address count", func() []byte {
			d := buildCCache(4, ccTestCred{server: ccTestTGT, end: later})
			// The address count of the only credential sits after the
			// fixed-size fields that end 12 bytes before the ticket.
			tail := 4 + 4 + 4 + 5 + 4 // address count, authdata count, ticket, second ticket
			binary.BigEndian.PutUint32(d[len(d)-tail:], 0x7fffffff)
			return d
		}(), " is damaged: credential 1: address count"},
		{"expired", buildCCache(4, ccTestCred{server: ccTestTGT, end: expired}), " expired at 2020-01-02T03:04:05Z (run kinit)"},
		{"no ticket", buildCCache(4), " holds no ticket for SMB3FS.TEST (run kinit)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := writeCCache(t, tc.data)
			_, err := NewKerberos(KerberosCredentials{Krb5Conf: conf, CCache: "FILE:" + p}, testSPN)
			wantCCacheErr(t, err, "auth: kerberos: ", p, tc.want)
		})
	}
	p := writeCCache(t, buildCCache(4, ccTestCred{server: ccTestTGT, end: later}))
	if _, err := NewKerberos(KerberosCredentials{Krb5Conf: conf, CCache: "FILE:" + p, Principal: "alice"}, testSPN); err != nil {
		t.Fatal(err)
	}
	_, err := NewKerberos(KerberosCredentials{Krb5Conf: conf, CCache: "DIR:" + dir}, testSPN)
	wantCCacheErr(t, err, "auth: kerberos: no credential cache DIR::"+filepath.Join(dir, "tkt")+" (run kinit)")
	_, err = NewKerberos(KerberosCredentials{Krb5Conf: conf, CCache: "API:x"}, testSPN)
	wantCCacheErr(t, err, "credential cache type API is not supported")
}

// FuzzLoadCCache: whatever the bytes, parsing returns (no panic), and what
// it allocates stays proportional to the input, never driven by a count
// in it.
func FuzzLoadCCache(f *testing.F) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	f.Add(buildCCache(4, ccTestCred{server: ccTestTGT, end: now, addrs: 1, auth: 1}))
	f.Add(buildCCache(3, ccTestCred{server: ccTestCIFS, end: now}))
	f.Add([]byte{5, 4, 0, 0})
	for _, tail := range []int{21, 17} { // address count, authorization data count
		d := buildCCache(4, ccTestCred{server: ccTestTGT, end: now})
		binary.BigEndian.PutUint32(d[len(d)-tail:], 0x7fffffff)
		f.Add(d)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		cc, err := parseCCache(data)
		runtime.ReadMemStats(&after)
		if err == nil {
			_ = checkCCacheTickets(cc, "fuzz", now)
		} else if cc != nil {
			t.Fatal("a cache with an error")
		}
		// gokrb5 turns every input byte into at most a few dozen bytes of
		// structs and string headers; a count it trusted would cost
		// gigabytes.
		if got, limit := after.TotalAlloc-before.TotalAlloc, uint64(64*len(data)+64<<10); got > limit {
			t.Fatalf("parsing %d bytes allocated %d (limit %d)", len(data), got, limit)
		}
	})
}

// A cache handed over as bytes (multiuser, cruid=) gets the checks a file
// does, and errors name the cache by the name given with it.
func TestExportCCacheAndCCacheData(t *testing.T) {
	dir := t.TempDir()
	conf := filepath.Join(dir, "krb5.conf")
	if err := os.WriteFile(conf, []byte("[libdefaults]\n default_realm = "+ccTestRealm+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	good := buildCCache(4, ccTestCred{server: ccTestTGT, end: later})
	p := writeCCache(t, good)
	t.Setenv("KRB5CCNAME", "FILE:"+p)
	name, data, err := ExportCCache(conf)
	if err != nil {
		t.Fatal(err)
	}
	if name != "FILE:"+p || !bytes.Equal(data, good) {
		t.Fatalf("ExportCCache = %q, %d bytes; want %q and the file's %d bytes", name, len(data), "FILE:"+p, len(good))
	}
	if _, err := NewKerberos(KerberosCredentials{Krb5Conf: conf, CCache: "KCM:1000", CCacheData: data}, testSPN); err != nil {
		t.Fatal(err)
	}
	expired := buildCCache(4, ccTestCred{server: ccTestTGT, end: time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)})
	_, err = NewKerberos(KerberosCredentials{Krb5Conf: conf, CCache: "KCM:1000", CCacheData: expired}, testSPN)
	wantCCacheErr(t, err, "credential cache KCM:1000 expired at 2020-01-02T03:04:05Z (run kinit)")
	os.WriteFile(p, expired, 0o600)
	_, _, err = ExportCCache(conf)
	wantCCacheErr(t, err, p, "(run kinit)")
}
