package main

import (
	"errors"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/rules"
)

// auditLog writes one structured line per established connection and per
// refusal to stderr (journald captures it for services).
var auditLog = slog.New(slog.NewTextHandler(os.Stderr, nil))

// auditEstablished records the security a connection reached and the rule
// that demanded it.
func auditEstablished(server, share string, info client.Info, encrypted bool, m rules.Match) {
	cipher := "none"
	if info.Cipher != 0 {
		cipher = info.Cipher.String()
	}
	auditLog.Info("smb3fs: connection established",
		"server", server, "share", share,
		"dialect", info.Dialect.String(), "cipher", cipher, "encrypted", encrypted,
		"signing", info.SigningAlgorithm.String(),
		"auth", info.Mechanism, "mutual_auth", info.MutualAuth,
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
func auditReconnect(server, share string, m rules.Match, e client.Event) {
	attrs := []any{"server", server, "share", share, "reason", errString(e.Reason),
		"attempts", e.Attempts, "duration", e.Duration.Round(time.Millisecond).String()}
	switch e.Kind {
	case client.EventReconnected:
		auditLog.Info("smb3fs: reconnected", append(attrs, "trees", e.Trees,
			"reopened", len(e.Reopened), "reopened_files", strings.Join(e.Reopened, ","),
			"lost", len(e.Lost), "lost_files", strings.Join(e.Lost, "; "))...)
	case client.EventRefused:
		auditLog.Warn("smb3fs: reconnect refused", append(attrs, "rule", m.String(), "error", errString(e.Err))...)
	default:
		auditLog.Warn("smb3fs: reconnect failed", append(attrs, "error", errString(e.Err))...)
	}
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
