package store

import (
	"crypto/sha256"
	"sync"
)

// DefaultNodeCacheBytes is the default memory for tree nodes. Every changed key rehashes a
// path of about log2(keys) nodes, and the lower ones are all but random, so the node cache
// should hold the whole tree: a node read from pebble costs 5–25 µs (a data block read and,
// on a VM, page faults for pebble's cache), one from memory well under 1 µs. A node takes
// about 120 bytes here, and a chain with a million loans has about 7 million nodes, so 2 GiB
// (two generations of 1 GiB) keeps it whole with room to grow.
const DefaultNodeCacheBytes = 2 << 30

// nodeCache keeps tree nodes in memory: those read from disk and those written by commits.
// Nodes are content-addressed (the key is the hash of the value), so a cached node can never
// be stale, and the cache can be shared by the executing goroutine and snapshots on others.
//
// It holds no pointers the garbage collector must trace — an index from hash to a location
// in large byte chunks — because a heap of millions of small objects costs seconds of
// collector time per cycle. Eviction is by generations: when the young generation fills it
// becomes the old one and the previous old one is dropped; a hit in the old generation copies
// the node into the young one. Whatever every block reads (the tree's upper levels) stays.
type nodeCache struct {
	mu         sync.Mutex
	genBytes   int
	young, old *generation
}

type nodeHash = [sha256.Size]byte

// generation is an append-only arena of node values and their index.
type generation struct {
	index  map[nodeHash]uint64 // chunk << 40 | offset << 16 | length
	chunks [][]byte
	bytes  int // values plus an estimate of the index's share
}

const (
	cacheChunkBytes = 4 << 20
	indexEntryBytes = 48 // key, location and the map's own overhead
	maxCachedValue  = 1<<16 - 1
)

func newNodeCache(bytes int) *nodeCache {
	if bytes <= 0 {
		bytes = DefaultNodeCacheBytes
	}
	return &nodeCache{genBytes: bytes / 2, young: newGeneration(), old: newGeneration()}
}

func newGeneration() *generation { return &generation{index: make(map[nodeHash]uint64)} }

func (g *generation) get(h *nodeHash) ([]byte, bool) {
	loc, ok := g.index[*h]
	if !ok {
		return nil, false
	}
	chunk, off, n := loc>>40, (loc>>16)&(1<<24-1), loc&(1<<16-1)
	return g.chunks[chunk][off : off+n : off+n], true
}

func (g *generation) put(h *nodeHash, value []byte) {
	last := len(g.chunks) - 1
	if last < 0 || cap(g.chunks[last])-len(g.chunks[last]) < len(value) {
		g.chunks = append(g.chunks, make([]byte, 0, cacheChunkBytes))
		last++
	}
	off := len(g.chunks[last])
	g.chunks[last] = append(g.chunks[last], value...)
	g.index[*h] = uint64(last)<<40 | uint64(off)<<16 | uint64(len(value))
	g.bytes += len(value) + indexEntryBytes
}

// get returns a cached node. The slice is shared: callers must not modify it.
func (c *nodeCache) get(hash []byte) ([]byte, bool) {
	if len(hash) != sha256.Size {
		return nil, false
	}
	h := (*nodeHash)(hash)
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.young.get(h); ok {
		return v, true
	}
	v, ok := c.old.get(h)
	if ok {
		c.putLocked(h, v)
	}
	return v, ok
}

func (c *nodeCache) put(hash, value []byte) {
	if len(hash) != sha256.Size || len(value) > maxCachedValue {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.putLocked((*nodeHash)(hash), value)
}

func (c *nodeCache) putLocked(h *nodeHash, value []byte) {
	if _, ok := c.young.index[*h]; ok {
		return
	}
	if c.young.bytes >= c.genBytes {
		c.old, c.young = c.young, newGeneration()
	}
	c.young.put(h, value)
}
