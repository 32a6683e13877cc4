package rules

import (
	"testing"
)

// TestKeys: every setting the parser knows is listed and documented, and
// each listed key parses under its canonical name in the \\*\* section.
func TestKeys(t *testing.T) {
	keys := Keys()
	if len(keys) != len(settings)+1 {
		t.Fatalf("Keys() has %d entries, the parser %d settings and OnlyListedServers", len(keys), len(settings))
	}
	for _, k := range keys {
		if k.Doc == "" || (k.Kind != "bool" && k.Kind != "dialect" && k.Kind != "list") {
			t.Errorf("%s: kind %q, doc %q", k.Name, k.Kind, k.Doc)
		}
		value := map[string]string{"bool": "0", "dialect": "3.1.1", "list": ""}[k.Kind]
		if k.Kind == "list" {
			value = "AES-256-GCM"
			if k.Name == "SigningAlgorithms" {
				value = "AES-GMAC"
			}
		}
		if k.Name == "RequireMutualAuthentication" || k.Name == "RequireIntegrity" {
			value = "1"
		}
		if _, err := Parse("k.conf", []byte("[\\\\*\\*]\n"+k.Name+" = "+value+"\n")); err != nil {
			t.Errorf("%s = %s: %v", k.Name, value, err)
		}
	}
}

// TestRuleSettings: every policy setting is shown with its value and the
// section it came from.
func TestRuleSettings(t *testing.T) {
	r, err := Parse("s.conf", []byte("[\\\\*\\*]\nCiphers = AES-256-GCM\n[\\\\nas\\*]\nMinDialect = 3.0.2\n"))
	if err != nil {
		t.Fatal(err)
	}
	ru, err := r.Lookup("nas", "x")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Setting{}
	for _, s := range ru.Settings() {
		got[s.Name] = s
	}
	if len(got) != len(settings) {
		t.Fatalf("%d settings shown, the parser has %d", len(got), len(settings))
	}
	for name, want := range map[string]string{
		"Ciphers":        `AES-256-GCM from \\*\*`,
		"MinDialect":     `3.0.2 from \\nas\*`,
		"RequirePrivacy": "yes from default",
		"AllowNTLM":      "no from default",
	} {
		s := got[name]
		from := s.From.Pattern
		if s.From.IsDefault() {
			from = "default"
		}
		if s.Value+" from "+from != want {
			t.Errorf("%s = %s from %s, want %s", name, s.Value, from, want)
		}
	}
}
