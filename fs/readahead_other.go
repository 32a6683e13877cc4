//go:build !linux

package fs

// readAheadKB is the read-ahead window the mount asks for; Linux only.
const readAheadKB = 4096

// raiseReadAhead is Linux only (its per-mount read-ahead is in sysfs).
func raiseReadAhead(dir string, kb int) error { return nil }
