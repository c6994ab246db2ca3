package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"github.com/cockroachdb/pebble"
)

// Key prefixes in the pebble database. State values and tree nodes live side by side so
// that one batch commits both.
var (
	prefixState  = []byte("s/")
	prefixNode   = []byte("n/")
	prefixOrphan = []byte("o/")
	keyHeight    = []byte("m/height")
	keyRoot      = []byte("m/root")
)

// nodeStore is the tree's node store (smt's kvstore.MapStore). Nodes written during a block
// stay in memory until the store commits. A node value is prefixed with the height it was
// last written at; deletions are not applied but recorded as orphans at the current height
// and pruned KeepRecent heights later, and only if the node was not written again since —
// identical content (say a balance that returns to an earlier value) yields the same node.
type nodeStore struct {
	reader  pebble.Reader
	cache   *nodeCache          // shared with snapshots
	height  int64               // height being executed
	pending map[nodeHash][]byte // values: height, then the node
	orphans []nodeHash
	chunk   []byte        // free room for pending values
	order   []pendingNode // flush's buffer

	// The last commit's nodes go into the cache on another goroutine (updateCache), while
	// the next block runs its transactions; caching is closed when that is done, and spare
	// and spareOrphans are then empty and become the next block's pending and orphans.
	caching      chan struct{}
	spare        map[nodeHash][]byte
	spareOrphans []nodeHash
	// room and spareRoom are how many entries pending and spare have held (clear keeps a
	// map's room), so that reserve grows a map only when a block needs more.
	room, spareRoom int
}

func newNodeStore(r pebble.Reader, cache *nodeCache) *nodeStore {
	return &nodeStore{reader: r, pending: make(map[nodeHash][]byte), spare: make(map[nodeHash][]byte), cache: cache}
}

func nodeKey(hash []byte) []byte {
	return append(append(make([]byte, 0, len(prefixNode)+len(hash)), prefixNode...), hash...)
}

func (n *nodeStore) Get(hash []byte) ([]byte, error) {
	return n.appendNode(nil, hash)
}

// appendNode appends the node stored under hash to dst.
func (n *nodeStore) appendNode(dst, hash []byte) ([]byte, error) {
	if len(hash) != len(nodeHash{}) {
		return dst, errors.New("tree node not found")
	}
	if v, ok := n.pending[nodeHash(hash)]; ok {
		return append(dst, v[8:]...), nil
	}
	if out, ok := n.cache.appendTo(dst, hash); ok {
		return out, nil
	}
	n.cache.diskReads.Add(1)
	v, closer, err := n.reader.Get(nodeKey(hash))
	if errors.Is(err, pebble.ErrNotFound) {
		return dst, errors.New("tree node not found")
	}
	if err != nil {
		return dst, err
	}
	defer closer.Close()
	if len(v) < 8 {
		return dst, errors.New("corrupt tree node")
	}
	n.cache.put(hash, v[8:])
	return append(dst, v[8:]...), nil
}

// updateCache brings the node cache to the committed tree: the nodes the commit orphaned
// out, then those it wrote in (a node can be both: same content written again), since the
// next blocks read most of them again. At a million loans that is about 190,000 of each, a
// random access into a map of seven million nodes each: 400 ms of a due block's Commit when
// done in it, so it is done on another goroutine, beside the next block's transactions (which
// read state, not the tree); the next tree update waits for it (waitCache). A node read in
// between that is not cached yet comes from pebble, where the commit put it: the cache never
// changes a result.
func (n *nodeStore) updateCache() {
	n.waitCache()
	pending, orphans, cache := n.pending, n.orphans, n.cache
	n.room = max(n.room, len(pending))
	n.pending, n.orphans = n.spare, n.spareOrphans
	n.spare, n.spareOrphans = pending, orphans[:0]
	n.room, n.spareRoom = n.spareRoom, n.room
	done := make(chan struct{})
	n.caching = done
	go func() {
		defer close(done)
		for _, h := range orphans {
			cache.remove(h[:])
		}
		for h, v := range pending { // order is irrelevant: the cache never changes a result
			cache.put(h[:], v[8:])
		}
		clear(pending) // keeps the map's room for the block after next
	}()
}

// waitCache waits until the last commit's nodes are in the cache.
func (n *nodeStore) waitCache() {
	if n.caching != nil {
		<-n.caching
		n.caching = nil
	}
}

// reserve makes room for a tree update's orphans and new nodes before they are recorded:
// the first blocks after opening grew both from nothing, by copying, which at a million loans
// (190,000 of each) was 0.3 s of the first due block's new root.
func (n *nodeStore) reserve(orphans, writes int) {
	n.orphans = slices.Grow(n.orphans, orphans)
	if need := len(n.pending) + writes; need > n.room {
		grown := make(map[nodeHash][]byte, need)
		for h, v := range n.pending {
			grown[h] = v
		}
		n.pending, n.room = grown, need
	}
}

func (n *nodeStore) Set(hash, value []byte) error {
	if len(hash) != len(nodeHash{}) {
		return errors.New("tree node hash of the wrong size")
	}
	v := n.alloc(8 + len(value))
	binary.BigEndian.PutUint64(v, uint64(n.height))
	copy(v[8:], value)
	n.pending[nodeHash(hash)] = v
	return nil
}

// alloc carves pending node values out of shared chunks: a block writes hundreds of
// thousands of nodes of about 70 bytes, which as separate allocations cost more than their
// hashing. The chunks are dropped, not reused, when the block's nodes are: a value may still
// be referenced by a batch being written.
func (n *nodeStore) alloc(size int) []byte {
	if size > len(n.chunk) {
		n.chunk = make([]byte, max(size, nodeChunkBytes))
	}
	v := n.chunk[:size:size]
	n.chunk = n.chunk[size:]
	return v
}

const nodeChunkBytes = 1 << 20

func (n *nodeStore) Delete(hash []byte) error {
	if len(hash) != len(nodeHash{}) {
		return errors.New("tree node hash of the wrong size")
	}
	// A node written since the last commit never reaches disk if it is already superseded;
	// the orphan record still covers an older copy of the same content on disk.
	delete(n.pending, nodeHash(hash))
	n.orphans = append(n.orphans, nodeHash(hash))
	return nil
}

func (n *nodeStore) Len() (int, error) { return 0, errors.New("not supported") }
func (n *nodeStore) ClearAll() error   { return errors.New("not supported") }

// reset drops what the last block wrote; used when execution is abandoned (a crash would
// drop it too).
func (n *nodeStore) reset() {
	clear(n.pending) // keeps the map's room for the next block's nodes
	n.orphans = n.orphans[:0]
}

// Orphan records list the nodes superseded at a height. One record per height, under
// orphanKey(height), holds their digests one after another: a block that changes twenty
// thousand keys supersedes a few hundred thousand nodes, and as one key each they were as
// many entries for the batch, the memtable and every compaction to sort and carry. Homes
// written before kept one record per node, under orphanKey(height) and a 4-byte index, its
// value a single digest; prune and the warm-up read both (orphanRecord), so such a home needs
// no conversion and its old records go as their heights are pruned.
func orphanKey(height int64) []byte {
	k := make([]byte, 0, len(prefixOrphan)+8)
	k = append(k, prefixOrphan...)
	return binary.BigEndian.AppendUint64(k, uint64(height))
}

// orphanRecord checks an orphan record of either layout and returns the height it is for
// and the digests it lists (len(digests) is a multiple of the digest size).
func orphanRecord(key, value []byte) (height int64, digests []byte, err error) {
	switch {
	case len(key) == len(prefixOrphan)+8 && len(value)%len(nodeHash{}) == 0:
	case len(key) == len(prefixOrphan)+12 && len(value) == len(nodeHash{}): // the old layout
	default:
		return 0, nil, fmt.Errorf("corrupt orphan record %x", key)
	}
	return int64(binary.BigEndian.Uint64(key[len(prefixOrphan):])), value, nil
}

// batchEstimate is about the size of a commit's batch with n state changes: the first
// commit after opening has no earlier batch to size it by, and growing a batch of tens of
// megabytes by copying cost a quarter of a second.
func (n *nodeStore) batchEstimate(changes int) int {
	const node, state = 2 + 32 + 8 + maxCachedValue + 8, 256 // key, height, node, record overhead
	return len(n.pending)*node + len(n.orphans)*len(nodeHash{}) + changes*state
}

// flush writes pending nodes, in digest order, and the height's orphan record into batch and
// counts them: nodes, orphans, and the keys the orphan records take.
func (n *nodeStore) flush(b *pebble.Batch) (nodes, orphans, records int, err error) {
	order := n.sortedPending()
	defer clear(order) // the buffer must not keep this block's node values alive
	for _, p := range order {
		// Written in place: a key allocated per node was a sixth of flush's time.
		op := b.SetDeferred(len(prefixNode)+len(p.hash), len(p.value))
		copy(op.Key[copy(op.Key, prefixNode):], p.hash[:])
		copy(op.Value, p.value)
		if err := op.Finish(); err != nil {
			return 0, 0, 0, err
		}
	}
	if len(n.orphans) == 0 {
		return len(n.pending), 0, 0, nil
	}
	key := orphanKey(n.height)
	op := b.SetDeferred(len(key), len(n.orphans)*len(nodeHash{}))
	copy(op.Key, key)
	for i := range n.orphans {
		copy(op.Value[i*len(nodeHash{}):], n.orphans[i][:])
	}
	if err := op.Finish(); err != nil {
		return 0, 0, 0, err
	}
	return len(n.pending), len(n.orphans), 1, nil
}

type pendingNode struct {
	hash  nodeHash
	value []byte
}

// sortedPending lists the pending nodes by digest, in a buffer kept for the next commit.
// Digests are uniform, so a counting pass on their first two bytes puts a due block's
// 190,000 nodes into buckets of about three, each then sorted in place: a comparison sort of
// them was 60 ms of Commit at a million loans.
func (n *nodeStore) sortedPending() []pendingNode {
	if cap(n.order) < len(n.pending) {
		n.order = make([]pendingNode, len(n.pending))
	}
	order := n.order[:len(n.pending)]
	starts := make([]int32, 1<<16+1) // where each first-two-bytes bucket starts in order
	for h := range n.pending {
		starts[int(h[0])<<8|int(h[1])+1]++
	}
	for i := 1; i < len(starts); i++ {
		starts[i] += starts[i-1]
	}
	next := slices.Clone(starts) // each bucket's next free place
	for h, v := range n.pending {
		b := int(h[0])<<8 | int(h[1])
		order[next[b]] = pendingNode{h, v}
		next[b]++
	}
	for b := 0; b < 1<<16; b++ {
		bucket := order[starts[b]:starts[b+1]]
		for i := 1; i < len(bucket); i++ { // insertion sort: a bucket holds a few nodes
			for j := i; j > 0 && bytes.Compare(bucket[j].hash[:], bucket[j-1].hash[:]) < 0; j-- {
				bucket[j], bucket[j-1] = bucket[j-1], bucket[j]
			}
		}
	}
	return order
}

// prune deletes the nodes orphaned at height, unless they were written again later —
// including in the batch being committed (pending), whose writes are not on disk yet.
// Pruned nodes leave the node cache too (a proof from an older snapshot may have loaded them).
//
// A node's last-written height is read from pebble, in digest order through one iterator:
// read one by one in the record's order, each was a random point read of a data block
// (16–20 µs a node; a second for the 57,000 nodes a due block supersedes at 300,000 loans),
// where in order the nodes in one block are read together and the iterator is not rebuilt.
func prune(db *pebble.DB, b *pebble.Batch, height int64, pending map[nodeHash][]byte, cache *nodeCache) (int, error) {
	lo, hi := orphanKey(height), orphanKey(height+1) // both layouts' records for height
	hashes, err := orphanedAt(db, lo, hi)
	if err != nil {
		return 0, err
	}
	it, err := db.NewIter(&pebble.IterOptions{LowerBound: prefixNode, UpperBound: PrefixEnd(prefixNode)})
	if err != nil {
		return 0, err
	}
	defer it.Close()
	pruned := 0
	for i, hash := range hashes {
		if i > 0 && hash == hashes[i-1] {
			continue // listed twice
		}
		if _, rewritten := pending[hash]; rewritten {
			continue
		}
		nk := nodeKey(hash[:])
		if !it.SeekGE(nk) || !bytes.Equal(it.Key(), nk) {
			continue // not stored (pruned already, listed at two heights)
		}
		if v := it.Value(); len(v) >= 8 && int64(binary.BigEndian.Uint64(v[:8])) >= height {
			continue // written again since
		}
		if err := b.Delete(nk, nil); err != nil {
			return 0, err
		}
		cache.remove(hash[:])
		pruned++
	}
	if err := it.Error(); err != nil {
		return 0, err
	}
	return pruned, b.DeleteRange(lo, hi, nil)
}

// orphanedAt reads the orphan records in [lo, hi) (one height, either layout) and returns
// the digests they list, sorted.
func orphanedAt(db *pebble.DB, lo, hi []byte) ([]nodeHash, error) {
	it, err := db.NewIter(&pebble.IterOptions{LowerBound: lo, UpperBound: hi})
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var hashes []nodeHash
	for it.First(); it.Valid(); it.Next() {
		_, digests, err := orphanRecord(it.Key(), it.Value())
		if err != nil {
			return nil, err
		}
		if hashes == nil {
			hashes = make([]nodeHash, 0, len(digests)/len(nodeHash{}))
		}
		for ; len(digests) > 0; digests = digests[len(nodeHash{}):] {
			hashes = append(hashes, nodeHash(digests))
		}
	}
	if err := it.Error(); err != nil {
		return nil, err
	}
	slices.SortFunc(hashes, func(a, b nodeHash) int { return bytes.Compare(a[:], b[:]) })
	return hashes, nil
}
