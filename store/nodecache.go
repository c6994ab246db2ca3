package store

import (
	"crypto/sha256"
	"sync"
	"sync/atomic"
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
// Values sit inline in the maps, which hold no pointers: the garbage collector does not
// trace them (a heap of millions of small objects costs seconds of collector time per cycle)
// and a lookup touches one slot rather than a slot and a value elsewhere — at millions of
// nodes each touch is a cache miss. While the tree fits no live node is evicted, however
// rarely it is read (the bottom of a loan's path is read once a month); beyond the budget
// entries are evicted in the map's own (random) order, which only decides what is cached.
//
// The cache is split into shards by the hash's first byte, each with its own lock: the tree
// update reads it from two goroutines (and the warm-up writes it from a third), and one
// lock taken a few hundred thousand times a block by each made them queue.
type nodeCache struct {
	shards [nodeCacheShards]nodeShard
	// diskReads counts the nodes its readers (execution, snapshots) read from pebble (Stats).
	diskReads atomic.Int64
}

const nodeCacheShards = 64

type nodeShard struct {
	mu         sync.RWMutex
	maxEntries int
	nodes      map[nodeHash]nodeValue
	_          [64]byte // keeps neighbouring shards' locks off one cache line
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
	c := &nodeCache{}
	for i := range c.shards {
		c.shards[i] = nodeShard{maxEntries: max(bytes/nodeEntryBytes/nodeCacheShards, 1024/nodeCacheShards),
			nodes: make(map[nodeHash]nodeValue)}
	}
	return c
}

func (c *nodeCache) shard(hash []byte) *nodeShard { return &c.shards[hash[0]%nodeCacheShards] }

// appendTo appends a cached node to dst.
func (c *nodeCache) appendTo(dst, hash []byte) ([]byte, bool) {
	if len(hash) != sha256.Size {
		return dst, false
	}
	s := c.shard(hash)
	s.mu.RLock()
	v, ok := s.nodes[nodeHash(hash)]
	s.mu.RUnlock()
	if !ok {
		return dst, false
	}
	return append(dst, v.data[:v.n]...), true
}

func (c *nodeCache) put(hash, value []byte) {
	if len(hash) != sha256.Size || len(value) > maxCachedValue {
		return
	}
	v := nodeValue{n: uint8(len(value))}
	copy(v.data[:], value)
	s := c.shard(hash)
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.nodes) >= s.maxEntries {
		s.evict(s.maxEntries / 16)
	}
	s.nodes[nodeHash(hash)] = v
}

// evict drops n entries, whichever the map yields first.
func (s *nodeShard) evict(n int) {
	for h := range s.nodes { // random order is fine: it only decides what stays cached
		if n == 0 {
			return
		}
		delete(s.nodes, h)
		n--
	}
}

// full tells whether the cache holds as many nodes as its budget allows (the shards fill
// evenly: hashes are uniform).
func (c *nodeCache) full() bool {
	return c.len() >= c.capacity()
}

// capacity is how many nodes the budget holds.
func (c *nodeCache) capacity() int { return len(c.shards) * c.shards[0].maxEntries }

// len is the number of cached nodes.
func (c *nodeCache) len() int {
	n := 0
	for i := range c.shards {
		s := &c.shards[i]
		s.mu.RLock()
		n += len(s.nodes)
		s.mu.RUnlock()
	}
	return n
}

// remove forgets a node the tree no longer holds.
func (c *nodeCache) remove(hash []byte) {
	if len(hash) != sha256.Size {
		return
	}
	s := c.shard(hash)
	s.mu.Lock()
	delete(s.nodes, nodeHash(hash))
	s.mu.Unlock()
}
