package main

// Logging. Every record (the audit lines of audit.go, and what the file
// system and go's log package print) goes through one slog.Handler,
// chosen by where the process runs:
//
//	foreground (--foreground, check)     standard error, text
//	under systemd (JOURNAL_STREAM is     standard error: journald reads it
//	  our standard error)
//	logfile=PATH                          that file (mode 0600), opened by
//	                                      the parent before the daemon detaches
//	background daemon                     syslog (daemon facility), each record
//	                                      at its own priority; standard error
//	                                      (/dev/null) if there is no syslog
//
// --log-level or -o loglevel= (error, warning, info, debug) sets the least
// severe record written; the default is info. Records never hold a
// password or key: those are never formatted (secrets.go).

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log"
	"log/slog"
	"log/syslog"
	"os"
	"strings"
	"sync"
	"syscall"
)

// parseLogLevel reads a level as --log-level and loglevel= take it.
func parseLogLevel(s string) (slog.Level, error) {
	switch strings.ToLower(s) {
	case "error", "err":
		return slog.LevelError, nil
	case "warning", "warn":
		return slog.LevelWarn, nil
	case "info", "":
		return slog.LevelInfo, nil
	case "debug":
		return slog.LevelDebug, nil
	}
	return 0, usageErrorf("log level %q: want error, warning, info or debug", s)
}

// logDest is where setupLogging sends records.
type logDest int

const (
	logStderr logDest = iota // standard error (foreground, journald, logfile= in the daemon)
	logSyslog                // syslog, falling back to standard error
)

// logConfig is what setupLogging needs.
type logConfig struct {
	level slog.Level
	dest  logDest
	w     io.Writer // for logStderr: where to write; nil is os.Stderr
}

// setupLogging points auditLog, slog's default and the log package at
// the handler cfg asks for. The log package's lines (the file system's
// complaints) are warnings.
func setupLogging(cfg logConfig) {
	var h slog.Handler
	opts := &slog.HandlerOptions{Level: cfg.level}
	if cfg.dest == logSyslog {
		if w, err := syslog.New(syslog.LOG_DAEMON|syslog.LOG_INFO, "smb3fs"); err == nil {
			h = newSyslogHandler(w, opts)
		}
	}
	if h == nil {
		w := cfg.w
		if w == nil {
			w = os.Stderr
		}
		h = slog.NewTextHandler(w, opts)
	}
	auditLog = slog.New(h)
	slog.SetDefault(auditLog)
	log.SetFlags(0)
	log.SetOutput(&levelWriter{l: auditLog, level: slog.LevelWarn})
}

// daemonLogConfig is the logging of serve: standard error in the
// foreground, under journald, or with logfile= (the parent made the file
// our standard error); syslog in the background.
func daemonLogConfig(ma *mountArgs) logConfig {
	cfg := logConfig{level: ma.opts.LogLevel, dest: logStderr}
	if ma.readyFD > 0 && ma.opts.LogFile == "" && !journalStream() {
		cfg.dest = logSyslog
	}
	return cfg
}

// journalStream reports whether standard error is journald's stream, as
// systemd says in JOURNAL_STREAM (device:inode), see systemd.exec(5).
func journalStream() bool {
	js := os.Getenv("JOURNAL_STREAM")
	if js == "" {
		return false
	}
	fi, err := os.Stderr.Stat()
	if err != nil {
		return false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return false
	}
	return js == fmt.Sprintf("%d:%d", st.Dev, st.Ino)
}

// openLogFile opens logfile= for appending, creating it mode 0600; an
// existing file is made 0600 too (it may hold server names and users). A
// symbolic link is refused.
func openLogFile(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE|syscall.O_NOFOLLOW, 0o600)
	if err != nil {
		return nil, fmt.Errorf("logfile: %w", err)
	}
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return nil, fmt.Errorf("logfile: %w", err)
	}
	return f, nil
}

// levelWriter is an io.Writer for the log package: each line is a record
// at level.
type levelWriter struct {
	l     *slog.Logger
	level slog.Level
}

func (w *levelWriter) Write(p []byte) (int, error) {
	w.l.Log(context.Background(), w.level, strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// syslogHandler formats a record as slog's text handler does (without the
// time, which syslog adds) and sends it to syslog at the priority of its
// level. Handlers made by WithAttrs and WithGroup share the writer, the
// buffer and mu, which guards both.
type syslogHandler struct {
	mu    *sync.Mutex
	buf   *bytes.Buffer  // the record being formatted; guarded by mu
	w     *syslog.Writer // guarded by mu
	inner slog.Handler   // text handler writing to buf
}

func newSyslogHandler(w *syslog.Writer, opts *slog.HandlerOptions) *syslogHandler {
	buf := new(bytes.Buffer)
	o := *opts
	o.ReplaceAttr = func(groups []string, a slog.Attr) slog.Attr {
		if len(groups) == 0 && (a.Key == slog.TimeKey || a.Key == slog.LevelKey) {
			return slog.Attr{}
		}
		return a
	}
	return &syslogHandler{mu: new(sync.Mutex), buf: buf, w: w, inner: slog.NewTextHandler(buf, &o)}
}

func (h *syslogHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return h.inner.Enabled(ctx, l)
}

func (h *syslogHandler) Handle(ctx context.Context, r slog.Record) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.buf.Reset()
	if err := h.inner.Handle(ctx, r); err != nil {
		return err
	}
	msg := strings.TrimRight(h.buf.String(), "\n")
	switch syslogPriority(r.Level) {
	case syslog.LOG_ERR:
		return h.w.Err(msg)
	case syslog.LOG_WARNING:
		return h.w.Warning(msg)
	case syslog.LOG_INFO:
		return h.w.Info(msg)
	}
	return h.w.Debug(msg)
}

func (h *syslogHandler) WithAttrs(as []slog.Attr) slog.Handler {
	c := *h
	c.inner = h.inner.WithAttrs(as)
	return &c
}

func (h *syslogHandler) WithGroup(name string) slog.Handler {
	c := *h
	c.inner = h.inner.WithGroup(name)
	return &c
}

// syslogPriority is the syslog priority of a record at level l, as
// syslogHandler sends it.
func syslogPriority(l slog.Level) syslog.Priority {
	switch {
	case l >= slog.LevelError:
		return syslog.LOG_ERR
	case l >= slog.LevelWarn:
		return syslog.LOG_WARNING
	case l >= slog.LevelInfo:
		return syslog.LOG_INFO
	}
	return syslog.LOG_DEBUG
}
