package rules

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
)

// goodFile exercises every key, odd key case, both comment styles, CRLF
// line ends, a byte-order mark, forward slashes and an empty section.
const goodFile = "\uFEFF# hardening\r\n" +
	"; another comment\r\n" +
	"\r\n" +
	"[\\\\*\\*]\r\n" +
	"RequirePrivacy = 1\r\n" +
	"REQUIREINTEGRITY=yes\r\n" +
	"  requireMutualAuthentication\t=  TRUE  \r\n" +
	"MinDialect = 3.1.1\r\n" +
	"MaxDialect = 3.1.1\r\n" +
	"Ciphers = AES-256-GCM, aes-128-gcm\r\n" +
	"SigningAlgorithms = AES-GMAC,AES-CMAC\r\n" +
	"AllowNTLM = no\r\n" +
	"\r\n" +
	"[\\\\oldnas\\backup]\n" +
	"MinDialect = 3.0.2\n" +
	"RequireMutualAuthentication = 0\n" +
	"AllowNTLM = 1\n" +
	"\n" +
	"  [ //Scanner/* ]  \n" +
	"RequirePrivacy = false\n" +
	"RequireIntegrity = 0\n" +
	"MinDialect = 2.0.2\n" +
	"MaxDialect = 3.0\n" +
	"SigningAlgorithms = HMAC-SHA256, AES-CMAC\n" +
	"Ciphers = AES-128-CCM\n" +
	"\n" +
	"[\\\\*\\public]\n" +
	"# empty: the strict default, said explicitly\n"

func TestParseGood(t *testing.T) {
	r, err := Parse("good.conf", []byte(goodFile))
	if err != nil {
		t.Fatal(err)
	}
	if r.File() != "good.conf" {
		t.Errorf("File() = %q", r.File())
	}
	all := client.StrictPolicy()
	all.Ciphers = []wire.CipherID{wire.CipherAES256GCM, wire.CipherAES128GCM}

	// Settings a section does not name come from \\*\*: the ciphers.
	old := client.StrictPolicy()
	old.Ciphers = all.Ciphers
	old.MinDialect = wire.Dialect302
	old.RequireMutualAuth = false
	old.AllowNTLM = true

	scanner := client.StrictPolicy()
	scanner.RequirePrivacy = false
	scanner.RequireIntegrity = false
	scanner.MinDialect = wire.Dialect202
	scanner.MaxDialect = wire.Dialect300
	scanner.SigningAlgorithms = []wire.SigningID{wire.SigningHMACSHA256, wire.SigningAESCMAC}
	scanner.Ciphers = []wire.CipherID{wire.CipherAES128CCM}

	baseline := Match{`\\*\*`, "good.conf", 4}
	want := []Rule{
		{Match: baseline, Policy: all},
		{Match: Match{`\\oldnas\backup`, "good.conf", 14}, Policy: old},
		{Match: Match{`\\Scanner\*`, "good.conf", 19}, Policy: scanner},
		{Match: Match{`\\*\public`, "good.conf", 27}, Policy: all},
	}
	got := r.List()
	for i := range got {
		if !reflect.DeepEqual(got[i].Match, want[i].Match) || !reflect.DeepEqual(got[i].Policy, want[i].Policy) {
			t.Errorf("List()[%d]:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	if len(got) != len(want) {
		t.Fatalf("List() has %d rules, want %d", len(got), len(want))
	}
	// Where each setting came from, as smb3fs check shows it.
	for _, tc := range []struct {
		rule int
		key  string
		from Match
	}{
		{0, "Ciphers", baseline},
		{1, "Ciphers", baseline},
		{1, "MinDialect", want[1].Match},
		{1, "RequirePrivacy", baseline},
		{2, "Ciphers", want[2].Match},
		{3, "AllowNTLM", baseline},
	} {
		if src := got[tc.rule].Source(tc.key); src != tc.from {
			t.Errorf("%s: %s from %v, want %v", got[tc.rule].Match.Pattern, tc.key, src, tc.from)
		}
	}
}

func TestParseEmpty(t *testing.T) {
	for _, in := range []string{"", "\n\n", "# only a comment\n", "\uFEFF"} {
		r, err := Parse("e", []byte(in))
		if err != nil {
			t.Errorf("Parse(%q): %v", in, err)
			continue
		}
		if len(r.List()) != 0 {
			t.Errorf("Parse(%q): %d rules, want 0", in, len(r.List()))
		}
	}
}

func TestParseErrors(t *testing.T) {
	const all = "[\\\\*\\*]\n"
	tests := []struct {
		in   string
		line int
		want string
	}{
		// Structure.
		{"RequirePrivacy = 1\n", 1, "before the first [section]"},
		{all + "RequirePrivacy\n", 2, "neither a [section]"},
		{all + "Foo = 1\n", 2, `unknown key "Foo"`},
		{all + "= 1\n", 2, `unknown key ""`},
		{all + "RequirePrivacy = 1\nrequireprivacy = 1\n", 3, "key RequirePrivacy repeated in section \\\\*\\* (first on line 2)"},
		{all + "RequirePrivacy =\n", 2, "RequirePrivacy has no value"},
		{all + "RequirePrivacy = 1 # comment\n", 2, "not a boolean"},
		{all + "R\xffquirePrivacy = 1\n", 2, "not valid UTF-8"},
		{all + "Allow\u212aNTLM = 0\n", 2, "unknown key"},
		{"\n\n[\\\\a\\b]\n[\\\\A\\B]\n", 4, "section \\\\A\\B repeats \\\\a\\b (line 3)"},
		{"[\\\\a\\b]\n[//a/b]\n", 2, "repeats"},
		{"[\\\\*\\*]\n[//*/*]\n", 2, "repeats"},
		{"[\\\\\u00c4rger\\x]\n[\\\\\u00c4RGER\\X]\n", 2, "repeats"},
		// Patterns.
		{"[\\\\srv*\\x]\n", 1, "a wildcard must be a lone *"},
		{"[\\\\*srv\\x]\n", 1, "a wildcard must be a lone *"},
		{"[\\\\srv\\x*]\n", 1, "a wildcard must be a lone *"},
		{"[\\\\srv\\**]\n", 1, "a wildcard must be a lone *"},
		{"[\\\\srv\\sh?re]\n", 1, "contains one of"},
		{"[\\\\srv]\n", 1, "must be \\\\server\\share"},
		{"[\\\\srv\\]\n", 1, "empty share name"},
		{"[\\\\\\share]\n", 1, "empty server name"},
		{"[\\\\srv\\share\\dir]\n", 1, "must be \\\\server\\share"},
		{"[\\\\srv\\share\\]\n", 1, "must be \\\\server\\share"},
		{"[///srv/share]\n", 1, "must be \\\\server\\share"},
		{"[srv\\share]\n", 1, "must start with"},
		{"[\\srv\\share]\n", 1, "must start with"},
		{"[]\n", 1, "must start with"},
		{"[\n", 1, "does not end with ]"},
		{"[\\\\srv\\share\n", 1, "does not end with ]"},
		{"[\\\\srv\\sh\x01re]\n", 1, "control character"},
		{"[\\\\srv \\share]\n", 1, "leading or trailing blanks"},
		// Values.
		{all + "RequireIntegrity = 2\n", 2, "RequireIntegrity: \"2\" is not a boolean"},
		{all + "RequireMutualAuthentication = on\n", 2, "not a boolean"},
		{all + "MinDialect = 3.1\n", 2, `MinDialect: "3.1" is not a dialect`},
		{all + "MaxDialect = 3.11\n", 2, "not a dialect"},
		{all + "MinDialect = 2.???\n", 2, "not a dialect"},
		{all + "Ciphers = AES-512-GCM\n", 2, `unknown cipher "AES-512-GCM"`},
		{all + "Ciphers = AE\u017f-128-GCM\n", 2, "unknown cipher"},
		{all + "Ciphers = AES-128-GCM,,AES-256-GCM\n", 2, "empty cipher name"},
		{all + "Ciphers = AES-128-GCM,\n", 2, "empty cipher name"},
		{all + "Ciphers = AES-128-GCM, aes-128-gcm\n", 2, "cipher AES-128-GCM listed twice"},
		{all + "SigningAlgorithms = HMAC-MD5\n", 2, `unknown signing algorithm "HMAC-MD5"`},
		{all + "SigningAlgorithms = AES-GMAC, AES-GMAC\n", 2, "listed twice"},
		// Whole sections, reported at their header.
		{"[\\\\a\\b]\nMinDialect = 3.1.1\nMaxDialect = 3.0.2\n", 1, "no dialect between MinDialect 3.1.1 and MaxDialect 3.0.2"},
		{"[\\\\a\\b]\nMinDialect = 2.0.2\nMaxDialect = 2.1\n", 1, "privacy needs dialect 3.0 or later"},
		{"[\\\\a\\b]\nMinDialect = 3.0\nMaxDialect = 3.0.2\nCiphers = AES-256-GCM\n", 1, "privacy below dialect 3.1.1 needs AES-128-CCM"},
		{"[\\\\a\\b]\nAllowNTLM = 1\n", 1, "AllowNTLM = 1 has no effect while RequireMutualAuthentication = 1"},
		{"# x\n[\\\\ok\\*]\nMinDialect = 3.0\n\n[\\\\a\\b]\nAllowNTLM = yes\n[\\\\c\\d]\n", 5, "section \\\\a\\b: AllowNTLM"},
		// An error after a good section keeps counting lines.
		{"[\\\\ok\\*]\nMinDialect = 3.0\n\n[\\\\a\\b]\nCiphers = x\n", 5, "unknown cipher"},
	}
	for _, tc := range tests {
		_, err := Parse("h.conf", []byte(tc.in))
		if err == nil {
			t.Errorf("Parse(%q) succeeded, want error %q", tc.in, tc.want)
			continue
		}
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("Parse(%q): %v is not a *ParseError", tc.in, err)
			continue
		}
		if pe.File != "h.conf" || pe.Line != tc.line {
			t.Errorf("Parse(%q): error at %s:%d, want h.conf:%d (%v)", tc.in, pe.File, pe.Line, tc.line, err)
		}
		prefix := "rules: h.conf:" + strconv.Itoa(tc.line) + ": "
		if msg := err.Error(); !strings.HasPrefix(msg, prefix) || !strings.Contains(msg, tc.want) {
			t.Errorf("Parse(%q) = %q, want prefix %q and %q", tc.in, msg, prefix, tc.want)
		}
	}
}

func TestFold(t *testing.T) {
	for _, tc := range [][2]string{
		{"SERVER", "server"},
		{"Nas.Example.COM", "nas.example.com"},
		{"caf\u00e9", "CAF\u00e9"},
	} {
		if fold(tc[0]) != fold(tc[1]) {
			t.Errorf("fold(%q)=%q, fold(%q)=%q: want equal", tc[0], fold(tc[0]), tc[1], fold(tc[1]))
		}
	}
	// Only ASCII letters fold: no look-alike stands in for a letter.
	for _, tc := range [][2]string{
		{"srv", "srv."}, {"a", "b"}, {"e", "\u00e9"},
		{"\u212a", "k"},     // KELVIN SIGN
		{"na\u017f", "nas"}, // LATIN SMALL LETTER LONG S
		{"\u00c4rger", "\u00e4rger"},
		{"\u03a3", "\u03c3"},
	} {
		if fold(tc[0]) == fold(tc[1]) {
			t.Errorf("fold(%q) == fold(%q), want different", tc[0], tc[1])
		}
	}
	for _, tc := range [][2]string{{"srv.", "SRV"}, {"nas.example.com.", "NAS.example.com"}, {".", "."}} {
		if foldServer(tc[0]) != foldServer(tc[1]) {
			t.Errorf("foldServer(%q)=%q, foldServer(%q)=%q: want equal", tc[0], foldServer(tc[0]), tc[1], foldServer(tc[1]))
		}
	}
	if foldServer("srv..") == foldServer("srv") {
		t.Error("foldServer strips more than one dot")
	}
}
