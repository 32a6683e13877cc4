package client

import "sync"

// Buffer pools of the data path. Large READ frames are recycled by the
// reader (getFrame, releaseFrame in conn.go); these recycle what WRITEs
// are built and sealed in, so a stream of 1 MiB writes does not allocate
// and zero a megabyte per request.

// minPooledBuf is the smallest buffer worth pooling.
const minPooledBuf = 64 << 10

// writeRooms recycles WRITE buffers (newRoom-shaped) between requests.
var writeRooms sync.Pool

// getWriteRoom returns a room for a message of size bytes.
func getWriteRoom(size int) []byte {
	if r, ok := writeRooms.Get().(*[]byte); ok && cap(*r) >= frameRoom+size+sealSlack {
		return (*r)[:cap(*r)]
	}
	room, _ := newRoom(size)
	return room
}

// putWriteRoom recycles a room from getWriteRoom; only chunk-sized ones are
// kept.
func putWriteRoom(room []byte) {
	if cap(room) >= minPooledBuf {
		writeRooms.Put(&room)
	}
}

// sealBufs recycles the frames that messages kept for a resend are sealed
// into (outgoing.keep): such a frame is free again once written.
var sealBufs sync.Pool

// getSealBuf returns a buffer of capacity at least size.
func getSealBuf(size int) []byte {
	if size >= minPooledBuf {
		if b, ok := sealBufs.Get().(*[]byte); ok && cap(*b) >= size {
			return (*b)[:0]
		}
	}
	return make([]byte, 0, size)
}

// putSealBuf recycles a buffer from getSealBuf.
func putSealBuf(b []byte) {
	if cap(b) >= minPooledBuf {
		sealBufs.Put(&b)
	}
}
