package client

import "time"

// SetNamespaceClock makes ns tell the time (referral TTLs) by now.
func SetNamespaceClock(ns *Namespace, now func() time.Time) { ns.now = now }
