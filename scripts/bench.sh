#!/usr/bin/env bash
# scripts/bench.sh [FLAGS] - performance of smb3fs on the encrypted share of
# the test environment (see scripts/bench/main.go and fuse.go; --help lists
# the flags). Default (--mode fuse): the smb3fs FUSE mount against smbclient,
# smbnetfs and rclone mount, interleaved rounds, markdown table of medians.
# --mode lib: the smb3fs library against smbclient put/get.
#
# Brings the environment up only if it is down, installs the FUSE peers
# (smbnetfs, rclone) if missing - outside the namespace, which has no
# network, behind the same policy-rc.d guard as scripts/testenv - builds
# smb3fs and the benchmark, then runs it inside the namespace as root with
# alice's Kerberos ticket (root: mounting and dropping the page cache).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"

[[ $(id -u) == 0 ]] || { echo "bench.sh: must run as root (like scripts/testenv)" >&2; exit 1; }

if [[ ! -f ${SMB3FS_TESTENV_DIR:-.testenv}/env.json ]] || scripts/testenv status | grep -q 'absent'; then
	scripts/testenv up
fi

mode=fuse
for a in "$@"; do
	case $a in --mode=lib | lib) mode=lib ;; esac
done
if [[ $mode == fuse ]]; then
	missing=()
	command -v smbnetfs >/dev/null || missing+=(smbnetfs)
	command -v rclone >/dev/null || missing+=(rclone)
	if ((${#missing[@]})); then
		if [[ ! -e /usr/sbin/policy-rc.d ]]; then
			printf '#!/bin/sh\n# installed by smb3fs scripts/bench.sh: never start services from dpkg\nexit 101\n' >/usr/sbin/policy-rc.d
			chmod 755 /usr/sbin/policy-rc.d
		fi
		DEBIAN_FRONTEND=noninteractive apt-get update -q
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
	fi
fi

bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
chmod 755 "$bin"
go build -o "$bin/bench" ./scripts/bench
go build -o "$bin/smb3fs" ./cmd/smb3fs
scripts/testenv exec --user alice -- "$bin/bench" --smb3fs "$bin/smb3fs" "$@"
