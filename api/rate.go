package api

import (
	"math"
	"sync"
	"time"
)

// rateLimiter is a token bucket per client (the remote IP): a client may take perSecond
// tokens a second on average and burst at once. Batch submission takes one token per
// transaction, so a client's share of the node's CheckTx is bounded whatever the size of its
// batches.
type rateLimiter struct {
	mu        sync.Mutex
	perSecond float64
	burst     float64
	buckets   map[string]*bucket
	now       func() time.Time
}

type bucket struct {
	tokens float64
	at     time.Time
}

// maxIdleBuckets is how many clients the limiter remembers before it forgets the ones whose
// buckets have refilled (forgetting a full bucket changes nothing).
const maxIdleBuckets = 4096

func newRateLimiter(perSecond, burst int) *rateLimiter {
	return &rateLimiter{perSecond: float64(perSecond), burst: float64(burst), buckets: map[string]*bucket{}, now: time.Now}
}

// take takes n tokens for client, or answers how long the client must wait before n are
// there (0: taken). perSecond 0 means no limit.
func (l *rateLimiter) take(client string, n int) time.Duration {
	if l == nil || l.perSecond <= 0 {
		return 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b, ok := l.buckets[client]
	if !ok {
		l.forgetFull(now)
		b = &bucket{tokens: l.burst, at: now}
		l.buckets[client] = b
	}
	b.tokens = math.Min(l.burst, b.tokens+now.Sub(b.at).Seconds()*l.perSecond)
	b.at = now
	need := float64(n)
	if b.tokens >= need {
		b.tokens -= need
		return 0
	}
	wait := time.Duration((need - b.tokens) / l.perSecond * float64(time.Second))
	return max(wait, time.Millisecond)
}

// forgetFull drops the buckets that have refilled, once the map is large.
func (l *rateLimiter) forgetFull(now time.Time) {
	if len(l.buckets) < maxIdleBuckets {
		return
	}
	for c, b := range l.buckets {
		if b.tokens+now.Sub(b.at).Seconds()*l.perSecond >= l.burst {
			delete(l.buckets, c)
		}
	}
}
