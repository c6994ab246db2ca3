package store

import (
	"crypto/sha256"
	"sync"
)

// DefaultNodeCacheBytes is the default memory for tree nodes. Every changed key rehashes a
// path of about log2(keys) nodes, and the lower ones are all but random, so the node cache
// should hold the whole tree: a node read from pebble costs 5–25 µs (a data block read and,
// on a VM, page faults for pebble's cache), one from memory well under 1 µs. A chain with a
// million loans has about 7 million nodes (about 1 GB here); 2 GiB holds that with room for
// growth.
const DefaultNodeCacheBytes = 2 << 30

// nodeCache keeps the tree's nodes in memory: those read from disk and those written by
// commits, minus those commits orphaned. Nodes are content-addressed (the key is the hash of
// the value), so a cached node can never be stale, and the cache can be shared by the
// executing goroutine and snapshots on others.
//
// Values sit inline in the map, which holds no pointers: the garbage collector does not
// trace it (a heap of millions of small objects costs seconds of collector time per cycle)
// and a lookup touches one slot rather than a slot and a value elsewhere — at millions of
// nodes each touch is a cache miss. While the tree fits no live node is evicted, however
// rarely it is read (the bottom of a loan's path is read once a month); beyond the budget
// entries are evicted in the map's own (random) order, which only decides what is cached.
type nodeCache struct {
	mu         sync.Mutex
	maxEntries int
	nodes      map[nodeHash]nodeValue
}

type nodeHash = [sha256.Size]byte

// nodeValue is an encoded node: smt's nodes with sha256 are 65 bytes (leaf, inner) or 67
// (extension).
type nodeValue struct {
	n    uint8
	data [maxCachedValue]byte
}

const (
	maxCachedValue = 67
	// nodeEntryBytes is the memory of one entry: key, value, the map's control bytes and its
	// free slots (measured: 210 bytes just after the map grew, 135 just before it grows).
	nodeEntryBytes = 160
)

func newNodeCache(bytes int) *nodeCache {
	if bytes <= 0 {
		bytes = DefaultNodeCacheBytes
	}
	return &nodeCache{maxEntries: max(bytes/nodeEntryBytes, 1024), nodes: make(map[nodeHash]nodeValue)}
}

// get returns a copy of a cached node.
func (c *nodeCache) get(hash []byte) ([]byte, bool) {
	if len(hash) != sha256.Size {
		return nil, false
	}
	c.mu.Lock()
	v, ok := c.nodes[nodeHash(hash)]
	c.mu.Unlock()
	if !ok {
		return nil, false
	}
	return append([]byte(nil), v.data[:v.n]...), true
}

func (c *nodeCache) put(hash, value []byte) {
	if len(hash) != sha256.Size || len(value) > maxCachedValue {
		return
	}
	v := nodeValue{n: uint8(len(value))}
	copy(v.data[:], value)
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.nodes) >= c.maxEntries {
		c.evict(c.maxEntries / 16)
	}
	c.nodes[nodeHash(hash)] = v
}

// evict drops n entries, whichever the map yields first.
func (c *nodeCache) evict(n int) {
	for h := range c.nodes { // random order is fine: it only decides what stays cached
		if n == 0 {
			return
		}
		delete(c.nodes, h)
		n--
	}
}

// full tells whether a put would evict.
func (c *nodeCache) full() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.nodes) >= c.maxEntries
}

// remove forgets a node the tree no longer holds.
func (c *nodeCache) remove(hash []byte) {
	if len(hash) != sha256.Size {
		return
	}
	c.mu.Lock()
	delete(c.nodes, nodeHash(hash))
	c.mu.Unlock()
}
