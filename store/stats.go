package store

import (
	"sync/atomic"
	"time"
)

// Stats are counters an operator or a benchmark reads to see where the tree's time goes:
// how many nodes the tree read from pebble rather than from memory, how large the node cache
// is, how the warm-up after opening went, what the last commit wrote and how pebble keeps up.
type Stats struct {
	NodeDiskReads int64         // tree nodes read from pebble (cache misses) since Open
	CachedNodes   int           // tree nodes in the node cache now
	CacheCapacity int           // tree nodes the cache's budget holds
	Warming       bool          // the warm-up after opening is still running
	WarmedNodes   int64         // tree nodes the warm-up loaded
	WarmTook      time.Duration // how long the warm-up ran (so far, while Warming)

	LastCommit CommitStats // what the last Commit wrote

	// Pebble's own counters since Open: write stalls (writes held back while flushes or L0
	// compactions catch up) and their total time, flushes and compactions, and the L0
	// sublevels now (read amplification; pebble stalls writes at its L0 stop threshold).
	WriteStalls     int64
	WriteStallTime  time.Duration
	Flushes         int64
	Compactions     int64
	L0Sublevels     int32
	L0Files         int64
	CompactionDebt  uint64 // bytes pebble estimates it must still compact
	Background      int64  // flushes and compactions running now
	MemTableBytes   uint64 // memory of memtables and flushable batches now
	PebbleDiskBytes uint64 // pebble's files on disk
}

// CommitStats count one Commit's batch by kind of record.
type CommitStats struct {
	StateKeys     int // state values set or deleted
	Nodes         int // tree nodes written
	Orphans       int // nodes recorded as superseded at this height
	OrphanRecords int // keys those records take
	Pruned        int // superseded nodes deleted (KeepRecent heights old)
	BatchBytes    int // the batch's size
}

// stallCounter counts pebble's write stalls through its event listener.
type stallCounter struct {
	count atomic.Int64
	since atomic.Int64 // Unix nanoseconds of the stall in progress, 0 if none
	total atomic.Int64 // nanoseconds stalled
}

func (s *stallCounter) begin() {
	s.count.Add(1)
	s.since.Store(time.Now().UnixNano())
}

func (s *stallCounter) end() {
	if t := s.since.Swap(0); t != 0 {
		s.total.Add(time.Now().UnixNano() - t)
	}
}

// Stats returns the store's counters. Safe on any goroutine.
func (db *DB) Stats() Stats {
	s := Stats{
		NodeDiskReads:  db.nodeCache.diskReads.Load(),
		CachedNodes:    db.nodeCache.len(),
		CacheCapacity:  db.nodeCache.capacity(),
		WarmedNodes:    db.warming.loaded.Load(),
		WriteStalls:    db.stalls.count.Load(),
		WriteStallTime: time.Duration(db.stalls.total.Load()),
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
	db.mu.RLock() // Close sets closing under the write lock, before pebble closes
	defer db.mu.RUnlock()
	s.LastCommit = db.lastCommit
	if db.closing.Load() {
		return s // pebble's metrics are not to be read once it closes
	}
	m := db.pdb.Metrics()
	s.Flushes, s.Compactions = m.Flush.Count, m.Compact.Count
	s.L0Sublevels, s.L0Files = m.Levels[0].Sublevels, m.Levels[0].NumFiles
	s.CompactionDebt, s.MemTableBytes = m.Compact.EstimatedDebt, m.MemTable.Size
	s.PebbleDiskBytes = m.DiskSpaceUsage()
	s.Background = m.Flush.NumInProgress + m.Compact.NumInProgress
	return s
}

// Settle waits, for at most limit, until the last commit's nodes are in the node cache and
// pebble runs no flush or compaction: the store as the next block finds it when blocks are
// far apart. It reports whether the store settled. Like Commit, it is called between blocks.
func (db *DB) Settle(limit time.Duration) bool {
	db.nodes.waitCache()
	for deadline := time.Now().Add(limit); ; time.Sleep(10 * time.Millisecond) {
		if db.Stats().Background == 0 {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
	}
}
