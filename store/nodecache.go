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
// million loans has about 7 million nodes (about 0.85 GiB at nodeEntryBytes each); 2 GiB holds
// that with room for growth.
const DefaultNodeCacheBytes = 2 << 30

// nodeCache keeps the tree's nodes in memory: those read from disk and those written by
// commits, minus those commits orphaned. Nodes are content-addressed (the key is the hash of
// the value), so a cached node can never be stale, and the cache can be shared by the
// executing goroutine and snapshots on others.
//
// Each shard is its own hash table (nodeTable below), not a Go map. A due block at a million
// loans removes about 190,000 orphaned nodes and puts as many new ones: a Go map leaves a
// tombstone for most deletions, and an insert into a table full of live entries and
// tombstones splits it into two new ones — at a million loans that was 1.4 s of CPU in four
// due blocks (more than the collections' own ~0.8 s a block), on the goroutine that caches
// the last commit beside the next block's collections, on two cores. nodeTable deletes by
// shifting back the entries after the deleted one, so it never holds a tombstone and
// churn never makes it grow; entries and table hold no pointers and live outside the Go
// heap (offheap_unix.go), so the garbage collector neither traces them nor counts them
// when it decides how much the program may allocate before the next collection. While the
// tree fits no live node is evicted, however rarely it is read (the bottom of a loan's path
// is read once a month); beyond the budget entries are evicted in table order from a moving
// cursor, which only decides what is cached.
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
	nodes      nodeTable
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
	// nodeEntryBytes is the memory of one entry: its hash and value (100 bytes) and its slot
	// in the table, 8 bytes at a load between 3/8 and 3/4 (11 to 22 bytes an entry).
	nodeEntryBytes = 124
)

func newNodeCache(bytes int) *nodeCache {
	if bytes <= 0 {
		bytes = DefaultNodeCacheBytes
	}
	c := &nodeCache{}
	for i := range c.shards {
		c.shards[i] = nodeShard{maxEntries: max(bytes/nodeEntryBytes/nodeCacheShards, 1024/nodeCacheShards),
			nodes: newNodeTable()}
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
	e := s.nodes.find(hash)
	if e == nil {
		s.mu.RUnlock()
		return dst, false
	}
	dst = append(dst, e.value.data[:e.value.n]...)
	s.mu.RUnlock()
	return dst, true
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
	if s.nodes.count >= s.maxEntries {
		s.nodes.evict(s.maxEntries / 16)
	}
	s.nodes.put(hash, &v)
}

// release returns the cache's memory (DB.Close); a released cache finds and keeps nothing.
func (c *nodeCache) release() {
	for i := range c.shards {
		s := &c.shards[i]
		s.mu.Lock()
		s.nodes.release()
		s.mu.Unlock()
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
		n += s.nodes.count
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
	s.nodes.remove(hash)
	s.mu.Unlock()
}
