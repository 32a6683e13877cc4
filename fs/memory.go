package fs

// The memory bound of one mount, in figures (see "Memory" in the package
// comment, which says what each term covers).
const (
	// memoryBase is what a mount holds whatever the server sends, beyond
	// the terms below: the listings kept for lookups (maxHeld entries,
	// about 300 bytes each: 60 MiB), the frame being received (16 MiB at
	// most, the 3-byte length of Direct TCP), go-fuse's request buffers
	// and the rest.
	memoryBase = 96 << 20
	// memoryPerRequest is the most one FUSE request in flight holds: the
	// frame that answers it (16 MiB at most) and 1 MiB of data.
	memoryPerRequest = 17 << 20
	// memoryPerReadFile is the read-ahead of a file open for reading
	// (prefetch.go: two chunks).
	memoryPerReadFile = 2 * prefetchChunk
	// memoryPerWriteFile is the write-behind of a file open for writing
	// (writebehind.go: wbLimit in flight and tailMax held back).
	memoryPerWriteFile = wbLimit + tailMax
	// The read-ahead and write-behind windows above these floors share
	// memoryWindows (window.go), once per mount.
	// memoryPerInode is what each inode the kernel holds costs (go-fuse's
	// Inode and our Node, measured: 124 MiB for 200,000 inodes).
	memoryPerInode = 700
)
