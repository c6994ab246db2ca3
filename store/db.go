package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"syscall"

	"github.com/cockroachdb/pebble"
	"github.com/cockroachdb/pebble/bloom"
	"github.com/cockroachdb/pebble/vfs"
)

// DefaultKeepRecent is how many heights of superseded tree nodes are kept for proofs.
const DefaultKeepRecent = 1000

// DB is the committed application state.
type DB struct {
	pdb        *pebble.DB
	keepRecent int64

	// Only the executing (consensus) goroutine touches nodes and working.
	nodes   *nodeStore
	working digest // the root with the changes applied since the last commit

	reads     *readCache
	nodeCache *nodeCache
	warming   warming
	// batchHint is the size of the last commit's batch: the next one starts that large, so
	// that a block of many changes does not grow its batch by copying again and again (the
	// growth was a quarter of Commit's CPU in BenchmarkDueProcessing's profile).
	batchHint int
	stalls    *stallCounter
	// closing is set when Close begins: Stats, which any goroutine may call (a metrics
	// scrape), stops asking pebble for its metrics then.
	closing atomic.Bool

	mu      sync.RWMutex // guards height and root for readers on other goroutines
	height  int64
	root    []byte
	indexed int64 // see IndexedHeight
	// lastCommit counts what the last Commit wrote (Stats).
	lastCommit CommitStats
}

// Options configure Open.
type Options struct {
	InMemory       bool  // a pebble in-memory filesystem, for tests and simulation
	KeepRecent     int64 // heights of superseded nodes kept for proofs; 0 means the default
	NodeCacheBytes int   // memory for tree nodes; 0 means DefaultNodeCacheBytes
	// MemTableBytes is pebble's memory table size; 0 means DefaultMemTableBytes.
	MemTableBytes int
}

// DefaultMemTableBytes sizes pebble's memory table. Pebble preallocates each write-ahead log
// file at 110% of it and keeps one retired log for reuse, so the log takes up to 2.2 times
// this on disk, and up to two tables are held in memory: 16 MiB gives at most ~36 MB of log
// and 32 MiB of memory, small beside a member's disk and RAM, while a block of a thousand
// transfers (about 1 MB of state and tree nodes) still fills it only every dozen blocks.
// The 64 MiB used before filled a 110 MB test disk with one 72 MB log file.
const DefaultMemTableBytes = 16 << 20

// Bounds of MemTableBytes: pebble needs room for one large batch; beyond 1 GiB a member's
// disk and restart time (the log is replayed) pay for nothing.
const (
	MinMemTableBytes = 4 << 20
	MaxMemTableBytes = 1 << 30
)

// CacheBytes is the size of pebble's block cache: large enough to keep the tree's upper
// levels and hot accounts in memory.
const CacheBytes = 256 << 20

func pebbleOptions(opts Options, stalls *stallCounter) *pebble.Options {
	mem := opts.MemTableBytes
	if mem <= 0 {
		mem = DefaultMemTableBytes
	}
	po := &pebble.Options{
		Cache:        pebble.NewCache(CacheBytes),
		MemTableSize: uint64(mem),
		// Point reads of absent keys (a frozen flag, a member record of an individual) are
		// common in execution; bloom filters answer them without touching data blocks.
		Levels: make([]pebble.LevelOptions, 7),
		EventListener: &pebble.EventListener{
			WriteStallBegin: func(pebble.WriteStallBeginInfo) { stalls.begin() },
			WriteStallEnd:   stalls.end,
		},
	}
	for i := range po.Levels {
		po.Levels[i].FilterPolicy = bloom.FilterPolicy(10)
		po.Levels[i].BlockSize = 32 << 10
	}
	if opts.InMemory {
		po.FS = vfs.NewMem()
	}
	return po
}

// Open opens (or creates) the state database in dir.
func Open(dir string, opts Options) (*DB, error) {
	if opts.MemTableBytes != 0 && (opts.MemTableBytes < MinMemTableBytes || opts.MemTableBytes > MaxMemTableBytes) {
		return nil, fmt.Errorf("memory table of %d bytes: must be %d..%d", opts.MemTableBytes, MinMemTableBytes, MaxMemTableBytes)
	}
	stalls := &stallCounter{}
	po := pebbleOptions(opts, stalls)
	pdb, err := pebble.Open(dir, po)
	if errors.Is(err, syscall.EAGAIN) || errors.Is(err, syscall.EWOULDBLOCK) {
		return nil, fmt.Errorf("state db %s is locked: another puhui process is using this home (stop it first): %w", dir, err)
	}
	if err != nil {
		return nil, fmt.Errorf("open state db: %w", err)
	}
	db := &DB{pdb: pdb, keepRecent: opts.KeepRecent, reads: newReadCache(), nodeCache: newNodeCache(opts.NodeCacheBytes),
		stalls: stalls}
	if db.keepRecent <= 0 {
		db.keepRecent = DefaultKeepRecent
	}
	if err := db.load(); err != nil {
		pdb.Close()
		return nil, err
	}
	return db, nil
}

func (db *DB) load() error {
	db.nodes = newNodeStore(db.pdb, db.nodeCache)
	if err := db.loadIndexed(); err != nil {
		return err
	}
	hv, err := db.getMeta(keyHeight)
	if err != nil {
		return err
	}
	if hv == nil {
		db.root = emptyDigest[:]
		return nil
	}
	root, err := db.getMeta(keyRoot)
	if err != nil {
		return err
	}
	db.height = int64(binary.BigEndian.Uint64(hv))
	if len(root) != len(db.working) {
		return errors.New("corrupt state root")
	}
	db.root, db.working = root, digest(root)
	db.startWarming()
	return nil
}

func (db *DB) getMeta(key []byte) ([]byte, error) {
	v, closer, err := db.pdb.Get(key)
	if errors.Is(err, pebble.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer closer.Close()
	return append([]byte(nil), v...), nil
}

// Compact flushes the memtables and compacts the whole database. Pebble compacts in the
// background anyway; this is for after a bulk load (a restored snapshot, a benchmark's seed)
// so that reads that follow do not compete with the compactions the load set off.
func (db *DB) Compact() error {
	if err := db.pdb.Flush(); err != nil {
		return err
	}
	return db.pdb.Compact([]byte{0}, []byte{0xff}, true)
}

// Close closes the database.
func (db *DB) Close() error {
	db.mu.Lock() // waits for a Stats reading pebble's metrics
	db.closing.Store(true)
	db.mu.Unlock()
	db.stopWarming()
	db.nodes.waitCache()
	db.nodeCache.release() // its memory is not the Go heap's: nothing frees it after this
	return db.pdb.Close()
}

// LastCommit returns the height and root of the last commit (0 and the empty root before
// the first).
func (db *DB) LastCommit() (int64, []byte) {
	db.mu.RLock()
	defer db.mu.RUnlock()
	return db.height, append([]byte(nil), db.root...)
}

// State is a reader of the committed state (through the read cache).
func (db *DB) State() Reader { return cachedReader{db} }

// ApplyChanges puts changes into the tree and returns the new root. It persists nothing:
// the nodes wait in memory for Commit. It may be called more than once before a Commit (the
// genesis state and the first block), with height the height that Commit will record.
//
// The first call after Open waits for the warm-up to load the tree (warm.go): reading the
// tree in bulk then costs less than reading every changed path's lower levels node by node.
func (db *DB) ApplyChanges(height int64, changes *Cache) ([]byte, error) {
	db.waitWarm()
	db.nodes.waitCache()
	db.nodes.height = height
	batch := make([]change, 0, changes.Len())
	changes.Changes(func(key, value []byte, deleted bool) {
		batch = append(batch, newChange(key, value, deleted))
	})
	sortChanges(batch)
	root, err := updateTree(db.nodes, db.working, batch)
	if err != nil {
		return nil, fmt.Errorf("tree update: %w", err)
	}
	db.working = root
	return root[:], nil
}

// maxBatchHint bounds the batch a commit starts with.
const maxBatchHint = 64 << 20

// Commit writes the state changes since the last commit (every key ApplyChanges saw), the
// tree nodes made by ApplyChanges, the block's side-index records and the new height and
// root in one synced batch.
//
// The batch is written in key order as far as it can be (index records, metadata, nodes by
// digest, the orphan record, state keys; only pruned nodes and index records fall outside
// it): a due block's batch (33 MiB at a million loans) is larger than the memory table, and
// pebble then sorts the batch itself into a memory table of its own, which on unsorted
// entries was an eighth of Commit's time and on sorted ones is a pass that checks the order.
func (db *DB) Commit(height int64, root []byte, changes *Cache, index ...Record) error {
	// A margin over the last batch: a batch that outgrows its buffer is copied into one twice
	// as large (tens of megabytes, in Commit's time).
	size := max(db.batchHint+db.batchHint/8, db.nodes.batchEstimate(changes.Len()))
	b := db.pdb.NewBatchWithSize(size)
	defer b.Close()
	var stats CommitStats
	indexed, err := db.putIndex(b, height, index)
	if err != nil {
		return err
	}
	hv := binary.BigEndian.AppendUint64(nil, uint64(height))
	if err := b.Set(keyHeight, hv, nil); err != nil {
		return err
	}
	if err := b.Set(keyRoot, root, nil); err != nil {
		return err
	}
	if stats.Nodes, stats.Orphans, stats.OrphanRecords, err = db.nodes.flush(b); err != nil {
		return err
	}
	if old := height - db.keepRecent; old > 0 {
		if stats.Pruned, err = prune(db.pdb, b, old, db.nodes.pending, db.nodeCache); err != nil {
			return err
		}
	}
	changes.Changes(func(key, value []byte, deleted bool) {
		if err != nil {
			return
		}
		stats.StateKeys++
		if deleted {
			err = b.Delete(stateKey(key), nil)
		} else {
			err = b.Set(stateKey(key), value, nil)
		}
	})
	if err != nil {
		return err
	}
	// The size is taken before committing: pebble empties a batch too large for its memory
	// table when it commits it (a flushable batch), and the hint read after was 0.
	stats.BatchBytes = b.Len()
	if err := b.Commit(pebble.Sync); err != nil {
		return fmt.Errorf("commit state: %w", err)
	}
	db.batchHint = min(stats.BatchBytes, maxBatchHint)
	db.reads.update(changes)
	db.nodes.updateCache() // leaves the next block an empty pending map and orphan list
	db.working = digest(root)
	db.mu.Lock()
	db.height, db.root, db.indexed = height, append([]byte(nil), root...), indexed
	db.lastCommit = stats
	db.mu.Unlock()
	return nil
}

// Rollback abandons the changes applied to the tree since the last commit (used when a
// block is executed but will not be committed, and by tests).
func (db *DB) Rollback() {
	db.nodes.reset()
	db.mu.RLock()
	db.working = digest(db.root)
	db.mu.RUnlock()
}

func stateKey(key []byte) []byte {
	return append(append(make([]byte, 0, len(prefixState)+len(key)), prefixState...), key...)
}

// pebbleReader reads state keys from a pebble reader (the DB or a snapshot).
type pebbleReader struct{ r pebble.Reader }

func (p pebbleReader) Get(key []byte) []byte {
	v, closer, err := p.r.Get(stateKey(key))
	if errors.Is(err, pebble.ErrNotFound) {
		return nil
	}
	if err != nil {
		panic(fmt.Sprintf("state read failed: %v", err))
	}
	defer closer.Close()
	return append([]byte(nil), v...)
}

func (p pebbleReader) Iterate(start, end []byte, fn func(key, value []byte) bool) {
	opts := &pebble.IterOptions{LowerBound: stateKey(start)}
	if end != nil {
		opts.UpperBound = stateKey(end)
	} else {
		opts.UpperBound = PrefixEnd(prefixState)
	}
	it, err := p.r.NewIter(opts)
	if err != nil {
		panic(fmt.Sprintf("state iterate failed: %v", err))
	}
	defer it.Close()
	for it.First(); it.Valid(); it.Next() {
		if !fn(it.Key()[len(prefixState):], it.Value()) {
			return
		}
	}
	if err := it.Error(); err != nil {
		panic(fmt.Sprintf("state iterate failed: %v", err))
	}
}
