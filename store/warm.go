package store

import (
	"bytes"
	"slices"
	"sync/atomic"
	"time"

	"github.com/cockroachdb/pebble"
)

// warming loads the committed tree into the node cache in the background when the store
// opens. Without it a restarted node would read the lower levels of every changed key's path
// from pebble for a month — until every loan had fallen due once — at 5–25 µs a node. In the
// background because it takes about half a minute at a million loans (here: 7 million nodes
// in 33 s, mostly pebble block reads); blocks executed meanwhile find more of the tree in
// memory as it goes. The cache never changes a result, so neither does the timing.
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

// stopWarming ends the warm-up and waits for it (before pebble closes).
func (db *DB) stopWarming() {
	if db.warming.done != nil {
		db.warming.stop.Store(true)
		<-db.warming.done
	}
}

// warmNodes loads the tree rooted at root into the node cache, until the cache is full. The
// tree is read level by level, each level's nodes in key order, so that pebble reads a data
// block once per level rather than once per node. Only nodes of the current tree are loaded
// (pebble also holds superseded ones for proofs).
func (db *DB) warmNodes(root []byte) error {
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
