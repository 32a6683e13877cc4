package fs

import (
	"sync/atomic"
	"time"
)

// Windows sized to the bandwidth-delay product, for the read-ahead of a
// sequential reader (prefetch.go) and the write-behind of a writer
// (writebehind.go).
//
// A handle keeps at most its window of bytes in flight, so it moves at
// most window / RTT bytes a second: 2 MiB at 10 ms is 200 MiB/s. Each
// window measures the rate its handle moves data at (bytes over a span
// of at least a round trip; the best of the last windowSpans spans)
// and asks for twice rate x RTT, between
// its floor (what a handle had before windows: right at 0 ms) and its
// ceiling:
//
//	window-limited: rate = window / RTT  ─► asks for 2 x window (doubles each RTT)
//	link-limited:   rate = link          ─► 2 x link x RTT (twice the BDP: headroom)
//	reader-limited: rate = reader        ─► 2 x reader x RTT (shrinks to what it uses)
//
// Below windowMinRTT a window does not follow the BDP: there the round
// trip (client.File.RTT: the least round trip of small requests) is
// mostly the server's own work, 0.3-0.7 ms on the loaded test VM, and
// rates measured over 10 ms spans jump about (at 0 ms windows of 1.1-1.3
// MB came and went). A window then asks for its least size (prefetch.go's
// four READs ahead; write-behind's floor), as it does at any round trip
// when the BDP is smaller. At 10 ms a window reaches its ceiling within a
// few round trips. The bytes above the floor come from the
// mount's budget (windowBudget), so many handles together hold at most
// memoryWindows more than their floors.

// windowMinRTT is the least round trip at which a window grows past its
// floor.
const windowMinRTT = 2 * time.Millisecond

// windowSpanMin is the shortest span a rate is measured over.
const windowSpanMin = 10 * time.Millisecond

// windowSpans is how many spans' rates the window takes the best of. Data
// arrives in bursts (the READs asked for together come back together),
// so one span may fall between two bursts: it must not shrink the window
// by itself. A reader that slowed down for good is seen after this many.
const windowSpans = 8

// ioWindow is the window of one handle's reads or writes. It is not safe
// for concurrent use: its owner's mutex guards it.
type ioWindow struct {
	// floor and ceil bound size, in bytes; least (at least floor, 0:
	// floor) is what the window asks for whatever the rate and round
	// trip, from the budget. Set once.
	floor, ceil, least int
	// budget gives the bytes above floor; nil: none (size stays at floor).
	budget *windowBudget

	// size is the current window: floor plus extra, which budget gave.
	size  int
	extra int

	// start is when the current span began (zero: none yet); bytes is
	// what moved since; rtt is the round trip asked for at the end of
	// the last span.
	start time.Time
	bytes int64
	rtt   time.Duration
	// rates are the last spans' rates in bytes per second, the newest
	// at rates[(next-1)%windowSpans].
	rates [windowSpans]float64
	next  int
}

// newIOWindow returns a window of floor bytes that may grow to ceil,
// with the bytes above floor taken from b.
func newIOWindow(floor, ceil int, b *windowBudget) ioWindow {
	return ioWindow{floor: floor, ceil: max(floor, ceil), budget: b, size: floor}
}

// rtter tells the connection's round trip (client.File.RTT; 0: unknown).
type rtter interface{ RTT() time.Duration }

// observe records n bytes moved at now and returns the window, resized at
// the end of a span. The round trip is asked of r at most once a
// windowSpanMin.
func (w *ioWindow) observe(now time.Time, n int, r rtter) int {
	if w.start.IsZero() {
		w.start = now
		w.bytes = int64(n)
		return w.size
	}
	w.bytes += int64(n)
	el := now.Sub(w.start)
	if el < max(w.rtt, windowSpanMin) {
		return w.size
	}
	w.rtt = r.RTT()
	rtt := w.rtt
	if el < rtt {
		return w.size
	}
	w.rates[w.next%windowSpans] = float64(w.bytes) / el.Seconds()
	w.next++
	rate := 0.0
	for _, r := range w.rates {
		rate = max(rate, r)
	}
	// Twice rate x rtt, in bytes.
	want := int64(2 * rate * rtt.Seconds())
	if rtt < windowMinRTT {
		want = 0
	}
	want = max(want, int64(w.least))
	w.resize(int(min(want, int64(w.ceil))))
	w.start, w.bytes = now, 0
	return w.size
}

// resize sets the window to want bytes, within [floor, ceil] and what
// the budget gives.
func (w *ioWindow) resize(want int) {
	want = min(max(want, w.floor), w.ceil)
	extra := want - w.floor
	if w.budget == nil {
		extra = 0
	}
	if extra > w.extra {
		extra = w.extra + w.budget.take(extra-w.extra)
	} else if extra < w.extra {
		w.budget.give(w.extra - extra)
	}
	w.extra = extra
	w.size = w.floor + extra
}

// release gives the bytes above floor back; the window is at its floor
// afterwards, and starts measuring again.
func (w *ioWindow) release() {
	if w.extra > 0 {
		w.budget.give(w.extra)
	}
	w.extra, w.size = 0, w.floor
	w.start, w.bytes, w.rtt = time.Time{}, 0, 0
	w.rates, w.next = [windowSpans]float64{}, 0
}

// memoryWindows is the most all the windows of a mount hold above their
// floors together (memory.go).
const memoryWindows = 64 << 20

// windowBudget is the mount's allowance for windows above their floors:
// memoryWindows bytes (or limit, when set, in tests). Its zero value is
// ready to use.
type windowBudget struct {
	used  atomic.Int64
	limit int64 // 0: memoryWindows; set before use
}

// take takes up to n bytes and returns how many it got.
func (b *windowBudget) take(n int) int {
	limit := b.limit
	if limit == 0 {
		limit = memoryWindows
	}
	for {
		used := b.used.Load()
		got := min(int64(n), limit-used)
		if got <= 0 {
			return 0
		}
		if b.used.CompareAndSwap(used, used+got) {
			return int(got)
		}
	}
}

// give returns n bytes taken before.
func (b *windowBudget) give(n int) { b.used.Add(-int64(n)) }
