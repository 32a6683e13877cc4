package doccheck

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestXfstestsExpunge: every line of the xfstests expunge lists
// (scripts/xfstests passes the server's to ./check -E: expunge for dc1,
// expunge.s422 for s422) names one test and gives the reason SMB or Samba
// cannot do what it checks, once, in test order.
func TestXfstestsExpunge(t *testing.T) {
	for _, name := range []string{"expunge", "expunge.s422"} {
		t.Run(name, func(t *testing.T) { checkExpunge(t, name) })
	}
}

// checkExpunge checks the expunge list testdata/xfstests/NAME.
func checkExpunge(t *testing.T, name string) {
	b, err := os.ReadFile(filepath.Join(root, "testdata", "xfstests", name))
	if err != nil {
		t.Fatal(err)
	}
	line := regexp.MustCompile(`^([a-z0-9]+/[0-9]{3,4}) # (.{20,})$`)
	seen := map[string]bool{}
	prev, n := "", 0
	for i, l := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		if strings.HasPrefix(l, "#") {
			continue
		}
		m := line.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("line %d: %q is not `suite/NNN # reason` (a reason of 20 or more characters)", i+1, l)
			continue
		}
		if seen[m[1]] {
			t.Errorf("line %d: %s listed twice", i+1, m[1])
		}
		if m[1] < prev {
			t.Errorf("line %d: %s after %s: keep the list in test order", i+1, m[1], prev)
		}
		seen[m[1]], prev = true, m[1]
		n++
	}
	if n == 0 {
		t.Fatal("the expunge list names no test")
	}
}
