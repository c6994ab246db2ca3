package store

import "sync"

// nodeCacheSize is the number of tree nodes kept per generation (two generations, so
// between one and two times this many; a node is about 100 bytes with its key).
const nodeCacheSize = 400_000

// nodeCache keeps tree nodes read from disk. Nodes are content-addressed (the key is the
// hash of the value), so a cached node can never be stale. Eviction is by generations: when
// the young generation fills it becomes the old one and the previous old one is dropped; a
// hit in the old generation moves the node back to the young one. The upper levels of the
// tree, read by every update, therefore stay in memory.
type nodeCache struct {
	mu         sync.Mutex
	young, old map[string][]byte
}

func newNodeCache() *nodeCache {
	return &nodeCache{young: make(map[string][]byte), old: make(map[string][]byte)}
}

func (c *nodeCache) get(hash []byte) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.young[string(hash)]; ok {
		return v, true
	}
	v, ok := c.old[string(hash)]
	if ok {
		c.putLocked(string(hash), v)
	}
	return v, ok
}

func (c *nodeCache) put(hash, value []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.putLocked(string(hash), value)
}

func (c *nodeCache) putLocked(key string, value []byte) {
	if len(c.young) >= nodeCacheSize {
		c.old, c.young = c.young, make(map[string][]byte, nodeCacheSize/4)
	}
	c.young[key] = value
}
