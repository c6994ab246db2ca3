package app

import (
	"sync"

	"github.com/puhui-chain/puhui/tx"
)

// hashCache is a bounded map keyed by transaction hash. It only ever saves work: an evicted
// entry costs the work again, and whether an entry is present never changes a result, so it
// cannot fork the chain. Eviction is first in, first out.
type hashCache[V any] struct {
	mu    sync.Mutex
	m     map[[32]byte]V
	ring  [][32]byte
	next  int
	limit int
}

func newHashCache[V any](limit int) *hashCache[V] {
	return &hashCache[V]{m: make(map[[32]byte]V, limit), ring: make([][32]byte, limit), limit: limit}
}

func (c *hashCache[V]) get(hash []byte) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[[32]byte(hash)]
	return v, ok
}

func (c *hashCache[V]) put(hash []byte, v V) {
	h := [32]byte(hash)
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[h]; ok {
		return
	}
	if len(c.m) >= c.limit {
		delete(c.m, c.ring[c.next])
	}
	c.ring[c.next] = h
	c.next = (c.next + 1) % c.limit
	c.m[h] = v
}

// sigCache remembers the hashes of transactions whose signature verified, so that a
// transaction is verified once: in CheckTx (or a batch before it), and never again on recheck
// or in FinalizeBlock.
type sigCache struct{ c *hashCache[struct{}] }

func newSigCache(limit int) *sigCache { return &sigCache{newHashCache[struct{}](limit)} }

func (s *sigCache) has(hash []byte) bool {
	_, ok := s.c.get(hash)
	return ok
}

func (s *sigCache) add(hash []byte) { s.c.put(hash, struct{}{}) }

// decodeCache keeps the transactions the mempool side decoded (a batch's PreVerify, CheckTx,
// recheck, the proposal checks), so that a transaction is decoded once there rather than four
// times: decoding was most of a recheck's cost. Its entries are shared between goroutines and
// must never be modified; block execution decodes afresh and never uses them. It is sized
// for a full mempool with room to spare (8,000 transactions by default; a few hundred bytes
// each).
type decodeCache struct{ c *hashCache[*tx.Decoded] }

const decodeCacheSize = 20_000

func newDecodeCache(limit int) *decodeCache { return &decodeCache{newHashCache[*tx.Decoded](limit)} }

// decode returns raw decoded, from the cache or freshly (and then cached). A transaction
// that fails to decode is not cached: its error is recomputed each time.
func (c *decodeCache) decode(raw []byte) (*tx.Decoded, error) {
	return c.decodeHashed(raw, tx.Hash(raw))
}

// decodeHashed is decode for a caller that already has raw's hash.
func (c *decodeCache) decodeHashed(raw, h []byte) (*tx.Decoded, error) {
	if d, ok := c.c.get(h); ok {
		return d, nil
	}
	d, err := tx.Decode(raw)
	if err != nil {
		return nil, err
	}
	c.c.put(h, d)
	return d, nil
}
