#!/usr/bin/env bash
# scripts/bench.sh [FLAGS] - throughput of smb3fs vs smbclient on the encrypted
# share of the test environment (see scripts/bench/main.go; --help lists the
# flags). Brings the environment up, builds outside the namespace (there is no
# network inside), then runs the benchmark inside with alice's Kerberos ticket.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"

scripts/testenv up
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/bench" ./scripts/bench
scripts/testenv exec --user alice -- "$bin/bench" "$@"
