package fs

// MemoryBound is the most heap one mount's daemon holds because of what a
// server sends, however it lies (see "Memory" in the package comment).
const MemoryBound = 256 << 20
