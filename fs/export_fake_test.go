package fs

// The bounds the fast tests over the in-memory server (package fs_test,
// *_fake_test.go) check.
const (
	// MaxListed is the most entries of a directory listing kept for
	// lookups (dircache.go).
	MaxListed = maxListed
	// ParkTime is how long a released write handle stays open (park.go).
	ParkTime = parkTime
)
