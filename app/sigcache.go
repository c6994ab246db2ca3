package app

import "sync"

// sigCache remembers the hashes of transactions whose signature verified, so that a
// transaction is verified once: in CheckTx, and never again on recheck or in FinalizeBlock.
// It is bounded; an evicted entry only costs one more verification. Whether an entry is
// present never changes a result, only the work done, so it cannot fork the chain.
type sigCache struct {
	mu    sync.Mutex
	set   map[[32]byte]struct{}
	ring  [][32]byte
	next  int
	limit int
}

func newSigCache(limit int) *sigCache {
	return &sigCache{set: make(map[[32]byte]struct{}, limit), ring: make([][32]byte, limit), limit: limit}
}

func (c *sigCache) has(hash []byte) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.set[[32]byte(hash)]
	return ok
}

func (c *sigCache) add(hash []byte) {
	h := [32]byte(hash)
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.set[h]; ok {
		return
	}
	if len(c.set) >= c.limit {
		delete(c.set, c.ring[c.next])
	}
	c.ring[c.next] = h
	c.next = (c.next + 1) % c.limit
	c.set[h] = struct{}{}
}
