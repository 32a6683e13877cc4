package fs

import "testing"

func TestUnescapeMountinfo(t *testing.T) {
	for in, want := range map[string]string{
		`/mnt/plain`:            "/mnt/plain",
		`/mnt/a\040b`:           "/mnt/a b",
		`/mnt/tab\011x\134y`:    "/mnt/tab\tx\\y",
		`/mnt/trailing\04`:      `/mnt/trailing\04`,
		`/mnt/not\999octal`:     `/mnt/not\999octal`,
		`\134`:                  `\`,
		`/mnt/nl\012end\040end`: "/mnt/nl\nend end",
	} {
		if got := unescapeMountinfo(in); got != want {
			t.Errorf("unescapeMountinfo(%q) = %q, want %q", in, got, want)
		}
	}
}
