package rules_test

// The hardening files that the README and docs/rules.md show live in the
// top-level testdata/rules (the docs quote them byte for byte, which
// internal/doccheck checks). Here each one is parsed, and what the docs
// say it means is checked: a rules example cannot rot.

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/rules"
	"github.com/smb3fs/smb3fs/client/wire"
)

// docsRules is the top-level testdata/rules, seen from this package.
const docsRules = "../../testdata/rules"

// docExample is what the docs say one example file does: for each server
// and share, the rule that applies and the policy it yields.
type docExample struct {
	want []docLookup
}

type docLookup struct {
	server, share string
	pattern       string // "" for the built-in strict default
	policy        func(p *client.Policy)
}

// docExamples lists every file in testdata/rules; a file missing here fails
// TestDocRulesExamples, so every example is checked.
var docExamples = map[string]docExample{
	"hardening.conf": {want: []docLookup{
		{"fs1.example.com", "projects", `\\*\*`, func(p *client.Policy) {
			p.Ciphers = []wire.CipherID{wire.CipherAES256GCM, wire.CipherAES128GCM}
		}},
		// Settings the section does not name come from \\*\*: the ciphers.
		{"OLDNAS", "Backup", `\\oldnas\backup`, func(p *client.Policy) {
			p.Ciphers = []wire.CipherID{wire.CipherAES256GCM, wire.CipherAES128GCM}
			p.MinDialect = wire.Dialect302
			p.RequireMutualAuth = false
			p.AllowNTLM = true
		}},
		// Another share on the NAS is not named: the \\*\* rule.
		{"oldnas", "photos", `\\*\*`, func(p *client.Policy) {
			p.Ciphers = []wire.CipherID{wire.CipherAES256GCM, wire.CipherAES128GCM}
		}},
	}},
	"strict.conf": {want: []docLookup{
		{"any", "share", `\\*\*`, func(*client.Policy) {}},
	}},
	"site.conf": {want: []docLookup{
		{"fs1.example.com", "projects", `\\*\*`, func(p *client.Policy) {
			p.Ciphers = []wire.CipherID{wire.CipherAES256GCM, wire.CipherAES256CCM}
		}},
		{"fs2012.example.com", "data", `\\fs2012.example.com\*`, func(p *client.Policy) {
			p.MinDialect = wire.Dialect300
			p.Ciphers = []wire.CipherID{wire.CipherAES128CCM}
		}},
		{"scanner.example.com", "scans", `\\scanner.example.com\scans`, func(p *client.Policy) {
			p.Ciphers = []wire.CipherID{wire.CipherAES256GCM, wire.CipherAES256CCM}
			p.RequirePrivacy = false
		}},
		// The scanner's other shares are not named: the \\*\* rule.
		{"scanner.example.com", "admin", `\\*\*`, func(p *client.Policy) {
			p.Ciphers = []wire.CipherID{wire.CipherAES256GCM, wire.CipherAES256CCM}
		}},
	}},
}

// docRefused lists every file in testdata/rules/refused with the words
// its refusal must contain (docs/rules.md quotes them).
var docRefused = map[string]string{
	"ntlm-needs-no-mutual.conf": `rules: ntlm-needs-no-mutual.conf:3: section \\oldnas\*: AllowNTLM = 1 has no effect while RequireMutualAuthentication = 1`,
}

func TestDocRulesExamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(docsRules, "*.conf"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples in %s: %v", docsRules, err)
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			ex, ok := docExamples[name]
			if !ok {
				t.Fatalf("%s has no entry in docExamples: say what it means", path)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			rs, err := rules.Parse(name, data)
			if err != nil {
				t.Fatalf("the docs show a file that does not parse: %v", err)
			}
			for _, l := range ex.want {
				ru, err := rs.Lookup(l.server, l.share)
				if err != nil {
					t.Fatalf("Lookup(%s, %s): %v", l.server, l.share, err)
				}
				if ru.Match.Pattern != l.pattern {
					t.Errorf(`\\%s\%s: rule %q, want %q`, l.server, l.share, ru.Match.Pattern, l.pattern)
				}
				want := client.StrictPolicy()
				l.policy(&want)
				if !reflect.DeepEqual(ru.Policy, want) {
					t.Errorf(`\\%s\%s: policy %s, want %s`, l.server, l.share, rules.Describe(ru.Policy), rules.Describe(want))
				}
				// What the docs promise for every rule: a mount can ask for it
				// as it is, and a sec= the rule allows resolves.
				sec := rules.Sec{Mechanism: auth.Kerberos}
				if ru.Policy.AllowNTLM {
					sec = rules.Sec{Mechanism: auth.NTLMv2}
				}
				if _, _, err := rs.Resolve(l.server, l.share, rules.Request{Sec: sec}); err != nil {
					t.Errorf(`\\%s\%s: Resolve with sec=%s: %v`, l.server, l.share, sec, err)
				}
			}
		})
	}
	for name := range docExamples {
		if _, err := os.Stat(filepath.Join(docsRules, name)); err != nil {
			t.Errorf("docExamples names %s: %v", name, err)
		}
	}
}

func TestDocRulesRefused(t *testing.T) {
	dir := filepath.Join(docsRules, "refused")
	files, err := filepath.Glob(filepath.Join(dir, "*.conf"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples in %s: %v", dir, err)
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			want, ok := docRefused[name]
			if !ok {
				t.Fatalf("%s has no entry in docRefused: say why it is refused", path)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			_, err = rules.Parse(name, data)
			var pe *rules.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse: %v, want a *ParseError", err)
			}
			if !strings.Contains(err.Error(), want) {
				t.Errorf("Parse: %q, want it to contain %q", err, want)
			}
		})
	}
}
