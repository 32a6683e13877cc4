package main

import (
	"log/slog"
	"os"

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

// auditRefused records a refusal and the rule under which it happened.
func auditRefused(server, share string, m rules.Match, err error) {
	auditLog.Warn("smb3fs: connection refused",
		"server", server, "share", share, "rule", m.String(), "error", err.Error())
}
