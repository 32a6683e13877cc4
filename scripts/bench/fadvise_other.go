//go:build !linux

package main

import (
	"errors"
	"os"
)

// fadviseDontNeed is Linux-only; elsewhere run with --evict=false.
func fadviseDontNeed(*os.File) error {
	return errors.New("page cache eviction needs Linux (use --evict=false)")
}
