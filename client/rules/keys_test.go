package rules

import (
	"strings"
	"testing"
)

// TestKeys: every setting the parser knows is listed, documented, and
// parses under its canonical name.
func TestKeys(t *testing.T) {
	keys := Keys()
	if len(keys) != len(settings) {
		t.Fatalf("Keys() has %d entries, the parser %d", len(keys), len(settings))
	}
	for _, k := range keys {
		s, ok := settings[strings.ToLower(k.Name)]
		if !ok || s.name != k.Name {
			t.Errorf("%s: not the parser's key", k.Name)
		}
		if k.Doc == "" || (k.Kind != "bool" && k.Kind != "dialect" && k.Kind != "list") {
			t.Errorf("%s: kind %q, doc %q", k.Name, k.Kind, k.Doc)
		}
	}
}
