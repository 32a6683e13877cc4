package fs

import (
	"testing"
	"time"
)

// The window logic (window.go) on a fake clock: each span the test moves
// what a handle with that window would move, and looks at the window.

// fixedRTT is a round trip that does not change.
type fixedRTT time.Duration

func (r fixedRTT) RTT() time.Duration { return time.Duration(r) }

// run feeds w spans of span each, moving rate(size) bytes a second, and
// returns the window after them.
func run(w *ioWindow, now *time.Time, spans int, span, rtt time.Duration, rate func(size int) float64) int {
	for range spans {
		// Two observations a span, as reads come in pieces.
		n := int(rate(w.size) * span.Seconds() / 2)
		*now = now.Add(span / 2)
		w.observe(*now, n, fixedRTT(rtt))
		*now = now.Add(span / 2)
		w.observe(*now, n, fixedRTT(rtt))
	}
	return w.size
}

func TestWindowStaysAtFloorAtShortRTT(t *testing.T) {
	// 0.2 ms and 800 MB/s: twice the BDP is 320 KB, under the floor;
	// 1.5 ms and 2 GB/s would be 6 MB, but on a LAN the floor is best.
	for _, c := range []struct {
		rtt  time.Duration
		rate float64
	}{{200 * time.Microsecond, 800e6}, {1500 * time.Microsecond, 2e9}} {
		w := newIOWindow(1<<20, 16<<20, &windowBudget{})
		now := time.Unix(1000, 0)
		w.observe(now, 0, fixedRTT(c.rtt))
		got := run(&w, &now, 50, 10*time.Millisecond, c.rtt, func(int) float64 { return c.rate })
		if got != 1<<20 {
			t.Errorf("window %d at %v and %.0f B/s, want the floor %d", got, c.rtt, c.rate, 1<<20)
		}
	}
}

func TestWindowGrowsToCeilingWhenItLimits(t *testing.T) {
	// A handle limited by its window moves window/RTT: the window
	// doubles each span until the ceiling.
	const rtt = 10 * time.Millisecond
	w := newIOWindow(1<<20, 16<<20, &windowBudget{})
	now := time.Unix(1000, 0)
	w.observe(now, 0, fixedRTT(rtt))
	limited := func(size int) float64 { return float64(size) / rtt.Seconds() }
	var sizes []int
	for range 6 {
		sizes = append(sizes, run(&w, &now, 1, rtt, rtt, limited))
	}
	for i := 1; i < len(sizes); i++ {
		if sizes[i] < min(2*sizes[i-1], 16<<20) {
			t.Errorf("window went %d -> %d in one span, want it doubled (up to the ceiling): %v", sizes[i-1], sizes[i], sizes)
		}
	}
	if sizes[len(sizes)-1] != 16<<20 {
		t.Errorf("window %d after 6 spans, want the ceiling %d: %v", sizes[len(sizes)-1], 16<<20, sizes)
	}
}

func TestWindowFollowsALinkOrAReader(t *testing.T) {
	// Limited by a link (or a reader) of 100 MB/s at 10 ms: twice the
	// BDP, 2 MB, whatever the window started at.
	const rtt = 10 * time.Millisecond
	for _, start := range []int{1 << 20, 16 << 20} {
		w := newIOWindow(1<<20, 16<<20, &windowBudget{})
		w.resize(start)
		now := time.Unix(1000, 0)
		w.observe(now, 0, fixedRTT(rtt))
		got := run(&w, &now, 3*windowSpans, rtt, rtt, func(size int) float64 { return min(100e6, float64(size)/rtt.Seconds()) })
		if want := int(2 * 100e6 * rtt.Seconds()); got < want-1000 || got > want+1000 {
			t.Errorf("from %d: window %d, want about %d", start, got, want)
		}
	}
}

func TestWindowOneSlowSpanDoesNotShrinkIt(t *testing.T) {
	// Data comes in bursts: a span between two keeps the window.
	const rtt = 10 * time.Millisecond
	w := newIOWindow(1<<20, 16<<20, &windowBudget{})
	now := time.Unix(1000, 0)
	w.observe(now, 0, fixedRTT(rtt))
	fast := func(int) float64 { return 400e6 }
	before := run(&w, &now, 3, rtt, rtt, fast)
	after := run(&w, &now, 1, rtt, rtt, func(int) float64 { return 1e6 })
	if after != before {
		t.Errorf("one slow span took the window from %d to %d", before, after)
	}
	// A reader that slowed down for good is followed.
	slow := run(&w, &now, windowSpans, rtt, rtt, func(int) float64 { return 1e6 })
	if slow != 1<<20 {
		t.Errorf("after %d slow spans the window is %d, want the floor", windowSpans, slow)
	}
}

func TestWindowUnknownRTTStaysAtFloor(t *testing.T) {
	w := newIOWindow(4<<20, 16<<20, &windowBudget{})
	now := time.Unix(1000, 0)
	w.observe(now, 0, fixedRTT(0))
	if got := run(&w, &now, 20, 10*time.Millisecond, 0, func(int) float64 { return 1e9 }); got != 4<<20 {
		t.Errorf("window %d without an RTT, want the floor %d", got, 4<<20)
	}
}

func TestWindowBudgetBoundsAllWindows(t *testing.T) {
	// Three windows that each want 15 MiB above their floor share 20 MiB.
	b := &windowBudget{limit: 20 << 20}
	ws := make([]ioWindow, 3)
	for i := range ws {
		ws[i] = newIOWindow(1<<20, 16<<20, b)
		ws[i].resize(16 << 20)
	}
	total := 0
	for _, w := range ws {
		if w.size < w.floor || w.size > w.ceil {
			t.Errorf("window %d outside [%d, %d]", w.size, w.floor, w.ceil)
		}
		total += w.size - w.floor
	}
	if total != 20<<20 || b.used.Load() != 20<<20 {
		t.Errorf("windows hold %d above their floors, budget counts %d; want both %d", total, b.used.Load(), 20<<20)
	}
	// A window released gives its bytes to the next that grows.
	ws[0].release()
	if ws[0].size != ws[0].floor {
		t.Errorf("released window is %d, want its floor %d", ws[0].size, ws[0].floor)
	}
	ws[2].resize(16 << 20)
	if ws[2].size != 16<<20 {
		t.Errorf("window %d after another's release, want %d", ws[2].size, 16<<20)
	}
	// Shrinking gives back.
	for i := range ws {
		ws[i].resize(0)
	}
	if u := b.used.Load(); u != 0 {
		t.Errorf("budget counts %d with every window at its floor", u)
	}
}

func TestWindowLeastOnALAN(t *testing.T) {
	// A window with a least size asks for it at 0.2 ms, and gives it
	// back when released.
	b := &windowBudget{}
	w := newIOWindow(1<<20, 32<<20, b)
	w.least = 4 << 20
	now := time.Unix(1000, 0)
	w.observe(now, 0, fixedRTT(200*time.Microsecond))
	if got := run(&w, &now, 3, 10*time.Millisecond, 200*time.Microsecond, func(int) float64 { return 800e6 }); got != 4<<20 {
		t.Errorf("window %d at 0.2 ms, want its least %d", got, 4<<20)
	}
	if u := b.used.Load(); u != 3<<20 {
		t.Errorf("budget counts %d, want %d above the floor", u, 3<<20)
	}
	w.release()
	if u := b.used.Load(); u != 0 {
		t.Errorf("budget counts %d after release", u)
	}
}
