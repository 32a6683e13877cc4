package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/smb3fs/smb3fs/client/rules"
)

// needTool returns the path of a tool the test needs. make test's
// environment has it (scripts/testenv installs it); only an explicit
// unit-only run (SMB3FS_UNIT_ONLY=1) may go without it.
func needTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if os.Getenv("SMB3FS_UNIT_ONLY") == "1" {
		t.Skipf("unit-only run without %s", name)
	}
	t.Fatalf("%s is not installed: scripts/testenv up installs it (or set SMB3FS_UNIT_ONLY=1)", name)
	return ""
}

// renderedPages returns each generated page by file name.
func renderedPages() map[string]string {
	pages := make(map[string]string)
	for _, p := range manPages {
		pages[p.file] = p.render()
	}
	return pages
}

// TestManPagesCoverOptions: the pages name every mount option under every
// one of its names, every flag of every command and of mount.smb3fs, every
// key of the hardening file, each with its description.
func TestManPagesCoverOptions(t *testing.T) {
	pages := renderedPages()
	for _, page := range []string{"smb3fs.8", "mount.smb3fs.8"} {
		man := pages[page]
		for _, mo := range mountOptionTable {
			if mo.doc == "" {
				t.Errorf("mount option %s has no description", mo.names[0])
			}
			for _, name := range mo.names {
				if !strings.Contains(man, `\fB`+escape(name)) {
					t.Errorf("%s does not name mount option %s", page, name)
				}
			}
			if !strings.Contains(man, escape(mo.doc)) {
				t.Errorf("%s lacks the description of %s", page, mo.names[0])
			}
		}
		for name := range fstabUserOptions {
			if !strings.Contains(man, `\fB`+escape(name)+`\fR`) {
				t.Errorf("%s does not name fstab option %s", page, name)
			}
		}
	}
	for _, c := range docCommands {
		if !strings.Contains(pages["smb3fs.8"], `\fB`+c.name+`\fR`) || c.brief == "" {
			t.Errorf("smb3fs.8 does not describe command %s (or it has no brief)", c.name)
		}
		if c.flags == nil {
			continue
		}
		c.flags().VisitAll(func(f *pflag.Flag) {
			if f.Hidden {
				return
			}
			if !strings.Contains(pages["smb3fs.8"], `\fB\-\-`+escape(f.Name)+`\fR`) {
				t.Errorf("smb3fs.8 does not name %s --%s", c.name, f.Name)
			}
			if f.Shorthand != "" && !strings.Contains(pages["smb3fs.8"], `\fB\-`+f.Shorthand+`\fR`) {
				t.Errorf("smb3fs.8 does not name %s -%s", c.name, f.Shorthand)
			}
		})
	}
	for _, h := range helperFlags {
		if !strings.Contains(pages["mount.smb3fs.8"], `\fB`+escape(h.flag)+`\fR`) {
			t.Errorf("mount.smb3fs.8 does not name %s", h.flag)
		}
	}
	keys := rules.Keys()
	if len(keys) == 0 {
		t.Fatal("rules.Keys() is empty")
	}
	for _, k := range keys {
		if !strings.Contains(pages["smb3fs-hardening.conf.5"], `\fB`+k.Name+`\fR`) {
			t.Errorf("smb3fs-hardening.conf.5 does not name %s", k.Name)
		}
	}
}

// TestHelperFlags: mount.smb3fs's help lists every flag helperFlags
// documents, and mount.smb3fs accepts each (with -f, which mounts nothing).
func TestHelperFlags(t *testing.T) {
	dir := t.TempDir()
	for _, h := range helperFlags {
		if !strings.Contains(helperUsage.about, h.flag) {
			t.Errorf("mount.smb3fs --help does not list %s", h.flag)
		}
		args := []string{"mount.smb3fs", "-f", "//srv/share", dir, h.flag}
		switch h.value {
		case "OPTIONS":
			args = append(args, "ro")
		case "TYPE":
			args = append(args, "smb3fs")
		}
		_, errOut, status := capture(t, func() int { return run(args) })
		if status != exitOK {
			t.Errorf("%q: exit %d: %s", args, status, errOut)
		}
	}
}

// TestManExamples: the examples in the pages are files of the top-level
// testdata, which other tests parse.
func TestManExamples(t *testing.T) {
	for _, c := range []struct{ file, example string }{
		{"fstab/cifs-spellings.fstab", fstabExample},
		{"rules/hardening.conf", hardeningExample},
	} {
		b, err := os.ReadFile(filepath.Join(docsTestdata, c.file))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), c.example) {
			t.Errorf("testdata/%s does not contain the man page's example:\n%s", c.file, c.example)
		}
	}
	if _, err := rules.Parse("hardening.conf", []byte(hardeningExample)); err != nil {
		t.Errorf("hardening example: %v", err)
	}
	f := strings.Fields(fstabExample)
	if _, err := parseMountOptions([]string{f[3]}); err != nil {
		t.Errorf("fstab example: %v", err)
	}
}

// TestGenMan: smb3fs gen-man DIR writes every page; without DIR it is a
// usage error.
func TestGenMan(t *testing.T) {
	dir := t.TempDir()
	if _, errOut, status := capture(t, func() int { return run([]string{"smb3fs", "gen-man", dir}) }); status != exitOK {
		t.Fatalf("gen-man: exit %d: %s", status, errOut)
	}
	for _, p := range manPages {
		b, err := os.ReadFile(filepath.Join(dir, p.file))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte(`.\"`)) || !bytes.Contains(b, []byte("\n.TH ")) {
			t.Errorf("%s: %.80q", p.file, b)
		}
	}
	if _, errOut, status := capture(t, func() int { return run([]string{"smb3fs", "gen-man"}) }); status != exitUsage || !strings.HasPrefix(errOut, "usage: smb3fs gen-man") {
		t.Errorf("gen-man without DIR: exit %d, %q", status, errOut)
	}
	if out, _, status := capture(t, func() int { return run([]string{"smb3fs", "help", "gen-man"}) }); status != exitOK || !strings.HasPrefix(out, "usage: smb3fs gen-man") {
		t.Errorf("help gen-man: exit %d, %q", status, out)
	}
}

// TestManPagesRender: groff renders every page without a warning (-ww),
// and mandoc's linter, where installed, finds nothing either.
func TestManPagesRender(t *testing.T) {
	groff := needTool(t, "groff")
	dir := t.TempDir()
	for file, page := range renderedPages() {
		path := filepath.Join(dir, file)
		if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		var stderr bytes.Buffer
		cmd := exec.Command(groff, "-man", "-Tutf8", "-ww", "-z", path)
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil || stderr.Len() > 0 {
			t.Errorf("groff %s: %v\n%s", file, err, stderr.String())
		}
		if mandoc, err := exec.LookPath("mandoc"); err == nil {
			out, err := exec.Command(mandoc, "-T", "lint", "-W", "warning", path).CombinedOutput()
			if err != nil || len(out) > 0 {
				t.Errorf("mandoc -T lint %s: %v\n%s", file, err, out)
			}
		}
	}
}

// TestRoffEscape: text cannot turn into requests or escapes.
func TestRoffEscape(t *testing.T) {
	for in, want := range map[string]string{
		`\\srv\share`:   `\e\esrv\eshare`,
		"--rules":       `\-\-rules`,
		".TH x\n'x":     `\&.TH x` + "\n" + `\&'x`,
		"  .indented":   `\&.indented`,
		"plain, text.":  "plain, text.",
		"a\n   .b\n'c'": "a\n" + `\&.b` + "\n" + `\&'c'`,
	} {
		if got := escape(in); got != want {
			t.Errorf("escape(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMakeInstall: make install generates and installs every page and the
// three shells' completion scripts, where man and the shells look.
func TestMakeInstall(t *testing.T) {
	b, err := os.ReadFile("../../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	mk := string(b)
	want := []string{
		"bin/smb3fs gen-man bin/man",
		"bin/smb3fs completion bash", "bin/smb3fs completion zsh", "bin/smb3fs completion fish",
		"$(BASHCOMPDIR)/smb3fs", "$(BASHCOMPDIR)/mount.smb3fs", "$(ZSHCOMPDIR)/_smb3fs",
		"$(FISHCOMPDIR)/smb3fs.fish", "$(FISHCOMPDIR)/mount.smb3fs.fish",
		"BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions",
		"ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions",
		"FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d",
	}
	for _, p := range manPages {
		section := p.file[len(p.file)-1:]
		want = append(want, "bin/man/"+p.file+" $(DESTDIR)$(MANDIR)/man"+section+"/"+p.file)
	}
	for _, w := range want {
		if !strings.Contains(mk, w) {
			t.Errorf("Makefile install does not have %q", w)
		}
	}
}
