# smb3fs build and test entry points. `make` builds; `make test` runs every
# test (gofmt, vet, unit, and live tests against real Samba in a network
# namespace that scripts/testenv brings up, installing what it needs).

GO      ?= go
PREFIX  ?= /usr/local
SBINDIR ?= /sbin

.PHONY: all build crossbuild install test testenv-up testenv-down clean bench

all: build

build:
	$(GO) build -o bin/smb3fs ./cmd/smb3fs

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

# Throughput against Samba's smbclient on the same server, same run,
# interleaved; prints medians, ratios and client CPU per GiB.
bench:
	scripts/bench.sh
