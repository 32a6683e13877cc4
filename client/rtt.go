package client

import (
	"sync"
	"sync/atomic"
	"time"
)

// Round trip time, as the read-ahead and write-behind windows of the
// file system need it (their size is the bandwidth-delay product).
//
// Every small request (CreditCharge 1: at most 64 KiB either way) that
// the server answers at once (no interim STATUS_PENDING) is a sample:
// the time from handing it to the writer to its response, which is the
// network's round trip plus the server's work for the request. The
// estimate is the least sample of the last two rttEpoch spans, so one
// slow answer (a CREATE that waited for the disk) does not count, and a
// path that became slower is seen within two epochs; large READs and
// WRITEs are not samples, their transfer time would count as delay. An
// epoch without samples keeps the one before: a long sequential read
// sends no small request, and its connection's delay has not changed.

// rttEpoch is the span over which the least sample is taken.
const rttEpoch = 10 * time.Second

// rttFloor is a connection's round trip estimate.
type rttFloor struct {
	mu sync.Mutex // guards the fields below
	// cur is the least sample since epoch began, prev that of the epoch
	// before (0: none).
	epoch     time.Time
	cur, prev time.Duration

	// est is min(cur, prev) of the non-zero ones, readable without mu.
	est atomic.Int64
}

// note records a sample d taken at now.
func (r *rttFloor) note(now time.Time, d time.Duration) {
	if d <= 0 {
		d = time.Nanosecond
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if now.Sub(r.epoch) >= rttEpoch {
		if r.cur > 0 {
			r.prev = r.cur
		}
		r.cur, r.epoch = 0, now
	}
	if r.cur == 0 || d < r.cur {
		r.cur = d
	}
	est := r.cur
	if r.prev > 0 && r.prev < est {
		est = r.prev
	}
	r.est.Store(int64(est))
}

// get returns the estimate, 0 before the first sample.
func (r *rttFloor) get() time.Duration { return time.Duration(r.est.Load()) }

// noteAnswer samples the round trip of cl, whose final response arrived
// at now, if it is a small request answered at once.
func (c *Conn) noteAnswer(cl *call, now time.Time) {
	if cl.async || cl.charge > 1 || cl.sent.IsZero() {
		return
	}
	c.rtt.note(now, now.Sub(cl.sent))
}

// RTT returns the round trip time of the connection f's requests go on
// (see rttFloor); 0 when it is not known yet or f's handle is lost.
func (f *File) RTT() time.Duration {
	sn, err := f.t.snap(f)
	if err != nil {
		return 0
	}
	return sn.conn.rtt.get()
}
