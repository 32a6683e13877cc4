# smb3fs build and test entry points. `make` builds; `make test` runs every
# test (gofmt, vet, unit, and live tests against real Samba in a network
# namespace that scripts/testenv brings up, installing what it needs).

GO      ?= go
PREFIX  ?= /usr/local

# The mount(8) helper, a link to smb3fs in each of HELPERDIRS. Linux's
# mount runs /sbin/mount.TYPE. macOS's runs mount_TYPE from /sbin or
# /usr/sbin (read-only: the sealed system volume), else from
# /Library/Filesystems/TYPE.fs/Contents/Resources, so it goes there, with
# a link in $(PREFIX)/sbin to run it by hand.
ifeq ($(shell uname -s),Darwin)
SBINDIR    ?= $(PREFIX)/sbin
HELPER     ?= mount_smb3fs
HELPERDIRS ?= /Library/Filesystems/smb3fs.fs/Contents/Resources $(SBINDIR)
else
SBINDIR    ?= /sbin
HELPER     ?= mount.smb3fs
HELPERDIRS ?= $(SBINDIR)
endif

.PHONY: all build crossbuild install test testenv-up testenv-down clean bench

all: build

# The version `smb3fs version` prints: git's description of the checkout
# (tag or revision, -dirty when changed); without git, the Go toolchain's
# build information is used instead.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null)

build:
	$(GO) build $(if $(VERSION),-ldflags "-X main.version=$(VERSION)") -o bin/smb3fs ./cmd/smb3fs

# macOS is a target platform: the whole tree, and every package's tests,
# must compile for darwin. The test binaries are thrown away: no Mac here
# runs them (docs/cli.md, "macOS").
crossbuild:
	GOOS=darwin GOARCH=arm64 $(GO) build ./...
	d=$$(mktemp -d) && GOOS=darwin GOARCH=arm64 $(GO) test -c -o $$d/ ./... >/dev/null; \
		s=$$?; rm -rf $$d; exit $$s

install: build
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 bin/smb3fs $(DESTDIR)$(PREFIX)/bin/smb3fs
	for d in $(HELPERDIRS); do \
		install -d $(DESTDIR)$$d && ln -sf $(PREFIX)/bin/smb3fs $(DESTDIR)$$d/$(HELPER) || exit 1; \
	done

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
