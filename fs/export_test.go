package fs

// The memory bound's figures, for the hostile-server test (package fs_test).
const (
	MemoryBase         = memoryBase
	MemoryPerRequest   = memoryPerRequest
	MemoryPerReadFile  = memoryPerReadFile
	MemoryPerWriteFile = memoryPerWriteFile
	MemoryPerInode     = memoryPerInode
	MaxPlusInodes      = maxPlusInodes
)
