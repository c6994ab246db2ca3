package store

import (
	"bytes"
	"encoding/binary"
	"slices"
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
// It runs in the background, so that opening stays quick and the node can answer Info, the
// handshake and queries at once; the first ApplyChanges waits for it (waitWarm). Racing it
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

func (db *DB) startWarming(root []byte) {
	db.warming.done = make(chan struct{})
	db.warming.started = time.Now()
	go func() {
		defer close(db.warming.done)
		_ = db.warmNodes(root) // best effort: a node it cannot read, Get reports when needed
		db.warming.ended.Store(time.Now().UnixNano())
	}()
}

// waitWarm waits until the warm-up has ended (at once if there is none or it is over).
func (db *DB) waitWarm() {
	if db.warming.done != nil {
		<-db.warming.done
	}
}

// stopWarming ends the warm-up and waits for it (before pebble closes).
func (db *DB) stopWarming() {
	if db.warming.done != nil {
		db.warming.stop.Store(true)
		<-db.warming.done
	}
}

// maxWarmOrphans bounds the orphan records the key-order warm-up holds in memory (40 bytes
// each). Beyond it — a node that kept many heights of busy blocks for proofs — the tree is
// walked level by level instead. A variable so that a test can reach that path.
var maxWarmOrphans = 4 << 20

// warmNodes loads the committed tree into the node cache, until the cache is full. It reads
// the node keyspace once, in key order: pebble then reads each data block once, in file
// order, where walking the tree reads a block once per level of the tree that has a node in
// it — at a million loans the lower ten levels each touch nearly every block. Superseded
// nodes (pebble keeps them KeepRecent heights for proofs) are skipped by their orphan
// records, which are read first.
func (db *DB) warmNodes(root []byte) error {
	orphans, ok, err := db.readOrphans()
	if err != nil {
		return err
	}
	if !ok {
		return db.warmByLevels(root)
	}
	if stored, err := db.pdb.EstimateDiskUsage(prefixNode, PrefixEnd(prefixNode)); err == nil {
		db.nodeCache.reserve(int(stored/storedNodeBytes) - len(orphans))
	}
	it, err := db.pdb.NewIter(&pebble.IterOptions{LowerBound: prefixNode, UpperBound: PrefixEnd(prefixNode)})
	if err != nil {
		return err
	}
	defer it.Close()
	next := 0 // the first orphan record not below the iterator's node
	n := 0
	for valid := it.First(); valid; valid = it.Next() {
		if n++; n%4096 == 0 && (db.warming.stop.Load() || db.nodeCache.full()) {
			return nil
		}
		hash, value := it.Key()[len(prefixNode):], it.Value()
		if len(hash) != len(nodeHash{}) || len(value) < 8 {
			continue // not a node; Get reports it if it is ever needed
		}
		var orphanedAt int64 = -1
		for next < len(orphans) && bytes.Compare(orphans[next].hash[:], hash) < 0 {
			next++
		}
		for next < len(orphans) && bytes.Equal(orphans[next].hash[:], hash) {
			orphanedAt = max(orphanedAt, orphans[next].height)
			next++
		}
		if orphanedAt > int64(binary.BigEndian.Uint64(value[:8])) {
			continue // superseded at orphanedAt and not written again since: pruning waits for it
		}
		db.nodeCache.put(hash, value[8:])
		db.warming.loaded.Add(1)
	}
	return it.Error()
}

// storedNodeBytes is about what a node takes in pebble's tables: a 34-byte key, an 8-byte
// height and a 65–67-byte node, which do not compress (they are hashes), and the entry's
// overhead. It turns the node keyspace's size into a number of nodes to make room for; the
// estimate only sizes maps.
const storedNodeBytes = 112

// orphan is an orphan record: a node superseded at a height.
type orphan struct {
	hash   nodeHash
	height int64
}

// readOrphans returns the orphan records sorted by node, or false if there are more than
// maxWarmOrphans. A node is superseded if it was orphaned at a height above the one it was
// last written at; orphaned and written again at the same height (the same content comes
// back in the block that replaced it: orphans are recorded before writes), it is current.
func (db *DB) readOrphans() ([]orphan, bool, error) {
	it, err := db.pdb.NewIter(&pebble.IterOptions{LowerBound: prefixOrphan, UpperBound: PrefixEnd(prefixOrphan)})
	if err != nil {
		return nil, false, err
	}
	defer it.Close()
	var out []orphan
	for valid := it.First(); valid; valid = it.Next() {
		k, v := it.Key(), it.Value()
		if len(k) != len(prefixOrphan)+12 || len(v) != len(nodeHash{}) {
			continue // prune reports a corrupt record
		}
		if len(out) == maxWarmOrphans {
			return nil, false, nil
		}
		out = append(out, orphan{hash: nodeHash(v), height: int64(binary.BigEndian.Uint64(k[len(prefixOrphan):]))})
	}
	if err := it.Error(); err != nil {
		return nil, false, err
	}
	slices.SortFunc(out, func(a, b orphan) int { return bytes.Compare(a.hash[:], b.hash[:]) })
	return out, true, nil
}

// warmByLevels loads the tree rooted at root level by level, each level's nodes in key
// order, until the cache is full: slower than one pass in key order, but it needs no orphan
// records in memory and loads only the current tree.
func (db *DB) warmByLevels(root []byte) error {
	it, err := db.pdb.NewIter(&pebble.IterOptions{LowerBound: prefixNode, UpperBound: PrefixEnd(prefixNode)})
	if err != nil {
		return err
	}
	defer it.Close()
	level := []nodeHash{nodeHash(root)}
	for len(level) > 0 && !db.nodeCache.full() {
		slices.SortFunc(level, func(a, b nodeHash) int { return bytes.Compare(a[:], b[:]) })
		var next []nodeHash
		for i := range level {
			if db.warming.stop.Load() {
				return nil
			}
			key := nodeKey(level[i][:])
			if !it.SeekGE(key) || !bytes.Equal(it.Key(), key) || len(it.Value()) < 8 {
				continue // not stored (the empty tree); Get reports it if it is ever needed
			}
			node := it.Value()[8:]
			db.nodeCache.put(level[i][:], node)
			db.warming.loaded.Add(1)
			next = appendChildren(next, node)
		}
		if err := it.Error(); err != nil {
			return err
		}
		level = next
	}
	return nil
}

// appendChildren appends the digests of a node's children (an inner node has two, an
// extension one, a leaf none); empty subtrees are not stored, so they are left out.
func appendChildren(out []nodeHash, node []byte) []nodeHash {
	n, err := decodeNode(node)
	if err != nil {
		return out // Get reports a corrupt node if it is ever needed
	}
	var children []digest
	switch n.kind {
	case nodeInner:
		children = []digest{n.a, n.b}
	case nodeExt:
		children = []digest{n.b}
	}
	for _, c := range children {
		if c != emptyDigest {
			out = append(out, c)
		}
	}
	return out
}
