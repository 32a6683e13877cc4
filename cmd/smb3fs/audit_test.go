package main

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/rules"
)

func TestRepeatFilter(t *testing.T) {
	f := &repeatFilter{window: time.Minute}
	t0 := time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC)
	steps := []struct {
		key     string
		at      time.Duration
		ok      bool
		dropped int
	}{
		{"a", 0, true, 0},
		{"a", time.Second, false, 0},                     // same line within the window
		{"a", 30 * time.Second, false, 0},                // still within a minute of the written one
		{"a", 61 * time.Second, true, 2},                 // a minute after: written, with the count
		{"b", 62 * time.Second, true, 0},                 // another error is written at once
		{"b", 63 * time.Second, false, 0},                //
		{"", 64 * time.Second, true, 1},                  // a reconnect is never held back and carries the count
		{"b", 65 * time.Second, true, 0},                 // after it, the failure is news again
		{"", 66 * time.Second, true, 0},                  //
		{"", 66*time.Second + time.Millisecond, true, 0}, // "" never repeats
	}
	for i, s := range steps {
		dropped, ok := f.admit(s.key, t0.Add(s.at))
		if ok != s.ok || dropped != s.dropped {
			t.Errorf("step %d (%q at %v): admit = (%d, %v), want (%d, %v)", i, s.key, s.at, dropped, ok, s.dropped, s.ok)
		}
	}
}

func TestAuditIntegrity(t *testing.T) {
	// One WARNING line naming the server, the share and what failed, as
	// possible tampering; the same failure again within a minute is
	// counted, not written.
	var buf bytes.Buffer
	saved, savedFilter := auditLog, integrityRepeats
	auditLog = slog.New(slog.NewTextHandler(&buf, nil))
	integrityRepeats = &repeatFilter{window: time.Minute}
	defer func() { auditLog, integrityRepeats = saved, savedFilter }()
	e := client.Event{Kind: client.EventIntegrity, Failure: "decryption failed", Streak: 1,
		Reason: fmt.Errorf("%w: flipped", client.ErrUnprotected)}
	auditReconnect("files.example", "secure", rules.Match{}, e)
	e.Streak = 2
	auditReconnect("files.example", "secure", rules.Match{}, e)
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 1 {
		t.Fatalf("%d lines, want 1:\n%s", len(lines), buf.String())
	}
	for _, want := range []string{"level=WARN", "possible tampering", "server=files.example", "share=secure", `failure="decryption failed"`, "flipped"} {
		if !strings.Contains(lines[0], want) {
			t.Errorf("line lacks %q: %s", want, lines[0])
		}
	}
}
