package auth

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// DIR layouts: the primary file, its absence, bad primaries, DIR::path,
// and the ownership checks of the directory.
func TestDirCCache(t *testing.T) {
	uid := os.Getuid()
	later := time.Now().Add(time.Hour)
	good := buildCCache(4, ccTestCred{server: ccTestTGT, end: later})
	dir := filepath.Join(t.TempDir(), "cc")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}

	// No primary file, no tkt: no cache, named as MIT names it.
	_, _, err := readCCacheNamed("DIR:"+dir, "", uid)
	var nc *NoCCacheError
	if !errors.As(err, &nc) || nc.Name != "DIR::"+dir+"/tkt" ||
		err.Error() != "auth: kerberos: no credential cache DIR::"+dir+"/tkt (run kinit)" {
		t.Fatalf("empty collection: %v", err)
	}

	writeFile(t, filepath.Join(dir, "tkt"), string(good))
	full, data, err := readCCacheNamed("DIR:"+dir, "", uid)
	if err != nil || full != "DIR::"+dir+"/tkt" || string(data) != string(good) {
		t.Fatalf("no primary file: %q %v", full, err)
	}

	writeFile(t, filepath.Join(dir, "tktAB12"), string(good))
	writeFile(t, filepath.Join(dir, "primary"), "tktAB12\n")
	if full, _, err := readCCacheNamed("DIR:"+dir, "", uid); err != nil || full != "DIR::"+dir+"/tktAB12" {
		t.Fatalf("primary file: %q %v", full, err)
	}
	if full, _, err := readCCacheNamed("DIR::"+dir+"/tktAB12", "", uid); err != nil || full != "DIR::"+dir+"/tktAB12" {
		t.Fatalf("DIR::path: %q %v", full, err)
	}

	for content, want := range map[string]string{
		"tktAB12":                       "newline",
		"other\n":                       "not a cache file name",
		"tkt/../x\n":                    "not a cache file name",
		"":                              "newline",
		strings.Repeat("t", 64) + "\n":  "too long",
		"tkt" + strings.Repeat("x", 61): "newline",
	} {
		writeFile(t, filepath.Join(dir, "primary"), content)
		_, _, err := readCCacheNamed("DIR:"+dir, "", uid)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "DIR:"+dir) {
			t.Errorf("primary %q: %v, want %q", content, err, want)
		}
	}

	for res, want := range map[string]string{
		":tkt":                            "no directory",
		":" + dir + "/notkt":              `does not begin with "tkt"`,
		"":                                "names no directory",
		":" + dir + "/tktmissing":         "no credential cache DIR::" + dir + "/tktmissing (run kinit)",
		filepath.Join(dir, "nonexistent"): "no credential cache DIR::" + dir + "/nonexistent/tkt (run kinit)",
	} {
		_, _, err := readCCacheNamed("DIR:"+res, "", uid)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("DIR:%s: %v, want %q", res, err, want)
		}
	}

	// A directory others may write to is refused, for the primary file
	// and the caches alike.
	os.Remove(filepath.Join(dir, "primary"))
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	_, _, err = readCCacheNamed("DIR:"+dir, "", uid)
	if !errors.Is(err, errUnsafeFile) {
		t.Errorf("world-writable directory: %v", err)
	}
	writeFile(t, filepath.Join(dir, "primary"), "tkt\n")
	_, _, err = readCCacheNamed("DIR:"+dir, "", uid)
	if !errors.Is(err, errUnsafeFile) {
		t.Errorf("world-writable directory with a primary file: %v", err)
	}
	os.Chmod(dir, 0o700)

	// The cache goes through the one validator: expired is one line.
	expired := buildCCache(4, ccTestCred{server: ccTestTGT, end: time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)})
	writeFile(t, filepath.Join(dir, "tkt"), string(expired))
	conf := writeFile(t, filepath.Join(t.TempDir(), "krb5.conf"), "[libdefaults]\n default_realm = "+ccTestRealm+"\n")
	_, err = NewKerberos(KerberosCredentials{Krb5Conf: conf, CCache: "DIR:" + dir}, testSPN)
	if err == nil || err.Error() != "auth: kerberos: the ticket in credential cache DIR::"+dir+"/tkt expired at 2020-01-02T03:04:05Z (run kinit)" {
		t.Errorf("expired: %v", err)
	}
}

func TestParseDirPrimary(t *testing.T) {
	if n, err := parseDirPrimary([]byte("tktXYZ\nrest")); err != nil || n != "tktXYZ" {
		t.Errorf("%q %v", n, err)
	}
	if n, err := parseDirPrimary([]byte("tkt\n")); err != nil || n != "tkt" {
		t.Errorf("%q %v", n, err)
	}
	for _, b := range []string{"tkt\x00\n", "tkt\\x\n", "\n", "x\n"} {
		if _, err := parseDirPrimary([]byte(b)); err == nil {
			t.Errorf("%q accepted", b)
		}
	}
}
