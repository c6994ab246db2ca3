package store

import "time"

// Stats are counters an operator or a benchmark reads to see where the tree's time goes:
// how many nodes the tree read from pebble rather than from memory, how large the node cache
// is, and how the warm-up after opening went.
type Stats struct {
	NodeDiskReads int64         // tree nodes read from pebble (cache misses) since Open
	CachedNodes   int           // tree nodes in the node cache now
	CacheCapacity int           // tree nodes the cache's budget holds
	Warming       bool          // the warm-up after opening is still running
	WarmedNodes   int64         // tree nodes the warm-up loaded
	WarmTook      time.Duration // how long the warm-up ran (so far, while Warming)
}

// Stats returns the store's counters. Safe on any goroutine.
func (db *DB) Stats() Stats {
	s := Stats{
		NodeDiskReads: db.nodeCache.diskReads.Load(),
		CachedNodes:   db.nodeCache.len(),
		CacheCapacity: db.nodeCache.capacity(),
		WarmedNodes:   db.warming.loaded.Load(),
	}
	if start := db.warming.started; !start.IsZero() {
		end := time.Now()
		if ended := db.warming.ended.Load(); ended != 0 {
			end = time.Unix(0, ended)
		} else {
			s.Warming = true
		}
		s.WarmTook = end.Sub(start)
	}
	return s
}
