package auth

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// keyringLayout builds MIT's layout under this process's keyring: the
// collection "_krb_<col>", an optional primary key, and a cache keyring
// sub holding the principal and the credentials of cache.
func keyringLayout(t *testing.T, col, primary, sub string, cache []byte) (colID, cacheID int) {
	t.Helper()
	var err error
	colID, err = unix.AddKey("keyring", krccCollectionPrefix+col, nil, unix.KEY_SPEC_PROCESS_KEYRING)
	if err != nil {
		t.Fatalf("keyring: %v", err)
	}
	t.Cleanup(func() { unix.KeyctlInt(unix.KEYCTL_UNLINK, colID, unix.KEY_SPEC_PROCESS_KEYRING, 0, 0) })
	if primary != "" {
		if _, err := unix.AddKey("user", krccPrimaryKey, keyringPrimary(1, primary), colID); err != nil {
			t.Fatal(err)
		}
	}
	if sub == "" {
		return colID, 0
	}
	if cacheID, err = unix.AddKey("keyring", sub, nil, colID); err != nil {
		t.Fatal(err)
	}
	if cache == nil {
		return colID, cacheID
	}
	princ, creds := ccParts(t, cache)
	if _, err := unix.AddKey("user", krccPrincKey, princ, cacheID); err != nil {
		t.Fatal(err)
	}
	if _, err := unix.AddKey("user", krccTimeOffsetsKey, make([]byte, 8), cacheID); err != nil {
		t.Fatal(err)
	}
	for i, c := range creds {
		if _, err := unix.AddKey("user", "cred"+string(rune('a'+i)), c, cacheID); err != nil {
			t.Fatal(err)
		}
	}
	return colID, cacheID
}

// KEYRING caches in MIT's layout, in the process keyring (which belongs
// to this test process alone): primary key, default primary, explicit
// subsidiary, missing pieces, a foreign owner, malformed keys.
func TestKeyringCCache(t *testing.T) {
	if _, err := unix.KeyctlGetKeyringID(unix.KEY_SPEC_PROCESS_KEYRING, true); err != nil {
		t.Fatalf("kernel keyrings: %v", err)
	}
	uid := os.Getuid()
	later := time.Now().Add(time.Hour)
	cache := buildCCache(4, ccTestCred{server: ccTestTGT, end: later}, ccTestCred{server: ccTestCIFS, end: later})
	princ, creds := ccParts(t, cache)
	// The kernel lists a keyring's keys in an order of its own.
	sameCache := func(data []byte) bool {
		p, c := ccParts(t, data)
		if string(p) != string(princ) || len(c) != len(creds) {
			return false
		}
		for _, want := range creds {
			found := false
			for _, got := range c {
				found = found || string(got) == string(want)
			}
			if !found {
				return false
			}
		}
		return true
	}

	keyringLayout(t, "t1", "krb_ccache_X", "krb_ccache_X", cache)
	full, data, err := readCCacheNamed("KEYRING:process:t1", "", uid)
	if err != nil || full != "KEYRING:process:t1:krb_ccache_X" || !sameCache(data) {
		t.Fatalf("primary key: %q %v", full, err)
	}
	if _, err := loadCCacheData(data, full, time.Now()); err != nil {
		t.Fatal(err)
	}

	keyringLayout(t, "t2", "", "t2", cache)
	if full, _, err := readCCacheNamed("KEYRING:process:t2", "", uid); err != nil || full != "KEYRING:process:t2:t2" {
		t.Fatalf("no primary key: %q %v", full, err)
	}
	if full, _, err := readCCacheNamed("KEYRING:process:t2:t2", "", uid); err != nil || full != "KEYRING:process:t2:t2" {
		t.Fatalf("subsidiary: %q %v", full, err)
	}

	var nc *NoCCacheError
	for name, want := range map[string]string{
		"KEYRING:process:absent":             "KEYRING:process:absent:absent",
		"KEYRING:process:t2:absent":          "KEYRING:process:t2:absent",
		"KEYRING:session:smb3fs-test-absent": "KEYRING:session:smb3fs-test-absent:smb3fs-test-absent",
	} {
		_, _, err := readCCacheNamed(name, "", uid)
		if !errors.As(err, &nc) || nc.Name != want || err.Error() != "auth: kerberos: no credential cache "+want+" (run kinit)" {
			t.Errorf("%s: %v", name, err)
		}
	}
	keyringLayout(t, "t3", "", "t3", nil) // a cache keyring without a principal
	if _, _, err := readCCacheNamed("KEYRING:process:t3", "", uid); !errors.As(err, &nc) {
		t.Errorf("uninitialised: %v", err)
	}

	colID, _ := keyringLayout(t, "t4", "", "", nil)
	unix.AddKey("user", krccPrimaryKey, keyringPrimary(7, "x"), colID)
	if _, _, err := readCCacheNamed("KEYRING:process:t4", "", uid); err == nil || !strings.Contains(err.Error(), "version 7") {
		t.Errorf("bad primary: %v", err)
	}

	_, cacheID := keyringLayout(t, "t5", "", "t5", nil)
	unix.AddKey("user", krccPrincKey, princ[:len(princ)-2], cacheID)
	if _, _, err := readCCacheNamed("KEYRING:process:t5", "", uid); err == nil || !strings.Contains(err.Error(), "malformed key") {
		t.Errorf("bad principal: %v", err)
	}

	_, cacheID = keyringLayout(t, "t6", "", "t6", cache)
	unix.AddKey("user", "junk", []byte{1, 2, 3}, cacheID)
	if _, _, err := readCCacheNamed("KEYRING:process:t6", "", uid); err == nil || !strings.Contains(err.Error(), "malformed key: credential ") {
		t.Errorf("bad credential: %v", err)
	}

	// Keys of another user are refused (only root can make them).
	if uid == 0 {
		_, cacheID = keyringLayout(t, "t7", "", "t7", cache)
		if _, err := unix.KeyctlInt(unix.KEYCTL_CHOWN, cacheID, 4242, -1, 0); err != nil {
			t.Fatal(err)
		}
		_, _, err := readCCacheNamed("KEYRING:process:t7", "", uid)
		if !errors.Is(err, errUnsafeFile) || !strings.Contains(err.Error(), "belongs to uid 4242") {
			t.Errorf("foreign cache keyring: %v", err)
		}
	}
	// The uid asked for must own the keys.
	if _, _, err := readCCacheNamed("KEYRING:process:t2", "", uid+1); !errors.Is(err, errUnsafeFile) {
		t.Errorf("another uid: %v", err)
	}
	if _, _, err := readCCacheNamed("KEYRING:bogus:x", "", uid); err == nil || !strings.Contains(err.Error(), "unknown keyring anchor") {
		t.Errorf("bad anchor: %v", err)
	}
}
