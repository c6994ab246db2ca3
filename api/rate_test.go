package api

import (
	"fmt"
	"testing"
	"time"
)

// The bucket refills at its rate up to its burst, per client, and answers how long to wait.
func TestRateLimiter(t *testing.T) {
	now := time.Unix(1_000_000, 0)
	l := newRateLimiter(100, 1000)
	l.now = func() time.Time { return now }
	if w := l.take("a", 1000); w != 0 {
		t.Fatalf("a full burst is allowed, got wait %s", w)
	}
	if w := l.take("a", 50); w != 500*time.Millisecond {
		t.Fatalf("50 more need half a second at 100/s, got %s", w)
	}
	if w := l.take("b", 1000); w != 0 {
		t.Fatalf("another client has its own bucket, got wait %s", w)
	}
	now = now.Add(time.Second)
	if w := l.take("a", 100); w != 0 {
		t.Fatalf("a second refills 100, got wait %s", w)
	}
	if w := l.take("a", 1); w == 0 {
		t.Fatal("the bucket is empty again")
	}
	now = now.Add(time.Hour)
	if w := l.take("a", 1001); w == 0 {
		t.Fatal("more than the burst never fits at once")
	}
	if w := newRateLimiter(0, 0).take("a", 1_000_000); w != 0 {
		t.Fatal("rate 0 means no limit")
	}
}

// Idle clients are forgotten once many are remembered; a client still owed tokens is kept.
func TestRateLimiterForgetsFullBuckets(t *testing.T) {
	now := time.Unix(1_000_000, 0)
	l := newRateLimiter(10, 10)
	l.now = func() time.Time { return now }
	l.take("busy", 10)
	for i := range maxIdleBuckets {
		l.take(fmt.Sprint("idle", i), 0)
	}
	l.take("new", 1)
	if _, ok := l.buckets["busy"]; !ok {
		t.Fatal("a client that owes tokens is remembered")
	}
	if len(l.buckets) > 3 {
		t.Fatalf("%d buckets remembered after forgetting the full ones", len(l.buckets))
	}
}
