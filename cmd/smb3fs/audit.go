package main

import (
	"errors"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/rules"
)

// auditLog writes one structured line per established connection and per
// refusal to stderr (journald captures it for services).
var auditLog = slog.New(slog.NewTextHandler(os.Stderr, nil))

// auditEstablished records the security a connection reached, the client
// principal that logged in (auth.Principal: user@REALM or DOMAIN\user) and
// the rule that demanded it.
func auditEstablished(server, share string, info client.Info, principal string, encrypted bool, m rules.Match) {
	cipher := "none"
	if info.Cipher != 0 {
		cipher = info.Cipher.String()
	}
	auditLog.Info("smb3fs: connection established",
		"server", server, "share", share,
		"dialect", info.Dialect.String(), "cipher", cipher, "encrypted", encrypted,
		"signing", info.SigningAlgorithm.String(),
		"auth", info.Mechanism, "principal", principal, "mutual_auth", info.MutualAuth,
		"rule", m.String())
}

// isRefusal reports whether err is the security policy (or the wire
// verification behind it) refusing the connection, as opposed to a plain
// failure such as missing credentials or a share that does not exist.
func isRefusal(err error) bool {
	return errors.Is(err, client.ErrRefused) || errors.Is(err, client.ErrUnprotected) || errors.Is(err, client.ErrProtocol)
}

// auditReconnect records one reconnect outcome: why the connection ended,
// how long the reconnect took, what was reopened and what was lost, or the
// refusal that stopped the mount's connection for good.
// A "reconnect failed" line that repeats the previous one (same error)
// within a minute is counted, not written: with an expired ticket cache
// every request tries once and fails the same way. The next line written
// says how many were left out.
func auditReconnect(server, share string, m rules.Match, e client.Event) {
	if e.Kind == client.EventIntegrity {
		auditIntegrity(server, share, e)
		return
	}
	attrs := []any{"server", server, "share", share, "reason", errString(e.Reason),
		"attempts", e.Attempts, "duration", e.Duration.Round(time.Millisecond).String()}
	key := ""
	if e.Kind != client.EventReconnected && e.Kind != client.EventRefused {
		key = server + "\\" + share + ": " + errString(e.Err)
	}
	n, ok := reconnectRepeats.admit(key, time.Now())
	if !ok {
		return
	}
	if n > 0 {
		attrs = append(attrs, "repeats_not_logged", n)
	}
	switch e.Kind {
	case client.EventReconnected:
		auditLog.Info("smb3fs: reconnected", append(attrs, "principal", e.Principal, "trees", e.Trees,
			"reopened", len(e.Reopened), "reopened_files", strings.Join(e.Reopened, ","),
			"lost", len(e.Lost), "lost_files", strings.Join(e.Lost, "; "))...)
	case client.EventRefused:
		auditLog.Warn("smb3fs: reconnect refused", append(attrs, "rule", m.String(), "error", errString(e.Err))...)
	default:
		auditLog.Warn("smb3fs: reconnect failed", append(attrs, "error", errString(e.Err))...)
	}
}

// reconnectRepeats holds back repeated "reconnect failed" lines.
var reconnectRepeats = &repeatFilter{window: time.Minute}

// integrityRepeats holds back repeated integrity warnings of one kind.
var integrityRepeats = &repeatFilter{window: time.Minute}

// auditIntegrity records a connection dropped because a message from the
// server failed verification: what failed, from which server, as possible
// tampering. The reconnect that follows has its own line. The same kind of
// failure from the same share within a minute of the last line written is
// counted, not written (a man in the middle corrupting every connection
// gets one line a minute, and the client backs off its reconnects).
func auditIntegrity(server, share string, e client.Event) {
	n, ok := integrityRepeats.admit(server+"\\"+share+": "+e.Failure, time.Now())
	if !ok {
		return
	}
	attrs := []any{"server", server, "share", share, "failure", e.Failure,
		"error", errString(e.Reason), "in_a_row", e.Streak,
		"reconnect_after", e.Delay.Round(time.Millisecond).String()}
	if n > 0 {
		attrs = append(attrs, "repeats_not_logged", n)
	}
	auditLog.Warn("smb3fs: integrity failure from the server, possible tampering; connection dropped, reconnecting", attrs...)
}

// repeatFilter drops a log line whose key repeats the last written one
// within window, and counts what it dropped; its fields are guarded by mu.
type repeatFilter struct {
	window  time.Duration
	mu      sync.Mutex
	lastKey string    // key of the last line written; "" for lines never held back
	lastAt  time.Time // when it was written
	dropped int       // lines dropped since
}

// admit reports whether the line with key (empty: never held back) is to
// be written at now and, if so, how many lines were dropped before it.
func (f *repeatFilter) admit(key string, now time.Time) (dropped int, ok bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if key != "" && key == f.lastKey && now.Sub(f.lastAt) < f.window {
		f.dropped++
		return 0, false
	}
	dropped, f.dropped = f.dropped, 0
	f.lastKey, f.lastAt = key, now
	return dropped, true
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// auditRefused records a refusal and the rule under which it happened.
func auditRefused(server, share string, m rules.Match, err error) {
	auditLog.Warn("smb3fs: connection refused",
		"server", server, "share", share, "rule", m.String(), "error", err.Error())
}
