package main

import (
	"bytes"
	"log"
	"log/slog"
	"log/syslog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// restoreLogging puts the loggers back as they were before the test.
func restoreLogging(t *testing.T) {
	a, d, w, f := auditLog, slog.Default(), log.Writer(), log.Flags()
	t.Cleanup(func() {
		auditLog = a
		slog.SetDefault(d)
		log.SetOutput(w)
		log.SetFlags(f)
	})
}

func TestParseLogLevel(t *testing.T) {
	for s, want := range map[string]slog.Level{"error": slog.LevelError, "err": slog.LevelError, "WARNING": slog.LevelWarn,
		"warn": slog.LevelWarn, "info": slog.LevelInfo, "": slog.LevelInfo, "debug": slog.LevelDebug} {
		if got, err := parseLogLevel(s); err != nil || got != want {
			t.Errorf("parseLogLevel(%q) = %v, %v", s, got, err)
		}
	}
	for _, s := range []string{"verbose", "7", "notice"} {
		if _, err := parseLogLevel(s); err == nil {
			t.Errorf("parseLogLevel(%q) accepted", s)
		}
	}
}

// TestSyslogPriority: each level has its own priority, not all WARNING.
func TestSyslogPriority(t *testing.T) {
	for l, want := range map[slog.Level]syslog.Priority{slog.LevelError: syslog.LOG_ERR, slog.LevelError + 4: syslog.LOG_ERR,
		slog.LevelWarn: syslog.LOG_WARNING, slog.LevelInfo: syslog.LOG_INFO, slog.LevelDebug: syslog.LOG_DEBUG} {
		if got := syslogPriority(l); got != want {
			t.Errorf("syslogPriority(%v) = %v, want %v", l, got, want)
		}
	}
}

// TestLogLevelFilters: the level drops less severe records, and the log
// package's lines (the file system's complaints) are warnings.
func TestLogLevelFilters(t *testing.T) {
	restoreLogging(t)
	var buf bytes.Buffer
	setupLogging(logConfig{level: slog.LevelWarn, dest: logStderr, w: &buf})
	auditLog.Info("smb3fs: hidden info")
	auditLog.Debug("smb3fs: hidden debug")
	auditLog.Warn("smb3fs: shown warning")
	log.Printf("smb3fs: from the log package")
	out := buf.String()
	if strings.Contains(out, "hidden") || !strings.Contains(out, "shown warning") ||
		!strings.Contains(out, `level=WARN msg="smb3fs: from the log package"`) {
		t.Errorf("log at warning: %q", out)
	}
	buf.Reset()
	setupLogging(logConfig{level: slog.LevelDebug, dest: logStderr, w: &buf})
	slog.Debug("smb3fs: now shown")
	if !strings.Contains(buf.String(), "now shown") {
		t.Errorf("log at debug: %q", buf.String())
	}
}

// TestDaemonLogConfig: standard error in the foreground and with
// logfile=, syslog for the background daemon.
func TestDaemonLogConfig(t *testing.T) {
	t.Setenv("JOURNAL_STREAM", "")
	o := &mountOptions{LogLevel: slog.LevelDebug}
	if c := daemonLogConfig(&mountArgs{opts: o}); c.dest != logStderr || c.level != slog.LevelDebug {
		t.Errorf("foreground: %+v", c)
	}
	if c := daemonLogConfig(&mountArgs{opts: o, readyFD: 3}); c.dest != logSyslog {
		t.Errorf("background: %+v", c)
	}
	o.LogFile = "/var/log/x"
	if c := daemonLogConfig(&mountArgs{opts: o, readyFD: 3}); c.dest != logStderr {
		t.Errorf("background with logfile=: %+v", c)
	}
	t.Setenv("JOURNAL_STREAM", "1:2")
	if journalStream() {
		t.Errorf("JOURNAL_STREAM that is not our standard error taken for journald's")
	}
}

// TestLogFile: logfile= is created 0600 (an existing one made 0600),
// appended to, and a symbolic link there is refused.
func TestLogFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "smb3fs.log")
	os.WriteFile(p, []byte("before\n"), 0o644)
	f, err := openLogFile(p)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("after\n")
	f.Close()
	st, _ := os.Stat(p)
	b, _ := os.ReadFile(p)
	if st.Mode().Perm() != 0o600 || string(b) != "before\nafter\n" {
		t.Errorf("mode %v, content %q", st.Mode(), b)
	}
	os.Remove(p)
	if f, err := openLogFile(p); err != nil {
		t.Fatal(err)
	} else {
		f.Close()
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o600 {
		t.Errorf("new file mode %v", st.Mode())
	}
	link := filepath.Join(dir, "link.log")
	os.Symlink(p, link)
	if f, err := openLogFile(link); err == nil {
		f.Close()
		t.Errorf("logfile through a symbolic link accepted")
	}
}

// TestLogFileHasNoSecrets: a foreground mount with logfile= at debug
// level, whose NTLM password comes from a credentials file, logs its
// failure there, and never the password.
func TestLogFileHasNoSecrets(t *testing.T) {
	restoreLogging(t)
	dir := t.TempDir()
	const secret = "Tr0ub4dor-in-the-log?"
	creds := filepath.Join(dir, "creds")
	if err := os.WriteFile(creds, []byte("username=alice\npassword="+secret+"\ndomain=EXAMPLE\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	logPath := filepath.Join(dir, "smb3fs.log")
	ma, err := parseMountArgs([]string{"//127.0.0.1/share", dir, "--foreground", "--log-level", "debug",
		"-o", "sec=ntlmssp,port=1,timeout=2,credentials=" + creds + ",logfile=" + logPath})
	if err != nil {
		t.Fatal(err)
	}
	_, _, status := capture(t, func() int { return serve(ma) })
	if status != exitFailure {
		t.Errorf("serve: exit %d, want %d", status, exitFailure)
	}
	b, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) == 0 || strings.Contains(string(b), secret) {
		t.Errorf("log file: %q", b)
	}
	if st, _ := os.Stat(logPath); st.Mode().Perm() != 0o600 {
		t.Errorf("log file mode %v", st.Mode())
	}
	t.Logf("log file: %s", b)
}
