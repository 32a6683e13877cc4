# smb3fs build and test entry points. `make` builds; `make test` runs every
# test (gofmt, vet, unit, and live tests against real Samba in a network
# namespace that scripts/testenv brings up, installing what it needs).

GO      ?= go
PREFIX  ?= /usr/local
SBINDIR ?= /sbin

.PHONY: all build crossbuild install test testenv-up testenv-down clean bench xfstests

all: build

# The version `smb3fs version` prints: git's description of the checkout
# (tag or revision, -dirty when changed); without git, the Go toolchain's
# build information is used instead.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null)

build:
	$(GO) build $(if $(VERSION),-ldflags "-X main.version=$(VERSION)") -o bin/smb3fs ./cmd/smb3fs

# macOS is a target platform: the whole tree must compile for darwin.
crossbuild:
	GOOS=darwin GOARCH=arm64 $(GO) build ./...

install: build
	install -D -m 0755 bin/smb3fs $(DESTDIR)$(PREFIX)/bin/smb3fs
	install -d $(DESTDIR)$(SBINDIR)
	ln -sf $(PREFIX)/bin/smb3fs $(DESTDIR)$(SBINDIR)/mount.smb3fs

test:
	scripts/test

testenv-up:
	scripts/testenv up

testenv-down:
	scripts/testenv down

clean:
	rm -rf bin

# The smb3fs mount against smbclient, smbnetfs and rclone mount on the same
# encrypted share, interleaved rounds; prints a markdown table of medians,
# ratios against the issue's targets and client CPU per GiB. BENCHFLAGS are
# passed on, e.g. BENCHFLAGS=--quick or BENCHFLAGS="--mode lib".
BENCHFLAGS ?=
bench:
	scripts/bench.sh $(BENCHFLAGS)

# xfstests (fstests) against the mount of the test environment: an already
# built xfstests tree in XFSTESTS_DIR (this target never fetches or builds
# it; see docs/xfstests.md), the quick group by default. XFSTESTS_ARGS are
# ./check's (e.g. "-g auto" or "generic/001 generic/002"), or
# "fsx -N 100000" / "fsstress -p 16 -n 10000".
XFSTESTS_DIR  ?=
XFSTESTS_ARGS ?= -g quick
xfstests:
	XFSTESTS_DIR="$(XFSTESTS_DIR)" scripts/xfstests $(XFSTESTS_ARGS)
