package store

import (
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cockroachdb/pebble"
)

// warming loads the committed tree into the node cache when the store opens. Without it a
// restarted node would read the lower levels of every changed key's path from pebble for a
// month — until every loan had fallen due once — at 5–25 µs a node (measured at 100,000
// loans: the first due block after a restart read 15,806 nodes from pebble and spent 1.35 s
// on its root, against about 0.2 s warm).
//
// It runs in the background, so that opening stays quick for what does not execute blocks
// (export, reindexing, tests); a node waits for it before it starts consensus (WaitWarm),
// and the first ApplyChanges waits for it in any case (waitWarm). Racing it
// instead made the first blocks read the same nodes one by one, at random, that the warm-up
// was about to read in bulk, and each slowed the other. The cache never changes a result
// (nodes are content-addressed and every root is recomputed from them), so a warm-up that
// is stopped, fails, or loads a superseded node can cost time, never correctness.
type warming struct {
	stop    atomic.Bool
	done    chan struct{}
	started time.Time    // set before the goroutine starts
	ended   atomic.Int64 // Unix nanoseconds; 0 while running
	loaded  atomic.Int64 // nodes put into the cache
}

func (db *DB) startWarming() {
	db.warming.done = make(chan struct{})
	db.warming.started = time.Now()
	go func() {
		defer close(db.warming.done)
		_ = db.warmNodes() // best effort: a node it cannot read, Get reports when needed
		db.warming.ended.Store(time.Now().UnixNano())
	}()
}

// waitWarm waits until the warm-up has ended (at once if there is none or it is over).
func (db *DB) waitWarm() {
	if db.warming.done != nil {
		<-db.warming.done
	}
}

// WaitWarm waits until the warm-up after opening has ended, or ctx is done. A node calls it
// before it starts consensus, so that it does not run its first blocks while the tree is
// still loading: the warm-up and blocks that read the same nodes one by one slow each other,
// and an empty or new store returns at once. Stats().WarmTook then says how long it took.
func (db *DB) WaitWarm(ctx context.Context) error {
	if db.warming.done == nil {
		return nil
	}
	select {
	case <-db.warming.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// stopWarming ends the warm-up and waits for it (before pebble closes).
func (db *DB) stopWarming() {
	if db.warming.done != nil {
		db.warming.stop.Store(true)
		<-db.warming.done
	}
}

// maxWarmOrphans bounds the orphans the warm-up holds in memory at once (16 bytes each: 64
// MiB). With more — a node that keeps many heights of busy blocks for proofs — it loads the
// node keyspace in as many parts, by hash range, each with the orphans that fall into it. A
// variable so that a test can reach the parts.
var maxWarmOrphans = 4 << 20

// warmNodes loads the committed tree into the node cache, until the cache is full. It reads
// the node keyspace once, in key order: pebble then reads each data block once, in file
// order, where walking the tree reads a block once per level of the tree that has a node in
// it — at a million loans the lower ten levels each touch nearly every block. Superseded
// nodes (pebble keeps them KeepRecent heights for proofs) are skipped by their orphan
// records. Those are listed by height, not by node, so each part of the keyspace reads them
// all and keeps the ones in its hash range: reading them again costs less than holding
// millions (the old bound fell back to walking the tree level by level, 41 s of a 47 s
// warm-up at a million loans).
func (db *DB) warmNodes() error {
	total, err := db.countOrphans()
	if err != nil {
		return err
	}
	// The cache's maps grow as nodes come in rather than being sized first from the node
	// keyspace: at 300,000 loans sizing them took as long (the time is first touching the
	// memory either way) and left 1,181 MiB resident after the warm-up against 1,030.
	parts := uint64(total/maxWarmOrphans + 1)
	width := ^uint64(0)/parts + 1
	// One buffer for every part's orphans, sized for a part (ids are uniform) with a margin:
	// growing it by appending was nearly half of reading them at a million loans.
	orphans := make([]orphan, 0, total/int(parts)+total/int(parts)/8+1024)
	for p := uint64(0); p < parts; p++ {
		lo, hi := p*width, p*width+width-1 // hi is inclusive: the last part ends at 2^64-1
		if p == parts-1 {
			hi = ^uint64(0)
		}
		orphans, err = db.readOrphans(orphans[:0], lo, hi)
		if err != nil {
			return err
		}
		if done, err := db.warmHalves(lo, hi, orphans); done || err != nil {
			return err
		}
	}
	return nil
}

// warmHalves loads [lo, hi] as two halves on two goroutines: the load is CPU-bound (reading
// pebble's blocks, inserting into the cache's maps, whose shards have their own locks), and a
// node waits for it before it starts consensus.
func (db *DB) warmHalves(lo, hi uint64, orphans []orphan) (bool, error) {
	mid := lo + (hi-lo)/2
	cut, _ := slices.BinarySearchFunc(orphans, mid+1, func(o orphan, id uint64) int { return cmp.Compare(o.id, id) })
	var wg sync.WaitGroup
	var done [2]bool
	var errs [2]error
	wg.Go(func() { done[0], errs[0] = db.warmRange(lo, mid, orphans[:cut]) })
	wg.Go(func() { done[1], errs[1] = db.warmRange(mid+1, hi, orphans[cut:]) })
	wg.Wait()
	return done[0] || done[1], errors.Join(errs[0], errs[1])
}

// warmRange loads the nodes whose digests' first 8 bytes are in [lo, hi], skipping the
// superseded ones, and reports whether the warm-up must end (stopped, or the cache full).
func (db *DB) warmRange(lo, hi uint64, orphans []orphan) (bool, error) {
	opts := &pebble.IterOptions{LowerBound: nodeKey(binary.BigEndian.AppendUint64(nil, lo)), UpperBound: PrefixEnd(prefixNode)}
	if hi != ^uint64(0) {
		opts.UpperBound = nodeKey(binary.BigEndian.AppendUint64(nil, hi+1))
	}
	it, err := db.pdb.NewIter(opts)
	if err != nil {
		return true, err
	}
	defer it.Close()
	next := 0 // the first orphan not below the iterator's node
	n, loaded := 0, int64(0)
	// Counted here and added every 4096 nodes: two goroutines adding to one counter per
	// node would pass its cache line back and forth.
	defer func() { db.warming.loaded.Add(loaded) }()
	for valid := it.First(); valid; valid = it.Next() {
		if n++; n%4096 == 0 {
			db.warming.loaded.Add(loaded)
			loaded = 0
			if db.warming.stop.Load() || db.nodeCache.full() {
				return true, nil
			}
		}
		hash, value := it.Key()[len(prefixNode):], it.Value()
		if len(hash) != len(nodeHash{}) || len(value) < 8 {
			continue // not a node; Get reports it if it is ever needed
		}
		id := binary.BigEndian.Uint64(hash)
		var orphanedAt int64 = -1
		for next < len(orphans) && orphans[next].id < id {
			next++
		}
		for i := next; i < len(orphans) && orphans[i].id == id; i++ {
			orphanedAt = max(orphanedAt, orphans[i].height)
		}
		if orphanedAt > int64(binary.BigEndian.Uint64(value[:8])) {
			continue // superseded at orphanedAt and not written again since: pruning waits for it
		}
		db.nodeCache.put(hash, value[8:])
		loaded++
	}
	return false, it.Error()
}

// orphan is a node superseded at a height, known by its digest's first 8 bytes: two nodes
// sharing them (about one pair in a million million at ten million orphans) would at worst
// leave a live node out of the cache, to be read from pebble when needed, since the cache
// never changes a result.
type orphan struct {
	id     uint64
	height int64
}

// eachOrphanRecord calls fn with every orphan record's height and digests (either layout).
func (db *DB) eachOrphanRecord(fn func(height int64, digests []byte)) error {
	it, err := db.pdb.NewIter(&pebble.IterOptions{LowerBound: prefixOrphan, UpperBound: PrefixEnd(prefixOrphan)})
	if err != nil {
		return err
	}
	defer it.Close()
	for valid := it.First(); valid; valid = it.Next() {
		height, digests, err := orphanRecord(it.Key(), it.Value())
		if err != nil {
			continue // prune reports a corrupt record
		}
		fn(height, digests)
	}
	return it.Error()
}

// countOrphans counts the orphans all records list.
func (db *DB) countOrphans() (int, error) {
	n := 0
	err := db.eachOrphanRecord(func(_ int64, digests []byte) { n += len(digests) / len(nodeHash{}) })
	return n, err
}

// readOrphans appends to out the orphans whose ids are in [lo, hi], sorted by id. A node is
// superseded if it was orphaned at a height above the one it was last written at; orphaned
// and written again at the same height (the same content comes back in the block that
// replaced it: orphans are recorded before writes), it is current.
func (db *DB) readOrphans(out []orphan, lo, hi uint64) ([]orphan, error) {
	err := db.eachOrphanRecord(func(height int64, digests []byte) {
		for ; len(digests) > 0; digests = digests[len(nodeHash{}):] {
			if id := binary.BigEndian.Uint64(digests); id >= lo && id <= hi {
				out = append(out, orphan{id: id, height: height})
			}
		}
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b orphan) int { return cmp.Compare(a.id, b.id) })
	return out, nil
}
