package main

// The loopback client: go-fuse's loopback file system over a directory on
// tmpfs, served by this program (--loopback-serve). No network, no SMB:
// what rsync and cp -r cost through FUSE alone on this machine, with the
// same go-fuse and the same 1 s entry and attribute timeouts as the smb3fs
// mount. Its time per file is the FUSE part of the floor under any FUSE
// client's; the server's CPU per file (serverCPU) is the other part.

import (
	"fmt"
	"time"

	gofs "github.com/hanwen/go-fuse/v2/fs"
	"github.com/hanwen/go-fuse/v2/fuse"
)

// serveLoopback mounts go-fuse's loopback of dir at mnt and serves it until
// it is unmounted.
func serveLoopback(dir, mnt string) error {
	root, err := gofs.NewLoopbackRoot(dir)
	if err != nil {
		return fmt.Errorf("loopback of %s: %w", dir, err)
	}
	sec := time.Second
	srv, err := gofs.Mount(mnt, root, &gofs.Options{
		EntryTimeout: &sec,
		AttrTimeout:  &sec,
		MountOptions: fuse.MountOptions{FsName: "bench-loopback", Name: "loopback", MaxWrite: 1 << 20},
	})
	if err != nil {
		return fmt.Errorf("mount loopback at %s: %w", mnt, err)
	}
	srv.Wait()
	return nil
}
