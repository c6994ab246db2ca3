package store

import "sync"

// ReadCacheEntries bounds the committed-state read cache. When full it is emptied whole:
// simple, and the cache never changes a result, only how often pebble is asked.
const ReadCacheEntries = 500_000

// readCache remembers committed values (and absences) read during execution, so that hot
// keys — an asset, a sender's member record, frozen flags — are read from pebble once.
// Commit writes through it, so it always equals committed state.
type readCache struct {
	mu      sync.RWMutex
	entries map[string][]byte // nil value: known absent
}

func newReadCache() *readCache { return &readCache{entries: make(map[string][]byte)} }

func (c *readCache) get(key []byte) ([]byte, bool) {
	c.mu.RLock()
	v, ok := c.entries[string(key)]
	c.mu.RUnlock()
	return v, ok
}

func (c *readCache) put(key, value []byte) {
	c.mu.Lock()
	if len(c.entries) >= ReadCacheEntries {
		c.entries = make(map[string][]byte)
	}
	c.entries[string(key)] = value
	c.mu.Unlock()
}

// update applies a commit's changes.
func (c *readCache) update(changes *Cache) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, e := range changes.writes { // distinct keys: order is irrelevant
		if _, cached := c.entries[k]; !cached {
			continue
		}
		if e.deleted {
			c.entries[k] = nil
		} else {
			c.entries[k] = e.value
		}
	}
}

// cachedReader reads committed state through the read cache.
type cachedReader struct {
	db *DB
}

func (r cachedReader) Get(key []byte) []byte {
	if v, ok := r.db.reads.get(key); ok {
		return v
	}
	v := pebbleReader{r.db.pdb}.Get(key)
	r.db.reads.put(key, v)
	return v
}

func (r cachedReader) Iterate(start, end []byte, fn func(key, value []byte) bool) {
	pebbleReader{r.db.pdb}.Iterate(start, end, fn)
}
